//! The import: a registry file written by `write` or edited in a
//! spreadsheet, read back and checked row by row, all or nothing.

use std::borrow::Cow;
use std::collections::HashMap;

use atelier_core::ids::VendorId;
use atelier_core::limits::{SHORT_TEXT_MAX, TITLE_MAX};
use atelier_core::mix::Modality;
use atelier_core::scorecard::{check_scores, Criterion, Score, SCORE_MAX, SCORE_MIN};
use atelier_core::text::fold;
use atelier_core::validation::{check_email, check_len, check_required, Draft, Rule, ValidationError};
use atelier_core::vendor::{VendorDraft, VendorType, WatchStage};
use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{score_key, Column, Contact, CONTACTS_MAX};

/// Data rows one import accepts: far above a real registry, low enough to
/// keep an import quick and its store transaction small.
pub const IMPORT_ROWS_MAX: u32 = 5_000;

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
    /// The vendor's people listed in the row, checked.
    pub contacts: Vec<Contact>,
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

impl Column {
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
    let mut contacts: Vec<Contact> = Vec::new();
    let mut draft = VendorDraft {
        name: String::new(),
        vendor_type: VendorType::Established,
        modalities: Vec::new(),
        website: String::new(),
        country: String::new(),
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
                contacts = value
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
    let draft = draft.normalized();
    let mut issues = draft.validate();
    issues.extend(check_contacts(&contacts));
    if !issues.is_empty() {
        return Err(CsvError {
            line,
            column: None,
            problem: CsvProblem::Invalid { issues },
        });
    }
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
        contacts,
    })
}

/// The rules a contact line breaks, as a person of the directory would:
/// a name, texts within their limits, an e-mail that is one; at most
/// [`CONTACTS_MAX`] of them.
fn check_contacts(contacts: &[Contact]) -> Vec<ValidationError> {
    let mut e: Vec<ValidationError> = Vec::new();
    if contacts.len() > CONTACTS_MAX {
        e.push(ValidationError::with_limit("contacts", Rule::TooMany, CONTACTS_MAX));
    }
    for c in contacts {
        e.extend(check_required("contacts", &c.name, TITLE_MAX));
        for text in [&c.job_title, &c.phone] {
            e.extend(check_len("contacts", text, SHORT_TEXT_MAX));
        }
        e.extend(check_email("contacts", &c.email));
    }
    e.dedup_by(|a, b| a.rule == b.rule);
    e
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
pub(super) fn parse_key<T: for<'de> Deserialize<'de>>(value: &str) -> Option<T> {
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

/// One contact line, `name | job title | email | phone`; missing trailing
/// fields are empty; `None` when it has more than four fields.
fn parse_contact(line: &str) -> Option<Contact> {
    let mut parts = line.split('|').map(|p| p.trim().to_owned());
    let contact = Contact {
        name: parts.next().unwrap_or_default(),
        job_title: parts.next().unwrap_or_default(),
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
pub(super) fn detect_delimiter(text: &str) -> u8 {
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
