//! The portfolio as the DLM's management asks for it: a CSV table for
//! Excel or LibreOffice, and a one-page PDF summary (status, health,
//! budget planned and actual, design phase, next milestone), both of the
//! projects the portfolio's current filters keep.

use atelier_core::phase::Phase;
use atelier_core::samples::Lang;
use atelier_core::{Health, Project, Status};
use chrono::NaiveDate;

use crate::document::typography::{date, in_lang, money, whole};
use crate::document::{Align, Bar, BarChart, Block, Column, Document, Fact, Table};
use crate::vendor_csv::CsvDialect;
use crate::words::Words;

/// One project of the report, with what the app read for it.
#[derive(Debug, Clone)]
pub struct PortfolioLine {
    pub project: Project,
    pub sponsor: Option<String>,
    pub phase: Phase,
    /// The next milestone from today: its day and what it is.
    pub next: Option<(NaiveDate, String)>,
}

/// The UTF-8 byte order mark, which tells Excel the file is UTF-8.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many projects the one-page summary lists; the CSV has them all.
pub const SUMMARY_ROWS: usize = 20;

/// The report as CSV: UTF-8 with a BOM, the separator a spreadsheet in
/// `lang` expects, CRLF, amounts as plain numbers with the language's
/// decimal mark and dates as ISO days, so that the spreadsheet reads them
/// as numbers and dates. A cell that starts like a formula (= + - @) and is
/// not a number is prefixed with `'`, so a spreadsheet shows it as text
/// instead of running it.
pub fn csv(lines: &[PortfolioLine], lang: Lang) -> Vec<u8> {
    let w = Words::of(lang);
    let dialect = CsvDialect::for_lang(lang);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(UTF8_BOM.to_vec());
    let header: Vec<&str> = [
        "field.title",
        "brief.col.status",
        "brief.field.health",
        "brief.field.phase",
        "brief.field.sponsor",
        "report.col.start",
        "report.col.end",
        "report.col.currency",
        "brief.field.planned",
        "report.col.actual",
        "report.col.next_day",
        "report.col.next",
    ]
    .iter()
    .map(|k| w.t(k))
    .collect();
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
    for line in lines {
        let f = &line.project.fields;
        let amount = |cents: Option<i64>| cents.map(|c| decimal(lang, c)).unwrap_or_default();
        let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
        rows.push(vec![
            f.title.clone(),
            w.choice("status", &line.project.status).to_owned(),
            w.choice("health", &f.health).to_owned(),
            w.choice("phase", &line.phase).to_owned(),
            line.sponsor.clone().unwrap_or_default(),
            day(f.start_date),
            day(f.end_date),
            f.budget.currency.0.clone(),
            amount(f.budget.planned_cents),
            amount(f.budget.actual_cents),
            day(line.next.as_ref().map(|(d, _)| *d)),
            line.next.as_ref().map(|(_, name)| name.clone()).unwrap_or_default(),
        ]);
    }
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| neutralised(c)).collect();
        // Writing to memory cannot fail and every row has the header's
        // length; a row that did would only be missing from the file.
        let _ = writer.write_record(&cells);
    }
    writer.into_inner().unwrap_or_default()
}

/// An amount in cents as a plain number with two decimals ("12500,00" in
/// French, "12500.00" in English).
fn decimal(lang: Lang, cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let mark = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    format!("{sign}{}{mark}{:02}", abs / 100, abs % 100)
}

/// `cell` made safe from formula injection: one that starts with = + - or
/// @ and is not a number gets a leading `'`.
pub fn neutralised(cell: &str) -> String {
    let starts_like_a_formula = cell.starts_with(['=', '+', '-', '@']);
    let is_number = cell.replace(',', ".").parse::<f64>().is_ok();
    if starts_like_a_formula && !is_number {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The one-page summary: how many projects stand where, the budget
/// planned and actual (per currency), health as a chart, and the first
/// [`SUMMARY_ROWS`] projects with their next milestone. `filters` says in
/// words which filters chose the projects, when any did.
pub fn summary(lines: &[PortfolioLine], lang: Lang, today: NaiveDate, filters: Option<&str>) -> Document {
    let w = Words::of(lang);
    let mut blocks = Vec::new();
    let count = lines.len().to_string();
    let mut facts = vec![Fact {
        label: w.t("report.projects").to_owned(),
        value: w.with("report.projects_count", &[("count", &count)]),
    }];
    if let Some(filters) = filters {
        facts.push(Fact {
            label: w.t("report.filters").to_owned(),
            value: in_lang(lang, filters),
        });
    }
    for (currency, planned, actual) in budget_totals(lines) {
        facts.push(Fact {
            label: w.with("report.budget_in", &[("currency", &currency)]),
            value: w.with(
                "report.budget_line",
                &[
                    ("planned", &money(lang, planned, &currency)),
                    ("actual", &money(lang, actual, &currency)),
                ],
            ),
        });
    }
    blocks.push(Block::Facts { facts });
    let by_status: Vec<String> = Status::ALL
        .iter()
        .filter_map(|s| {
            let n = lines.iter().filter(|l| l.project.status == *s).count();
            (n > 0).then(|| format!("{} {}", w.choice("status", s), whole(lang, n as i64)))
        })
        .collect();
    if !by_status.is_empty() {
        blocks.push(Block::Paragraph {
            spans: vec![crate::document::Span::plain(by_status.join(" · "))],
        });
    }
    let bars: Vec<Bar> = Health::ALL
        .iter()
        .map(|h| {
            let n = lines.iter().filter(|l| l.project.fields.health == *h).count();
            Bar {
                label: w.choice("health", h).to_owned(),
                value: u32::try_from(n).unwrap_or(u32::MAX),
                value_text: whole(lang, n as i64),
                target: None,
            }
        })
        .collect();
    if !lines.is_empty() {
        blocks.push(Block::Chart(BarChart {
            caption: w.t("report.health_chart").to_owned(),
            max: u32::try_from(lines.len()).unwrap_or(u32::MAX),
            bars,
        }));
    }
    let rows: Vec<Vec<String>> = lines
        .iter()
        .take(SUMMARY_ROWS)
        .map(|l| {
            let f = &l.project.fields;
            let cur = &f.budget.currency.0;
            vec![
                in_lang(lang, &f.title),
                w.choice("status", &l.project.status).to_owned(),
                w.choice("health", &f.health).to_owned(),
                w.choice("phase", &l.phase).to_owned(),
                f.budget.planned_cents.map(|c| money(lang, c, cur)).unwrap_or_default(),
                f.budget.actual_cents.map(|c| money(lang, c, cur)).unwrap_or_default(),
                l.next
                    .as_ref()
                    .map(|(d, name)| format!("{} · {}", date(lang, *d), in_lang(lang, name)))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let col = |key: &str, align, weight| Column {
            title: w.t(key).to_owned(),
            align,
            weight,
        };
        blocks.push(Block::Table(Table {
            columns: vec![
                col("field.title", Align::Left, 5),
                col("brief.col.status", Align::Left, 2),
                col("brief.field.health", Align::Left, 2),
                col("brief.col.phase", Align::Left, 2),
                col("brief.field.planned", Align::Right, 2),
                col("report.col.actual", Align::Right, 2),
                col("report.col.next", Align::Left, 4),
            ],
            rows,
        }));
    }
    if lines.len() > SUMMARY_ROWS {
        let more = (lines.len() - SUMMARY_ROWS).to_string();
        blocks.push(Block::Paragraph {
            spans: vec![crate::document::Span::plain(w.with("report.more", &[("count", &more)]))],
        });
    }
    Document {
        lang: crate::brief::lang_code(lang),
        title: w.t("report.title").to_owned(),
        subtitle: date(lang, today),
        header: w.t("report.title").to_owned(),
        footer: w.with("report.footer", &[("date", &date(lang, today))]),
        page_word: w.t("brief.page").to_owned(),
        blocks,
    }
}

/// Planned and actual budget added up per currency, in order of first use.
fn budget_totals(lines: &[PortfolioLine]) -> Vec<(String, i64, i64)> {
    let mut totals: Vec<(String, i64, i64)> = Vec::new();
    for l in lines {
        let b = &l.project.fields.budget;
        if b.planned_cents.is_none() && b.actual_cents.is_none() {
            continue;
        }
        let i = match totals.iter().position(|(c, _, _)| *c == b.currency.0) {
            Some(i) => i,
            None => {
                totals.push((b.currency.0.clone(), 0, 0));
                totals.len() - 1
            }
        };
        totals[i].1 = totals[i].1.saturating_add(b.planned_cents.unwrap_or(0));
        totals[i].2 = totals[i].2.saturating_add(b.actual_cents.unwrap_or(0));
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::ProjectDraft;
    use chrono::Utc;

    fn line(title: &str, planned: Option<i64>) -> PortfolioLine {
        let mut draft = ProjectDraft {
            title: title.into(),
            ..ProjectDraft::default()
        };
        draft.budget.planned_cents = planned;
        PortfolioLine {
            project: Project::create(draft, Utc::now()).expect("a project"),
            sponsor: Some("=HYPERLINK(\"http://x\")".into()),
            phase: Phase::Define,
            next: Some((
                NaiveDate::from_ymd_opt(2027, 3, 1).expect("a day"),
                "Lancer le pilote".into(),
            )),
        }
    }

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(neutralised("=1+1"), "'=1+1");
        assert_eq!(neutralised("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralised("+33 6 12"), "'+33 6 12");
        assert_eq!(neutralised("-500"), "-500");
        assert_eq!(neutralised("-12,50"), "-12,50");
        assert_eq!(neutralised("Accueil"), "Accueil");
    }

    #[test]
    fn the_csv_reads_back_in_a_french_spreadsheet_s_dialect() {
        let bytes = csv(&[line("Accueil; des managers", Some(1_250_050))], Lang::Fr);
        assert!(bytes.starts_with(UTF8_BOM));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[UTF8_BOM.len()..]);
        let header = reader.headers().expect("a header").clone();
        assert_eq!(&header[0], "Titre");
        let row = reader.records().next().expect("a row").expect("reads");
        assert_eq!(
            &row[0], "Accueil; des managers",
            "the separator inside a cell is quoted"
        );
        assert_eq!(&row[4], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&row[8], "12500,50");
        assert_eq!(&row[10], "2027-03-01");
        assert!(String::from_utf8_lossy(&bytes).contains("\r\n"));
    }

    #[test]
    fn the_summary_lists_twenty_and_counts_the_rest() {
        let lines: Vec<PortfolioLine> = (0..25).map(|i| line(&format!("Projet {i}"), Some(100_000))).collect();
        let doc = summary(
            &lines,
            Lang::En,
            NaiveDate::from_ymd_opt(2027, 1, 1).expect("a day"),
            None,
        );
        let table = doc
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .expect("a table");
        assert_eq!(table.rows.len(), SUMMARY_ROWS);
        let md = crate::document::markdown::write(&doc);
        assert!(md.contains("5 more projects"), "{md}");
        assert!(md.contains("€25,000"), "planned in all: {md}");
    }
}
