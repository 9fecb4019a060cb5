//! The trainer roster in the real window: in French, a DLM adds three
//! trainers from the directory, takes one through certification (a step
//! dated before the previous one refused next to its field), plans
//! sessions and is warned about capacity, rates a delivered session, and
//! finds it all after a restart, on the trainer's page too; in English,
//! the roster reads in English.
#![cfg(feature = "e2e")]

mod support;

use support::handoff::{add_trainers, certify_first_trainer, open_roster, plan_session};
use support::App;

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
    certify_first_trainer(&app, "avant celle qui la précède").await;
    app.wait_text(
        "[data-testid=trainer-row]:first-child [data-testid=trainer-status]",
        "Certifié",
    )
    .await;
    app.wait_text("[data-testid=roster-certified]", "1 certifié sur 3")
        .await;

    // Three sessions for him and one for an uncertified trainer: warned.
    for days in [10, 11, 12] {
        plan_session(&app, days, "Salle Rhône", Some(0)).await;
    }
    plan_session(&app, 13, "Salle Rhône", Some(1)).await;
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
    plan_session(&app, 5, "Salle Rhône", Some(0)).await;
    app.wait_text(
        "[data-testid=roster-warning][data-kind=no_certified_trainer]",
        "has no trainer certified on that day",
    )
    .await;
    app.wait_text("[data-testid=session-row]", "On site").await;
    app.quit().await;
}
