//! Everyday comfort on the desktop: the window opens where it was left,
//! Settings › About says where this run keeps its data and its log and
//! opens those folders, and the log says what Atelier did without a word
//! of what the DLM typed.
#![cfg(feature = "e2e")]

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::App;

/// The window's place and size as WebDriver reads them: x, y, width,
/// height (the harness's X server runs no window manager, so there is no
/// frame: these are the window's own).
async fn rect(app: &App) -> (u64, u64, u64, u64) {
    app.client().get_window_rect().await.expect("the window's rect")
}

/// Waits until the window's rect is `want` (the X server applies a move
/// or a resize after WebDriver answers); fails with what it last was.
async fn wait_rect(app: &App, want: (u64, u64, u64, u64), what: &str) {
    let deadline = Instant::now() + support::TIMEOUT;
    loop {
        let got = rect(app).await;
        if got == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: the window is at {got:?}, not {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the window's place is saved (the app saves it once the
/// window has stayed still a moment, and as it closes; the harness's quit
/// ends it without a close the app can see, as a crash or a logout would).
async fn wait_saved(app: &App, (x, y, width, height): (u64, u64, u64, u64)) {
    let file = app
        .files_dir()
        .parent()
        .expect("the profile")
        .join("config/app.atelier.desktop/.window-state.json");
    let deadline = Instant::now() + support::TIMEOUT;
    loop {
        let saved: serde_json::Value = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        let main = &saved["main"];
        if [
            main["x"].as_u64(),
            main["y"].as_u64(),
            main["width"].as_u64(),
            main["height"].as_u64(),
        ] == [Some(x), Some(y), Some(width), Some(height)]
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the window's place is not saved in {}: {saved}",
            file.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Where the fitted window of a first start sits on the harness's
/// 1400×900 screen: 1280×820, centred.
const FITTED: (u64, u64, u64, u64) = (60, 40, 1280, 820);

#[tokio::test]
async fn the_window_comes_back_where_it_was_left_unless_that_is_off_the_screen() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch(data.path()).await;
    wait_rect(&app, FITTED, "a first start fits the screen").await;

    // Moved and made smaller, as a DLM does with the mouse.
    let left = (100, 50, 1000, 700);
    app.client()
        .set_window_rect(100, 50, 1000, 700)
        .await
        .expect("moves and sizes the window");
    wait_rect(&app, left, "the window took its new place").await;

    wait_saved(&app, left).await;

    let app = app.restart().await;
    wait_rect(&app, left, "after a restart the window is where it was left").await;

    // Dragged half off the right of the screen (as if onto a monitor that
    // is unplugged before the next start): fitted again.
    app.client()
        .set_window_rect(900, 300, 1000, 700)
        .await
        .expect("moves the window partly off the screen");
    wait_rect(&app, (900, 300, 1000, 700), "the window took its new place").await;
    wait_saved(&app, (900, 300, 1000, 700)).await;
    let app = app.restart().await;
    wait_rect(&app, FITTED, "a place off the screen is not restored").await;
    app.quit().await;
}

/// The log folder the About section names, checked to be inside this
/// scenario's private profile.
async fn log_dir(app: &App) -> PathBuf {
    let shown = app.text("[data-testid=about-log-dir]").await;
    let dir = PathBuf::from(shown.trim());
    let profile = app.files_dir().parent().expect("the profile").to_path_buf();
    assert!(
        dir.starts_with(&profile) && dir.ends_with("logs"),
        "the log folder {} is the OS one of this run (in {})",
        dir.display(),
        profile.display()
    );
    dir
}

/// Every log file in `dir`, read whole.
fn logs(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).expect("the log folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "log") {
            text.push_str(&std::fs::read_to_string(&path).expect("a log file"));
        }
    }
    text
}

#[tokio::test]
async fn about_names_this_runs_folders_and_the_log_keeps_nothing_personal() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch(data.path()).await;
    // Words that must stay out of the log.
    let (project, person) = ("Zéphyrine Quillfeather onboarding", "Bartholomew Xylander");
    app.new_project(project).await;
    app.add_person(person).await;

    app.click("[data-testid=nav-settings]").await;
    app.wait_text("[data-testid=about-version]", env!("CARGO_PKG_VERSION"))
        .await;
    let data_dir = data.path().display().to_string();
    assert_eq!(app.text("[data-testid=about-data-dir]").await.trim(), data_dir);
    let logs_at = log_dir(&app).await;

    // The log of this start: what happened, never what was typed.
    let log = logs(&logs_at);
    assert!(log.contains("started"), "the start is logged:\n{log}");
    assert!(log.contains("database opened in"), "the open is logged:\n{log}");
    for personal in ["Zéphyrine", "Quillfeather", "Bartholomew", "Xylander", &data_dir] {
        assert!(!log.contains(personal), "{personal:?} is in the log:\n{log}");
    }

    // "Open" hands the folder Rust knows to the file manager (written
    // down in e2e builds).
    let opened = app.files_dir().join("opened-folder.txt");
    app.click("[data-testid=open-data-folder]").await;
    wait_file(&opened, &data_dir).await;
    app.click("[data-testid=open-log-folder]").await;
    wait_file(&opened, &logs_at.display().to_string()).await;

    // A folder that is gone: said in the DLM's words, with its path.
    std::fs::remove_dir_all(&logs_at).expect("removes the log folder");
    app.click("[data-testid=open-log-folder]").await;
    app.wait_text("[data-testid=toast]", "could not open").await;
    app.wait_text("[data-testid=toast]", &logs_at.display().to_string())
        .await;

    // The About dialog: the version, the licence, what it is built with.
    app.click("[data-testid=about-more]").await;
    app.wait_text("[data-testid=about-dialog]", env!("CARGO_PKG_VERSION"))
        .await;
    app.wait_text("[data-testid=about-licence]", "MIT").await;
    for name in ["Tauri", "Svelte", "sled", "Typst", "Noto Sans"] {
        app.wait_text("[data-testid=about-dialog]", name).await;
    }
    app.click("[data-testid=about-close]").await;
    app.wait_gone("[data-testid=about-dialog]").await;

    // The next start writes the log again, in a folder made anew.
    let app = app.restart().await;
    app.click("[data-testid=nav-settings]").await;
    let again = log_dir(&app).await;
    assert_eq!(again, logs_at);
    let log = logs(&again);
    assert!(log.contains("database opened in"), "the new start is logged:\n{log}");
    app.quit().await;
}

/// Waits until `file` holds exactly `text`.
async fn wait_file(file: &Path, text: &str) {
    let deadline = Instant::now() + support::TIMEOUT;
    loop {
        let got = std::fs::read_to_string(file).unwrap_or_default();
        if got == text {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{} holds {got:?}, not {text:?}",
            file.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn about_speaks_french() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.click("[data-testid=nav-settings]").await;
    app.wait_text("[data-testid=about-section]", "Dossier des journaux")
        .await;
    app.click("[data-testid=about-more]").await;
    app.wait_text("[data-testid=about-licence]", "logiciel libre sous licence MIT")
        .await;
    app.wait_text("[data-testid=about-dialog]", "Base de données").await;
    app.quit().await;
}
