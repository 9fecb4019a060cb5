//! Cautions: what is allowed but unusual enough that the DLM is asked
//! before it is saved (a project longer than five years, contracts beyond
//! the planned budget, a demo dated in the future…). A form sends its draft
//! with [`SaveOptions`]; [`SaveOptions::judge`] decides whether it is
//! refused, held for confirmation, or saved.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::validation::ValidationError;

/// What makes a save worth a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CautionKind {
    /// The project runs longer than `limit` years.
    LongProject,
    /// An amount above `amount_cents`, far beyond a usual training budget.
    LargeAmount,
    /// A cycle starts before or ends after the project's own dates.
    CycleOutsideProject,
    /// The contracts would exceed the planned budget by `amount_cents`.
    OverCommitted,
    /// A journal entry dated after today.
    FutureEntry,
    /// A pilot decision while the project has not reached its pilot.
    DecisionBeforePilot,
    /// Someone else in the directory has this e-mail address (`other`).
    SameEmail,
    /// Moving to deployment while IT readiness is at `limit` %, below 100.
    ItNotReady,
}

/// One caution on one field. `limit` and `amount_cents` carry the figure
/// the message names (five years, the overrun in the budget's currency).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Caution {
    pub field: String,
    pub kind: CautionKind,
    pub limit: Option<u32>,
    #[specta(type = Option<f64>)]
    pub amount_cents: Option<i64>,
    /// The id of the record it clashes with (the person who already has
    /// this e-mail address), for the UI to offer opening it.
    pub other: Option<String>,
}

impl Caution {
    pub fn new(field: &str, kind: CautionKind) -> Self {
        Self {
            field: field.to_owned(),
            kind,
            limit: None,
            amount_cents: None,
            other: None,
        }
    }

    pub fn with_limit(field: &str, kind: CautionKind, limit: u32) -> Self {
        Self {
            limit: Some(limit),
            ..Self::new(field, kind)
        }
    }

    pub fn with_amount(field: &str, kind: CautionKind, amount_cents: i64) -> Self {
        Self {
            amount_cents: Some(amount_cents),
            ..Self::new(field, kind)
        }
    }
}

/// How a form asks for a save: the fields it could not read from what was
/// typed, and whether the DLM has already confirmed the cautions. A field
/// listed as unreadable refuses the save whatever value the draft carries
/// for it (the form sends it empty, or a stand-in where it cannot be empty),
/// so that every other rule is still reported in the same answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SaveOptions {
    #[serde(default)]
    pub unreadable: Vec<ValidationError>,
    #[serde(default)]
    pub confirmed: bool,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Rules are broken: every one of them, each field named once per rule.
    Invalid(Vec<ValidationError>),
    /// The draft is sound but asks for the DLM's confirmation first.
    Unconfirmed(Vec<Caution>),
}

impl SaveOptions {
    /// The options of a save the DLM has confirmed, with nothing unreadable.
    pub fn confirmed() -> Self {
        Self {
            unreadable: Vec::new(),
            confirmed: true,
        }
    }

    /// Judges a save: the unreadable fields and the draft's broken rules
    /// together, so that the form shows them all at once (a field the form
    /// could not read is not also reported as missing); then, only for a
    /// sound draft, the cautions the DLM has not confirmed. `cautions` is
    /// only computed for a sound draft.
    pub fn judge(&self, errors: Vec<ValidationError>, cautions: impl FnOnce() -> Vec<Caution>) -> Result<(), Refusal> {
        let mut all = self.unreadable.clone();
        all.extend(
            errors
                .into_iter()
                .filter(|e| !self.unreadable.iter().any(|u| u.field == e.field)),
        );
        if !all.is_empty() {
            return Err(Refusal::Invalid(all));
        }
        if self.confirmed {
            return Ok(());
        }
        let cautions = cautions();
        if cautions.is_empty() {
            Ok(())
        } else {
            Err(Refusal::Unconfirmed(cautions))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Rule;

    fn caution() -> Vec<Caution> {
        vec![Caution::with_limit("end_date", CautionKind::LongProject, 5)]
    }

    #[test]
    fn every_error_comes_at_once_with_unreadable_fields_first() {
        let options = SaveOptions {
            unreadable: vec![ValidationError::new("budget_planned", Rule::NotANumber)],
            confirmed: false,
        };
        let refused = options.judge(
            vec![
                ValidationError::new("title", Rule::Required),
                ValidationError::new("budget_planned", Rule::Required),
                ValidationError::new("currency", Rule::InvalidCurrency),
            ],
            caution,
        );
        let Err(Refusal::Invalid(errors)) = refused else {
            panic!("refused as invalid, got {refused:?}");
        };
        let fields: Vec<(&str, Rule)> = errors.iter().map(|e| (e.field.as_str(), e.rule)).collect();
        assert_eq!(
            fields,
            [
                ("budget_planned", Rule::NotANumber),
                ("title", Rule::Required),
                ("currency", Rule::InvalidCurrency)
            ]
        );
    }

    #[test]
    fn cautions_hold_a_sound_draft_until_confirmed() {
        assert_eq!(
            SaveOptions::default().judge(Vec::new(), caution),
            Err(Refusal::Unconfirmed(caution()))
        );
        assert_eq!(SaveOptions::confirmed().judge(Vec::new(), caution), Ok(()));
        assert_eq!(SaveOptions::default().judge(Vec::new(), Vec::new), Ok(()));
    }

    #[test]
    fn an_invalid_draft_is_refused_even_when_confirmed() {
        let errors = vec![ValidationError::new("title", Rule::Required)];
        assert_eq!(
            SaveOptions::confirmed().judge(errors.clone(), caution),
            Err(Refusal::Invalid(errors))
        );
    }
}
