//! Each project's RACI matrix, keyed by the project's id.

use atelier_core::raci::Raci;
use atelier_core::ProjectId;

use crate::envelope::encode;
use crate::{Result, Store};

impl Store {
    /// The project's matrix, if one was saved.
    pub fn raci(&self, project: ProjectId) -> Result<Option<Raci>> {
        match self.raci.get(project.as_bytes())? {
            Some(bytes) => Ok(Some(self.read_one(&self.raci, project.as_bytes(), &bytes)?)),
            None => Ok(None),
        }
    }

    /// Every saved matrix, trashed projects' included.
    pub fn racis(&self) -> Result<Vec<Raci>> {
        self.read_all(&self.raci, self.raci.iter())
    }

    /// Saves a project's matrix, then flushes.
    pub fn put_raci(&self, raci: &Raci) -> Result<()> {
        self.writable()?;
        self.raci.insert(raci.project.as_bytes(), encode(raci)?)?;
        self.flush()
    }
}
