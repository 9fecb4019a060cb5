//! Backups of the whole database, in Atelier's own format (see
//! `atelier_store::backup`).

use std::path::Path;

use chrono::Utc;

use crate::{AppError, Atelier, Result};

impl Atelier {
    /// Writes a backup of every record to `path` (a temporary file beside
    /// it, synced, then renamed) and returns its size in bytes. A file that
    /// cannot be written is named in the error.
    pub fn back_up_to(&self, path: &Path) -> Result<u64> {
        self.store.write_backup(path, Utc::now()).map_err(|e| match e {
            atelier_store::StoreError::Io(io) => AppError::file(path, &io),
            other => other.into(),
        })
    }
}
