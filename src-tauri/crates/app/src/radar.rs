//! Buzz or trend: the DLM's judgement on vendors and themes, and the
//! radar that places them (computed in core, drawn by export).

use std::path::Path;

use atelier_core::limits::TITLE_MAX;
use atelier_core::radar::{family_of, Assessment, Judgement, RadarItemKind};
use atelier_core::theme::{RadarTheme, RadarThemeDraft, THEMES_MAX};
use atelier_core::{Draft, Rule, ThemeId, ValidationError, VendorId};
use atelier_export::radar_layout::{place, RadarItem, RadarLabels, RadarPoint};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::files::write_whole;
use crate::vendors::VendorDetail;
use crate::{Atelier, Result};

/// A theme with where its judgement lands.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ThemeRow {
    pub theme: RadarTheme,
    pub assessment: Assessment,
}

/// The radar as the app shows it: the drawing, the placed items for the
/// accessible list beside it, and what could not be placed.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RadarView {
    /// A standalone SVG document, the same bytes "save" writes.
    pub svg: String,
    pub points: Vec<RadarPoint>,
    /// Judged vendors with no modality, hence no sector.
    pub without_modality: Vec<String>,
    /// Vendors not judged yet.
    pub unjudged: u32,
}

impl Atelier {
    /// Records (or clears, with `None`) a vendor's buzz-or-trend judgement.
    pub fn judge_vendor(&self, id: VendorId, judgement: Option<Judgement>) -> Result<VendorDetail> {
        let mut vendor = self.store.vendor(id)?;
        vendor.judgement = judgement.map(Draft::checked).transpose()?;
        vendor.updated_at = Utc::now();
        self.store.put_vendor(&vendor, None)?;
        self.get_vendor(id)
    }

    /// Every theme with its ring and verdict, by name (accents and case ignored).
    pub fn list_themes(&self) -> Result<Vec<ThemeRow>> {
        let mut themes = self.store.themes()?;
        themes.sort_by_cached_key(|t| atelier_core::text::fold(&t.fields.name));
        Ok(themes
            .into_iter()
            .map(|theme| ThemeRow {
                assessment: theme.fields.judgement.assess(),
                theme,
            })
            .collect())
    }

    /// Adds a theme. Refuses a blank name, a judgement out of bounds, or
    /// more than [`THEMES_MAX`] themes.
    pub fn create_theme(&self, draft: RadarThemeDraft) -> Result<RadarTheme> {
        if self.store.theme_count() >= THEMES_MAX {
            return Err(ValidationError::with_limit("name", Rule::TooMany, THEMES_MAX).into());
        }
        let theme = RadarTheme::create(draft, Utc::now())?;
        self.store.put_theme(&theme)?;
        Ok(theme)
    }

    /// Edits a theme under the same rules.
    pub fn update_theme(&self, id: ThemeId, draft: RadarThemeDraft) -> Result<RadarTheme> {
        let mut theme = self.store.theme(id)?;
        theme.edit(draft, Utc::now())?;
        self.store.put_theme(&theme)?;
        Ok(theme)
    }

    /// Deletes a theme.
    pub fn delete_theme(&self, id: ThemeId) -> Result<()> {
        Ok(self.store.delete_theme(id)?)
    }

    /// Every judged vendor and theme placed on the radar, drawn with the
    /// DLM's words. Refuses labels over the title length limit.
    pub fn radar(&self, labels: &RadarLabels) -> Result<RadarView> {
        check_labels(labels)?;
        let mut items = Vec::new();
        let mut without_modality = Vec::new();
        let mut unjudged = 0;
        for v in self.store.vendors()? {
            match (v.judgement, family_of(&v.fields.modalities)) {
                (None, _) => unjudged += 1,
                (Some(_), None) => without_modality.push(v.fields.name),
                (Some(judgement), Some(family)) => items.push(RadarItem {
                    key: v.id.to_string(),
                    label: v.fields.name,
                    kind: RadarItemKind::Vendor,
                    family,
                    judgement,
                }),
            }
        }
        items.extend(self.store.themes()?.into_iter().map(|t| RadarItem {
            key: t.id.to_string(),
            label: t.fields.name,
            kind: RadarItemKind::Theme,
            family: t.fields.family,
            judgement: t.fields.judgement,
        }));
        let points = place(&items);
        Ok(RadarView {
            svg: atelier_export::radar_svg::render(&points, labels),
            points,
            without_modality,
            unjudged,
        })
    }

    /// Writes the radar's SVG to `path` (chosen by the DLM in a save dialog).
    pub fn save_radar(&self, labels: &RadarLabels, path: &Path) -> Result<()> {
        let view = self.radar(labels)?;
        write_whole(path, view.svg.as_bytes())
    }
}

/// Every word drawn on the radar is a short label.
fn check_labels(labels: &RadarLabels) -> Result<()> {
    match labels
        .words()
        .into_iter()
        .find_map(|l| atelier_core::validation::check_len("labels", l, TITLE_MAX))
    {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}
