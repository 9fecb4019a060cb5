//! Short cycles in the real window: two short cycles
//! planned (and one refused), tasks on the board moved with the keyboard,
//! overdue tasks flagged on the project and in the portfolio, all still
//! there after a restart.
#![cfg(feature = "e2e")]

mod support;

use chrono::{Days, Local, NaiveDate};
use support::{App, Key};

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

async fn plan_cycle(app: &App, goal: &str, start: NaiveDate, end: NaiveDate) {
    app.click("[data-testid=add-cycle]").await;
    app.fill("[data-testid=cycle-goal]", goal).await;
    app.fill("[data-testid=cycle-start]", &iso(start)).await;
    app.fill("[data-testid=cycle-end]", &iso(end)).await;
    app.click("[data-testid=save-cycle]").await;
}

async fn add_task(app: &App, title: &str, owner: &str, due: NaiveDate) {
    app.click("[data-testid=add-task]").await;
    app.fill("[data-testid=task-title]", title).await;
    app.fill("[data-testid=task-owner]", owner).await;
    app.fill("[data-testid=task-due]", &iso(due)).await;
    app.click("[data-testid=save-task]").await;
    app.wait_gone("[data-testid=task-form]").await;
}

#[tokio::test]
async fn cycles_and_the_task_board_work_and_persist() {
    let today = Local::now().date_naive();
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;

    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", "Parcours managers").await;
    app.click("[data-testid=save-project]").await;
    app.wait_text("[data-testid=project-title]", "Parcours managers").await;

    // Two cycles; an overlapping and an over-long one are refused.
    app.click("[data-testid=tab-cycles]").await;
    app.wait_for("[data-testid=cycles-empty]").await;
    plan_cycle(
        &app,
        "Écouter les managers",
        today - Days::new(3),
        today + Days::new(10),
    )
    .await;
    app.wait_until_count("[data-testid=cycle]", 1).await;
    app.wait_text("[data-testid=cycle][data-current=true]", "Écouter les managers")
        .await;

    plan_cycle(&app, "Chevauchement", today + Days::new(5), today + Days::new(15)).await;
    app.wait_text("[data-testid=cycle-error-start]", "overlap").await;
    app.fill("[data-testid=cycle-start]", &iso(today + Days::new(11))).await;
    app.fill("[data-testid=cycle-end]", &iso(today + Days::new(50))).await;
    app.click("[data-testid=save-cycle]").await;
    app.wait_text("[data-testid=cycle-error-end]", "at most 28 days").await;
    app.fill("[data-testid=cycle-goal]", "Définir le parcours").await;
    app.fill("[data-testid=cycle-end]", &iso(today + Days::new(24))).await;
    app.click("[data-testid=save-cycle]").await;
    app.wait_until_count("[data-testid=cycle]", 2).await;

    // Tasks: one overdue, flagged on the project.
    app.click("[data-testid=tab-tasks]").await;
    app.wait_for("[data-testid=tasks-empty]").await;
    add_task(&app, "Mener les entretiens", "Claire", today - Days::new(1)).await;
    add_task(&app, "Rédiger les personas", "Karim", today + Days::new(7)).await;
    app.wait_text("[data-testid=column-todo]", "Mener les entretiens").await;
    app.wait_text("[data-testid=column-todo] .late", "Overdue").await;
    app.wait_text("[data-testid=project-overdue]", "1 overdue").await;

    // The portfolio flags it too.
    app.click("[data-testid=nav-projects]").await;
    app.wait_text("[data-testid=project-card] [data-testid=overdue-flag]", "1 overdue")
        .await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-tasks]").await;

    // Keyboard: to Doing, then Done; once done it is no longer overdue.
    let late = "[data-testid=column-todo] .late [data-task-id]";
    app.wait_for(late).await;
    app.press_key(late, Key::Right).await;
    app.wait_text("[data-testid=column-doing]", "Mener les entretiens")
        .await;
    let doing = "[data-testid=column-doing] [data-task-id]";
    app.press_key(doing, Key::Right).await;
    app.wait_text("[data-testid=column-blocked]", "Mener les entretiens")
        .await;
    app.press_key("[data-testid=column-blocked] [data-task-id]", Key::Right)
        .await;
    app.wait_text("[data-testid=column-done]", "Mener les entretiens").await;
    app.wait_gone("[data-testid=project-overdue]").await;

    // Mouse: the other task dragged onto "Doing".
    app.drag_to("[data-testid=column-todo] [data-task-id]", "[data-testid=column-doing]")
        .await;
    app.wait_text("[data-testid=column-doing]", "Rédiger les personas")
        .await;
    app.wait_until_count("[data-testid=column-todo] [data-task-id]", 0)
        .await;

    // Everything is still there after a restart.
    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-tasks]").await;
    app.wait_text("[data-testid=column-done]", "Mener les entretiens").await;
    app.wait_text("[data-testid=column-doing]", "Rédiger les personas")
        .await;
    app.click("[data-testid=tasks-view-list]").await;
    app.wait_until_count("[data-testid=task-row]", 2).await;
    app.click("[data-testid=tab-cycles]").await;
    app.wait_until_count("[data-testid=cycle]", 2).await;
    app.wait_text("[data-testid=cycle][data-current=true]", "Écouter les managers")
        .await;
    app.quit().await;
}
