//! The global search (Ctrl+K): answered from the store's index, kept in
//! step by every write (see `atelier_core::search`).

use atelier_core::search::{SearchQuery, SearchResults};

use crate::{Atelier, Result};

impl Atelier {
    /// What the global search finds for `query`: the first hits of every
    /// kind, or a page of one kind's.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        Ok(self.store.search(query)?)
    }
}
