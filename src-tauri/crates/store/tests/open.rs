//! Opening the store: durability across reopen, the lock against a second
//! process, and damaged files reported without panic or deletion.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use atelier_core::{Project, ProjectDraft};
use atelier_store::{Store, StoreError};
use chrono::Utc;

fn project(title: &str) -> Project {
    Project::create(
        ProjectDraft {
            title: title.into(),
            ..Default::default()
        },
        Utc::now(),
    )
    .expect("valid draft")
}

#[test]
fn written_projects_survive_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = project("Parcours managers");
    {
        let store = Store::open(dir.path()).expect("opens");
        store.put_project(&p).expect("writes");
    }
    let store = Store::open(dir.path()).expect("reopens");
    assert_eq!(store.project(p.id).expect("still there"), p);
}

#[test]
fn settings_survive_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = atelier_core::Settings {
        language: Some(atelier_core::Lang::Fr),
        theme: atelier_core::Theme::Dark,
        user_name: "Claire".into(),
    };
    {
        let store = Store::open(dir.path()).expect("opens");
        assert_eq!(store.settings().expect("defaults"), atelier_core::Settings::default());
        store.put_settings(&settings).expect("writes");
    }
    assert_eq!(
        Store::open(dir.path()).expect("reopens").settings().expect("reads"),
        settings
    );
}

/// Run only as the child of `a_second_process_gets_storage_locked`: opens
/// the store named by the environment, says so, and holds it until its
/// standard input closes.
#[test]
#[ignore = "helper process for the lock test"]
fn hold_lock_child() {
    let Some(dir) = std::env::var_os("ATELIER_TEST_HOLD_DIR") else {
        return;
    };
    let _store = Store::open(Path::new(&dir)).expect("child opens");
    println!("HOLDING");
    std::io::stdout().flush().expect("flush");
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

#[test]
fn a_second_process_gets_storage_locked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "hold_lock_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("ATELIER_TEST_HOLD_DIR", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawns child");
    let mut lines = BufReader::new(child.stdout.take().expect("child stdout")).lines();
    let holding = lines.by_ref().map_while(|l| l.ok()).any(|l| l.contains("HOLDING"));
    assert!(holding, "the child never opened the store");

    match Store::open(dir.path()) {
        Err(StoreError::Locked(path)) => assert_eq!(path, dir.path()),
        Err(other) => panic!("expected Locked, got {other}"),
        Ok(_) => panic!("expected Locked, the store opened twice"),
    }

    drop(child.stdin.take());
    // Read the child's last words so it never writes into a closed pipe.
    lines.for_each(drop);
    child.wait().expect("child ends");
    let after = std::time::Instant::now();
    Store::open(dir.path()).expect("opens once the other process is gone");
    println!(
        "two instances: the second refused as locked, then opened {} ms after the first ended",
        after.elapsed().as_millis()
    );
}

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walk(dir) {
        let bytes = std::fs::read(&entry).expect("readable");
        out.push((entry.strip_prefix(dir).expect("inside").display().to_string(), bytes));
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn damaged_files_give_storage_damaged_and_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = Store::open(dir.path()).expect("opens");
        store.put_project(&project("Avant les dégâts")).expect("writes");
    }
    // Scribble over sled's config and data files.
    for name in ["conf", "db"] {
        let path = dir.path().join("db").join(name);
        std::fs::write(&path, b"\x00\xffnot a sled file at all\xfe\x01".repeat(64)).expect("overwrite");
    }
    let before = files_under(dir.path());

    match Store::open(dir.path()) {
        Err(StoreError::Damaged { .. }) => {}
        Err(other) => panic!("expected Damaged, got {other}"),
        Ok(_) => panic!("expected Damaged, the store opened"),
    }
    assert_eq!(files_under(dir.path()), before, "no file was changed or deleted");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path()).expect("opens"));
    {
        let db = raw_sled(&dir.path().join("db"));
        db.open_tree("meta")
            .expect("meta")
            .insert("schema_version", &99u32.to_be_bytes())
            .expect("write");
        db.flush().expect("flush");
    }
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::NewerSchema { found: 99, .. })
    ));
}

/// sled's flusher thread lets go of its own file lock shortly after the
/// store is dropped: wait for that rather than guess a delay.
#[expect(
    clippy::disallowed_methods,
    reason = "the test writes what only another program would: a schema from the future"
)]
fn raw_sled(path: &Path) -> sled::Db {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match sled::open(path) {
            Ok(db) => return db,
            Err(e) if std::time::Instant::now() < deadline => {
                let _ = e;
                std::thread::yield_now();
            }
            Err(e) => panic!("raw open: {e}"),
        }
    }
}
