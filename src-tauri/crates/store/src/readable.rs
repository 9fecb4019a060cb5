//! Records that cannot be read. One damaged record never takes a whole
//! list down: it is skipped, its tree and key are noted (so that the DLM is
//! told, and can find it in Settings › Data), and it stays on disk exactly
//! as it is. Envelopes are checked for every record when the store opens
//! (see `integrity`); what only fails when the record itself is read is
//! noted then.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde::de::DeserializeOwned;

use crate::backup::hex;
use crate::envelope::{decode, Stored};
use crate::{Result, Store, StoreError};

/// A record Atelier could not read: where it is, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableRecord {
    pub tree: String,
    /// The key, in hex.
    pub key: String,
    pub reason: String,
}

/// The records found unreadable so far, by tree and key.
#[derive(Default)]
pub(crate) struct Register(Mutex<BTreeMap<(String, String), String>>);

impl Register {
    pub(crate) fn note(&self, tree: &sled::Tree, key: &[u8], reason: String) {
        self.note_named(String::from_utf8_lossy(&tree.name()).into_owned(), hex(key), reason);
    }

    /// Notes by name: `key` is in hex, empty for a whole tree.
    pub(crate) fn note_named(&self, tree: String, key: String, reason: String) {
        if let Ok(mut all) = self.0.lock() {
            all.insert((tree, key), reason);
        }
    }
}

impl Store {
    /// The records of `tree` given by `pairs` that read as `T`, in order;
    /// the others are noted and left out. Disk errors still fail.
    pub(crate) fn read_all<T: Stored + DeserializeOwned>(
        &self,
        tree: &sled::Tree,
        pairs: impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        for pair in pairs {
            let (key, value) = pair?;
            out.extend(self.readable(tree, &key, &value));
        }
        Ok(out)
    }

    /// The record as `T`, or `None` once noted as unreadable.
    pub(crate) fn readable<T: Stored + DeserializeOwned>(
        &self,
        tree: &sled::Tree,
        key: &[u8],
        bytes: &[u8],
    ) -> Option<T> {
        match decode(bytes) {
            Ok(record) => Some(record),
            Err(e) => {
                self.unreadable.note(tree, key, e.to_string());
                None
            }
        }
    }

    /// One record that must read as `T`; noted and refused as
    /// [`StoreError::Unreadable`] when it cannot.
    pub(crate) fn read_one<T: Stored + DeserializeOwned>(
        &self,
        tree: &sled::Tree,
        key: &[u8],
        bytes: &[u8],
    ) -> Result<T> {
        decode(bytes).map_err(|e| {
            self.unreadable.note(tree, key, e.to_string());
            StoreError::Unreadable {
                tree: String::from_utf8_lossy(&tree.name()).into_owned(),
                key: hex(key),
            }
        })
    }

    /// Every record found unreadable since the store opened, by tree and key.
    pub fn unreadable_records(&self) -> Vec<UnreadableRecord> {
        let all = match self.unreadable.0.lock() {
            Ok(all) => all.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        all.into_iter()
            .map(|((tree, key), reason)| UnreadableRecord { tree, key, reason })
            .collect()
    }
}
