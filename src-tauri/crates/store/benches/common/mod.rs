//! What the list benchmarks share: timing a case, the process's memory,
//! how figures are printed, and how the SQLite baselines are queried.

use std::time::{Duration, Instant};

use atelier_core::text::fold;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::de::DeserializeOwned;

/// How long one case is measured, at most, and how many runs at most.
pub struct Effort {
    pub budget: Duration,
    pub runs: usize,
}

impl Effort {
    /// Timed as `cargo bench` asks (it passes `--bench`): three seconds or
    /// 500 runs a case. Run by `cargo test --benches`, once: that proves
    /// the benchmark builds, runs and agrees with SQLite, timing nothing.
    pub fn from_args() -> Option<Effort> {
        std::env::args().any(|a| a == "--bench").then_some(Effort {
            budget: Duration::from_secs(3),
            runs: 500,
        })
    }

    /// One run a case.
    pub fn once() -> Effort {
        Effort {
            budget: Duration::ZERO,
            runs: 1,
        }
    }
}

/// The p50 and p99 of `f` run again and again within `effort`.
pub fn measure(effort: &Effort, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < effort.runs && (times.len() < 5 || started.elapsed() < effort.budget) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.50), at(0.99))
}

/// Resident memory of this process, in bytes.
pub fn resident() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Prints the table's head.
pub fn table_head(title: &str) {
    println!("\n### {title}\n");
    println!("| figure | Atelier p50 | Atelier p99 | SQLite p50 | SQLite p99 | p99 ratio |");
    println!("|---|---|---|---|---|---|");
}

/// Prints one row of timings: ours, then SQLite's, and the p99 ratio.
pub fn timing_row(name: &str, ours: (Duration, Duration), theirs: (Duration, Duration)) {
    let ratio = ours.1.as_secs_f64() / theirs.1.as_secs_f64();
    println!(
        "| {name} | {} | {} | {} | {} | {ratio:.2} |",
        ms(ours.0),
        ms(ours.1),
        ms(theirs.0),
        ms(theirs.1)
    );
}

/// Where `v` stands in `all`: how the baselines store a closed set.
pub fn rank<T: PartialEq>(all: &[T], v: &T) -> i64 {
    all.iter().position(|x| x == v).unwrap_or(0) as i64
}

/// A SQLite baseline query over a table aliased `r` whose `data` column
/// holds each record as JSON, built filter by filter.
#[derive(Default)]
pub struct Filters {
    clauses: Vec<String>,
    args: Vec<Value>,
}

impl Filters {
    /// Keeps the rows for which `clause` holds, with `arg` for its `?`.
    pub fn keep(&mut self, clause: impl Into<String>, arg: Option<Value>) {
        self.clauses.push(clause.into());
        self.args.extend(arg);
    }

    /// Keeps the rows whose text in the FTS5 table `fts` (same rowid) has
    /// every word of `text`, folded, inside words (trigram tokenizer), as
    /// Atelier's search finds them.
    pub fn words(&mut self, fts: &str, text: &str) {
        let words: Vec<String> = fold(text).split_whitespace().map(|w| format!("\"{w}\"")).collect();
        if !words.is_empty() {
            self.keep(
                format!("r.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"),
                Some(words.join(" AND ").into()),
            );
        }
    }

    /// Keeps the rows whose `column` is the rank in `all` of one of
    /// `values`; any row when there is none.
    pub fn ranks<T: PartialEq>(&mut self, column: &str, all: &[T], values: &[T]) {
        if !values.is_empty() {
            let ranks: Vec<String> = values.iter().map(|v| rank(all, v).to_string()).collect();
            self.keep(format!("{column} IN ({})", ranks.join(",")), None);
        }
    }

    /// Counts the rows of `table` the filters keep and reads the records
    /// of the page from `offset`, `limit` rows long, in `order`.
    pub fn page<T: DeserializeOwned>(
        &self,
        db: &Connection,
        table: &str,
        order: &str,
        offset: u32,
        limit: usize,
    ) -> (usize, Vec<T>) {
        let filter = match self.clauses.is_empty() {
            true => String::new(),
            false => format!("WHERE {}", self.clauses.join(" AND ")),
        };
        let total: i64 = db
            .prepare_cached(&format!("SELECT count(*) FROM {table} r {filter}"))
            .expect("prepares")
            .query_row(params_from_iter(self.args.iter()), |r| r.get(0))
            .expect("counts");
        let mut page = db
            .prepare_cached(&format!(
                "SELECT r.data FROM {table} r {filter} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
            ))
            .expect("prepares");
        let rows = page
            .query_map(params_from_iter(self.args.iter()), |r| r.get::<_, String>(0))
            .expect("queries");
        let items = rows
            .map(|data| serde_json::from_str(&data.expect("reads")).expect("decodes"))
            .collect();
        (total as usize, items)
    }
}
