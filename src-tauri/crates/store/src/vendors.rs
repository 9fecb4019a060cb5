//! The vendor registry and each vendor's journal.

use atelier_core::vendor::JournalEntry;
use atelier_core::{JournalEntryId, Person, Vendor, VendorId};
use sled::transaction::Transactional;

use crate::children::{self, child_key};
use crate::envelope::encode;
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
        let people = people
            .iter()
            .map(|p| Ok((p.id, encode(p)?)))
            .collect::<Result<Vec<_>>>()?;
        (&self.vendors, &self.journal, &self.people)
            .transaction(|(vendors, journal, directory)| {
                for (id, value, entry) in &encoded {
                    vendors.insert(id.as_bytes(), value.as_slice())?;
                    if let Some((k, v)) = entry {
                        journal.insert(&k[..], v.as_slice())?;
                    }
                }
                for (id, value) in &people {
                    directory.insert(id.as_bytes(), value.as_slice())?;
                }
                Ok(())
            })
            .map_err(StoreError::from)?;
        self.flush()
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
        self.flush()
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
        children::put_all(&self.journal, entry.vendor.as_bytes(), [(entry.id.as_bytes(), entry)])?;
        self.flush()
    }

    /// Deletes a journal entry, then flushes.
    pub fn delete_journal_entry(&self, vendor: VendorId, id: JournalEntryId) -> Result<()> {
        self.writable()?;
        self.journal
            .remove(child_key(vendor.as_bytes(), id.as_bytes()))?
            .ok_or(StoreError::NotFound)?;
        self.flush()
    }
}
