//! The export: the registry as a CSV file a spreadsheet opens as it is.

use atelier_core::person::Person;
use atelier_core::scorecard::Criterion;
use atelier_core::vendor::Vendor;

use super::{modality_key, score_key, stage_key, vendor_type_key, CsvDialect, FIXED_COLUMNS, LIST_SEPARATOR, UTF8_BOM};

/// The registry as a CSV file: UTF-8 with a BOM, CRLF line ends, cells
/// quoted where needed, one row per vendor in the order given, its people
/// (those of `people` who work for it, in the order given) in the contacts
/// cell, and one score column per criterion in the order given (empty when
/// unscored).
pub fn write_registry(vendors: &[Vendor], people: &[Person], criteria: &[Criterion], dialect: CsvDialect) -> Vec<u8> {
    // Writing to memory cannot fail and every row has the header's length,
    // so the error branch is unreachable; an empty file beats a panic.
    try_write_registry(vendors, people, criteria, dialect).unwrap_or_default()
}

fn try_write_registry(
    vendors: &[Vendor],
    people: &[Person],
    criteria: &[Criterion],
    dialect: CsvDialect,
) -> Result<Vec<u8>, csv::Error> {
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
            people
                .iter()
                .filter(|p| p.fields.vendor() == Some(v.id))
                .map(contact_line)
                .collect::<Vec<_>>()
                .join("\n"),
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

/// `name | job title | email | phone`, trailing empty fields dropped.
fn contact_line(p: &Person) -> String {
    let f = &p.fields;
    let mut parts = vec![f.name.as_str(), &f.job_title, &f.email, &f.phone];
    while parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts.join(LIST_SEPARATOR)
}
