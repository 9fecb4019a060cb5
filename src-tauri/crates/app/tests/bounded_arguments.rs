//! The texts that reach the app as plain arguments rather than inside a
//! draft (the draft types are walked by `core/tests/bounded_texts.rs`): a
//! gate or hand-off override reason, a voter's name, a RACI row, an IT
//! item, a template's name and description, a duplicate's title. Each,
//! grown far past any limit, is refused naming its field, and nothing is
//! saved.

mod common;

use atelier_app::{AppError, Atelier};
use atelier_core::it_readiness::ItArea;
use atelier_core::phase::{ArtefactKind, Phase};
use atelier_core::{ArtefactBody, ProjectId, SaveOptions, Status};

/// Far past every limit.
fn huge() -> String {
    "é".repeat(100_000)
}

/// The field a refusal names; panics on anything but a validation error.
fn refused_field(what: &str, result: Result<impl std::fmt::Debug, AppError>) -> String {
    match result {
        Err(AppError::Validation(issues)) => issues[0].field.clone(),
        other => panic!("{what}: expected a validation error, got {other:?}"),
    }
}

/// Everything the database holds, to tell that nothing was saved.
fn snapshot(app: &Atelier, dir: &std::path::Path) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let file = dir.join(format!("snapshot-{}.atelier-backup", std::process::id()));
    app.back_up_to(&file).expect("backs up");
    let records = atelier_store::backup::read(&file)
        .expect("reads")
        .expect("whole")
        .records
        .into_iter()
        .map(|r| (r.tree, r.key, r.value))
        .collect();
    std::fs::remove_file(&file).expect("removes");
    records
}

/// A project whose gate to Define is unmet (an override needs a reason),
/// with an idea to vote on, moved to Deployment (a hand-off under the
/// threshold needs a reason).
fn project(app: &Atelier) -> (ProjectId, atelier_core::ArtefactId) {
    let p = app
        .create_project(
            atelier_core::ProjectDraft {
                title: "Parcours".into(),
                ..Default::default()
            },
            &SaveOptions::default(),
        )
        .expect("creates")
        .id;
    app.set_expected_artefacts(p, Phase::Empathize, vec![ArtefactKind::Persona])
        .expect("sets");
    let idea = app
        .create_artefact(
            p,
            Phase::Ideate,
            ArtefactBody::Idea {
                title: "Mentorat".into(),
                description: String::new(),
                shortlisted: false,
            },
            &SaveOptions::default(),
        )
        .expect("adds")
        .id;
    app.add_raci_row(p, "Traduction".into()).expect("adds a row");
    (p, idea)
}

#[test]
fn every_plain_text_argument_has_a_limit_and_a_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let (p, idea) = project(&app);
    let handed_off = {
        let id = project(&app).0;
        for to in [Status::Framing, Status::Design, Status::Pilot, Status::Deployment] {
            app.change_project_status(id, to, &SaveOptions::confirmed())
                .expect("moves");
        }
        id
    };
    let before = snapshot(&app, dir.path());

    let fields = [
        refused_field("gate override", app.advance_phase(p, Some(huge()))),
        refused_field("hand-off override", app.hand_off_project(handed_off, Some(huge()))),
        refused_field("vote", app.cast_vote(p, idea, huge())),
        refused_field("RACI row", app.add_raci_row(p, huge())),
        refused_field("RACI rename", app.rename_raci_row(p, 0, huge())),
        refused_field("IT item", app.add_it_item(p, ItArea::Network, huge())),
        refused_field("template name", app.save_as_template(p, huge(), String::new())),
        refused_field("template description", app.save_as_template(p, "Modèle".into(), huge())),
        refused_field("duplicate", app.duplicate_project(p, huge())),
    ];
    assert_eq!(
        fields,
        [
            "reason",
            "reason",
            "voter",
            "name",
            "name",
            "name",
            "name",
            "description",
            "title"
        ]
    );
    assert!(snapshot(&app, dir.path()) == before, "nothing was saved");
}
