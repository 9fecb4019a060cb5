//! A project's RACI through the app API: filled cell by cell, rows that
//! break the rules flagged, kept across a reopen, and the load of each
//! person across the projects under way.

use atelier_app::{AppError, Atelier};
use atelier_core::raci::{RaciRole, RowIssue, RowName};
use atelier_core::{PersonDraft, PersonId, ProjectDraft, ProjectId, SaveOptions, Status};

fn person(app: &Atelier, name: &str) -> PersonId {
    app.create_person(
        PersonDraft {
            name: name.into(),
            ..PersonDraft::default()
        },
        &SaveOptions::default(),
    )
    .expect("adds")
    .id
}

fn project(app: &Atelier, title: &str) -> ProjectId {
    app.create_project(
        ProjectDraft {
            title: title.into(),
            ..ProjectDraft::default()
        },
        &SaveOptions::default(),
    )
    .expect("creates")
    .id
}

#[test]
fn a_matrix_is_filled_flagged_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (p, claire, eric) = {
        let app = Atelier::open(dir.path()).expect("opens");
        let p = project(&app, "Accueil");
        let (claire, eric) = (person(&app, "Claire Martin"), person(&app, "Éric Dupont"));
        let fresh = app.get_raci(p).expect("reads");
        assert_eq!(fresh.rows.len(), 10, "the usual activities");
        assert!(fresh.people.is_empty());
        assert_eq!(fresh.flagged, 10, "nobody answers for anything yet");

        app.add_raci_person(p, claire).expect("adds");
        app.add_raci_person(p, eric).expect("adds");
        app.set_raci_cell(p, 1, claire, Some(RaciRole::Accountable))
            .expect("sets");
        let view = app
            .set_raci_cell(p, 1, eric, Some(RaciRole::Responsible))
            .expect("sets");
        assert_eq!(view.rows[0].issue, None);
        let two = app
            .set_raci_cell(p, 1, eric, Some(RaciRole::Accountable))
            .expect("sets");
        assert_eq!(two.rows[0].issue, Some(RowIssue::SeveralAccountable));
        app.add_raci_row(p, "Traduction".into()).expect("adds");
        (p, claire, eric)
    };
    let app = Atelier::open(dir.path()).expect("reopens");
    let view = app.get_raci(p).expect("reads");
    assert_eq!(
        view.people.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
        ["Claire Martin", "Éric Dupont"]
    );
    assert_eq!(view.rows[0].issue, Some(RowIssue::SeveralAccountable));
    assert_eq!(
        view.rows.last().map(|r| r.name.clone()),
        Some(RowName::Custom {
            name: "Traduction".into()
        })
    );
    assert_eq!(view.cells.len(), 2);

    // Claire's page shows her letter; she cannot leave the directory while in a matrix.
    let detail = app.get_person(claire).expect("reads");
    assert_eq!(detail.raci.len(), 1);
    assert_eq!(detail.raci[0].project_title, "Accueil");
    assert_eq!(detail.raci[0].roles[0].role, RaciRole::Accountable);
    assert!(matches!(app.delete_person(claire), Err(AppError::Validation(_))));
    app.remove_raci_person(p, claire).expect("removes");
    app.delete_person(claire).expect("now she can go");
    assert!(app.get_raci(p).expect("reads").cells.iter().all(|c| c.person == eric));

    // Someone not in the directory cannot be added.
    assert!(matches!(
        app.add_raci_person(p, PersonId::new()),
        Err(AppError::NotFound)
    ));
}

#[test]
fn the_load_counts_the_projects_under_way() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let nadia = person(&app, "Nadia Benali");
    let karim = person(&app, "Karim Benali");
    let (a, b, done) = (project(&app, "A"), project(&app, "B"), project(&app, "Fini"));
    for p in [a, b, done] {
        app.add_raci_person(p, nadia).expect("adds");
        app.add_raci_person(p, karim).expect("adds");
        for row in 1..=4 {
            app.set_raci_cell(p, row, nadia, Some(RaciRole::Accountable))
                .expect("sets");
        }
        app.set_raci_cell(p, 1, karim, Some(RaciRole::Responsible))
            .expect("sets");
    }
    app.change_project_status(done, Status::Archived, &SaveOptions::default())
        .expect("archives");
    let load = app.raci_load().expect("loads");
    assert_eq!(
        load.iter()
            .map(|l| (l.person.name.as_str(), l.accountable, l.responsible, l.projects))
            .collect::<Vec<_>>(),
        [("Nadia Benali", 8, 0, 2), ("Karim Benali", 0, 2, 2)],
        "the archived project does not count"
    );
}
