//! The trainer roster in the real window: in French, a DLM adds three
//! trainers from the directory, takes one through certification (a step
//! dated before the previous one refused next to its field), plans
//! sessions and is warned about capacity, rates a delivered session, and
//! finds it all after a restart, on the trainer's page too; in English,
//! the roster reads in English.
#![cfg(feature = "e2e")]

mod support;

use support::{in_days, App};

async fn open_roster(app: &App, title: &str) {
    app.new_project(title).await;
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-roster]").await;
    app.wait_for("[data-testid=roster-panel]").await;
}

async fn add_trainers(app: &App, n: usize) {
    for count in 1..=n {
        let next = app
            .attr("[data-testid=roster-add] option:nth-child(2)", "value")
            .await
            .expect("someone to add");
        app.select("[data-testid=roster-add]", &next).await;
        app.wait_until_count("[data-testid=trainer-row]", count).await;
    }
}

async fn plan_session(app: &App, days: i64, trainer_index: Option<usize>) {
    app.click("[data-testid=add-session]").await;
    app.fill("[data-testid=session-date]", &in_days(days)).await;
    app.fill("[data-testid=session-place]", "Salle Rhône").await;
    app.fill("[data-testid=session-participants]", "12").await;
    if let Some(i) = trainer_index {
        let value = app
            .attr(
                &format!("[data-testid=session-trainer] option:nth-child({})", i + 2),
                "value",
            )
            .await
            .expect("a trainer");
        app.select("[data-testid=session-trainer]", &value).await;
    }
    app.click("[data-testid=session-save]").await;
    app.wait_gone("[data-testid=session-form]").await;
}

#[tokio::test]
async fn a_dlm_builds_a_trainer_roster_in_french() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    for name in ["Karim Benali", "Léa Martin", "Hugo Petit"] {
        app.add_person(name).await;
    }
    open_roster(&app, "Gestes de sécurité").await;
    add_trainers(&app, 3).await;

    // Hugo (first by name) through the path: a step before the one it
    // follows is refused next to its field, then certified.
    app.click("[data-testid=trainer-row]:first-child [data-testid=trainer-edit]")
        .await;
    app.fill("[data-testid=trainer-invited]", &in_days(-10)).await;
    app.fill("[data-testid=trainer-trained]", &in_days(-20)).await;
    app.click("[data-testid=trainer-save]").await;
    app.wait_text("[data-testid=trainer-error-trained]", "avant celle qui la précède")
        .await;
    app.fill("[data-testid=trainer-trained]", &in_days(-8)).await;
    app.fill("[data-testid=trainer-observed]", &in_days(-5)).await;
    app.fill("[data-testid=trainer-certified]", &in_days(-2)).await;
    app.fill("[data-testid=trainer-languages]", "FR, EN").await;
    app.click("[data-testid=trainer-save]").await;
    app.wait_text(
        "[data-testid=trainer-row]:first-child [data-testid=trainer-status]",
        "Certifié",
    )
    .await;
    app.wait_text("[data-testid=roster-certified]", "1 certifié sur 3")
        .await;

    // Three sessions for him and one for an uncertified trainer: warned.
    for days in [10, 11, 12] {
        plan_session(&app, days, Some(0)).await;
    }
    plan_session(&app, 13, Some(1)).await;
    app.wait_for("[data-testid=roster-warning][data-kind=no_certified_trainer]")
        .await;
    app.wait_text(
        "[data-testid=roster-warning][data-kind=one_trainer_carries_most]",
        "plus de la moitié",
    )
    .await;
    app.wait_until_count("[data-testid=session-row][data-flagged]", 1).await;

    // The first session delivered and rated.
    app.click("[data-testid=session-row]:first-child [data-testid=session-edit]")
        .await;
    app.click("[data-testid=session-delivered]").await;
    app.select("[data-testid=session-satisfaction]", "4").await;
    app.click("[data-testid=session-save]").await;
    app.wait_text("[data-testid=session-row]:first-child", "4/5").await;

    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-roster]").await;
    app.wait_until_count("[data-testid=trainer-row]", 3).await;
    app.wait_until_count("[data-testid=session-row]", 4).await;
    app.wait_for("[data-testid=roster-warning][data-kind=no_certified_trainer]")
        .await;
    app.click("[data-testid=trainer-row]:first-child .who button.link")
        .await;
    app.wait_text("[data-testid=person-trains]", "Gestes de sécurité").await;
    app.quit().await;
}

#[tokio::test]
async fn the_roster_reads_in_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    app.add_person("Karim Benali").await;
    open_roster(&app, "Safety gestures").await;
    add_trainers(&app, 1).await;
    plan_session(&app, 5, Some(0)).await;
    app.wait_text(
        "[data-testid=roster-warning][data-kind=no_certified_trainer]",
        "has no trainer certified on that day",
    )
    .await;
    app.wait_text("[data-testid=session-row]", "On site").await;
    app.quit().await;
}
