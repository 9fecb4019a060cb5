//! The people directory: who the DLM coordinates, and where they work.

use atelier_core::limits::SHORT_TEXT_MAX;
use atelier_core::person::{sort_people, Organisation, PeopleQuery};
use atelier_core::text::fold;
use atelier_core::validation::check_len;
use atelier_core::{Draft, Person, PersonDraft, PersonId, SaveOptions, Vendor, VendorId};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{Atelier, Result};

/// A person as the directory and the person page show them: with the name
/// of the vendor they work for, when they do.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PersonRow {
    pub person: Person,
    pub vendor_name: Option<String>,
}

/// The directory, and what its filters can offer.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Directory {
    /// The people the query keeps, by name.
    pub people: Vec<PersonRow>,
    /// How many people there are in all.
    pub total: u32,
    /// Every department named in the directory (as first written), by name.
    pub departments: Vec<String>,
}

impl Atelier {
    /// The directory filtered as the query says, by name. Refuses an
    /// overlong search text.
    pub fn list_people(&self, query: &PeopleQuery) -> Result<Directory> {
        if let Some(e) = check_len("text", &query.text, SHORT_TEXT_MAX) {
            return Err(e.into());
        }
        // In creation order first: a department written two ways is named
        // as it was first written.
        let mut all = self.store.people()?;
        let vendors = self.store.vendors()?;
        let mut departments: Vec<String> = Vec::new();
        for p in &all {
            if let Some(Organisation::Department { name }) = &p.fields.organisation {
                let folded = fold(name);
                if !departments.iter().any(|d| fold(d) == folded) {
                    departments.push(name.clone());
                }
            }
        }
        departments.sort_by_cached_key(|d| fold(d));
        sort_people(&mut all);
        let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
        let people = all
            .into_iter()
            .filter(|p| query.matches(p))
            .map(|person| row(person, &vendors))
            .collect();
        Ok(Directory {
            people,
            total,
            departments,
        })
    }

    /// One person. `NotFound` when there is none.
    pub fn get_person(&self, id: PersonId) -> Result<PersonRow> {
        Ok(row(self.store.person(id)?, &self.store.vendors()?))
    }

    /// Adds someone to the directory. Refuses a blank name, an e-mail that
    /// is not one, texts over their limits, or a vendor that is not in the
    /// registry; someone else with the same e-mail waits for confirmation.
    pub fn create_person(&self, draft: PersonDraft, save: &SaveOptions) -> Result<Person> {
        let draft = self.judge_person(draft, None, save)?;
        let person = Person::create(draft, Utc::now())?;
        self.store.put_person(&person)?;
        Ok(person)
    }

    /// Replaces a person's fields under the same rules.
    pub fn update_person(&self, id: PersonId, draft: PersonDraft, save: &SaveOptions) -> Result<Person> {
        let mut person = self.store.person(id)?;
        let draft = self.judge_person(draft, Some(id), save)?;
        person.edit(draft, Utc::now())?;
        self.store.put_person(&person)?;
        Ok(person)
    }

    /// Removes someone from the directory.
    pub fn delete_person(&self, id: PersonId) -> Result<()> {
        Ok(self.store.delete_person(id)?)
    }

    /// The people who work for `vendor`, by name.
    pub fn vendor_people(&self, vendor: VendorId) -> Result<Vec<Person>> {
        let mut people: Vec<Person> = self
            .store
            .people()?
            .into_iter()
            .filter(|p| p.fields.vendor() == Some(vendor))
            .collect();
        sort_people(&mut people);
        Ok(people)
    }

    /// The draft, tidied, once its rules pass, its vendor exists and its
    /// cautions are confirmed.
    fn judge_person(&self, draft: PersonDraft, me: Option<PersonId>, save: &SaveOptions) -> Result<PersonDraft> {
        let draft = draft.normalized();
        let directory = self.store.people()?;
        save.judge(draft.validate(), || draft.cautions(&directory, me))?;
        if let Some(vendor) = draft.vendor() {
            self.store.vendor(vendor)?;
        }
        Ok(draft)
    }
}

/// A person with their vendor's name.
fn row(person: Person, vendors: &[Vendor]) -> PersonRow {
    let vendor_name = person
        .fields
        .vendor()
        .and_then(|id| vendors.iter().find(|v| v.id == id))
        .map(|v| v.fields.name.clone());
    PersonRow { person, vendor_name }
}
