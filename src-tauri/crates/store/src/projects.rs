//! Projects and their trash. A live project is in the `projects` tree; a
//! trashed one is in `projects_trash`, so that listing the portfolio never
//! reads the trash. Keys are the 16 bytes of the (time-ordered) id.

use std::collections::{BTreeSet, HashMap};

use atelier_core::it_readiness::readiness_of;
use atelier_core::portfolio::{PortfolioQuery, PortfolioRow, SponsorNames};
use atelier_core::search::SearchKind;
use atelier_core::{PersonId, Project, ProjectId, TrashedProject};
use chrono::{DateTime, Utc};
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use crate::envelope::{decode, encode};
use crate::row_index::{page_of, Page};
use crate::{Result, Store, StoreError};

/// A filter the caller adds to a portfolio query, on each project read
/// whole (see [`Store::query_projects_where`]).
type Keep<'k, E> = &'k mut dyn FnMut(&Project) -> std::result::Result<bool, E>;

impl Store {
    /// Writes a project, new or changed, then flushes.
    pub fn put_project(&self, project: &Project) -> Result<()> {
        self.writable()?;
        self.projects.insert(project.id.as_bytes(), encode(project)?)?;
        self.flush()?;
        self.portfolio.put([project]);
        self.search.put([project]);
        Ok(())
    }

    /// Writes many new projects in one batch and one flush.
    pub fn put_projects(&self, projects: &[Project]) -> Result<()> {
        self.writable()?;
        let mut batch = sled::Batch::default();
        for p in projects {
            batch.insert(p.id.as_bytes(), encode(p)?);
        }
        self.projects.apply_batch(batch)?;
        self.flush()?;
        self.portfolio.put(projects);
        self.search.put(projects);
        Ok(())
    }

    /// A live project; [`StoreError::NotFound`] when it is absent or trashed.
    pub fn project(&self, id: ProjectId) -> Result<Project> {
        let bytes = self.projects.get(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        self.read_one(&self.projects, id.as_bytes(), &bytes)
    }

    /// Every readable live project, in creation order (an unreadable one is
    /// noted and left out); read as the caller goes.
    pub fn projects(&self) -> impl Iterator<Item = Result<Project>> + '_ {
        self.projects.iter().filter_map(move |pair| match pair {
            Ok((key, value)) => self.readable(&self.projects, &key, &value).map(Ok),
            Err(e) => Some(Err(e.into())),
        })
    }

    /// Number of live projects.
    pub fn project_count(&self) -> usize {
        self.projects.len()
    }

    /// Filters and sorts the portfolio, and returns the window the query
    /// asks for with the total count, so the UI only holds visible rows.
    pub fn query_projects(&self, query: &PortfolioQuery) -> Result<Page> {
        self.query_page(query, None)
    }

    /// [`Store::query_projects`] with one more filter, `keep`, that the
    /// caller computes from other areas (the app's hand-off readiness and
    /// ROI, which read many trees); it runs only on projects the query's
    /// own filters keep, each read whole for it.
    pub fn query_projects_where<E: From<StoreError>>(
        &self,
        query: &PortfolioQuery,
        mut keep: impl FnMut(&Project) -> std::result::Result<bool, E>,
    ) -> std::result::Result<Page, E> {
        self.query_page(query, Some(&mut keep))
    }

    /// The page `query` asks for among the projects its filters keep and,
    /// when given, `keep` keeps too.
    fn query_page<E: From<StoreError>>(
        &self,
        query: &PortfolioQuery,
        keep: Option<Keep<'_, E>>,
    ) -> std::result::Result<Page, E> {
        let sponsors = match query.searches_text() {
            true => self.sponsor_names()?,
            false => SponsorNames::default(),
        };
        let matcher = query.matcher(&sponsors);
        // Read only when the query filters on it.
        let readiness: HashMap<ProjectId, u8> = match query.it_readiness_below {
            Some(_) => self
                .it_checklists()?
                .iter()
                .map(|l| (l.project, l.readiness().percent))
                .collect(),
            None => HashMap::new(),
        };
        let it_percent = |id: ProjectId| {
            readiness
                .get(&id)
                .copied()
                .unwrap_or_else(|| readiness_of(None).percent)
        };
        if keep.is_none() && query.keeps_all() {
            return Ok(self.whole_portfolio_page(query)?);
        }
        let rows = self.portfolio.rows();
        let matching: Vec<&PortfolioRow> = rows
            .by_id
            .values()
            .filter(|row| matcher.matches(row) && query.keeps_it_readiness(it_percent(row.id)))
            .collect();
        let (total, window) = match keep {
            None => page_of(query.order(), matching, |total| query.page_bounds(total)),
            Some(keep) => {
                // The caller's filter reads each project whole, outside the
                // index's lock (it may read other trees for long).
                let matching: Vec<ProjectId> = matching.iter().map(|r| r.id).collect();
                drop(rows);
                let mut kept = Vec::with_capacity(matching.len());
                for id in matching {
                    if self.live_project(id)?.map_or(Ok(false), |p| keep(&p))? {
                        kept.push(id);
                    }
                }
                let rows = self.portfolio.rows();
                let kept = kept.iter().filter_map(|id| rows.by_id.get(id)).collect();
                page_of(query.order(), kept, |total| query.page_bounds(total))
            }
        };
        let items = self.live_projects(window)?;
        Ok(Page { total, items })
    }

    /// A page of the whole portfolio: a slice of the order it asks for.
    fn whole_portfolio_page(&self, query: &PortfolioQuery) -> Result<Page> {
        let (total, window) = self.portfolio.slice(query.order(), |total| query.page_bounds(total));
        let items = self.live_projects(window)?;
        Ok(Page { total, items })
    }

    /// The projects `ids` that are still live, in that order.
    fn live_projects(&self, ids: Vec<ProjectId>) -> Result<Vec<Project>> {
        let mut projects = Vec::with_capacity(ids.len());
        for id in ids {
            projects.extend(self.live_project(id)?);
        }
        Ok(projects)
    }

    /// A live project, or none when it left the portfolio since the index
    /// was read (trashed by another window meanwhile).
    fn live_project(&self, id: ProjectId) -> Result<Option<Project>> {
        match self.project(id) {
            Ok(project) => Ok(Some(project)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The names of the directory's people who sponsor live projects, for
    /// the search.
    fn sponsor_names(&self) -> Result<SponsorNames> {
        let ids: BTreeSet<PersonId> = self.portfolio.rows().by_id.values().filter_map(|r| r.sponsor).collect();
        Ok(SponsorNames::of(&self.people_among(ids)?))
    }

    /// Every tag of every live project, as typed, project by project.
    pub fn project_tags(&self) -> Vec<String> {
        self.portfolio
            .rows()
            .by_id
            .values()
            .flat_map(|r| r.tags.iter().cloned())
            .collect()
    }

    /// Moves a live project to the trash in one transaction, then flushes.
    pub fn trash_project(&self, id: ProjectId, now: DateTime<Utc>) -> Result<TrashedProject> {
        self.trash_projects(&[id], now)?.pop().ok_or(StoreError::NotFound)
    }

    /// Moves live projects to the trash in one transaction, then flushes:
    /// all of them, or none when one is not live ([`StoreError::NotFound`]).
    pub fn trash_projects(&self, ids: &[ProjectId], now: DateTime<Utc>) -> Result<Vec<TrashedProject>> {
        self.writable()?;
        let moved = (&self.projects, &self.trash).transaction(|(live, trash)| {
            let mut moved = Vec::with_capacity(ids.len());
            for id in ids {
                let key = id.as_bytes();
                let bytes = live
                    .get(key)?
                    .ok_or(ConflictableTransactionError::Abort(StoreError::NotFound))?;
                let project: Project = decode(&bytes).map_err(|_| unreadable("projects", key))?;
                let trashed = TrashedProject {
                    project,
                    trashed_at: now,
                };
                trash.insert(key, encode(&trashed).map_err(ConflictableTransactionError::Abort)?)?;
                live.remove(key)?;
                moved.push(trashed);
            }
            Ok(moved)
        });
        let moved = moved.map_err(StoreError::from)?;
        self.flush()?;
        self.portfolio.remove(ids);
        self.search.forget(SearchKind::Project, ids.iter().map(|id| id.0));
        Ok(moved)
    }

    /// Everything in the trash, most recently trashed first.
    pub fn trashed_projects(&self) -> Result<Vec<TrashedProject>> {
        let mut all: Vec<TrashedProject> = self.read_all(&self.trash, self.trash.iter())?;
        all.sort_by_key(|t| std::cmp::Reverse(t.trashed_at));
        Ok(all)
    }

    /// Brings a trashed project back to the portfolio, unchanged.
    pub fn restore_project(&self, id: ProjectId) -> Result<Project> {
        self.restore_projects(&[id])?.pop().ok_or(StoreError::NotFound)
    }

    /// Brings trashed projects back in one transaction, then flushes: all
    /// of them, or none when one is not in the trash.
    pub fn restore_projects(&self, ids: &[ProjectId]) -> Result<Vec<Project>> {
        self.writable()?;
        let restored = (&self.projects, &self.trash).transaction(|(live, trash)| {
            let mut restored = Vec::with_capacity(ids.len());
            for id in ids {
                let key = id.as_bytes();
                let bytes = trash
                    .get(key)?
                    .ok_or(ConflictableTransactionError::Abort(StoreError::NotFound))?;
                let trashed: TrashedProject = decode(&bytes).map_err(|_| unreadable("projects_trash", key))?;
                live.insert(
                    key,
                    encode(&trashed.project).map_err(ConflictableTransactionError::Abort)?,
                )?;
                trash.remove(key)?;
                restored.push(trashed.project);
            }
            Ok(restored)
        });
        let projects = restored.map_err(StoreError::from)?;
        self.flush()?;
        self.portfolio.put(&projects);
        self.search.put(&projects);
        Ok(projects)
    }

    /// Deletes a trashed project for good. Only the trash can be purged, so
    /// a live project is never one click away from loss. Everything that
    /// belongs to it goes in the same transaction.
    pub fn purge_project(&self, id: ProjectId) -> Result<()> {
        if !self.trash.contains_key(id.as_bytes())? {
            return Err(StoreError::NotFound);
        }
        self.remove_trashed(id)
    }

    /// The live sample projects.
    pub fn sample_projects(&self) -> Result<Vec<Project>> {
        let ids: Vec<ProjectId> = self
            .portfolio
            .rows()
            .by_id
            .values()
            .filter(|r| r.sample)
            .map(|r| r.id)
            .collect();
        self.live_projects(ids)
    }

    /// True when anything was added to the project besides its own record:
    /// a cycle, a task, an artefact, an activity, an engagement, design
    /// state.
    pub fn has_children(&self, id: ProjectId) -> Result<bool> {
        for tree in self.child_trees() {
            if tree.scan_prefix(id.as_bytes()).next().transpose()?.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Removes a trashed project and all its child records in one
    /// transaction over every tree involved, then flushes.
    fn remove_trashed(&self, id: ProjectId) -> Result<()> {
        self.writable()?;
        let children = self.child_trees();
        let mut trees: Vec<&sled::Tree> = vec![&self.trash];
        trees.extend(children.iter().copied());
        let mut doomed: Vec<Vec<sled::IVec>> = vec![vec![sled::IVec::from(&id.as_bytes()[..])]];
        for tree in children {
            doomed.push(crate::children::keys(tree, id.as_bytes())?);
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
        self.flush()?;
        self.search.forget_owned_by(id.0);
        Ok(())
    }

    /// True when any live project is a sample.
    pub fn has_sample_projects(&self) -> bool {
        self.portfolio.rows().by_id.values().any(|r| r.sample)
    }
}

/// A record a transaction could not read, named (it was noted when the
/// store opened, see `integrity`).
fn unreadable(tree: &str, key: &[u8]) -> ConflictableTransactionError<StoreError> {
    ConflictableTransactionError::Abort(StoreError::Unreadable {
        tree: tree.to_owned(),
        key: crate::backup::hex(key),
    })
}
