//! Opening a large database the way the app does: the verbatim copy taken
//! before sled opens it (see `preserve`), sled's own start, and the check
//! that reads every record once (see `integrity`); beside it, the copy
//! alone, to show its share. 100,000 projects of about 1.7 KB each: a
//! database of about 170 MB. Run with `make bench`.

use std::path::Path;

use atelier_core::{Project, ProjectDraft};
use atelier_store::Store;
use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};

const PROJECTS: usize = 100_000;

fn generated(i: usize) -> Project {
    let text = "Besoin métier, public et objectifs du parcours décrits en détail. ".repeat(8);
    Project::create(
        ProjectDraft {
            title: format!("Parcours {i}"),
            summary: text.clone(),
            business_need: text.clone(),
            audience: text[..400].to_owned(),
            ..Default::default()
        },
        Utc::now(),
    )
    .expect("valid")
}

fn size_of(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("reads")
        .flatten()
        .map(|e| {
            if e.path().is_dir() {
                size_of(&e.path())
            } else {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            }
        })
        .sum()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("reads").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copies");
        }
    }
}

fn open(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = Store::open(dir.path()).expect("opens");
        let all: Vec<Project> = (0..PROJECTS).map(generated).collect();
        for chunk in all.chunks(5_000) {
            store.put_projects(chunk).expect("writes");
        }
    }
    let mb = size_of(&dir.path().join("db")) / 1_000_000;
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function(format!("whole_open_{PROJECTS}_projects_{mb}_MB"), |b| {
        b.iter(|| drop(Store::open(dir.path()).expect("opens")))
    });
    group.bench_function(format!("folder_copy_alone_{mb}_MB"), |b| {
        b.iter(|| {
            let to = dir.path().join("copy");
            copy_dir(&dir.path().join("db"), &to);
            std::fs::remove_dir_all(&to).expect("removes");
        })
    });
    group.finish();
}

criterion_group!(benches, open);
criterion_main!(benches);
