//! What the list benchmarks share: timing a case, the process's memory,
//! and how figures are printed.

use std::time::{Duration, Instant};

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

/// The words of `text` as an FTS5 query that finds every one of them
/// inside words (trigram tokenizer), as Atelier's search does.
pub fn fts_phrase(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" AND ")
}
