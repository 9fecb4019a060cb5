//! A project's records as a project archive carries them, checked one by
//! one when an archive comes back, and written back in one transaction.
//!
//! The store deals in raw records here ([`Record`]: tree, key, envelope
//! bytes), exactly as a backup does: the archive holds the records as they
//! are stored, so that an older archive is carried to the current schema by
//! the same migrations as a database. Which ids an import renews, and which
//! vendors and people it matches with the DLM's own, is the app's choice.

use std::collections::{BTreeSet, HashMap};

use atelier_core::brief::BriefChoice;
use atelier_core::campaign::Message;
use atelier_core::evaluation::Evaluation;
use atelier_core::handoff::Handoff;
use atelier_core::it_readiness::ItChecklist;
use atelier_core::raci::Raci;
use atelier_core::roster::Roster;
use atelier_core::{
    Activity, Artefact, Cycle, DesignState, Engagement, Person, PersonId, Project, ProjectId, Task, Vendor, VendorId,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use sled::transaction::{TransactionError, Transactional};
use uuid::Uuid;

use crate::backup::Record;
use crate::envelope::{decode, Stored};
use crate::references::uuids_in;
use crate::{Result, Store, StoreError};

/// The tree of live projects, as archives name it.
pub const PROJECTS: &str = "projects";
/// The vendors tree, as archives name it.
pub const VENDORS: &str = "vendors";
/// The people tree, as archives name it.
pub const PEOPLE: &str = "people";

/// Where an archive's record goes once imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveTree {
    /// The project's own record, keyed by its id.
    Project,
    /// A record that hangs from the project, keyed by its id (one per
    /// project) or by its id and the record's.
    Child,
    /// A vendor the project's engagements (or a person) point to.
    Vendor,
    /// A person of the directory the project names.
    Person,
}

impl Store {
    /// The project's own record, every record that hangs from it, and the
    /// vendors and people those name (a person's organisation included), as
    /// stored: what its archive carries.
    pub fn project_archive_records(&self, id: ProjectId) -> Result<Vec<Record>> {
        let value = self.projects.get(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        let mut records = vec![raw(PROJECTS, id.as_bytes(), &value)];
        for tree in self.child_trees() {
            for pair in tree.scan_prefix(id.as_bytes()) {
                let (key, value) = pair?;
                records.push(raw(&tree_name(tree), &key, &value));
            }
        }
        let mut named = BTreeSet::new();
        for r in &records {
            uuids_in(&r.value, &mut named);
        }
        let mut people = Vec::new();
        for uuid in &named {
            if let Some(value) = self.people.get(uuid.as_bytes())? {
                people.push(raw(PEOPLE, uuid.as_bytes(), &value));
            }
        }
        for person in &people {
            uuids_in(&person.value, &mut named);
        }
        for uuid in &named {
            if let Some(value) = self.vendors.get(uuid.as_bytes())? {
                records.push(raw(VENDORS, uuid.as_bytes(), &value));
            }
        }
        records.extend(people);
        Ok(records)
    }

    /// Writes an archive's records in one transaction, after removing the
    /// live project `replacing` and everything that hangs from it (when
    /// given), then flushes. Every record must have passed
    /// [`check_archive_record`]; vendors and people are written as given
    /// (the app leaves out those it matched with the DLM's own).
    pub fn import_project_records(&self, replacing: Option<ProjectId>, records: &[Record]) -> Result<()> {
        self.writable()?;
        let children = self.child_trees();
        let mut trees: Vec<&sled::Tree> = vec![&self.projects, &self.vendors, &self.people];
        trees.extend(children.iter().copied());
        let names: Vec<String> = trees.iter().map(|t| tree_name(t)).collect();
        let mut doomed: Vec<Vec<sled::IVec>> = vec![Vec::new(); trees.len()];
        if let Some(id) = replacing {
            doomed[0].push(sled::IVec::from(&id.as_bytes()[..]));
            for (i, tree) in children.iter().enumerate() {
                doomed[3 + i] = crate::children::keys(tree, id.as_bytes())?;
            }
        }
        // The projects, vendors and people written, read whole for the
        // indexes.
        let projects: Vec<Project> = decoded(records, PROJECTS)?;
        let people: Vec<Person> = decoded(records, PEOPLE)?;
        let criteria = self.criteria()?;
        let vendor_records = decoded::<Vendor>(records, VENDORS)?;
        let vendors = vendor_records
            .iter()
            .map(|v| self.registry_row(v, &criteria, |_| {}))
            .collect::<Result<Vec<_>>>()?;
        let mut written: Vec<Vec<(&[u8], &[u8])>> = vec![Vec::new(); trees.len()];
        for r in records {
            let at = names
                .iter()
                .position(|n| *n == r.tree)
                .ok_or_else(|| StoreError::Record(format!("an archive cannot write to the tree {}", r.tree)))?;
            written[at].push((&r.key, &r.value));
        }
        let applied: std::result::Result<(), TransactionError<StoreError>> = trees.as_slice().transaction(|views| {
            for ((view, removed), added) in views.iter().zip(&doomed).zip(&written) {
                for key in removed {
                    view.remove(key)?;
                }
                for (key, value) in added {
                    view.insert(*key, *value)?;
                }
            }
            Ok(())
        });
        applied?;
        self.flush()?;
        self.portfolio.remove(&replacing);
        self.portfolio.put(&projects);
        self.registry.put_rows(vendors);
        self.directory.put(&people);
        self.search.put(&vendor_records);
        self.search.put(&people);
        for id in replacing.into_iter().chain(projects.iter().map(|p| p.id)) {
            self.reindex_project(id)?;
        }
        Ok(())
    }

    /// True when the trash holds a project with this id.
    pub fn is_trashed(&self, id: ProjectId) -> Result<bool> {
        Ok(self.trash.contains_key(id.as_bytes())?)
    }
}

/// Where a record of `tree` goes in an archive, or `None` when an archive
/// may not carry that tree.
pub fn archive_tree(tree: &str) -> Option<ArchiveTree> {
    Some(match tree {
        PROJECTS => ArchiveTree::Project,
        VENDORS => ArchiveTree::Vendor,
        PEOPLE => ArchiveTree::Person,
        t if CHILD_TREES.contains(&t) => ArchiveTree::Child,
        _ => return None,
    })
}

/// The names of the trees whose records hang from a project (the store's
/// `child_trees`, which a test keeps in step).
const CHILD_TREES: [&str; 13] = [
    "cycles",
    "tasks",
    "artefacts",
    "design_states",
    "activities",
    "engagements",
    "raci",
    "it_readiness",
    "messages",
    "evaluations",
    "rosters",
    "handoffs",
    "briefs",
];

/// Checks that `record` reads as the kind its tree holds, that its key has
/// the shape of that tree's keys, and that the record's own `id` and
/// `project` say what its key says. The reason, for the log, when not.
pub fn check_archive_record(record: &Record) -> std::result::Result<ArchiveTree, String> {
    let tree = archive_tree(&record.tree).ok_or_else(|| format!("the tree {} is not a project's", record.tree))?;
    let typed = match record.tree.as_str() {
        PROJECTS => reads::<Project>(&record.value),
        VENDORS => reads::<Vendor>(&record.value),
        PEOPLE => reads::<Person>(&record.value),
        "cycles" => reads::<Cycle>(&record.value),
        "tasks" => reads::<Task>(&record.value),
        "artefacts" => reads::<Artefact>(&record.value),
        "design_states" => reads::<DesignState>(&record.value),
        "activities" => reads::<Activity>(&record.value),
        "engagements" => reads::<Engagement>(&record.value),
        "raci" => reads::<Raci>(&record.value),
        "it_readiness" => reads::<ItChecklist>(&record.value),
        "messages" => reads::<Message>(&record.value),
        "evaluations" => reads::<Evaluation>(&record.value),
        "rosters" => reads::<Roster>(&record.value),
        "handoffs" => reads::<Handoff>(&record.value),
        "briefs" => reads::<BriefChoice>(&record.value),
        other => Err(format!("the tree {other} is not a project's")),
    };
    typed?;
    let (parent, own) = match (tree, record.key.len()) {
        (ArchiveTree::Child, 16) => (Some(&record.key[..16]), None),
        (ArchiveTree::Child, 32) => (Some(&record.key[..16]), Some(&record.key[16..])),
        (_, 16) => (None, Some(&record.key[..])),
        (_, len) => return Err(format!("a key of {len} bytes in {}", record.tree)),
    };
    let data = serde_json::from_slice::<Value>(&record.value)
        .ok()
        .and_then(|v| v.get("data").cloned())
        .unwrap_or(Value::Null);
    let says = |field: &str, bytes: Option<&[u8]>| match (data.get(field), bytes) {
        (Some(Value::String(text)), Some(bytes)) => Uuid::parse_str(text).ok().map(|u| u.as_bytes() == bytes),
        _ => None,
    };
    if says("id", own) == Some(false) || (tree == ArchiveTree::Child && says("project", parent) == Some(false)) {
        return Err(format!("a record of {} whose key says otherwise", record.tree));
    }
    Ok(tree)
}

/// The ids of a vendor and of a person record, read from their keys.
pub fn vendor_id(record: &Record) -> Option<VendorId> {
    uuid_of(&record.key).map(VendorId)
}

/// See [`vendor_id`].
pub fn person_id(record: &Record) -> Option<PersonId> {
    uuid_of(&record.key).map(PersonId)
}

/// The records of `tree` among `records`, decoded.
fn decoded<T: Stored + DeserializeOwned>(records: &[Record], tree: &str) -> Result<Vec<T>> {
    records.iter().filter(|r| r.tree == tree).map(decode_record).collect()
}

/// Decodes a record that passed [`check_archive_record`].
pub fn decode_record<T: Stored + DeserializeOwned>(record: &Record) -> Result<T> {
    decode(&record.value)
}

/// `record` with every id of `renamed` replaced by its new one: in the key
/// (each 16-byte half) and wherever the JSON holds it as a string. UUIDs
/// are unique, so a string equal to one is a reference to that record.
pub fn with_ids_renamed(record: &Record, renamed: &HashMap<Uuid, Uuid>) -> Record {
    /// Renames the ids in `v`; true when it changed anything.
    fn walk(v: &mut Value, renamed: &HashMap<Uuid, Uuid>) -> bool {
        match v {
            Value::String(s) if s.len() == 36 => match Uuid::parse_str(s).ok().and_then(|u| renamed.get(&u)) {
                Some(new) => {
                    *s = new.hyphenated().to_string();
                    true
                }
                None => false,
            },
            Value::Array(items) => items.iter_mut().fold(false, |any, i| walk(i, renamed) | any),
            Value::Object(fields) => fields.values_mut().fold(false, |any, f| walk(f, renamed) | any),
            _ => false,
        }
    }
    let key = record
        .key
        .chunks(16)
        .flat_map(|half| match uuid_of(half).and_then(|u| renamed.get(&u)) {
            Some(new) => new.as_bytes().to_vec(),
            None => half.to_vec(),
        })
        .collect();
    let value = serde_json::from_slice::<Value>(&record.value)
        .ok()
        .and_then(|mut v| walk(&mut v, renamed).then(|| serde_json::to_vec(&v).ok()).flatten())
        .unwrap_or_else(|| record.value.clone());
    Record {
        tree: record.tree.clone(),
        key,
        value,
    }
}

/// Carries records written with schema `from` to the current one, by the
/// same steps as a database (see `migrate`).
pub fn migrate_records(records: Vec<Record>, from: u32) -> Vec<Record> {
    crate::migrate::migrate(records, from)
}

fn uuid_of(key: &[u8]) -> Option<Uuid> {
    Uuid::from_slice(key).ok()
}

fn reads<T: Stored + DeserializeOwned>(value: &[u8]) -> std::result::Result<(), String> {
    decode::<T>(value).map(drop).map_err(|e| e.to_string())
}

fn raw(tree: &str, key: &[u8], value: &[u8]) -> Record {
    Record {
        tree: tree.to_owned(),
        key: key.to_vec(),
        value: value.to_vec(),
    }
}

fn tree_name(tree: &sled::Tree) -> String {
    String::from_utf8_lossy(&tree.name()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_child_tree_names_are_the_stores_child_trees() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("opens");
        let names: Vec<String> = store.child_trees().iter().map(|t| tree_name(t)).collect();
        assert_eq!(names, CHILD_TREES);
    }
}
