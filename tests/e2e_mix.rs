//! The modality mix planner in the real window: activities added in
//! order, totals by modality and 70-20-10 bucket, warnings that come and
//! go with the mix, reordering, and all of it after a restart.
#![cfg(feature = "e2e")]

mod support;

use support::mix::add_activity;
use support::App;

#[tokio::test]
async fn the_learning_path_totals_and_warnings() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", "Manager onboarding").await;
    app.click("[data-testid=save-project]").await;
    app.click("[data-testid=tab-mix]").await;
    app.wait_for("[data-testid=mix-empty]").await;

    add_activity(
        &app,
        ("GDPR basics", "elearning", "education", "self_paced", "60", "1,500"),
    )
    .await;
    add_activity(
        &app,
        ("Kick-off class", "virtual_class", "education", "live", "90", "2,000"),
    )
    .await;
    app.wait_for("[data-testid=mix-warning-no_practice]").await;
    app.wait_for("[data-testid=mix-warning-over_formal]").await;

    // A bad duration is refused next to the field; nothing is added.
    app.click("[data-testid=add-activity]").await;
    app.fill("[data-testid=activity-title]", "Broken").await;
    app.fill("[data-testid=activity-duration]", "0").await;
    app.click("[data-testid=save-activity]").await;
    app.wait_text("[data-testid=activity-error-duration_minutes]", "required")
        .await;
    app.click("[data-testid=activity-form] button[type=button]").await;
    assert_eq!(app.count("[data-testid=activity]").await, 2);

    add_activity(
        &app,
        ("First team review", "on_the_job", "experience", "self_paced", "240", ""),
    )
    .await;
    add_activity(&app, ("Mentor pairing", "mentoring", "exposure", "live", "60", "")).await;
    app.wait_gone("[data-testid=mix-warnings]").await;
    app.wait_text("[data-testid=total-duration]", "7 h 30").await;
    app.wait_text("[data-testid=total-cost]", "3,500").await;
    // 240, 60 and 150 of 450 minutes: 53.3, 13.3 and 33.3 % shown as whole
    // shares that add up to 100 (the first of the tied remainders rounds up).
    app.wait_for("[data-testid=bucket-experience][data-percent='54']").await;
    app.wait_for("[data-testid=bucket-exposure][data-percent='13']").await;
    app.wait_for("[data-testid=bucket-education][data-percent='33']").await;
    app.wait_text("[data-testid=modality-chart]", "Virtual class").await;

    // Reorder: the mentoring pair moves to the top.
    // Each step waits for the list to show the move before the next click, so
    // no click lands on a row that is about to be re-rendered.
    for row in [4, 3, 2] {
        app.click(&format!(
            "[data-testid=activity]:nth-child({row}) [data-testid=move-up]"
        ))
        .await;
        app.wait_text(
            &format!("[data-testid=activity]:nth-child({})", row - 1),
            "Mentor pairing",
        )
        .await;
    }

    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-mix]").await;
    app.wait_text("[data-testid=activity]:nth-child(1)", "Mentor pairing")
        .await;
    app.wait_text("[data-testid=activity]:nth-child(4)", "First team review")
        .await;
    app.wait_text("[data-testid=total-duration]", "7 h 30").await;
    app.quit().await;
}
