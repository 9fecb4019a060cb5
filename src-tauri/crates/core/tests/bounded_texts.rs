//! Every text and every list the DLM can fill is bounded, in core, with a
//! field message. The test walks the JSON of a sound sample of every input
//! type: each free text in turn is made ten times the longest text limit, each
//! list two thousand entries long (entries told apart), and the type's own
//! check must refuse it naming a field. A text or list added later without
//! a limit fails here. Strings that are not free text (dates, ids, closed
//! choices) cannot take such a value and are left out by deserialisation
//! itself; a list of closed choices is bounded by the choices.

use atelier_core::artefact::{Fidelity, JourneyStage, PilotOutcome, Touchpoint};
use atelier_core::campaign::{MessageChannel, MessageDraft, MessagePurpose, MessageStatus};
use atelier_core::evaluation::{
    BenefitDraft, CostDraft, CostKind, IndicatorDraft, Instrument, KirkLevel, ParticipantsTime, Timing,
};
use atelier_core::handoff::{AssetDraft, AssetKind, HandoffDraft, RiskDraft, RunModel};
use atelier_core::it_readiness::{ItItemDraft, ItStatus};
use atelier_core::person::Organisation;
use atelier_core::radar::{Adoption, Family, HypeStage, Judgement};
use atelier_core::roster::{SessionDraft, SessionMode, TrainerDraft, TrainerPath};
use atelier_core::scorecard::{check_criteria, check_scores, Criterion, Score};
use atelier_core::template::Template;
use atelier_core::theme::RadarThemeDraft;
use atelier_core::validation::{Draft, ValidationError};
use atelier_core::vendor::{JournalDraft, JournalKind, VendorType};
use atelier_core::{
    ActivityDraft, ArtefactBody, Bucket, Budget, ContractStatus, Currency, CycleForm, Delivery, EngagementDraft,
    Health, Modality, PersonDraft, PersonId, PersonKind, PersonRef, Phase, ProjectDraft, Settings, TaskDraft,
    TaskStatus, VendorDraft, VendorId,
};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

/// Ten times the longest text limit.
const HUGE: usize = 10 * atelier_core::limits::LONG_TEXT_MAX;
/// Far above every list limit (the longest, a roster, is 200).
const MANY: usize = 2_000;

fn day(m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, m, d)
}

fn named(name: &str) -> Option<PersonRef> {
    Some(PersonRef::Named { name: name.into() })
}

/// One step into a JSON value.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every string and every array of `v`, by path (inside an array, its
/// first entry stands for all).
fn walk(v: &Value, path: &mut Vec<Step>, texts: &mut Vec<Vec<Step>>, lists: &mut Vec<Vec<Step>>) {
    match v {
        Value::String(_) => texts.push(path.clone()),
        Value::Array(items) => {
            lists.push(path.clone());
            if let Some(first) = items.first() {
                path.push(Step::Index(0));
                walk(first, path, texts, lists);
                path.pop();
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields {
                path.push(Step::Key(key.clone()));
                walk(field, path, texts, lists);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// `entry` told apart as the `n`th: every free text suffixed, every id new.
fn nth(entry: &Value, n: usize) -> Value {
    match entry {
        Value::String(s) if Uuid::parse_str(s).is_ok() => Value::String(Uuid::from_u128(n as u128 + 1).to_string()),
        Value::String(s) => Value::String(format!("{s} {n}")),
        Value::Array(items) => Value::Array(items.iter().map(|i| nth(i, n)).collect()),
        Value::Object(fields) => Value::Object(fields.iter().map(|(k, v)| (k.clone(), nth(v, n))).collect()),
        other => other.clone(),
    }
}

fn shown(path: &[Step]) -> String {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => k.clone(),
            Step::Index(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The texts and lists of `sample` that its `check` lets grow without a
/// field message, named `name.path`.
fn unbounded<T: Serialize + DeserializeOwned>(
    name: &str,
    sample: &T,
    check: impl Fn(T) -> Vec<ValidationError>,
) -> Vec<String> {
    let json = serde_json::to_value(sample).expect("serialises");
    let sound: T = serde_json::from_value(json.clone()).expect("reads back");
    assert_eq!(check(sound), [], "{name}: the sample itself must be sound");
    let (mut texts, mut lists) = (Vec::new(), Vec::new());
    walk(&json, &mut Vec::new(), &mut texts, &mut lists);
    let refused = |grown: Value| -> Option<bool> {
        let draft: T = serde_json::from_value(grown).ok()?;
        let errors = check(draft);
        Some(!errors.is_empty() && errors.iter().all(|e| !e.field.is_empty()))
    };
    let mut found = Vec::new();
    for path in texts {
        let mut grown = json.clone();
        *at(&mut grown, &path) = Value::String("x".repeat(HUGE));
        if refused(grown) == Some(false) {
            found.push(format!("{name}.{} (text)", shown(&path)));
        }
    }
    for path in lists {
        let mut grown = json.clone();
        let list = at(&mut grown, &path);
        let Some(first) = list.as_array().and_then(|l| l.first()).cloned() else {
            found.push(format!("{name}.{}: give the sample an entry", shown(&path)));
            continue;
        };
        *list = Value::Array((0..MANY).map(|n| nth(&first, n)).collect());
        if refused(grown) == Some(false) {
            found.push(format!("{name}.{} (list)", shown(&path)));
        }
    }
    found
}

fn drafted<T: Draft>(d: T) -> Vec<ValidationError> {
    d.checked().err().unwrap_or_default()
}

#[test]
fn every_text_and_list_the_dlm_fills_is_bounded() {
    let mut found = Vec::new();
    found.extend(unbounded(
        "project",
        &ProjectDraft {
            title: "Parcours".into(),
            summary: "Un parcours.".into(),
            business_need: "Les managers.".into(),
            audience: "Managers".into(),
            objectives: vec!["Donner du feedback".into()],
            sponsor: named("DRH"),
            start_date: day(1, 5),
            end_date: day(6, 30),
            budget: Budget {
                currency: Currency::eur(),
                planned_cents: Some(100),
                actual_cents: Some(50),
            },
            health: Health::OnTrack,
            tags: vec!["Managers".into()],
        },
        drafted,
    ));
    found.extend(unbounded(
        "task",
        &TaskDraft {
            title: "Appeler".into(),
            owner: named("Karim"),
            due: day(2, 1),
            status: TaskStatus::Todo,
            phase: Some(Phase::Empathize),
            cycle: None,
        },
        |d| d.validate(|_| true),
    ));
    found.extend(unbounded(
        "cycle",
        &CycleForm {
            goal: "Écouter".into(),
            start: day(1, 5),
            end: day(1, 16),
            phase_focus: Some(Phase::Empathize),
            review_note: "Bien.".into(),
        },
        |d| d.validate(&[]),
    ));
    for body in artefacts() {
        found.extend(unbounded("artefact", &body, |b| b.validate()));
    }
    found.extend(unbounded(
        "vendor",
        &VendorDraft {
            name: "Immersia".into(),
            vendor_type: VendorType::Startup,
            modalities: vec![Modality::ArVr],
            website: "https://immersia.example".into(),
            country: "France".into(),
            tags: vec!["VR".into()],
        },
        drafted,
    ));
    found.extend(unbounded(
        "journal",
        &JournalDraft {
            date: NaiveDate::from_ymd_opt(2026, 3, 1).expect("a date"),
            kind: JournalKind::Demo,
            title: "Démo".into(),
            body: "Bien.".into(),
        },
        |d| d.validate(),
    ));
    found.extend(unbounded(
        "engagement",
        &EngagementDraft {
            vendor: VendorId(Uuid::from_u128(7)),
            scope: "Module".into(),
            deliverables: vec!["Storyboard".into()],
            currency: Currency::eur(),
            amount_cents: Some(100),
            start: day(1, 1),
            end: day(3, 1),
            status: ContractStatus::Signed,
        },
        drafted,
    ));
    found.extend(unbounded(
        "person",
        &PersonDraft {
            name: "Éric".into(),
            job_title: "DSI".into(),
            organisation: Some(Organisation::Department { name: "DSI".into() }),
            kinds: vec![PersonKind::It],
            email: "eric@groupe.fr".into(),
            phone: "+33 4".into(),
            location: "Lyon".into(),
            notes: "SSO".into(),
            tags: vec!["Siège".into()],
        },
        drafted,
    ));
    found.extend(unbounded(
        "activity",
        &ActivityDraft {
            title: "Module".into(),
            modality: Modality::Elearning,
            bucket: Bucket::Education,
            delivery: Delivery::SelfPaced,
            duration_minutes: 30,
            cost_cents: Some(100),
        },
        drafted,
    ));
    let judgement = Judgement {
        hype: HypeStage::Peak,
        pilots: 1,
        references: 1,
        adoption: Adoption::Early,
        evidence: "Démo.".into(),
    };
    found.extend(unbounded("judgement", &judgement, drafted));
    found.extend(unbounded(
        "theme",
        &RadarThemeDraft {
            name: "Tuteurs IA".into(),
            family: Family::Online,
            judgement,
        },
        drafted,
    ));
    let criteria = vec![Criterion {
        key: "pedagogy".into(),
        label: "Pédagogie".into(),
        weight: 3,
    }];
    found.extend(unbounded("criteria", &criteria, |c: Vec<Criterion>| check_criteria(&c)));
    found.extend(unbounded(
        "scores",
        &vec![Score {
            criterion: "pedagogy".into(),
            score: 4,
        }],
        |s: Vec<Score>| check_scores(&s, &criteria),
    ));
    found.extend(unbounded(
        "message",
        &MessageDraft {
            subject: "Kit".into(),
            audience: "Managers".into(),
            channel: MessageChannel::ManagerBriefing,
            purpose: MessagePurpose::Teaser,
            key_message: "Trois minutes.".into(),
            sender: named("DRH"),
            planned: day(3, 2),
            status: MessageStatus::Ready,
            cycle: None,
        },
        |d| d.validate(|_| true),
    ));
    found.extend(unbounded(
        "it_item",
        &ItItemDraft {
            status: ItStatus::NotApplicable,
            reason: "Hors réseau".into(),
            owner: named("Éric"),
            due: day(3, 1),
            evidence: "Ticket".into(),
            vendors: vec![VendorId(Uuid::from_u128(7))],
        },
        |d| d.validate(|_| true),
    ));
    found.extend(unbounded(
        "indicator",
        &IndicatorDraft {
            level: KirkLevel::Results,
            name: "Incidents".into(),
            instrument: Instrument::BusinessKpi,
            timing: Timing::After90Days,
            unit: "incidents".into(),
            target_hundredths: Some(1_000),
            result_hundredths: Some(800),
            lower_is_better: true,
            measured_on: day(6, 1),
            owner: named("Éric"),
            note: "SOC".into(),
        },
        drafted,
    ));
    found.extend(unbounded(
        "benefit",
        &BenefitDraft {
            label: "Incidents évités".into(),
            amount_cents: 100,
            isolation_pct: 50,
            confidence_pct: 80,
        },
        drafted,
    ));
    found.extend(unbounded(
        "cost",
        &CostDraft {
            kind: CostKind::Design,
            label: "Conception".into(),
            amount_cents: 100,
        },
        drafted,
    ));
    found.extend(unbounded(
        "participants",
        &ParticipantsTime {
            participants: 40,
            days_hundredths: 50,
            day_rate_cents: 100,
        },
        |d| d.validate(),
    ));
    found.extend(unbounded(
        "trainer",
        &TrainerDraft {
            path: TrainerPath {
                invited: day(1, 5),
                ..TrainerPath::default()
            },
            topics: vec!["SSO".into()],
            languages: vec!["FR".into()],
            availability: "Mardis".into(),
        },
        drafted,
    ));
    found.extend(unbounded(
        "session",
        &SessionDraft {
            date: day(2, 3),
            mode: SessionMode::Virtual,
            place: "Teams".into(),
            trainer: Some(PersonId(Uuid::from_u128(9))),
            participants: 12,
            delivered: true,
            satisfaction: Some(4),
        },
        |d| d.validate(|_| true),
    ));
    found.extend(unbounded(
        "handoff",
        &HandoffDraft {
            owner: named("DRH"),
            team: "RH".into(),
            accepted_by: named("DRH"),
            accepted_on: day(5, 2),
            run: RunModel {
                who: "Formateurs".into(),
                frequency: "Mensuel".into(),
                audience: "Managers".into(),
                enrolment: "LMS".into(),
            },
            runbook: "1. Ouvrir".into(),
            faq: "Qui ?".into(),
            support: "support@groupe.fr".into(),
            handoff_on: day(6, 1),
        },
        drafted,
    ));
    found.extend(unbounded(
        "asset",
        &AssetDraft {
            kind: AssetKind::Licence,
            name: "Licence".into(),
            reference: "CTR-12".into(),
            version: "2".into(),
            owner: named("Éric"),
            licence_end: day(12, 31),
            licence_cost_cents: Some(100),
        },
        drafted,
    ));
    found.extend(unbounded(
        "risk",
        &RiskDraft {
            description: "Le LMS change".into(),
            owner: named("Karim"),
            mitigation: "Exporter".into(),
        },
        drafted,
    ));
    found.extend(unbounded(
        "settings",
        &Settings {
            user_name: "Claire".into(),
            ..Settings::default()
        },
        |s| s.checked().err().unwrap_or_default(),
    ));
    found.extend(unbounded(
        "template",
        &("Intégration".to_owned(), "Notre modèle.".to_owned()),
        |(name, description): (String, String)| Template::check_name(&name, &description),
    ));
    assert_eq!(found, Vec::<String>::new(), "unbounded, or refused without a field");
}

/// One sound artefact of each kind.
fn artefacts() -> Vec<ArtefactBody> {
    vec![
        ArtefactBody::InterviewNote {
            title: "Entretien".into(),
            interviewee: "Sophie".into(),
            date: day(1, 5),
            notes: "- pas le temps".into(),
        },
        ArtefactBody::Persona {
            name: "Sophie".into(),
            role: "Manager".into(),
            goals: "Réussir".into(),
            frustrations: "Trop long".into(),
            context: "Agence".into(),
            quote: "Personne".into(),
        },
        ArtefactBody::EmpathyMap {
            subject: "Sophie".into(),
            says: "Pas le temps".into(),
            thinks: "Peur".into(),
            does: "Reporte".into(),
            feels: "Isolée".into(),
        },
        ArtefactBody::Journey {
            title: "Première année".into(),
            touchpoints: vec![Touchpoint {
                stage: JourneyStage::Before,
                name: "Nomination".into(),
                purpose: "Annonce".into(),
                emotion: "Fierté".into(),
                metric: "J0".into(),
            }],
        },
        ArtefactBody::HowMightWe {
            statement: "Comment pourrions-nous… ?".into(),
        },
        ArtefactBody::Idea {
            title: "Binômes".into(),
            description: "Un pair.".into(),
            shortlisted: true,
        },
        ArtefactBody::Prototype {
            title: "Kit".into(),
            description: "Papier".into(),
            fidelity: Fidelity::Low,
            link: "Drive".into(),
        },
        ArtefactBody::PilotFeedback {
            source: "Lyon".into(),
            date: day(1, 15),
            feedback: "Utile".into(),
        },
        ArtefactBody::PilotDecision {
            criteria: "80 %".into(),
            results: "86 %".into(),
            outcome: PilotOutcome::Scale,
            decided_on: day(2, 1),
        },
    ]
}
