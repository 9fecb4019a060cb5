//! The persistence contract: every fixture of every schema — a backup of a
//! database holding every kind of record, as an Atelier of that schema
//! wrote it — still opens and reads back the same values. A change to a
//! stored type adds a fixture (see `app/tests/fixtures.rs`); a change that
//! breaks an older one needs a migration.

use std::path::{Path, PathBuf};

use atelier_core::artefact::PilotOutcome;
use atelier_core::brief::BriefSection;
use atelier_core::campaign::MessageChannel;
use atelier_core::it_readiness::ItStatus;
use atelier_core::raci::RaciRole;
use atelier_core::radar::HypeStage;
use atelier_core::{
    ArtefactBody, Health, Lang, PersonKind, PersonRef, Phase, ProjectId, Status, TaskStatus, Theme, WatchStage,
};
use atelier_store::backup::{self, build_database};
use atelier_store::Store;

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut all: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("the fixtures folder")
        .map(|e| e.expect("an entry").path().join("every-kind.atelier-backup"))
        .collect();
    all.sort();
    all
}

/// A data directory holding the fixture's database, exactly as written,
/// and the schema that wrote it.
fn database_of(fixture: &Path) -> (tempfile::TempDir, u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let backup = backup::read(fixture).expect("reads").expect("a whole backup");
    build_database(&dir.path().join("db"), &backup.records).expect("builds the database");
    (dir, backup.header.schema)
}

#[test]
fn every_fixture_of_every_schema_reads_back() {
    let all = fixtures();
    assert!(!all.is_empty(), "no fixture found");
    for fixture in all {
        let name = fixture.display().to_string();
        let (dir, schema) = database_of(&fixture);
        let store = Store::open(dir.path()).unwrap_or_else(|e| panic!("{name}: {e}"));

        let settings = store.settings().expect("settings");
        assert_eq!(
            (settings.language, settings.theme),
            (Some(Lang::Fr), Theme::Dark),
            "{name}"
        );
        assert_eq!(settings.user_name, "Claire Martin", "{name}");
        assert_eq!(store.criteria().expect("criteria")[0].weight, 5, "{name}");

        let projects: Vec<_> = store.projects().map(|p| p.expect("a project")).collect();
        assert_eq!(projects.len(), 8, "{name}: two of the DLM's and six samples");
        assert_eq!(projects.iter().filter(|p| p.sample).count(), 6, "{name}");
        let full = projects
            .iter()
            .find(|p| p.fields.title == "Parcours d'intégration des managers")
            .expect("the full project");
        assert_eq!(full.status, Status::Framing);
        assert_eq!(full.fields.health, Health::AtRisk);
        assert_eq!(full.fields.budget.actual_cents, Some(1_250_050));
        assert_eq!(full.fields.objectives.len(), 2);
        // A typed sponsor until schema 5, a person of the directory since.
        let directory = store.people().expect("people");
        let sponsor = full.fields.sponsor.as_ref().and_then(|s| s.name(&directory));
        assert!(
            matches!(sponsor, Some("Directrice des ressources humaines" | "Nadia Benali")),
            "{name}: {sponsor:?}"
        );
        let bare = projects
            .iter()
            .find(|p| p.fields.title == "Idée à creuser")
            .expect("the bare one");
        assert_eq!((bare.fields.start_date, bare.fields.budget.planned_cents), (None, None));
        let trash = store.trashed_projects().expect("trash");
        assert_eq!(trash.len(), 1, "{name}");
        assert_eq!(trash[0].project.fields.title, "Projet abandonné");

        let cycles = store.cycles(full.id).expect("cycles");
        assert_eq!(cycles[0].fields.phase_focus, Some(Phase::Empathize));
        let tasks = store.tasks(full.id).expect("tasks");
        assert!(tasks
            .iter()
            .any(|t| t.fields.status == TaskStatus::Doing && t.fields.cycle == Some(cycles[0].id)));
        assert!(
            tasks
                .iter()
                .any(|t| t.fields.owner == Some(PersonRef::Named { name: "Karim".into() })),
            "{name}: the owner typed"
        );
        let artefacts = store.artefacts(full.id).expect("artefacts");
        assert_eq!(artefacts.len(), 9, "{name}: one of each kind");
        assert!(artefacts.iter().any(|a| matches!(
            a.body,
            ArtefactBody::PilotDecision {
                outcome: PilotOutcome::Scale,
                ..
            }
        )));
        let design = store.design_state(full.id).expect("design state");
        assert_eq!(design.phase, Phase::Define);
        assert_eq!(design.votes.len(), 1);
        assert_eq!(store.activities(full.id).expect("activities").len(), 2);
        assert_eq!(store.templates().expect("templates")[0].name, "Intégration managers");

        let vendors = store.vendors().expect("vendors");
        let immersia = vendors.iter().find(|v| v.fields.name == "Immersia").expect("Immersia");
        assert_eq!(immersia.stage, WatchStage::Piloting);
        assert_eq!(immersia.scores.len(), 2);
        assert_eq!(immersia.judgement.as_ref().map(|j| j.hype), Some(HypeStage::Peak));
        let people = store.people().expect("people");
        let lea = people
            .iter()
            .find(|p| p.fields.vendor() == Some(immersia.id))
            .unwrap_or_else(|| panic!("{name}: Immersia's contact is in the directory"));
        assert_eq!(
            (lea.fields.name.as_str(), lea.fields.job_title.as_str()),
            ("Léa Martin", "Directrice commerciale"),
            "{name}"
        );
        assert_eq!(
            (lea.fields.email.as_str(), lea.fields.phone.as_str()),
            ("lea@immersia.example", "+33 4 00 00 00 00"),
            "{name}"
        );
        assert_eq!(lea.fields.kinds, [PersonKind::VendorContact], "{name}");
        let journal = store.journal(immersia.id).expect("journal");
        assert_eq!(journal.len(), 2, "{name}: the demo and the stage change");
        assert!(journal.iter().any(|e| e.stage_change.is_some()));
        let engagements = store.engagements(full.id).expect("engagements");
        assert_eq!(engagements[0].fields.amount_cents, Some(2_400_000));
        assert_eq!(store.themes().expect("themes")[0].fields.name, "Tuteurs IA génératifs");
        if schema >= 6 {
            coordination_and_impact_read_back(&store, full.id, &name);
        }
    }
}

/// The kinds first recorded in schema 6's fixture: RACI, IT checklist,
/// campaign, evaluation, roster, hand-off and the brief choice.
fn coordination_and_impact_read_back(store: &Store, project: ProjectId, name: &str) {
    let raci = store.raci(project).expect("reads").expect("a RACI");
    assert_eq!(raci.cells.len(), 3, "{name}");
    assert!(raci.cells.iter().any(|c| c.role == RaciRole::Consulted), "{name}");
    let it = store.it_checklist(project).expect("reads").expect("a checklist");
    assert!(it.items.iter().any(|i| i.fields.status == ItStatus::Done), "{name}");
    assert!(
        it.items.iter().any(|i| i.fields.reason == "Tout en ligne, hors réseau"),
        "{name}"
    );
    let messages = store.messages(project).expect("messages");
    assert_eq!(messages[0].fields.channel, MessageChannel::ManagerBriefing, "{name}");
    let evaluation = store.evaluation(project).expect("reads").expect("an evaluation");
    assert_eq!(evaluation.indicators[0].fields.result_hundredths, Some(800), "{name}");
    assert!(evaluation.indicators[0].fields.lower_is_better, "{name}");
    assert_eq!(evaluation.benefits[0].fields.isolation_pct, 50, "{name}");
    assert_eq!(evaluation.participants.participants, 40, "{name}");
    assert_eq!(evaluation.verdict, "Objectif atteint", "{name}");
    let roster = store.roster(project).expect("reads").expect("a roster");
    assert!(roster.trainers[0].fields.path.certified.is_some(), "{name}");
    assert_eq!(roster.sessions[0].fields.satisfaction, Some(4), "{name}");
    let handoff = store.handoff(project).expect("reads").expect("a package");
    assert_eq!(handoff.fields.team, "RH Lyon", "{name}");
    assert_eq!(handoff.assets[0].fields.licence_cost_cents, Some(120_000), "{name}");
    assert_eq!(handoff.risks.len(), 1, "{name}");
    let brief = store.brief_choice(project).expect("reads").expect("a brief choice");
    assert_eq!(brief.lang, Lang::En, "{name}");
    assert_eq!(
        brief.sections,
        [BriefSection::Cover, BriefSection::Budget, BriefSection::Handoff],
        "{name}"
    );
}

#[test]
fn an_unreadable_record_is_skipped_noted_and_kept() {
    let fixture = fixtures().pop().expect("the current schema's fixture");
    let mut records = backup::read(&fixture).expect("reads").expect("whole").records;
    // The last project written: a sample, not the one whose tasks are read.
    let project = records.iter().rposition(|r| r.tree == "projects").expect("a project");
    records[project].value = b"{\"kind\":\"project\",\"v\":1,\"data\":{\"title\":".to_vec();
    let task = records.iter().position(|r| r.tree == "tasks").expect("a task");
    records[task].value = br#"{"kind":"task","v":1,"data":{"colour":"red"}}"#.to_vec();
    let vendor = records.iter().position(|r| r.tree == "vendors").expect("a vendor");
    records[vendor].value = br#"{"kind":"vendor","v":99,"data":{}}"#.to_vec();
    let (broken_project, broken_task) = (records[project].clone(), records[task].clone());
    let dir = tempfile::tempdir().expect("temp dir");
    build_database(&dir.path().join("db"), &records).expect("builds");

    let store = Store::open(dir.path()).expect("opens all the same");
    // Each is found as the store opens, before anything lists it, the task
    // too although its envelope is sound.
    let found_at_open: Vec<String> = store.unreadable_records().into_iter().map(|u| u.tree).collect();
    assert_eq!(found_at_open, ["projects", "tasks", "vendors"], "{found_at_open:?}");
    // Lists go on without the broken records…
    assert_eq!(store.projects().filter(|p| p.is_ok()).count(), 7);
    assert_eq!(store.vendors().expect("lists").len(), 1);
    let full = store
        .projects()
        .map(|p| p.expect("readable"))
        .find(|p| p.fields.title == "Parcours d'intégration des managers")
        .expect("the full project is readable");
    assert_eq!(store.tasks(full.id).expect("lists").len(), 1, "one task left of two");
    // …which are named, by tree and key…
    let noted: Vec<(String, String)> = store
        .unreadable_records()
        .into_iter()
        .map(|u| (u.tree, u.key))
        .collect();
    assert!(
        noted.contains(&("projects".into(), backup::hex(&broken_project.key))),
        "{noted:?}"
    );
    assert!(
        noted.contains(&("tasks".into(), backup::hex(&broken_task.key))),
        "{noted:?}"
    );
    assert!(noted.iter().any(|(tree, _)| tree == "vendors"), "{noted:?}");
    // …refused by name when an operation needs them…
    let id = atelier_core::ProjectId::from_slice(&broken_project.key).expect("an id");
    match store.trash_project(id, chrono::Utc::now()) {
        Err(atelier_store::StoreError::Unreadable { tree, key }) => {
            assert_eq!((tree.as_str(), key), ("projects", backup::hex(&broken_project.key)));
        }
        other => panic!("expected the record named as unreadable, got {other:?}"),
    }
    // …and kept on disk as they were.
    let kept: Vec<_> = store.records().collect::<Result<_, _>>().expect("reads");
    assert!(kept.contains(&broken_project) && kept.contains(&broken_task));
}
