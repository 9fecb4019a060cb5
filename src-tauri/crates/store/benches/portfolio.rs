//! Portfolio listing at scale: filter + sort + one page, over 5,000 and
//! 50,000 generated projects in a real sled database on disk.
//! Run with `make bench`.

use atelier_core::portfolio::{PortfolioQuery, SortDirection, SortKey};
use atelier_core::{Health, PersonRef, Project, ProjectDraft, Status};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

const WORDS: &[&str] = &[
    "manager",
    "sécurité",
    "onboarding",
    "RGPD",
    "digital",
    "vente",
    "accueil",
    "feedback",
];

fn generated(n: usize) -> Vec<Project> {
    (0..n)
        .map(|i| {
            let draft = ProjectDraft {
                title: format!("Parcours {} {i}", WORDS[i % WORDS.len()]),
                summary: format!("Programme {} pour l'équipe {}", WORDS[(i / 3) % WORDS.len()], i % 97),
                sponsor: Some(PersonRef::Named {
                    name: format!("Sponsor {}", i % 40),
                }),
                start_date: NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1 + (i % 28) as u32),
                health: Health::ALL[i % 3],
                tags: vec![WORDS[i % 5].to_owned()],
                ..Default::default()
            };
            let mut p = Project::create(draft, Utc::now()).expect("valid");
            p.status = Status::ALL[i % 7];
            p
        })
        .collect()
}

fn portfolio(c: &mut Criterion) {
    let mut group = c.benchmark_group("portfolio");
    group.sample_size(10);
    for n in [5_000usize, 50_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("opens");
        for chunk in generated(n).chunks(5_000) {
            store.put_projects(chunk).expect("writes");
        }
        let first_page = PortfolioQuery {
            limit: 100,
            ..Default::default()
        };
        let filtered = PortfolioQuery {
            text: "securite".into(),
            statuses: vec![Status::Design, Status::Pilot, Status::Deployment],
            sort: SortKey::StartDate,
            direction: SortDirection::Asc,
            limit: 100,
            ..Default::default()
        };
        let deep_page = PortfolioQuery {
            sort: SortKey::Title,
            offset: (n / 2) as u32,
            limit: 100,
            ..Default::default()
        };
        group.bench_with_input(BenchmarkId::new("first_page", n), &first_page, |b, q| {
            b.iter(|| store.query_projects(q).expect("query"))
        });
        group.bench_with_input(BenchmarkId::new("text_status_filter", n), &filtered, |b, q| {
            b.iter(|| store.query_projects(q).expect("query"))
        });
        group.bench_with_input(BenchmarkId::new("title_sort_middle_page", n), &deep_page, |b, q| {
            b.iter(|| store.query_projects(q).expect("query"))
        });
    }
    group.finish();
}

criterion_group!(benches, portfolio);
criterion_main!(benches);
