//! The vendor watch: the registry, the watch stage, the journal.

use atelier_core::radar::{Assessment, Judgement};
use atelier_core::scorecard::{
    check_criteria, check_scores, compare_scores, leaders, weighted_total, Criterion, CriterionRow, Score,
};
use atelier_core::validation::check_date;
use atelier_core::vendor::{sort_journal, JournalDraft, JournalEntry, VendorQuery};
use atelier_core::{JournalEntryId, Rule, SaveOptions, ValidationError, Vendor, VendorDraft, VendorId, WatchStage};
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use crate::{today, Atelier, Result};

/// A vendor of the registry, by name: what a list or a choice shows.
#[derive(Debug, Clone, Serialize, Type)]
pub struct VendorName {
    pub id: VendorId,
    pub name: String,
}

/// A vendor and its journal, newest entry first, with its scorecard total.
#[derive(Debug, Clone, Serialize, Type)]
pub struct VendorDetail {
    pub vendor: Vendor,
    pub journal: Vec<JournalEntry>,
    /// Weighted total out of 5, in hundredths; `None` until scored.
    pub total: Option<u32>,
    pub criteria: Vec<Criterion>,
    /// Ring and verdict of the buzz-or-trend judgement, when judged.
    pub assessment: Option<Assessment>,
}

/// A vendor as the registry list and the comparison show it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct VendorRow {
    pub vendor: Vendor,
    /// Weighted total out of 5, in hundredths; `None` until scored.
    pub total: Option<u32>,
    /// Ring and verdict of its judgement, when judged.
    pub assessment: Option<Assessment>,
}

impl VendorRow {
    /// The vendor with its total on `criteria` and its assessment.
    fn of(vendor: Vendor, criteria: &[Criterion]) -> Self {
        Self {
            total: weighted_total(&vendor.scores, criteria),
            assessment: vendor.judgement.as_ref().map(Judgement::assess),
            vendor,
        }
    }
}

/// A page of the registry: the vendors a query keeps, from its offset.
#[derive(Debug, Clone, Serialize, Type)]
pub struct VendorPage {
    pub rows: Vec<VendorRow>,
    /// How many vendors the query keeps in all.
    pub total: u32,
}

/// Two to four vendors side by side: the scorecard criterion by criterion,
/// the weighted totals and the buzz-or-trend judgements.
#[derive(Debug, Clone, Serialize, Type)]
pub struct VendorComparison {
    /// One row per criterion, scores in the vendors' order.
    pub rows: Vec<CriterionRow>,
    pub vendors: Vec<ComparedVendor>,
}

/// One vendor of a comparison.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ComparedVendor {
    pub row: VendorRow,
    /// Its total is the highest of the comparison (ties all lead).
    pub leads: bool,
}

impl Atelier {
    /// The page of the registry the query asks for, filtered and sorted.
    /// Refuses an overlong search text.
    pub fn list_vendors(&self, query: &VendorQuery) -> Result<VendorPage> {
        if let Some(e) = atelier_core::validation::check_len("text", &query.text, atelier_core::limits::SHORT_TEXT_MAX)
        {
            return Err(e.into());
        }
        let page = self.store.query_vendors(query)?;
        let criteria = self.store.criteria()?;
        Ok(VendorPage {
            total: u32::try_from(page.total).unwrap_or(u32::MAX),
            rows: page.items.into_iter().map(|v| VendorRow::of(v, &criteria)).collect(),
        })
    }

    /// One vendor with its journal. `NotFound` when there is none.
    pub fn get_vendor(&self, id: VendorId) -> Result<VendorDetail> {
        let vendor = self.store.vendor(id)?;
        let mut journal = self.store.journal(id)?;
        sort_journal(&mut journal);
        let criteria = self.store.criteria()?;
        Ok(VendorDetail {
            total: weighted_total(&vendor.scores, &criteria),
            assessment: vendor.judgement.as_ref().map(Judgement::assess),
            vendor,
            journal,
            criteria,
        })
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
    /// journal (today unless `date` says otherwise), in one write. Refuses
    /// a date outside 2000–2100.
    pub fn change_vendor_stage(
        &self,
        id: VendorId,
        stage: WatchStage,
        date: Option<NaiveDate>,
    ) -> Result<VendorDetail> {
        if let Some(e) = check_date("date", date) {
            return Err(e.into());
        }
        let mut vendor = self.store.vendor(id)?;
        if vendor.stage != stage {
            let now = Utc::now();
            let entry = JournalEntry::stage_change(id, vendor.stage, stage, date.unwrap_or_else(today), now);
            vendor.stage = stage;
            vendor.updated_at = now;
            self.store.put_vendor(&vendor, Some(&entry))?;
        }
        self.get_vendor(id)
    }

    /// Deletes a vendor with its journal and scores. Refuses (rule `in_use`,
    /// with how many) while it is engaged on a project, trashed ones
    /// included, or while people of the directory work for it, so that
    /// nothing is left pointing nowhere.
    pub fn delete_vendor(&self, id: VendorId) -> Result<()> {
        let engaged = self.store.vendor_engagements(id)?.len();
        if engaged > 0 {
            return Err(ValidationError::with_limit("engagements", Rule::InUse, engaged).into());
        }
        let people = self.vendor_people(id)?.len();
        if people > 0 {
            return Err(ValidationError::with_limit("people", Rule::InUse, people).into());
        }
        Ok(self.store.delete_vendor(id)?)
    }

    /// Writes a dated journal entry (meeting, demo, reference call, pilot
    /// result, event or note). Refuses a blank title or a date outside
    /// 2000–2100; an entry dated after today waits for confirmation.
    pub fn add_journal_entry(&self, vendor: VendorId, draft: JournalDraft, save: &SaveOptions) -> Result<VendorDetail> {
        self.store.vendor(vendor)?;
        save.judge(draft.validate(), || draft.cautions(today()))?;
        let entry = JournalEntry::create(vendor, draft, Utc::now())?;
        self.store.put_journal_entry(&entry)?;
        self.get_vendor(vendor)
    }

    /// Rewrites a journal entry the DLM wrote, under the same rules and
    /// caution; the dated trace of a stage change is refused (`kind`,
    /// `transition_not_allowed`).
    pub fn update_journal_entry(
        &self,
        vendor: VendorId,
        id: JournalEntryId,
        draft: JournalDraft,
        save: &SaveOptions,
    ) -> Result<VendorDetail> {
        let mut entry = self.store.journal_entry(vendor, id)?;
        save.judge(draft.validate(), || draft.cautions(today()))?;
        entry.edit(draft)?;
        self.store.put_journal_entry(&entry)?;
        self.get_vendor(vendor)
    }

    /// Deletes a journal entry.
    pub fn delete_journal_entry(&self, vendor: VendorId, id: JournalEntryId) -> Result<VendorDetail> {
        self.store.delete_journal_entry(vendor, id)?;
        self.get_vendor(vendor)
    }

    /// The scorecard criteria and their weights.
    pub fn get_criteria(&self) -> Result<Vec<Criterion>> {
        Ok(self.store.criteria()?)
    }

    /// Replaces the criteria (keys unique, weights 0 to 10, at most 20).
    /// Scores on a criterion that is removed are kept but no longer count.
    pub fn set_criteria(&self, criteria: Vec<Criterion>) -> Result<Vec<Criterion>> {
        let errors = check_criteria(&criteria);
        if !errors.is_empty() {
            return Err(errors.into());
        }
        self.store.put_criteria(&criteria)?;
        Ok(criteria)
    }

    /// Replaces a vendor's scores (1 to 5, known criteria, once each).
    pub fn score_vendor(&self, id: VendorId, scores: Vec<Score>) -> Result<VendorDetail> {
        let mut vendor = self.store.vendor(id)?;
        let errors = check_scores(&scores, &self.store.criteria()?);
        if !errors.is_empty() {
            return Err(errors.into());
        }
        vendor.scores = scores;
        vendor.updated_at = Utc::now();
        self.store.put_vendor(&vendor, None)?;
        self.get_vendor(id)
    }

    /// Two to four vendors side by side. Refuses fewer or more.
    pub fn compare_vendors(&self, ids: Vec<VendorId>) -> Result<VendorComparison> {
        if !(2..=4).contains(&ids.len()) {
            return Err(ValidationError::with_limit("vendors", Rule::TooMany, 4).into());
        }
        let criteria = self.store.criteria()?;
        let vendors = ids
            .into_iter()
            .map(|id| self.store.vendor(id))
            .collect::<std::result::Result<Vec<Vendor>, _>>()?;
        let scores: Vec<&[Score]> = vendors.iter().map(|v| v.scores.as_slice()).collect();
        let rows = compare_scores(&criteria, &scores);
        let vendors: Vec<VendorRow> = vendors.into_iter().map(|v| VendorRow::of(v, &criteria)).collect();
        let totals: Vec<Option<u32>> = vendors.iter().map(|r| r.total).collect();
        let vendors = vendors
            .into_iter()
            .zip(leaders(&totals))
            .map(|(row, leads)| ComparedVendor { row, leads })
            .collect();
        Ok(VendorComparison { rows, vendors })
    }
}
