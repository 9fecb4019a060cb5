//! Project templates: a whole project plan — fields, expected artefacts,
//! a cycle plan, tasks and a learning path — that a new project starts
//! from. Dates are kept as offsets from the project's start, so a template
//! can start on any day. Duplicating a project is capturing it as a
//! template and starting a new project from that at the same dates.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::cycle::{Cycle, CycleDraft};
use crate::design::DesignState;
use crate::ids::{CycleId, TemplateId};
use crate::limits::{LONG_TEXT_MAX, TITLE_MAX};
use crate::mix::{Activity, ActivityDraft};
use crate::person::PersonRef;
use crate::phase::{Phase, PhasePlan};
use crate::project::{Project, ProjectDraft};
use crate::task::{Task, TaskDraft, TaskStatus};
use crate::validation::{check_len, check_required, ValidationError};

/// A cycle in a template: when it starts after the project does, how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CycleSeed {
    pub goal: String,
    pub offset_days: u32,
    pub length_days: u32,
    pub phase_focus: Option<Phase>,
}

/// A task in a template, its due date as an offset and its cycle by index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TaskSeed {
    pub title: String,
    pub owner: Option<PersonRef>,
    pub phase: Option<Phase>,
    pub due_offset_days: Option<u32>,
    pub cycle: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Template {
    pub id: TemplateId,
    pub name: String,
    pub description: String,
    pub builtin: bool,
    /// The project's fields; its dates are ignored (see `length_days`).
    pub project: ProjectDraft,
    /// Days from start to end of the project, when the template has dates.
    pub length_days: Option<u32>,
    pub plan: Vec<PhasePlan>,
    pub cycles: Vec<CycleSeed>,
    pub tasks: Vec<TaskSeed>,
    pub activities: Vec<ActivityDraft>,
    pub created_at: DateTime<Utc>,
}

/// Everything a new project is made of, written in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectBundle {
    pub project: Project,
    pub design: DesignState,
    pub cycles: Vec<Cycle>,
    pub tasks: Vec<Task>,
    pub activities: Vec<Activity>,
}

fn plus(day: NaiveDate, days: u32) -> NaiveDate {
    day.checked_add_days(Days::new(u64::from(days))).unwrap_or(day)
}

impl Template {
    /// Checks the name the DLM gives a template they save.
    pub fn check_name(name: &str, description: &str) -> Vec<ValidationError> {
        let mut e: Vec<ValidationError> = Vec::new();
        e.extend(check_required("name", name, TITLE_MAX));
        e.extend(check_len("description", description, LONG_TEXT_MAX));
        e
    }

    /// Captures a project's plan as a template. Cycle and due dates become
    /// offsets from the project's start (or from its first cycle when it
    /// has no start date); tasks are captured as to do.
    pub fn capture(
        name: &str,
        description: &str,
        bundle: &ProjectBundle,
        now: DateTime<Utc>,
    ) -> Result<Template, Vec<ValidationError>> {
        let errors = Self::check_name(name, description);
        if !errors.is_empty() {
            return Err(errors);
        }
        let p = &bundle.project.fields;
        let mut cycles = bundle.cycles.clone();
        cycles.sort_by_key(|c| c.fields.start);
        let origin = p.start_date.or_else(|| cycles.first().map(|c| c.fields.start));
        let offset = |day: NaiveDate| origin.map(|o| u32::try_from((day - o).num_days().max(0)).unwrap_or(0));
        let mut activities = bundle.activities.clone();
        activities.sort_by_key(|a| a.position);
        Ok(Template {
            id: TemplateId::new(),
            name: name.trim().to_owned(),
            description: description.trim().to_owned(),
            builtin: false,
            project: ProjectDraft {
                start_date: None,
                end_date: None,
                ..p.clone()
            },
            length_days: match (p.start_date, p.end_date) {
                (Some(s), Some(e)) => u32::try_from((e - s).num_days()).ok(),
                _ => None,
            },
            plan: bundle.design.plan.clone(),
            cycles: cycles
                .iter()
                .map(|c| CycleSeed {
                    goal: c.fields.goal.clone(),
                    offset_days: offset(c.fields.start).unwrap_or(0),
                    length_days: u32::try_from(c.fields.days()).unwrap_or(7),
                    phase_focus: c.fields.phase_focus,
                })
                .collect(),
            tasks: bundle
                .tasks
                .iter()
                .map(|t| TaskSeed {
                    title: t.fields.title.clone(),
                    owner: t.fields.owner.clone(),
                    phase: t.fields.phase,
                    due_offset_days: t.fields.due.and_then(offset),
                    cycle: t
                        .fields
                        .cycle
                        .and_then(|id| cycles.iter().position(|c| c.id == id))
                        .and_then(|i| u32::try_from(i).ok()),
                })
                .collect(),
            activities: activities.into_iter().map(|a| a.fields).collect(),
            created_at: now,
        })
    }

    /// A new project from this template, titled `title`, starting `start`.
    /// Refuses a title that breaks the project rules.
    pub fn instantiate(
        &self,
        title: &str,
        start: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ProjectBundle, Vec<ValidationError>> {
        let draft = ProjectDraft {
            title: title.to_owned(),
            start_date: Some(start),
            end_date: self.length_days.map(|d| plus(start, d)),
            ..self.project.clone()
        };
        let project = Project::create(draft, now)?;
        let mut cycles: Vec<Cycle> = Vec::new();
        for seed in &self.cycles {
            let draft = CycleDraft {
                goal: seed.goal.clone(),
                start: plus(start, seed.offset_days),
                end: plus(start, seed.offset_days + seed.length_days.saturating_sub(1)),
                phase_focus: seed.phase_focus,
                review_note: String::new(),
            };
            cycles.push(Cycle::create(project.id, draft, &cycles, now)?);
        }
        let cycle_ids: Vec<CycleId> = cycles.iter().map(|c| c.id).collect();
        let tasks = self
            .tasks
            .iter()
            .enumerate()
            .map(|(rank, seed)| {
                let draft = TaskDraft {
                    title: seed.title.clone(),
                    owner: seed.owner.clone(),
                    due: seed.due_offset_days.map(|d| plus(start, d)),
                    status: TaskStatus::Todo,
                    phase: seed.phase,
                    cycle: seed.cycle.and_then(|i| cycle_ids.get(i as usize).copied()),
                };
                Task::create(
                    project.id,
                    draft,
                    u32::try_from(rank).unwrap_or(u32::MAX),
                    |c| cycle_ids.contains(&c),
                    now,
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let activities = self
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| Activity::create(project.id, a.clone(), u32::try_from(i).unwrap_or(u32::MAX), now))
            .collect::<Result<Vec<_>, _>>()?;
        let design = DesignState {
            plan: self.plan.clone(),
            ..DesignState::default()
        };
        Ok(ProjectBundle {
            project,
            design,
            cycles,
            tasks,
            activities,
        })
    }
}

/// A copy of a project's plan as a new project at the same dates: its
/// fields, expected artefacts, cycles, tasks (back to do) and learning
/// path; the research artefacts and votes stay with the original.
pub fn duplicate(
    original: &ProjectBundle,
    title: &str,
    now: DateTime<Utc>,
) -> Result<ProjectBundle, Vec<ValidationError>> {
    let template = Template::capture("copy", "", original, now)?;
    let start = original
        .project
        .fields
        .start_date
        .or_else(|| original.cycles.iter().map(|c| c.fields.start).min())
        .unwrap_or_else(|| now.date_naive());
    let mut copy = template.instantiate(title, start, now)?;
    if original.project.fields.start_date.is_none() {
        copy.project.fields.start_date = None;
        copy.project.fields.end_date = None;
    }
    Ok(copy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin_templates::builtin_templates;
    use crate::samples::Lang;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn capture_then_instantiate_shifts_every_date() {
        let now = Utc::now();
        let template = &builtin_templates(Lang::En, now)[0];
        let original = template.instantiate("Cohort 1", day(2027, 1, 4), now).expect("valid");
        let saved = Template::capture("Our onboarding", "", &original, now).expect("valid name");
        let again = saved.instantiate("Cohort 2", day(2027, 3, 1), now).expect("valid");

        let shift = (day(2027, 3, 1) - day(2027, 1, 4)).num_days();
        assert_eq!(again.project.fields.title, "Cohort 2");
        assert_eq!(again.project.fields.objectives, original.project.fields.objectives);
        for (a, b) in original.cycles.iter().zip(&again.cycles) {
            assert_eq!((b.fields.start - a.fields.start).num_days(), shift);
            assert_eq!(b.fields.days(), a.fields.days());
        }
        for (a, b) in original.tasks.iter().zip(&again.tasks) {
            let (Some(da), Some(db)) = (a.fields.due, b.fields.due) else {
                panic!("due dates kept")
            };
            assert_eq!((db - da).num_days(), shift);
            let index =
                |bundle: &ProjectBundle, t: &Task| bundle.cycles.iter().position(|c| Some(c.id) == t.fields.cycle);
            assert_eq!(index(&original, a), index(&again, b), "tasks stay in the same cycle");
        }
        assert_eq!(again.activities.len(), original.activities.len());
        assert_ne!(again.project.id, original.project.id);
    }

    #[test]
    fn a_duplicate_is_a_fresh_copy_at_the_same_dates() {
        let now = Utc::now();
        let template = &builtin_templates(Lang::Fr, now)[1];
        let mut original = template
            .instantiate("Conformité 2027", day(2027, 2, 1), now)
            .expect("valid");
        original.tasks[0].fields.status = TaskStatus::Done;
        let copy = duplicate(&original, "Conformité 2027 (copie)", now).expect("valid");
        assert_eq!(copy.project.fields.start_date, original.project.fields.start_date);
        assert_eq!(copy.cycles[0].fields.start, original.cycles[0].fields.start);
        assert!(copy.tasks.iter().all(|t| t.fields.status == TaskStatus::Todo));
        assert!(copy.cycles.iter().all(|c| c.project == copy.project.id));
    }

    #[test]
    fn a_saved_template_needs_a_name() {
        let now = Utc::now();
        let bundle = builtin_templates(Lang::En, now)[2]
            .instantiate("P", day(2027, 1, 1), now)
            .expect("valid");
        assert!(Template::capture("  ", "", &bundle, now).is_err());
    }
}
