//! Opening the database: data directory, lock file, sled itself, schema.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::At;
use crate::integrity::Strictness;
use crate::preserve::Original;
use crate::{Store, StoreError};

/// The schema this build reads and writes. A database with a higher number
/// was written by a newer Atelier and is refused rather than misread.
///
/// 1. records in `{"v":1,"data":…}` envelopes;
/// 2. envelopes name their kind, each kind with its own layout version
///    (`{"kind":"project","v":1,"data":…}`);
/// 3. design states in their own tree; 4. vendor contacts in the directory;
/// 5. sponsors and owners name a person;
/// 6. no record changes: the kinds added since 5 (evaluation, roster,
///    hand-off, brief choice) are first recorded in a fixture.
pub const SCHEMA_VERSION: u32 = 6;

/// sled's default cache (1 GB) is not a bound; a laptop app wants far less.
pub(crate) const CACHE_BYTES: u64 = 64 * 1024 * 1024;
const LOCK_FILE: &str = "atelier.lock";
pub(crate) const DB_DIR: &str = "db";
pub(crate) const SCHEMA_KEY: &[u8] = b"schema_version";

/// Where Atelier keeps its data: `ATELIER_DATA_DIR` when set (tests,
/// portable use), otherwise the operating system's application-data folder.
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = std::env::var_os("ATELIER_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("app", "Atelier", "Atelier")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| StoreError::Io {
            path: None,
            source: std::io::Error::other("no home directory to keep Atelier's data in"),
        })
}

impl Store {
    /// Opens (creating if needed) the database in `dir`.
    ///
    /// Refuses with [`StoreError::Locked`] when another process holds the
    /// directory, [`StoreError::Damaged`] when sled cannot read its files
    /// or a tree cannot be read through, and [`StoreError::NewerSchema`]
    /// when a newer Atelier wrote them; a refused open leaves the files
    /// byte for byte as they were (see `preserve`). A database of an older
    /// schema is migrated first (see `migrate`); a migration a crash
    /// interrupted is finished.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fs::create_dir_all(dir).at(dir)?;
        let lock = take_lock(dir)?;
        crate::backups::clear_unfinished(dir)?;
        crate::replace::finish_interrupted(dir)?;
        let original = Original::keep(dir)?;
        match Store::open_kept(dir, lock) {
            Ok(store) => {
                original.release()?;
                Ok(store)
            }
            Err(refused) => {
                original.put_back()?;
                Err(refused.inside(&dir.join(DB_DIR)))
            }
        }
    }

    /// The open itself, once the original files are kept aside: sled,
    /// the schema (migrated when older), and the check of every record.
    fn open_kept(dir: &Path, lock: File) -> Result<Store, StoreError> {
        let db = open_current(dir)?;
        let store = Store::over(db, dir, lock, None)?;
        store.db.flush()?;
        store.check_records(Strictness::RefuseDamage)?;
        Ok(store)
    }

    /// The store over the open database `db` of the data directory `dir`.
    pub(crate) fn over(
        db: sled::Db,
        dir: &Path,
        lock: File,
        read_only: Option<crate::read_only::ReadOnly>,
    ) -> Result<Store, StoreError> {
        Ok(Store {
            projects: db.open_tree("projects")?,
            trash: db.open_tree("projects_trash")?,
            settings: db.open_tree("settings")?,
            cycles: db.open_tree("cycles")?,
            tasks: db.open_tree("tasks")?,
            artefacts: db.open_tree("artefacts")?,
            design_states: db.open_tree("design_states")?,
            activities: db.open_tree("activities")?,
            templates: db.open_tree("templates")?,
            vendors: db.open_tree("vendors")?,
            journal: db.open_tree("vendor_journal")?,
            engagements: db.open_tree("engagements")?,
            themes: db.open_tree("themes")?,
            people: db.open_tree("people")?,
            raci: db.open_tree("raci")?,
            it_readiness: db.open_tree("it_readiness")?,
            messages: db.open_tree("messages")?,
            evaluations: db.open_tree("evaluations")?,
            rosters: db.open_tree("rosters")?,
            handoffs: db.open_tree("handoffs")?,
            briefs: db.open_tree("briefs")?,
            db,
            dir: dir.to_path_buf(),
            unreadable: Default::default(),
            portfolio: Default::default(),
            registry: Default::default(),
            directory: Default::default(),
            search: Default::default(),
            read_only,
            broken: Default::default(),
            _lock: lock,
        })
    }
}

/// sled opened on the database of `dir`, its schema checked and, when
/// older, migrated.
pub(crate) fn open_current(dir: &Path) -> Result<sled::Db, StoreError> {
    let db = open_sled(&dir.join(DB_DIR))?;
    let found = check_schema(dir, &db.open_tree("meta")?)?;
    if found < SCHEMA_VERSION {
        return crate::migrate::upgrade(dir, db, found, chrono::Utc::now());
    }
    Ok(db)
}

/// An exclusive advisory lock on `atelier.lock`, held for the life of the
/// store; the OS releases it when the process ends, even on a crash.
pub(crate) fn take_lock(dir: &Path) -> Result<File, StoreError> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .at(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked(dir.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(StoreError::io(&path, e)),
    }
}

/// `sled::open` may panic on some damaged files: catch that, and turn it and
/// sled's own `Corruption` into a "damaged" error the UI can explain.
pub(crate) fn open_sled(path: &Path) -> Result<sled::Db, StoreError> {
    let damaged = |detail: String| StoreError::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    // No background flush: every write flushes before it is acknowledged,
    // so a disk that refuses is told to the write that met it.
    let config = sled::Config::new()
        .path(path)
        .cache_capacity(CACHE_BYTES)
        .flush_every_ms(None);
    let opened = panic::catch_unwind(AssertUnwindSafe(|| open_when_released(&config)));
    match opened {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(sled::Error::Io(e))) if e.kind() != std::io::ErrorKind::InvalidData => Err(StoreError::io(path, e)),
        Ok(Err(e)) => Err(damaged(e.to_string())),
        Err(panic) => {
            let detail = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "sled could not read its files".to_owned());
            Err(damaged(detail))
        }
    }
}

/// sled takes its own lock on its files and lets go of it from a background
/// thread shortly after a `Db` is dropped. Our lock file already guarantees
/// no other process is inside, so a held sled lock can only be this
/// process's previous store closing: wait for it, within a bound.
#[expect(clippy::disallowed_methods, reason = "the one place the live database is opened")]
fn open_when_released(config: &sled::Config) -> sled::Result<sled::Db> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match config.open() {
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock") && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// The schema of the database: a new one is stamped with the current
/// schema; a newer one is refused.
fn check_schema(dir: &Path, meta: &sled::Tree) -> Result<u32, StoreError> {
    match meta.get(SCHEMA_KEY)? {
        None => {
            meta.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())?;
            Ok(SCHEMA_VERSION)
        }
        Some(bytes) => {
            let found = <[u8; 4]>::try_from(bytes.as_ref())
                .map(u32::from_be_bytes)
                .map_err(|_| StoreError::Damaged {
                    path: dir.join(DB_DIR),
                    detail: "the schema version (meta/schema_version) cannot be read".into(),
                })?;
            if found > SCHEMA_VERSION {
                Err(StoreError::NewerSchema {
                    found,
                    supported: SCHEMA_VERSION,
                })
            } else {
                Ok(found)
            }
        }
    }
}
