//! The registry out to a CSV file and back: rows update by id or name,
//! a changed stage is dated in the journal, a bad file imports nothing.

use atelier_app::{AppError, Atelier};
use atelier_core::scorecard::Score;
use atelier_core::vendor::{VendorQuery, VendorType};
use atelier_core::{Modality, VendorDraft, WatchStage};
use atelier_export::vendor_csv::{CsvDialect, CsvProblem, ValueNames};

fn names(app: &Atelier) -> Vec<String> {
    app.list_vendors(&VendorQuery::default())
        .expect("lists")
        .rows
        .into_iter()
        .map(|r| r.vendor.fields.name)
        .collect()
}

#[test]
fn export_edit_and_import_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let v = app
        .create_vendor(VendorDraft {
            name: "Société Immersia".into(),
            vendor_type: VendorType::Startup,
            modalities: vec![Modality::ArVr],
            website: String::new(),
            country: "France".into(),
            tags: vec!["Réalité virtuelle".into()],
        })
        .expect("adds");
    app.score_vendor(
        v.id,
        vec![Score {
            criterion: "pedagogy".into(),
            score: 4,
        }],
    )
    .expect("scores");

    let file = dir.path().join("registre.csv");
    assert_eq!(
        app.export_vendors_csv(CsvDialect::Semicolon, &file).expect("exports"),
        1
    );
    let text = String::from_utf8(std::fs::read(&file).expect("reads")).expect("utf-8");

    // The DLM moves Immersia to piloting in Excel, writing the stage as the
    // app names it, and adds a row.
    let columns = text.lines().next().expect("header").split(';').count();
    let ludik = format!(";Ludik;startup;spotted;serious_game{}\r\n", ";".repeat(columns - 5));
    let edited = text.replacen(";spotted;", ";En pilote;", 1) + &ludik;
    std::fs::write(&file, edited).expect("writes");
    let french = ValueNames {
        stages: vec![(WatchStage::Piloting, vec!["En pilote".into()])],
        ..Default::default()
    };
    let summary = app.import_vendors_csv(&file, &french).expect("imports");
    assert_eq!((summary.created, summary.updated), (1, 1));
    assert_eq!(names(&app), ["Ludik", "Société Immersia"]);
    let detail = app.get_vendor(v.id).expect("reads");
    assert_eq!(detail.vendor.stage, WatchStage::Piloting);
    assert_eq!(detail.total, Some(400), "scores came back");
    assert_eq!(
        detail.journal[0].stage_change,
        Some((WatchStage::Spotted, WatchStage::Piloting)),
        "the change is dated in the journal"
    );

    // Importing the same file again changes nothing more.
    let again = app.import_vendors_csv(&file, &french).expect("imports");
    assert_eq!((again.created, again.updated), (0, 2));
    assert_eq!(names(&app).len(), 2);
}

#[test]
fn a_malformed_file_imports_nothing_and_says_which_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, "name;type\nAlpha;startup\nBeta;\"unclosed\nGamma;startup\n").expect("writes");
    match app.import_vendors_csv(&file, &ValueNames::default()) {
        Err(AppError::Import(e)) => {
            assert_eq!(e.line, 3);
            assert_eq!(e.problem, CsvProblem::Malformed);
        }
        other => panic!("expected an import error, got {other:?}"),
    }
    assert!(names(&app).is_empty(), "not even the good first row");
}

#[test]
fn a_file_that_cannot_be_written_or_read_is_named_in_the_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let folder = dir.path().join("registre.csv");
    std::fs::create_dir(&folder).expect("a folder where the file should be");
    assert!(matches!(
        app.export_vendors_csv(CsvDialect::Comma, &folder),
        Err(AppError::File { ref path, .. }) if *path == folder
    ));
    let absent = dir.path().join("absent.csv");
    assert!(matches!(
        app.import_vendors_csv(&absent, &ValueNames::default()),
        Err(AppError::File { ref path, .. }) if *path == absent
    ));
}

#[test]
fn the_contacts_cell_carries_the_vendor_s_people_out_and_back() {
    use atelier_core::person::{Organisation, PeopleQuery};
    use atelier_core::{PersonDraft, PersonKind, SaveOptions};
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let v = app
        .create_vendor(VendorDraft {
            name: "Immersia".into(),
            vendor_type: VendorType::Startup,
            modalities: vec![],
            website: String::new(),
            country: String::new(),
            tags: vec![],
        })
        .expect("adds");
    let lea = app
        .create_person(
            PersonDraft {
                name: "Léa Martin".into(),
                job_title: "CEO".into(),
                organisation: Some(Organisation::Vendor { vendor: v.id }),
                kinds: vec![PersonKind::VendorContact, PersonKind::BusinessExpert],
                notes: "Rencontrée au salon.".into(),
                ..PersonDraft::default()
            },
            &SaveOptions::default(),
        )
        .expect("adds");
    let file = dir.path().join("registre.csv");
    app.export_vendors_csv(CsvDialect::Semicolon, &file).expect("exports");
    let text = String::from_utf8(std::fs::read(&file).expect("reads")).expect("utf-8");
    assert!(text.contains("Léa Martin | CEO"), "{text}");

    // In the spreadsheet: Léa gets an e-mail, Noël joins.
    let edited = text.replacen(
        "Léa Martin | CEO",
        "\"LEA MARTIN | CEO | lea@immersia.fr\nNoël | Chef de projet\"",
        1,
    );
    std::fs::write(&file, edited).expect("writes");
    app.import_vendors_csv(&file, &ValueNames::default()).expect("imports");

    let people = app.vendor_people(v.id).expect("lists");
    let names: Vec<&str> = people.iter().map(|p| p.fields.name.as_str()).collect();
    assert_eq!(names, ["LEA MARTIN", "Noël"]);
    let lea_now = people
        .iter()
        .find(|p| p.id == lea.id)
        .expect("the same person, updated");
    assert_eq!(lea_now.fields.email, "lea@immersia.fr");
    assert_eq!(
        lea_now.fields.notes, "Rencontrée au salon.",
        "what the file does not carry stays"
    );
    assert_eq!(
        lea_now.fields.kinds,
        [PersonKind::BusinessExpert, PersonKind::VendorContact]
    );
    let noel = people.iter().find(|p| p.fields.name == "Noël").expect("added");
    assert_eq!(noel.fields.kinds, [PersonKind::VendorContact]);
    assert_eq!(app.list_people(&PeopleQuery::default()).expect("lists").total, 2);
}
