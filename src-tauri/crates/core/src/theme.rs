//! Modality and technology themes the DLM watches beside the vendors
//! ("generative AI tutors", "VR for safety training"): each has a radar
//! sector and a buzz-or-trend judgement of its own.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::ThemeId;
use crate::limits::TITLE_MAX;
use crate::radar::{Family, Judgement};
use crate::validation::{check_required, Draft, ValidationError};

/// Themes on one radar.
pub const THEMES_MAX: usize = 200;

/// What the DLM types about a theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct RadarThemeDraft {
    pub name: String,
    /// The radar sector it belongs to.
    pub family: Family,
    pub judgement: Judgement,
}

/// A watched theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RadarTheme {
    pub id: ThemeId,
    pub fields: RadarThemeDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Draft for RadarThemeDraft {
    fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.judgement = self.judgement.normalized();
        self
    }

    fn validate(&self) -> Vec<ValidationError> {
        let mut e: Vec<ValidationError> = check_required("name", &self.name, TITLE_MAX).into_iter().collect();
        e.extend(self.judgement.validate());
        e
    }
}

impl RadarTheme {
    /// A new theme. Refuses a blank name or a judgement out of bounds.
    pub fn create(draft: RadarThemeDraft, now: DateTime<Utc>) -> Result<Self, Vec<ValidationError>> {
        Ok(Self {
            id: ThemeId::new(),
            fields: draft.checked()?,
            created_at: now,
            updated_at: now,
        })
    }

    pub fn edit(&mut self, draft: RadarThemeDraft, now: DateTime<Utc>) -> Result<(), Vec<ValidationError>> {
        self.fields = draft.checked()?;
        self.updated_at = now;
        Ok(())
    }
}
