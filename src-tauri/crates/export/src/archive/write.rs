//! Making an archive: the manifest, then the entries, deflated.

use std::collections::BTreeSet;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{
    checksum, is_safe_path, sha256_hex, shown, ArchiveError, ArchiveMeta, EntryInfo, Limits, Manifest, SizeLimit,
    FORMAT, FORMAT_VERSION, MANIFEST_PATH, TITLE_MAX_CHARS,
};

/// The archive of `entries` (path and bytes, written in this order after
/// the manifest), described by `meta`.
///
/// Refuses what [`read()`](super::read()) would refuse with the default
/// [`Limits`], so that a colleague's Atelier can open every archive this
/// one makes: an unsafe path, a path given twice (or `manifest.json`),
/// a title or version longer than [`TITLE_MAX_CHARS`], more entries or
/// more bytes than the default limits allow.
///
/// The same input always gives the same bytes: entries carry no clock
/// time of their own (their zip date is the format's epoch, 1980-01-01;
/// `meta.created_at` says when the archive was made).
pub fn write(meta: ArchiveMeta, entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ArchiveError> {
    let limits = Limits::default();
    // The manifest is an entry too.
    if entries.len() >= limits.max_entries {
        return Err(ArchiveError::TooManyEntries {
            limit: limits.max_entries as u64,
        });
    }
    for (field, value) in [("title", &meta.title), ("app_version", &meta.app_version)] {
        if value.chars().count() > TITLE_MAX_CHARS {
            return Err(ArchiveError::BadManifest {
                detail: format!("{field} longer than {TITLE_MAX_CHARS} characters"),
            });
        }
    }

    let mut seen = BTreeSet::new();
    let mut infos = Vec::with_capacity(entries.len());
    for (path, bytes) in entries {
        if !is_safe_path(path) {
            return Err(ArchiveError::UnsafePath { path: shown(path) });
        }
        if path == MANIFEST_PATH || !seen.insert(path.as_str()) {
            return Err(ArchiveError::Duplicate { path: path.clone() });
        }
        let size = bytes.len() as u64;
        if size > limits.max_entry_bytes {
            return Err(ArchiveError::TooLarge {
                what: SizeLimit::Entry,
                path: Some(path.clone()),
                limit: limits.max_entry_bytes,
            });
        }
        infos.push(EntryInfo {
            path: path.clone(),
            size,
            sha256: sha256_hex(bytes),
        });
    }

    let manifest = Manifest {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        schema: meta.schema,
        created_at: meta.created_at,
        app_version: meta.app_version,
        title: meta.title,
        checksum: checksum(&infos),
        entries: infos,
    };
    // Pretty, so that a curious DLM who unzips the file can read it.
    let manifest_json = serde_json::to_vec_pretty(&manifest).map_err(failed)?;
    let manifest_size = manifest_json.len() as u64;
    if manifest_size > limits.max_entry_bytes {
        return Err(ArchiveError::TooLarge {
            what: SizeLimit::Entry,
            path: Some(MANIFEST_PATH.to_owned()),
            limit: limits.max_entry_bytes,
        });
    }
    let total = manifest
        .entries
        .iter()
        .fold(manifest_size, |sum, e| sum.saturating_add(e.size));
    if total > limits.max_total_bytes {
        return Err(ArchiveError::TooLarge {
            what: SizeLimit::Total,
            path: None,
            limit: limits.max_total_bytes,
        });
    }

    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(MANIFEST_PATH, options).map_err(failed)?;
    zip.write_all(&manifest_json).map_err(failed)?;
    for (path, bytes) in entries {
        zip.start_file(path, options).map_err(failed)?;
        zip.write_all(bytes).map_err(failed)?;
    }
    let file = zip.finish().map_err(failed)?.into_inner();
    if file.len() as u64 > limits.max_file_bytes {
        return Err(ArchiveError::TooLarge {
            what: SizeLimit::File,
            path: None,
            limit: limits.max_file_bytes,
        });
    }
    Ok(file)
}

fn failed(error: impl std::fmt::Display) -> ArchiveError {
    ArchiveError::WriteFailed {
        detail: error.to_string(),
    }
}
