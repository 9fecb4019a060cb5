//! Records that belong to a project (cycles, tasks, …) live in one tree per
//! kind, keyed `project id ++ record id`, so all of a project's records of
//! a kind are one prefix scan and leave with the project when it is purged.

use atelier_core::ProjectId;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::envelope::{decode, encode};
use crate::Result;

/// The 32-byte key of a child record.
pub fn child_key(project: ProjectId, child: &[u8; 16]) -> [u8; 32] {
    let mut key = [0u8; 32];
    key[..16].copy_from_slice(project.as_bytes());
    key[16..].copy_from_slice(child);
    key
}

/// Every record of `tree` that belongs to `project`, in key order.
pub fn list<T: DeserializeOwned>(tree: &sled::Tree, project: ProjectId) -> Result<Vec<T>> {
    tree.scan_prefix(project.as_bytes())
        .values()
        .map(|v| decode(&v?))
        .collect()
}

/// Writes several child records of one project in one atomic batch.
pub fn put_all<'a, T: Serialize + 'a>(
    tree: &sled::Tree,
    project: ProjectId,
    records: impl IntoIterator<Item = (&'a [u8; 16], &'a T)>,
) -> Result<()> {
    let mut batch = sled::Batch::default();
    for (id, record) in records {
        batch.insert(&child_key(project, id)[..], encode(record)?);
    }
    tree.apply_batch(batch)?;
    Ok(())
}

/// The keys of every record of `project` in `tree`.
pub fn keys(tree: &sled::Tree, project: ProjectId) -> Result<Vec<sled::IVec>> {
    Ok(tree
        .scan_prefix(project.as_bytes())
        .keys()
        .collect::<std::result::Result<_, _>>()?)
}
