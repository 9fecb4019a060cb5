//! The vendor registry as a CSV file: exported for Excel or LibreOffice,
//! edited there, and imported back.
//!
//! The export is UTF-8 with a byte order mark (without it Excel reads the
//! accents as Windows-1252), CRLF line ends, one row per vendor under a
//! header of stable keys:
//!
//! `id;name;type;stage;modalities;website;country;tags;contacts;score:<criterion key>…`
//!
//! Enum values are written as their serde keys (`startup`, `serious_game`…)
//! and read back either as keys or as any name the DLM sees in the app, in
//! either language ([`ValueNames`], given by the UI, so that "En pilote" or
//! "Réalité augmentée" typed in a spreadsheet is understood); lists are
//! joined with ` | `; the contacts cell holds the vendor's people of the
//! directory, one per line, each `name | job title | email | phone`.
//!
//! The import is all or nothing: the first problem found, top to bottom,
//! refuses the whole file with the line where the faulty record starts, so
//! that the DLM can fix it in their spreadsheet and try again.
//!
//! `write` makes the file, `read` is the import's parser; both share the
//! columns and the value keys below.

mod read;
#[cfg(test)]
mod tests;
mod write;

use atelier_core::mix::Modality;
use atelier_core::samples::Lang;
use atelier_core::vendor::{VendorType, WatchStage};
use serde::{Deserialize, Serialize};
use specta::Type;

pub use read::{read_registry, CsvError, CsvProblem, ImportedVendor, ValueNames, IMPORT_ROWS_MAX};
pub use write::write_registry;

/// One line of the contacts cell: a person who works for the vendor, as a
/// spreadsheet shows them. On import, a line updates the vendor's person of
/// that name (case and accents ignored) or adds one to the directory.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Type)]
pub struct Contact {
    pub name: String,
    pub job_title: String,
    pub email: String,
    pub phone: String,
}

/// Contacts one row may carry.
pub const CONTACTS_MAX: usize = 20;

/// What separates list items (modalities, tags) and the fields of one
/// contact inside a cell.
const LIST_SEPARATOR: &str = " | ";

/// The UTF-8 byte order mark, which tells Excel the file is UTF-8.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The field separator of an exported file. The DLM's language decides it:
/// `;` for French (what Excel in a French locale expects, since `,` is the
/// decimal separator there), `,` for English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CsvDialect {
    /// `;`, for French spreadsheets.
    Semicolon,
    /// `,`, for English spreadsheets.
    Comma,
}

impl CsvDialect {
    /// The dialect a spreadsheet in the DLM's language expects.
    pub fn for_lang(lang: Lang) -> Self {
        match lang {
            Lang::Fr => CsvDialect::Semicolon,
            Lang::En => CsvDialect::Comma,
        }
    }

    /// The separator byte written between fields.
    pub fn delimiter(self) -> u8 {
        match self {
            CsvDialect::Semicolon => b';',
            CsvDialect::Comma => b',',
        }
    }
}

/// A column the import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Name,
    Type,
    Stage,
    Modalities,
    Website,
    Country,
    Tags,
    Contacts,
    /// The score on `criteria[i]`.
    Score(usize),
}

/// The columns every export has, in export order.
const FIXED_COLUMNS: [Column; 9] = [
    Column::Id,
    Column::Name,
    Column::Type,
    Column::Stage,
    Column::Modalities,
    Column::Website,
    Column::Country,
    Column::Tags,
    Column::Contacts,
];

impl Column {
    /// The stable header key of a fixed column.
    fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Type => "type",
            Column::Stage => "stage",
            Column::Modalities => "modalities",
            Column::Website => "website",
            Column::Country => "country",
            Column::Tags => "tags",
            Column::Contacts => "contacts",
            Column::Score(_) => "score",
        }
    }
}

/// The header cell of a criterion's score column.
fn score_key(criterion: &str) -> String {
    format!("score:{criterion}")
}

fn vendor_type_key(t: VendorType) -> &'static str {
    match t {
        VendorType::Startup => "startup",
        VendorType::Established => "established",
        VendorType::Freelance => "freelance",
        VendorType::Internal => "internal",
    }
}

fn stage_key(s: WatchStage) -> &'static str {
    match s {
        WatchStage::Spotted => "spotted",
        WatchStage::Contacted => "contacted",
        WatchStage::Evaluating => "evaluating",
        WatchStage::Piloting => "piloting",
        WatchStage::Referenced => "referenced",
        WatchStage::Dropped => "dropped",
    }
}

fn modality_key(m: Modality) -> &'static str {
    match m {
        Modality::Elearning => "elearning",
        Modality::Mooc => "mooc",
        Modality::Cooc => "cooc",
        Modality::Spoc => "spoc",
        Modality::VirtualClass => "virtual_class",
        Modality::Classroom => "classroom",
        Modality::Blended => "blended",
        Modality::SeriousGame => "serious_game",
        Modality::ArVr => "ar_vr",
        Modality::Microlearning => "microlearning",
        Modality::Mentoring => "mentoring",
        Modality::OnTheJob => "on_the_job",
        Modality::SocialLearning => "social_learning",
    }
}
