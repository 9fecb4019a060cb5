//! Cycles and tasks live under their project: one prefix scan to list,
//! kept while the project is in the trash, gone when it is purged.

mod common;

use atelier_core::{Artefact, ArtefactBody, Cycle, CycleDraft, DesignState, Phase, Project, Task, TaskDraft};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};

fn cycle(p: &Project, start: u32) -> Cycle {
    let day = |d| NaiveDate::from_ymd_opt(2026, 4, d).expect("date");
    let draft = CycleDraft {
        goal: "Goal".into(),
        start: day(start),
        end: day(start + 13),
        phase_focus: None,
        review_note: String::new(),
    };
    Cycle::create(p.id, draft, &[], Utc::now()).expect("valid")
}

fn task(p: &Project, title: &str) -> Task {
    Task::create(
        p.id,
        TaskDraft {
            title: title.into(),
            ..Default::default()
        },
        0,
        |_| true,
        Utc::now(),
    )
    .expect("valid")
}

#[test]
fn children_are_listed_per_project_and_survive_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = {
        let store = Store::open(dir.path()).expect("opens");
        let a = common::project(&store, "A");
        let b = common::project(&store, "B");
        store.put_cycle(&cycle(&a, 1)).expect("writes");
        store
            .put_tasks(a.id, &[task(&a, "a1"), task(&a, "a2")])
            .expect("writes");
        store.put_tasks(b.id, &[task(&b, "b1")]).expect("writes");
        (a, b)
    };
    let store = Store::open(dir.path()).expect("reopens");
    let c = common::project(&store, "C");
    assert!(store.has_children(a.id).expect("reads"));
    assert!(store.has_children(b.id).expect("reads"));
    assert!(!store.has_children(c.id).expect("reads"));
    assert_eq!(store.cycles(a.id).expect("lists").len(), 1);
    assert!(store.cycles(b.id).expect("lists").is_empty());
    let titles: Vec<String> = store
        .tasks(a.id)
        .expect("lists")
        .into_iter()
        .map(|t| t.fields.title)
        .collect();
    assert_eq!(titles, ["a1", "a2"]);
}

#[test]
fn trash_keeps_children_and_purge_removes_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let p = common::project(&store, "P");
    let keep = common::project(&store, "Keep");
    store.put_cycle(&cycle(&p, 1)).expect("writes");
    store.put_tasks(p.id, &[task(&p, "t")]).expect("writes");
    store.put_tasks(keep.id, &[task(&keep, "k")]).expect("writes");

    let hmw = ArtefactBody::HowMightWe {
        statement: "Comment accueillir ?".into(),
    };
    store
        .put_artefact(&Artefact::create(p.id, Phase::Define, hmw, Utc::now()).expect("valid"))
        .expect("writes");
    store
        .put_design_state(
            p.id,
            &DesignState {
                phase: Phase::Define,
                ..Default::default()
            },
        )
        .expect("writes");

    store.trash_project(p.id, Utc::now()).expect("trashes");
    store.restore_project(p.id).expect("restores");
    assert_eq!(
        store.tasks(p.id).expect("lists").len(),
        1,
        "restore brings the tasks back"
    );

    store.trash_project(p.id, Utc::now()).expect("trashes");
    store.purge_project(p.id).expect("purges");
    assert!(store.cycles(p.id).expect("lists").is_empty());
    assert!(store.artefacts(p.id).expect("lists").is_empty());
    assert_eq!(store.design_state(p.id).expect("reads"), DesignState::default());
    assert!(store.tasks(p.id).expect("lists").is_empty());
    assert_eq!(
        store.tasks(keep.id).expect("lists").len(),
        1,
        "other projects keep theirs"
    );
}

#[test]
fn deleting_a_cycle_releases_its_tasks_in_the_same_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let p = common::project(&store, "P");
    let c = cycle(&p, 1);
    store.put_cycle(&c).expect("writes");
    let mut t = task(&p, "in cycle");
    t.fields.cycle = Some(c.id);
    store.put_tasks(p.id, std::slice::from_ref(&t)).expect("writes");

    t.fields.cycle = None;
    store
        .delete_cycle(p.id, c.id, std::slice::from_ref(&t))
        .expect("deletes");
    assert!(store.cycles(p.id).expect("lists").is_empty());
    assert_eq!(store.tasks(p.id).expect("lists")[0].fields.cycle, None);
    assert!(store.delete_cycle(p.id, c.id, &[]).is_err());
}
