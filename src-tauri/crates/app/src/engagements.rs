//! Vendors engaged on projects, seen from either side.

use atelier_core::engagement::{budget_cover, sort_engagements, totals_by_currency, BudgetCover, CurrencyTotal};
use atelier_core::vendor::VendorType;
use atelier_core::{Draft, Engagement, EngagementDraft, EngagementId, ProjectId, SaveOptions, VendorId};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{Atelier, Result};

/// An engagement with the names both sides need to show it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct EngagementRow {
    pub engagement: Engagement,
    /// Empty, with no type, when the vendor's record cannot be read (damaged
    /// data): the contract still shows, and still counts.
    pub vendor_name: String,
    pub vendor_type: Option<VendorType>,
    pub project_title: String,
}

/// Every vendor engaged on one project, with the amounts added up and set
/// against the project's planned budget when it has one.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ProjectEngagements {
    pub engagements: Vec<EngagementRow>,
    /// How many different vendors the engagements name (one vendor may
    /// hold several contracts).
    pub vendor_count: u32,
    pub totals: Vec<CurrencyTotal>,
    pub budget: Option<BudgetCover>,
}

impl Atelier {
    /// Every readable vendor by id, read once (a vendor that cannot be read
    /// is noted by the store and left out).
    pub(crate) fn vendors_by_id(&self) -> Result<std::collections::HashMap<VendorId, atelier_core::Vendor>> {
        Ok(self.store.vendors()?.into_iter().map(|v| (v.id, v)).collect())
    }

    /// The vendors engaged on a project, earliest start first, with the
    /// total engaged per currency and the share of the planned budget it
    /// takes. `NotFound` for an unknown or trashed project.
    pub fn project_engagements(&self, project: ProjectId) -> Result<ProjectEngagements> {
        let fields = self.store.project(project)?.fields;
        let title = fields.title;
        let mut engagements = self.store.engagements(project)?;
        sort_engagements(&mut engagements);
        let totals = totals_by_currency(&engagements);
        let budget = budget_cover(&fields.budget, &engagements);
        let mut vendors: Vec<VendorId> = engagements.iter().map(|e| e.fields.vendor).collect();
        vendors.sort_unstable();
        vendors.dedup();
        let known = self.vendors_by_id()?;
        let engagements = engagements
            .into_iter()
            .map(|engagement| {
                let vendor = known.get(&engagement.fields.vendor);
                EngagementRow {
                    engagement,
                    vendor_name: vendor.map(|v| v.fields.name.clone()).unwrap_or_default(),
                    vendor_type: vendor.map(|v| v.fields.vendor_type),
                    project_title: title.clone(),
                }
            })
            .collect();
        Ok(ProjectEngagements {
            engagements,
            vendor_count: u32::try_from(vendors.len()).unwrap_or(u32::MAX),
            totals,
            budget,
        })
    }

    /// A vendor's engagements on live projects, earliest start first
    /// (those on a project in the trash stay hidden until it is restored).
    pub fn vendor_engagements(&self, vendor: VendorId) -> Result<Vec<EngagementRow>> {
        let v = self.store.vendor(vendor)?;
        let mut engagements = self.store.vendor_engagements(vendor)?;
        sort_engagements(&mut engagements);
        let mut rows = Vec::with_capacity(engagements.len());
        for engagement in engagements {
            match self.store.project(engagement.project) {
                Ok(p) => rows.push(EngagementRow {
                    engagement,
                    vendor_name: v.fields.name.clone(),
                    vendor_type: Some(v.fields.vendor_type),
                    project_title: p.fields.title,
                }),
                Err(atelier_store::StoreError::NotFound) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(rows)
    }

    /// Engages a vendor on a project. Refuses a blank scope, a bad amount,
    /// currency or dates; `NotFound` when the project or vendor is unknown.
    /// A contract that takes the project's contracts beyond its planned
    /// budget waits for the DLM's confirmation.
    pub fn create_engagement(
        &self,
        project: ProjectId,
        draft: EngagementDraft,
        save: &SaveOptions,
    ) -> Result<ProjectEngagements> {
        let budget = self.store.project(project)?.fields.budget;
        let draft = draft.normalized();
        let others = self.store.engagements(project)?;
        save.judge(draft.validate(), || draft.cautions(&budget, &others))?;
        self.store.vendor(draft.vendor)?;
        let engagement = Engagement::create(project, draft, Utc::now())?;
        self.store.put_engagement(&engagement)?;
        self.project_engagements(project)
    }

    /// Edits an engagement under the same rules and caution.
    pub fn update_engagement(
        &self,
        project: ProjectId,
        id: EngagementId,
        draft: EngagementDraft,
        save: &SaveOptions,
    ) -> Result<ProjectEngagements> {
        let budget = self.store.project(project)?.fields.budget;
        let mut engagement = self.store.engagement(project, id)?;
        let draft = draft.normalized();
        let others: Vec<Engagement> = self
            .store
            .engagements(project)?
            .into_iter()
            .filter(|e| e.id != id)
            .collect();
        save.judge(draft.validate(), || draft.cautions(&budget, &others))?;
        self.store.vendor(draft.vendor)?;
        engagement.edit(draft, Utc::now())?;
        self.store.put_engagement(&engagement)?;
        self.project_engagements(project)
    }

    /// Ends an engagement's record.
    pub fn delete_engagement(&self, project: ProjectId, id: EngagementId) -> Result<ProjectEngagements> {
        self.store.delete_engagement(project, id)?;
        self.project_engagements(project)
    }
}
