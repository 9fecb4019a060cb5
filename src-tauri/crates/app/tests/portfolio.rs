//! The portfolio operations as the UI calls them, on a real temp database.

use atelier_app::{AppError, Atelier};
use atelier_core::portfolio::PortfolioQuery;
use atelier_core::project::MoveKind;
use atelier_core::SaveOptions;
use atelier_core::{Draft, Lang, PersonRef, ProjectDraft, Rule, Status};

fn open() -> (tempfile::TempDir, Atelier) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    (dir, app)
}

fn draft(title: &str) -> ProjectDraft {
    ProjectDraft {
        title: title.into(),
        ..Default::default()
    }
}

#[test]
fn create_edit_and_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = {
        let app = Atelier::open(dir.path()).expect("opens");
        let p = app
            .create_project(draft("Parcours managers"), &SaveOptions::default())
            .expect("creates");
        let mut edited = p.fields.clone();
        edited.sponsor = Some(PersonRef::Named { name: "DRH".into() });
        app.update_project(p.id, edited, &SaveOptions::default())
            .expect("edits");
        app.change_project_status(p.id, Status::Framing, &SaveOptions::default())
            .expect("moves");
        p.id
    };
    let app = Atelier::open(dir.path()).expect("reopens");
    let detail = app.get_project(id).expect("still there");
    let p = &detail.project;
    assert_eq!(
        (p.fields.sponsor.clone(), p.status),
        (Some(PersonRef::Named { name: "DRH".into() }), Status::Framing)
    );
    assert_eq!(
        detail.moves.iter().map(|m| (m.to, m.kind)).collect::<Vec<_>>(),
        [
            (Status::Idea, MoveKind::Back),
            (Status::Design, MoveKind::NextStep),
            (Status::Archived, MoveKind::Archive)
        ]
    );
    assert_eq!(
        detail
            .lifecycle
            .iter()
            .filter(|s| s.done)
            .map(|s| s.status)
            .collect::<Vec<_>>(),
        [Status::Idea],
        "the steps behind the project are done"
    );
    assert_eq!(detail.lifecycle.len(), 6, "archived is not a step");
}

#[test]
fn invalid_input_saves_nothing() {
    let (_dir, app) = open();
    match app.create_project(draft("  "), &SaveOptions::default()) {
        Err(AppError::Validation(errors)) => assert_eq!(errors[0].field, "title"),
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(app.startup().expect("starts").project_count, 0);

    let p = app
        .create_project(draft("Gardé"), &SaveOptions::default())
        .expect("creates");
    let mut bad = p.fields.clone();
    bad.title = String::new();
    bad.budget.planned_cents = Some(-5);
    match app.update_project(p.id, bad, &SaveOptions::default()) {
        Err(AppError::Validation(errors)) => {
            let rules: Vec<Rule> = errors.iter().map(|e| e.rule).collect();
            assert_eq!(rules, [Rule::Required, Rule::Negative]);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(app.get_project(p.id).expect("reads").project, p);

    assert!(matches!(
        app.change_project_status(p.id, Status::Pilot, &SaveOptions::default()),
        Err(AppError::Validation(_))
    ));
    assert_eq!(app.get_project(p.id).expect("reads").project.status, Status::Idea);
}

#[test]
fn trash_then_restore_then_purge() {
    let (_dir, app) = open();
    let p = app
        .create_project(draft("Projet"), &SaveOptions::default())
        .expect("creates");
    app.trash_project(p.id).expect("trashes");
    assert!(matches!(app.get_project(p.id), Err(AppError::NotFound)));
    assert_eq!(app.list_trash().expect("lists")[0].project.id, p.id);
    assert_eq!(app.restore_project(p.id).expect("restores"), p);
    assert!(matches!(app.purge_project(p.id), Err(AppError::NotFound)));
    app.trash_project(p.id).expect("trashes");
    app.purge_project(p.id).expect("purges");
    assert!(app.list_trash().expect("lists").is_empty());
}

#[test]
fn samples_load_once_and_leave_in_one_action_that_can_be_undone() {
    let (_dir, app) = open();
    let mine = app
        .create_project(draft("Le mien"), &SaveOptions::default())
        .expect("creates");
    let n = app.load_sample_projects(Lang::Fr).expect("loads");
    assert!(n >= 5);
    let start = app.startup().expect("starts");
    assert!(start.has_samples);
    assert_eq!(start.project_count, n + 1);
    assert!(matches!(app.load_sample_projects(Lang::En), Err(AppError::Conflict(_))));
    let page = app.list_projects(&PortfolioQuery::default()).expect("lists");
    assert!(page
        .items
        .iter()
        .filter(|i| i.project.sample)
        .all(|i| i.project.fields.validate().is_empty()));
    assert!(
        page.items.iter().any(|i| i.project.status != Status::Idea),
        "samples show the lifecycle"
    );

    // The removal says what goes, and which samples the DLM worked in.
    let listed = app.list_sample_projects().expect("lists");
    assert_eq!(listed.len(), n as usize);
    assert!(listed.iter().all(|s| !s.edited));
    let worked_in = listed[1].id;
    app.change_project_status(worked_in, Status::Archived, &SaveOptions::default())
        .expect("moves");
    let touched = listed[2].id;
    app.create_task(
        touched,
        atelier_core::TaskDraft {
            title: "Relancer le sponsor".into(),
            ..Default::default()
        },
        &SaveOptions::default(),
    )
    .expect("adds a task");
    let edited: Vec<bool> = app
        .list_sample_projects()
        .expect("lists")
        .iter()
        .map(|s| s.edited)
        .collect();
    assert_eq!(edited.iter().filter(|e| **e).count(), 2);

    let removed = app.remove_sample_projects().expect("removes");
    assert_eq!(removed.len(), n as usize);
    let page = app.list_projects(&PortfolioQuery::default()).expect("lists");
    assert_eq!(page.items.iter().map(|i| i.project.id).collect::<Vec<_>>(), [mine.id]);
    assert!(!app.startup().expect("starts").has_samples);
    assert_eq!(
        app.list_trash().expect("lists").len(),
        n as usize,
        "they wait in the trash"
    );

    // Undo brings every one back, with what the DLM added.
    app.restore_projects(&removed).expect("restores");
    assert_eq!(app.startup().expect("starts").project_count, n + 1);
    assert_eq!(app.list_tasks(touched).expect("lists").tasks.len(), 1);
    assert!(app.list_trash().expect("lists").is_empty());
    // An undo that comes too late (one already gone) changes nothing.
    app.remove_sample_projects().expect("removes again");
    app.trash_project(mine.id).expect("trashes mine");
    app.purge_project(removed[0]).expect("purges one");
    assert!(matches!(app.restore_projects(&removed), Err(AppError::NotFound)));
    assert_eq!(app.startup().expect("starts").project_count, 0);
}

#[test]
fn tags_are_listed_once_in_order() {
    let (_dir, app) = open();
    for tags in [vec!["Sécurité", "rgpd"], vec!["RGPD", "Accueil"]] {
        let mut d = draft("Tagué");
        d.tags = tags.into_iter().map(String::from).collect();
        app.create_project(d, &SaveOptions::default()).expect("creates");
    }
    assert_eq!(app.list_project_tags().expect("lists"), ["Accueil", "rgpd", "Sécurité"]);
}

#[test]
fn an_overlong_search_is_refused() {
    let (_dir, app) = open();
    let q = PortfolioQuery {
        text: "x".repeat(10_000),
        ..Default::default()
    };
    assert!(matches!(app.list_projects(&q), Err(AppError::Validation(_))));
}
