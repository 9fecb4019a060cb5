//! The DLM's preferences for the app itself.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::limits::TITLE_MAX;
use crate::samples::Lang;
use crate::validation::{check_len, ValidationError};

use crate::choices::every_variant;

/// Light, dark, or whatever the operating system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

every_variant!(Theme { System, Light, Dark });

/// Preferences kept in the database so they follow a restored backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Interface language; `None` follows the operating system.
    pub language: Option<Lang>,
    pub theme: Theme,
    /// The DLM's own name, asked once: who votes by default in dot voting.
    #[serde(default)]
    pub user_name: String,
}

impl Settings {
    /// The settings with the name trimmed, or what is wrong with them.
    pub fn checked(mut self) -> Result<Self, Vec<ValidationError>> {
        self.user_name = self.user_name.trim().to_owned();
        match check_len("user_name", &self.user_name, TITLE_MAX) {
            Some(e) => Err(vec![e]),
            None => Ok(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_written_before_the_name_still_read() {
        let old: Settings = serde_json::from_str(r#"{"language":"fr","theme":"dark"}"#).expect("reads");
        assert_eq!(old.user_name, "");
        assert_eq!(old.theme, Theme::Dark);
    }

    #[test]
    fn the_name_is_trimmed_and_bounded() {
        let named = |name: &str| Settings {
            user_name: name.into(),
            ..Settings::default()
        };
        assert_eq!(named("  Claire ").checked().map(|s| s.user_name), Ok("Claire".into()));
        assert!(named(&"x".repeat(TITLE_MAX + 1)).checked().is_err());
    }
}
