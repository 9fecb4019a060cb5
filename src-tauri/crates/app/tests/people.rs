//! The people directory through the app API.

use atelier_app::{AppError, Atelier};
use atelier_core::caution::CautionKind;
use atelier_core::person::{Organisation, PeopleQuery};
use atelier_core::vendor::VendorType;
use atelier_core::{PersonDraft, PersonKind, Rule, SaveOptions, VendorId};

fn person(name: &str, kinds: Vec<PersonKind>, department: &str) -> PersonDraft {
    PersonDraft {
        name: name.into(),
        kinds,
        organisation: Some(Organisation::Department {
            name: department.into(),
        }),
        ..PersonDraft::default()
    }
}

fn open() -> (tempfile::TempDir, Atelier) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    (dir, app)
}

fn rules(e: AppError) -> Vec<(String, Rule)> {
    match e {
        AppError::Validation(issues) => issues.into_iter().map(|i| (i.field, i.rule)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn the_directory_filters_and_survives_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let app = Atelier::open(dir.path()).expect("opens");
        let save = SaveOptions::default();
        app.create_person(person("Éric Dupont", vec![PersonKind::It], "DSI"), &save)
            .expect("adds");
        app.create_person(person("Claire Martin", vec![PersonKind::Sponsor], "RH"), &save)
            .expect("adds");
        app.create_person(
            PersonDraft {
                tags: vec!["Siège".into()],
                ..person("Bruno Petit", vec![PersonKind::Manager], "dsi")
            },
            &save,
        )
        .expect("adds");
    }
    let app = Atelier::open(dir.path()).expect("reopens");
    let all = app.list_people(&PeopleQuery::default()).expect("lists");
    let names = |d: &atelier_app::Directory| {
        d.people
            .iter()
            .map(|r| r.person.fields.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&all), ["Bruno Petit", "Claire Martin", "Éric Dupont"]);
    assert_eq!(all.total, 3);
    let filters = app.directory_filters();
    assert_eq!(
        filters.departments,
        ["DSI", "RH"],
        "one department however it is written"
    );
    let it = app
        .list_people(&PeopleQuery {
            department: Some("DSI".into()),
            kinds: vec![PersonKind::It],
            ..PeopleQuery::default()
        })
        .expect("lists");
    assert_eq!(names(&it), ["Éric Dupont"]);
    assert_eq!(it.total, 3, "the total counts everyone");
    assert_eq!(it.matched, 1, "and the query's count those it keeps");
    assert_eq!(filters.tags, ["Siège"]);
    let tagged = app
        .list_people(&PeopleQuery {
            tag: Some("siege".into()),
            ..PeopleQuery::default()
        })
        .expect("lists");
    assert_eq!(
        names(&tagged),
        ["Bruno Petit"],
        "a tag found whatever its accents and case"
    );
}

#[test]
fn bad_input_is_refused_with_every_rule_and_nothing_is_saved() {
    let (_dir, app) = open();
    let draft = PersonDraft {
        name: " ".into(),
        email: "claire@".into(),
        ..PersonDraft::default()
    };
    assert_eq!(
        rules(app.create_person(draft, &SaveOptions::default()).expect_err("refused")),
        [("name".into(), Rule::Required), ("email".into(), Rule::InvalidEmail)]
    );
    assert_eq!(app.list_people(&PeopleQuery::default()).expect("lists").total, 0);
}

#[test]
fn the_same_email_twice_waits_for_the_dlm_and_names_the_other() {
    let (_dir, app) = open();
    let first = PersonDraft {
        email: "claire.martin@groupe.fr".into(),
        ..person("Claire Martin", vec![PersonKind::Sponsor], "RH")
    };
    let claire = app.create_person(first.clone(), &SaveOptions::default()).expect("adds");
    app.update_person(claire.id, first.clone(), &SaveOptions::default())
        .expect("a person does not clash with themself");
    let again = PersonDraft {
        name: "C. Martin".into(),
        email: "Claire.Martin@groupe.fr".into(),
        ..first
    };
    match app.create_person(again.clone(), &SaveOptions::default()) {
        Err(AppError::Unconfirmed(cautions)) => {
            assert_eq!(cautions[0].kind, CautionKind::SameEmail);
            assert_eq!(cautions[0].other, Some(claire.id.to_string()));
        }
        other => panic!("expected a caution, got {other:?}"),
    }
    assert_eq!(app.list_people(&PeopleQuery::default()).expect("lists").total, 1);
    let confirmed = SaveOptions {
        confirmed: true,
        ..SaveOptions::default()
    };
    app.create_person(again, &confirmed).expect("saved once confirmed");
    assert_eq!(app.list_people(&PeopleQuery::default()).expect("lists").total, 2);
}

#[test]
fn a_vendor_contact_is_linked_to_its_vendor_which_cannot_go_while_they_do() {
    let (_dir, app) = open();
    let immersia = common::vendor(&app, "Immersia", VendorType::Startup, vec![]);
    let ana = app
        .create_person(
            PersonDraft {
                name: "Ana Lopes".into(),
                kinds: vec![PersonKind::VendorContact],
                organisation: Some(Organisation::Vendor { vendor: immersia }),
                ..PersonDraft::default()
            },
            &SaveOptions::default(),
        )
        .expect("adds");
    let detail = app.get_person(ana.id).expect("reads");
    assert_eq!(detail.row.vendor_name.as_deref(), Some("Immersia"));
    // The directory offers the vendor as an organisation to filter on.
    let filters = app.directory_filters();
    assert_eq!(filters.vendors.iter().map(|v| v.id).collect::<Vec<_>>(), [immersia]);
    let of_immersia = app
        .list_people(&PeopleQuery {
            vendor: Some(immersia),
            ..PeopleQuery::default()
        })
        .expect("lists");
    assert_eq!(of_immersia.people.len(), 1);
    assert_eq!(
        app.vendor_people(immersia)
            .expect("lists")
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        [ana.id]
    );
    assert_eq!(
        rules(app.delete_vendor(immersia).expect_err("still linked")),
        [("people".into(), Rule::InUse)]
    );
    app.delete_person(ana.id).expect("deletes");
    app.delete_vendor(immersia).expect("now it can go");

    let unknown = PersonDraft {
        name: "Personne".into(),
        organisation: Some(Organisation::Vendor {
            vendor: VendorId::new(),
        }),
        ..PersonDraft::default()
    };
    assert!(matches!(
        app.create_person(unknown, &SaveOptions::default()),
        Err(AppError::NotFound)
    ));
}

#[test]
fn a_sponsor_and_an_owner_from_the_directory_go_by_their_current_name_and_keep_them_from_going() {
    use atelier_core::portfolio::PortfolioQuery;
    use atelier_core::{PersonRef, ProjectDraft, TaskDraft};
    let (_dir, app) = open();
    let save = SaveOptions::default();
    let nadia = app
        .create_person(person("Nadia Benali", vec![PersonKind::Sponsor], "RH"), &save)
        .expect("adds");
    let as_ref = Some(PersonRef::Person { id: nadia.id });
    let project = app
        .create_project(
            ProjectDraft {
                title: "Accueil".into(),
                sponsor: as_ref.clone(),
                ..ProjectDraft::default()
            },
            &save,
        )
        .expect("creates");
    let task = app
        .create_task(
            project.id,
            TaskDraft {
                title: "Cadrer".into(),
                owner: as_ref.clone(),
                ..TaskDraft::default()
            },
            &save,
        )
        .expect("adds");

    // Renamed in the directory, renamed everywhere.
    let renamed = PersonDraft {
        name: "Nadia Benali-Roux".into(),
        ..nadia.fields.clone()
    };
    app.update_person(nadia.id, renamed, &save).expect("renames");
    assert_eq!(
        app.get_project(project.id).expect("reads").sponsor_name.as_deref(),
        Some("Nadia Benali-Roux")
    );
    let board = app.list_tasks(project.id).expect("lists");
    assert_eq!(board.owners.len(), 1);
    assert_eq!(
        (board.owners[0].task, board.owners[0].name.as_str()),
        (task.id, "Nadia Benali-Roux")
    );
    let found = app
        .list_projects(&PortfolioQuery {
            text: "roux".into(),
            ..PortfolioQuery::default()
        })
        .expect("lists");
    assert_eq!(found.total, 1, "the portfolio finds a project by its sponsor's name");
    assert_eq!(found.items[0].sponsor_name.as_deref(), Some("Nadia Benali-Roux"));

    // Her page lists where she is named, and she cannot go while she is.
    let detail = app.get_person(nadia.id).expect("reads");
    assert_eq!(
        detail.sponsor_of.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(),
        ["Accueil"]
    );
    assert_eq!(
        detail.tasks.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
        ["Cadrer"]
    );
    assert_eq!(
        rules(app.delete_person(nadia.id).expect_err("still named")),
        [("person".into(), Rule::InUse)]
    );
    app.trash_project(project.id).expect("trashes");
    let detail = app.get_person(nadia.id).expect("reads");
    assert!(detail.sponsor_of[0].trashed, "a trashed project still names her");
    assert!(detail.tasks.is_empty(), "tasks are listed for live projects");
    assert!(
        app.delete_person(nadia.id).is_err(),
        "the trash can give the project back"
    );
    app.purge_project(project.id).expect("purges");
    app.delete_person(nadia.id).expect("named nowhere now");

    // Someone no longer in the directory cannot be named.
    let gone = ProjectDraft {
        title: "Sans sponsor".into(),
        sponsor: as_ref,
        ..ProjectDraft::default()
    };
    assert_eq!(
        rules(app.create_project(gone, &save).expect_err("refused")),
        [("sponsor".into(), Rule::NotInDirectory)]
    );
}

mod common;
