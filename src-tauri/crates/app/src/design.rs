//! Design thinking: phases and their gates, artefacts, and
//! dot voting on ideas.

use atelier_core::design::MAX_DOTS;
use atelier_core::phase::{missing_for, pass_gate, ArtefactKind, GateOverride, GateRefusal, Phase, PhasePlan};
use atelier_core::{
    Artefact, ArtefactBody, ArtefactId, DesignState, ProjectId, Rule, SaveOptions, Status, ValidationError,
};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{AppError, Atelier, IndicatorView, Result};

/// One phase as the design screen shows it: what it expects and what is missing.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PhaseGate {
    pub phase: Phase,
    /// The step of the project's lifecycle this phase belongs to.
    pub step: Status,
    pub expected: Vec<ArtefactKind>,
    pub missing: Vec<ArtefactKind>,
    pub artefacts: u32,
    /// The project has moved past this phase.
    pub done: bool,
}

/// Dots on one idea, and from whom.
#[derive(Debug, Clone, Serialize, Type)]
pub struct IdeaTally {
    pub idea: ArtefactId,
    pub votes: u32,
    pub voters: Vec<String>,
}

/// The dots one person has left.
#[derive(Debug, Clone, Serialize, Type)]
pub struct VoterDots {
    /// The name as asked about.
    pub voter: String,
    pub left: u8,
}

/// Everything the design screen needs, in one answer.
#[derive(Debug, Clone, Serialize, Type)]
pub struct DesignView {
    pub phase: Phase,
    /// The phase the project moves to next; none in the last one.
    pub next_phase: Option<Phase>,
    /// Where the project stands in its lifecycle, shown beside the phases.
    pub status: Status,
    pub gates: Vec<PhaseGate>,
    pub overrides: Vec<GateOverride>,
    pub artefacts: Vec<Artefact>,
    pub dots_per_person: u8,
    /// The most dots per person the DLM may set.
    pub max_dots_per_person: u8,
    pub tallies: Vec<IdeaTally>,
    /// The dots left to the person asked about (see [`Atelier::get_design`]).
    pub voter: Option<VoterDots>,
    /// The evaluation's level-1 and level-2 indicators, the results a
    /// pilot decision rests on, shown beside the decisions.
    pub pilot_results: Vec<IndicatorView>,
}

fn produced(artefacts: &[Artefact], phase: Phase) -> impl Fn(ArtefactKind) -> usize + '_ {
    move |kind| {
        artefacts
            .iter()
            .filter(|a| a.phase == phase && a.body.kind() == kind)
            .count()
    }
}

fn view(
    state: DesignState,
    artefacts: Vec<Artefact>,
    status: Status,
    voter: Option<&str>,
    pilot_results: Vec<IndicatorView>,
) -> DesignView {
    let gates = state
        .plan
        .iter()
        .map(|p: &PhasePlan| PhaseGate {
            phase: p.phase,
            step: p.phase.lifecycle_step(),
            expected: p.expected.clone(),
            missing: missing_for(&state.plan, p.phase, produced(&artefacts, p.phase)),
            artefacts: u32::try_from(artefacts.iter().filter(|a| a.phase == p.phase).count()).unwrap_or(u32::MAX),
            done: p.phase < state.phase,
        })
        .collect();
    let tallies = artefacts
        .iter()
        .filter(|a| a.body.kind() == ArtefactKind::Idea)
        .map(|a| IdeaTally {
            idea: a.id,
            votes: state.votes_for(a.id),
            voters: state
                .votes
                .iter()
                .filter(|v| v.idea == a.id)
                .map(|v| v.voter.clone())
                .collect(),
        })
        .collect();
    let voter = voter.filter(|v| !v.trim().is_empty()).map(|v| VoterDots {
        voter: v.to_owned(),
        left: state.dots_left(v),
    });
    DesignView {
        phase: state.phase,
        next_phase: state.phase.next(),
        status,
        gates,
        overrides: state.overrides,
        artefacts,
        dots_per_person: state.dots_per_person,
        max_dots_per_person: MAX_DOTS,
        tallies,
        voter,
        pilot_results,
    }
}

impl Atelier {
    /// The project's design view, with the dots `voter` has left when one
    /// is named. `NotFound` when the project is not live.
    pub fn get_design(&self, project: ProjectId, voter: Option<&str>) -> Result<DesignView> {
        let status = self.store.project(project)?.status;
        Ok(view(
            self.store.design_state(project)?,
            self.store.artefacts(project)?,
            status,
            voter,
            self.pilot_results(project)?,
        ))
    }

    /// Changes what a phase must produce before the project moves on.
    pub fn set_expected_artefacts(
        &self,
        project: ProjectId,
        phase: Phase,
        kinds: Vec<ArtefactKind>,
    ) -> Result<DesignView> {
        self.store.project(project)?;
        let mut state = self.store.design_state(project)?;
        let mut kinds = kinds;
        kinds.sort();
        kinds.dedup();
        match state.plan.iter_mut().find(|p| p.phase == phase) {
            Some(p) => p.expected = kinds,
            None => state.plan.push(PhasePlan { phase, expected: kinds }),
        }
        self.store.put_design_state(project, &state)?;
        self.get_design(project, None)
    }

    /// Moves the project to the next phase. With the gate unmet it refuses
    /// (`gate_unmet` on `phase`) unless a reason is given, which is then
    /// recorded as an override with what was missing.
    pub fn advance_phase(&self, project: ProjectId, reason: Option<String>) -> Result<DesignView> {
        let status = self.store.project(project)?.status;
        let mut state = self.store.design_state(project)?;
        let artefacts = self.store.artefacts(project)?;
        let from = state.phase;
        let to = from
            .next()
            .ok_or_else(|| ValidationError::new("phase", Rule::TransitionNotAllowed))?;
        let missing = missing_for(&state.plan, from, produced(&artefacts, from));
        match pass_gate(from, to, missing, reason.as_deref(), Utc::now()) {
            Ok(over) => {
                state.overrides.extend(over);
                state.phase = to;
                self.store.put_design_state(project, &state)?;
                Ok(view(state, artefacts, status, None, self.pilot_results(project)?))
            }
            Err(GateRefusal::Unmet(_)) => Err(ValidationError::new("phase", Rule::GateUnmet).into()),
            Err(GateRefusal::Invalid(e)) => Err(e.into()),
        }
    }

    /// Adds an artefact to a phase. Refuses content that breaks its rules.
    pub fn create_artefact(
        &self,
        project: ProjectId,
        phase: Phase,
        body: ArtefactBody,
        save: &SaveOptions,
    ) -> Result<Artefact> {
        let status = self.store.project(project)?.status;
        save.judge(body.validate(), || body.cautions(status))?;
        let artefact = Artefact::create(project, phase, body, Utc::now())?;
        self.store.put_artefact(&artefact)?;
        Ok(artefact)
    }

    /// Replaces an artefact's content (same kind), under the same rules.
    pub fn update_artefact(
        &self,
        project: ProjectId,
        id: ArtefactId,
        body: ArtefactBody,
        save: &SaveOptions,
    ) -> Result<Artefact> {
        self.store.project(project)?;
        save.judge(body.validate(), Vec::new)?;
        let mut artefact = self.artefact(project, id)?;
        artefact.edit(body, Utc::now())?;
        self.store.put_artefact(&artefact)?;
        Ok(artefact)
    }

    /// Deletes an artefact (and the dots on it, for an idea).
    pub fn delete_artefact(&self, project: ProjectId, id: ArtefactId) -> Result<()> {
        self.store.project(project)?;
        let mut state = self.store.design_state(project)?;
        state.forget_idea(id);
        Ok(self.store.delete_artefact(project, id, &state)?)
    }

    /// Places one of `voter`'s dots on an idea (the view tells how many
    /// they have left). Refuses a blank name, a
    /// person with no dot left, or something that is not an idea.
    pub fn cast_vote(&self, project: ProjectId, idea: ArtefactId, voter: String) -> Result<DesignView> {
        self.store.project(project)?;
        if self.artefact(project, idea)?.body.kind() != ArtefactKind::Idea {
            return Err(AppError::NotFound);
        }
        let mut state = self.store.design_state(project)?;
        state.cast_vote(&voter, idea)?;
        self.store.put_design_state(project, &state)?;
        self.get_design(project, Some(&voter))
    }

    /// Takes back one of `voter`'s dots from an idea.
    pub fn remove_vote(&self, project: ProjectId, idea: ArtefactId, voter: String) -> Result<DesignView> {
        self.store.project(project)?;
        let mut state = self.store.design_state(project)?;
        if !state.remove_vote(&voter, idea) {
            return Err(AppError::NotFound);
        }
        self.store.put_design_state(project, &state)?;
        self.get_design(project, Some(&voter))
    }

    /// Sets how many dots each person may place (1 to 10).
    pub fn set_dots_per_person(&self, project: ProjectId, dots: u8) -> Result<DesignView> {
        self.store.project(project)?;
        let mut state = self.store.design_state(project)?;
        state.set_dots(dots)?;
        self.store.put_design_state(project, &state)?;
        self.get_design(project, None)
    }

    fn artefact(&self, project: ProjectId, id: ArtefactId) -> Result<Artefact> {
        self.store
            .artefacts(project)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(AppError::NotFound)
    }
}
