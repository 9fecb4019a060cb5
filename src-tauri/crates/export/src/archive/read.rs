//! Reading an archive back from a file that may come from anyone: cheap
//! checks first, and never more bytes inflated than the limits allow.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Seek, SeekFrom};

use serde::Deserialize;
use zip::{CompressionMethod, ZipArchive};

use super::{
    checksum, is_safe_path, sha256_hex, shown, Archive, ArchiveError, EntryInfo, Limits, Manifest, SizeLimit, FORMAT,
    FORMAT_VERSION, MANIFEST_PATH, TITLE_MAX_CHARS,
};

/// The archive in `bytes`, verified: refused with the first problem found
/// unless every check of the [module documentation](super) passes, with
/// at most `max_schema` as the records' schema. Writes nothing anywhere.
pub fn read(bytes: &[u8], limits: &Limits, max_schema: u32) -> Result<Archive, ArchiveError> {
    read_from(Cursor::new(bytes), limits, max_schema)
}

/// [`read`] over any seekable reader (the tests count what it pulls).
pub(super) fn read_from<R: Read + Seek>(
    mut reader: R,
    limits: &Limits,
    max_schema: u32,
) -> Result<Archive, ArchiveError> {
    let file_bytes = reader.seek(SeekFrom::End(0)).map_err(not_an_archive)?;
    if file_bytes > limits.max_file_bytes {
        return Err(ArchiveError::TooLarge {
            what: SizeLimit::File,
            path: None,
            limit: limits.max_file_bytes,
        });
    }
    // Only the central directory is read here, nothing is inflated.
    let mut zip = ZipArchive::new(&mut reader).map_err(not_an_archive)?;
    if zip.len() > limits.max_entries {
        return Err(too_many_entries(limits));
    }
    if zip.has_duplicate_names() {
        let directory = zip.central_directory_start();
        drop(zip);
        return Err(ArchiveError::Duplicate {
            path: repeated_name(&mut reader, directory).unwrap_or_default(),
        });
    }

    let paths = entry_paths(&zip)?;
    let manifest_index = paths
        .iter()
        .position(|path| path == MANIFEST_PATH)
        .ok_or(ArchiveError::MissingManifest)?;
    let manifest_bytes = inflate(&mut zip, manifest_index, MANIFEST_PATH, limits.max_entry_bytes)?;
    let manifest_size = manifest_bytes.len() as u64;
    if manifest_size > limits.max_entry_bytes {
        return Err(ArchiveError::TooLarge {
            what: SizeLimit::Entry,
            path: Some(MANIFEST_PATH.to_owned()),
            limit: limits.max_entry_bytes,
        });
    }
    let manifest = parse_manifest(&manifest_bytes, max_schema)?;
    let listed = check_listing(&manifest, manifest_size, limits)?;

    // Every entry listed, every listed entry present: decided from the
    // names alone, before anything else is inflated.
    for (index, path) in paths.iter().enumerate() {
        if index != manifest_index && !listed.contains_key(path.as_str()) {
            return Err(ArchiveError::Unlisted { path: path.clone() });
        }
    }
    let present: BTreeSet<&str> = paths.iter().map(String::as_str).collect();
    if let Some(missing) = manifest.entries.iter().find(|e| !present.contains(e.path.as_str())) {
        return Err(ArchiveError::Missing {
            path: missing.path.clone(),
        });
    }

    let mut entries = BTreeMap::new();
    for (index, path) in paths.iter().enumerate() {
        let Some(info) = listed.get(path.as_str()) else {
            continue; // The manifest, the only entry not listed.
        };
        // One byte more than promised is enough to know the promise is broken.
        let bytes = inflate(&mut zip, index, path, info.size)?;
        if bytes.len() as u64 != info.size || sha256_hex(&bytes) != info.sha256 {
            return Err(ArchiveError::Corrupt { path: path.clone() });
        }
        entries.insert(path.clone(), bytes);
    }
    Ok(Archive { manifest, entries })
}

/// The path of every zip entry, in the zip's order, once each passes the
/// checks that need no inflating: a safe name, no symbolic link, no
/// encryption, a compression this reader knows.
fn entry_paths<R: Read + Seek>(zip: &ZipArchive<R>) -> Result<Vec<String>, ArchiveError> {
    (0..zip.len())
        .map(|index| {
            let entry = zip.by_index_data(index).map_err(not_an_archive)?;
            let path = match std::str::from_utf8(entry.name_raw()) {
                Ok(path) if is_safe_path(path) => path.to_owned(),
                _ => {
                    return Err(ArchiveError::UnsafePath {
                        path: shown(&String::from_utf8_lossy(entry.name_raw())),
                    })
                }
            };
            if entry.is_symlink() {
                Err(ArchiveError::Symlink { path })
            } else if entry.encrypted() {
                Err(ArchiveError::Encrypted { path })
            } else if !matches!(
                entry.compression(),
                CompressionMethod::Deflated | CompressionMethod::Stored
            ) {
                Err(ArchiveError::UnsupportedCompression { path })
            } else {
                Ok(path)
            }
        })
        .collect()
}

/// The bytes of entry `index`, inflated through `take(limit + 1)`: at most
/// `limit + 1` bytes whatever the zip header declares, so that the caller
/// sees a file that goes over without inflating the rest. The zip's CRC
/// is checked when the entry ends within the limit.
fn inflate<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    index: usize,
    path: &str,
    limit: u64,
) -> Result<Vec<u8>, ArchiveError> {
    let corrupt = || ArchiveError::Corrupt { path: path.to_owned() };
    let entry = zip.by_index(index).map_err(|_| corrupt())?;
    let mut bytes = Vec::new();
    entry
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|_| corrupt())?;
    Ok(bytes)
}

/// Just enough of a manifest to tell an Atelier archive, and its
/// container version, before holding the rest to that version's shape.
#[derive(Deserialize)]
struct Probe {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// The manifest, once it is an Atelier project manifest of a version and
/// schema this Atelier reads, of version 1's exact shape.
fn parse_manifest(bytes: &[u8], max_schema: u32) -> Result<Manifest, ArchiveError> {
    // serde would also take a struct from an array of its fields in order.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(ArchiveError::BadManifest {
            detail: "not a JSON object".to_owned(),
        });
    }
    let probe: Probe = serde_json::from_slice(bytes).map_err(bad_manifest)?;
    if probe.format.as_ref().and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(ArchiveError::NotAtelier);
    }
    match probe.format_version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(found) if found > u64::from(FORMAT_VERSION) => {
            return Err(ArchiveError::NewerFormat {
                found: u32::try_from(found).unwrap_or(u32::MAX),
                supported: FORMAT_VERSION,
            })
        }
        Some(found) if found == u64::from(FORMAT_VERSION) => {}
        _ => {
            return Err(ArchiveError::BadManifest {
                detail: "format_version is not a version number".to_owned(),
            })
        }
    }
    let manifest: Manifest = serde_json::from_slice(bytes).map_err(bad_manifest)?;
    if manifest.schema > max_schema {
        return Err(ArchiveError::NewerSchema {
            found: manifest.schema,
            supported: max_schema,
        });
    }
    for (field, value) in [("title", &manifest.title), ("app_version", &manifest.app_version)] {
        if value.chars().count() > TITLE_MAX_CHARS {
            return Err(ArchiveError::BadManifest {
                detail: format!("{field} longer than {TITLE_MAX_CHARS} characters"),
            });
        }
    }
    Ok(manifest)
}

/// The manifest's entries by path, once the list holds up: a sane count,
/// safe and unique paths, well-formed hashes, the right checksum, and
/// declared sizes within the limits (the manifest's own `manifest_size`
/// counting in the total).
fn check_listing<'m>(
    manifest: &'m Manifest,
    manifest_size: u64,
    limits: &Limits,
) -> Result<BTreeMap<&'m str, &'m EntryInfo>, ArchiveError> {
    if manifest.entries.len() >= limits.max_entries {
        return Err(too_many_entries(limits));
    }
    if manifest_size > limits.max_total_bytes {
        return Err(ArchiveError::TooLarge {
            what: SizeLimit::Total,
            path: Some(MANIFEST_PATH.to_owned()),
            limit: limits.max_total_bytes,
        });
    }
    let mut listed = BTreeMap::new();
    let mut total = manifest_size;
    for entry in &manifest.entries {
        let path = entry.path.as_str();
        if !is_safe_path(path) {
            return Err(ArchiveError::UnsafePath { path: shown(path) });
        }
        if path == MANIFEST_PATH {
            return Err(ArchiveError::BadManifest {
                detail: "the manifest lists itself".to_owned(),
            });
        }
        if listed.insert(path, entry).is_some() {
            return Err(ArchiveError::Duplicate { path: path.to_owned() });
        }
        if !is_sha256_hex(&entry.sha256) {
            return Err(ArchiveError::BadManifest {
                detail: format!("the sha256 of {path:?} is not 64 lowercase hex digits"),
            });
        }
        if entry.size > limits.max_entry_bytes {
            return Err(ArchiveError::TooLarge {
                what: SizeLimit::Entry,
                path: Some(path.to_owned()),
                limit: limits.max_entry_bytes,
            });
        }
        total = total.saturating_add(entry.size);
        if total > limits.max_total_bytes {
            return Err(ArchiveError::TooLarge {
                what: SizeLimit::Total,
                path: Some(path.to_owned()),
                limit: limits.max_total_bytes,
            });
        }
    }
    if manifest.checksum != checksum(&manifest.entries) {
        return Err(ArchiveError::BadManifest {
            detail: "checksum does not match the entries".to_owned(),
        });
    }
    Ok(listed)
}

fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The first name the central directory at `start` holds twice. The zip
/// reader only says that some name repeats (it keeps one entry per name),
/// so this walks the directory's records itself: a 46-byte header whose
/// bytes 28, 30 and 32 give the lengths of the name, extra field and
/// comment that follow. `None` when the walk fails before finding one.
fn repeated_name<R: Read + Seek>(reader: &mut R, start: u64) -> Option<String> {
    const SIGNATURE: &[u8] = b"PK\x01\x02";
    let mut seen = BTreeSet::new();
    reader.seek(SeekFrom::Start(start)).ok()?;
    loop {
        let mut header = [0u8; 46];
        reader.read_exact(&mut header).ok()?;
        if !header.starts_with(SIGNATURE) {
            return None;
        }
        let length = |at: usize| u16::from_le_bytes([header[at], header[at + 1]]);
        let mut name = vec![0u8; usize::from(length(28))];
        reader.read_exact(&mut name).ok()?;
        reader
            .seek(SeekFrom::Current(i64::from(length(30)) + i64::from(length(32))))
            .ok()?;
        if seen.contains(&name) {
            return Some(shown(&String::from_utf8_lossy(&name)));
        }
        seen.insert(name);
    }
}

fn too_many_entries(limits: &Limits) -> ArchiveError {
    ArchiveError::TooManyEntries {
        limit: limits.max_entries as u64,
    }
}

fn not_an_archive(error: impl std::fmt::Display) -> ArchiveError {
    ArchiveError::NotAnArchive {
        detail: shown(&error.to_string()),
    }
}

fn bad_manifest(error: serde_json::Error) -> ArchiveError {
    ArchiveError::BadManifest {
        detail: shown(&error.to_string()),
    }
}
