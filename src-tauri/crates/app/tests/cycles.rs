//! Cycles and the task board through the app API.

mod common;

use common::open_with_project;

use atelier_app::AppError;
use atelier_core::portfolio::PortfolioQuery;
use atelier_core::{CycleForm, ProjectDraft, Rule, SaveOptions, TaskDraft, TaskStatus};
use chrono::{Days, Local, NaiveDate};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn cycle(goal: &str, start: NaiveDate, days: u64) -> CycleForm {
    CycleForm {
        goal: goal.into(),
        start: Some(start),
        end: Some(start + Days::new(days - 1)),
        phase_focus: None,
        review_note: String::new(),
    }
}

fn rules(e: AppError) -> Vec<Rule> {
    match e {
        AppError::Validation(issues) => issues.into_iter().map(|i| i.rule).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn two_cycles_are_planned_and_the_current_one_is_known() {
    let (_dir, app, p) = open_with_project();
    let first = app
        .create_cycle(p, cycle("Écouter", today() - Days::new(3), 14), &SaveOptions::default())
        .expect("plans");
    let second = app
        .create_cycle(
            p,
            cycle("Définir", today() + Days::new(11), 14),
            &SaveOptions::default(),
        )
        .expect("plans");
    let plan = app.list_cycles(p).expect("lists");
    assert_eq!(
        plan.cycles.iter().map(|c| c.cycle.id).collect::<Vec<_>>(),
        [first.id, second.id]
    );
    assert_eq!(
        plan.cycles.iter().map(|c| (c.number, c.days)).collect::<Vec<_>>(),
        [(1, 14), (2, 14)],
        "each cycle carries its number and its length, start and end included"
    );
    assert_eq!(plan.current, Some(first.id));

    assert_eq!(
        rules(
            app.create_cycle(p, cycle("Chevauche", today(), 7), &SaveOptions::default())
                .expect_err("overlap")
        ),
        [Rule::Overlaps]
    );
    assert_eq!(
        rules(
            app.create_cycle(
                p,
                cycle("Trop long", today() + Days::new(60), 35),
                &SaveOptions::default()
            )
            .expect_err("long")
        ),
        [Rule::CycleTooLong]
    );
    // Editing a cycle does not collide with itself.
    app.update_cycle(
        p,
        first.id,
        cycle("Écouter encore", today() - Days::new(3), 10),
        &SaveOptions::default(),
    )
    .expect("edits");
}

#[test]
fn tasks_move_across_the_board_and_overdue_ones_are_flagged() {
    let (_dir, app, p) = open_with_project();
    let late = app
        .create_task(
            p,
            TaskDraft {
                title: "Entretiens".into(),
                due: Some(today() - Days::new(2)),
                ..Default::default()
            },
            &SaveOptions::default(),
        )
        .expect("creates");
    let other = app
        .create_task(
            p,
            TaskDraft {
                title: "Persona".into(),
                ..Default::default()
            },
            &SaveOptions::default(),
        )
        .expect("creates");
    assert_eq!(app.list_tasks(p).expect("lists").overdue, [late.id]);

    let page = app.list_projects(&PortfolioQuery::default()).expect("lists");
    assert_eq!(page.items[0].overdue_tasks, 1);
    assert_eq!(app.get_project(p).expect("reads").overdue_tasks, 1);

    let board = app.move_task(p, late.id, TaskStatus::Done, 0).expect("moves");
    assert!(board.overdue.is_empty());
    let board = app.move_task(p, other.id, TaskStatus::Done, 0).expect("moves");
    let done: Vec<&str> = board.tasks.iter().map(|t| t.fields.title.as_str()).collect();
    assert_eq!(done, ["Persona", "Entretiens"]);
}

#[test]
fn a_task_in_a_deleted_cycle_stays_without_cycle() {
    let (_dir, app, p) = open_with_project();
    let c = app
        .create_cycle(p, cycle("Cycle", today(), 7), &SaveOptions::default())
        .expect("plans");
    let t = app
        .create_task(
            p,
            TaskDraft {
                title: "T".into(),
                cycle: Some(c.id),
                ..Default::default()
            },
            &SaveOptions::default(),
        )
        .expect("creates");
    app.delete_cycle(p, c.id).expect("deletes");
    let board = app.list_tasks(p).expect("lists");
    assert_eq!((board.tasks[0].id, board.tasks[0].fields.cycle), (t.id, None));
    assert!(matches!(
        app.create_task(
            p,
            TaskDraft {
                title: "Ailleurs".into(),
                cycle: Some(c.id),
                ..Default::default()
            },
            &SaveOptions::default()
        ),
        Err(AppError::Validation(_))
    ));
}

#[test]
fn a_trashed_project_has_no_cycles_or_tasks() {
    let (_dir, app, p) = open_with_project();
    app.trash_project(p).expect("trashes");
    assert!(matches!(app.list_tasks(p), Err(AppError::NotFound)));
    assert!(matches!(
        app.create_cycle(p, cycle("x", today(), 7), &SaveOptions::default()),
        Err(AppError::NotFound)
    ));
}

#[test]
fn the_timeline_shows_dated_projects_and_their_cycles_in_order() {
    let (_dir, app, p) = open_with_project();
    let later = app
        .create_project(
            ProjectDraft {
                title: "Plus tard".into(),
                start_date: Some(today() + Days::new(30)),
                end_date: Some(today() + Days::new(90)),
                ..Default::default()
            },
            &SaveOptions::default(),
        )
        .expect("creates");
    app.create_project(
        ProjectDraft {
            title: "Sans dates".into(),
            ..Default::default()
        },
        &SaveOptions::default(),
    )
    .expect("creates");
    // The first project has no dates: its cycles give it its span.
    app.create_cycle(p, cycle("Écouter", today() - Days::new(3), 14), &SaveOptions::default())
        .expect("plans");

    let timeline = app.portfolio_timeline().expect("reads");
    let titles: Vec<&str> = timeline.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Parcours", "Plus tard"]);
    assert_eq!(timeline.rows[0].start, today() - Days::new(3));
    assert!(timeline.rows[0].cycles[0].current);
    assert_eq!(timeline.rows[1].id, later.id);

    app.trash_project(p).expect("trashes");
    assert_eq!(
        app.portfolio_timeline().expect("reads").rows.len(),
        1,
        "the trash is not on the timeline"
    );
}
