//! A project's IT readiness checklist through the app API: items worked
//! through (one set aside with its reason, one overdue), kept across a
//! reopen, shown on the project and the portfolio, filtered on, owned by
//! people of the directory, naming the vendors engaged, and the caution
//! on the move to deployment.

mod common;

use atelier_app::{AppError, Atelier};
use atelier_core::caution::CautionKind;
use atelier_core::engagement::{ContractStatus, EngagementDraft};
use atelier_core::it_readiness::{ItArea, ItItemDraft, ItItemName, ItStatus};
use atelier_core::person::PersonRef;
use atelier_core::portfolio::PortfolioQuery;
use atelier_core::vendor::VendorType;
use atelier_core::{Currency, Modality, PersonDraft, ProjectId, Rule, SaveOptions, Status};
use chrono::{Duration, Local};

fn draft(status: ItStatus) -> ItItemDraft {
    ItItemDraft {
        status,
        ..ItItemDraft::default()
    }
}

fn set(app: &Atelier, p: ProjectId, item: u32, d: ItItemDraft) -> atelier_app::ItChecklistView {
    app.update_it_item(p, item, d, &SaveOptions::default()).expect("saves")
}

fn rules(e: AppError) -> Vec<(String, Rule)> {
    match e {
        AppError::Validation(errors) => errors.into_iter().map(|e| (e.field, e.rule)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_checklist_is_worked_through_and_kept() {
    let (dir, app, p) = common::open_with_project();
    let fresh = app.get_it_checklist(p).expect("reads");
    assert_eq!(fresh.items.len(), 12, "the usual checks");
    assert_eq!(fresh.readiness.percent, 0);

    // Not applicable needs its reason: refused, nothing saved.
    let refused = app
        .update_it_item(p, 3, draft(ItStatus::NotApplicable), &SaveOptions::default())
        .expect_err("no reason");
    assert_eq!(rules(refused), [("reason".to_owned(), Rule::Required)]);
    assert_eq!(app.get_it_checklist(p).expect("reads").readiness.not_applicable, 0);

    set(
        &app,
        p,
        3,
        ItItemDraft {
            reason: "Comptes déjà ouverts pour tous les salariés".into(),
            ..draft(ItStatus::NotApplicable)
        },
    );
    for item in [1, 2, 4, 5, 6] {
        set(&app, p, item, draft(ItStatus::Done));
    }
    let yesterday = Local::now().date_naive() - Duration::days(1);
    let view = set(
        &app,
        p,
        9,
        ItItemDraft {
            due: Some(yesterday),
            evidence: "Ticket SEC-1042".into(),
            ..draft(ItStatus::InProgress)
        },
    );
    assert_eq!(view.readiness.percent, 45, "5 done of 11 that apply");
    assert_eq!(view.overdue, 1);
    assert!(view.items.iter().find(|i| i.item.id == 9).expect("item 9").overdue);
    let added = app
        .add_it_item(p, ItArea::Network, "Wi-Fi des ateliers".into())
        .expect("adds");
    assert_eq!(added.items.len(), 13);
    drop(app);

    let app = Atelier::open(dir.path()).expect("reopens");
    let view = app.get_it_checklist(p).expect("reads");
    assert_eq!(view.readiness.percent, 41, "5 done of 12 that apply");
    let wifi = view
        .items
        .iter()
        .find(|i| {
            i.item.name
                == ItItemName::Custom {
                    name: "Wi-Fi des ateliers".into(),
                }
        })
        .expect("kept");
    assert_eq!(wifi.item.area, ItArea::Network);
    let detail = app.get_project(p).expect("reads");
    assert_eq!((detail.it.readiness.percent, detail.it.overdue), (41, 1));
    let removed = app.remove_it_item(p, wifi.item.id).expect("removes");
    assert_eq!(removed.readiness.percent, 45);
}

#[test]
fn the_portfolio_shows_and_filters_on_it_readiness() {
    let (_dir, app, ready) = common::open_with_project();
    let untouched = app
        .create_project(
            atelier_core::ProjectDraft {
                title: "Intouché".into(),
                ..Default::default()
            },
            &SaveOptions::default(),
        )
        .expect("creates")
        .id;
    for item in 1..=12 {
        set(&app, ready, item, draft(ItStatus::Done));
    }
    let below = |percent: Option<u8>| {
        let page = app
            .list_projects(&PortfolioQuery {
                it_readiness_below: percent,
                ..PortfolioQuery::default()
            })
            .expect("lists");
        page.items
            .iter()
            .map(|i| (i.project.id, i.it.readiness.percent))
            .collect::<Vec<_>>()
    };
    assert_eq!(below(None).len(), 2);
    assert_eq!(below(Some(80)), [(untouched, 0)], "no checklist yet is 0 %");
    assert_eq!(below(Some(100)), [(untouched, 0)]);
    assert!(below(Some(0)).is_empty());
}

#[test]
fn an_item_names_its_owner_and_the_vendors_engaged() {
    let (_dir, app, p) = common::open_with_project();
    let eric = app
        .create_person(
            PersonDraft {
                name: "Éric Dupont".into(),
                ..PersonDraft::default()
            },
            &SaveOptions::default(),
        )
        .expect("adds")
        .id;
    let engaged = common::vendor(&app, "Immersia", VendorType::Startup, vec![Modality::Elearning]);
    let other = common::vendor(&app, "Ludik Factory", VendorType::Startup, vec![Modality::Elearning]);
    app.create_engagement(
        p,
        EngagementDraft {
            vendor: engaged,
            scope: "Modules VR".into(),
            deliverables: vec![],
            currency: Currency::default(),
            amount_cents: None,
            start: None,
            end: None,
            status: ContractStatus::Signed,
        },
        &SaveOptions::default(),
    )
    .expect("engages");

    // A vendor not engaged on the project and someone not in the directory
    // are refused together.
    let refused = app
        .update_it_item(
            p,
            9,
            ItItemDraft {
                owner: Some(PersonRef::Person {
                    id: atelier_core::PersonId::new(),
                }),
                vendors: vec![other],
                ..ItItemDraft::default()
            },
            &SaveOptions::default(),
        )
        .expect_err("refused");
    assert_eq!(
        rules(refused),
        [
            ("vendors".to_owned(), Rule::NotEngaged),
            ("owner".to_owned(), Rule::NotInDirectory)
        ]
    );

    let view = set(
        &app,
        p,
        9,
        ItItemDraft {
            owner: Some(PersonRef::Person { id: eric }),
            vendors: vec![engaged],
            ..ItItemDraft::default()
        },
    );
    assert_eq!(view.engaged.len(), 1);
    let item = view.items.iter().find(|i| i.item.id == 9).expect("item 9");
    assert_eq!(item.owner_name.as_deref(), Some("Éric Dupont"));
    assert_eq!(item.vendors[0].name, "Immersia");

    let person = app.get_person(eric).expect("reads");
    assert_eq!(person.it_items.len(), 1);
    assert_eq!(person.it_items[0].project, p);
    let in_use = app.delete_person(eric).expect_err("still owns an item");
    assert_eq!(rules(in_use), [("person".to_owned(), Rule::InUse)]);
}

#[test]
fn moving_to_deployment_asks_first_while_it_is_not_ready() {
    let (_dir, app, p) = common::open_with_project();
    for to in [Status::Framing, Status::Design, Status::Pilot] {
        app.change_project_status(p, to, &SaveOptions::default())
            .expect("moves without asking");
    }
    for item in 1..=6 {
        set(&app, p, item, draft(ItStatus::Done));
    }
    match app.change_project_status(p, Status::Deployment, &SaveOptions::default()) {
        Err(AppError::Unconfirmed(cautions)) => {
            assert_eq!(cautions.len(), 1);
            assert_eq!(cautions[0].kind, CautionKind::ItNotReady);
            assert_eq!(cautions[0].limit, Some(50));
        }
        other => panic!("expected a caution, got {other:?}"),
    }
    assert_eq!(
        app.get_project(p).expect("reads").project.status,
        Status::Pilot,
        "not moved"
    );
    let moved = app
        .change_project_status(p, Status::Deployment, &SaveOptions::confirmed())
        .expect("moves once confirmed");
    assert_eq!(moved.project.status, Status::Deployment);

    // Ready: no question.
    app.change_project_status(p, Status::Pilot, &SaveOptions::default())
        .expect("back");
    for item in 7..=12 {
        set(&app, p, item, draft(ItStatus::Done));
    }
    app.change_project_status(p, Status::Deployment, &SaveOptions::default())
        .expect("moves without asking");
}
