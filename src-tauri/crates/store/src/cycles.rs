//! A project's short cycles and its task board.

use atelier_core::search::SearchKind;
use atelier_core::{Cycle, CycleId, ProjectId, Task, TaskId};

use crate::children::{self, child_key};
use crate::{Result, Store, StoreError};

impl Store {
    /// The project's cycles, in key (creation) order.
    pub fn cycles(&self, project: ProjectId) -> Result<Vec<Cycle>> {
        children::list(self, &self.cycles, project.as_bytes())
    }

    /// Writes a cycle, then flushes.
    pub fn put_cycle(&self, cycle: &Cycle) -> Result<()> {
        self.writable()?;
        children::put_all(&self.cycles, cycle.project.as_bytes(), [(cycle.id.as_bytes(), cycle)])?;
        self.flush()
    }

    /// Deletes a cycle and writes the tasks it leaves (their cycle
    /// cleared) in one transaction, then flushes.
    pub fn delete_cycle(&self, project: ProjectId, cycle: CycleId, released: &[Task]) -> Result<()> {
        self.writable()?;
        let key = child_key(project.as_bytes(), cycle.as_bytes());
        let encoded: Vec<([u8; 32], Vec<u8>)> = released
            .iter()
            .map(|t| {
                Ok((
                    child_key(project.as_bytes(), t.id.as_bytes()),
                    crate::envelope::encode(t)?,
                ))
            })
            .collect::<Result<_>>()?;
        use sled::transaction::{ConflictableTransactionError, Transactional};
        (&self.cycles, &self.tasks)
            .transaction(|(cycles, tasks)| {
                cycles
                    .remove(&key[..])?
                    .ok_or(ConflictableTransactionError::Abort(StoreError::NotFound))?;
                for (k, v) in &encoded {
                    tasks.insert(&k[..], v.as_slice())?;
                }
                Ok(())
            })
            .map_err(StoreError::from)?;
        self.flush()?;
        self.search.put(released);
        Ok(())
    }

    /// The project's tasks, in key (creation) order.
    pub fn tasks(&self, project: ProjectId) -> Result<Vec<Task>> {
        children::list(self, &self.tasks, project.as_bytes())
    }

    /// Writes tasks of one project in one atomic batch, then flushes.
    pub fn put_tasks(&self, project: ProjectId, tasks: &[Task]) -> Result<()> {
        self.writable()?;
        children::put_all(
            &self.tasks,
            project.as_bytes(),
            tasks.iter().map(|t| (t.id.as_bytes(), t)),
        )?;
        self.flush()?;
        self.search.put(tasks);
        Ok(())
    }

    /// Deletes a task, then flushes.
    pub fn delete_task(&self, project: ProjectId, task: TaskId) -> Result<()> {
        self.writable()?;
        self.tasks
            .remove(child_key(project.as_bytes(), task.as_bytes()))?
            .ok_or(StoreError::NotFound)?;
        self.flush()?;
        self.search.forget(SearchKind::Task, [task.0]);
        Ok(())
    }
}
