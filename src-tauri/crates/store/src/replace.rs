//! Replacing the live database (`db`) with one built beside it
//! (`db.next`): what a migration and a restore both do. The new database is
//! built and flushed, then marked ready (`db.next.ready`); the swap renames
//! `db` aside (kept as it was, never deleted) and `db.next` into its place.
//! A crash before the mark leaves the live database untouched and the
//! unfinished copy is removed at the next start; a crash after it leaves a
//! complete new database that the next start swaps in.

use std::fs::{self, File};
use std::path::Path;

use chrono::Utc;

use crate::backup::{build_database, Record};
use crate::error::At;
use crate::open::DB_DIR;
use crate::{pause_point, Result};

const NEXT_DIR: &str = "db.next";
const READY_MARK: &str = "db.next.ready";

/// Builds the database that will replace the live one from `records`, and
/// marks it ready; the swap happens now (a migration) or at the next open
/// (a restore, once the live database is closed).
pub(crate) fn stage(dir: &Path, records: &[Record]) -> Result<()> {
    let next = dir.join(NEXT_DIR);
    remove_unfinished(&next)?;
    build_database(&next, records)?;
    pause_point("replacement-built");
    let mark = dir.join(READY_MARK);
    File::create(&mark).and_then(|f| f.sync_all()).at(&mark)?;
    sync_folder(dir)?;
    pause_point("replacement-ready");
    Ok(())
}

/// Swaps the ready database in: `db` aside under `aside` (or a free name
/// after it; if it is still there), `db.next` in its place, then the mark removed — each a rename,
/// the folder synced between.
pub(crate) fn swap(dir: &Path, aside: &str) -> Result<()> {
    let live = dir.join(DB_DIR);
    if live.exists() {
        fs::rename(&live, unused(dir, aside)).at(&live)?;
        sync_folder(dir)?;
        pause_point("replacement-old-aside");
    }
    let next = dir.join(NEXT_DIR);
    fs::rename(&next, &live).at(&next)?;
    sync_folder(dir)?;
    let mark = dir.join(READY_MARK);
    fs::remove_file(&mark).at(&mark)?;
    sync_folder(dir)
}

/// At open, before the live database is read: swaps in a replacement
/// marked ready (a restore, or a migration a crash interrupted), or removes
/// one that was still being built.
pub(crate) fn finish_interrupted(dir: &Path) -> Result<()> {
    let next = dir.join(NEXT_DIR);
    if dir.join(READY_MARK).exists() {
        swap(dir, &format!("db.replaced-{}", Utc::now().format("%Y-%m-%dT%H-%M-%S")))
    } else {
        remove_unfinished(&next)
    }
}

/// Removes a replacement that was never marked ready: Atelier's own
/// unfinished copy, never the DLM's database (which is `db`, untouched).
fn remove_unfinished(next: &Path) -> Result<()> {
    if next.exists() {
        fs::remove_dir_all(next).at(next)?;
    }
    Ok(())
}

/// `dir/name`, or `dir/name-2`, `-3`… when a folder of that name is kept
/// already (a migration that a crash made run twice in one second).
fn unused(dir: &Path, name: &str) -> std::path::PathBuf {
    let mut path = dir.join(name);
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{name}-{n}"));
        n += 1;
    }
    path
}

fn sync_folder(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).at(dir)?;
    Ok(())
}
