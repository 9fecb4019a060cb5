//! What the app's integration tests share.

use atelier_app::Atelier;
use atelier_core::{ProjectDraft, ProjectId};

/// A fresh database holding one project titled "Parcours".
pub fn open_with_project() -> (tempfile::TempDir, Atelier, ProjectId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let p = app
        .create_project(ProjectDraft {
            title: "Parcours".into(),
            ..Default::default()
        })
        .expect("creates");
    (dir, app, p.id)
}
