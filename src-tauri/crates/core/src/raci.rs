//! Who does what on a project, as a RACI matrix: one row per activity of
//! the project (pre-filled, editable), one column per person of the
//! directory, and in each cell whether that person is Responsible for the
//! activity, Accountable for it, Consulted or Informed.
//!
//! The rules a sound matrix keeps — exactly one Accountable and at least
//! one Responsible per row — are checked here and flagged on the rows that
//! break them; the matrix is saved either way, since a RACI is filled in
//! bit by bit in a workshop.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{PersonId, ProjectId};
use crate::limits::SHORT_TEXT_MAX;
use crate::validation::{check_required, Rule, ValidationError};

use crate::choices::every_variant;

/// What one person is for one activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RaciRole {
    /// Does the work.
    Responsible,
    /// Answers for it and signs it off: one per activity.
    Accountable,
    /// Asked before: their opinion counts.
    Consulted,
    /// Told after.
    Informed,
}

every_variant!(RaciRole {
    Responsible,
    Accountable,
    Consulted,
    Informed
});

/// The activities a training project usually goes through: the rows a new
/// matrix starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RaciStep {
    Framing,
    LearnerResearch,
    Design,
    ContentProduction,
    PlatformIntegration,
    Pilot,
    Communication,
    Deployment,
    HandOff,
    Evaluation,
}

every_variant!(RaciStep {
    Framing,
    LearnerResearch,
    Design,
    ContentProduction,
    PlatformIntegration,
    Pilot,
    Communication,
    Deployment,
    HandOff,
    Evaluation
});

/// What a row is called: one of the usual activities (named in the DLM's
/// language by the UI), or the DLM's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RowName {
    Step { step: RaciStep },
    Custom { name: String },
}

/// One activity of the matrix. `id` is stable within the matrix, so that
/// cells survive a rename or a move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RaciRow {
    pub id: u32,
    pub name: RowName,
}

/// One filled cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RaciCell {
    pub row: u32,
    pub person: PersonId,
    pub role: RaciRole,
}

/// A project's RACI matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Raci {
    pub project: ProjectId,
    pub rows: Vec<RaciRow>,
    /// The people in the columns, in the order they were added.
    pub people: Vec<PersonId>,
    pub cells: Vec<RaciCell>,
    pub updated_at: DateTime<Utc>,
}

/// What is wrong with one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RowIssue {
    /// Nobody answers for the activity.
    NoAccountable,
    /// More than one person answers for it: nobody really does.
    SeveralAccountable,
    /// Nobody does the work.
    NoResponsible,
}

every_variant!(RowIssue {
    NoAccountable,
    SeveralAccountable,
    NoResponsible
});

/// Rows one matrix may hold.
pub const RACI_ROWS_MAX: usize = 40;
/// People one matrix may hold.
pub const RACI_PEOPLE_MAX: usize = 40;

impl Raci {
    /// A new matrix with the usual activities and nobody yet.
    pub fn new(project: ProjectId, now: DateTime<Utc>) -> Self {
        Self {
            project,
            rows: RaciStep::ALL
                .into_iter()
                .zip(1..)
                .map(|(step, id)| RaciRow {
                    id,
                    name: RowName::Step { step },
                })
                .collect(),
            people: Vec::new(),
            cells: Vec::new(),
            updated_at: now,
        }
    }

    /// The role `person` has on `row`, if any.
    pub fn role(&self, row: u32, person: PersonId) -> Option<RaciRole> {
        self.cells
            .iter()
            .find(|c| c.row == row && c.person == person)
            .map(|c| c.role)
    }

    /// Sets (or clears, with `None`) what `person` is for `row`. Refuses a
    /// row or a person not in the matrix.
    pub fn set(
        &mut self,
        row: u32,
        person: PersonId,
        role: Option<RaciRole>,
        now: DateTime<Utc>,
    ) -> Result<(), ValidationError> {
        if !self.rows.iter().any(|r| r.id == row) {
            return Err(ValidationError::new("row", Rule::Required));
        }
        if !self.people.contains(&person) {
            return Err(ValidationError::new("person", Rule::Required));
        }
        self.cells.retain(|c| !(c.row == row && c.person == person));
        if let Some(role) = role {
            self.cells.push(RaciCell { row, person, role });
        }
        self.updated_at = now;
        Ok(())
    }

    /// Adds a column for `person` (nothing when already there).
    pub fn add_person(&mut self, person: PersonId, now: DateTime<Utc>) -> Result<(), ValidationError> {
        if self.people.contains(&person) {
            return Ok(());
        }
        if self.people.len() >= RACI_PEOPLE_MAX {
            return Err(ValidationError::with_limit("person", Rule::TooMany, RACI_PEOPLE_MAX));
        }
        self.people.push(person);
        self.updated_at = now;
        Ok(())
    }

    /// Removes `person`'s column and every cell of theirs.
    pub fn remove_person(&mut self, person: PersonId, now: DateTime<Utc>) {
        self.people.retain(|p| *p != person);
        self.cells.retain(|c| c.person != person);
        self.updated_at = now;
    }

    /// Gives `old`'s place to `by`: their column if `by` has none, and
    /// their letters on the rows where `by` has none (`by`'s own letters
    /// win). True when `old` was in the matrix.
    pub fn replace_person(&mut self, old: PersonId, by: PersonId, now: DateTime<Utc>) -> bool {
        let Some(at) = self.people.iter().position(|p| *p == old) else {
            return false;
        };
        if self.people.contains(&by) {
            self.people.remove(at);
        } else {
            self.people[at] = by;
        }
        let by_rows: Vec<u32> = self.cells.iter().filter(|c| c.person == by).map(|c| c.row).collect();
        self.cells.retain(|c| !(c.person == old && by_rows.contains(&c.row)));
        for c in self.cells.iter_mut().filter(|c| c.person == old) {
            c.person = by;
        }
        self.updated_at = now;
        true
    }

    /// Adds an activity of the DLM's own at the bottom; returns its id.
    pub fn add_row(&mut self, name: &str, now: DateTime<Utc>) -> Result<u32, ValidationError> {
        let name = check_name(name)?;
        if self.rows.len() >= RACI_ROWS_MAX {
            return Err(ValidationError::with_limit("name", Rule::TooMany, RACI_ROWS_MAX));
        }
        let id = self.rows.iter().map(|r| r.id).max().unwrap_or(0) + 1;
        self.rows.push(RaciRow {
            id,
            name: RowName::Custom { name },
        });
        self.updated_at = now;
        Ok(id)
    }

    /// Renames an activity in the DLM's own words.
    pub fn rename_row(&mut self, row: u32, name: &str, now: DateTime<Utc>) -> Result<(), ValidationError> {
        let name = check_name(name)?;
        let found = self
            .rows
            .iter_mut()
            .find(|r| r.id == row)
            .ok_or_else(|| ValidationError::new("row", Rule::Required))?;
        found.name = RowName::Custom { name };
        self.updated_at = now;
        Ok(())
    }

    /// Removes an activity and its cells.
    pub fn remove_row(&mut self, row: u32, now: DateTime<Utc>) {
        self.rows.retain(|r| r.id != row);
        self.cells.retain(|c| c.row != row);
        self.updated_at = now;
    }

    /// Every row has exactly one Accountable and a Responsible (and there
    /// is at least one row).
    pub fn complete(&self) -> bool {
        !self.rows.is_empty() && self.rows.iter().all(|r| self.issue(r.id).is_none())
    }

    /// What is wrong with `row`, if anything: who answers for it and who
    /// does it, among the people still in the matrix.
    pub fn issue(&self, row: u32) -> Option<RowIssue> {
        let count = |role: RaciRole| {
            self.cells
                .iter()
                .filter(|c| c.row == row && c.role == role && self.people.contains(&c.person))
                .count()
        };
        match count(RaciRole::Accountable) {
            0 => Some(RowIssue::NoAccountable),
            1 if count(RaciRole::Responsible) == 0 => Some(RowIssue::NoResponsible),
            1 => None,
            _ => Some(RowIssue::SeveralAccountable),
        }
    }
}

/// A row name as typed: trimmed, required, within a short text.
fn check_name(name: &str) -> Result<String, ValidationError> {
    match check_required("name", name, SHORT_TEXT_MAX) {
        Some(e) => Err(e),
        None => Ok(name.trim().to_owned()),
    }
}

/// How much one person holds across several projects' matrices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RaciLoad {
    pub person: PersonId,
    /// Activities they answer for.
    pub accountable: u32,
    /// Activities they do.
    pub responsible: u32,
    /// Projects they hold an A or an R on.
    pub projects: u32,
}

/// Who holds how many A and R across `matrices`, the busiest first (A,
/// then R), people with neither left out.
pub fn load(matrices: &[Raci]) -> Vec<RaciLoad> {
    let mut loads: Vec<RaciLoad> = Vec::new();
    for m in matrices {
        let mut seen: Vec<PersonId> = Vec::new();
        for c in m.cells.iter().filter(|c| m.people.contains(&c.person)) {
            let field = match c.role {
                RaciRole::Accountable => 0,
                RaciRole::Responsible => 1,
                _ => continue,
            };
            let entry = match loads.iter().position(|l| l.person == c.person) {
                Some(i) => &mut loads[i],
                None => {
                    loads.push(RaciLoad {
                        person: c.person,
                        accountable: 0,
                        responsible: 0,
                        projects: 0,
                    });
                    loads.last_mut().expect("just pushed")
                }
            };
            if field == 0 {
                entry.accountable += 1;
            } else {
                entry.responsible += 1;
            }
            if !seen.contains(&c.person) {
                seen.push(c.person);
                entry.projects += 1;
            }
        }
    }
    loads.sort_by(|a, b| {
        (b.accountable, b.responsible)
            .cmp(&(a.accountable, a.responsible))
            .then(a.person.cmp(&b.person))
    });
    loads
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_replacement_takes_the_column_and_the_letters_the_other_lacks() {
        let (mut m, claire, eric) = matrix();
        let now = Utc::now();
        m.set(1, claire, Some(RaciRole::Accountable), now).expect("sets");
        m.set(2, claire, Some(RaciRole::Responsible), now).expect("sets");
        m.set(2, eric, Some(RaciRole::Informed), now).expect("sets");
        assert!(m.replace_person(claire, eric, now));
        assert_eq!(m.people, [eric], "one column left");
        assert_eq!(
            m.role(1, eric),
            Some(RaciRole::Accountable),
            "Claire's letter where Éric had none"
        );
        assert_eq!(m.role(2, eric), Some(RaciRole::Informed), "Éric's own letter wins");
        assert_eq!(m.cells.len(), 2);

        let nadia = PersonId::new();
        assert!(m.replace_person(eric, nadia, now));
        assert_eq!(m.people, [nadia], "the same place, a new name");
        assert!(!m.replace_person(claire, nadia, now), "Claire is gone");
    }

    fn matrix() -> (Raci, PersonId, PersonId) {
        let now = Utc::now();
        let mut m = Raci::new(ProjectId::new(), now);
        let (claire, eric) = (PersonId::new(), PersonId::new());
        m.add_person(claire, now).expect("adds");
        m.add_person(eric, now).expect("adds");
        (m, claire, eric)
    }

    #[test]
    fn a_new_matrix_has_the_usual_activities_and_nobody() {
        let m = Raci::new(ProjectId::new(), Utc::now());
        assert_eq!(m.rows.len(), RaciStep::ALL.len());
        assert_eq!(
            m.rows[0].name,
            RowName::Step {
                step: RaciStep::Framing
            }
        );
        assert!(m.people.is_empty());
        assert_eq!(m.issue(1), Some(RowIssue::NoAccountable));
    }

    #[test]
    fn a_row_needs_exactly_one_accountable_and_someone_responsible() {
        let (mut m, claire, eric) = matrix();
        let now = Utc::now();
        m.set(1, claire, Some(RaciRole::Accountable), now).expect("sets");
        assert_eq!(m.issue(1), Some(RowIssue::NoResponsible));
        m.set(1, eric, Some(RaciRole::Responsible), now).expect("sets");
        assert_eq!(m.issue(1), None);
        m.set(1, eric, Some(RaciRole::Accountable), now)
            .expect("one letter a cell: replaces");
        assert_eq!(m.issue(1), Some(RowIssue::SeveralAccountable));
        m.set(1, eric, None, now).expect("clears");
        assert_eq!(m.issue(1), Some(RowIssue::NoResponsible));
        assert_eq!(m.role(1, claire), Some(RaciRole::Accountable));
    }

    #[test]
    fn cells_follow_their_row_and_person() {
        let (mut m, claire, eric) = matrix();
        let now = Utc::now();
        m.set(2, claire, Some(RaciRole::Accountable), now).expect("sets");
        m.set(2, eric, Some(RaciRole::Responsible), now).expect("sets");
        m.rename_row(2, "  Entretiens terrain ", now).expect("renames");
        assert_eq!(
            m.rows[1].name,
            RowName::Custom {
                name: "Entretiens terrain".into()
            }
        );
        assert_eq!(m.issue(2), None, "a rename keeps the cells");
        m.remove_person(eric, now);
        assert_eq!(m.issue(2), Some(RowIssue::NoResponsible));
        assert!(
            m.set(2, eric, Some(RaciRole::Informed), now).is_err(),
            "not in the matrix"
        );
        m.remove_row(2, now);
        assert!(m.cells.iter().all(|c| c.row != 2));
        let id = m.add_row("Traduction", now).expect("adds");
        assert_eq!(id, 11, "a new id, never an old one");
        assert_eq!(m.add_row("  ", now).map_err(|e| e.rule), Err(Rule::Required));
    }

    #[test]
    fn the_load_shows_who_answers_for_everything() {
        let now = Utc::now();
        let (mut a, claire, eric) = matrix();
        let mut b = Raci::new(ProjectId::new(), now);
        b.add_person(claire, now).expect("adds");
        for row in 1..=3 {
            a.set(row, claire, Some(RaciRole::Accountable), now).expect("sets");
            b.set(row, claire, Some(RaciRole::Accountable), now).expect("sets");
        }
        a.set(1, eric, Some(RaciRole::Responsible), now).expect("sets");
        a.set(2, eric, Some(RaciRole::Informed), now).expect("sets");
        let loads = load(&[a, b]);
        assert_eq!(
            loads
                .iter()
                .map(|l| (l.person, l.accountable, l.responsible, l.projects))
                .collect::<Vec<_>>(),
            [(claire, 6, 0, 2), (eric, 0, 1, 1)]
        );
    }

    proptest! {
        #[test]
        fn issues_follow_the_counts(cells in prop::collection::vec((1u32..=10, 0usize..3, 0usize..5), 0..40)) {
            let now = Utc::now();
            let mut m = Raci::new(ProjectId::new(), now);
            let people: Vec<PersonId> = (0..3).map(|_| PersonId::new()).collect();
            for p in &people {
                m.add_person(*p, now).expect("adds");
            }
            for (row, p, role) in cells {
                let role = RaciRole::ALL.get(role).copied();
                m.set(row, people[p], role, now).expect("sets");
            }
            for row in m.rows.iter().map(|r| r.id) {
                let a = people.iter().filter(|p| m.role(row, **p) == Some(RaciRole::Accountable)).count();
                let r = people.iter().filter(|p| m.role(row, **p) == Some(RaciRole::Responsible)).count();
                let expected = match (a, r) {
                    (0, _) => Some(RowIssue::NoAccountable),
                    (1, 0) => Some(RowIssue::NoResponsible),
                    (1, _) => None,
                    _ => Some(RowIssue::SeveralAccountable),
                };
                prop_assert_eq!(m.issue(row), expected);
            }
            let cells_per_pair = m.cells.len();
            let pairs: std::collections::HashSet<(u32, PersonId)> = m.cells.iter().map(|c| (c.row, c.person)).collect();
            prop_assert_eq!(cells_per_pair, pairs.len(), "one letter a cell");
        }
    }
}
