//! The vendor watch (veille): providers of e-learning, MOOCs, serious games,
//! AR and the rest, where each stands in the DLM's watch, and a dated
//! journal of every meeting, demo and reference call.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::caution::{Caution, CautionKind};
use crate::ids::{JournalEntryId, VendorId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX, TAGS_MAX, TAG_MAX, TITLE_MAX};
use crate::mix::Modality;
use crate::validation::{check_date, check_len, check_required, normalize_tags, Draft, Rule, ValidationError};

use crate::choices::every_variant;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum VendorType {
    Startup,
    Established,
    Freelance,
    Internal,
}

every_variant!(VendorType {
    Startup,
    Established,
    Freelance,
    Internal
});

/// Where a provider stands in the watch. Variant order is pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum WatchStage {
    Spotted,
    Contacted,
    Evaluating,
    Piloting,
    Referenced,
    Dropped,
}

every_variant!(WatchStage {
    Spotted,
    Contacted,
    Evaluating,
    Piloting,
    Referenced,
    Dropped
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct VendorDraft {
    pub name: String,
    pub vendor_type: VendorType,
    pub modalities: Vec<Modality>,
    pub website: String,
    pub country: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Vendor {
    pub id: VendorId,
    pub fields: VendorDraft,
    pub stage: WatchStage,
    /// Scorecard scores, 1 to 5, by criterion key.
    #[serde(default)]
    pub scores: Vec<crate::scorecard::Score>,
    /// The DLM's buzz-or-trend judgement; `None` until judged.
    #[serde(default)]
    pub judgement: Option<crate::radar::Judgement>,
    /// Added with the sample projects: shown as such, and removed once no
    /// project names it any more.
    #[serde(default)]
    pub sample: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A web address as a DLM types it: an optional `http://` or `https://`,
/// a host of dot-separated labels (letters, digits, hyphens) ending in a
/// top-level domain of two letters or more, then an optional path. No
/// spaces: "immersilab dot io" is not an address.
fn looks_like_website(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.split_once(':').map_or(host, |(h, port)| {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            h
        } else {
            ""
        }
    });
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    !s.chars().any(char::is_whitespace)
        && labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

impl Draft for VendorDraft {
    /// Trims texts, drops empty tags, removes repeated tags and modalities.
    fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.website = self.website.trim().to_owned();
        self.country = self.country.trim().to_owned();
        self.tags = normalize_tags(self.tags);
        self.modalities.sort();
        self.modalities.dedup();
        self
    }

    fn validate(&self) -> Vec<ValidationError> {
        let mut e: Vec<ValidationError> = Vec::new();
        e.extend(check_required("name", &self.name, TITLE_MAX));
        e.extend(check_len("website", &self.website, SHORT_TEXT_MAX));
        if !self.website.is_empty() && !looks_like_website(&self.website) {
            e.push(ValidationError::new("website", Rule::InvalidWebsite));
        }
        e.extend(check_len("country", &self.country, SHORT_TEXT_MAX));
        if self.tags.len() > TAGS_MAX {
            e.push(ValidationError::with_limit("tags", Rule::TooMany, TAGS_MAX));
        }
        e.extend(self.tags.iter().find_map(|t| check_len("tags", t, TAG_MAX)));
        e.dedup_by(|a, b| a.field == b.field && a.rule == b.rule);
        e
    }
}

impl Vendor {
    /// A new provider, spotted today.
    pub fn create(draft: VendorDraft, now: DateTime<Utc>) -> Result<Self, Vec<ValidationError>> {
        let fields = draft.checked()?;
        Ok(Self {
            id: VendorId::new(),
            fields,
            stage: WatchStage::Spotted,
            scores: Vec::new(),
            judgement: None,
            sample: false,
            created_at: now,
            updated_at: now,
        })
    }

    pub fn edit(&mut self, draft: VendorDraft, now: DateTime<Utc>) -> Result<(), Vec<ValidationError>> {
        self.fields = draft.checked()?;
        self.updated_at = now;
        Ok(())
    }
}

/// What a journal entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum JournalKind {
    Meeting,
    Demo,
    ReferenceCall,
    PilotResult,
    Event,
    Note,
    /// Written by Atelier when the watch stage changes.
    StageChange,
}

every_variant!(JournalKind {
    Meeting,
    Demo,
    ReferenceCall,
    PilotResult,
    Event,
    Note,
    StageChange
});

impl JournalKind {
    /// Every kind but the stage change, which Atelier writes itself.
    pub fn written_by_the_dlm(self) -> bool {
        self != JournalKind::StageChange
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct JournalDraft {
    pub date: NaiveDate,
    pub kind: JournalKind,
    pub title: String,
    /// Markdown.
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct JournalEntry {
    pub id: JournalEntryId,
    pub vendor: VendorId,
    pub fields: JournalDraft,
    /// For a stage change: from which stage to which.
    pub stage_change: Option<(WatchStage, WatchStage)>,
    pub created_at: DateTime<Utc>,
}

impl JournalEntry {
    /// An entry the DLM writes. Stage changes are recorded by
    /// [`JournalEntry::stage_change`] only.
    pub fn create(vendor: VendorId, draft: JournalDraft, now: DateTime<Utc>) -> Result<Self, Vec<ValidationError>> {
        Ok(Self {
            id: JournalEntryId::new(),
            vendor,
            fields: checked_entry(draft)?,
            stage_change: None,
            created_at: now,
        })
    }

    /// Rewrites an entry the DLM wrote (a typo, a detail heard later). The
    /// trace of a stage change is a record, not an opinion: it is refused.
    pub fn edit(&mut self, draft: JournalDraft) -> Result<(), Vec<ValidationError>> {
        if self.stage_change.is_some() {
            return Err(vec![ValidationError::new("kind", Rule::TransitionNotAllowed)]);
        }
        self.fields = checked_entry(draft)?;
        Ok(())
    }

    /// The dated trace of a stage change.
    pub fn stage_change(
        vendor: VendorId,
        from: WatchStage,
        to: WatchStage,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id: JournalEntryId::new(),
            vendor,
            fields: JournalDraft {
                date,
                kind: JournalKind::StageChange,
                title: String::new(),
                body: String::new(),
            },
            stage_change: Some((from, to)),
            created_at: now,
        }
    }
}

impl JournalDraft {
    /// Every rule the entry breaks: a title, a body within bounds, a date
    /// in 2000–2100, and a kind the DLM may write (not a stage change).
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors: Vec<ValidationError> = Vec::new();
        errors.extend(check_date("date", Some(self.date)));
        errors.extend(check_required("title", &self.title, TITLE_MAX));
        errors.extend(check_len("body", &self.body, LONG_TEXT_MAX));
        if self.kind == JournalKind::StageChange {
            errors.push(ValidationError::new("kind", Rule::TransitionNotAllowed));
        }
        errors
    }

    /// Asks first when the entry is dated after `today`: a journal records
    /// what happened (a demo still to come is a task, or a date typed wrong).
    pub fn cautions(&self, today: NaiveDate) -> Vec<Caution> {
        if self.date > today {
            vec![Caution::new("date", CautionKind::FutureEntry)]
        } else {
            Vec::new()
        }
    }
}

/// A journal draft checked and trimmed.
fn checked_entry(draft: JournalDraft) -> Result<JournalDraft, Vec<ValidationError>> {
    let errors = draft.validate();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(JournalDraft {
        title: draft.title.trim().to_owned(),
        body: draft.body.trim().to_owned(),
        ..draft
    })
}

/// Newest first: by date, then by when it was written.
pub fn sort_journal(entries: &mut [JournalEntry]) {
    entries.sort_by(|a, b| b.fields.date.cmp(&a.fields.date).then(b.created_at.cmp(&a.created_at)));
}

/// How the registry list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum VendorSort {
    /// Alphabetical, ignoring case and accents.
    #[default]
    Name,
    /// Best weighted total first; unscored vendors last.
    Score,
    /// Pipeline order (spotted first), then by name.
    Stage,
    /// Most recently changed first.
    Updated,
}

every_variant!(VendorSort {
    Name,
    Score,
    Stage,
    Updated
});

/// A filter on the registry. Empty lists mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct VendorQuery {
    pub text: String,
    pub stages: Vec<WatchStage>,
    pub types: Vec<VendorType>,
    pub modality: Option<Modality>,
    /// Lowest weighted total kept, out of 5 in hundredths (e.g. 350 for
    /// 3.5); an unscored vendor never passes it.
    #[serde(default)]
    pub min_total: Option<u32>,
    #[serde(default)]
    pub sort: VendorSort,
    /// Index of the first row to return.
    #[serde(default)]
    pub offset: u32,
    /// Number of rows to return (0: the default page); `None` for every
    /// row from `offset`, as a choice of vendors needs.
    #[serde(default)]
    pub limit: Option<u32>,
}

impl VendorQuery {
    /// True when the text asks for something.
    pub fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websites_must_look_like_addresses() {
        for ok in [
            "exemple.fr",
            "https://www.immersilab.io",
            "http://learn.example.co.uk/offre?x=1",
            "académie-plus.fr/catalogue",
            "localhost.localdomain:8080",
        ] {
            assert!(looks_like_website(ok), "{ok} should pass");
        }
        for bad in [
            "immersilab dot io",
            "immersilab",
            "https://",
            "-bad.fr",
            "exemple.f",
            "exemple.123",
            "exemple..fr",
            "ftp//x.fr y",
        ] {
            assert!(!looks_like_website(bad), "{bad} should fail");
        }
    }

    #[test]
    fn journal_entries_dated_after_today_ask_first() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let entry = |date| JournalDraft {
            date,
            kind: JournalKind::Demo,
            title: "Démo".into(),
            body: String::new(),
        };
        assert!(entry(today).cautions(today).is_empty());
        assert_eq!(
            entry(today + chrono::Days::new(1)).cautions(today),
            [Caution::new("date", CautionKind::FutureEntry)]
        );
        let year7 = NaiveDate::from_ymd_opt(7, 12, 1).expect("date");
        assert_eq!(
            entry(year7).validate().into_iter().map(|e| e.rule).collect::<Vec<_>>(),
            [Rule::DateOutOfRange]
        );
    }

    fn draft(name: &str) -> VendorDraft {
        VendorDraft {
            name: name.into(),
            vendor_type: VendorType::Startup,
            modalities: vec![Modality::SeriousGame, Modality::ArVr, Modality::SeriousGame],
            website: "https://exemple.fr".into(),
            country: "France".into(),
            tags: vec!["VR".into(), "vr".into()],
        }
    }

    #[test]
    fn drafts_are_normalised_and_checked() {
        let v = Vendor::create(draft("  Immersia  "), Utc::now()).expect("valid");
        assert_eq!(v.fields.name, "Immersia");
        assert_eq!(v.fields.tags, ["VR"]);
        assert_eq!(v.fields.modalities, [Modality::SeriousGame, Modality::ArVr]);
        assert_eq!(v.stage, WatchStage::Spotted);

        let mut bad = draft(" ");
        bad.website = "pas un site".into();
        let rules: Vec<(String, Rule)> = bad
            .normalized()
            .validate()
            .into_iter()
            .map(|e| (e.field, e.rule))
            .collect();
        assert_eq!(
            rules,
            [
                ("name".into(), Rule::Required),
                ("website".into(), Rule::InvalidWebsite)
            ]
        );
    }

    #[test]
    fn the_journal_reads_newest_first_and_stage_changes_are_atelier_s() {
        let vendor = VendorId::new();
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).expect("date");
        let entry = |d, title: &str| {
            JournalEntry::create(
                vendor,
                JournalDraft {
                    date: day(d),
                    kind: JournalKind::Demo,
                    title: title.into(),
                    body: String::new(),
                },
                Utc::now(),
            )
            .expect("valid")
        };
        let mut j = vec![
            entry(3, "old"),
            entry(20, "new"),
            JournalEntry::stage_change(vendor, WatchStage::Spotted, WatchStage::Contacted, day(10), Utc::now()),
        ];
        sort_journal(&mut j);
        assert_eq!(j[0].fields.title, "new");
        assert_eq!(j[1].stage_change, Some((WatchStage::Spotted, WatchStage::Contacted)));
        let forged = JournalDraft {
            date: day(1),
            kind: JournalKind::StageChange,
            title: "x".into(),
            body: String::new(),
        };
        assert!(JournalEntry::create(vendor, forged.clone(), Utc::now()).is_err());

        let mut written = j[0].clone();
        let fixed = JournalDraft {
            date: day(21),
            kind: JournalKind::PilotResult,
            title: "  Pilot: 82 % completion ".into(),
            body: "Learners asked for subtitles.".into(),
        };
        written.edit(fixed).expect("an entry the DLM wrote can be edited");
        assert_eq!(
            (written.fields.title.as_str(), written.fields.kind),
            ("Pilot: 82 % completion", JournalKind::PilotResult)
        );
        let blank = JournalDraft {
            title: " ".into(),
            ..written.fields.clone()
        };
        assert_eq!(written.edit(blank).expect_err("blank title")[0].rule, Rule::Required);
        assert_eq!(
            written.edit(forged.clone()).expect_err("forged")[0].rule,
            Rule::TransitionNotAllowed
        );
        assert_eq!(
            written.fields.title, "Pilot: 82 % completion",
            "nothing changed on error"
        );
        let mut trace = j[1].clone();
        assert_eq!(
            trace
                .edit(written.fields.clone())
                .expect_err("a stage change is a record")[0]
                .rule,
            Rule::TransitionNotAllowed
        );
    }
}
