//! The vendor registry and each vendor's journal.

use std::collections::HashSet;

use atelier_core::registry::RegistryRow;
use atelier_core::search::SearchKind;
use atelier_core::vendor::{JournalEntry, VendorQuery, VendorSort};
use atelier_core::{JournalEntryId, Person, Vendor, VendorId};
use sled::transaction::Transactional;

use crate::children::{self, child_key};
use crate::envelope::encode;
use crate::row_index::{page_of, Page};
use crate::{Result, Store, StoreError};

impl Store {
    /// Every vendor, in creation order.
    pub fn vendors(&self) -> Result<Vec<Vendor>> {
        self.read_all(&self.vendors, self.vendors.iter())
    }

    /// One vendor; `NotFound` when absent.
    pub fn vendor(&self, id: VendorId) -> Result<Vendor> {
        let bytes = self.vendors.get(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        self.read_one(&self.vendors, id.as_bytes(), &bytes)
    }

    /// The page of the registry `query` asks for, filtered and sorted from
    /// the registry's index: only the vendors of the page are read.
    pub fn query_vendors(&self, query: &VendorQuery) -> Result<Page<Vendor>> {
        let bounds = |total| query.page_bounds(total);
        let (total, ids) = if query.keeps_all() {
            self.registry.slice(query.sort, bounds)
        } else {
            let words = query.words();
            // For each word, the vendors someone working for has it.
            let in_people: Vec<HashSet<VendorId>> = {
                let directory = self.directory.rows();
                words.each(|found| {
                    directory
                        .by_id
                        .values()
                        .filter_map(|p| p.vendor.filter(|_| found(p.contact_text())))
                        .collect()
                })
            };
            let rows = self.registry.rows();
            let kept = rows
                .by_id
                .values()
                .filter(|r| query.keeps(r, &words, |i| in_people[i].contains(&r.id)))
                .collect();
            page_of(query.sort, kept, bounds)
        };
        let mut items = Vec::with_capacity(ids.len());
        for id in ids {
            match self.vendor(id) {
                Ok(vendor) => items.push(vendor),
                // Taken out since the index was read.
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Page { total, items })
    }

    /// The names of the vendors among `ids` that are in the registry, in
    /// the registry's name order.
    pub fn vendor_names(&self, ids: impl IntoIterator<Item = VendorId>) -> Vec<(VendorId, String)> {
        let rows = self.registry.rows();
        let mut named: Vec<&RegistryRow> = ids.into_iter().filter_map(|id| rows.by_id.get(&id)).collect();
        named.sort_unstable_by(|a, b| VendorSort::Name.compare(a, b));
        named.dedup_by_key(|r| r.id);
        named.into_iter().map(|r| (r.id, r.name.clone())).collect()
    }

    /// Writes a vendor, and with it a journal entry when given (a stage
    /// change), in one transaction, then flushes.
    pub fn put_vendor(&self, vendor: &Vendor, entry: Option<&JournalEntry>) -> Result<()> {
        self.put_vendors(&[(vendor, entry)], &[])
    }

    /// Writes several vendors with their stage-change entries, and people
    /// of the directory, in one transaction (an import: all or nothing),
    /// then flushes.
    pub fn put_vendors(&self, vendors: &[(&Vendor, Option<&JournalEntry>)], people: &[Person]) -> Result<()> {
        self.writable()?;
        let mut encoded = Vec::with_capacity(vendors.len());
        for (vendor, entry) in vendors {
            let entry = entry
                .map(|e| Ok::<_, StoreError>((child_key(vendor.id.as_bytes(), e.id.as_bytes()), encode(e)?)))
                .transpose()?;
            encoded.push((vendor.id, encode(*vendor)?, entry));
        }
        let encoded_people = people
            .iter()
            .map(|p| Ok((p.id, encode(p)?)))
            .collect::<Result<Vec<_>>>()?;
        let criteria = self.criteria()?;
        let rows = vendors
            .iter()
            .map(|(vendor, entry)| self.registry_row(vendor, &criteria, |journal| written(journal, *entry)))
            .collect::<Result<Vec<_>>>()?;
        (&self.vendors, &self.journal, &self.people)
            .transaction(|(vendors, journal, directory)| {
                for (id, value, entry) in &encoded {
                    vendors.insert(id.as_bytes(), value.as_slice())?;
                    if let Some((k, v)) = entry {
                        journal.insert(&k[..], v.as_slice())?;
                    }
                }
                for (id, value) in &encoded_people {
                    directory.insert(id.as_bytes(), value.as_slice())?;
                }
                Ok(())
            })
            .map_err(StoreError::from)?;
        self.flush()?;
        self.registry.put_rows(rows);
        self.directory.put(people);
        self.search.put(vendors.iter().map(|(vendor, _)| *vendor));
        self.search.put(vendors.iter().filter_map(|(_, entry)| *entry));
        self.search.put(people);
        Ok(())
    }

    /// Deletes a vendor and its whole journal in one transaction, then
    /// flushes. `NotFound` when there is no such vendor.
    pub fn delete_vendor(&self, id: VendorId) -> Result<()> {
        self.writable()?;
        if !self.vendors.contains_key(id.as_bytes())? {
            return Err(StoreError::NotFound);
        }
        let entries = children::keys(&self.journal, id.as_bytes())?;
        (&self.vendors, &self.journal)
            .transaction(|(vendors, journal)| {
                vendors.remove(id.as_bytes())?;
                for key in &entries {
                    journal.remove(key)?;
                }
                Ok(())
            })
            .map_err(StoreError::from)?;
        self.flush()?;
        self.registry.remove(&[id]);
        self.search.forget(SearchKind::Vendor, [id.0]);
        self.search.forget_owned_by(id.0);
        Ok(())
    }

    /// The vendor's journal, in key order.
    pub fn journal(&self, vendor: VendorId) -> Result<Vec<JournalEntry>> {
        children::list(self, &self.journal, vendor.as_bytes())
    }

    /// One entry of the vendor's journal.
    pub fn journal_entry(&self, vendor: VendorId, id: JournalEntryId) -> Result<JournalEntry> {
        children::get(self, &self.journal, vendor.as_bytes(), id.as_bytes())
    }

    /// Writes a journal entry, then flushes.
    pub fn put_journal_entry(&self, entry: &JournalEntry) -> Result<()> {
        self.writable()?;
        let row = self.registry_row_of(entry.vendor, |journal| written(journal, Some(entry)))?;
        children::put_all(&self.journal, entry.vendor.as_bytes(), [(entry.id.as_bytes(), entry)])?;
        self.flush()?;
        self.registry.put_rows(row);
        self.search.put([entry]);
        Ok(())
    }

    /// Deletes a journal entry, then flushes.
    pub fn delete_journal_entry(&self, vendor: VendorId, id: JournalEntryId) -> Result<()> {
        self.writable()?;
        let row = self.registry_row_of(vendor, |journal| journal.retain(|e| e.id != id))?;
        self.journal
            .remove(child_key(vendor.as_bytes(), id.as_bytes()))?
            .ok_or(StoreError::NotFound)?;
        self.flush()?;
        self.registry.put_rows(row);
        self.search.forget(SearchKind::Journal, [id.0]);
        Ok(())
    }
}

/// `journal` once `entry` (if any) is written to it, new or changed.
fn written(journal: &mut Vec<JournalEntry>, entry: Option<&JournalEntry>) {
    if let Some(entry) = entry {
        journal.retain(|e| e.id != entry.id);
        journal.push(entry.clone());
    }
}
