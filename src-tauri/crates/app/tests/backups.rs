//! Backups through the app: one at the first start of the day, one to a
//! chosen file; restoring one replaces every record after backing up the
//! current ones; a damaged or foreign file is refused and changes nothing;
//! a database that cannot be opened comes back from its latest backup.

use atelier_app::{AppError, Atelier, BackupOrigin, BackupRefusal};
use atelier_core::{ProjectDraft, SaveOptions};

fn project(app: &Atelier, title: &str) {
    app.create_project(
        ProjectDraft {
            title: title.into(),
            ..Default::default()
        },
        &SaveOptions::default(),
    )
    .expect("creates");
}

fn titles(app: &Atelier) -> Vec<String> {
    let mut all: Vec<String> = app
        .list_projects(&Default::default())
        .expect("lists")
        .items
        .into_iter()
        .map(|i| i.project.fields.title)
        .collect();
    all.sort();
    all
}

#[test]
fn the_first_start_of_the_day_takes_a_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let status = app.data_status().expect("status");
    assert_eq!(status.backups.len(), 1);
    assert_eq!(status.backups[0].origin, BackupOrigin::Daily);
    assert!(!status.daily_backup_failed);
    project(&app, "Accueil");
    let app = app.reopen().expect("reopens");
    assert_eq!(app.data_status().expect("status").backups.len(), 1, "one a day");
}

#[test]
fn a_restore_gives_back_the_backup_and_keeps_what_it_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    project(&app, "Accueil");
    let chosen = dir.path().join("mine.atelier-backup");
    let written = app.back_up_to(&chosen).expect("backs up");
    assert_eq!((written.projects, written.origin), (1, BackupOrigin::Chosen));
    project(&app, "Après la sauvegarde");
    assert_eq!(titles(&app).len(), 2);

    let checked = app.stage_restore(&chosen).expect("stages");
    assert_eq!(checked.projects, 1);
    let app = app.reopen().expect("reopens");
    assert_eq!(titles(&app), ["Accueil"]);
    let status = app.data_status().expect("status");
    let before = status
        .backups
        .iter()
        .find(|b| b.origin == BackupOrigin::BeforeRestore)
        .expect("the data before the restore, backed up");
    assert_eq!(before.projects, 2);
}

#[test]
fn a_damaged_or_foreign_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    project(&app, "Accueil");
    let good = dir.path().join("good.atelier-backup");
    app.back_up_to(&good).expect("backs up");
    let text = std::fs::read_to_string(&good).expect("reads");
    let cases = [
        (
            "cut.atelier-backup",
            text[..text.len() - 30].to_owned(),
            BackupRefusal::Truncated,
        ),
        (
            "garbled.atelier-backup",
            text.replacen("\"tree\"", "\"tr\u{0}ee", 1),
            BackupRefusal::Garbled,
        ),
        (
            "registry.csv",
            "name;type\nImmersia;startup\n".to_owned(),
            BackupRefusal::NotABackup,
        ),
        (
            "newer.atelier-backup",
            text.replacen(
                &format!("\"schema\":{}", atelier_store::SCHEMA_VERSION),
                "\"schema\":99",
                1,
            ),
            BackupRefusal::Newer,
        ),
    ];
    for (name, content, refusal) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).expect("writes");
        match app.stage_restore(&path) {
            Err(AppError::BackupRefused {
                refusal: got,
                path: named,
            }) => {
                assert_eq!(got, refusal, "{name}");
                assert_eq!(named, path);
            }
            other => panic!("{name}: expected a refusal, got {other:?}"),
        }
    }
    let app = app.reopen().expect("reopens");
    assert_eq!(titles(&app), ["Accueil"], "nothing changed");
    assert!(app
        .data_status()
        .expect("status")
        .backups
        .iter()
        .all(|b| b.origin != BackupOrigin::BeforeRestore));
}

#[test]
fn a_database_that_cannot_be_opened_comes_back_from_its_latest_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let app = Atelier::open(dir.path()).expect("opens");
        project(&app, "Accueil");
        // Today's backup holds the project once the next day's start takes it.
        std::fs::remove_dir_all(dir.path().join("backups")).expect("clears");
        let app = app.reopen().expect("reopens");
        assert_eq!(app.data_status().expect("status").backups[0].projects, 1);
    }
    for entry in std::fs::read_dir(dir.path().join("db")).expect("the db folder") {
        let file = entry.expect("entry").path();
        if file.is_file() {
            std::fs::write(&file, vec![0x5A; 4096]).expect("scribbles");
        }
    }
    assert!(matches!(
        Atelier::open(dir.path()),
        Err(AppError::StorageDamaged { .. })
    ));
    let latest = atelier_app::latest_backup(dir.path())
        .expect("lists")
        .expect("a backup");
    assert_eq!(latest.projects, 1);
    atelier_app::stage_latest_backup(dir.path()).expect("stages");
    let app = Atelier::open(dir.path()).expect("opens the restored data");
    assert_eq!(titles(&app), ["Accueil"]);
}
