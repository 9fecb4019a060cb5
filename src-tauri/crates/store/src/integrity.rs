//! The check of every record when the store opens.
//!
//! - Every tree must read through to its end: a tree sled cannot read (a
//!   cut or scribbled file, a missing blob) refuses the open as damaged,
//!   naming the tree, the last key read and the folder, and the files are
//!   put back as they were (see `preserve`).
//! - A record whose envelope is not a readable, current one (garbage,
//!   another kind's, a newer layout), or a project's record whose project
//!   is gone, is noted as unreadable and left out of every list (see
//!   `readable`): one bad record never keeps the DLM from the rest.

use std::collections::HashSet;

use crate::backup::hex;
use crate::open::DB_DIR;
use crate::{Result, Store, StoreError, SLED_DEFAULT_TREE};

impl Store {
    /// Reads every record of every tree once (see the module's doc).
    pub(crate) fn check_records(&self) -> Result<()> {
        let mut projects: HashSet<sled::IVec> = HashSet::new();
        for tree in [&self.projects, &self.trash] {
            for key in tree.iter().keys() {
                projects.insert(key.map_err(|e| self.unreadable_tree(tree, None, &e))?);
            }
        }
        let children: Vec<sled::IVec> = self.child_trees().iter().map(|t| t.name()).collect();
        for (tree, kinds) in self.record_trees() {
            let is_child = children.contains(&tree.name());
            let mut last: Option<sled::IVec> = None;
            for pair in tree.iter() {
                let (key, value) = pair.map_err(|e| self.unreadable_tree(tree, last.as_deref(), &e))?;
                let orphan = is_child && !key.get(..16).is_some_and(|p| projects.contains(p));
                if let Some(reason) = envelope_problem(&value, &kinds) {
                    self.unreadable.note(tree, &key, reason);
                } else if orphan {
                    self.unreadable.note(tree, &key, "its project is missing".to_owned());
                }
                last = Some(key);
            }
        }
        self.check_other_trees()
    }

    /// Trees that hold no records of their own (the schema's, any left by
    /// another version) must read through too.
    fn check_other_trees(&self) -> Result<()> {
        let records: Vec<sled::IVec> = self.record_trees().iter().map(|(t, _)| t.name()).collect();
        for name in self.db.tree_names() {
            if name.as_ref() == SLED_DEFAULT_TREE || records.contains(&name) {
                continue;
            }
            let tree = self.db.open_tree(&name)?;
            let mut last: Option<sled::IVec> = None;
            for key in tree.iter().keys() {
                last = Some(key.map_err(|e| self.unreadable_tree(&tree, last.as_deref(), &e))?);
            }
        }
        Ok(())
    }

    /// The tree `tree` could not be read past `after`: damaged storage.
    fn unreadable_tree(&self, tree: &sled::Tree, after: Option<&[u8]>, error: &sled::Error) -> StoreError {
        let tree = String::from_utf8_lossy(&tree.name()).into_owned();
        let place = match after {
            Some(key) => format!("after the record {}", hex(key)),
            None => "from its first record".to_owned(),
        };
        StoreError::Damaged {
            path: self.dir.join(DB_DIR),
            detail: format!("the tree {tree} cannot be read {place}: {error}"),
        }
    }
}

/// Why `value` is not a readable record of one of `kinds` (each with the
/// newest layout version this build reads), if it is not.
fn envelope_problem(value: &[u8], kinds: &[(&'static str, u32)]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        kind: String,
        v: u32,
    }
    match serde_json::from_slice::<Envelope>(value) {
        Err(e) => Some(e.to_string()),
        Ok(env) => match kinds.iter().find(|(kind, _)| *kind == env.kind) {
            None => Some(format!("a {} record in this tree", env.kind)),
            Some((kind, version)) if env.v > *version => {
                Some(format!("{kind} record version {} is newer than {version}", env.v))
            }
            Some(_) => None,
        },
    }
}
