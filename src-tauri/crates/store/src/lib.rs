//! Atelier's persistence on sled 0.34.7.
//!
//! - One tree per kind of record; values are JSON in a versioned envelope
//!   (`{"v":N,"data":…}`) so that records can be migrated one day.
//! - One write path: every change is applied (in a transaction when several
//!   trees move together) and then `flush()`ed before success is reported.
//! - Opening takes an exclusive lock file first, turns a panic or a
//!   `Corruption` inside sled into [`StoreError::Damaged`], and never deletes
//!   a user file; an older schema is migrated (a backup first, all or
//!   nothing, see `migrate`), and the day's backup is taken.

pub mod archive;
pub mod backup;
pub mod backups;
mod brief;
mod campaign;
mod children;
mod cycles;
mod design;
mod directory_index;
mod engagements;
mod envelope;
mod error;
mod evaluation;
mod handoff;
mod integrity;
mod it_readiness;
mod migrate;
mod mix;
mod open;
mod people;
mod portfolio_index;
mod preserve;
mod projects;
mod raci;
mod read_only;
mod readable;
mod references;
mod registry_index;
mod replace;
mod roster;
mod row_index;
mod search_index;
mod settings;
mod templates;
mod themes;
mod vendors;

pub use error::StoreError;
pub use open::{default_data_dir, SCHEMA_VERSION};
pub use people::PersonReplacement;
pub use read_only::ReadOnlyReason;
pub use readable::UnreadableRecord;
pub use row_index::Page;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

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
    design_states: sled::Tree,
    activities: sled::Tree,
    templates: sled::Tree,
    vendors: sled::Tree,
    journal: sled::Tree,
    engagements: sled::Tree,
    themes: sled::Tree,
    people: sled::Tree,
    raci: sled::Tree,
    it_readiness: sled::Tree,
    messages: sled::Tree,
    evaluations: sled::Tree,
    rosters: sled::Tree,
    handoffs: sled::Tree,
    briefs: sled::Tree,
    dir: PathBuf,
    /// Records found unreadable since opening (see `readable`).
    unreadable: readable::Register,
    /// What the portfolio filters and sorts on, per live project.
    portfolio: portfolio_index::PortfolioIndex,
    /// What the vendor registry filters and sorts on, per vendor.
    registry: registry_index::RegistryIndex,
    /// What the people directory filters and sorts on, per person.
    directory: directory_index::DirectoryIndex,
    /// What the global search looks for, per searchable record.
    search: search_index::SearchIndex,
    /// Set when the database was opened read-only: why, and the copy read.
    read_only: Option<read_only::ReadOnly>,
    /// Set once a write could not be made durable: sled refuses every
    /// later write until the database is opened again, and the change
    /// refused is still in its memory (see [`Store::needs_reopen`]).
    broken: AtomicBool,
    _lock: File,
}

impl Store {
    /// The data directory this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Trees whose records belong to a project (keyed by, or prefixed
    /// with, its id): they follow the project into purge.
    fn child_trees(&self) -> [&sled::Tree; 13] {
        [
            &self.cycles,
            &self.tasks,
            &self.artefacts,
            &self.design_states,
            &self.activities,
            &self.engagements,
            &self.raci,
            &self.it_readiness,
            &self.messages,
            &self.evaluations,
            &self.rosters,
            &self.handoffs,
            &self.briefs,
        ]
    }

    /// The trees of records, each with the kinds it may hold.
    fn record_trees(&self) -> Vec<(&sled::Tree, Vec<envelope::Kind>)> {
        use atelier_core::scorecard::Criterion;
        use atelier_core::theme::RadarTheme;
        use atelier_core::vendor::JournalEntry;
        use atelier_core::*;
        use envelope::Kind;
        fn kind<T: envelope::Stored + serde::de::DeserializeOwned>() -> Kind {
            Kind::of::<T>()
        }
        vec![
            (&self.projects, vec![kind::<Project>()]),
            (&self.trash, vec![kind::<TrashedProject>()]),
            (&self.settings, vec![kind::<Settings>(), kind::<Vec<Criterion>>()]),
            (&self.cycles, vec![kind::<Cycle>()]),
            (&self.tasks, vec![kind::<Task>()]),
            (&self.artefacts, vec![kind::<Artefact>()]),
            (&self.design_states, vec![kind::<DesignState>()]),
            (&self.activities, vec![kind::<Activity>()]),
            (&self.templates, vec![kind::<Template>()]),
            (&self.vendors, vec![kind::<Vendor>()]),
            (&self.journal, vec![kind::<JournalEntry>()]),
            (&self.engagements, vec![kind::<Engagement>()]),
            (&self.themes, vec![kind::<RadarTheme>()]),
            (&self.people, vec![kind::<Person>()]),
            (&self.raci, vec![kind::<atelier_core::raci::Raci>()]),
            (
                &self.it_readiness,
                vec![kind::<atelier_core::it_readiness::ItChecklist>()],
            ),
            (&self.messages, vec![kind::<atelier_core::campaign::Message>()]),
            (&self.evaluations, vec![kind::<atelier_core::evaluation::Evaluation>()]),
            (&self.rosters, vec![kind::<atelier_core::roster::Roster>()]),
            (&self.handoffs, vec![kind::<atelier_core::handoff::Handoff>()]),
            (&self.briefs, vec![kind::<atelier_core::brief::BriefChoice>()]),
        ]
    }

    /// Every record of every tree (sled's own default tree aside), tree by
    /// tree in name order, keys in order: what a backup holds.
    pub fn records(&self) -> impl Iterator<Item = Result<backup::Record>> + '_ {
        all_records(&self.db)
    }

    /// Writes a backup of the whole database to `path` (see [`backup`]):
    /// a temporary file, synced, renamed. Returns its size in bytes.
    pub fn write_backup(&self, path: &Path, now: chrono::DateTime<chrono::Utc>) -> Result<u64> {
        let header = backup::Header {
            format: backup::FORMAT.into(),
            version: backup::FORMAT_VERSION,
            schema: open::SCHEMA_VERSION,
            created_at: now,
        };
        backup::write(path, &header, self.records())
    }

    /// Refuses a write, before anything changes, when the database is open
    /// read-only. The first step of every write.
    fn writable(&self) -> Result<()> {
        match &self.read_only {
            Some(read_only) => Err(StoreError::ReadOnly(read_only.why)),
            None => Ok(()),
        }
    }

    /// True once a write could not be made durable (a full disk, a failing
    /// one): the store must be opened again, which brings back what the
    /// disk holds — without the refused change — and lets sled write again.
    pub fn needs_reopen(&self) -> bool {
        self.broken.load(Ordering::SeqCst)
    }

    /// Makes every applied change durable. The last step of every write;
    /// when the disk refuses, the store is marked to be opened again.
    fn flush(&self) -> Result<()> {
        let db = self.dir.join(open::DB_DIR);
        self.db.flush().map_err(|e| {
            self.broken.store(true, Ordering::SeqCst);
            StoreError::from(e).inside(&db)
        })?;
        Ok(())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// For the crash tests only: with `ATELIER_TEST_PAUSE_AT` naming this
/// point, the process says so on its standard output and waits there to be
/// killed. Does nothing otherwise.
pub(crate) fn pause_point(name: &str) {
    if std::env::var("ATELIER_TEST_PAUSE_AT").is_ok_and(|at| at == name) {
        println!("PAUSED AT {name}");
        let _ = std::io::Write::flush(&mut std::io::stdout());
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }
}

/// sled's own tree, which Atelier does not use.
pub(crate) const SLED_DEFAULT_TREE: &[u8] = b"__sled__default";

/// Every record of every tree of `db` but sled's own.
pub(crate) fn all_records(db: &sled::Db) -> impl Iterator<Item = Result<backup::Record>> + '_ {
    let mut names: Vec<sled::IVec> = db
        .tree_names()
        .into_iter()
        .filter(|n| n.as_ref() != SLED_DEFAULT_TREE)
        .collect();
    names.sort();
    names.into_iter().flat_map(move |name| {
        let tree_name = String::from_utf8_lossy(&name).into_owned();
        match db.open_tree(&name) {
            Ok(tree) => Box::new(tree.iter().map(move |kv| {
                let (key, value) = kv?;
                Ok(backup::Record {
                    tree: tree_name.clone(),
                    key: key.to_vec(),
                    value: value.to_vec(),
                })
            })) as Box<dyn Iterator<Item = Result<backup::Record>>>,
            Err(e) => Box::new(std::iter::once(Err(e.into()))),
        }
    })
}
