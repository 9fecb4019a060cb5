//! The registry as a CSV file: exported for Excel or LibreOffice, and
//! imported back (all or nothing).

use std::path::Path;

use atelier_core::person::{sort_people, Organisation};
use atelier_core::text::fold;
use atelier_core::vendor::JournalEntry;
use atelier_core::Vendor;
use atelier_core::{Person, PersonDraft, PersonKind, VendorId};
use atelier_export::vendor_csv::{read_registry, write_registry, Contact, CsvDialect, ValueNames};
use chrono::{DateTime, Local, Utc};
use serde::Serialize;
use specta::Type;

use crate::files::write_whole;
use crate::{AppError, Atelier, Result};

/// What an import did.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportSummary {
    /// Rows that became new vendors.
    pub created: u32,
    /// Rows that updated a vendor already in the registry.
    pub updated: u32,
}

impl Atelier {
    /// Writes the whole registry, by name, to `path`. Returns the number of vendors.
    pub fn export_vendors_csv(&self, dialect: CsvDialect, path: &Path) -> Result<u32> {
        let mut vendors = self.store.vendors()?;
        vendors.sort_by_cached_key(|v| fold(&v.fields.name));
        let mut people = self.store.people()?;
        sort_people(&mut people);
        let bytes = write_registry(&vendors, &people, &self.store.criteria()?, dialect);
        write_whole(path, &bytes)?;
        Ok(u32::try_from(vendors.len()).unwrap_or(u32::MAX))
    }

    /// Reads a registry file. A row updates the vendor with the same id, or
    /// else with the same name (case and accents ignored), or becomes a new
    /// vendor; a stage that changes is dated in the journal, today. Each
    /// line of a row's contacts updates the vendor's person of that name
    /// (case and accents ignored: job title, e-mail and phone) or adds one
    /// to the directory; the vendor's other people stay. The first problem
    /// in the file refuses the whole import with its line number, and
    /// nothing is written. Types, stages and modalities are read as keys or
    /// as any of `names`.
    pub fn import_vendors_csv(&self, path: &Path, names: &ValueNames) -> Result<ImportSummary> {
        let bytes = std::fs::read(path).map_err(|e| AppError::file(path, &e))?;
        let rows = read_registry(&bytes, &self.store.criteria()?, names).map_err(AppError::Import)?;
        let existing = self.store.vendors()?;
        let directory = self.store.people()?;
        let now = Utc::now();
        let today = Local::now().date_naive();
        let mut summary = ImportSummary { created: 0, updated: 0 };
        let mut writes: Vec<(Vendor, Option<JournalEntry>)> = Vec::with_capacity(rows.len());
        let mut people: Vec<Person> = Vec::new();
        for row in rows {
            let name = fold(&row.draft.name);
            let found = existing
                .iter()
                .find(|v| Some(v.id) == row.id)
                .or_else(|| existing.iter().find(|v| fold(&v.fields.name) == name));
            let contacts = row.contacts;
            let (vendor, entry) = match found {
                Some(old) => {
                    summary.updated += 1;
                    let entry = (old.stage != row.stage)
                        .then(|| JournalEntry::stage_change(old.id, old.stage, row.stage, today, now));
                    let vendor = Vendor {
                        fields: row.draft,
                        stage: row.stage,
                        scores: row.scores,
                        updated_at: now,
                        ..old.clone()
                    };
                    (vendor, entry)
                }
                None => {
                    summary.created += 1;
                    let mut vendor = Vendor::create(row.draft, now)?;
                    if let Some(id) = row.id {
                        vendor.id = id;
                    }
                    vendor.stage = row.stage;
                    vendor.scores = row.scores;
                    (vendor, None)
                }
            };
            for contact in contacts {
                people.push(contact_person(vendor.id, contact, &directory, now)?);
            }
            writes.push((vendor, entry));
        }
        let writes: Vec<(&Vendor, Option<&JournalEntry>)> = writes.iter().map(|(v, e)| (v, e.as_ref())).collect();
        self.store.put_vendors(&writes, &people)?;
        Ok(summary)
    }
}

/// The person a contact line stands for: the vendor's person of that name
/// in `directory`, with the line's job title, e-mail and phone, or a new
/// vendor contact.
fn contact_person(vendor: VendorId, contact: Contact, directory: &[Person], now: DateTime<Utc>) -> Result<Person> {
    let name = fold(&contact.name);
    let known = directory
        .iter()
        .find(|p| p.fields.vendor() == Some(vendor) && fold(&p.fields.name) == name);
    let draft = |base: PersonDraft| PersonDraft {
        name: contact.name.clone(),
        job_title: contact.job_title.clone(),
        email: contact.email.clone(),
        phone: contact.phone.clone(),
        organisation: Some(Organisation::Vendor { vendor }),
        ..base
    };
    Ok(match known {
        Some(person) => {
            let mut person = person.clone();
            person.edit(draft(person.fields.clone()), now)?;
            person
        }
        None => Person::create(
            draft(PersonDraft {
                kinds: vec![PersonKind::VendorContact],
                ..PersonDraft::default()
            }),
            now,
        )?,
    })
}
