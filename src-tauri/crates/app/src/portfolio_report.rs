//! The portfolio report: the projects the current filters keep, as a CSV
//! table or a one-page PDF summary.

use std::path::Path;

use atelier_core::brief::ReportFormat;
use atelier_core::paging::MAX_PAGE;
use atelier_core::portfolio::PortfolioQuery;
use atelier_core::samples::Lang;
use atelier_core::Project;
use atelier_export::document::pdf;
use atelier_export::portfolio_report::{csv, summary, PortfolioLine};

use crate::files::write_whole;
use crate::{today, Atelier, Result};

impl Atelier {
    /// The report of the projects `query` keeps (its window ignored), in
    /// its order, in `lang`; `filters` says in words which filters chose
    /// them, for the summary.
    pub fn portfolio_report(
        &self,
        query: &PortfolioQuery,
        format: ReportFormat,
        lang: Lang,
        filters: Option<&str>,
    ) -> Result<Vec<u8>> {
        let lines = self.report_lines(query, lang)?;
        Ok(match format {
            ReportFormat::Csv => csv(&lines, lang),
            ReportFormat::Pdf => pdf::write(&summary(&lines, lang, today(), filters))?,
        })
    }

    /// Writes the report to `path`; a file that cannot be written is named
    /// in the error.
    pub fn export_portfolio_report(
        &self,
        query: &PortfolioQuery,
        format: ReportFormat,
        lang: Lang,
        filters: Option<&str>,
        path: &Path,
    ) -> Result<()> {
        let bytes = self.portfolio_report(query, format, lang, filters)?;
        write_whole(path, &bytes)
    }

    /// Every project the query keeps, page after page, with what the
    /// report shows of each.
    fn report_lines(&self, query: &PortfolioQuery, lang: Lang) -> Result<Vec<PortfolioLine>> {
        if let Some(e) = query.validate() {
            return Err(e.into());
        }
        let mut projects: Vec<(Project, Option<String>)> = Vec::new();
        let mut page = PortfolioQuery {
            offset: 0,
            limit: MAX_PAGE,
            ..query.clone()
        };
        loop {
            let found = self.list_projects(&page)?;
            let n = found.items.len();
            projects.extend(found.items.into_iter().map(|i| (i.project, i.sponsor_name)));
            if n == 0 || projects.len() >= found.total as usize {
                break;
            }
            page.offset = page.offset.saturating_add(MAX_PAGE);
        }
        projects
            .into_iter()
            .map(|(project, sponsor)| {
                Ok(PortfolioLine {
                    sponsor,
                    phase: self.store.design_state(project.id)?.phase,
                    next: self.next_milestone(project.id, lang)?,
                    project,
                })
            })
            .collect()
    }
}
