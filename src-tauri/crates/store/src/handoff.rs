//! Each project's hand-off package, keyed by the project's id.

use atelier_core::handoff::Handoff;
use atelier_core::ProjectId;

use crate::envelope::encode;
use crate::{Result, Store};

impl Store {
    /// The project's package, if one was saved.
    pub fn handoff(&self, project: ProjectId) -> Result<Option<Handoff>> {
        match self.handoffs.get(project.as_bytes())? {
            Some(bytes) => Ok(Some(self.read_one(&self.handoffs, project.as_bytes(), &bytes)?)),
            None => Ok(None),
        }
    }

    /// Every saved package, trashed projects' included.
    pub fn handoffs(&self) -> Result<Vec<Handoff>> {
        self.read_all(&self.handoffs, self.handoffs.iter())
    }

    /// Saves a project's package, then flushes.
    pub fn put_handoff(&self, handoff: &Handoff) -> Result<()> {
        self.writable()?;
        self.handoffs.insert(handoff.project.as_bytes(), encode(handoff)?)?;
        self.flush()
    }
}
