//! The data in the real window: the day's backup listed in Settings › Data,
//! a backup to a chosen file, a restore that replaces everything after
//! backing it up (and a foreign file refused), a record that cannot be read
//! named in a banner, and a damaged database restored from its latest
//! backup.
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
        atelier
            .create_project(
                atelier_core::ProjectDraft {
                    title: "Safety refresher".into(),
                    ..Default::default()
                },
                &atelier_core::SaveOptions::default(),
            )
            .expect("creates");
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
