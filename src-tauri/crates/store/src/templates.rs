//! Templates the DLM saved, and whole projects written in one go (a
//! project made from a template, or a duplicate).

use atelier_core::{ProjectBundle, ProjectId, Template, TemplateId};
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use crate::children::child_key;
use crate::envelope::encode;
use crate::{Result, Store, StoreError};

impl Store {
    /// The templates the DLM saved, in creation order.
    pub fn templates(&self) -> Result<Vec<Template>> {
        self.read_all(&self.templates, self.templates.iter())
    }

    /// Saves a template, then flushes.
    pub fn put_template(&self, template: &Template) -> Result<()> {
        self.writable()?;
        self.templates.insert(template.id.as_bytes(), encode(template)?)?;
        self.flush()
    }

    /// Deletes a saved template; `NotFound` when there is none with that id.
    pub fn delete_template(&self, id: TemplateId) -> Result<()> {
        self.writable()?;
        self.templates.remove(id.as_bytes())?.ok_or(StoreError::NotFound)?;
        self.flush()
    }

    /// Everything a live project is made of, read for capture or copy.
    pub fn bundle(&self, id: ProjectId) -> Result<ProjectBundle> {
        Ok(ProjectBundle {
            project: self.project(id)?,
            design: self.design_state(id)?,
            cycles: self.cycles(id)?,
            tasks: self.tasks(id)?,
            activities: self.activities(id)?,
        })
    }

    /// Writes a whole new project — record, design state, cycles, tasks and
    /// learning path — in one transaction, then flushes.
    pub fn put_bundle(&self, bundle: &ProjectBundle) -> Result<()> {
        self.writable()?;
        let id = bundle.project.id;
        let project = encode(&bundle.project)?;
        let design = encode(&bundle.design)?;
        let encode_children = |items: Vec<(&[u8; 16], Vec<u8>)>| -> Vec<([u8; 32], Vec<u8>)> {
            items
                .into_iter()
                .map(|(child, v)| (child_key(id.as_bytes(), child), v))
                .collect()
        };
        let cycles = encode_children(
            bundle
                .cycles
                .iter()
                .map(|c| Ok((c.id.as_bytes(), encode(c)?)))
                .collect::<Result<_>>()?,
        );
        let tasks = encode_children(
            bundle
                .tasks
                .iter()
                .map(|t| Ok((t.id.as_bytes(), encode(t)?)))
                .collect::<Result<_>>()?,
        );
        let activities = encode_children(
            bundle
                .activities
                .iter()
                .map(|a| Ok((a.id.as_bytes(), encode(a)?)))
                .collect::<Result<_>>()?,
        );
        let written: std::result::Result<(), TransactionError<StoreError>> = (
            &self.projects,
            &self.design_states,
            &self.cycles,
            &self.tasks,
            &self.activities,
        )
            .transaction(|(p, d, c, t, a)| {
                if p.get(id.as_bytes())?.is_some() {
                    return Err(ConflictableTransactionError::Abort(StoreError::Record(
                        "a project with this id already exists".into(),
                    )));
                }
                p.insert(id.as_bytes(), project.as_slice())?;
                d.insert(id.as_bytes(), design.as_slice())?;
                for (tree, items) in [(c, &cycles), (t, &tasks), (a, &activities)] {
                    for (k, v) in items {
                        tree.insert(&k[..], v.as_slice())?;
                    }
                }
                Ok(())
            });
        written?;
        self.flush()?;
        self.portfolio.put([&bundle.project]);
        self.search.put([&bundle.project]);
        self.search.put(&bundle.tasks);
        Ok(())
    }
}
