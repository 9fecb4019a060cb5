//! The communication campaign in the real window: in French, a DLM plans
//! a launch (a blank subject is refused first), is told what the plan
//! misses, adds a manager kit from a sender of the directory, is warned of
//! two messages to one audience on one day, and finds it all after a
//! restart, on the overview and on the sender's page; in English, the
//! campaign reads in English.
#![cfg(feature = "e2e")]

mod support;

use support::{in_days, App};

async fn open_campaign(app: &App) {
    app.click("[data-testid=tab-coordination]").await;
    app.click("[data-testid=coordination-campaign]").await;
    app.wait_for("[data-testid=campaign-panel]").await;
}

/// Plans a message; `sender` is typed into the picker when given.
async fn plan(app: &App, subject: &str, audience: &str, channel: &str, purpose: &str, days: i64, sender: Option<&str>) {
    app.click("[data-testid=add-message]").await;
    app.fill("[data-testid=message-subject]", subject).await;
    app.fill("[data-testid=message-audience]", audience).await;
    app.select("[data-testid=message-channel]", channel).await;
    app.select("[data-testid=message-purpose]", purpose).await;
    app.fill("[data-testid=message-planned]", &in_days(days)).await;
    if let Some(name) = sender {
        app.fill("[data-testid=message-sender]", name).await;
        app.wait_for("[data-testid=message-sender-linked]").await;
    }
    app.click("[data-testid=save-message]").await;
    app.wait_gone("[data-testid=message-form]").await;
}

#[tokio::test]
async fn a_dlm_plans_a_campaign_and_is_warned_in_french() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.add_person("Nadia Benali").await;
    app.new_project("Sécurité au poste").await;
    open_campaign(&app).await;
    app.wait_for("[data-testid=campaign-empty]").await;

    // A blank subject and audience are refused, the date typed is kept.
    app.click("[data-testid=add-message]").await;
    app.fill("[data-testid=message-planned]", &in_days(10)).await;
    app.click("[data-testid=save-message]").await;
    app.wait_text("[data-testid=message-error-subject]", "obligatoire")
        .await;
    app.wait_for("[data-testid=message-error-audience]").await;
    app.fill("[data-testid=message-subject]", "C'est parti : la sécurité au poste")
        .await;
    app.fill("[data-testid=message-audience]", "Tous les salariés").await;
    app.click("[data-testid=save-message]").await;
    app.wait_gone("[data-testid=message-form]").await;
    app.wait_until_count("[data-testid=message-row]", 1).await;
    app.wait_for("[data-testid=campaign-warning][data-kind=nothing_before_launch]")
        .await;
    app.wait_text(
        "[data-testid=campaign-warning][data-kind=no_manager_briefing]",
        "Aucun kit pour les managers",
    )
    .await;

    // A manager kit from the HR director, before the launch: both answered.
    plan(
        &app,
        "Kit managers",
        "Managers",
        "manager_briefing",
        "teaser",
        3,
        Some("Nadia Benali"),
    )
    .await;
    app.wait_gone("[data-testid=campaign-warning]").await;

    // A poster to the same audience on the launch day: a clash.
    plan(&app, "Affiche", "tous les salariés", "poster", "reminder", 10, None).await;
    app.wait_text(
        "[data-testid=campaign-warning][data-kind=same_audience_same_day]",
        "Deux messages pour",
    )
    .await;
    app.wait_until_count("[data-testid=message-row][data-flagged]", 2).await;
    app.wait_until_count("[data-testid=calendar-message]", 3).await;
    app.wait_text("[data-testid=campaign-warning-count]", "1 alerte").await;

    // After a restart: the overview lists what goes out next, the plan
    // still holds its warning, the sender's page names her message.
    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_until_count("[data-testid=next-message]", 3).await;
    app.wait_text("[data-testid=next-message]:first-child", "Kit managers")
        .await;
    app.click("[data-testid=open-campaign]").await;
    app.wait_for("[data-testid=campaign-warning][data-kind=same_audience_same_day]")
        .await;
    app.click("[data-testid=nav-people]").await;
    app.click("[data-testid=person-row] button.link").await;
    app.wait_text("[data-testid=person-message]", "Kit managers").await;
    app.quit().await;
}

#[tokio::test]
async fn the_campaign_reads_in_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    app.new_project("Safety first").await;
    open_campaign(&app).await;
    plan(&app, "Coming soon", "Everyone", "intranet", "teaser", 5, None).await;
    app.wait_text(
        "[data-testid=campaign-warning][data-kind=no_launch]",
        "No message launches the program",
    )
    .await;
    app.wait_text("[data-testid=message-row]", "Intranet").await;
    app.wait_text("[data-testid=message-row]", "Teaser").await;
    app.quit().await;
}
