//! A training project: what the DLM is building, for whom, why, with what
//! budget, and where it stands in its lifecycle.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::caution::{Caution, CautionKind};
use crate::ids::ProjectId;
use crate::limits::{LONG_TEXT_MAX, OBJECTIVES_MAX, SHORT_TEXT_MAX, TAGS_MAX, TAG_MAX, TITLE_MAX};
use crate::money::{check_amount, Currency};
use crate::person::PersonRef;
use crate::validation::{check_date, check_len, check_required, normalize_tags, Draft, Rule, ValidationError};

use crate::choices::every_variant;

/// Projects longer than this many years ask for confirmation: most are a
/// typo in the end year.
pub const LONG_PROJECT_YEARS: u32 = 5;
/// Amounts above this (ten million in the budget's currency, in cents) ask
/// for confirmation: far beyond a training budget, usually a slip of zeros.
pub const LARGE_AMOUNT_CENTS: i64 = 1_000_000_000;

/// Where a project stands. The order of the variants is the lifecycle order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Idea,
    Framing,
    Design,
    Pilot,
    Deployment,
    HandedOff,
    Archived,
}

every_variant!(Status {
    Idea,
    Framing,
    Design,
    Pilot,
    Deployment,
    HandedOff,
    Archived
});

impl Status {
    fn rank(self) -> usize {
        self as usize
    }

    /// The statuses this one may move to:
    /// - one step forward (handed off → archived included);
    /// - one step back while the project is alive (a pilot that sends the
    ///   team back to design, a hand-off that is taken back);
    /// - archived from anywhere (a project shelved or cancelled);
    /// - an archived project reopens as an idea.
    pub fn allowed_next(self) -> Vec<Status> {
        if self == Status::Archived {
            return vec![Status::Idea];
        }
        let r = self.rank();
        Status::ALL
            .into_iter()
            .filter(|s| {
                let t = s.rank();
                t == r + 1 || (t + 1 == r) || *s == Status::Archived
            })
            .collect()
    }

    /// True when the lifecycle allows moving from `self` to `to`.
    pub fn can_move_to(self, to: Status) -> bool {
        self.allowed_next().contains(&to)
    }

    /// Every move the lifecycle allows from `self`, each with its kind.
    pub fn moves(self) -> Vec<StatusMove> {
        self.allowed_next()
            .into_iter()
            .map(|to| StatusMove {
                to,
                kind: if to == Status::Archived {
                    MoveKind::Archive
                } else if self == Status::Archived {
                    MoveKind::Reopen
                } else if to.rank() == self.rank() + 1 {
                    MoveKind::NextStep
                } else {
                    MoveKind::Back
                },
            })
            .collect()
    }

    /// The lifecycle from idea to handed off (archived aside), each step
    /// marked done when the project is past it.
    pub fn lifecycle(self) -> Vec<LifecycleStep> {
        Status::ALL
            .into_iter()
            .filter(|s| *s != Status::Archived)
            .map(|status| LifecycleStep {
                status,
                done: self != Status::Archived && status < self,
            })
            .collect()
    }
}

/// One move a project may make, and what kind of move it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct StatusMove {
    pub to: Status,
    pub kind: MoveKind,
}

/// What a move does to a project's lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// On to the very next step: the page's main action.
    NextStep,
    /// One step back.
    Back,
    /// Shelved or cancelled.
    Archive,
    /// An archived project taken up again, as an idea.
    Reopen,
}

/// One step of the lifecycle as the project page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LifecycleStep {
    pub status: Status,
    /// The project is past this step.
    pub done: bool,
}

/// The DLM's own reading of how a project is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    #[default]
    OnTrack,
    AtRisk,
    OffTrack,
}

every_variant!(Health {
    OnTrack,
    AtRisk,
    OffTrack
});

/// Planned and actual spend in one currency, in cents. `None` means "not
/// known yet", which is different from zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
pub struct Budget {
    pub currency: Currency,
    #[specta(type = Option<f64>)]
    pub planned_cents: Option<i64>,
    #[specta(type = Option<f64>)]
    pub actual_cents: Option<i64>,
}

impl Budget {
    /// What is spent so far; nothing known counts as nothing spent.
    pub fn spent(&self) -> i64 {
        self.actual_cents.unwrap_or(0)
    }
}

/// What the DLM types in the project form: every editable field of a
/// project. Status has its own operation because it follows the lifecycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct ProjectDraft {
    pub title: String,
    pub summary: String,
    pub business_need: String,
    pub audience: String,
    pub objectives: Vec<String>,
    pub sponsor: Option<PersonRef>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub budget: Budget,
    pub health: Health,
    pub tags: Vec<String>,
}

impl Draft for ProjectDraft {
    /// Trims texts, drops empty objectives and tags, and removes tags that
    /// repeat another one (ignoring case), keeping the first spelling.
    fn normalized(mut self) -> Self {
        self.title = self.title.trim().to_owned();
        self.summary = self.summary.trim().to_owned();
        self.business_need = self.business_need.trim().to_owned();
        self.audience = self.audience.trim().to_owned();
        self.sponsor = PersonRef::normalized(self.sponsor);
        self.objectives = self
            .objectives
            .into_iter()
            .map(|o| o.trim().to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        self.tags = normalize_tags(self.tags);
        self.budget.currency = Currency(self.budget.currency.0.trim().to_uppercase());
        self
    }

    /// Every rule the draft breaks, in form order; empty when it is sound.
    fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        let mut push = |e: Option<ValidationError>| errors.extend(e);
        push(check_required("title", &self.title, TITLE_MAX));
        push(check_len("summary", &self.summary, LONG_TEXT_MAX));
        push(check_len("business_need", &self.business_need, LONG_TEXT_MAX));
        push(check_len("audience", &self.audience, SHORT_TEXT_MAX));
        push(PersonRef::check("sponsor", &self.sponsor));
        if self.objectives.len() > OBJECTIVES_MAX {
            push(Some(ValidationError::with_limit(
                "objectives",
                Rule::TooMany,
                OBJECTIVES_MAX,
            )));
        }
        push(
            self.objectives
                .iter()
                .find_map(|o| check_len("objectives", o, SHORT_TEXT_MAX)),
        );
        push(check_date("start_date", self.start_date));
        push(check_date("end_date", self.end_date));
        if let (Some(start), Some(end)) = (self.start_date, self.end_date) {
            if end < start {
                push(Some(ValidationError::new("end_date", Rule::EndBeforeStart)));
            }
        }
        if !self.budget.currency.is_well_formed() {
            push(Some(ValidationError::new("currency", Rule::InvalidCurrency)));
        }
        push(
            self.budget
                .planned_cents
                .and_then(|c| check_amount("budget_planned", c)),
        );
        push(self.budget.actual_cents.and_then(|c| check_amount("budget_actual", c)));
        if self.tags.len() > TAGS_MAX {
            push(Some(ValidationError::with_limit("tags", Rule::TooMany, TAGS_MAX)));
        }
        push(self.tags.iter().find_map(|t| check_len("tags", t, TAG_MAX)));
        errors
    }
}

impl ProjectDraft {
    /// What is allowed but unusual enough to confirm first: a project
    /// running longer than [`LONG_PROJECT_YEARS`] years, a planned or actual
    /// budget above [`LARGE_AMOUNT_CENTS`].
    pub fn cautions(&self) -> Vec<Caution> {
        let mut cautions = Vec::new();
        if let (Some(start), Some(end)) = (self.start_date, self.end_date) {
            let limit = start.checked_add_months(chrono::Months::new(12 * LONG_PROJECT_YEARS));
            if limit.is_some_and(|limit| end > limit) {
                cautions.push(Caution::with_limit(
                    "end_date",
                    CautionKind::LongProject,
                    LONG_PROJECT_YEARS,
                ));
            }
        }
        for (field, amount) in [
            ("budget_planned", self.budget.planned_cents),
            ("budget_actual", self.budget.actual_cents),
        ] {
            if amount.is_some_and(|a| a > LARGE_AMOUNT_CENTS) {
                cautions.push(Caution::with_amount(
                    field,
                    CautionKind::LargeAmount,
                    LARGE_AMOUNT_CENTS,
                ));
            }
        }
        cautions
    }
}

/// A stored training project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Project {
    pub id: ProjectId,
    /// Everything the DLM edits in the project form.
    pub fields: ProjectDraft,
    pub status: Status,
    /// Set on projects loaded as sample data, so they can be removed in one go.
    #[serde(default)]
    pub sample: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Project {
    /// Builds a new project from a draft, or says which rules it breaks.
    /// New projects start as ideas.
    pub fn create(draft: ProjectDraft, now: DateTime<Utc>) -> Result<Self, Vec<ValidationError>> {
        let fields = draft.checked()?;
        Ok(Self {
            id: ProjectId::new(),
            fields,
            status: Status::Idea,
            sample: false,
            created_at: now,
            updated_at: now,
        })
    }

    /// Replaces the editable fields, or leaves the project untouched and says
    /// which rules the draft breaks.
    pub fn edit(&mut self, draft: ProjectDraft, now: DateTime<Utc>) -> Result<(), Vec<ValidationError>> {
        self.fields = draft.checked()?;
        self.updated_at = now;
        Ok(())
    }

    /// Moves the project along its lifecycle, or refuses a move the
    /// lifecycle does not allow.
    pub fn change_status(&mut self, to: Status, now: DateTime<Utc>) -> Result<(), ValidationError> {
        if !self.status.can_move_to(to) {
            return Err(ValidationError::new("status", Rule::TransitionNotAllowed));
        }
        self.status = to;
        self.updated_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::AMOUNT_MAX_CENTS;
    use proptest::prelude::*;

    fn draft(title: &str) -> ProjectDraft {
        ProjectDraft {
            title: title.into(),
            ..Default::default()
        }
    }

    fn rules(d: &ProjectDraft) -> Vec<(String, Rule)> {
        d.clone()
            .normalized()
            .validate()
            .into_iter()
            .map(|e| (e.field, e.rule))
            .collect()
    }

    #[test]
    fn every_move_says_what_it_does() {
        let kinds = |s: Status| s.moves().into_iter().map(|m| (m.to, m.kind)).collect::<Vec<_>>();
        assert_eq!(
            kinds(Status::Idea),
            [
                (Status::Framing, MoveKind::NextStep),
                (Status::Archived, MoveKind::Archive)
            ]
        );
        assert_eq!(
            kinds(Status::HandedOff),
            [
                (Status::Deployment, MoveKind::Back),
                (Status::Archived, MoveKind::Archive)
            ],
            "archiving a handed-off project is an archive, not a next step"
        );
        assert_eq!(kinds(Status::Archived), [(Status::Idea, MoveKind::Reopen)]);
        for s in Status::ALL {
            assert_eq!(
                s.moves().iter().map(|m| m.to).collect::<Vec<_>>(),
                s.allowed_next(),
                "moves are the allowed ones"
            );
        }
    }

    #[test]
    fn an_archived_project_has_no_step_done() {
        assert!(Status::Archived.lifecycle().iter().all(|s| !s.done));
        let done = |s: Status| s.lifecycle().into_iter().filter(|x| x.done).count();
        assert_eq!(done(Status::Idea), 0);
        assert_eq!(done(Status::HandedOff), 5);
    }

    #[test]
    fn title_is_required_and_bounded() {
        assert_eq!(rules(&draft("   ")), vec![("title".into(), Rule::Required)]);
        assert!(rules(&draft(&"a".repeat(TITLE_MAX))).is_empty());
        assert_eq!(
            rules(&draft(&"a".repeat(TITLE_MAX + 1))),
            vec![("title".into(), Rule::TooLong)]
        );
    }

    #[test]
    fn end_must_not_precede_start() {
        let mut d = draft("Onboarding");
        d.start_date = NaiveDate::from_ymd_opt(2026, 3, 10);
        d.end_date = NaiveDate::from_ymd_opt(2026, 3, 9);
        assert_eq!(rules(&d), vec![("end_date".into(), Rule::EndBeforeStart)]);
        d.end_date = d.start_date;
        assert!(rules(&d).is_empty());
    }

    #[test]
    fn dates_outside_2000_2100_are_refused() {
        let mut d = draft("Dates");
        d.start_date = NaiveDate::from_ymd_opt(7, 1, 1);
        d.end_date = NaiveDate::from_ymd_opt(2101, 1, 1);
        assert_eq!(
            rules(&d),
            vec![
                ("start_date".into(), Rule::DateOutOfRange),
                ("end_date".into(), Rule::DateOutOfRange)
            ]
        );
    }

    #[test]
    fn long_projects_and_huge_budgets_ask_first() {
        let mut d = draft("Programme");
        d.start_date = NaiveDate::from_ymd_opt(2026, 1, 1);
        d.end_date = NaiveDate::from_ymd_opt(2031, 1, 1);
        d.budget.planned_cents = Some(LARGE_AMOUNT_CENTS);
        assert!(
            d.cautions().is_empty(),
            "five years to the day and ten million are fine"
        );
        d.end_date = NaiveDate::from_ymd_opt(2031, 1, 2);
        d.budget.actual_cents = Some(LARGE_AMOUNT_CENTS + 1);
        let kinds: Vec<(String, CautionKind)> = d.cautions().into_iter().map(|c| (c.field, c.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("end_date".into(), CautionKind::LongProject),
                ("budget_actual".into(), CautionKind::LargeAmount)
            ]
        );
    }

    #[test]
    fn amounts_and_currency() {
        let mut d = draft("Budget");
        d.budget.planned_cents = Some(-1);
        d.budget.actual_cents = Some(AMOUNT_MAX_CENTS + 1);
        d.budget.currency = Currency("EURO".into());
        assert_eq!(
            rules(&d),
            vec![
                ("currency".into(), Rule::InvalidCurrency),
                ("budget_planned".into(), Rule::Negative),
                ("budget_actual".into(), Rule::TooLarge),
            ]
        );
    }

    #[test]
    fn every_text_field_is_bounded() {
        let long = "x".repeat(LONG_TEXT_MAX + 1);
        let d = ProjectDraft {
            title: "ok".into(),
            summary: long.clone(),
            business_need: long.clone(),
            audience: long.clone(),
            sponsor: Some(PersonRef::Named { name: long.clone() }),
            objectives: vec![long.clone()],
            tags: vec![long],
            ..Default::default()
        };
        let fields: Vec<String> = rules(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            ["summary", "business_need", "audience", "sponsor", "objectives", "tags"]
        );
    }

    #[test]
    fn too_many_objectives_and_tags() {
        let mut d = draft("Lists");
        d.objectives = (0..=OBJECTIVES_MAX).map(|i| format!("o{i}")).collect();
        d.tags = (0..=TAGS_MAX).map(|i| format!("t{i}")).collect();
        assert_eq!(
            rules(&d),
            vec![("objectives".into(), Rule::TooMany), ("tags".into(), Rule::TooMany)]
        );
    }

    #[test]
    fn normalization_trims_and_dedupes_tags() {
        let d = ProjectDraft {
            title: "  Titre  ".into(),
            tags: vec!["RGPD".into(), " rgpd ".into(), "".into(), "Managers".into()],
            objectives: vec!["  ".into(), " Savoir donner du feedback ".into()],
            budget: Budget {
                currency: Currency(" eur ".into()),
                ..Default::default()
            },
            ..Default::default()
        }
        .normalized();
        assert_eq!(d.title, "Titre");
        assert_eq!(d.tags, ["RGPD", "Managers"]);
        assert_eq!(d.objectives, ["Savoir donner du feedback"]);
        assert_eq!(d.budget.currency, Currency::eur());
    }

    #[test]
    fn lifecycle_moves() {
        use Status::*;
        assert_eq!(Idea.allowed_next(), vec![Framing, Archived]);
        assert_eq!(Design.allowed_next(), vec![Framing, Pilot, Archived]);
        assert_eq!(HandedOff.allowed_next(), vec![Deployment, Archived]);
        assert_eq!(Archived.allowed_next(), vec![Idea]);
        assert!(!Idea.can_move_to(Pilot));
        assert!(!Idea.can_move_to(Idea));
    }

    #[test]
    fn refused_edit_leaves_project_untouched() {
        let now = Utc::now();
        let mut p = Project::create(draft("Initial"), now).expect("valid draft");
        let before = p.clone();
        assert!(p.edit(draft(""), now).is_err());
        assert!(p.change_status(Status::Deployment, now).is_err());
        assert_eq!(p, before);
    }

    #[test]
    fn new_projects_start_as_ideas() {
        let p = Project::create(draft("Nouveau"), Utc::now()).expect("valid draft");
        assert_eq!(p.status, Status::Idea);
        assert!(!p.sample);
    }

    fn any_status() -> impl Strategy<Value = Status> {
        prop::sample::select(Status::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn every_status_can_reach_archived_and_come_back(s in any_status()) {
            // From anywhere, archive then reopen: no project is ever stuck.
            let mut path = vec![s];
            if s != Status::Archived { path.push(Status::Archived); }
            path.push(Status::Idea);
            for w in path.windows(2) {
                prop_assert!(w[0].can_move_to(w[1]));
            }
        }

        #[test]
        fn moves_are_never_more_than_one_step_except_archiving(from in any_status(), to in any_status()) {
            if from.can_move_to(to) && to != Status::Archived && from != Status::Archived {
                prop_assert_eq!((from as i32 - to as i32).abs(), 1);
            }
        }

        #[test]
        fn valid_drafts_round_trip_through_json(title in "[A-Za-zéèà ]{1,200}", planned in 0i64..=AMOUNT_MAX_CENTS) {
            prop_assume!(!title.trim().is_empty());
            let mut d = draft(&title);
            d.budget.planned_cents = Some(planned);
            let p = Project::create(d, Utc::now()).expect("valid draft");
            let json = serde_json::to_string(&p).expect("serialises");
            let back: Project = serde_json::from_str(&json).expect("deserialises");
            prop_assert_eq!(back, p);
        }

        #[test]
        fn validation_never_panics_and_blank_titles_fail(title in "\\PC{0,300}") {
            let errors = draft(&title).normalized().validate();
            let blank = title.trim().is_empty();
            let too_long = title.trim().chars().count() > TITLE_MAX;
            prop_assert_eq!(errors.iter().any(|e| e.field == "title"), blank || too_long);
        }
    }
}
