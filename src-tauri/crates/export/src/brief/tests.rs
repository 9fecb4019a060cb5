use std::collections::HashMap;

use atelier_core::artefact::{ArtefactBody, PilotOutcome};
use atelier_core::brief::{BriefChoice, BriefSection};
use atelier_core::budget::overview;
use atelier_core::evaluation::{BenefitDraft, CostDraft, CostKind, Evaluation, IndicatorDraft, KirkLevel};
use atelier_core::handoff::{readiness, Facts, Handoff, HandoffDraft};
use atelier_core::mix::{Activity, ActivityDraft, Bucket, Delivery};
use atelier_core::phase::Phase;
use atelier_core::samples::Lang;
use atelier_core::task::TaskDraft;
use atelier_core::{Artefact, Modality, Project, ProjectDraft, ProjectId, Task};
use chrono::{NaiveDate, Utc};

use super::*;
use crate::document::markdown;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, d).expect("a date")
}

/// A project with only a title: nothing else to show.
fn bare() -> BriefInput {
    let project = Project::create(
        ProjectDraft {
            title: "Accueil des managers".into(),
            ..ProjectDraft::default()
        },
        Utc::now(),
    )
    .expect("a project");
    BriefInput {
        budget: overview(&project.fields.budget, &[], 0),
        project,
        people: Vec::new(),
        vendors: HashMap::new(),
        phase: Phase::Empathize,
        artefacts: Vec::new(),
        cycles: Vec::new(),
        tasks: Vec::new(),
        activities: Vec::new(),
        engagements: Vec::new(),
        raci: None,
        it: None,
        messages: Vec::new(),
        handoff: None,
        evaluation: None,
        today: day(3, 1),
    }
}

/// A project with a need, a persona, a pilot decision, a task, an
/// activity, a package and an evaluation with its ROI.
fn full() -> BriefInput {
    let mut input = bare();
    let id: ProjectId = input.project.id;
    let f = &mut input.project.fields;
    f.business_need = "Les nouveaux managers se sentent **seuls** : que faire ?".into();
    f.objectives = vec!["Réussir le premier entretien annuel".into()];
    f.audience = "120 managers de proximité".into();
    f.budget.planned_cents = Some(1_800_000);
    input.budget = overview(&input.project.fields.budget, &[], 0);
    input.artefacts = vec![
        Artefact::create(
            id,
            Phase::Empathize,
            ArtefactBody::Persona {
                name: "Sophie".into(),
                role: "Manager de proximité".into(),
                goals: "Être à l'aise".into(),
                frustrations: "Le temps".into(),
                context: String::new(),
                quote: "Je découvre tout".into(),
            },
            Utc::now(),
        )
        .expect("a persona"),
        Artefact::create(
            id,
            Phase::Test,
            ArtefactBody::PilotDecision {
                criteria: "Satisfaction ≥ 4/5".into(),
                results: "4,4/5".into(),
                outcome: PilotOutcome::Scale,
                decided_on: Some(day(2, 10)),
            },
            Utc::now(),
        )
        .expect("a decision"),
    ];
    input.tasks = vec![Task::create(
        id,
        TaskDraft {
            title: "Lancer le pilote".into(),
            due: Some(day(4, 1)),
            ..TaskDraft::default()
        },
        0,
        |_| true,
        Utc::now(),
    )
    .expect("a task")];
    input.activities = vec![Activity::create(
        id,
        ActivityDraft {
            title: "Atelier feedback".into(),
            modality: Modality::Classroom,
            bucket: Bucket::Education,
            delivery: Delivery::Live,
            duration_minutes: 180,
            cost_cents: Some(250_000),
        },
        0,
        Utc::now(),
    )
    .expect("an activity")];
    let mut handoff = Handoff::new(id, Utc::now());
    handoff
        .edit(
            HandoffDraft {
                team: "RH Lyon".into(),
                runbook: "1. Ouvrir la session\n2. *Accueillir*".into(),
                ..HandoffDraft::default()
            },
            Utc::now(),
        )
        .expect("edits");
    let facts = Facts {
        runbook: true,
        assets_owned: true,
        ..Facts::default()
    };
    let score = readiness(&facts, &handoff.weights);
    input.handoff = Some((handoff, score));
    let mut plan = Evaluation::new(id, Utc::now());
    plan.save_indicator(
        None,
        IndicatorDraft {
            level: KirkLevel::Reaction,
            name: "Satisfaction".into(),
            unit: "/5".into(),
            target_hundredths: Some(400),
            result_hundredths: Some(440),
            ..IndicatorDraft::default()
        },
        Utc::now(),
    )
    .expect("adds");
    plan.save_benefit(
        None,
        BenefitDraft {
            label: "Moins de départs".into(),
            amount_cents: 6_000_000,
            isolation_pct: 50,
            confidence_pct: 80,
        },
        Utc::now(),
    )
    .expect("adds");
    plan.save_cost(
        None,
        CostDraft {
            kind: CostKind::Design,
            label: "Conception".into(),
            amount_cents: 2_000_000,
        },
        Utc::now(),
    )
    .expect("adds");
    let roi = plan.measured_roi(0);
    let levels = plan.levels();
    input.evaluation = Some((plan, levels, roi));
    input
}

fn choice(lang: Lang) -> BriefChoice {
    BriefChoice::new(ProjectId::new(), lang, Utc::now())
}

fn headings(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_section_appears_only_with_something_in_it() {
    let doc = build(&bare(), &choice(Lang::En));
    assert_eq!(headings(&doc), ["Cover"], "a bare project has only its cover");
    assert_eq!(sections_with_content(&bare()), [BriefSection::Cover]);
    let full = sections_with_content(&full());
    for s in [
        BriefSection::Need,
        BriefSection::Audience,
        BriefSection::Design,
        BriefSection::Cycles,
        BriefSection::Mix,
        BriefSection::Budget,
        BriefSection::Handoff,
        BriefSection::Evaluation,
    ] {
        assert!(full.contains(&s), "{s:?} in {full:?}");
    }
    assert!(!full.contains(&BriefSection::Raci) && !full.contains(&BriefSection::ItReadiness));
}

#[test]
fn only_the_ticked_sections_in_the_chosen_language() {
    let mut c = choice(Lang::Fr);
    c.choose(vec![BriefSection::Evaluation, BriefSection::Need], Lang::Fr, Utc::now());
    let doc = build(&full(), &c);
    let titles = headings(&doc);
    assert_eq!(titles.len(), 2, "{titles:?}");
    let md = markdown::write(&doc);
    // French words, typography and figures.
    assert!(md.contains("seuls"), "{md}");
    assert!(md.contains("\u{a0}: que faire\u{202f}?"), "{md}");
    assert!(md.contains("20,0\u{202f}%"), "ROI 20 %: {md}");
    let en = markdown::write(&build(&full(), &choice(Lang::En)));
    assert!(en.contains("20\\.0%"), "{en}");
}

#[test]
fn every_word_a_brief_uses_is_in_both_catalogs() {
    for lang in [Lang::Fr, Lang::En] {
        let doc = build(&full(), &choice(lang));
        let mut labels: Vec<&str> = Vec::new();
        for b in &doc.blocks {
            match b {
                Block::Heading { text, .. } => labels.push(text),
                Block::Facts { facts } => labels.extend(facts.iter().map(|f| f.label.as_str())),
                Block::Table(t) => labels.extend(t.columns.iter().map(|c| c.title.as_str())),
                Block::Chart(c) => labels.push(&c.caption),
                _ => {}
            }
        }
        labels.extend([doc.footer.as_str(), doc.page_word.as_str()]);
        for label in labels {
            let looks_like_a_key = label.contains('.') && !label.contains(' ') && label.is_ascii();
            assert!(
                !looks_like_a_key && !label.is_empty(),
                "{lang:?}: missing word {label:?}"
            );
        }
    }
}
