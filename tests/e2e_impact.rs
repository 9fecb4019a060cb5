//! Hand-off and impact in one English scenario, in the real window: a DLM
//! adds three trainers, takes one through certification and is warned
//! about capacity; writes an evaluation plan, enters results and reads the
//! ROI and the chart; fills the hand-off package (a bad licence cost
//! refused first) and is stopped at "handed off" by a 55 % score, records
//! a reason; hands a second project off over its lowered threshold without
//! a question; then restarts and finds it all. (The French scenarios are
//! in e2e_roster, e2e_evaluation and e2e_handoff.)
#![cfg(feature = "e2e")]

mod support;

use support::handoff::{
    add_indicator, add_licence, add_trainers, certify_first_trainer, fill_package, hand_off_over_lowered_threshold,
    hand_off_with_reason, open_roster, plan_session, roi_inputs, to_deployment, Indicator,
};
use support::App;

/// Karim takes the program over for the Lyon plant, with a runbook.
async fn karim_takes_it(app: &App) {
    fill_package(
        app,
        "Karim Benali",
        "Lyon plant",
        "1. Open the session **10 minutes** early",
    )
    .await;
}

#[tokio::test]
async fn a_dlm_hands_a_program_off_in_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    for name in ["Karim Benali", "Lea Martin", "Hugo Petit"] {
        app.add_person(name).await;
    }

    // Three trainers, one certified; four sessions, three on him and one
    // on a trainer not certified yet: warned twice.
    open_roster(&app, "Safety gestures").await;
    add_trainers(&app, 3).await;
    certify_first_trainer(&app, "comes before the one it follows").await;
    app.wait_text("[data-testid=roster-certified]", "1 certified of 3")
        .await;
    for days in [10, 11, 12] {
        plan_session(&app, days, "Rhone room", Some(0)).await;
    }
    plan_session(&app, 13, "Rhone room", Some(1)).await;
    app.wait_for("[data-testid=roster-warning][data-kind=no_certified_trainer]")
        .await;
    app.wait_text(
        "[data-testid=roster-warning][data-kind=one_trainer_carries_most]",
        "more than half",
    )
    .await;

    // The evaluation: levels 1 to 3 planned, two measured; an isolation
    // over 100 % refused; ROI 20 % and a ratio of 1.2.
    app.click("[data-testid=handoff-evaluation]").await;
    for (level, name, unit, target, result) in [
        ("reaction", "Satisfaction", "/5", "4", "4.4"),
        ("learning", "Quiz score", "%", "80", "60"),
        ("behaviour", "Gestures observed", "%", "90", ""),
    ] {
        add_indicator(
            &app,
            Indicator {
                level,
                name,
                unit,
                target,
                result,
                lower: false,
            },
        )
        .await;
    }
    app.wait_text("[data-testid=level-reaction] [data-testid=indicator-reached]", "110%")
        .await;
    app.wait_text("[data-testid=level-bar][data-level=learning]", "75%")
        .await;
    app.wait_text("[data-testid=level-bar][data-level=behaviour]", "Not measured yet")
        .await;
    roi_inputs(&app, "Fewer accidents", "Design", "120").await;
    app.wait_text("[data-testid=roi-percent]", "20.0%").await;
    app.wait_text("[data-testid=roi-bcr]", "1.20").await;

    // The package: owner, acceptance, runbook and a licence: 55 %, under
    // the 80 % threshold.
    app.click("[data-testid=tab-overview]").await;
    to_deployment(&app).await;
    karim_takes_it(&app).await;
    add_licence(&app, "VR headset licence", "Karim Benali", 30, "1200").await;
    app.wait_for("[data-testid=licence-ending]").await;
    app.wait_text("[data-testid=handoff-percent]", "55%").await;
    app.wait_for("[data-testid=handoff-check][data-criterion=enough_trainers][data-met=false]")
        .await;
    hand_off_with_reason(
        &app,
        "55",
        "required",
        "The business starts in September; IT finishes alongside",
    )
    .await;

    // A second project, its threshold lowered to 40 %, goes without a question.
    app.new_project("Welcome apprentices").await;
    to_deployment(&app).await;
    karim_takes_it(&app).await;
    hand_off_over_lowered_threshold(&app, "threshold 40").await;

    // All of it after a restart.
    let app = app.restart().await;
    app.click("[data-testid=nav-projects]").await;
    app.wait_text("[data-testid=licence-flag]", "A licence to renew").await;
    app.fill("[data-testid=search]", "Safety").await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_text("[data-testid=project-title]", "Safety gestures").await;
    app.click("[data-testid=tab-handoff]").await;
    app.wait_text("[data-testid=handoff-overrides]", "The business starts in September")
        .await;
    app.wait_text("[data-testid=handoff-percent]", "55%").await;
    app.click("[data-testid=handoff-roster]").await;
    app.wait_until_count("[data-testid=trainer-row]", 3).await;
    app.wait_until_count("[data-testid=session-row]", 4).await;
    app.wait_for("[data-testid=roster-warning][data-kind=one_trainer_carries_most]")
        .await;
    app.click("[data-testid=handoff-evaluation]").await;
    app.wait_until_count("[data-testid=indicator-row]", 3).await;
    app.wait_text("[data-testid=roi-percent]", "20.0%").await;
    app.quit().await;
}
