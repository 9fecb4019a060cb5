//! A program's occasional trainers and sessions, and its capacity check.

use atelier_core::person::Organisation;
use atelier_core::roster::{CapacityWarning, PathStep, Roster, RosterTrainer, Session, SessionDraft, TrainerDraft};
use atelier_core::{Draft, PersonId, ProjectId, SaveOptions};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{today, Atelier, Result};

/// The roster as the hand-off tab shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RosterView {
    pub trainers: Vec<TrainerView>,
    /// By date.
    pub sessions: Vec<SessionView>,
    pub warnings: Vec<CapacityWarning>,
    pub max_per_month: u32,
    /// Trainers certified today.
    pub certified: u32,
    /// Sessions delivered, and their participants' average satisfaction
    /// in hundredths (4.25 is 425).
    pub delivered: u32,
    pub satisfaction_hundredths: Option<u32>,
}

/// One trainer with what the directory says of them.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TrainerView {
    pub trainer: RosterTrainer,
    pub name: String,
    /// Their department (business line), when they have one.
    pub business_line: Option<String>,
    pub location: String,
    /// The furthest step of the path they reached.
    pub step: Option<PathStep>,
    pub certified_today: bool,
}

/// One session, with its trainer's name and whether a warning names it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct SessionView {
    pub session: Session,
    pub trainer_name: Option<String>,
    pub flagged: bool,
}

impl Atelier {
    /// The program's roster and its capacity check. `NotFound` when the
    /// project is not live.
    pub fn get_roster(&self, project: ProjectId) -> Result<RosterView> {
        let roster = self.roster_of(project)?;
        self.roster_view(&roster)
    }

    /// Adds a person of the directory as a trainer of the program.
    pub fn add_trainer(&self, project: ProjectId, person: PersonId) -> Result<RosterView> {
        self.store.person(person)?;
        self.change_roster(project, |r| Ok(r.add_trainer(person, Utc::now())?))
    }

    /// Sets where a trainer stands on the path, their topics, languages
    /// and availability; every broken rule at once.
    pub fn set_trainer(
        &self,
        project: ProjectId,
        person: PersonId,
        draft: TrainerDraft,
        save: &SaveOptions,
    ) -> Result<RosterView> {
        save.judge(draft.clone().normalized().validate(), Vec::new)?;
        self.change_roster(project, |r| Ok(r.set_trainer(person, draft, Utc::now())?))
    }

    /// Takes a trainer off the program; their sessions stay, without a trainer.
    pub fn remove_trainer(&self, project: ProjectId, person: PersonId) -> Result<RosterView> {
        self.change_roster(project, |r| {
            r.remove_trainer(person, Utc::now());
            Ok(())
        })
    }

    /// Adds a session (`id` none) or edits one; every broken rule at once.
    pub fn save_session(
        &self,
        project: ProjectId,
        id: Option<u32>,
        draft: SessionDraft,
        save: &SaveOptions,
    ) -> Result<RosterView> {
        let roster = self.roster_of(project)?;
        let errors = draft
            .clone()
            .normalized()
            .validate(|p| roster.trainers.iter().any(|t| t.person == p));
        save.judge(errors, Vec::new)?;
        self.change_roster(project, |r| Ok(r.save_session(id, draft, Utc::now()).map(|_| ())?))
    }

    /// Removes a session.
    pub fn remove_session(&self, project: ProjectId, id: u32) -> Result<RosterView> {
        self.change_roster(project, |r| {
            r.remove_session(id, Utc::now());
            Ok(())
        })
    }

    /// Sets the most sessions one trainer runs in a month.
    pub fn set_max_per_month(&self, project: ProjectId, max: u32) -> Result<RosterView> {
        self.change_roster(project, |r| Ok(r.set_max_per_month(max, Utc::now())?))
    }

    /// The saved roster, or an empty one; `NotFound` when the project is not live.
    fn roster_of(&self, project: ProjectId) -> Result<Roster> {
        self.store.project(project)?;
        Ok(self
            .store
            .roster(project)?
            .unwrap_or_else(|| Roster::new(project, Utc::now())))
    }

    fn change_roster(&self, project: ProjectId, change: impl FnOnce(&mut Roster) -> Result<()>) -> Result<RosterView> {
        let mut roster = self.roster_of(project)?;
        change(&mut roster)?;
        self.store.put_roster(&roster)?;
        self.roster_view(&roster)
    }

    fn roster_view(&self, roster: &Roster) -> Result<RosterView> {
        let directory = self.store.people()?;
        let today = today();
        let name_of = |id: PersonId| directory.iter().find(|p| p.id == id);
        let warnings = roster.capacity();
        let delivered: Vec<&Session> = roster.sessions.iter().filter(|s| s.fields.delivered).collect();
        let rated: Vec<u32> = delivered.iter().filter_map(|s| s.fields.satisfaction).collect();
        Ok(RosterView {
            trainers: roster
                .trainers
                .iter()
                .filter_map(|t| {
                    let person = name_of(t.person)?;
                    Some(TrainerView {
                        name: person.fields.name.clone(),
                        business_line: match &person.fields.organisation {
                            Some(Organisation::Department { name }) => Some(name.clone()),
                            _ => None,
                        },
                        location: person.fields.location.clone(),
                        step: t.fields.path.step(),
                        certified_today: t.fields.path.certified_on(today),
                        trainer: t.clone(),
                    })
                })
                .collect(),
            sessions: roster
                .sessions
                .iter()
                .map(|s| SessionView {
                    trainer_name: s.fields.trainer.and_then(name_of).map(|p| p.fields.name.clone()),
                    flagged: warnings.iter().any(|w| w.session == Some(s.id)),
                    session: s.clone(),
                })
                .collect(),
            max_per_month: roster.max_per_month,
            certified: roster
                .trainers
                .iter()
                .filter(|t| t.fields.path.certified_on(today))
                .count() as u32,
            delivered: delivered.len() as u32,
            satisfaction_hundredths: (!rated.is_empty()).then(|| rated.iter().sum::<u32>() * 100 / rated.len() as u32),
            warnings,
        })
    }
}
