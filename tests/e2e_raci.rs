//! A project's RACI in the real window, in French: two people of the
//! directory added to the matrix, letters set with the keyboard and by
//! clicking, a row with two Accountables flagged, everything kept after a
//! restart, shown on the person's page and in the load across projects.
#![cfg(feature = "e2e")]

mod support;

use support::{App, Key};

#[tokio::test]
async fn a_dlm_fills_a_raci_and_is_warned_about_two_accountables() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.add_person("Claire Martin").await;
    app.add_person("Éric Dupont").await;
    app.new_project("Accueil des alternants").await;

    app.click("[data-testid=tab-coordination]").await;
    app.wait_for("[data-testid=raci-empty]").await;
    for _ in 0..2 {
        let first = app
            .attr("[data-testid=raci-add-person] option:nth-child(2)", "value")
            .await
            .expect("someone to add");
        app.select("[data-testid=raci-add-person]", &first).await;
    }
    app.wait_until_count("[data-testid=raci-grid] th.person", 2).await;
    app.wait_text("[data-testid=raci-flagged]", "10 activités à revoir")
        .await;

    // Framing: Claire approves (A, typed), Éric does it (click turns to R).
    app.type_keys("[data-cell='0:0']", "a").await;
    app.wait_for("[data-cell='0:0'][data-role=accountable]").await;
    app.press_key("[data-cell='0:0']", Key::Right).await;
    app.wait_js("document.activeElement?.dataset.cell === '0:1'").await;
    app.click("[data-cell='0:1']").await;
    app.wait_for("[data-cell='0:1'][data-role=responsible]").await;
    app.wait_until_count("[data-testid=raci-row][data-issue]", 9).await;

    // Learner research: both approve — flagged.
    app.type_keys("[data-cell='1:0']", "a").await;
    app.type_keys("[data-cell='1:1']", "A").await;
    app.wait_text(
        "[data-testid=raci-row]:nth-child(2) [data-testid=raci-issue]",
        "Plusieurs A",
    )
    .await;

    // A Delete clears a letter.
    app.press_key("[data-cell='1:1']", Key::Delete).await;
    app.wait_text(
        "[data-testid=raci-row]:nth-child(2) [data-testid=raci-issue]",
        "Personne ne le réalise",
    )
    .await;
    app.type_keys("[data-cell='1:1']", "a").await;
    app.wait_text(
        "[data-testid=raci-row]:nth-child(2) [data-testid=raci-issue]",
        "Plusieurs A",
    )
    .await;

    // Everything is there after a restart, on the person's page and in the load.
    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-coordination]").await;
    app.wait_for("[data-cell='0:0'][data-role=accountable]").await;
    app.wait_text(
        "[data-testid=raci-row]:nth-child(2) [data-testid=raci-issue]",
        "Plusieurs A",
    )
    .await;
    app.click("[data-testid=nav-people]").await;
    app.wait_until_count("[data-testid=raci-load-row]", 2).await;
    let load = app.text("[data-testid=raci-load]").await;
    assert!(load.contains("Claire Martin"), "{load}");
    app.click("[data-testid=raci-load-row]:first-child button.link").await;
    app.wait_text("[data-testid=person-raci]", "Accueil des alternants")
        .await;
    app.quit().await;
}
