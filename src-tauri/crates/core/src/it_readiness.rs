//! IT readiness: what the IT department (DSI) must have done before a
//! digital program can launch — a course space on the LMS, single sign-on,
//! the network, the workstations, the security review, the data-protection
//! paperwork, the helpdesk. One checklist per project, started from the
//! usual checks (named in the DLM's language by the UI) and editable.
//!
//! Each item has an owner (usually on the IT side), a status, a due date
//! and an evidence note; an item that does not apply says why and leaves
//! the count. The readiness percentage is computed here, and so is what is
//! overdue.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{PersonId, ProjectId, VendorId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX};
use crate::person::PersonRef;
use crate::validation::{check_date, check_len, check_required, Rule, ValidationError};

use crate::choices::every_variant;

/// The part of the IT estate an item concerns; the checklist is grouped by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ItArea {
    /// The LMS or learning platform.
    Platform,
    /// Accounts and single sign-on.
    Identity,
    /// Bandwidth, proxy and firewall.
    Network,
    /// Computers, browsers, mobiles, software installed.
    Workstations,
    /// The security review of what is brought in.
    Security,
    /// GDPR: processing register, agreements with vendors.
    DataProtection,
    /// Who learners call when something fails.
    Support,
}

every_variant!(ItArea {
    Platform,
    Identity,
    Network,
    Workstations,
    Security,
    DataProtection,
    Support
});

/// The checks a new checklist starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ItCheck {
    /// A course space on the LMS, with enrolment set up.
    LmsSpace,
    /// The SCORM/xAPI packages play and report on the LMS.
    PackagesTested,
    /// Learners sign in with their company account (SSO).
    SingleSignOn,
    /// Every learner has an account, external ones included.
    Accounts,
    /// The sites' bandwidth carries the videos and live sessions.
    Bandwidth,
    /// The vendor's domains pass the proxy and the firewall.
    AllowedDomains,
    /// The company's browsers and devices run the content.
    Devices,
    /// Whatever must be installed on workstations is packaged and deployed.
    Software,
    /// The security review of the vendor's solution is passed.
    SecurityReview,
    /// The processing is in the GDPR register.
    ProcessingRegister,
    /// The data-processing agreement with the vendor is signed.
    ProcessingAgreement,
    /// The helpdesk knows the program and how to answer.
    Helpdesk,
}

every_variant!(ItCheck {
    LmsSpace,
    PackagesTested,
    SingleSignOn,
    Accounts,
    Bandwidth,
    AllowedDomains,
    Devices,
    Software,
    SecurityReview,
    ProcessingRegister,
    ProcessingAgreement,
    Helpdesk
});

impl ItCheck {
    /// The area the check belongs to.
    pub fn area(self) -> ItArea {
        match self {
            Self::LmsSpace | Self::PackagesTested => ItArea::Platform,
            Self::SingleSignOn | Self::Accounts => ItArea::Identity,
            Self::Bandwidth | Self::AllowedDomains => ItArea::Network,
            Self::Devices | Self::Software => ItArea::Workstations,
            Self::SecurityReview => ItArea::Security,
            Self::ProcessingRegister | Self::ProcessingAgreement => ItArea::DataProtection,
            Self::Helpdesk => ItArea::Support,
        }
    }
}

/// What an item is called: one of the usual checks, or the DLM's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ItItemName {
    Check { check: ItCheck },
    Custom { name: String },
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum ItStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    /// Does not apply to this program (with a reason); left out of the count.
    NotApplicable,
}

every_variant!(ItStatus {
    NotStarted,
    InProgress,
    Done,
    NotApplicable
});

/// What the DLM sets on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct ItItemDraft {
    pub status: ItStatus,
    /// Why the item does not apply: required when it does not.
    pub reason: String,
    pub owner: Option<PersonRef>,
    pub due: Option<NaiveDate>,
    /// What shows it is done: a ticket number, a report, a link (Markdown).
    pub evidence: String,
    /// Vendors engaged on the project whom the item concerns (their
    /// security review, their data-processing agreement).
    pub vendors: Vec<VendorId>,
}

/// Vendors one item may name.
pub const IT_ITEM_VENDORS_MAX: usize = 20;
/// Items one checklist may hold.
pub const IT_ITEMS_MAX: usize = 60;

impl ItItemDraft {
    /// The draft with its texts trimmed and each vendor named once.
    pub fn normalized(mut self) -> Self {
        self.reason = self.reason.trim().to_owned();
        self.evidence = self.evidence.trim().to_owned();
        self.owner = PersonRef::normalized(self.owner);
        let mut seen = Vec::new();
        self.vendors.retain(|v| {
            let first = !seen.contains(v);
            seen.push(*v);
            first
        });
        self
    }

    /// Every rule the draft breaks. `engaged` tells whether a vendor is
    /// engaged on the project.
    pub fn validate(&self, engaged: impl Fn(VendorId) -> bool) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if self.status == ItStatus::NotApplicable {
            errors.extend(check_required("reason", &self.reason, SHORT_TEXT_MAX));
        } else {
            errors.extend(check_len("reason", &self.reason, SHORT_TEXT_MAX));
        }
        errors.extend(PersonRef::check("owner", &self.owner));
        errors.extend(check_date("due", self.due));
        errors.extend(check_len("evidence", &self.evidence, LONG_TEXT_MAX));
        if self.vendors.len() > IT_ITEM_VENDORS_MAX {
            errors.push(ValidationError::with_limit(
                "vendors",
                Rule::TooMany,
                IT_ITEM_VENDORS_MAX,
            ));
        } else if self.vendors.iter().any(|v| !engaged(*v)) {
            errors.push(ValidationError::new("vendors", Rule::NotEngaged));
        }
        errors
    }
}

/// One item of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ItItem {
    /// Unique within its checklist, from 1; never reused.
    pub id: u32,
    pub area: ItArea,
    pub name: ItItemName,
    pub fields: ItItemDraft,
}

impl ItItem {
    /// Not done nor set aside, and its due date is past.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !matches!(self.fields.status, ItStatus::Done | ItStatus::NotApplicable)
            && self.fields.due.is_some_and(|due| due < today)
    }
}

/// A project's IT readiness checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ItChecklist {
    pub project: ProjectId,
    pub items: Vec<ItItem>,
    pub updated_at: DateTime<Utc>,
}

/// How ready IT is: the items done among those that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ItReadiness {
    /// Done items over applicable ones, rounded down (100 only when every
    /// applicable item is done; 100 when none applies).
    pub percent: u8,
    pub done: u32,
    pub applicable: u32,
    pub not_applicable: u32,
}

impl ItChecklist {
    /// A new checklist with the usual checks, none started.
    pub fn new(project: ProjectId, now: DateTime<Utc>) -> Self {
        Self {
            project,
            items: ItCheck::ALL
                .into_iter()
                .zip(1..)
                .map(|(check, id)| ItItem {
                    id,
                    area: check.area(),
                    name: ItItemName::Check { check },
                    fields: ItItemDraft::default(),
                })
                .collect(),
            updated_at: now,
        }
    }

    /// Sets what the DLM typed on item `id`; every rule broken otherwise.
    pub fn edit_item(
        &mut self,
        id: u32,
        draft: ItItemDraft,
        engaged: impl Fn(VendorId) -> bool,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<ValidationError>> {
        let fields = draft.normalized();
        let errors = fields.validate(engaged);
        let item = self.items.iter_mut().find(|i| i.id == id);
        let Some(item) = item else {
            return Err(vec![ValidationError::new("item", Rule::Required)]);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        item.fields = fields;
        self.updated_at = now;
        Ok(())
    }

    /// Adds an item of the DLM's own at the end of its area; returns its id.
    pub fn add_item(&mut self, area: ItArea, name: &str, now: DateTime<Utc>) -> Result<u32, ValidationError> {
        if let Some(e) = check_required("name", name, SHORT_TEXT_MAX) {
            return Err(e);
        }
        if self.items.len() >= IT_ITEMS_MAX {
            return Err(ValidationError::with_limit("name", Rule::TooMany, IT_ITEMS_MAX));
        }
        let id = self.items.iter().map(|i| i.id).max().unwrap_or(0) + 1;
        let at = self
            .items
            .iter()
            .rposition(|i| i.area <= area)
            .map_or(0, |last| last + 1);
        self.items.insert(
            at,
            ItItem {
                id,
                area,
                name: ItItemName::Custom {
                    name: name.trim().to_owned(),
                },
                fields: ItItemDraft::default(),
            },
        );
        self.updated_at = now;
        Ok(id)
    }

    /// Removes an item.
    pub fn remove_item(&mut self, id: u32, now: DateTime<Utc>) {
        self.items.retain(|i| i.id != id);
        self.updated_at = now;
    }

    /// Makes the items `old` owns `by`'s; true when there were some.
    pub fn replace_owner(&mut self, old: PersonId, by: PersonId, now: DateTime<Utc>) -> bool {
        let mut changed = false;
        for item in &mut self.items {
            changed |= PersonRef::swap(&mut item.fields.owner, old, by);
        }
        if changed {
            self.updated_at = now;
        }
        changed
    }

    /// How ready IT is.
    pub fn readiness(&self) -> ItReadiness {
        let count = |f: &dyn Fn(ItStatus) -> bool| self.items.iter().filter(|i| f(i.fields.status)).count() as u32;
        let not_applicable = count(&|s| s == ItStatus::NotApplicable);
        let done = count(&|s| s == ItStatus::Done);
        let applicable = self.items.len() as u32 - not_applicable;
        // Nothing that applies: nothing left to do.
        let percent = (done * 100).checked_div(applicable).map_or(100, |p| p as u8);
        ItReadiness {
            percent,
            done,
            applicable,
            not_applicable,
        }
    }

    /// How many items are overdue on `today`.
    pub fn overdue(&self, today: NaiveDate) -> u32 {
        self.items.iter().filter(|i| i.is_overdue(today)).count() as u32
    }
}

/// The readiness of a project's checklist, or of the checklist a project
/// without one starts with (none of the usual checks done: 0 %).
pub fn readiness_of(list: Option<&ItChecklist>) -> ItReadiness {
    match list {
        Some(list) => list.readiness(),
        None => ItReadiness {
            percent: 0,
            done: 0,
            applicable: ItCheck::ALL.len() as u32,
            not_applicable: 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn set(list: &mut ItChecklist, id: u32, status: ItStatus) {
        let draft = ItItemDraft {
            status,
            reason: if status == ItStatus::NotApplicable {
                "Pas de SSO".into()
            } else {
                String::new()
            },
            ..ItItemDraft::default()
        };
        list.edit_item(id, draft, |_| false, Utc::now()).expect("edits");
    }

    #[test]
    fn a_new_checklist_holds_every_usual_check_in_area_order_none_started() {
        let list = ItChecklist::new(ProjectId::new(), Utc::now());
        assert_eq!(list.items.len(), ItCheck::ALL.len());
        assert!(list.items.windows(2).all(|w| w[0].area <= w[1].area));
        assert_eq!(
            list.readiness(),
            ItReadiness {
                percent: 0,
                done: 0,
                applicable: 12,
                not_applicable: 0
            }
        );
    }

    #[test]
    fn a_project_without_a_checklist_is_as_ready_as_a_new_one() {
        let new = ItChecklist::new(ProjectId::new(), Utc::now());
        assert_eq!(readiness_of(None), new.readiness());
        assert_eq!(readiness_of(Some(&new)), new.readiness());
    }

    #[test]
    fn readiness_counts_done_items_among_those_that_apply() {
        let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
        for id in 1..=5 {
            set(&mut list, id, ItStatus::Done);
        }
        set(&mut list, 6, ItStatus::NotApplicable);
        set(&mut list, 7, ItStatus::NotApplicable);
        set(&mut list, 8, ItStatus::InProgress);
        let r = list.readiness();
        assert_eq!((r.done, r.applicable, r.not_applicable), (5, 10, 2));
        assert_eq!(r.percent, 50);
    }

    #[test]
    fn readiness_is_rounded_down_so_that_100_means_everything_done() {
        let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
        for id in 1..=11 {
            set(&mut list, id, ItStatus::Done);
        }
        assert_eq!(list.readiness().percent, 91);
        set(&mut list, 12, ItStatus::NotApplicable);
        assert_eq!(list.readiness().percent, 100);
    }

    #[test]
    fn not_applicable_needs_a_reason() {
        let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
        let draft = ItItemDraft {
            status: ItStatus::NotApplicable,
            reason: "  ".into(),
            ..ItItemDraft::default()
        };
        let errors = list.edit_item(3, draft, |_| true, Utc::now()).expect_err("refused");
        assert_eq!(errors, vec![ValidationError::new("reason", Rule::Required)]);
        assert_eq!(list.items[2].fields.status, ItStatus::NotStarted, "nothing changed");
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
        let draft = ItItemDraft {
            status: ItStatus::NotApplicable,
            reason: String::new(),
            due: Some(day(1999, 1, 1)),
            evidence: "x".repeat(LONG_TEXT_MAX + 1),
            vendors: vec![VendorId::new()],
            ..ItItemDraft::default()
        };
        let errors = list.edit_item(1, draft, |_| false, Utc::now()).expect_err("refused");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["reason", "due", "evidence", "vendors"]);
        assert_eq!(errors[3].rule, Rule::NotEngaged);
    }

    #[test]
    fn an_item_is_overdue_when_past_due_and_neither_done_nor_set_aside() {
        let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
        let today = day(2026, 12, 1);
        for (id, status) in [
            (1, ItStatus::NotStarted),
            (2, ItStatus::Done),
            (3, ItStatus::InProgress),
        ] {
            let draft = ItItemDraft {
                status,
                due: Some(day(2026, 11, 30)),
                ..ItItemDraft::default()
            };
            list.edit_item(id, draft, |_| false, Utc::now()).expect("edits");
        }
        let due_today = ItItemDraft {
            due: Some(today),
            ..ItItemDraft::default()
        };
        list.edit_item(4, due_today, |_| false, Utc::now()).expect("edits");
        assert_eq!(list.overdue(today), 2, "items 1 and 3");
        assert!(!list.items[3].is_overdue(today), "due today is not late yet");
    }

    #[test]
    fn an_added_item_goes_at_the_end_of_its_area_with_a_fresh_id() {
        let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
        list.remove_item(12, Utc::now());
        let id = list
            .add_item(ItArea::Network, " Wi-Fi des ateliers ", Utc::now())
            .expect("adds");
        assert_eq!(id, 12, "the highest id left plus one");
        let at = list.items.iter().position(|i| i.id == id).expect("there");
        assert_eq!(
            list.items[at - 1].name,
            ItItemName::Check {
                check: ItCheck::AllowedDomains
            }
        );
        assert_eq!(
            list.items[at].name,
            ItItemName::Custom {
                name: "Wi-Fi des ateliers".into()
            }
        );
        assert_eq!(
            list.add_item(ItArea::Network, "  ", Utc::now()),
            Err(ValidationError::new("name", Rule::Required))
        );
    }

    #[test]
    fn the_items_one_person_owns_pass_to_another() {
        let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
        let (eric, lea, nadia) = (PersonId::new(), PersonId::new(), PersonId::new());
        for (id, owner) in [(1, eric), (2, lea), (3, eric)] {
            let draft = ItItemDraft {
                owner: Some(PersonRef::Person { id: owner }),
                ..ItItemDraft::default()
            };
            list.edit_item(id, draft, |_| false, Utc::now()).expect("edits");
        }
        assert!(list.replace_owner(eric, nadia, Utc::now()));
        let owners: Vec<Option<PersonId>> = list.items[..3]
            .iter()
            .map(|i| i.fields.owner.as_ref().and_then(PersonRef::person))
            .collect();
        assert_eq!(owners, [Some(nadia), Some(lea), Some(nadia)]);
        assert!(!list.replace_owner(eric, nadia, Utc::now()), "nothing left to pass");
    }

    #[test]
    fn an_unknown_item_is_refused() {
        let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
        let errors = list
            .edit_item(99, ItItemDraft::default(), |_| true, Utc::now())
            .expect_err("refused");
        assert_eq!(errors[0].field, "item");
    }

    proptest! {
        /// Readiness stays within 0–100, reaches 100 exactly when every
        /// applicable item is done, and setting an unfinished item aside
        /// never lowers it.
        #[test]
        fn readiness_is_a_sound_percentage(statuses in prop::collection::vec(0u8..4, 12)) {
            let mut list = ItChecklist::new(ProjectId::new(), Utc::now());
            for (id, s) in (1..).zip(&statuses) {
                set(&mut list, id, ItStatus::ALL[*s as usize]);
            }
            let r = list.readiness();
            prop_assert!(r.percent <= 100);
            prop_assert_eq!(r.applicable + r.not_applicable, 12);
            prop_assert_eq!(r.percent == 100, r.done == r.applicable);
            if let Some(open) = list.items.iter().find(|i| matches!(i.fields.status, ItStatus::NotStarted | ItStatus::InProgress)).map(|i| i.id) {
                set(&mut list, open, ItStatus::NotApplicable);
                prop_assert!(list.readiness().percent >= r.percent);
            }
        }
    }
}
