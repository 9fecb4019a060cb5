//! Validation failures, named by field and rule so that the UI can put a
//! translated message next to the right field without reading English text.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::limits::{DATE_MAX_YEAR, DATE_MIN_YEAR};

/// Which rule a value broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The field must not be empty.
    Required,
    /// The text is longer than `limit` characters.
    TooLong,
    /// The list holds more than `limit` entries.
    TooMany,
    /// An amount below zero.
    Negative,
    /// An amount above the supported maximum.
    TooLarge,
    /// The end date comes before the start date.
    EndBeforeStart,
    /// Not an ISO 4217 currency code.
    InvalidCurrency,
    /// The lifecycle does not allow this status change.
    TransitionNotAllowed,
    /// A cycle shorter than `limit` days.
    CycleTooShort,
    /// A cycle longer than `limit` days.
    CycleTooLong,
    /// The dates overlap another record's (e.g. another cycle).
    Overlaps,
    /// A phase gate is unmet; moving on needs a reason.
    GateUnmet,
    /// Not an e-mail address.
    InvalidEmail,
    /// The same thing twice where each must be unique (or unknown).
    Duplicate,
    /// Still used by `limit` other records (e.g. a vendor engaged on projects).
    InUse,
    /// A date outside the years Atelier plans in (2000–2100): a typo such
    /// as 0007 for 2007.
    DateOutOfRange,
    /// The form could not read the text typed as a date.
    NotADate,
    /// The form could not read the text typed as an amount.
    NotANumber,
    /// The form could not read the text typed as a duration.
    NotADuration,
    /// The form could not read the text typed as a whole number.
    NotACount,
    /// Not a web address (`exemple.fr`, `https://exemple.fr/offre`).
    InvalidWebsite,
    /// Every weight is zero: nothing would count in the totals.
    NoWeight,
    /// A duration longer than `limit` hours.
    DurationTooLong,
    /// The person named is no longer in the directory.
    NotInDirectory,
    /// The vendor named is not engaged on this project.
    NotEngaged,
    /// A percentage outside 0–100.
    PercentOutOfRange,
    /// A step dated before the step it follows.
    BeforePreviousStep,
    /// A rating outside 1–5.
    NotARating,
}

/// One field that failed one rule. `limit` carries the bound for
/// `TooLong`/`TooMany` so the message can say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ValidationError {
    pub field: String,
    pub rule: Rule,
    pub limit: Option<u32>,
}

impl ValidationError {
    pub fn new(field: &str, rule: Rule) -> Self {
        Self {
            field: field.to_owned(),
            rule,
            limit: None,
        }
    }

    pub fn with_limit(field: &str, rule: Rule, limit: usize) -> Self {
        Self {
            field: field.to_owned(),
            rule,
            limit: Some(u32::try_from(limit).unwrap_or(u32::MAX)),
        }
    }
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rule = match self.rule {
            Rule::Required => "is required",
            Rule::TooLong => "is too long",
            Rule::TooMany => "has too many entries",
            Rule::Negative => "must not be negative",
            Rule::TooLarge => "is too large",
            Rule::EndBeforeStart => "ends before it starts",
            Rule::InvalidCurrency => "is not a currency code",
            Rule::TransitionNotAllowed => "cannot change that way",
            Rule::CycleTooShort => "makes the cycle too short",
            Rule::CycleTooLong => "makes the cycle too long",
            Rule::Overlaps => "overlaps another one",
            Rule::GateUnmet => "leaves the phase gate unmet",
            Rule::InvalidEmail => "is not an e-mail address",
            Rule::Duplicate => "repeats or names something unknown",
            Rule::InUse => "is still in use",
            Rule::DateOutOfRange => "is outside the years 2000 to 2100",
            Rule::NotADate => "is not a date",
            Rule::NotANumber => "is not an amount",
            Rule::NotADuration => "is not a duration",
            Rule::NotACount => "is not a whole number",
            Rule::InvalidWebsite => "is not a web address",
            Rule::NoWeight => "leaves every weight at zero",
            Rule::DurationTooLong => "lasts too long",
            Rule::NotInDirectory => "names someone no longer in the directory",
            Rule::NotEngaged => "names a vendor not engaged on the project",
            Rule::PercentOutOfRange => "is not a percentage from 0 to 100",
            Rule::BeforePreviousStep => "comes before the step it follows",
            Rule::NotARating => "is not a rating from 1 to 5",
        };
        match self.limit {
            Some(limit) => write!(f, "{} {rule} (limit {limit})", self.field),
            None => write!(f, "{} {rule}", self.field),
        }
    }
}

/// A percentage the DLM types: 0 to 100.
pub fn check_percent(field: &str, pct: u32) -> Option<ValidationError> {
    (pct > 100).then(|| ValidationError::new(field, Rule::PercentOutOfRange))
}

/// What the DLM types into a form: tidied up, then checked as a whole.
pub trait Draft: Sized {
    /// The same draft with texts trimmed and repeats removed.
    fn normalized(self) -> Self;
    /// Every rule the (normalised) draft breaks; empty when it is sound.
    fn validate(&self) -> Vec<ValidationError>;

    /// The normalised draft, or every rule it breaks.
    fn checked(self) -> Result<Self, Vec<ValidationError>> {
        let draft = self.normalized();
        let errors = draft.validate();
        if errors.is_empty() {
            Ok(draft)
        } else {
            Err(errors)
        }
    }
}

/// Tags as typed: trimmed, empty ones dropped, and a tag that repeats
/// another (ignoring case) removed, keeping the first spelling.
pub fn normalize_tags(tags: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_owned();
        if !tag.is_empty() && !kept.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            kept.push(tag);
        }
    }
    kept
}

/// Checks the length of a text in characters (not bytes: "é" is one).
pub fn check_len(field: &str, text: &str, max: usize) -> Option<ValidationError> {
    (text.chars().count() > max).then(|| ValidationError::with_limit(field, Rule::TooLong, max))
}

/// Checks a required text: present after trimming, and not too long.
pub fn check_required(field: &str, text: &str, max: usize) -> Option<ValidationError> {
    if text.trim().is_empty() {
        Some(ValidationError::new(field, Rule::Required))
    } else {
        check_len(field, text, max)
    }
}

/// Checks an optional e-mail address: empty, or something, one `@`, and a
/// dotted domain.
pub fn check_email(field: &str, email: &str) -> Option<ValidationError> {
    check_len(field, email, crate::limits::SHORT_TEXT_MAX).or_else(|| {
        (!email.is_empty() && !looks_like_email(email)).then(|| ValidationError::new(field, Rule::InvalidEmail))
    })
}

/// A plausible e-mail address: something, one `@`, a dotted domain.
fn looks_like_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(user), Some(domain), None) => {
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        }
        _ => false,
    }
}

/// Checks that a date lies in the years Atelier plans in
/// ([`DATE_MIN_YEAR`]–[`DATE_MAX_YEAR`]); a year such as 0007 is a typo.
pub fn check_date(field: &str, date: Option<NaiveDate>) -> Option<ValidationError> {
    date.filter(|d| !(DATE_MIN_YEAR..=DATE_MAX_YEAR).contains(&d.year()))
        .map(|_| ValidationError::new(field, Rule::DateOutOfRange))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shape() {
        assert_eq!(check_email("email", ""), None, "no address is fine");
        assert_eq!(check_email("email", "a@b.fr"), None);
        for bad in ["a@b", "@b.fr", "a@@b.fr", "a@.fr", "a@b.", "ab.fr"] {
            assert_eq!(
                check_email("email", bad).map(|e| e.rule),
                Some(Rule::InvalidEmail),
                "{bad}"
            );
        }
    }

    #[test]
    fn dates_outside_2000_2100_are_refused() {
        let day = |y| NaiveDate::from_ymd_opt(y, 6, 1);
        assert_eq!(check_date("d", None), None);
        assert_eq!(check_date("d", day(2000)), None);
        assert_eq!(check_date("d", day(2100)), None);
        assert_eq!(check_date("d", day(7)).map(|e| e.rule), Some(Rule::DateOutOfRange));
        assert_eq!(check_date("d", day(1999)).map(|e| e.field), Some("d".into()));
        assert!(check_date("d", day(2101)).is_some());
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(check_len("t", "éééé", 4), None);
        assert!(check_len("t", "ééééé", 4).is_some());
    }

    #[test]
    fn required_rejects_blank() {
        assert_eq!(check_required("t", "  \n", 10).map(|e| e.rule), Some(Rule::Required));
        assert_eq!(check_required("t", "ok", 10), None);
        assert_eq!(check_required("t", "too long", 3).and_then(|e| e.limit), Some(3));
    }
}
