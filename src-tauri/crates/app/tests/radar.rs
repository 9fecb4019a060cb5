//! Buzz or trend through the app API: vendors and themes judged, placed on
//! the radar, drawn and saved as SVG.

mod common;

use atelier_app::RadarLabels;
use atelier_app::{AppError, Atelier};
use atelier_core::radar::{Adoption, Family, HypeStage, Judgement, RadarItemKind, Ring, Verdict};
use atelier_core::theme::RadarThemeDraft;
use atelier_core::vendor::{VendorQuery, VendorType};
use atelier_core::{Modality, Rule};

fn judgement(hype: HypeStage, pilots: u16, references: u16, adoption: Adoption) -> Judgement {
    Judgement {
        hype,
        pilots,
        references,
        adoption,
        evidence: "  Pilote **réussi**  ".into(),
    }
}

fn labels() -> RadarLabels {
    let w = |s: &str| s.to_owned();
    RadarLabels {
        title: w("Radar des technologies"),
        adopt: w("Adopter"),
        trial: w("Expérimenter"),
        assess: w("Évaluer"),
        hold: w("Attendre"),
        online: w("En ligne"),
        live: w("Synchrone"),
        immersive: w("Immersif"),
        social: w("Social"),
        buzz: w("Buzz"),
        trend: w("Tendance"),
        too_early: w("Trop tôt"),
        vendor: w("Prestataire"),
        theme: w("Thème"),
    }
}

#[test]
fn judged_vendors_and_themes_are_placed_drawn_and_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let vr = common::vendor(&app, "Immersia", VendorType::Startup, vec![Modality::ArVr]);
    let mooc = common::vendor(&app, "Académie Plus", VendorType::Startup, vec![Modality::Mooc]);
    let bare = common::vendor(&app, "Sans modalité", VendorType::Startup, vec![]);
    common::vendor(&app, "Pas encore jugé", VendorType::Startup, vec![Modality::Mooc]);

    let detail = app
        .judge_vendor(vr, Some(judgement(HypeStage::Peak, 0, 0, Adoption::None)))
        .expect("judges");
    let a = detail.assessment.expect("assessed");
    assert_eq!((a.ring, a.verdict), (Ring::Hold, Verdict::Buzz));
    assert_eq!(
        detail.vendor.judgement.expect("kept").evidence,
        "Pilote **réussi**",
        "normalised"
    );
    let listed = app.list_vendors(&VendorQuery::default()).expect("lists").rows;
    let verdicts: Vec<(&str, Option<Verdict>)> = listed
        .iter()
        .map(|r| (r.vendor.fields.name.as_str(), r.assessment.map(|a| a.verdict)))
        .collect();
    assert!(
        verdicts.contains(&("Immersia", Some(Verdict::Buzz))),
        "the registry shows the verdict"
    );
    assert!(verdicts.contains(&("Pas encore jugé", None)));
    app.judge_vendor(mooc, Some(judgement(HypeStage::Plateau, 3, 4, Adoption::Growing)))
        .expect("judges");
    app.judge_vendor(bare, Some(judgement(HypeStage::Trigger, 1, 0, Adoption::Early)))
        .expect("judges");
    app.create_theme(RadarThemeDraft {
        name: "Tuteurs IA génératifs".into(),
        family: Family::Online,
        judgement: judgement(HypeStage::Peak, 1, 1, Adoption::Early),
    })
    .expect("adds");

    let view = app.radar(&labels()).expect("radar");
    let placed: Vec<(&str, RadarItemKind, Ring)> =
        view.points.iter().map(|p| (p.label.as_str(), p.kind, p.ring)).collect();
    assert_eq!(
        placed,
        [
            ("Académie Plus", RadarItemKind::Vendor, Ring::Adopt),
            ("Tuteurs IA génératifs", RadarItemKind::Theme, Ring::Assess),
            ("Immersia", RadarItemKind::Vendor, Ring::Hold),
        ]
    );
    assert_eq!(view.without_modality, ["Sans modalité"]);
    assert_eq!(view.unjudged, 1);
    assert!(view.svg.starts_with("<?xml") || view.svg.starts_with("<svg"));
    assert!(view.svg.contains("Tuteurs IA génératifs"));

    let file = dir.path().join("radar.svg");
    app.save_radar(&labels(), &file).expect("saves");
    assert_eq!(std::fs::read_to_string(&file).expect("reads"), view.svg);

    let themes = app.list_themes().expect("lists");
    assert_eq!(themes[0].assessment.verdict, Verdict::Buzz);
    assert!(matches!(
        app.judge_vendor(vr, Some(judgement(HypeStage::Peak, 1000, 0, Adoption::None))),
        Err(AppError::Validation(ref e)) if e[0].rule == Rule::TooLarge
    ));
    app.judge_vendor(vr, None).expect("clears");
    assert_eq!(app.radar(&labels()).expect("radar").points.len(), 2);
}

#[test]
fn a_theme_needs_a_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let refused = app.create_theme(RadarThemeDraft {
        name: "  ".into(),
        family: Family::Social,
        judgement: Judgement::default(),
    });
    assert!(matches!(refused, Err(AppError::Validation(ref e)) if e[0].field == "name"));
    assert!(app.list_themes().expect("lists").is_empty());
}
