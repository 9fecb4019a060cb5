//! A project's design workspace: phase state, artefacts, short cycles and tasks.

use atelier_core::{
    Activity, ActivityId, Artefact, ArtefactId, Cycle, CycleId, ProjectId, ProjectWorkspace, Task, TaskId,
};

use crate::envelope::encode;

use crate::children::{self, child_key};
use crate::{Result, Store, StoreError};

impl Store {
    /// The project's cycles, in key (creation) order.
    pub fn cycles(&self, project: ProjectId) -> Result<Vec<Cycle>> {
        children::list(self, &self.cycles, project.as_bytes())
    }

    /// Writes a cycle, then flushes.
    pub fn put_cycle(&self, cycle: &Cycle) -> Result<()> {
        children::put_all(&self.cycles, cycle.project.as_bytes(), [(cycle.id.as_bytes(), cycle)])?;
        self.flush()
    }

    /// Deletes a cycle and writes the tasks it leaves (their cycle
    /// cleared) in one transaction, then flushes.
    pub fn delete_cycle(&self, project: ProjectId, cycle: CycleId, released: &[Task]) -> Result<()> {
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
        self.flush()
    }

    /// The project's tasks, in key (creation) order.
    pub fn tasks(&self, project: ProjectId) -> Result<Vec<Task>> {
        children::list(self, &self.tasks, project.as_bytes())
    }

    /// Writes tasks of one project in one atomic batch, then flushes.
    pub fn put_tasks(&self, project: ProjectId, tasks: &[Task]) -> Result<()> {
        children::put_all(
            &self.tasks,
            project.as_bytes(),
            tasks.iter().map(|t| (t.id.as_bytes(), t)),
        )?;
        self.flush()
    }

    /// Deletes a task, then flushes.
    pub fn delete_task(&self, project: ProjectId, task: TaskId) -> Result<()> {
        self.tasks
            .remove(child_key(project.as_bytes(), task.as_bytes()))?
            .ok_or(StoreError::NotFound)?;
        self.flush()
    }

    /// The project's design-thinking state, or the default for a project
    /// that has none saved yet.
    pub fn workspace(&self, project: ProjectId) -> Result<ProjectWorkspace> {
        match self.workspaces.get(project.as_bytes())? {
            Some(bytes) => self.read_one(&self.workspaces, project.as_bytes(), &bytes),
            None => Ok(ProjectWorkspace::default()),
        }
    }

    /// Saves the design-thinking state, then flushes.
    pub fn put_workspace(&self, project: ProjectId, workspace: &ProjectWorkspace) -> Result<()> {
        self.workspaces.insert(project.as_bytes(), encode(workspace)?)?;
        self.flush()
    }

    /// The project's artefacts, in creation order.
    pub fn artefacts(&self, project: ProjectId) -> Result<Vec<Artefact>> {
        children::list(self, &self.artefacts, project.as_bytes())
    }

    /// Writes an artefact, then flushes.
    pub fn put_artefact(&self, artefact: &Artefact) -> Result<()> {
        children::put_all(
            &self.artefacts,
            artefact.project.as_bytes(),
            [(artefact.id.as_bytes(), artefact)],
        )?;
        self.flush()
    }

    /// Deletes an artefact and saves the workspace without its votes, in
    /// one transaction, then flushes.
    pub fn delete_artefact(&self, project: ProjectId, id: ArtefactId, workspace: &ProjectWorkspace) -> Result<()> {
        let key = child_key(project.as_bytes(), id.as_bytes());
        let state = encode(workspace)?;
        use sled::transaction::{ConflictableTransactionError, Transactional};
        (&self.artefacts, &self.workspaces)
            .transaction(|(artefacts, workspaces)| {
                artefacts
                    .remove(&key[..])?
                    .ok_or(ConflictableTransactionError::Abort(StoreError::NotFound))?;
                workspaces.insert(project.as_bytes(), state.as_slice())?;
                Ok(())
            })
            .map_err(StoreError::from)?;
        self.flush()
    }

    /// The project's learning-path activities, in key (creation) order.
    pub fn activities(&self, project: ProjectId) -> Result<Vec<Activity>> {
        children::list(self, &self.activities, project.as_bytes())
    }

    /// Writes activities of one project in one atomic batch, then flushes.
    pub fn put_activities(&self, project: ProjectId, activities: &[Activity]) -> Result<()> {
        children::put_all(
            &self.activities,
            project.as_bytes(),
            activities.iter().map(|a| (a.id.as_bytes(), a)),
        )?;
        self.flush()
    }

    /// Deletes an activity and writes the renumbered rest in one
    /// transaction, then flushes.
    pub fn delete_activity(&self, project: ProjectId, id: ActivityId, renumbered: &[Activity]) -> Result<()> {
        let key = child_key(project.as_bytes(), id.as_bytes());
        let rest: Vec<([u8; 32], Vec<u8>)> = renumbered
            .iter()
            .map(|a| Ok((child_key(project.as_bytes(), a.id.as_bytes()), encode(a)?)))
            .collect::<Result<_>>()?;
        self.activities
            .transaction(|tree| {
                tree.remove(&key[..])?
                    .ok_or(sled::transaction::ConflictableTransactionError::Abort(
                        StoreError::NotFound,
                    ))?;
                for (k, v) in &rest {
                    tree.insert(&k[..], v.as_slice())?;
                }
                Ok(())
            })
            .map_err(StoreError::from)?;
        self.flush()
    }
}
