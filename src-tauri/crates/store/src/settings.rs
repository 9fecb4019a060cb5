//! The DLM's preferences, one record in the `settings` tree.

use atelier_core::Settings;

use crate::envelope::{decode, encode};
use crate::{Result, Store};

const KEY: &[u8] = b"settings";

impl Store {
    /// The saved preferences, or the defaults when none were saved.
    pub fn settings(&self) -> Result<Settings> {
        match self.settings.get(KEY)? {
            Some(bytes) => decode(&bytes),
            None => Ok(Settings::default()),
        }
    }

    /// Saves the preferences, then flushes.
    pub fn put_settings(&self, settings: &Settings) -> Result<()> {
        self.settings.insert(KEY, encode(settings)?)?;
        self.flush()
    }
}
