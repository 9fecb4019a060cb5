//! Each project's IT readiness checklist, keyed by the project's id.

use atelier_core::it_readiness::ItChecklist;
use atelier_core::ProjectId;

use crate::envelope::encode;
use crate::{Result, Store};

impl Store {
    /// The project's checklist, if one was saved.
    pub fn it_checklist(&self, project: ProjectId) -> Result<Option<ItChecklist>> {
        match self.it_readiness.get(project.as_bytes())? {
            Some(bytes) => Ok(Some(self.read_one(&self.it_readiness, project.as_bytes(), &bytes)?)),
            None => Ok(None),
        }
    }

    /// Every saved checklist, trashed projects' included.
    pub fn it_checklists(&self) -> Result<Vec<ItChecklist>> {
        self.read_all(&self.it_readiness, self.it_readiness.iter())
    }

    /// Saves a project's checklist, then flushes.
    pub fn put_it_checklist(&self, list: &ItChecklist) -> Result<()> {
        self.writable()?;
        self.it_readiness.insert(list.project.as_bytes(), encode(list)?)?;
        self.flush()
    }
}
