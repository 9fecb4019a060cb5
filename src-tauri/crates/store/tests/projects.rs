//! Projects in the store: paging through a sorted, filtered portfolio, and
//! the trash (move, restore, purge, samples).

use atelier_core::portfolio::{PortfolioQuery, SortDirection, SortKey};
use atelier_core::{Project, ProjectDraft, ProjectId, Status};
use atelier_store::{Store, StoreError};
use chrono::Utc;

fn project(title: &str) -> Project {
    Project::create(
        ProjectDraft {
            title: title.into(),
            ..Default::default()
        },
        Utc::now(),
    )
    .expect("valid draft")
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    (dir, store)
}

#[test]
fn pages_cover_the_sorted_portfolio_without_overlap() {
    let (_dir, store) = open();
    let mut all: Vec<Project> = (0..57).map(|i| project(&format!("Projet {i:02}"))).collect();
    all[3].status = Status::Pilot;
    store.put_projects(&all).expect("writes");

    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let q = PortfolioQuery {
            sort: SortKey::Title,
            direction: SortDirection::Desc,
            offset,
            limit: 10,
            ..Default::default()
        };
        let page = store.query_projects(&q).expect("queries");
        assert_eq!(page.total, 57);
        if page.items.is_empty() {
            break;
        }
        seen.extend(page.items.into_iter().map(|p| p.fields.title));
        offset += 10;
    }
    let mut expected: Vec<String> = all.iter().map(|p| p.fields.title.clone()).collect();
    expected.sort();
    expected.reverse();
    assert_eq!(seen, expected);

    let pilots = store
        .query_projects(&PortfolioQuery {
            statuses: vec![Status::Pilot],
            ..Default::default()
        })
        .expect("queries");
    assert_eq!((pilots.total, pilots.items[0].id), (1, all[3].id));
}

#[test]
fn trash_restore_and_purge() {
    let (_dir, store) = open();
    let p = project("À jeter puis reprendre");
    store.put_project(&p).expect("writes");

    let trashed = store.trash_project(p.id, Utc::now()).expect("trashes");
    assert_eq!(trashed.project, p);
    assert!(matches!(store.project(p.id), Err(StoreError::NotFound)));
    assert_eq!(
        store.query_projects(&PortfolioQuery::default()).expect("queries").total,
        0
    );
    assert_eq!(store.trashed_projects().expect("lists").len(), 1);
    assert!(matches!(
        store.trash_project(p.id, Utc::now()),
        Err(StoreError::NotFound)
    ));

    assert_eq!(store.restore_project(p.id).expect("restores"), p);
    assert_eq!(store.project(p.id).expect("back"), p);
    assert!(store.trashed_projects().expect("lists").is_empty());

    // Purging only works from the trash.
    assert!(matches!(store.purge_project(p.id), Err(StoreError::NotFound)));
    store.trash_project(p.id, Utc::now()).expect("trashes");
    store.purge_project(p.id).expect("purges");
    assert!(store.trashed_projects().expect("lists").is_empty());
    assert!(matches!(store.restore_project(p.id), Err(StoreError::NotFound)));
}

#[test]
fn samples_are_listed_and_trashed_together_and_come_back_together() {
    let (_dir, store) = open();
    let mine = project("Le mien");
    let mut samples: Vec<Project> = (0..3).map(|i| project(&format!("Exemple {i}"))).collect();
    for s in &mut samples {
        s.sample = true;
    }
    store.put_project(&mine).expect("writes");
    store.put_projects(&samples).expect("writes");
    assert!(store.has_sample_projects());
    let listed: Vec<ProjectId> = store.sample_projects().expect("lists").iter().map(|p| p.id).collect();
    assert_eq!(listed.len(), 3);

    // One id that is not live aborts the whole move.
    assert!(matches!(
        store.trash_projects(&[samples[0].id, mine.id, ProjectId::new()], Utc::now()),
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.project_count(), 4);

    store.trash_projects(&listed, Utc::now()).expect("trashes");
    assert!(!store.has_sample_projects());
    assert_eq!(store.trashed_projects().expect("lists").len(), 3);
    assert_eq!(store.project(mine.id).expect("kept"), mine);

    let back = store.restore_projects(&listed).expect("restores");
    assert_eq!(back.len(), 3);
    assert!(store.trashed_projects().expect("lists").is_empty());
    assert_eq!(store.project_count(), 4);
}
