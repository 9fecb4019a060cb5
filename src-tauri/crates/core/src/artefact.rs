//! Design artefacts: what each design-thinking phase produces. Each kind
//! has its own fields so the UI gives it a real editor, not a text blob.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::caution::{Caution, CautionKind};
use crate::ids::{ArtefactId, ProjectId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX, TITLE_MAX};
use crate::phase::{ArtefactKind, Phase};
use crate::project::Status;
use crate::validation::{check_date, check_len, check_required, Rule, ValidationError};

use crate::choices::every_variant;

/// Where a touchpoint sits in the learner's journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum JourneyStage {
    Before,
    During,
    After,
}

every_variant!(JourneyStage { Before, During, After });

/// One moment of the learner journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    pub stage: JourneyStage,
    pub name: String,
    pub purpose: String,
    pub emotion: String,
    pub metric: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Fidelity {
    Low,
    Medium,
    High,
}

every_variant!(Fidelity { Low, Medium, High });

/// What the pilot decided, against the success criteria agreed up front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PilotOutcome {
    Pending,
    Scale,
    Pivot,
    Stop,
}

every_variant!(PilotOutcome {
    Pending,
    Scale,
    Pivot,
    Stop
});

/// The content of an artefact, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ArtefactBody {
    InterviewNote {
        title: String,
        interviewee: String,
        date: Option<NaiveDate>,
        notes: String,
    },
    Persona {
        name: String,
        role: String,
        goals: String,
        frustrations: String,
        context: String,
        quote: String,
    },
    EmpathyMap {
        subject: String,
        says: String,
        thinks: String,
        does: String,
        feels: String,
    },
    Journey {
        title: String,
        touchpoints: Vec<Touchpoint>,
    },
    HowMightWe {
        statement: String,
    },
    Idea {
        title: String,
        description: String,
        shortlisted: bool,
    },
    Prototype {
        title: String,
        description: String,
        fidelity: Fidelity,
        link: String,
    },
    PilotFeedback {
        source: String,
        date: Option<NaiveDate>,
        feedback: String,
    },
    PilotDecision {
        criteria: String,
        results: String,
        outcome: PilotOutcome,
        decided_on: Option<NaiveDate>,
    },
}

/// Touchpoints in one journey.
pub const TOUCHPOINTS_MAX: usize = 40;

impl ArtefactBody {
    pub fn kind(&self) -> ArtefactKind {
        match self {
            ArtefactBody::InterviewNote { .. } => ArtefactKind::InterviewNote,
            ArtefactBody::Persona { .. } => ArtefactKind::Persona,
            ArtefactBody::EmpathyMap { .. } => ArtefactKind::EmpathyMap,
            ArtefactBody::Journey { .. } => ArtefactKind::Journey,
            ArtefactBody::HowMightWe { .. } => ArtefactKind::HowMightWe,
            ArtefactBody::Idea { .. } => ArtefactKind::Idea,
            ArtefactBody::Prototype { .. } => ArtefactKind::Prototype,
            ArtefactBody::PilotFeedback { .. } => ArtefactKind::PilotFeedback,
            ArtefactBody::PilotDecision { .. } => ArtefactKind::PilotDecision,
        }
    }

    /// Every rule the content breaks: its naming field is required and
    /// every text is bounded.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut e: Vec<ValidationError> = Vec::new();
        let short = |f: &str, v: &str| check_len(f, v, SHORT_TEXT_MAX);
        let long = |f: &str, v: &str| check_len(f, v, LONG_TEXT_MAX);
        let name = |f: &str, v: &str| check_required(f, v, TITLE_MAX);
        match self {
            ArtefactBody::InterviewNote {
                title,
                interviewee,
                notes,
                date,
            } => {
                e.extend(name("title", title));
                e.extend(check_date("date", *date));
                e.extend(short("interviewee", interviewee));
                e.extend(long("notes", notes));
            }
            ArtefactBody::Persona {
                name: n,
                role,
                goals,
                frustrations,
                context,
                quote,
            } => {
                e.extend(name("name", n));
                e.extend(short("role", role));
                e.extend(long("goals", goals));
                e.extend(long("frustrations", frustrations));
                e.extend(long("context", context));
                e.extend(short("quote", quote));
            }
            ArtefactBody::EmpathyMap {
                subject,
                says,
                thinks,
                does,
                feels,
            } => {
                e.extend(name("subject", subject));
                for (f, v) in [("says", says), ("thinks", thinks), ("does", does), ("feels", feels)] {
                    e.extend(long(f, v));
                }
            }
            ArtefactBody::Journey { title, touchpoints } => {
                e.extend(name("title", title));
                if touchpoints.len() > TOUCHPOINTS_MAX {
                    e.push(ValidationError::with_limit(
                        "touchpoints",
                        Rule::TooMany,
                        TOUCHPOINTS_MAX,
                    ));
                }
                for t in touchpoints {
                    e.extend(check_required("touchpoints", &t.name, SHORT_TEXT_MAX));
                    for v in [&t.purpose, &t.emotion, &t.metric] {
                        e.extend(short("touchpoints", v));
                    }
                }
                e.dedup_by(|a, b| a.field == b.field && a.rule == b.rule);
            }
            ArtefactBody::HowMightWe { statement } => e.extend(check_required("statement", statement, SHORT_TEXT_MAX)),
            ArtefactBody::Idea { title, description, .. } => {
                e.extend(name("title", title));
                e.extend(long("description", description));
            }
            ArtefactBody::Prototype {
                title,
                description,
                link,
                ..
            } => {
                e.extend(name("title", title));
                e.extend(long("description", description));
                e.extend(short("link", link));
            }
            ArtefactBody::PilotFeedback { source, feedback, date } => {
                e.extend(check_date("date", *date));
                e.extend(short("source", source));
                e.extend(check_required("feedback", feedback, LONG_TEXT_MAX));
            }
            ArtefactBody::PilotDecision {
                criteria,
                results,
                decided_on,
                ..
            } => {
                e.extend(check_date("decided_on", *decided_on));
                e.extend(check_required("criteria", criteria, LONG_TEXT_MAX));
                e.extend(long("results", results));
            }
        }
        e
    }

    /// Asks first before logging a pilot decision on a project whose
    /// lifecycle has not reached its pilot yet.
    pub fn cautions(&self, status: Status) -> Vec<Caution> {
        if self.kind() == ArtefactKind::PilotDecision && status < Status::Pilot {
            vec![Caution::new("outcome", CautionKind::DecisionBeforePilot)]
        } else {
            Vec::new()
        }
    }

    /// A short label for lists: the artefact's name, title or statement.
    pub fn label(&self) -> &str {
        match self {
            ArtefactBody::InterviewNote { title, .. }
            | ArtefactBody::Journey { title, .. }
            | ArtefactBody::Idea { title, .. }
            | ArtefactBody::Prototype { title, .. } => title,
            ArtefactBody::Persona { name, .. } => name,
            ArtefactBody::EmpathyMap { subject, .. } => subject,
            ArtefactBody::HowMightWe { statement } => statement,
            ArtefactBody::PilotFeedback { feedback, .. } => feedback,
            ArtefactBody::PilotDecision { criteria, .. } => criteria,
        }
    }
}

/// One artefact of one project, in the phase that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Artefact {
    pub id: ArtefactId,
    pub project: ProjectId,
    pub phase: Phase,
    pub body: ArtefactBody,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Artefact {
    pub fn create(
        project: ProjectId,
        phase: Phase,
        body: ArtefactBody,
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<ValidationError>> {
        let errors = body.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            id: ArtefactId::new(),
            project,
            phase,
            body,
            created_at: now,
            updated_at: now,
        })
    }

    /// Replaces the content; the kind cannot change.
    pub fn edit(&mut self, body: ArtefactBody, now: DateTime<Utc>) -> Result<(), Vec<ValidationError>> {
        if body.kind() != self.body.kind() {
            return Err(vec![ValidationError::new("kind", Rule::TransitionNotAllowed)]);
        }
        let errors = body.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        self.body = body;
        self.updated_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persona(name: &str) -> ArtefactBody {
        ArtefactBody::Persona {
            name: name.into(),
            role: "Manager de proximité".into(),
            goals: "Réussir ses premiers entretiens".into(),
            frustrations: "Pas le temps".into(),
            context: "Agence de 12 personnes".into(),
            quote: "Je ne sais pas à qui demander".into(),
        }
    }

    #[test]
    fn a_pilot_decision_before_the_pilot_asks_first() {
        let decision = |decided_on| ArtefactBody::PilotDecision {
            criteria: "80 % des managers finissent le parcours".into(),
            results: String::new(),
            outcome: PilotOutcome::Scale,
            decided_on,
        };
        assert_eq!(
            decision(None).cautions(Status::Idea),
            [Caution::new("outcome", CautionKind::DecisionBeforePilot)]
        );
        assert_eq!(decision(None).cautions(Status::Design).len(), 1);
        assert!(decision(None).cautions(Status::Pilot).is_empty());
        assert!(decision(None).cautions(Status::Deployment).is_empty());
        assert!(persona("Sophie").cautions(Status::Idea).is_empty());
        assert_eq!(
            decision(chrono::NaiveDate::from_ymd_opt(7, 1, 1))
                .validate()
                .into_iter()
                .map(|e| e.rule)
                .collect::<Vec<_>>(),
            [Rule::DateOutOfRange]
        );
    }

    #[test]
    fn each_kind_names_itself() {
        assert_eq!(persona("Sophie").kind(), ArtefactKind::Persona);
        assert_eq!(persona("Sophie").label(), "Sophie");
    }

    #[test]
    fn the_naming_field_is_required() {
        let errors = persona("  ").validate();
        assert_eq!(
            errors.iter().map(|e| (e.field.as_str(), e.rule)).collect::<Vec<_>>(),
            [("name", Rule::Required)]
        );
        let map = ArtefactBody::EmpathyMap {
            subject: "Sophie".into(),
            says: "x".repeat(LONG_TEXT_MAX + 1),
            thinks: String::new(),
            does: String::new(),
            feels: String::new(),
        };
        assert_eq!(map.validate()[0].field, "says");
    }

    #[test]
    fn journeys_bound_their_touchpoints() {
        let tp = Touchpoint {
            stage: JourneyStage::Before,
            name: String::new(),
            purpose: String::new(),
            emotion: String::new(),
            metric: String::new(),
        };
        let journey = ArtefactBody::Journey {
            title: "Parcours".into(),
            touchpoints: vec![tp.clone(), tp],
        };
        assert_eq!(journey.validate().len(), 1, "one message per field, not per touchpoint");
    }

    #[test]
    fn an_edit_keeps_the_kind() {
        let mut a = Artefact::create(ProjectId::new(), Phase::Empathize, persona("Sophie"), Utc::now()).expect("valid");
        let refused = a.edit(
            ArtefactBody::HowMightWe {
                statement: "Comment…".into(),
            },
            Utc::now(),
        );
        assert!(refused.is_err());
        a.edit(persona("Sophie B."), Utc::now()).expect("same kind");
        assert_eq!(a.body.label(), "Sophie B.");
    }

    #[test]
    fn bodies_round_trip_as_tagged_json() {
        let json = serde_json::to_string(&persona("Sophie")).expect("serialises");
        assert!(json.starts_with(r#"{"kind":"persona""#));
        assert_eq!(
            serde_json::from_str::<ArtefactBody>(&json).expect("deserialises"),
            persona("Sophie")
        );
    }
}
