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
//! joined with ` | `; the contacts cell holds one contact per line, each
//! `name | role | email | phone`.
//!
//! The import is all or nothing: the first problem found, top to bottom,
//! refuses the whole file with the line where the faulty record starts, so
//! that the DLM can fix it in their spreadsheet and try again.

use std::borrow::Cow;
use std::collections::HashMap;

use atelier_core::ids::VendorId;
use atelier_core::mix::Modality;
use atelier_core::samples::Lang;
use atelier_core::scorecard::{check_scores, Criterion, Score, SCORE_MAX, SCORE_MIN};
use atelier_core::text::fold;
use atelier_core::validation::{Draft, ValidationError};
use atelier_core::vendor::{Contact, Vendor, VendorDraft, VendorType, WatchStage};
use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Data rows one import accepts: far above a real registry, low enough to
/// keep an import quick and its store transaction small.
pub const IMPORT_ROWS_MAX: u32 = 5_000;

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

/// One row of an imported file, checked: the draft is normalised and
/// valid, the scores are 1 to 5 on known criteria (in criteria order).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ImportedVendor {
    /// The file line where the row starts (1 is the first line).
    #[specta(type = u32)]
    pub line: u64,
    /// The vendor's id when the row carries one (a file exported by Atelier
    /// does), so that the row updates that vendor.
    pub id: Option<VendorId>,
    /// The vendor's fields, normalised and validated.
    pub draft: VendorDraft,
    /// Where the vendor stands in the watch (`spotted` when not given).
    pub stage: WatchStage,
    /// The scores given in the row, in criteria order; unscored criteria are absent.
    pub scores: Vec<Score>,
}

/// The names the DLM may write for enum values besides their keys: the
/// labels the app shows, in every language it speaks. The UI owns the
/// words, so it sends them; an empty set accepts keys only.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Type)]
pub struct ValueNames {
    pub vendor_types: Vec<(VendorType, Vec<String>)>,
    pub stages: Vec<(WatchStage, Vec<String>)>,
    pub modalities: Vec<(Modality, Vec<String>)>,
}

/// Why a file cannot be imported, and where: the UI translates `problem`
/// from its `kind` and points the DLM at the line and column to fix.
#[derive(Debug, Clone, PartialEq, Serialize, Type, thiserror::Error)]
#[error(
    "line {line}{}: {problem}",
    .column.as_ref().map(|c| format!(", column {c:?}")).unwrap_or_default()
)]
pub struct CsvError {
    /// The file line where the faulty record starts (the header is line 1
    /// unless blank lines precede it). A record can span several lines
    /// when a cell holds line breaks; this is its first one.
    #[specta(type = u32)]
    pub line: u64,
    /// The column at fault: its stable key (`type`, `score:price`…) for a
    /// known column, the header as written for an unknown or repeated one.
    pub column: Option<String>,
    /// What is wrong.
    pub problem: CsvProblem,
}

/// What makes a file impossible to import. Serialised as
/// `{ "kind": "<snake_case variant>", …variant fields }`.
#[derive(Debug, Clone, PartialEq, Serialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CsvProblem {
    /// The file holds no header row (it is empty or blank).
    #[error("the file has no header row")]
    Empty,
    /// A required column (`name`) is absent from the header.
    #[error("a required column is missing")]
    MissingColumn,
    /// The header names a column Atelier does not know, or scores a
    /// criterion the scorecard does not have.
    #[error("unknown column")]
    UnknownColumn,
    /// The header names the same column twice (perhaps under two names).
    #[error("the column appears twice")]
    RepeatedColumn,
    /// A row has more or fewer cells than the header.
    #[error("expected {expected} cells, found {found}")]
    FieldCount {
        /// Cells in the header.
        expected: u32,
        /// Cells in the row.
        found: u32,
    },
    /// The CSV syntax is broken, e.g. a quote that is never closed.
    #[error("malformed CSV (a quote is never closed?)")]
    Malformed,
    /// A cell holds a value that means nothing there: an unknown type,
    /// stage or modality, a malformed id, a score that is not a whole
    /// number from 1 to 5, a contact line with more than four fields.
    #[error("invalid value {value:?}")]
    InvalidValue {
        /// The offending value, as written (trimmed).
        value: String,
    },
    /// The row's vendor breaks the rules a vendor form enforces (blank
    /// name, malformed e-mail, text too long…).
    #[error("invalid vendor: {}", join_issues(issues))]
    Invalid {
        /// Every rule broken.
        issues: Vec<ValidationError>,
    },
    /// The row names the same vendor (same id, or same name ignoring case
    /// and accents) as an earlier row.
    #[error("same vendor as line {first_line}")]
    DuplicateRow {
        /// Where the earlier row starts.
        #[specta(type = u32)]
        first_line: u64,
    },
    /// The file holds more data rows than one import accepts.
    #[error("more than {limit} rows")]
    TooManyRows {
        /// The most rows accepted.
        limit: u32,
    },
}

/// The issues of an invalid row, for the English log message.
fn join_issues(issues: &[ValidationError]) -> String {
    issues.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/// The registry as a CSV file: UTF-8 with a BOM, CRLF line ends, cells
/// quoted where needed, one row per vendor in the order given and one score
/// column per criterion in the order given (empty when unscored).
pub fn write_registry(vendors: &[Vendor], criteria: &[Criterion], dialect: CsvDialect) -> Vec<u8> {
    // Writing to memory cannot fail and every row has the header's length,
    // so the error branch is unreachable; an empty file beats a panic.
    try_write_registry(vendors, criteria, dialect).unwrap_or_default()
}

fn try_write_registry(vendors: &[Vendor], criteria: &[Criterion], dialect: CsvDialect) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(UTF8_BOM.to_vec());
    let mut header: Vec<String> = FIXED_COLUMNS.iter().map(|c| c.key().to_owned()).collect();
    header.extend(criteria.iter().map(|c| score_key(&c.key)));
    writer.write_record(&header)?;
    for v in vendors {
        let f = &v.fields;
        let mut row: Vec<String> = vec![
            v.id.to_string(),
            f.name.clone(),
            vendor_type_key(f.vendor_type).to_owned(),
            stage_key(v.stage).to_owned(),
            f.modalities
                .iter()
                .map(|m| modality_key(*m))
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR),
            f.website.clone(),
            f.country.clone(),
            f.tags.join(LIST_SEPARATOR),
            f.contacts.iter().map(contact_line).collect::<Vec<_>>().join("\n"),
        ];
        row.extend(criteria.iter().map(|c| {
            v.scores
                .iter()
                .find(|s| s.criterion == c.key)
                .map(|s| s.score.to_string())
                .unwrap_or_default()
        }));
        writer.write_record(&row)?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// `name | role | email | phone`, trailing empty fields dropped.
fn contact_line(c: &Contact) -> String {
    let mut parts = vec![c.name.as_str(), &c.role, &c.email, &c.phone];
    while parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts.join(LIST_SEPARATOR)
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

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

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

    /// The key errors name the column by.
    fn name(self, criteria: &[Criterion]) -> String {
        match self {
            Column::Score(i) => criteria
                .get(i)
                .map_or_else(|| "score".to_owned(), |c| score_key(&c.key)),
            other => other.key().to_owned(),
        }
    }

    /// The column a header cell names: a stable key or a French synonym,
    /// ignoring case, accents and surrounding spaces; `score:<key>` for a
    /// criterion of the scorecard.
    fn parse(cell: &str, criteria: &[Criterion]) -> Option<Column> {
        let cell = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if let Some(key) = cell
            .get(..6)
            .filter(|p| p.eq_ignore_ascii_case("score:"))
            .and(cell.get(6..))
        {
            let key = key.trim();
            return criteria
                .iter()
                .position(|c| c.key == key)
                .or_else(|| criteria.iter().position(|c| fold(&c.key) == fold(key)))
                .map(Column::Score);
        }
        let column = match fold(cell).as_str() {
            "id" => Column::Id,
            "name" | "nom" => Column::Name,
            "type" => Column::Type,
            "stage" | "etape" => Column::Stage,
            "modalities" | "modalites" => Column::Modalities,
            "website" | "site web" | "site" => Column::Website,
            "country" | "pays" => Column::Country,
            "tags" | "etiquettes" => Column::Tags,
            "contacts" => Column::Contacts,
            _ => return None,
        };
        Some(column)
    }
}

/// Reads a registry file written by [`write_registry`] or edited in a
/// spreadsheet, and checks every row. The first problem, top to bottom,
/// refuses the whole file: nothing is returned partially.
///
/// Accepts UTF-8 (with or without a BOM), Windows-1252 (what Excel in a
/// French locale saves as "CSV (séparateur: point-virgule)") and UTF-16
/// with a BOM (Excel's "Unicode text"); `;`, `,` or tab separators, guessed
/// from the header line; headers in any case, in any order, and the French
/// names `nom`, `étape`, `modalités`, `site web`/`site`, `pays`,
/// `étiquettes`. Only `name` is required: without a `type` column vendors
/// are `established`, without a `stage` column (or with an empty stage
/// cell) they are `spotted`. Completely blank rows are skipped.
pub fn read_registry(
    bytes: &[u8],
    criteria: &[Criterion],
    names: &ValueNames,
) -> Result<Vec<ImportedVendor>, CsvError> {
    let text = decode(bytes)?;
    let text = text.as_ref();
    let lines = LineIndex::new(text);
    let delimiter = detect_delimiter(text);
    let unclosed = unclosed_quote_record(text.as_bytes(), delimiter);

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    // The record's first line. csv's own `Position::line()` is where the
    // previous record ended (and miscounts CRLF), so the line is computed
    // from the byte offset, past the line ends that precede the record.
    let start_of = |record: &csv::StringRecord| -> (usize, u64) {
        let byte = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        let start = byte
            + text
                .as_bytes()
                .get(byte..)
                .map_or(0, |rest| rest.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count());
        (start, lines.line_of(start))
    };
    let fail = |line: u64, column: Option<String>, problem: CsvProblem| CsvError { line, column, problem };

    // The header: the first record that is not blank.
    let (header, header_line) = loop {
        match records.next() {
            None => return Err(fail(1, None, CsvProblem::Empty)),
            Some(Err(e)) => return Err(fail(error_line(&e, &lines), None, CsvProblem::Malformed)),
            Some(Ok(record)) => {
                let (start, line) = start_of(&record);
                if unclosed == Some(start) {
                    return Err(fail(line, None, CsvProblem::Malformed));
                }
                if !is_blank(&record) {
                    break (record, line);
                }
            }
        }
    };
    let mut columns: Vec<Column> = Vec::with_capacity(header.len());
    for cell in &header {
        let written = cell.trim().to_owned();
        let Some(column) = Column::parse(cell, criteria) else {
            return Err(fail(header_line, Some(written), CsvProblem::UnknownColumn));
        };
        if columns.contains(&column) {
            return Err(fail(header_line, Some(written), CsvProblem::RepeatedColumn));
        }
        columns.push(column);
    }
    if !columns.contains(&Column::Name) {
        return Err(fail(header_line, Some("name".into()), CsvProblem::MissingColumn));
    }

    let mut rows: Vec<ImportedVendor> = Vec::new();
    let mut by_id: HashMap<VendorId, u64> = HashMap::new();
    let mut by_name: HashMap<String, u64> = HashMap::new();
    for record in records {
        let record = record.map_err(|e| fail(error_line(&e, &lines), None, CsvProblem::Malformed))?;
        let (start, line) = start_of(&record);
        if unclosed == Some(start) {
            return Err(fail(line, None, CsvProblem::Malformed));
        }
        if is_blank(&record) {
            continue;
        }
        if rows.len() >= IMPORT_ROWS_MAX as usize {
            return Err(fail(line, None, CsvProblem::TooManyRows { limit: IMPORT_ROWS_MAX }));
        }
        if record.len() != columns.len() {
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            let problem = CsvProblem::FieldCount {
                expected: count(columns.len()),
                found: count(record.len()),
            };
            return Err(fail(line, None, problem));
        }
        let row = read_row(&record, &columns, criteria, names, line)?;
        if let Some(id) = row.id {
            if let Some(&first_line) = by_id.get(&id) {
                return Err(fail(line, Some("id".into()), CsvProblem::DuplicateRow { first_line }));
            }
            by_id.insert(id, line);
        }
        let name = fold(&row.draft.name);
        if let Some(&first_line) = by_name.get(&name) {
            return Err(fail(line, Some("name".into()), CsvProblem::DuplicateRow { first_line }));
        }
        by_name.insert(name, line);
        rows.push(row);
    }
    Ok(rows)
}

/// Builds and checks one data row, reading its cells left to right.
fn read_row(
    record: &csv::StringRecord,
    columns: &[Column],
    criteria: &[Criterion],
    names: &ValueNames,
    line: u64,
) -> Result<ImportedVendor, CsvError> {
    let mut id = None;
    let mut stage = WatchStage::Spotted;
    let mut scores: Vec<(usize, Score)> = Vec::new();
    let mut draft = VendorDraft {
        name: String::new(),
        vendor_type: VendorType::Established,
        modalities: Vec::new(),
        website: String::new(),
        country: String::new(),
        contacts: Vec::new(),
        tags: Vec::new(),
    };
    for (&column, cell) in columns.iter().zip(record.iter()) {
        let invalid = |value: &str| CsvError {
            line,
            column: Some(column.name(criteria)),
            problem: CsvProblem::InvalidValue {
                value: value.trim().to_owned(),
            },
        };
        let value = cell.trim();
        match column {
            Column::Id => {
                if !value.is_empty() {
                    id = Some(value.parse::<uuid::Uuid>().map(VendorId).map_err(|_| invalid(value))?);
                }
            }
            Column::Name => draft.name = cell.to_owned(),
            Column::Type => {
                draft.vendor_type = parse_value(value, &names.vendor_types).ok_or_else(|| invalid(value))?
            }
            Column::Stage => {
                if !value.is_empty() {
                    stage = parse_value(value, &names.stages).ok_or_else(|| invalid(value))?;
                }
            }
            Column::Modalities => {
                draft.modalities = list(value)
                    .map(|m| parse_value(m, &names.modalities).ok_or_else(|| invalid(m)))
                    .collect::<Result<_, _>>()?;
            }
            Column::Website => draft.website = cell.to_owned(),
            Column::Country => draft.country = cell.to_owned(),
            Column::Tags => draft.tags = list(value).map(str::to_owned).collect(),
            Column::Contacts => {
                draft.contacts = value
                    .split(['\r', '\n'])
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| parse_contact(l).ok_or_else(|| invalid(l)))
                    .collect::<Result<_, _>>()?;
            }
            Column::Score(i) => {
                if !value.is_empty() {
                    let score = value
                        .parse::<u8>()
                        .ok()
                        .filter(|s| (SCORE_MIN..=SCORE_MAX).contains(s))
                        .ok_or_else(|| invalid(value))?;
                    let criterion = criteria.get(i).map(|c| c.key.clone()).unwrap_or_default();
                    scores.push((i, Score { criterion, score }));
                }
            }
        }
    }
    let draft = draft.checked().map_err(|issues| CsvError {
        line,
        column: None,
        problem: CsvProblem::Invalid { issues },
    })?;
    scores.sort_by_key(|(i, _)| *i);
    let scores: Vec<Score> = scores.into_iter().map(|(_, s)| s).collect();
    let issues = check_scores(&scores, criteria);
    if !issues.is_empty() {
        return Err(CsvError {
            line,
            column: None,
            problem: CsvProblem::Invalid { issues },
        });
    }
    Ok(ImportedVendor {
        line,
        id,
        draft,
        stage,
        scores,
    })
}

/// An enum from its serde key (see [`parse_key`]) or from one of its
/// names, ignoring case, accents and surrounding spaces.
fn parse_value<T: Copy + for<'de> Deserialize<'de>>(value: &str, names: &[(T, Vec<String>)]) -> Option<T> {
    parse_key(value).or_else(|| {
        let wanted = fold(value.trim());
        names
            .iter()
            .find(|(_, written)| written.iter().any(|n| fold(n.trim()) == wanted))
            .map(|(v, _)| *v)
    })
}

/// An enum from its serde key, ignoring case and surrounding spaces, and
/// taking spaces or hyphens for underscores (`Serious-Game`).
fn parse_key<T: for<'de> Deserialize<'de>>(value: &str) -> Option<T> {
    let key: String = value
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = key.as_str().into_deserializer();
    T::deserialize(de).ok()
}

/// The items of a list cell, trimmed, empty ones dropped.
fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// One contact line, `name | role | email | phone`; missing trailing fields
/// are empty; `None` when it has more than four fields.
fn parse_contact(line: &str) -> Option<Contact> {
    let mut parts = line.split('|').map(|p| p.trim().to_owned());
    let contact = Contact {
        name: parts.next().unwrap_or_default(),
        role: parts.next().unwrap_or_default(),
        email: parts.next().unwrap_or_default(),
        phone: parts.next().unwrap_or_default(),
    };
    parts.next().is_none().then_some(contact)
}

/// True when every cell of the record is empty or spaces.
fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|c| c.trim().is_empty())
}

/// The line of a csv error, when it knows its position.
fn error_line(e: &csv::Error, lines: &LineIndex) -> u64 {
    e.position()
        .and_then(|p| usize::try_from(p.byte()).ok())
        .map_or(1, |b| lines.line_of(b))
}

/// The file as text: UTF-16 when it starts with a UTF-16 BOM, else UTF-8
/// (BOM stripped) when it is valid UTF-8, else Windows-1252.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, CsvError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or_default();
        if encoding != encoding_rs::UTF_8 {
            return encoding
                .decode_without_bom_handling_and_without_replacement(rest)
                .ok_or(CsvError {
                    line: 1,
                    column: None,
                    problem: CsvProblem::Malformed,
                });
        }
        return Ok(utf8_or_windows_1252(rest));
    }
    Ok(utf8_or_windows_1252(bytes))
}

fn utf8_or_windows_1252(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// The separator of the header line: whichever of `;`, `,` and tab occurs
/// most outside quotes (`;` on a tie, e.g. a one-column file).
fn detect_delimiter(text: &str) -> u8 {
    let header = text.trim_start_matches(['\r', '\n', '\u{feff}']);
    let mut counts = [(b';', 0u32), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(slot) = counts.iter_mut().find(|(d, _)| *d == b) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    // `max_by_key` keeps the last maximum: scan in reverse so `;` wins ties.
    counts.iter().rev().max_by_key(|(_, n)| *n).map_or(b';', |(d, _)| *d)
}

/// Where the record starts whose quoted field runs to the end of the file
/// unclosed, if any. The csv reader silently takes such a field as the
/// rest of the file; this follows the same quoting rules to catch it.
fn unclosed_quote_record(text: &[u8], delimiter: u8) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        RecordEnd,
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::RecordEnd;
    let mut record_start = 0;
    for (i, &b) in text.iter().enumerate() {
        let terminator = b == b'\r' || b == b'\n';
        state = match state {
            State::RecordEnd if terminator => State::RecordEnd,
            State::RecordEnd | State::FieldStart => {
                if state == State::RecordEnd {
                    record_start = i;
                }
                match b {
                    b'"' => State::Quoted,
                    _ if b == delimiter => State::FieldStart,
                    _ if terminator => State::RecordEnd,
                    _ => State::Unquoted,
                }
            }
            State::Unquoted | State::QuoteInQuoted => match b {
                b'"' if state == State::QuoteInQuoted => State::Quoted,
                _ if b == delimiter => State::FieldStart,
                _ if terminator => State::RecordEnd,
                _ => State::Unquoted,
            },
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
        };
    }
    (state == State::Quoted).then_some(record_start)
}

/// Byte offsets of the line feeds, to turn an offset into a line number.
struct LineIndex {
    feeds: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        Self {
            feeds: text
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> u64 {
        u64::try_from(self.feeds.partition_point(|&f| f < offset))
            .unwrap_or(u64::MAX)
            .saturating_add(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::scorecard::default_criteria;
    use atelier_core::validation::Rule;

    fn contact(name: &str, role: &str, email: &str, phone: &str) -> Contact {
        Contact {
            name: name.into(),
            role: role.into(),
            email: email.into(),
            phone: phone.into(),
        }
    }

    fn vendor(name: &str, vendor_type: VendorType, stage: WatchStage) -> Vendor {
        let draft = VendorDraft {
            name: name.into(),
            vendor_type,
            modalities: Vec::new(),
            website: String::new(),
            country: String::new(),
            contacts: Vec::new(),
            tags: Vec::new(),
        };
        let mut v = Vendor::create(draft, Default::default()).expect("valid");
        v.stage = stage;
        v
    }

    fn score(criterion: &str, score: u8) -> Score {
        Score {
            criterion: criterion.into(),
            score,
        }
    }

    /// Vendors that exercise every awkward corner of the format.
    fn registry() -> Vec<Vendor> {
        let mut a = vendor("Société Œuvre « ça » €", VendorType::Startup, WatchStage::Evaluating);
        a.fields.modalities = vec![Modality::SeriousGame, Modality::ArVr, Modality::OnTheJob];
        a.fields.website = "https://exemple.fr/a;b,c?d=\"e\"".into();
        a.fields.country = "Côte d'Ivoire".into();
        a.fields.tags = vec!["Réalité, virtuelle".into(), "IA; générative".into(), "\"cité\"".into()];
        a.fields.contacts = vec![
            contact("Léa Çelik", "CEO", "lea@exemple.fr", "+33 1 23 45 67 89"),
            contact("Noël", "", "noel@exemple.fr", ""),
            contact("Zoé", "", "", ""),
        ];
        a.scores = vec![score("price", 2), score("pedagogy", 5), score("maturity", 1)];
        let mut b = vendor(
            "Multi\nligne \"quoted\"; and, commas",
            VendorType::Freelance,
            WatchStage::Dropped,
        );
        b.fields.contacts = vec![contact("A", "Role; with, seps", "a@b.co", "01")];
        let c = vendor("Plain", VendorType::Internal, WatchStage::Spotted);
        let mut all = vec![a, b, c];
        for (i, stage) in WatchStage::ALL.into_iter().enumerate() {
            let mut v = vendor(&format!("Stage {i}"), VendorType::Established, stage);
            v.fields.modalities = Modality::ALL.to_vec();
            v.scores = default_criteria()
                .iter()
                .map(|c| score(&c.key, u8::try_from(i % 5 + 1).expect("small")))
                .collect();
            all.push(v);
        }
        all
    }

    fn read(text: &str) -> Result<Vec<ImportedVendor>, CsvError> {
        read_registry(text.as_bytes(), &default_criteria(), &ValueNames::default())
    }

    fn err(text: &str) -> CsvError {
        read(text).expect_err("refused")
    }

    /// Scores in criteria order, as the import returns them.
    fn in_criteria_order(scores: &[Score]) -> Vec<Score> {
        default_criteria()
            .iter()
            .filter_map(|c| scores.iter().find(|s| s.criterion == c.key).cloned())
            .collect()
    }

    #[test]
    fn a_written_registry_reads_back_the_same() {
        let criteria = default_criteria();
        let vendors = registry();
        for dialect in [CsvDialect::Semicolon, CsvDialect::Comma] {
            let bytes = write_registry(&vendors, &criteria, dialect);
            let rows = read_registry(&bytes, &criteria, &ValueNames::default()).expect("valid");
            assert_eq!(rows.len(), vendors.len());
            for (row, v) in rows.iter().zip(&vendors) {
                assert_eq!(row.id, Some(v.id));
                assert_eq!(row.draft, v.fields, "{dialect:?}");
                assert_eq!(row.stage, v.stage);
                assert_eq!(row.scores, in_criteria_order(&v.scores));
            }
        }
    }

    #[test]
    fn the_file_has_a_bom_crlf_and_the_dialect_s_separator() {
        let criteria = default_criteria();
        let vendors = registry();
        let fr = write_registry(&vendors, &criteria, CsvDialect::Semicolon);
        assert!(fr.starts_with(UTF8_BOM));
        let text = std::str::from_utf8(&fr[3..]).expect("utf-8");
        assert!(text.starts_with(
            "id;name;type;stage;modalities;website;country;tags;contacts;score:pedagogy;score:learner_experience;\
             score:technical_integration;score:data_gdpr;score:price;score:support;score:maturity\r\n"
        ));
        assert!(text.ends_with("\r\n"));
        // Every line feed outside a quoted cell is preceded by a carriage return.
        let mut quoted = false;
        let mut previous = '\0';
        for c in text.chars() {
            if c == '"' {
                quoted = !quoted;
            }
            assert!(quoted || c != '\n' || previous == '\r', "bare LF in {text}");
            previous = c;
        }
        let first = &vendors[0];
        let row = format!(
            "{};Société Œuvre « ça » €;startup;evaluating;serious_game | ar_vr | on_the_job;\
             \"https://exemple.fr/a;b,c?d=\"\"e\"\"\";Côte d'Ivoire;\
             \"Réalité, virtuelle | IA; générative | \"\"cité\"\"\";\
             \"Léa Çelik | CEO | lea@exemple.fr | +33 1 23 45 67 89\nNoël |  | noel@exemple.fr\nZoé\";\
             5;;;;2;;1\r\n",
            first.id
        );
        assert!(text.contains(&row), "{text}");

        let en = write_registry(&vendors, &criteria, CsvDialect::Comma);
        let text = std::str::from_utf8(&en[3..]).expect("utf-8");
        assert!(text.starts_with("id,name,type,stage,modalities,website,country,tags,contacts,score:pedagogy,"));
        assert!(text.contains(",\"Réalité, virtuelle | IA; générative | \"\"cité\"\"\","));
        assert_eq!(CsvDialect::for_lang(Lang::Fr), CsvDialect::Semicolon);
        assert_eq!(CsvDialect::for_lang(Lang::En), CsvDialect::Comma);
    }

    #[test]
    fn an_empty_registry_is_a_header_alone() {
        let bytes = write_registry(&[], &[], CsvDialect::Comma);
        assert_eq!(
            bytes,
            b"\xEF\xBB\xBFid,name,type,stage,modalities,website,country,tags,contacts\r\n"
        );
        assert_eq!(read_registry(&bytes, &[], &ValueNames::default()), Ok(Vec::new()));
    }

    #[test]
    fn windows_1252_files_keep_their_accents() {
        let bytes = b"Nom;Type;Pays\r\nSoci\xE9t\xE9 \x9Cuvre \x80;startup;Cura\xE7ao\r\n";
        let rows = read_registry(bytes, &[], &ValueNames::default()).expect("valid");
        assert_eq!(rows[0].draft.name, "Société œuvre €");
        assert_eq!(rows[0].draft.country, "Curaçao");
    }

    #[test]
    fn utf16_files_with_a_bom_are_read() {
        let text = "\u{feff}name\ttype\r\nÉcole ç\tinternal\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le, be] {
            let rows = read_registry(&bytes, &[], &ValueNames::default()).expect("valid");
            assert_eq!(rows[0].draft.name, "École ç");
            assert_eq!(rows[0].draft.vendor_type, VendorType::Internal);
        }
        let unpaired: Vec<u8> = [0xFEFF_u16, u16::from(b'n'), 0xD800, u16::from(b'\n')]
            .into_iter()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            read_registry(&unpaired, &[], &ValueNames::default())
                .expect_err("bad")
                .problem,
            CsvProblem::Malformed
        );
    }

    #[test]
    fn the_separator_is_guessed_from_the_header() {
        for (text, name) in [
            ("name;country\nA, B;France\n", "A, B"),
            ("name,country\n\"A; B\",France\n", "A; B"),
            ("name\tcountry\nA; B, C\tFrance\n", "A; B, C"),
            ("name\nA, B\n", "A, B"),
        ] {
            let rows = read(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(rows[0].draft.name, name, "{text:?}");
        }
        assert_eq!(detect_delimiter("\"a;b;c\",d,e\n"), b',');
        assert_eq!(detect_delimiter("\r\n\u{feff}a\tb;c\td\n;;;;"), b'\t');
    }

    #[test]
    fn headers_are_forgiving_and_missing_columns_take_defaults() {
        let text = "  NOM ; Étape;Modalités;Site web;PAYS;etiquettes; Score: Pedagogy \r\n\
                    Immersia;Serious-Game | VR;Piloting;x;y;a | b | A;4\r\n";
        // Columns in a different order than the export: the stage column
        // holds modalities here and must be refused as such.
        assert_eq!(
            err(text),
            CsvError {
                line: 2,
                column: Some("stage".into()),
                problem: CsvProblem::InvalidValue {
                    value: "Serious-Game | VR".into()
                },
            }
        );
        let text = "  NOM ; Étape;Modalités;Site web;PAYS;etiquettes; Score: Pedagogy \r\n\
                    Immersia;Piloting;Serious-Game | AR VR | on the job;x.io;y;a | b | A;4\r\n\
                    Autre;;;;;;\r\n";
        let rows = read(text).expect("valid");
        let r = &rows[0];
        assert_eq!(r.draft.name, "Immersia");
        assert_eq!(r.draft.vendor_type, VendorType::Established);
        assert_eq!(r.stage, WatchStage::Piloting);
        assert_eq!(
            r.draft.modalities,
            [Modality::SeriousGame, Modality::ArVr, Modality::OnTheJob]
        );
        assert_eq!((r.draft.website.as_str(), r.draft.country.as_str()), ("x.io", "y"));
        assert_eq!(r.draft.tags, ["a", "b"]);
        assert_eq!(r.scores, [score("pedagogy", 4)]);
        assert_eq!(r.id, None);
        assert_eq!(rows[1].stage, WatchStage::Spotted);
        assert!(rows[1].draft.modalities.is_empty() && rows[1].draft.tags.is_empty());
        assert!(rows[1].scores.is_empty());
        let rows = read("site;etape;nom\r\nw.fr;Referenced;N\r\n").expect("valid");
        assert_eq!(
            (rows[0].draft.website.as_str(), rows[0].stage),
            ("w.fr", WatchStage::Referenced)
        );
    }

    #[test]
    fn contacts_read_one_per_line_with_trailing_fields_optional() {
        let text = "name;contacts\r\nA;\"Léa | CEO\r\n\r\n  Noël | | n@x.fr | 01  \nZoé\"\r\n";
        let rows = read(text).expect("valid");
        assert_eq!(
            rows[0].draft.contacts,
            [
                contact("Léa", "CEO", "", ""),
                contact("Noël", "", "n@x.fr", "01"),
                contact("Zoé", "", "", "")
            ]
        );
    }

    #[test]
    fn blank_lines_are_skipped() {
        let text = "\r\n;;\r\nname;type;country\r\n\r\nA;startup;\r\n;;\r\n  ; ;\r\n\r\nB;startup;\r\n\r\n";
        let rows = read(text).expect("valid");
        let names: Vec<(&str, u64)> = rows.iter().map(|r| (r.draft.name.as_str(), r.line)).collect();
        assert_eq!(names, [("A", 5), ("B", 9)]);
    }

    #[test]
    fn an_empty_file_has_no_header() {
        for text in ["", "\r\n\n", ";;\r\n", "\u{feff}"] {
            assert_eq!(
                err(text),
                CsvError {
                    line: 1,
                    column: None,
                    problem: CsvProblem::Empty
                },
                "{text:?}"
            );
        }
        assert_eq!(
            read_registry(UTF8_BOM, &[], &ValueNames::default())
                .expect_err("empty")
                .problem,
            CsvProblem::Empty
        );
    }

    #[test]
    fn header_problems_name_the_column() {
        let at = |line, column: &str, problem| CsvError {
            line,
            column: Some(column.into()),
            problem,
        };
        assert_eq!(err("id;type\r\nx;y\r\n"), at(1, "name", CsvProblem::MissingColumn));
        assert_eq!(err("name;colour\r\n"), at(1, "colour", CsvProblem::UnknownColumn));
        assert_eq!(err("\r\nname;;type\r\n"), at(2, "", CsvProblem::UnknownColumn));
        assert_eq!(
            err("name;score:nope\r\n"),
            at(1, "score:nope", CsvProblem::UnknownColumn)
        );
        assert_eq!(err("name;type; Nom \r\n"), at(1, "Nom", CsvProblem::RepeatedColumn));
        assert_eq!(
            err("name;score:price;SCORE: price\r\n"),
            at(1, "SCORE: price", CsvProblem::RepeatedColumn)
        );
    }

    #[test]
    fn a_row_of_the_wrong_length_is_refused() {
        assert_eq!(
            err("name;type\r\nA;startup\r\nB\r\n"),
            CsvError {
                line: 3,
                column: None,
                problem: CsvProblem::FieldCount { expected: 2, found: 1 }
            }
        );
        assert_eq!(
            err("name;type\nA;startup;x\n").problem,
            CsvProblem::FieldCount { expected: 2, found: 3 }
        );
    }

    #[test]
    fn an_unclosed_quote_is_malformed_at_its_record() {
        let text = "name;type\r\nA;startup\r\n\"B;startup\r\nC;startup\r\n";
        assert_eq!(
            err(text),
            CsvError {
                line: 3,
                column: None,
                problem: CsvProblem::Malformed
            }
        );
        assert_eq!(err("\"name;type\r\nA;startup\r\n").line, 1);
        // Earlier problems win over the unclosed quote further down.
        assert_eq!(err("name;type\r\nA;nope\r\n\"B;startup\r\n").line, 2);
        // Quotes inside a cell, or doubled, are not unclosed quotes.
        let rows = read("name;type\r\nA \"x;startup\r\n\"B \"\"y\"\"\";startup\r\n\"C\"z;startup\r\n").expect("valid");
        let names: Vec<&str> = rows.iter().map(|r| r.draft.name.as_str()).collect();
        assert_eq!(names, ["A \"x", "B \"y\"", "Cz"]);
    }

    #[test]
    fn invalid_values_name_their_line_and_column() {
        let bad = |row: &str| {
            let text = format!(
                "id;name;type;stage;modalities;contacts;score:price\r\n\
                 ;Ok;startup;;;;\r\n\
                 \r\n\
                 {row}\r\n"
            );
            let e = err(&text);
            assert_eq!(e.line, 4, "{row}");
            (e.column.unwrap_or_default(), e.problem)
        };
        let invalid = |column: &str, value: &str| {
            (
                column.to_owned(),
                CsvProblem::InvalidValue {
                    value: value.to_owned(),
                },
            )
        };
        assert_eq!(bad(";A;Nope;;;;"), invalid("type", "Nope"));
        assert_eq!(bad(";A; ;;;;"), invalid("type", ""));
        assert_eq!(bad(";A;startup;later;;;"), invalid("stage", "later"));
        assert_eq!(bad(";A;startup;;mooc | hologram;;"), invalid("modalities", "hologram"));
        assert_eq!(bad("not-an-id;A;startup;;;;"), invalid("id", "not-an-id"));
        assert_eq!(bad(";A;startup;;;;6"), invalid("score:price", "6"));
        assert_eq!(bad(";A;startup;;;;0"), invalid("score:price", "0"));
        assert_eq!(bad(";A;startup;;;;3.5"), invalid("score:price", "3.5"));
        assert_eq!(bad(";A;startup;;;;good"), invalid("score:price", "good"));
        assert_eq!(
            bad(";A;startup;;;\"Léa\nB | r | e@x.fr | 01 | extra\";"),
            invalid("contacts", "B | r | e@x.fr | 01 | extra")
        );
    }

    #[test]
    fn lines_count_from_where_a_record_starts_past_multi_line_cells() {
        let text = "name;type;contacts\r\n\
                    A;startup;\"Léa\r\nNoël\r\nZoé\"\r\n\
                    B;startup;\"one\ntwo\"\r\n\
                    C;unknown;\r\n";
        assert_eq!(err(text).line, 7);
        let text = text.replace("\r\n", "\n");
        assert_eq!(err(&text).line, 7);
        let rows = read("name;contacts\n\"A\";\"x\ny\"\n\nB;z\n").expect("valid");
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 5]);
    }

    #[test]
    fn rows_are_checked_like_the_vendor_form() {
        let e = err("name;type\r\nA;startup\r\n  ;startup\r\n");
        assert_eq!(e.line, 3);
        let CsvProblem::Invalid { issues } = e.problem else {
            panic!("{e}")
        };
        assert_eq!((issues[0].field.as_str(), issues[0].rule), ("name", Rule::Required));

        let e = err("name;contacts\r\nA;Léa | CEO | not-an-email\r\n");
        let CsvProblem::Invalid { issues } = e.problem else {
            panic!("{e}")
        };
        assert_eq!(issues[0].rule, Rule::InvalidEmail);
        let long = "x".repeat(201);
        assert!(matches!(
            err(&format!("name\r\n{long}\r\n")).problem,
            CsvProblem::Invalid { .. }
        ));
    }

    #[test]
    fn the_same_vendor_twice_is_refused() {
        let e = err("name;type\r\nSociété Générale;startup\r\nAutre;startup\r\n  SOCIETE generale ;startup\r\n");
        assert_eq!(
            e,
            CsvError {
                line: 4,
                column: Some("name".into()),
                problem: CsvProblem::DuplicateRow { first_line: 2 }
            }
        );
        let id = VendorId::new();
        let e = err(&format!("id;name\r\n{id};A\r\n\r\n{id};B\r\n"));
        assert_eq!(
            e,
            CsvError {
                line: 4,
                column: Some("id".into()),
                problem: CsvProblem::DuplicateRow { first_line: 2 }
            }
        );
    }

    #[test]
    fn more_than_the_row_limit_is_refused() {
        let mut text = String::from("name\r\n");
        for i in 0..IMPORT_ROWS_MAX {
            text.push_str(&format!("V{i}\r\n"));
        }
        assert_eq!(read(&text).expect("at the limit").len(), IMPORT_ROWS_MAX as usize);
        text.push_str("One too many\r\n");
        assert_eq!(
            err(&text),
            CsvError {
                line: u64::from(IMPORT_ROWS_MAX) + 2,
                column: None,
                problem: CsvProblem::TooManyRows { limit: IMPORT_ROWS_MAX }
            }
        );
    }

    #[test]
    fn enum_keys_match_serde() {
        // `parse_key` goes through serde, so a written key that reads back
        // is the serde key.
        for m in Modality::ALL {
            assert_eq!(parse_key::<Modality>(modality_key(m)), Some(m));
        }
        for s in WatchStage::ALL {
            assert_eq!(parse_key::<WatchStage>(stage_key(s)), Some(s));
        }
        for t in [
            VendorType::Startup,
            VendorType::Established,
            VendorType::Freelance,
            VendorType::Internal,
        ] {
            assert_eq!(parse_key::<VendorType>(vendor_type_key(t)), Some(t));
        }
        assert_eq!(parse_key::<Modality>(" Serious game "), Some(Modality::SeriousGame));
        assert_eq!(parse_key::<Modality>("AR-VR"), Some(Modality::ArVr));
        assert_eq!(parse_key::<Modality>(""), None);
    }

    #[test]
    fn values_read_as_the_names_the_app_shows_in_either_language() {
        let names = ValueNames {
            vendor_types: vec![(
                VendorType::Established,
                vec!["Acteur confirmé".into(), "Established player".into()],
            )],
            stages: vec![(WatchStage::Piloting, vec!["En pilote".into(), "Piloting".into()])],
            modalities: vec![
                (
                    Modality::ArVr,
                    vec!["Réalité augmentée / virtuelle".into(), "AR / VR".into()],
                ),
                (
                    Modality::VirtualClass,
                    vec!["Classe virtuelle".into(), "Virtual class".into()],
                ),
            ],
        };
        let text = "name;type;stage;modalities\r\n\
                    Académie Plus; acteur CONFIRME ;en pilote;Classe virtuelle | realite augmentee / virtuelle | mooc\r\n\
                    Ludik;startup;Piloting;\r\n";
        let rows = read_registry(text.as_bytes(), &[], &names).expect("valid");
        assert_eq!(rows[0].draft.vendor_type, VendorType::Established);
        assert_eq!(rows[0].stage, WatchStage::Piloting);
        assert_eq!(
            rows[0].draft.modalities,
            [Modality::Mooc, Modality::VirtualClass, Modality::ArVr],
            "in the order the vendor form keeps"
        );
        assert_eq!(rows[1].draft.vendor_type, VendorType::Startup, "keys still read");

        let unknown = "name;stage\r\nLudik;En test\r\n";
        assert_eq!(
            read_registry(unknown.as_bytes(), &[], &names)
                .expect_err("unknown")
                .problem,
            CsvProblem::InvalidValue {
                value: "En test".into()
            }
        );
        assert!(
            read_registry(text.as_bytes(), &[], &ValueNames::default()).is_err(),
            "without names, only keys are understood"
        );
    }

    #[test]
    fn errors_cross_ipc_tagged_by_kind() {
        let json = |e: &CsvError| serde_json::to_value(e).expect("serialisable");
        let e = CsvError {
            line: 4,
            column: Some("type".into()),
            problem: CsvProblem::InvalidValue { value: "nope".into() },
        };
        assert_eq!(
            json(&e),
            serde_json::json!({"line": 4, "column": "type", "problem": {"kind": "invalid_value", "value": "nope"}})
        );
        let e = CsvError {
            line: 1,
            column: None,
            problem: CsvProblem::Empty,
        };
        assert_eq!(
            json(&e),
            serde_json::json!({"line": 1, "column": null, "problem": {"kind": "empty"}})
        );
        let e = CsvError {
            line: 5,
            column: Some("name".into()),
            problem: CsvProblem::DuplicateRow { first_line: 2 },
        };
        assert_eq!(
            json(&e)["problem"],
            serde_json::json!({"kind": "duplicate_row", "first_line": 2})
        );
        assert_eq!(
            serde_json::to_value(CsvDialect::Semicolon).expect("serialisable"),
            "semicolon"
        );
    }

    #[test]
    fn errors_read_as_english_for_logs() {
        let e = CsvError {
            line: 4,
            column: Some("type".into()),
            problem: CsvProblem::InvalidValue { value: "nope".into() },
        };
        assert_eq!(e.to_string(), "line 4, column \"type\": invalid value \"nope\"");
        let e = CsvError {
            line: 2,
            column: None,
            problem: CsvProblem::FieldCount { expected: 3, found: 2 },
        };
        assert_eq!(e.to_string(), "line 2: expected 3 cells, found 2");
        let e = CsvError {
            line: 3,
            column: None,
            problem: CsvProblem::Invalid {
                issues: vec![ValidationError::new("name", Rule::Required)],
            },
        };
        assert_eq!(e.to_string(), "line 3: invalid vendor: name is required");
    }
}
