//! The DLM's preferences, one record in the `settings` tree.

use atelier_core::scorecard::{default_criteria, Criterion};
use atelier_core::Settings;

use crate::envelope::encode;
use crate::{Result, Store};

const KEY: &[u8] = b"settings";
const CRITERIA_KEY: &[u8] = b"scorecard_criteria";

impl Store {
    /// The saved preferences, or the defaults when none were saved (or the
    /// saved ones cannot be read: noted, and the app still starts).
    pub fn settings(&self) -> Result<Settings> {
        match self.settings.get(KEY)? {
            Some(bytes) => Ok(self.read_one(&self.settings, KEY, &bytes).unwrap_or_default()),
            None => Ok(Settings::default()),
        }
    }

    /// Saves the preferences, then flushes.
    pub fn put_settings(&self, settings: &Settings) -> Result<()> {
        self.writable()?;
        self.settings.insert(KEY, encode(settings)?)?;
        self.flush()
    }

    /// The scorecard criteria of the vendor watch, or the defaults.
    pub fn criteria(&self) -> Result<Vec<Criterion>> {
        match self.settings.get(CRITERIA_KEY)? {
            Some(bytes) => Ok(self
                .read_one(&self.settings, CRITERIA_KEY, &bytes)
                .unwrap_or_else(|_| default_criteria())),
            None => Ok(default_criteria()),
        }
    }

    /// Saves the scorecard criteria, then flushes.
    pub fn put_criteria(&self, criteria: &[Criterion]) -> Result<()> {
        self.writable()?;
        self.settings.insert(CRITERIA_KEY, encode(criteria)?)?;
        self.flush()?;
        self.registry.rescore(criteria);
        Ok(())
    }
}
