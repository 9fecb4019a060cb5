//! Records that belong to a parent record (a project's cycles and tasks, a
//! vendor's journal) live in one tree per kind, keyed `parent id ++ record
//! id`, so all of a parent's records of a kind are one prefix scan and leave
//! with the parent when it is purged.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::envelope::{encode, Stored};
use crate::{Result, Store, StoreError};

/// The 32-byte key of a child record.
pub fn child_key(parent: &[u8; 16], child: &[u8; 16]) -> [u8; 32] {
    let mut key = [0u8; 32];
    key[..16].copy_from_slice(parent);
    key[16..].copy_from_slice(child);
    key
}

/// Every readable record of `tree` that belongs to `parent`, in key order
/// (an unreadable one is noted and left out).
pub fn list<T: Stored + DeserializeOwned>(store: &Store, tree: &sled::Tree, parent: &[u8; 16]) -> Result<Vec<T>> {
    store.read_all(tree, tree.scan_prefix(parent))
}

/// One record of `parent`; `NotFound` when it has no such record.
pub fn get<T: Stored + DeserializeOwned>(
    store: &Store,
    tree: &sled::Tree,
    parent: &[u8; 16],
    child: &[u8; 16],
) -> Result<T> {
    let key = child_key(parent, child);
    let bytes = tree.get(key)?.ok_or(StoreError::NotFound)?;
    store.read_one(tree, &key, &bytes)
}

/// Writes several child records of one parent in one atomic batch.
pub fn put_all<'a, T: Stored + Serialize + 'a>(
    tree: &sled::Tree,
    parent: &[u8; 16],
    records: impl IntoIterator<Item = (&'a [u8; 16], &'a T)>,
) -> Result<()> {
    let mut batch = sled::Batch::default();
    for (id, record) in records {
        batch.insert(&child_key(parent, id)[..], encode(record)?);
    }
    tree.apply_batch(batch)?;
    Ok(())
}

/// The keys of every record of `parent` in `tree`.
pub fn keys(tree: &sled::Tree, parent: &[u8; 16]) -> Result<Vec<sled::IVec>> {
    Ok(tree.scan_prefix(parent).keys().collect::<std::result::Result<_, _>>()?)
}
