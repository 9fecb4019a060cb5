//! The vendor watch in the real window: three vendors added (one refused
//! first for a bad e-mail), a demo logged, one moved to piloting with the
//! change dated in its journal, filters and the pipeline board, and all of
//! it after a restart.
#![cfg(feature = "e2e")]

mod support;

use support::{App, Key};

async fn add_vendor(app: &App, name: &str, vendor_type: &str, modalities: &[&str], contact: Option<(&str, &str)>) {
    app.click("[data-testid=add-vendor]").await;
    app.fill("[data-testid=vendor-name]", name).await;
    app.select("[data-testid=vendor-type]", vendor_type).await;
    app.fill("[data-testid=vendor-country]", "France").await;
    for m in modalities {
        app.click(&format!("[data-testid=vendor-modality-{m}]")).await;
    }
    if let Some((who, email)) = contact {
        app.click("[data-testid=add-contact]").await;
        app.fill("[data-testid=contact-name]", who).await;
        app.fill("[data-testid=contact-email]", email).await;
    }
    app.click("[data-testid=save-vendor]").await;
}

#[tokio::test]
async fn the_vendor_watch() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.click("[data-testid=nav-vendors]").await;
    app.wait_for("[data-testid=vendors-empty]").await;

    // A bad e-mail is refused next to the contacts, nothing saved.
    add_vendor(
        &app,
        "Immersia",
        "startup",
        &["ar_vr", "serious_game"],
        Some(("Léa Martin", "lea-chez-immersia")),
    )
    .await;
    app.wait_text("[data-testid=vendor-error-contacts]", "adresse e-mail")
        .await;
    app.fill("[data-testid=contact-email]", "lea@immersia.fr").await;
    app.click("[data-testid=save-vendor]").await;
    app.wait_text("[data-testid=vendor-title]", "Immersia").await;

    // A demo in the journal, Markdown shown formatted.
    app.click("[data-testid=add-journal-entry]").await;
    app.fill("[data-testid=entry-date]", "2026-11-20").await;
    app.select("[data-testid=entry-kind]", "demo").await;
    app.fill("[data-testid=entry-title]", "Démo du casque VR au salon")
        .await;
    app.fill(
        "[data-testid=entry-body]",
        "**Bluffant** pour la sécurité\n\n- coût à vérifier",
    )
    .await;
    app.click("[data-testid=save-journal-entry]").await;
    app.wait_text("[data-testid=journal-entry]", "Démo du casque VR au salon")
        .await;
    app.wait_text("[data-testid=entry-body-text] strong", "Bluffant").await;

    // Moved to piloting: the change is dated in the journal.
    app.select("[data-testid=vendor-stage]", "piloting").await;
    app.fill("[data-testid=vendor-stage-date]", "2026-11-25").await;
    app.click("[data-testid=change-stage]").await;
    app.wait_text("[data-testid=journal-entry]", "Repéré → En pilote").await;
    app.wait_text("[data-testid=journal-entry]", "25 nov. 2026").await;

    app.click("[data-testid=nav-vendors]").await;
    add_vendor(&app, "Académie Plus", "established", &["mooc", "spoc"], None).await;
    app.wait_text("[data-testid=vendor-title]", "Académie Plus").await;
    app.click("[data-testid=nav-vendors]").await;
    add_vendor(&app, "Ludik", "startup", &["serious_game"], None).await;
    app.wait_text("[data-testid=vendor-title]", "Ludik").await;

    // Filters run in Rust.
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;
    app.select("[data-testid=vendor-type-filter]", "startup").await;
    app.wait_until_count("[data-testid=vendor-row]", 2).await;
    app.select("[data-testid=vendor-modality-filter]", "ar_vr").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    app.select("[data-testid=vendor-type-filter]", "").await;
    app.select("[data-testid=vendor-modality-filter]", "").await;
    app.click("[data-testid=vendor-stage-piloting]").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    app.click("[data-testid=vendor-stage-piloting]").await;
    app.fill("[data-testid=vendor-search]", "academie").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    app.fill("[data-testid=vendor-search]", "").await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;

    // The pipeline board, moved with the keyboard.
    app.click("[data-testid=vendors-view-board]").await;
    app.wait_until_count("[data-testid=stage-column-spotted] [data-testid=vendor-card]", 2)
        .await;
    app.press_key(
        "[data-testid=stage-column-spotted] [data-testid=vendor-card]",
        Key::Right,
    )
    .await;
    app.wait_until_count("[data-testid=stage-column-contacted] [data-testid=vendor-card]", 1)
        .await;

    // Scorecards: score two vendors, compare them, change a weight.
    app.click("[data-testid=vendors-view-list]").await;
    for (row, scores) in [
        (1usize, [("pedagogy", "5"), ("price", "2")]),
        (2, [("pedagogy", "3"), ("price", "5")]),
    ] {
        app.click(&format!("[data-testid=vendor-row]:nth-child({row}) button.link"))
            .await;
        for (criterion, score) in scores {
            app.select(&format!("[data-testid=score-{criterion}]"), score).await;
        }
        app.click("[data-testid=save-scores]").await;
        app.wait_text("[data-testid=scorecard-total]", "/ 5").await;
        app.click("[data-testid=nav-vendors]").await;
    }
    app.wait_text(
        "[data-testid=vendor-row]:nth-child(1) [data-testid=vendor-score]",
        "3,80",
    )
    .await;
    app.click("[data-testid=vendor-row]:nth-child(1) [data-testid=select-vendor]")
        .await;
    app.click("[data-testid=vendor-row]:nth-child(2) [data-testid=select-vendor]")
        .await;
    app.click("[data-testid=compare-vendors]").await;
    app.wait_until_count("[data-testid=compare-total]", 2).await;
    app.wait_text("[data-testid=compare-total]:nth-child(2)", "3,80").await;
    app.wait_text("[data-testid=compare-total]:nth-child(3)", "3,80").await;
    app.select("[data-testid=weight-price]", "0").await;
    app.wait_text("[data-testid=compare-total]:nth-child(2)", "5,00").await;
    app.wait_text("[data-testid=compare-total]:nth-child(2)", "Meilleure note")
        .await;

    let app = app.restart().await;
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;
    app.click("[data-testid=vendor-row] button.link").await;
    app.wait_text("[data-testid=vendor-title]", "Académie Plus").await;
    app.wait_text("[data-testid=journal-entry]", "Repéré → Contacté").await;
    app.wait_text("[data-testid=scorecard-total]", "5,00 / 5").await;
    app.quit().await;
}
