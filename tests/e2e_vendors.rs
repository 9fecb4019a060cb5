//! The vendor watch in the real window: three vendors added (one refused
//! first for a bad e-mail), a demo logged, one moved to piloting with the
//! change dated in its journal, filters and the pipeline board, and all of
//! it after a restart; then judgements and the radar, two vendors engaged on
//! one project, the registry out to CSV and back, and deleting a vendor.
#![cfg(feature = "e2e")]

mod support;

use atelier_core::SaveOptions;
use support::vendors::{compare_first_two, engage, judge, open_vendor};
use support::{App, Key};

async fn add_vendor(app: &App, name: &str, vendor_type: &str, modalities: &[&str], website: &str) {
    app.click("[data-testid=add-vendor]").await;
    app.fill("[data-testid=vendor-name]", name).await;
    app.select("[data-testid=vendor-type]", vendor_type).await;
    app.fill("[data-testid=vendor-country]", "France").await;
    for m in modalities {
        app.click(&format!("[data-testid=vendor-modality-{m}]")).await;
    }
    app.fill("[data-testid=vendor-website]", website).await;
    app.click("[data-testid=save-vendor]").await;
}

#[tokio::test]
async fn the_vendor_watch() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.click("[data-testid=nav-vendors]").await;
    app.wait_for("[data-testid=vendors-empty]").await;

    // A bad website is refused next to its field, nothing saved.
    add_vendor(
        &app,
        "Immersia",
        "startup",
        &["ar_vr", "serious_game"],
        "immersia point fr",
    )
    .await;
    app.wait_text("[data-testid=vendor-error-website]", "adresse web").await;
    app.fill("[data-testid=vendor-website]", "immersia.fr").await;
    app.click("[data-testid=save-vendor]").await;
    app.wait_text("[data-testid=vendor-title]", "Immersia").await;

    // Its contact joins the directory from the vendor's page.
    app.click("[data-testid=add-vendor-person]").await;
    app.fill("[data-testid=person-name-input]", "Léa Martin").await;
    app.fill("[data-testid=person-email-input]", "lea@immersia.fr").await;
    app.click("[data-testid=save-person]").await;
    app.wait_text("[data-testid=person-page]", "Immersia").await;
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=vendor-row] button.link").await;
    app.wait_text("[data-testid=vendor-people]", "lea@immersia.fr").await;

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

    // Edited in place: a blank title is refused, nothing lost; then fixed.
    app.click("[data-testid=edit-journal-entry]").await;
    app.fill("[data-testid=entry-title]", " ").await;
    app.click("[data-testid=save-journal-entry]").await;
    app.wait_text("[data-testid=entry-error-title]", "obligatoire").await;
    app.fill("[data-testid=entry-title]", "Démo du casque VR (salon Learning Tech)")
        .await;
    app.click("[data-testid=save-journal-entry]").await;
    app.wait_text("[data-testid=journal-entry]", "Démo du casque VR (salon Learning Tech)")
        .await;
    app.wait_text("[data-testid=entry-body-text] strong", "Bluffant").await;
    // A note logged by mistake is deleted after a confirmation.
    app.click("[data-testid=add-journal-entry]").await;
    app.fill("[data-testid=entry-title]", "Note en double").await;
    app.click("[data-testid=save-journal-entry]").await;
    app.wait_until_count("[data-testid=journal-entry]", 2).await;
    app.click("[data-testid=journal-entry]:first-child [data-testid=delete-journal-entry]")
        .await;
    app.wait_text("[data-testid=confirm-dialog]", "Note en double").await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_until_count("[data-testid=journal-entry]", 1).await;

    // Moved to piloting: the change is dated in the journal.
    app.select("[data-testid=vendor-stage]", "piloting").await;
    app.fill("[data-testid=vendor-stage-date]", "2026-11-25").await;
    app.click("[data-testid=change-stage]").await;
    app.wait_text("[data-testid=journal-entry]", "Repéré → En pilote").await;
    app.wait_text("[data-testid=journal-entry]", "25 nov. 2026").await;

    app.click("[data-testid=nav-vendors]").await;
    add_vendor(&app, "Académie Plus", "established", &["mooc", "spoc"], "").await;
    app.wait_text("[data-testid=vendor-title]", "Académie Plus").await;
    app.click("[data-testid=nav-vendors]").await;
    add_vendor(&app, "Ludik", "startup", &["serious_game"], "").await;
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
    // What the journal says finds the vendor too.
    app.fill("[data-testid=vendor-search]", "learning tech bluffant").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    app.wait_text("[data-testid=vendor-row]", "Immersia").await;
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
    // …and with the mouse: Ludik dragged to "evaluating".
    app.drag_to(
        "[data-testid=stage-column-spotted] [data-testid=vendor-card]",
        "[data-testid=stage-column-evaluating]",
    )
    .await;
    app.wait_text("[data-testid=stage-column-evaluating]", "Ludik").await;
    app.wait_until_count("[data-testid=stage-column-spotted] [data-testid=vendor-card]", 0)
        .await;

    // Scorecards: score two vendors, compare them, change a weight.
    app.click("[data-testid=vendors-view-list]").await;
    for (row, scores) in [
        (1usize, [("pedagogy", "5"), ("price", "2")]),
        (2, [("pedagogy", "3"), ("price", "5")]),
    ] {
        app.click(&format!(
            "[data-testid=vendor-row][aria-rowindex=\"{}\"] button.link",
            row + 1
        ))
        .await;
        for (criterion, score) in scores {
            app.select(&format!("[data-testid=score-{criterion}]"), score).await;
        }
        app.click("[data-testid=save-scores]").await;
        app.wait_text("[data-testid=scorecard-total]", "/ 5").await;
        app.click("[data-testid=nav-vendors]").await;
    }
    app.wait_text(
        "[data-testid=vendor-row][aria-rowindex=\"2\"] [data-testid=vendor-score]",
        "3,80",
    )
    .await;
    compare_first_two(&app).await;
    app.wait_text("[data-testid=compare-total]:nth-child(2)", "3,80").await;
    // The leading score of each criterion is marked, computed in Rust.
    app.wait_until_count("[data-testid=compare-score-pedagogy][data-leads=true]", 1)
        .await;
    app.wait_text("[data-testid=compare-score-pedagogy][data-leads=true]", "5")
        .await;
    app.wait_text("[data-testid=compare-score-price][data-leads=true]", "5")
        .await;
    app.wait_text("[data-testid=compare-total]:nth-child(3)", "3,80").await;
    app.select("[data-testid=weight-price]", "0").await;
    app.wait_text("[data-testid=compare-total]:nth-child(2)", "5,00").await;
    app.wait_text("[data-testid=compare-total]:nth-child(2)", "Meilleure note")
        .await;

    // A minimum score, and the best first (totals with today's weights).
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;
    app.select("[data-testid=vendor-score-filter]", "400").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    app.wait_text("[data-testid=vendor-row] [data-testid=vendor-score]", "5,00")
        .await;
    app.select("[data-testid=vendor-score-filter]", "").await;
    app.select("[data-testid=vendor-sort]", "score").await;
    app.wait_text("[data-testid=vendor-row][aria-rowindex=\"4\"]", "Ludik")
        .await;
    app.wait_text(
        "[data-testid=vendor-row][aria-rowindex=\"2\"] [data-testid=vendor-score]",
        "5,00",
    )
    .await;

    let app = app.restart().await;
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;
    app.click("[data-testid=vendor-row] button.link").await;
    app.wait_text("[data-testid=vendor-title]", "Académie Plus").await;
    app.wait_text("[data-testid=journal-entry]", "Repéré → Contacté").await;
    app.wait_text("[data-testid=scorecard-total]", "5,00 / 5").await;
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=vendor-row][aria-rowindex=\"3\"] button.link")
        .await;
    app.wait_text("[data-testid=vendor-title]", "Immersia").await;
    app.wait_text(
        "[data-testid=journal-entry]:last-child",
        "Démo du casque VR (salon Learning Tech)",
    )
    .await;
    // The board shows each card's score.
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=vendors-view-board]").await;
    app.wait_text(
        "[data-testid=stage-column-contacted] [data-testid=vendor-card-score]",
        "5,00",
    )
    .await;
    app.quit().await;
}

/// Three vendors and a project already in the registry (typed in through
/// the first scenario; seeded here to keep this one about what follows).
fn seed(data: &std::path::Path) {
    use atelier_core::vendor::VendorType;
    use atelier_core::{Budget, Currency, Modality, ProjectDraft, VendorDraft};
    let app = atelier_app::Atelier::open(data).expect("opens");
    for (name, vendor_type, modalities) in [
        ("Immersia", VendorType::Startup, vec![Modality::ArVr]),
        (
            "Académie Plus",
            VendorType::Established,
            vec![Modality::Mooc, Modality::Spoc],
        ),
        ("Ludik", VendorType::Startup, vec![Modality::SeriousGame]),
    ] {
        app.create_vendor(VendorDraft {
            name: name.into(),
            vendor_type,
            modalities,
            website: String::new(),
            country: "France".into(),
            tags: vec![],
        })
        .expect("adds");
    }
    app.create_project(
        ProjectDraft {
            title: "Accueil des nouveaux managers".into(),
            budget: Budget {
                currency: Currency::eur(),
                planned_cents: Some(1_800_000),
                actual_cents: None,
            },
            ..Default::default()
        },
        &SaveOptions::default(),
    )
    .expect("creates");
}

#[tokio::test]
async fn radar_engagements_and_csv() {
    let data = tempfile::tempdir().expect("temp dir");
    seed(data.path());
    let app = App::launch_with_lang(data.path(), "fr").await;

    // Buzz or trend: a count that is not one is refused next to its field.
    open_vendor(&app, "Immersia").await;
    judge(&app, "peak", "deux", "0", "none").await;
    app.wait_text("[data-testid=judgement]", "nombre entier").await;
    app.fill("[data-testid=judgement-pilots]", "0").await;
    app.click("[data-testid=save-judgement]").await;
    app.wait_text("[data-testid=assessment-verdict]", "Buzz").await;
    app.wait_text("[data-testid=assessment-ring]", "Attendre").await;
    open_vendor(&app, "Académie Plus").await;
    judge(&app, "plateau", "3", "4", "growing").await;
    app.wait_text("[data-testid=assessment-verdict]", "Tendance").await;
    app.wait_text("[data-testid=assessment-ring]", "Adopter").await;

    // Side by side, each with its verdict.
    app.click("[data-testid=nav-vendors]").await;
    app.fill("[data-testid=vendor-search]", "").await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;
    app.wait_text(
        "[data-testid=vendor-row][aria-rowindex=\"2\"] [data-testid=vendor-verdict]",
        "Tendance",
    )
    .await;
    app.wait_text(
        "[data-testid=vendor-row][aria-rowindex=\"3\"] [data-testid=vendor-verdict]",
        "Buzz",
    )
    .await;
    compare_first_two(&app).await;
    app.wait_text("[data-testid=compare-assessment]:nth-child(3)", "Tendance")
        .await;
    app.wait_text("[data-testid=compare-assessment]:nth-child(4)", "Buzz")
        .await;

    // The radar: two vendors, one not judged yet, a theme added, saved as SVG.
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=open-radar]").await;
    app.wait_until_count("[data-testid=radar-point]", 2).await;
    app.wait_text("[data-testid=radar-notice]", "1 prestataire n'est pas encore jugé")
        .await;
    app.wait_for("[data-testid=radar-point][data-ring=adopt]").await;
    app.click("[data-testid=add-theme]").await;
    app.fill("[data-testid=theme-name]", "Tuteurs IA génératifs").await;
    app.select("[data-testid=theme-family]", "online").await;
    app.select("[data-testid=theme-hype]", "peak").await;
    app.click("[data-testid=save-theme]").await;
    app.wait_until_count("[data-testid=radar-point]", 3).await;
    app.wait_text("[data-testid=theme-row]", "Tuteurs IA génératifs").await;
    app.click("[data-testid=save-radar]").await;
    app.wait_text("[data-testid=toast]:last-child", "Radar enregistré")
        .await;
    let saved: Vec<_> = std::fs::read_dir(app.files_dir())
        .expect("files folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".svg"))
        .collect();
    assert_eq!(saved.len(), 1, "one radar saved");
    let svg = std::fs::read_to_string(saved[0].path()).expect("reads the svg");
    assert!(svg.contains("<svg") && svg.contains("Tuteurs IA génératifs") && svg.contains("Adopter"));

    // Two vendors engaged on one project, a bad amount refused first.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_text("[data-testid=project-title]", "Accueil des nouveaux managers")
        .await;
    app.click("[data-testid=tab-vendors]").await;
    engage(&app, "Immersia", "Module de réalité virtuelle", "beaucoup", "signed").await;
    app.wait_text("[data-testid=engagement-error-amount]", "montant").await;
    app.fill("[data-testid=engagement-amount]", "12 500").await;
    app.click("[data-testid=save-engagement]").await;
    app.wait_until_count("[data-testid=engagement]", 1).await;
    // Set against the planned 18 000 €: within the plan, then over it.
    app.wait_for("[data-testid=engagement-budget][data-over=false]").await;
    app.wait_text("[data-testid=engagement-budget]", "(69\u{a0}%)").await;
    app.wait_text("[data-testid=engagement-budget]", "Il reste 5\u{202f}500\u{a0}€")
        .await;
    assert!(
        !app.exists("[data-testid=engagement-budget-draft]").await,
        "a signed contract is no draft"
    );
    engage(&app, "Académie Plus", "Hébergement du MOOC", "8 000", "draft").await;
    // Beyond the plan, the form asks before saving.
    app.wait_text(
        "[data-testid=caution-over_committed]",
        "dépassent le budget prévu de 2\u{202f}500\u{a0}€",
    )
    .await;
    app.click("[data-testid=caution-confirm]").await;
    app.wait_until_count("[data-testid=engagement]", 2).await;
    app.wait_text("[data-testid=engagement-totals]", "20\u{202f}500\u{a0}€")
        .await;
    app.wait_for("[data-testid=engagement-budget][data-over=true]").await;
    app.wait_text(
        "[data-testid=engagement-budget]",
        "dont 8\u{202f}000\u{a0}€ encore en brouillon",
    )
    .await;
    app.wait_text(
        "[data-testid=engagement-budget]",
        "dépassent le budget prévu de 2\u{202f}500\u{a0}€",
    )
    .await;
    app.wait_text("[data-testid=engagement-totals]", "2 prestataires engagés")
        .await;
    // The signed contract goes with the program in its hand-off package;
    // the draft stays behind.
    app.click("[data-testid=tab-handoff]").await;
    app.wait_until_count("[data-testid=contract-row]", 1).await;
    app.wait_text("[data-testid=carried-contracts]", "Module de réalité virtuelle")
        .await;
    app.wait_text("[data-testid=carried-contracts]", "12\u{202f}500\u{a0}€")
        .await;
    app.click("[data-testid=tab-vendors]").await;
    app.click("[data-testid=engagement-vendor-name]").await;
    app.wait_text("[data-testid=vendor-engagements]", "Accueil des nouveaux managers")
        .await;

    // The registry to CSV and back. A file that cannot be written (a folder
    // stands where it should go) gets a clear message; then it is written.
    let blocker = app.files_dir().join("prestataires.csv");
    std::fs::create_dir(&blocker).expect("a folder in the way");
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=export-vendors]").await;
    app.wait_text("[data-testid=toast]:last-child", "n'a pas pu utiliser le fichier")
        .await;
    app.wait_text("[data-testid=toast]:last-child", "prestataires.csv\u{a0}»")
        .await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;
    std::fs::remove_dir(&blocker).expect("the folder removed");
    app.click("[data-testid=export-vendors]").await;
    app.wait_text("[data-testid=toast]:last-child", "3 prestataires exportés")
        .await;
    let exported = std::fs::read(app.files_dir().join("prestataires.csv")).expect("the export");
    assert!(
        exported.starts_with(b"\xEF\xBB\xBF"),
        "a BOM so Excel reads the accents"
    );
    let text = String::from_utf8(exported[3..].to_vec()).expect("UTF-8");
    assert!(text.contains("Académie Plus") && text.starts_with("id;name;"));

    let columns = text.lines().next().expect("header").split(';').count();
    let new_row = |vendor_type: &str, stage: &str, modality: &str| {
        format!(
            ";Classe Nomade;{vendor_type};{stage};{modality}{}\r\n",
            ";".repeat(columns - 5)
        )
    };
    let import = app.files_dir().join("import.csv");
    std::fs::write(
        &import,
        format!("{text}{}", new_row("startupp", "contacted", "virtual_class")),
    )
    .expect("writes");
    app.click("[data-testid=import-vendors]").await;
    app.wait_text("[data-testid=import-error]", "Ligne 5").await;
    app.wait_text("[data-testid=import-error]", "startupp").await;
    app.wait_text("[data-testid=import-error]", "Rien n'a été importé")
        .await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;

    // Values typed the way the app shows them, in French, are understood.
    std::fs::write(
        &import,
        format!("{text}{}", new_row("Acteur confirmé", "en pilote", "Classe virtuelle")),
    )
    .expect("writes");
    app.click("[data-testid=import-vendors]").await;
    app.wait_text(
        "[data-testid=toast]:last-child",
        "ajoutés\u{a0}: 1 · mis à jour\u{a0}: 3",
    )
    .await;
    app.wait_until_count("[data-testid=vendor-row]", 4).await;
    app.wait_gone("[data-testid=import-error]").await;
    app.fill("[data-testid=vendor-search]", "Nomade").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    app.click("[data-testid=vendor-row] button.link").await;
    app.wait_text("[data-testid=vendor-title]", "Classe Nomade").await;
    app.wait_text("[data-testid=vendor-page] .badges", "En pilote").await;
    app.wait_text("[data-testid=vendor-page] .badges", "Acteur confirmé")
        .await;
    app.wait_text("[data-testid=vendor-page]", "Classe virtuelle").await;
    app.click("[data-testid=nav-vendors]").await;

    // A vendor engaged on a project cannot be deleted; a free one can.
    for (name, deleted) in [("Immersia", false), ("Ludik", true)] {
        app.fill("[data-testid=vendor-search]", name).await;
        app.wait_until_count("[data-testid=vendor-row]", 1).await;
        app.click("[data-testid=vendor-row] button.link").await;
        app.wait_text("[data-testid=vendor-title]", name).await;
        app.click("[data-testid=delete-vendor]").await;
        app.click("[data-testid=confirm-ok]").await;
        if deleted {
            app.wait_text("[data-testid=toast]:last-child", "Ludik supprimé").await;
            app.wait_for("[data-testid=vendors-page]").await;
        } else {
            app.wait_text("[data-testid=toast]:last-child", "Encore engagé sur des projets (1)")
                .await;
            app.wait_text("[data-testid=vendor-title]", name).await;
            app.click("[data-testid=nav-vendors]").await;
        }
    }
    app.wait_until_count("[data-testid=vendor-row]", 3).await;

    // All of it after a restart.
    let app = app.restart().await;
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 3).await;
    app.wait_text("[data-testid=vendors-list]", "Classe Nomade").await;
    app.click("[data-testid=open-radar]").await;
    app.wait_until_count("[data-testid=radar-point]", 3).await;
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-vendors]").await;
    app.wait_until_count("[data-testid=engagement]", 2).await;
    app.wait_text("[data-testid=engagement-status-badge]", "Signé").await;
    app.quit().await;
}
