//! Each project's trainers and sessions, keyed by the project's id.

use atelier_core::roster::Roster;
use atelier_core::ProjectId;

use crate::envelope::encode;
use crate::{Result, Store};

impl Store {
    /// The project's roster, if one was saved.
    pub fn roster(&self, project: ProjectId) -> Result<Option<Roster>> {
        match self.rosters.get(project.as_bytes())? {
            Some(bytes) => Ok(Some(self.read_one(&self.rosters, project.as_bytes(), &bytes)?)),
            None => Ok(None),
        }
    }

    /// Every saved roster, trashed projects' included.
    pub fn rosters(&self) -> Result<Vec<Roster>> {
        self.read_all(&self.rosters, self.rosters.iter())
    }

    /// Saves a project's roster, then flushes.
    pub fn put_roster(&self, roster: &Roster) -> Result<()> {
        self.writable()?;
        self.rosters.insert(roster.project.as_bytes(), encode(roster)?)?;
        self.flush()
    }
}
