//! Vendors engaged on projects. Engagements are a project's child records
//! (keyed `project ++ engagement`), so they leave with the project when it
//! is purged; the vendor's side is a scan of the whole tree, which stays
//! small (a DLM signs tens of contracts a year, not thousands).

use atelier_core::{Engagement, EngagementId, ProjectId, VendorId};

use crate::children::{self, child_key};
use crate::{Result, Store, StoreError};

impl Store {
    /// A project's engagements, in creation order.
    pub fn engagements(&self, project: ProjectId) -> Result<Vec<Engagement>> {
        children::list(self, &self.engagements, project.as_bytes())
    }

    /// Every engagement of one vendor, across projects (trashed ones included).
    pub fn vendor_engagements(&self, vendor: VendorId) -> Result<Vec<Engagement>> {
        let all: Vec<Engagement> = self.read_all(&self.engagements, self.engagements.iter())?;
        Ok(all.into_iter().filter(|e| e.fields.vendor == vendor).collect())
    }

    /// One engagement; `NotFound` when absent.
    pub fn engagement(&self, project: ProjectId, id: EngagementId) -> Result<Engagement> {
        children::get(self, &self.engagements, project.as_bytes(), id.as_bytes())
    }

    /// Writes an engagement, then flushes.
    pub fn put_engagement(&self, engagement: &Engagement) -> Result<()> {
        self.writable()?;
        children::put_all(
            &self.engagements,
            engagement.project.as_bytes(),
            [(engagement.id.as_bytes(), engagement)],
        )?;
        self.flush()
    }

    /// Deletes an engagement, then flushes.
    pub fn delete_engagement(&self, project: ProjectId, id: EngagementId) -> Result<()> {
        self.writable()?;
        self.engagements
            .remove(child_key(project.as_bytes(), id.as_bytes()))?
            .ok_or(StoreError::NotFound)?;
        self.flush()
    }
}
