//! The vendor registry as its list filters and sorts it: one
//! [`RegistryRow`] per vendor, worked out from its record and journal, so
//! that the store can answer a query from rows in memory and read only the
//! vendors of the page it returns.

use std::cmp::{Ordering, Reverse};
use std::ops::Range;

use chrono::{DateTime, Utc};

use crate::ids::VendorId;
use crate::mix::Modality;
use crate::paging;
use crate::scorecard::{weighted_total, Criterion, Score};
use crate::text::{fold, SearchWords};
use crate::vendor::{JournalEntry, Vendor, VendorQuery, VendorSort, VendorType, WatchStage};

/// What the registry filters and sorts a vendor on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryRow {
    pub id: VendorId,
    /// Its name as written: what a choice of vendors shows.
    pub name: String,
    pub stage: WatchStage,
    pub vendor_type: VendorType,
    pub modalities: Vec<Modality>,
    /// Its weighted total on the criteria it was last scored against.
    pub total: Option<u32>,
    pub updated_at: DateTime<Utc>,
    scores: Vec<Score>,
    /// The name folded: the name sort and every tie-break.
    name_key: String,
    /// Name, country, website, tags and the titles and notes of its
    /// journal, folded: what the search words are looked for in (its
    /// people's names are the directory's, see [`VendorQuery::keeps`]).
    text: String,
}

impl RegistryRow {
    /// The row of `vendor`, whose journal is `journal`, scored on `criteria`.
    pub fn of(vendor: &Vendor, journal: &[JournalEntry], criteria: &[Criterion]) -> RegistryRow {
        let f = &vendor.fields;
        let mut text = vec![f.name.as_str(), &f.country, &f.website];
        text.extend(f.tags.iter().map(String::as_str));
        text.extend(journal.iter().flat_map(|e| [e.fields.title.as_str(), &e.fields.body]));
        RegistryRow {
            id: vendor.id,
            name: f.name.clone(),
            stage: vendor.stage,
            vendor_type: f.vendor_type,
            modalities: f.modalities.clone(),
            total: weighted_total(&vendor.scores, criteria),
            updated_at: vendor.updated_at,
            scores: vendor.scores.clone(),
            name_key: fold(&f.name),
            text: fold(&text.join("\n")),
        }
    }

    /// The same row scored on other criteria.
    pub fn rescored(&self, criteria: &[Criterion]) -> RegistryRow {
        RegistryRow {
            total: weighted_total(&self.scores, criteria),
            ..self.clone()
        }
    }

    /// The folded name, by which rows are sorted.
    pub fn name_key(&self) -> &str {
        &self.name_key
    }

    /// The folded text the search words are looked for in, before the
    /// vendor's people's.
    pub fn searched_text(&self) -> &str {
        &self.text
    }
}

impl VendorQuery {
    /// The search words, folded once for many rows.
    pub fn words(&self) -> SearchWords {
        SearchWords::of(&self.text)
    }

    /// True when the vendor of `row` passes every filter and has each of
    /// `words` in its own texts or, for word `i`, when `its_people_have(i)`:
    /// the name, job or e-mail of someone who works for it has it (the DLM
    /// remembers "the one we met at the salon").
    pub fn keeps(&self, row: &RegistryRow, words: &SearchWords, its_people_have: impl Fn(usize) -> bool) -> bool {
        self.passes_filters(row) && words.all_in_or(&row.text, its_people_have)
    }

    /// True when the row passes every filter but the text: minimum total,
    /// stages, types, modality.
    pub fn passes_filters(&self, row: &RegistryRow) -> bool {
        if let Some(min) = self.min_total {
            if row.total.is_none_or(|t| t < min) {
                return false;
            }
        }
        (self.stages.is_empty() || self.stages.contains(&row.stage))
            && (self.types.is_empty() || self.types.contains(&row.vendor_type))
            && self.modality.is_none_or(|m| row.modalities.contains(&m))
    }

    /// True when the query keeps every vendor: no words, no filter.
    pub fn keeps_all(&self) -> bool {
        !self.has_text()
            && self.min_total.is_none()
            && self.stages.is_empty()
            && self.types.is_empty()
            && self.modality.is_none()
    }

    /// The positions of the rows the query's page covers in a list of `total`.
    pub fn page_bounds(&self, total: usize) -> Range<usize> {
        paging::page_or_rest(self.offset, self.limit, total)
    }
}

impl VendorSort {
    /// Orders two rows: by name; by best total (unscored last); by stage
    /// in pipeline order; or most recently changed first. Ties go by name
    /// then id, so that pages never overlap or skip a row.
    pub fn compare(self, a: &RegistryRow, b: &RegistryRow) -> Ordering {
        let primary = match self {
            VendorSort::Name => Ordering::Equal,
            VendorSort::Score => Reverse(a.total.map(|t| t + 1)).cmp(&Reverse(b.total.map(|t| t + 1))),
            VendorSort::Stage => a.stage.cmp(&b.stage),
            VendorSort::Updated => b.updated_at.cmp(&a.updated_at),
        };
        primary
            .then_with(|| a.name_key.cmp(&b.name_key))
            .then_with(|| a.id.cmp(&b.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::{Person, PersonDraft};
    use crate::scorecard::default_criteria;
    use crate::vendor::{JournalDraft, JournalKind, VendorDraft};
    use chrono::NaiveDate;

    fn draft(name: &str) -> VendorDraft {
        VendorDraft {
            name: name.into(),
            vendor_type: VendorType::Startup,
            modalities: vec![Modality::SeriousGame, Modality::ArVr],
            website: "https://exemple.fr".into(),
            country: "France".into(),
            tags: vec!["VR".into()],
        }
    }

    /// The row of `vendor` with `journal`, its total set to `total`.
    fn row(vendor: &Vendor, journal: &[JournalEntry], total: Option<u32>) -> RegistryRow {
        RegistryRow {
            total,
            ..RegistryRow::of(vendor, journal, &default_criteria())
        }
    }

    #[test]
    fn queries_filter_by_stage_type_modality_and_text() {
        let mut v = Vendor::create(draft("Immersia"), Utc::now()).expect("valid");
        v.stage = WatchStage::Piloting;
        let lea = Person::create(
            PersonDraft {
                name: "Léa Martin".into(),
                job_title: "CEO".into(),
                ..Default::default()
            },
            Utc::now(),
        )
        .expect("valid");
        let lea = crate::directory::DirectoryRow::of(&lea);
        let scored = row(&v, &[], Some(320));
        let q = |f: fn(&mut VendorQuery)| {
            let mut q = VendorQuery::default();
            f(&mut q);
            let words = q.words();
            let in_people = words.each(|found| found(lea.contact_text()));
            q.keeps(&scored, &words, |i| in_people[i])
        };
        assert!(q(|_| {}));
        assert!(q(|q| q.text = "LEA immersia".into()), "its people's names count");
        assert!(q(|q| q.text = "ceo".into()), "and their jobs");
        assert!(q(|q| q.stages = vec![WatchStage::Piloting]));
        assert!(!q(|q| q.stages = vec![WatchStage::Spotted]));
        assert!(!q(|q| q.types = vec![VendorType::Established]));
        assert!(q(|q| q.modality = Some(Modality::ArVr)));
        assert!(!q(|q| q.modality = Some(Modality::Mooc)));
        assert!(q(|q| q.min_total = Some(320)));
        assert!(!q(|q| q.min_total = Some(321)));
        let at_least_one = VendorQuery {
            min_total: Some(100),
            ..Default::default()
        };
        assert!(
            !at_least_one.keeps(&row(&v, &[], None), &at_least_one.words(), |_| false),
            "unscored vendors fail a minimum score"
        );
        assert!(!at_least_one.keeps_all());

        let salon = JournalEntry::create(
            v.id,
            JournalDraft {
                date: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
                kind: JournalKind::Event,
                title: "Rencontre au salon".into(),
                body: "Démo **réalité virtuelle** très convaincante".into(),
            },
            Utc::now(),
        )
        .expect("valid");
        let text = |t: &str| VendorQuery {
            text: t.into(),
            ..Default::default()
        };
        let keeps = |q: VendorQuery, r: &RegistryRow| q.keeps(r, &q.words(), |_| false);
        assert!(text("salon realite").has_text());
        assert!(keeps(
            text("salon realite"),
            &row(&v, std::slice::from_ref(&salon), None)
        ));
        assert!(!keeps(text("salon"), &row(&v, &[], None)), "without its journal");
        assert!(!keeps(text("lea"), &row(&v, &[], None)), "without its people");
        assert!(!text("  ").has_text());
    }

    #[test]
    fn rows_sort_by_name_score_stage_or_last_change() {
        let make = |name: &str, stage, minutes: i64, total| {
            let mut v = Vendor::create(draft(name), Utc::now()).expect("valid");
            v.stage = stage;
            v.updated_at = DateTime::from_timestamp(minutes * 60, 0).expect("time");
            row(&v, &[], total)
        };
        let rows = [
            make("zeta", WatchStage::Spotted, 3, Some(200)),
            make("Émile", WatchStage::Piloting, 1, None),
            make("alpha", WatchStage::Referenced, 2, Some(450)),
        ];
        let order = |sort: VendorSort| {
            let mut sorted: Vec<&RegistryRow> = rows.iter().collect();
            sorted.sort_by(|a, b| sort.compare(a, b));
            sorted.iter().map(|r| r.name.as_str()).collect::<Vec<_>>()
        };
        assert_eq!(order(VendorSort::Name), ["alpha", "Émile", "zeta"]);
        assert_eq!(order(VendorSort::Score), ["alpha", "zeta", "Émile"]);
        assert_eq!(order(VendorSort::Stage), ["zeta", "Émile", "alpha"]);
        assert_eq!(order(VendorSort::Updated), ["zeta", "alpha", "Émile"]);
    }

    #[test]
    fn a_new_scorecard_rescores_the_row() {
        let mut v = Vendor::create(draft("Immersia"), Utc::now()).expect("valid");
        v.scores = vec![Score {
            criterion: "pedagogy".into(),
            score: 4,
        }];
        let criteria = default_criteria();
        let scored = RegistryRow::of(&v, &[], &criteria);
        assert_eq!(scored.total, Some(400));
        let unweighted: Vec<Criterion> = criteria.iter().map(|c| Criterion { weight: 0, ..c.clone() }).collect();
        assert_eq!(scored.rescored(&unweighted).total, None);
    }
}
