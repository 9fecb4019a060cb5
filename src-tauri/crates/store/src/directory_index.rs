//! The people directory's index: one [`DirectoryRow`] per readable person
//! (see `row_index`), in the directory's one order, by name.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use atelier_core::directory::DirectoryRow;
use atelier_core::{Person, PersonId};

use crate::row_index::{IndexRow, RowIndex};
use crate::{Result, Store};

pub(crate) type DirectoryIndex = RowIndex<DirectoryRow>;

impl IndexRow for DirectoryRow {
    type Id = PersonId;
    /// The directory has one order.
    type Order = ();

    fn id(&self) -> PersonId {
        self.id
    }

    fn compare((): (), a: &Self, b: &Self) -> Ordering {
        DirectoryRow::compare(a, b)
    }
}

impl DirectoryIndex {
    /// Puts the rows of `people`, new or changed.
    pub(crate) fn put<'a>(&self, people: impl IntoIterator<Item = &'a Person>) {
        self.put_rows(people.into_iter().map(DirectoryRow::of));
    }
}

impl Store {
    /// Compares the directory's index with the people records; says who
    /// is out of step, if anyone is.
    pub fn check_directory_index(&self) -> Result<()> {
        let expected: BTreeMap<PersonId, DirectoryRow> =
            self.people()?.iter().map(|p| (p.id, DirectoryRow::of(p))).collect();
        self.directory.check(expected, "the directory's index")
    }
}
