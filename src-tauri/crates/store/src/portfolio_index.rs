//! The portfolio's index: one [`PortfolioRow`] per live project (see
//! `row_index`), in every order of a sort key and direction.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use atelier_core::portfolio::{Order, PortfolioRow};
use atelier_core::{Project, ProjectId};

use crate::row_index::{IndexRow, RowIndex};
use crate::{Result, Store};

pub(crate) type PortfolioIndex = RowIndex<PortfolioRow>;

impl IndexRow for PortfolioRow {
    type Id = ProjectId;
    type Order = Order;

    fn id(&self) -> ProjectId {
        self.id
    }

    fn compare(order: Order, a: &Self, b: &Self) -> Ordering {
        order.compare(a, b)
    }
}

impl PortfolioIndex {
    /// Puts the rows of `projects`, new or changed.
    pub(crate) fn put<'a>(&self, projects: impl IntoIterator<Item = &'a Project>) {
        self.put_rows(projects.into_iter().map(PortfolioRow::of));
    }
}

impl Store {
    /// Compares the portfolio's index with the live project records, row
    /// by row and order by order; says which project is out of step, if
    /// one is.
    pub fn check_portfolio_index(&self) -> Result<()> {
        let mut expected = BTreeMap::new();
        for project in self.projects() {
            let project = project?;
            expected.insert(project.id, PortfolioRow::of(&project));
        }
        self.portfolio.check(expected, "the portfolio's index")
    }
}
