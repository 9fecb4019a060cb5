//! Migrations on open: a database of schema 1 (the committed fixture) is
//! carried to the current schema after a backup, once; a process killed at
//! any point of the migration leaves the old schema or the new one whole,
//! and the next start completes it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use atelier_store::backup::{self, build_database, Record};
use atelier_store::{Store, SCHEMA_VERSION};

const V1_FIXTURE: &str = "tests/fixtures/v1/every-kind.atelier-backup";

/// A data directory holding the schema-1 fixture's database, as written.
fn v1_database() -> (tempfile::TempDir, backup::Backup) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(V1_FIXTURE);
    let backup = backup::read(&fixture).expect("reads").expect("a whole backup");
    assert_eq!(backup.header.schema, 1);
    let dir = tempfile::tempdir().expect("temp dir");
    build_database(&dir.path().join("db"), &backup.records).expect("builds");
    (dir, backup)
}

fn schema_of(records: &[Record]) -> u32 {
    let meta = records
        .iter()
        .find(|r| r.tree == "meta" && r.key == b"schema_version")
        .expect("a schema version");
    u32::from_be_bytes(meta.value.as_slice().try_into().expect("four bytes"))
}

/// The database in `dir` is whole in the current schema: the same records
/// as the fixture, each in a kind-naming envelope.
fn assert_migrated(dir: &Path, fixture: &backup::Backup) {
    let store = Store::open(dir).expect("opens");
    let records: Vec<Record> = store.records().collect::<Result<_, _>>().expect("reads");
    assert_eq!(schema_of(&records), SCHEMA_VERSION);
    // Every record is still there (the design states under their new tree
    // name), and the vendors' contacts have joined them as people.
    let key = |r: &Record| (r.tree.replace("workspaces", "design_states"), r.key.clone());
    let migrated: std::collections::BTreeSet<_> = records.iter().map(key).collect();
    for r in &fixture.records {
        assert!(migrated.contains(&key(r)), "{} lost", r.tree);
    }
    let added: Vec<&Record> = records
        .iter()
        .filter(|r| !fixture.records.iter().any(|f| key(f) == key(r)))
        .collect();
    assert_eq!(added.len(), 1, "Immersia's one contact");
    assert_eq!(added[0].tree, "people");
    for r in records.iter().filter(|r| r.tree != "meta") {
        let text = std::str::from_utf8(&r.value).expect("json");
        assert!(text.starts_with(r#"{"kind":""#), "{} not migrated: {text}", r.tree);
    }
    assert_eq!(store.projects().count(), 8);
    assert_eq!(store.vendors().expect("vendors").len(), 2);
}

#[test]
fn a_schema_1_database_is_migrated_once_after_a_backup() {
    let (dir, fixture) = v1_database();
    assert_migrated(dir.path(), &fixture);
    let store = Store::open(dir.path()).expect("opens again");
    let backups = store.backups().expect("lists");
    assert_eq!(backups.len(), 1, "one backup, taken before the migration only");
    let before = &backups[0];
    assert_eq!(before.kind, atelier_store::backups::BackupKind::BeforeMigration);
    assert_eq!(before.summary.header.schema, 1);
    assert_eq!(before.summary.trees, fixture.counts());
    let kept = backup::read(&before.path).expect("reads").expect("whole");
    assert_eq!(
        kept.records, fixture.records,
        "the backup holds the records as they were"
    );
    let aside: Vec<String> = std::fs::read_dir(dir.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("db.v1-"))
        .collect();
    assert_eq!(aside.len(), 1, "the old database is kept aside, untouched");
}

/// Helper process: opens the store named by the environment; with
/// `ATELIER_TEST_PAUSE_AT` set, the migration stops there and waits to be
/// killed.
#[test]
#[ignore = "helper process for the crash tests"]
fn migrating_child() {
    let Some(dir) = std::env::var_os("ATELIER_TEST_MIGRATE_DIR") else {
        return;
    };
    Store::open(Path::new(&dir)).expect("child opens");
}

/// Opens the store in `dir` in a child process, lets it run to `point`,
/// kills it there (SIGKILL) and reaps it.
fn spawn_paused(dir: &Path, point: &str) {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "migrating_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("ATELIER_TEST_MIGRATE_DIR", dir)
        .env("ATELIER_TEST_PAUSE_AT", point)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawns child");
    let mut lines = BufReader::new(child.stdout.take().expect("child stdout")).lines();
    let paused = lines
        .by_ref()
        .map_while(|l| l.ok())
        .any(|l| l.contains(&format!("PAUSED AT {point}")));
    assert!(paused, "the child never reached {point}");
    child.kill().expect("kills");
    child.wait().expect("reaped");
}

/// Opens the v1 database in a child process stopped at `point`, kills it
/// there, and checks that the next start finishes the job.
fn killed_at(point: &str) {
    let (dir, fixture) = v1_database();
    spawn_paused(dir.path(), point);
    assert_migrated(dir.path(), &fixture);
    assert!(!dir.path().join("db.next").exists());
    assert!(!dir.path().join("db.next.ready").exists());
}

#[test]
fn killed_while_the_backup_is_written_no_half_backup_is_listed() {
    let (dir, fixture) = v1_database();
    spawn_paused(dir.path(), "backup-writing");
    let folder = dir.path().join("backups");
    let partial: Vec<_> = std::fs::read_dir(&folder)
        .expect("the backups folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(partial.len(), 1);
    assert!(partial[0].to_string_lossy().ends_with(".partial"), "{partial:?}");
    assert_migrated(dir.path(), &fixture);
    assert!(!partial[0].exists(), "the next start clears the unfinished file");
    let store = Store::open(dir.path()).expect("opens");
    let listed = store.backups().expect("lists");
    assert_eq!(listed.len(), 1, "only the whole backup of the second start");
    assert_eq!(listed[0].summary.trees, fixture.counts());
}

#[test]
fn killed_with_the_new_database_built_but_not_ready_the_migration_runs_again() {
    killed_at("replacement-built");
}

#[test]
fn killed_with_the_new_database_ready_the_next_start_swaps_it_in() {
    killed_at("replacement-ready");
}

#[test]
fn killed_between_the_two_renames_the_next_start_completes_the_swap() {
    killed_at("replacement-old-aside");
}
