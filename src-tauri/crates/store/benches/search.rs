//! The global search at scale: 10,000 projects' worth of records — each
//! project with four tasks, three artefacts and two campaign messages,
//! a vendor for every ten projects with four journal entries, and three
//! people for every ten projects — about 108,000 records, searched as the
//! DLM types (the first hits of every kind) and a page of one kind.
//!
//! Before anything is timed, the hits counted must be those the records
//! were written with. The target is 30 ms (p99) a search.
//!
//! `make bench` (`cargo bench`) runs it at 10,000 projects; `cargo test
//! --benches` runs it once at 300.

// The SQLite helpers of `common` serve the other list benchmarks.
#[allow(dead_code)]
mod common;

use std::time::Instant;

use atelier_core::campaign::{Message, MessageDraft};
use atelier_core::search::{SearchKind, SearchQuery, SearchResults};
use atelier_core::vendor::{JournalDraft, JournalEntry, JournalKind, VendorType};
use atelier_core::{
    Artefact, ArtefactBody, Person, PersonDraft, Phase, Project, ProjectDraft, Task, TaskDraft, Vendor, VendorDraft,
};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};
use common::{mb, measure, ms, resident, Effort};

const TOPICS: &[&str] = &[
    "Onboarding",
    "Sécurité au poste",
    "Management de proximité",
    "Évaluation à chaud",
    "Cybersécurité",
    "Relation client",
    "Conduite du changement",
];

fn fill(store: &Store, projects: usize) {
    let now = Utc::now();
    let all: Vec<Project> = (0..projects)
        .map(|i| {
            let draft = ProjectDraft {
                title: format!("{} {i}", TOPICS[i % TOPICS.len()]),
                summary: "Un parcours mixte pour les équipes terrain, avec un pilote".into(),
                audience: "Managers et nouveaux arrivants".into(),
                ..Default::default()
            };
            Project::create(draft, now).expect("valid project")
        })
        .collect();
    for chunk in all.chunks(1_000) {
        store.put_projects(chunk).expect("projects");
    }
    for (i, p) in all.iter().enumerate() {
        let tasks: Vec<Task> = [
            "Rédiger le storyboard",
            "Relire le quiz",
            "Tourner la vidéo",
            "Préparer le pilote",
        ]
        .iter()
        .map(|title| {
            let draft = TaskDraft {
                title: format!("{title} {i}"),
                ..Default::default()
            };
            Task::create(p.id, draft, 0, |_| true, now).expect("valid task")
        })
        .collect();
        store.put_tasks(p.id, &tasks).expect("tasks");
        for (title, description) in [
            ("Quiz mobile", "Un quiz court sur le téléphone, entre deux rendez-vous"),
            ("Classe inversée", "Les managers préparent le cas avant la session"),
            ("Serious game", "Une mission par semaine pendant le pilote"),
        ] {
            let body = ArtefactBody::Idea {
                title: title.into(),
                description: description.into(),
                shortlisted: false,
            };
            let artefact = Artefact::create(p.id, Phase::Ideate, body, now).expect("valid artefact");
            store.put_artefact(&artefact).expect("artefact");
        }
        for subject in ["Annonce du parcours", "Rappel avant la session"] {
            let draft = MessageDraft {
                subject: subject.into(),
                audience: "Managers de proximité".into(),
                key_message: "Le parcours commence lundi : 20 minutes par semaine.".into(),
                ..Default::default()
            };
            let message = Message::create(p.id, draft, |_| true, now).expect("valid message");
            store.put_message(&message).expect("message");
        }
    }
    for v in 0..projects / 10 {
        let draft = VendorDraft {
            name: format!("Studio {v}"),
            vendor_type: VendorType::ALL[v % VendorType::ALL.len()],
            modalities: Vec::new(),
            website: format!("https://studio{v}.example"),
            country: "France".into(),
            tags: vec!["VR".into()],
        };
        let vendor = Vendor::create(draft, now).expect("valid vendor");
        store.put_vendor(&vendor, None).expect("vendor");
        for (d, title) in [
            "Démo casque VR",
            "Appel de référence",
            "Salon Learning Expo",
            "Devis reçu",
        ]
        .iter()
        .enumerate()
        {
            let draft = JournalDraft {
                date: NaiveDate::from_ymd_opt(2026, 1 + d as u32, 10).expect("date"),
                kind: JournalKind::Demo,
                title: (*title).into(),
                body: "Catalogue solide, accessibilité à vérifier".into(),
            };
            let entry = JournalEntry::create(vendor.id, draft, now).expect("valid entry");
            store.put_journal_entry(&entry).expect("entry");
        }
    }
    for n in 0..projects * 3 / 10 {
        let draft = PersonDraft {
            name: format!("Camille Martin {n}"),
            job_title: "Responsable formation".into(),
            ..Default::default()
        };
        store
            .put_person(&Person::create(draft, now).expect("valid person"))
            .expect("person");
    }
}

fn total(results: &SearchResults, kind: SearchKind) -> u32 {
    results.groups.iter().find(|g| g.kind == kind).map_or(0, |g| g.total)
}

fn run(projects: usize, effort: &Effort) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let started = Instant::now();
    fill(&store, projects);
    eprintln!(
        "written {projects} projects' worth in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    drop(store);
    let before = resident();
    let started = Instant::now();
    let store = Store::open(dir.path()).expect("opens again");
    let opened = started.elapsed();
    let held = resident().saturating_sub(before);

    let search = |text: &str, kind: Option<SearchKind>, offset: u32| {
        store
            .search(&SearchQuery {
                text: text.into(),
                kind,
                offset,
                limit: Some(100),
            })
            .expect("searches")
    };
    // The hits are those written.
    let n = projects as u32;
    let quiz = search("quiz MOBILE", None, 0);
    assert_eq!(total(&quiz, SearchKind::Artefact), n);
    assert_eq!(total(&quiz, SearchKind::Task), 0, "every word must be found");
    let managers = search("manager", None, 0);
    for (kind, expected) in [
        (SearchKind::Project, n),
        (SearchKind::Artefact, n),
        (SearchKind::Message, 2 * n),
        (SearchKind::Task, 0),
    ] {
        assert_eq!(total(&managers, kind), expected, "{kind:?}");
    }
    let security = (0..projects).filter(|i| [1, 4].contains(&(i % TOPICS.len()))).count();
    assert_eq!(
        total(&search("securite", None, 0), SearchKind::Project),
        security as u32
    );
    assert!(search("introuvable", None, 0).groups.is_empty());
    let page = search("relire", Some(SearchKind::Task), 100);
    assert_eq!(page.groups[0].hits.len(), 100.min(projects.saturating_sub(100)));

    println!("\n### Global search, {projects} projects' worth (`make bench`)\n");
    println!("opened in {}, index and records held: {}\n", ms(opened), mb(held));
    println!("| search | hits | p50 | p99 |");
    println!("|---|---|---|---|");
    let cases: [(&str, &str, Option<SearchKind>, u32); 6] = [
        ("a word in many records", "manager", None, 0),
        ("two words", "quiz mobile", None, 0),
        ("accents ignored", "evaluation a chaud", None, 0),
        ("a single letter (every record)", "e", None, 0),
        ("no hit", "introuvable", None, 0),
        ("a page of one kind", "relire", Some(SearchKind::Task), 100),
    ];
    for (name, text, kind, offset) in cases {
        let found = search(text, kind, offset);
        let hits: u32 = found.groups.iter().map(|g| g.total).sum();
        let (p50, p99) = measure(effort, || {
            search(text, kind, offset);
        });
        println!("| {name} (`{text}`) | {hits} | {} | {} |", ms(p50), ms(p99));
    }
}

fn main() {
    match Effort::from_args() {
        Some(effort) => run(10_000, &effort),
        None => run(300, &Effort::once()),
    }
}
