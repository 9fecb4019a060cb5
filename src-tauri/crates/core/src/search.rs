//! The global search (Ctrl+K): one box that finds projects, vendors,
//! people, tasks, artefacts, campaign messages and journal entries by any
//! of their words, accents and case ignored.
//!
//! - Every searchable record gives one [`SearchRow`]: its kind, its title
//!   as written, and its title and other texts folded (see [`fold`]).
//!   The store keeps one row per record in step with every write, so a
//!   search reads no record to decide what it finds.
//! - A record is found when each word of the search is in its title or
//!   in one of its other texts; records found in their title come first,
//!   then by title.
//! - Only the hits shown are read whole: their title and an excerpt of the
//!   text that matched are cut into [`Mark`]s, the matched words marked.

use std::cmp::Ordering;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::artefact::ArtefactBody;
use crate::campaign::Message;
use crate::paging::{page_bounds, page_size};
use crate::text::{fold, SearchWords};
use crate::vendor::JournalEntry;
use crate::{Artefact, Person, Project, Task, Vendor};

/// What a search hit is; results are grouped by kind, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Project,
    Vendor,
    Person,
    Task,
    Artefact,
    Message,
    Journal,
}

impl SearchKind {
    pub const ALL: [SearchKind; 7] = [
        SearchKind::Project,
        SearchKind::Vendor,
        SearchKind::Person,
        SearchKind::Task,
        SearchKind::Artefact,
        SearchKind::Message,
        SearchKind::Journal,
    ];

    /// True for the records of a project (its tasks, artefacts and
    /// messages): they are found only while their project is live.
    pub fn belongs_to_project(self) -> bool {
        matches!(self, SearchKind::Task | SearchKind::Artefact | SearchKind::Message)
    }
}

/// A record the global search finds: what it is called and what else it
/// says.
pub trait Searchable {
    const KIND: SearchKind;
    fn search_id(&self) -> Uuid;
    /// The project (task, artefact, message) or vendor (journal entry) it
    /// belongs to.
    fn owner(&self) -> Option<Uuid> {
        None
    }
    fn title(&self) -> &str;
    /// Its other texts, in the order an excerpt is looked for in.
    fn texts(&self) -> Vec<&str>;
}

impl Searchable for Project {
    const KIND: SearchKind = SearchKind::Project;
    fn search_id(&self) -> Uuid {
        self.id.0
    }
    fn title(&self) -> &str {
        &self.fields.title
    }
    fn texts(&self) -> Vec<&str> {
        let f = &self.fields;
        let mut texts = vec![f.summary.as_str(), f.business_need.as_str(), f.audience.as_str()];
        texts.extend(f.objectives.iter().map(String::as_str));
        texts.extend(f.tags.iter().map(String::as_str));
        texts
    }
}

impl Searchable for Vendor {
    const KIND: SearchKind = SearchKind::Vendor;
    fn search_id(&self) -> Uuid {
        self.id.0
    }
    fn title(&self) -> &str {
        &self.fields.name
    }
    fn texts(&self) -> Vec<&str> {
        let f = &self.fields;
        let mut texts = vec![f.website.as_str(), f.country.as_str()];
        texts.extend(f.tags.iter().map(String::as_str));
        texts
    }
}

impl Searchable for Person {
    const KIND: SearchKind = SearchKind::Person;
    fn search_id(&self) -> Uuid {
        self.id.0
    }
    fn title(&self) -> &str {
        &self.fields.name
    }
    fn texts(&self) -> Vec<&str> {
        let f = &self.fields;
        let mut texts = vec![
            f.job_title.as_str(),
            f.email.as_str(),
            f.location.as_str(),
            f.notes.as_str(),
        ];
        texts.extend(f.tags.iter().map(String::as_str));
        texts
    }
}

impl Searchable for Task {
    const KIND: SearchKind = SearchKind::Task;
    fn search_id(&self) -> Uuid {
        self.id.0
    }
    fn owner(&self) -> Option<Uuid> {
        Some(self.project.0)
    }
    fn title(&self) -> &str {
        &self.fields.title
    }
    fn texts(&self) -> Vec<&str> {
        Vec::new()
    }
}

impl Searchable for Artefact {
    const KIND: SearchKind = SearchKind::Artefact;
    fn search_id(&self) -> Uuid {
        self.id.0
    }
    fn owner(&self) -> Option<Uuid> {
        Some(self.project.0)
    }
    fn title(&self) -> &str {
        self.body.label()
    }
    fn texts(&self) -> Vec<&str> {
        match &self.body {
            ArtefactBody::InterviewNote { interviewee, notes, .. } => vec![interviewee, notes],
            ArtefactBody::Persona {
                role,
                goals,
                frustrations,
                context,
                quote,
                ..
            } => vec![role, goals, frustrations, context, quote],
            ArtefactBody::EmpathyMap {
                says,
                thinks,
                does,
                feels,
                ..
            } => vec![says, thinks, does, feels],
            ArtefactBody::Journey { touchpoints, .. } => touchpoints
                .iter()
                .flat_map(|t| [&t.name, &t.purpose, &t.emotion, &t.metric])
                .map(String::as_str)
                .collect(),
            ArtefactBody::HowMightWe { .. } => Vec::new(),
            ArtefactBody::Idea { description, .. } | ArtefactBody::Prototype { description, .. } => {
                vec![description]
            }
            ArtefactBody::PilotFeedback { source, .. } => vec![source],
            ArtefactBody::PilotDecision { results, .. } => vec![results],
        }
    }
}

impl Searchable for Message {
    const KIND: SearchKind = SearchKind::Message;
    fn search_id(&self) -> Uuid {
        self.id.0
    }
    fn owner(&self) -> Option<Uuid> {
        Some(self.project.0)
    }
    fn title(&self) -> &str {
        &self.fields.subject
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.fields.audience, &self.fields.key_message]
    }
}

impl Searchable for JournalEntry {
    const KIND: SearchKind = SearchKind::Journal;
    fn search_id(&self) -> Uuid {
        self.id.0
    }
    fn owner(&self) -> Option<Uuid> {
        Some(self.vendor.0)
    }
    fn title(&self) -> &str {
        &self.fields.title
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.fields.body]
    }
}

/// What the search looks for in one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRow {
    pub kind: SearchKind,
    pub id: Uuid,
    /// The project or vendor it belongs to (see [`Searchable::owner`]).
    pub owner: Option<Uuid>,
    /// Its title as written.
    pub title: String,
    /// Its title folded, then its other texts folded, each on a line.
    text: String,
    /// Where the folded title ends in `text`.
    title_end: usize,
}

impl SearchRow {
    pub fn of<T: Searchable>(record: &T) -> SearchRow {
        let title = record.title().to_owned();
        let mut text = fold(&title);
        let title_end = text.len();
        for other in record.texts() {
            text.push('\n');
            text.push_str(&fold(other));
        }
        SearchRow {
            kind: T::KIND,
            id: record.search_id(),
            owner: record.owner(),
            title,
            text,
            title_end,
        }
    }

    /// The title folded: the order of hits of the same rank.
    fn title_key(&self) -> &str {
        &self.text[..self.title_end]
    }

    /// How well the row answers `words`: `None` when a word is in none of
    /// its texts, [`Rank::Title`] when every word is in its title.
    pub fn rank(&self, words: &SearchWords) -> Option<Rank> {
        if !words.all_in(&[&self.text]) {
            None
        } else if words.all_in(&[self.title_key()]) {
            Some(Rank::Title)
        } else {
            Some(Rank::Text)
        }
    }

    /// The order of hits: better rank first, then by title, then oldest
    /// first (ids sort in creation order); never `Equal` for two rows.
    pub fn compare(a: (Rank, &SearchRow), b: (Rank, &SearchRow)) -> Ordering {
        a.0.cmp(&b.0)
            .then_with(|| a.1.title_key().cmp(b.1.title_key()))
            .then_with(|| (a.1.kind, a.1.id).cmp(&(b.1.kind, b.1.id)))
    }
}

/// How well a record answers a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// Every word is in its title.
    Title,
    /// Some word is only in its other texts.
    Text,
}

/// A search: its words, and either the first hits of every kind (`kind`
/// unset) or one page of one kind's hits.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct SearchQuery {
    pub text: String,
    pub kind: Option<SearchKind>,
    #[serde(default)]
    pub offset: u32,
    pub limit: Option<u32>,
}

/// Hits of each kind shown when the search spans every kind.
pub const OVERVIEW_HITS: usize = 5;

impl SearchQuery {
    /// The hits of one kind to return, among `total`.
    pub fn bounds(&self, total: usize) -> Range<usize> {
        match self.kind {
            None => 0..total.min(OVERVIEW_HITS),
            Some(_) => page_bounds(self.offset, page_size(self.limit.unwrap_or(0)), total),
        }
    }
}

/// A piece of a title or excerpt: matched by a search word or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Mark {
    pub text: String,
    pub hit: bool,
}

/// The project or vendor a hit belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SearchOwner {
    pub id: String,
    pub title: String,
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: String,
    pub owner: Option<SearchOwner>,
    pub title: Vec<Mark>,
    /// Where a word not in the title was found; empty otherwise.
    pub excerpt: Vec<Mark>,
}

/// The hits of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SearchGroup {
    pub kind: SearchKind,
    /// How many records of this kind the search found.
    pub total: u32,
    pub hits: Vec<SearchHit>,
}

/// What a search found: a group per kind with hits, in kind order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SearchResults {
    pub groups: Vec<SearchGroup>,
}

/// `text` cut into pieces, those where a search word is marked.
pub fn marks(text: &str, words: &SearchWords) -> Vec<Mark> {
    let (folded, origin) = folded_with_origin(text);
    let mut found: Vec<Range<usize>> = words
        .ranges_in(&folded)
        .into_iter()
        .map(|r| origin[r.start]..origin[r.end])
        .collect();
    found.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in found {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in merged {
        if range.start > at {
            pieces.push(Mark {
                text: text[at..range.start].to_owned(),
                hit: false,
            });
        }
        pieces.push(Mark {
            text: text[range.clone()].to_owned(),
            hit: true,
        });
        at = range.end;
    }
    if at < text.len() {
        pieces.push(Mark {
            text: text[at..].to_owned(),
            hit: false,
        });
    }
    pieces
}

/// `text` folded, and for each byte of it (and its end) the byte of
/// `text` where the character it came from starts (or its end).
fn folded_with_origin(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((at, _)) = chars.next() {
        let next = chars.peek().map_or(text.len(), |(n, _)| *n);
        let before = folded.len();
        folded.push_str(&fold(&text[at..next]));
        // A character folded to nothing (a lone combining mark) marks no
        // byte; every byte it made points to where it starts.
        origin.extend(std::iter::repeat_n(at, folded.len() - before));
    }
    origin.push(text.len());
    (folded, origin)
}

/// Characters of context an excerpt keeps before its first match.
const EXCERPT_BEFORE: usize = 40;
/// Characters an excerpt keeps at most.
const EXCERPT_LENGTH: usize = 140;

/// Where a word of `words` that is not in `record`'s title was found: a
/// line of the first of its texts that holds one, cut around the word.
/// Empty when every word is in the title.
pub fn excerpt<T: Searchable>(record: &T, words: &SearchWords) -> Vec<Mark> {
    let title = fold(record.title());
    let missing = words.each(|found| !found(&title));
    if !missing.iter().any(|m| *m) {
        return Vec::new();
    }
    for text in record.texts() {
        for line in text.lines() {
            let found = words.each(|found| found(&fold(line)));
            if found.iter().zip(&missing).any(|(f, m)| *f && *m) {
                return marks(&around_first_match(line, words), words);
            }
        }
    }
    Vec::new()
}

/// `line` shortened to [`EXCERPT_LENGTH`] characters around its first
/// match, with an ellipsis where it was cut.
fn around_first_match(line: &str, words: &SearchWords) -> String {
    let line = line.trim();
    let (folded, origin) = folded_with_origin(line);
    let first = words
        .ranges_in(&folded)
        .into_iter()
        .map(|r| origin[r.start])
        .min()
        .unwrap_or(0);
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let first_char = chars.iter().position(|(at, _)| *at >= first).unwrap_or(0);
    let start = first_char.saturating_sub(EXCERPT_BEFORE);
    let end = (start + EXCERPT_LENGTH).min(chars.len());
    let byte = |i: usize| chars.get(i).map_or(line.len(), |(at, _)| *at);
    let mut cut = String::new();
    if start > 0 {
        cut.push('…');
    }
    cut.push_str(&line[byte(start)..byte(end)]);
    if end < chars.len() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::ProjectDraft;
    use chrono::Utc;

    fn project(title: &str, summary: &str) -> Project {
        Project::create(
            ProjectDraft {
                title: title.into(),
                summary: summary.into(),
                ..ProjectDraft::default()
            },
            Utc::now(),
        )
        .expect("a valid project")
    }

    fn shown(marks: &[Mark]) -> String {
        marks
            .iter()
            .map(|m| if m.hit { format!("[{}]", m.text) } else { m.text.clone() })
            .collect()
    }

    #[test]
    fn a_record_is_found_by_words_of_its_title_or_texts_accents_and_case_ignored() {
        let row = SearchRow::of(&project("Évaluation à chaud", "Questionnaire pour les managers"));
        assert_eq!(row.rank(&SearchWords::of("EVAL chaud")), Some(Rank::Title));
        assert_eq!(row.rank(&SearchWords::of("eval manager")), Some(Rank::Text));
        assert_eq!(row.rank(&SearchWords::of("eval froid")), None);
    }

    #[test]
    fn title_hits_come_before_text_hits_then_by_title() {
        let a = SearchRow::of(&project("Zèbre", ""));
        let b = SearchRow::of(&project("Abeille", ""));
        assert_eq!(SearchRow::compare((Rank::Title, &a), (Rank::Text, &b)), Ordering::Less);
        assert_eq!(
            SearchRow::compare((Rank::Title, &a), (Rank::Title, &b)),
            Ordering::Greater
        );
    }

    #[test]
    fn marks_cover_the_matched_words_as_written() {
        let words = SearchWords::of("eval ÉCOLE");
        assert_eq!(
            shown(&marks("Évaluation de l'École", &words)),
            "[Éval]uation de l'[École]"
        );
        assert_eq!(shown(&marks("rien ici", &words)), "rien ici");
        assert_eq!(shown(&marks("", &words)), "");
        // Overlapping words are marked once.
        assert_eq!(
            shown(&marks("evaluation", &SearchWords::of("eval valu"))),
            "[evalu]ation"
        );
    }

    #[test]
    fn an_excerpt_shows_the_text_where_a_word_missing_from_the_title_was_found() {
        let long = format!("{} les managers de proximité {}", "a".repeat(80), "b".repeat(200));
        let record = project("Onboarding", &long);
        let cut = shown(&excerpt(&record, &SearchWords::of("onboarding manager")));
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("les [manager]s de proximité"), "{cut}");
        assert!(excerpt(&record, &SearchWords::of("onboard")).is_empty());
    }

    #[test]
    fn an_overview_returns_the_first_hits_of_each_kind_and_a_kind_a_page() {
        let overview = SearchQuery::default();
        assert_eq!(overview.bounds(12), 0..OVERVIEW_HITS);
        assert_eq!(overview.bounds(2), 0..2);
        let page = SearchQuery {
            kind: Some(SearchKind::Task),
            offset: 10,
            limit: Some(5),
            ..SearchQuery::default()
        };
        assert_eq!(page.bounds(12), 10..12);
    }
}
