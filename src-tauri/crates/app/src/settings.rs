//! Preferences, and what the UI needs to know when it starts.

use atelier_core::Settings;
use serde::Serialize;
use specta::Type;

use crate::{Atelier, Result};

/// What the window needs before it draws anything.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Startup {
    pub settings: Settings,
    /// Live projects; zero shows the first-run welcome.
    pub project_count: u32,
    /// True when sample projects are loaded, so the UI offers to remove them.
    pub has_samples: bool,
    /// Where the data lives, shown in Settings.
    pub data_dir: String,
    /// Today's automatic backup could not be written (a full disk, a
    /// folder that cannot be written): the window says so.
    pub daily_backup_failed: bool,
    /// Records found unreadable so far (skipped in every list, kept on
    /// disk): the window names them and points to Settings › Data.
    pub unreadable: Vec<UnreadableView>,
    /// Set when the database is open read-only, and why: the window says
    /// so and offers no change until it is writable again.
    pub read_only: Option<ReadOnly>,
}

/// Why the database is open read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReadOnly {
    /// The disk had no room: writing resumes by itself once it has.
    DiskFull,
    /// The DLM chose to see what damaged files still hold.
    Damaged,
}

impl From<atelier_store::ReadOnlyReason> for ReadOnly {
    fn from(reason: atelier_store::ReadOnlyReason) -> Self {
        match reason {
            atelier_store::ReadOnlyReason::DiskFull => ReadOnly::DiskFull,
            atelier_store::ReadOnlyReason::Damaged => ReadOnly::Damaged,
        }
    }
}

/// A record Atelier could not read: its tree, its key (hex) and why.
#[derive(Debug, Clone, Serialize, Type)]
pub struct UnreadableView {
    pub tree: String,
    pub key: String,
    pub reason: String,
}

impl Atelier {
    /// The preferences and the portfolio's first facts.
    pub fn startup(&self) -> Result<Startup> {
        Ok(Startup {
            settings: self.store.settings()?,
            project_count: u32::try_from(self.store.project_count()).unwrap_or(u32::MAX),
            has_samples: self.store.has_sample_projects(),
            data_dir: self.store.dir().display().to_string(),
            daily_backup_failed: self.daily_backup_problem.is_some(),
            unreadable: self.unreadable(),
            read_only: self.read_only(),
        })
    }

    /// True when today's automatic backup could not be written (the
    /// shell's log says so).
    pub fn daily_backup_failed(&self) -> bool {
        self.daily_backup_problem.is_some()
    }

    /// The records found unreadable since the database was opened.
    pub(crate) fn unreadable(&self) -> Vec<UnreadableView> {
        self.store
            .unreadable_records()
            .into_iter()
            .map(|u| UnreadableView {
                tree: u.tree,
                key: u.key,
                reason: u.reason,
            })
            .collect()
    }

    /// Saves the preferences. Refuses a name over 200 characters.
    pub fn save_settings(&self, settings: Settings) -> Result<Settings> {
        let settings = settings.checked()?;
        self.store.put_settings(&settings)?;
        Ok(settings)
    }
}
