//! The data in the real window: the day's backup listed in Settings › Data,
//! a backup to a chosen file, a restore that replaces everything after
//! backing it up (and a foreign file refused), a record that cannot be read
//! named in a banner, a damaged database restored from its latest backup
//! or opened read-only (its files left as they were), and a full disk: the
//! data shown read-only, then saved again once there is room.
#![cfg(feature = "e2e")]

mod support;

use support::App;

#[tokio::test]
async fn back_up_then_restore_from_settings() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    app.new_project("Manager onboarding").await;

    // Today's backup was taken at start; "Back up now…" writes another.
    app.click("[data-testid=nav-settings]").await;
    app.wait_until_count("[data-testid=backup][data-origin=daily]", 1).await;
    app.click("[data-testid=back-up-now]").await;
    app.wait_text("[data-testid=toast]", "1 project").await;
    let written = std::fs::read_dir(app.files_dir())
        .expect("the files folder")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "atelier-backup"))
        .expect("the backup file");
    app.new_project("Written after the backup").await;

    // A file that is not a backup is refused; nothing changes.
    let chosen = app.files_dir().join("import.atelier-backup");
    std::fs::write(&chosen, "name;type\nImmersia;startup\n").expect("writes");
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=restore-backup]").await;
    app.wait_text("[data-testid=toast]", "is not an Atelier backup").await;
    assert!(!app.exists("[data-testid=restore-dialog]").await);

    // The real one: what it holds, then everything replaced.
    std::fs::copy(&written, &chosen).expect("copies");
    app.click("[data-testid=restore-backup]").await;
    app.wait_text("[data-testid=restore-contents]", "1 project").await;
    app.click("[data-testid=restore-dialog] [data-testid=confirm-ok]").await;
    app.wait_text("[data-testid=toast]:last-child", "restored").await;
    app.wait_for("[data-testid=backup][data-origin=before_restore]").await;
    app.click("[data-testid=nav-projects]").await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.wait_text("[data-testid=project-card]", "Manager onboarding").await;

    // And so it stays after a restart.
    let app = app.restart().await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    assert!(!app.exists("[data-testid=data-banner]").await);
    app.quit().await;
}

#[tokio::test]
async fn a_record_that_cannot_be_read_is_named_and_the_rest_works() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let atelier = atelier_app::Atelier::open(data.path()).expect("opens");
        for title in ["Kept one", "Broken one"] {
            create(&atelier, title);
        }
        let backup = data.path().join("all.atelier-backup");
        atelier.back_up_to(&backup).expect("backs up");
        drop(atelier);
        // Rebuild the database with the second project garbled.
        let mut records = atelier_store::backup::read(&backup)
            .expect("reads")
            .expect("whole")
            .records;
        let broken = records
            .iter_mut()
            .find(|r| String::from_utf8_lossy(&r.value).contains("Broken one"))
            .expect("the project");
        broken.value = b"{\"kind\":\"project\"".to_vec();
        std::fs::remove_dir_all(data.path().join("db")).expect("clears");
        atelier_store::backup::build_database(&data.path().join("db"), &records).expect("builds");
    }
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.wait_text(
        "[data-testid=data-banner]",
        "1 enregistrement n'a pas pu être lu (projects",
    )
    .await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.wait_text("[data-testid=project-card]", "Kept one").await;
    app.click("[data-testid=data-banner-open]").await;
    app.wait_until_count("[data-testid=unreadable-record]", 1).await;
    app.wait_text("[data-testid=unreadable-record]", "projects").await;
    app.quit().await;
}

#[tokio::test]
async fn a_damaged_database_comes_back_from_its_latest_backup() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let atelier = atelier_app::Atelier::open(data.path()).expect("opens");
        create(&atelier, "Safety refresher");
        // Today's backup, taken again now that it holds the project.
        std::fs::remove_dir_all(data.path().join("backups")).expect("clears");
        drop(atelier.reopen().expect("reopens"));
    }
    let conf = data.path().join("db").join("conf");
    std::fs::write(&conf, b"\x00\xffnot a sled file\xfe".repeat(32)).expect("scribble");

    let app = App::launch_with_lang(data.path(), "en").await;
    app.wait_for("[data-testid=storage-error][data-code=storage_damaged]")
        .await;
    app.wait_text("[data-testid=restore-latest-box]", "1 project").await;
    app.click("[data-testid=restore-latest]").await;
    app.wait_for("[data-testid=app-shell]").await;
    app.wait_text("[data-testid=project-card]", "Safety refresher").await;
    app.quit().await;
    let aside = std::fs::read_dir(data.path())
        .expect("lists")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("db.replaced-"))
        .count();
    assert_eq!(aside, 1, "the damaged files are kept aside");
}

/// Every file under `dir` with its bytes, the lock file aside.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "atelier.lock") {
                out.push((path.clone(), std::fs::read(&path).expect("reads")));
            }
        }
    }
    out.sort();
    out
}

fn create(atelier: &atelier_app::Atelier, title: &str) {
    atelier
        .create_project(
            atelier_core::ProjectDraft {
                title: title.into(),
                ..Default::default()
            },
            &atelier_core::SaveOptions::default(),
        )
        .expect("creates");
}

#[tokio::test]
async fn damaged_files_open_read_only_and_stay_as_they_are() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let atelier = atelier_app::Atelier::open(data.path()).expect("opens");
        create(&atelier, "Sécurité au poste");
        create(&atelier, "Accueil des managers");
    }
    std::fs::remove_file(data.path().join("db").join("conf")).expect("damages");
    let before = files_under(data.path());

    let app = App::launch_with_lang(data.path(), "fr").await;
    app.wait_for("[data-testid=storage-error][data-code=storage_damaged]")
        .await;
    app.click("[data-testid=open-read-only]").await;
    app.wait_for("[data-testid=app-shell]").await;
    app.wait_text("[data-testid=data-banner][data-read-only=damaged]", "Lecture seule")
        .await;
    app.wait_until_count("[data-testid=project-card]", 2).await;

    // A change is refused in words, before anything moves.
    app.click("[data-testid=new-project]").await;
    app.fill("[data-testid=field-title]", "Jamais enregistré").await;
    app.click("[data-testid=save-project]").await;
    app.wait_js("document.body.innerText.includes('en lecture seule pour l')")
        .await;
    app.quit().await;
    assert!(
        files_under(data.path()) == before,
        "the damaged files are left as they were"
    );
}

/// A tmpfs of `megabytes` on a fresh folder (root only), unmounted on drop.
struct SmallDisk(tempfile::TempDir);

impl SmallDisk {
    fn mount(megabytes: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success())
            .then_some(SmallDisk(dir))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(self.0.path()).status();
    }
}

#[tokio::test]
async fn a_full_disk_shows_the_data_read_only_and_saves_again_once_there_is_room() {
    let Some(disk) = SmallDisk::mount(24) else {
        println!("not run: mounting a small tmpfs needs root");
        return;
    };
    let data = disk.0.path().join("Atelier");
    {
        let atelier = atelier_app::Atelier::open(&data).expect("opens");
        create(&atelier, "Before the disk filled");
    }
    // The disk filled while Atelier was closed.
    let filler = disk.0.path().join("filler");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&filler).expect("filler");
        while file.write_all(&[0u8; 64 * 1024]).is_ok() {}
        while file.write_all(&[0]).is_ok() {}
    }

    let mut app = App::launch_with_lang(&data, "en").await;
    app.wait_text(
        "[data-testid=data-banner][data-read-only=disk_full]",
        "The disk is full",
    )
    .await;
    app.wait_text("[data-testid=project-card]", "Before the disk filled")
        .await;
    app.click("[data-testid=new-project]").await;
    app.fill("[data-testid=field-title]", "Refused while full").await;
    app.click("[data-testid=save-project]").await;
    app.wait_js("document.body.innerText.includes('Atelier is read-only for now')")
        .await;

    // Room is back: the window notices by itself, and saves again.
    std::fs::remove_file(&filler).expect("frees the disk");
    app.set_timeout(std::time::Duration::from_secs(40));
    app.wait_gone("[data-testid=data-banner]").await;
    app.click("[data-testid=save-project]").await;
    app.wait_text("[data-testid=project-title]", "Refused while full").await;
    let app = app.restart().await;
    app.wait_until_count("[data-testid=project-card]", 2).await;
    app.quit().await;
}
