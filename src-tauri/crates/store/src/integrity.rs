//! The check of every record when the store opens.
//!
//! - Every tree must read through to its end: a tree sled cannot read (a
//!   cut or scribbled file, a missing blob) refuses the open as damaged,
//!   naming the tree, the last key read and the folder, and the files are
//!   put back as they were (see `preserve`). A read-only open of damaged
//!   files notes such a tree instead and goes on, to show what can be read.
//! - A record that does not read whole as its kind (garbage, another
//!   kind's, a newer layout, a field of the wrong shape), or a project's
//!   record whose project is gone, is noted as unreadable and left out of every list (see
//!   `readable`): one bad record never keeps the DLM from the rest.

use std::collections::{HashMap, HashSet};

use atelier_core::campaign::Message;
use atelier_core::directory::DirectoryRow;
use atelier_core::portfolio::PortfolioRow;
use atelier_core::registry::RegistryRow;
use atelier_core::scorecard::default_criteria;
use atelier_core::search::{SearchRow, Searchable};
use atelier_core::vendor::JournalEntry;
use atelier_core::{Artefact, Person, Project, Task, Vendor, VendorId};

use crate::backup::hex;
use crate::envelope::{decode, Kind};
use crate::open::DB_DIR;
use crate::{Result, Store, StoreError, SLED_DEFAULT_TREE};

/// What a tree that cannot be read through does to the open.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strictness {
    /// Refuses it as damaged (a normal open).
    RefuseDamage,
    /// Notes the tree as unreadable and goes on (a read-only open).
    NoteDamage,
}

/// The records of the trees the indexes follow, gathered while the open
/// reads every record.
#[derive(Default)]
struct Gathered {
    projects: Vec<PortfolioRow>,
    vendors: Vec<Vendor>,
    journals: HashMap<VendorId, Vec<JournalEntry>>,
    people: Vec<DirectoryRow>,
    searched: Vec<SearchRow>,
}

/// Which of the gathered trees a tree is.
#[derive(Clone, Copy)]
enum Gathers {
    Projects,
    Vendors,
    Journal,
    People,
    Tasks,
    Artefacts,
    Messages,
}

impl Gathers {
    /// What `tree`'s records are gathered as, if they are.
    fn of(store: &Store, tree: &sled::Tree) -> Option<Gathers> {
        let name = tree.name();
        [
            (&store.projects, Gathers::Projects),
            (&store.vendors, Gathers::Vendors),
            (&store.journal, Gathers::Journal),
            (&store.people, Gathers::People),
            (&store.tasks, Gathers::Tasks),
            (&store.artefacts, Gathers::Artefacts),
            (&store.messages, Gathers::Messages),
        ]
        .into_iter()
        .find(|(t, _)| t.name() == name)
        .map(|(_, what)| what)
    }
}

impl Gathered {
    /// Decodes `value` as `what` and keeps it; the reason when it does not
    /// read whole.
    fn take(&mut self, what: Gathers, value: &[u8]) -> std::result::Result<(), String> {
        let reason = |e: StoreError| e.to_string();
        match what {
            Gathers::Projects => {
                let project: Project = decode(value).map_err(reason)?;
                self.projects.push(PortfolioRow::of(&project));
                self.searched.push(SearchRow::of(&project));
            }
            Gathers::Vendors => {
                let vendor: Vendor = decode(value).map_err(reason)?;
                self.searched.push(SearchRow::of(&vendor));
                self.vendors.push(vendor);
            }
            Gathers::Journal => {
                let entry: JournalEntry = decode(value).map_err(reason)?;
                self.searched.push(SearchRow::of(&entry));
                self.journals.entry(entry.vendor).or_default().push(entry);
            }
            Gathers::People => {
                let person: Person = decode(value).map_err(reason)?;
                self.people.push(DirectoryRow::of(&person));
                self.searched.push(SearchRow::of(&person));
            }
            Gathers::Tasks => self.search::<Task>(value).map_err(reason)?,
            Gathers::Artefacts => self.search::<Artefact>(value).map_err(reason)?,
            Gathers::Messages => self.search::<Message>(value).map_err(reason)?,
        }
        Ok(())
    }

    /// Decodes `value` as a `T` for its search row only.
    fn search<T: Searchable + crate::envelope::Stored + serde::de::DeserializeOwned>(
        &mut self,
        value: &[u8],
    ) -> Result<()> {
        self.searched.push(SearchRow::of(&decode::<T>(value)?));
        Ok(())
    }

    /// Fills the store's indexes with what was gathered.
    fn index(self, store: &Store) {
        let criteria = store.criteria().unwrap_or_else(|_| default_criteria());
        store.portfolio.put_rows(self.projects);
        store.registry.put_rows(self.vendors.iter().map(|v| {
            let journal = self.journals.get(&v.id).map_or(&[][..], Vec::as_slice);
            RegistryRow::of(v, journal, &criteria)
        }));
        store.directory.put_rows(self.people);
        store.search.put_rows(self.searched);
    }
}

/// Where a tree stopped reading, and why.
struct Stopped {
    tree: String,
    after: Option<String>,
    error: String,
}

impl Store {
    /// Reads every record of every tree once (see the module's doc).
    pub(crate) fn check_records(&self, strictness: Strictness) -> Result<()> {
        let mut stopped = Vec::new();
        let projects = self.project_keys(&mut stopped);
        let children: Vec<sled::IVec> = self.child_trees().iter().map(|t| t.name()).collect();
        let mut gathered = Gathered::default();
        for (tree, kinds) in self.record_trees() {
            let is_child = children.contains(&tree.name());
            let gathers = Gathers::of(self, tree);
            self.read_through(tree, &mut stopped, |key, value| {
                let orphan = is_child && !key.get(..16).is_some_and(|p| projects.contains(p));
                // The records the indexes are made of are decoded once, for
                // the check and for their rows.
                let problem = match gathers {
                    Some(what) => envelope_kind(value, &kinds)
                        .err()
                        .or_else(|| gathered.take(what, value).err()),
                    None => record_problem(value, &kinds),
                };
                if let Some(reason) = problem {
                    self.unreadable.note(tree, key, reason);
                } else if orphan {
                    self.unreadable.note(tree, key, "its project is missing".to_owned());
                }
            });
        }
        gathered.index(self);
        // Trees that hold no records of their own (the schema's, any left
        // by another version) must read through too.
        let records: Vec<sled::IVec> = self.record_trees().iter().map(|(t, _)| t.name()).collect();
        for name in self.db.tree_names() {
            if name.as_ref() != SLED_DEFAULT_TREE && !records.contains(&name) {
                let tree = self.db.open_tree(&name)?;
                self.read_through(&tree, &mut stopped, |_, _| {});
            }
        }
        match (stopped.into_iter().next(), strictness) {
            (None, _) => Ok(()),
            (Some(first), Strictness::RefuseDamage) => Err(StoreError::Damaged {
                path: self.dir.join(DB_DIR),
                detail: first.describe(),
            }),
            (Some(_), Strictness::NoteDamage) => Ok(()),
        }
    }

    /// The keys of every project, live or trashed.
    fn project_keys(&self, stopped: &mut Vec<Stopped>) -> HashSet<sled::IVec> {
        let mut keys = HashSet::new();
        for tree in [&self.projects, &self.trash] {
            self.read_through(tree, stopped, |key, _| {
                keys.insert(sled::IVec::from(key));
            });
        }
        keys
    }

    /// Calls `each` on every record of `tree`; where sled cannot read
    /// further, says so in `stopped` and notes the tree as unreadable.
    fn read_through(&self, tree: &sled::Tree, stopped: &mut Vec<Stopped>, mut each: impl FnMut(&[u8], &[u8])) {
        let mut last: Option<sled::IVec> = None;
        for pair in tree.iter() {
            match pair {
                Ok((key, value)) => {
                    each(&key, &value);
                    last = Some(key);
                }
                Err(e) => {
                    let stop = Stopped {
                        tree: String::from_utf8_lossy(&tree.name()).into_owned(),
                        after: last.map(|k| hex(&k)),
                        error: e.to_string(),
                    };
                    self.unreadable.note_named(
                        stop.tree.clone(),
                        stop.after.clone().unwrap_or_default(),
                        stop.describe(),
                    );
                    stopped.push(stop);
                    return;
                }
            }
        }
    }
}

impl Stopped {
    fn describe(&self) -> String {
        let place = match &self.after {
            Some(key) => format!("after the record {key}"),
            None => "from its first record".to_owned(),
        };
        format!("the tree {} cannot be read {place}: {}", self.tree, self.error)
    }
}

/// Why `value` is not a readable record of one of `kinds`, if it is not:
/// its envelope must name one of them (see [`envelope_kind`]), and the
/// record must then read whole as it.
fn record_problem(value: &[u8], kinds: &[Kind]) -> Option<String> {
    match envelope_kind(value, kinds) {
        Err(problem) => Some(problem),
        Ok(kind) => (kind.problem)(value),
    }
}

/// The kind among `kinds` that `value`'s envelope names at a version this
/// Atelier reads; garbage, another tree's kind or a newer layout are told
/// so.
fn envelope_kind<'k>(value: &[u8], kinds: &'k [Kind]) -> std::result::Result<&'k Kind, String> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        kind: String,
        v: u32,
    }
    let env = serde_json::from_slice::<Envelope>(value).map_err(|e| e.to_string())?;
    match kinds.iter().find(|k| k.name == env.kind) {
        None => Err(format!("a {} record in this tree", env.kind)),
        Some(kind) if env.v > kind.version => Err(format!(
            "{} record version {} is newer than {}",
            kind.name, env.v, kind.version
        )),
        Some(kind) => Ok(kind),
    }
}
