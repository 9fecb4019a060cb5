//! The hand-off package in the real window: in French, a DLM fills the
//! package (owner, acceptance, runbook, a licence ending soon) and plans
//! levels 1–3 of the evaluation, is stopped at "handed off" by a 55 %
//! score, must give a reason, hands off with it and finds it recorded
//! after a restart, the licence flagged on the portfolio; a second project,
//! its threshold lowered, is handed off without a question. The portfolio
//! list shows and filters their readiness, and the timeline their
//! hand-off dates. In English, the checklist reads in English.
#![cfg(feature = "e2e")]

mod support;

use support::handoff::{self, add_licence, hand_off_over_lowered_threshold, hand_off_with_reason, to_deployment};
use support::App;

/// Karim takes the program over for the Lyon plant, with a runbook.
async fn fill_package(app: &App) {
    handoff::fill_package(
        app,
        "Karim Benali",
        "Usine de Lyon",
        "1. Ouvrir la session **10 minutes** avant",
    )
    .await;
}

#[tokio::test]
async fn a_dlm_hands_a_program_off_in_french() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.add_person("Karim Benali").await;

    app.new_project("Gestes de sécurité").await;
    to_deployment(&app).await;
    fill_package(&app).await;
    app.wait_text("[data-testid=handoff-percent]", "45").await;

    // A licence ending in a month: flagged; a bad cost refused next to its field.
    add_licence(&app, "Licence casques VR", "Karim Benali", 30, "1200").await;
    app.wait_for("[data-testid=licence-ending]").await;

    // Levels 1 to 3 planned: 55 %.
    app.click("[data-testid=handoff-evaluation]").await;
    for level in ["reaction", "learning", "behaviour"] {
        app.click(&format!("[data-testid=add-indicator-{level}]")).await;
        app.fill("[data-testid=indicator-name]", "Indicateur").await;
        app.fill("[data-testid=indicator-target]", "80").await;
        app.click("[data-testid=save-line]").await;
        app.wait_gone("[data-testid=indicator-form]").await;
    }
    app.click("[data-testid=handoff-package]").await;
    app.wait_text("[data-testid=handoff-percent]", "55").await;
    app.wait_for("[data-testid=handoff-check][data-criterion=runbook][data-met=true]")
        .await;
    app.wait_for("[data-testid=handoff-check][data-criterion=it_ready][data-met=false]")
        .await;

    // Handed off at 55 %: stopped, a reason is required, then recorded.
    hand_off_with_reason(
        &app,
        "55",
        "obligatoire",
        "Le métier démarre en septembre, la DSI finit en parallèle",
    )
    .await;

    // A second project, its threshold lowered to 40 %, goes without a question.
    app.new_project("Accueil des alternants").await;
    to_deployment(&app).await;
    fill_package(&app).await;
    hand_off_over_lowered_threshold(&app, "seuil 40").await;

    let app = app.restart().await;
    app.click("[data-testid=nav-projects]").await;
    // The licence ending soon is flagged on the portfolio too.
    app.wait_text("[data-testid=licence-flag]", "Une licence à renouveler")
        .await;
    // The list shows each one's readiness; the filter keeps those ready
    // by their own threshold, then those under it.
    app.click("[data-testid=view-list]").await;
    app.wait_until_count("[data-testid=impact-handoff][data-ready=true]", 1)
        .await;
    app.select("[data-testid=filter-impact]", "handoff_ready").await;
    app.wait_until_count("[data-testid=project-row]", 1).await;
    app.wait_text("[data-testid=project-row]", "Accueil des alternants")
        .await;
    app.wait_text("[data-testid=impact-handoff]", "Prêt à 45\u{a0}%").await;
    app.select("[data-testid=filter-impact]", "handoff_under").await;
    app.wait_text("[data-testid=project-row]", "Gestes de sécurité").await;
    app.wait_until_count("[data-testid=project-row]", 1).await;
    app.click("[data-testid=clear-filters]").await;
    // Both hand-offs are dated today, on the timeline.
    app.click("[data-testid=view-timeline]").await;
    app.wait_until_count("[data-testid=timeline-handoff]", 2).await;
    app.click("[data-testid=view-cards]").await;
    app.fill("[data-testid=search]", "Gestes").await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_text("[data-testid=project-title]", "Gestes de sécurité").await;
    app.click("[data-testid=tab-handoff]").await;
    app.wait_text("[data-testid=handoff-overrides]", "Le métier démarre en septembre")
        .await;
    app.wait_for("[data-testid=licence-ending]").await;
    app.quit().await;
}

#[tokio::test]
async fn the_package_reads_in_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    app.new_project("Safety gestures").await;
    app.click("[data-testid=tab-handoff]").await;
    app.wait_text("[data-testid=handoff-readiness]", "Runbook written")
        .await;
    app.wait_text("[data-testid=handoff-percent]", "10%").await;
    app.click("[data-testid=add-risk]").await;
    app.click("[data-testid=risk-save]").await;
    app.wait_text("[data-testid=risk-error-description]", "required").await;
    app.fill("[data-testid=risk-description]", "The LMS changes in June")
        .await;
    app.click("[data-testid=risk-save]").await;
    app.wait_until_count("[data-testid=risk-row]", 1).await;
    app.quit().await;
}
