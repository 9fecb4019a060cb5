//! The project archive: a project with everything that hangs from it, and
//! the vendors and people it names, as one `.atelier` file a DLM hands to
//! a colleague; and its import on the colleague's machine.
//!
//! An import is planned whole before anything is written: the container
//! checked (`atelier_export::archive`), the records carried to the current
//! schema, each one read as its kind, then matched with what the DLM
//! already has. The preview shows that plan; the import makes it again from
//! the file and writes it in one transaction.
//!
//! - **Ids.** The archive's ids are kept, so that importing a newer archive
//!   of the same project replaces the older copy; "as a new copy" gives
//!   the project and everything under it new ids (so does a project whose
//!   id is in the trash).
//! - **Vendors and people** are matched with the DLM's own: by id, then a
//!   vendor by name and a person by e-mail, then by name (accents and case
//!   ignored). A matched one is kept as the DLM has it and the project's
//!   records point to it; the others are created.

use std::collections::HashMap;
use std::path::Path;

use atelier_core::text::fold;
use atelier_core::{Person, Project, ProjectId, Vendor};
use atelier_export::archive::{self as container, shown, ArchiveError, ArchiveMeta, Limits, SizeLimit};
use atelier_store::archive::{check_archive_record, decode_record, migrate_records, with_ids_renamed, ArchiveTree};
use atelier_store::backup::{hex, Record};
use atelier_store::SCHEMA_VERSION;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use uuid::Uuid;

use crate::files::write_whole;
use crate::{AppError, Atelier, Result};

/// What an archive holds and what importing it would do.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ArchivePreview {
    pub title: String,
    pub created_at: DateTime<Utc>,
    /// The Atelier version that made it.
    pub app_version: String,
    pub counts: ArchiveCounts,
    /// The title of the DLM's project with the same id, which importing
    /// (unless as a new copy) replaces.
    pub existing: Option<String>,
    pub vendors: Vec<Arrival>,
    pub people: Vec<Arrival>,
}

/// How many records of each list the archive's project holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Type)]
pub struct ArchiveCounts {
    pub cycles: u32,
    pub tasks: u32,
    pub artefacts: u32,
    pub activities: u32,
    pub engagements: u32,
    pub messages: u32,
}

/// A vendor or person of the archive: created, or matched with one the DLM
/// already has (`matched`: that one's name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Arrival {
    pub name: String,
    pub matched: Option<String>,
}

/// An import, planned: the records to write and what they replace.
struct Plan {
    preview: ArchivePreview,
    project: ProjectId,
    replacing: Option<ProjectId>,
    records: Vec<Record>,
}

/// The folder records sit under in an archive: `records/<tree>/<key>.json`.
const RECORDS: &str = "records";

impl Atelier {
    /// Writes `project`, everything that hangs from it and the vendors and
    /// people it names to `path` as a project archive.
    pub fn export_archive(&self, project: ProjectId, path: &Path) -> Result<()> {
        let title = self.store.project(project)?.fields.title;
        let entries: Vec<(String, Vec<u8>)> = self
            .store
            .project_archive_records(project)?
            .into_iter()
            .map(|r| (entry_path(&r), r.value))
            .collect();
        let meta = ArchiveMeta {
            schema: SCHEMA_VERSION,
            created_at: Utc::now(),
            app_version: env!("CARGO_PKG_VERSION").into(),
            title,
        };
        let bytes = container::write(meta, &entries).map_err(|problem| AppError::archive(path, problem))?;
        write_whole(path, &bytes)
    }

    /// What importing the archive at `path` would bring and match; nothing
    /// is written.
    pub fn preview_archive(&self, path: &Path) -> Result<ArchivePreview> {
        Ok(self.plan_import(path, false)?.preview)
    }

    /// Imports the archive at `path` (as a new copy, or replacing the copy
    /// the DLM has) in one transaction; the project's id. A file that is
    /// not a sound archive is refused whole and nothing changes.
    pub fn import_archive(&self, path: &Path, as_new_copy: bool) -> Result<ProjectId> {
        let plan = self.plan_import(path, as_new_copy)?;
        self.store.import_project_records(plan.replacing, &plan.records)?;
        Ok(plan.project)
    }

    fn plan_import(&self, path: &Path, as_new_copy: bool) -> Result<Plan> {
        let refused = |problem| AppError::archive(path, problem);
        let (manifest, records) = read_records(path)?;
        let mut project = None;
        let mut children = Vec::new();
        let mut vendors = Vec::new();
        let mut people = Vec::new();
        let mut found = 0;
        for record in records {
            let at = check_archive_record(&record).map_err(|detail| bad_record(path, &record, &detail))?;
            match at {
                ArchiveTree::Project => {
                    found += 1;
                    project = Some(record);
                }
                ArchiveTree::Child => children.push(record),
                ArchiveTree::Vendor => vendors.push(record),
                ArchiveTree::Person => people.push(record),
            }
        }
        let project = match (project, found) {
            (Some(p), 1) => p,
            _ => return Err(refused(ArchiveError::NotOneProject { found })),
        };
        let archived: Project = decode_record(&project).map_err(|e| bad_record(path, &project, &e.to_string()))?;
        let id = archived.id;
        if let Some(foreign) = children.iter().find(|c| c.key[..16] != id.as_bytes()[..]) {
            return Err(bad_record(path, foreign, "a record of another project"));
        }

        let existing = match self.store.project(id) {
            Ok(p) => Some(p.fields.title),
            Err(atelier_store::StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        let keep_ids = !as_new_copy && !self.store.is_trashed(id)?;
        let mut renamed: HashMap<Uuid, Uuid> = HashMap::new();
        if !keep_ids {
            renamed.insert(id.0, ProjectId::new().0);
            for child in children.iter().filter(|c| c.key.len() == 32) {
                let own = Uuid::from_slice(&child.key[16..]).map_err(|e| bad_record(path, child, &e.to_string()))?;
                renamed.insert(own, Uuid::now_v7());
            }
        }
        let (vendor_arrivals, new_vendors) = self.match_vendors(path, &vendors, &mut renamed)?;
        let (people_arrivals, new_people) = self.match_people(path, &people, &mut renamed)?;

        let counts = count(&children);
        let records = std::iter::once(&project)
            .chain(&children)
            .chain(new_vendors)
            .chain(new_people)
            .map(|r| with_ids_renamed(r, &renamed))
            .collect();
        Ok(Plan {
            preview: ArchivePreview {
                title: manifest.title,
                created_at: manifest.created_at,
                app_version: manifest.app_version,
                counts,
                existing: existing.clone(),
                vendors: vendor_arrivals,
                people: people_arrivals,
            },
            project: renamed.get(&id.0).map_or(id, |new| ProjectId(*new)),
            replacing: existing.filter(|_| keep_ids).map(|_| id),
            records,
        })
    }

    /// Each archived vendor matched with the DLM's (by id, then by name) or
    /// to be created; a match by name renames the archive's id to the
    /// DLM's. The records of those to create.
    fn match_vendors<'a>(
        &self,
        path: &Path,
        records: &'a [Record],
        renamed: &mut HashMap<Uuid, Uuid>,
    ) -> Result<(Vec<Arrival>, Vec<&'a Record>)> {
        let mine = self.store.vendors()?;
        let mut arrivals = Vec::new();
        let mut created = Vec::new();
        for record in records {
            let theirs: Vendor = decode_record(record).map_err(|e| bad_record(path, record, &e.to_string()))?;
            let name = fold(&theirs.fields.name);
            let matched = mine
                .iter()
                .find(|v| v.id == theirs.id)
                .or_else(|| mine.iter().find(|v| fold(&v.fields.name) == name));
            arrivals.push(Arrival {
                name: theirs.fields.name.clone(),
                matched: matched.map(|v| v.fields.name.clone()),
            });
            match matched {
                Some(v) if v.id != theirs.id => {
                    renamed.insert(theirs.id.0, v.id.0);
                }
                Some(_) => {}
                None => created.push(record),
            }
        }
        Ok((arrivals, created))
    }

    /// As [`Self::match_vendors`], for people: by id, then by e-mail, then
    /// by name.
    fn match_people<'a>(
        &self,
        path: &Path,
        records: &'a [Record],
        renamed: &mut HashMap<Uuid, Uuid>,
    ) -> Result<(Vec<Arrival>, Vec<&'a Record>)> {
        let mine = self.store.people()?;
        let mut arrivals = Vec::new();
        let mut created = Vec::new();
        for record in records {
            let theirs: Person = decode_record(record).map_err(|e| bad_record(path, record, &e.to_string()))?;
            let email = theirs.fields.email.trim().to_lowercase();
            let name = fold(&theirs.fields.name);
            let matched = mine
                .iter()
                .find(|p| p.id == theirs.id)
                .or_else(|| {
                    (!email.is_empty())
                        .then(|| mine.iter().find(|p| p.fields.email.trim().to_lowercase() == email))
                        .flatten()
                })
                .or_else(|| mine.iter().find(|p| fold(&p.fields.name) == name));
            arrivals.push(Arrival {
                name: theirs.fields.name.clone(),
                matched: matched.map(|p| p.fields.name.clone()),
            });
            match matched {
                Some(p) if p.id != theirs.id => {
                    renamed.insert(theirs.id.0, p.id.0);
                }
                Some(_) => {}
                None => created.push(record),
            }
        }
        Ok((arrivals, created))
    }
}

impl AppError {
    /// The archive at `path` refused for `problem`.
    pub(crate) fn archive(path: &Path, problem: ArchiveError) -> Self {
        AppError::Archive {
            path: path.to_path_buf(),
            problem,
        }
    }
}

/// The archive at `path`, checked, and its records in the current schema.
fn read_records(path: &Path) -> Result<(container::Manifest, Vec<Record>)> {
    let limits = Limits::default();
    let refused = |problem| AppError::archive(path, problem);
    let size = std::fs::metadata(path).map_err(|e| AppError::file(path, &e))?.len();
    if size > limits.max_file_bytes {
        return Err(refused(ArchiveError::TooLarge {
            what: SizeLimit::File,
            path: None,
            limit: limits.max_file_bytes,
        }));
    }
    let bytes = std::fs::read(path).map_err(|e| AppError::file(path, &e))?;
    let archive = container::read(&bytes, &limits, SCHEMA_VERSION).map_err(refused)?;
    let mut records = Vec::with_capacity(archive.entries.len());
    for (entry, value) in archive.entries {
        let record = record_at(&entry, value).ok_or_else(|| {
            refused(ArchiveError::BadRecord {
                path: shown(&entry),
                detail: "not a record's place".into(),
            })
        })?;
        records.push(record);
    }
    let schema = archive.manifest.schema;
    let records = if schema < SCHEMA_VERSION {
        migrate_records(records, schema)
    } else {
        records
    };
    Ok((archive.manifest, records))
}

/// The entry path of a record: `records/<tree>/<key in hex>.json`.
fn entry_path(record: &Record) -> String {
    format!("{RECORDS}/{}/{}.json", record.tree, hex(&record.key))
}

/// The record an entry holds, from its path; `None` when the path is not
/// one [`entry_path`] makes.
fn record_at(entry: &str, value: Vec<u8>) -> Option<Record> {
    let rest = entry.strip_prefix(RECORDS)?.strip_prefix('/')?;
    let (tree, file) = rest.split_once('/')?;
    let key = file.strip_suffix(".json")?;
    if key.len() % 2 != 0 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let key = (0..key.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&key[i..i + 2], 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    Some(Record {
        tree: tree.to_owned(),
        key,
        value,
    })
}

/// The refusal of an archive for one of its records.
fn bad_record(path: &Path, record: &Record, detail: &str) -> AppError {
    AppError::archive(
        path,
        ArchiveError::BadRecord {
            path: entry_path(record),
            detail: shown(detail),
        },
    )
}

fn count(children: &[Record]) -> ArchiveCounts {
    let of = |tree: &str| children.iter().filter(|c| c.tree == tree).count() as u32;
    ArchiveCounts {
        cycles: of("cycles"),
        tasks: of("tasks"),
        artefacts: of("artefacts"),
        activities: of("activities"),
        engagements: of("engagements"),
        messages: of("messages"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_store::archive::{PEOPLE, VENDORS};

    #[test]
    fn an_entry_path_gives_its_record_back() {
        let record = Record {
            tree: VENDORS.into(),
            key: vec![0, 1, 0xab, 0xff],
            value: b"{}".to_vec(),
        };
        let path = entry_path(&record);
        assert_eq!(path, "records/vendors/0001abff.json");
        assert_eq!(record_at(&path, b"{}".to_vec()), Some(record));
        assert_eq!(record_at("records/vendors/0001abf.json", Vec::new()), None);
        assert_eq!(record_at("records/vendors/zz.json", Vec::new()), None);
        assert_eq!(record_at(&format!("other/{PEOPLE}/00.json"), Vec::new()), None);
    }
}
