//! Killed at any moment, nothing acknowledged is lost.
//!
//! A child process opens the store the way the app does and writes
//! without end — projects created and updated, tasks, vendors with a
//! journal entry — saying on its standard output each write the store
//! acknowledged. The parent kills it (SIGKILL) at a random moment, opens
//! the store and checks every acknowledged write: present, and not older
//! than acknowledged. The same folder goes through every round, so later
//! rounds also kill the child while it opens a database the previous kill
//! left.
//!
//! `make test` runs 30 rounds; `make soak` runs 200
//! (`ATELIER_SOAK_CRASH_ROUNDS`) and prints the totals.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use atelier_core::task::TaskDraft;
use atelier_core::vendor::{JournalDraft, JournalEntry, JournalKind, VendorDraft, VendorType};
use atelier_core::{Project, ProjectDraft, ProjectId, Task, Vendor, VendorId};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One acknowledged write, as the child reports it.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Ack {
    /// The project's title was written as `Projet {seq}`.
    Project { id: ProjectId, seq: u64 },
    Task {
        project: ProjectId,
        task: atelier_core::TaskId,
    },
    Vendor {
        id: VendorId,
        entry: atelier_core::JournalEntryId,
    },
}

fn titled(seq: u64) -> String {
    format!("Projet {seq}")
}

/// Run only as the child of the crash test: writes until killed.
#[test]
#[ignore = "helper process for the crash test"]
fn writing_child() {
    let Some(dir) = std::env::var_os("ATELIER_TEST_CRASH_DIR") else {
        return;
    };
    let store = Store::open(Path::new(&dir)).expect("child opens");
    let mut out = std::io::stdout().lock();
    let mut say = |ack: Ack| {
        writeln!(out, "ACK {}", serde_json::to_string(&ack).expect("json")).expect("stdout");
        out.flush().expect("stdout");
    };
    let mut latest: Option<Project> = None;
    for seq in 0u64.. {
        let now = Utc::now();
        match (seq % 4, latest.as_mut()) {
            (1, Some(project)) => {
                project.fields.title = titled(seq);
                store.put_project(project).expect("updates");
                say(Ack::Project { id: project.id, seq });
            }
            (2, Some(project)) => {
                let draft = TaskDraft {
                    title: format!("Tâche {seq}"),
                    owner: None,
                    due: None,
                    status: Default::default(),
                    phase: None,
                    cycle: None,
                };
                let task = Task::create(project.id, draft, 0, |_| true, now).expect("valid");
                store
                    .put_tasks(project.id, std::slice::from_ref(&task))
                    .expect("writes");
                say(Ack::Task {
                    project: project.id,
                    task: task.id,
                });
            }
            (3, _) => {
                let vendor = Vendor::create(
                    VendorDraft {
                        name: format!("Éditeur {seq}"),
                        vendor_type: VendorType::Startup,
                        modalities: Vec::new(),
                        website: String::new(),
                        country: String::new(),
                        tags: Vec::new(),
                    },
                    now,
                )
                .expect("valid");
                let entry = JournalEntry::create(
                    vendor.id,
                    JournalDraft {
                        date: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
                        kind: JournalKind::Meeting,
                        title: format!("Rencontre {seq}"),
                        body: "Démo du module.".into(),
                    },
                    now,
                )
                .expect("valid");
                store.put_vendor(&vendor, Some(&entry)).expect("writes");
                say(Ack::Vendor {
                    id: vendor.id,
                    entry: entry.id,
                });
            }
            _ => {
                let project = Project::create(
                    ProjectDraft {
                        title: titled(seq),
                        ..Default::default()
                    },
                    now,
                )
                .expect("valid");
                store.put_project(&project).expect("writes");
                say(Ack::Project { id: project.id, seq });
                latest = Some(project);
            }
        }
    }
}

/// What one round left: the acknowledged writes and whether the child
/// got as far as writing.
fn round(dir: &Path, kill_after: Duration) -> Vec<Ack> {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "writing_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("ATELIER_TEST_CRASH_DIR", dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawns the child");
    let stdout = child.stdout.take().expect("child stdout");
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| l.strip_prefix("ACK ").and_then(|j| serde_json::from_str::<Ack>(j).ok()))
            .collect::<Vec<Ack>>()
    });
    // The crash itself: a kill at a moment chosen at random.
    std::thread::sleep(kill_after);
    child.kill().expect("kills");
    child.wait().expect("reaped");
    reader.join().expect("reader")
}

/// The acknowledged writes missing or older than acknowledged.
fn lost(store: &Store, acks: &[Ack]) -> Vec<String> {
    let mut newest: BTreeMap<ProjectId, u64> = BTreeMap::new();
    let mut tasks: BTreeMap<ProjectId, Vec<atelier_core::TaskId>> = BTreeMap::new();
    let mut lost = Vec::new();
    for ack in acks {
        match ack {
            Ack::Project { id, seq } => {
                newest.insert(*id, *seq);
            }
            Ack::Task { project, task } => tasks.entry(*project).or_default().push(*task),
            Ack::Vendor { id, entry } => {
                if store.vendor(*id).is_err() || store.journal_entry(*id, *entry).is_err() {
                    lost.push(format!("{ack:?}"));
                }
            }
        }
    }
    for (project, expected) in tasks {
        let stored: Vec<_> = store.tasks(project).expect("tasks read").iter().map(|t| t.id).collect();
        lost.extend(
            expected
                .iter()
                .filter(|t| !stored.contains(t))
                .map(|t| format!("task {t:?} of {project:?}")),
        );
    }
    for (id, seq) in newest {
        let stored = store.project(id).ok().and_then(|p| {
            p.fields
                .title
                .strip_prefix("Projet ")
                .and_then(|n| n.parse::<u64>().ok())
        });
        if stored.is_none_or(|s| s < seq) {
            lost.push(format!("project {id:?}: acknowledged as {seq}, read as {stored:?}"));
        }
    }
    lost
}

#[test]
fn killed_at_any_moment_no_acknowledged_write_is_lost() {
    let rounds: u64 = std::env::var("ATELIER_SOAK_CRASH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut seed = 0x00c0_ffee_u64;
    let (mut acknowledged, mut failures) = (0usize, Vec::new());
    let mut all: Vec<Ack> = Vec::new();
    for i in 0..rounds {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let acks = round(dir.path(), Duration::from_millis(30 + seed % 400));
        acknowledged += acks.len();
        all.extend(acks);
        match Store::open(dir.path()) {
            Ok(store) => failures.extend(lost(&store, &all).into_iter().map(|l| format!("round {i}: {l}"))),
            Err(e) => failures.push(format!("round {i}: the store does not open: {e}")),
        }
    }
    println!(
        "{rounds} kills, {acknowledged} acknowledged writes, {} lost or failed",
        failures.len()
    );
    assert!(acknowledged > 0, "the child never wrote anything");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
