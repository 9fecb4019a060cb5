//! The backups folder: a backup read back into a new database gives every
//! record of every tree again; one backup a day, the last seven kept, the
//! pre-migration ones kept for good.

use std::path::Path;

use atelier_store::backup::{self, build_database, Record};
use atelier_store::backups::DAILY_KEPT;
use atelier_store::Store;
use chrono::{Duration, TimeZone, Utc};

/// A store holding the current schema's fixture (every kind of record).
fn full_store() -> (tempfile::TempDir, Store) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "tests/fixtures/v{}/every-kind.atelier-backup",
        atelier_store::SCHEMA_VERSION
    ));
    let records = backup::read(&fixture).expect("reads").expect("whole").records;
    let dir = tempfile::tempdir().expect("temp dir");
    build_database(&dir.path().join("db"), &records).expect("builds");
    let store = Store::open(dir.path()).expect("opens");
    (dir, store)
}

#[test]
fn a_backup_restored_into_a_new_database_gives_every_record_back() {
    let (dir, store) = full_store();
    let original: Vec<Record> = store.records().collect::<Result<_, _>>().expect("reads");
    let path = dir.path().join("copy.atelier-backup");
    store.write_backup(&path, Utc::now()).expect("writes");
    let back = backup::read(&path).expect("reads").expect("whole");
    assert_eq!(back.records, original);

    let other = tempfile::tempdir().expect("temp dir");
    build_database(&other.path().join("db"), &back.records).expect("builds");
    let restored = Store::open(other.path()).expect("opens");
    let again: Vec<Record> = restored.records().collect::<Result<_, _>>().expect("reads");
    assert_eq!(again, original, "every tree, every key, every byte");
    let trees: std::collections::BTreeSet<&str> = again.iter().map(|r| r.tree.as_str()).collect();
    assert_eq!(trees.len(), 22, "every tree but sled's own: {trees:?}");
}

#[test]
fn one_daily_backup_a_day_and_the_last_seven_are_kept() {
    let (_dir, store) = full_store();
    let first = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("a time");
    assert!(store.daily_backup(first).expect("backs up").is_some());
    assert!(
        store.daily_backup(first + Duration::hours(3)).expect("runs").is_none(),
        "one a day"
    );
    for day in 1..10 {
        store.daily_backup(first + Duration::days(day)).expect("backs up");
    }
    let listed = store.backups().expect("lists");
    assert_eq!(listed.len(), DAILY_KEPT);
    let newest = &listed[0].summary;
    assert_eq!(newest.header.created_at, first + Duration::days(9));
    assert_eq!(
        listed[DAILY_KEPT - 1].summary.header.created_at,
        first + Duration::days(3)
    );
    assert!(listed
        .iter()
        .all(|b| b.kind == atelier_store::backups::BackupKind::Daily && b.summary.records() > 30));
}

#[test]
fn a_restore_replaces_every_record_after_backing_up_the_current_ones() {
    let (dir, store) = full_store();
    let before: Vec<Record> = store.records().collect::<Result<_, _>>().expect("reads");
    // A backup of a smaller portfolio: a fresh database with one project.
    let other = tempfile::tempdir().expect("temp dir");
    let small = Store::open(other.path()).expect("opens");
    let only = atelier_core::Project::create(
        atelier_core::ProjectDraft {
            title: "Seul projet".into(),
            ..Default::default()
        },
        Utc::now(),
    )
    .expect("valid");
    small.put_project(&only).expect("writes");
    let path = other.path().join("small.atelier-backup");
    small.write_backup(&path, Utc::now()).expect("writes");
    let wanted = backup::read(&path).expect("reads").expect("whole");

    let safety = store.stage_restore(&wanted, Utc::now()).expect("stages");
    drop(store);
    let restored = Store::open(dir.path()).expect("reopens on the restored data");
    let titles: Vec<String> = restored.projects().map(|p| p.expect("readable").fields.title).collect();
    assert_eq!(titles, ["Seul projet"]);
    let kept = backup::read(&safety).expect("reads").expect("whole");
    assert_eq!(
        kept.records, before,
        "the data the restore replaced is kept in a backup"
    );
    let listed = restored.backups().expect("lists");
    assert!(listed
        .iter()
        .any(|b| b.path == safety && b.kind == atelier_store::backups::BackupKind::BeforeRestore));
}

#[test]
fn a_damaged_database_is_replaced_by_a_backup_and_kept_aside() {
    let (dir, store) = full_store();
    let path = dir.path().join("latest.atelier-backup");
    store.write_backup(&path, Utc::now()).expect("writes");
    let wanted = backup::read(&path).expect("reads").expect("whole");
    drop(store);
    // Scribble over sled's files: the database no longer opens.
    for entry in std::fs::read_dir(dir.path().join("db")).expect("the db folder") {
        let file = entry.expect("entry").path();
        if file.is_file() {
            std::fs::write(&file, vec![0xA5; 4096]).expect("scribbles");
        }
    }
    let damaged = atelier_store::Store::open(dir.path());
    assert!(damaged.is_err(), "the scribbled database does not open");
    drop(damaged);

    atelier_store::backups::stage_restore_in(dir.path(), &wanted).expect("stages");
    let restored = Store::open(dir.path()).expect("opens the restored data");
    let again: Vec<Record> = restored.records().collect::<Result<_, _>>().expect("reads");
    assert_eq!(again, wanted.records);
    let aside = std::fs::read_dir(dir.path())
        .expect("lists")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("db.replaced-"))
        })
        .count();
    assert_eq!(aside, 1, "the damaged database is kept aside, never deleted");
}
