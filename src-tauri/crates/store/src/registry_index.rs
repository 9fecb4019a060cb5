//! The vendor registry's index: one [`RegistryRow`] per readable vendor
//! (see `row_index`), in each of the registry's orders. A row holds what
//! its journal says and its total on the scorecard criteria, so a journal
//! entry or a new scorecard rewrites rows too.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use atelier_core::registry::RegistryRow;
use atelier_core::scorecard::Criterion;
use atelier_core::vendor::{JournalEntry, VendorSort};
use atelier_core::{Vendor, VendorId};

use crate::row_index::{IndexRow, RowIndex};
use crate::{Result, Store, StoreError};

pub(crate) type RegistryIndex = RowIndex<RegistryRow>;

impl IndexRow for RegistryRow {
    type Id = VendorId;
    type Order = VendorSort;

    fn id(&self) -> VendorId {
        self.id
    }

    fn compare(order: VendorSort, a: &Self, b: &Self) -> Ordering {
        order.compare(a, b)
    }
}

impl RegistryIndex {
    /// Scores every row again on `criteria`.
    pub(crate) fn rescore(&self, criteria: &[Criterion]) {
        let rows: Vec<RegistryRow> = self.rows().by_id.values().map(|r| r.rescored(criteria)).collect();
        self.put_rows(rows);
    }
}

impl Store {
    /// The row `vendor` will have once its journal is what it is now,
    /// changed by `change` (an entry written or taken out): worked out
    /// before a write, put in the index once the write is durable.
    /// `criteria` are the scorecard's.
    pub(crate) fn registry_row(
        &self,
        vendor: &Vendor,
        criteria: &[Criterion],
        change: impl FnOnce(&mut Vec<JournalEntry>),
    ) -> Result<RegistryRow> {
        let mut journal = self.journal(vendor.id)?;
        change(&mut journal);
        journal.sort_by_key(|e| e.id);
        Ok(RegistryRow::of(vendor, &journal, criteria))
    }

    /// The row of the vendor `id` with its journal changed by `change`;
    /// `None` when the vendor is not there or cannot be read.
    pub(crate) fn registry_row_of(
        &self,
        id: VendorId,
        change: impl FnOnce(&mut Vec<JournalEntry>),
    ) -> Result<Option<RegistryRow>> {
        match self.vendor(id) {
            Ok(vendor) => Ok(Some(self.registry_row(&vendor, &self.criteria()?, change)?)),
            Err(StoreError::NotFound | StoreError::Unreadable { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Compares the registry's index with the vendor records, their
    /// journals and the criteria; says which vendor is out of step, if one
    /// is.
    pub fn check_registry_index(&self) -> Result<()> {
        let criteria = self.criteria()?;
        let mut expected = BTreeMap::new();
        for vendor in self.vendors()? {
            expected.insert(
                vendor.id,
                RegistryRow::of(&vendor, &self.journal(vendor.id)?, &criteria),
            );
        }
        self.registry.check(expected, "the registry's index")
    }
}
