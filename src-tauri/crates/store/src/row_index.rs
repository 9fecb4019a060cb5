//! Indexes of long lists: one row per record, in memory, so that a query
//! filters and sorts the rows and decodes only the records of the page it
//! returns (the portfolio, the vendor registry, the people directory).
//!
//! - An index is built while the open reads every record (see
//!   `integrity`), so opening costs no second pass over them.
//! - Every write to the records it follows updates it once the write is
//!   durable; a write that could not be flushed marks the store to be
//!   opened again, which builds it anew from what the disk holds.
//! - Each order a query asks for is built once, then kept up to date row
//!   by row, so that a page of the whole list is a slice of it; a write of
//!   many rows at once drops the orders, built again when next asked for.
//! - [`RowIndex::check`] compares it, rows and orders, with rows made
//!   afresh from the records: the tests run it after every kind of write.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Debug;
use std::hash::Hash;
use std::ops::Range;
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use crate::{Result, StoreError};

/// One page of a filtered, sorted list: the portfolio's projects by
/// default.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T = atelier_core::Project> {
    /// How many records the query kept, before paging.
    pub total: usize,
    pub items: Vec<T>,
}

/// Above this many rows written at once, the orders kept are dropped and
/// built again when next asked for, rather than moved row by row.
const MOVED_ONE_BY_ONE: usize = 64;

/// A row of an index: what a list filters and sorts one record on.
pub(crate) trait IndexRow: Clone + PartialEq + Debug {
    /// The record's id; ids sort in creation order.
    type Id: Copy + Ord + Hash + Debug;
    /// An order the list can be shown in.
    type Order: Copy + Eq + Hash + Debug;

    fn id(&self) -> Self::Id;

    /// How `a` and `b` compare in `order`; never `Equal` for two rows.
    fn compare(order: Self::Order, a: &Self, b: &Self) -> Ordering;
}

/// The rows of one list's records and the orders asked for so far.
pub(crate) struct RowIndex<R: IndexRow>(RwLock<Rows<R>>);

impl<R: IndexRow> Default for RowIndex<R> {
    fn default() -> Self {
        RowIndex(RwLock::new(Rows {
            by_id: BTreeMap::new(),
            orders: HashMap::new(),
        }))
    }
}

/// The rows, by id (creation order), and every order of them a query has
/// asked for since (the ids in that order), kept up to date.
pub(crate) struct Rows<R: IndexRow> {
    pub(crate) by_id: BTreeMap<R::Id, R>,
    orders: HashMap<R::Order, Vec<R::Id>>,
}

impl<R: IndexRow> Rows<R> {
    /// The ids of every row in `order`, if it was built.
    pub(crate) fn ordered(&self, order: R::Order) -> Option<&[R::Id]> {
        self.orders.get(&order).map(Vec::as_slice)
    }

    /// Where `row` stands in the ids `ids`, sorted by `order`: `Ok` at its
    /// place when it is there, `Err` where it would go.
    fn place(&self, order: R::Order, ids: &[R::Id], row: &R) -> std::result::Result<usize, usize> {
        ids.binary_search_by(|id| match self.by_id.get(id) {
            Some(other) => R::compare(order, other, row),
            None => Ordering::Less,
        })
    }

    /// Takes `id`'s row out of every order kept.
    fn unorder(&mut self, id: R::Id) {
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
    fn reorder(&mut self, id: R::Id) {
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

pub(crate) type Guard<'a, R> = RwLockReadGuard<'a, Rows<R>>;

impl<R: IndexRow> RowIndex<R> {
    /// The rows, for reading; writers wait until the guard is dropped.
    pub(crate) fn rows(&self) -> Guard<'_, R> {
        self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The rows with `order` built (sorting every row the first time it
    /// is asked for).
    pub(crate) fn rows_in(&self, order: R::Order) -> Guard<'_, R> {
        let rows = self.rows();
        if rows.ordered(order).is_some() {
            return rows;
        }
        drop(rows);
        {
            let mut rows = self.0.write().unwrap_or_else(PoisonError::into_inner);
            if !rows.orders.contains_key(&order) {
                let ids = sorted(rows.by_id.values(), order).into_iter().map(R::id).collect();
                rows.orders.insert(order, ids);
            }
        }
        self.rows()
    }

    /// The ids of the rows `bounds` covers among all rows in `order`, and
    /// how many rows there are.
    pub(crate) fn slice(&self, order: R::Order, bounds: impl Fn(usize) -> Range<usize>) -> (usize, Vec<R::Id>) {
        let rows = self.rows_in(order);
        let ids = rows.ordered(order).unwrap_or_default();
        (ids.len(), ids[bounds(ids.len())].to_vec())
    }

    /// Puts `rows`, new or changed.
    pub(crate) fn put_rows(&self, rows: impl IntoIterator<Item = R>) {
        let rows: Vec<R> = rows.into_iter().collect();
        let mut index = self.0.write().unwrap_or_else(PoisonError::into_inner);
        if rows.len() > MOVED_ONE_BY_ONE {
            index.orders.clear();
        }
        for row in rows {
            let id = row.id();
            index.unorder(id);
            index.by_id.insert(id, row);
            index.reorder(id);
        }
    }

    /// Takes out the rows of `ids`.
    pub(crate) fn remove<'a>(&self, ids: impl IntoIterator<Item = &'a R::Id>)
    where
        R::Id: 'a,
    {
        let mut index = self.0.write().unwrap_or_else(PoisonError::into_inner);
        for id in ids {
            index.unorder(*id);
            index.by_id.remove(id);
        }
    }

    /// Compares the index with `expected`, the rows made afresh from the
    /// records, and every order kept with `expected` sorted; says what is
    /// out of step, if anything, naming the index `what`.
    pub(crate) fn check(&self, expected: BTreeMap<R::Id, R>, what: &str) -> Result<()> {
        let out_of_step = |detail: String| StoreError::Record(format!("{what} is out of step with {detail}"));
        let rows = self.rows();
        let differs = expected
            .iter()
            .find(|(id, row)| rows.by_id.get(id) != Some(row))
            .map(|(id, _)| *id)
            .or_else(|| rows.by_id.keys().find(|id| !expected.contains_key(id)).copied());
        if let Some(id) = differs {
            return Err(out_of_step(format!("the record {id:?}")));
        }
        for (order, ids) in &rows.orders {
            if !sorted(expected.values(), *order)
                .into_iter()
                .map(R::id)
                .eq(ids.iter().copied())
            {
                return Err(out_of_step(format!("its order {order:?}")));
            }
        }
        Ok(())
    }
}

/// `rows` in `order`.
fn sorted<'r, R: IndexRow>(rows: impl Iterator<Item = &'r R>, order: R::Order) -> Vec<&'r R> {
    let mut all: Vec<&R> = rows.collect();
    all.sort_unstable_by(|a, b| R::compare(order, a, b));
    all
}

/// The rows of `kept` that `bounds` covers once in `order`, and how many
/// were kept.
pub(crate) fn page_of<R: IndexRow>(
    order: R::Order,
    kept: Vec<&R>,
    bounds: impl Fn(usize) -> Range<usize>,
) -> (usize, Vec<R::Id>) {
    let total = kept.len();
    let page = best_of(kept, bounds, |a, b| R::compare(order, a, b));
    (total, page.into_iter().map(R::id).collect())
}

/// The items of `kept` that `bounds` covers once sorted by `compare`. Only
/// that page is put in order: selected, then just that slice sorted.
pub(crate) fn best_of<T>(
    mut kept: Vec<T>,
    bounds: impl Fn(usize) -> Range<usize>,
    compare: impl Fn(&T, &T) -> Ordering,
) -> Vec<T> {
    let Range { start, end } = bounds(kept.len());
    if end < kept.len() {
        kept.select_nth_unstable_by(end, &compare);
        kept.truncate(end);
    }
    if start >= kept.len() {
        kept.clear();
    } else if start > 0 {
        kept.select_nth_unstable_by(start, &compare);
        kept.drain(..start);
    }
    kept.sort_unstable_by(&compare);
    kept
}
