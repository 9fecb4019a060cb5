//! A project's short cycles and its task board.

use atelier_core::cycle::current_cycle;
use atelier_core::task::move_task;
use atelier_core::{
    Cycle, CycleDraft, CycleForm, CycleId, ProjectId, SaveOptions, Task, TaskDraft, TaskId, TaskStatus, ValidationError,
};
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use crate::{today, AppError, Atelier, Result};

/// A project's cycles in date order, and which one is running today.
#[derive(Debug, Clone, Serialize, Type)]
pub struct CyclePlan {
    /// Earliest first.
    pub cycles: Vec<PlannedCycle>,
    pub current: Option<CycleId>,
}

/// One cycle as the plan shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlannedCycle {
    pub cycle: Cycle,
    /// 1 for the earliest.
    pub number: u32,
    /// Its length, start and end included.
    pub days: u32,
}

/// A project's tasks by column and rank, and which are overdue today.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TaskBoard {
    pub tasks: Vec<Task>,
    pub overdue: Vec<TaskId>,
    /// The name each owned task's owner goes by: the person's, or the text typed.
    pub owners: Vec<TaskOwner>,
}

/// Who owns one task, by name.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TaskOwner {
    pub task: TaskId,
    pub name: String,
}

impl Atelier {
    /// The project's cycles, earliest first, with the current one.
    /// `NotFound` when the project is not live.
    pub fn list_cycles(&self, project: ProjectId) -> Result<CyclePlan> {
        self.store.project(project)?;
        let mut cycles = self.store.cycles(project)?;
        cycles.sort_by_key(|c| c.fields.start);
        let current = current_cycle(&cycles, today()).map(|c| c.id);
        let cycles = cycles
            .into_iter()
            .zip(1..)
            .map(|(cycle, number)| PlannedCycle {
                days: u32::try_from(cycle.fields.days()).unwrap_or(0),
                number,
                cycle,
            })
            .collect();
        Ok(CyclePlan { cycles, current })
    }

    /// Plans a cycle. Refuses one without dates, shorter than a week,
    /// longer than four weeks, ending before it starts, or overlapping
    /// another cycle, reporting every rule at once. A cycle outside the
    /// project's dates waits for the DLM's confirmation.
    pub fn create_cycle(&self, project: ProjectId, form: CycleForm, save: &SaveOptions) -> Result<Cycle> {
        let dates = self.store.project(project)?.fields;
        let others = self.store.cycles(project)?;
        let draft = judge_cycle(&form, &others, (dates.start_date, dates.end_date), save)?;
        let cycle = Cycle::create(project, draft, &others, Utc::now())?;
        self.store.put_cycle(&cycle)?;
        Ok(cycle)
    }

    /// Edits a cycle under the same rules as [`Atelier::create_cycle`].
    pub fn update_cycle(&self, project: ProjectId, id: CycleId, form: CycleForm, save: &SaveOptions) -> Result<Cycle> {
        let dates = self.store.project(project)?.fields;
        let (mut mine, others): (Vec<Cycle>, Vec<Cycle>) =
            self.store.cycles(project)?.into_iter().partition(|c| c.id == id);
        let mut cycle = mine.pop().ok_or(AppError::NotFound)?;
        let draft = judge_cycle(&form, &others, (dates.start_date, dates.end_date), save)?;
        cycle.edit(draft, &others, Utc::now())?;
        self.store.put_cycle(&cycle)?;
        Ok(cycle)
    }

    /// Deletes a cycle; its tasks stay, no longer in any cycle.
    pub fn delete_cycle(&self, project: ProjectId, id: CycleId) -> Result<()> {
        self.store.project(project)?;
        let now = Utc::now();
        let released: Vec<Task> = self
            .store
            .tasks(project)?
            .into_iter()
            .filter(|t| t.fields.cycle == Some(id))
            .map(|mut t| {
                t.fields.cycle = None;
                t.updated_at = now;
                t
            })
            .collect();
        Ok(self.store.delete_cycle(project, id, &released)?)
    }

    /// The task board: tasks by column then rank, and the overdue ones.
    pub fn list_tasks(&self, project: ProjectId) -> Result<TaskBoard> {
        self.store.project(project)?;
        let mut tasks = self.store.tasks(project)?;
        tasks.sort_by_key(|t| (t.fields.status, t.rank, t.created_at));
        let today = today();
        let overdue = tasks.iter().filter(|t| t.is_overdue(today)).map(|t| t.id).collect();
        let directory = self.store.people()?;
        let owners = tasks
            .iter()
            .filter_map(|t| {
                let name = t.fields.owner.as_ref()?.name(&directory)?;
                Some(TaskOwner {
                    task: t.id,
                    name: name.to_owned(),
                })
            })
            .collect();
        Ok(TaskBoard { tasks, overdue, owners })
    }

    /// Adds a task at the bottom of its column. Refuses a blank title, a
    /// due date outside 2000–2100 or a cycle that is not the project's,
    /// with the fields the form could not read.
    pub fn create_task(&self, project: ProjectId, draft: TaskDraft, save: &SaveOptions) -> Result<Task> {
        self.store.project(project)?;
        let cycles = self.store.cycles(project)?;
        save.judge(self.task_errors(&draft, &cycles)?, Vec::new)?;
        let tasks = self.store.tasks(project)?;
        let rank = next_rank(&tasks, draft.status);
        let task = Task::create(project, draft, rank, |c| cycles.iter().any(|x| x.id == c), Utc::now())?;
        self.store.put_tasks(project, std::slice::from_ref(&task))?;
        Ok(task)
    }

    /// Edits a task under the same rules; a task that changes column goes
    /// to its bottom.
    pub fn update_task(&self, project: ProjectId, id: TaskId, draft: TaskDraft, save: &SaveOptions) -> Result<Task> {
        self.store.project(project)?;
        let cycles = self.store.cycles(project)?;
        save.judge(self.task_errors(&draft, &cycles)?, Vec::new)?;
        let tasks = self.store.tasks(project)?;
        let mut task = tasks.iter().find(|t| t.id == id).cloned().ok_or(AppError::NotFound)?;
        let moved = task.fields.status != draft.status;
        let rank = next_rank(&tasks, draft.status);
        task.edit(draft, |c| cycles.iter().any(|x| x.id == c), Utc::now())?;
        if moved {
            task.rank = rank;
        }
        self.store.put_tasks(project, std::slice::from_ref(&task))?;
        Ok(task)
    }

    /// Moves a task to `status` at position `index` in that column (drag and
    /// drop, or the keyboard), and returns the board.
    pub fn move_task(&self, project: ProjectId, id: TaskId, status: TaskStatus, index: u32) -> Result<TaskBoard> {
        self.store.project(project)?;
        let tasks = self.store.tasks(project)?;
        let changed = move_task(&tasks, id, status, index as usize, Utc::now()).ok_or(AppError::NotFound)?;
        self.store.put_tasks(project, &changed)?;
        self.list_tasks(project)
    }

    /// Deletes a task.
    pub fn delete_task(&self, project: ProjectId, id: TaskId) -> Result<()> {
        self.store.project(project)?;
        Ok(self.store.delete_task(project, id)?)
    }

    /// Every rule the task breaks: its own, a cycle that is not the
    /// project's, an owner no longer in the directory.
    fn task_errors(&self, draft: &TaskDraft, cycles: &[Cycle]) -> Result<Vec<ValidationError>> {
        let mut errors = draft.validate(|c| cycles.iter().any(|x| x.id == c));
        errors.extend(self.check_person_ref("owner", &draft.owner)?);
        Ok(errors)
    }

    /// How many of the project's tasks are overdue today.
    pub(crate) fn overdue_count(&self, project: ProjectId) -> Result<u32> {
        let today = today();
        let n = self
            .store
            .tasks(project)?
            .iter()
            .filter(|t| t.is_overdue(today))
            .count();
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }
}

/// The cycle form judged as a whole: every broken rule with the fields the
/// form could not read, then the cautions against the project's dates.
fn judge_cycle(
    form: &CycleForm,
    others: &[Cycle],
    (start, end): (Option<NaiveDate>, Option<NaiveDate>),
    save: &SaveOptions,
) -> Result<CycleDraft> {
    save.judge(form.validate(others), || {
        form.complete().map_or_else(Vec::new, |d| d.cautions(start, end))
    })?;
    // A sound form has both dates.
    form.complete().ok_or(AppError::Validation(Vec::new()))
}

fn next_rank(tasks: &[Task], status: TaskStatus) -> u32 {
    tasks
        .iter()
        .filter(|t| t.fields.status == status)
        .map(|t| t.rank + 1)
        .max()
        .unwrap_or(0)
}
