//! Engagements live under their project, are found from their vendor, and
//! leave with the project when it is purged.

mod common;

use atelier_core::engagement::ContractStatus;
use atelier_core::{Currency, Engagement, EngagementDraft, Project, VendorId};
use atelier_store::{Store, StoreError};
use chrono::Utc;

fn engagement(p: &Project, vendor: VendorId, scope: &str) -> Engagement {
    let draft = EngagementDraft {
        vendor,
        scope: scope.into(),
        deliverables: Vec::new(),
        currency: Currency::eur(),
        amount_cents: Some(10_000),
        start: None,
        end: None,
        status: ContractStatus::Signed,
    };
    Engagement::create(p.id, draft, Utc::now()).expect("valid")
}

#[test]
fn engagements_are_seen_from_project_and_vendor_and_go_with_a_purge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (startup, major) = (VendorId::new(), VendorId::new());
    let (a, b) = {
        let store = Store::open(dir.path()).expect("opens");
        let a = common::project(&store, "A");
        let b = common::project(&store, "B");
        store.put_engagement(&engagement(&a, startup, "Game")).expect("writes");
        store.put_engagement(&engagement(&a, major, "LMS")).expect("writes");
        store.put_engagement(&engagement(&b, startup, "VR")).expect("writes");
        (a, b)
    };
    let store = Store::open(dir.path()).expect("reopens");
    let scopes = |list: Vec<Engagement>| list.into_iter().map(|e| e.fields.scope).collect::<Vec<_>>();
    assert_eq!(scopes(store.engagements(a.id).expect("lists")), ["Game", "LMS"]);
    let mut of_startup = scopes(store.vendor_engagements(startup).expect("lists"));
    of_startup.sort();
    assert_eq!(of_startup, ["Game", "VR"]);

    let first = store.engagements(a.id).expect("lists")[0].clone();
    assert_eq!(store.engagement(a.id, first.id).expect("reads"), first);
    store.delete_engagement(a.id, first.id).expect("deletes");
    assert!(matches!(store.engagement(a.id, first.id), Err(StoreError::NotFound)));

    store.trash_project(b.id, Utc::now()).expect("trashes");
    store.purge_project(b.id).expect("purges");
    assert!(store.engagements(b.id).expect("lists").is_empty());
    assert!(store.vendor_engagements(startup).expect("lists").is_empty());
    assert_eq!(scopes(store.engagements(a.id).expect("lists")), ["LMS"]);
}

#[test]
fn deleting_a_vendor_takes_its_journal_and_leaves_the_others() {
    use atelier_core::vendor::{JournalEntry, VendorType};
    use atelier_core::{Vendor, VendorDraft, WatchStage};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let make = |name: &str| {
        let draft = VendorDraft {
            name: name.into(),
            vendor_type: VendorType::Startup,
            modalities: vec![],
            website: String::new(),
            country: String::new(),
            tags: vec![],
        };
        Vendor::create(draft, Utc::now()).expect("valid")
    };
    let (gone, kept) = (make("Gone"), make("Kept"));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).expect("date");
    for v in [&gone, &kept] {
        let entry = JournalEntry::stage_change(v.id, WatchStage::Spotted, WatchStage::Contacted, day, Utc::now());
        store.put_vendor(v, Some(&entry)).expect("writes");
    }
    store.delete_vendor(gone.id).expect("deletes");
    assert!(matches!(store.vendor(gone.id), Err(StoreError::NotFound)));
    assert!(store.journal(gone.id).expect("lists").is_empty());
    assert_eq!(store.journal(kept.id).expect("lists").len(), 1);
    assert!(matches!(store.delete_vendor(gone.id), Err(StoreError::NotFound)));
}
