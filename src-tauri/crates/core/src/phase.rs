//! Design-thinking phases and their gates. A project works through the
//! five modes (empathize, define, ideate, prototype, test) and then deploy;
//! each phase lists the artefacts it should produce, and moving on while
//! some are missing needs an explicit, recorded override with a reason.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::limits::SHORT_TEXT_MAX;
use crate::project::Status;
use crate::validation::{check_required, Rule, ValidationError};

use crate::choices::every_variant;

/// A design-thinking mode, plus deploy. Variant order is the phase order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Empathize,
    Define,
    Ideate,
    Prototype,
    Test,
    Deploy,
}

every_variant!(Phase {
    Empathize,
    Define,
    Ideate,
    Prototype,
    Test,
    Deploy
});

impl Phase {
    /// The phase after this one, if any.
    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self as usize + 1).copied()
    }

    /// The step of the project's lifecycle this design phase usually
    /// belongs to: understanding the need (empathize, define) is framing,
    /// ideate and prototype are design, test is the pilot, deploy is the
    /// deployment. The two move separately; this is how they line up.
    pub fn lifecycle_step(self) -> Status {
        match self {
            Phase::Empathize | Phase::Define => Status::Framing,
            Phase::Ideate | Phase::Prototype => Status::Design,
            Phase::Test => Status::Pilot,
            Phase::Deploy => Status::Deployment,
        }
    }
}

/// The kinds of artefact a phase can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ArtefactKind {
    InterviewNote,
    Persona,
    EmpathyMap,
    Journey,
    HowMightWe,
    Idea,
    Prototype,
    PilotFeedback,
    PilotDecision,
}

every_variant!(ArtefactKind {
    InterviewNote,
    Persona,
    EmpathyMap,
    Journey,
    HowMightWe,
    Idea,
    Prototype,
    PilotFeedback,
    PilotDecision
});

/// What a phase is expected to produce before the project moves on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PhasePlan {
    pub phase: Phase,
    pub expected: Vec<ArtefactKind>,
}

/// The default expectations, editable per project.
pub fn default_plan() -> Vec<PhasePlan> {
    use ArtefactKind::*;
    let plan = |phase, expected: &[ArtefactKind]| PhasePlan {
        phase,
        expected: expected.to_vec(),
    };
    vec![
        plan(Phase::Empathize, &[InterviewNote, Persona, EmpathyMap]),
        plan(Phase::Define, &[Journey, HowMightWe]),
        plan(Phase::Ideate, &[Idea]),
        plan(Phase::Prototype, &[Prototype]),
        plan(Phase::Test, &[PilotFeedback, PilotDecision]),
        plan(Phase::Deploy, &[]),
    ]
}

/// A recorded decision to leave a phase with its gate unmet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct GateOverride {
    pub from: Phase,
    pub to: Phase,
    /// The artefact kinds that were still missing.
    pub missing: Vec<ArtefactKind>,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// The gate of `phase`: the expected kinds with no artefact yet, given how
/// many artefacts of each kind the phase holds.
pub fn missing_for(plan: &[PhasePlan], phase: Phase, produced: impl Fn(ArtefactKind) -> usize) -> Vec<ArtefactKind> {
    plan.iter()
        .find(|p| p.phase == phase)
        .map(|p| p.expected.iter().copied().filter(|k| produced(*k) == 0).collect())
        .unwrap_or_default()
}

/// Why a phase change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateRefusal {
    /// The gate is unmet and no reason was given to override it.
    Unmet(Vec<ArtefactKind>),
    /// The move breaks a rule (not the next phase, reason too long).
    Invalid(ValidationError),
}

/// Decides a move from `from` to `to`. Only the next phase may be entered.
/// A met gate passes; an unmet one passes only with a non-empty reason,
/// and then returns the override to record.
pub fn pass_gate(
    from: Phase,
    to: Phase,
    missing: Vec<ArtefactKind>,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<GateOverride>, GateRefusal> {
    if from.next() != Some(to) {
        return Err(GateRefusal::Invalid(ValidationError::new(
            "phase",
            Rule::TransitionNotAllowed,
        )));
    }
    if missing.is_empty() {
        return Ok(None);
    }
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        None => Err(GateRefusal::Unmet(missing)),
        Some(reason) => {
            if let Some(e) = check_required("reason", reason, SHORT_TEXT_MAX) {
                return Err(GateRefusal::Invalid(e));
            }
            Ok(Some(GateOverride {
                from,
                to,
                missing,
                reason: reason.to_owned(),
                at: now,
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn design_phases_line_up_with_the_lifecycle_in_order() {
        let steps: Vec<Status> = Phase::ALL.into_iter().map(Phase::lifecycle_step).collect();
        assert_eq!(
            steps,
            [
                Status::Framing,
                Status::Framing,
                Status::Design,
                Status::Design,
                Status::Pilot,
                Status::Deployment
            ]
        );
        assert!(steps.windows(2).all(|w| w[0] <= w[1]));
    }
    use proptest::prelude::*;

    #[test]
    fn phases_run_in_order_and_end_at_deploy() {
        assert_eq!(Phase::Empathize.next(), Some(Phase::Define));
        assert_eq!(Phase::Test.next(), Some(Phase::Deploy));
        assert_eq!(Phase::Deploy.next(), None);
    }

    #[test]
    fn a_met_gate_passes_without_override() {
        let plan = default_plan();
        let missing = missing_for(&plan, Phase::Ideate, |_| 1);
        assert_eq!(
            pass_gate(Phase::Ideate, Phase::Prototype, missing, None, Utc::now()),
            Ok(None)
        );
    }

    #[test]
    fn an_unmet_gate_stops_and_names_what_is_missing() {
        let plan = default_plan();
        let missing = missing_for(&plan, Phase::Empathize, |k| usize::from(k == ArtefactKind::Persona));
        assert_eq!(missing, [ArtefactKind::InterviewNote, ArtefactKind::EmpathyMap]);
        let refused = pass_gate(
            Phase::Empathize,
            Phase::Define,
            missing.clone(),
            Some("   "),
            Utc::now(),
        );
        assert_eq!(refused, Err(GateRefusal::Unmet(missing)));
    }

    #[test]
    fn an_override_with_a_reason_is_recorded() {
        let now = Utc::now();
        let missing = vec![ArtefactKind::EmpathyMap];
        let passed = pass_gate(
            Phase::Empathize,
            Phase::Define,
            missing.clone(),
            Some(" Sponsor en congé "),
            now,
        );
        assert_eq!(
            passed,
            Ok(Some(GateOverride {
                from: Phase::Empathize,
                to: Phase::Define,
                missing,
                reason: "Sponsor en congé".into(),
                at: now
            }))
        );
    }

    #[test]
    fn only_the_next_phase_can_be_entered() {
        let refused = pass_gate(Phase::Empathize, Phase::Ideate, vec![], None, Utc::now());
        assert!(matches!(refused, Err(GateRefusal::Invalid(e)) if e.rule == Rule::TransitionNotAllowed));
    }

    proptest! {
        #[test]
        fn missing_is_exactly_the_expected_kinds_with_nothing_produced(counts in prop::collection::vec(0usize..3, 9)) {
            let plan = default_plan();
            for p in &plan {
                let missing = missing_for(&plan, p.phase, |k| counts[k as usize]);
                for k in &p.expected {
                    prop_assert_eq!(missing.contains(k), counts[*k as usize] == 0);
                }
                prop_assert!(missing.iter().all(|k| p.expected.contains(k)));
            }
        }
    }
}
