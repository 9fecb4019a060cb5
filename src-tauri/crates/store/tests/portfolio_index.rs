//! The portfolio's in-memory index against the project records: every
//! write that touches a live project — new, edited, many at once, trashed,
//! restored, purged, written whole from a template, brought back from an
//! archive, its sponsor replaced — leaves the index in step, and opening
//! builds it from the records.

use atelier_core::portfolio::{PortfolioQuery, SortDirection, SortKey};
use atelier_core::{DesignState, Health, Person, PersonDraft, PersonRef, Project, ProjectBundle, ProjectDraft, Status};
use atelier_store::{PersonReplacement, Store};
use chrono::{NaiveDate, Utc};

fn project(i: usize) -> Project {
    let draft = ProjectDraft {
        title: format!("Parcours {i}"),
        summary: format!("Résumé {}", i % 3),
        tags: vec![format!("Tag{}", i % 4)],
        health: Health::ALL[i % Health::ALL.len()],
        start_date: NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1),
        sponsor: Some(PersonRef::Named {
            name: format!("Sponsor {i}"),
        }),
        ..Default::default()
    };
    Project::create(draft, Utc::now()).expect("valid draft")
}

fn person(name: &str) -> Person {
    Person::create(
        PersonDraft {
            name: name.into(),
            ..Default::default()
        },
        Utc::now(),
    )
    .expect("valid person")
}

/// The index holds exactly one row per live project, equal to the row
/// the record gives, and every order it keeps lists them all in order.
fn in_step(store: &Store, after: &str) {
    if let Err(e) = store.check_portfolio_index() {
        panic!("after {after}: {e}");
    }
    if let Err(e) = store.check_search_index() {
        panic!("after {after}: {e}");
    }
}

/// Asks for a page of the whole portfolio in several orders, so that the
/// index builds and keeps them.
fn browse(store: &Store) {
    for sort in [SortKey::UpdatedAt, SortKey::Title, SortKey::StartDate, SortKey::Health] {
        for direction in [SortDirection::Asc, SortDirection::Desc] {
            let query = PortfolioQuery {
                sort,
                direction,
                limit: 5,
                ..Default::default()
            };
            store.query_projects(&query).expect("queries");
        }
    }
}

fn titles_found(store: &Store, text: &str) -> Vec<String> {
    let query = PortfolioQuery {
        text: text.into(),
        ..Default::default()
    };
    let page = store.query_projects(&query).expect("queries");
    page.items.into_iter().map(|p| p.fields.title).collect()
}

#[test]
fn every_write_to_a_live_project_keeps_the_portfolio_index_in_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    in_step(&store, "opening an empty folder");

    let mut all: Vec<Project> = (0..12).map(project).collect();
    store.put_projects(&all).expect("writes");
    in_step(&store, "writing a few projects");
    browse(&store);
    in_step(&store, "browsing the portfolio in eight orders");
    let many: Vec<Project> = (100..300).map(project).collect();
    store.put_projects(&many).expect("writes");
    in_step(&store, "writing many projects at once");
    browse(&store);

    all[0].fields.title = "Accueil des alternants".into();
    all[0].fields.tags = vec!["RGPD".into()];
    all[0].status = Status::Pilot;
    store.put_project(&all[0]).expect("writes");
    in_step(&store, "editing a project");
    assert_eq!(titles_found(&store, "alternants"), ["Accueil des alternants"]);

    store
        .trash_projects(&[all[1].id, all[2].id], Utc::now())
        .expect("trashes");
    in_step(&store, "trashing two projects");
    let whole = PortfolioQuery {
        limit: 500,
        ..Default::default()
    };
    let listed = store.query_projects(&whole).expect("queries");
    assert!(listed.items.iter().all(|p| p.id != all[1].id && p.id != all[2].id));
    assert_eq!(listed.total, 210);

    store.restore_project(all[1].id).expect("restores");
    in_step(&store, "restoring a project");

    store.purge_project(all[2].id).expect("purges");
    in_step(&store, "purging a trashed project");

    let copy = ProjectBundle {
        project: project(40),
        design: DesignState::default(),
        cycles: Vec::new(),
        tasks: Vec::new(),
        activities: Vec::new(),
    };
    store.put_bundle(&copy).expect("writes the bundle");
    in_step(&store, "writing a project whole (template, duplicate)");

    let archived = store.project_archive_records(all[3].id).expect("reads its records");
    all[3].fields.title = "Changé depuis l'archive".into();
    store.put_project(&all[3]).expect("writes");
    store
        .import_project_records(Some(all[3].id), &archived)
        .expect("imports");
    in_step(&store, "importing an archive over its project");
    assert!(titles_found(&store, "archive").is_empty(), "the archived title is back");

    let (claire, paul) = (person("Claire Martin"), person("Paul Durand"));
    store.put_person(&claire).expect("writes");
    store.put_person(&paul).expect("writes");
    all[4].fields.sponsor = Some(PersonRef::Person { id: claire.id });
    store.put_project(&all[4]).expect("writes");
    assert_eq!(titles_found(&store, "martin"), [all[4].fields.title.clone()]);
    all[4].fields.sponsor = Some(PersonRef::Person { id: paul.id });
    let changes = PersonReplacement {
        projects: vec![all[4].clone()],
        ..Default::default()
    };
    store.replace_person(claire.id, &changes).expect("replaces");
    in_step(&store, "replacing a sponsor everywhere");
    assert!(titles_found(&store, "martin").is_empty());
    assert_eq!(titles_found(&store, "durand"), [all[4].fields.title.clone()]);

    let live = store.project_count();
    drop(store);
    let store = Store::open(dir.path()).expect("opens again");
    in_step(&store, "opening again");
    assert_eq!(
        store.query_projects(&PortfolioQuery::default()).expect("queries").total,
        live
    );
}
