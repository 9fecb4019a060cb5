//! Replacing a person everywhere they are named, then removing them: the
//! sponsor of a live and a trashed project, a task owner, a template, a
//! RACI column, an IT item, a campaign sender — all in one go.

mod common;

use atelier_app::{AppError, Atelier};
use atelier_core::campaign::MessageDraft;
use atelier_core::it_readiness::ItItemDraft;
use atelier_core::person::PersonRef;
use atelier_core::raci::RaciRole;
use atelier_core::{PersonDraft, PersonId, ProjectDraft, Rule, SaveOptions, TaskDraft};

fn person(app: &Atelier, name: &str) -> PersonId {
    app.create_person(
        PersonDraft {
            name: name.into(),
            ..PersonDraft::default()
        },
        &SaveOptions::default(),
    )
    .expect("adds")
    .id
}

#[test]
fn a_person_is_replaced_everywhere_then_removed() {
    let (dir, app, p) = common::open_with_project();
    let save = SaveOptions::default();
    let (claire, nadia) = (person(&app, "Claire Martin"), person(&app, "Nadia Benali"));
    let named = || Some(PersonRef::Person { id: claire });

    let mut draft = app.get_project(p).expect("reads").project.fields;
    draft.sponsor = named();
    app.update_project(p, draft.clone(), &save).expect("sponsor");
    let trashed = app
        .create_project(
            ProjectDraft {
                title: "Ancien".into(),
                sponsor: named(),
                ..ProjectDraft::default()
            },
            &save,
        )
        .expect("creates")
        .id;
    app.trash_project(trashed).expect("trashes");
    app.create_task(
        p,
        TaskDraft {
            title: "Interviews".into(),
            owner: named(),
            ..TaskDraft::default()
        },
        &save,
    )
    .expect("task");
    app.save_as_template(p, "Parcours type".into(), String::new())
        .expect("template");
    app.add_raci_person(p, claire).expect("raci");
    app.add_raci_person(p, nadia).expect("raci");
    app.set_raci_cell(p, 1, claire, Some(RaciRole::Accountable))
        .expect("raci");
    app.update_it_item(
        p,
        1,
        ItItemDraft {
            owner: named(),
            ..ItItemDraft::default()
        },
        &save,
    )
    .expect("it");
    app.create_message(
        p,
        MessageDraft {
            subject: "Lancement".into(),
            audience: "Tous".into(),
            sender: named(),
            ..MessageDraft::default()
        },
        &save,
    )
    .expect("message");
    let before = app.get_person(claire).expect("reads");
    assert_eq!(
        (
            before.sponsor_of.len(),
            before.tasks.len(),
            before.templates.len(),
            before.raci.len(),
            before.it_items.len(),
            before.messages.len()
        ),
        (2, 1, 1, 1, 1, 1)
    );

    // Not by herself, not by someone unknown; nothing changes then.
    for (by, rule) in [(claire, Rule::Duplicate), (PersonId::new(), Rule::NotInDirectory)] {
        match app.replace_person(claire, by) {
            Err(AppError::Validation(e)) => assert_eq!(e[0].rule, rule),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    assert_eq!(app.get_person(claire).expect("still there").sponsor_of.len(), 2);

    let changed = app.replace_person(claire, nadia).expect("replaces");
    assert_eq!(
        changed, 7,
        "two projects, a task, a template, a RACI, a checklist, a message"
    );
    drop(app);

    let app = Atelier::open(dir.path()).expect("reopens");
    assert!(matches!(app.get_person(claire), Err(AppError::NotFound)));
    let after = app.get_person(nadia).expect("reads");
    assert_eq!(
        (
            after.sponsor_of.len(),
            after.tasks.len(),
            after.templates.len(),
            after.raci.len(),
            after.it_items.len(),
            after.messages.len()
        ),
        (2, 1, 1, 1, 1, 1)
    );
    let raci = app.get_raci(p).expect("reads");
    assert_eq!(raci.people.len(), 1, "one column for Nadia");
    assert_eq!(
        raci.rows[0].issue,
        Some(atelier_core::raci::RowIssue::NoResponsible),
        "her A kept"
    );
    assert_eq!(
        app.get_project(p).expect("reads").sponsor_name.as_deref(),
        Some("Nadia Benali")
    );
}
