//! The portfolio timeline: every live project with dates, and its cycles,
//! earliest first.

use atelier_core::{CycleId, ProjectId, Status};
use chrono::{Local, NaiveDate};
use serde::Serialize;
use specta::Type;

use crate::{Atelier, Result};

/// One cycle as a bar inside its project's row.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TimelineCycle {
    pub id: CycleId,
    pub goal: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub current: bool,
}

/// One project row: its span (its dates, or its cycles' when it has none,
/// stretched to its hand-off date).
#[derive(Debug, Clone, Serialize, Type)]
pub struct TimelineRow {
    pub id: ProjectId,
    pub title: String,
    pub status: Status,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub cycles: Vec<TimelineCycle>,
    /// The day the program changes hands, planned or done.
    pub handoff_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Timeline {
    pub rows: Vec<TimelineRow>,
    pub today: NaiveDate,
}

impl Atelier {
    /// Projects that have a start, an end, cycles or a hand-off date,
    /// sorted by start date, with their cycles. Projects without any date
    /// are left out.
    pub fn portfolio_timeline(&self) -> Result<Timeline> {
        let today = Local::now().date_naive();
        let mut rows = Vec::new();
        for project in self.store.projects() {
            let project = project?;
            let mut cycles = self.store.cycles(project.id)?;
            cycles.sort_by_key(|c| c.fields.start);
            let f = &project.fields;
            let first = cycles.first().map(|c| c.fields.start);
            let last = cycles.iter().map(|c| c.fields.end).max();
            let handoff_on = self.store.handoff(project.id)?.and_then(|h| h.fields.handoff_on);
            let start = [f.start_date, first, f.end_date, handoff_on]
                .into_iter()
                .flatten()
                .min();
            let end = [f.end_date, last, f.start_date, handoff_on].into_iter().flatten().max();
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            rows.push(TimelineRow {
                id: project.id,
                title: f.title.clone(),
                status: project.status,
                start,
                end,
                handoff_on,
                cycles: cycles
                    .into_iter()
                    .map(|c| TimelineCycle {
                        id: c.id,
                        current: c.contains(today),
                        goal: c.fields.goal,
                        start: c.fields.start,
                        end: c.fields.end,
                    })
                    .collect(),
            });
        }
        rows.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.title.cmp(&b.title)));
        Ok(Timeline { rows, today })
    }
}
