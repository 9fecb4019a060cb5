//! A project's evaluation through the app API: indicators on the four
//! levels with results, Phillips' benefits and fully loaded costs (the
//! vendors' contracts taken from the engagements), the ROI, bad input
//! refused whole, everything kept across a reopen, an owner named on
//! their page.

mod common;

use atelier_app::{AppError, Atelier};
use atelier_core::engagement::{ContractStatus, EngagementDraft};
use atelier_core::evaluation::{
    BenefitDraft, CostDraft, CostKind, EvaluationLine, IndicatorDraft, KirkLevel, ParticipantsTime,
};
use atelier_core::person::PersonRef;
use atelier_core::vendor::VendorType;
use atelier_core::{Currency, PersonDraft, Rule, SaveOptions};

fn rules(e: AppError) -> Vec<(String, Rule)> {
    match e {
        AppError::Validation(errors) => errors.into_iter().map(|e| (e.field, e.rule)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_plan_gives_its_levels_and_its_roi_and_is_kept() {
    let (dir, app, p) = common::open_with_project();
    let save = SaveOptions::default();
    let fresh = app.get_evaluation(p).expect("reads");
    assert!(fresh.roi.is_none(), "no cost yet, no ROI");
    assert_eq!(fresh.levels.len(), 4);

    let vendor = common::vendor(&app, "Immersia", VendorType::Startup, vec![]);
    app.create_engagement(
        p,
        EngagementDraft {
            vendor,
            scope: "Modules".into(),
            deliverables: vec![],
            currency: Currency::default(),
            amount_cents: Some(1_000_000),
            start: None,
            end: None,
            status: ContractStatus::Signed,
        },
        &SaveOptions::confirmed(),
    )
    .expect("engages");

    // Bad input is refused whole: nothing saved.
    let refused = app
        .save_benefit(
            p,
            None,
            BenefitDraft {
                label: String::new(),
                amount_cents: -1,
                isolation_pct: 120,
                confidence_pct: 80,
            },
            &save,
        )
        .expect_err("refused");
    assert_eq!(
        rules(refused),
        [
            ("label".to_owned(), Rule::Required),
            ("amount".to_owned(), Rule::Negative),
            ("isolation".to_owned(), Rule::PercentOutOfRange)
        ]
    );
    assert!(app.get_evaluation(p).expect("reads").evaluation.benefits.is_empty());

    // 60 000 € a year, half of it the training's, trusted at 80 %: 24 000 €.
    app.save_benefit(
        p,
        None,
        BenefitDraft {
            label: "Moins d'accidents".into(),
            amount_cents: 6_000_000,
            isolation_pct: 50,
            confidence_pct: 80,
        },
        &save,
    )
    .expect("adds");
    app.save_cost(
        p,
        None,
        CostDraft {
            kind: CostKind::Design,
            label: "Conception interne".into(),
            amount_cents: 200_000,
        },
        &save,
    )
    .expect("adds");
    // 20 people × one day × 400 € = 8 000 €.
    let view = app
        .save_evaluation_summary(
            p,
            ParticipantsTime {
                participants: 20,
                days_hundredths: 100,
                day_rate_cents: 40_000,
            },
            "Objectif dépassé".into(),
            &save,
        )
        .expect("sets");
    assert_eq!(view.vendors_cents, 1_000_000, "from the engagements");
    let roi = view.roi.expect("costs");
    // Costs 2 000 + 8 000 + 10 000 = 20 000 €; net 4 000 €: ROI 20 %, BCR 1.2.
    assert_eq!((roi.benefits_cents, roi.costs_cents), (2_400_000, 2_000_000));
    assert_eq!((roi.roi_tenths, roi.bcr_hundredths), (200, 120));

    let sat = app
        .save_indicator(
            p,
            None,
            IndicatorDraft {
                level: KirkLevel::Reaction,
                name: "Satisfaction".into(),
                unit: "/5".into(),
                target_hundredths: Some(400),
                result_hundredths: Some(440),
                ..IndicatorDraft::default()
            },
            &save,
        )
        .expect("adds");
    assert_eq!(sat.indicators[0].attainment, Some(110));
    assert_eq!(sat.levels[0].attainment, Some(110));
    // The design workspace shows it beside the pilot's decisions.
    let pilot = app.get_design(p, None).expect("reads").pilot_results;
    assert_eq!(pilot.len(), 1);
    assert_eq!(
        (pilot[0].indicator.fields.name.as_str(), pilot[0].attainment),
        ("Satisfaction", Some(110))
    );
    drop(app);

    let app = Atelier::open(dir.path()).expect("reopens");
    let view = app.get_evaluation(p).expect("reads");
    assert_eq!(view.evaluation.verdict, "Objectif dépassé");
    assert_eq!(view.roi.expect("costs").roi_tenths, 200);
    let cost = view.evaluation.costs[0].id;
    let after = app
        .remove_evaluation_line(p, EvaluationLine::Cost, cost)
        .expect("removes");
    assert_eq!(after.roi.expect("costs").costs_cents, 1_800_000);
}

#[test]
fn an_indicator_owner_is_named_on_their_page_and_handed_over() {
    let (_dir, app, p) = common::open_with_project();
    let person = |name: &str| {
        app.create_person(
            PersonDraft {
                name: name.into(),
                ..PersonDraft::default()
            },
            &SaveOptions::default(),
        )
        .expect("adds")
        .id
    };
    let (karim, lea) = (person("Karim Benali"), person("Léa Martin"));
    let view = app
        .save_indicator(
            p,
            None,
            IndicatorDraft {
                level: KirkLevel::Behaviour,
                name: "Gestes observés".into(),
                owner: Some(PersonRef::Person { id: karim }),
                ..IndicatorDraft::default()
            },
            &SaveOptions::default(),
        )
        .expect("adds");
    assert_eq!(view.indicators[0].owner_name.as_deref(), Some("Karim Benali"));
    assert_eq!(app.get_person(karim).expect("reads").indicators.len(), 1);
    assert!(app.delete_person(karim).is_err(), "still owns an indicator");
    app.replace_person(karim, lea).expect("hands over");
    assert_eq!(
        app.get_evaluation(p).expect("reads").indicators[0]
            .owner_name
            .as_deref(),
        Some("Léa Martin")
    );
}
