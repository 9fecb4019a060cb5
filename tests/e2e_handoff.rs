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

use support::{in_days, App};

/// Idea to deployment (confirming that IT is not ready).
async fn to_deployment(app: &App) {
    for (status, next) in [("framing", "design"), ("design", "pilot"), ("pilot", "deployment")] {
        app.click(&format!("[data-testid=move-{status}]")).await;
        app.wait_for(&format!("[data-testid=move-{next}]")).await;
    }
    app.click("[data-testid=move-deployment]").await;
    app.click("[data-testid=caution-confirm]").await;
    app.wait_for("[data-testid=move-handed_off]").await;
}

/// Owner and acceptance (Karim, today) and a runbook.
async fn fill_package(app: &App) {
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=edit-package]").await;
    app.fill("[data-testid=pkg-owner]", "Karim Benali").await;
    app.wait_for("[data-testid=pkg-owner-linked]").await;
    app.fill("[data-testid=pkg-team]", "Usine de Lyon").await;
    app.fill("[data-testid=pkg-accepted-by]", "Karim Benali").await;
    app.wait_for("[data-testid=pkg-accepted-by-linked]").await;
    app.fill("[data-testid=pkg-accepted-on]", &in_days(0)).await;
    app.fill("[data-testid=pkg-runbook]", "1. Ouvrir la session **10 minutes** avant")
        .await;
    app.click("[data-testid=package-save]").await;
    app.wait_gone("[data-testid=package-form]").await;
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
    app.click("[data-testid=add-asset]").await;
    app.select("[data-testid=asset-kind]", "licence").await;
    app.fill("[data-testid=asset-name]", "Licence casques VR").await;
    app.fill("[data-testid=asset-owner]", "Karim Benali").await;
    app.fill("[data-testid=asset-end]", &in_days(30)).await;
    app.fill("[data-testid=asset-cost]", "-200").await;
    app.click("[data-testid=asset-save]").await;
    app.wait_for("[data-testid=asset-error-licence_cost]").await;
    app.fill("[data-testid=asset-cost]", "1200").await;
    app.click("[data-testid=asset-save]").await;
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
    app.click("[data-testid=tab-overview]").await;
    app.click("[data-testid=move-handed_off]").await;
    app.wait_text("[data-testid=handoff-gate]", "55").await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_text("[data-testid=handoff-reason-error]", "obligatoire").await;
    app.fill(
        "[data-testid=handoff-reason]",
        "Le métier démarre en septembre, la DSI finit en parallèle",
    )
    .await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_gone("[data-testid=handoff-gate]").await;
    app.wait_for("[data-testid=move-archived]").await;

    // A second project, its threshold lowered to 40 %, goes without a question.
    app.new_project("Accueil des alternants").await;
    to_deployment(&app).await;
    fill_package(&app).await;
    app.click("[data-testid=edit-weights]").await;
    app.fill("[data-testid=handoff-threshold]", "40").await;
    app.click("[data-testid=weights-save]").await;
    app.wait_text("[data-testid=handoff-readiness]", "seuil 40").await;
    app.click("[data-testid=tab-overview]").await;
    app.click("[data-testid=move-handed_off]").await;
    app.wait_for("[data-testid=move-archived]").await;
    assert!(
        !app.exists("[data-testid=handoff-gate]").await,
        "no question at or above the threshold"
    );

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
