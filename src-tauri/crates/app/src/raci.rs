//! A project's RACI matrix, and who holds how much across projects.

use atelier_core::raci::{load, Raci, RaciCell, RaciRole, RowIssue, RowName};
use atelier_core::{PersonId, ProjectId, Status};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{Atelier, Result};

/// The matrix as the coordination tab shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RaciView {
    pub rows: Vec<RaciRowView>,
    /// The columns, with the names they go by now.
    pub people: Vec<RaciPerson>,
    pub cells: Vec<RaciCell>,
    /// How many rows break a rule.
    pub flagged: u32,
}

/// One activity, and what is wrong with it if anything.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RaciRowView {
    pub id: u32,
    pub name: RowName,
    pub issue: Option<RowIssue>,
}

/// A person of the directory, by name.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RaciPerson {
    pub id: PersonId,
    pub name: String,
}

/// How much one person holds across the active projects.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RaciLoadRow {
    pub person: RaciPerson,
    pub accountable: u32,
    pub responsible: u32,
    pub projects: u32,
}

impl Atelier {
    /// The project's matrix: the usual activities and nobody until the DLM
    /// changes it. `NotFound` when the project is not live.
    pub fn get_raci(&self, project: ProjectId) -> Result<RaciView> {
        let raci = self.raci_of(project)?;
        self.raci_view(&raci)
    }

    /// Sets (or clears) what one person is for one activity.
    pub fn set_raci_cell(
        &self,
        project: ProjectId,
        row: u32,
        person: PersonId,
        role: Option<RaciRole>,
    ) -> Result<RaciView> {
        self.change_raci(project, |raci| Ok(raci.set(row, person, role, Utc::now())?))
    }

    /// Adds a person of the directory as a column.
    pub fn add_raci_person(&self, project: ProjectId, person: PersonId) -> Result<RaciView> {
        self.store.person(person)?;
        self.change_raci(project, |raci| Ok(raci.add_person(person, Utc::now())?))
    }

    /// Removes a person's column and their cells.
    pub fn remove_raci_person(&self, project: ProjectId, person: PersonId) -> Result<RaciView> {
        self.change_raci(project, |raci| {
            raci.remove_person(person, Utc::now());
            Ok(())
        })
    }

    /// Adds an activity of the DLM's own.
    pub fn add_raci_row(&self, project: ProjectId, name: String) -> Result<RaciView> {
        self.change_raci(project, |raci| {
            raci.add_row(&name, Utc::now())?;
            Ok(())
        })
    }

    /// Renames an activity.
    pub fn rename_raci_row(&self, project: ProjectId, row: u32, name: String) -> Result<RaciView> {
        self.change_raci(project, |raci| Ok(raci.rename_row(row, &name, Utc::now())?))
    }

    /// Removes an activity and its cells.
    pub fn remove_raci_row(&self, project: ProjectId, row: u32) -> Result<RaciView> {
        self.change_raci(project, |raci| {
            raci.remove_row(row, Utc::now());
            Ok(())
        })
    }

    /// Who holds how many A and R across the projects under way (neither
    /// handed off nor archived), the busiest first.
    pub fn raci_load(&self) -> Result<Vec<RaciLoadRow>> {
        let active: Vec<ProjectId> = self
            .store
            .projects()
            .filter_map(|p| match p {
                Ok(p) if !matches!(p.status, Status::HandedOff | Status::Archived) => Some(Ok(p.id)),
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<std::result::Result<_, _>>()?;
        let matrices: Vec<Raci> = self
            .store
            .racis()?
            .into_iter()
            .filter(|r| active.contains(&r.project))
            .collect();
        let directory = self.store.people()?;
        Ok(load(&matrices)
            .into_iter()
            .filter_map(|l| {
                let name = directory.iter().find(|p| p.id == l.person)?.fields.name.clone();
                Some(RaciLoadRow {
                    person: RaciPerson { id: l.person, name },
                    accountable: l.accountable,
                    responsible: l.responsible,
                    projects: l.projects,
                })
            })
            .collect())
    }

    /// The saved matrix, or a new one; `NotFound` when the project is not live.
    pub(crate) fn raci_of(&self, project: ProjectId) -> Result<Raci> {
        self.store.project(project)?;
        Ok(self
            .store
            .raci(project)?
            .unwrap_or_else(|| Raci::new(project, Utc::now())))
    }

    fn change_raci(&self, project: ProjectId, change: impl FnOnce(&mut Raci) -> Result<()>) -> Result<RaciView> {
        let mut raci = self.raci_of(project)?;
        change(&mut raci)?;
        self.store.put_raci(&raci)?;
        self.raci_view(&raci)
    }

    fn raci_view(&self, raci: &Raci) -> Result<RaciView> {
        let directory = self.store.people()?;
        let rows: Vec<RaciRowView> = raci
            .rows
            .iter()
            .map(|r| RaciRowView {
                id: r.id,
                name: r.name.clone(),
                issue: raci.issue(r.id),
            })
            .collect();
        Ok(RaciView {
            flagged: u32::try_from(rows.iter().filter(|r| r.issue.is_some()).count()).unwrap_or(u32::MAX),
            rows,
            people: raci
                .people
                .iter()
                .filter_map(|id| {
                    let p = directory.iter().find(|p| p.id == *id)?;
                    Some(RaciPerson {
                        id: *id,
                        name: p.fields.name.clone(),
                    })
                })
                .collect(),
            cells: raci.cells.clone(),
        })
    }
}
