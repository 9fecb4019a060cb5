//! A document laid out once and written in several formats (Markdown,
//! PDF, Word). A builder (the project brief, the portfolio summary) fills
//! it with text already in the reader's language — dates, amounts and
//! French typography done — so that each writer only has to escape and
//! style: no writer decides what to say, and no user text is ever read as
//! markup by any of them.

pub mod docx;
pub mod markdown;
pub mod pdf;
pub mod rich;
pub mod typography;

use serde::Serialize;

/// A whole document: its title, the running header and footer, and the
/// blocks in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The language the words are in (`fr` or `en`), for the writers'
    /// metadata and hyphenation.
    pub lang: &'static str,
    pub title: String,
    /// A line under the title (e.g. the sponsor and the dates).
    pub subtitle: String,
    /// Repeated at the top of every page (paged formats).
    pub header: String,
    /// Repeated at the bottom of every page, before the page number.
    pub footer: String,
    /// "Page" in the document's language, for "Page 2 / 5".
    pub page_word: String,
    pub blocks: Vec<Block>,
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A section (level 1) or sub-section (level 2 or 3) title.
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph of styled runs.
    Paragraph {
        spans: Vec<Span>,
    },
    /// A bulleted (or numbered) list, one paragraph per item.
    List {
        ordered: bool,
        items: Vec<Vec<Span>>,
    },
    /// Label–value pairs, e.g. the cover's sponsor, dates and status.
    Facts {
        facts: Vec<Fact>,
    },
    Table(Table),
    /// Horizontal bars with an optional target mark each.
    Chart(BarChart),
}

/// A run of text and how it is styled. Links keep their text; the target
/// is shown after it where a format cannot link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bold: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub italic: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub code: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: true,
            ..Self::default()
        }
    }
}

/// A label and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    /// Figures: amounts, percentages, counts.
    Right,
}

/// A column: its title, alignment and share of the width (relative to
/// the other columns' weights).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub title: String,
    pub align: Align,
    pub weight: u8,
}

/// A table whose header row repeats on each page it runs onto.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    /// One text per column in each row.
    pub rows: Vec<Vec<String>>,
}

/// A bar chart: one bar per item, its value as a share of `max`, the
/// value written beside it, and a target mark where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BarChart {
    /// What the chart shows, said in words (its alternative text).
    pub caption: String,
    /// The value a full-width bar stands for.
    pub max: u32,
    pub bars: Vec<Bar>,
}

/// One bar of a [`BarChart`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bar {
    pub label: String,
    pub value: u32,
    /// The value as the reader reads it ("62 %").
    pub value_text: String,
    pub target: Option<u32>,
}
