//! A [`Document`] as a Word file (.docx): the same content as the Markdown
//! and PDF files, with Word's own building blocks so that a colleague can
//! go on editing it — the built-in Title and Heading 1–3 styles (the
//! navigation pane and a table of contents work), real lists, tables whose
//! header row repeats on every page, and a running header and footer with
//! the page number as a field.
//!
//! The OOXML is written here by hand rather than through a library: the
//! one measured (docx-rs) wrote elements out of the schema's order, which
//! Word "repairs" with a warning. Every element's children are written in
//! the order of ECMA-376's `wml.xsd`, and the tests check that order.
//! User text only reaches the XML escaped, through the functions of
//! `xml.rs`.

mod body;
mod parts;
mod styles;
mod xml;

#[cfg(test)]
mod tests;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{BarChart, Document};

/// Page geometry in twentieths of a point (twips): A4 portrait with
/// 2.2 cm side margins and 2.5 cm top and bottom ones.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN_SIDE: u32 = 1247;
const MARGIN_TOP_BOTTOM: u32 = 1417;
/// Distance of the running header and footer from the page's edge.
const HEADER_FOOTER_DISTANCE: u32 = 708;
/// The width text runs across, which tables and tab stops fill.
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN_SIDE;

/// Why a Word file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("could not write the Word file's zip container: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write a part of the Word file: {0}")]
    Io(#[from] std::io::Error),
}

/// The whole document as a .docx file. `chart_png` draws a chart as a PNG
/// image; where it gives none (or something that is not a PNG), the chart
/// is written as a table of its labels and values instead.
pub fn write(doc: &Document, chart_png: &dyn Fn(&BarChart) -> Option<Vec<u8>>) -> Result<Vec<u8>, DocxError> {
    let body = body::write(doc, chart_png);
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), parts::content_types().into_bytes()),
        ("_rels/.rels".into(), parts::package_rels().into_bytes()),
        ("docProps/core.xml".into(), parts::core(doc).into_bytes()),
        ("docProps/app.xml".into(), parts::app().into_bytes()),
        ("word/document.xml".into(), parts::document(&body.xml).into_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            parts::document_rels(&body.rels).into_bytes(),
        ),
        ("word/styles.xml".into(), styles::styles(doc.lang).into_bytes()),
        ("word/numbering.xml".into(), parts::numbering(&body.lists).into_bytes()),
        ("word/settings.xml".into(), parts::settings(doc.lang).into_bytes()),
        ("word/fontTable.xml".into(), parts::font_table().into_bytes()),
        ("word/header1.xml".into(), parts::header(&doc.header).into_bytes()),
        ("word/footer1.xml".into(), parts::footer(doc).into_bytes()),
    ];
    files.extend(body.media.into_iter().map(|(path, png)| (format!("word/{path}"), png)));
    zip_package(files)
}

/// The parts in a zip container, `[Content_Types].xml` first as Office
/// writes it. PNGs are stored as they are (already compressed), the XML
/// deflated.
fn zip_package(files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, DocxError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        let method = if name.ends_with(".png") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        zip.start_file(name, SimpleFileOptions::default().compression_method(method))?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
