//! A large portfolio in the real window: 5,000 projects are filtered and
//! sorted in Rust and the window only ever holds the rows on screen.
#![cfg(feature = "e2e")]

mod support;

use atelier_core::{PersonRef, Project, ProjectDraft};
use atelier_store::Store;
use chrono::Utc;
use support::App;

const PROJECTS: usize = 5_000;

fn fill_portfolio(dir: &std::path::Path) {
    let store = Store::open(dir).expect("opens the store");
    let now = Utc::now();
    let projects: Vec<Project> = (0..PROJECTS)
        .map(|i| {
            let draft = ProjectDraft {
                title: format!("Projet {i:04}"),
                sponsor: Some(PersonRef::Named {
                    name: format!("Sponsor {}", i % 40),
                }),
                ..Default::default()
            };
            Project::create(draft, now).expect("valid draft")
        })
        .collect();
    for chunk in projects.chunks(1_000) {
        store.put_projects(chunk).expect("writes");
    }
}

#[tokio::test]
async fn five_thousand_projects_scroll_sort_and_filter_with_only_visible_rows_rendered() {
    let data = tempfile::tempdir().expect("temp dir");
    fill_portfolio(data.path());
    let app = App::launch_with_lang(data.path(), "en").await;

    app.wait_text("[data-testid=portfolio-page]", "5,000 projects in your portfolio")
        .await;
    app.click("[data-testid=view-list]").await;
    app.click("[data-testid=sort-by-title]").await;
    app.wait_text("[data-testid=project-row]", "Projet 0000").await;
    let rendered = app.count("[data-testid=portfolio-list] [role=row]").await;
    assert!(rendered < 40, "{rendered} rows in the DOM for {PROJECTS} projects");

    // Jump to the end: the rows there are fetched and drawn.
    app.execute("const l = document.querySelector('[data-testid=portfolio-list]'); l.scrollTop = l.scrollHeight;")
        .await;
    app.wait_js(
        "[...document.querySelectorAll('[data-testid=project-row]')].some(r => r.innerText.includes('Projet 4999'))",
    )
    .await;
    let rendered = app.count("[data-testid=portfolio-list] [role=row]").await;
    assert!(rendered < 40, "{rendered} rows in the DOM after scrolling");

    app.fill("[data-testid=search]", "4321").await;
    app.wait_text("[data-testid=matching]", "1 matching").await;
    app.wait_until_count("[data-testid=project-row]", 1).await;
    app.wait_text("[data-testid=project-row]", "Projet 4321").await;
    app.quit().await;
}
