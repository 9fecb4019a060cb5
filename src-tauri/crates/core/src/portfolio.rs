//! The portfolio view's rules: which projects a query keeps and in which
//! order. They run in Rust over the stored projects so that the UI only ever
//! receives the rows it shows, however large the portfolio.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{PersonId, ProjectId};
use crate::limits::SHORT_TEXT_MAX;
use crate::paging;
use crate::person::{Person, PersonRef};
use crate::project::{Health, Project, Status};
use crate::text::{fold, SearchWords};
use crate::validation::{check_len, ValidationError};

use crate::choices::every_variant;

/// Column the portfolio is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    UpdatedAt,
    Title,
    Status,
    Health,
    StartDate,
    EndDate,
    BudgetPlanned,
}

every_variant!(SortKey {
    UpdatedAt,
    Title,
    Status,
    Health,
    StartDate,
    EndDate,
    BudgetPlanned
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    Asc,
    #[default]
    Desc,
}

/// The portfolio's filter on hand-off and impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ImpactFilter {
    /// Hand-off readiness at or over the project's own threshold.
    HandoffReady,
    /// Hand-off readiness under the project's own threshold.
    HandoffUnder,
    /// An ROI measured: benefits entered against fully loaded costs.
    RoiMeasured,
}

every_variant!(ImpactFilter {
    HandoffReady,
    HandoffUnder,
    RoiMeasured
});

/// What a project has to show for its hand-off and its impact, as the
/// portfolio lists and filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct ImpactStanding {
    /// The hand-off readiness score, in whole percent.
    pub handoff_percent: u32,
    /// The project's threshold under which "handed off" needs an override.
    pub handoff_threshold: u32,
    /// The ROI in tenths of a percent, once benefits and costs are entered.
    #[specta(type = Option<f64>)]
    pub roi_tenths: Option<i64>,
}

impl ImpactStanding {
    /// The readiness reaches the project's threshold.
    pub fn handoff_ready(&self) -> bool {
        self.handoff_percent >= self.handoff_threshold
    }

    /// True when the standing passes `filter`.
    pub fn passes(&self, filter: ImpactFilter) -> bool {
        match filter {
            ImpactFilter::HandoffReady => self.handoff_ready(),
            ImpactFilter::HandoffUnder => !self.handoff_ready(),
            ImpactFilter::RoiMeasured => self.roi_tenths.is_some(),
        }
    }
}

/// A portfolio filter, sort and window. Empty lists mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields, default)]
pub struct PortfolioQuery {
    /// Words to find in title, summary, need, audience, sponsor, objectives
    /// or tags; case and accents are ignored ("formation" finds "Formation").
    pub text: String,
    pub statuses: Vec<Status>,
    pub healths: Vec<Health>,
    /// Keep projects carrying this tag (case ignored).
    pub tag: Option<String>,
    /// Keep projects whose IT readiness is below this percentage (a
    /// project with no checklist yet is at 0 %).
    pub it_readiness_below: Option<u8>,
    /// Keep projects by their hand-off readiness or measured ROI.
    pub impact: Option<ImpactFilter>,
    pub sort: SortKey,
    pub direction: SortDirection,
    /// Index of the first row to return.
    pub offset: u32,
    /// Number of rows to return; 0 means the default page.
    pub limit: u32,
}

impl PortfolioQuery {
    /// Refuses a query whose search text is unreasonably long.
    pub fn validate(&self) -> Option<ValidationError> {
        check_len("text", &self.text, SHORT_TEXT_MAX)
    }

    /// True when a project at `percent` IT readiness passes the query's
    /// readiness filter.
    pub fn keeps_it_readiness(&self, percent: u8) -> bool {
        self.it_readiness_below.is_none_or(|below| percent < below)
    }

    /// The window size actually served.
    pub fn page_size(&self) -> usize {
        paging::page_size(self.limit)
    }

    /// The positions of the rows the window covers in a list of `total`.
    pub fn page_bounds(&self, total: usize) -> Range<usize> {
        paging::page_bounds(self.offset, self.page_size(), total)
    }

    /// Prepares the query for matching many projects: folds the search
    /// words once instead of once per project. `sponsors` names the
    /// sponsors that are people of the directory.
    pub fn matcher<'q>(&'q self, sponsors: &'q SponsorNames) -> Matcher<'q> {
        Matcher {
            query: self,
            sponsors,
            words: SearchWords::of(&self.text),
            tag: self.tag.as_deref().map(str::to_lowercase),
        }
    }

    /// True when the query searches words, and so needs the sponsors'
    /// names.
    pub fn searches_text(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// True when the query keeps every project: no words, no filter.
    pub fn keeps_all(&self) -> bool {
        !self.searches_text()
            && self.statuses.is_empty()
            && self.healths.is_empty()
            && self.tag.is_none()
            && self.it_readiness_below.is_none()
            && self.impact.is_none()
    }

    /// The order the query lists projects in.
    pub fn order(&self) -> Order {
        Order {
            sort: self.sort,
            direction: self.direction,
        }
    }

    /// Orders two projects as the query lists them (see [`Order::compare`]).
    pub fn compare(&self, a: &PortfolioRow, b: &PortfolioRow) -> Ordering {
        self.order().compare(a, b)
    }
}

/// A sort key and a direction: an order of the portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Order {
    pub sort: SortKey,
    pub direction: SortDirection,
}

impl Order {
    /// Orders two projects by the sort key and direction; ties are broken
    /// by title then id so that pages never overlap or skip a row.
    pub fn compare(&self, a: &PortfolioRow, b: &PortfolioRow) -> Ordering {
        let primary = match self.sort {
            SortKey::UpdatedAt => a.updated_at.cmp(&b.updated_at),
            SortKey::Title => a.title_key.cmp(&b.title_key),
            SortKey::Status => a.status.cmp(&b.status),
            SortKey::Health => a.health.cmp(&b.health),
            SortKey::StartDate => cmp_missing_last(a.start_date, b.start_date, self.direction),
            SortKey::EndDate => cmp_missing_last(a.end_date, b.end_date, self.direction),
            SortKey::BudgetPlanned => cmp_missing_last(a.planned_cents, b.planned_cents, self.direction),
        };
        let primary = match self.direction {
            SortDirection::Asc => primary,
            SortDirection::Desc => primary.reverse(),
        };
        primary
            .then_with(|| a.title_key.cmp(&b.title_key))
            .then_with(|| a.id.cmp(&b.id))
    }
}

/// What the portfolio filters and sorts a project on, worked out once from
/// its record: the store keeps one per live project in memory, so that a
/// query reads only the projects of the page it returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioRow {
    pub id: ProjectId,
    pub status: Status,
    pub health: Health,
    /// A sample project, removed with the samples.
    pub sample: bool,
    pub updated_at: DateTime<Utc>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub planned_cents: Option<i64>,
    /// Its tags as typed: the tag filter's choices.
    pub tags: Vec<String>,
    /// The directory's person who sponsors it, whose name is searched too.
    pub sponsor: Option<PersonId>,
    /// The title folded: the title sort and every tie-break.
    title_key: String,
    /// The tags in lower case, for the tag filter.
    tag_keys: Vec<String>,
    /// Title, summary, need, audience, a typed sponsor, objectives and
    /// tags, folded: what the search words are looked for in.
    text: String,
}

impl PortfolioRow {
    /// The row of `project`.
    pub fn of(project: &Project) -> PortfolioRow {
        let f = &project.fields;
        let typed_sponsor = match &f.sponsor {
            Some(PersonRef::Named { name }) => name.as_str(),
            _ => "",
        };
        let mut text = [
            f.title.as_str(),
            &f.summary,
            &f.business_need,
            &f.audience,
            typed_sponsor,
        ]
        .join("\n");
        for extra in f.objectives.iter().chain(&f.tags) {
            text.push('\n');
            text.push_str(extra);
        }
        PortfolioRow {
            id: project.id,
            status: project.status,
            health: f.health,
            sample: project.sample,
            updated_at: project.updated_at,
            start_date: f.start_date,
            end_date: f.end_date,
            planned_cents: f.budget.planned_cents,
            tags: f.tags.clone(),
            sponsor: f.sponsor.as_ref().and_then(PersonRef::person),
            title_key: fold(&f.title),
            tag_keys: f.tags.iter().map(|t| t.to_lowercase()).collect(),
            text: fold(&text),
        }
    }

    /// The title folded, as the title sort compares it.
    pub fn title_key(&self) -> &str {
        &self.title_key
    }

    /// The folded text the search words are looked for in (a sponsor from
    /// the directory aside).
    pub fn searched_text(&self) -> &str {
        &self.text
    }
}

/// The folded names of the directory's people who sponsor projects, by
/// id: a search finds a project by its sponsor's name as it is today.
#[derive(Debug, Default)]
pub struct SponsorNames(HashMap<PersonId, String>);

impl SponsorNames {
    /// The names of `people`.
    pub fn of<'a>(people: impl IntoIterator<Item = &'a Person>) -> SponsorNames {
        SponsorNames(people.into_iter().map(|p| (p.id, fold(&p.fields.name))).collect())
    }
}

/// A query ready to test many projects.
pub struct Matcher<'q> {
    query: &'q PortfolioQuery,
    sponsors: &'q SponsorNames,
    words: SearchWords,
    tag: Option<String>,
}

impl Matcher<'_> {
    /// True when the project passes every filter of the query.
    pub fn matches(&self, row: &PortfolioRow) -> bool {
        let q = self.query;
        if !q.statuses.is_empty() && !q.statuses.contains(&row.status) {
            return false;
        }
        if !q.healths.is_empty() && !q.healths.contains(&row.health) {
            return false;
        }
        if let Some(tag) = &self.tag {
            if !row.tag_keys.contains(tag) {
                return false;
            }
        }
        if self.words.is_empty() {
            return true;
        }
        let sponsor = row
            .sponsor
            .and_then(|id| self.sponsors.0.get(&id))
            .map_or("", String::as_str);
        self.words.all_in(&[&row.text, sponsor])
    }
}

/// Missing values go last whatever the direction: a project without dates
/// should not head a list sorted by date. The caller reverses the result for
/// a descending sort, so the missing-value rule is pre-reversed here.
fn cmp_missing_last<T: Ord>(a: Option<T>, b: Option<T>, direction: SortDirection) -> Ordering {
    let missing_last = match direction {
        SortDirection::Asc => Ordering::Less,
        SortDirection::Desc => Ordering::Greater,
    };
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => missing_last,
        (None, Some(_)) => missing_last.reverse(),
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_impact_filter_reads_the_project_s_own_threshold_and_a_measured_roi() {
        let standing = |percent, threshold, roi| ImpactStanding {
            handoff_percent: percent,
            handoff_threshold: threshold,
            roi_tenths: roi,
        };
        let ready = standing(70, 70, None);
        assert!(ready.passes(ImpactFilter::HandoffReady) && !ready.passes(ImpactFilter::HandoffUnder));
        let under = standing(79, 80, Some(-1000));
        assert!(under.passes(ImpactFilter::HandoffUnder) && !under.passes(ImpactFilter::HandoffReady));
        assert!(under.passes(ImpactFilter::RoiMeasured), "a loss is measured too");
        assert!(!ready.passes(ImpactFilter::RoiMeasured));
    }
    use crate::project::{Project, ProjectDraft};
    use chrono::{NaiveDate, Utc};
    use proptest::prelude::*;

    fn project(title: &str, status: Status, start: Option<(i32, u32, u32)>) -> Project {
        let draft = ProjectDraft {
            title: title.into(),
            start_date: start.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            ..Default::default()
        };
        let mut p = Project::create(draft, Utc::now()).expect("valid draft");
        p.status = status;
        p
    }

    fn titles(query: &PortfolioQuery, projects: &[Project]) -> Vec<String> {
        let sponsors = SponsorNames::default();
        let m = query.matcher(&sponsors);
        let mut kept: Vec<&Project> = projects.iter().filter(|p| m.matches(&PortfolioRow::of(p))).collect();
        kept.sort_by(|a, b| query.compare(&PortfolioRow::of(a), &PortfolioRow::of(b)));
        kept.into_iter().map(|p| p.fields.title.clone()).collect()
    }

    /// True when `query` keeps `project`, sponsors named from `directory`.
    fn keeps(query: &PortfolioQuery, directory: &[Person], project: &Project) -> bool {
        query
            .matcher(&SponsorNames::of(directory))
            .matches(&PortfolioRow::of(project))
    }

    #[test]
    fn text_search_ignores_case_and_accents() {
        let mut p = project("Évaluation à froid", Status::Idea, None);
        p.fields.tags = vec!["Managers".into()];
        let q = |t: &str| PortfolioQuery {
            text: t.into(),
            ..Default::default()
        };
        assert!(keeps(&q("evaluation"), &[], &p));
        assert!(keeps(&q("FROID éval"), &[], &p));
        assert!(keeps(&q("managers"), &[], &p));
        assert!(!keeps(&q("onboarding"), &[], &p));
    }

    #[test]
    fn a_sponsor_from_the_directory_is_found_by_their_name() {
        let claire = Person::create(
            crate::PersonDraft {
                name: "Claire Martin".into(),
                ..Default::default()
            },
            Utc::now(),
        )
        .expect("valid");
        let mut p = project("Accueil", Status::Idea, None);
        p.fields.sponsor = Some(crate::PersonRef::Person { id: claire.id });
        let q = PortfolioQuery {
            text: "martin".into(),
            ..PortfolioQuery::default()
        };
        assert!(keeps(&q, std::slice::from_ref(&claire), &p));
        assert!(!keeps(&q, &[], &p), "a sponsor no longer in the directory names no one");
        p.fields.sponsor = Some(crate::PersonRef::Named {
            name: "DRH Martin".into(),
        });
        assert!(keeps(&q, &[], &p), "a typed name is found as typed");
    }

    #[test]
    fn filters_combine() {
        let mut a = project("A", Status::Design, None);
        a.fields.tags = vec!["RGPD".into()];
        let b = project("B", Status::Pilot, None);
        let q = PortfolioQuery {
            statuses: vec![Status::Design, Status::Pilot],
            tag: Some("rgpd".into()),
            ..Default::default()
        };
        assert_eq!(titles(&q, &[a.clone(), b.clone()]), ["A"]);
        let q = PortfolioQuery {
            healths: vec![Health::AtRisk],
            ..Default::default()
        };
        assert!(titles(&q, &[a, b]).is_empty());
    }

    #[test]
    fn dates_sort_with_missing_last_both_ways() {
        let ps = [
            project("none", Status::Idea, None),
            project("early", Status::Idea, Some((2026, 1, 5))),
            project("late", Status::Idea, Some((2026, 9, 1))),
        ];
        let mut q = PortfolioQuery {
            sort: SortKey::StartDate,
            direction: SortDirection::Asc,
            ..Default::default()
        };
        assert_eq!(titles(&q, &ps), ["early", "late", "none"]);
        q.direction = SortDirection::Desc;
        assert_eq!(titles(&q, &ps), ["late", "early", "none"]);
    }

    #[test]
    fn title_sort_ignores_accents() {
        let ps = [
            project("Zèbre", Status::Idea, None),
            project("écoute", Status::Idea, None),
            project("Dojo", Status::Idea, None),
        ];
        let q = PortfolioQuery {
            sort: SortKey::Title,
            direction: SortDirection::Asc,
            ..Default::default()
        };
        assert_eq!(titles(&q, &ps), ["Dojo", "écoute", "Zèbre"]);
    }

    #[test]
    fn page_size_is_bounded() {
        let q = |limit| PortfolioQuery {
            limit,
            ..Default::default()
        };
        assert_eq!(q(0).page_size(), paging::DEFAULT_PAGE as usize);
        assert_eq!(q(10).page_size(), 10);
        assert_eq!(q(100_000).page_size(), paging::MAX_PAGE as usize);
    }

    proptest! {
        #[test]
        fn sort_is_a_total_order(keys in prop::collection::vec((0usize..7, "[a-c]{0,2}", prop::option::of(1u32..28)), 1..30),
                                 key in prop::sample::select(vec![SortKey::Title, SortKey::Status, SortKey::StartDate, SortKey::BudgetPlanned]),
                                 asc in any::<bool>()) {
            let ps: Vec<Project> = keys.iter().map(|(s, t, d)| {
                let mut p = project(&format!("t{t}"), Status::ALL[*s], d.map(|d| (2026, 2, d)));
                p.fields.budget.planned_cents = d.map(i64::from);
                p
            }).collect();
            let q = PortfolioQuery { sort: key, direction: if asc { SortDirection::Asc } else { SortDirection::Desc }, ..Default::default() };
            let ps: Vec<PortfolioRow> = ps.iter().map(PortfolioRow::of).collect();
            let mut sorted = ps.clone();
            sorted.sort_by(|a, b| q.compare(a, b));
            for w in sorted.windows(2) {
                prop_assert_ne!(q.compare(&w[0], &w[1]), Ordering::Greater);
            }
            // Antisymmetric and never equal for distinct projects: paging is stable.
            for a in &ps { for b in &ps {
                prop_assert_eq!(q.compare(a, b), q.compare(b, a).reverse());
                if a.id != b.id { prop_assert_ne!(q.compare(a, b), Ordering::Equal); }
            }}
        }

        #[test]
        fn empty_query_keeps_everything(title in "[a-zA-Zé0-9]\\PC{0,40}") {
            let p = project(&title, Status::Idea, None);
            prop_assert!(keeps(&PortfolioQuery::default(), &[], &p));
        }
    }
}
