//! The global search's index: one [`SearchRow`] per project, vendor,
//! person, task, artefact, campaign message and journal entry (see
//! `row_index`), kept in step by every write to them.
//!
//! A search scans the rows, keeps those every word is in, and reads whole
//! only the records of the hits it returns, for their excerpt. A project's
//! tasks, artefacts and messages stay in the index while it is in the
//! trash and are found again once it is restored; they leave with it when
//! it is purged.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};

use atelier_core::campaign::Message;
use atelier_core::search::{
    excerpt, marks, Rank, SearchGroup, SearchHit, SearchKind, SearchOwner, SearchQuery, SearchResults, SearchRow,
    Searchable,
};
use atelier_core::text::SearchWords;
use atelier_core::vendor::JournalEntry;
use atelier_core::{Artefact, JournalEntryId, PersonId, ProjectId, Task, VendorId};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::children;
use crate::envelope::Stored;
use crate::row_index::{best_of, IndexRow, RowIndex};
use crate::{Result, Store};

pub(crate) type SearchIndex = RowIndex<SearchRow>;

impl IndexRow for SearchRow {
    type Id = (SearchKind, Uuid);
    /// Hits are ranked per search, not kept in an order.
    type Order = ();

    fn id(&self) -> (SearchKind, Uuid) {
        (self.kind, self.id)
    }

    fn compare((): (), a: &Self, b: &Self) -> Ordering {
        a.id().cmp(&b.id())
    }
}

impl SearchIndex {
    /// Puts the rows of `records`, new or changed.
    pub(crate) fn put<'a, T: Searchable + 'a>(&self, records: impl IntoIterator<Item = &'a T>) {
        self.put_rows(records.into_iter().map(SearchRow::of));
    }

    /// Takes out the rows of the records of `kind` with `ids`.
    pub(crate) fn forget(&self, kind: SearchKind, ids: impl IntoIterator<Item = Uuid>) {
        let keys: Vec<(SearchKind, Uuid)> = ids.into_iter().map(|id| (kind, id)).collect();
        self.remove(&keys);
    }

    /// Takes out the rows of the records `owner` holds (a project's tasks,
    /// artefacts and messages, a vendor's journal).
    pub(crate) fn forget_owned_by(&self, owner: Uuid) {
        let keys: Vec<(SearchKind, Uuid)> = self
            .rows()
            .by_id
            .values()
            .filter(|row| row.owner == Some(owner))
            .map(IndexRow::id)
            .collect();
        self.remove(&keys);
    }
}

impl Store {
    /// Makes the index's rows of project `id` and of its tasks, artefacts
    /// and messages those of its records as they now are (after records of
    /// any kind were written for it at once: an archive brought in).
    pub(crate) fn reindex_project(&self, id: ProjectId) -> Result<()> {
        self.search.forget(SearchKind::Project, [id.0]);
        self.search.forget_owned_by(id.0);
        if let Ok(project) = self.project(id) {
            self.search.put([&project]);
        }
        self.search.put(&self.tasks(id)?);
        self.search.put(&self.artefacts(id)?);
        self.search.put(&self.messages(id)?);
        Ok(())
    }

    /// What the global search finds for `query`: for every kind with hits,
    /// how many and the hits `query` asks for, in kind order.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        let words = SearchWords::of(&query.text);
        if words.is_empty() {
            return Ok(SearchResults::default());
        }
        let rows = self.search.rows();
        // The live projects, looked up once per row found.
        let live: HashSet<Uuid> = self.portfolio.rows().by_id.keys().map(|id| id.0).collect();
        let mut found: BTreeMap<SearchKind, Vec<(Rank, &SearchRow)>> = BTreeMap::new();
        for row in rows.by_id.values() {
            if query.kind.is_some_and(|kind| kind != row.kind) {
                continue;
            }
            let Some(rank) = row.rank(&words) else { continue };
            let project = match row.kind {
                SearchKind::Project => Some(row.id),
                kind if kind.belongs_to_project() => row.owner,
                _ => None,
            };
            if project.is_none_or(|p| live.contains(&p)) {
                found.entry(row.kind).or_default().push((rank, row));
            }
        }
        let owner_title = |kind: SearchKind, id: Uuid| rows.by_id.get(&(kind, id)).map(|r| r.title.clone());
        let mut groups = Vec::with_capacity(found.len());
        for (kind, kept) in found {
            let total = kept.len();
            let page = best_of(kept, |total| query.bounds(total), |a, b| SearchRow::compare(*a, *b));
            let hits = page
                .into_iter()
                .map(|(_, row)| {
                    let owner = row.owner.and_then(|owner| {
                        let of = if kind == SearchKind::Journal {
                            SearchKind::Vendor
                        } else {
                            SearchKind::Project
                        };
                        owner_title(of, owner).map(|title| SearchOwner {
                            id: owner.to_string(),
                            title,
                        })
                    });
                    SearchHit {
                        kind,
                        id: row.id.to_string(),
                        owner,
                        title: marks(&row.title, &words),
                        excerpt: self.excerpt_of(row, &words),
                    }
                })
                .collect();
            groups.push(SearchGroup {
                kind,
                total: u32::try_from(total).unwrap_or(u32::MAX),
                hits,
            });
        }
        Ok(SearchResults { groups })
    }

    /// The excerpt of the record of `row` where a search word was found:
    /// the record is read whole for it. Empty for a record that cannot be
    /// read (it was noted as unreadable).
    fn excerpt_of(&self, row: &SearchRow, words: &SearchWords) -> Vec<atelier_core::search::Mark> {
        let owner = row.owner.unwrap_or_default();
        let read = match row.kind {
            SearchKind::Project => self.project(ProjectId(row.id)).map(|r| excerpt(&r, words)),
            SearchKind::Vendor => self.vendor(VendorId(row.id)).map(|r| excerpt(&r, words)),
            SearchKind::Person => self.person(PersonId(row.id)).map(|r| excerpt(&r, words)),
            SearchKind::Journal => self
                .journal_entry(VendorId(owner), JournalEntryId(row.id))
                .map(|r| excerpt(&r, words)),
            SearchKind::Task => self.child_excerpt::<Task>((&self.tasks, owner, row.id), words),
            SearchKind::Artefact => self.child_excerpt::<Artefact>((&self.artefacts, owner, row.id), words),
            SearchKind::Message => self.child_excerpt::<Message>((&self.messages, owner, row.id), words),
        };
        read.unwrap_or_default()
    }

    /// The excerpt of a project's record `child` (its tree, project, id).
    fn child_excerpt<T: Stored + DeserializeOwned + Searchable>(
        &self,
        (tree, parent, id): (&sled::Tree, Uuid, Uuid),
        words: &SearchWords,
    ) -> Result<Vec<atelier_core::search::Mark>> {
        let record: T = children::get(self, tree, parent.as_bytes(), id.as_bytes())?;
        Ok(excerpt(&record, words))
    }

    /// Compares the search index with rows made afresh from every record it
    /// follows; says which is out of step, if one is.
    pub fn check_search_index(&self) -> Result<()> {
        let mut expected = BTreeMap::new();
        let mut keep = |row: SearchRow| {
            expected.insert(row.id(), row);
        };
        for project in self.projects() {
            keep(SearchRow::of(&project?));
        }
        self.vendors()?.iter().for_each(|r| keep(SearchRow::of(r)));
        self.people()?.iter().for_each(|r| keep(SearchRow::of(r)));
        let every = |tree: &sled::Tree| tree.iter();
        let journal: Vec<JournalEntry> = self.read_all(&self.journal, every(&self.journal))?;
        let tasks: Vec<Task> = self.read_all(&self.tasks, every(&self.tasks))?;
        let artefacts: Vec<Artefact> = self.read_all(&self.artefacts, every(&self.artefacts))?;
        let messages: Vec<Message> = self.read_all(&self.messages, every(&self.messages))?;
        journal.iter().for_each(|r| keep(SearchRow::of(r)));
        tasks.iter().for_each(|r| keep(SearchRow::of(r)));
        artefacts.iter().for_each(|r| keep(SearchRow::of(r)));
        messages.iter().for_each(|r| keep(SearchRow::of(r)));
        self.search.check(expected, "the search index")
    }
}
