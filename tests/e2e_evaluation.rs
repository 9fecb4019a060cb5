//! The evaluation plan in the real window: in French, a DLM writes
//! indicators on two levels with their targets and results, sees how far
//! each reaches on the chart, enters a benefit (an isolation over 100 %
//! refused next to its field, nothing lost) and a cost, reads the ROI and
//! the benefit-cost ratio, writes a verdict, sees the level-1 and level-2
//! results beside a pilot decision in the design workspace, and finds it
//! all after a restart; in English, the same figures read in English.
#![cfg(feature = "e2e")]

mod support;

use support::handoff::{add_indicator, open_evaluation, roi_inputs, Indicator};
use support::App;

#[tokio::test]
async fn a_dlm_measures_a_program_in_french() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    open_evaluation(&app, "Sécurité au poste").await;
    app.wait_text("[data-testid=roi-figures]", "dès qu'il y a un coût")
        .await;

    add_indicator(
        &app,
        Indicator {
            level: "reaction",
            name: "Satisfaction",
            unit: "/5",
            target: "4",
            result: "4,4",
            lower: false,
        },
    )
    .await;
    add_indicator(
        &app,
        Indicator {
            level: "learning",
            name: "Score au quiz",
            unit: "%",
            target: "80",
            result: "60",
            lower: false,
        },
    )
    .await;
    app.wait_text("[data-testid=level-reaction] [data-testid=indicator-reached]", "110")
        .await;
    app.wait_text("[data-testid=level-learning] [data-testid=indicator-reached]", "75")
        .await;
    app.wait_text("[data-testid=level-bar][data-level=behaviour]", "Pas encore mesuré")
        .await;

    roi_inputs(&app, "Moins d'accidents", "Conception", "120").await;
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
    open_evaluation(&app, "Safety first").await;
    // Fewer accidents than the target: the target is passed.
    add_indicator(
        &app,
        Indicator {
            level: "results",
            name: "Accidents a year",
            unit: "accidents",
            target: "10",
            result: "8",
            lower: true,
        },
    )
    .await;
    app.wait_text("[data-testid=level-results] [data-testid=indicator-reached]", "120%")
        .await;
    roi_inputs(&app, "Fewer accidents", "Design", "50").await;
    app.wait_text("[data-testid=roi-percent]", "20.0%").await;
    app.wait_text("[data-testid=roi-bcr]", "1.20").await;
    app.quit().await;
}
