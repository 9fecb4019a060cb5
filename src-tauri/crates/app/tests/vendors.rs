//! The vendor watch through the app API.

use atelier_app::{AppError, Atelier};
use atelier_core::vendor::{JournalDraft, JournalKind, VendorQuery, VendorType};
use atelier_core::SaveOptions;
use atelier_core::{Modality, Rule, VendorDraft, WatchStage};
use chrono::NaiveDate;

fn draft(name: &str, vendor_type: VendorType, modalities: Vec<Modality>) -> VendorDraft {
    VendorDraft {
        name: name.into(),
        vendor_type,
        modalities,
        website: String::new(),
        country: "France".into(),
        tags: vec![],
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
}

#[test]
fn the_registry_filters_and_sorts_and_survives_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let app = Atelier::open(dir.path()).expect("opens");
        app.create_vendor(draft("Immersia", VendorType::Startup, vec![Modality::ArVr]))
            .expect("adds");
        app.create_vendor(draft(
            "Académie Plus",
            VendorType::Established,
            vec![Modality::Mooc, Modality::Spoc],
        ))
        .expect("adds");
        app.create_vendor(draft("Ludik", VendorType::Startup, vec![Modality::SeriousGame]))
            .expect("adds");
    }
    let app = Atelier::open(dir.path()).expect("reopens");
    let names = |q: VendorQuery| -> Vec<String> {
        app.list_vendors(&q)
            .expect("lists")
            .rows
            .into_iter()
            .map(|r| r.vendor.fields.name)
            .collect()
    };
    assert_eq!(names(VendorQuery::default()), ["Académie Plus", "Immersia", "Ludik"]);
    assert_eq!(
        names(VendorQuery {
            types: vec![VendorType::Startup],
            ..Default::default()
        }),
        ["Immersia", "Ludik"]
    );
    assert_eq!(
        names(VendorQuery {
            modality: Some(Modality::Spoc),
            ..Default::default()
        }),
        ["Académie Plus"]
    );
    assert_eq!(
        names(VendorQuery {
            text: "academie".into(),
            ..Default::default()
        }),
        ["Académie Plus"]
    );
}

#[test]
fn stage_changes_are_dated_in_the_journal() {
    let (_dir, app) = {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = Atelier::open(dir.path()).expect("opens");
        (dir, app)
    };
    let v = app
        .create_vendor(draft("Immersia", VendorType::Startup, vec![Modality::ArVr]))
        .expect("adds");
    assert_eq!(v.stage, WatchStage::Spotted);
    app.add_journal_entry(
        v.id,
        JournalDraft {
            date: day(5),
            kind: JournalKind::Demo,
            title: "Démo du casque VR".into(),
            body: "**Bluffant**".into(),
        },
        &SaveOptions::default(),
    )
    .expect("logs");
    let detail = app
        .change_vendor_stage(v.id, WatchStage::Piloting, Some(day(12)))
        .expect("moves");
    assert_eq!(detail.vendor.stage, WatchStage::Piloting);
    assert_eq!(
        detail.journal[0].stage_change,
        Some((WatchStage::Spotted, WatchStage::Piloting))
    );
    assert_eq!(detail.journal[0].fields.date, day(12));
    assert_eq!(detail.journal[1].fields.title, "Démo du casque VR");

    let by_journal = app
        .list_vendors(&VendorQuery {
            text: "bluffant".into(),
            ..Default::default()
        })
        .expect("lists");
    assert_eq!(by_journal.rows.len(), 1, "found by what its journal says");
    assert_eq!(by_journal.total, 1);

    let same = app
        .change_vendor_stage(v.id, WatchStage::Piloting, None)
        .expect("no change");
    assert_eq!(same.journal.len(), 2, "no entry when nothing changes");

    let refused = app.add_journal_entry(
        v.id,
        JournalDraft {
            date: day(6),
            kind: JournalKind::Note,
            title: " ".into(),
            body: String::new(),
        },
        &SaveOptions::default(),
    );
    assert!(matches!(refused, Err(AppError::Validation(ref e)) if e[0].rule == Rule::Required));

    // A written entry is edited and stays edited; the stage trace is not.
    let entry = detail.journal[1].id;
    let fixed = JournalDraft {
        date: day(6),
        kind: JournalKind::Demo,
        title: "Démo du casque VR (équipe RH)".into(),
        body: "**Bluffant**, mais lourd".into(),
    };
    let edited = app
        .update_journal_entry(v.id, entry, fixed.clone(), &SaveOptions::default())
        .expect("edits");
    assert_eq!(edited.journal[1].fields, fixed);
    assert_eq!(app.get_vendor(v.id).expect("reads").journal[1].fields, fixed);
    let trace = detail.journal[0].id;
    assert!(matches!(
        app.update_journal_entry(v.id, trace, fixed.clone(), &SaveOptions::default()),
        Err(AppError::Validation(ref e)) if e[0].rule == Rule::TransitionNotAllowed
    ));
    assert!(matches!(
        app.update_journal_entry(
            v.id,
            atelier_core::JournalEntryId::new(),
            fixed,
            &SaveOptions::default()
        ),
        Err(AppError::NotFound)
    ));
    assert_eq!(app.delete_journal_entry(v.id, entry).expect("deletes").journal.len(), 1);
}

#[test]
fn a_bad_website_is_refused_and_nothing_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let mut d = draft("Immersia", VendorType::Startup, vec![]);
    d.website = "immersia point fr".into();
    assert!(matches!(app.create_vendor(d), Err(AppError::Validation(ref e)) if e[0].rule == Rule::InvalidWebsite));
    assert!(app
        .list_vendors(&VendorQuery::default())
        .expect("lists")
        .rows
        .is_empty());
}

#[test]
fn a_vendor_is_found_by_its_people() {
    use atelier_core::person::Organisation;
    use atelier_core::{PersonDraft, SaveOptions};
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let immersia = app
        .create_vendor(draft("Immersia", VendorType::Startup, vec![]))
        .expect("adds");
    app.create_vendor(draft("Ludik", VendorType::Startup, vec![]))
        .expect("adds");
    app.create_person(
        PersonDraft {
            name: "Léa Martin".into(),
            organisation: Some(Organisation::Vendor { vendor: immersia.id }),
            ..PersonDraft::default()
        },
        &SaveOptions::default(),
    )
    .expect("adds");
    let found = app
        .list_vendors(&VendorQuery {
            text: "lea".into(),
            ..VendorQuery::default()
        })
        .expect("lists");
    assert_eq!(
        found.rows.iter().map(|r| r.vendor.id).collect::<Vec<_>>(),
        [immersia.id]
    );
}

#[test]
fn scorecards_weigh_scores_and_compare_vendors() {
    use atelier_core::scorecard::Score;
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let a = app
        .create_vendor(draft("Immersia", VendorType::Startup, vec![]))
        .expect("adds");
    let b = app
        .create_vendor(draft("Ludik", VendorType::Startup, vec![]))
        .expect("adds");
    let s = |c: &str, v: u8| Score {
        criterion: c.into(),
        score: v,
    };
    let detail = app
        .score_vendor(a.id, vec![s("pedagogy", 5), s("price", 2)])
        .expect("scores");
    assert_eq!(detail.total, Some(380), "3×5 + 2×2 over 5");
    assert!(matches!(
        app.score_vendor(a.id, vec![s("pedagogy", 9)]),
        Err(AppError::Validation(_))
    ));
    app.score_vendor(b.id, vec![s("pedagogy", 3)]).expect("scores");

    let mut criteria = app.get_criteria().expect("reads");
    criteria.iter_mut().find(|c| c.key == "price").expect("price").weight = 0;
    app.set_criteria(criteria).expect("saves");
    let cmp = app.compare_vendors(vec![a.id, b.id]).expect("compares");
    let totals: Vec<Option<u32>> = cmp.vendors.iter().map(|r| r.row.total).collect();
    assert_eq!(totals, [Some(500), Some(300)]);
    let leads: Vec<bool> = cmp.vendors.iter().map(|r| r.leads).collect();
    assert_eq!(leads, [true, false]);
    let pedagogy = cmp.rows.iter().find(|r| r.criterion.key == "pedagogy").expect("row");
    assert_eq!(
        (pedagogy.scores.as_slice(), pedagogy.leads.as_slice()),
        (&[Some(5), Some(3)][..], &[true, false][..])
    );
    assert!(
        cmp.vendors.iter().all(|r| r.row.assessment.is_none()),
        "nobody judged yet"
    );
    assert!(matches!(app.compare_vendors(vec![a.id]), Err(AppError::Validation(_))));

    app.create_vendor(draft("Unscored", VendorType::Startup, vec![]))
        .expect("adds");
    let best_first = |min_total| -> Vec<String> {
        app.list_vendors(&VendorQuery {
            min_total,
            sort: atelier_core::vendor::VendorSort::Score,
            ..Default::default()
        })
        .expect("lists")
        .rows
        .into_iter()
        .map(|r| r.vendor.fields.name)
        .collect()
    };
    assert_eq!(best_first(None), ["Immersia", "Ludik", "Unscored"]);
    assert_eq!(
        best_first(Some(400)),
        ["Immersia"],
        "totals are recomputed with today's weights"
    );
}
