//! The vendor registry and the people directory at scale, Atelier's store
//! against a SQLite baseline, as `portfolio` does for the portfolio.
//!
//! Each vendor has two journal entries and one contact in the directory;
//! the directory holds as many people again in departments. SQLite gets
//! the indexes a careful developer would create: one per order of the
//! registry (with the tie-breaks), the directory's by name, vendor and
//! department, tables of modalities, kinds and tags, and FTS5 trigram
//! tables of the folded text each list searches — for a vendor, its own,
//! its journal's and its people's, kept together so that every word may
//! be found in any of them, as Atelier finds it. Both must return the same
//! page before anything is timed.
//!
//! `make bench` (`cargo bench`) runs it at 10,000 vendors and 20,000
//! people; `cargo test --benches` runs it once on 300 vendors.

mod common;

use std::path::Path;
use std::time::Instant;

use atelier_core::directory::DirectoryRow;
use atelier_core::mix::Modality;
use atelier_core::person::{Organisation, PeopleQuery};
use atelier_core::registry::RegistryRow;
use atelier_core::scorecard::{default_criteria, Score};
use atelier_core::text::fold;
use atelier_core::vendor::{JournalDraft, JournalEntry, JournalKind, VendorQuery, VendorSort, VendorType};
use atelier_core::{Person, PersonDraft, PersonKind, Vendor, VendorDraft, VendorId, WatchStage};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};
use common::{mb, measure, ms, rank, resident, table_head, timing_row, Effort, Filters};
use rusqlite::{params, Connection};

const FIRST: &[&str] = &[
    "Camille", "Léa", "Hugo", "Inès", "Louis", "Chloé", "Nathan", "Manon", "Éric",
];
const LAST: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
];
const EVENTS: &[&str] = &[
    "salon Learning Expo",
    "webinaire",
    "démo casque VR",
    "appel de référence",
    "atelier RGPD",
];

/// `n` vendors with their journals, and `n` contacts plus `n` people of
/// departments.
fn generated(n: usize) -> (Vec<Vendor>, Vec<JournalEntry>, Vec<Person>) {
    let now = Utc::now();
    let vendors: Vec<Vendor> = (0..n)
        .map(|i| {
            let draft = VendorDraft {
                name: format!("{} Learning {i}", LAST[i % LAST.len()]),
                vendor_type: VendorType::ALL[i % VendorType::ALL.len()],
                modalities: vec![Modality::ALL[i % Modality::ALL.len()]],
                website: format!("editeur{i}.fr"),
                country: ["France", "Belgique", "Suisse", "Canada"][i % 4].to_owned(),
                tags: vec![["VR", "IA", "Microlearning"][i % 3].to_owned()],
            };
            let mut v = Vendor::create(draft, now).expect("valid");
            v.stage = WatchStage::ALL[i % WatchStage::ALL.len()];
            if i % 3 != 0 {
                v.scores = default_criteria()
                    .into_iter()
                    .enumerate()
                    .map(|(c, criterion)| Score {
                        criterion: criterion.key,
                        score: 1 + ((i + c) % 5) as u8,
                    })
                    .collect();
            }
            v
        })
        .collect();
    let journal = vendors
        .iter()
        .enumerate()
        .flat_map(|(i, v)| {
            (0..2).map(move |k| {
                let draft = JournalDraft {
                    date: NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1 + k).expect("date"),
                    kind: JournalKind::Demo,
                    title: format!("Rencontre : {}", EVENTS[(i + k as usize) % EVENTS.len()]),
                    body: "Échange sur le catalogue, les tarifs et l'intégration SSO.".to_owned(),
                };
                JournalEntry::create(v.id, draft, now).expect("valid")
            })
        })
        .collect();
    let people = (0..2 * n)
        .map(|i| {
            let organisation = match vendors.get(i) {
                Some(v) => Organisation::Vendor { vendor: v.id },
                None => Organisation::Department {
                    name: format!("Service {}", i % 12),
                },
            };
            let draft = PersonDraft {
                name: format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / FIRST.len()) % LAST.len()]),
                job_title: ["Commercial", "Cheffe de projet", "Formateur", "Juriste"][i % 4].to_owned(),
                organisation: Some(organisation),
                kinds: vec![PersonKind::ALL[i % PersonKind::ALL.len()]],
                email: format!("personne{i}@exemple.fr"),
                tags: vec![["Siège", "Région", "Pilote"][i % 3].to_owned()],
                ..Default::default()
            };
            Person::create(draft, now).expect("valid")
        })
        .collect();
    (vendors, journal, people)
}

/// The registry queries measured, by name.
fn vendor_queries(n: usize) -> Vec<(&'static str, VendorQuery)> {
    let page = |q: VendorQuery| VendorQuery { limit: Some(100), ..q };
    vec![
        ("registry: first page by name", page(VendorQuery::default())),
        (
            "registry: journal words, by score",
            page(VendorQuery {
                text: "salon expo".into(),
                sort: VendorSort::Score,
                ..Default::default()
            }),
        ),
        (
            "registry: a contact's name and a country",
            page(VendorQuery {
                text: "camille belgique".into(),
                ..Default::default()
            }),
        ),
        (
            "registry: stages + type, by last change",
            page(VendorQuery {
                stages: vec![WatchStage::Evaluating, WatchStage::Piloting],
                types: vec![VendorType::Startup],
                sort: VendorSort::Updated,
                ..Default::default()
            }),
        ),
        (
            "registry: by stage, middle page",
            page(VendorQuery {
                sort: VendorSort::Stage,
                offset: (n / 2) as u32,
                ..Default::default()
            }),
        ),
    ]
}

/// The directory queries measured, by name.
fn people_queries(n: usize, vendor: VendorId) -> Vec<(&'static str, PeopleQuery)> {
    let page = |q: PeopleQuery| PeopleQuery { limit: Some(100), ..q };
    vec![
        ("directory: first page", page(PeopleQuery::default())),
        (
            "directory: words, a department",
            page(PeopleQuery {
                text: "martin".into(),
                department: Some("service 3".into()),
                ..Default::default()
            }),
        ),
        (
            "directory: kind + tag",
            page(PeopleQuery {
                kinds: vec![PersonKind::It, PersonKind::Sponsor],
                tag: Some("siege".into()),
                ..Default::default()
            }),
        ),
        (
            "directory: a vendor's people",
            page(PeopleQuery {
                vendor: Some(vendor),
                ..Default::default()
            }),
        ),
        (
            "directory: middle page",
            page(PeopleQuery {
                offset: n as u32,
                ..Default::default()
            }),
        ),
    ]
}

const SCHEMA: &str = "
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    CREATE TABLE vendors (
        id BLOB PRIMARY KEY, stage INTEGER, type INTEGER, total INTEGER, updated_at INTEGER,
        name_key TEXT, data TEXT);
    CREATE INDEX v_by_name ON vendors(name_key, id);
    CREATE INDEX v_by_score ON vendors(total DESC, name_key, id);
    CREATE INDEX v_by_stage ON vendors(stage, name_key, id);
    CREATE INDEX v_by_updated ON vendors(updated_at DESC, name_key, id);
    CREATE TABLE modalities (vendor INTEGER, modality INTEGER);
    CREATE INDEX by_modality ON modalities(modality, vendor);
    CREATE VIRTUAL TABLE vendor_search USING fts5(text, tokenize = 'trigram');
    CREATE TABLE people (
        id BLOB PRIMARY KEY, name_key TEXT, vendor BLOB, department_key TEXT, data TEXT);
    CREATE INDEX p_by_name ON people(name_key, id);
    CREATE INDEX p_by_vendor ON people(vendor);
    CREATE INDEX p_by_department ON people(department_key);
    CREATE TABLE kinds (person INTEGER, kind INTEGER);
    CREATE INDEX by_kind ON kinds(kind, person);
    CREATE TABLE tags (person INTEGER, tag TEXT);
    CREATE INDEX by_tag ON tags(tag, person);
    CREATE VIRTUAL TABLE people_search USING fts5(text, tokenize = 'trigram');
";

/// The SQLite baseline of both lists.
struct Sqlite(Connection);

impl Sqlite {
    fn create(path: &Path, vendors: &[Vendor], journal: &[JournalEntry], people: &[Person]) -> Sqlite {
        let mut db = Connection::open(path).expect("opens SQLite");
        db.execute_batch(SCHEMA).expect("schema");
        let tx = db.transaction().expect("transaction");
        let criteria = default_criteria();
        for v in vendors {
            let theirs: Vec<&JournalEntry> = journal.iter().filter(|e| e.vendor == v.id).collect();
            let journal: Vec<JournalEntry> = theirs.into_iter().cloned().collect();
            let row = RegistryRow::of(v, &journal, &criteria);
            let contacts: Vec<String> = people
                .iter()
                .filter(|p| p.fields.vendor() == Some(v.id))
                .map(|p| DirectoryRow::of(p).contact_text().to_owned())
                .collect();
            tx.execute(
                "INSERT INTO vendors (id, stage, type, total, updated_at, name_key, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                params![
                    &v.id.as_bytes()[..],
                    rank(&WatchStage::ALL, &v.stage),
                    rank(&VendorType::ALL, &v.fields.vendor_type),
                    row.total,
                    v.updated_at.timestamp_nanos_opt().expect("a date SQLite can hold"),
                    row.name_key(),
                    serde_json::to_string(v).expect("encodes"),
                ],
            )
            .expect("inserts");
            let rowid = tx.last_insert_rowid();
            for m in &v.fields.modalities {
                tx.execute(
                    "INSERT INTO modalities VALUES (?, ?)",
                    params![rowid, rank(&Modality::ALL, m)],
                )
                .expect("inserts");
            }
            let text = std::iter::once(row.searched_text().to_owned())
                .chain(contacts)
                .collect::<Vec<_>>();
            tx.execute(
                "INSERT INTO vendor_search (rowid, text) VALUES (?, ?)",
                params![rowid, text.join("\n")],
            )
            .expect("inserts");
        }
        for p in people {
            let row = DirectoryRow::of(p);
            let department = match &p.fields.organisation {
                Some(Organisation::Department { name }) => Some(fold(name)),
                _ => None,
            };
            tx.execute(
                "INSERT INTO people (id, name_key, vendor, department_key, data) VALUES (?, ?, ?, ?, ?)",
                params![
                    &p.id.as_bytes()[..],
                    row.name_key(),
                    p.fields.vendor().map(|v| v.as_bytes().to_vec()),
                    department,
                    serde_json::to_string(p).expect("encodes"),
                ],
            )
            .expect("inserts");
            let rowid = tx.last_insert_rowid();
            for k in &p.fields.kinds {
                tx.execute(
                    "INSERT INTO kinds VALUES (?, ?)",
                    params![rowid, rank(&PersonKind::ALL, k)],
                )
                .expect("inserts");
            }
            for t in &p.fields.tags {
                tx.execute("INSERT INTO tags VALUES (?, ?)", params![rowid, fold(t)])
                    .expect("inserts");
            }
            tx.execute(
                "INSERT INTO people_search (rowid, text) VALUES (?, ?)",
                params![rowid, row.searched_texts().join("\n")],
            )
            .expect("inserts");
        }
        tx.commit().expect("commits");
        Sqlite(db)
    }

    fn vendors(&self, q: &VendorQuery) -> (usize, Vec<Vendor>) {
        let mut filters = Filters::default();
        filters.words("vendor_search", &q.text);
        filters.ranks("r.stage", &WatchStage::ALL, &q.stages);
        filters.ranks("r.type", &VendorType::ALL, &q.types);
        if let Some(m) = q.modality {
            let modality = rank(&Modality::ALL, &m);
            filters.keep(
                format!("r.rowid IN (SELECT vendor FROM modalities WHERE modality = {modality})"),
                None,
            );
        }
        if let Some(min) = q.min_total {
            filters.keep(format!("r.total >= {min}"), None);
        }
        let order = match q.sort {
            VendorSort::Name => "r.name_key, r.id",
            VendorSort::Score => "r.total DESC, r.name_key, r.id",
            VendorSort::Stage => "r.stage, r.name_key, r.id",
            VendorSort::Updated => "r.updated_at DESC, r.name_key, r.id",
        };
        let limit = q.limit.map_or(usize::MAX, atelier_core::paging::page_size);
        filters.page(&self.0, "vendors", order, q.offset, limit)
    }

    fn people(&self, q: &PeopleQuery) -> (usize, Vec<Person>) {
        let mut filters = Filters::default();
        filters.words("people_search", &q.text);
        if !q.kinds.is_empty() {
            let kinds: Vec<String> = q.kinds.iter().map(|k| rank(&PersonKind::ALL, k).to_string()).collect();
            filters.keep(
                format!(
                    "r.rowid IN (SELECT person FROM kinds WHERE kind IN ({}))",
                    kinds.join(",")
                ),
                None,
            );
        }
        if let Some(vendor) = q.vendor {
            filters.keep("r.vendor = ?", Some(vendor.as_bytes().to_vec().into()));
        }
        if let Some(department) = &q.department {
            filters.keep("r.department_key = ?", Some(fold(department).into()));
        }
        if let Some(tag) = &q.tag {
            filters.keep(
                "r.rowid IN (SELECT person FROM tags WHERE tag = ?)",
                Some(fold(tag).into()),
            );
        }
        let limit = q.limit.map_or(usize::MAX, atelier_core::paging::page_size);
        filters.page(&self.0, "people", "r.name_key, r.id", q.offset, limit)
    }
}

fn run(n: usize, effort: &common::Effort) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vendors, journal, people) = generated(n);
    {
        let store = Store::open(dir.path()).expect("opens");
        let batch: Vec<(&Vendor, Option<&JournalEntry>)> = vendors.iter().map(|v| (v, None)).collect();
        store.put_vendors(&batch, &people).expect("writes");
        for entry in &journal {
            store.put_journal_entry(entry).expect("writes");
        }
    }
    let sqlite = Sqlite::create(&dir.path().join("baseline.sqlite"), &vendors, &journal, &people);
    let before = resident();
    let t = Instant::now();
    let store = Store::open(dir.path()).expect("opens");
    let opened = t.elapsed();
    let memory = resident().saturating_sub(before);

    table_head(&format!("{n} vendors, {} people", people.len()));
    for (name, q) in vendor_queries(n) {
        let ours = store.query_vendors(&q).expect("queries");
        let theirs = sqlite.vendors(&q);
        let ids = |items: &[Vendor]| items.iter().map(|v| v.id).collect::<Vec<_>>();
        assert_eq!(ours.total, theirs.0, "{name}: both count the same vendors");
        assert_eq!(ids(&ours.items), ids(&theirs.1), "{name}: both give the same page");
        timing_row(
            &format!("{name} ({} found)", ours.total),
            measure(effort, || drop(store.query_vendors(&q).expect("queries"))),
            measure(effort, || drop(sqlite.vendors(&q))),
        );
    }
    for (name, q) in people_queries(n, vendors[n / 2].id) {
        let ours = store.query_people(&q).expect("queries");
        let theirs = sqlite.people(&q);
        let ids = |items: &[Person]| items.iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ours.total, theirs.0, "{name}: both count the same people");
        assert_eq!(ids(&ours.items), ids(&theirs.1), "{name}: both give the same page");
        timing_row(
            &format!("{name} ({} found)", ours.total),
            measure(effort, || drop(store.query_people(&q).expect("queries"))),
            measure(effort, || drop(sqlite.people(&q))),
        );
    }
    let (a50, a99) = measure(effort, || drop(store.directory_choices()));
    println!("| directory: the filters' choices | {} | {} | | | |", ms(a50), ms(a99));
    let mut round = 0;
    let (a50, a99) = measure(effort, || {
        round += 1;
        let entry = &journal[round % journal.len()];
        store.put_journal_entry(entry).expect("saves");
    });
    println!(
        "| save a journal entry (write + flush + its vendor's row) | {} | {} | | | |",
        ms(a50),
        ms(a99)
    );
    println!(
        "| open (every record read and checked, three indexes built) | {} | | | | |",
        ms(opened)
    );
    println!("| resident memory added by opening | {} | | | | |", mb(memory));
}

fn main() {
    match Effort::from_args() {
        Some(effort) => run(10_000, &effort),
        None => run(300, &Effort::once()),
    }
}
