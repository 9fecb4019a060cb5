//! A project's learning path: the activities of its modality mix.

use atelier_core::{Activity, ActivityId, ProjectId};

use crate::children::{self, child_key};
use crate::envelope::encode;
use crate::{Result, Store, StoreError};

impl Store {
    /// The project's learning-path activities, in key (creation) order.
    pub fn activities(&self, project: ProjectId) -> Result<Vec<Activity>> {
        children::list(self, &self.activities, project.as_bytes())
    }

    /// Writes activities of one project in one atomic batch, then flushes.
    pub fn put_activities(&self, project: ProjectId, activities: &[Activity]) -> Result<()> {
        self.writable()?;
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
        self.writable()?;
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
