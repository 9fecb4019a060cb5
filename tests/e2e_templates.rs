//! Templates in the real window: a project created from a built-in
//! template with its whole plan, saved as a template of the DLM's own,
//! duplicated, both on the portfolio timeline, and all of it found again
//! after a restart.
#![cfg(feature = "e2e")]

mod support;

use support::App;

#[tokio::test]
async fn create_from_template_save_as_template_and_duplicate() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;

    app.click("[data-testid=welcome-new]").await;
    app.wait_until_count("[data-testid=template]", 3).await;
    app.wait_text("[data-testid=template-chooser]", "Manager onboarding")
        .await;
    app.click("[data-testid=template]:nth-child(1) [data-testid=use-template]")
        .await;
    app.fill("[data-testid=template-title]", "Lyon managers 2027").await;
    app.fill("[data-testid=template-start]", "2027-01-04").await;
    app.click("[data-testid=create-from-template]").await;
    app.wait_text("[data-testid=project-title]", "Lyon managers 2027").await;

    // The whole plan came with it.
    app.click("[data-testid=tab-cycles]").await;
    app.wait_until_count("[data-testid=cycle]", 5).await;
    app.wait_text("[data-testid=cycle]", "4 Jan 2027").await;
    app.click("[data-testid=tab-tasks]").await;
    app.wait_until_count("[data-testid=task-card]", 6).await;
    app.click("[data-testid=tab-mix]").await;
    app.wait_until_count("[data-testid=activity]", 5).await;
    app.click("[data-testid=tab-design]").await;
    app.wait_for("[data-testid=expected-persona]").await;

    // Saved as the DLM's own template; a blank name is refused.
    app.click("[data-testid=project-more]").await;
    app.click("[data-testid=save-as-template]").await;
    app.fill("[data-testid=template-name]", " ").await;
    app.click("[data-testid=confirm-save-template]").await;
    app.wait_text("[data-testid=template-error-name]", "required").await;
    app.fill("[data-testid=template-name]", "Our onboarding").await;
    app.click("[data-testid=confirm-save-template]").await;
    app.wait_gone("[data-testid=save-template-dialog]").await;

    // Duplicated.
    app.click("[data-testid=project-more]").await;
    app.click("[data-testid=duplicate-project]").await;
    app.wait_text("[data-testid=project-title]", "Lyon managers 2027 (copy)")
        .await;
    app.click("[data-testid=tab-cycles]").await;
    app.wait_until_count("[data-testid=cycle]", 5).await;

    // Both projects and their cycles on the portfolio timeline.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=view-timeline]").await;
    app.wait_until_count("[data-testid=timeline-row]", 2).await;
    app.wait_until_count("[data-testid=timeline-cycle]", 10).await;
    app.wait_for("[data-testid=today-line]").await;
    app.click("[data-testid=zoom-weeks]").await;
    app.wait_text("[data-testid=timeline]", "Listen to new managers").await;
    app.click("[data-testid=zoom-quarters]").await;
    app.wait_text("[data-testid=timeline]", "Q1 2027").await;
    app.click("[data-testid=view-cards]").await;

    let app = app.restart().await;
    app.wait_until_count("[data-testid=project-card]", 2).await;
    app.click("[data-testid=new-project]").await;
    app.wait_until_count("[data-testid=template]", 4).await;
    app.wait_text("[data-testid=template]:nth-child(4)", "Our onboarding")
        .await;
    app.quit().await;
}
