//! The project brief: what the export dialog offers (the sections with
//! something to show, the DLM's last choice), a preview, and the file in
//! the chosen format and language.

use std::path::Path;

use atelier_core::brief::{BriefChoice, BriefFormat, BriefSection};
use atelier_core::engagement::sort_engagements;
use atelier_core::samples::Lang;
use atelier_core::ProjectId;
use atelier_export::brief::{build, sections_with_content, BriefInput};
use atelier_export::document::{docx, markdown, pdf, Document};
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use crate::files::write_whole;
use crate::{today, Atelier, Result};

/// What the export dialog shows for one project.
#[derive(Debug, Clone, Serialize, Type)]
pub struct BriefView {
    /// The sections ticked last time (every section the first time), and
    /// the language.
    pub choice: BriefChoice,
    /// The sections the project has something to put in, in order; the
    /// others would come out empty and are not offered.
    pub available: Vec<BriefSection>,
    /// The brief as it stands with that choice, in Markdown.
    pub preview: String,
}

impl Atelier {
    /// The project's brief choice, what it can hold and its preview.
    /// `NotFound` when the project is not live.
    pub fn get_brief(&self, project: ProjectId) -> Result<BriefView> {
        let choice = self.brief_choice(project)?;
        self.brief_view(project, choice)
    }

    /// The preview of `sections` in `lang`, without saving the choice.
    pub fn preview_brief(&self, project: ProjectId, sections: Vec<BriefSection>, lang: Lang) -> Result<BriefView> {
        let mut choice = self.brief_choice(project)?;
        choice.choose(sections, lang, Utc::now());
        self.brief_view(project, choice)
    }

    /// Writes the brief of `sections` in `lang` as `format` to `path` and
    /// remembers the choice for the next export. A file that cannot be
    /// written is named in the error.
    pub fn export_brief(
        &self,
        project: ProjectId,
        format: BriefFormat,
        sections: Vec<BriefSection>,
        lang: Lang,
        path: &Path,
    ) -> Result<()> {
        let mut choice = self.brief_choice(project)?;
        choice.choose(sections, lang, Utc::now());
        let doc = build(&self.brief_input(project, today())?, &choice);
        let bytes = render(&doc, format)?;
        write_whole(path, &bytes)?;
        self.store.put_brief_choice(&choice)?;
        Ok(())
    }

    /// The brief of `project` as `format` in memory (benchmarks and tests).
    pub fn brief_bytes(&self, project: ProjectId, format: BriefFormat, lang: Lang) -> Result<Vec<u8>> {
        let mut choice = self.brief_choice(project)?;
        choice.choose(BriefSection::ALL.to_vec(), lang, Utc::now());
        render(&build(&self.brief_input(project, today())?, &choice), format)
    }

    fn brief_view(&self, project: ProjectId, choice: BriefChoice) -> Result<BriefView> {
        let input = self.brief_input(project, today())?;
        Ok(BriefView {
            available: sections_with_content(&input),
            preview: markdown::write(&build(&input, &choice)),
            choice,
        })
    }

    /// The saved choice, or every section in the DLM's language.
    fn brief_choice(&self, project: ProjectId) -> Result<BriefChoice> {
        self.store.project(project)?;
        match self.store.brief_choice(project)? {
            Some(choice) => Ok(choice),
            None => {
                let lang = self.store.settings()?.language.unwrap_or(Lang::Fr);
                Ok(BriefChoice::new(project, lang, Utc::now()))
            }
        }
    }

    /// Everything the brief may show of the project, from every area, in
    /// the order the screens show it.
    fn brief_input(&self, project: ProjectId, today: NaiveDate) -> Result<BriefInput> {
        let p = self.store.project(project)?;
        let mut cycles = self.store.cycles(project)?;
        cycles.sort_by_key(|c| c.fields.start);
        let mut tasks = self.store.tasks(project)?;
        tasks.sort_by_key(|t| (t.fields.due.unwrap_or(NaiveDate::MAX), t.rank, t.created_at));
        let mut activities = self.store.activities(project)?;
        activities.sort_by_key(|a| a.position);
        let mut engagements = self.store.engagements(project)?;
        sort_engagements(&mut engagements);
        // A vendor whose record cannot be read (damaged data) leaves its
        // contracts in the brief, with no name.
        let vendors = self
            .vendors_by_id()?
            .into_iter()
            .filter(|(id, _)| engagements.iter().any(|e| e.fields.vendor == *id))
            .map(|(id, v)| (id, v.fields.name))
            .collect();
        let mut messages = self.store.messages(project)?;
        messages.sort_by_key(|m| (m.fields.planned.unwrap_or(NaiveDate::MAX), m.created_at));
        let budget = self.budget_overview(&p)?;
        let handoff = match self.store.handoff(project)? {
            Some(h) => {
                let readiness = self.handoff_readiness(&h)?;
                Some((h, readiness))
            }
            None => None,
        };
        let evaluation = self.store.evaluation(project)?.map(|plan| {
            let roi = plan.measured_roi(budget.engaged_cents);
            let levels = plan.levels();
            (plan, levels, roi)
        });
        Ok(BriefInput {
            people: self.store.people()?,
            vendors,
            phase: self.store.design_state(project)?.phase,
            artefacts: self.store.artefacts(project)?,
            cycles,
            tasks,
            activities,
            budget,
            engagements,
            raci: self.store.raci(project)?,
            it: self.store.it_checklist(project)?,
            messages,
            handoff,
            evaluation,
            today,
            project: p,
        })
    }
}

/// The document as `format`.
fn render(doc: &Document, format: BriefFormat) -> Result<Vec<u8>> {
    Ok(match format {
        BriefFormat::Markdown => markdown::write(doc).into_bytes(),
        BriefFormat::Pdf => pdf::write(doc)?,
        BriefFormat::Docx => docx::write(doc, &|chart| pdf::chart_png(chart, doc.lang).ok())?,
    })
}
