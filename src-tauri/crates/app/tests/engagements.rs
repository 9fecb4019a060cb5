//! Vendors engaged on a project, through the app API.

mod common;

use atelier_app::AppError;
use atelier_core::engagement::ContractStatus;
use atelier_core::vendor::VendorType;
use atelier_core::SaveOptions;
use atelier_core::{Currency, EngagementDraft, ProjectDraft, Rule, VendorId};
use chrono::NaiveDate;

fn engagement(vendor: VendorId, scope: &str, cents: i64, month: u32) -> EngagementDraft {
    EngagementDraft {
        vendor,
        scope: scope.into(),
        deliverables: vec!["Storyboard".into()],
        currency: Currency::eur(),
        amount_cents: Some(cents),
        start: NaiveDate::from_ymd_opt(2026, month, 1),
        end: NaiveDate::from_ymd_opt(2026, month, 28),
        status: ContractStatus::Draft,
    }
}

#[test]
fn a_project_combines_vendors_and_each_vendor_sees_its_projects() {
    let (_dir, app, project) = common::open_with_project();
    let startup = common::vendor(&app, "Immersia", VendorType::Startup, vec![]);
    let major = common::vendor(&app, "Académie Plus", VendorType::Established, vec![]);

    app.create_engagement(
        project,
        engagement(major, "LMS hosting", 800_000, 9),
        &SaveOptions::default(),
    )
    .expect("engages");
    let both = app
        .create_engagement(
            project,
            engagement(startup, "VR module", 1_200_000, 3),
            &SaveOptions::default(),
        )
        .expect("engages");
    let names: Vec<&str> = both.engagements.iter().map(|r| r.vendor_name.as_str()).collect();
    assert_eq!(names, ["Immersia", "Académie Plus"], "earliest start first");
    assert_eq!(both.totals.len(), 1);
    assert_eq!(both.totals[0].cents, 2_000_000);

    let seen = app.vendor_engagements(startup).expect("lists");
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].project_title, "Parcours");

    let id = seen[0].engagement.id;
    let mut signed = engagement(startup, "VR module", 1_300_000, 3);
    signed.status = ContractStatus::Signed;
    let after = app
        .update_engagement(project, id, signed, &SaveOptions::default())
        .expect("edits");
    assert_eq!(after.engagements[0].engagement.fields.status, ContractStatus::Signed);
    assert_eq!(after.totals[0].cents, 2_100_000);

    app.trash_project(project).expect("trashes");
    assert!(
        app.vendor_engagements(startup).expect("lists").is_empty(),
        "a trashed project's engagements are hidden"
    );
    app.restore_project(project).expect("restores");
    let after = app.delete_engagement(project, id).expect("deletes");
    assert_eq!(after.engagements.len(), 1);
}

#[test]
fn a_bad_engagement_is_refused_and_nothing_saved() {
    let (_dir, app, project) = common::open_with_project();
    let startup = common::vendor(&app, "Immersia", VendorType::Startup, vec![]);
    let mut bad = engagement(startup, " ", -5, 3);
    bad.end = NaiveDate::from_ymd_opt(2026, 2, 1);
    match app.create_engagement(project, bad, &SaveOptions::default()) {
        Err(AppError::Validation(issues)) => {
            let rules: Vec<Rule> = issues.iter().map(|i| i.rule).collect();
            assert_eq!(rules, [Rule::Required, Rule::Negative, Rule::EndBeforeStart]);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert!(app.project_engagements(project).expect("lists").engagements.is_empty());
    assert!(matches!(
        app.create_engagement(project, engagement(VendorId::new(), "x", 1, 3), &SaveOptions::default()),
        Err(AppError::NotFound)
    ));
}

#[test]
fn a_vendor_engaged_on_a_project_cannot_be_deleted_until_released() {
    let (_dir, app, project) = common::open_with_project();
    let startup = common::vendor(&app, "Immersia", VendorType::Startup, vec![]);
    app.add_journal_entry(
        startup,
        atelier_core::vendor::JournalDraft {
            date: NaiveDate::from_ymd_opt(2026, 11, 2).expect("date"),
            kind: atelier_core::vendor::JournalKind::Demo,
            title: "Démo".into(),
            body: String::new(),
        },
        &SaveOptions::default(),
    )
    .expect("logs");
    let engaged = app
        .create_engagement(
            project,
            engagement(startup, "VR module", 100, 3),
            &SaveOptions::default(),
        )
        .expect("engages");
    match app.delete_vendor(startup) {
        Err(AppError::Validation(issues)) => {
            assert_eq!((issues[0].rule, issues[0].limit), (Rule::InUse, Some(1)));
        }
        other => panic!("expected in_use, got {other:?}"),
    }
    assert!(app.get_vendor(startup).is_ok(), "nothing deleted");

    app.delete_engagement(project, engaged.engagements[0].engagement.id)
        .expect("releases");
    app.delete_vendor(startup).expect("deletes");
    assert!(matches!(app.get_vendor(startup), Err(AppError::NotFound)));
    assert!(matches!(app.delete_vendor(startup), Err(AppError::NotFound)));
}

#[test]
fn the_engaged_amounts_are_set_against_the_planned_budget() {
    let (_dir, app, project) = common::open_with_project();
    let startup = common::vendor(&app, "Immersia", VendorType::Startup, vec![]);
    let listed = app
        .create_engagement(
            project,
            engagement(startup, "VR module", 1_250_000, 3),
            &SaveOptions::default(),
        )
        .expect("engages");
    assert_eq!(listed.budget, None, "no planned budget, nothing to compare with");

    let mut draft = ProjectDraft {
        title: "Parcours".into(),
        ..Default::default()
    };
    draft.budget.planned_cents = Some(1_000_000);
    app.update_project(project, draft, &SaveOptions::default())
        .expect("plans a budget");
    let cover = app.project_engagements(project).expect("lists").budget.expect("a plan");
    assert_eq!(
        (cover.engaged_cents, cover.remaining_cents, cover.percent, cover.over),
        (1_250_000, -250_000, Some(125), true)
    );
    assert_eq!(cover.draft_cents, 1_250_000, "the contract is still a draft");
}

#[test]
fn a_vendor_that_cannot_be_read_leaves_its_contracts_shown_and_the_brief_whole() {
    let (dir, app, project) = common::open_with_project();
    let vendor = common::vendor(&app, "Immersia", VendorType::Startup, vec![]);
    app.create_engagement(
        project,
        engagement(vendor, "VR module", 1_200_000, 3),
        &SaveOptions::default(),
    )
    .expect("engages");
    // The vendor's record garbled on disk (damaged data), the rest intact.
    let backup = dir.path().join("all.atelier-backup");
    app.back_up_to(&backup).expect("backs up");
    drop(app);
    let mut records = atelier_store::backup::read(&backup)
        .expect("reads")
        .expect("whole")
        .records;
    let garbled = records.iter_mut().find(|r| r.tree == "vendors").expect("the vendor");
    garbled.value = b"{\"kind\":\"vendor\",\"v\":2,\"data\":{\"name\":".to_vec();
    std::fs::remove_dir_all(dir.path().join("db")).expect("clears");
    atelier_store::backup::build_database(&dir.path().join("db"), &records).expect("builds");

    let app = atelier_app::Atelier::open(dir.path()).expect("opens");
    let tab = app.project_engagements(project).expect("the Vendors tab shows");
    assert_eq!(tab.engagements.len(), 1, "the contract still shows");
    assert_eq!(tab.engagements[0].vendor_type, None, "its vendor unreadable");
    assert_eq!(tab.totals[0].cents, 1_200_000, "and still counts");
    let brief = app
        .preview_brief(
            project,
            vec![atelier_core::brief::BriefSection::Budget],
            atelier_core::samples::Lang::En,
        )
        .expect("the brief is made");
    assert!(brief.preview.contains("VR module"), "{}", brief.preview);
    assert!(brief.preview.contains('—'), "no name for the vendor: {}", brief.preview);
}
