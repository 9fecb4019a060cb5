//! Each project's evaluation plan and results, keyed by the project's id.

use atelier_core::evaluation::Evaluation;
use atelier_core::ProjectId;

use crate::envelope::encode;
use crate::{Result, Store};

impl Store {
    /// The project's plan, if one was saved.
    pub fn evaluation(&self, project: ProjectId) -> Result<Option<Evaluation>> {
        match self.evaluations.get(project.as_bytes())? {
            Some(bytes) => Ok(Some(self.read_one(&self.evaluations, project.as_bytes(), &bytes)?)),
            None => Ok(None),
        }
    }

    /// Every saved plan, trashed projects' included.
    pub fn evaluations(&self) -> Result<Vec<Evaluation>> {
        self.read_all(&self.evaluations, self.evaluations.iter())
    }

    /// Saves a project's plan, then flushes.
    pub fn put_evaluation(&self, evaluation: &Evaluation) -> Result<()> {
        self.writable()?;
        self.evaluations
            .insert(evaluation.project.as_bytes(), encode(evaluation)?)?;
        self.flush()
    }
}
