//! Whether the program worked: an evaluation plan on Kirkpatrick's four
//! levels (reaction, learning, behaviour, results), each with its
//! indicators, targets and the results measured as they come; and the
//! return on investment after Phillips (level 5).
//!
//! Phillips: each monetary benefit counts only for the share the training
//! caused (isolation) and as far as the estimate is trusted (confidence);
//! costs are fully loaded (design, vendors, participants' time, trainers,
//! platform). ROI % = net benefits / costs × 100, benefit-cost ratio =
//! benefits / costs. Amounts are whole cents; the adjusted benefit is
//! rounded to the cent, the ROI to a tenth of a percent and the ratio to a
//! hundredth, each half away from zero.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{PersonId, ProjectId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX, TAG_MAX};
use crate::lines::{line, save_line};
use crate::money::{check_amount, percent_of};
use crate::person::PersonRef;
use crate::validation::{check_date, check_len, check_percent, check_required, Draft, Rule, ValidationError};

use crate::choices::every_variant;

/// Kirkpatrick's levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum KirkLevel {
    /// 1 — did they like it, find it useful?
    #[default]
    Reaction,
    /// 2 — did they learn?
    Learning,
    /// 3 — do they do things differently at work?
    Behaviour,
    /// 4 — did the business results move?
    Results,
}

every_variant!(KirkLevel {
    Reaction,
    Learning,
    Behaviour,
    Results
});

impl KirkLevel {
    /// Levels 1 and 2 are measured on the pilot's own sessions, so they
    /// are the evidence a pilot decision rests on; behaviour and business
    /// results come months later.
    pub fn judges_the_pilot(self) -> bool {
        matches!(self, KirkLevel::Reaction | KirkLevel::Learning)
    }
}

/// How an indicator is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    #[default]
    Survey,
    Quiz,
    Observation,
    Interview,
    BusinessKpi,
}

every_variant!(Instrument {
    Survey,
    Quiz,
    Observation,
    Interview,
    BusinessKpi
});

/// When it is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    #[default]
    EndOfSession,
    After30Days,
    After90Days,
    After180Days,
}

every_variant!(Timing {
    EndOfSession,
    After30Days,
    After90Days,
    After180Days
});

impl Timing {
    /// Days from the end of the sessions (the go-live) to the measurement.
    pub fn days_after(self) -> i64 {
        match self {
            Timing::EndOfSession => 0,
            Timing::After30Days => 30,
            Timing::After90Days => 90,
            Timing::After180Days => 180,
        }
    }
}

/// What the DLM sets for one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDraft {
    pub level: KirkLevel,
    /// What is measured: "Satisfaction", "Quiz score", "Incidents".
    pub name: String,
    pub instrument: Instrument,
    pub timing: Timing,
    /// The unit the figures are in: "/5", "%", "incidents".
    pub unit: String,
    /// The target, in hundredths (4.2 is 420).
    #[specta(type = Option<f64>)]
    pub target_hundredths: Option<i64>,
    /// The result measured, in hundredths.
    #[specta(type = Option<f64>)]
    pub result_hundredths: Option<i64>,
    /// The lower the better (incidents, days to competence).
    pub lower_is_better: bool,
    pub measured_on: Option<NaiveDate>,
    pub owner: Option<PersonRef>,
    pub note: String,
}

impl Draft for IndicatorDraft {
    /// The draft with its texts trimmed.
    fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.unit = self.unit.trim().to_owned();
        self.note = self.note.trim().to_owned();
        self.owner = PersonRef::normalized(self.owner);
        self
    }

    /// Every rule the draft breaks.
    fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        errors.extend(check_required("name", &self.name, SHORT_TEXT_MAX));
        errors.extend(check_len("unit", &self.unit, TAG_MAX));
        errors.extend(self.target_hundredths.and_then(|t| check_amount("target", t)));
        errors.extend(self.result_hundredths.and_then(|r| check_amount("result", r)));
        errors.extend(check_date("measured_on", self.measured_on));
        errors.extend(PersonRef::check("owner", &self.owner));
        errors.extend(check_len("note", &self.note, LONG_TEXT_MAX));
        errors
    }
}

impl IndicatorDraft {
    /// How far the result reaches the target, in whole percent (100 is
    /// the target met); none until both are known or when the target is
    /// zero. Where lower is better, each unit under the target counts as
    /// a unit over it would the other way: 8 incidents for a target of 10
    /// is 120 %, 20 is 0 %.
    pub fn attainment(&self) -> Option<u32> {
        let (result, target) = (self.result_hundredths?, self.target_hundredths?);
        if self.lower_is_better {
            percent_of((2 * target - result).max(0), target)
        } else {
            percent_of(result, target)
        }
    }
}

/// One indicator of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Indicator {
    /// Unique within the plan, from 1; never reused.
    pub id: u32,
    pub fields: IndicatorDraft,
}

/// A monetary benefit, before Phillips' adjustments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct BenefitDraft {
    /// What it is: "Fewer incidents", "Time saved on onboarding".
    pub label: String,
    /// Its yearly value in cents.
    #[specta(type = f64)]
    pub amount_cents: i64,
    /// The share the training caused, in percent (0–100).
    pub isolation_pct: u32,
    /// How far the estimate is trusted, in percent (0–100).
    pub confidence_pct: u32,
}

impl Draft for BenefitDraft {
    /// The draft with its label trimmed.
    fn normalized(mut self) -> Self {
        self.label = self.label.trim().to_owned();
        self
    }

    /// Every rule the draft breaks.
    fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        errors.extend(check_required("label", &self.label, SHORT_TEXT_MAX));
        errors.extend(check_amount("amount", self.amount_cents));
        errors.extend(check_percent("isolation", self.isolation_pct));
        errors.extend(check_percent("confidence", self.confidence_pct));
        errors
    }
}

impl BenefitDraft {
    /// The benefit as Phillips counts it: amount × isolation × confidence,
    /// rounded to the cent.
    pub fn adjusted_cents(&self) -> i64 {
        let raw = i128::from(self.amount_cents) * i128::from(self.isolation_pct) * i128::from(self.confidence_pct);
        i64::try_from(div_round(raw, 10_000)).unwrap_or(i64::MAX)
    }
}

/// One benefit of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Benefit {
    pub id: u32,
    pub fields: BenefitDraft,
}

/// What a cost is for. Vendors' contracts are not typed: they come from
/// the project's engagements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum CostKind {
    #[default]
    Design,
    Trainers,
    Platform,
    Other,
}

every_variant!(CostKind {
    Design,
    Trainers,
    Platform,
    Other
});

/// A cost the DLM types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct CostDraft {
    pub kind: CostKind,
    pub label: String,
    #[specta(type = f64)]
    pub amount_cents: i64,
}

impl Draft for CostDraft {
    /// The draft with its label trimmed.
    fn normalized(mut self) -> Self {
        self.label = self.label.trim().to_owned();
        self
    }

    /// Every rule the draft breaks.
    fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        errors.extend(check_required("label", &self.label, SHORT_TEXT_MAX));
        errors.extend(check_amount("amount", self.amount_cents));
        errors
    }
}

/// One cost of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Cost {
    pub id: u32,
    pub fields: CostDraft,
}

line!(Indicator, IndicatorDraft);
line!(Benefit, BenefitDraft);
line!(Cost, CostDraft);

/// The participants' time, a cost of its own: how many, how long each,
/// at what day rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct ParticipantsTime {
    pub participants: u32,
    /// Days each participant spends, in hundredths (half a day is 50).
    #[specta(type = f64)]
    pub days_hundredths: i64,
    /// A day of a participant's time, loaded, in cents.
    #[specta(type = f64)]
    pub day_rate_cents: i64,
}

/// Participants one plan may count.
pub const PARTICIPANTS_MAX: u32 = 1_000_000;

impl ParticipantsTime {
    /// Every rule it breaks.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if self.participants > PARTICIPANTS_MAX {
            errors.push(ValidationError::with_limit(
                "participants",
                Rule::TooLarge,
                PARTICIPANTS_MAX as usize,
            ));
        }
        errors.extend(check_amount("days", self.days_hundredths));
        errors.extend(check_amount("day_rate", self.day_rate_cents));
        errors
    }

    /// What their time costs, rounded to the cent.
    pub fn cost_cents(&self) -> i64 {
        let raw = i128::from(self.participants) * i128::from(self.days_hundredths) * i128::from(self.day_rate_cents);
        i64::try_from(div_round(raw, 100)).unwrap_or(i64::MAX)
    }
}

/// `n / d` rounded half away from zero (`d` > 0).
fn div_round(n: i128, d: i128) -> i128 {
    if n >= 0 {
        (n + d / 2) / d
    } else {
        (n - d / 2) / d
    }
}

/// Lines one plan may hold, of each kind.
pub const EVALUATION_LINES_MAX: usize = 60;

/// A project's evaluation plan and results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Evaluation {
    pub project: ProjectId,
    pub indicators: Vec<Indicator>,
    pub benefits: Vec<Benefit>,
    pub costs: Vec<Cost>,
    pub participants: ParticipantsTime,
    /// The DLM's verdict in one line.
    pub verdict: String,
    pub updated_at: DateTime<Utc>,
}

/// The return on investment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Roi {
    /// Benefits as Phillips counts them.
    #[specta(type = f64)]
    pub benefits_cents: i64,
    /// Fully loaded costs.
    #[specta(type = f64)]
    pub costs_cents: i64,
    #[specta(type = f64)]
    pub net_cents: i64,
    /// ROI in tenths of a percent (125.5 % is 1255).
    #[specta(type = f64)]
    pub roi_tenths: i64,
    /// Benefit-cost ratio in hundredths (2.25 is 225).
    #[specta(type = f64)]
    pub bcr_hundredths: i64,
}

/// The ROI of `benefits_cents` against `costs_cents`; none when there is
/// no cost (a ratio to nothing means nothing).
pub fn roi(benefits_cents: i64, costs_cents: i64) -> Option<Roi> {
    if costs_cents <= 0 {
        return None;
    }
    let net = i128::from(benefits_cents) - i128::from(costs_cents);
    let costs = i128::from(costs_cents);
    Some(Roi {
        benefits_cents,
        costs_cents,
        net_cents: i64::try_from(net).unwrap_or(i64::MAX),
        roi_tenths: i64::try_from(div_round(net * 1000, costs)).unwrap_or(i64::MAX),
        bcr_hundredths: i64::try_from(div_round(i128::from(benefits_cents) * 100, costs)).unwrap_or(i64::MAX),
    })
}

/// How one level stands: its indicators, those measured, and how far the
/// measured ones reach their targets on average.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LevelStanding {
    pub level: KirkLevel,
    pub indicators: u32,
    pub measured: u32,
    /// The average attainment of the indicators with a target and a
    /// result, in whole percent.
    pub attainment: Option<u32>,
}

impl Evaluation {
    /// A plan with nothing in it yet.
    pub fn new(project: ProjectId, now: DateTime<Utc>) -> Self {
        Self {
            project,
            indicators: Vec::new(),
            benefits: Vec::new(),
            costs: Vec::new(),
            participants: ParticipantsTime::default(),
            verdict: String::new(),
            updated_at: now,
        }
    }

    /// Adds an indicator (`id` none) or replaces one; returns its id.
    pub fn save_indicator(
        &mut self,
        id: Option<u32>,
        draft: IndicatorDraft,
        now: DateTime<Utc>,
    ) -> Result<u32, Vec<ValidationError>> {
        let id = save_line(&mut self.indicators, id, draft, EVALUATION_LINES_MAX)?;
        self.updated_at = now;
        Ok(id)
    }

    /// Adds a benefit (`id` none) or replaces one; returns its id.
    pub fn save_benefit(
        &mut self,
        id: Option<u32>,
        draft: BenefitDraft,
        now: DateTime<Utc>,
    ) -> Result<u32, Vec<ValidationError>> {
        let id = save_line(&mut self.benefits, id, draft, EVALUATION_LINES_MAX)?;
        self.updated_at = now;
        Ok(id)
    }

    /// Adds a cost (`id` none) or replaces one; returns its id.
    pub fn save_cost(
        &mut self,
        id: Option<u32>,
        draft: CostDraft,
        now: DateTime<Utc>,
    ) -> Result<u32, Vec<ValidationError>> {
        let id = save_line(&mut self.costs, id, draft, EVALUATION_LINES_MAX)?;
        self.updated_at = now;
        Ok(id)
    }

    /// Sets the participants' time and the verdict.
    pub fn save_summary(
        &mut self,
        participants: ParticipantsTime,
        verdict: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<ValidationError>> {
        let mut errors = participants.validate();
        errors.extend(check_len("verdict", verdict.trim(), SHORT_TEXT_MAX));
        if !errors.is_empty() {
            return Err(errors);
        }
        self.participants = participants;
        self.verdict = verdict.trim().to_owned();
        self.updated_at = now;
        Ok(())
    }

    /// Removes an indicator, a benefit or a cost by its id in that list.
    pub fn remove(&mut self, line: EvaluationLine, id: u32, now: DateTime<Utc>) {
        match line {
            EvaluationLine::Indicator => self.indicators.retain(|i| i.id != id),
            EvaluationLine::Benefit => self.benefits.retain(|b| b.id != id),
            EvaluationLine::Cost => self.costs.retain(|c| c.id != id),
        }
        self.updated_at = now;
    }

    /// Makes the indicators `old` owns `by`'s; true when there were some.
    pub fn replace_owner(&mut self, old: PersonId, by: PersonId, now: DateTime<Utc>) -> bool {
        let mut changed = false;
        for i in &mut self.indicators {
            changed |= PersonRef::swap(&mut i.fields.owner, old, by);
        }
        if changed {
            self.updated_at = now;
        }
        changed
    }

    /// Levels 1 to 3 each have an indicator with a target.
    pub fn levels_planned(&self) -> bool {
        [KirkLevel::Reaction, KirkLevel::Learning, KirkLevel::Behaviour]
            .iter()
            .all(|level| {
                self.indicators
                    .iter()
                    .any(|i| i.fields.level == *level && i.fields.target_hundredths.is_some())
            })
    }

    /// The benefits as Phillips counts them.
    pub fn benefits_cents(&self) -> i64 {
        self.benefits
            .iter()
            .map(|b| b.fields.adjusted_cents())
            .fold(0, i64::saturating_add)
    }

    /// The indicators a pilot decision rests on (levels 1 and 2), in order.
    pub fn pilot_indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(|i| i.fields.level.judges_the_pilot())
    }

    /// The ROI once it is measured: benefits entered, set against the
    /// fully loaded costs with the vendors' contracts (`vendors_cents`).
    /// `None` while no benefit is listed or nothing costs anything.
    pub fn measured_roi(&self, vendors_cents: i64) -> Option<Roi> {
        if self.benefits.is_empty() {
            return None;
        }
        roi(self.benefits_cents(), self.costs_cents(vendors_cents))
    }

    /// The fully loaded costs: those typed, the participants' time, and
    /// the vendors' contracts (`vendors_cents`, from the engagements).
    pub fn costs_cents(&self, vendors_cents: i64) -> i64 {
        self.costs
            .iter()
            .map(|c| c.fields.amount_cents)
            .chain([self.participants.cost_cents(), vendors_cents])
            .fold(0, i64::saturating_add)
    }

    /// How each level stands, in level order.
    pub fn levels(&self) -> Vec<LevelStanding> {
        KirkLevel::ALL
            .into_iter()
            .map(|level| {
                let of_level: Vec<&IndicatorDraft> = self
                    .indicators
                    .iter()
                    .map(|i| &i.fields)
                    .filter(|f| f.level == level)
                    .collect();
                let reached: Vec<u32> = of_level.iter().filter_map(|f| f.attainment()).collect();
                LevelStanding {
                    level,
                    indicators: of_level.len() as u32,
                    measured: of_level.iter().filter(|f| f.result_hundredths.is_some()).count() as u32,
                    attainment: (!reached.is_empty())
                        .then(|| (reached.iter().map(|r| u64::from(*r)).sum::<u64>() / reached.len() as u64) as u32),
                }
            })
            .collect()
    }
}

/// The lists of a plan whose lines are removed by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationLine {
    Indicator,
    Benefit,
    Cost,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn benefit(amount_cents: i64, isolation_pct: u32, confidence_pct: u32) -> BenefitDraft {
        BenefitDraft {
            label: "Moins d'incidents".into(),
            amount_cents,
            isolation_pct,
            confidence_pct,
        }
    }

    #[test]
    fn a_benefit_counts_for_the_share_isolated_and_trusted() {
        // 80 000 € × 50 % × 80 % = 32 000 €.
        assert_eq!(benefit(8_000_000, 50, 80).adjusted_cents(), 3_200_000);
        // Rounded to the cent, half away from zero: 0.01 € × 50 % × 50 % = 0.0025 €.
        assert_eq!(benefit(1, 50, 50).adjusted_cents(), 0);
        assert_eq!(benefit(2, 50, 50).adjusted_cents(), 1, "0.005 rounds up");
    }

    #[test]
    fn roi_and_the_benefit_cost_ratio_as_phillips_states_them() {
        // Benefits 32 000 €, costs 20 000 €: net 12 000 €, ROI 60 %, BCR 1.6.
        let r = roi(3_200_000, 2_000_000).expect("costs");
        assert_eq!((r.net_cents, r.roi_tenths, r.bcr_hundredths), (1_200_000, 600, 160));
        // A loss: benefits 5 000 €, costs 15 000 €: ROI −66.7 %, BCR 0.33.
        let loss = roi(500_000, 1_500_000).expect("costs");
        assert_eq!((loss.roi_tenths, loss.bcr_hundredths), (-667, 33));
        assert_eq!(roi(1_000, 0), None, "no cost, no ratio");
    }

    #[test]
    fn percentages_over_100_and_negative_amounts_are_refused_together() {
        let errors = benefit(-5, 120, 101).validate();
        let fields: Vec<(&str, Rule)> = errors.iter().map(|e| (e.field.as_str(), e.rule)).collect();
        assert_eq!(
            fields,
            [
                ("amount", Rule::Negative),
                ("isolation", Rule::PercentOutOfRange),
                ("confidence", Rule::PercentOutOfRange)
            ]
        );
    }

    #[test]
    fn costs_are_fully_loaded() {
        let mut e = Evaluation::new(ProjectId::new(), Utc::now());
        e.save_cost(
            None,
            CostDraft {
                kind: CostKind::Design,
                label: "Conception".into(),
                amount_cents: 1_000_000,
            },
            Utc::now(),
        )
        .expect("adds");
        // 40 people × half a day × 400 € = 8 000 €.
        e.save_summary(
            ParticipantsTime {
                participants: 40,
                days_hundredths: 50,
                day_rate_cents: 40_000,
            },
            "  Objectifs atteints  ",
            Utc::now(),
        )
        .expect("sets");
        assert_eq!(e.participants.cost_cents(), 800_000);
        assert_eq!(e.costs_cents(500_000), 2_300_000, "design + time + vendors");
        assert_eq!(e.verdict, "Objectifs atteints");
        assert_eq!(e.measured_roi(500_000), None, "costs alone measure nothing");
        e.save_benefit(None, benefit(4_600_000, 50, 100), Utc::now())
            .expect("adds");
        // 46 000 € × 50 % = 23 000 € against 23 000 €: break-even.
        assert_eq!(e.measured_roi(500_000).map(|r| r.roi_tenths), Some(0));
    }

    #[test]
    fn where_lower_is_better_a_result_under_target_passes_it() {
        let incidents = |result| IndicatorDraft {
            level: KirkLevel::Results,
            name: "Incidents".into(),
            target_hundredths: Some(1_000),
            result_hundredths: Some(result),
            lower_is_better: true,
            ..IndicatorDraft::default()
        };
        assert_eq!(incidents(800).attainment(), Some(120));
        assert_eq!(incidents(1_000).attainment(), Some(100));
        assert_eq!(incidents(2_500).attainment(), Some(0), "never below zero");
        assert_eq!(incidents(0).attainment(), Some(200));
    }

    #[test]
    fn a_pilot_is_judged_on_levels_1_and_2() {
        let mut e = Evaluation::new(ProjectId::new(), Utc::now());
        for (level, name) in [
            (KirkLevel::Results, "Incidents"),
            (KirkLevel::Reaction, "Satisfaction"),
            (KirkLevel::Behaviour, "Gestes observés"),
            (KirkLevel::Learning, "Quiz"),
        ] {
            let draft = IndicatorDraft {
                level,
                name: name.into(),
                ..IndicatorDraft::default()
            };
            e.save_indicator(None, draft, Utc::now()).expect("adds");
        }
        let names: Vec<&str> = e.pilot_indicators().map(|i| i.fields.name.as_str()).collect();
        assert_eq!(names, ["Satisfaction", "Quiz"]);
    }

    #[test]
    fn indicators_are_added_edited_and_stand_by_level() {
        let mut e = Evaluation::new(ProjectId::new(), Utc::now());
        let sat = IndicatorDraft {
            level: KirkLevel::Reaction,
            name: "Satisfaction".into(),
            unit: "/5".into(),
            target_hundredths: Some(400),
            ..IndicatorDraft::default()
        };
        let id = e.save_indicator(None, sat.clone(), Utc::now()).expect("adds");
        let quiz = IndicatorDraft {
            level: KirkLevel::Learning,
            name: "Quiz".into(),
            target_hundredths: Some(8_000),
            result_hundredths: Some(6_000),
            ..IndicatorDraft::default()
        };
        e.save_indicator(None, quiz, Utc::now()).expect("adds");
        e.save_indicator(
            Some(id),
            IndicatorDraft {
                result_hundredths: Some(420),
                ..sat
            },
            Utc::now(),
        )
        .expect("edits");
        let levels = e.levels();
        assert_eq!(levels.len(), 4);
        assert_eq!(
            (levels[0].indicators, levels[0].measured, levels[0].attainment),
            (1, 1, Some(105))
        );
        assert_eq!(levels[1].attainment, Some(75));
        assert_eq!((levels[2].indicators, levels[2].attainment), (0, None));
        assert_eq!(
            e.save_indicator(
                Some(99),
                IndicatorDraft {
                    name: "x".into(),
                    ..IndicatorDraft::default()
                },
                Utc::now()
            ),
            Err(vec![ValidationError::new("line", Rule::Required)])
        );
        e.remove(EvaluationLine::Indicator, id, Utc::now());
        assert_eq!(e.indicators.len(), 1);
    }

    proptest! {
        /// The ROI and the ratio agree with the figures they come from:
        /// ROI ≈ (BCR − 1) × 100, the sign of the ROI is the sign of the
        /// net, and an adjusted benefit never exceeds its amount.
        #[test]
        fn roi_is_consistent(
            benefits in 0i64..10_000_000_000,
            costs in 1i64..10_000_000_000,
            amount in 0i64..10_000_000_000,
            isolation in 0u32..=100,
            confidence in 0u32..=100,
        ) {
            let r = roi(benefits, costs).expect("costs above zero");
            prop_assert_eq!(r.net_cents, benefits - costs);
            if r.net_cents > 0 {
                prop_assert!(r.roi_tenths >= 0);
            } else if r.net_cents < 0 {
                prop_assert!(r.roi_tenths <= 0);
            }
            // ROI (tenths of %) and BCR (hundredths) say the same within their rounding.
            prop_assert!((r.roi_tenths - (r.bcr_hundredths - 100) * 10).abs() <= 6);
            let adjusted = benefit(amount, isolation, confidence).adjusted_cents();
            prop_assert!(adjusted <= amount && adjusted >= 0);
        }
    }
}
