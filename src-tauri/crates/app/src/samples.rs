//! First-run sample projects: loaded in one action, marked as samples,
//! removed in one action.

use atelier_core::samples::sample_projects;
use atelier_core::{Lang, Project};
use chrono::Utc;

use crate::{AppError, Atelier, Result};

impl Atelier {
    /// Adds the sample projects in the DLM's language and returns how many.
    /// Refuses with `Conflict` when samples are already in the portfolio.
    pub fn load_sample_projects(&self, lang: Lang) -> Result<u32> {
        if self.store.has_sample_projects()? {
            return Err(AppError::Conflict("the sample projects are already loaded".into()));
        }
        let now = Utc::now();
        let projects = sample_projects(lang, now.date_naive())
            .into_iter()
            .map(|s| {
                let mut p = Project::create(s.draft, now)?;
                p.status = s.status;
                p.sample = true;
                Ok(p)
            })
            .collect::<Result<Vec<Project>>>()?;
        self.store.put_projects(&projects)?;
        Ok(u32::try_from(projects.len()).unwrap_or(u32::MAX))
    }

    /// Deletes every sample project, from the portfolio and the trash, and
    /// returns how many went. The DLM's own projects are never touched.
    pub fn remove_sample_projects(&self) -> Result<u32> {
        Ok(u32::try_from(self.store.remove_sample_projects()?).unwrap_or(u32::MAX))
    }
}
