//! `make perf`: how long the release build takes to draw its first screen
//! and how much memory it holds then, against a blank Tauri 2 window that
//! makes one IPC call (`src-tauri/perf/blank-window`), measured the same
//! way under Xvfb.
//!
//! - **Start to painted:** from starting the program to the line it writes
//!   on its standard error once the first screen has drawn (Atelier's
//!   portfolio, `src-tauri/src/started.rs`; the blank page).
//! - **Memory:** the proportional set size (PSS, `/proc/<pid>/smaps_rollup`)
//!   of every process of its group — the program, WebKit's web process and
//!   its network process — once the screen has drawn and the program has
//!   settled.
//!
//! Atelier runs with 0, 1,000 and 10,000 projects; each case is started
//! once to warm the caches (and take the day's backup), then the cases are
//! measured in turn, `RUNS` rounds, and each median is printed with its
//! ratio to the blank window's. It measures; it asserts only that every
//! run drew its screen.
#![cfg(feature = "e2e")]

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use atelier_core::{Health, PersonRef, Project, ProjectDraft, Status};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};
use support::{Display, Program};

/// Runs measured per case, after one to warm up.
const RUNS: usize = 5;
/// What the program writes once its first screen has drawn.
const PAINTED: &str = "first screen painted";
/// How long a start may take before the run fails.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the program is left after drawing before its memory is read:
/// WebKit finishes loading and collecting after the first frame.
const SETTLE: Duration = Duration::from_secs(3);

/// The portfolio sizes measured: 0, 1,000 and 10,000 projects, or those
/// `ATELIER_PERF_SIZES` lists ("0,1,24,1000"), to look into one step.
fn sizes() -> Vec<usize> {
    match std::env::var("ATELIER_PERF_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|n| n.trim().parse().expect("ATELIER_PERF_SIZES lists numbers"))
            .collect(),
        Err(_) => vec![0, 1_000, 10_000],
    }
}

/// What one run measured.
#[derive(Clone, Copy)]
struct Run {
    painted: Duration,
    /// PSS in kB of the program itself, WebKit's web process, its network
    /// process, and any other process of the group.
    app: u64,
    web: u64,
    network: u64,
    other: u64,
}

impl Run {
    fn total(&self) -> u64 {
        self.app + self.web + self.network + self.other
    }
}

/// The release builds `make perf` made.
fn release(name: &str) -> PathBuf {
    let path = support::target_dir().join("release").join(name);
    assert!(
        path.is_file(),
        "{} is missing: run `make perf`, which builds it",
        path.display()
    );
    path
}

fn fill(dir: &Path, n: usize) {
    let store = Store::open(dir).expect("opens the store");
    let now = Utc::now();
    let projects: Vec<Project> = (0..n)
        .map(|i| {
            let draft = ProjectDraft {
                title: format!("Parcours {i:05}"),
                summary: format!("Programme de formation numéro {i} pour les équipes"),
                sponsor: Some(PersonRef::Named {
                    name: format!("Sponsor {}", i % 40),
                }),
                start_date: NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1 + (i % 28) as u32),
                health: Health::ALL[i % 3],
                tags: vec![format!("thème {}", i % 7)],
                ..Default::default()
            };
            let mut p = Project::create(draft, now).expect("valid draft");
            p.status = Status::ALL[i % 7];
            p
        })
        .collect();
    for chunk in projects.chunks(1_000) {
        store.put_projects(chunk).expect("writes");
    }
}

/// PSS of `pid`, in kB (0 once it is gone).
fn pss_kb(pid: i32) -> u64 {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    rollup
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Starts `binary` once on `display` and measures it.
fn run_once(binary: &Path, display: &Display, data_dir: &Path) -> Run {
    let profile = tempfile::tempdir().expect("profile folder");
    let started = Instant::now();
    let mut program = Program::start(binary, display, profile.path(), data_dir, "fr");
    let stderr = program.stderr().expect("stderr is piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains(PAINTED) {
                let _ = tx.send(started.elapsed());
            }
        }
    });
    let painted = rx.recv_timeout(START_TIMEOUT).unwrap_or_else(|_| {
        panic!(
            "{} did not draw its first screen within {START_TIMEOUT:?}",
            binary.display()
        )
    });
    std::thread::sleep(SETTLE);
    let mut run = Run {
        painted,
        app: 0,
        web: 0,
        network: 0,
        other: 0,
    };
    for (pid, name) in program.processes() {
        let kb = pss_kb(pid);
        match name.as_str() {
            "WebKitWebProces" => run.web += kb,
            "WebKitNetworkPr" => run.network += kb,
            _ if pid == program.pid() => run.app += kb,
            _ => run.other += kb,
        }
    }
    run
}

/// The median of `runs` by `key`.
fn median<T: Ord + Copy>(runs: &[Run], key: impl Fn(&Run) -> T) -> T {
    let mut values: Vec<T> = runs.iter().map(key).collect();
    values.sort();
    values[values.len() / 2]
}

/// A program to measure on a data folder.
struct Case {
    name: String,
    binary: PathBuf,
    data: tempfile::TempDir,
}

/// Every case started once to warm up, then `RUNS` rounds of each in
/// turn: a slower spell of the machine falls on every case alike.
fn measure(cases: &[Case], display: &Display) -> Vec<Vec<Run>> {
    for case in cases {
        run_once(&case.binary, display, case.data.path());
    }
    let mut runs = vec![Vec::with_capacity(RUNS); cases.len()];
    for _ in 0..RUNS {
        for (case, runs) in cases.iter().zip(&mut runs) {
            runs.push(run_once(&case.binary, display, case.data.path()));
        }
    }
    runs
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1000.0)
}

#[test]
fn start_up_and_memory_against_a_blank_window() {
    let display = Display::start_sized(1400, 900);
    let mut cases = vec![Case {
        name: "blank Tauri 2 window, one IPC call".to_owned(),
        binary: release("atelier-blank-window"),
        data: tempfile::tempdir().expect("a folder"),
    }];
    for n in sizes() {
        let data = tempfile::tempdir().expect("data folder");
        fill(data.path(), n);
        cases.push(Case {
            name: format!("Atelier, {n} projects"),
            binary: release("atelier"),
            data,
        });
    }
    let runs = measure(&cases, &display);
    let blank_painted = median(&runs[0], |r| r.painted);
    let blank_total = median(&runs[0], Run::total);

    println!("\n| {RUNS} runs, medians | start to painted | ratio | PSS in all | ratio | app | web process | network process |");
    println!("|---|---|---|---|---|---|---|---|");
    for (case, runs) in cases.iter().zip(&runs) {
        let painted = median(runs, |r| r.painted);
        let total = median(runs, Run::total);
        println!(
            "| {} | {} ms | {:.2} | {} | {:.2} | {} | {} | {} |",
            case.name,
            painted.as_millis(),
            painted.as_secs_f64() / blank_painted.as_secs_f64(),
            mb(total),
            total as f64 / blank_total as f64,
            mb(median(runs, |r| r.app)),
            mb(median(runs, |r| r.web)),
            mb(median(runs, |r| r.network)),
        );
    }
}
