//! First-run sample projects: loaded in one action, marked as samples,
//! moved to the trash in one action that can be undone. The first one
//! holds a DLM's work in every tab (see `sample_work`), with sample people
//! and a sample vendor that leave once no project names them.

use atelier_core::samples::sample_projects;
use atelier_core::text::fold;
use atelier_core::{Lang, Project, ProjectId};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{AppError, Atelier, Result};

impl Atelier {
    /// Adds the sample projects in the DLM's language and returns how many.
    /// Refuses with `Conflict` when samples are already in the portfolio.
    pub fn load_sample_projects(&self, lang: Lang) -> Result<u32> {
        if self.store.has_sample_projects() {
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
        // The first sample holds a DLM's work in every tab; it is dated
        // once filled, so that only what the DLM changes later counts as
        // edited.
        if let Some(first) = projects.first() {
            self.fill_onboarding_sample(first.id, lang)?;
            let mut filled = self.store.project(first.id)?;
            let loaded = Utc::now();
            filled.created_at = loaded;
            filled.updated_at = loaded;
            self.store.put_projects(&[filled])?;
        }
        Ok(u32::try_from(projects.len()).unwrap_or(u32::MAX))
    }

    /// The sample projects in the portfolio, in title order, each saying
    /// whether the DLM worked in it since it was loaded (edited it, moved
    /// it along, or added or changed anything in it): what "remove the
    /// samples" would take away.
    pub fn list_sample_projects(&self) -> Result<Vec<SampleProject>> {
        let mut samples = self
            .store
            .sample_projects()?
            .into_iter()
            .map(|p| {
                Ok(SampleProject {
                    edited: p.updated_at > p.created_at || self.store.children_changed_since(p.id, p.created_at)?,
                    id: p.id,
                    title: p.fields.title,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        samples.sort_by_cached_key(|s| fold(&s.title));
        Ok(samples)
    }

    /// Moves every sample project in the portfolio to the trash in one
    /// step, edited ones included, and returns their ids so that the move
    /// can be undone ([`Atelier::restore_projects`]). The DLM's own
    /// projects are never touched.
    pub fn remove_sample_projects(&self) -> Result<Vec<ProjectId>> {
        let ids: Vec<ProjectId> = self.store.sample_projects()?.iter().map(|p| p.id).collect();
        self.store.trash_projects(&ids, Utc::now())?;
        Ok(ids)
    }

    /// Removes the sample people and vendors nothing names any more (their
    /// projects deleted for good): called after a purge.
    pub(crate) fn drop_unnamed_samples(&self) -> Result<()> {
        let people: Vec<_> = self.store.people()?.into_iter().filter(|p| p.sample).collect();
        let vendors: Vec<_> = self.store.vendors()?.into_iter().filter(|v| v.sample).collect();
        // Reading every record is only worth it when there are samples.
        if people.is_empty() && vendors.is_empty() {
            return Ok(());
        }
        let named = self.store.ids_named(&["people", "vendors", "vendor_journal"])?;
        for person in people.iter().filter(|p| !named.contains(&p.id.0)) {
            self.store.delete_person(person.id)?;
        }
        let named = self.store.ids_named(&["vendors", "vendor_journal"])?;
        for vendor in vendors.iter().filter(|v| !named.contains(&v.id.0)) {
            self.store.delete_vendor(vendor.id)?;
        }
        Ok(())
    }

    /// Brings projects back from the trash in one step: all of them, or
    /// none (`NotFound`) when one is no longer there.
    pub fn restore_projects(&self, ids: &[ProjectId]) -> Result<Vec<Project>> {
        Ok(self.store.restore_projects(ids)?)
    }
}

/// A sample project as the removal dialog lists it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct SampleProject {
    pub id: ProjectId,
    pub title: String,
    /// The DLM worked in it since it was loaded.
    pub edited: bool,
}
