//! What the store's integration tests share.

use atelier_core::{Project, ProjectDraft};
use atelier_store::Store;
use chrono::Utc;

/// Writes a project with only a title and returns it.
pub fn project(store: &Store, title: &str) -> Project {
    let p = Project::create(
        ProjectDraft {
            title: title.into(),
            ..Default::default()
        },
        Utc::now(),
    )
    .expect("valid");
    store.put_project(&p).expect("writes");
    p
}
