//! Engagements: a vendor working on a project (scope, deliverables, amount,
//! dates, contract status). A project can combine several vendors — a
//! startup for the serious game, an established player for the LMS — and
//! both the vendor and the project show them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::caution::{Caution, CautionKind};
use crate::ids::{EngagementId, ProjectId, VendorId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX};
use crate::money::{check_amount, percent_of, Currency};
use crate::project::Budget;
use crate::validation::{check_date, check_len, check_required, Draft, Rule, ValidationError};

use crate::choices::every_variant;

/// Where the contract stands. Variant order is the usual order of a contract's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    Draft,
    Signed,
    Delivered,
    Closed,
}

every_variant!(ContractStatus {
    Draft,
    Signed,
    Delivered,
    Closed
});

/// Deliverables on one engagement.
pub const DELIVERABLES_MAX: usize = 50;

/// What the DLM types to engage a vendor on a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct EngagementDraft {
    pub vendor: VendorId,
    /// What the vendor does on the project, in one line.
    pub scope: String,
    /// One deliverable per entry.
    pub deliverables: Vec<String>,
    pub currency: Currency,
    /// Contract amount in cents; `None` while unknown.
    #[specta(type = Option<f64>)]
    pub amount_cents: Option<i64>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub status: ContractStatus,
}

/// A vendor engaged on a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Engagement {
    pub id: EngagementId,
    pub project: ProjectId,
    pub fields: EngagementDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Draft for EngagementDraft {
    /// Trims texts, drops empty deliverables, upper-cases the currency.
    fn normalized(mut self) -> Self {
        self.scope = self.scope.trim().to_owned();
        self.deliverables = self
            .deliverables
            .into_iter()
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())
            .collect();
        self.currency = Currency(self.currency.0.trim().to_uppercase());
        self
    }

    fn validate(&self) -> Vec<ValidationError> {
        let mut e: Vec<ValidationError> = Vec::new();
        e.extend(check_required("scope", &self.scope, SHORT_TEXT_MAX));
        if self.deliverables.len() > DELIVERABLES_MAX {
            e.push(ValidationError::with_limit(
                "deliverables",
                Rule::TooMany,
                DELIVERABLES_MAX,
            ));
        }
        e.extend(
            self.deliverables
                .iter()
                .find_map(|d| check_len("deliverables", d, LONG_TEXT_MAX)),
        );
        if !self.currency.is_well_formed() {
            e.push(ValidationError::new("currency", Rule::InvalidCurrency));
        }
        e.extend(self.amount_cents.and_then(|a| check_amount("amount", a)));
        e.extend(check_date("start", self.start));
        e.extend(check_date("end", self.end));
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if end < start {
                e.push(ValidationError::new("end", Rule::EndBeforeStart));
            }
        }
        e
    }
}

impl Engagement {
    /// Engages a vendor on a project. Refuses a blank scope, a negative or
    /// absurd amount, a malformed currency or an end before the start.
    pub fn create(
        project: ProjectId,
        draft: EngagementDraft,
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<ValidationError>> {
        Ok(Self {
            id: EngagementId::new(),
            project,
            fields: draft.checked()?,
            created_at: now,
            updated_at: now,
        })
    }

    /// Edits the engagement under the same rules; the vendor may change too.
    pub fn edit(&mut self, draft: EngagementDraft, now: DateTime<Utc>) -> Result<(), Vec<ValidationError>> {
        self.fields = draft.checked()?;
        self.updated_at = now;
        Ok(())
    }
}

/// The amount engaged in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CurrencyTotal {
    pub currency: Currency,
    #[specta(type = f64)]
    pub cents: i64,
}

/// Contract amounts added up per currency, currencies in alphabetical
/// order. Engagements without an amount count for nothing.
pub fn totals_by_currency<'a>(engagements: impl IntoIterator<Item = &'a Engagement>) -> Vec<CurrencyTotal> {
    let mut totals: std::collections::BTreeMap<&str, i64> = std::collections::BTreeMap::new();
    for e in engagements {
        if let Some(a) = e.fields.amount_cents {
            *totals.entry(e.fields.currency.0.as_str()).or_default() += a;
        }
    }
    totals
        .into_iter()
        .map(|(c, cents)| CurrencyTotal {
            currency: Currency(c.to_owned()),
            cents,
        })
        .collect()
}

/// How much of the project's planned budget its vendors' contracts take.
/// Amounts in another currency than the budget's are not converted (there
/// is no exchange rate offline): they are named in `other_currencies`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BudgetCover {
    /// The budget's currency, in which `engaged_cents` is counted.
    pub currency: Currency,
    /// The contracts' amounts in the budget's currency, added up.
    #[specta(type = f64)]
    pub engaged_cents: i64,
    /// The project's planned budget.
    #[specta(type = f64)]
    pub planned_cents: i64,
    /// The part of `engaged_cents` whose contract is still a draft: planned
    /// with the vendor, not yet committed.
    #[specta(type = f64)]
    pub draft_cents: i64,
    /// What the contracts leave of the plan; negative when they exceed it.
    #[specta(type = f64)]
    pub remaining_cents: i64,
    /// Engaged over planned, rounded to the nearest whole percent; `None`
    /// when the plan is zero.
    pub percent: Option<u32>,
    /// The contracts cost more than the plan.
    pub over: bool,
    /// Currencies of engaged amounts left out of `engaged_cents`.
    pub other_currencies: Vec<Currency>,
}

/// The project's contracts set against its planned budget; `None` when the
/// project has no planned budget to compare with. Every contract counts,
/// drafts included (they are what the DLM plans to spend), and the drafts'
/// share is given apart.
pub fn budget_cover(budget: &Budget, engagements: &[Engagement]) -> Option<BudgetCover> {
    let planned_cents = budget.planned_cents?;
    let in_budget_currency = |e: &&Engagement| e.fields.currency == budget.currency;
    let sum = |only_drafts: bool| -> i64 {
        engagements
            .iter()
            .filter(in_budget_currency)
            .filter(|e| !only_drafts || e.fields.status == ContractStatus::Draft)
            .filter_map(|e| e.fields.amount_cents)
            .sum()
    };
    let engaged_cents = sum(false);
    let percent = percent_of(engaged_cents, planned_cents);
    Some(BudgetCover {
        currency: budget.currency.clone(),
        engaged_cents,
        draft_cents: sum(true),
        planned_cents,
        remaining_cents: planned_cents - engaged_cents,
        percent,
        over: engaged_cents > planned_cents,
        other_currencies: totals_by_currency(engagements)
            .into_iter()
            .map(|t| t.currency)
            .filter(|c| *c != budget.currency)
            .collect(),
    })
}

impl EngagementDraft {
    /// Asks first when this contract would take the project's contracts
    /// beyond its planned budget; `others` are the project's other
    /// engagements (not this one). Says by how much, in the budget's
    /// currency; a contract in another currency cannot be compared.
    pub fn cautions(&self, budget: &Budget, others: &[Engagement]) -> Vec<Caution> {
        let (Some(planned), Some(amount)) = (budget.planned_cents, self.amount_cents) else {
            return Vec::new();
        };
        if self.currency != budget.currency {
            return Vec::new();
        }
        let engaged: i64 = others
            .iter()
            .filter(|e| e.fields.currency == budget.currency)
            .filter_map(|e| e.fields.amount_cents)
            .sum::<i64>()
            + amount;
        if engaged > planned {
            vec![Caution::with_amount(
                "amount",
                CautionKind::OverCommitted,
                engaged - planned,
            )]
        } else {
            Vec::new()
        }
    }
}

/// Earliest start first, undated last, then by creation.
pub fn sort_engagements(engagements: &mut [Engagement]) {
    engagements.sort_by(|a, b| {
        let key = |e: &Engagement| (e.fields.start.is_none(), e.fields.start, e.created_at);
        key(a).cmp(&key(b))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> EngagementDraft {
        EngagementDraft {
            vendor: VendorId::new(),
            scope: "  Serious game onboarding ".into(),
            deliverables: vec!["Storyboard".into(), "  ".into(), " Game build ".into()],
            currency: Currency(" eur".into()),
            amount_cents: Some(1_250_000),
            start: NaiveDate::from_ymd_opt(2026, 11, 2),
            end: NaiveDate::from_ymd_opt(2027, 2, 26),
            status: ContractStatus::Draft,
        }
    }

    #[test]
    fn a_contract_beyond_the_planned_budget_asks_first() {
        let budget = Budget {
            currency: Currency::eur(),
            planned_cents: Some(2_000_000),
            actual_cents: None,
        };
        let mut first = draft().normalized();
        first.amount_cents = Some(1_500_000);
        assert!(first.cautions(&budget, &[]).is_empty());
        let engaged = Engagement::create(ProjectId::new(), first.clone(), Utc::now()).expect("valid");
        assert_eq!(
            first.cautions(&budget, std::slice::from_ref(&engaged)),
            [Caution::with_amount("amount", CautionKind::OverCommitted, 1_000_000)]
        );
        let mut dollars = first.clone();
        dollars.currency = Currency("USD".into());
        assert!(dollars.cautions(&budget, &[engaged]).is_empty());
        let unplanned = Budget {
            planned_cents: None,
            ..budget
        };
        assert!(first.cautions(&unplanned, &[]).is_empty());
    }

    #[test]
    fn drafts_are_normalised_and_checked() {
        let e = Engagement::create(ProjectId::new(), draft(), Utc::now()).expect("valid");
        assert_eq!(e.fields.scope, "Serious game onboarding");
        assert_eq!(e.fields.deliverables, ["Storyboard", "Game build"]);
        assert_eq!(e.fields.currency, Currency::eur());

        let mut bad = draft();
        bad.scope = " ".into();
        bad.amount_cents = Some(-1);
        bad.currency = Currency("euro".into());
        bad.end = NaiveDate::from_ymd_opt(2026, 10, 1);
        let rules: Vec<(String, Rule)> = Engagement::create(ProjectId::new(), bad, Utc::now())
            .expect_err("invalid")
            .into_iter()
            .map(|e| (e.field, e.rule))
            .collect();
        assert_eq!(
            rules,
            [
                ("scope".into(), Rule::Required),
                ("currency".into(), Rule::InvalidCurrency),
                ("amount".into(), Rule::Negative),
                ("end".into(), Rule::EndBeforeStart),
            ]
        );
    }

    #[test]
    fn totals_add_up_per_currency_and_skip_unknown_amounts() {
        let project = ProjectId::new();
        let make = |currency: &str, amount| {
            let mut d = draft();
            d.currency = Currency(currency.into());
            d.amount_cents = amount;
            Engagement::create(project, d, Utc::now()).expect("valid")
        };
        let all = [
            make("EUR", Some(100)),
            make("USD", Some(7)),
            make("EUR", Some(50)),
            make("EUR", None),
        ];
        let totals: Vec<(String, i64)> = totals_by_currency(&all)
            .into_iter()
            .map(|t| (t.currency.0, t.cents))
            .collect();
        assert_eq!(totals, [("EUR".into(), 150), ("USD".into(), 7)]);
        assert!(totals_by_currency(&[]).is_empty());
    }

    #[test]
    fn engagements_sort_by_start_undated_last() {
        let project = ProjectId::new();
        let make = |start: Option<u32>| {
            let mut d = draft();
            d.start = start.and_then(|m| NaiveDate::from_ymd_opt(2026, m, 1));
            d.end = None;
            Engagement::create(project, d, Utc::now()).expect("valid")
        };
        let mut list = vec![make(None), make(Some(9)), make(Some(3))];
        sort_engagements(&mut list);
        let starts: Vec<Option<u32>> = list
            .iter()
            .map(|e| e.fields.start.map(|d| chrono::Datelike::month(&d)))
            .collect();
        assert_eq!(starts, [Some(3), Some(9), None]);
    }

    fn budget(planned_cents: Option<i64>) -> Budget {
        Budget {
            currency: Currency::eur(),
            planned_cents,
            actual_cents: None,
        }
    }

    /// A contract of `cents` in `currency` at `status`.
    fn contract(currency: &str, cents: i64, status: ContractStatus) -> Engagement {
        let mut d = draft();
        d.currency = Currency(currency.into());
        d.amount_cents = Some(cents);
        d.status = status;
        Engagement::create(ProjectId::new(), d, Utc::now()).expect("valid")
    }

    #[test]
    fn the_cover_sets_the_budget_currency_against_the_plan() {
        let contracts = [
            contract("EUR", 450_000, ContractStatus::Signed),
            contract("EUR", 800_000, ContractStatus::Draft),
            contract("USD", 300_000, ContractStatus::Signed),
        ];
        let cover = budget_cover(&budget(Some(1_800_000)), &contracts).expect("a plan");
        assert_eq!(cover.engaged_cents, 1_250_000);
        assert_eq!(cover.draft_cents, 800_000, "the draft is counted and shown apart");
        assert_eq!(cover.remaining_cents, 550_000);
        assert_eq!(cover.percent, Some(69), "12,500 of 18,000 is 69.4 %");
        assert!(!cover.over);
        assert_eq!(cover.other_currencies, [Currency("USD".into())]);

        let over = budget_cover(
            &budget(Some(1_800_000)),
            &[contract("EUR", 2_050_000, ContractStatus::Delivered)],
        )
        .expect("a plan");
        assert_eq!((over.remaining_cents, over.draft_cents), (-250_000, 0));
        assert_eq!(over.percent, Some(114));
        assert!(over.over);
    }

    #[test]
    fn the_cover_needs_a_plan_and_survives_a_zero_one() {
        let one = [contract("EUR", 100, ContractStatus::Signed)];
        assert_eq!(budget_cover(&budget(None), &one), None);
        let nothing = budget_cover(&budget(Some(500_000)), &[]).expect("a plan");
        assert_eq!((nothing.engaged_cents, nothing.percent), (0, Some(0)));
        let zero = budget_cover(&budget(Some(0)), &one).expect("a plan");
        assert_eq!(zero.percent, None);
        assert!(zero.over);
    }
}
