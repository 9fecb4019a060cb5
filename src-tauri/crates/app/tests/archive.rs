//! The project archive through the app API: a project with every kind of
//! record, exported and imported into an empty data directory, reads back
//! the same; imported beside itself as a new copy or replacing the older
//! copy; its vendors and people matched with the DLM's own; and hostile
//! archives refused whole with the live data unchanged.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use atelier_app::{AppError, ArchiveError, Atelier};
use atelier_core::brief::BriefFormat;
use atelier_core::person::PeopleQuery;
use atelier_core::vendor::{VendorQuery, VendorType};
use atelier_core::{Lang, PersonDraft, ProjectId, SaveOptions, TaskDraft, VendorDraft};
use atelier_export::archive::{self as container, ArchiveMeta};
use atelier_store::backup::{self, build_database};
use proptest::prelude::*;

/// A data directory holding the current schema's fixture: a project with
/// every kind of record, the vendors and people it names, and others.
fn with_full_project() -> (tempfile::TempDir, Atelier, ProjectId) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../store/tests/fixtures/v{}/every-kind.atelier-backup",
        atelier_store::SCHEMA_VERSION
    ));
    let records = backup::read(&fixture).expect("reads").expect("whole").records;
    let dir = tempfile::tempdir().expect("temp dir");
    build_database(&dir.path().join("db"), &records).expect("builds");
    let app = Atelier::open(dir.path()).expect("opens");
    let full = app
        .list_projects(&Default::default())
        .expect("lists")
        .items
        .into_iter()
        .find(|i| i.project.fields.title == "Parcours d'intégration des managers")
        .expect("the full project")
        .project
        .id;
    (dir, app, full)
}

fn empty() -> (tempfile::TempDir, Atelier) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    (dir, app)
}

/// Every record of the app's database, by tree and key.
fn records_of(app: &Atelier, dir: &Path) -> BTreeMap<(String, Vec<u8>), Vec<u8>> {
    let path = dir.join("snapshot.atelier-backup");
    let _ = std::fs::remove_file(&path);
    app.back_up_to(&path).expect("backs up");
    let records = backup::read(&path).expect("reads").expect("whole").records;
    records.into_iter().map(|r| ((r.tree, r.key), r.value)).collect()
}

fn markdown(app: &Atelier, p: ProjectId) -> String {
    String::from_utf8(app.brief_bytes(p, BriefFormat::Markdown, Lang::En).expect("brief")).expect("UTF-8")
}

fn vendor_names(app: &Atelier) -> Vec<String> {
    let mut names: Vec<String> = app
        .list_vendors(&VendorQuery::default())
        .expect("lists")
        .rows
        .into_iter()
        .map(|v| v.vendor.fields.name)
        .collect();
    names.sort();
    names
}

fn people_count(app: &Atelier) -> u32 {
    app.list_people(&PeopleQuery::default()).expect("lists").total
}

#[test]
fn an_archive_imported_into_an_empty_data_dir_shows_the_same_project() {
    let (dir, app, p) = with_full_project();
    let file = dir.path().join("parcours.atelier");
    app.export_archive(p, &file).expect("exports");

    let (_other_dir, other) = empty();
    let preview = other.preview_archive(&file).expect("previews");
    assert_eq!(preview.title, "Parcours d'intégration des managers");
    assert_eq!(preview.existing, None);
    assert_eq!((preview.counts.tasks, preview.counts.artefacts), (2, 9));
    assert_eq!((preview.counts.cycles, preview.counts.activities), (1, 2));
    assert_eq!((preview.counts.engagements, preview.counts.messages), (1, 1));
    assert_eq!(preview.vendors.len(), 1, "Immersia, the engagement's vendor");
    assert!(preview.vendors.iter().all(|v| v.matched.is_none()), "all new here");
    assert!(
        preview.people.iter().any(|p| p.name == "Nadia Benali"),
        "the sponsor comes along: {:?}",
        preview.people
    );
    assert_eq!(
        records_of(&other, _other_dir.path()).len(),
        records_of(&empty().1, empty().0.path()).len(),
        "a preview writes nothing"
    );

    let imported = other.import_archive(&file, false).expect("imports");
    assert_eq!(imported, p, "the archive's ids are kept");
    assert_eq!(markdown(&other, imported), markdown(&app, p), "the same brief");
    assert_eq!(vendor_names(&other), ["Immersia"]);
    assert_eq!(people_count(&other), u32::try_from(preview.people.len()).expect("few"));
    let engagements = other.project_engagements(imported).expect("reads");
    assert_eq!(engagements.engagements[0].vendor_name, "Immersia");
}

#[test]
fn an_archive_comes_back_as_a_new_copy_or_replaces_the_older_one() {
    let (dir, app, p) = with_full_project();
    let file = dir.path().join("parcours.atelier");
    app.export_archive(p, &file).expect("exports");
    let vendors_before = vendor_names(&app);
    let people_before = people_count(&app);

    // Worked on after the export: a task added.
    app.create_task(
        p,
        TaskDraft {
            title: "Ajoutée après l'export".into(),
            ..Default::default()
        },
        &SaveOptions::default(),
    )
    .expect("adds");
    let preview = app.preview_archive(&file).expect("previews");
    assert_eq!(preview.existing.as_deref(), Some("Parcours d'intégration des managers"));
    assert!(preview.vendors.iter().all(|v| v.matched.is_some()), "matched by id");
    assert!(preview.people.iter().all(|v| v.matched.is_some()), "matched by id");

    let copy = app.import_archive(&file, true).expect("imports a copy");
    assert_ne!(copy, p, "new ids");
    assert_eq!(app.list_tasks(copy).expect("tasks").tasks.len(), 2);
    assert_eq!(
        app.list_tasks(p).expect("tasks").tasks.len(),
        3,
        "the original untouched"
    );
    let original_ids: Vec<_> = app.list_tasks(p).expect("tasks").tasks.iter().map(|t| t.id).collect();
    assert!(app
        .list_tasks(copy)
        .expect("tasks")
        .tasks
        .iter()
        .all(|t| !original_ids.contains(&t.id)));
    assert_eq!(vendor_names(&app), vendors_before, "no vendor twice");
    assert_eq!(people_count(&app), people_before, "no person twice");

    let replaced = app.import_archive(&file, false).expect("replaces");
    assert_eq!(replaced, p);
    let tasks = app.list_tasks(p).expect("tasks").tasks;
    assert_eq!(tasks.len(), 2, "the copy as it was exported: {tasks:?}");
    assert!(tasks.iter().all(|t| t.fields.title != "Ajoutée après l'export"));
    assert_eq!(app.list_tasks(copy).expect("tasks").tasks.len(), 2, "the copy stays");
}

#[test]
fn vendors_and_people_are_matched_by_name_and_e_mail() {
    let (dir, app, p) = with_full_project();
    let file = dir.path().join("parcours.atelier");
    app.export_archive(p, &file).expect("exports");

    let (other_dir, other) = empty();
    let mine = other
        .create_vendor(VendorDraft {
            name: "IMMERSIA".into(),
            vendor_type: VendorType::Established,
            modalities: vec![],
            website: String::new(),
            country: String::new(),
            tags: vec![],
        })
        .expect("a vendor of the same name");
    other
        .create_person(
            PersonDraft {
                name: "N. Benali".into(),
                email: String::new(),
                ..PersonDraft::default()
            },
            &SaveOptions::confirmed(),
        )
        .expect("another person");
    let eric = other
        .create_person(
            PersonDraft {
                name: "E. Dupont (DSI)".into(),
                email: "Eric.Dupont@groupe.fr".into(),
                ..PersonDraft::default()
            },
            &SaveOptions::confirmed(),
        )
        .expect("the same person by e-mail");
    other
        .create_person(
            PersonDraft {
                name: "Nadia Bénali".into(),
                ..PersonDraft::default()
            },
            &SaveOptions::confirmed(),
        )
        .expect("the same person, accent aside");
    let before = records_of(&other, other_dir.path());

    let preview = other.preview_archive(&file).expect("previews");
    assert_eq!(preview.vendors[0].matched.as_deref(), Some("IMMERSIA"));
    let nadia = preview
        .people
        .iter()
        .find(|a| a.name == "Nadia Benali")
        .expect("the sponsor");
    assert_eq!(nadia.matched.as_deref(), Some("Nadia Bénali"));
    let by_mail = preview
        .people
        .iter()
        .find(|a| a.name == "Éric Dupont")
        .expect("the IT lead");
    assert_eq!(by_mail.matched.as_deref(), Some("E. Dupont (DSI)"));
    assert_eq!(records_of(&other, other_dir.path()), before, "a preview writes nothing");

    let imported = other.import_archive(&file, false).expect("imports");
    assert_eq!(vendor_names(&other), ["IMMERSIA"], "kept as the DLM has it");
    let engagement = &other.project_engagements(imported).expect("reads").engagements[0];
    assert_eq!(
        engagement.engagement.fields.vendor, mine.id,
        "points to the DLM's vendor"
    );
    let sponsor = other.get_project(imported).expect("reads").sponsor_name;
    assert_eq!(sponsor.as_deref(), Some("Nadia Bénali"));
    let trainers = other.get_roster(imported).expect("reads").trainers;
    assert_eq!(trainers[0].trainer.person, eric.id, "the roster names the DLM's person");
}

#[test]
fn an_archive_of_an_older_schema_is_carried_to_this_one() {
    // The full project's records as an Atelier of schema 3 stored them
    // (the sponsor still a typed text, the vendor's contacts in the vendor
    // record), with the vendors, in an archive of that schema.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/tests/fixtures/v3/every-kind.atelier-backup");
    let records = backup::read(&fixture).expect("reads").expect("whole").records;
    let full = records
        .iter()
        .find(|r| {
            r.tree == "projects" && String::from_utf8_lossy(&r.value).contains("Parcours d'intégration des managers")
        })
        .expect("the full project")
        .key
        .clone();
    let entries: Vec<(String, Vec<u8>)> = records
        .iter()
        .filter(|r| {
            r.key.starts_with(&full) && r.tree != "projects_trash" && r.tree != "templates" || r.tree == "vendors"
        })
        .map(|r| {
            (
                format!("records/{}/{}.json", r.tree, backup::hex(&r.key)),
                r.value.clone(),
            )
        })
        .collect();
    assert!(entries.len() > 10, "the project and its children: {}", entries.len());
    let meta = ArchiveMeta {
        schema: 3,
        created_at: chrono::Utc::now(),
        app_version: "0.1.0".into(),
        title: "Parcours d'intégration des managers".into(),
    };
    let (dir, app) = empty();
    let file = dir.path().join("older.atelier");
    std::fs::write(&file, container::write(meta, &entries).expect("writes")).expect("writes the file");

    let imported = app.import_archive(&file, false).expect("imports");
    let detail = app.get_project(imported).expect("reads");
    assert_eq!(
        detail.sponsor_name.as_deref(),
        Some("Directrice des ressources humaines"),
        "the typed sponsor became a named reference"
    );
    assert_eq!(app.list_tasks(imported).expect("tasks").tasks.len(), 2);
    let immersia = app
        .list_vendors(&VendorQuery::default())
        .expect("lists")
        .rows
        .into_iter()
        .find(|v| v.vendor.fields.name == "Immersia")
        .expect("Immersia");
    let contacts = app.vendor_people(immersia.vendor.id).expect("people");
    assert_eq!(
        contacts[0].fields.name, "Léa Martin",
        "the contact moved into the directory"
    );
    assert_eq!(
        markdown(&app, imported).lines().next(),
        Some("# Parcours d'intégration des managers")
    );
}

/// The entries of a sound archive of the full project, and a copy of the
/// archive with `change` made to them (written as Atelier would, so that
/// the container's own checks pass and the records' are what refuse it).
fn tampered(change: impl FnOnce(&mut Vec<(String, Vec<u8>)>), schema: u32) -> (tempfile::TempDir, Atelier, PathBuf) {
    let (dir, app, p) = with_full_project();
    let file = dir.path().join("sound.atelier");
    app.export_archive(p, &file).expect("exports");
    let bytes = std::fs::read(&file).expect("reads");
    let archive = container::read(&bytes, &Default::default(), atelier_store::SCHEMA_VERSION).expect("sound");
    let mut entries: Vec<(String, Vec<u8>)> = archive
        .manifest
        .entries
        .iter()
        .map(|e| (e.path.clone(), archive.entries[&e.path].clone()))
        .collect();
    change(&mut entries);
    let meta = ArchiveMeta {
        schema,
        created_at: archive.manifest.created_at,
        app_version: archive.manifest.app_version,
        title: archive.manifest.title,
    };
    let out = dir.path().join("tampered.atelier");
    std::fs::write(&out, container::write(meta, &entries).expect("writes")).expect("writes the file");
    (dir, app, out)
}

/// Importing `file` is refused with `expected`, and nothing changed.
fn refused(dir: &Path, app: &Atelier, file: &Path, expected: impl Fn(&ArchiveError) -> bool) {
    let before = records_of(app, dir);
    for as_new_copy in [false, true] {
        let error = app.import_archive(file, as_new_copy).expect_err("refused");
        let AppError::Archive { path, problem } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(path, file, "the file named");
        assert!(expected(problem), "{problem:?}");
    }
    assert!(app.preview_archive(file).is_err(), "no preview either");
    assert_eq!(records_of(app, dir), before, "the live data unchanged");
}

#[test]
fn a_record_of_the_wrong_shape_is_refused() {
    let (dir, app, file) = tampered(
        |entries| {
            let task = entries
                .iter_mut()
                .find(|(p, _)| p.starts_with("records/tasks/"))
                .expect("a task");
            task.1 = br#"{"kind":"task","v":2,"data":{"title":42}}"#.to_vec();
        },
        atelier_store::SCHEMA_VERSION,
    );
    refused(
        dir.path(),
        &app,
        &file,
        |p| matches!(p, ArchiveError::BadRecord { path, .. } if path.starts_with("records/tasks/")),
    );
}

#[test]
fn a_record_of_another_project_or_place_is_refused() {
    let (dir, app, file) = tampered(
        |entries| {
            let task = entries
                .iter_mut()
                .find(|(p, _)| p.starts_with("records/tasks/"))
                .expect("a task");
            // The same record under another project's key.
            task.0 = format!(
                "records/tasks/{}{}.json",
                "ab".repeat(16),
                &task.0["records/tasks/".len() + 32..task.0.len() - 5]
            );
        },
        atelier_store::SCHEMA_VERSION,
    );
    refused(dir.path(), &app, &file, |p| matches!(p, ArchiveError::BadRecord { .. }));

    let (dir, app, file) = tampered(
        |entries| {
            let settings = entries[0].1.clone();
            entries.push(("records/settings/736574.json".into(), settings));
        },
        atelier_store::SCHEMA_VERSION,
    );
    refused(
        dir.path(),
        &app,
        &file,
        |p| matches!(p, ArchiveError::BadRecord { path, .. } if path.starts_with("records/settings/")),
    );

    let (dir, app, file) = tampered(
        |entries| entries.push(("notes/readme.json".into(), b"{}".to_vec())),
        atelier_store::SCHEMA_VERSION,
    );
    refused(
        dir.path(),
        &app,
        &file,
        |p| matches!(p, ArchiveError::BadRecord { path, .. } if path == "notes/readme.json"),
    );
}

#[test]
fn an_archive_without_exactly_one_project_is_refused() {
    let (dir, app, file) = tampered(
        |entries| entries.retain(|(p, _)| !p.starts_with("records/projects/")),
        atelier_store::SCHEMA_VERSION,
    );
    refused(dir.path(), &app, &file, |p| {
        *p == ArchiveError::NotOneProject { found: 0 }
    });
}

#[test]
fn a_newer_schema_and_a_cut_file_are_refused() {
    let (dir, app, file) = tampered(|_| {}, atelier_store::SCHEMA_VERSION + 1);
    refused(dir.path(), &app, &file, |p| {
        matches!(p, ArchiveError::NewerSchema { .. })
    });

    let bytes = std::fs::read(&file).expect("reads");
    let cut = dir.path().join("cut.atelier");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("writes");
    refused(dir.path(), &app, &cut, |p| {
        matches!(p, ArchiveError::NotAnArchive { .. })
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Damage anywhere in a sound archive: it is imported whole (the damage
    /// fell where nothing reads it) or refused with the data unchanged.
    #[test]
    fn a_damaged_archive_is_imported_whole_or_not_at_all(at in 0.0f64..1.0, mask in 1u8..=255) {
        let (dir, app, p) = with_full_project();
        let file = dir.path().join("sound.atelier");
        app.export_archive(p, &file).expect("exports");
        let mut bytes = std::fs::read(&file).expect("reads");
        let i = ((bytes.len() as f64) * at) as usize % bytes.len();
        bytes[i] ^= mask;
        std::fs::write(&file, &bytes).expect("writes");
        let before = records_of(&app, dir.path());
        match app.import_archive(&file, true) {
            Ok(copy) => prop_assert_eq!(markdown(&app, copy), markdown(&app, p)),
            Err(AppError::Archive { .. }) => prop_assert_eq!(records_of(&app, dir.path()), before),
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }
}
