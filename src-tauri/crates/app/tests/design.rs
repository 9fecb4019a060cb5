//! Design thinking through the app API: artefacts, gates, dot votes.

mod common;

use atelier_core::SaveOptions;
use common::open_with_project;

use atelier_app::{AppError, Atelier};
use atelier_core::phase::{ArtefactKind, Phase};
use atelier_core::{ArtefactBody, ProjectDraft, Rule};

fn rule(e: AppError) -> Rule {
    match e {
        AppError::Validation(issues) => issues[0].rule,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn persona(name: &str) -> ArtefactBody {
    ArtefactBody::Persona {
        name: name.into(),
        role: "Manager".into(),
        goals: String::new(),
        frustrations: String::new(),
        context: String::new(),
        quote: String::new(),
    }
}

fn idea(title: &str) -> ArtefactBody {
    ArtefactBody::Idea {
        title: title.into(),
        description: String::new(),
        shortlisted: false,
    }
}

#[test]
fn a_gate_stops_until_its_artefacts_exist_or_a_reason_is_given() {
    let (_dir, app, p) = open_with_project();
    app.set_expected_artefacts(
        p,
        Phase::Empathize,
        vec![ArtefactKind::Persona, ArtefactKind::EmpathyMap],
    )
    .expect("sets");
    app.create_artefact(p, Phase::Empathize, persona("Sophie"), &SaveOptions::default())
        .expect("adds");
    let design = app.get_design(p, None).expect("reads");
    assert_eq!(design.gates[0].missing, [ArtefactKind::EmpathyMap]);
    assert_eq!(design.next_phase, Some(Phase::Define));
    assert!(design.gates.iter().all(|g| !g.done), "nothing behind the first phase");

    assert_eq!(rule(app.advance_phase(p, None).expect_err("stopped")), Rule::GateUnmet);
    assert_eq!(app.get_design(p, None).expect("reads").phase, Phase::Empathize);

    let moved = app
        .advance_phase(p, Some("Carte faite sur papier".into()))
        .expect("overridden");
    assert_eq!(moved.phase, Phase::Define);
    assert_eq!(moved.overrides[0].missing, [ArtefactKind::EmpathyMap]);
    assert_eq!(moved.overrides[0].reason, "Carte faite sur papier");
    assert_eq!(moved.next_phase, Some(Phase::Ideate));
    assert_eq!(
        moved
            .gates
            .iter()
            .filter(|g| g.done)
            .map(|g| g.phase)
            .collect::<Vec<_>>(),
        [Phase::Empathize]
    );

    // A met gate passes without a reason.
    app.set_expected_artefacts(p, Phase::Define, vec![ArtefactKind::HowMightWe])
        .expect("sets");
    let hmw = ArtefactBody::HowMightWe {
        statement: "Comment aider les nouveaux managers ?".into(),
    };
    app.create_artefact(p, Phase::Define, hmw, &SaveOptions::default())
        .expect("adds");
    assert_eq!(app.advance_phase(p, None).expect("passes").phase, Phase::Ideate);
}

#[test]
fn dot_votes_are_limited_per_person_and_follow_their_idea() {
    let (_dir, app, p) = open_with_project();
    let a = app
        .create_artefact(p, Phase::Ideate, idea("Mentorat"), &SaveOptions::default())
        .expect("adds");
    let b = app
        .create_artefact(p, Phase::Ideate, idea("Serious game"), &SaveOptions::default())
        .expect("adds");
    app.set_dots_per_person(p, 2).expect("sets");
    let design = app.cast_vote(p, a.id, "Claire".into()).expect("votes");
    assert_eq!(design.voter.map(|v| v.left), Some(1), "the vote tells the dots left");
    app.cast_vote(p, b.id, "Claire".into()).expect("votes");
    let asked = |who: &str| app.get_design(p, Some(who)).expect("reads").voter.map(|v| v.left);
    assert_eq!(asked(" CLAIRE "), Some(0), "the same person, however written");
    assert_eq!(asked("Inès"), Some(2), "someone who has not voted has them all");
    assert_eq!(asked("  "), None, "no one asked about");
    assert_eq!(
        rule(app.cast_vote(p, b.id, "claire".into()).expect_err("no dot left")),
        Rule::TooMany
    );
    let design = app.cast_vote(p, b.id, "Karim".into()).expect("votes");
    let votes: Vec<u32> = design.tallies.iter().map(|t| t.votes).collect();
    assert_eq!(votes, [1, 2]);

    let persona = app
        .create_artefact(p, Phase::Empathize, persona("Sophie"), &SaveOptions::default())
        .expect("adds");
    assert!(matches!(
        app.cast_vote(p, persona.id, "Claire".into()),
        Err(AppError::NotFound)
    ));

    app.delete_artefact(p, b.id).expect("deletes");
    let design = app.get_design(p, None).expect("reads");
    assert_eq!(design.tallies.len(), 1);
    app.cast_vote(p, a.id, "Karim".into()).expect("Karim's dots came back");
}

#[test]
fn artefacts_keep_their_kind_and_survive_a_reopen_with_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (p, id) = {
        let app = Atelier::open(dir.path()).expect("opens");
        let p = app
            .create_project(
                ProjectDraft {
                    title: "P".into(),
                    ..Default::default()
                },
                &SaveOptions::default(),
            )
            .expect("creates");
        let a = app
            .create_artefact(p.id, Phase::Empathize, persona("Sophie"), &SaveOptions::default())
            .expect("adds");
        assert!(matches!(
            app.update_artefact(p.id, a.id, idea("x"), &SaveOptions::default()),
            Err(AppError::Validation(_))
        ));
        assert_eq!(
            rule(
                app.create_artefact(p.id, Phase::Empathize, persona(" "), &SaveOptions::default())
                    .expect_err("blank")
            ),
            Rule::Required
        );
        (p.id, a.id)
    };
    let app = Atelier::open(dir.path()).expect("reopens");
    let design = app.get_design(p, None).expect("reads");
    assert_eq!(design.artefacts.len(), 1);
    assert_eq!(
        (design.artefacts[0].id, design.artefacts[0].body.label()),
        (id, "Sophie")
    );
}
