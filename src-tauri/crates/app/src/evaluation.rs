//! A project's evaluation: Kirkpatrick's levels with their indicators and
//! results, and the return on investment after Phillips.

use atelier_core::evaluation::{
    roi, BenefitDraft, CostDraft, Evaluation, EvaluationLine, Indicator, IndicatorDraft, LevelStanding,
    ParticipantsTime, Roi,
};
use atelier_core::{Currency, Draft, Person, ProjectId, SaveOptions};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{Atelier, Result};

/// The plan as the hand-off tab shows it, with every figure computed.
#[derive(Debug, Clone, Serialize, Type)]
pub struct EvaluationView {
    pub evaluation: Evaluation,
    /// Each indicator with its owner's name and how far it reaches its target.
    pub indicators: Vec<IndicatorView>,
    /// Each level's standing, in level order.
    pub levels: Vec<LevelStanding>,
    /// Each benefit as Phillips counts it, in the plan's order.
    #[specta(type = Vec<f64>)]
    pub adjusted_cents: Vec<i64>,
    /// The participants' time, costed.
    #[specta(type = f64)]
    pub participants_cents: i64,
    /// The vendors' contracts on the project, in its currency.
    #[specta(type = f64)]
    pub vendors_cents: i64,
    /// None until there is a cost.
    pub roi: Option<Roi>,
    /// The project's budget currency, which every amount is in.
    pub currency: Currency,
}

/// One indicator, with the names and figures it shows.
#[derive(Debug, Clone, Serialize, Type)]
pub struct IndicatorView {
    pub indicator: Indicator,
    pub owner_name: Option<String>,
    /// Result over target, in whole percent.
    pub attainment: Option<u32>,
}

impl IndicatorView {
    fn of(indicator: &Indicator, directory: &[Person]) -> Self {
        Self {
            owner_name: indicator
                .fields
                .owner
                .as_ref()
                .and_then(|o| o.name(directory))
                .map(str::to_owned),
            attainment: indicator.fields.attainment(),
            indicator: indicator.clone(),
        }
    }
}

impl Atelier {
    /// The level-1 and level-2 indicators of the project's evaluation, the
    /// evidence its pilot decisions rest on.
    pub(crate) fn pilot_results(&self, project: ProjectId) -> Result<Vec<IndicatorView>> {
        let Some(plan) = self.store.evaluation(project)? else {
            return Ok(Vec::new());
        };
        let directory = self.store.people()?;
        Ok(plan
            .pilot_indicators()
            .map(|i| IndicatorView::of(i, &directory))
            .collect())
    }

    /// The project's evaluation plan and its figures. `NotFound` when the
    /// project is not live.
    pub fn get_evaluation(&self, project: ProjectId) -> Result<EvaluationView> {
        let plan = self.evaluation_of(project)?;
        self.evaluation_view(plan)
    }

    /// Adds an indicator (`id` none) or edits one. Refuses a blank name,
    /// negative or absurd figures, a date out of range or an owner no
    /// longer in the directory, all at once.
    pub fn save_indicator(
        &self,
        project: ProjectId,
        id: Option<u32>,
        draft: IndicatorDraft,
        save: &SaveOptions,
    ) -> Result<EvaluationView> {
        let mut errors = draft.clone().normalized().validate();
        errors.extend(self.check_person_ref("owner", &draft.owner)?);
        save.judge(errors, Vec::new)?;
        self.change_evaluation(project, |plan| {
            Ok(plan.save_indicator(id, draft, Utc::now()).map(|_| ())?)
        })
    }

    /// Adds a benefit (`id` none) or edits one. Refuses a blank label, a
    /// negative amount, or an isolation or confidence outside 0–100 %.
    pub fn save_benefit(
        &self,
        project: ProjectId,
        id: Option<u32>,
        draft: BenefitDraft,
        save: &SaveOptions,
    ) -> Result<EvaluationView> {
        save.judge(draft.clone().normalized().validate(), Vec::new)?;
        self.change_evaluation(project, |plan| {
            Ok(plan.save_benefit(id, draft, Utc::now()).map(|_| ())?)
        })
    }

    /// Adds a cost (`id` none) or edits one.
    pub fn save_cost(
        &self,
        project: ProjectId,
        id: Option<u32>,
        draft: CostDraft,
        save: &SaveOptions,
    ) -> Result<EvaluationView> {
        save.judge(draft.clone().normalized().validate(), Vec::new)?;
        self.change_evaluation(project, |plan| Ok(plan.save_cost(id, draft, Utc::now()).map(|_| ())?))
    }

    /// Sets the participants' time and the DLM's verdict.
    pub fn save_evaluation_summary(
        &self,
        project: ProjectId,
        participants: ParticipantsTime,
        verdict: String,
        save: &SaveOptions,
    ) -> Result<EvaluationView> {
        save.judge(participants.validate(), Vec::new)?;
        self.change_evaluation(project, |plan| {
            Ok(plan.save_summary(participants, &verdict, Utc::now())?)
        })
    }

    /// Removes an indicator, a benefit or a cost.
    pub fn remove_evaluation_line(&self, project: ProjectId, line: EvaluationLine, id: u32) -> Result<EvaluationView> {
        self.change_evaluation(project, |plan| {
            plan.remove(line, id, Utc::now());
            Ok(())
        })
    }

    /// The saved plan, or an empty one; `NotFound` when the project is not live.
    fn evaluation_of(&self, project: ProjectId) -> Result<Evaluation> {
        self.store.project(project)?;
        Ok(self
            .store
            .evaluation(project)?
            .unwrap_or_else(|| Evaluation::new(project, Utc::now())))
    }

    fn change_evaluation(
        &self,
        project: ProjectId,
        change: impl FnOnce(&mut Evaluation) -> Result<()>,
    ) -> Result<EvaluationView> {
        let mut plan = self.evaluation_of(project)?;
        change(&mut plan)?;
        self.store.put_evaluation(&plan)?;
        self.evaluation_view(plan)
    }

    fn evaluation_view(&self, plan: Evaluation) -> Result<EvaluationView> {
        let project = self.store.project(plan.project)?;
        let budget = self.budget_overview(&project)?;
        let directory = self.store.people()?;
        let vendors_cents = budget.engaged_cents;
        let adjusted_cents: Vec<i64> = plan.benefits.iter().map(|b| b.fields.adjusted_cents()).collect();
        Ok(EvaluationView {
            indicators: plan
                .indicators
                .iter()
                .map(|i| IndicatorView::of(i, &directory))
                .collect(),
            levels: plan.levels(),
            adjusted_cents,
            participants_cents: plan.participants.cost_cents(),
            vendors_cents,
            roi: roi(plan.benefits_cents(), plan.costs_cents(vendors_cents)),
            currency: budget.currency,
            evaluation: plan,
        })
    }
}
