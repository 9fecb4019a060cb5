//! The app around the portfolio: the storage screens, the language and
//! theme settings, the areas still to come, and accessibility.
#![cfg(feature = "e2e")]

mod support;

use support::vendors::compare_first_two;
use support::App;

#[tokio::test]
async fn a_database_held_by_another_process_gets_a_clear_screen_and_loses_nothing() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let app = App::launch_with_lang(data.path(), "en").await;
        app.click("[data-testid=welcome-new]").await;
        app.fill("[data-testid=field-title]", "Gardé en sécurité").await;
        app.click("[data-testid=save-project]").await;
        app.wait_text("[data-testid=project-title]", "Gardé en sécurité").await;
        app.quit().await;
    }

    // Another process holds the data directory (here: this test).
    let holder = support::hold_store(data.path());
    let app = App::launch_with_lang(data.path(), "en").await;
    app.wait_for("[data-testid=storage-error][data-code=storage_locked]")
        .await;
    app.wait_text("[data-testid=storage-error]", "Atelier is already open")
        .await;
    app.wait_text("[data-testid=storage-error] code", &data.path().display().to_string())
        .await;
    app.quit().await;
    drop(holder);

    let app = App::launch_with_lang(data.path(), "en").await;
    app.wait_text("[data-testid=project-card]", "Gardé en sécurité").await;
    app.quit().await;
}

#[tokio::test]
async fn a_damaged_database_gets_a_clear_screen_and_no_file_is_deleted() {
    let data = tempfile::tempdir().expect("temp dir");
    drop(atelier_app::Atelier::open(data.path()).expect("creates the store"));
    let conf = data.path().join("db").join("conf");
    std::fs::write(&conf, b"\x00\xffnot a sled file\xfe".repeat(32)).expect("scribble");

    let app = App::launch_with_lang(data.path(), "fr").await;
    app.wait_for("[data-testid=storage-error][data-code=storage_damaged]")
        .await;
    app.wait_text("[data-testid=storage-error]", "Rien n'a été supprimé")
        .await;
    app.quit().await;
    assert!(
        conf.exists() && data.path().join("db").join("db").exists(),
        "files kept"
    );
}

#[tokio::test]
async fn the_language_and_theme_chosen_in_settings_stick_across_a_restart() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    app.wait_text("[data-testid=nav-projects]", "Projects").await;

    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-fr]").await;
    app.wait_text("[data-testid=nav-projects]", "Projets").await;
    app.click("[data-testid=theme-dark]").await;
    app.wait_for("html[data-theme=dark]").await;

    let app = app.restart().await;
    app.wait_text("[data-testid=nav-projects]", "Projets").await;
    app.wait_for("html[data-theme=dark]").await;
    app.wait_text("[data-testid=welcome]", "Bienvenue").await;

    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-en]").await;
    app.click("[data-testid=theme-light]").await;
    app.wait_text("[data-testid=nav-projects]", "Projects").await;
    app.wait_for("html[data-theme=light]").await;
    app.quit().await;
}

/// Runs axe-core in the window and returns the serious or critical
/// violations as "rule: target" lines.
async fn serious_violations(app: &App) -> Vec<String> {
    let axe = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/ui/node_modules/axe-core/axe.min.js"
    ))
    .expect("axe-core is installed by npm ci");
    app.execute(&axe).await;
    let result = app
        .execute(
            "return axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations
               .filter(v => v.impact === 'serious' || v.impact === 'critical')
               .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' '))));",
        )
        .await;
    serde_json::from_value(result).expect("a list of strings")
}

#[tokio::test]
async fn the_main_screens_have_no_serious_accessibility_violation() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    let mut found = Vec::new();
    app.wait_for("[data-testid=welcome]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=load-samples]").await;
    app.wait_until_count("[data-testid=project-card]", 6).await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=view-list]").await;
    app.wait_until_count("[data-testid=project-row]", 6).await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=project-row] button.link").await;
    app.wait_for("[data-testid=project-title]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=tab-design]").await;
    app.select("[data-testid=new-artefact-kind]", "persona").await;
    app.click("[data-testid=add-artefact]").await;
    app.wait_for("[data-testid=artefact-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=tab-mix]").await;
    app.click("[data-testid=add-activity]").await;
    app.wait_for("[data-testid=activity-form]").await;
    found.extend(serious_violations(&app).await);
    app.fill("[data-testid=activity-title]", "Kick-off").await;
    app.fill("[data-testid=activity-duration]", "60").await;
    app.click("[data-testid=save-activity]").await;
    app.wait_for("[data-testid=mix-totals]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=tab-cycles]").await;
    app.click("[data-testid=add-cycle]").await;
    app.wait_for("[data-testid=cycle-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=tab-tasks]").await;
    app.click("[data-testid=add-task]").await;
    app.fill("[data-testid=task-title]", "Interviews").await;
    app.click("[data-testid=save-task]").await;
    app.wait_for("[data-testid=task-card]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=tab-overview]").await;
    app.click("[data-testid=edit-project]").await;
    app.wait_for("[data-testid=field-title]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=nav-people]").await;
    app.click("[data-testid=add-person]").await;
    app.wait_for("[data-testid=person-form]").await;
    app.click("[data-testid=save-person]").await;
    app.wait_for("[data-testid=person-error-name]").await;
    found.extend(serious_violations(&app).await);
    app.fill("[data-testid=person-name-input]", "Claire Martin").await;
    app.click("[data-testid=person-kind-sponsor]").await;
    app.click("[data-testid=save-person]").await;
    app.wait_for("[data-testid=person-page]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=nav-people]").await;
    app.wait_for("[data-testid=person-row]").await;
    found.extend(serious_violations(&app).await);
    // A project's coordination: the RACI with a person, the IT checklist
    // with an item open.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=project-row] button.link").await;
    app.click("[data-testid=tab-coordination]").await;
    let claire = app
        .attr("[data-testid=raci-add-person] option:nth-child(2)", "value")
        .await
        .expect("someone to add");
    app.select("[data-testid=raci-add-person]", &claire).await;
    app.wait_for("[data-testid=raci-grid]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=coordination-it]").await;
    app.click("[data-it-item='1'] [data-testid=it-edit]").await;
    app.wait_for("[data-testid=it-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=coordination-campaign]").await;
    app.click("[data-testid=add-message]").await;
    app.fill("[data-testid=message-subject]", "Launch").await;
    app.fill("[data-testid=message-audience]", "Everyone").await;
    app.fill("[data-testid=message-planned]", "2026-12-20").await;
    app.click("[data-testid=save-message]").await;
    app.wait_for("[data-testid=campaign-calendar]").await;
    app.click("[data-testid=edit-message]").await;
    app.wait_for("[data-testid=message-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-roster]").await;
    let someone = app
        .attr("[data-testid=roster-add] option:nth-child(2)", "value")
        .await
        .expect("someone to add");
    app.select("[data-testid=roster-add]", &someone).await;
    app.click("[data-testid=trainer-edit]").await;
    app.wait_for("[data-testid=trainer-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=handoff-package]").await;
    app.click("[data-testid=edit-package]").await;
    app.wait_for("[data-testid=package-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=handoff-evaluation]").await;
    app.click("[data-testid=add-indicator-learning]").await;
    app.wait_for("[data-testid=indicator-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=nav-settings]").await;
    app.wait_for("[data-testid=settings-page]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=add-vendor]").await;
    app.fill("[data-testid=vendor-name]", "Immersia").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=save-vendor]").await;
    app.click("[data-testid=add-journal-entry]").await;
    found.extend(serious_violations(&app).await);
    app.fill("[data-testid=entry-title]", "Demo").await;
    app.click("[data-testid=save-journal-entry]").await;
    app.click("[data-testid=edit-journal-entry]").await;
    app.wait_for("[data-testid=journal-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=add-vendor]").await;
    app.fill("[data-testid=vendor-name]", "Ludik").await;
    app.click("[data-testid=save-vendor]").await;
    app.wait_text("[data-testid=vendor-title]", "Ludik").await;
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;
    compare_first_two(&app).await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=nav-vendors]").await;
    app.wait_for("[data-testid=vendor-row]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=vendors-view-board]").await;
    app.wait_for("[data-testid=vendor-card]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=vendors-view-list]").await;
    app.click("[data-testid=vendor-row] button.link").await;
    app.wait_text("[data-testid=vendor-title]", "Immersia").await;
    app.click("[data-testid=edit-judgement]").await;
    app.click("[data-testid=engage-vendor]").await;
    app.wait_for("[data-testid=engagement-form]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=open-radar]").await;
    app.wait_for("[data-testid=radar-image]").await;
    app.click("[data-testid=add-theme]").await;
    found.extend(serious_violations(&app).await);
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=view-cards]").await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-vendors]").await;
    app.click("[data-testid=add-engagement]").await;
    app.wait_for("[data-testid=engagement-form]").await;
    found.extend(serious_violations(&app).await);
    app.quit().await;
    assert!(
        found.is_empty(),
        "serious accessibility violations:\n{}",
        found.join("\n")
    );
}
