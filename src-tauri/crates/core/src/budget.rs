//! A project's money at a glance, as the overview and the portfolio show
//! it: the planned budget against what the vendors' contracts commit and
//! what is already spent, beside what the learning path costs.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::engagement::{totals_by_currency, Engagement};
use crate::money::{percent_of, Currency};
use crate::project::Budget;

/// Planned, engaged and spent in the budget's currency, in cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BudgetOverview {
    pub currency: Currency,
    #[specta(type = Option<f64>)]
    pub planned_cents: Option<i64>,
    /// Spent so far (the project's actual budget).
    #[specta(type = Option<f64>)]
    pub spent_cents: Option<i64>,
    /// The vendors' contracts in the budget's currency, drafts included.
    #[specta(type = f64)]
    pub engaged_cents: i64,
    /// What the activities of the learning path cost, added up.
    #[specta(type = f64)]
    pub path_cost_cents: i64,
    /// Engaged over planned, in whole percent; `None` without a plan.
    pub engaged_percent: Option<u32>,
    /// Spent over planned, in whole percent; `None` without a plan or spend.
    pub spent_percent: Option<u32>,
    /// What is neither committed nor spent: the plan less the larger of the
    /// two (contracts are often paid as they are spent); negative when the
    /// plan is exceeded, `None` without a plan.
    #[specta(type = Option<f64>)]
    pub free_cents: Option<i64>,
    /// The contracts exceed the plan.
    pub over_committed: bool,
    /// The spending exceeds the plan.
    pub over_spent: bool,
    /// Currencies of contracts that could not be counted (no exchange rate
    /// offline).
    pub other_currencies: Vec<Currency>,
}

/// The overview of `budget` given the project's engagements and the cost
/// of its learning path (kept in the budget's currency).
pub fn overview(budget: &Budget, engagements: &[Engagement], path_cost_cents: i64) -> BudgetOverview {
    let totals = totals_by_currency(engagements);
    let engaged_cents = totals
        .iter()
        .find(|t| t.currency == budget.currency)
        .map_or(0, |t| t.cents);
    let planned = budget.planned_cents;
    let spent = budget.spent();
    BudgetOverview {
        currency: budget.currency.clone(),
        planned_cents: planned,
        spent_cents: budget.actual_cents,
        engaged_cents,
        path_cost_cents,
        engaged_percent: planned.and_then(|p| percent_of(engaged_cents, p)),
        spent_percent: planned.zip(budget.actual_cents).and_then(|(p, s)| percent_of(s, p)),
        free_cents: planned.map(|p| p - engaged_cents.max(spent)),
        over_committed: planned.is_some_and(|p| engaged_cents > p),
        over_spent: planned.is_some_and(|p| spent > p),
        other_currencies: totals
            .into_iter()
            .map(|t| t.currency)
            .filter(|c| *c != budget.currency)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engagement::{ContractStatus, EngagementDraft};
    use crate::ids::{ProjectId, VendorId};
    use chrono::Utc;

    fn contract(cents: i64, currency: &str) -> Engagement {
        let draft = EngagementDraft {
            vendor: VendorId::new(),
            scope: "Serious game".into(),
            deliverables: Vec::new(),
            currency: Currency(currency.into()),
            amount_cents: Some(cents),
            start: None,
            end: None,
            status: ContractStatus::Signed,
        };
        Engagement::create(ProjectId::new(), draft, Utc::now()).expect("valid")
    }

    fn budget(planned: Option<i64>, spent: Option<i64>) -> Budget {
        Budget {
            currency: Currency::eur(),
            planned_cents: planned,
            actual_cents: spent,
        }
    }

    #[test]
    fn contracts_beyond_the_plan_are_over_committed_whatever_is_spent() {
        // Planned 20,000, spent 4,500, contracts for 30,000: nothing is
        // free, the plan is over-committed by 10,000.
        let o = overview(
            &budget(Some(2_000_000), Some(450_000)),
            &[contract(3_000_000, "EUR")],
            470_000,
        );
        assert_eq!(o.engaged_cents, 3_000_000);
        assert_eq!(o.engaged_percent, Some(150));
        assert_eq!(o.spent_percent, Some(23));
        assert_eq!(o.free_cents, Some(-1_000_000));
        assert!(o.over_committed);
        assert!(!o.over_spent);
        assert_eq!(o.path_cost_cents, 470_000);
    }

    #[test]
    fn what_is_free_is_the_plan_less_the_larger_of_contracts_and_spend() {
        let o = overview(
            &budget(Some(2_000_000), Some(1_200_000)),
            &[contract(500_000, "EUR"), contract(900_000, "USD")],
            0,
        );
        assert_eq!(o.free_cents, Some(800_000));
        assert!(!o.over_committed);
        assert_eq!(o.other_currencies, [Currency("USD".into())]);
        let over = overview(&budget(Some(1_000_000), Some(1_200_000)), &[], 0);
        assert!(over.over_spent);
        assert_eq!(over.free_cents, Some(-200_000));
    }

    #[test]
    fn without_a_plan_nothing_is_compared() {
        let o = overview(&budget(None, Some(100)), &[contract(500, "EUR")], 0);
        assert_eq!((o.engaged_percent, o.spent_percent, o.free_cents), (None, None, None));
        assert!(!o.over_committed && !o.over_spent);
        let zero = overview(&budget(Some(0), None), &[contract(500, "EUR")], 0);
        assert_eq!(zero.engaged_percent, None);
        assert!(zero.over_committed);
    }
}
