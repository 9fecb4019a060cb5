//! The project archive: written and read back, and every hostile file
//! refused with its reason. Hostile files are made with the zip crate's
//! own writer, then patched byte by byte where the writer refuses to
//! misbehave. Manifests and hashes are computed here again, independently
//! of the module, so that a shared mistake cannot hide.

use std::collections::BTreeMap;
use std::io::{self, Cursor, Read, Seek, SeekFrom, Write};

use chrono::TimeZone;
use proptest::prelude::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::read::read_from;
use super::*;

/// The newest schema the reader under test knows.
const MAX_SCHEMA: u32 = 3;

/// The manifest's fields, in the order version 1 writes them.
const FIELDS: [&str; 8] = [
    "format",
    "format_version",
    "schema",
    "created_at",
    "app_version",
    "title",
    "entries",
    "checksum",
];

const BOMB_BYTES: usize = 60 * 1024 * 1024;

fn created_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 14, 9, 30, 0)
        .single()
        .expect("a valid date")
}

fn meta() -> ArchiveMeta {
    ArchiveMeta {
        schema: MAX_SCHEMA,
        created_at: created_at(),
        app_version: "0.1.0".into(),
        title: "Onboarding 2025 — l'accueil des nouveaux".into(),
    }
}

/// A small project: what the app layer will put in.
fn sample() -> Vec<(String, Vec<u8>)> {
    vec![
        (
            "records/project.json".into(),
            br#"{"id":"p-1","title":"Onboarding 2025","summary":"Des \u00e9tapes"}"#.to_vec(),
        ),
        (
            "records/milestones/m-1.json".into(),
            br#"{"id":"m-1","due":"2025-06-01"}"#.to_vec(),
        ),
        (
            "records/people/p_2.v1.json".into(),
            br#"{"id":"p-2","name":"Zo\u00e9"}"#.to_vec(),
        ),
        ("records/empty.json".into(), Vec::new()),
    ]
}

fn valid() -> Vec<u8> {
    write(meta(), &sample()).expect("the sample writes")
}

fn read_default(bytes: &[u8]) -> Result<Archive, ArchiveError> {
    read(bytes, &Limits::default(), MAX_SCHEMA)
}

fn refused(bytes: &[u8]) -> ArchiveError {
    read_default(bytes).expect_err("the file is refused")
}

/// SHA-256 in lowercase hex, computed here.
fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The checksum of a manifest listing `entries`, computed here.
fn lines_sha(entries: &[EntryInfo]) -> String {
    let lines: String = entries.iter().map(|e| format!("{}\n{}\n", e.path, e.sha256)).collect();
    sha(lines.as_bytes())
}

/// A manifest that lists `files` truthfully.
fn manifest_of(files: &[(&str, &[u8])]) -> Manifest {
    let entries: Vec<EntryInfo> = files
        .iter()
        .map(|(path, bytes)| EntryInfo {
            path: (*path).into(),
            size: bytes.len() as u64,
            sha256: sha(bytes),
        })
        .collect();
    Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        schema: MAX_SCHEMA,
        created_at: created_at(),
        app_version: "0.1.0".into(),
        title: "Hostile".into(),
        checksum: lines_sha(&entries),
        entries,
    }
}

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

/// A zip built by `build` with the zip crate's writer.
fn zip_with(build: impl FnOnce(&mut ZipWriter<Cursor<Vec<u8>>>) -> zip::result::ZipResult<()>) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    build(&mut zip).expect("the zip writer accepts the entries");
    zip.finish().expect("the zip finishes").into_inner()
}

/// A zip of `files`, in this order, deflated.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(|zip| {
        for (name, bytes) in files {
            zip.start_file(*name, deflated())?;
            zip.write_all(bytes)?;
        }
        Ok(())
    })
}

/// A zip whose `manifest.json` holds `manifest` as is, then `files`.
fn with_manifest_bytes(manifest: &[u8], files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut all = vec![(MANIFEST_PATH, manifest)];
    all.extend_from_slice(files);
    zip_of(&all)
}

/// A zip whose manifest is `manifest`, then `files`.
fn with_manifest(manifest: &Manifest, files: &[(&str, &[u8])]) -> Vec<u8> {
    with_manifest_bytes(&serde_json::to_vec(manifest).expect("a manifest serialises"), files)
}

/// A zip of `files` with a manifest that lists them truthfully.
fn honest(files: &[(&str, &[u8])]) -> Vec<u8> {
    with_manifest(&manifest_of(files), files)
}

fn manifest_value() -> Value {
    serde_json::to_value(manifest_of(&[("records/a.json", b"{}")])).expect("a manifest serialises")
}

/// A header field to patch in both headers (local and central) of an entry.
#[derive(Clone, Copy)]
enum Field {
    Flags,
    Method,
    Crc,
}

/// Applies `patch` to `field` of the local and the central header of the
/// entry `name`, found by their signatures and the name they carry.
fn patch_headers(bytes: &mut [u8], name: &str, field: Field, patch: impl Fn(&mut [u8])) {
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(4) {
        // (name length offset, name offset, field offset) in each header.
        let (length_at, name_at, field_at) = match (&bytes[at..at + 4], field) {
            (b"PK\x03\x04", Field::Flags) => (26, 30, 6),
            (b"PK\x03\x04", Field::Method) => (26, 30, 8),
            (b"PK\x03\x04", Field::Crc) => (26, 30, 14),
            (b"PK\x01\x02", Field::Flags) => (28, 46, 8),
            (b"PK\x01\x02", Field::Method) => (28, 46, 10),
            (b"PK\x01\x02", Field::Crc) => (28, 46, 16),
            _ => continue,
        };
        let Some(length) = bytes.get(at + length_at..at + length_at + 2) else {
            continue;
        };
        let length = usize::from(u16::from_le_bytes([length[0], length[1]]));
        if bytes.get(at + name_at..at + name_at + length) != Some(name.as_bytes()) {
            continue;
        }
        let width = if matches!(field, Field::Crc) { 4 } else { 2 };
        patch(&mut bytes[at + field_at..at + field_at + width]);
        patched += 1;
    }
    assert_eq!(patched, 2, "both headers of {name} patched");
}

/// A reader that counts the bytes pulled from the file.
struct Counting<'a> {
    inner: Cursor<&'a [u8]>,
    pulled: u64,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pulled += n as u64;
        Ok(n)
    }
}

impl Seek for Counting<'_> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// `read` of `bytes`, with how many bytes of the file it pulled.
fn read_counting(bytes: &[u8], limits: &Limits) -> (Result<Archive, ArchiveError>, u64) {
    let mut counting = Counting {
        inner: Cursor::new(bytes),
        pulled: 0,
    };
    let result = read_from(&mut counting, limits, MAX_SCHEMA);
    (result, counting.pulled)
}

fn mib(n: u64) -> u64 {
    n * 1024 * 1024
}

// ---------------------------------------------------------------- writing

#[test]
fn round_trip_gives_back_the_entries_and_the_manifest() {
    let entries = sample();
    let bytes = write(meta(), &entries).expect("writes");
    let archive = read_default(&bytes).expect("reads back");

    let expected: BTreeMap<String, Vec<u8>> = entries.iter().cloned().collect();
    assert_eq!(archive.entries, expected);
    let manifest = &archive.manifest;
    assert_eq!(manifest.format, FORMAT);
    assert_eq!(manifest.format_version, FORMAT_VERSION);
    assert_eq!(manifest.schema, MAX_SCHEMA);
    assert_eq!(manifest.created_at, created_at());
    assert_eq!(manifest.app_version, "0.1.0");
    assert_eq!(manifest.title, meta().title);
    // Listed in the caller's order, with sizes and hashes computed here.
    let listed: Vec<(String, u64, String)> = manifest
        .entries
        .iter()
        .map(|e| (e.path.clone(), e.size, e.sha256.clone()))
        .collect();
    let truth: Vec<(String, u64, String)> = entries
        .iter()
        .map(|(p, b)| (p.clone(), b.len() as u64, sha(b)))
        .collect();
    assert_eq!(listed, truth);
    assert_eq!(manifest.checksum, lines_sha(&manifest.entries));
}

#[test]
fn an_empty_project_round_trips() {
    let bytes = write(meta(), &[]).expect("writes");
    let archive = read_default(&bytes).expect("reads back");
    assert!(archive.entries.is_empty());
    assert!(archive.manifest.entries.is_empty());
}

#[test]
fn the_zip_holds_the_manifest_first_then_the_entries_deflated() {
    let mut zip = ZipArchive::new(Cursor::new(valid())).expect("a zip");
    let names: Vec<String> = zip.file_names().map(|n| n.expect("a name").into_owned()).collect();
    let mut expected = vec![MANIFEST_PATH.to_owned()];
    expected.extend(sample().into_iter().map(|(p, _)| p));
    // `file_names` follows the central directory, which the writer keeps in order.
    assert_eq!(names, expected);
    for index in 0..zip.len() {
        let entry = zip.by_index(index).expect("an entry");
        assert_eq!(
            entry.compression(),
            CompressionMethod::Deflated,
            "{}",
            entry.name_raw().escape_ascii()
        );
        assert!(!entry.is_symlink());
    }
}

#[test]
fn the_manifest_is_the_documented_json() {
    let mut zip = ZipArchive::new(Cursor::new(valid())).expect("a zip");
    let mut text = String::new();
    zip.by_name(MANIFEST_PATH)
        .expect("a manifest")
        .read_to_string(&mut text)
        .expect("UTF-8");
    let manifest: Value = serde_json::from_str(&text).expect("JSON");
    let entries: Vec<Value> = sample()
        .iter()
        .map(|(path, bytes)| json!({ "path": path, "size": bytes.len(), "sha256": sha(bytes) }))
        .collect();
    let lines: String = sample()
        .iter()
        .map(|(path, bytes)| format!("{path}\n{}\n", sha(bytes)))
        .collect();
    assert_eq!(
        manifest,
        json!({
            "format": "atelier-project",
            "format_version": 1,
            "schema": MAX_SCHEMA,
            "created_at": "2025-03-14T09:30:00Z",
            "app_version": "0.1.0",
            "title": meta().title,
            "entries": entries,
            "checksum": sha(lines.as_bytes()),
        })
    );
}

#[test]
fn writing_is_deterministic() {
    assert_eq!(valid(), valid());
}

#[test]
fn write_refuses_unsafe_paths() {
    let long = format!("records/{}.json", "a".repeat(PATH_MAX_BYTES));
    for path in [
        "../evil.json",
        "records/../../evil.json",
        "/abs.json",
        "a\\b.json",
        "C:/evil.json",
        "c:evil.json",
        "records//a.json",
        "records/./a.json",
        "records/.../a.json",
        "records/",
        "",
        "nul\0.json",
        "é.json",
        "a b.json",
        long.as_str(),
    ] {
        let error = write(meta(), &[(path.to_owned(), b"{}".to_vec())]).expect_err(path);
        assert!(matches!(error, ArchiveError::UnsafePath { .. }), "{path:?}: {error:?}");
    }
}

#[test]
fn write_refuses_a_path_given_twice_or_the_manifest_path() {
    let twice = vec![
        ("records/a.json".to_owned(), b"{}".to_vec()),
        ("records/a.json".to_owned(), b"[]".to_vec()),
    ];
    assert_eq!(
        write(meta(), &twice),
        Err(ArchiveError::Duplicate {
            path: "records/a.json".into()
        })
    );
    assert_eq!(
        write(meta(), &[(MANIFEST_PATH.to_owned(), b"{}".to_vec())]),
        Err(ArchiveError::Duplicate {
            path: MANIFEST_PATH.into()
        })
    );
}

#[test]
fn write_refuses_what_read_would_refuse_by_default() {
    let limits = Limits::default();
    // With the manifest, one entry too many.
    let many: Vec<(String, Vec<u8>)> = (0..limits.max_entries)
        .map(|i| (format!("r/{i}.json"), Vec::new()))
        .collect();
    assert_eq!(
        write(meta(), &many),
        Err(ArchiveError::TooManyEntries {
            limit: limits.max_entries as u64
        })
    );
    let big = vec![(
        "records/big.json".to_owned(),
        vec![b' '; limits.max_entry_bytes as usize + 1],
    )];
    assert_eq!(
        write(meta(), &big),
        Err(ArchiveError::TooLarge {
            what: SizeLimit::Entry,
            path: Some("records/big.json".into()),
            limit: limits.max_entry_bytes,
        })
    );
    let long_title = ArchiveMeta {
        title: "x".repeat(TITLE_MAX_CHARS + 1),
        ..meta()
    };
    assert!(matches!(write(long_title, &[]), Err(ArchiveError::BadManifest { .. })));
}

#[test]
fn the_path_rule() {
    for good in [
        "records/project.json",
        "a",
        "a-b_c.1/X.json",
        "records/.hidden.json",
        &"a".repeat(PATH_MAX_BYTES),
    ] {
        assert!(is_safe_path(good), "{good:?}");
    }
    for bad in [
        "", "/", "a/", "/a", "a//b", ".", "..", "a/../b", "a\\b", "C:", "a\0b", "a b", "ä", "a/~b", "*",
    ] {
        assert!(!is_safe_path(bad), "{bad:?}");
    }
    assert!(!is_safe_path(&"a".repeat(PATH_MAX_BYTES + 1)));
}

#[test]
fn errors_serialise_with_their_kind() {
    assert_eq!(
        serde_json::to_value(ArchiveError::TooLarge {
            what: SizeLimit::Entry,
            path: Some("records/a.json".into()),
            limit: 1024,
        })
        .expect("serialises"),
        json!({ "kind": "too_large", "what": "entry", "path": "records/a.json", "limit": 1024 })
    );
    assert_eq!(
        serde_json::to_value(ArchiveError::NotAtelier).expect("serialises"),
        json!({ "kind": "not_atelier" })
    );
    assert_eq!(
        serde_json::to_value(ArchiveError::NewerSchema { found: 4, supported: 3 }).expect("serialises"),
        json!({ "kind": "newer_schema", "found": 4, "supported": 3 })
    );
}

// ------------------------------------------------------- what is not ours

#[test]
fn refuses_what_is_not_a_zip() {
    for bytes in [&b""[..], b"hello", b"PK\x03\x04", b"{\"format\":\"atelier-project\"}"] {
        assert!(matches!(refused(bytes), ArchiveError::NotAnArchive { .. }), "{bytes:?}");
    }
}

#[test]
fn refuses_every_prefix_of_a_valid_archive() {
    let bytes = valid();
    for len in 0..bytes.len() {
        assert!(read_default(&bytes[..len]).is_err(), "a prefix of {len} bytes");
    }
}

#[test]
fn refuses_a_zip_without_manifest() {
    assert_eq!(
        refused(&zip_of(&[("records/a.json", b"{}")])),
        ArchiveError::MissingManifest
    );
}

#[test]
fn refuses_another_format() {
    let mut other = manifest_of(&[]);
    other.format = "other".into();
    assert_eq!(refused(&with_manifest(&other, &[])), ArchiveError::NotAtelier);
    assert_eq!(
        refused(&with_manifest_bytes(br#"{"title":"x"}"#, &[])),
        ArchiveError::NotAtelier
    );
    assert_eq!(
        refused(&with_manifest_bytes(br#"{"format":1}"#, &[])),
        ArchiveError::NotAtelier
    );
}

#[test]
fn refuses_a_newer_format_whatever_its_shape() {
    let mut newer = manifest_of(&[]);
    newer.format_version = 2;
    let expected = ArchiveError::NewerFormat {
        found: 2,
        supported: FORMAT_VERSION,
    };
    assert_eq!(refused(&with_manifest(&newer, &[])), expected);
    // A version 2 may look nothing like version 1: still "newer", not "malformed".
    let unknown = br#"{"format":"atelier-project","format_version":2,"parts":[{"x":1}]}"#;
    assert_eq!(refused(&with_manifest_bytes(unknown, &[])), expected);
    let huge = br#"{"format":"atelier-project","format_version":1099511627776}"#;
    assert_eq!(
        refused(&with_manifest_bytes(huge, &[])),
        ArchiveError::NewerFormat {
            found: u32::MAX,
            supported: FORMAT_VERSION
        }
    );
}

#[test]
fn refuses_a_newer_schema() {
    let mut newer = manifest_of(&[]);
    newer.schema = MAX_SCHEMA + 1;
    assert_eq!(
        refused(&with_manifest(&newer, &[])),
        ArchiveError::NewerSchema {
            found: MAX_SCHEMA + 1,
            supported: MAX_SCHEMA
        }
    );
    // The caller's schema decides.
    assert!(read(&with_manifest(&newer, &[]), &Limits::default(), MAX_SCHEMA + 1).is_ok());
}

#[test]
fn refuses_a_malformed_manifest() {
    let base = manifest_value();
    let entry = ("records/a.json", &b"{}"[..]);
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("not JSON", b"not json".to_vec()),
        ("an array", b"[1, 2]".to_vec()),
        (
            "an array of the fields in order",
            serde_json::to_vec(&FIELDS.map(|field| &base[field])).expect("serialises"),
        ),
        (
            "truncated",
            br#"{"format":"atelier-project","format_version":1"#.to_vec(),
        ),
    ];
    let mut edited = |what: &'static str, edit: &dyn Fn(&mut Value)| {
        let mut value = base.clone();
        edit(&mut value);
        cases.push((what, serde_json::to_vec(&value).expect("serialises")));
    };
    edited("version as text", &|v| v["format_version"] = json!("1"));
    edited("version 0", &|v| v["format_version"] = json!(0));
    edited("no version", &|v| {
        if let Some(object) = v.as_object_mut() {
            object.remove("format_version");
        }
    });
    edited("schema as text", &|v| v["schema"] = json!("three"));
    edited("negative schema", &|v| v["schema"] = json!(-1));
    edited("a date that is not RFC 3339", &|v| v["created_at"] = json!("yesterday"));
    edited("an unknown field", &|v| v["extra"] = json!(1));
    edited("an unknown entry field", &|v| v["entries"][0]["mode"] = json!(0o755));
    edited("no checksum", &|v| {
        if let Some(object) = v.as_object_mut() {
            object.remove("checksum");
        }
    });
    edited("a wrong checksum", &|v| v["checksum"] = json!(sha(b"something else")));
    edited("a negative size", &|v| v["entries"][0]["size"] = json!(-2));
    edited("a hash in capitals", &|v| {
        let upper = v["entries"][0]["sha256"].as_str().expect("a hash").to_uppercase();
        v["entries"][0]["sha256"] = json!(upper);
        let lines = format!("records/a.json\n{upper}\n");
        v["checksum"] = json!(sha(lines.as_bytes()));
    });
    edited("a title too long", &|v| {
        v["title"] = json!("x".repeat(TITLE_MAX_CHARS + 1))
    });
    edited("an app version too long", &|v| {
        v["app_version"] = json!("1".repeat(TITLE_MAX_CHARS + 1))
    });
    for (what, manifest) in cases {
        let error = refused(&with_manifest_bytes(&manifest, &[entry]));
        assert!(matches!(error, ArchiveError::BadManifest { .. }), "{what}: {error:?}");
    }

    // The manifest listing itself.
    let listing_itself = manifest_of(&[(MANIFEST_PATH, b"{}")]);
    let error = refused(&with_manifest(&listing_itself, &[]));
    assert!(matches!(error, ArchiveError::BadManifest { .. }), "{error:?}");
}

#[test]
fn errors_quote_at_most_a_few_hundred_characters_of_the_file() {
    let mut manifest = manifest_value();
    manifest["app_version"] = json!("v".repeat(100_000));
    // serde_json quotes the offending value; the error keeps a short excerpt.
    manifest["schema"] = json!("s".repeat(100_000));
    let error = refused(&with_manifest_bytes(
        &serde_json::to_vec(&manifest).expect("serialises"),
        &[],
    ));
    let ArchiveError::BadManifest { detail } = error else {
        panic!("{error:?}");
    };
    assert!(detail.chars().count() <= 201, "{} characters", detail.chars().count());
}

// ----------------------------------------------------------- hostile names

#[test]
fn refuses_unsafe_entry_names() {
    for name in [
        "../evil.json",
        "/abs.json",
        "a\\b.json",
        "C:/evil.json",
        "records//a.json",
        "nul\0.json",
        "é.json",
    ] {
        let bytes = honest(&[(name, b"{}")]);
        let error = refused(&bytes);
        assert!(matches!(error, ArchiveError::UnsafePath { .. }), "{name:?}: {error:?}");
    }
    // A name the manifest alone carries is refused just the same.
    let mut manifest = manifest_of(&[("records/a.json", b"{}")]);
    manifest.entries[0].path = "../evil.json".into();
    manifest.checksum = lines_sha(&manifest.entries);
    assert_eq!(
        refused(&with_manifest(&manifest, &[("records/a.json", b"{}")])),
        ArchiveError::UnsafePath {
            path: "../evil.json".into()
        }
    );
}

#[test]
fn refuses_a_directory_entry() {
    let bytes = zip_with(|zip| {
        zip.start_file(MANIFEST_PATH, deflated())?;
        zip.write_all(&serde_json::to_vec(&manifest_of(&[])).expect("serialises"))?;
        zip.add_directory("records/", deflated())
    });
    assert_eq!(
        refused(&bytes),
        ArchiveError::UnsafePath {
            path: "records/".into()
        }
    );
}

#[test]
fn refuses_a_symbolic_link() {
    let bytes = zip_with(|zip| {
        zip.start_file(MANIFEST_PATH, deflated())?;
        let manifest = manifest_of(&[("records/link.json", b"/etc/passwd")]);
        zip.write_all(&serde_json::to_vec(&manifest).expect("serialises"))?;
        zip.add_symlink("records/link.json", "/etc/passwd", SimpleFileOptions::default())
    });
    assert_eq!(
        refused(&bytes),
        ArchiveError::Symlink {
            path: "records/link.json".into()
        }
    );
}

#[test]
fn refuses_an_entry_name_given_twice() {
    // The writer refuses duplicates: write two names of one length, then
    // rename the second in its local and central headers.
    let files: [(&str, &[u8]); 2] = [("records/a.json", b"{}"), ("records/b.json", b"[]")];
    let mut bytes = honest(&files);
    let mut renamed = 0;
    for at in 0..bytes.len() - 14 {
        if &bytes[at..at + 14] == b"records/b.json" {
            bytes[at + 8] = b'a';
            renamed += 1;
        }
    }
    assert_eq!(renamed, 2, "the name sits in both headers, and only there");
    assert_eq!(
        refused(&bytes),
        ArchiveError::Duplicate {
            path: "records/a.json".into()
        }
    );

    // A manifest listing one path twice.
    let mut manifest = manifest_of(&[("records/a.json", b"{}"), ("records/a.json", b"{}")]);
    manifest.checksum = lines_sha(&manifest.entries);
    assert_eq!(
        refused(&with_manifest(&manifest, &[("records/a.json", b"{}")])),
        ArchiveError::Duplicate {
            path: "records/a.json".into()
        }
    );
}

#[test]
fn refuses_an_encrypted_entry() {
    let mut bytes = honest(&[("records/a.json", b"{}")]);
    patch_headers(&mut bytes, "records/a.json", Field::Flags, |flags| flags[0] |= 1);
    assert_eq!(
        refused(&bytes),
        ArchiveError::Encrypted {
            path: "records/a.json".into()
        }
    );
}

#[test]
fn refuses_an_unknown_compression() {
    let mut bytes = honest(&[("records/a.json", b"{}")]);
    // 12 is bzip2, which this reader does not inflate.
    patch_headers(&mut bytes, "records/a.json", Field::Method, |method| {
        method.copy_from_slice(&12u16.to_le_bytes())
    });
    assert_eq!(
        refused(&bytes),
        ArchiveError::UnsupportedCompression {
            path: "records/a.json".into()
        }
    );
}

// ------------------------------------------------- listing and content

#[test]
fn refuses_an_entry_the_manifest_does_not_list() {
    let manifest = manifest_of(&[("records/a.json", b"{}")]);
    let bytes = with_manifest(&manifest, &[("records/a.json", b"{}"), ("records/extra.json", b"{}")]);
    assert_eq!(
        refused(&bytes),
        ArchiveError::Unlisted {
            path: "records/extra.json".into()
        }
    );
}

#[test]
fn refuses_a_listed_entry_that_is_missing() {
    let manifest = manifest_of(&[("records/a.json", b"{}"), ("records/gone.json", b"{}")]);
    let bytes = with_manifest(&manifest, &[("records/a.json", b"{}")]);
    assert_eq!(
        refused(&bytes),
        ArchiveError::Missing {
            path: "records/gone.json".into()
        }
    );
}

#[test]
fn refuses_an_entry_whose_bytes_differ_from_the_manifest() {
    let manifest = manifest_of(&[("records/a.json", br#"{"a":1}"#)]);
    let corrupt = ArchiveError::Corrupt {
        path: "records/a.json".into(),
    };
    // Same size, other bytes: only the SHA-256 tells.
    assert_eq!(
        refused(&with_manifest(&manifest, &[("records/a.json", br#"{"a":2}"#)])),
        corrupt
    );
    // Shorter and longer.
    assert_eq!(
        refused(&with_manifest(&manifest, &[("records/a.json", br#"{"a":}"#)])),
        corrupt
    );
    assert_eq!(
        refused(&with_manifest(&manifest, &[("records/a.json", br#"{"a":10}"#)])),
        corrupt
    );
}

#[test]
fn refuses_an_entry_that_fails_the_zip_crc() {
    // Size and SHA-256 match the manifest: only the zip's CRC is wrong.
    let mut bytes = honest(&[("records/a.json", br#"{"a":1}"#)]);
    patch_headers(&mut bytes, "records/a.json", Field::Crc, |crc| crc[0] ^= 1);
    assert_eq!(
        refused(&bytes),
        ArchiveError::Corrupt {
            path: "records/a.json".into()
        }
    );
}

// ------------------------------------------------------------------ limits

#[test]
fn refuses_a_file_over_the_size_limit() {
    let bytes = valid();
    let limits = Limits {
        max_file_bytes: bytes.len() as u64 - 1,
        ..Limits::default()
    };
    assert_eq!(
        read(&bytes, &limits, MAX_SCHEMA),
        Err(ArchiveError::TooLarge {
            what: SizeLimit::File,
            path: None,
            limit: bytes.len() as u64 - 1,
        })
    );
    let exact = Limits {
        max_file_bytes: bytes.len() as u64,
        ..Limits::default()
    };
    assert!(read(&bytes, &exact, MAX_SCHEMA).is_ok());
}

#[test]
fn refuses_too_many_entries() {
    let files: [(&str, &[u8]); 2] = [("records/a.json", b"{}"), ("records/b.json", b"{}")];
    let limits = Limits {
        max_entries: 2,
        ..Limits::default()
    };
    let too_many = Err(ArchiveError::TooManyEntries { limit: 2 });
    // Three zip entries with the manifest.
    assert_eq!(read(&honest(&files), &limits, MAX_SCHEMA), too_many);
    // Two zip entries, but a manifest that lists two besides itself.
    assert_eq!(
        read(&with_manifest(&manifest_of(&files), &files[..1]), &limits, MAX_SCHEMA),
        too_many
    );
    let three = Limits {
        max_entries: 3,
        ..Limits::default()
    };
    assert!(read(&honest(&files), &three, MAX_SCHEMA).is_ok());
}

#[test]
fn refuses_an_entry_declared_over_the_entry_limit() {
    let big = vec![b'x'; 2048];
    let bytes = honest(&[("records/big.json", &big)]);
    let limits = Limits {
        max_entry_bytes: 2047,
        ..Limits::default()
    };
    assert_eq!(
        read(&bytes, &limits, MAX_SCHEMA),
        Err(ArchiveError::TooLarge {
            what: SizeLimit::Entry,
            path: Some("records/big.json".into()),
            limit: 2047,
        })
    );
}

#[test]
fn refuses_entries_over_the_total_limit() {
    let (a, b) = (vec![b'a'; 600], vec![b'b'; 600]);
    let files: [(&str, &[u8]); 2] = [("records/a.json", &a), ("records/b.json", &b)];
    let manifest = manifest_of(&files);
    let manifest_size = serde_json::to_vec(&manifest).expect("serialises").len() as u64;
    let bytes = with_manifest(&manifest, &files);
    // The manifest counts: it and `a` fit, `b` goes over.
    let limits = Limits {
        max_total_bytes: manifest_size + 600 + 599,
        ..Limits::default()
    };
    assert_eq!(
        read(&bytes, &limits, MAX_SCHEMA),
        Err(ArchiveError::TooLarge {
            what: SizeLimit::Total,
            path: Some("records/b.json".into()),
            limit: limits.max_total_bytes,
        })
    );
    let enough = Limits {
        max_total_bytes: manifest_size + 1200,
        ..limits
    };
    assert!(read(&bytes, &enough, MAX_SCHEMA).is_ok());
    // The manifest alone can go over.
    let tiny = Limits {
        max_total_bytes: manifest_size - 1,
        ..limits
    };
    assert_eq!(
        read(&bytes, &tiny, MAX_SCHEMA),
        Err(ArchiveError::TooLarge {
            what: SizeLimit::Total,
            path: Some(MANIFEST_PATH.into()),
            limit: manifest_size - 1,
        })
    );
}

/// A zip bomb in the manifest: 60 MiB of JSON whitespace before a valid
/// manifest deflate to some 60 KiB. With a 1 MiB entry limit, `read`
/// stops after 1 MiB + 1 byte inflated: the bytes it pulls from the file
/// are a fraction of the compressed bomb.
#[test]
fn a_manifest_bomb_is_refused_after_inflating_just_over_the_limit() {
    let mut manifest = vec![b' '; BOMB_BYTES];
    manifest.extend(serde_json::to_vec(&manifest_of(&[])).expect("serialises"));
    let bomb = with_manifest_bytes(&manifest, &[]);
    assert!(
        bomb.len() < BOMB_BYTES / 500,
        "the bomb deflates to {} bytes",
        bomb.len()
    );

    let limits = Limits {
        max_entry_bytes: mib(1),
        ..Limits::default()
    };
    let (result, pulled) = read_counting(&bomb, &limits);
    assert_eq!(
        result,
        Err(ArchiveError::TooLarge {
            what: SizeLimit::Entry,
            path: Some(MANIFEST_PATH.into()),
            limit: mib(1),
        })
    );
    assert!(
        pulled < bomb.len() as u64 / 3,
        "pulled {pulled} of {} bytes",
        bomb.len()
    );

    // The same file within generous limits is read to the end: the limit,
    // not some flaw of the file, stopped the reading above.
    let generous = Limits {
        max_entry_bytes: mib(64),
        ..Limits::default()
    };
    let (result, pulled) = read_counting(&bomb, &generous);
    assert!(result.is_ok(), "{result:?}");
    assert!(
        pulled >= bomb.len() as u64 * 9 / 10,
        "pulled {pulled} of {} bytes",
        bomb.len()
    );
}

/// A zip bomb as an entry, honestly listed at 60 MiB: refused from the
/// manifest, before any of it is inflated.
#[test]
fn a_listed_bomb_is_refused_before_inflating() {
    let zeros = vec![0u8; BOMB_BYTES];
    let bomb = honest(&[("records/bomb.json", &zeros)]);
    let limits = Limits {
        max_entry_bytes: mib(1),
        ..Limits::default()
    };
    let (result, pulled) = read_counting(&bomb, &limits);
    assert_eq!(
        result,
        Err(ArchiveError::TooLarge {
            what: SizeLimit::Entry,
            path: Some("records/bomb.json".into()),
            limit: mib(1),
        })
    );
    assert!(
        pulled < bomb.len() as u64 / 3,
        "pulled {pulled} of {} bytes",
        bomb.len()
    );
}

/// A zip bomb whose manifest lies, promising 1 MiB: its zip header says
/// 60 MiB, but `read` inflates 1 MiB + 1 byte, sees the promise broken,
/// and stops there.
#[test]
fn a_bomb_the_manifest_understates_is_refused_after_its_promised_size() {
    let zeros = vec![0u8; BOMB_BYTES];
    let promised = &zeros[..mib(1) as usize];
    let manifest = manifest_of(&[("records/bomb.json", promised)]);
    let bomb = with_manifest(&manifest, &[("records/bomb.json", &zeros)]);
    let (result, pulled) = read_counting(&bomb, &Limits::default());
    assert_eq!(
        result,
        Err(ArchiveError::Corrupt {
            path: "records/bomb.json".into()
        })
    );
    assert!(
        pulled < bomb.len() as u64 / 3,
        "pulled {pulled} of {} bytes",
        bomb.len()
    );
}

// ------------------------------------------------------------- proptest

/// What a successful `read` guarantees, checked here independently: an
/// Atelier archive of a version and schema this reader knows, whose
/// entries are exactly the listed ones, of the listed sizes and hashes,
/// under a checksum that matches.
fn verifies(archive: &Archive) -> Result<(), TestCaseError> {
    let manifest = &archive.manifest;
    prop_assert_eq!(&manifest.format, FORMAT);
    prop_assert_eq!(manifest.format_version, FORMAT_VERSION);
    prop_assert!(manifest.schema <= MAX_SCHEMA);
    prop_assert_eq!(manifest.entries.len(), archive.entries.len());
    for entry in &manifest.entries {
        let bytes = archive.entries.get(&entry.path);
        prop_assert!(bytes.is_some(), "{} listed, not read", entry.path);
        let bytes = bytes.map(Vec::as_slice).unwrap_or_default();
        prop_assert_eq!(bytes.len() as u64, entry.size);
        prop_assert_eq!(sha(bytes), entry.sha256.clone());
        prop_assert!(is_safe_path(&entry.path));
    }
    prop_assert_eq!(&manifest.checksum, &lines_sha(&manifest.entries));
    Ok(())
}

/// Any JSON value, leaning towards the words and shapes of a manifest.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..8).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z0-9./_-]{0,16}".prop_map(Value::from),
        Just(Value::from(FORMAT)),
        Just(Value::from("2025-03-14T09:30:00Z")),
        Just(Value::from(sha(b"{}"))),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        let key = prop_oneof![
            prop::sample::select([&FIELDS[..], &["path", "size", "sha256"]].concat()).prop_map(String::from),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One change to a valid manifest: a top-level field, or a field of its
/// one entry, replaced by any value or removed.
fn arb_manifest_edit() -> impl Strategy<Value = Value> {
    let top = prop::sample::select([&FIELDS[..], &["extra"]].concat());
    let inner = prop::sample::select(vec!["path", "size", "sha256", "extra"]);
    let field = prop_oneof![top.prop_map(|k| (false, k)), inner.prop_map(|k| (true, k))];
    (field, prop::option::of(arb_json())).prop_map(|((in_entry, key), value)| {
        let mut manifest = manifest_value();
        let target = if in_entry {
            &mut manifest["entries"][0]
        } else {
            &mut manifest
        };
        if let Some(object) = target.as_object_mut() {
            match value {
                Some(value) => object.insert(key.to_owned(), value),
                None => object.remove(key),
            };
        }
        manifest
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_are_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(archive) = read_default(&bytes) {
            verifies(&archive)?;
        }
    }

    #[test]
    fn random_bytes_after_a_zip_signature_are_refused_without_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..4096),
    ) {
        let mut file = b"PK\x03\x04".to_vec();
        file.extend(bytes);
        file.extend(b"PK\x05\x06");
        if let Ok(archive) = read_default(&file) {
            verifies(&archive)?;
        }
    }

    /// Flipped bytes anywhere: refused, or (a flip in a field that carries
    /// no meaning, such as a date) read back exactly as written.
    #[test]
    fn a_damaged_archive_is_refused_or_intact(
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..8),
    ) {
        let original = read_default(&valid()).expect("the sample reads");
        let mut bytes = valid();
        for (index, mask) in flips {
            let at = index.index(bytes.len());
            bytes[at] ^= mask;
        }
        if let Ok(archive) = read_default(&bytes) {
            verifies(&archive)?;
            prop_assert_eq!(archive, original);
        }
    }

    #[test]
    fn a_cut_or_extended_archive_is_refused_or_intact(
        cut in any::<prop::sample::Index>(),
        tail in prop::collection::vec(any::<u8>(), 0..256),
    ) {
        let original = read_default(&valid()).expect("the sample reads");
        let mut bytes = valid();
        bytes.truncate(cut.index(bytes.len() + 1));
        bytes.extend(tail);
        if let Ok(archive) = read_default(&bytes) {
            verifies(&archive)?;
            prop_assert_eq!(archive, original);
        }
    }

    #[test]
    fn any_json_as_manifest_is_refused_unless_it_verifies(manifest in arb_json()) {
        let json = serde_json::to_vec(&manifest).expect("serialises");
        if let Ok(archive) = read_default(&with_manifest_bytes(&json, &[("records/a.json", b"{}")])) {
            verifies(&archive)?;
        }
    }

    #[test]
    fn an_edited_manifest_is_refused_unless_it_verifies(manifest in arb_manifest_edit()) {
        let json = serde_json::to_vec(&manifest).expect("serialises");
        if let Ok(archive) = read_default(&with_manifest_bytes(&json, &[("records/a.json", b"{}")])) {
            verifies(&archive)?;
        }
    }
}
