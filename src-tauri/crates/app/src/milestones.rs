//! Milestones as a calendar file: one project's, or the whole portfolio's,
//! for the IT department's and the sponsors' calendars.

use std::path::Path;

use atelier_core::samples::Lang;
use atelier_core::ProjectId;
use atelier_export::ics::{self, CalendarEvent};
use atelier_export::milestones::{events, next_milestone, MilestonesInput};
use atelier_export::words::Words;
use chrono::{NaiveDate, Utc};

use crate::files::write_whole;
use crate::{today, Atelier, Result};

impl Atelier {
    /// The calendar of `project` (every live project's when `None`) in
    /// `lang`, as iCalendar text.
    pub fn milestones_ics(&self, project: Option<ProjectId>, lang: Lang) -> Result<String> {
        let w = Words::of(lang);
        let (name, events) = match project {
            Some(id) => {
                let title = self.store.project(id)?.fields.title;
                (
                    w.with("ics.calendar_name", &[("title", &title)]),
                    self.project_events(id, lang)?,
                )
            }
            None => {
                let mut all = Vec::new();
                for p in self.store.projects() {
                    all.extend(self.project_events(p?.id, lang)?);
                }
                (w.t("ics.portfolio_name").to_owned(), all)
            }
        };
        Ok(ics::write(&name, &events, Utc::now()))
    }

    /// Writes the calendar of `project` (the portfolio's when `None`) to
    /// `path`; a file that cannot be written is named in the error.
    pub fn export_milestones(&self, project: Option<ProjectId>, lang: Lang, path: &Path) -> Result<()> {
        let text = self.milestones_ics(project, lang)?;
        write_whole(path, text.as_bytes())
    }

    fn project_events(&self, project: ProjectId, lang: Lang) -> Result<Vec<CalendarEvent>> {
        Ok(events(&self.milestones_input(project)?, lang))
    }

    /// The project's next milestone from today on: its day and what it is.
    pub(crate) fn next_milestone(&self, project: ProjectId, lang: Lang) -> Result<Option<(NaiveDate, String)>> {
        Ok(next_milestone(&self.milestones_input(project)?, lang, today()))
    }

    fn milestones_input(&self, project: ProjectId) -> Result<MilestonesInput> {
        let mut cycles = self.store.cycles(project)?;
        cycles.sort_by_key(|c| c.fields.start);
        Ok(MilestonesInput {
            project: self.store.project(project)?,
            cycles,
            tasks: self.store.tasks(project)?,
            messages: self.store.messages(project)?,
            handoff_on: self.store.handoff(project)?.and_then(|h| h.fields.handoff_on),
            evaluation: self.store.evaluation(project)?,
        })
    }
}
