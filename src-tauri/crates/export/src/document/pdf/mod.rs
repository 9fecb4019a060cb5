//! A [`Document`] as a PDF, typeset by typst used as a library: the
//! embedded template (`brief.typ`) lays out the document, which it reads as
//! JSON data — the user's text is a string value there, never markup — in a
//! closed [`world`] of our own (embedded fonts, no disk, no packages). The
//! PDF is tagged, its fonts embedded and subset.
//!
//! The same template draws a bar chart alone, as a PNG, for the Word
//! writer: the chart looks the same in both files.

mod world;

#[cfg(test)]
mod tests;

use serde::Serialize;
use typst::diag::{SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;
use typst_render::RenderOptions;

use super::{BarChart, Document};
use world::BriefWorld;

/// Pixels per typographic point of a chart's image: 2× for sharp text on
/// screens and in print at the size Word shows it.
const CHART_SCALE: f64 = 2.0;

/// The most pixels a chart's image may have (a chart of a few thousand bars
/// would need hundreds of megabytes).
const MAX_CHART_PIXELS: f64 = 40_000_000.0;

/// How many exports typst's memoised results survive without being used:
/// enough for an export to reuse the last ones, bounded so that a long
/// session does not grow without end.
const CACHE_GENERATIONS: usize = 16;

/// Why a document or chart could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The document could not be turned into the template's data.
    #[error("the document could not be prepared for typesetting: {0}")]
    Data(String),
    /// The template's files could not be named (a bug of this module).
    #[error("the typesetting template could not be loaded: {0}")]
    Template(String),
    /// Typst refused the template or the data; its messages, joined.
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// The typeset pages could not be written as PDF.
    #[error("writing the PDF failed: {0}")]
    Pdf(String),
    /// The chart would make an image too large to hold.
    #[error("the chart is too large to draw as an image ({width} × {height} pixels)")]
    ChartTooLarge { width: u64, height: u64 },
    /// The chart's pixels could not be encoded.
    #[error("PNG encoding failed: {0}")]
    Png(String),
}

/// What the template reads from `/data.json`: a whole document, or one
/// chart alone in a language.
#[derive(Serialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
enum Input<'a> {
    Document { document: &'a Document },
    Chart { lang: &'a str, chart: &'a BarChart },
}

/// The whole document as a tagged PDF, with Noto Sans embedded and subset.
pub fn write(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let pages = typeset(&Input::Document { document: doc })?;
    let options = PdfOptions {
        creator: Smart::Custom(Some("Atelier".to_owned())),
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&pages, &options).map_err(|errors| PdfError::Pdf(messages(&errors)))
}

/// One bar chart alone as a PNG image (2 pixels per point, white
/// background), drawn by the same template and fonts as in the PDF, for
/// the Word writer to embed.
pub fn chart_png(chart: &BarChart, lang: &str) -> Result<Vec<u8>, PdfError> {
    let pages = typeset(&Input::Chart { lang, chart })?;
    // The chart's page is as tall as the chart: one page.
    let Some(page) = pages.pages().first() else {
        return Err(PdfError::Typeset("the chart produced no page".to_owned()));
    };
    check_image_size(page.frame.width().to_pt(), page.frame.height().to_pt())?;
    let options = RenderOptions {
        pixel_per_pt: CHART_SCALE.into(),
        render_bleed: false,
    };
    typst_render::render(page, &options)
        .encode_png()
        .map_err(|e| PdfError::Png(e.to_string()))
}

/// Refuses a chart whose image at [`CHART_SCALE`] would be too large.
fn check_image_size(width_pt: f64, height_pt: f64) -> Result<(), PdfError> {
    let (width, height) = ((width_pt * CHART_SCALE).ceil(), (height_pt * CHART_SCALE).ceil());
    if width * height > MAX_CHART_PIXELS || !width.is_finite() || !height.is_finite() {
        // Saturating float-to-int casts: the figures are only for the message.
        return Err(PdfError::ChartTooLarge {
            width: width as u64,
            height: height as u64,
        });
    }
    Ok(())
}

/// Lays `input` out with the template, in a world of its own.
fn typeset(input: &Input<'_>) -> Result<PagedDocument, PdfError> {
    let data = serde_json::to_vec(input).map_err(|e| PdfError::Data(e.to_string()))?;
    let world = BriefWorld::new(data).map_err(|e| PdfError::Template(e.to_string()))?;
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    // Forget what the exports before the last few memoised.
    typst::comemo::evict(CACHE_GENERATIONS);
    output.map_err(|errors| PdfError::Typeset(messages(&errors)))
}

/// Typst's diagnostics as one line: their messages, joined.
fn messages(errors: &EcoVec<SourceDiagnostic>) -> String {
    let all: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    all.join("; ")
}
