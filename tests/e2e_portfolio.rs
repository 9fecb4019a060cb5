//! The projects portfolio in the real window, as a DLM uses it: create a
//! project through the form, find it again after a restart, be stopped by
//! invalid input, trash and restore, load and remove sample projects.
#![cfg(feature = "e2e")]

mod support;

use support::App;

/// Types a project into the form and saves it; ends on the project page.
async fn create_project(app: &App, title: &str, sponsor: &str, budget: &str) {
    app.fill("[data-testid=field-title]", title).await;
    app.fill("[data-testid=field-sponsor]", sponsor).await;
    app.fill("[data-testid=field-budget_planned]", budget).await;
    app.fill("[data-testid=field-tags]", "Managers, Blended").await;
    app.fill(
        "[data-testid=field-objectives]",
        "Mener un entretien de feedback\nAnimer une réunion",
    )
    .await;
    app.click("[data-testid=save-project]").await;
    app.wait_text("[data-testid=project-title]", title).await;
    app.wait_until_count("[data-testid=project-page] .objectives li", 2)
        .await;
}

#[tokio::test]
async fn a_project_created_through_the_form_is_still_there_after_a_restart() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;

    app.wait_for("[data-testid=welcome]").await;
    app.click("[data-testid=welcome-new]").await;
    create_project(&app, "Parcours nouveaux managers", "Directrice RH", "48 000").await;
    app.wait_text("[data-testid=project-sponsor]", "Directrice RH").await;
    app.wait_text("[data-testid=project-budget]", "48,000").await;

    app.click("[data-testid=nav-projects]").await;
    app.wait_text("[data-testid=project-card]", "Parcours nouveaux managers")
        .await;
    assert_eq!(app.count("[data-testid=project-card]").await, 1);

    let app = app.restart().await;
    app.wait_text("[data-testid=project-card]", "Parcours nouveaux managers")
        .await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_text("[data-testid=project-sponsor]", "Directrice RH").await;
    app.quit().await;
}

#[tokio::test]
async fn an_invalid_form_shows_messages_next_to_the_fields_and_saves_nothing() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;

    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", "   ").await;
    app.fill("[data-testid=field-start_date]", "2026-06-10").await;
    app.fill("[data-testid=field-end_date]", "2026-06-01").await;
    app.fill("[data-testid=field-budget_planned]", "-500").await;
    app.click("[data-testid=save-project]").await;

    app.wait_text("[data-testid=error-title]", "Ce champ est obligatoire.")
        .await;
    app.wait_text("[data-testid=error-end_date]", "date de fin").await;
    app.wait_text("[data-testid=error-budget_planned]", "négatif").await;
    app.wait_for("[data-testid=form-errors]").await;
    // The form keeps what was typed.
    // The date reads as a French DLM writes it.
    assert_eq!(app.value("[data-testid=field-start_date]").await, "10/06/2026");

    // A text that is not an amount is caught too.
    app.fill("[data-testid=field-title]", "Titre correct").await;
    app.fill("[data-testid=field-end_date]", "").await;
    app.fill("[data-testid=field-budget_planned]", "beaucoup").await;
    app.click("[data-testid=save-project]").await;
    app.wait_text("[data-testid=error-budget_planned]", "Indiquez un montant")
        .await;
    assert!(!app.exists("[data-testid=error-title]").await);

    // Nothing was saved, even across a restart.
    app.click("[data-testid=nav-projects]").await;
    app.wait_for("[data-testid=welcome]").await;
    let app = app.restart().await;
    app.wait_for("[data-testid=welcome]").await;
    assert_eq!(app.count("[data-testid=project-card]").await, 0);
    app.quit().await;
}

#[tokio::test]
async fn trash_restore_and_delete_for_good() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;

    app.click("[data-testid=welcome-new]").await;
    create_project(&app, "Remise à niveau RGPD", "DPO", "25000").await;
    app.click("[data-testid=project-more]").await;
    app.click("[data-testid=trash-project]").await;
    app.wait_text("[data-testid=toast]", "moved to the trash").await;
    app.wait_for("[data-testid=welcome]").await;

    app.click("[data-testid=nav-trash]").await;
    app.wait_text("[data-testid=trash-item]", "Remise à niveau RGPD").await;
    app.click("[data-testid=trash-item] [data-testid=restore]").await;
    app.wait_for("[data-testid=trash-empty]").await;

    app.click("[data-testid=nav-projects]").await;
    app.wait_text("[data-testid=project-card]", "Remise à niveau RGPD")
        .await;

    // Trash again, then delete for good through the confirmation.
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=project-more]").await;
    app.click("[data-testid=trash-project]").await;
    app.click("[data-testid=nav-trash]").await;
    app.click("[data-testid=trash-item] [data-testid=purge]").await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_for("[data-testid=trash-empty]").await;

    let app = app.restart().await;
    app.wait_for("[data-testid=welcome]").await;
    app.click("[data-testid=nav-trash]").await;
    app.wait_for("[data-testid=trash-empty]").await;
    app.quit().await;
}

#[tokio::test]
async fn sample_projects_filter_sort_and_leave_in_one_action() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;

    app.click("[data-testid=load-samples]").await;
    app.wait_for("[data-testid=samples-banner]").await;
    app.wait_until_count("[data-testid=project-card]", 6).await;
    // The samples' tags are offered at once, without leaving the page.
    app.wait_js("document.querySelectorAll('[data-testid=filter-tag] option').length > 3")
        .await;

    // Status and text filters are applied in Rust; the count says so.
    app.click("[data-testid=filter-status-pilot]").await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.wait_text("[data-testid=project-card]", "GDPR refresher").await;
    app.click("[data-testid=clear-filters]").await;
    app.fill("[data-testid=search]", "warehouse").await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.wait_text("[data-testid=matching]", "1 matching").await;
    app.click("[data-testid=clear-filters]").await;
    app.wait_until_count("[data-testid=project-card]", 6).await;

    // The list view sorts by column.
    app.click("[data-testid=view-list]").await;
    app.wait_until_count("[data-testid=project-row]", 6).await;
    app.click("[data-testid=sort-by-title]").await;
    app.wait_text("[data-testid=project-row]", "Apprentice welcome programme")
        .await;
    app.click("[data-testid=sort-by-title]").await;
    app.wait_text("[data-testid=project-row]", "Warehouse safety serious game")
        .await;

    // Move one along its lifecycle.
    app.click("[data-testid=project-row] button.link").await;
    app.click("[data-testid=move-framing]").await;
    app.wait_text("[data-testid=project-page] [data-status]", "Framing")
        .await;

    // Removing the samples asks first, says what goes and that the one
    // worked in goes too; cancelling keeps everything.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=remove-samples]").await;
    app.wait_until_count("[data-testid=sample-to-remove]", 6).await;
    app.wait_text("[data-testid=samples-edited-warning]", "worked in one of them")
        .await;
    assert_eq!(
        app.count("[data-testid=sample-to-remove] .sample-chip").await,
        1,
        "the sample moved to framing is marked as edited"
    );
    app.click("[data-testid=remove-samples-dialog] [data-testid=confirm-cancel]")
        .await;
    app.wait_gone("[data-testid=remove-samples-dialog]").await;
    assert_eq!(app.count("[data-testid=project-row]").await, 6);

    // Confirmed, they go to the trash; Undo brings them all back.
    app.click("[data-testid=remove-samples]").await;
    app.click("[data-testid=remove-samples-dialog] [data-testid=confirm-ok]")
        .await;
    app.wait_for("[data-testid=welcome]").await;
    app.wait_text("[data-testid=toast]", "6 sample projects moved to the trash")
        .await;
    app.click("[data-testid=toast] [data-testid=toast-action]").await;
    app.wait_until_count("[data-testid=project-row]", 6).await;
    app.wait_for("[data-testid=samples-banner]").await;

    // Removed again, they wait in the trash, across a restart.
    app.click("[data-testid=remove-samples]").await;
    app.click("[data-testid=remove-samples-dialog] [data-testid=confirm-ok]")
        .await;
    app.wait_for("[data-testid=welcome]").await;
    let app = app.restart().await;
    app.wait_for("[data-testid=welcome]").await;
    app.click("[data-testid=nav-trash]").await;
    app.wait_until_count("[data-testid=trash-item]", 6).await;
    app.quit().await;
}
