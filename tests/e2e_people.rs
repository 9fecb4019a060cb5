//! The people directory in the real window: a DLM adds people in French
//! (a bad e-mail refused next to its field, nothing saved), one from a
//! vendor's page, is asked before adding someone whose e-mail is already
//! there and opens that person instead, filters the directory, and finds
//! everyone after a restart; a sponsor picked from the directory, an owner
//! added to it, and someone named somewhere replaced before leaving it.
#![cfg(feature = "e2e")]

mod support;

use support::App;

/// Fills the person form's main fields and saves.
async fn add_person(app: &App, name: &str, department: &str, kind: &str, email: &str) {
    app.fill("[data-testid=person-name-input]", name).await;
    app.select("[data-testid=person-where]", "department").await;
    app.fill("[data-testid=person-department]", department).await;
    app.click(&format!("[data-testid=person-kind-{kind}]")).await;
    app.fill("[data-testid=person-email-input]", email).await;
    app.click("[data-testid=save-person]").await;
}

#[tokio::test]
async fn a_dlm_builds_the_directory() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.click("[data-testid=nav-people]").await;
    app.wait_text("[data-testid=people-empty]", "annuaire").await;

    // A bad e-mail is refused next to its field; nothing is saved.
    app.click("[data-testid=add-person]").await;
    add_person(&app, "Éric Dupont", "DSI", "it", "eric.dupont@").await;
    app.wait_text("[data-testid=person-error-email]", "adresse e-mail")
        .await;
    assert_eq!(
        app.value("[data-testid=person-name-input]").await,
        "Éric Dupont",
        "what was typed stays"
    );
    app.fill("[data-testid=person-email-input]", "eric.dupont@groupe.fr")
        .await;
    app.fill("[data-testid=person-job-title]", "Responsable SSO").await;
    app.click("[data-testid=save-person]").await;
    app.wait_text("[data-testid=person-name]", "Éric Dupont").await;
    app.wait_text("[data-testid=person-email]", "eric.dupont@groupe.fr")
        .await;

    // The sponsor, in another department.
    app.click("[data-testid=nav-people]").await;
    app.click("[data-testid=add-person]").await;
    add_person(&app, "Claire Martin", "RH", "sponsor", "claire.martin@groupe.fr").await;
    app.wait_text("[data-testid=person-name]", "Claire Martin").await;

    // Someone with Claire's e-mail: asked first, and Claire opened instead.
    app.click("[data-testid=nav-people]").await;
    app.click("[data-testid=add-person]").await;
    add_person(&app, "C. Martin", "RH", "manager", "Claire.Martin@groupe.fr").await;
    app.wait_text("[data-testid=caution-same_email]", "adresse e-mail")
        .await;
    app.click("[data-testid=caution-aside]").await;
    app.wait_text("[data-testid=person-name]", "Claire Martin").await;

    // A person added from a vendor's page works for that vendor.
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=add-vendor]").await;
    app.fill("[data-testid=vendor-name]", "Immersia").await;
    app.click("[data-testid=save-vendor]").await;
    app.wait_text("[data-testid=vendor-title]", "Immersia").await;
    app.click("[data-testid=add-vendor-person]").await;
    assert_eq!(app.value("[data-testid=person-where]").await, "vendor");
    app.fill("[data-testid=person-name-input]", "Ana Lopes").await;
    app.click("[data-testid=save-person]").await;
    app.wait_text("[data-testid=person-page]", "Immersia").await;

    // The directory, filtered in Rust.
    app.click("[data-testid=nav-people]").await;
    app.wait_until_count("[data-testid=person-row]", 3).await;
    app.select("[data-testid=people-kind-filter]", "it").await;
    app.wait_until_count("[data-testid=person-row]", 1).await;
    app.wait_text("[data-testid=people-list]", "Éric Dupont").await;
    app.select("[data-testid=people-kind-filter]", "").await;
    let immersia = app
        .attr(
            "[data-testid=people-organisation-filter] optgroup:last-child option",
            "value",
        )
        .await
        .expect("the vendor among the organisations");
    app.select("[data-testid=people-organisation-filter]", &immersia).await;
    app.wait_until_count("[data-testid=person-row]", 1).await;
    app.wait_text("[data-testid=people-list]", "Ana Lopes").await;
    app.select("[data-testid=people-organisation-filter]", "d:DSI").await;
    app.wait_text("[data-testid=people-list]", "Éric Dupont").await;
    app.select("[data-testid=people-organisation-filter]", "").await;
    app.fill("[data-testid=people-search]", "sso").await;
    app.wait_until_count("[data-testid=person-row]", 1).await;

    // Everything is still there after a restart.
    let app = app.restart().await;
    app.click("[data-testid=nav-people]").await;
    app.wait_until_count("[data-testid=person-row]", 3).await;
    let list = app.text("[data-testid=people-list]").await;
    for who in ["Ana Lopes", "Claire Martin", "Éric Dupont", "Immersia", "DSI"] {
        assert!(list.contains(who), "{who} missing from {list}");
    }
    app.quit().await;
}

#[tokio::test]
async fn an_older_database_opens_with_its_vendor_contacts_as_people() {
    // The database of an Atelier from before the directory (schema 3),
    // whose vendor Immersia had Léa Martin as a contact.
    let data = tempfile::tempdir().expect("temp dir");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/crates/store/tests/fixtures/v3/every-kind.atelier-backup");
    let backup = atelier_store::backup::read(&fixture)
        .expect("reads")
        .expect("a whole backup");
    atelier_store::backup::build_database(&data.path().join("db"), &backup.records).expect("builds");

    let app = App::launch_with_lang(data.path(), "fr").await;
    app.click("[data-testid=nav-people]").await;
    app.wait_until_count("[data-testid=person-row]", 1).await;
    let list = app.text("[data-testid=people-list]").await;
    for what in [
        "Léa Martin",
        "Directrice commerciale",
        "Immersia",
        "Contact prestataire",
        "lea@immersia.example",
    ] {
        assert!(list.contains(what), "{what} missing from {list}");
    }
    app.click("[data-testid=person-row] button.link").await;
    app.wait_text("[data-testid=person-email]", "lea@immersia.example")
        .await;

    // The vendor lists her; the data as it was is kept in a backup.
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=vendor-row] button.link[title=\"Immersia\"]")
        .await;
    app.wait_text("[data-testid=vendor-people]", "Léa Martin").await;
    app.click("[data-testid=nav-settings]").await;
    app.wait_for("[data-testid=backup][data-origin=before_migration]").await;
    app.quit().await;
}

#[tokio::test]
async fn a_sponsor_is_picked_from_the_directory_and_an_owner_added_to_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.click("[data-testid=nav-people]").await;
    app.click("[data-testid=add-person]").await;
    add_person(&app, "Claire Martin", "RH", "sponsor", "claire.martin@groupe.fr").await;
    app.wait_text("[data-testid=person-name]", "Claire Martin").await;

    // The sponsor: a name of the directory, picked as typed.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", "Accueil des alternants").await;
    app.fill("[data-testid=field-sponsor]", "Claire Martin").await;
    app.wait_for("[data-testid=field-sponsor-linked]").await;
    app.click("[data-testid=save-project]").await;
    app.wait_text("[data-testid=project-sponsor]", "Claire Martin").await;

    // A task's owner typed, then added to the directory from the form.
    app.click("[data-testid=tab-tasks]").await;
    app.click("[data-testid=add-task]").await;
    app.fill("[data-testid=task-title]", "Réserver les salles").await;
    app.fill("[data-testid=task-owner]", "Karim Benali").await;
    app.click("[data-testid=task-owner-add]").await;
    app.wait_for("[data-testid=task-owner-linked]").await;
    app.click("[data-testid=save-task]").await;
    app.wait_text("[data-testid=task-card-owner]", "Karim Benali").await;

    // Claire's page says where she is named; removing her asks who takes
    // over, and refuses to go on without someone.
    app.click("[data-testid=tab-overview]").await;
    app.click("[data-testid=project-sponsor] button.link").await;
    app.wait_text("[data-testid=person-sponsor-of]", "Accueil des alternants")
        .await;
    app.click("[data-testid=delete-person]").await;
    app.wait_text("[data-testid=replace-dialog]", "nommé·e à un endroit")
        .await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_text("[data-testid=replace-error]", "Choisissez qui").await;
    app.click("[data-testid=confirm-cancel]").await;
    app.wait_gone("[data-testid=replace-dialog]").await;

    // After a restart, Karim is in the directory with his task; he takes
    // over from Claire, who leaves the directory.
    let app = app.restart().await;
    app.click("[data-testid=nav-people]").await;
    app.wait_until_count("[data-testid=person-row]", 2).await;
    app.click("[data-testid=person-row] button.link[title=\"Karim Benali\"]")
        .await;
    app.wait_text("[data-testid=person-task]", "Réserver les salles").await;
    app.click("[data-testid=nav-people]").await;
    app.click("[data-testid=person-row] button.link[title=\"Claire Martin\"]")
        .await;
    app.wait_text("[data-testid=person-name]", "Claire Martin").await;
    app.click("[data-testid=delete-person]").await;
    let karim = app
        .attr("[data-testid=replace-by] option:nth-child(2)", "value")
        .await
        .expect("Karim to choose");
    app.select("[data-testid=replace-by]", &karim).await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_text("[data-testid=person-name]", "Karim Benali").await;
    app.wait_text("[data-testid=person-sponsor-of]", "Accueil des alternants")
        .await;
    app.click("[data-testid=nav-people]").await;
    app.wait_until_count("[data-testid=person-row]", 1).await;
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_text("[data-testid=project-sponsor]", "Karim Benali").await;
    app.quit().await;
}
