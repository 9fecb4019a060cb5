//! Long lists in the real window: 5,000 projects, 3,000 vendors and as
//! many people are filtered and sorted in Rust, and the window only ever
//! holds the rows on screen.
#![cfg(feature = "e2e")]

mod support;

use atelier_core::person::Organisation;
use atelier_core::vendor::{JournalEntry, VendorType};
use atelier_core::{Person, PersonDraft, PersonRef, Project, ProjectDraft, Vendor, VendorDraft, WatchStage};
use atelier_store::Store;
use chrono::Utc;
use support::App;

const PROJECTS: usize = 5_000;
const VENDORS: usize = 3_000;

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

/// `VENDORS` vendors, each with one contact in the directory.
fn fill_registry(dir: &std::path::Path) {
    let store = Store::open(dir).expect("opens the store");
    let now = Utc::now();
    let vendors: Vec<Vendor> = (0..VENDORS)
        .map(|i| {
            let draft = VendorDraft {
                name: format!("Éditeur {i:04}"),
                vendor_type: VendorType::Startup,
                modalities: Vec::new(),
                website: String::new(),
                country: "France".into(),
                tags: Vec::new(),
            };
            let mut v = Vendor::create(draft, now).expect("valid vendor");
            v.stage = WatchStage::ALL[i % 2];
            v
        })
        .collect();
    let people: Vec<Person> = vendors
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let draft = PersonDraft {
                name: format!("Contact {i:04}"),
                organisation: Some(Organisation::Vendor { vendor: v.id }),
                ..Default::default()
            };
            Person::create(draft, now).expect("valid person")
        })
        .collect();
    let batch: Vec<(&Vendor, Option<&JournalEntry>)> = vendors.iter().map(|v| (v, None)).collect();
    store.put_vendors(&batch, &people).expect("writes");
}

#[tokio::test]
async fn three_thousand_vendors_and_people_scroll_and_filter_with_only_visible_rows_rendered() {
    let data = tempfile::tempdir().expect("temp dir");
    fill_registry(data.path());
    let app = App::launch_with_lang(data.path(), "en").await;

    app.click("[data-testid=nav-vendors]").await;
    app.wait_text("[data-testid=vendor-row]", "Éditeur 0000").await;
    let rendered = app.count("[data-testid=vendor-row]").await;
    assert!(rendered < 40, "{rendered} vendor rows in the DOM for {VENDORS} vendors");
    app.execute("const l = document.querySelector('[data-testid=vendors-scroller]'); l.scrollTop = l.scrollHeight;")
        .await;
    app.wait_js(
        "[...document.querySelectorAll('[data-testid=vendor-row]')].some(r => r.innerText.includes('Éditeur 2999'))",
    )
    .await;
    let rendered = app.count("[data-testid=vendor-row]").await;
    assert!(rendered < 40, "{rendered} vendor rows in the DOM after scrolling");
    // Found by the name of its contact, in Rust.
    app.fill("[data-testid=vendor-search]", "contact 1234").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    app.wait_text("[data-testid=vendor-row]", "Éditeur 1234").await;
    app.fill("[data-testid=vendor-search]", "").await;

    // The board shows the first cards of each stage and sends to the
    // list for the rest.
    app.click("[data-testid=vendors-view-board]").await;
    app.wait_text("[data-testid=stage-column-spotted]", "1,500").await;
    let cards = app.count("[data-testid=vendor-card]").await;
    assert!(cards <= 100, "{cards} cards on the board");
    app.click("[data-testid=stage-more-contacted]").await;
    app.wait_for("[data-testid=vendor-row]").await;
    app.wait_text("[data-testid=vendor-row]", "Éditeur 0001").await;

    app.click("[data-testid=nav-people]").await;
    app.wait_text("[data-testid=person-row]", "Contact 0000").await;
    let rendered = app.count("[data-testid=person-row]").await;
    assert!(rendered < 40, "{rendered} person rows in the DOM for {VENDORS} people");
    app.execute("const l = document.querySelector('[data-testid=people-scroller]'); l.scrollTop = l.scrollHeight;")
        .await;
    app.wait_js(
        "[...document.querySelectorAll('[data-testid=person-row]')].some(r => r.innerText.includes('Contact 2999'))",
    )
    .await;
    app.fill("[data-testid=people-search]", "2345").await;
    app.wait_until_count("[data-testid=person-row]", 1).await;
    app.wait_text("[data-testid=person-row]", "Contact 2345").await;
    app.quit().await;
}
