//! Money as integer cents plus an ISO 4217 currency code: no floating point
//! ever touches a budget. Amounts are limited to [`AMOUNT_MAX_CENTS`] so
//! that they cross into JavaScript as exact numbers.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::limits::AMOUNT_MAX_CENTS;
use crate::validation::{Rule, ValidationError};

/// An ISO 4217 code such as `EUR`: three ASCII capital letters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(transparent)]
pub struct Currency(pub String);

impl Currency {
    /// The euro, the default for a French DLM.
    pub fn eur() -> Self {
        Self("EUR".into())
    }

    /// True when the code has the ISO 4217 shape.
    pub fn is_well_formed(&self) -> bool {
        self.0.len() == 3 && self.0.bytes().all(|b| b.is_ascii_uppercase())
    }
}

impl Default for Currency {
    fn default() -> Self {
        Self::eur()
    }
}

/// Checks that an amount in cents is neither negative nor absurdly large.
pub fn check_amount(field: &'static str, cents: i64) -> Option<ValidationError> {
    if cents < 0 {
        Some(ValidationError::new(field, Rule::Negative))
    } else if cents > AMOUNT_MAX_CENTS {
        Some(ValidationError::new(field, Rule::TooLarge))
    } else {
        None
    }
}

/// `part` over `whole` in whole percent, rounded to the nearest; `None`
/// when the whole is zero or negative (no meaningful share).
pub fn percent_of(part: i64, whole: i64) -> Option<u32> {
    (whole > 0).then(|| {
        let ratio = (i128::from(part) * 100 + i128::from(whole) / 2) / i128::from(whole);
        u32::try_from(ratio.max(0)).unwrap_or(u32::MAX)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents_round_to_the_nearest() {
        assert_eq!(percent_of(1, 3), Some(33));
        assert_eq!(percent_of(2, 3), Some(67));
        assert_eq!(percent_of(30, 20), Some(150));
        assert_eq!(percent_of(5, 0), None);
    }

    #[test]
    fn currency_shape() {
        assert!(Currency::eur().is_well_formed());
        assert!(Currency("USD".into()).is_well_formed());
        assert!(!Currency("eur".into()).is_well_formed());
        assert!(!Currency("EURO".into()).is_well_formed());
        assert!(!Currency("€".into()).is_well_formed());
    }

    #[test]
    fn amounts() {
        assert_eq!(check_amount("f", 0), None);
        assert_eq!(check_amount("f", AMOUNT_MAX_CENTS), None);
        assert_eq!(check_amount("f", -1).map(|e| e.rule), Some(Rule::Negative));
        assert_eq!(
            check_amount("f", AMOUNT_MAX_CENTS + 1).map(|e| e.rule),
            Some(Rule::TooLarge)
        );
    }
}
