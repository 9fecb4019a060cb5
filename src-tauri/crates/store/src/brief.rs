//! What each project's brief was last exported with (sections and
//! language), keyed by the project's id.

use atelier_core::brief::BriefChoice;
use atelier_core::ProjectId;

use crate::envelope::encode;
use crate::{Result, Store};

impl Store {
    /// The project's last brief choice, if one was saved.
    pub fn brief_choice(&self, project: ProjectId) -> Result<Option<BriefChoice>> {
        match self.briefs.get(project.as_bytes())? {
            Some(bytes) => Ok(Some(self.read_one(&self.briefs, project.as_bytes(), &bytes)?)),
            None => Ok(None),
        }
    }

    /// Saves a project's brief choice, then flushes.
    pub fn put_brief_choice(&self, choice: &BriefChoice) -> Result<()> {
        self.writable()?;
        self.briefs.insert(choice.project.as_bytes(), encode(choice)?)?;
        self.flush()
    }
}
