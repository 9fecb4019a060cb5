//! The global search and the keyboard shortcuts in the real window, by
//! keyboard alone: Ctrl+K opens the search from any screen, the hits come
//! grouped by kind with the matched words marked, accents ignored; the
//! arrows and Enter open a hit on its project's tab; a kind with many hits
//! opens as a windowed list the arrows scroll through; Esc closes. Ctrl+1,
//! 2, 3 go to the three areas, Ctrl+N opens a new project that Ctrl+S
//! saves, and "?" lists every shortcut.
#![cfg(feature = "e2e")]

mod support;

use atelier_core::campaign::{Message, MessageDraft};
use atelier_core::vendor::{JournalDraft, JournalEntry, JournalKind, VendorType};
use atelier_core::{
    Artefact, ArtefactBody, Person, PersonDraft, Phase, Project, ProjectDraft, Task, TaskDraft, Vendor, VendorDraft,
};
use atelier_store::Store;
use chrono::{NaiveDate, Utc};
use support::{App, Key};

/// Projects whose title holds "atelier manager": more than the search
/// shows at first, so that they open as their own list.
const WORKSHOPS: usize = 60;

fn fill(dir: &std::path::Path) {
    let store = Store::open(dir).expect("opens the store");
    let now = Utc::now();
    let project = |title: String, summary: &str| {
        let draft = ProjectDraft {
            title,
            summary: summary.into(),
            ..Default::default()
        };
        Project::create(draft, now).expect("valid project")
    };
    let main = project("Parcours managers de proximité".into(), "");
    store.put_project(&main).expect("project");
    let workshops: Vec<Project> = (0..WORKSHOPS)
        .map(|i| project(format!("Atelier manager {i:02}"), "Pour les équipes"))
        .collect();
    store.put_projects(&workshops).expect("projects");
    let task = TaskDraft {
        title: "Relire le quiz des managers".into(),
        ..Default::default()
    };
    let task = Task::create(main.id, task, 0, |_| true, now).expect("valid task");
    store.put_tasks(main.id, &[task]).expect("task");
    let idea = ArtefactBody::Idea {
        title: "Quiz mobile".into(),
        description: "Un quiz pour chaque manager, sur le téléphone".into(),
        shortlisted: false,
    };
    store
        .put_artefact(&Artefact::create(main.id, Phase::Ideate, idea, now).expect("valid artefact"))
        .expect("artefact");
    let message = MessageDraft {
        subject: "Lancement auprès des managers".into(),
        audience: "Managers de proximité".into(),
        ..Default::default()
    };
    store
        .put_message(&Message::create(main.id, message, |_| true, now).expect("valid message"))
        .expect("message");
    let vendor = VendorDraft {
        name: "Campus Manager".into(),
        vendor_type: VendorType::ALL[0],
        modalities: Vec::new(),
        website: String::new(),
        country: "France".into(),
        tags: Vec::new(),
    };
    let vendor = Vendor::create(vendor, now).expect("valid vendor");
    store.put_vendor(&vendor, None).expect("vendor");
    let entry = JournalDraft {
        date: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        kind: JournalKind::Demo,
        title: "Démo du catalogue".into(),
        body: "Modules courts pour managers".into(),
    };
    store
        .put_journal_entry(&JournalEntry::create(vendor.id, entry, now).expect("valid entry"))
        .expect("entry");
    let person = PersonDraft {
        name: "Émilie Manager".into(),
        job_title: "Responsable formation".into(),
        ..Default::default()
    };
    store
        .put_person(&Person::create(person, now).expect("valid person"))
        .expect("person");
}

const CTRL: char = '\u{E009}';

async fn ctrl(app: &App, key: char) {
    app.chord(&[CTRL, key]).await;
}

/// Opens the search with Ctrl+K and types `text` into it, the keyboard
/// only.
async fn search_for(app: &App, text: &str) {
    ctrl(app, 'k').await;
    app.wait_visible("[data-testid=search-palette]").await;
    app.wait_js("document.activeElement?.dataset.testid === 'search-input'")
        .await;
    app.keyboard(text).await;
}

/// The text of the option the keyboard is on.
async fn active_option(app: &App) -> String {
    let value = app
        .execute("return document.querySelector('[role=option][aria-selected=true]')?.innerText ?? ''")
        .await;
    value.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_search_and_the_shortcuts_work_by_keyboard_alone() {
    let data = tempfile::tempdir().expect("temp dir");
    fill(data.path());
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.wait_for("[data-testid=portfolio-page]").await;

    // Every kind is found, grouped, the word marked, accents ignored.
    search_for(&app, "manager").await;
    for kind in ["project", "vendor", "person", "task", "artefact", "message", "journal"] {
        app.wait_for(&format!("[data-testid=search-group-{kind}]")).await;
    }
    app.wait_js("document.querySelector('[data-testid=search-group-project]').textContent.includes('Projets')")
        .await;
    app.wait_js("[...document.querySelectorAll('[data-testid=search-hit] mark')].some(m => m.innerText === 'Manager')")
        .await;
    app.wait_text(
        "[data-testid=search-hit][data-kind=journal]",
        "Modules courts pour managers",
    )
    .await;
    // A new text replaces the last: select it all and type over it.
    ctrl(&app, 'a').await;
    app.keyboard("EMILIE").await;
    app.wait_text("[data-testid=search-hit][data-kind=person]", "Émilie Manager")
        .await;
    app.wait_js("document.querySelector('[data-testid=search-hit][data-kind=person] mark')?.innerText === 'Émilie'")
        .await;
    app.wait_gone("[data-testid=search-group-project]").await;

    // Arrows and Enter open a task on its project's tasks tab.
    ctrl(&app, 'a').await;
    app.keyboard("relire quiz").await;
    app.wait_until_count("[data-testid=search-hit]", 1).await;
    assert!(active_option(&app).await.contains("Relire le quiz des managers"));
    app.chord(&[Key::Enter.into()]).await;
    app.wait_gone("[data-testid=search-palette]").await;
    app.wait_text("[data-testid=project-title]", "Parcours managers de proximité")
        .await;
    app.wait_js("document.querySelector('[data-testid=tab-tasks]')?.getAttribute('aria-selected') === 'true'")
        .await;

    // Many hits of one kind: the first few, then the whole list, windowed,
    // which the arrows scroll through.
    search_for(&app, "atelier manager").await;
    app.wait_text("[data-testid=search-more-project]", &WORKSHOPS.to_string())
        .await;
    assert!(active_option(&app).await.contains("Atelier manager 00"));
    app.chord(&[Key::Down.into()]).await;
    assert!(active_option(&app).await.contains("Atelier manager 01"));
    for _ in 0..4 {
        app.chord(&[Key::Down.into()]).await;
    }
    assert!(active_option(&app).await.contains(&WORKSHOPS.to_string()));
    app.chord(&[Key::Enter.into()]).await;
    app.wait_for("[data-testid=search-scroller]").await;
    app.wait_text("[data-testid=search-hit]", "Atelier manager 00").await;
    let drawn = app.count("[data-testid=search-hit]").await;
    assert!(drawn < WORKSHOPS, "{drawn} hits drawn of {WORKSHOPS}");
    for _ in 0..5 {
        app.chord(&[Key::PageDown.into()]).await;
    }
    app.wait_js(
        "document.querySelector('[role=option][aria-selected=true]')?.innerText.includes('Atelier manager 40')",
    )
    .await;
    app.wait_js("document.querySelector('[data-testid=search-scroller]').scrollTop > 0")
        .await;
    app.chord(&[Key::Enter.into()]).await;
    app.wait_text("[data-testid=project-title]", "Atelier manager 40").await;

    // Esc closes the search and leaves the screen as it was.
    search_for(&app, "quiz").await;
    app.wait_for("[data-testid=search-hit]").await;
    app.chord(&[Key::Escape.into()]).await;
    app.wait_gone("[data-testid=search-palette]").await;
    app.wait_text("[data-testid=project-title]", "Atelier manager 40").await;

    // The areas, a new project saved with Ctrl+S, and the sheet.
    ctrl(&app, '2').await;
    app.wait_for("[data-testid=vendors-page]").await;
    ctrl(&app, '3').await;
    app.wait_for("[data-testid=people-page]").await;
    ctrl(&app, '1').await;
    app.wait_for("[data-testid=portfolio-page]").await;
    ctrl(&app, 'n').await;
    app.wait_js("document.activeElement?.dataset.testid === 'field-title'")
        .await;
    app.keyboard("Tutorat inversé").await;
    ctrl(&app, 's').await;
    app.wait_text("[data-testid=project-title]", "Tutorat inversé").await;
    app.chord(&['?']).await;
    app.wait_visible("[data-testid=shortcut-sheet]").await;
    app.wait_text("[data-testid=shortcut-search]", "Ctrl+K").await;
    app.wait_text("[data-testid=shortcut-search]", "Rechercher partout")
        .await;
    app.chord(&[Key::Escape.into()]).await;
    app.wait_gone("[data-testid=shortcut-sheet]").await;
    // A "?" typed in a field is a character, not the sheet.
    search_for(&app, "quoi ?").await;
    app.wait_js("document.querySelector('[data-testid=search-input]').value === 'quoi ?'")
        .await;
    assert!(!app.exists("[data-testid=shortcut-sheet]").await);
    app.quit().await;
}
