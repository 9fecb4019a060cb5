//! A full disk, recovered in place: on a small filesystem of its own (a
//! tmpfs, which needs root to mount; elsewhere the test says it did not run
//! and passes nothing off as proven), the data folder is filled until a
//! save is refused. Then:
//!
//! - the refusal names the database folder, and the refused project leaves
//!   memory as soon as the database is opened again (it never shows);
//! - opened while the disk is still full, the database is read-only: what
//!   was saved reads, every change is refused before anything moves;
//! - once room is back, the app asks to be reopened, and the next save
//!   succeeds without a restart;
//! - a later start shows every acknowledged save and never the refused one.

use std::path::{Path, PathBuf};
use std::process::Command;

use atelier_app::{AppError, Atelier, ReadOnly};
use atelier_core::portfolio::PortfolioQuery;
use atelier_core::{ProjectDraft, SaveOptions};

/// A tmpfs of `megabytes` mounted on a fresh folder, unmounted on drop.
struct SmallDisk {
    mount: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> Option<SmallDisk> {
        let mount = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(mount.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { mount })
    }

    fn path(&self) -> &Path {
        self.mount.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.mount.path()).status();
    }
}

fn draft(title: &str) -> ProjectDraft {
    let long = "Besoin décrit en détail pour remplir le disque. ".repeat(200);
    ProjectDraft {
        title: title.into(),
        summary: long[..9_000].to_owned(),
        business_need: long[..9_000].to_owned(),
        ..Default::default()
    }
}

fn titles(app: &Atelier) -> Vec<String> {
    app.list_projects(&PortfolioQuery {
        limit: 10_000,
        ..Default::default()
    })
    .expect("lists")
    .items
    .into_iter()
    .map(|p| p.project.fields.title)
    .collect()
}

/// Fills the disk with a file until it refuses a byte more.
fn fill(disk: &Path) -> PathBuf {
    use std::io::Write;
    let path = disk.join("filler");
    let mut file = std::fs::File::create(&path).expect("filler");
    let block = vec![0u8; 64 * 1024];
    while file.write_all(&block).is_ok() {}
    while file.write_all(&[0]).is_ok() {}
    let _ = file.sync_all();
    path
}

#[test]
fn a_full_disk_refuses_the_save_reads_on_and_writes_again_once_there_is_room() {
    let Some(disk) = SmallDisk::mount(24) else {
        println!("not run: mounting a small tmpfs needs root (make soak runs it as root)");
        return;
    };
    let dir = disk.path().join("Atelier");
    let app = Atelier::open(&dir).expect("opens");
    let options = SaveOptions::default();
    app.create_project(draft("Avant le disque plein"), &options)
        .expect("saves");
    let filler = fill(disk.path());

    // Saves go on until the disk refuses one (sled may still have room in
    // a segment it already holds).
    let mut saved = vec!["Avant le disque plein".to_owned()];
    let refused = (0..2_000)
        .find_map(|i| {
            let title = format!("Projet {i}");
            match app.create_project(draft(&title), &options) {
                Ok(_) => {
                    saved.push(title);
                    None
                }
                Err(e) => Some((title, e)),
            }
        })
        .expect("the full disk refused a save");
    let (refused_title, error) = refused;
    match &error {
        AppError::File { path, .. } => assert_eq!(path, &dir.join("db"), "{error}"),
        other => panic!("expected the database folder named, got {other}"),
    }
    assert!(app.needs_reopen(), "a refused flush asks for a reopen");

    // Opened again on the full disk: read-only, the refused save gone.
    let app = app.reopen().expect("opens read-only");
    assert_eq!(app.read_only(), Some(ReadOnly::DiskFull));
    let listed = titles(&app);
    assert!(!listed.contains(&refused_title), "the refused save is not shown");
    for title in &saved {
        assert!(listed.contains(title), "{title} was acknowledged and must read");
    }
    assert!(matches!(
        app.create_project(draft("Pendant le disque plein"), &options),
        Err(AppError::ReadOnly(ReadOnly::DiskFull))
    ));
    assert!(!app.needs_reopen(), "no room yet");

    // Room is back: the app asks to be reopened, and saves again.
    std::fs::remove_file(&filler).expect("frees the disk");
    assert!(app.needs_reopen(), "room is back");
    let app = app.reopen().expect("reopens for writing");
    assert_eq!(app.read_only(), None);
    app.create_project(draft("Après le disque plein"), &options)
        .expect("saves again");
    saved.push("Après le disque plein".into());

    // A later start: every acknowledged save, never the refused one.
    drop(app);
    let app = Atelier::open(&dir).expect("opens");
    let listed = titles(&app);
    assert!(!listed.contains(&refused_title));
    assert!(!listed.contains(&"Pendant le disque plein".to_owned()));
    for title in &saved {
        assert!(listed.contains(title), "{title} lost after restart");
    }
    println!(
        "full disk: {} saves acknowledged and all read after restart; the refused one never shown; \
         read-only while full, writing again once there was room",
        saved.len()
    );
}
