//! The portfolio's index: one [`PortfolioRow`] per live project, in
//! memory, so that a query filters and sorts the rows and decodes only the
//! projects of the page it returns.
//!
//! - It is built while the open reads every record (see `integrity`), so
//!   opening costs no second pass over the projects.
//! - Every write to the `projects` tree updates it once the write is
//!   durable; a write that could not be flushed marks the store to be
//!   opened again, which builds it anew from what the disk holds.
//! - Each order a query asks for (a sort key and direction) is built once,
//!   then kept up to date row by row, so that a page of the whole
//!   portfolio is a slice of it; a write of many rows at once drops the
//!   orders, built again when next asked for.
//! - [`Store::check_portfolio_index`] compares it, rows and orders, with
//!   the records: the tests run it after every kind of write.

use std::collections::{BTreeMap, HashMap};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use atelier_core::portfolio::{Order, PortfolioRow};
use atelier_core::{Project, ProjectId};

use crate::{Result, Store, StoreError};

/// Above this many rows written at once, the orders kept are dropped and
/// built again when next asked for, rather than moved row by row.
const MOVED_ONE_BY_ONE: usize = 64;

/// The rows of the live projects and the orders asked for so far.
#[derive(Default)]
pub(crate) struct PortfolioIndex(RwLock<Rows>);

/// The rows, by id (creation order), and every order of them a query has
/// asked for since (the ids in that order), kept up to date.
#[derive(Default)]
pub(crate) struct Rows {
    pub(crate) by_id: BTreeMap<ProjectId, PortfolioRow>,
    orders: HashMap<Order, Vec<ProjectId>>,
}

impl Rows {
    /// The ids of every live project in `order`, if it was built.
    pub(crate) fn ordered(&self, order: Order) -> Option<&[ProjectId]> {
        self.orders.get(&order).map(Vec::as_slice)
    }

    /// Where `row` stands in the ids `ids`, sorted by `order`: `Ok` at its
    /// place when it is there, `Err` where it would go.
    fn place(&self, order: Order, ids: &[ProjectId], row: &PortfolioRow) -> std::result::Result<usize, usize> {
        ids.binary_search_by(|id| match self.by_id.get(id) {
            Some(other) => order.compare(other, row),
            None => std::cmp::Ordering::Less,
        })
    }

    /// Takes `id`'s row out of every order kept.
    fn unorder(&mut self, id: ProjectId) {
        let Some(row) = self.by_id.get(&id) else { return };
        let mut orders = std::mem::take(&mut self.orders);
        for (order, ids) in &mut orders {
            if let Ok(at) = self.place(*order, ids, row) {
                ids.remove(at);
            }
        }
        self.orders = orders;
    }

    /// Puts `id`'s row into every order kept.
    fn reorder(&mut self, id: ProjectId) {
        let Some(row) = self.by_id.get(&id) else { return };
        let mut orders = std::mem::take(&mut self.orders);
        for (order, ids) in &mut orders {
            if let Err(at) = self.place(*order, ids, row) {
                ids.insert(at, id);
            }
        }
        self.orders = orders;
    }
}

pub(crate) type Guard<'a> = RwLockReadGuard<'a, Rows>;

impl PortfolioIndex {
    /// The rows, for reading; writers wait until the guard is dropped.
    pub(crate) fn rows(&self) -> Guard<'_> {
        self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The rows with `order` built (sorting every row the first time it
    /// is asked for).
    pub(crate) fn rows_in(&self, order: Order) -> Guard<'_> {
        let rows = self.rows();
        if rows.ordered(order).is_some() {
            return rows;
        }
        drop(rows);
        {
            let mut rows = self.0.write().unwrap_or_else(PoisonError::into_inner);
            if !rows.orders.contains_key(&order) {
                let mut all: Vec<&PortfolioRow> = rows.by_id.values().collect();
                all.sort_unstable_by(|a, b| order.compare(a, b));
                let ids = all.into_iter().map(|r| r.id).collect();
                rows.orders.insert(order, ids);
            }
        }
        self.rows()
    }

    /// Puts the rows of `projects`, new or changed.
    pub(crate) fn put<'a>(&self, projects: impl IntoIterator<Item = &'a Project>) {
        self.put_rows(projects.into_iter().map(PortfolioRow::of));
    }

    /// Puts `rows`, new or changed.
    pub(crate) fn put_rows(&self, rows: impl IntoIterator<Item = PortfolioRow>) {
        let rows: Vec<PortfolioRow> = rows.into_iter().collect();
        let mut index = self.0.write().unwrap_or_else(PoisonError::into_inner);
        if rows.len() > MOVED_ONE_BY_ONE {
            index.orders.clear();
        }
        for row in rows {
            let id = row.id;
            index.unorder(id);
            index.by_id.insert(id, row);
            index.reorder(id);
        }
    }

    /// Takes out the rows of projects no longer live.
    pub(crate) fn remove<'a>(&self, ids: impl IntoIterator<Item = &'a ProjectId>) {
        let mut index = self.0.write().unwrap_or_else(PoisonError::into_inner);
        for id in ids {
            index.unorder(*id);
            index.by_id.remove(id);
        }
    }
}

impl Store {
    /// Compares the portfolio's index with the live project records, row
    /// by row; says which project is out of step, if one is.
    pub fn check_portfolio_index(&self) -> Result<()> {
        let mut expected = BTreeMap::new();
        for project in self.projects() {
            let project = project?;
            expected.insert(project.id, PortfolioRow::of(&project));
        }
        let rows = self.portfolio.rows();
        let differs = expected
            .iter()
            .find(|(id, row)| rows.by_id.get(id) != Some(row))
            .map(|(id, _)| *id)
            .or_else(|| rows.by_id.keys().find(|id| !expected.contains_key(id)).copied());
        if let Some(id) = differs {
            return Err(out_of_step(format!("the project {id}")));
        }
        // Every order kept lists every live project, in order.
        for (order, ids) in &rows.orders {
            let mut sorted: Vec<&PortfolioRow> = expected.values().collect();
            sorted.sort_unstable_by(|a, b| order.compare(a, b));
            if !sorted.iter().map(|r| r.id).eq(ids.iter().copied()) {
                return Err(out_of_step(format!("its order {order:?}")));
            }
        }
        Ok(())
    }
}

fn out_of_step(what: String) -> StoreError {
    StoreError::Record(format!("the portfolio's index is out of step with {what}"))
}
