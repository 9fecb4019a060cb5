//! The database exactly as it was before sled opened it.
//!
//! sled recovers its files in place as it opens them: on damaged files it
//! may cut its log short and zero what follows, and even a sound database
//! has its snapshot rewritten. So before sled sees `db`, a verbatim copy is
//! taken beside it (`db.before-open`, written under a `.partial` name and
//! renamed when whole). An open that is refused for any reason (damage, a
//! newer schema, a failed check) puts that copy back, so the folder is left
//! byte for byte as it was; an open that succeeds removes it.
//!
//! A copy left by an open that never finished (the process was killed) is
//! put back at the next start: no write is acknowledged before the copy is
//! gone, so it is the last state the DLM was told was saved. Every step is
//! a rename or happens under a name the next start discards (`.partial`,
//! `.discarded`), so a kill at any point leaves either the whole copy
//! under its name or none.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::At;
use crate::open::DB_DIR;
use crate::{Result, StoreError};

const KEPT: &str = "db.before-open";
const KEPT_PARTIAL: &str = "db.before-open.partial";
/// A copy no longer needed, renamed so before it is deleted.
const KEPT_DISCARDED: &str = "db.before-open.discarded";
/// sled's own files: a database folder that holds anything holds these.
const SLED_FILES: [&str; 2] = ["conf", "db"];

/// The verbatim copy of the database taken before an open, while the open
/// is under way. `None` inside for a database that did not exist yet.
pub(crate) struct Original {
    dir: PathBuf,
    kept: Option<PathBuf>,
}

impl Original {
    /// Puts back a copy an interrupted open left, checks that `db` is
    /// whole enough to open (refusing, with nothing created, a folder that
    /// lost sled's own files), and copies it aside.
    pub(crate) fn keep(dir: &Path) -> Result<Original> {
        let live = dir.join(DB_DIR);
        let kept = dir.join(KEPT);
        let partial = dir.join(KEPT_PARTIAL);
        for unfinished in [&partial, &dir.join(KEPT_DISCARDED)] {
            if unfinished.exists() {
                fs::remove_dir_all(unfinished).at(unfinished)?;
            }
        }
        if kept.exists() {
            replace_dir(&live, &kept)?;
        }
        if !live.exists() {
            return Ok(Original {
                dir: dir.to_path_buf(),
                kept: None,
            });
        }
        check_shape(&live)?;
        if let Err(e) = copy_dir(&live, &partial) {
            // A full disk most likely: give back the room the copy took.
            let _ = fs::remove_dir_all(&partial);
            return Err(e);
        }
        fs::rename(&partial, &kept).at(&partial)?;
        sync_folder(dir)?;
        Ok(Original {
            dir: dir.to_path_buf(),
            kept: Some(kept),
        })
    }

    /// The open succeeded: the copy is no longer needed. It is renamed
    /// out of the way before it is deleted, so that a kill in the middle
    /// of the deletion never leaves a partial copy under the name the
    /// next start would put back.
    pub(crate) fn release(self) -> Result<()> {
        let Some(kept) = self.kept else {
            return Ok(());
        };
        let discarded = self.dir.join(KEPT_DISCARDED);
        fs::rename(&kept, &discarded).at(&kept)?;
        sync_folder(&self.dir)?;
        fs::remove_dir_all(&discarded).at(&discarded)
    }

    /// The open was refused: once sled has let go of its files, the folder
    /// is put back exactly as it was (for a database that did not exist,
    /// what sled created is removed).
    pub(crate) fn put_back(self) -> Result<()> {
        let live = self.dir.join(DB_DIR);
        wait_for_sled_to_let_go(&live);
        match self.kept {
            Some(kept) => replace_dir(&live, &kept),
            None if live.exists() => fs::remove_dir_all(&live).at(&live),
            None => Ok(()),
        }
    }
}

/// A database folder that is not a folder, or that holds files but not
/// sled's own, cannot be opened without sled starting a new, empty
/// database over it: refused as damaged, naming what is missing.
fn check_shape(live: &Path) -> Result<()> {
    let damaged = |path: PathBuf, detail: &str| StoreError::Damaged {
        path,
        detail: detail.to_owned(),
    };
    if !live.is_dir() {
        return Err(damaged(live.to_path_buf(), "the database folder is not a folder"));
    }
    let empty = fs::read_dir(live).at(live)?.next().is_none();
    if empty {
        return Ok(());
    }
    for name in SLED_FILES {
        let file = live.join(name);
        if !file.is_file() {
            return Err(damaged(file, "a file of the database is missing or is not a file"));
        }
    }
    Ok(())
}

/// Copies the folder `from` to `to` (which must not exist), every file
/// synced: regular files and folders only, as sled writes nothing else.
pub(crate) fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir(to).at(to)?;
    for entry in fs::read_dir(from).at(from)? {
        let entry = entry.at(from)?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().at(&source)?.is_dir() {
            copy_dir(&source, &target)?;
        } else {
            fs::copy(&source, &target).at(&target)?;
            File::open(&target).and_then(|f| f.sync_all()).at(&target)?;
        }
    }
    sync_folder(to)
}

/// `live` replaced by `kept`: the folder sled touched is removed, the copy
/// renamed into its place.
fn replace_dir(live: &Path, kept: &Path) -> Result<()> {
    if live.is_dir() {
        fs::remove_dir_all(live).at(live)?;
    } else if live.exists() {
        fs::remove_file(live).at(live)?;
    }
    fs::rename(kept, live).at(kept)?;
    sync_folder(live.parent().unwrap_or(live))
}

fn sync_folder(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).at(dir)
}

/// sled holds an exclusive lock on its `db` file and releases it from a
/// background thread shortly after the database is dropped; its files are
/// only replaced once it has (within a bound: past it, sled is gone).
fn wait_for_sled_to_let_go(live: &Path) {
    let deadline = Instant::now() + Duration::from_secs(5);
    let Ok(file) = File::open(live.join("db")) else {
        return;
    };
    while file.try_lock().is_err() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = file.unlock();
}
