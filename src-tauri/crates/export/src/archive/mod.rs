//! The project archive: a whole project, with everything that hangs from
//! it, as one `.atelier` file that a DLM hands to a colleague who has
//! Atelier on another machine.
//!
//! This module owns the container only: writing it, and reading it back
//! safely from a file that may come from anyone. Which records go in, and
//! how they are imported, is the app layer's business: to this module an
//! entry is a path and some bytes (Atelier puts one JSON document in each).
//!
//! # Format (version 1)
//!
//! A zip file whose first entry is `manifest.json`, followed by the
//! entries in the order the caller gave them, all deflated:
//!
//! ```json
//! {
//!   "format": "atelier-project",
//!   "format_version": 1,
//!   "schema": 3,
//!   "created_at": "2025-03-14T09:30:00Z",
//!   "app_version": "0.1.0",
//!   "title": "Onboarding 2025",
//!   "entries": [
//!     { "path": "records/project.json", "size": 1234, "sha256": "9f86d0…" }
//!   ],
//!   "checksum": "e3b0c4…"
//! }
//! ```
//!
//! - `format` tells an Atelier project archive from any other zip;
//!   `format_version` is this container's version ([`FORMAT_VERSION`]):
//!   a reader refuses a newer one rather than half-understand it.
//! - `schema` is the store schema version the records were written with
//!   (given by the caller): a reader refuses a schema newer than it knows.
//! - `created_at` is RFC 3339; `app_version` and `title` (at most
//!   [`TITLE_MAX_CHARS`] characters each) let the UI describe the file
//!   before importing it.
//! - `entries` lists every other zip entry, with its size in bytes and the
//!   SHA-256 of its bytes in lowercase hex; the zip holds nothing else.
//! - `checksum` is the SHA-256, in lowercase hex, of the concatenation of
//!   the lines `<path>\n<sha256>\n` of the entries, in manifest order: the
//!   list itself is consistent, so a damaged or hand-edited list is caught
//!   even where the zip's own CRC would not say so.
//!
//! Entry paths follow one rule ([`is_safe_path`]): segments of ASCII
//! letters, digits, `.`, `_` and `-`, joined by `/`, none empty nor made of
//! dots only, at most [`PATH_MAX_BYTES`] bytes in all. That excludes
//! absolute paths, `..`, backslashes, drive letters, NUL and empty
//! components. `read` never writes anything to disk (paths are keys of a
//! map), but the rule keeps paths harmless even to a tool that unzips the
//! file.
//!
//! # Reading a file from anyone
//!
//! [`read()`] checks before it inflates, and inflates no more than it has
//! been promised: the file's size, the number of entries, their names
//! (safe, unique, no symbolic link, no encryption, a known compression);
//! then the manifest, found by its name wherever it sits, read through
//! `take(limit + 1)` (so at most one byte beyond the per-entry limit is
//! ever inflated): its format, versions, shape and checksum, and the sizes
//! it declares against the [`Limits`]; then that every entry is listed
//! and every listed entry present. Only then are the entries inflated,
//! each through `take(declared size + 1)`: whatever its zip header claims,
//! an entry never yields more than the manifest promised, and the
//! manifest's promises fit the limits. Each entry's size, SHA-256 and zip
//! CRC are checked. The first problem refuses the whole file with a typed
//! [`ArchiveError`] the UI translates.

mod read;
#[cfg(test)]
mod tests;
mod write;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;
use std::collections::BTreeMap;
use std::fmt;

pub use read::read;
pub use write::write;

/// What `format` says in the manifest of every Atelier project archive.
pub const FORMAT: &str = "atelier-project";

/// The version of the container this Atelier writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The manifest's path in the zip; no entry may take it.
pub const MANIFEST_PATH: &str = "manifest.json";

/// Longest entry path, in bytes: far above what Atelier writes
/// (`records/<kind>/<uuid>.json`), short enough for any file system.
pub const PATH_MAX_BYTES: usize = 255;

/// Longest `title` and `app_version` in a manifest, in characters: a
/// project title's own limit, so the UI can show them as they are.
pub const TITLE_MAX_CHARS: usize = atelier_core::limits::TITLE_MAX;

/// Longest text taken from the file into an error (a path, a parser's
/// message), in characters: a hostile file cannot make an error huge.
const SHOWN_MAX_CHARS: usize = 200;

const MIB: u64 = 1024 * 1024;

/// The manifest, `manifest.json`: what the archive holds and who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The container version, [`FORMAT_VERSION`] when this Atelier wrote it.
    pub format_version: u32,
    /// The store schema version the records were written with.
    pub schema: u32,
    /// When the archive was made.
    pub created_at: DateTime<Utc>,
    /// The Atelier version that made it.
    pub app_version: String,
    /// The project's title.
    pub title: String,
    /// Every other entry of the zip, in the zip's order.
    pub entries: Vec<EntryInfo>,
    /// SHA-256 of the `<path>\n<sha256>\n` lines of `entries`, in order.
    pub checksum: String,
}

/// One entry as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct EntryInfo {
    /// Its path in the zip, e.g. `records/project.json`.
    pub path: String,
    /// Its size in bytes, uncompressed.
    #[specta(type = f64)]
    pub size: u64,
    /// The SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}

/// What the caller tells [`write()`] about the archive besides its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveMeta {
    /// The store schema version the entries were written with.
    pub schema: u32,
    /// When the archive is made.
    pub created_at: DateTime<Utc>,
    /// This Atelier's version.
    pub app_version: String,
    /// The project's title.
    pub title: String,
}

/// An archive read back and verified: its manifest, and the bytes of every
/// entry it lists, by path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    pub manifest: Manifest,
    pub entries: BTreeMap<String, Vec<u8>>,
}

/// How much a file may ask of [`read()`]. The defaults sit far above a real
/// project (records are small JSON documents) and far below what would
/// strain the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The archive file itself, in bytes.
    pub max_file_bytes: u64,
    /// Zip entries, the manifest included.
    pub max_entries: usize,
    /// One entry, the manifest included, uncompressed, in bytes.
    pub max_entry_bytes: u64,
    /// All entries together, the manifest included, uncompressed, in bytes.
    pub max_total_bytes: u64,
}

impl Default for Limits {
    /// 200 MiB of file, 10,000 entries, 50 MiB per entry, 500 MiB in all.
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * MIB,
            max_entries: 10_000,
            max_entry_bytes: 50 * MIB,
            max_total_bytes: 500 * MIB,
        }
    }
}

/// Which limit a file goes over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SizeLimit {
    /// The archive file ([`Limits::max_file_bytes`]).
    File,
    /// One entry ([`Limits::max_entry_bytes`]).
    Entry,
    /// All entries together ([`Limits::max_total_bytes`]).
    Total,
}

impl fmt::Display for SizeLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SizeLimit::File => "the file",
            SizeLimit::Entry => "an entry",
            SizeLimit::Total => "the entries together",
        })
    }
}

/// Why a file cannot be read as a project archive, or why an archive
/// cannot be written. Serialised as `{ "kind": "<snake_case variant>",
/// …variant fields }`; the UI translates the kind, the English message is
/// for the log. Paths and details taken from the file are cut to a
/// couple of hundred characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ArchiveError {
    /// The file is not a zip file, or is cut short.
    #[error("not a zip file, or cut short: {detail}")]
    NotAnArchive {
        /// The zip reader's reason, for the log.
        detail: String,
    },
    /// A zip without `manifest.json`.
    #[error("the archive has no manifest.json")]
    MissingManifest,
    /// A zip whose manifest is not an Atelier project archive's.
    #[error("not an Atelier project archive")]
    NotAtelier,
    /// Written by a newer Atelier, in a container version this one does not read.
    #[error("archive format version {found}; this Atelier reads up to {supported}")]
    NewerFormat { found: u32, supported: u32 },
    /// Its records use a store schema newer than this Atelier knows.
    #[error("the records use schema {found}; this Atelier understands up to {supported}")]
    NewerSchema { found: u32, supported: u32 },
    /// The manifest is not what version 1 says: not JSON, a field missing,
    /// unknown or of the wrong type, an over-long title, a malformed hash,
    /// an entry named `manifest.json`, or a `checksum` that does not match.
    #[error("malformed manifest: {detail}")]
    BadManifest {
        /// What is wrong, for the log.
        detail: String,
    },
    /// An entry path breaks the path rule (absolute, `..`, backslash,
    /// drive letter, NUL, empty component, character outside `[A-Za-z0-9._-]`…).
    #[error("unsafe entry path {path:?}")]
    UnsafePath { path: String },
    /// A zip entry is a symbolic link.
    #[error("entry {path:?} is a symbolic link")]
    Symlink { path: String },
    /// A zip entry is encrypted.
    #[error("entry {path:?} is encrypted")]
    Encrypted { path: String },
    /// A zip entry is compressed with something other than deflate (or stored).
    #[error("entry {path:?} uses an unsupported compression")]
    UnsupportedCompression { path: String },
    /// Two entries, or two manifest lines, have the same path (empty when
    /// the zip's directory is too damaged to name it).
    #[error("entry {path:?} appears twice")]
    Duplicate { path: String },
    /// The file, an entry or all entries together are larger than allowed.
    #[error("{what}{} is larger than {limit} bytes", path.as_ref().map(|p| format!(" {p:?}")).unwrap_or_default())]
    TooLarge {
        what: SizeLimit,
        /// The entry at fault, for `entry` (and for `total`, when one
        /// entry's size makes it go over).
        path: Option<String>,
        #[specta(type = f64)]
        limit: u64,
    },
    /// More entries than allowed.
    #[error("more than {limit} entries")]
    TooManyEntries {
        #[specta(type = f64)]
        limit: u64,
    },
    /// A zip entry the manifest does not list.
    #[error("entry {path:?} is not in the manifest")]
    Unlisted { path: String },
    /// An entry the manifest lists is not in the zip.
    #[error("entry {path:?} is missing")]
    Missing { path: String },
    /// An entry's bytes do not match its size or SHA-256 in the manifest,
    /// or fail the zip's CRC, or cannot be inflated.
    #[error("entry {path:?} is damaged")]
    Corrupt { path: String },
    /// An entry is not a record a project archive carries: an unknown
    /// place, a key or JSON of the wrong shape, a record of another project.
    #[error("entry {path:?} is not a record of this project: {detail}")]
    BadRecord {
        path: String,
        /// What is wrong, for the log.
        detail: String,
    },
    /// The archive holds no project record, or more than one.
    #[error("the archive holds {found} projects instead of one")]
    NotOneProject {
        #[specta(type = f64)]
        found: u64,
    },
    /// The zip writer failed (it writes to memory, so this should not happen).
    #[error("could not write the archive: {detail}")]
    WriteFailed { detail: String },
}

/// Whether `path` may name an entry: segments of `[A-Za-z0-9._-]`, joined
/// by `/`, none empty nor made of dots only, at most [`PATH_MAX_BYTES`].
pub fn is_safe_path(path: &str) -> bool {
    path.len() <= PATH_MAX_BYTES
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && !segment.bytes().all(|b| b == b'.')
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        })
}

/// The SHA-256 of `bytes`, lowercase hex.
fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The manifest's `checksum` for these entries.
fn checksum(entries: &[EntryInfo]) -> String {
    let mut hasher = Sha256::new();
    for entry in entries {
        hasher.update(entry.path.as_bytes());
        hasher.update(b"\n");
        hasher.update(entry.sha256.as_bytes());
        hasher.update(b"\n");
    }
    hex(&hasher.finalize())
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 0xf)]])
        .map(char::from)
        .collect()
}

/// `text` cut to [`SHOWN_MAX_CHARS`], for an error.
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN_MAX_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
