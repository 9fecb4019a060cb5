//! The portfolio at scale, Atelier's store against a SQLite baseline.
//!
//! The same generated projects go into Atelier's store (sled and the
//! portfolio's in-memory index) and into SQLite (rusqlite, bundled) with
//! the indexes a careful developer would create: one per sort column (in
//! the direction the portfolio lists by default, with the tie-breaks), a
//! table of tags, and an FTS5 trigram table of the text the portfolio
//! searches, folded as it folds it, so that a word is found inside words
//! as Atelier finds it. Each query runs on both,
//! which must return the same page; the table gives p50 and p99 and the
//! ratio of Atelier's p99 to SQLite's, then saving a project (write and
//! flush, SQLite in WAL with `synchronous=FULL`), opening, and what opening
//! adds to the process's resident memory.
//!
//! `make bench` (`cargo bench`) runs it at 5,000 and 50,000 projects; run
//! by `cargo test --benches` it runs once on 300 projects, which proves it
//! builds, runs and agrees with SQLite without timing anything.

mod common;

use std::path::Path;
use std::time::Instant;

use common::{mb, measure, ms, rank, resident, table_head, timing_row, Effort, Filters};

use atelier_core::portfolio::{PortfolioQuery, PortfolioRow, SortDirection, SortKey};
use atelier_core::{Health, PersonRef, Project, ProjectDraft, Status};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};
use rusqlite::{params, Connection};

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

/// The queries measured, by name, for `n` projects.
fn queries(n: usize) -> Vec<(&'static str, PortfolioQuery)> {
    vec![
        (
            "first page",
            PortfolioQuery {
                limit: 100,
                ..Default::default()
            },
        ),
        (
            "text + statuses, by start",
            PortfolioQuery {
                text: "securite".into(),
                statuses: vec![Status::Design, Status::Pilot, Status::Deployment],
                sort: SortKey::StartDate,
                direction: SortDirection::Asc,
                limit: 100,
                ..Default::default()
            },
        ),
        (
            "tag, by health",
            PortfolioQuery {
                tag: Some("rgpd".into()),
                sort: SortKey::Health,
                limit: 100,
                ..Default::default()
            },
        ),
        (
            "by title, middle page",
            PortfolioQuery {
                sort: SortKey::Title,
                offset: (n / 2) as u32,
                limit: 100,
                ..Default::default()
            },
        ),
    ]
}

/// The SQLite baseline: one row per project with its sort columns, its
/// tags apart, its folded text in FTS5, the record as JSON.
struct Sqlite(Connection);

const SCHEMA: &str = "
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    CREATE TABLE projects (
        id BLOB PRIMARY KEY, status INTEGER, health INTEGER, updated_at INTEGER,
        title_key TEXT, start_date TEXT, end_date TEXT, planned_cents INTEGER, data TEXT);
    CREATE INDEX by_status ON projects(status);
    CREATE INDEX by_health ON projects(health DESC, title_key, id);
    CREATE INDEX by_updated ON projects(updated_at DESC, title_key, id);
    CREATE INDEX by_title ON projects(title_key, id);
    CREATE INDEX by_start ON projects(start_date);
    CREATE INDEX by_end ON projects(end_date);
    CREATE INDEX by_budget ON projects(planned_cents);
    CREATE TABLE tags (project INTEGER, tag TEXT);
    CREATE INDEX by_tag ON tags(tag, project);
    CREATE VIRTUAL TABLE search USING fts5(text, tokenize = 'trigram');
";

impl Sqlite {
    fn create(path: &Path, projects: &[Project]) -> Sqlite {
        let mut db = Connection::open(path).expect("opens SQLite");
        db.execute_batch(SCHEMA).expect("schema");
        let tx = db.transaction().expect("transaction");
        for p in projects {
            Sqlite::write(&tx, p, false);
        }
        tx.commit().expect("commits");
        Sqlite(db)
    }

    /// Writes `p`, replacing its earlier row when `replace`.
    fn write(db: &Connection, p: &Project, replace: bool) {
        if replace {
            let rowid: i64 = db
                .query_row("SELECT rowid FROM projects WHERE id = ?", [&p.id.as_bytes()[..]], |r| {
                    r.get(0)
                })
                .expect("finds");
            db.execute("DELETE FROM projects WHERE rowid = ?", [rowid])
                .expect("deletes");
            db.execute("DELETE FROM tags WHERE project = ?", [rowid])
                .expect("deletes");
            db.execute("DELETE FROM search WHERE rowid = ?", [rowid])
                .expect("deletes");
        }
        let f = &p.fields;
        let row = PortfolioRow::of(p);
        db.execute(
            "INSERT INTO projects (id, status, health, updated_at, title_key, start_date, end_date, planned_cents, data)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            params![
                &p.id.as_bytes()[..],
                rank(&Status::ALL, &p.status),
                rank(&Health::ALL, &f.health),
                p.updated_at.timestamp_nanos_opt().expect("a date SQLite can hold"),
                row.title_key(),
                f.start_date.map(|d| d.to_string()),
                f.end_date.map(|d| d.to_string()),
                f.budget.planned_cents,
                serde_json::to_string(p).expect("encodes"),
            ],
        )
        .expect("inserts");
        let rowid = db.last_insert_rowid();
        for tag in &f.tags {
            db.execute("INSERT INTO tags VALUES (?, ?)", params![rowid, tag.to_lowercase()])
                .expect("inserts");
        }
        db.execute(
            "INSERT INTO search (rowid, text) VALUES (?, ?)",
            params![rowid, row.searched_text()],
        )
        .expect("inserts");
    }

    /// The query's page and total, as Atelier's store answers it.
    fn query(&self, q: &PortfolioQuery) -> (usize, Vec<Project>) {
        let mut filters = Filters::default();
        filters.words("search", &q.text);
        filters.ranks("r.status", &Status::ALL, &q.statuses);
        filters.ranks("r.health", &Health::ALL, &q.healths);
        if let Some(tag) = &q.tag {
            filters.keep(
                "r.rowid IN (SELECT project FROM tags WHERE tag = ?)",
                Some(tag.to_lowercase().into()),
            );
        }
        let dir = match q.direction {
            SortDirection::Asc => "ASC",
            SortDirection::Desc => "DESC",
        };
        let (column, missing_last) = match q.sort {
            SortKey::UpdatedAt => ("updated_at", false),
            SortKey::Title => ("title_key", false),
            SortKey::Status => ("status", false),
            SortKey::Health => ("health", false),
            SortKey::StartDate => ("start_date", true),
            SortKey::EndDate => ("end_date", true),
            SortKey::BudgetPlanned => ("planned_cents", true),
        };
        let nulls = if missing_last { " NULLS LAST" } else { "" };
        let order = format!("r.{column} {dir}{nulls}, r.title_key, r.id");
        filters.page(&self.0, "projects", &order, q.offset, q.page_size())
    }
}

fn run(n: usize, effort: &Effort) {
    let dir = tempfile::tempdir().expect("temp dir");
    let projects = generated(n);
    {
        let store = Store::open(dir.path()).expect("opens");
        for chunk in projects.chunks(5_000) {
            store.put_projects(chunk).expect("writes");
        }
    }
    let sqlite_path = dir.path().join("baseline.sqlite");
    drop(Sqlite::create(&sqlite_path, &projects));
    drop(projects);

    let before = resident();
    let t = Instant::now();
    let store = Store::open(dir.path()).expect("opens");
    let store_open = t.elapsed();
    let store_memory = resident().saturating_sub(before);
    let before = resident();
    let t = Instant::now();
    let sqlite = Sqlite(Connection::open(&sqlite_path).expect("opens"));
    sqlite.0.execute_batch("PRAGMA synchronous = FULL;").expect("pragma");
    let count: i64 = sqlite
        .0
        .query_row("SELECT count(*) FROM projects", [], |r| r.get(0))
        .expect("counts");
    let sqlite_open = t.elapsed();
    let sqlite_memory = resident().saturating_sub(before);
    assert_eq!(count as usize, n);

    table_head(&format!("{n} projects"));
    for (name, q) in queries(n) {
        let ours = store.query_projects(&q).expect("queries");
        let theirs = sqlite.query(&q);
        let ids = |items: &[Project]| items.iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ours.total, theirs.0, "{name}: both count the same projects");
        assert_eq!(ids(&ours.items), ids(&theirs.1), "{name}: both give the same page");
        timing_row(
            &format!("{name} ({} found)", ours.total),
            measure(effort, || drop(store.query_projects(&q).expect("queries"))),
            measure(effort, || drop(sqlite.query(&q))),
        );
    }
    let mut edited = store.query_projects(&PortfolioQuery::default()).expect("queries").items;
    let kept = edited.len();
    let mut round = 0;
    let ours = measure(effort, || {
        round += 1;
        let p = &mut edited[round % kept];
        p.fields.title = format!("Parcours modifié {round}");
        store.put_project(p).expect("saves");
    });
    let theirs = measure(effort, || {
        round += 1;
        let p = &mut edited[round % kept];
        p.fields.title = format!("Parcours modifié {round}");
        let tx = sqlite.0.unchecked_transaction().expect("transaction");
        Sqlite::write(&tx, p, true);
        tx.commit().expect("commits");
    });
    timing_row("save a project (write + flush)", ours, theirs);
    println!(
        "| open (Atelier: every record read and checked; SQLite: open and count) | {} | | {} | | |",
        ms(store_open),
        ms(sqlite_open)
    );
    println!(
        "| resident memory added by opening | {} | | {} | | |",
        mb(store_memory),
        mb(sqlite_memory)
    );
}

fn main() {
    match Effort::from_args() {
        Some(effort) => {
            for n in [5_000, 50_000] {
                run(n, &effort);
            }
        }
        None => run(300, &Effort::once()),
    }
}
