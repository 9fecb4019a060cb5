//! The evaluation plan in the real window: in French, a DLM writes
//! indicators on two levels with their targets and results, sees how far
//! each reaches on the chart, enters a benefit (an isolation over 100 %
//! refused next to its field, nothing lost) and a cost, reads the ROI and
//! the benefit-cost ratio, writes a verdict, sees the level-1 and level-2
//! results beside a pilot decision in the design workspace, and finds it
//! all after a restart; in English, the same figures read in English.
#![cfg(feature = "e2e")]

mod support;

use support::App;

/// A new project, open on its evaluation.
async fn new_project(app: &App, title: &str) {
    app.new_project(title).await;
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-evaluation]").await;
    app.wait_for("[data-testid=evaluation-panel]").await;
}

async fn indicator(app: &App, level: &str, name: &str, unit: &str, target: &str, result: &str, lower: bool) {
    app.click(&format!("[data-testid=add-indicator-{level}]")).await;
    app.fill("[data-testid=indicator-name]", name).await;
    if lower {
        app.click("[data-testid=indicator-lower]").await;
    }
    app.fill("[data-testid=indicator-unit]", unit).await;
    app.fill("[data-testid=indicator-target]", target).await;
    app.fill("[data-testid=indicator-result]", result).await;
    app.click("[data-testid=save-line]").await;
    app.wait_gone("[data-testid=indicator-form]").await;
}

/// A benefit of 60 000 a year, half due to the training, trusted at 80 %,
/// and a design cost of 20 000: ROI 20 %, ratio 1.2.
async fn roi_inputs(app: &App, isolation_first: &str) {
    app.click("[data-testid=add-benefit]").await;
    app.fill("[data-testid=benefit-label]", "Moins d'accidents").await;
    app.fill("[data-testid=benefit-amount]", "60000").await;
    app.fill("[data-testid=benefit-isolation]", isolation_first).await;
    app.fill("[data-testid=benefit-confidence]", "80").await;
    app.click("[data-testid=save-line]").await;
    if isolation_first != "50" {
        app.wait_for("[data-testid=benefit-error-isolation]").await;
        assert_eq!(
            app.value("[data-testid=benefit-label]").await,
            "Moins d'accidents",
            "what was typed stays"
        );
        app.fill("[data-testid=benefit-isolation]", "50").await;
        app.click("[data-testid=save-line]").await;
    }
    app.wait_gone("[data-testid=benefit-form]").await;
    app.click("[data-testid=add-cost]").await;
    app.fill("[data-testid=cost-label]", "Conception").await;
    app.fill("[data-testid=cost-amount]", "20000").await;
    app.click("[data-testid=save-line]").await;
    app.wait_gone("[data-testid=cost-form]").await;
}

#[tokio::test]
async fn a_dlm_measures_a_program_in_french() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    new_project(&app, "Sécurité au poste").await;
    app.wait_text("[data-testid=roi-figures]", "dès qu'il y a un coût")
        .await;

    indicator(&app, "reaction", "Satisfaction", "/5", "4", "4,4", false).await;
    indicator(&app, "learning", "Score au quiz", "%", "80", "60", false).await;
    app.wait_text("[data-testid=level-reaction] [data-testid=indicator-reached]", "110")
        .await;
    app.wait_text("[data-testid=level-learning] [data-testid=indicator-reached]", "75")
        .await;
    app.wait_text("[data-testid=level-bar][data-level=behaviour]", "Pas encore mesuré")
        .await;

    roi_inputs(&app, "120").await;
    app.wait_text("[data-testid=roi-percent]", "20,0").await;
    app.wait_text("[data-testid=roi-bcr]", "1,20").await;
    app.wait_text("[data-testid=roi-figures]", "24\u{202f}000").await;
    app.fill(
        "[data-testid=summary-verdict]",
        "Objectif atteint, à étendre aux autres sites",
    )
    .await;
    app.click("[data-testid=save-summary]").await;
    app.wait_text("[data-testid=toast]:last-child", "Évaluation enregistrée")
        .await;

    // The pilot decision, in the design workspace, shows the pilot's
    // level-1 and level-2 results and leads back to the evaluation.
    app.click("[data-testid=tab-design]").await;
    app.select("[data-testid=new-artefact-kind]", "pilot_decision").await;
    app.click("[data-testid=add-artefact]").await;
    app.fill("[data-testid=artefact-criteria]", "Satisfaction d'au moins 4 sur 5")
        .await;
    app.click("[data-testid=save-artefact]").await;
    // Decided before the project reached its pilot: asked first.
    app.click("[data-testid=caution-confirm]").await;
    app.wait_gone("[data-testid=artefact-form]").await;
    app.wait_until_count("[data-testid=pilot-result]", 2).await;
    app.wait_text("[data-testid=pilot-results]", "4,4 /5 pour une cible de 4 /5")
        .await;
    app.wait_text("[data-testid=pilot-results]", "75\u{a0}%").await;
    app.click("[data-testid=open-evaluation]").await;
    app.wait_text("[data-testid=roi-percent]", "20,0").await;

    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-evaluation]").await;
    app.wait_text("[data-testid=roi-percent]", "20,0").await;
    app.wait_until_count("[data-testid=indicator-row]", 2).await;
    assert_eq!(
        app.value("[data-testid=summary-verdict]").await,
        "Objectif atteint, à étendre aux autres sites"
    );
    app.quit().await;
}

#[tokio::test]
async fn the_evaluation_reads_in_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    new_project(&app, "Safety first").await;
    // Fewer accidents than the target: the target is passed.
    indicator(&app, "results", "Accidents a year", "accidents", "10", "8", true).await;
    app.wait_text("[data-testid=level-results] [data-testid=indicator-reached]", "120%")
        .await;
    roi_inputs(&app, "50").await;
    app.wait_text("[data-testid=roi-percent]", "20.0%").await;
    app.wait_text("[data-testid=roi-bcr]", "1.20").await;
    app.quit().await;
}
