//! Projects and their trash. A live project is in the `projects` tree; a
//! trashed one is in `projects_trash`, so that listing the portfolio never
//! reads the trash. Keys are the 16 bytes of the (time-ordered) id.

use atelier_core::portfolio::PortfolioQuery;
use atelier_core::{Project, ProjectId, TrashedProject};
use chrono::{DateTime, Utc};
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use crate::envelope::{decode, encode};
use crate::{Result, Store, StoreError};

/// One window of a filtered, sorted portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Projects matching the query, before windowing.
    pub total: usize,
    pub items: Vec<Project>,
}

impl Store {
    /// Writes a project, new or changed, then flushes.
    pub fn put_project(&self, project: &Project) -> Result<()> {
        self.projects.insert(project.id.as_bytes(), encode(project)?)?;
        self.flush()
    }

    /// Writes many new projects in one batch and one flush.
    pub fn put_projects(&self, projects: &[Project]) -> Result<()> {
        let mut batch = sled::Batch::default();
        for p in projects {
            batch.insert(p.id.as_bytes(), encode(p)?);
        }
        self.projects.apply_batch(batch)?;
        self.flush()
    }

    /// A live project; [`StoreError::NotFound`] when it is absent or trashed.
    pub fn project(&self, id: ProjectId) -> Result<Project> {
        let bytes = self.projects.get(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        decode(&bytes)
    }

    /// Every live project, in creation order.
    pub fn projects(&self) -> impl Iterator<Item = Result<Project>> + '_ {
        self.projects.iter().values().map(|v| decode(&v?))
    }

    /// Number of live projects.
    pub fn project_count(&self) -> usize {
        self.projects.len()
    }

    /// Filters and sorts the portfolio, and returns the window the query
    /// asks for with the total count, so the UI only holds visible rows.
    pub fn query_projects(&self, query: &PortfolioQuery) -> Result<Page> {
        let matcher = query.matcher();
        let mut kept = Vec::new();
        for project in self.projects() {
            let project = project?;
            if matcher.matches(&project) {
                kept.push(project);
            }
        }
        let total = kept.len();
        let start = (query.offset as usize).min(total);
        let end = start.saturating_add(query.page_size()).min(total);
        // Only the requested window needs to be in order: select it, then
        // sort just that slice.
        if end < total {
            kept.select_nth_unstable_by(end, |a, b| query.compare(a, b));
            kept.truncate(end);
        }
        if start >= kept.len() {
            kept.clear();
        } else if start > 0 {
            kept.select_nth_unstable_by(start, |a, b| query.compare(a, b));
            kept.drain(..start);
        }
        kept.sort_unstable_by(|a, b| query.compare(a, b));
        Ok(Page { total, items: kept })
    }

    /// Moves a live project to the trash in one transaction, then flushes.
    pub fn trash_project(&self, id: ProjectId, now: DateTime<Utc>) -> Result<TrashedProject> {
        let key = id.as_bytes();
        let moved = (&self.projects, &self.trash).transaction(|(live, trash)| {
            let bytes = live
                .get(key)?
                .ok_or(ConflictableTransactionError::Abort(StoreError::NotFound))?;
            let project: Project = decode(&bytes).map_err(ConflictableTransactionError::Abort)?;
            let trashed = TrashedProject {
                project,
                trashed_at: now,
            };
            trash.insert(key, encode(&trashed).map_err(ConflictableTransactionError::Abort)?)?;
            live.remove(key)?;
            Ok(trashed)
        });
        let trashed = moved.map_err(StoreError::from)?;
        self.flush()?;
        Ok(trashed)
    }

    /// Everything in the trash, most recently trashed first.
    pub fn trashed_projects(&self) -> Result<Vec<TrashedProject>> {
        let mut all = self
            .trash
            .iter()
            .values()
            .map(|v| decode(&v?))
            .collect::<Result<Vec<TrashedProject>>>()?;
        all.sort_by_key(|t| std::cmp::Reverse(t.trashed_at));
        Ok(all)
    }

    /// Brings a trashed project back to the portfolio, unchanged.
    pub fn restore_project(&self, id: ProjectId) -> Result<Project> {
        let key = id.as_bytes();
        let restored = (&self.projects, &self.trash).transaction(|(live, trash)| {
            let bytes = trash
                .get(key)?
                .ok_or(ConflictableTransactionError::Abort(StoreError::NotFound))?;
            let trashed: TrashedProject = decode(&bytes).map_err(ConflictableTransactionError::Abort)?;
            live.insert(
                key,
                encode(&trashed.project).map_err(ConflictableTransactionError::Abort)?,
            )?;
            trash.remove(key)?;
            Ok(trashed.project)
        });
        let project = restored.map_err(StoreError::from)?;
        self.flush()?;
        Ok(project)
    }

    /// Deletes a trashed project for good. Only the trash can be purged, so
    /// a live project is never one click away from loss. Everything that
    /// belongs to it goes in the same transaction.
    pub fn purge_project(&self, id: ProjectId) -> Result<()> {
        if !self.trash.contains_key(id.as_bytes())? {
            return Err(StoreError::NotFound);
        }
        self.remove_projects(&[], &[id])
    }

    /// Deletes every sample project, live or trashed, with everything that
    /// belongs to them, in one transaction. Returns how many projects went.
    pub fn remove_sample_projects(&self) -> Result<usize> {
        let live: Vec<ProjectId> = sample_ids(self.projects(), |p| p)?;
        let trashed: Vec<ProjectId> =
            sample_ids(self.trash.iter().values().map(|v| decode::<TrashedProject>(&v?)), |t| {
                &t.project
            })?;
        self.remove_projects(&live, &trashed)?;
        Ok(live.len() + trashed.len())
    }

    /// Removes live and trashed projects and all their child records in
    /// one transaction over every tree involved, then flushes.
    fn remove_projects(&self, live: &[ProjectId], trashed: &[ProjectId]) -> Result<()> {
        let children = self.child_trees();
        let mut trees: Vec<&sled::Tree> = vec![&self.projects, &self.trash];
        trees.extend(children.iter().copied());
        let mut doomed: Vec<Vec<sled::IVec>> = vec![
            live.iter().map(|id| sled::IVec::from(&id.as_bytes()[..])).collect(),
            trashed.iter().map(|id| sled::IVec::from(&id.as_bytes()[..])).collect(),
        ];
        for tree in children {
            let mut keys = Vec::new();
            for id in live.iter().chain(trashed) {
                keys.extend(crate::children::keys(tree, id.as_bytes())?);
            }
            doomed.push(keys);
        }
        let removed: std::result::Result<(), TransactionError<StoreError>> = trees.as_slice().transaction(|views| {
            for (view, keys) in views.iter().zip(&doomed) {
                for key in keys {
                    view.remove(key)?;
                }
            }
            Ok(())
        });
        removed?;
        self.flush()
    }

    /// True when any live project is a sample.
    pub fn has_sample_projects(&self) -> Result<bool> {
        for p in self.projects() {
            if p?.sample {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

fn sample_ids<T>(records: impl Iterator<Item = Result<T>>, project: impl Fn(&T) -> &Project) -> Result<Vec<ProjectId>> {
    let mut ids = Vec::new();
    for record in records {
        let record = record?;
        let p = project(&record);
        if p.sample {
            ids.push(p.id);
        }
    }
    Ok(ids)
}
