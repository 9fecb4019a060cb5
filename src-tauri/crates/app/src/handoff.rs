//! A project's hand-off package and its readiness score, computed from
//! what every other area knows: the RACI, IT readiness, the trainers, the
//! evaluation plan and the campaign.

use atelier_core::campaign::launch_sent;
use atelier_core::handoff::{
    carries_over, contract_ending, readiness, AssetDraft, Facts, Handoff, HandoffDraft, Readiness, RiskDraft, Weight,
};
use atelier_core::it_readiness::readiness_of;
use atelier_core::portfolio::ImpactStanding;
use atelier_core::{Draft, EngagementId, PersonRef, Project, ProjectId, SaveOptions, ValidationError};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::engagements::EngagementRow;
use crate::{today, Atelier, Result};

/// The package as the hand-off tab shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct HandoffView {
    pub handoff: Handoff,
    /// The names its people go by: the owner, who accepted, then each
    /// asset's owner and each risk's owner, in order.
    pub owner_name: Option<String>,
    pub accepted_by_name: Option<String>,
    pub asset_owners: Vec<Option<String>>,
    pub risk_owners: Vec<Option<String>>,
    /// The score and the checklist of what is met and missing.
    pub readiness: Readiness,
    /// The licences ending within sixty days.
    pub licences_ending: Vec<u32>,
    /// The vendor contracts the program keeps, carried from the project's
    /// engagements (signed or delivered, not ended), earliest start first.
    pub contracts: Vec<EngagementRow>,
    /// Those of `contracts` ending within sixty days.
    pub contracts_ending: Vec<EngagementId>,
}

impl Atelier {
    /// The project's package and its readiness. `NotFound` when the
    /// project is not live.
    pub fn get_handoff(&self, project: ProjectId) -> Result<HandoffView> {
        let handoff = self.handoff_of(project)?;
        self.handoff_view(handoff)
    }

    /// Sets the package's owner, acceptance, run model, runbook, FAQ and
    /// support; every broken rule at once.
    pub fn save_handoff(&self, project: ProjectId, draft: HandoffDraft, save: &SaveOptions) -> Result<HandoffView> {
        let mut errors = draft.clone().normalized().validate();
        errors.extend(self.refs_errors(&[("owner", &draft.owner), ("accepted_by", &draft.accepted_by)])?);
        save.judge(errors, Vec::new)?;
        self.change_handoff(project, |h| Ok(h.edit(draft, Utc::now())?))
    }

    /// Adds an asset (`id` none) or edits one.
    pub fn save_asset(
        &self,
        project: ProjectId,
        id: Option<u32>,
        draft: AssetDraft,
        save: &SaveOptions,
    ) -> Result<HandoffView> {
        let mut errors = draft.clone().normalized().validate();
        errors.extend(self.refs_errors(&[("owner", &draft.owner)])?);
        save.judge(errors, Vec::new)?;
        self.change_handoff(project, |h| Ok(h.save_asset(id, draft, Utc::now()).map(|_| ())?))
    }

    /// Removes an asset.
    pub fn remove_asset(&self, project: ProjectId, id: u32) -> Result<HandoffView> {
        self.change_handoff(project, |h| {
            h.remove_asset(id, Utc::now());
            Ok(())
        })
    }

    /// Adds a risk (`id` none) or edits one.
    pub fn save_risk(
        &self,
        project: ProjectId,
        id: Option<u32>,
        draft: RiskDraft,
        save: &SaveOptions,
    ) -> Result<HandoffView> {
        let mut errors = draft.clone().normalized().validate();
        errors.extend(self.refs_errors(&[("owner", &draft.owner)])?);
        save.judge(errors, Vec::new)?;
        self.change_handoff(project, |h| Ok(h.save_risk(id, draft, Utc::now()).map(|_| ())?))
    }

    /// Removes a risk.
    pub fn remove_risk(&self, project: ProjectId, id: u32) -> Result<HandoffView> {
        self.change_handoff(project, |h| {
            h.remove_risk(id, Utc::now());
            Ok(())
        })
    }

    /// Sets the criteria's weights and the threshold under which "handed
    /// off" needs an override.
    pub fn set_handoff_weights(
        &self,
        project: ProjectId,
        weights: Vec<Weight>,
        threshold: u32,
        save: &SaveOptions,
    ) -> Result<HandoffView> {
        let mut probe = Handoff::new(project, Utc::now());
        let errors = probe
            .set_weights(weights.clone(), threshold, Utc::now())
            .err()
            .unwrap_or_default();
        save.judge(errors, Vec::new)?;
        self.change_handoff(project, |h| Ok(h.set_weights(weights, threshold, Utc::now())?))
    }

    /// How many licences of the project's package end within sixty days.
    pub(crate) fn licences_ending(&self, project: ProjectId) -> Result<u32> {
        Ok(self
            .store
            .handoff(project)?
            .map_or(0, |h| h.licences_ending(today()).len() as u32))
    }

    /// What the project has to show for its hand-off and its impact: the
    /// readiness against its threshold and the ROI once measured.
    pub(crate) fn impact_standing(&self, project: &Project) -> Result<ImpactStanding> {
        let handoff = self.handoff_of(project.id)?;
        let roi = match self.store.evaluation(project.id)? {
            Some(plan) if !plan.benefits.is_empty() => plan.measured_roi(self.budget_overview(project)?.engaged_cents),
            _ => None,
        };
        Ok(ImpactStanding {
            handoff_percent: self.handoff_readiness(&handoff)?.percent,
            handoff_threshold: handoff.threshold,
            roi_tenths: roi.map(|r| r.roi_tenths),
        })
    }

    /// The project's readiness to be handed off, from every area.
    pub(crate) fn handoff_readiness(&self, handoff: &Handoff) -> Result<Readiness> {
        let project = handoff.project;
        let today = today();
        let facts = Facts {
            owner_accepted: handoff.fields.accepted(),
            runbook: !handoff.fields.runbook.is_empty(),
            assets_owned: handoff.assets_owned(),
            raci_complete: self.store.raci(project)?.is_some_and(|r| r.complete()),
            it_ready: readiness_of(self.store.it_checklist(project)?.as_ref()).percent == 100,
            enough_trainers: self.store.roster(project)?.is_some_and(|r| r.enough_trainers(today)),
            evaluation_planned: self.store.evaluation(project)?.is_some_and(|e| e.levels_planned()),
            launch_sent: launch_sent(&self.store.messages(project)?),
        };
        Ok(readiness(&facts, &handoff.weights))
    }

    /// The saved package, or an empty one; `NotFound` when the project is not live.
    pub(crate) fn handoff_of(&self, project: ProjectId) -> Result<Handoff> {
        self.store.project(project)?;
        Ok(self
            .store
            .handoff(project)?
            .unwrap_or_else(|| Handoff::new(project, Utc::now())))
    }

    /// The refs among `refs` that name someone no longer in the directory.
    fn refs_errors(&self, refs: &[(&str, &Option<PersonRef>)]) -> Result<Vec<ValidationError>> {
        let mut errors = Vec::new();
        for (field, r) in refs {
            errors.extend(self.check_person_ref(field, r)?);
        }
        Ok(errors)
    }

    fn change_handoff(
        &self,
        project: ProjectId,
        change: impl FnOnce(&mut Handoff) -> Result<()>,
    ) -> Result<HandoffView> {
        let mut handoff = self.handoff_of(project)?;
        change(&mut handoff)?;
        self.store.put_handoff(&handoff)?;
        self.handoff_view(handoff)
    }

    fn handoff_view(&self, handoff: Handoff) -> Result<HandoffView> {
        let directory = self.store.people()?;
        let name = |r: &Option<PersonRef>| r.as_ref().and_then(|r| r.name(&directory)).map(str::to_owned);
        let today = today();
        let contracts: Vec<EngagementRow> = self
            .project_engagements(handoff.project)?
            .engagements
            .into_iter()
            .filter(|row| carries_over(&row.engagement, today))
            .collect();
        Ok(HandoffView {
            contracts_ending: contracts
                .iter()
                .filter(|row| contract_ending(&row.engagement, today))
                .map(|row| row.engagement.id)
                .collect(),
            contracts,
            owner_name: name(&handoff.fields.owner),
            accepted_by_name: name(&handoff.fields.accepted_by),
            asset_owners: handoff.assets.iter().map(|a| name(&a.fields.owner)).collect(),
            risk_owners: handoff.risks.iter().map(|r| name(&r.fields.owner)).collect(),
            readiness: self.handoff_readiness(&handoff)?,
            licences_ending: handoff.licences_ending(today),
            handoff,
        })
    }
}
