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

use std::collections::HashSet;

use crate::backup::hex;
use crate::envelope::Kind;
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
        for (tree, kinds) in self.record_trees() {
            let is_child = children.contains(&tree.name());
            self.read_through(tree, &mut stopped, |key, value| {
                let orphan = is_child && !key.get(..16).is_some_and(|p| projects.contains(p));
                if let Some(reason) = record_problem(value, &kinds) {
                    self.unreadable.note(tree, key, reason);
                } else if orphan {
                    self.unreadable.note(tree, key, "its project is missing".to_owned());
                }
            });
        }
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
/// its envelope names the kind (garbage, another tree's kind or a newer
/// layout are told so), and the record must then read whole as it.
fn record_problem(value: &[u8], kinds: &[Kind]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        kind: String,
        v: u32,
    }
    match serde_json::from_slice::<Envelope>(value) {
        Err(e) => Some(e.to_string()),
        Ok(env) => match kinds.iter().find(|k| k.name == env.kind) {
            None => Some(format!("a {} record in this tree", env.kind)),
            Some(kind) if env.v > kind.version => Some(format!(
                "{} record version {} is newer than {}",
                kind.name, env.v, kind.version
            )),
            Some(kind) => (kind.problem)(value),
        },
    }
}
