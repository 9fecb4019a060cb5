//! Tasks: who does what by when, on a board of four columns. A task not
//! done by its due date is overdue, and the project and the portfolio say so.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{CycleId, ProjectId, TaskId};
use crate::limits::TITLE_MAX;
use crate::person::PersonRef;
use crate::phase::Phase;
use crate::validation::{check_date, check_required, ValidationError};

use crate::choices::every_variant;

/// A board column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    Todo,
    Doing,
    Blocked,
    Done,
}

every_variant!(TaskStatus {
    Todo,
    Doing,
    Blocked,
    Done
});

/// What the DLM types for a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct TaskDraft {
    pub title: String,
    pub owner: Option<PersonRef>,
    pub due: Option<NaiveDate>,
    pub status: TaskStatus,
    pub phase: Option<Phase>,
    pub cycle: Option<CycleId>,
}

/// A task of one project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Task {
    pub id: TaskId,
    pub project: ProjectId,
    pub fields: TaskDraft,
    /// Position within its board column (lower first).
    pub rank: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TaskDraft {
    fn normalized(mut self) -> Self {
        self.title = self.title.trim().to_owned();
        self.owner = PersonRef::normalized(self.owner);
        self
    }

    /// Every rule the draft breaks. `cycle_exists` tells whether a cycle
    /// id belongs to the project.
    pub fn validate(&self, cycle_exists: impl Fn(CycleId) -> bool) -> Vec<ValidationError> {
        let mut errors: Vec<ValidationError> = Vec::new();
        errors.extend(check_required("title", &self.title, TITLE_MAX));
        errors.extend(PersonRef::check("owner", &self.owner));
        errors.extend(check_date("due", self.due));
        if let Some(cycle) = self.cycle {
            if !cycle_exists(cycle) {
                errors.push(ValidationError::new("cycle", crate::validation::Rule::Required));
            }
        }
        errors
    }
}

impl Task {
    /// A new task at the end of its column.
    pub fn create(
        project: ProjectId,
        draft: TaskDraft,
        rank: u32,
        cycle_exists: impl Fn(CycleId) -> bool,
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<ValidationError>> {
        let fields = draft.normalized();
        let errors = fields.validate(cycle_exists);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            id: TaskId::new(),
            project,
            fields,
            rank,
            created_at: now,
            updated_at: now,
        })
    }

    /// Replaces the task's fields.
    pub fn edit(
        &mut self,
        draft: TaskDraft,
        cycle_exists: impl Fn(CycleId) -> bool,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<ValidationError>> {
        let fields = draft.normalized();
        let errors = fields.validate(cycle_exists);
        if !errors.is_empty() {
            return Err(errors);
        }
        self.fields = fields;
        self.updated_at = now;
        Ok(())
    }

    /// Not done and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.fields.status != TaskStatus::Done && self.fields.due.is_some_and(|due| due < today)
    }
}

/// Moves `task` into `status` at `index` within that column, renumbering
/// the column so ranks stay 0, 1, 2… Returns every task whose rank or
/// status changed, for the store to write in one batch.
pub fn move_task(
    tasks: &[Task],
    task: TaskId,
    status: TaskStatus,
    index: usize,
    now: DateTime<Utc>,
) -> Option<Vec<Task>> {
    let moving = tasks.iter().find(|t| t.id == task)?.clone();
    let mut column: Vec<Task> = tasks
        .iter()
        .filter(|t| t.fields.status == status && t.id != task)
        .cloned()
        .collect();
    column.sort_by_key(|t| (t.rank, t.created_at));
    let mut moved = moving;
    moved.fields.status = status;
    moved.updated_at = now;
    column.insert(index.min(column.len()), moved);
    let mut changed = Vec::new();
    for (rank, mut t) in column.into_iter().enumerate() {
        let rank = u32::try_from(rank).unwrap_or(u32::MAX);
        let original = tasks.iter().find(|o| o.id == t.id);
        if original.is_some_and(|o| o.rank == rank && o.fields.status == t.fields.status) {
            continue;
        }
        t.rank = rank;
        changed.push(t);
    }
    Some(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn task(title: &str, status: TaskStatus, rank: u32) -> Task {
        let draft = TaskDraft {
            title: title.into(),
            status,
            ..Default::default()
        };
        Task::create(ProjectId::new(), draft, rank, |_| true, Utc::now()).expect("valid")
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, d).expect("date")
    }

    #[test]
    fn overdue_means_not_done_and_past_due() {
        let mut t = task("Interviews", TaskStatus::Doing, 0);
        assert!(!t.is_overdue(day(10)));
        t.fields.due = Some(day(9));
        assert!(t.is_overdue(day(10)));
        assert!(!t.is_overdue(day(9)));
        t.fields.status = TaskStatus::Done;
        assert!(!t.is_overdue(day(10)));
    }

    #[test]
    fn a_title_is_required_and_the_cycle_must_exist() {
        let draft = TaskDraft {
            title: " ".into(),
            cycle: Some(CycleId::new()),
            ..Default::default()
        };
        let fields: Vec<String> = draft.validate(|_| false).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "cycle"]);
    }

    #[test]
    fn moving_to_another_column_renumbers_it() {
        let a = task("a", TaskStatus::Todo, 0);
        let b = task("b", TaskStatus::Doing, 0);
        let c = task("c", TaskStatus::Doing, 1);
        let tasks = [a.clone(), b.clone(), c.clone()];
        let changed = move_task(&tasks, a.id, TaskStatus::Doing, 1, Utc::now()).expect("known task");
        let view: Vec<(String, TaskStatus, u32)> = changed
            .iter()
            .map(|t| (t.fields.title.clone(), t.fields.status, t.rank))
            .collect();
        assert_eq!(
            view,
            [("a".into(), TaskStatus::Doing, 1), ("c".into(), TaskStatus::Doing, 2)]
        );
        assert!(move_task(&tasks, TaskId::new(), TaskStatus::Done, 0, Utc::now()).is_none());
    }

    proptest! {
        #[test]
        fn after_a_move_every_column_is_ranked_without_gaps(n in 1usize..12, pick in 0usize..12, to in 0usize..4, index in 0usize..15) {
            let mut tasks: Vec<Task> = (0..n).map(|i| task(&format!("t{i}"), TaskStatus::ALL[i % 4], (i / 4) as u32)).collect();
            let id = tasks[pick % n].id;
            let changed = move_task(&tasks, id, TaskStatus::ALL[to], index, Utc::now()).expect("known task");
            for c in changed {
                if let Some(t) = tasks.iter_mut().find(|t| t.id == c.id) { *t = c; }
            }
            for status in TaskStatus::ALL {
                let mut ranks: Vec<u32> = tasks.iter().filter(|t| t.fields.status == status).map(|t| t.rank).collect();
                ranks.sort_unstable();
                if status == TaskStatus::ALL[to] {
                    let expected: Vec<u32> = (0..ranks.len() as u32).collect();
                    prop_assert_eq!(ranks, expected);
                }
            }
            prop_assert_eq!(tasks.iter().find(|t| t.id == id).map(|t| t.fields.status), Some(TaskStatus::ALL[to]));
        }
    }
}
