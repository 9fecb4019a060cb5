//! The DLM's preferences for the app itself.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::samples::Lang;

/// Light, dark, or whatever the operating system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Preferences kept in the database so they follow a restored backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Interface language; `None` follows the operating system.
    pub language: Option<Lang>,
    pub theme: Theme,
}
