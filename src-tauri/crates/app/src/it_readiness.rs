//! A project's IT readiness checklist: what the IT department must have
//! done before the program launches, and how far it has got.

use atelier_core::caution::{Caution, CautionKind, SaveOptions};
use atelier_core::it_readiness::{readiness_of, ItArea, ItChecklist, ItItem, ItItemDraft, ItReadiness};
use atelier_core::{ProjectId, Status, VendorId};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{today, Atelier, Result, VendorName};

/// The checklist as the coordination tab shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ItChecklistView {
    /// Grouped by area, in the areas' order.
    pub items: Vec<ItItemView>,
    pub readiness: ItReadiness,
    /// Items past their due date, neither done nor set aside.
    pub overdue: u32,
    /// The vendors engaged on the project: those an item may name.
    pub engaged: Vec<VendorName>,
}

/// One item, with the names it shows.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ItItemView {
    pub item: ItItem,
    /// Its owner's name: the person's, or the text typed.
    pub owner_name: Option<String>,
    pub overdue: bool,
    /// The vendors it names, by name.
    pub vendors: Vec<VendorName>,
}

/// How ready IT is for a project, as its overview and card show it.
#[derive(Debug, Clone, Copy, Serialize, Type)]
pub struct ItSummary {
    pub readiness: ItReadiness,
    pub overdue: u32,
}

impl Atelier {
    /// The project's checklist: the usual checks, none started, until the
    /// DLM changes it. `NotFound` when the project is not live.
    pub fn get_it_checklist(&self, project: ProjectId) -> Result<ItChecklistView> {
        let list = self.it_checklist_of(project)?;
        self.it_checklist_view(&list, &self.engaged_vendors(project)?)
    }

    /// Sets what the DLM typed on one item: its status (not applicable
    /// with a reason), owner, due date, evidence and the vendors it names.
    /// Every broken rule is reported at once, with the fields the form
    /// could not read; nothing changes then.
    pub fn update_it_item(
        &self,
        project: ProjectId,
        item: u32,
        draft: ItItemDraft,
        save: &SaveOptions,
    ) -> Result<ItChecklistView> {
        let mut list = self.it_checklist_of(project)?;
        let engaged = self.engaged_vendors(project)?;
        let is_engaged = |v: VendorId| engaged.contains(&v);
        let draft = draft.normalized();
        let mut errors = draft.validate(is_engaged);
        errors.extend(self.check_person_ref("owner", &draft.owner)?);
        save.judge(errors, Vec::new)?;
        list.edit_item(item, draft, is_engaged, Utc::now())?;
        self.store.put_it_checklist(&list)?;
        self.it_checklist_view(&list, &engaged)
    }

    /// Adds an item of the DLM's own to an area.
    pub fn add_it_item(&self, project: ProjectId, area: ItArea, name: String) -> Result<ItChecklistView> {
        let mut list = self.it_checklist_of(project)?;
        list.add_item(area, &name, Utc::now())?;
        self.store.put_it_checklist(&list)?;
        self.it_checklist_view(&list, &self.engaged_vendors(project)?)
    }

    /// Removes an item.
    pub fn remove_it_item(&self, project: ProjectId, item: u32) -> Result<ItChecklistView> {
        let mut list = self.it_checklist_of(project)?;
        list.remove_item(item, Utc::now());
        self.store.put_it_checklist(&list)?;
        self.it_checklist_view(&list, &self.engaged_vendors(project)?)
    }

    /// How ready IT is for a project, from its checklist or the one it
    /// would start with.
    pub(crate) fn it_summary(&self, project: ProjectId) -> Result<ItSummary> {
        let list = self.store.it_checklist(project)?;
        Ok(ItSummary {
            readiness: readiness_of(list.as_ref()),
            overdue: list.map_or(0, |l| l.overdue(today())),
        })
    }

    /// The caution a move to deployment raises while IT is not ready.
    pub(crate) fn status_cautions(&self, project: ProjectId, to: Status) -> Result<Vec<Caution>> {
        if to != Status::Deployment {
            return Ok(Vec::new());
        }
        let percent = self.it_summary(project)?.readiness.percent;
        Ok(if percent < 100 {
            vec![Caution::with_limit(
                "status",
                CautionKind::ItNotReady,
                u32::from(percent),
            )]
        } else {
            Vec::new()
        })
    }

    /// The saved checklist, or a new one; `NotFound` when the project is
    /// not live.
    fn it_checklist_of(&self, project: ProjectId) -> Result<ItChecklist> {
        self.store.project(project)?;
        Ok(self
            .store
            .it_checklist(project)?
            .unwrap_or_else(|| ItChecklist::new(project, Utc::now())))
    }

    /// The vendors engaged on the project, each once.
    fn engaged_vendors(&self, project: ProjectId) -> Result<Vec<VendorId>> {
        let mut vendors: Vec<VendorId> = Vec::new();
        for e in self.store.engagements(project)? {
            if !vendors.contains(&e.fields.vendor) {
                vendors.push(e.fields.vendor);
            }
        }
        Ok(vendors)
    }

    /// The checklist's view; `engaged` are the vendors engaged on the project.
    fn it_checklist_view(&self, list: &ItChecklist, engaged: &[VendorId]) -> Result<ItChecklistView> {
        let directory = self.store.people()?;
        let registry = self.store.vendors()?;
        let named = |id: &VendorId| {
            registry.iter().find(|v| v.id == *id).map(|v| VendorName {
                id: *id,
                name: v.fields.name.clone(),
            })
        };
        let today = today();
        Ok(ItChecklistView {
            items: list
                .items
                .iter()
                .map(|item| ItItemView {
                    owner_name: item
                        .fields
                        .owner
                        .as_ref()
                        .and_then(|o| o.name(&directory))
                        .map(str::to_owned),
                    overdue: item.is_overdue(today),
                    vendors: item.fields.vendors.iter().filter_map(named).collect(),
                    item: item.clone(),
                })
                .collect(),
            readiness: list.readiness(),
            overdue: list.overdue(today),
            engaged: engaged.iter().filter_map(named).collect(),
        })
    }
}
