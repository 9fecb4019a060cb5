//! Which ids the records name. A reference is a UUID written as a string
//! in a record's JSON (a sponsor, an owner, a RACI column, an engagement's
//! vendor…): reading them all, whatever the kind, finds every reference
//! without a list to keep up to date when a kind gains one.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

use crate::{Result, Store};

impl Store {
    /// Every id named by a record of any tree but those in `except`.
    pub fn ids_named(&self, except: &[&str]) -> Result<BTreeSet<Uuid>> {
        let mut named = BTreeSet::new();
        for r in self.records() {
            let r = r?;
            if !except.contains(&r.tree.as_str()) {
                uuids_in(&r.value, &mut named);
            }
        }
        Ok(named)
    }

    /// True when a record that hangs from `project` was written after
    /// `since` (its `updated_at`, or `created_at` for a kind without one).
    pub fn children_changed_since(&self, project: atelier_core::ProjectId, since: DateTime<Utc>) -> Result<bool> {
        for tree in self.child_trees() {
            for pair in tree.scan_prefix(project.as_bytes()) {
                let (_, value) = pair?;
                let data = serde_json::from_slice::<Value>(&value).ok();
                let written = data
                    .as_ref()
                    .and_then(|v| v.get("data"))
                    .and_then(|d| d.get("updated_at").or_else(|| d.get("created_at")))
                    .and_then(Value::as_str)
                    .and_then(|t| DateTime::parse_from_rfc3339(t).ok());
                if written.is_some_and(|t| t > since) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }
}

/// Adds every UUID written as a string anywhere in the JSON `value` to `out`.
pub(crate) fn uuids_in(value: &[u8], out: &mut BTreeSet<Uuid>) {
    fn walk(v: &Value, out: &mut BTreeSet<Uuid>) {
        match v {
            Value::String(s) if s.len() == 36 => out.extend(Uuid::parse_str(s).ok()),
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Object(fields) => fields.values().for_each(|f| walk(f, out)),
            _ => {}
        }
    }
    if let Ok(v) = serde_json::from_slice::<Value>(value) {
        walk(&v, out);
    }
}
