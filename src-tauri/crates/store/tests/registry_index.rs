//! The registry's and the directory's in-memory indexes against the
//! records: every write that touches a vendor, its journal, the scorecard
//! or a person — many at once, edited, a journal entry written or deleted,
//! new criteria, someone added, removed or replaced, records brought in
//! from an archive, a vendor deleted — leaves both in step, and opening
//! builds them from the records.

use atelier_core::person::{Organisation, PeopleQuery};
use atelier_core::scorecard::{default_criteria, Criterion, Score};
use atelier_core::vendor::{JournalDraft, JournalEntry, JournalKind, VendorQuery, VendorSort, VendorType};
use atelier_core::{Person, PersonDraft, PersonRef, Project, ProjectDraft, Vendor, VendorDraft, WatchStage};
use atelier_store::{PersonReplacement, Store};
use chrono::{NaiveDate, Utc};

fn vendor(i: usize) -> Vendor {
    let draft = VendorDraft {
        name: format!("Éditeur {i}"),
        vendor_type: VendorType::ALL[i % VendorType::ALL.len()],
        modalities: Vec::new(),
        website: String::new(),
        country: format!("Pays {}", i % 3),
        tags: vec![format!("Tag{}", i % 4)],
    };
    let mut v = Vendor::create(draft, Utc::now()).expect("valid vendor");
    v.stage = WatchStage::ALL[i % WatchStage::ALL.len()];
    if i.is_multiple_of(2) {
        v.scores = vec![Score {
            criterion: "pedagogy".into(),
            score: 1 + (i % 5) as u8,
        }];
    }
    v
}

fn person(name: &str, organisation: Option<Organisation>) -> Person {
    let draft = PersonDraft {
        name: name.into(),
        job_title: "Chargée de compte".into(),
        organisation,
        tags: vec!["Salon".into()],
        ..Default::default()
    };
    Person::create(draft, Utc::now()).expect("valid person")
}

fn entry(vendor: &Vendor, title: &str) -> JournalEntry {
    let draft = JournalDraft {
        date: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        kind: JournalKind::Demo,
        title: title.into(),
        body: String::new(),
    };
    JournalEntry::create(vendor.id, draft, Utc::now()).expect("valid entry")
}

/// Both indexes hold exactly one row per readable record, equal to the
/// row the records give, and every order kept lists them all in order.
fn in_step(store: &Store, after: &str) {
    if let Err(e) = store.check_registry_index() {
        panic!("after {after}: {e}");
    }
    if let Err(e) = store.check_directory_index() {
        panic!("after {after}: {e}");
    }
    if let Err(e) = store.check_search_index() {
        panic!("after {after}: {e}");
    }
}

/// Asks for a page of the registry in every order and of the directory,
/// so that the indexes build and keep their orders.
fn browse(store: &Store) {
    for sort in VendorSort::ALL {
        let query = VendorQuery {
            sort,
            limit: Some(5),
            ..Default::default()
        };
        store.query_vendors(&query).expect("queries");
    }
    let page = PeopleQuery {
        limit: Some(5),
        ..Default::default()
    };
    store.query_people(&page).expect("queries");
}

fn vendors_found(store: &Store, text: &str) -> Vec<String> {
    let query = VendorQuery {
        text: text.into(),
        ..Default::default()
    };
    let page = store.query_vendors(&query).expect("queries");
    page.items.into_iter().map(|v| v.fields.name).collect()
}

#[test]
fn every_write_to_vendors_journals_criteria_and_people_keeps_the_indexes_in_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    in_step(&store, "opening an empty folder");

    let mut all: Vec<Vendor> = (0..120).map(vendor).collect();
    let contacts: Vec<Person> = all
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, v)| person(&format!("Contact {i}"), Some(Organisation::Vendor { vendor: v.id })))
        .collect();
    let batch: Vec<(&Vendor, Option<&JournalEntry>)> = all.iter().map(|v| (v, None)).collect();
    store.put_vendors(&batch, &contacts).expect("writes");
    in_step(&store, "writing many vendors and their people at once");
    browse(&store);
    in_step(&store, "browsing the registry in every order");

    all[0].fields.name = "Immersia".into();
    all[0].stage = WatchStage::Piloting;
    let change = JournalEntry::stage_change(
        all[0].id,
        WatchStage::Spotted,
        WatchStage::Piloting,
        NaiveDate::from_ymd_opt(2026, 11, 21).expect("date"),
        Utc::now(),
    );
    store.put_vendor(&all[0], Some(&change)).expect("writes");
    in_step(&store, "editing a vendor with a stage change");

    let salon = entry(&all[1], "Rencontre au salon Learning Expo");
    store.put_journal_entry(&salon).expect("writes");
    in_step(&store, "writing a journal entry");
    assert_eq!(vendors_found(&store, "learning expo"), [all[1].fields.name.clone()]);
    store.delete_journal_entry(all[1].id, salon.id).expect("deletes");
    in_step(&store, "deleting a journal entry");
    assert!(vendors_found(&store, "learning expo").is_empty());

    // The vendors scored on pedagogy alone are unscored once it weighs 0.
    let without_pedagogy: Vec<Criterion> = default_criteria()
        .into_iter()
        .map(|c| Criterion {
            weight: if c.key == "pedagogy" { 0 } else { c.weight },
            ..c
        })
        .collect();
    store.put_criteria(&without_pedagogy).expect("writes");
    in_step(&store, "changing the scorecard's weights");
    let scored = VendorQuery {
        min_total: Some(100),
        ..Default::default()
    };
    assert_eq!(store.query_vendors(&scored).expect("queries").total, 0);

    let lea = person("Léa Martin", Some(Organisation::Vendor { vendor: all[2].id }));
    store.put_person(&lea).expect("writes");
    in_step(&store, "adding someone who works for a vendor");
    assert_eq!(vendors_found(&store, "lea martin"), [all[2].fields.name.clone()]);
    let by_vendor = PeopleQuery {
        vendor: Some(all[2].id),
        ..Default::default()
    };
    assert_eq!(store.query_people(&by_vendor).expect("queries").total, 2);

    let paul = person("Paul Durand", None);
    store.put_person(&paul).expect("writes");
    store.delete_person(paul.id).expect("deletes");
    in_step(&store, "removing someone");

    let sponsored = Project::create(
        ProjectDraft {
            title: "Accueil".into(),
            sponsor: Some(PersonRef::Person { id: lea.id }),
            ..Default::default()
        },
        Utc::now(),
    )
    .expect("valid project");
    store.put_project(&sponsored).expect("writes");
    let archived = store.project_archive_records(sponsored.id).expect("reads its records");
    store.delete_person(lea.id).expect("deletes");
    store.delete_vendor(all[2].id).expect("deletes");
    in_step(&store, "deleting a vendor");
    store
        .import_project_records(Some(sponsored.id), &archived)
        .expect("imports");
    in_step(&store, "importing an archive that brings a vendor and a person back");
    assert_eq!(vendors_found(&store, "lea"), [all[2].fields.name.clone()]);

    let claire = person("Claire Roux", None);
    store.put_person(&claire).expect("writes");
    store
        .replace_person(claire.id, &PersonReplacement::default())
        .expect("replaces");
    in_step(&store, "replacing someone everywhere");

    let (vendors, people) = (
        store.query_vendors(&VendorQuery::default()).expect("queries").total,
        store.directory_size(),
    );
    drop(store);
    let store = Store::open(dir.path()).expect("opens again");
    in_step(&store, "opening again");
    assert_eq!(
        store.query_vendors(&VendorQuery::default()).expect("queries").total,
        vendors
    );
    assert_eq!(store.directory_size(), people);
}

#[test]
fn pages_of_the_registry_and_the_directory_follow_on_without_overlap() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let all: Vec<Vendor> = (0..250).map(vendor).collect();
    let people: Vec<Person> = (0..250).map(|i| person(&format!("Personne {i}"), None)).collect();
    let batch: Vec<(&Vendor, Option<&JournalEntry>)> = all.iter().map(|v| (v, None)).collect();
    store.put_vendors(&batch, &people).expect("writes");
    for sort in VendorSort::ALL {
        for filtered in [false, true] {
            let query = |offset| VendorQuery {
                sort,
                text: if filtered { "editeur".into() } else { String::new() },
                offset,
                limit: Some(100),
                ..Default::default()
            };
            let mut seen: Vec<_> = (0..3)
                .flat_map(|page| store.query_vendors(&query(page * 100)).expect("queries").items)
                .map(|v| v.id)
                .collect();
            let every = store
                .query_vendors(&VendorQuery {
                    limit: None,
                    ..query(0)
                })
                .expect("queries");
            assert_eq!(every.total, 250);
            assert_eq!(seen, every.items.iter().map(|v| v.id).collect::<Vec<_>>(), "{sort:?}");
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), 250);
        }
    }
    let page = |offset| PeopleQuery {
        text: "personne".into(),
        offset,
        limit: Some(100),
        ..Default::default()
    };
    let names: Vec<String> = (0..3)
        .flat_map(|p| store.query_people(&page(p * 100)).expect("queries").items)
        .map(|p| p.fields.name)
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| atelier_core::text::fold(n));
    assert_eq!(names.len(), 250);
    assert_eq!(names, sorted);
}
