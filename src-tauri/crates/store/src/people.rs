//! The people directory.

use atelier_core::{Person, PersonId};

use crate::envelope::encode;
use crate::{Result, Store, StoreError};

impl Store {
    /// Everyone in the directory, in creation order.
    pub fn people(&self) -> Result<Vec<Person>> {
        self.read_all(&self.people, self.people.iter())
    }

    /// One person; `NotFound` when absent.
    pub fn person(&self, id: PersonId) -> Result<Person> {
        let bytes = self.people.get(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        self.read_one(&self.people, id.as_bytes(), &bytes)
    }

    /// Writes a person, then flushes.
    pub fn put_person(&self, person: &Person) -> Result<()> {
        self.people.insert(person.id.as_bytes(), encode(person)?)?;
        self.flush()
    }

    /// Deletes a person, then flushes; `NotFound` when absent.
    pub fn delete_person(&self, id: PersonId) -> Result<()> {
        self.people.remove(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        self.flush()
    }
}
