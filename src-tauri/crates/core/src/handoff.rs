//! The hand-off package: what the business receives with the program — who
//! owns it from now on and who accepted it, how it runs, the assets (with
//! their licences), the runbook, the FAQ, support contacts and open risks —
//! and a readiness score computed from explicit, weighted criteria, shown
//! as a checklist of what is missing.
//!
//! The score is the sum of the weights of the criteria met over the sum of
//! all weights, in whole percent rounded down (100 only when every
//! weighted criterion is met). The DLM sees and edits the weights.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::engagement::{ContractStatus, Engagement};
use crate::ids::{PersonId, ProjectId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX};
use crate::lines::{line, save_line};
use crate::money::check_amount;
use crate::person::PersonRef;
use crate::validation::{check_date, check_len, check_percent, check_required, Draft, Rule, ValidationError};

use crate::choices::every_variant;

/// What the readiness score is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum HandoffCriterion {
    /// A receiving owner is named and the acceptance recorded.
    OwnerAccepted,
    /// The runbook is written.
    Runbook,
    /// Every asset has an owner, and every licence an end date.
    AssetsOwned,
    /// The RACI has exactly one Accountable and a Responsible on every row.
    RaciComplete,
    /// IT readiness is 100 % (items not applicable, with their reason, left out).
    ItReady,
    /// Enough certified trainers for the sessions planned.
    EnoughTrainers,
    /// The evaluation plan sets levels 1 to 3.
    EvaluationPlanned,
    /// The launch message is sent.
    LaunchSent,
}

every_variant!(HandoffCriterion {
    OwnerAccepted,
    Runbook,
    AssetsOwned,
    RaciComplete,
    ItReady,
    EnoughTrainers,
    EvaluationPlanned,
    LaunchSent
});

impl HandoffCriterion {
    /// Its weight until the DLM changes it; the defaults add up to 100.
    pub fn default_weight(self) -> u32 {
        match self {
            Self::OwnerAccepted | Self::ItReady => 20,
            Self::Runbook => 15,
            Self::AssetsOwned | Self::RaciComplete | Self::EnoughTrainers | Self::EvaluationPlanned => 10,
            Self::LaunchSent => 5,
        }
    }
}

/// One criterion's weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Weight {
    pub criterion: HandoffCriterion,
    pub weight: u32,
}

/// The default weights, in criterion order.
pub fn default_weights() -> Vec<Weight> {
    HandoffCriterion::ALL
        .into_iter()
        .map(|criterion| Weight {
            criterion,
            weight: criterion.default_weight(),
        })
        .collect()
}

/// The largest weight one criterion may carry.
pub const WEIGHT_MAX: u32 = 100;
/// The score under which "handed off" needs an override, unless the DLM
/// sets another.
pub const DEFAULT_THRESHOLD: u32 = 80;

/// Checks weights the DLM typed: one per criterion, each at most
/// [`WEIGHT_MAX`], not all zero.
pub fn check_weights(weights: &[Weight]) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let complete = HandoffCriterion::ALL
        .iter()
        .all(|c| weights.iter().filter(|w| w.criterion == *c).count() == 1);
    if !complete || weights.len() != HandoffCriterion::ALL.len() {
        errors.push(ValidationError::new("weights", Rule::Duplicate));
    }
    if weights.iter().any(|w| w.weight > WEIGHT_MAX) {
        errors.push(ValidationError::with_limit(
            "weights",
            Rule::TooLarge,
            WEIGHT_MAX as usize,
        ));
    }
    if weights.iter().all(|w| w.weight == 0) {
        errors.push(ValidationError::new("weights", Rule::NoWeight));
    }
    errors
}

/// Which criteria a project meets, as the areas that know tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct Facts {
    pub owner_accepted: bool,
    pub runbook: bool,
    pub assets_owned: bool,
    pub raci_complete: bool,
    pub it_ready: bool,
    pub enough_trainers: bool,
    pub evaluation_planned: bool,
    pub launch_sent: bool,
}

impl Facts {
    /// Whether `criterion` is met.
    pub fn meets(&self, criterion: HandoffCriterion) -> bool {
        match criterion {
            HandoffCriterion::OwnerAccepted => self.owner_accepted,
            HandoffCriterion::Runbook => self.runbook,
            HandoffCriterion::AssetsOwned => self.assets_owned,
            HandoffCriterion::RaciComplete => self.raci_complete,
            HandoffCriterion::ItReady => self.it_ready,
            HandoffCriterion::EnoughTrainers => self.enough_trainers,
            HandoffCriterion::EvaluationPlanned => self.evaluation_planned,
            HandoffCriterion::LaunchSent => self.launch_sent,
        }
    }
}

/// One line of the readiness checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct HandoffCheck {
    pub criterion: HandoffCriterion,
    pub weight: u32,
    pub met: bool,
}

/// The readiness score and the checklist it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Readiness {
    /// Weights met over all weights, in whole percent, rounded down.
    pub percent: u32,
    pub checks: Vec<HandoffCheck>,
}

/// The score of `facts` under `weights`.
pub fn readiness(facts: &Facts, weights: &[Weight]) -> Readiness {
    let checks: Vec<HandoffCheck> = weights
        .iter()
        .map(|w| HandoffCheck {
            criterion: w.criterion,
            weight: w.weight,
            met: facts.meets(w.criterion),
        })
        .collect();
    let total: u64 = checks.iter().map(|c| u64::from(c.weight)).sum();
    let met: u64 = checks.iter().filter(|c| c.met).map(|c| u64::from(c.weight)).sum();
    let percent = (met * 100).checked_div(total).unwrap_or(0) as u32;
    Readiness { percent, checks }
}

/// How the program runs once handed off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct RunModel {
    /// Who runs the sessions.
    pub who: String,
    /// How often ("every month", "on demand").
    pub frequency: String,
    /// For whom.
    pub audience: String,
    /// How people enrol.
    pub enrolment: String,
}

/// What the DLM types on the package itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct HandoffDraft {
    /// Who owns the program from now on.
    pub owner: Option<PersonRef>,
    /// Their team.
    pub team: String,
    /// Who accepted the hand-off, and when.
    pub accepted_by: Option<PersonRef>,
    pub accepted_on: Option<NaiveDate>,
    pub run: RunModel,
    /// Markdown.
    pub runbook: String,
    /// Markdown.
    pub faq: String,
    /// Who to call when something fails.
    pub support: String,
    /// The day the program changes hands: planned, then the day it did
    /// (set on moving the project to "handed off" when left blank).
    #[serde(default)]
    pub handoff_on: Option<NaiveDate>,
}

impl Draft for HandoffDraft {
    /// The draft with its texts trimmed.
    fn normalized(mut self) -> Self {
        self.owner = PersonRef::normalized(self.owner);
        self.accepted_by = PersonRef::normalized(self.accepted_by);
        for text in [
            &mut self.team,
            &mut self.run.who,
            &mut self.run.frequency,
            &mut self.run.audience,
            &mut self.run.enrolment,
            &mut self.runbook,
            &mut self.faq,
            &mut self.support,
        ] {
            *text = text.trim().to_owned();
        }
        self
    }

    /// Every rule the draft breaks.
    fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        errors.extend(PersonRef::check("owner", &self.owner));
        errors.extend(PersonRef::check("accepted_by", &self.accepted_by));
        errors.extend(check_date("accepted_on", self.accepted_on));
        errors.extend(check_date("handoff_on", self.handoff_on));
        for (field, text) in [
            ("team", &self.team),
            ("who", &self.run.who),
            ("frequency", &self.run.frequency),
            ("audience", &self.run.audience),
            ("enrolment", &self.run.enrolment),
            ("support", &self.support),
        ] {
            errors.extend(check_len(field, text, SHORT_TEXT_MAX));
        }
        errors.extend(check_len("runbook", &self.runbook, LONG_TEXT_MAX));
        errors.extend(check_len("faq", &self.faq, LONG_TEXT_MAX));
        errors
    }
}

impl HandoffDraft {
    /// A receiving owner is named and the acceptance recorded.
    pub fn accepted(&self) -> bool {
        self.owner.is_some() && self.accepted_by.is_some() && self.accepted_on.is_some()
    }
}

/// What an asset is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum AssetKind {
    #[default]
    Module,
    File,
    Link,
    LmsCourse,
    Licence,
}

every_variant!(AssetKind {
    Module,
    File,
    Link,
    LmsCourse,
    Licence
});

/// One asset of the inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct AssetDraft {
    pub kind: AssetKind,
    pub name: String,
    /// Where it is: a path, a link, the LMS course id.
    pub reference: String,
    pub version: String,
    pub owner: Option<PersonRef>,
    /// A licence's end (renewal) date.
    pub licence_end: Option<NaiveDate>,
    /// A licence's cost a year, in cents.
    #[specta(type = Option<f64>)]
    pub licence_cost_cents: Option<i64>,
}

impl Draft for AssetDraft {
    /// The draft with its texts trimmed.
    fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.reference = self.reference.trim().to_owned();
        self.version = self.version.trim().to_owned();
        self.owner = PersonRef::normalized(self.owner);
        self
    }

    /// Every rule the draft breaks.
    fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        errors.extend(check_required("name", &self.name, SHORT_TEXT_MAX));
        errors.extend(check_len("reference", &self.reference, SHORT_TEXT_MAX));
        errors.extend(check_len("version", &self.version, SHORT_TEXT_MAX));
        errors.extend(PersonRef::check("owner", &self.owner));
        errors.extend(check_date("licence_end", self.licence_end));
        errors.extend(self.licence_cost_cents.and_then(|c| check_amount("licence_cost", c)));
        errors
    }
}

impl AssetDraft {
    /// It has an owner and, for a licence, an end date.
    pub fn complete(&self) -> bool {
        self.owner.is_some() && (self.kind != AssetKind::Licence || self.licence_end.is_some())
    }

    /// A licence ending between `today` and `days` days later.
    pub fn expires_within(&self, today: NaiveDate, days: i64) -> bool {
        self.kind == AssetKind::Licence
            && self
                .licence_end
                .is_some_and(|end| end >= today && (end - today).num_days() <= days)
    }
}

/// An asset of the inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Asset {
    pub id: u32,
    pub fields: AssetDraft,
}

/// An open risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct RiskDraft {
    pub description: String,
    pub owner: Option<PersonRef>,
    pub mitigation: String,
}

impl Draft for RiskDraft {
    /// The draft with its texts trimmed.
    fn normalized(mut self) -> Self {
        self.description = self.description.trim().to_owned();
        self.mitigation = self.mitigation.trim().to_owned();
        self.owner = PersonRef::normalized(self.owner);
        self
    }

    /// Every rule the draft breaks.
    fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        errors.extend(check_required("description", &self.description, SHORT_TEXT_MAX));
        errors.extend(PersonRef::check("owner", &self.owner));
        errors.extend(check_len("mitigation", &self.mitigation, SHORT_TEXT_MAX));
        errors
    }
}

/// An open risk of the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Risk {
    pub id: u32,
    pub fields: RiskDraft,
}

line!(Asset, AssetDraft);
line!(Risk, RiskDraft);

/// A move to "handed off" under the threshold, and why the DLM made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct HandoffOverride {
    pub reason: String,
    /// The score then, and the threshold it was under.
    pub percent: u32,
    pub threshold: u32,
    /// Who made it (the name set in Settings) and when.
    pub by: String,
    pub at: DateTime<Utc>,
}

/// Licences ending within this many days are flagged.
pub const LICENCE_WARNING_DAYS: i64 = 60;
/// Assets, and risks, one package may hold.
pub const HANDOFF_LINES_MAX: usize = 100;

/// A project's hand-off package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Handoff {
    pub project: ProjectId,
    pub fields: HandoffDraft,
    pub assets: Vec<Asset>,
    pub risks: Vec<Risk>,
    pub weights: Vec<Weight>,
    /// The score under which "handed off" needs an override.
    pub threshold: u32,
    /// Every move made under the threshold, oldest first.
    pub overrides: Vec<HandoffOverride>,
    pub updated_at: DateTime<Utc>,
}

impl Handoff {
    /// An empty package with the default weights and threshold.
    pub fn new(project: ProjectId, now: DateTime<Utc>) -> Self {
        Self {
            project,
            fields: HandoffDraft::default(),
            assets: Vec::new(),
            risks: Vec::new(),
            weights: default_weights(),
            threshold: DEFAULT_THRESHOLD,
            overrides: Vec::new(),
            updated_at: now,
        }
    }

    /// Sets the package's own fields.
    pub fn edit(&mut self, draft: HandoffDraft, now: DateTime<Utc>) -> Result<(), Vec<ValidationError>> {
        self.fields = draft.checked()?;
        self.updated_at = now;
        Ok(())
    }

    /// Whether a score of `percent` may be handed off: at or above the
    /// threshold, or under it with `reason` (required then), which is
    /// recorded with who gave it and when. `GateUnmet` on `status` (with
    /// the score as its limit) when under it without a reason. Passing
    /// dates the hand-off `today` unless a date was already set.
    pub fn pass_gate(
        &mut self,
        percent: u32,
        reason: Option<&str>,
        by: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), ValidationError> {
        if percent >= self.threshold {
            self.date_hand_off(today, now);
            return Ok(());
        }
        let Some(reason) = reason else {
            return Err(ValidationError::with_limit("status", Rule::GateUnmet, percent as usize));
        };
        if let Some(e) = check_required("reason", reason, SHORT_TEXT_MAX) {
            return Err(e);
        }
        self.overrides.push(HandoffOverride {
            reason: reason.trim().to_owned(),
            percent,
            threshold: self.threshold,
            by: by.to_owned(),
            at: now,
        });
        self.date_hand_off(today, now);
        Ok(())
    }

    /// Sets the hand-off date to `today` when none was planned.
    fn date_hand_off(&mut self, today: NaiveDate, now: DateTime<Utc>) {
        if self.fields.handoff_on.is_none() {
            self.fields.handoff_on = Some(today);
        }
        self.updated_at = now;
    }

    /// Sets the weights and the threshold.
    pub fn set_weights(
        &mut self,
        weights: Vec<Weight>,
        threshold: u32,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<ValidationError>> {
        let mut errors = check_weights(&weights);
        errors.extend(check_percent("threshold", threshold));
        if !errors.is_empty() {
            return Err(errors);
        }
        self.weights = weights;
        self.threshold = threshold;
        self.updated_at = now;
        Ok(())
    }

    /// Adds an asset (`id` none) or edits one; returns its id.
    pub fn save_asset(
        &mut self,
        id: Option<u32>,
        draft: AssetDraft,
        now: DateTime<Utc>,
    ) -> Result<u32, Vec<ValidationError>> {
        let id = save_line(&mut self.assets, id, draft, HANDOFF_LINES_MAX)?;
        self.updated_at = now;
        Ok(id)
    }

    /// Adds a risk (`id` none) or edits one; returns its id.
    pub fn save_risk(
        &mut self,
        id: Option<u32>,
        draft: RiskDraft,
        now: DateTime<Utc>,
    ) -> Result<u32, Vec<ValidationError>> {
        let id = save_line(&mut self.risks, id, draft, HANDOFF_LINES_MAX)?;
        self.updated_at = now;
        Ok(id)
    }

    /// Removes an asset.
    pub fn remove_asset(&mut self, id: u32, now: DateTime<Utc>) {
        self.assets.retain(|a| a.id != id);
        self.updated_at = now;
    }

    /// Removes a risk.
    pub fn remove_risk(&mut self, id: u32, now: DateTime<Utc>) {
        self.risks.retain(|r| r.id != id);
        self.updated_at = now;
    }

    /// Every place the package names a person: its owner, who accepted
    /// it, the assets' and the risks' owners.
    fn person_refs(&mut self) -> impl Iterator<Item = &mut Option<PersonRef>> {
        [&mut self.fields.owner, &mut self.fields.accepted_by]
            .into_iter()
            .chain(self.assets.iter_mut().map(|a| &mut a.fields.owner))
            .chain(self.risks.iter_mut().map(|r| &mut r.fields.owner))
    }

    /// Whether the package names `person` anywhere.
    pub fn names(&self, person: PersonId) -> bool {
        let me = Some(PersonRef::Person { id: person });
        self.fields.owner == me
            || self.fields.accepted_by == me
            || self.assets.iter().any(|a| a.fields.owner == me)
            || self.risks.iter().any(|r| r.fields.owner == me)
    }

    /// Names `by` wherever the package names `old`; true when it did.
    pub fn replace_person(&mut self, old: PersonId, by: PersonId, now: DateTime<Utc>) -> bool {
        let mut changed = false;
        for r in self.person_refs() {
            changed |= PersonRef::swap(r, old, by);
        }
        if changed {
            self.updated_at = now;
        }
        changed
    }

    /// Every asset owned and every licence dated (true with no asset: the
    /// inventory is what the DLM lists).
    pub fn assets_owned(&self) -> bool {
        self.assets.iter().all(|a| a.fields.complete())
    }

    /// The licences ending within [`LICENCE_WARNING_DAYS`] of `today`.
    pub fn licences_ending(&self, today: NaiveDate) -> Vec<u32> {
        self.assets
            .iter()
            .filter(|a| a.fields.expires_within(today, LICENCE_WARNING_DAYS))
            .map(|a| a.id)
            .collect()
    }
}

/// Whether a vendor contract goes with the program to its new owner: a
/// signed or delivered contract that has not ended by `today`. Drafts are
/// not contracts yet and closed ones are over.
pub fn carries_over(engagement: &Engagement, today: NaiveDate) -> bool {
    matches!(
        engagement.fields.status,
        ContractStatus::Signed | ContractStatus::Delivered
    ) && engagement.fields.end.is_none_or(|end| end >= today)
}

/// A carried contract whose end falls within [`LICENCE_WARNING_DAYS`] of
/// `today`: the new owner must renew or replace it soon.
pub fn contract_ending(engagement: &Engagement, today: NaiveDate) -> bool {
    engagement
        .fields
        .end
        .is_some_and(|end| end >= today && (end - today).num_days() <= LICENCE_WARNING_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engagement::EngagementDraft;
    use crate::ids::VendorId;
    use crate::money::Currency;
    use chrono::Datelike;
    use proptest::prelude::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).expect("a date")
    }

    #[test]
    fn the_default_weights_add_up_to_100() {
        assert_eq!(default_weights().iter().map(|w| w.weight).sum::<u32>(), 100);
        assert!(check_weights(&default_weights()).is_empty());
    }

    #[test]
    fn the_score_is_the_weight_met_rounded_down() {
        let facts = Facts {
            owner_accepted: true,
            runbook: true,
            raci_complete: true,
            it_ready: false,
            ..Facts::default()
        };
        let r = readiness(&facts, &default_weights());
        assert_eq!(r.percent, 45, "20 + 15 + 10");
        assert_eq!(r.checks.iter().filter(|c| c.met).count(), 3);
        let all = Facts {
            owner_accepted: true,
            runbook: true,
            assets_owned: true,
            raci_complete: true,
            it_ready: true,
            enough_trainers: true,
            evaluation_planned: true,
            launch_sent: true,
        };
        assert_eq!(readiness(&all, &default_weights()).percent, 100);
        // 1 of 3 equal weights is 33 %, not 33.3 rounded up.
        let thirds: Vec<Weight> = default_weights()
            .into_iter()
            .map(|w| Weight {
                weight: u32::from(matches!(
                    w.criterion,
                    HandoffCriterion::Runbook | HandoffCriterion::ItReady | HandoffCriterion::LaunchSent
                )),
                ..w
            })
            .collect();
        assert_eq!(
            readiness(
                &Facts {
                    runbook: true,
                    ..Facts::default()
                },
                &thirds
            )
            .percent,
            33
        );
    }

    #[test]
    fn weights_are_one_per_criterion_within_bounds_and_not_all_zero() {
        let mut w = default_weights();
        w[0].weight = 101;
        let zero: Vec<Weight> = default_weights()
            .into_iter()
            .map(|w| Weight { weight: 0, ..w })
            .collect();
        let mut missing = default_weights();
        missing.pop();
        let rules = |w: &[Weight]| check_weights(w).into_iter().map(|e| e.rule).collect::<Vec<_>>();
        assert_eq!(rules(&w), [Rule::TooLarge]);
        assert_eq!(rules(&zero), [Rule::NoWeight]);
        assert_eq!(rules(&missing), [Rule::Duplicate]);
    }

    #[test]
    fn an_asset_is_complete_with_an_owner_and_a_licence_with_its_end() {
        let mut h = Handoff::new(ProjectId::new(), Utc::now());
        assert!(h.assets_owned(), "nothing listed, nothing missing");
        let licence = AssetDraft {
            kind: AssetKind::Licence,
            name: "Licence Immersia".into(),
            owner: Some(PersonRef::Named { name: "Karim".into() }),
            ..AssetDraft::default()
        };
        let id = h.save_asset(None, licence.clone(), Utc::now()).expect("adds");
        assert!(!h.assets_owned(), "a licence without its end");
        h.save_asset(
            Some(id),
            AssetDraft {
                licence_end: Some(day(3, 1)),
                ..licence
            },
            Utc::now(),
        )
        .expect("edits");
        assert!(h.assets_owned());
        assert_eq!(h.licences_ending(day(1, 1)), [id], "59 days ahead");
        assert!(h.licences_ending(day(3, 2)).is_empty(), "already ended");
        assert!(
            h.licences_ending(day(12, 1).with_year(2026).expect("date")).is_empty(),
            "too far"
        );
    }

    #[test]
    fn a_person_named_in_the_package_is_found_and_handed_over() {
        let mut h = Handoff::new(ProjectId::new(), Utc::now());
        let (karim, lea) = (PersonId::new(), PersonId::new());
        h.save_risk(
            None,
            RiskDraft {
                description: "Le LMS change en juin".into(),
                owner: Some(PersonRef::Person { id: karim }),
                mitigation: String::new(),
            },
            Utc::now(),
        )
        .expect("adds");
        assert!(h.names(karim) && !h.names(lea));
        assert!(h.replace_person(karim, lea, Utc::now()));
        assert!(h.names(lea) && !h.names(karim));
    }

    #[test]
    fn signed_and_delivered_contracts_still_running_go_with_the_program() {
        let today = day(3, 1);
        let contract = |status, end| {
            Engagement::create(
                ProjectId::new(),
                EngagementDraft {
                    vendor: VendorId::new(),
                    scope: "Hébergement des modules".into(),
                    deliverables: Vec::new(),
                    currency: Currency("EUR".into()),
                    amount_cents: Some(120_000),
                    start: None,
                    end,
                    status,
                },
                Utc::now(),
            )
            .expect("a contract")
        };
        assert!(carries_over(&contract(ContractStatus::Signed, None), today));
        assert!(carries_over(&contract(ContractStatus::Delivered, Some(today)), today));
        assert!(
            !carries_over(&contract(ContractStatus::Draft, None), today),
            "not a contract yet"
        );
        assert!(!carries_over(&contract(ContractStatus::Closed, None), today), "over");
        assert!(
            !carries_over(&contract(ContractStatus::Signed, Some(day(2, 28))), today),
            "ended"
        );
        assert!(contract_ending(
            &contract(ContractStatus::Signed, Some(day(4, 30))),
            today
        ));
        assert!(
            !contract_ending(&contract(ContractStatus::Signed, Some(day(5, 1))), today),
            "61 days"
        );
        assert!(!contract_ending(&contract(ContractStatus::Signed, None), today));
    }

    #[test]
    fn under_the_threshold_a_hand_off_needs_a_reason_which_is_recorded() {
        let mut h = Handoff::new(ProjectId::new(), Utc::now());
        assert_eq!(h.fields.handoff_on, None);
        assert_eq!(
            h.pass_gate(80, None, "Claire", day(3, 1), Utc::now()),
            Ok(()),
            "at the threshold"
        );
        assert_eq!(h.fields.handoff_on, Some(day(3, 1)), "dated the day it passed");
        h.fields.handoff_on = Some(day(6, 1));
        h.pass_gate(90, None, "Claire", day(3, 2), Utc::now()).expect("passes");
        assert_eq!(h.fields.handoff_on, Some(day(6, 1)), "a date set stays");
        assert_eq!(
            h.pass_gate(55, None, "Claire", day(3, 1), Utc::now()),
            Err(ValidationError::with_limit("status", Rule::GateUnmet, 55))
        );
        assert_eq!(
            h.pass_gate(55, Some("  "), "Claire", day(3, 1), Utc::now()),
            Err(ValidationError::new("reason", Rule::Required))
        );
        assert!(h.overrides.is_empty());
        h.pass_gate(
            55,
            Some(" Le métier démarre en septembre "),
            "Claire",
            day(3, 1),
            Utc::now(),
        )
        .expect("passes");
        assert_eq!(h.overrides.len(), 1);
        assert_eq!(h.overrides[0].reason, "Le métier démarre en septembre");
        assert_eq!((h.overrides[0].percent, h.overrides[0].threshold), (55, 80));
    }

    #[test]
    fn bad_input_is_refused_whole() {
        let mut h = Handoff::new(ProjectId::new(), Utc::now());
        let errors = h
            .save_asset(
                None,
                AssetDraft {
                    licence_cost_cents: Some(-1),
                    licence_end: NaiveDate::from_ymd_opt(1990, 1, 1),
                    ..AssetDraft::default()
                },
                Utc::now(),
            )
            .expect_err("refused");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "licence_end", "licence_cost"]);
        assert!(h.assets.is_empty());
        assert_eq!(
            h.set_weights(default_weights(), 120, Utc::now()),
            Err(vec![ValidationError::new("threshold", Rule::PercentOutOfRange)])
        );
    }

    proptest! {
        /// The score stays within 0–100, is 100 exactly when every weighted
        /// criterion is met, and meeting one more criterion never lowers it.
        #[test]
        fn the_score_is_monotonic(met in prop::collection::vec(any::<bool>(), 8), weights in prop::collection::vec(0u32..=100, 8)) {
            let w: Vec<Weight> = HandoffCriterion::ALL.into_iter().zip(&weights).map(|(criterion, weight)| Weight { criterion, weight: *weight }).collect();
            prop_assume!(weights.iter().any(|x| *x > 0));
            let facts = |m: &[bool]| Facts {
                owner_accepted: m[0], runbook: m[1], assets_owned: m[2], raci_complete: m[3],
                it_ready: m[4], enough_trainers: m[5], evaluation_planned: m[6], launch_sent: m[7],
            };
            let r = readiness(&facts(&met), &w);
            prop_assert!(r.percent <= 100);
            let all_weighted_met = r.checks.iter().all(|c| c.met || c.weight == 0);
            prop_assert_eq!(r.percent == 100, all_weighted_met);
            if let Some(i) = met.iter().position(|m| !m) {
                let mut more = met.clone();
                more[i] = true;
                prop_assert!(readiness(&facts(&more), &w).percent >= r.percent);
            }
        }
    }
}
