//! The vendor watch: the registry, the watch stage, the journal.

use atelier_core::vendor::{sort_journal, JournalDraft, JournalEntry, VendorQuery};
use atelier_core::{JournalEntryId, Vendor, VendorDraft, VendorId, WatchStage};
use chrono::{Local, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use crate::{Atelier, Result};

/// A vendor and its journal, newest entry first.
#[derive(Debug, Clone, Serialize, Type)]
pub struct VendorDetail {
    pub vendor: Vendor,
    pub journal: Vec<JournalEntry>,
}

impl Atelier {
    /// The registry filtered by the query, sorted by name (accents and case
    /// ignored). Refuses an overlong search text.
    pub fn list_vendors(&self, query: &VendorQuery) -> Result<Vec<Vendor>> {
        if let Some(e) = atelier_core::validation::check_len("text", &query.text, atelier_core::limits::SHORT_TEXT_MAX)
        {
            return Err(e.into());
        }
        let mut vendors: Vec<Vendor> = self.store.vendors()?.into_iter().filter(|v| query.matches(v)).collect();
        vendors.sort_by_cached_key(|v| atelier_core::portfolio::fold(&v.fields.name));
        Ok(vendors)
    }

    /// One vendor with its journal. `NotFound` when there is none.
    pub fn get_vendor(&self, id: VendorId) -> Result<VendorDetail> {
        let vendor = self.store.vendor(id)?;
        let mut journal = self.store.journal(id)?;
        sort_journal(&mut journal);
        Ok(VendorDetail { vendor, journal })
    }

    /// Adds a provider to the watch, at the "spotted" stage. Refuses a blank
    /// name, an e-mail that is not one, or texts over their limits.
    pub fn create_vendor(&self, draft: VendorDraft) -> Result<Vendor> {
        let vendor = Vendor::create(draft, Utc::now())?;
        self.store.put_vendor(&vendor, None)?;
        Ok(vendor)
    }

    /// Edits a provider's details under the same rules.
    pub fn update_vendor(&self, id: VendorId, draft: VendorDraft) -> Result<Vendor> {
        let mut vendor = self.store.vendor(id)?;
        vendor.edit(draft, Utc::now())?;
        self.store.put_vendor(&vendor, None)?;
        Ok(vendor)
    }

    /// Moves a provider to another watch stage and dates the change in its
    /// journal (today unless `date` says otherwise), in one write.
    pub fn change_vendor_stage(
        &self,
        id: VendorId,
        stage: WatchStage,
        date: Option<NaiveDate>,
    ) -> Result<VendorDetail> {
        let mut vendor = self.store.vendor(id)?;
        if vendor.stage != stage {
            let now = Utc::now();
            let entry = JournalEntry::stage_change(
                id,
                vendor.stage,
                stage,
                date.unwrap_or_else(|| Local::now().date_naive()),
                now,
            );
            vendor.stage = stage;
            vendor.updated_at = now;
            self.store.put_vendor(&vendor, Some(&entry))?;
        }
        self.get_vendor(id)
    }

    /// Writes a dated journal entry (meeting, demo, reference call, pilot
    /// result, event or note). Refuses a blank title.
    pub fn add_journal_entry(&self, vendor: VendorId, draft: JournalDraft) -> Result<VendorDetail> {
        self.store.vendor(vendor)?;
        let entry = JournalEntry::create(vendor, draft, Utc::now())?;
        self.store.put_journal_entry(&entry)?;
        self.get_vendor(vendor)
    }

    /// Deletes a journal entry.
    pub fn delete_journal_entry(&self, vendor: VendorId, id: JournalEntryId) -> Result<VendorDetail> {
        self.store.delete_journal_entry(vendor, id)?;
        self.get_vendor(vendor)
    }
}
