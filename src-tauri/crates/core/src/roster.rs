//! The occasional trainers who run a program once it is handed off: people
//! of the directory taken through a train-the-trainer path (invited,
//! trained, observed, certified — each dated, the certification with its
//! expiry), and the sessions planned and delivered.
//!
//! The capacity check is here: sessions planned against certified trainers
//! and a per-trainer maximum a month; a session without a certified
//! trainer on its day; one trainer carrying more than half of the
//! sessions. Warnings, never refusals: a roster is built over weeks.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{PersonId, ProjectId};
use crate::limits::{SHORT_TEXT_MAX, TAGS_MAX, TAG_MAX};
use crate::validation::{check_date, check_len, normalize_tags, Draft, Rule, ValidationError};

use crate::choices::every_variant;

/// The steps of the train-the-trainer path, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PathStep {
    Invited,
    Trained,
    Observed,
    Certified,
}

every_variant!(PathStep {
    Invited,
    Trained,
    Observed,
    Certified
});

/// Where a trainer stands on the path: the day of each step reached, and
/// when the certification expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct TrainerPath {
    pub invited: Option<NaiveDate>,
    pub trained: Option<NaiveDate>,
    pub observed: Option<NaiveDate>,
    pub certified: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
}

impl TrainerPath {
    fn steps(&self) -> [(PathStep, &'static str, Option<NaiveDate>); 4] {
        [
            (PathStep::Invited, "invited", self.invited),
            (PathStep::Trained, "trained", self.trained),
            (PathStep::Observed, "observed", self.observed),
            (PathStep::Certified, "certified", self.certified),
        ]
    }

    /// The furthest step reached.
    pub fn step(&self) -> Option<PathStep> {
        self.steps()
            .iter()
            .rev()
            .find(|(_, _, d)| d.is_some())
            .map(|(s, _, _)| *s)
    }

    /// Certified on `day`, and not expired by then.
    pub fn certified_on(&self, day: NaiveDate) -> bool {
        self.certified.is_some_and(|c| c <= day) && self.expires.is_none_or(|e| e >= day)
    }

    /// Every rule the path breaks: dates out of range, a step dated before
    /// the one it follows, an expiry before the certification.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        let mut previous: Option<NaiveDate> = None;
        for (_, field, date) in self.steps() {
            if let Some(e) = check_date(field, date) {
                errors.push(e);
            } else if let (Some(before), Some(d)) = (previous, date) {
                if d < before {
                    errors.push(ValidationError::new(field, Rule::BeforePreviousStep));
                }
            }
            previous = date.or(previous);
        }
        errors.extend(check_date("expires", self.expires));
        if let (Some(c), Some(e)) = (self.certified, self.expires) {
            if e < c {
                errors.push(ValidationError::new("expires", Rule::EndBeforeStart));
            }
        }
        errors
    }
}

/// What the DLM sets on a trainer of the program: where they stand on
/// the path, what they teach, in which languages, when they are free.
/// (Their business line and location are the person's own.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct TrainerDraft {
    pub path: TrainerPath,
    pub topics: Vec<String>,
    pub languages: Vec<String>,
    pub availability: String,
}

impl Draft for TrainerDraft {
    /// The draft with its lists tidied and its note trimmed.
    fn normalized(mut self) -> Self {
        self.topics = normalize_tags(self.topics);
        self.languages = normalize_tags(self.languages);
        self.availability = self.availability.trim().to_owned();
        self
    }

    /// Every rule the draft breaks.
    fn validate(&self) -> Vec<ValidationError> {
        let mut errors = self.path.validate();
        for (field, list) in [("topics", &self.topics), ("languages", &self.languages)] {
            if list.len() > TAGS_MAX {
                errors.push(ValidationError::with_limit(field, Rule::TooMany, TAGS_MAX));
            }
            errors.extend(list.iter().find_map(|t| check_len(field, t, TAG_MAX)));
        }
        errors.extend(check_len("availability", &self.availability, SHORT_TEXT_MAX));
        errors
    }
}

/// A trainer of the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RosterTrainer {
    pub person: PersonId,
    pub fields: TrainerDraft,
}

/// How a session is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum SessionMode {
    #[default]
    OnSite,
    Virtual,
}

every_variant!(SessionMode { OnSite, Virtual });

/// What the DLM types for a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct SessionDraft {
    pub date: Option<NaiveDate>,
    pub mode: SessionMode,
    /// The room and site, or the link.
    pub place: String,
    pub trainer: Option<PersonId>,
    pub participants: u32,
    pub delivered: bool,
    /// Participants' satisfaction, 1 to 5, once delivered.
    pub satisfaction: Option<u32>,
}

/// Participants one session may count.
pub const SESSION_PARTICIPANTS_MAX: u32 = 10_000;

impl SessionDraft {
    /// The draft with its place trimmed.
    pub fn normalized(mut self) -> Self {
        self.place = self.place.trim().to_owned();
        self
    }

    /// Every rule the draft breaks. `in_roster` tells whether a person is
    /// a trainer of the program.
    pub fn validate(&self, in_roster: impl Fn(PersonId) -> bool) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        match self.date {
            None => errors.push(ValidationError::new("date", Rule::Required)),
            Some(_) => errors.extend(check_date("date", self.date)),
        }
        errors.extend(check_len("place", &self.place, SHORT_TEXT_MAX));
        if self.trainer.is_some_and(|t| !in_roster(t)) {
            errors.push(ValidationError::new("trainer", Rule::NotInDirectory));
        }
        if self.participants > SESSION_PARTICIPANTS_MAX {
            errors.push(ValidationError::with_limit(
                "participants",
                Rule::TooLarge,
                SESSION_PARTICIPANTS_MAX as usize,
            ));
        }
        if self.satisfaction.is_some_and(|s| !(1..=5).contains(&s)) {
            errors.push(ValidationError::new("satisfaction", Rule::NotARating));
        }
        errors
    }
}

/// One session of the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Session {
    pub id: u32,
    pub fields: SessionDraft,
}

/// Trainers, and sessions, one roster may hold.
pub const ROSTER_MAX: usize = 200;
/// Sessions a trainer runs in a month unless the DLM says otherwise.
pub const DEFAULT_MAX_PER_MONTH: u32 = 4;

/// A program's trainers and sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Roster {
    pub project: ProjectId,
    pub trainers: Vec<RosterTrainer>,
    pub sessions: Vec<Session>,
    /// The most sessions one trainer runs in a month.
    pub max_per_month: u32,
    pub updated_at: DateTime<Utc>,
}

/// What the capacity check finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CapacityKind {
    /// A session planned with no trainer certified on its day.
    NoCertifiedTrainer,
    /// A month holds more sessions than its certified trainers can run.
    MonthOverCapacity,
    /// One trainer runs more sessions in a month than the maximum.
    TrainerOverMonthlyMax,
    /// One trainer carries more than half of the sessions.
    OneTrainerCarriesMost,
}

every_variant!(CapacityKind {
    NoCertifiedTrainer,
    MonthOverCapacity,
    TrainerOverMonthlyMax,
    OneTrainerCarriesMost
});

/// One capacity warning with what it is about: the session, the month
/// (its first day), the trainer, and the figures the message names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CapacityWarning {
    pub kind: CapacityKind,
    pub session: Option<u32>,
    pub month: Option<NaiveDate>,
    pub trainer: Option<PersonId>,
    /// Sessions counted.
    pub count: u32,
    /// What they are counted against: the month's capacity, the monthly
    /// maximum, all the sessions.
    pub limit: u32,
}

impl Roster {
    /// An empty roster.
    pub fn new(project: ProjectId, now: DateTime<Utc>) -> Self {
        Self {
            project,
            trainers: Vec::new(),
            sessions: Vec::new(),
            max_per_month: DEFAULT_MAX_PER_MONTH,
            updated_at: now,
        }
    }

    /// Adds a person of the directory as a trainer (nothing when already one).
    pub fn add_trainer(&mut self, person: PersonId, now: DateTime<Utc>) -> Result<(), ValidationError> {
        if self.trainers.iter().any(|t| t.person == person) {
            return Ok(());
        }
        if self.trainers.len() >= ROSTER_MAX {
            return Err(ValidationError::with_limit("person", Rule::TooMany, ROSTER_MAX));
        }
        self.trainers.push(RosterTrainer {
            person,
            fields: TrainerDraft::default(),
        });
        self.updated_at = now;
        Ok(())
    }

    /// Sets what the DLM typed on a trainer.
    pub fn set_trainer(
        &mut self,
        person: PersonId,
        draft: TrainerDraft,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<ValidationError>> {
        let checked = draft.checked();
        let trainer = self.trainers.iter_mut().find(|t| t.person == person);
        let Some(trainer) = trainer else {
            return Err(vec![ValidationError::new("person", Rule::Required)]);
        };
        trainer.fields = checked?;
        self.updated_at = now;
        Ok(())
    }

    /// Removes a trainer; their sessions keep their date with no trainer.
    pub fn remove_trainer(&mut self, person: PersonId, now: DateTime<Utc>) {
        self.trainers.retain(|t| t.person != person);
        for s in &mut self.sessions {
            if s.fields.trainer == Some(person) {
                s.fields.trainer = None;
            }
        }
        self.updated_at = now;
    }

    /// Adds a session (`id` none) or edits one; returns its id.
    pub fn save_session(
        &mut self,
        id: Option<u32>,
        draft: SessionDraft,
        now: DateTime<Utc>,
    ) -> Result<u32, Vec<ValidationError>> {
        let fields = draft.normalized();
        let errors = fields.validate(|p| self.trainers.iter().any(|t| t.person == p));
        if !errors.is_empty() {
            return Err(errors);
        }
        let id = match id {
            Some(id) => {
                let session = self
                    .sessions
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or_else(|| vec![ValidationError::new("session", Rule::Required)])?;
                session.fields = fields;
                id
            }
            None => {
                if self.sessions.len() >= ROSTER_MAX {
                    return Err(vec![ValidationError::with_limit("date", Rule::TooMany, ROSTER_MAX)]);
                }
                let id = self.sessions.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                self.sessions.push(Session { id, fields });
                id
            }
        };
        self.sessions.sort_by_key(|s| (s.fields.date, s.id));
        self.updated_at = now;
        Ok(id)
    }

    /// Removes a session.
    pub fn remove_session(&mut self, id: u32, now: DateTime<Utc>) {
        self.sessions.retain(|s| s.id != id);
        self.updated_at = now;
    }

    /// Sets the most sessions one trainer runs in a month (at least 1).
    pub fn set_max_per_month(&mut self, max: u32, now: DateTime<Utc>) -> Result<(), ValidationError> {
        if max == 0 {
            return Err(ValidationError::new("max_per_month", Rule::Required));
        }
        self.max_per_month = max;
        self.updated_at = now;
        Ok(())
    }

    /// Makes `old`'s place on the roster `by`'s (their path, unless `by`
    /// is already a trainer) and their sessions `by`'s; true when `old`
    /// was on it.
    pub fn replace_person(&mut self, old: PersonId, by: PersonId, now: DateTime<Utc>) -> bool {
        let Some(at) = self.trainers.iter().position(|t| t.person == old) else {
            return false;
        };
        if self.trainers.iter().any(|t| t.person == by) {
            self.trainers.remove(at);
        } else {
            self.trainers[at].person = by;
        }
        for s in &mut self.sessions {
            if s.fields.trainer == Some(old) {
                s.fields.trainer = Some(by);
            }
        }
        self.updated_at = now;
        true
    }

    /// Enough certified trainers for what is planned: someone certified on
    /// `today`, and neither a session without a certified trainer nor a
    /// month over capacity.
    pub fn enough_trainers(&self, today: NaiveDate) -> bool {
        self.trainers.iter().any(|t| t.fields.path.certified_on(today))
            && !self.capacity().iter().any(|w| {
                matches!(
                    w.kind,
                    CapacityKind::NoCertifiedTrainer | CapacityKind::MonthOverCapacity
                )
            })
    }

    fn certified(&self, person: PersonId, day: NaiveDate) -> bool {
        self.trainers
            .iter()
            .any(|t| t.person == person && t.fields.path.certified_on(day))
    }

    /// The capacity check over the sessions still planned (not delivered).
    pub fn capacity(&self) -> Vec<CapacityWarning> {
        let planned: Vec<(&Session, NaiveDate)> = self
            .sessions
            .iter()
            .filter(|s| !s.fields.delivered)
            .filter_map(|s| s.fields.date.map(|d| (s, d)))
            .collect();
        let mut found = Vec::new();
        for (s, day) in &planned {
            if !s.fields.trainer.is_some_and(|t| self.certified(t, *day)) {
                found.push(CapacityWarning {
                    kind: CapacityKind::NoCertifiedTrainer,
                    session: Some(s.id),
                    month: None,
                    trainer: s.fields.trainer,
                    count: 1,
                    limit: 0,
                });
            }
        }
        let mut months: Vec<NaiveDate> = planned.iter().map(|(_, d)| first_of_month(*d)).collect();
        months.dedup();
        for month in months {
            let in_month: Vec<&(&Session, NaiveDate)> =
                planned.iter().filter(|(_, d)| first_of_month(*d) == month).collect();
            let certified = self
                .trainers
                .iter()
                .filter(|t| t.fields.path.certified_on(month_end(month)))
                .count() as u32;
            let capacity = certified * self.max_per_month;
            if in_month.len() as u32 > capacity {
                found.push(CapacityWarning {
                    kind: CapacityKind::MonthOverCapacity,
                    session: None,
                    month: Some(month),
                    trainer: None,
                    count: in_month.len() as u32,
                    limit: capacity,
                });
            }
            for t in &self.trainers {
                let theirs = in_month
                    .iter()
                    .filter(|(s, _)| s.fields.trainer == Some(t.person))
                    .count() as u32;
                if theirs > self.max_per_month {
                    found.push(CapacityWarning {
                        kind: CapacityKind::TrainerOverMonthlyMax,
                        session: None,
                        month: Some(month),
                        trainer: Some(t.person),
                        count: theirs,
                        limit: self.max_per_month,
                    });
                }
            }
        }
        let total = planned.len() as u32;
        for t in &self.trainers {
            let theirs = planned
                .iter()
                .filter(|(s, _)| s.fields.trainer == Some(t.person))
                .count() as u32;
            if total >= 3 && theirs * 2 > total {
                found.push(CapacityWarning {
                    kind: CapacityKind::OneTrainerCarriesMost,
                    session: None,
                    month: None,
                    trainer: Some(t.person),
                    count: theirs,
                    limit: total,
                });
            }
        }
        found
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn month_end(first: NaiveDate) -> NaiveDate {
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).expect("a date")
    }

    fn certified(on: NaiveDate) -> TrainerPath {
        TrainerPath {
            invited: Some(on),
            trained: Some(on),
            observed: Some(on),
            certified: Some(on),
            expires: None,
        }
    }

    fn trainer(path: TrainerPath) -> TrainerDraft {
        TrainerDraft {
            path,
            ..TrainerDraft::default()
        }
    }

    fn session(date: NaiveDate, trainer: Option<PersonId>) -> SessionDraft {
        SessionDraft {
            date: Some(date),
            trainer,
            participants: 10,
            ..SessionDraft::default()
        }
    }

    fn roster(trainers: usize) -> (Roster, Vec<PersonId>) {
        let mut r = Roster::new(ProjectId::new(), Utc::now());
        let people: Vec<PersonId> = (0..trainers).map(|_| PersonId::new()).collect();
        for p in &people {
            r.add_trainer(*p, Utc::now()).expect("adds");
        }
        (r, people)
    }

    #[test]
    fn the_path_goes_forward_and_the_certification_expires() {
        let path = TrainerPath {
            invited: Some(day(1, 10)),
            trained: Some(day(1, 5)),
            observed: None,
            certified: Some(day(2, 1)),
            expires: Some(day(1, 20)),
        };
        let fields: Vec<(String, Rule)> = path.validate().into_iter().map(|e| (e.field, e.rule)).collect();
        assert_eq!(
            fields,
            [
                ("trained".to_owned(), Rule::BeforePreviousStep),
                ("expires".to_owned(), Rule::EndBeforeStart)
            ]
        );
        let good = TrainerPath {
            expires: Some(day(6, 30)),
            ..certified(day(2, 1))
        };
        assert_eq!(good.step(), Some(PathStep::Certified));
        assert!(!good.certified_on(day(1, 31)));
        assert!(good.certified_on(day(6, 30)));
        assert!(!good.certified_on(day(7, 1)), "expired");
    }

    #[test]
    fn a_session_needs_a_date_a_trainer_of_the_roster_and_a_rating_from_1_to_5() {
        let (mut r, _) = roster(1);
        let bad = SessionDraft {
            date: None,
            trainer: Some(PersonId::new()),
            satisfaction: Some(6),
            ..SessionDraft::default()
        };
        let fields: Vec<String> = r
            .save_session(None, bad, Utc::now())
            .expect_err("refused")
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["date", "trainer", "satisfaction"]);
        assert!(r.sessions.is_empty());
    }

    #[test]
    fn a_session_without_a_certified_trainer_is_flagged() {
        let (mut r, people) = roster(2);
        r.set_trainer(people[0], trainer(certified(day(1, 1))), Utc::now())
            .expect("sets");
        r.save_session(None, session(day(3, 2), Some(people[0])), Utc::now())
            .expect("adds");
        let uncertified = r
            .save_session(None, session(day(3, 3), Some(people[1])), Utc::now())
            .expect("adds");
        let nobody = r
            .save_session(None, session(day(3, 4), None), Utc::now())
            .expect("adds");
        let flagged: Vec<Option<u32>> = r
            .capacity()
            .iter()
            .filter(|w| w.kind == CapacityKind::NoCertifiedTrainer)
            .map(|w| w.session)
            .collect();
        assert_eq!(flagged, [Some(uncertified), Some(nobody)]);
    }

    #[test]
    fn a_month_over_capacity_and_a_trainer_over_the_maximum_are_flagged() {
        let (mut r, people) = roster(1);
        r.set_trainer(people[0], trainer(certified(day(1, 1))), Utc::now())
            .expect("sets");
        r.set_max_per_month(2, Utc::now()).expect("sets");
        for d in [3, 10, 17] {
            r.save_session(None, session(day(3, d), Some(people[0])), Utc::now())
                .expect("adds");
        }
        let kinds: Vec<(CapacityKind, u32, u32)> = r.capacity().iter().map(|w| (w.kind, w.count, w.limit)).collect();
        assert_eq!(
            kinds,
            [
                (CapacityKind::MonthOverCapacity, 3, 2),
                (CapacityKind::TrainerOverMonthlyMax, 3, 2),
                (CapacityKind::OneTrainerCarriesMost, 3, 3),
            ]
        );
    }

    #[test]
    fn delivered_sessions_leave_the_check() {
        let (mut r, _) = roster(0);
        let id = r
            .save_session(None, session(day(3, 3), None), Utc::now())
            .expect("adds");
        assert_eq!(r.capacity().len(), 2, "no certified trainer, a month with no capacity");
        r.save_session(
            Some(id),
            SessionDraft {
                delivered: true,
                satisfaction: Some(4),
                ..session(day(3, 3), None)
            },
            Utc::now(),
        )
        .expect("edits");
        assert!(r.capacity().is_empty());
    }

    #[test]
    fn a_trainer_handed_over_keeps_the_sessions() {
        let (mut r, people) = roster(2);
        r.save_session(None, session(day(3, 3), Some(people[0])), Utc::now())
            .expect("adds");
        assert!(r.replace_person(people[0], people[1], Utc::now()));
        assert_eq!(r.trainers.len(), 1);
        assert_eq!(r.sessions[0].fields.trainer, Some(people[1]));
        r.remove_trainer(people[1], Utc::now());
        assert_eq!(
            r.sessions[0].fields.trainer, None,
            "the session stays, without a trainer"
        );
    }

    proptest! {
        /// With every session given to a certified trainer and no month
        /// holding more than the monthly maximum each, only the "more than
        /// half" warning can show — and only when it is true.
        #[test]
        fn a_balanced_roster_raises_nothing_else(assign in prop::collection::vec(0usize..3, 0..12)) {
            let (mut r, people) = roster(3);
            for p in &people {
                r.set_trainer(*p, trainer(certified(day(1, 1))), Utc::now()).expect("sets");
            }
            r.set_max_per_month(31, Utc::now()).expect("sets");
            for (i, who) in assign.iter().enumerate() {
                r.save_session(None, session(day(3, i as u32 + 1), Some(people[*who])), Utc::now()).expect("adds");
            }
            for w in r.capacity() {
                prop_assert_eq!(w.kind, CapacityKind::OneTrainerCarriesMost);
                prop_assert!(w.count * 2 > w.limit && w.limit >= 3);
            }
        }
    }
}
