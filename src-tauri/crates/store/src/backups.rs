//! The backups folder (`<data dir>/backups`): a copy of the whole database
//! taken at the first start of each day (the last seven are kept), one
//! before each migration and each restore (kept for good), and the list of
//! them all; and restoring one.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::backup::{self, Backup, Summary};
use crate::error::At;
use crate::open::{take_lock, SCHEMA_VERSION};
use crate::{replace, Result, Store, StoreError};

/// The folder's name inside the data directory.
pub const FOLDER: &str = "backups";
/// Daily backups kept; older ones are removed when a new one is taken.
pub const DAILY_KEPT: usize = 7;
const DAILY_PREFIX: &str = "daily-";
/// How the names of the backups kept for good begin.
pub(crate) const BEFORE_MIGRATION: &str = "pre-migration-";
const BEFORE_RESTORE: &str = "before-restore-";

/// Why a backup in the folder was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    /// At the first start of a day (the last seven are kept).
    Daily,
    /// Before a migration (kept for good).
    BeforeMigration,
    /// Before a restore replaced the data (kept for good).
    BeforeRestore,
}

/// One backup in the folder, as the Data section lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: BackupKind,
    pub summary: Summary,
}

/// The backups folder of `dir`, created when missing.
pub(crate) fn folder(dir: &Path) -> Result<PathBuf> {
    let folder = dir.join(FOLDER);
    fs::create_dir_all(&folder).at(&folder)?;
    Ok(folder)
}

/// Removes the temporary files of backups a crash interrupted (they are
/// Atelier's own unfinished files, never a whole backup).
pub(crate) fn clear_unfinished(dir: &Path) -> Result<()> {
    let folder = dir.join(FOLDER);
    if !folder.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(&folder).at(&folder)? {
        let path = entry.at(&folder)?.path();
        if path.extension().is_some_and(|e| e == "partial") {
            fs::remove_file(&path).at(&path)?;
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
        let mut daily: Vec<PathBuf> = fs::read_dir(&folder)
            .at(&folder)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_backup(p) && file_name(p).starts_with(DAILY_PREFIX))
            .collect();
        // Names sort by date.
        daily.sort();
        for old in daily.iter().rev().skip(DAILY_KEPT) {
            fs::remove_file(old).at(old)?;
        }
        Ok(Some(path))
    }

    /// Every whole backup in the folder, newest first (see [`list`]).
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        list(self.dir())
    }

    /// Makes `backup` replace every record at the next open: the current
    /// data is backed up first (kept for good), then the backup is built
    /// into a new database beside the live one (see `replace`). Refuses a
    /// backup from a newer Atelier. Returns the path of the safety backup.
    pub fn stage_restore(&self, backup: &Backup, now: DateTime<Utc>) -> Result<PathBuf> {
        refuse_newer(backup)?;
        let safety = folder(self.dir())?.join(format!(
            "{BEFORE_RESTORE}{}.{}",
            now.format("%Y-%m-%dT%H-%M-%S"),
            backup::EXTENSION
        ));
        self.write_backup(&safety, now)?;
        replace::stage(self.dir(), &backup.records)?;
        Ok(safety)
    }
}

/// Makes `backup` replace the database of `dir` at the next open, when that
/// database cannot be opened (damaged): no backup of it can be taken, and
/// the swap keeps it aside, as it is. Takes the directory's lock meanwhile.
pub fn stage_restore_in(dir: &Path, backup: &Backup) -> Result<()> {
    refuse_newer(backup)?;
    let _lock = take_lock(dir)?;
    replace::stage(dir, &backup.records)
}

fn refuse_newer(backup: &Backup) -> Result<()> {
    if backup.header.schema > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: backup.header.schema,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Every whole backup in the backups folder of `dir`, newest first. A file
/// cut short (a backup interrupted by a crash) is not listed.
pub fn list(dir: &Path) -> Result<Vec<BackupFile>> {
    let folder = dir.join(FOLDER);
    if !folder.exists() {
        return Ok(Vec::new());
    }
    let mut all = Vec::new();
    for entry in fs::read_dir(&folder).at(&folder)? {
        let path = entry.at(&folder)?.path();
        if !is_backup(&path) {
            continue;
        }
        if let Some(summary) = backup::summary(&path)? {
            let name = file_name(&path);
            let kind = if name.starts_with(BEFORE_MIGRATION) {
                BackupKind::BeforeMigration
            } else if name.starts_with(BEFORE_RESTORE) {
                BackupKind::BeforeRestore
            } else {
                BackupKind::Daily
            };
            all.push(BackupFile { path, kind, summary });
        }
    }
    all.sort_by_key(|b| std::cmp::Reverse(b.summary.header.created_at));
    Ok(all)
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap_or_default().to_string_lossy().into_owned()
}

fn is_backup(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == backup::EXTENSION)
}
