//! The hand-off package through the app API: its fields and inventory,
//! bad input refused whole, and a readiness score that reads every other
//! area — the RACI, IT readiness, the trainers, the evaluation plan and
//! the campaign — kept across a reopen, with licences ending soon flagged.

mod common;

use atelier_app::{AppError, Atelier};
use atelier_core::campaign::{MessageDraft, MessagePurpose, MessageStatus};
use atelier_core::engagement::ContractStatus;
use atelier_core::evaluation::{BenefitDraft, CostDraft, CostKind, IndicatorDraft, KirkLevel};
use atelier_core::handoff::{AssetDraft, AssetKind, HandoffCriterion, HandoffDraft, RiskDraft};
use atelier_core::it_readiness::{ItItemDraft, ItStatus};
use atelier_core::person::PersonRef;
use atelier_core::portfolio::ImpactFilter;
use atelier_core::raci::RaciRole;
use atelier_core::roster::{TrainerDraft, TrainerPath};
use atelier_core::vendor::VendorType;
use atelier_core::{Currency, EngagementDraft, PersonDraft, PortfolioQuery, ProjectDraft, Rule, SaveOptions};
use chrono::{Duration, Local};

#[test]
fn the_score_reads_every_area_and_is_kept() {
    let (dir, app, p) = common::open_with_project();
    let save = SaveOptions::default();
    let today = Local::now().date_naive();
    let karim = app
        .create_person(
            PersonDraft {
                name: "Karim Benali".into(),
                ..PersonDraft::default()
            },
            &save,
        )
        .expect("adds")
        .id;
    let karim_ref = || Some(PersonRef::Person { id: karim });
    let percent = |app: &Atelier| app.get_handoff(p).expect("reads").readiness.percent;
    // Nothing listed: only "assets owned" holds.
    assert_eq!(percent(&app), 10);

    // Bad input is refused whole, nothing saved.
    let refused = app
        .save_asset(
            p,
            None,
            AssetDraft {
                licence_cost_cents: Some(-100),
                ..AssetDraft::default()
            },
            &save,
        )
        .expect_err("refused");
    let AppError::Validation(errors) = refused else {
        panic!("{refused:?}")
    };
    let rules: Vec<(&str, Rule)> = errors.iter().map(|e| (e.field.as_str(), e.rule)).collect();
    assert_eq!(rules, [("name", Rule::Required), ("licence_cost", Rule::Negative)]);

    // Owner, acceptance and runbook: +35.
    app.save_handoff(
        p,
        HandoffDraft {
            owner: karim_ref(),
            team: "Usine de Lyon".into(),
            accepted_by: karim_ref(),
            accepted_on: Some(today),
            runbook: "1. Ouvrir la session\\n2. Lancer le module".into(),
            ..HandoffDraft::default()
        },
        &save,
    )
    .expect("saves");
    assert_eq!(percent(&app), 45);

    // A licence ending in a month, owned: flagged, still complete.
    let view = app
        .save_asset(
            p,
            None,
            AssetDraft {
                kind: AssetKind::Licence,
                name: "Licence casques VR".into(),
                owner: karim_ref(),
                licence_end: Some(today + Duration::days(30)),
                licence_cost_cents: Some(120_000),
                ..AssetDraft::default()
            },
            &save,
        )
        .expect("adds");
    assert_eq!(view.licences_ending, [view.handoff.assets[0].id]);
    let portfolio = app
        .list_projects(&atelier_core::portfolio::PortfolioQuery::default())
        .expect("lists");
    assert_eq!(portfolio.items[0].licences_ending, 1, "flagged on the portfolio");
    assert_eq!(view.asset_owners, [Some("Karim Benali".to_owned())]);
    app.save_risk(
        p,
        None,
        RiskDraft {
            description: "Le LMS change en juin".into(),
            owner: karim_ref(),
            mitigation: "Exporter les paquets".into(),
        },
        &save,
    )
    .expect("adds");

    // The RACI complete: +10.
    app.add_raci_person(p, karim).expect("raci");
    let rows = app.get_raci(p).expect("reads").rows;
    for row in &rows {
        app.set_raci_cell(p, row.id, karim, Some(RaciRole::Accountable))
            .expect("A");
    }
    let mut raci = app.get_raci(p).expect("reads");
    assert!(raci.flagged > 0, "A without R");
    let lea = app
        .create_person(
            PersonDraft {
                name: "Léa Martin".into(),
                ..PersonDraft::default()
            },
            &save,
        )
        .expect("adds")
        .id;
    app.add_raci_person(p, lea).expect("raci");
    for row in &rows {
        raci = app
            .set_raci_cell(p, row.id, lea, Some(RaciRole::Responsible))
            .expect("R");
    }
    assert_eq!(raci.flagged, 0);
    assert_eq!(percent(&app), 55);

    // IT ready: +20.
    for item in 1..=12 {
        app.update_it_item(
            p,
            item,
            ItItemDraft {
                status: ItStatus::Done,
                ..ItItemDraft::default()
            },
            &save,
        )
        .expect("done");
    }
    assert_eq!(percent(&app), 75);

    // A certified trainer and nothing planned beyond them: +10.
    app.add_trainer(p, lea).expect("adds");
    app.set_trainer(
        p,
        lea,
        TrainerDraft {
            path: TrainerPath {
                certified: Some(today - Duration::days(3)),
                ..TrainerPath::default()
            },
            ..TrainerDraft::default()
        },
        &save,
    )
    .expect("certifies");
    assert_eq!(percent(&app), 85);

    // Levels 1 to 3 planned: +10; the launch sent: +5.
    for level in [KirkLevel::Reaction, KirkLevel::Learning, KirkLevel::Behaviour] {
        app.save_indicator(
            p,
            None,
            IndicatorDraft {
                level,
                name: "Indicateur".into(),
                target_hundredths: Some(8_000),
                ..IndicatorDraft::default()
            },
            &save,
        )
        .expect("plans");
    }
    app.create_message(
        p,
        MessageDraft {
            subject: "C'est parti".into(),
            audience: "Tous".into(),
            purpose: MessagePurpose::Launch,
            status: MessageStatus::Sent,
            planned: Some(today),
            ..MessageDraft::default()
        },
        &save,
    )
    .expect("sends");
    let view = app.get_handoff(p).expect("reads");
    assert_eq!(view.readiness.percent, 100);
    assert!(view.readiness.checks.iter().all(|c| c.met));

    // Weights: a zero everywhere is refused; the launch weighed out of the score.
    let zero: Vec<_> = view
        .handoff
        .weights
        .iter()
        .map(|w| atelier_core::handoff::Weight { weight: 0, ..*w })
        .collect();
    assert!(app.set_handoff_weights(p, zero, 80, &save).is_err());
    drop(app);

    let app = Atelier::open(dir.path()).expect("reopens");
    let view = app.get_handoff(p).expect("reads");
    assert_eq!(view.readiness.percent, 100);
    assert_eq!(view.handoff.fields.team, "Usine de Lyon");
    assert_eq!(view.handoff.risks.len(), 1);
    let page = app.get_person(karim).expect("reads");
    assert_eq!(page.handoffs.len(), 1);
    let mut weights = view.handoff.weights.clone();
    weights
        .iter_mut()
        .filter(|w| w.criterion == HandoffCriterion::LaunchSent)
        .for_each(|w| w.weight = 0);
    let reweighed = app.set_handoff_weights(p, weights, 90, &save).expect("sets");
    assert_eq!(reweighed.handoff.threshold, 90);
}

#[test]
fn handed_off_under_the_threshold_needs_a_reason_which_is_recorded() {
    let (_dir, app, p) = common::open_with_project();
    for to in [
        atelier_core::Status::Framing,
        atelier_core::Status::Design,
        atelier_core::Status::Pilot,
        atelier_core::Status::Deployment,
    ] {
        app.change_project_status(p, to, &SaveOptions::confirmed())
            .expect("moves");
    }
    let refused = app
        .change_project_status(p, atelier_core::Status::HandedOff, &SaveOptions::confirmed())
        .expect_err("under the threshold");
    let AppError::Validation(errors) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(
        (errors[0].field.as_str(), errors[0].rule, errors[0].limit),
        ("status", Rule::GateUnmet, Some(10))
    );
    assert_eq!(
        app.get_project(p).expect("reads").project.status,
        atelier_core::Status::Deployment
    );

    let blank = app
        .hand_off_project(p, Some("  ".into()))
        .expect_err("a reason is needed");
    let AppError::Validation(errors) = blank else {
        panic!("{blank:?}")
    };
    assert_eq!(errors[0].field, "reason");

    let moved = app
        .hand_off_project(p, Some("Le métier reprend en septembre".into()))
        .expect("moves with a reason");
    assert_eq!(moved.project.status, atelier_core::Status::HandedOff);
    let overrides = app.get_handoff(p).expect("reads").handoff.overrides;
    assert_eq!(overrides.len(), 1);
    assert_eq!((overrides[0].percent, overrides[0].threshold), (10, 80));
    // Handed off today: the date is recorded and the timeline shows it,
    // though the project has no other date.
    let today = Local::now().date_naive();
    assert_eq!(
        app.get_handoff(p).expect("reads").handoff.fields.handoff_on,
        Some(today)
    );
    let timeline = app.portfolio_timeline().expect("reads");
    let row = timeline.rows.iter().find(|r| r.id == p).expect("on the timeline");
    assert_eq!((row.start, row.end, row.handoff_on), (today, today, Some(today)));
}

#[test]
fn running_vendor_contracts_are_carried_into_the_package() {
    let (_dir, app, p) = common::open_with_project();
    let today = Local::now().date_naive();
    let vendor = common::vendor(&app, "Immersia", VendorType::Startup, vec![]);
    let engage = |scope: &str, status, end| {
        app.create_engagement(
            p,
            EngagementDraft {
                vendor,
                scope: scope.into(),
                deliverables: vec![],
                currency: Currency::default(),
                amount_cents: Some(500_000),
                start: None,
                end,
                status,
            },
            &SaveOptions::confirmed(),
        )
        .expect("engages")
    };
    engage("Devis en attente", ContractStatus::Draft, None);
    engage("Tournage terminé", ContractStatus::Closed, None);
    engage("Hébergement", ContractStatus::Signed, Some(today + Duration::days(30)));
    engage(
        "Maintenance",
        ContractStatus::Delivered,
        Some(today + Duration::days(365)),
    );

    let view = app.get_handoff(p).expect("reads");
    let scopes: Vec<&str> = view
        .contracts
        .iter()
        .map(|c| c.engagement.fields.scope.as_str())
        .collect();
    assert_eq!(scopes.len(), 2, "drafts and closed contracts stay behind: {scopes:?}");
    assert!(scopes.contains(&"Hébergement") && scopes.contains(&"Maintenance"));
    assert!(view.contracts.iter().all(|c| c.vendor_name == "Immersia"));
    let hosting = view
        .contracts
        .iter()
        .find(|c| c.engagement.fields.scope == "Hébergement")
        .expect("carried");
    assert_eq!(view.contracts_ending, [hosting.engagement.id], "ends within sixty days");
}

#[test]
fn the_portfolio_lists_and_filters_by_hand_off_readiness_and_measured_roi() {
    let (_dir, app, first) = common::open_with_project();
    let save = SaveOptions::default();
    let second = app
        .create_project(
            ProjectDraft {
                title: "Gestes de sécurité".into(),
                ..ProjectDraft::default()
            },
            &save,
        )
        .expect("creates")
        .id;
    // The second project's threshold is lowered to its 10 %.
    let weights = app.get_handoff(second).expect("reads").handoff.weights;
    app.set_handoff_weights(second, weights, 10, &save).expect("sets");
    let titles = |impact| {
        let page = app
            .list_projects(&PortfolioQuery {
                impact: Some(impact),
                ..PortfolioQuery::default()
            })
            .expect("lists");
        let mut titles: Vec<String> = page.items.iter().map(|i| i.project.fields.title.clone()).collect();
        titles.sort();
        titles
    };
    assert_eq!(titles(ImpactFilter::HandoffReady), ["Gestes de sécurité"]);
    assert_eq!(titles(ImpactFilter::HandoffUnder), ["Parcours"]);
    assert!(titles(ImpactFilter::RoiMeasured).is_empty());

    app.save_cost(
        first,
        None,
        CostDraft {
            kind: CostKind::Design,
            label: "Conception".into(),
            amount_cents: 2_000_000,
        },
        &save,
    )
    .expect("adds");
    assert!(
        titles(ImpactFilter::RoiMeasured).is_empty(),
        "costs alone measure nothing"
    );
    app.save_benefit(
        first,
        None,
        BenefitDraft {
            label: "Moins d'incidents".into(),
            amount_cents: 4_000_000,
            isolation_pct: 50,
            confidence_pct: 100,
        },
        &save,
    )
    .expect("adds");
    assert_eq!(titles(ImpactFilter::RoiMeasured), ["Parcours"]);
    let all = app.list_projects(&PortfolioQuery::default()).expect("lists");
    let parcours = all.items.iter().find(|i| i.project.id == first).expect("listed");
    assert_eq!(parcours.impact.roi_tenths, Some(0), "20 000 € kept against 20 000 €");
    assert_eq!(
        (parcours.impact.handoff_percent, parcours.impact.handoff_threshold),
        (10, 80)
    );
}
