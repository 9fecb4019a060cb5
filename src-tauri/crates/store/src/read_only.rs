//! Opening the database read-only, when it cannot be opened for writing:
//! the disk is full (sled, and the verbatim copy taken before it opens,
//! need room), or the DLM chose to see what damaged files still hold.
//!
//! sled cannot read files without recovering them in place, so a read-only
//! open reads a copy, in a scratch folder off the data directory (memory
//! when the system has `/dev/shm`), removed when the store is dropped.
//! Every write is refused before anything changes ([`StoreError::ReadOnly`]);
//! the data directory itself is never written.

use std::path::{Path, PathBuf};

use crate::error::At;
use crate::integrity::Strictness;
use crate::open::{open_current, take_lock, DB_DIR};
use crate::preserve::copy_dir;
use crate::{Result, Store, StoreError};

/// Why the database is open read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The disk had no room to open the database for writing.
    DiskFull,
    /// The files are damaged; what can still be read is shown.
    Damaged,
}

/// A read-only open: why, and the copy it reads (removed with it).
pub(crate) struct ReadOnly {
    pub(crate) why: ReadOnlyReason,
    _copy: tempfile::TempDir,
}

impl Store {
    /// Opens the database of `dir` read-only, on a copy (see the module's
    /// doc). A tree of damaged files that cannot be read through is noted
    /// as unreadable rather than refused.
    pub fn open_read_only(dir: &Path, why: ReadOnlyReason) -> Result<Store> {
        let lock = take_lock(dir)?;
        let live = dir.join(DB_DIR);
        if !live.is_dir() {
            return Err(StoreError::Damaged {
                path: live,
                detail: "there is no database folder to read".into(),
            });
        }
        let scratch = scratch_folder();
        let copy = tempfile::Builder::new()
            .prefix("atelier-read-only-")
            .tempdir_in(&scratch)
            .at(&scratch)?;
        copy_dir(&live, &copy.path().join(DB_DIR))?;
        let db = open_current(copy.path()).map_err(|e| e.inside(&live))?;
        let store = Store::over(db, dir, lock, Some(ReadOnly { why, _copy: copy }))?;
        store.check_records(Strictness::NoteDamage)?;
        Ok(store)
    }

    /// Why the database is open read-only, if it is.
    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        self.read_only.as_ref().map(|r| r.why)
    }

    /// For a database open read-only because the disk was full: true once
    /// the disk has room again to open it for writing (a verbatim copy of
    /// the database, and as much again for sled to work in).
    pub fn room_to_write(&self) -> bool {
        let live = self.dir.join(DB_DIR);
        let needed = size_of(&live).saturating_mul(2) + MARGIN;
        fs2::available_space(&self.dir).is_ok_and(|free| free >= needed)
    }
}

/// Room kept free beyond what the database itself needs.
const MARGIN: u64 = 16 * 1024 * 1024;

/// Where read-only copies go: memory when the system offers it (a full
/// disk often holds the temporary folder too), else the temporary folder.
fn scratch_folder() -> PathBuf {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

/// The bytes of every file under `dir`.
fn size_of(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.file_type() {
                    Ok(t) if t.is_dir() => size_of(&e.path()),
                    _ => e.metadata().map(|m| m.len()).unwrap_or(0),
                })
                .sum()
        })
        .unwrap_or(0)
}
