//! The project brief a DLM exports every week: which sections it holds
//! and in which language, remembered per project so that next week's
//! export is one click.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::choices::every_variant;
use crate::ids::ProjectId;
use crate::samples::Lang;

/// A section of the brief, in the brief's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BriefSection {
    /// Title, sponsor, dates, status, health.
    Cover,
    /// The business need and the objectives.
    Need,
    Audience,
    /// Personas, journey, "how might we", shortlisted ideas, pilot decisions.
    Design,
    /// Cycles and milestones.
    Cycles,
    /// The modality mix and its 70-20-10 chart.
    Mix,
    /// Budget with the vendors' engagements.
    Budget,
    Raci,
    ItReadiness,
    Campaign,
    /// The hand-off package and its readiness score.
    Handoff,
    /// The evaluation plan, results and ROI.
    Evaluation,
}

every_variant!(BriefSection {
    Cover,
    Need,
    Audience,
    Design,
    Cycles,
    Mix,
    Budget,
    Raci,
    ItReadiness,
    Campaign,
    Handoff,
    Evaluation
});

/// The file format of a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BriefFormat {
    Pdf,
    Docx,
    Markdown,
}

every_variant!(BriefFormat { Pdf, Docx, Markdown });

impl BriefFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            BriefFormat::Pdf => "pdf",
            BriefFormat::Docx => "docx",
            BriefFormat::Markdown => "md",
        }
    }
}

/// The portfolio report's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// A table for Excel or LibreOffice.
    Csv,
    /// A one-page summary.
    Pdf,
}

impl ReportFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Csv => "csv",
            ReportFormat::Pdf => "pdf",
        }
    }
}

/// What the DLM chose for a project's brief the last time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BriefChoice {
    pub project: ProjectId,
    /// The sections ticked, in the brief's order, each once.
    pub sections: Vec<BriefSection>,
    pub lang: Lang,
    pub updated_at: DateTime<Utc>,
}

impl BriefChoice {
    /// Every section, in `lang`: what a first export offers.
    pub fn new(project: ProjectId, lang: Lang, now: DateTime<Utc>) -> Self {
        Self {
            project,
            sections: BriefSection::ALL.to_vec(),
            lang,
            updated_at: now,
        }
    }

    /// Sets the sections (put in the brief's order, each once) and the
    /// language.
    pub fn choose(&mut self, mut sections: Vec<BriefSection>, lang: Lang, now: DateTime<Utc>) {
        sections.sort();
        sections.dedup();
        self.sections = sections;
        self.lang = lang;
        self.updated_at = now;
    }

    /// Whether `section` is ticked.
    pub fn includes(&self, section: BriefSection) -> bool {
        self.sections.contains(&section)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sections_are_kept_in_the_brief_s_order_once_each() {
        let mut c = BriefChoice::new(ProjectId::new(), Lang::Fr, Utc::now());
        assert_eq!(c.sections.len(), 12, "a first export offers everything");
        c.choose(
            vec![BriefSection::Budget, BriefSection::Cover, BriefSection::Budget],
            Lang::En,
            Utc::now(),
        );
        assert_eq!(c.sections, [BriefSection::Cover, BriefSection::Budget]);
        assert!(c.includes(BriefSection::Cover) && !c.includes(BriefSection::Raci));
        assert_eq!(c.lang, Lang::En);
    }
}
