//! Damaged storage, opened the way the app opens it.
//!
//! A database of every kind of record (the current schema's fixture, and
//! enough long projects for sled to keep some nodes as blobs) is damaged
//! in each way of the matrix below, then in random ways, and opened. Each
//! open must end one of two ways, never in a panic:
//!
//! - refused, with an error that names a path, and every file of the data
//!   folder byte for byte as the damage left it (nothing made worse,
//!   nothing created);
//! - opened, with every record it reads identical to the one written and
//!   none missing, the records it cannot read noted.
//!
//! `make test` runs the matrix and 40 random corruptions; `make soak` runs
//! 500 (`ATELIER_SOAK_CORRUPTIONS`) and prints the table.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;

use atelier_core::{Project, ProjectDraft};
use atelier_store::backup::{self, build_database, Record};
use atelier_store::{ReadOnlyReason, Store, StoreError};
use chrono::Utc;

/// The records written, by tree and key.
type Reference = BTreeMap<(String, Vec<u8>), Vec<u8>>;

/// How one open ended.
#[derive(Debug)]
enum Outcome {
    /// Refused: the error, and whether it named a path.
    Refused {
        error: String,
        /// For damaged files: what a read-only open could list, if it
        /// opened.
        read_only: Option<Option<usize>>,
    },
    /// Opened: how many records were read, and how many were noted
    /// unreadable.
    Opened { read: usize, noted: usize },
}

/// What went wrong with an open, if anything did.
fn verdict(case: &str, dir: &Path, reference: &Reference) -> (Outcome, Vec<String>) {
    let before = files_under(dir);
    let opened = panic::catch_unwind(AssertUnwindSafe(|| Store::open(dir)));
    let mut faults = Vec::new();
    let outcome = match opened {
        Err(_) => {
            faults.push(format!("{case}: the open panicked"));
            Outcome::Refused {
                error: "panic".into(),
                read_only: None,
            }
        }
        Ok(Err(e)) => {
            let after = files_under(dir);
            if after != before {
                faults.push(format!(
                    "{case}: refused ({e}) but the files changed: {}",
                    changed(&before, &after)
                ));
            }
            if !names_a_path(&e) {
                faults.push(format!("{case}: the refusal names no path: {e}"));
            }
            let read_only = matches!(e, StoreError::Damaged { .. }).then(|| read_only(case, dir, &mut faults));
            Outcome::Refused {
                error: e.to_string(),
                read_only,
            }
        }
        Ok(Ok(store)) => {
            let mut read = 0;
            let mut seen = BTreeMap::new();
            for record in store.records() {
                match record {
                    Ok(r) => {
                        read += 1;
                        seen.insert((r.tree, r.key), r.value);
                    }
                    Err(e) => {
                        // sled repeats a failed read: stop at the first.
                        faults.push(format!("{case}: opened, then a read failed: {e}"));
                        break;
                    }
                }
            }
            for (place, value) in reference {
                match seen.get(place) {
                    None => faults.push(format!(
                        "{case}: opened without the record {}/{}",
                        place.0,
                        backup::hex(&place.1)
                    )),
                    Some(v) if v != value && !is_meta(place) => {
                        faults.push(format!(
                            "{case}: the record {}/{} changed",
                            place.0,
                            backup::hex(&place.1)
                        ));
                    }
                    Some(_) => {}
                }
            }
            let listed = store.projects().map_while(Result::ok).count();
            if listed == 0 {
                faults.push(format!("{case}: opened, but no project can be listed"));
            }
            for left in ["db.before-open", "db.before-open.partial", "db.before-open.discarded"] {
                if dir.join(left).exists() {
                    faults.push(format!("{case}: opened, and {left} is still there"));
                }
            }
            Outcome::Opened {
                read,
                noted: store.unreadable_records().len(),
            }
        }
    };
    (outcome, faults)
}

/// Opens damaged files read-only: no panic, no file changed, every write
/// refused; how many projects could be listed, if it opened.
fn read_only(case: &str, dir: &Path, faults: &mut Vec<String>) -> Option<usize> {
    let before = files_under(dir);
    let opened = panic::catch_unwind(AssertUnwindSafe(|| Store::open_read_only(dir, ReadOnlyReason::Damaged)));
    let listed = match opened {
        Err(_) => {
            faults.push(format!("{case}: the read-only open panicked"));
            None
        }
        Ok(Err(_)) => None,
        Ok(Ok(store)) => {
            let listed = store.projects().map_while(Result::ok).count();
            let written = store.put_projects(&[]);
            if !matches!(written, Err(StoreError::ReadOnly(ReadOnlyReason::Damaged))) {
                faults.push(format!("{case}: read-only, a write was not refused: {written:?}"));
            }
            Some(listed)
        }
    };
    if files_under(dir) != before {
        faults.push(format!("{case}: the read-only open changed the files"));
    }
    listed
}

fn is_meta(place: &(String, Vec<u8>)) -> bool {
    place.0 == "meta"
}

fn names_a_path(e: &StoreError) -> bool {
    match e {
        StoreError::Damaged { path, .. } => !path.as_os_str().is_empty(),
        StoreError::Io { path, .. } => path.is_some(),
        StoreError::Locked(path) => !path.as_os_str().is_empty(),
        StoreError::NewerSchema { .. } => true,
        _ => false,
    }
}

/// The first files that differ between two listings.
fn changed(before: &[(String, Vec<u8>)], after: &[(String, Vec<u8>)]) -> String {
    let names = |l: &[(String, Vec<u8>)]| l.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    if names(before) != names(after) {
        return format!("{:?} became {:?}", names(before), names(after));
    }
    before
        .iter()
        .zip(after)
        .filter(|(b, a)| b.1 != a.1)
        .map(|(b, _)| b.0.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every file under `dir` with its bytes, and every folder (as an empty
/// entry ending in `/`), sorted; the lock file aside (the open takes it).
fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.strip_prefix(dir).expect("inside").display().to_string();
            if name == "atelier.lock" {
                continue;
            }
            if path.is_dir() {
                out.push((format!("{name}/"), Vec::new()));
                stack.push(path);
            } else {
                out.push((name, fs::read(&path).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

/// The sound database every case starts from, built once, and the records
/// it holds.
fn sound() -> &'static (tempfile::TempDir, Reference) {
    static SOUND: std::sync::OnceLock<(tempfile::TempDir, Reference)> = std::sync::OnceLock::new();
    SOUND.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixture = latest_fixture();
        let records = backup::read(&fixture).expect("reads").expect("whole").records;
        build_database(&dir.path().join("db"), &records).expect("builds");
        {
            let store = Store::open(dir.path()).expect("opens");
            let long = "Une phrase de besoin métier assez longue pour remplir la page. ".repeat(150);
            let projects: Vec<Project> = (0..160)
                .map(|i| {
                    Project::create(
                        ProjectDraft {
                            title: format!("Parcours {i:03}"),
                            summary: long[..9_000].to_owned(),
                            business_need: long[..9_000].to_owned(),
                            audience: long[..400].to_owned(),
                            objectives: vec![long[..400].to_owned(); 20],
                            ..Default::default()
                        },
                        Utc::now(),
                    )
                    .expect("valid")
                })
                .collect();
            for chunk in projects.chunks(20) {
                store.put_projects(chunk).expect("writes");
            }
        }
        wait_for_release(dir.path());
        let store = Store::open(dir.path()).expect("reopens");
        let reference: Reference = store
            .records()
            .map(|r| r.expect("reads"))
            .map(|Record { tree, key, value }| ((tree, key), value))
            .collect();
        drop(store);
        wait_for_release(dir.path());
        (dir, reference)
    })
}

fn latest_fixture() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut versions: Vec<PathBuf> = fs::read_dir(&root)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path().join("every-kind.atelier-backup"))
        .filter(|p| p.exists())
        .collect();
    versions.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name())
            .and_then(|n| n.to_str())
            .and_then(|n| n.trim_start_matches('v').parse::<u32>().ok())
    });
    versions.pop().expect("a fixture")
}

/// sled lets go of its files from a background thread after a store is
/// dropped: wait until its lock on `db/db` is free.
fn wait_for_release(dir: &Path) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let Ok(file) = fs::File::open(dir.join("db/db")) else {
        return;
    };
    while file.try_lock().is_err() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let _ = file.unlock();
}

/// A fresh copy of the sound database.
fn copy_of_sound() -> tempfile::TempDir {
    let (sound, _) = sound();
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(sound.path(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("folder");
    for entry in fs::read_dir(from).expect("reads").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copies");
        }
    }
}

// -- the damage ---------------------------------------------------------------

/// One way of damaging a data folder.
type Damage = fn(&Path);

/// What a case of the matrix must end in, where Atelier decides it (where
/// sled does, either way passes as long as it is one of the two).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Expect {
    Opens,
    Refused,
    Either,
}

fn db(dir: &Path) -> PathBuf {
    dir.join("db/db")
}

fn snapshot(dir: &Path) -> Option<PathBuf> {
    fs::read_dir(dir.join("db"))
        .expect("db folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("snap."))
        })
}

fn truncate(path: &Path, len: impl Fn(u64) -> u64) {
    let file = fs::OpenOptions::new().write(true).open(path).expect("opens");
    let size = file.metadata().expect("size").len();
    file.set_len(len(size)).expect("truncates");
}

fn overwrite(path: &Path, at: impl Fn(u64) -> u64, bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = fs::OpenOptions::new().write(true).open(path).expect("opens");
    let size = file.metadata().expect("size").len();
    let offset = at(size).min(size.saturating_sub(bytes.len() as u64));
    file.seek(SeekFrom::Start(offset)).expect("seeks");
    file.write_all(bytes).expect("writes");
}

fn flip_bit(path: &Path, at: u64, bit: u8) {
    let mut bytes = fs::read(path).expect("reads");
    if bytes.is_empty() {
        return;
    }
    let i = usize::try_from(at % bytes.len() as u64).expect("fits");
    bytes[i] ^= 1 << (bit % 8);
    fs::write(path, bytes).expect("writes");
}

fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed | 1);
    (0..len).map(|_| rng.next() as u8).collect()
}

/// Writes what only another program would: raw sled, to the `meta` tree.
#[expect(
    clippy::disallowed_methods,
    reason = "the test writes what only another program would: a schema from the future or garbage"
)]
fn set_schema(dir: &Path, value: &[u8]) {
    {
        let db = sled::open(dir.join("db")).expect("raw open");
        db.open_tree("meta")
            .expect("meta")
            .insert("schema_version", value)
            .expect("write");
        db.flush().expect("flush");
    }
    wait_for_release(dir);
}

/// The damage matrix: every way the folder is known to come back broken.
fn matrix() -> Vec<(&'static str, Expect, Damage)> {
    use Expect::{Either, Opens, Refused};
    vec![
        ("db file emptied", Either, |d| truncate(&db(d), |_| 0)),
        ("db file cut to half", Either, |d| truncate(&db(d), |n| n / 2)),
        ("db file one byte short", Either, |d| truncate(&db(d), |n| n - 1)),
        ("db file cut to 4 KiB", Either, |d| truncate(&db(d), |n| n.min(4096))),
        ("db start zeroed", Either, |d| overwrite(&db(d), |_| 0, &[0; 4096])),
        ("db middle zeroed", Either, |d| overwrite(&db(d), |n| n / 2, &[0; 4096])),
        ("db end zeroed", Either, |d| overwrite(&db(d), |n| n, &[0; 4096])),
        ("db middle scribbled", Either, |d| {
            overwrite(&db(d), |n| n / 2, &noise(4096, 7))
        }),
        ("db one bit flipped", Either, |d| flip_bit(&db(d), 4096 + 517, 3)),
        ("db file deleted", Refused, |d| fs::remove_file(db(d)).expect("removes")),
        ("db file became a folder", Refused, |d| {
            fs::remove_file(db(d)).expect("removes");
            fs::create_dir(db(d)).expect("folder");
        }),
        ("db folder became a file", Refused, |d| {
            fs::remove_dir_all(d.join("db")).expect("removes");
            fs::write(d.join("db"), b"not a folder").expect("writes");
        }),
        ("conf deleted", Refused, |d| {
            fs::remove_file(d.join("db/conf")).expect("removes")
        }),
        ("conf emptied", Either, |d| truncate(&d.join("db/conf"), |_| 0)),
        ("conf scribbled", Either, |d| {
            fs::write(d.join("db/conf"), noise(64, 3)).expect("writes")
        }),
        ("snapshot deleted", Either, |d| {
            if let Some(s) = snapshot(d) {
                fs::remove_file(s).expect("removes");
            }
        }),
        ("snapshot cut to half", Either, |d| {
            if let Some(s) = snapshot(d) {
                truncate(&s, |n| n / 2);
            }
        }),
        ("snapshot scribbled", Either, |d| {
            if let Some(s) = snapshot(d) {
                overwrite(&s, |n| n / 3, &noise(256, 11));
            }
        }),
        ("blobs deleted", Refused, |d| {
            let blobs = d.join("db/blobs");
            if blobs.exists() {
                fs::remove_dir_all(blobs).expect("removes");
            }
        }),
        ("a blob scribbled", Either, |d| {
            let blob = fs::read_dir(d.join("db/blobs"))
                .ok()
                .and_then(|mut e| e.next())
                .and_then(Result::ok);
            if let Some(b) = blob {
                overwrite(&b.path(), |n| n / 2, &noise(512, 5));
            }
        }),
        ("stale lock file", Opens, |d| {
            fs::write(d.join("atelier.lock"), b"12345").expect("writes")
        }),
        ("newer schema", Refused, |d| set_schema(d, &99u32.to_be_bytes())),
        ("garbled schema", Refused, |d| set_schema(d, b"\xff\x00")),
        ("interrupted earlier open", Opens, |d| {
            // A verbatim copy left beside a database sled had begun to
            // recover: the copy is what the DLM last saved.
            copy_dir(&d.join("db"), &d.join("db.before-open"));
            truncate(&db(d), |n| n / 2);
        }),
        ("unfinished copy of an earlier open", Opens, |d| {
            copy_dir(&d.join("db"), &d.join("db.before-open.partial"));
            truncate(&d.join("db.before-open.partial/db"), |n| n / 3);
        }),
        ("copy half deleted after an earlier open", Opens, |d| {
            copy_dir(&d.join("db"), &d.join("db.before-open.discarded"));
            fs::remove_file(d.join("db.before-open.discarded/db")).expect("removes");
        }),
    ]
}

/// A small, seeded generator: the same corruptions on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// One random corruption of a sled file: bits flipped, a range zeroed or
/// scribbled, or the file cut.
fn corrupt_at_random(dir: &Path, rng: &mut Rng) -> String {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.join("db")];
    while let Some(f) = stack.pop() {
        for e in fs::read_dir(&f).expect("reads").flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                files.push(e.path());
            }
        }
    }
    files.sort();
    // Most of the data is in `db`: pick it most of the time.
    let file = if rng.next().is_multiple_of(4) {
        files[usize::try_from(rng.next() % files.len() as u64).expect("fits")].clone()
    } else {
        db(dir)
    };
    let size = fs::metadata(&file).expect("size").len().max(1);
    let at = rng.next() % size;
    let name = file.strip_prefix(dir).expect("inside").display().to_string();
    match rng.next() % 4 {
        0 => {
            let bit = (rng.next() % 8) as u8;
            flip_bit(&file, at, bit);
            format!("{name}: bit {bit} of byte {at} flipped")
        }
        1 => {
            let len = 1 + usize::try_from(rng.next() % 8192).expect("fits");
            overwrite(&file, |_| at, &vec![0; len]);
            format!("{name}: {len} bytes zeroed at {at}")
        }
        2 => {
            let len = 1 + usize::try_from(rng.next() % 512).expect("fits");
            overwrite(&file, |_| at, &noise(len, rng.next()));
            format!("{name}: {len} bytes scribbled at {at}")
        }
        _ => {
            truncate(&file, |_| at);
            format!("{name}: cut to {at} bytes")
        }
    }
}

/// The closing line of a table: how the opens ended, and the faults that
/// matter most counted (each is also a failure of the test).
fn totals(rows: &[(String, Outcome)], faults: &[String]) {
    let refused = rows
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Refused { .. }))
        .count();
    let count = |needle: &str| faults.iter().filter(|f| f.contains(needle)).count();
    println!(
        "{} cases: {refused} refused with every file as it was, {} read whole; {} panics, {} with files changed, {} records lost",
        rows.len(),
        rows.len() - refused,
        count("panicked"),
        count("files changed") + count("changed the files"),
        count("opened without the record"),
    );
}

fn report(rows: &[(String, Outcome)]) {
    println!("{:<44} | outcome", "damage");
    for (case, outcome) in rows {
        match outcome {
            Outcome::Refused { error, read_only } => {
                let shown = match read_only {
                    Some(Some(n)) => format!(" — read-only: {n} projects listed"),
                    Some(None) => " — read-only: cannot open".to_owned(),
                    None => String::new(),
                };
                println!("{case:<44} | refused: {error}{shown}");
            }
            Outcome::Opened { read, noted } => {
                println!("{case:<44} | opened: {read} records read, {noted} noted unreadable");
            }
        }
    }
}

#[test]
fn every_case_of_the_damage_matrix_is_refused_untouched_or_read_whole() {
    let (_, reference) = sound();
    let mut rows = Vec::new();
    let mut faults = Vec::new();
    for (case, expect, damage) in matrix() {
        let dir = copy_of_sound();
        damage(dir.path());
        let (outcome, mut found) = verdict(case, dir.path(), reference);
        faults.append(&mut found);
        let opened = matches!(outcome, Outcome::Opened { .. });
        if (expect == Expect::Opens && !opened) || (expect == Expect::Refused && opened) {
            faults.push(format!("{case}: expected it to be {expect:?}, got {outcome:?}"));
        }
        rows.push((case.to_owned(), outcome));
    }
    report(&rows);
    totals(&rows, &faults);
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn random_corruptions_are_refused_untouched_or_read_whole() {
    let (_, reference) = sound();
    let count: u64 = std::env::var("ATELIER_SOAK_CORRUPTIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let mut rng = Rng(0x5eed_da7a);
    let mut rows = Vec::new();
    let mut faults = Vec::new();
    for i in 0..count {
        let dir = copy_of_sound();
        let case = format!("#{i} {}", corrupt_at_random(dir.path(), &mut rng));
        let (outcome, mut found) = verdict(&case, dir.path(), reference);
        faults.append(&mut found);
        rows.push((case, outcome));
    }
    report(&rows);
    totals(&rows, &faults);
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn a_data_folder_that_is_a_file_is_refused_by_name_and_left_alone() {
    let parent = tempfile::tempdir().expect("temp dir");
    let file = parent.path().join("Atelier");
    fs::write(&file, b"a file where the folder should be").expect("writes");
    match Store::open(&file) {
        Err(StoreError::Io { path: Some(path), .. }) => assert_eq!(path, file),
        Err(other) => panic!("expected an I/O error naming the folder, got {other}"),
        Ok(_) => panic!("opened a file as a folder"),
    }
    assert_eq!(fs::read(&file).expect("reads"), b"a file where the folder should be");
}

/// Run only as the child of the read-only folder case: opens the store
/// named by the environment and says how it ended.
#[test]
#[ignore = "helper process for the read-only folder case"]
fn opening_child() {
    let Some(dir) = std::env::var_os("ATELIER_TEST_OPEN_DIR") else {
        return;
    };
    let opened = panic::catch_unwind(|| Store::open(Path::new(&dir)));
    match opened {
        Ok(Ok(store)) => println!("OPENED {}", store.projects().map_while(Result::ok).count()),
        Ok(Err(e)) => println!("REFUSED named={} {e}", names_a_path(&e)),
        Err(_) => println!("PANICKED"),
    }
}

/// Sets the mode of `path` and, for a folder, of everything under it.
fn chmod_all(path: &Path, folder: u32, file: u32) {
    use std::os::unix::fs::PermissionsExt;
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("reads").flatten() {
            chmod_all(&entry.path(), folder, file);
        }
        fs::set_permissions(path, fs::Permissions::from_mode(folder)).expect("chmod");
    } else {
        fs::set_permissions(path, fs::Permissions::from_mode(file)).expect("chmod");
    }
}

#[test]
fn a_data_folder_another_user_cannot_write_is_refused_by_name_untouched() {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let setpriv = Path::new("/usr/bin/setpriv");
    if !is_root || !setpriv.exists() {
        println!("not run: needs root and setpriv to open as another user");
        return;
    }
    let dir = copy_of_sound();
    chmod_all(dir.path(), 0o555, 0o444);
    let before = files_under(dir.path());
    let output = Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "opening_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("ATELIER_TEST_OPEN_DIR", dir.path())
        .output()
        .expect("runs the child as nobody");
    let said = String::from_utf8_lossy(&output.stdout);
    chmod_all(dir.path(), 0o755, 0o644);
    // The harness writes "test opening_child ... " before the answer.
    let line = said.lines().find_map(|l| {
        ["REFUSED", "OPENED", "PANICKED"]
            .iter()
            .find_map(|w| l.find(w).map(|i| &l[i..]))
    });
    println!(
        "{:<44} | {}",
        "data folder read-only to its user",
        line.unwrap_or("no answer")
    );
    assert!(
        line.is_some_and(|l| l.starts_with("REFUSED named=true")),
        "a read-only folder is refused naming a path: {said}"
    );
    assert!(files_under(dir.path()) == before, "nothing in the folder changed");
}
