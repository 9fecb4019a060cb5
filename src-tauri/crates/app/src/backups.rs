//! Backups of the whole database, in Atelier's own format (see
//! `atelier_store::backup`): the list the Data section shows, a backup to a
//! file the DLM chooses, and restoring one — from a chosen file, or from
//! the latest backup when the database cannot be opened.

use std::path::Path;

use atelier_store::backup::{self, Backup, BackupProblem, Summary};
use atelier_store::backups::{BackupFile, BackupKind};
use atelier_store::StoreError;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use crate::settings::UnreadableView;
use crate::{AppError, Atelier, Result};

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupOrigin {
    Daily,
    BeforeMigration,
    BeforeRestore,
    /// A file the DLM chose, outside the backups folder.
    Chosen,
}

/// How many records one tree holds in a backup.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TreeCount {
    pub tree: String,
    pub records: u32,
}

/// One backup as the Data section lists it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct BackupView {
    /// The file's name.
    pub name: String,
    pub path: String,
    pub origin: BackupOrigin,
    pub created_at: DateTime<Utc>,
    #[specta(type = f64)]
    pub bytes: u64,
    /// Projects (live ones), vendors and the DLM's records in all.
    pub projects: u32,
    pub vendors: u32,
    pub records: u32,
    pub trees: Vec<TreeCount>,
}

/// Where the data lives, its backups, and the records that cannot be read.
#[derive(Debug, Clone, Serialize, Type)]
pub struct DataStatus {
    pub data_dir: String,
    pub backups_dir: String,
    pub backups: Vec<BackupView>,
    pub unreadable: Vec<UnreadableView>,
    /// Today's automatic backup could not be written.
    pub daily_backup_failed: bool,
}

/// Why a file cannot be restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupRefusal {
    /// Not a backup Atelier wrote (another kind of file).
    NotABackup,
    /// Damaged: a line cannot be read.
    Garbled,
    /// Cut short: it does not end as a backup ends.
    Truncated,
    /// Written by a newer Atelier.
    Newer,
}

fn view(path: &Path, origin: BackupOrigin, summary: &Summary) -> BackupView {
    let count = |tree: &str| u32::try_from(summary.trees.get(tree).copied().unwrap_or(0)).unwrap_or(u32::MAX);
    BackupView {
        name: path.file_name().unwrap_or_default().to_string_lossy().into_owned(),
        path: path.display().to_string(),
        origin,
        created_at: summary.header.created_at,
        bytes: summary.bytes,
        projects: count("projects"),
        vendors: count("vendors"),
        // The schema number is not one of the DLM's records.
        records: u32::try_from(summary.records() - summary.trees.get("meta").copied().unwrap_or(0)).unwrap_or(u32::MAX),
        trees: summary
            .trees
            .iter()
            .map(|(tree, n)| TreeCount {
                tree: tree.clone(),
                records: u32::try_from(*n).unwrap_or(u32::MAX),
            })
            .collect(),
    }
}

fn listed(file: &BackupFile) -> BackupView {
    let origin = match file.kind {
        BackupKind::Daily => BackupOrigin::Daily,
        BackupKind::BeforeMigration => BackupOrigin::BeforeMigration,
        BackupKind::BeforeRestore => BackupOrigin::BeforeRestore,
    };
    view(&file.path, origin, &file.summary)
}

/// Reads and checks a whole backup file; nothing changes. A file that is
/// not a backup, damaged, cut short or from a newer Atelier is refused
/// (`BackupRefused`, naming the file).
pub fn read_backup_file(path: &Path) -> Result<(Backup, BackupView)> {
    let refused = |refusal| AppError::BackupRefused {
        path: path.to_path_buf(),
        refusal,
    };
    let backup = match backup::read(path) {
        Ok(Ok(b)) => b,
        Ok(Err(problem)) => {
            return Err(refused(match problem {
                BackupProblem::NotABackup => BackupRefusal::NotABackup,
                BackupProblem::NewerFormat(_) => BackupRefusal::Newer,
                BackupProblem::Garbled(_) => BackupRefusal::Garbled,
                BackupProblem::Truncated => BackupRefusal::Truncated,
            }))
        }
        Err(StoreError::Io { source, .. }) => return Err(AppError::file(path, &source)),
        Err(other) => return Err(other.into()),
    };
    if backup.header.schema > atelier_store::SCHEMA_VERSION {
        return Err(refused(BackupRefusal::Newer));
    }
    let summary = Summary {
        header: backup.header.clone(),
        trees: backup.counts(),
        bytes: std::fs::metadata(path).map_err(|e| AppError::file(path, &e))?.len(),
    };
    let view = view(path, BackupOrigin::Chosen, &summary);
    Ok((backup, view))
}

/// The latest whole backup in the data directory `dir`, even when its
/// database cannot be opened.
pub fn latest_backup(dir: &Path) -> Result<Option<BackupView>> {
    Ok(atelier_store::backups::list(dir)?.first().map(listed))
}

/// Makes the latest backup of `dir` replace its database at the next open,
/// for a database that cannot be opened (it is kept aside, as it is).
/// `NotFound` when there is no backup.
pub fn stage_latest_backup(dir: &Path) -> Result<BackupView> {
    let latest = atelier_store::backups::list(dir)?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let (backup, _) = read_backup_file(&latest.path)?;
    atelier_store::backups::stage_restore_in(dir, &backup)?;
    Ok(listed(&latest))
}

impl Atelier {
    /// Where the data lives, every backup of the backups folder (newest
    /// first), the records that cannot be read.
    pub fn data_status(&self) -> Result<DataStatus> {
        let dir = self.store.dir();
        Ok(DataStatus {
            data_dir: dir.display().to_string(),
            backups_dir: dir.join(atelier_store::backups::FOLDER).display().to_string(),
            backups: self.store.backups()?.iter().map(listed).collect(),
            unreadable: self.unreadable(),
            daily_backup_failed: self.daily_backup_problem.is_some(),
        })
    }

    /// Writes a backup of every record to `path` (a temporary file beside
    /// it, synced, then renamed) and describes it. A file that cannot be
    /// written is named in the error.
    pub fn back_up_to(&self, path: &Path) -> Result<BackupView> {
        self.store.write_backup(path, Utc::now()).map_err(|e| match e {
            StoreError::Io { source, .. } => AppError::file(path, &source),
            other => other.into(),
        })?;
        let summary = backup::summary(path)
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::Io(format!("{} was not written whole", path.display())))?;
        Ok(view(path, BackupOrigin::Chosen, &summary))
    }

    /// Checks the backup at `path`, backs up the current data (kept for
    /// good), and stages the backup to replace every record when the
    /// database is next opened ([`Atelier::reopen`]). A file that cannot be
    /// restored is refused before anything changes.
    pub fn stage_restore(&self, path: &Path) -> Result<BackupView> {
        let (backup, view) = read_backup_file(path)?;
        self.store.stage_restore(&backup, Utc::now())?;
        Ok(view)
    }

    /// Closes the database and opens it again: a staged restore takes the
    /// live database's place then.
    pub fn reopen(self) -> Result<Atelier> {
        let dir = self.store.dir().to_path_buf();
        drop(self);
        Atelier::open(&dir)
    }
}
