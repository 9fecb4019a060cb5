//! The backups folder (`<data dir>/backups`): a copy of the whole database
//! taken at the first start of each day (the last seven are kept), one
//! before each migration (kept for good), and the list of them all.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::backup::{self, Summary};
use crate::{Result, Store};

/// The folder's name inside the data directory.
pub const FOLDER: &str = "backups";
/// Daily backups kept; older ones are removed when a new one is taken.
pub const DAILY_KEPT: usize = 7;
const DAILY_PREFIX: &str = "daily-";

/// One backup in the folder, as the Data section lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    /// Taken before a migration (kept for good), or a daily one.
    pub before_migration: bool,
    pub summary: Summary,
}

/// The backups folder of `dir`, created when missing.
pub(crate) fn folder(dir: &Path) -> Result<PathBuf> {
    let folder = dir.join(FOLDER);
    fs::create_dir_all(&folder)?;
    Ok(folder)
}

/// Removes the temporary files of backups a crash interrupted (they are
/// Atelier's own unfinished files, never a whole backup).
pub(crate) fn clear_unfinished(dir: &Path) -> Result<()> {
    let folder = dir.join(FOLDER);
    if !folder.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(&folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "partial") {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

impl Store {
    /// Takes today's backup if there is none yet, then keeps only the last
    /// [`DAILY_KEPT`] daily ones. Returns the new backup's path.
    pub fn daily_backup(&self, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
        let folder = folder(self.dir())?;
        let path = folder.join(format!(
            "{DAILY_PREFIX}{}.{}",
            now.format("%Y-%m-%d"),
            backup::EXTENSION
        ));
        if path.exists() {
            return Ok(None);
        }
        self.write_backup(&path, now)?;
        let mut daily: Vec<PathBuf> = fs::read_dir(&folder)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_backup(p) && file_name(p).starts_with(DAILY_PREFIX))
            .collect();
        // Names sort by date.
        daily.sort();
        for old in daily.iter().rev().skip(DAILY_KEPT) {
            fs::remove_file(old)?;
        }
        Ok(Some(path))
    }

    /// Every whole backup in the folder, newest first. A file cut short
    /// (a backup interrupted by a crash) is not listed.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        let folder = folder(self.dir())?;
        let mut all = Vec::new();
        for entry in fs::read_dir(&folder)? {
            let path = entry?.path();
            if !is_backup(&path) {
                continue;
            }
            if let Some(summary) = backup::summary(&path)? {
                all.push(BackupFile {
                    before_migration: file_name(&path).starts_with("pre-migration-"),
                    path,
                    summary,
                });
            }
        }
        all.sort_by_key(|b| std::cmp::Reverse(b.summary.header.created_at));
        Ok(all)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap_or_default().to_string_lossy().into_owned()
}

fn is_backup(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == backup::EXTENSION)
}
