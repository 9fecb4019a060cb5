#![cfg(feature = "e2e")]
//! The harness itself: Atelier starts in the real window, comes back after a
//! restart on the same data, speaks the language it was started in, and a
//! failed wait says what it waited for — leaving nothing running behind.

mod support;

use std::path::Path;
use std::time::Duration;

use support::App;

const SHELL: &str = "[data-testid=\"app-shell\"]";

#[tokio::test]
async fn starts_and_comes_back_after_a_restart() {
    let data = tempfile::tempdir().expect("a temp data dir");
    let app = App::launch(data.path()).await;
    app.wait_for(SHELL).await;
    assert_eq!(app.title().await, "Atelier");
    assert!(
        data.path().join("atelier.lock").exists(),
        "Atelier did not open its database in ATELIER_DATA_DIR"
    );
    let first = app.app_pid().expect("Atelier's pid");

    let app = app.restart().await;
    app.wait_for(SHELL).await;
    let second = app.app_pid().expect("Atelier's pid after the restart");
    assert_ne!(first, second, "the restart did not start a new process");

    let (pgid, display) = (app.driver_pgid(), app.display().number());
    app.quit().await;
    assert!(
        support::group_is_gone(pgid),
        "the driver's process group outlived quit()"
    );
    assert!(
        !Path::new(&format!("/tmp/.X11-unix/X{display}")).exists(),
        "Xvfb :{display} outlived quit()"
    );
}

#[tokio::test]
async fn speaks_the_language_it_was_started_in() {
    for lang in ["fr", "en"] {
        let data = tempfile::tempdir().expect("a temp data dir");
        let app = App::launch_with_lang(data.path(), lang).await;
        let language = app.execute("return navigator.language").await;
        let language = language.as_str().expect("navigator.language is a string");
        assert!(
            language.starts_with(lang),
            "LANG {lang}: navigator.language is {language}"
        );
        // Intl formats in the same locale: French groups thousands with a
        // (narrow) no-break space and uses a decimal comma.
        let number = app.execute("return new Intl.NumberFormat().format(1234.5)").await;
        let number = number.as_str().expect("a formatted number");
        match lang {
            "fr" => assert!(number.ends_with("234,5"), "fr: {number}"),
            _ => assert_eq!(number, "1,234.5"),
        }
        app.quit().await;
    }
}

#[tokio::test]
async fn a_failed_wait_names_its_selector_saves_a_screenshot_and_cleans_up() {
    let data = tempfile::tempdir().expect("a temp data dir");
    let app = App::launch(data.path()).await.with_timeout(Duration::from_millis(300));
    let pgid = app.driver_pgid();
    let display = app.display().number();

    // The panic unwinds through the App, as in a failing scenario. (A local
    // task: the harness's futures borrow across awaits and are not `Send`.)
    let failed = tokio::task::LocalSet::new()
        .run_until(async move {
            tokio::task::spawn_local(async move {
                app.wait_for("[data-testid=\"never-there\"]").await;
            })
            .await
        })
        .await
        .expect_err("waiting for a missing element must fail");
    let message = failed
        .into_panic()
        .downcast::<String>()
        .map(|m| *m)
        .expect("a panic message");

    assert!(message.contains("[data-testid=\"never-there\"]"), "{message}");
    let shot = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("screenshot: "))
        .unwrap_or_else(|| panic!("no screenshot in: {message}"));
    let png = std::fs::read(shot).expect("the failure screenshot");
    assert!(png.starts_with(b"\x89PNG"), "{shot} is not a PNG");
    // This failure was on purpose: leave target/e2e-failures to real ones.
    std::fs::remove_file(shot).expect("removing the expected failure's screenshot");
    let _ = std::fs::remove_file(Path::new(shot).with_extension("log"));
    assert!(
        support::group_is_gone(pgid),
        "a panicking scenario left its driver running"
    );
    assert!(
        !Path::new(&format!("/tmp/.X11-unix/X{display}")).exists(),
        "a panicking scenario left Xvfb :{display} running"
    );
}
