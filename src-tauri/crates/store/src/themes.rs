//! The modality and technology themes on the radar.

use atelier_core::theme::RadarTheme;
use atelier_core::ThemeId;

use crate::envelope::encode;
use crate::{Result, Store, StoreError};

impl Store {
    /// Every theme, in creation order.
    pub fn themes(&self) -> Result<Vec<RadarTheme>> {
        self.read_all(&self.themes, self.themes.iter())
    }

    /// One theme; `NotFound` when absent.
    pub fn theme(&self, id: ThemeId) -> Result<RadarTheme> {
        let bytes = self.themes.get(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        self.read_one(&self.themes, id.as_bytes(), &bytes)
    }

    /// Writes a theme, then flushes.
    pub fn put_theme(&self, theme: &RadarTheme) -> Result<()> {
        self.writable()?;
        self.themes.insert(theme.id.as_bytes(), encode(theme)?)?;
        self.flush()
    }

    /// Deletes a theme, then flushes.
    pub fn delete_theme(&self, id: ThemeId) -> Result<()> {
        self.writable()?;
        self.themes.remove(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        self.flush()
    }

    /// How many themes there are.
    pub fn theme_count(&self) -> usize {
        self.themes.len()
    }
}
