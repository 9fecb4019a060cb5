//! Atelier's API: every operation the UI can do, as plain Rust functions
//! over a [`Store`], with typed errors. Transport-free: the Tauri shell
//! only deserialises arguments, calls one function here and maps the error.

mod archive;
mod backups;
mod brief;
mod campaign;
mod choices;
mod cycles;
mod design;
mod engagements;
mod error;
mod evaluation;
mod files;
mod handoff;
mod it_readiness;
mod milestones;
mod mix;
mod people;
mod portfolio_report;
mod projects;
mod raci;
mod radar;
mod registry_csv;
mod roster;
mod sample_work;
mod samples;
mod search;
mod settings;
mod templates;
mod timeline;
mod vendors;

pub use archive::{ArchiveCounts, ArchivePreview, Arrival};
pub use atelier_export::archive::ArchiveError;
pub use backups::{
    latest_backup, read_backup_file, stage_latest_backup, BackupOrigin, BackupRefusal, BackupView, DataStatus,
    TreeCount,
};
pub use brief::BriefView;
pub use campaign::{CampaignSummary, CampaignView, MessageBrief, MessageView};
pub use choices::{choices, Choices};
pub use cycles::{CyclePlan, PlannedCycle, TaskBoard, TaskOwner};
pub use design::{DesignView, IdeaTally, PhaseGate, VoterDots};
pub use engagements::{EngagementRow, ProjectEngagements};
pub use error::AppError;
pub use evaluation::{EvaluationView, IndicatorView};
pub use handoff::HandoffView;
pub use it_readiness::{ItChecklistView, ItItemView, ItSummary};
pub use mix::LearningPath;
pub use people::{
    Directory, DirectoryFilters, ItItemLink, MessageLink, PersonDetail, PersonRow, ProjectLink, RaciPlace, RaciRoleAt,
    TaskLink,
};
pub use projects::{PortfolioItem, ProjectDetail, ProjectPage};
pub use raci::{RaciLoadRow, RaciPerson, RaciRowView, RaciView};
pub use radar::{RadarView, ThemeRow};
pub use registry_csv::ImportSummary;
pub use roster::{RosterView, SessionView, TrainerView};
pub use samples::SampleProject;
pub use settings::{ReadOnly, Startup, UnreadableView};
pub use templates::TemplateSummary;
pub use timeline::{Timeline, TimelineCycle, TimelineRow};
pub use vendors::{VendorComparison, VendorDetail, VendorName, VendorPage, VendorRow};

use std::path::Path;

use atelier_store::{ReadOnlyReason, Store, StoreError};

/// The domain types the operations take and give (core's), so that the
/// shell — and the bindings it generates — depend on this crate alone.
pub use atelier_core as domain;
pub use atelier_export::radar_layout::{RadarLabels, RadarPoint};
pub use atelier_export::vendor_csv::{CsvDialect, CsvError, ValueNames};

pub type Result<T> = std::result::Result<T, AppError>;

/// Today on the DLM's calendar (local time): what "overdue" and "in the
/// future" are measured against.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The application over one open database.
pub struct Atelier {
    store: Store,
    /// Why today's automatic backup could not be written, if it could not.
    daily_backup_problem: Option<String>,
}

impl Atelier {
    /// Opens the database in `dir`. Refuses with `StorageLocked` when
    /// another Atelier holds it, `StorageDamaged` when it cannot be read
    /// (nothing is deleted), `StorageNewer` when a newer Atelier wrote it.
    /// Takes the day's backup at the first start of each day; a backup that
    /// cannot be written does not keep the DLM from their data, and
    /// [`Atelier::startup`] says so.
    ///
    /// On a disk too full to open the database for writing, it is opened
    /// read-only (see [`Atelier::read_only`]) until there is room again.
    pub fn open(dir: &Path) -> Result<Self> {
        let store = match Store::open(dir) {
            Err(StoreError::Io { source, .. }) if is_disk_full(&source) => {
                Store::open_read_only(dir, ReadOnlyReason::DiskFull)?
            }
            opened => opened?,
        };
        let daily_backup_problem = match store.read_only() {
            Some(_) => None,
            None => store.daily_backup(chrono::Utc::now()).err().map(|e| e.to_string()),
        };
        Ok(Self {
            store,
            daily_backup_problem,
        })
    }

    /// Opens the database in `dir` read-only, to see what damaged files
    /// still hold: nothing in `dir` is written (see `Store::open_read_only`).
    pub fn open_read_only(dir: &Path) -> Result<Self> {
        Ok(Self {
            store: Store::open_read_only(dir, ReadOnlyReason::Damaged)?,
            daily_backup_problem: None,
        })
    }

    /// Why the database is open read-only, if it is.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.store.read_only().map(ReadOnly::from)
    }

    /// True when the database should be opened again now: a write could
    /// not be made durable (what it changed is still in memory, and sled
    /// refuses every later write until then), or it was opened read-only
    /// for a full disk that has room again. [`Atelier::reopen`] does it.
    pub fn needs_reopen(&self) -> bool {
        self.store.needs_reopen()
            || (self.store.read_only() == Some(ReadOnlyReason::DiskFull) && self.store.room_to_write())
    }

    /// Opens the database in the default data directory
    /// (`ATELIER_DATA_DIR`, or the OS application-data folder).
    pub fn open_default() -> Result<Self> {
        Self::open(&default_data_dir()?)
    }
}

/// A disk (or the DLM's quota on it) with no room left.
fn is_disk_full(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

/// What backup files end with (for the save and open dialogs).
pub const BACKUP_EXTENSION: &str = atelier_store::backup::EXTENSION;

/// What project archives end with.
pub const ARCHIVE_EXTENSION: &str = "atelier";

/// The default data directory: `ATELIER_DATA_DIR`, or the OS
/// application-data folder.
pub fn default_data_dir() -> Result<std::path::PathBuf> {
    Ok(atelier_store::default_data_dir()?)
}

impl Atelier {
    /// The data directory this database lives in.
    pub fn data_dir(&self) -> &Path {
        self.store.dir()
    }
}
