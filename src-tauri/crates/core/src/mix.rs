//! The modality mix planner: a project's learning path as an ordered
//! sequence of activities, with totals by modality and by 70-20-10 bucket,
//! and warnings when the mix is lopsided.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{ActivityId, ProjectId};
use crate::limits::TITLE_MAX;
use crate::money::check_amount;
use crate::validation::{check_required, Draft, Rule, ValidationError};

use crate::choices::every_variant;

/// A pedagogical modality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Elearning,
    Mooc,
    Cooc,
    Spoc,
    VirtualClass,
    Classroom,
    Blended,
    SeriousGame,
    ArVr,
    Microlearning,
    Mentoring,
    OnTheJob,
    SocialLearning,
}

every_variant!(Modality {
    Elearning,
    Mooc,
    Cooc,
    Spoc,
    VirtualClass,
    Classroom,
    Blended,
    SeriousGame,
    ArVr,
    Microlearning,
    Mentoring,
    OnTheJob,
    SocialLearning
});

impl Modality {
    /// Where this modality usually sits in the 70-20-10 model, and whether
    /// it usually runs live: what the planner proposes when the DLM picks
    /// it (still editable). On-the-job work is the 70, mentoring and social
    /// learning the 20, courses of every kind the 10.
    pub fn usual(self) -> ModalityDefault {
        use Bucket::*;
        use Delivery::*;
        let (bucket, delivery) = match self {
            Modality::OnTheJob => (Experience, SelfPaced),
            Modality::Mentoring | Modality::SocialLearning => (Exposure, Live),
            Modality::VirtualClass | Modality::Classroom | Modality::Blended => (Education, Live),
            Modality::Elearning
            | Modality::Mooc
            | Modality::Cooc
            | Modality::Spoc
            | Modality::SeriousGame
            | Modality::ArVr
            | Modality::Microlearning => (Education, SelfPaced),
        };
        ModalityDefault {
            modality: self,
            bucket,
            delivery,
        }
    }
}

/// The 70-20-10 model: learning by doing, from others, from courses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// 70: on-the-job practice.
    Experience,
    /// 20: learning from others.
    Exposure,
    /// 10: formal learning.
    Education,
}

every_variant!(Bucket {
    Experience,
    Exposure,
    Education
});

impl Bucket {
    /// The model's share of learning time for this bucket, in percent.
    pub fn target_percent(self) -> u32 {
        match self {
            Bucket::Experience => 70,
            Bucket::Exposure => 20,
            Bucket::Education => 10,
        }
    }
}

/// Whether learners take part at a set time together, or at their pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Live,
    SelfPaced,
}

every_variant!(Delivery { Live, SelfPaced });

/// A modality with the bucket and delivery the planner proposes for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ModalityDefault {
    pub modality: Modality,
    pub bucket: Bucket,
    pub delivery: Delivery,
}

/// Every modality in catalogue order with what the planner proposes for it.
pub fn usual_settings() -> Vec<ModalityDefault> {
    Modality::ALL.into_iter().map(Modality::usual).collect()
}

/// The longest single activity: 200 hours.
pub const DURATION_MAX_MINUTES: u32 = 200 * 60;
/// Activities in one learning path.
pub const ACTIVITIES_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ActivityDraft {
    pub title: String,
    pub modality: Modality,
    pub bucket: Bucket,
    pub delivery: Delivery,
    pub duration_minutes: u32,
    #[specta(type = Option<f64>)]
    pub cost_cents: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Activity {
    pub id: ActivityId,
    pub project: ProjectId,
    pub fields: ActivityDraft,
    /// Place in the learning path, from 0.
    pub position: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Draft for ActivityDraft {
    fn validate(&self) -> Vec<ValidationError> {
        let mut e: Vec<ValidationError> = Vec::new();
        e.extend(check_required("title", &self.title, TITLE_MAX));
        if self.duration_minutes == 0 {
            e.push(ValidationError::new("duration_minutes", Rule::Required));
        } else if self.duration_minutes > DURATION_MAX_MINUTES {
            e.push(ValidationError::with_limit(
                "duration_minutes",
                Rule::DurationTooLong,
                (DURATION_MAX_MINUTES / 60) as usize,
            ));
        }
        e.extend(self.cost_cents.and_then(|c| check_amount("cost_cents", c)));
        e
    }

    fn normalized(mut self) -> Self {
        self.title = self.title.trim().to_owned();
        self
    }
}

impl Activity {
    /// A new activity at `position`. Refuses more than [`ACTIVITIES_MAX`].
    pub fn create(
        project: ProjectId,
        draft: ActivityDraft,
        position: u32,
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<ValidationError>> {
        let fields = draft.normalized();
        let mut errors = fields.validate();
        if position as usize >= ACTIVITIES_MAX {
            errors.push(ValidationError::with_limit("activities", Rule::TooMany, ACTIVITIES_MAX));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            id: ActivityId::new(),
            project,
            fields,
            position,
            created_at: now,
            updated_at: now,
        })
    }

    pub fn edit(&mut self, draft: ActivityDraft, now: DateTime<Utc>) -> Result<(), Vec<ValidationError>> {
        self.fields = draft.checked()?;
        self.updated_at = now;
        Ok(())
    }
}

/// Moves activity `id` to `index` in the path; returns the activities whose
/// position changed, numbered 0, 1, 2…
pub fn reorder(activities: &[Activity], id: ActivityId, index: usize) -> Option<Vec<Activity>> {
    let mut ordered: Vec<Activity> = activities.to_vec();
    ordered.sort_by_key(|a| (a.position, a.created_at));
    let from = ordered.iter().position(|a| a.id == id)?;
    let moving = ordered.remove(from);
    ordered.insert(index.min(ordered.len()), moving);
    let mut changed = Vec::new();
    for (i, mut a) in ordered.into_iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        if a.position != i {
            a.position = i;
            changed.push(a);
        }
    }
    Some(changed)
}

/// Minutes and cost of one modality in the path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ModalityTotal {
    pub modality: Modality,
    pub activities: u32,
    pub minutes: u32,
    #[specta(type = f64)]
    pub cost_cents: i64,
}

/// Minutes of one 70-20-10 bucket and its share of the path, in percent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BucketTotal {
    pub bucket: Bucket,
    pub minutes: u32,
    pub percent: u32,
    /// The model's share for this bucket (70, 20 or 10), drawn as a mark.
    pub target: u32,
}

/// What looks lopsided in a mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum MixWarning {
    /// No activity where learners practise on the job (the 70).
    NoPractice,
    /// More than 90 % of the time is formal learning (the 10).
    OverFormal,
    /// No activity with others (the 20).
    NoSocial,
    /// Everything is live: hard to fit around work.
    AllLive,
}

/// Share of formal learning above which the mix is flagged.
pub const FORMAL_LIMIT_PERCENT: u32 = 90;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MixTotals {
    pub minutes: u32,
    #[specta(type = f64)]
    pub cost_cents: i64,
    pub live_minutes: u32,
    pub by_modality: Vec<ModalityTotal>,
    pub by_bucket: Vec<BucketTotal>,
    pub warnings: Vec<MixWarning>,
}

/// Whole-percent shares of `parts` that add up to exactly 100 (largest
/// remainder: each share is rounded down, then the points left go to the
/// parts that lost the most in rounding, earlier parts first on ties).
/// All zero when the whole is zero.
fn shares(parts: &[u32]) -> Vec<u32> {
    let whole: u64 = parts.iter().map(|&p| u64::from(p)).sum();
    if whole == 0 {
        return vec![0; parts.len()];
    }
    let exact: Vec<(u64, u64)> = parts
        .iter()
        .map(|&p| (u64::from(p) * 100 / whole, u64::from(p) * 100 % whole))
        .collect();
    let mut result: Vec<u32> = exact.iter().map(|&(q, _)| u32::try_from(q).unwrap_or(100)).collect();
    let given: u32 = result.iter().sum();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(exact[i].1), i));
    for &i in order.iter().take(100usize.saturating_sub(given as usize)) {
        result[i] += 1;
    }
    result
}

/// Totals by modality (those used, in catalogue order) and by bucket, and
/// the warnings. An empty path has totals of zero and no warning.
pub fn totals(activities: &[Activity]) -> MixTotals {
    let minutes: u32 = activities.iter().map(|a| a.fields.duration_minutes).sum();
    let cost_cents: i64 = activities.iter().filter_map(|a| a.fields.cost_cents).sum();
    let live_minutes: u32 = activities
        .iter()
        .filter(|a| a.fields.delivery == Delivery::Live)
        .map(|a| a.fields.duration_minutes)
        .sum();
    let by_modality = Modality::ALL
        .into_iter()
        .filter_map(|m| {
            let of: Vec<&Activity> = activities.iter().filter(|a| a.fields.modality == m).collect();
            (!of.is_empty()).then(|| ModalityTotal {
                modality: m,
                activities: u32::try_from(of.len()).unwrap_or(u32::MAX),
                minutes: of.iter().map(|a| a.fields.duration_minutes).sum(),
                cost_cents: of.iter().filter_map(|a| a.fields.cost_cents).sum(),
            })
        })
        .collect();
    let bucket_minutes: Vec<u32> = Bucket::ALL
        .into_iter()
        .map(|b| {
            activities
                .iter()
                .filter(|a| a.fields.bucket == b)
                .map(|a| a.fields.duration_minutes)
                .sum()
        })
        .collect();
    let by_bucket: Vec<BucketTotal> = Bucket::ALL
        .into_iter()
        .zip(bucket_minutes.iter().zip(shares(&bucket_minutes)))
        .map(|(bucket, (&minutes, percent))| BucketTotal {
            bucket,
            minutes,
            percent,
            target: bucket.target_percent(),
        })
        .collect();
    let mut warnings = Vec::new();
    if !activities.is_empty() {
        let has = |b: Bucket| activities.iter().any(|a| a.fields.bucket == b);
        if !has(Bucket::Experience) {
            warnings.push(MixWarning::NoPractice);
        }
        if !has(Bucket::Exposure) {
            warnings.push(MixWarning::NoSocial);
        }
        let formal = by_bucket
            .iter()
            .find(|b| b.bucket == Bucket::Education)
            .map_or(0, |b| b.minutes);
        if u64::from(formal) * 100 > u64::from(FORMAL_LIMIT_PERCENT) * u64::from(minutes) {
            warnings.push(MixWarning::OverFormal);
        }
        if live_minutes == minutes {
            warnings.push(MixWarning::AllLive);
        }
    }
    MixTotals {
        minutes,
        cost_cents,
        live_minutes,
        by_modality,
        by_bucket,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn activity(
        modality: Modality,
        bucket: Bucket,
        delivery: Delivery,
        minutes: u32,
        cost: Option<i64>,
        position: u32,
    ) -> Activity {
        let draft = ActivityDraft {
            title: "A".into(),
            modality,
            bucket,
            delivery,
            duration_minutes: minutes,
            cost_cents: cost,
        };
        Activity::create(ProjectId::new(), draft, position, Utc::now()).expect("valid")
    }

    #[test]
    fn the_model_shares_add_up_to_the_whole_and_come_with_the_totals() {
        assert_eq!(Bucket::ALL.map(Bucket::target_percent), [70, 20, 10]);
        let t = totals(&[]);
        assert_eq!(t.by_bucket.iter().map(|b| b.target).collect::<Vec<_>>(), [70, 20, 10]);
    }

    #[test]
    fn totals_by_modality_and_bucket() {
        use Bucket::*;
        use Delivery::*;
        let path = [
            activity(Modality::Elearning, Education, SelfPaced, 60, Some(10_000), 0),
            activity(Modality::VirtualClass, Education, Live, 90, Some(50_000), 1),
            activity(Modality::Mentoring, Exposure, Live, 120, None, 2),
            activity(Modality::OnTheJob, Experience, SelfPaced, 330, None, 3),
            activity(Modality::Elearning, Education, SelfPaced, 30, Some(5_000), 4),
        ];
        let t = totals(&path);
        assert_eq!((t.minutes, t.cost_cents, t.live_minutes), (630, 65_000, 210));
        let e = t
            .by_modality
            .iter()
            .find(|m| m.modality == Modality::Elearning)
            .expect("used");
        assert_eq!((e.activities, e.minutes, e.cost_cents), (2, 90, 15_000));
        let percents: Vec<u32> = t.by_bucket.iter().map(|b| b.percent).collect();
        assert_eq!(percents, [52, 19, 29]);
        assert!(t.warnings.is_empty());
    }

    #[test]
    fn shares_always_add_up_to_one_hundred() {
        // 1/3 each would round to 33 + 33 + 33 = 99.
        assert_eq!(shares(&[10, 10, 10]), [34, 33, 33]);
        // 2/3 and 1/6 twice round to 67 + 17 + 17 = 101.
        assert_eq!(shares(&[40, 10, 10]), [67, 17, 16]);
        assert_eq!(shares(&[0, 0, 0]), [0, 0, 0]);
        assert_eq!(shares(&[5, 0, 0]), [100, 0, 0]);
    }

    #[test]
    fn each_modality_proposes_its_usual_bucket_and_delivery() {
        let usual = |m: Modality| {
            let d = m.usual();
            (d.bucket, d.delivery)
        };
        assert_eq!(usual(Modality::OnTheJob), (Bucket::Experience, Delivery::SelfPaced));
        assert_eq!(usual(Modality::Mentoring), (Bucket::Exposure, Delivery::Live));
        assert_eq!(usual(Modality::SocialLearning), (Bucket::Exposure, Delivery::Live));
        assert_eq!(usual(Modality::VirtualClass), (Bucket::Education, Delivery::Live));
        assert_eq!(usual(Modality::Classroom), (Bucket::Education, Delivery::Live));
        assert_eq!(usual(Modality::Elearning), (Bucket::Education, Delivery::SelfPaced));
        let all = usual_settings();
        assert_eq!(all.iter().map(|d| d.modality).collect::<Vec<_>>(), Modality::ALL);
        // A path built from the usual settings alone covers the whole model.
        let path: Vec<Activity> = [Modality::Elearning, Modality::Mentoring, Modality::OnTheJob]
            .into_iter()
            .enumerate()
            .map(|(i, m)| {
                let d = m.usual();
                activity(m, d.bucket, d.delivery, 60, None, i as u32)
            })
            .collect();
        assert!(totals(&path).warnings.is_empty());
    }

    #[test]
    fn lopsided_mixes_are_flagged() {
        let all_formal = [activity(
            Modality::Classroom,
            Bucket::Education,
            Delivery::Live,
            420,
            None,
            0,
        )];
        assert_eq!(
            totals(&all_formal).warnings,
            [
                MixWarning::NoPractice,
                MixWarning::NoSocial,
                MixWarning::OverFormal,
                MixWarning::AllLive
            ]
        );
        assert!(totals(&[]).warnings.is_empty());
    }

    #[test]
    fn ninety_percent_formal_is_the_limit() {
        let at = |formal: u32| {
            [
                activity(
                    Modality::Elearning,
                    Bucket::Education,
                    Delivery::SelfPaced,
                    formal,
                    None,
                    0,
                ),
                activity(
                    Modality::OnTheJob,
                    Bucket::Experience,
                    Delivery::SelfPaced,
                    100 - formal,
                    None,
                    1,
                ),
                activity(Modality::Mentoring, Bucket::Exposure, Delivery::Live, 1, None, 2),
            ]
        };
        assert!(!totals(&at(89)).warnings.contains(&MixWarning::OverFormal));
        assert!(totals(&at(99)).warnings.contains(&MixWarning::OverFormal));
    }

    #[test]
    fn drafts_are_checked() {
        let mut d = ActivityDraft {
            title: " ".into(),
            modality: Modality::Mooc,
            bucket: Bucket::Education,
            delivery: Delivery::SelfPaced,
            duration_minutes: 0,
            cost_cents: Some(-1),
        };
        let fields: Vec<String> = d.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "duration_minutes", "cost_cents"]);
        d.duration_minutes = DURATION_MAX_MINUTES + 1;
        assert!(d
            .validate()
            .iter()
            .any(|e| e.rule == Rule::DurationTooLong && e.limit == Some(200)));
    }

    #[test]
    fn reorder_renumbers_the_path() {
        let path: Vec<Activity> = (0..4)
            .map(|i| activity(Modality::Mooc, Bucket::Education, Delivery::SelfPaced, 10, None, i))
            .collect();
        let changed = reorder(&path, path[3].id, 0).expect("known");
        let moved: Vec<(usize, u32)> = changed
            .iter()
            .map(|a| (path.iter().position(|p| p.id == a.id).expect("known"), a.position))
            .collect();
        assert_eq!(moved, [(3, 0), (0, 1), (1, 2), (2, 3)]);
    }

    proptest! {
        #[test]
        fn totals_add_up(items in prop::collection::vec((0usize..13, 0usize..3, any::<bool>(), 1u32..600, prop::option::of(0i64..1_000_000)), 0..40)) {
            let path: Vec<Activity> = items.iter().enumerate().map(|(i, (m, b, live, min, cost))| {
                activity(Modality::ALL[*m], Bucket::ALL[*b], if *live { Delivery::Live } else { Delivery::SelfPaced }, *min, *cost, i as u32)
            }).collect();
            let t = totals(&path);
            prop_assert_eq!(t.by_modality.iter().map(|m| m.minutes).sum::<u32>(), t.minutes);
            prop_assert_eq!(t.by_modality.iter().map(|m| m.cost_cents).sum::<i64>(), t.cost_cents);
            prop_assert_eq!(t.by_bucket.iter().map(|b| b.minutes).sum::<u32>(), t.minutes);
            let sum: u32 = t.by_bucket.iter().map(|b| b.percent).sum();
            prop_assert_eq!(sum, if t.minutes > 0 { 100 } else { 0 });
        }
    }
}
