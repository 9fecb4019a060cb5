//! The people directory.

use atelier_core::campaign::Message;
use atelier_core::directory::DirectoryChoices;
use atelier_core::evaluation::Evaluation;
use atelier_core::handoff::Handoff;
use atelier_core::it_readiness::ItChecklist;
use atelier_core::person::PeopleQuery;
use atelier_core::raci::Raci;
use atelier_core::roster::Roster;
use atelier_core::search::SearchKind;
use atelier_core::{Person, PersonId, Project, Task, Template, TrashedProject};
use sled::transaction::TransactionError;
use sled::Transactional;

use crate::children::child_key;
use crate::envelope::encode;
use crate::row_index::{page_of, Page};
use crate::{Result, Store, StoreError};

/// The records that named a person, rewritten to name another: what
/// replacing someone everywhere writes, in one transaction with their
/// removal.
#[derive(Debug, Default)]
pub struct PersonReplacement {
    pub projects: Vec<Project>,
    pub trashed: Vec<TrashedProject>,
    pub tasks: Vec<Task>,
    pub templates: Vec<Template>,
    pub racis: Vec<Raci>,
    pub it_checklists: Vec<ItChecklist>,
    pub messages: Vec<Message>,
    pub evaluations: Vec<Evaluation>,
    pub rosters: Vec<Roster>,
    pub handoffs: Vec<Handoff>,
}

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

    /// The page of the directory `query` asks for, by name, from the
    /// directory's index: only the people of the page are read.
    pub fn query_people(&self, query: &PeopleQuery) -> Result<Page<Person>> {
        let bounds = |total| query.page_bounds(total);
        let (total, ids) = if query.keeps_all() {
            self.directory.slice((), bounds)
        } else {
            let matcher = query.matcher();
            let rows = self.directory.rows();
            let kept = rows.by_id.values().filter(|r| matcher.keeps(r)).collect();
            page_of((), kept, bounds)
        };
        Ok(Page {
            total,
            items: self.people_among(ids)?,
        })
    }

    /// What the directory's filters offer.
    pub fn directory_choices(&self) -> DirectoryChoices {
        DirectoryChoices::of(self.directory.rows().by_id.values())
    }

    /// How many people the directory holds.
    pub fn directory_size(&self) -> usize {
        self.directory.rows().by_id.len()
    }

    /// The people among `ids` still in the directory and readable (a
    /// person removed, or unreadable and noted, names no one).
    pub fn people_among(&self, ids: impl IntoIterator<Item = PersonId>) -> Result<Vec<Person>> {
        let mut people = Vec::new();
        for id in ids {
            match self.person(id) {
                Ok(person) => people.push(person),
                Err(StoreError::NotFound | StoreError::Unreadable { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(people)
    }

    /// Writes a person, then flushes.
    pub fn put_person(&self, person: &Person) -> Result<()> {
        self.writable()?;
        self.people.insert(person.id.as_bytes(), encode(person)?)?;
        self.flush()?;
        self.directory.put([person]);
        self.search.put([person]);
        Ok(())
    }

    /// Deletes a person, then flushes; `NotFound` when absent.
    pub fn delete_person(&self, id: PersonId) -> Result<()> {
        self.writable()?;
        self.people.remove(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        self.flush()?;
        self.directory.remove(&[id]);
        self.search.forget(SearchKind::Person, [id.0]);
        Ok(())
    }

    /// Writes every record of `changes` and removes `removed` from the
    /// directory, all in one transaction, then flushes: either everything
    /// names the other person and `removed` is gone, or nothing changed.
    pub fn replace_person(&self, removed: PersonId, changes: &PersonReplacement) -> Result<()> {
        self.writable()?;
        if !self.people.contains_key(removed.as_bytes())? {
            return Err(StoreError::NotFound);
        }
        let trees = [
            &self.projects,
            &self.trash,
            &self.tasks,
            &self.templates,
            &self.raci,
            &self.it_readiness,
            &self.messages,
            &self.evaluations,
            &self.rosters,
            &self.handoffs,
        ];
        let mut writes: Vec<Vec<(Vec<u8>, Vec<u8>)>> = vec![Vec::new(); trees.len()];
        for p in &changes.projects {
            writes[0].push((p.id.as_bytes().to_vec(), encode(p)?));
        }
        for t in &changes.trashed {
            writes[1].push((t.project.id.as_bytes().to_vec(), encode(t)?));
        }
        for t in &changes.tasks {
            writes[2].push((child_key(t.project.as_bytes(), t.id.as_bytes()).to_vec(), encode(t)?));
        }
        for t in &changes.templates {
            writes[3].push((t.id.as_bytes().to_vec(), encode(t)?));
        }
        for r in &changes.racis {
            writes[4].push((r.project.as_bytes().to_vec(), encode(r)?));
        }
        for l in &changes.it_checklists {
            writes[5].push((l.project.as_bytes().to_vec(), encode(l)?));
        }
        for m in &changes.messages {
            writes[6].push((child_key(m.project.as_bytes(), m.id.as_bytes()).to_vec(), encode(m)?));
        }
        for e in &changes.evaluations {
            writes[7].push((e.project.as_bytes().to_vec(), encode(e)?));
        }
        for r in &changes.rosters {
            writes[8].push((r.project.as_bytes().to_vec(), encode(r)?));
        }
        for h in &changes.handoffs {
            writes[9].push((h.project.as_bytes().to_vec(), encode(h)?));
        }
        let mut all: Vec<&sled::Tree> = trees.to_vec();
        all.push(&self.people);
        let done: std::result::Result<(), TransactionError<StoreError>> = all.as_slice().transaction(|views| {
            for (view, records) in views.iter().zip(&writes) {
                for (key, value) in records {
                    view.insert(key.as_slice(), value.as_slice())?;
                }
            }
            views[trees.len()].remove(removed.as_bytes())?;
            Ok(())
        });
        done?;
        self.flush()?;
        self.portfolio.put(&changes.projects);
        self.directory.remove(&[removed]);
        self.search.put(&changes.projects);
        self.search.put(&changes.tasks);
        self.search.put(&changes.messages);
        self.search.forget(SearchKind::Person, [removed.0]);
        Ok(())
    }
}
