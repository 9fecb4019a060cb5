//! The global search against the records: it finds every kind of record
//! by words of its title or texts, accents and case ignored, grouped by
//! kind with the project or vendor it belongs to; a project in the trash
//! hides with its tasks, artefacts and messages and comes back restored;
//! and after every kind of write, a purge and a reopen, the index is in
//! step with the records.

mod common;

use atelier_core::campaign::{Message, MessageDraft};
use atelier_core::search::{Mark, SearchGroup, SearchKind, SearchQuery, SearchResults, OVERVIEW_HITS};
use atelier_core::vendor::{JournalDraft, JournalEntry, JournalKind, VendorType};
use atelier_core::{
    Artefact, ArtefactBody, DesignState, Person, PersonDraft, Phase, Project, Task, TaskDraft, Vendor, VendorDraft,
};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};

fn task(p: &Project, title: &str) -> Task {
    let draft = TaskDraft {
        title: title.into(),
        ..Default::default()
    };
    Task::create(p.id, draft, 0, |_| true, Utc::now()).expect("valid task")
}

fn idea(p: &Project, title: &str, description: &str) -> Artefact {
    let body = ArtefactBody::Idea {
        title: title.into(),
        description: description.into(),
        shortlisted: false,
    };
    Artefact::create(p.id, Phase::Ideate, body, Utc::now()).expect("valid artefact")
}

fn message(p: &Project, subject: &str) -> Message {
    let draft = MessageDraft {
        subject: subject.into(),
        audience: "Managers de proximité".into(),
        ..Default::default()
    };
    Message::create(p.id, draft, |_| true, Utc::now()).expect("valid message")
}

fn vendor(name: &str) -> Vendor {
    let draft = VendorDraft {
        name: name.into(),
        vendor_type: VendorType::ALL[0],
        modalities: Vec::new(),
        website: String::new(),
        country: "France".into(),
        tags: Vec::new(),
    };
    Vendor::create(draft, Utc::now()).expect("valid vendor")
}

fn person(name: &str) -> Person {
    let draft = PersonDraft {
        name: name.into(),
        job_title: "Responsable formation".into(),
        ..Default::default()
    };
    Person::create(draft, Utc::now()).expect("valid person")
}

fn entry(v: &Vendor, title: &str, body: &str) -> JournalEntry {
    let draft = JournalDraft {
        date: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        kind: JournalKind::Demo,
        title: title.into(),
        body: body.into(),
    };
    JournalEntry::create(v.id, draft, Utc::now()).expect("valid entry")
}

fn search(store: &Store, text: &str) -> SearchResults {
    store
        .search(&SearchQuery {
            text: text.into(),
            ..Default::default()
        })
        .expect("searches")
}

fn group(results: &SearchResults, kind: SearchKind) -> Option<&SearchGroup> {
    results.groups.iter().find(|g| g.kind == kind)
}

fn plain(marks: &[Mark]) -> String {
    marks.iter().map(|m| m.text.as_str()).collect()
}

fn titles(results: &SearchResults, kind: SearchKind) -> Vec<String> {
    group(results, kind)
        .map(|g| g.hits.iter().map(|h| plain(&h.title)).collect())
        .unwrap_or_default()
}

fn in_step(store: &Store, after: &str) {
    if let Err(e) = store.check_search_index() {
        panic!("after {after}: {e}");
    }
}

#[test]
fn every_kind_is_found_grouped_with_what_it_belongs_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let p = common::project(&store, "Onboarding des managers");
    store
        .put_tasks(p.id, &[task(&p, "Relire le module manager")])
        .expect("tasks");
    store
        .put_artefact(&idea(&p, "Quiz mobile", "Un quiz pour les managers"))
        .expect("artefact");
    store.put_message(&message(&p, "Lancement")).expect("message");
    let v = vendor("Manager Academy");
    store.put_vendor(&v, None).expect("vendor");
    store
        .put_journal_entry(&entry(&v, "Démo", "Très bon module manager"))
        .expect("entry");
    store.put_person(&person("Émilie Manager")).expect("person");
    in_step(&store, "writing one record of each kind");

    let found = search(&store, "MANAGER");
    let kinds: Vec<SearchKind> = found.groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, SearchKind::ALL, "one group per kind, in kind order");
    let task_hit = &group(&found, SearchKind::Task).expect("tasks").hits[0];
    let owner = task_hit.owner.as_ref().expect("a task names its project");
    assert_eq!(owner.title, "Onboarding des managers");
    assert_eq!(owner.id, p.id.0.to_string());
    let journal = &group(&found, SearchKind::Journal).expect("journal").hits[0];
    assert_eq!(
        journal.owner.as_ref().map(|o| o.title.as_str()),
        Some("Manager Academy")
    );
    // Found in its texts, not its title: the excerpt shows where.
    assert_eq!(plain(&journal.excerpt), "Très bon module manager");
    assert!(journal.excerpt.iter().any(|m| m.hit && m.text == "manager"));
    let message = &group(&found, SearchKind::Message).expect("messages").hits[0];
    assert_eq!(plain(&message.excerpt), "Managers de proximité");

    // Accents and case are ignored both ways; every word must be found.
    assert_eq!(
        titles(&search(&store, "emilie"), SearchKind::Person),
        ["Émilie Manager"]
    );
    assert_eq!(titles(&search(&store, "DÉMO très"), SearchKind::Journal), ["Démo"]);
    assert!(search(&store, "manager introuvable").groups.is_empty());
    assert!(search(&store, "   ").groups.is_empty());
}

#[test]
fn a_trashed_project_hides_with_its_records_and_a_purge_forgets_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let p = common::project(&store, "Sécurité au poste");
    let t = task(&p, "Tourner la vidéo sécurité");
    store.put_tasks(p.id, std::slice::from_ref(&t)).expect("tasks");
    let a = idea(&p, "Escape game sécurité", "");
    store.put_artefact(&a).expect("artefact");
    let m = message(&p, "Rappel sécurité");
    store.put_message(&m).expect("message");
    assert_eq!(search(&store, "securite").groups.len(), 4);

    store.trash_project(p.id, Utc::now()).expect("trash");
    in_step(&store, "a trash");
    assert!(
        search(&store, "securite").groups.is_empty(),
        "nothing of a trashed project is found"
    );
    store.restore_project(p.id).expect("restore");
    in_step(&store, "a restore");
    assert_eq!(search(&store, "securite").groups.len(), 4);

    // Each kind of write and delete keeps the index in step.
    let mut renamed = t.clone();
    renamed.fields.title = "Tourner le film".into();
    store.put_tasks(p.id, &[renamed]).expect("task edited");
    in_step(&store, "a task edited");
    assert_eq!(titles(&search(&store, "film"), SearchKind::Task), ["Tourner le film"]);
    store.delete_task(p.id, t.id).expect("task deleted");
    in_step(&store, "a task deleted");
    store
        .delete_artefact(p.id, a.id, &DesignState::default())
        .expect("artefact deleted");
    in_step(&store, "an artefact deleted");
    store.delete_message(p.id, m.id).expect("message deleted");
    in_step(&store, "a message deleted");
    assert_eq!(search(&store, "securite").groups.len(), 1);

    store.put_artefact(&idea(&p, "Affiche sécurité", "")).expect("artefact");
    store.trash_project(p.id, Utc::now()).expect("trash");
    store.purge_project(p.id).expect("purge");
    in_step(&store, "a purge");
    assert!(search(&store, "affiche").groups.is_empty());

    let v = vendor("Sécurité Formation SA");
    let e = entry(&v, "Appel", "sécurité");
    store.put_vendor(&v, None).expect("vendor");
    store.put_journal_entry(&e).expect("entry");
    store.delete_journal_entry(v.id, e.id).expect("entry deleted");
    in_step(&store, "a journal entry deleted");
    store.put_journal_entry(&e).expect("entry");
    store.delete_vendor(v.id).expect("vendor deleted");
    in_step(&store, "a vendor deleted with its journal");
    let someone = person("Paul Sécurité");
    store.put_person(&someone).expect("person");
    store.delete_person(someone.id).expect("person deleted");
    in_step(&store, "a person deleted");
    assert!(search(&store, "securite").groups.is_empty());
}

#[test]
fn title_hits_come_first_an_overview_shows_a_few_and_a_kind_is_paged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (first, second) = {
        let store = Store::open(dir.path()).expect("opens");
        let mut projects: Vec<Project> = (0..12)
            .map(|i| common::project(&store, &format!("Atelier {i:02}")))
            .collect();
        let mut by_summary = projects.pop().expect("a project");
        by_summary.fields.title = "Aaa sans le mot".into();
        by_summary.fields.summary = "Un atelier de plus".into();
        store.put_project(&by_summary).expect("writes");
        let results = search(&store, "atelier");
        let projects_found = group(&results, SearchKind::Project).expect("projects");
        assert_eq!(projects_found.total, 12);
        assert_eq!(projects_found.hits.len(), OVERVIEW_HITS);
        let page = |offset| {
            store
                .search(&SearchQuery {
                    text: "atelier".into(),
                    kind: Some(SearchKind::Project),
                    offset,
                    limit: Some(10),
                })
                .expect("searches")
        };
        let (first, second) = (page(0), page(10));
        assert_eq!(first.groups.len(), 1, "a kind's page holds that kind only");
        drop(projects);
        (
            titles(&first, SearchKind::Project),
            titles(&second, SearchKind::Project),
        )
    };
    let mut expected: Vec<String> = (0..11).map(|i| format!("Atelier {i:02}")).collect();
    expected.push("Aaa sans le mot".into());
    let all: Vec<String> = first.into_iter().chain(second).collect();
    assert_eq!(all, expected, "title hits by title, then the one found in its summary");

    let reopened = Store::open(dir.path()).expect("opens again");
    in_step(&reopened, "a reopen");
    assert_eq!(
        group(&search(&reopened, "atelier"), SearchKind::Project).map(|g| g.total),
        Some(12)
    );
}
