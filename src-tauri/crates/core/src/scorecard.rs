//! The weighted scorecard the DLM uses to compare providers: criteria with
//! weights (editable, shared by the whole registry) and 1–5 scores per
//! vendor. The weighted total is computed here, never in the UI.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::limits::{SHORT_TEXT_MAX, TITLE_MAX};
use crate::validation::{check_len, check_required, Rule, ValidationError};

/// One criterion of the scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable key; the default criteria have translated names in the UI.
    pub key: String,
    /// The DLM's own name for a criterion they added; empty for defaults.
    pub label: String,
    /// 0 (ignored) to 10.
    pub weight: u8,
}

/// A vendor's score on one criterion, 1 to 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub criterion: String,
    pub score: u8,
}

pub const WEIGHT_MAX: u8 = 10;
pub const SCORE_MIN: u8 = 1;
pub const SCORE_MAX: u8 = 5;
pub const CRITERIA_MAX: usize = 20;

/// Pedagogy, learner experience, technical integration, data/GDPR, price,
/// support, maturity.
pub fn default_criteria() -> Vec<Criterion> {
    [
        ("pedagogy", 3),
        ("learner_experience", 3),
        ("technical_integration", 2),
        ("data_gdpr", 2),
        ("price", 2),
        ("support", 1),
        ("maturity", 1),
    ]
    .into_iter()
    .map(|(key, weight)| Criterion {
        key: key.into(),
        label: String::new(),
        weight,
    })
    .collect()
}

/// Checks a set of criteria: keys present and unique, labels within a
/// title's length, weights in range,
/// at least one weight above zero (else no vendor could be scored), at
/// most [`CRITERIA_MAX`].
pub fn check_criteria(criteria: &[Criterion]) -> Vec<ValidationError> {
    let mut e: Vec<ValidationError> = Vec::new();
    if criteria.len() > CRITERIA_MAX {
        e.push(ValidationError::with_limit("criteria", Rule::TooMany, CRITERIA_MAX));
    }
    for (i, c) in criteria.iter().enumerate() {
        e.extend(check_required("criteria", &c.key, SHORT_TEXT_MAX));
        e.extend(check_len("criteria", &c.label, TITLE_MAX));
        if c.weight > WEIGHT_MAX {
            e.push(ValidationError::with_limit(
                "weight",
                Rule::TooLarge,
                usize::from(WEIGHT_MAX),
            ));
        }
        if criteria[..i].iter().any(|o| o.key == c.key) {
            e.push(ValidationError::new("criteria", Rule::Duplicate));
        }
    }
    if !criteria.is_empty() && criteria.iter().all(|c| c.weight == 0) {
        e.push(ValidationError::new("weight", Rule::NoWeight));
    }
    e.dedup_by(|a, b| a.field == b.field && a.rule == b.rule);
    e
}

/// Checks scores against the criteria: known criterion, 1 to 5, once each.
pub fn check_scores(scores: &[Score], criteria: &[Criterion]) -> Vec<ValidationError> {
    let mut e: Vec<ValidationError> = Vec::new();
    for (i, s) in scores.iter().enumerate() {
        if !criteria.iter().any(|c| c.key == s.criterion) || scores[..i].iter().any(|o| o.criterion == s.criterion) {
            e.push(ValidationError::new("scores", Rule::Duplicate));
        }
        if !(SCORE_MIN..=SCORE_MAX).contains(&s.score) {
            e.push(ValidationError::with_limit(
                "scores",
                Rule::TooLarge,
                usize::from(SCORE_MAX),
            ));
        }
    }
    e.dedup_by(|a, b| a.field == b.field && a.rule == b.rule);
    e
}

/// The weighted average of the scores given, out of 5 in hundredths
/// (`362` = 3.62), over the criteria that carry weight and were scored;
/// `None` when nothing weighted was scored.
pub fn weighted_total(scores: &[Score], criteria: &[Criterion]) -> Option<u32> {
    let (mut sum, mut weights) = (0u32, 0u32);
    for c in criteria.iter().filter(|c| c.weight > 0) {
        if let Some(s) = scores.iter().find(|s| s.criterion == c.key) {
            sum += u32::from(c.weight) * u32::from(s.score);
            weights += u32::from(c.weight);
        }
    }
    (weights > 0).then(|| (sum * 100 + weights / 2) / weights)
}

/// Which of several values lead: each one equal to the highest (ties all
/// lead); a missing value never leads, and nothing leads when every value
/// is missing.
pub fn leaders<T: Ord + Copy>(values: &[Option<T>]) -> Vec<bool> {
    let top = values.iter().flatten().max().copied();
    values.iter().map(|v| v.is_some() && *v == top).collect()
}

/// How vendors compare on one criterion: the score each gave (in the
/// vendors' order) and which of them lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CriterionRow {
    pub criterion: Criterion,
    pub scores: Vec<Option<u8>>,
    pub leads: Vec<bool>,
}

/// The scorecard of several vendors side by side, one row per criterion in
/// criteria order. `scores[i]` is the i-th vendor's scores.
pub fn compare_scores(criteria: &[Criterion], scores: &[&[Score]]) -> Vec<CriterionRow> {
    criteria
        .iter()
        .map(|c| {
            let row: Vec<Option<u8>> = scores
                .iter()
                .map(|given| given.iter().find(|s| s.criterion == c.key).map(|s| s.score))
                .collect();
            CriterionRow {
                criterion: c.clone(),
                leads: leaders(&row),
                scores: row,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn score(criterion: &str, score: u8) -> Score {
        Score {
            criterion: criterion.into(),
            score,
        }
    }

    #[test]
    fn the_total_weighs_each_scored_criterion() {
        let criteria = default_criteria();
        // 3×5 + 3×4 + 2×2 = 31 over weights 8 → 3.875 → 388 hundredths.
        let scores = [score("pedagogy", 5), score("learner_experience", 4), score("price", 2)];
        assert_eq!(weighted_total(&scores, &criteria), Some(388));
        assert_eq!(weighted_total(&[], &criteria), None);
        let mut ignored = criteria.clone();
        ignored.iter_mut().for_each(|c| c.weight = 0);
        assert_eq!(weighted_total(&scores, &ignored), None);
    }

    #[test]
    fn all_weights_at_zero_are_refused() {
        let mut criteria = default_criteria();
        assert!(check_criteria(&criteria).is_empty());
        criteria.iter_mut().for_each(|c| c.weight = 0);
        assert_eq!(
            check_criteria(&criteria)
                .into_iter()
                .map(|e| e.rule)
                .collect::<Vec<_>>(),
            [Rule::NoWeight]
        );
        criteria[3].weight = 1;
        assert!(check_criteria(&criteria).is_empty());
    }

    #[test]
    fn scores_and_criteria_are_checked() {
        let criteria = default_criteria();
        assert!(check_scores(&[score("pedagogy", 3)], &criteria).is_empty());
        assert!(!check_scores(&[score("pedagogy", 6)], &criteria).is_empty());
        assert!(!check_scores(&[score("pedagogy", 0)], &criteria).is_empty());
        assert!(!check_scores(&[score("unknown", 3)], &criteria).is_empty());
        assert!(!check_scores(&[score("price", 3), score("price", 4)], &criteria).is_empty());
        let mut twice = criteria.clone();
        twice.push(twice[0].clone());
        assert_eq!(check_criteria(&twice)[0].rule, Rule::Duplicate);
        assert!(check_criteria(&criteria).is_empty());
    }

    proptest! {
        #[test]
        fn the_total_stays_between_the_lowest_and_highest_score(raw in prop::collection::vec((0usize..7, 1u8..=5), 0..7), weights in prop::collection::vec(0u8..=10, 7)) {
            let mut criteria = default_criteria();
            for (c, w) in criteria.iter_mut().zip(weights) { c.weight = w; }
            let mut scores: Vec<Score> = Vec::new();
            for (i, s) in raw {
                let key = criteria[i].key.clone();
                if !scores.iter().any(|x| x.criterion == key) { scores.push(Score { criterion: key, score: s }); }
            }
            if let Some(total) = weighted_total(&scores, &criteria) {
                let lo = scores.iter().map(|s| u32::from(s.score)).min().unwrap_or(1) * 100;
                let hi = scores.iter().map(|s| u32::from(s.score)).max().unwrap_or(5) * 100;
                prop_assert!((lo..=hi).contains(&total));
            }
        }
    }

    #[test]
    fn the_highest_values_lead_and_missing_ones_never_do() {
        assert_eq!(leaders(&[Some(3), Some(5), None, Some(5)]), [false, true, false, true]);
        assert_eq!(leaders::<u32>(&[None, None]), [false, false]);
        assert_eq!(leaders(&[Some(1)]), [true]);
    }

    #[test]
    fn scores_compare_criterion_by_criterion() {
        let criteria = default_criteria();
        let a = [score("pedagogy", 5), score("price", 2)];
        let b = [score("pedagogy", 3), score("price", 4)];
        let rows = compare_scores(&criteria, &[&a, &b]);
        assert_eq!(rows.len(), criteria.len());
        let row = |key: &str| rows.iter().find(|r| r.criterion.key == key).expect("a row");
        assert_eq!(row("pedagogy").scores, [Some(5), Some(3)]);
        assert_eq!(row("pedagogy").leads, [true, false]);
        assert_eq!(row("price").leads, [false, true]);
        assert_eq!(row("support").scores, [None, None]);
        assert_eq!(row("support").leads, [false, false]);
    }
}
