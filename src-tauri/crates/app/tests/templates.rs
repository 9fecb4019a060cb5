//! Templates and duplication through the app API.

use atelier_app::{AppError, Atelier};
use atelier_core::{Lang, TaskStatus};
use chrono::NaiveDate;

fn open() -> (tempfile::TempDir, Atelier) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    (dir, app)
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, d).expect("date")
}

#[test]
fn a_project_from_a_template_has_its_whole_plan_and_survives_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = {
        let app = Atelier::open(dir.path()).expect("opens");
        let templates = app.list_templates(Lang::Fr).expect("lists");
        assert_eq!(templates.iter().filter(|t| t.builtin).count(), 3);
        let onboarding = &templates[0];
        let p = app
            .create_from_template(onboarding.id, Lang::Fr, "Managers 2027".into(), day(1, 4))
            .expect("creates");
        assert_eq!(p.fields.start_date, Some(day(1, 4)));
        p.id
    };
    let app = Atelier::open(dir.path()).expect("reopens");
    assert_eq!(app.list_cycles(id).expect("cycles").cycles.len(), 5);
    assert_eq!(app.list_tasks(id).expect("tasks").tasks.len(), 6);
    assert_eq!(app.get_learning_path(id).expect("path").activities.len(), 5);
    assert_eq!(app.get_design(id, None).expect("design").gates[0].expected.len(), 3);
}

#[test]
fn a_saved_template_and_a_duplicate_copy_the_plan() {
    let (_dir, app) = open();
    let templates = app.list_templates(Lang::En).expect("lists");
    let p = app
        .create_from_template(templates[1].id, Lang::En, "Compliance 2027".into(), day(2, 1))
        .expect("creates");
    let first_task = app.list_tasks(p.id).expect("tasks").tasks[0].id;
    app.move_task(p.id, first_task, TaskStatus::Done, 0).expect("moves");

    let saved = app
        .save_as_template(p.id, "Our compliance refresh".into(), String::new())
        .expect("saves");
    assert!(!saved.builtin);
    assert_eq!(app.list_templates(Lang::En).expect("lists").len(), 4);
    let from_saved = app
        .create_from_template(saved.id, Lang::En, "Compliance 2028".into(), day(3, 1))
        .expect("creates");
    assert_eq!(
        app.list_cycles(from_saved.id).expect("cycles").cycles[0]
            .cycle
            .fields
            .start,
        day(3, 1)
    );

    let copy = app
        .duplicate_project(p.id, "Compliance 2027 (copy)".into())
        .expect("duplicates");
    assert_eq!(copy.fields.start_date, p.fields.start_date);
    let tasks = app.list_tasks(copy.id).expect("tasks").tasks;
    assert!(tasks.iter().all(|t| t.fields.status == TaskStatus::Todo));

    app.delete_template(saved.id).expect("deletes");
    assert!(matches!(app.delete_template(saved.id), Err(AppError::NotFound)));
    assert!(matches!(
        app.save_as_template(p.id, " ".into(), String::new()),
        Err(AppError::Validation(_))
    ));
}

#[test]
fn a_blank_title_from_a_template_saves_nothing() {
    let (_dir, app) = open();
    let t = app.list_templates(Lang::En).expect("lists")[0].id;
    assert!(matches!(
        app.create_from_template(t, Lang::En, " ".into(), day(1, 1)),
        Err(AppError::Validation(_))
    ));
    assert_eq!(app.startup().expect("starts").project_count, 0);
}
