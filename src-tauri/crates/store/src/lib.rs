//! Atelier's persistence on sled 0.34.7.
//!
//! - One tree per kind of record; values are JSON in a versioned envelope
//!   (`{"v":N,"data":…}`) so that records can be migrated one day.
//! - One write path: every change is applied (in a transaction when several
//!   trees move together) and then `flush()`ed before success is reported.
//! - Opening takes an exclusive lock file first, turns a panic or a
//!   `Corruption` inside sled into [`StoreError::Damaged`], and never deletes
//!   a user file.

mod children;
mod engagements;
mod envelope;
mod error;
mod open;
mod projects;
mod settings;
mod templates;
mod themes;
mod vendors;
mod workspace;

pub use error::StoreError;
pub use open::{default_data_dir, SCHEMA_VERSION};
pub use projects::Page;

use std::fs::File;
use std::path::{Path, PathBuf};

/// The open database of one DLM. Thread-safe: sled trees are, and the lock
/// file is only held, never written.
pub struct Store {
    db: sled::Db,
    projects: sled::Tree,
    trash: sled::Tree,
    settings: sled::Tree,
    cycles: sled::Tree,
    tasks: sled::Tree,
    artefacts: sled::Tree,
    workspaces: sled::Tree,
    activities: sled::Tree,
    templates: sled::Tree,
    vendors: sled::Tree,
    journal: sled::Tree,
    engagements: sled::Tree,
    themes: sled::Tree,
    dir: PathBuf,
    _lock: File,
}

impl Store {
    /// The data directory this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Trees whose records belong to a project (keyed by, or prefixed
    /// with, its id): they follow the project into purge.
    fn child_trees(&self) -> [&sled::Tree; 6] {
        [
            &self.cycles,
            &self.tasks,
            &self.artefacts,
            &self.workspaces,
            &self.activities,
            &self.engagements,
        ]
    }

    /// Makes every applied change durable. The last step of every write.
    fn flush(&self) -> Result<()> {
        self.db.flush()?;
        Ok(())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
