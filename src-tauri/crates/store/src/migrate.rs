//! Schema migrations. A database written by an older Atelier is carried to
//! [`SCHEMA_VERSION`] when it is opened, in one all-or-nothing pass:
//!
//! 1. a backup of every record, in the older schema, under
//!    `backups/pre-migration-…` (kept for good);
//! 2. every numbered step, `n → n + 1`, each a function over the raw
//!    records of the whole database, in memory;
//! 3. a new database built from the result beside the live one, then
//!    swapped in, the old one kept aside as it was (`db.v<n>-<time>`; see
//!    `replace`).
//!
//! A crash before the new database is complete leaves the old one untouched
//! and the migration runs again at the next start; a crash after it leaves
//! a complete new database that the next start swaps in. Either way the
//! database is the old schema or the new one, never a mix.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::backup::{self, Record};
use crate::open::{DB_DIR, SCHEMA_KEY, SCHEMA_VERSION};
use crate::{all_records, backups, replace, Result};

/// One step from schema `from` to `from + 1`.
struct Step {
    from: u32,
    apply: fn(Vec<Record>) -> Vec<Record>,
}

/// Every step, in order. A step is never changed once released: a new
/// change to the stored records is a new step. A schema that only adds
/// kinds (6) has no step: the records are carried as they are and only the
/// schema number changes.
const STEPS: &[Step] = &[
    Step {
        from: 1,
        apply: records_name_their_kind,
    },
    Step {
        from: 2,
        apply: design_states_are_named_so,
    },
    Step {
        from: 3,
        apply: vendor_contacts_join_the_directory,
    },
    Step {
        from: 4,
        apply: sponsors_and_owners_can_name_a_person,
    },
];

/// Carries the records of schema `from` to [`SCHEMA_VERSION`], the
/// schema number included.
pub(crate) fn migrate(mut records: Vec<Record>, from: u32) -> Vec<Record> {
    for step in STEPS.iter().filter(|s| s.from >= from) {
        records = (step.apply)(records);
    }
    for r in &mut records {
        if r.tree == "meta" && r.key == SCHEMA_KEY {
            r.value = SCHEMA_VERSION.to_be_bytes().to_vec();
        }
    }
    records
}

/// Migrates the database open as `db` (schema `from`) in `dir`, and opens
/// the migrated one. See the module's documentation for the steps.
pub(crate) fn upgrade(dir: &Path, db: sled::Db, from: u32, now: DateTime<Utc>) -> Result<sled::Db> {
    let records = all_records(&db).collect::<Result<Vec<Record>>>()?;
    drop(db);
    let header = backup::Header {
        format: backup::FORMAT.into(),
        version: backup::FORMAT_VERSION,
        schema: from,
        created_at: now,
    };
    let stamp = now.format("%Y-%m-%dT%H-%M-%S");
    let saved = backups::folder(dir)?.join(format!(
        "{}v{from}-to-v{SCHEMA_VERSION}-{stamp}.{}",
        backups::BEFORE_MIGRATION,
        backup::EXTENSION
    ));
    backup::write(&saved, &header, records.iter().cloned().map(Ok))?;

    replace::stage(dir, &migrate(records, from))?;
    replace::swap(dir, &format!("db.v{from}-{stamp}"))?;
    crate::open::open_sled(&dir.join(DB_DIR))
}

// -- the steps ---------------------------------------------------------------

/// Schema 1 → 2: every envelope names its kind (`{"kind":…,"v":1,"data":…}`)
/// and carries that kind's own layout version, 1 for all. The kind follows
/// from the tree (and, in `settings`, the key). Records that cannot be read
/// as a schema-1 envelope are left exactly as they are.
fn records_name_their_kind(records: Vec<Record>) -> Vec<Record> {
    #[derive(Deserialize)]
    struct V1<'a> {
        v: u32,
        #[serde(borrow)]
        data: &'a RawValue,
    }
    let kind_of = |r: &Record| -> Option<&'static str> {
        Some(match r.tree.as_str() {
            "projects" => "project",
            "projects_trash" => "trashed_project",
            "settings" if r.key == b"settings" => "settings",
            "settings" if r.key == b"scorecard_criteria" => "criteria",
            "cycles" => "cycle",
            "tasks" => "task",
            "artefacts" => "artefact",
            "workspaces" => "workspace",
            "activities" => "activity",
            "templates" => "template",
            "vendors" => "vendor",
            "vendor_journal" => "journal_entry",
            "engagements" => "engagement",
            "themes" => "theme",
            _ => return None,
        })
    };
    records
        .into_iter()
        .map(|mut r| {
            let rewritten = kind_of(&r).and_then(|kind| {
                let old: V1 = serde_json::from_slice(&r.value).ok()?;
                Some(format!(r#"{{"kind":"{kind}","v":{},"data":{}}}"#, old.v, old.data.get()).into_bytes())
            });
            if let Some(value) = rewritten {
                r.value = value;
            }
            r
        })
        .collect()
}

/// Schema 2 → 3: a project's design-thinking state, once its "workspace",
/// is named as the design area is in every layer: tree `workspaces` →
/// `design_states`, kind `workspace` → `design_state`. Its layout is
/// unchanged. A record that cannot be read as an envelope moves with its
/// tree, as it was.
fn design_states_are_named_so(records: Vec<Record>) -> Vec<Record> {
    #[derive(Deserialize)]
    struct V2<'a> {
        kind: &'a str,
        v: u32,
        #[serde(borrow)]
        data: &'a RawValue,
    }
    records
        .into_iter()
        .map(|mut r| {
            if r.tree != "workspaces" {
                return r;
            }
            r.tree = "design_states".into();
            let renamed = serde_json::from_slice::<V2>(&r.value)
                .ok()
                .filter(|old| old.kind == "workspace")
                .map(|old| format!(r#"{{"kind":"design_state","v":{},"data":{}}}"#, old.v, old.data.get()));
            if let Some(value) = renamed {
                r.value = value.into_bytes();
            }
            r
        })
        .collect()
}

/// Schema 3 → 4: every contact of a vendor becomes a person of the
/// directory (tree `people`), working for that vendor as a vendor contact,
/// without losing a field: name, role (now the job title), e-mail and
/// phone; the person is dated as the vendor was. The vendor record loses
/// its `contacts` and its layout becomes version 2. A vendor record that
/// cannot be read is left exactly as it was, contacts and all.
fn vendor_contacts_join_the_directory(records: Vec<Record>) -> Vec<Record> {
    let mut people: Vec<Record> = Vec::new();
    let mut out: Vec<Record> = records
        .into_iter()
        .map(|mut r| {
            if r.tree != "vendors" {
                return r;
            }
            if let Some((vendor, contacts)) = without_contacts(&r.value) {
                r.value = vendor;
                people.extend(contacts);
            }
            r
        })
        .collect();
    out.extend(people);
    out
}

/// A schema-3 vendor envelope without its contacts (layout version 2), and
/// one `people` record per contact; `None` when it is not one.
fn without_contacts(value: &[u8]) -> Option<(Vec<u8>, Vec<Record>)> {
    use serde_json::{json, Value};
    let mut env: Value = serde_json::from_slice(value).ok()?;
    if env.get("kind")? != "vendor" {
        return None;
    }
    let data = env.get_mut("data")?;
    let vendor = data.get("id")?.clone();
    let created_at = data.get("created_at")?.clone();
    let updated_at = data.get("updated_at")?.clone();
    let contacts = data.get_mut("fields")?.as_object_mut()?.remove("contacts")?;
    let text = |c: &Value, key: &str| c.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
    let people = contacts
        .as_array()?
        .iter()
        .map(|c| {
            let id = atelier_core::PersonId::new();
            let person = json!({
                "id": id,
                "fields": {
                    "name": text(c, "name"),
                    "job_title": text(c, "role"),
                    "organisation": { "kind": "vendor", "vendor": vendor },
                    "kinds": ["vendor_contact"],
                    "email": text(c, "email"),
                    "phone": text(c, "phone"),
                    "location": "",
                    "notes": "",
                    "tags": [],
                },
                "created_at": created_at,
                "updated_at": updated_at,
            });
            Some(Record {
                tree: "people".into(),
                key: id.as_bytes().to_vec(),
                value: envelope("person", 1, &person)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((envelope("vendor", 2, data)?, people))
}

/// Schema 4 → 5: a project's sponsor and a task's owner, free text until
/// now, become a reference that names a person of the directory or keeps
/// the text typed: `"DRH"` → `{"kind":"named","name":"DRH"}`, `""` →
/// `null`. In live and trashed projects, tasks, and templates (their
/// project and their task seeds); each of those layouts goes up one
/// version. A record that cannot be read is left as it was.
fn sponsors_and_owners_can_name_a_person(records: Vec<Record>) -> Vec<Record> {
    use serde_json::Value;
    /// The text at `path` in `data` as a reference; false when absent.
    fn named(data: &mut Value, path: &[&str]) -> bool {
        let Some(slot) = path.iter().try_fold(data, |v, key| v.get_mut(*key)) else {
            return false;
        };
        let Some(text) = slot.as_str() else {
            return false;
        };
        let text = text.trim().to_owned();
        *slot = if text.is_empty() {
            Value::Null
        } else {
            serde_json::json!({ "kind": "named", "name": text })
        };
        true
    }
    let rewrite = |value: &[u8], kind: &str, change: &dyn Fn(&mut Value) -> bool| -> Option<Vec<u8>> {
        let mut env: Value = serde_json::from_slice(value).ok()?;
        if env.get("kind")? != kind {
            return None;
        }
        let version = u32::try_from(env.get("v")?.as_u64()?).ok()?;
        let data = env.get_mut("data")?;
        change(data).then_some(())?;
        envelope(kind, version + 1, data)
    };
    records
        .into_iter()
        .map(|mut r| {
            let changed = match r.tree.as_str() {
                "projects" => rewrite(&r.value, "project", &|d| named(d, &["fields", "sponsor"])),
                "projects_trash" => rewrite(&r.value, "trashed_project", &|d| {
                    named(d, &["project", "fields", "sponsor"])
                }),
                "tasks" => rewrite(&r.value, "task", &|d| named(d, &["fields", "owner"])),
                "templates" => rewrite(&r.value, "template", &|d| {
                    let sponsor = named(d, &["project", "sponsor"]);
                    let seeds = d
                        .get_mut("tasks")
                        .and_then(Value::as_array_mut)
                        .map(|tasks| tasks.iter_mut().all(|t| named(t, &["owner"])))
                        .unwrap_or(false);
                    sponsor && seeds
                }),
                _ => None,
            };
            if let Some(value) = changed {
                r.value = value;
            }
            r
        })
        .collect()
}

/// An envelope as `envelope::encode` writes it, kind first.
fn envelope(kind: &str, version: u32, data: &serde_json::Value) -> Option<Vec<u8>> {
    let data = serde_json::to_string(data).ok()?;
    Some(format!(r#"{{"kind":"{kind}","v":{version},"data":{data}}}"#).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(tree: &str, key: &[u8], value: &str) -> Record {
        Record {
            tree: tree.into(),
            key: key.to_vec(),
            value: value.as_bytes().to_vec(),
        }
    }

    #[test]
    fn schema_1_envelopes_gain_their_kind_and_nothing_else_changes() {
        let before = vec![
            record("projects", b"p", r#"{"v":1,"data":{"title":"Accueil","n":1.50}}"#),
            record("settings", b"settings", r#"{"v":1,"data":{"theme":"dark"}}"#),
            record("settings", b"scorecard_criteria", r#"{"v":1,"data":[]}"#),
            record("vendor_journal", b"j", r#"{"v":1,"data":{}}"#),
            record("projects", b"bad", "garbage"),
            record("unknown_tree", b"x", r#"{"v":1,"data":{}}"#),
            Record {
                tree: "meta".into(),
                key: SCHEMA_KEY.to_vec(),
                value: 1u32.to_be_bytes().to_vec(),
            },
        ];
        let after = migrate(before.clone(), 1);
        let text = |i: usize| String::from_utf8(after[i].value.clone()).expect("utf8");
        assert_eq!(
            text(0),
            r#"{"kind":"project","v":1,"data":{"title":"Accueil","n":1.50}}"#
        );
        assert_eq!(text(1), r#"{"kind":"settings","v":1,"data":{"theme":"dark"}}"#);
        assert_eq!(text(2), r#"{"kind":"criteria","v":1,"data":[]}"#);
        assert_eq!(text(3), r#"{"kind":"journal_entry","v":1,"data":{}}"#);
        assert_eq!(after[4], before[4], "a damaged record is left as it was");
        assert_eq!(after[5], before[5], "a tree this step does not know is left as it was");
        assert_eq!(after[6].value, SCHEMA_VERSION.to_be_bytes());
        assert_eq!(after.len(), before.len());
    }

    #[test]
    fn schema_4_sponsors_and_owners_become_named_references() {
        let before = vec![
            record(
                "projects",
                b"p",
                r#"{"kind":"project","v":1,"data":{"fields":{"title":"A","sponsor":" DRH "}}}"#,
            ),
            record(
                "projects",
                b"q",
                r#"{"kind":"project","v":1,"data":{"fields":{"title":"B","sponsor":""}}}"#,
            ),
            record(
                "projects_trash",
                b"t",
                r#"{"kind":"trashed_project","v":1,"data":{"project":{"fields":{"sponsor":"DSI"}},"trashed_at":"x"}}"#,
            ),
            record(
                "tasks",
                b"k",
                r#"{"kind":"task","v":1,"data":{"fields":{"title":"T","owner":"Léa"}}}"#,
            ),
            record(
                "templates",
                b"m",
                r#"{"kind":"template","v":1,"data":{"project":{"sponsor":""},"tasks":[{"owner":"Karim"},{"owner":""}]}}"#,
            ),
            record("tasks", b"bad", "garbage"),
        ];
        let after = migrate(before.clone(), 4);
        let json = |i: usize| -> serde_json::Value { serde_json::from_slice(&after[i].value).expect("json") };
        assert_eq!(json(0)["v"], 2);
        assert_eq!(
            json(0)["data"]["fields"]["sponsor"],
            serde_json::json!({"kind":"named","name":"DRH"})
        );
        assert_eq!(json(0)["data"]["fields"]["title"], "A", "the rest as it was");
        assert!(json(1)["data"]["fields"]["sponsor"].is_null(), "no sponsor is no one");
        assert_eq!(json(2)["data"]["project"]["fields"]["sponsor"]["name"], "DSI");
        assert_eq!(json(3)["data"]["fields"]["owner"]["name"], "Léa");
        assert_eq!(json(3)["v"], 2);
        assert!(json(4)["data"]["project"]["sponsor"].is_null());
        assert_eq!(json(4)["data"]["tasks"][0]["owner"]["name"], "Karim");
        assert!(json(4)["data"]["tasks"][1]["owner"].is_null());
        assert_eq!(after[5], before[5], "a damaged record is left as it was");
        assert!(
            std::str::from_utf8(&after[0].value)
                .expect("utf8")
                .starts_with(r#"{"kind":"project","v":2,"#),
            "an envelope as the store writes it"
        );
    }

    #[test]
    fn schema_3_vendor_contacts_become_people_of_the_directory() {
        let vendor = r#"{"kind":"vendor","v":1,"data":{"id":"01900000-0000-7000-8000-000000000001","fields":{"name":"Immersia","vendor_type":"startup","modalities":[],"website":"","country":"","contacts":[{"name":"Léa Martin","role":"CEO","email":"lea@immersia.fr","phone":"01"},{"name":"Noël","role":"","email":"","phone":""}],"tags":[]},"stage":"spotted","scores":[],"judgement":null,"created_at":"2026-10-01T09:00:00Z","updated_at":"2026-10-02T09:00:00Z"}}"#;
        let before = vec![
            record("vendors", b"v", vendor),
            record("vendors", b"bad", "garbage"),
            record("projects", b"p", r#"{"kind":"project","v":1,"data":{}}"#),
        ];
        let after = migrate(before.clone(), 3);
        assert_eq!(after.len(), 5, "two people added");
        let vendor: serde_json::Value = serde_json::from_slice(&after[0].value).expect("json");
        assert_eq!(vendor["v"], 2);
        assert!(vendor["data"]["fields"].get("contacts").is_none());
        assert_eq!(vendor["data"]["fields"]["name"], "Immersia");
        assert_eq!(after[1], before[1], "a damaged record is left as it was");
        assert_eq!(after[2], before[2]);
        let lea: atelier_core::Person = crate::envelope::decode(&after[3].value).expect("a person");
        assert_eq!(after[3].tree, "people");
        assert_eq!(after[3].key, lea.id.as_bytes());
        assert_eq!(
            (
                lea.fields.name.as_str(),
                lea.fields.job_title.as_str(),
                lea.fields.email.as_str(),
                lea.fields.phone.as_str()
            ),
            ("Léa Martin", "CEO", "lea@immersia.fr", "01")
        );
        assert_eq!(lea.fields.kinds, [atelier_core::PersonKind::VendorContact]);
        assert_eq!(
            lea.fields.vendor().map(|v| v.to_string()).as_deref(),
            Some("01900000-0000-7000-8000-000000000001")
        );
        assert_eq!(lea.created_at.to_rfc3339(), "2026-10-01T09:00:00+00:00");
        let noel: atelier_core::Person = crate::envelope::decode(&after[4].value).expect("a person");
        assert_eq!(noel.fields.name, "Noël");
    }

    #[test]
    fn schema_2_design_states_move_to_their_own_tree_and_kind() {
        let before = vec![
            record(
                "workspaces",
                b"p",
                r#"{"kind":"workspace","v":1,"data":{"phase":"define"}}"#,
            ),
            record("workspaces", b"bad", "garbage"),
            record("projects", b"p", r#"{"kind":"project","v":1,"data":{}}"#),
        ];
        let after = migrate(before.clone(), 2);
        assert_eq!(after[0].tree, "design_states");
        assert_eq!(
            after[0].value,
            br#"{"kind":"design_state","v":1,"data":{"phase":"define"}}"#
        );
        assert_eq!(
            (after[1].tree.as_str(), &after[1].value),
            ("design_states", &before[1].value),
            "a damaged record moves with its tree, as it was"
        );
        assert_eq!(after[2], before[2]);
    }
}
