//! Backups: every record of every tree, in a format of Atelier's own that
//! can be read without sled — JSON lines:
//!
//! ```text
//! {"format":"atelier-backup","version":1,"schema":3,"created_at":"2026-12-01T09:00:00Z"}
//! {"tree":"projects","key":"0192…","value":{"kind":"project","v":1,"data":{…}}}
//! {"tree":"meta","key":"736368656d615f76657273696f6e","bytes":"00000002"}
//! {"end":true,"records":2}
//! ```
//!
//! A record whose value is JSON (every record Atelier writes) is kept as
//! that JSON, verbatim; anything else as hex bytes. The last line counts
//! the records, so a cut-off file is told from a whole one. A backup is
//! written to a temporary file, synced, then renamed: a crash never leaves
//! half a backup under a backup's name.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::error::At;
use crate::{Result, StoreError};

/// The name a backup file starts with.
pub const FORMAT: &str = "atelier-backup";
/// The version of the backup format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// What a backup file ends with.
pub const EXTENSION: &str = "atelier-backup";

/// The first line of a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    /// The database schema the records are in.
    pub schema: u32,
    pub created_at: DateTime<Utc>,
}

/// One record of one tree, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub tree: String,
    pub key: Vec<u8>,
    pub value: Vec<u8>,
}

/// A backup read back and checked whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub header: Header,
    pub records: Vec<Record>,
}

impl Backup {
    /// How many records each tree holds, by tree name.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        let mut counts = BTreeMap::new();
        for r in &self.records {
            *counts.entry(r.tree.clone()).or_insert(0) += 1;
        }
        counts
    }
}

/// Why a file is not a backup Atelier can restore.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupProblem {
    #[error("not an Atelier backup")]
    NotABackup,
    #[error("written by a newer Atelier (backup format {0})")]
    NewerFormat(u32),
    #[error("line {0} cannot be read")]
    Garbled(usize),
    #[error("the file is cut short: it does not end where a backup ends")]
    Truncated,
}

#[derive(Serialize, Deserialize)]
struct Line<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    tree: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    value: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bytes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    records: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trees: Option<BTreeMap<String, u64>>,
}

/// Writes `records` as a backup at `path`: into a temporary file beside it,
/// synced, then renamed into place. Returns the file's size in bytes.
pub fn write(path: &Path, header: &Header, records: impl IntoIterator<Item = Result<Record>>) -> Result<u64> {
    let partial = partial_path(path);
    let written = write_file(&partial, header, records);
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written?;
    fs::rename(&partial, path).at(path)?;
    if let Some(dir) = path.parent() {
        // The rename itself survives a power cut once the folder is synced.
        File::open(dir).and_then(|d| d.sync_all()).at(dir)?;
    }
    Ok(fs::metadata(path).at(path)?.len())
}

/// The temporary name a backup is written under before it is complete.
pub fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

fn write_file(path: &Path, header: &Header, records: impl IntoIterator<Item = Result<Record>>) -> Result<()> {
    let file = File::create(path).at(path)?;
    let mut out = BufWriter::new(file);
    // The values are JSON already: a failure to write them is the disk's.
    let json = |e: serde_json::Error| StoreError::io(path, e.into());
    serde_json::to_writer(&mut out, header).map_err(json)?;
    out.write_all(b"\n").at(path)?;
    out.flush().at(path)?;
    crate::pause_point("backup-writing");
    let mut count = 0u64;
    let mut trees: BTreeMap<String, u64> = BTreeMap::new();
    for record in records {
        let record = record?;
        *trees.entry(record.tree.clone()).or_insert(0) += 1;
        let text = std::str::from_utf8(&record.value).ok();
        let raw = text.and_then(|t| serde_json::from_str::<&RawValue>(t).ok());
        let line = Line {
            tree: Some(record.tree),
            key: Some(hex(&record.key)),
            value: raw,
            bytes: raw.is_none().then(|| hex(&record.value)),
            end: None,
            records: None,
            trees: None,
        };
        serde_json::to_writer(&mut out, &line).map_err(json)?;
        out.write_all(b"\n").at(path)?;
        count += 1;
    }
    let end = Line {
        tree: None,
        key: None,
        value: None,
        bytes: None,
        end: Some(true),
        records: Some(count),
        trees: Some(trees),
    };
    serde_json::to_writer(&mut out, &end).map_err(json)?;
    out.write_all(b"\n").at(path)?;
    let file = out.into_inner().map_err(|e| StoreError::io(path, e.into_error()))?;
    file.sync_all().at(path)?;
    Ok(())
}

/// What a backup holds, read from its first and last lines only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub header: Header,
    /// Records by tree.
    pub trees: BTreeMap<String, u64>,
    pub bytes: u64,
}

impl Summary {
    /// Records in all.
    pub fn records(&self) -> u64 {
        self.trees.values().sum()
    }
}

/// Reads a backup's header and its closing line (with the records of each
/// tree) without reading the records themselves; `None` for a file that is
/// not a whole backup.
pub fn summary(path: &Path) -> Result<Option<Summary>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = File::open(path).at(path)?;
    let bytes = file.metadata().at(path)?.len();
    let mut first = String::new();
    BufReader::new(&mut file).read_line(&mut first).at(path)?;
    let header: Header = match serde_json::from_str(&first) {
        Ok(h @ Header { .. }) if h.format == FORMAT && h.version <= FORMAT_VERSION => h,
        _ => return Ok(None),
    };
    // The closing line is short: the last few kilobytes hold it.
    let tail_len = bytes.min(64 * 1024);
    file.seek(SeekFrom::Start(bytes - tail_len)).at(path)?;
    let mut tail = Vec::new();
    file.take(tail_len).read_to_end(&mut tail).at(path)?;
    let last = tail.strip_suffix(b"\n").unwrap_or(&tail);
    let last = last.rsplit(|b| *b == b'\n').next().unwrap_or_default();
    Ok(match serde_json::from_slice::<Line>(last) {
        Ok(Line {
            end: Some(true),
            trees: Some(trees),
            records: Some(records),
            ..
        }) if trees.values().sum::<u64>() == records => Some(Summary { header, trees, bytes }),
        _ => None,
    })
}

/// Reads a backup and checks it whole: its first line, every record, and
/// the count on its last line. Nothing is written.
pub fn read(path: &Path) -> Result<std::result::Result<Backup, BackupProblem>> {
    let reader = BufReader::new(File::open(path).at(path)?);
    let mut lines = reader.split(b'\n').enumerate();
    let Some((_, first)) = lines.next() else {
        return Ok(Err(BackupProblem::NotABackup));
    };
    let header: Header = match serde_json::from_slice(&first.at(path)?) {
        Ok(h @ Header { .. }) if h.format == FORMAT => h,
        _ => return Ok(Err(BackupProblem::NotABackup)),
    };
    if header.version > FORMAT_VERSION {
        return Ok(Err(BackupProblem::NewerFormat(header.version)));
    }
    let mut records = Vec::new();
    let mut lines = lines.peekable();
    while let Some((i, line)) = lines.next() {
        let line = line.at(path)?;
        let number = i + 1;
        let Ok(parsed) = serde_json::from_slice::<Line>(&line) else {
            // A last line that breaks off is a file cut short.
            let last = lines.peek().is_none();
            return Ok(Err(if last {
                BackupProblem::Truncated
            } else {
                BackupProblem::Garbled(number)
            }));
        };
        if parsed.end == Some(true) {
            return Ok(if parsed.records == Some(records.len() as u64) {
                Ok(Backup { header, records })
            } else {
                Err(BackupProblem::Truncated)
            });
        }
        let record = (|| {
            let tree = parsed.tree?;
            let key = unhex(&parsed.key?)?;
            let value = match (parsed.value, parsed.bytes) {
                (Some(raw), None) => raw.get().as_bytes().to_vec(),
                (None, Some(bytes)) => unhex(&bytes)?,
                _ => return None,
            };
            Some(Record { tree, key, value })
        })();
        match record {
            Some(r) => records.push(r),
            None => return Ok(Err(BackupProblem::Garbled(number))),
        }
    }
    Ok(Err(BackupProblem::Truncated))
}

/// Builds a new database at `path` (which must not exist yet) holding
/// exactly `records`, flushed: how a backup is restored and how a migrated
/// database is made, beside the live one.
pub fn build_database(path: &Path, records: &[Record]) -> Result<()> {
    if path.exists() {
        return Err(StoreError::io(
            path,
            std::io::Error::new(std::io::ErrorKind::AlreadyExists, "already exists"),
        ));
    }
    #[expect(
        clippy::disallowed_methods,
        reason = "a new database beside the live one, under the data directory's lock"
    )]
    let db = sled::Config::new()
        .path(path)
        .cache_capacity(crate::open::CACHE_BYTES)
        .open()
        .at(path)?;
    let mut batches: BTreeMap<&str, sled::Batch> = BTreeMap::new();
    for r in records {
        batches
            .entry(r.tree.as_str())
            .or_default()
            .insert(r.key.as_slice(), r.value.as_slice());
    }
    for (tree, batch) in batches {
        db.open_tree(tree).and_then(|t| t.apply_batch(batch)).at(path)?;
    }
    db.flush().at(path)?;
    Ok(())
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of a hex text; `None` when it is not hex.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            format: FORMAT.into(),
            version: FORMAT_VERSION,
            schema: 2,
            created_at: "2026-12-01T09:00:00Z".parse().expect("a date"),
        }
    }

    fn records() -> Vec<Record> {
        vec![
            Record {
                tree: "projects".into(),
                key: vec![1, 2, 255],
                value: br#"{"kind":"project","v":1,"data":{"title":"Accueil"}}"#.to_vec(),
            },
            Record {
                tree: "meta".into(),
                key: b"schema_version".to_vec(),
                value: 2u32.to_be_bytes().to_vec(),
            },
        ]
    }

    #[test]
    fn a_backup_reads_back_byte_for_byte() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("b.atelier-backup");
        write(&path, &header(), records().into_iter().map(Ok)).expect("writes");
        let text = fs::read_to_string(&path).expect("reads");
        assert!(text.contains(r#""value":{"kind":"project","v":1,"data":{"title":"Accueil"}}"#));
        assert!(text.ends_with("{\"end\":true,\"records\":2,\"trees\":{\"meta\":1,\"projects\":1}}\n"));
        let back = read(&path).expect("reads").expect("a backup");
        assert_eq!(back.header, header());
        assert_eq!(back.records, records());
        assert_eq!(back.counts().get("projects"), Some(&1));
        assert!(!partial_path(&path).exists());
        let summary = summary(&path).expect("reads").expect("a whole backup");
        assert_eq!((summary.records(), summary.header.schema), (2, 2));
        assert_eq!(summary.bytes, text.len() as u64);
    }

    #[test]
    fn cut_garbled_foreign_or_newer_files_are_told_apart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("b.atelier-backup");
        write(&path, &header(), records().into_iter().map(Ok)).expect("writes");
        let whole = fs::read_to_string(&path).expect("reads");
        let check = |text: &str| {
            fs::write(&path, text).expect("writes");
            read(&path).expect("reads").expect_err("refused")
        };
        let cut = &whole[..whole.rfind("{\"end\"").expect("an end line")];
        assert_eq!(check(cut), BackupProblem::Truncated);
        assert_eq!(summary(&path).expect("reads"), None, "a cut backup has no summary");
        assert_eq!(
            check(&whole[..whole.len() / 2]),
            BackupProblem::Truncated,
            "cut mid-line"
        );
        assert_eq!(
            check(&whole.replacen("\"tree\":\"meta\"", "\"tree\":7", 1)),
            BackupProblem::Garbled(3)
        );
        assert_eq!(check("name;type\nImmersia;startup\n"), BackupProblem::NotABackup);
        assert_eq!(check(""), BackupProblem::NotABackup);
        assert_eq!(
            check(&whole.replacen("\"version\":1", "\"version\":9", 1)),
            BackupProblem::NewerFormat(9)
        );
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(unhex("000fff"), Some(vec![0, 15, 255]));
        assert_eq!(unhex("0g"), None);
        assert_eq!(unhex("abc"), None);
    }
}
