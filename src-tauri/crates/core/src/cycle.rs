//! Short cycles: 1 to 4 weeks, each with a goal, dates, a phase focus and a
//! review note. A project's cycles never overlap; the one containing today
//! is the current cycle.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::caution::{Caution, CautionKind};
use crate::ids::{CycleId, ProjectId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX};
use crate::phase::Phase;
use crate::validation::{check_date, check_len, check_required, Rule, ValidationError};

/// Shortest cycle, in days (start and end included): one week.
pub const CYCLE_MIN_DAYS: i64 = 7;
/// Longest cycle, in days: four weeks.
pub const CYCLE_MAX_DAYS: i64 = 28;

/// What the DLM types to plan a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct CycleDraft {
    pub goal: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub phase_focus: Option<Phase>,
    pub review_note: String,
}

/// What the cycle form sends: like a [`CycleDraft`], but a date the DLM
/// has not given yet is missing, so that Rust reports it with every other
/// rule in one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct CycleForm {
    pub goal: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub phase_focus: Option<Phase>,
    pub review_note: String,
}

impl CycleForm {
    /// Every rule the form breaks, missing dates included, given the
    /// project's other cycles.
    pub fn validate(&self, others: &[Cycle]) -> Vec<ValidationError> {
        match self.complete() {
            Some(draft) => draft.normalized().validate(others),
            None => {
                let mut errors: Vec<ValidationError> = Vec::new();
                errors.extend(check_required("goal", &self.goal, SHORT_TEXT_MAX));
                for (field, date) in [("start", self.start), ("end", self.end)] {
                    errors.push(match date {
                        None => ValidationError::new(field, Rule::Required),
                        Some(_) => match check_date(field, date) {
                            Some(e) => e,
                            None => continue,
                        },
                    });
                }
                errors.extend(check_len("review_note", &self.review_note, LONG_TEXT_MAX));
                errors
            }
        }
    }

    /// The draft, once both dates are given.
    pub fn complete(&self) -> Option<CycleDraft> {
        Some(CycleDraft {
            goal: self.goal.clone(),
            start: self.start?,
            end: self.end?,
            phase_focus: self.phase_focus,
            review_note: self.review_note.clone(),
        })
    }
}

/// A planned cycle of one project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Cycle {
    pub id: CycleId,
    pub project: ProjectId,
    pub fields: CycleDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl CycleDraft {
    /// Length in days, start and end included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// True when the two date ranges share at least one day.
    pub fn overlaps(&self, other: &CycleDraft) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Every rule the draft breaks, given the project's other cycles
    /// (`others` must not include the cycle being edited).
    pub fn validate(&self, others: &[Cycle]) -> Vec<ValidationError> {
        let mut errors: Vec<ValidationError> = Vec::new();
        errors.extend(check_required("goal", &self.goal, SHORT_TEXT_MAX));
        errors.extend(check_date("start", Some(self.start)));
        errors.extend(check_date("end", Some(self.end)));
        errors.extend(check_len("review_note", &self.review_note, LONG_TEXT_MAX));
        let days = self.days();
        if self.end < self.start {
            errors.push(ValidationError::new("end", Rule::EndBeforeStart));
        } else if days < CYCLE_MIN_DAYS {
            errors.push(ValidationError::with_limit(
                "end",
                Rule::CycleTooShort,
                CYCLE_MIN_DAYS as usize,
            ));
        } else if days > CYCLE_MAX_DAYS {
            errors.push(ValidationError::with_limit(
                "end",
                Rule::CycleTooLong,
                CYCLE_MAX_DAYS as usize,
            ));
        }
        if others.iter().any(|c| self.overlaps(&c.fields)) {
            errors.push(ValidationError::new("start", Rule::Overlaps));
        }
        errors
    }

    /// Asks first when the cycle starts before the project or ends after
    /// it (a project without dates has nothing to compare with).
    pub fn cautions(&self, project_start: Option<NaiveDate>, project_end: Option<NaiveDate>) -> Vec<Caution> {
        let mut cautions = Vec::new();
        if project_start.is_some_and(|s| self.start < s) {
            cautions.push(Caution::new("start", CautionKind::CycleOutsideProject));
        }
        if project_end.is_some_and(|e| self.end > e) {
            cautions.push(Caution::new("end", CautionKind::CycleOutsideProject));
        }
        cautions
    }

    pub fn normalized(mut self) -> Self {
        self.goal = self.goal.trim().to_owned();
        self.review_note = self.review_note.trim().to_owned();
        self
    }
}

impl Cycle {
    /// Plans a new cycle, or says which rules the draft breaks.
    pub fn create(
        project: ProjectId,
        draft: CycleDraft,
        others: &[Cycle],
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<ValidationError>> {
        let fields = draft.normalized();
        let errors = fields.validate(others);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            id: CycleId::new(),
            project,
            fields,
            created_at: now,
            updated_at: now,
        })
    }

    /// Replaces the cycle's fields; `others` excludes this cycle.
    pub fn edit(
        &mut self,
        draft: CycleDraft,
        others: &[Cycle],
        now: DateTime<Utc>,
    ) -> Result<(), Vec<ValidationError>> {
        let fields = draft.normalized();
        let errors = fields.validate(others);
        if !errors.is_empty() {
            return Err(errors);
        }
        self.fields = fields;
        self.updated_at = now;
        Ok(())
    }

    /// True when `day` falls within the cycle.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.fields.start <= day && day <= self.fields.end
    }
}

/// The cycle running on `today`, if any.
pub fn current_cycle(cycles: &[Cycle], today: NaiveDate) -> Option<&Cycle> {
    cycles.iter().find(|c| c.contains(today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).expect("date") + chrono::Days::new(u64::from(d))
    }

    fn draft(start: u32, end: u32) -> CycleDraft {
        CycleDraft {
            goal: "Interviews".into(),
            start: day(start),
            end: day(end),
            phase_focus: Some(Phase::Empathize),
            review_note: String::new(),
        }
    }

    fn rules(d: &CycleDraft, others: &[Cycle]) -> Vec<Rule> {
        d.validate(others).into_iter().map(|e| e.rule).collect()
    }

    #[test]
    fn one_to_four_weeks() {
        assert!(rules(&draft(0, 6), &[]).is_empty());
        assert!(rules(&draft(0, 27), &[]).is_empty());
        assert_eq!(rules(&draft(0, 5), &[]), [Rule::CycleTooShort]);
        assert_eq!(rules(&draft(0, 28), &[]), [Rule::CycleTooLong]);
        assert_eq!(rules(&draft(5, 0), &[]), [Rule::EndBeforeStart]);
    }

    #[test]
    fn overlapping_cycles_are_refused() {
        let project = ProjectId::new();
        let first = Cycle::create(project, draft(0, 13), &[], Utc::now()).expect("valid");
        assert_eq!(rules(&draft(13, 26), std::slice::from_ref(&first)), [Rule::Overlaps]);
        assert!(rules(&draft(14, 27), &[first]).is_empty());
    }

    #[test]
    fn the_current_cycle_contains_today() {
        let project = ProjectId::new();
        let a = Cycle::create(project, draft(0, 13), &[], Utc::now()).expect("valid");
        let b = Cycle::create(project, draft(14, 27), std::slice::from_ref(&a), Utc::now()).expect("valid");
        let cycles = [a, b.clone()];
        assert_eq!(current_cycle(&cycles, day(20)).map(|c| c.id), Some(b.id));
        assert_eq!(current_cycle(&cycles, day(40)), None);
    }

    #[test]
    fn a_form_without_dates_reports_them_with_the_other_rules() {
        let form = CycleForm {
            goal: " ".into(),
            start: None,
            end: Some(NaiveDate::from_ymd_opt(7, 3, 1).expect("date")),
            phase_focus: None,
            review_note: "x".repeat(LONG_TEXT_MAX + 1),
        };
        let found: Vec<(String, Rule)> = form.validate(&[]).into_iter().map(|e| (e.field, e.rule)).collect();
        assert_eq!(
            found,
            [
                ("goal".into(), Rule::Required),
                ("start".into(), Rule::Required),
                ("end".into(), Rule::DateOutOfRange),
                ("review_note".into(), Rule::TooLong),
            ]
        );
        let complete = CycleForm {
            goal: "Interviews".into(),
            start: Some(day(0)),
            end: Some(day(6)),
            phase_focus: None,
            review_note: String::new(),
        };
        assert!(complete.validate(&[]).is_empty());
        assert_eq!(complete.complete().map(|d| d.days()), Some(7));
    }

    #[test]
    fn a_cycle_outside_the_project_asks_first() {
        let d = draft(0, 13);
        assert!(d.cautions(Some(day(0)), Some(day(13))).is_empty());
        assert!(d.cautions(None, None).is_empty());
        let kinds: Vec<String> = d
            .cautions(Some(day(1)), Some(day(10)))
            .into_iter()
            .map(|c| c.field)
            .collect();
        assert_eq!(kinds, ["start", "end"]);
    }

    #[test]
    fn a_goal_is_required() {
        let mut d = draft(0, 6);
        d.goal = "  ".into();
        assert_eq!(rules(&d, &[]), [Rule::Required]);
    }

    proptest! {
        #[test]
        fn accepted_cycles_never_overlap(plans in prop::collection::vec((0u32..120, 0u32..35), 1..12)) {
            let project = ProjectId::new();
            let mut kept: Vec<Cycle> = Vec::new();
            for (start, len) in plans {
                if let Ok(c) = Cycle::create(project, draft(start, start + len), &kept, Utc::now()) {
                    prop_assert!((CYCLE_MIN_DAYS..=CYCLE_MAX_DAYS).contains(&c.fields.days()));
                    kept.push(c);
                }
            }
            for (i, a) in kept.iter().enumerate() {
                for b in &kept[i + 1..] {
                    prop_assert!(!a.fields.overlaps(&b.fields));
                }
            }
        }
    }
}
