//! The inside of `w:body`: the document's blocks in reading order, and
//! what they point to outside `document.xml` — hyperlink targets, chart
//! pictures and one numbering instance per list.

use super::xml::{one_line, run};
use super::TEXT_WIDTH;
use crate::document::{Align, BarChart, Block, Document, Fact, Span, Table};

/// What the body refers to by relationship: a web link or a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RelKind {
    Hyperlink,
    Image,
}

/// One relationship of `document.xml` the body added.
#[derive(Debug, Clone)]
pub(super) struct Rel {
    pub id: String,
    pub kind: RelKind,
    /// The URL (hyperlinks) or the part's path under `word/` (pictures).
    pub target: String,
}

/// The body's XML and everything it refers to.
#[derive(Debug, Default)]
pub(super) struct Body {
    pub xml: String,
    /// Relationships added by the body, after the fixed ones (styles,
    /// numbering, header…) that `parts` writes first.
    pub rels: Vec<Rel>,
    /// Pictures: their path under `word/` and their PNG bytes.
    pub media: Vec<(String, Vec<u8>)>,
    /// One numbering instance per list, in order (`numId` = index + 1):
    /// whether it is numbered. Each list has its own so that every
    /// numbered list starts again at 1.
    pub lists: Vec<bool>,
}

/// Width of a chart picture: 16 cm in EMUs (360 000 per cm), inside the
/// 16.6 cm text width.
const PICTURE_WIDTH_EMU: u64 = 16 * 360_000;
/// Tallest a chart picture may be (20 cm), so it fits on a page.
const PICTURE_MAX_HEIGHT_EMU: u64 = 20 * 360_000;

/// Table colours: cell borders, the header row's shading, every other
/// row's shading and the facts' separating lines.
const RULE_COLOUR: &str = "C5CED8";
const HEADER_FILL: &str = "DCE5EF";
const BAND_FILL: &str = "F4F6F9";
const FACT_RULE_COLOUR: &str = "E1E6EC";

/// The document's title, subtitle and blocks as the body of `document.xml`
/// (without its section properties).
pub(super) fn write(doc: &Document, chart_png: &dyn Fn(&BarChart) -> Option<Vec<u8>>) -> Body {
    let mut body = Body::default();
    if !doc.title.is_empty() {
        body.styled_paragraph("Title", &doc.title);
    }
    if !doc.subtitle.is_empty() {
        body.styled_paragraph("Subtitle", &doc.subtitle);
    }
    for block in &doc.blocks {
        body.block(block, chart_png);
    }
    body
}

impl Body {
    /// Appends one block.
    fn block(&mut self, block: &Block, chart_png: &dyn Fn(&BarChart) -> Option<Vec<u8>>) {
        match block {
            Block::Heading { level, text } => {
                // The title is the document's only level above Heading 1.
                let style = format!("Heading{}", (*level).clamp(1, 3));
                self.styled_paragraph(&style, text);
            }
            Block::Paragraph { spans } => {
                let runs = self.spans(spans);
                self.xml.push_str(&paragraph("", &runs));
            }
            Block::List { ordered, items } => self.list(*ordered, items),
            Block::Facts { facts } => self.facts(facts),
            Block::Table(table) => self.table(table),
            Block::Chart(chart) => self.chart(chart, chart_png(chart)),
        }
    }

    /// A paragraph of plain `text` in paragraph style `style`.
    fn styled_paragraph(&mut self, style: &str, text: &str) {
        let ppr = format!(r#"<w:pStyle w:val="{style}"/>"#);
        self.xml.push_str(&paragraph(&ppr, &run("", text)));
    }

    /// Styled runs; a linked run sits in a `w:hyperlink` pointing to an
    /// external relationship.
    fn spans(&mut self, spans: &[Span]) -> String {
        let mut out = String::new();
        for span in spans.iter().filter(|s| !s.text.is_empty()) {
            let target = span.link.as_deref().map(uri).filter(|t| !t.is_empty());
            let runs = run(&span_rpr(span, target.is_some()), &span.text);
            match target {
                Some(target) => {
                    let id = self.add_rel(RelKind::Hyperlink, target);
                    out.push_str(&format!(
                        r#"<w:hyperlink r:id="{id}" w:history="1">{runs}</w:hyperlink>"#
                    ));
                }
                None => out.push_str(&runs),
            }
        }
        out
    }

    /// A list: one List Paragraph per item, all tied to a numbering
    /// instance of their own.
    fn list(&mut self, ordered: bool, items: &[Vec<Span>]) {
        if items.is_empty() {
            return;
        }
        self.lists.push(ordered);
        let num_id = self.lists.len();
        let ppr = format!(
            r#"<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>"#
        );
        for item in items {
            let runs = self.spans(item);
            self.xml.push_str(&paragraph(&ppr, &runs));
        }
    }

    /// Label–value pairs as a borderless two-column table, labels in bold.
    fn facts(&mut self, facts: &[Fact]) {
        let grid = Grid {
            columns: vec![
                GridColumn {
                    align: Align::Left,
                    weight: 1,
                    bold: true,
                },
                GridColumn {
                    align: Align::Left,
                    weight: 2,
                    bold: false,
                },
            ],
            header: None,
            rows: facts.iter().map(|f| vec![f.label.as_str(), f.value.as_str()]).collect(),
            ruled: false,
        };
        self.grid(&grid);
    }

    /// A data table, its column titles as a header row that repeats.
    fn table(&mut self, table: &Table) {
        let width = table.rows.iter().map(Vec::len).fold(table.columns.len(), usize::max);
        let columns = (0..width)
            .map(|i| {
                let column = table.columns.get(i);
                GridColumn {
                    align: column.map_or(Align::Left, |c| c.align),
                    weight: column.map_or(1, |c| u32::from(c.weight)),
                    bold: false,
                }
            })
            .collect();
        let grid = Grid {
            columns,
            header: Some(table.columns.iter().map(|c| c.title.as_str()).collect()),
            rows: table
                .rows
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect(),
            ruled: true,
        };
        self.grid(&grid);
    }

    /// A chart: its caption, then its picture, or a table of its bars
    /// where there is no usable picture.
    fn chart(&mut self, chart: &BarChart, png: Option<Vec<u8>>) {
        if !chart.caption.is_empty() {
            self.styled_paragraph("Caption", &chart.caption);
        }
        match png.and_then(|png| png_size(&png).map(|size| (png, size))) {
            Some((png, size)) => self.picture(png, size, &chart.caption),
            None => {
                let grid = Grid {
                    columns: vec![
                        GridColumn {
                            align: Align::Left,
                            weight: 3,
                            bold: false,
                        },
                        GridColumn {
                            align: Align::Right,
                            weight: 1,
                            bold: false,
                        },
                    ],
                    header: None,
                    rows: chart
                        .bars
                        .iter()
                        .map(|b| vec![b.label.as_str(), b.value_text.as_str()])
                        .collect(),
                    ruled: true,
                };
                self.grid(&grid);
            }
        }
    }

    /// A centred paragraph holding a PNG as an inline DrawingML picture,
    /// 16 cm wide (less if it would be taller than 20 cm) with the image's
    /// own proportions; `alt` is its alternative text.
    fn picture(&mut self, png: Vec<u8>, (px_w, px_h): (u32, u32), alt: &str) {
        let n = self.media.len() + 1;
        let path = format!("media/chart{n}.png");
        let id = self.add_rel(RelKind::Image, path.clone());
        self.media.push((path, png));
        let (cx, cy) = picture_extent(px_w, px_h);
        let alt = one_line(alt);
        let drawing = format!(
            concat!(
                r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">"#,
                r#"<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>"#,
                r#"<wp:docPr id="{n}" name="Chart {n}" descr="{alt}"/>"#,
                r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
                r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
                r#"<pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="chart{n}.png" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
                r#"<pic:blipFill><a:blip r:embed="{id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
                r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>"#,
                r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"#,
                r#"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#,
            ),
            cx = cx,
            cy = cy,
            n = n,
            alt = alt,
            id = id,
        );
        self.xml.push_str(&paragraph(r#"<w:jc w:val="center"/>"#, &drawing));
    }

    /// Registers a relationship and gives its id. Ids follow the fixed
    /// relationships `parts` writes first.
    fn add_rel(&mut self, kind: RelKind, target: String) -> String {
        let id = format!("rId{}", super::parts::FIXED_RELS + self.rels.len() + 1);
        self.rels.push(Rel {
            id: id.clone(),
            kind,
            target,
        });
        id
    }

    /// A table, then a small empty paragraph: Word needs a paragraph
    /// between two tables to keep them apart, and it gives the table room
    /// below. A table without columns or rows is left out: Word takes
    /// one for a damaged file.
    fn grid(&mut self, grid: &Grid) {
        if grid.columns.is_empty() || (grid.header.is_none() && grid.rows.is_empty()) {
            return;
        }
        let widths = column_widths(&grid.columns);
        let mut xml = String::from("<w:tbl>");
        xml.push_str(&table_properties(grid.ruled));
        xml.push_str("<w:tblGrid>");
        for w in &widths {
            xml.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
        }
        xml.push_str("</w:tblGrid>");
        if let Some(titles) = &grid.header {
            xml.push_str(&row(grid, &widths, titles, RowKind::Header));
        }
        for (i, cells) in grid.rows.iter().enumerate() {
            let kind = if grid.ruled && i % 2 == 1 {
                RowKind::Banded
            } else {
                RowKind::Plain
            };
            xml.push_str(&row(grid, &widths, cells, kind));
        }
        xml.push_str("</w:tbl>");
        xml.push_str(concat!(
            r#"<w:p><w:pPr><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/>"#,
            r#"<w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:pPr></w:p>"#,
        ));
        self.xml.push_str(&xml);
    }
}

/// A table to write: its columns, an optional header row, its rows (any
/// length; missing cells are empty) and whether it is ruled (borders,
/// shaded header, banded rows) or plain (the facts: thin lines only).
struct Grid<'a> {
    columns: Vec<GridColumn>,
    header: Option<Vec<&'a str>>,
    rows: Vec<Vec<&'a str>>,
    ruled: bool,
}

/// How a column's cells are written.
struct GridColumn {
    align: Align,
    /// Share of the width relative to the other columns (0 counts as 1).
    weight: u32,
    bold: bool,
}

/// Which kind of row: the header (repeats on each page, shaded, bold), a
/// body row, or a body row shaded for banding.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Header,
    Plain,
    Banded,
}

/// A paragraph with properties `ppr` (the inside of `w:pPr`, in schema
/// order; empty for none) and content `runs`.
fn paragraph(ppr: &str, runs: &str) -> String {
    let props = if ppr.is_empty() {
        String::new()
    } else {
        format!("<w:pPr>{ppr}</w:pPr>")
    };
    format!("<w:p>{props}{runs}</w:p>")
}

/// The run properties of a span, in `CT_RPr` order: a character style
/// (Hyperlink wins over Code), the monospace font for linked code, then
/// bold and italic.
fn span_rpr(span: &Span, linked: bool) -> String {
    let mut rpr = String::new();
    if linked {
        rpr.push_str(r#"<w:rStyle w:val="Hyperlink"/>"#);
        if span.code {
            rpr.push_str(&format!(
                r#"<w:rFonts w:ascii="{m}" w:hAnsi="{m}" w:cs="{m}"/>"#,
                m = super::styles::MONO
            ));
        }
    } else if span.code {
        rpr.push_str(r#"<w:rStyle w:val="Code"/>"#);
    }
    if span.bold {
        rpr.push_str("<w:b/>");
    }
    if span.italic {
        rpr.push_str("<w:i/>");
    }
    rpr
}

/// `link` as a relationship target a strict reader accepts as a URI:
/// bytes outside URI syntax (spaces, accents, quotes, braces, controls)
/// percent-encoded, and a `%` too unless it already starts an escape, as
/// a URL is often encoded already.
fn uri(link: &str) -> String {
    let bytes = link.trim().as_bytes();
    let mut out = String::with_capacity(bytes.len());
    for (i, &byte) in bytes.iter().enumerate() {
        let escape_start = byte == b'%'
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit));
        let plain = byte.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&byte);
        if plain || escape_start {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The pixel size of a PNG, read from its IHDR chunk; `None` when `png`
/// is not a PNG (or is empty), so that nothing unreadable is embedded.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !png.starts_with(SIGNATURE) || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let height = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    (width > 0 && height > 0).then_some((width, height))
}

/// The size of a picture on the page in EMUs: [`PICTURE_WIDTH_EMU`] wide
/// with the image's proportions, scaled down to fit
/// [`PICTURE_MAX_HEIGHT_EMU`]; never zero.
fn picture_extent(px_w: u32, px_h: u32) -> (u64, u64) {
    let (w, h) = (u64::from(px_w.max(1)), u64::from(px_h.max(1)));
    let height = PICTURE_WIDTH_EMU * h / w;
    if height <= PICTURE_MAX_HEIGHT_EMU {
        (PICTURE_WIDTH_EMU, height.max(1))
    } else {
        ((PICTURE_MAX_HEIGHT_EMU * w / h).max(1), PICTURE_MAX_HEIGHT_EMU)
    }
}

/// Column widths in twips from the columns' weights, filling the text
/// width exactly (the last column takes the rounding).
fn column_widths(columns: &[GridColumn]) -> Vec<u64> {
    let weights: Vec<u64> = columns.iter().map(|c| u64::from(c.weight.max(1))).collect();
    let total: u64 = weights.iter().sum();
    let text_width = u64::from(TEXT_WIDTH);
    let mut widths: Vec<u64> = weights.iter().map(|w| text_width * w / total).collect();
    let used: u64 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += text_width.saturating_sub(used);
    }
    widths
}

/// `w:tblPr` in `CT_TblPr` order: the style, a fixed width, borders,
/// fixed layout (the grid's widths hold whatever the text), cell margins
/// and the look. Borders are written on the table too, not only in the
/// style, so that every word processor draws them.
fn table_properties(ruled: bool) -> String {
    let single = |colour: &str| format!(r#"w:val="single" w:sz="4" w:space="0" w:color="{colour}""#);
    let (style, horizontal, vertical) = if ruled {
        ("TableGrid", single(RULE_COLOUR), single(RULE_COLOUR))
    } else {
        ("TableNormal", single(FACT_RULE_COLOUR), r#"w:val="nil""#.to_owned())
    };
    let borders = format!(
        "<w:top {horizontal}/><w:left {vertical}/><w:bottom {horizontal}/><w:right {vertical}/>\
         <w:insideH {horizontal}/><w:insideV {vertical}/>"
    );
    format!(
        concat!(
            r#"<w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{width}" w:type="dxa"/>"#,
            r#"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>"#,
            r#"<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>"#,
            r#"<w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>"#,
            r#"<w:tblLook w:val="04A0" w:firstRow="{first}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" "#,
            r#"w:noHBand="{no_band}" w:noVBand="1"/></w:tblPr>"#,
        ),
        style = style,
        width = TEXT_WIDTH,
        borders = borders,
        first = u8::from(ruled),
        no_band = u8::from(!ruled),
    )
}

/// One table row: `w:trPr` (rows never split across pages; the header
/// row marked to repeat), then one cell per column.
fn row(grid: &Grid, widths: &[u64], cells: &[&str], kind: RowKind) -> String {
    let header = if kind == RowKind::Header { "<w:tblHeader/>" } else { "" };
    let mut xml = format!("<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>");
    for (i, (column, width)) in grid.columns.iter().zip(widths).enumerate() {
        let text = cells.get(i).copied().unwrap_or("");
        xml.push_str(&cell(column, *width, text, kind));
    }
    xml.push_str("</w:tr>");
    xml
}

/// One cell: `w:tcPr` in `CT_TcPr` order (width, shading), then its
/// paragraph in the Table Text style, right-aligned for figures.
fn cell(column: &GridColumn, width: u64, text: &str, kind: RowKind) -> String {
    let fill = match kind {
        RowKind::Header => Some(HEADER_FILL),
        RowKind::Banded => Some(BAND_FILL),
        RowKind::Plain => None,
    };
    let shading = fill.map_or(String::new(), |f| {
        format!(r#"<w:shd w:val="clear" w:color="auto" w:fill="{f}"/>"#)
    });
    let jc = match column.align {
        Align::Right => r#"<w:jc w:val="right"/>"#,
        Align::Left => "",
    };
    let ppr = format!(r#"<w:pStyle w:val="TableText"/>{jc}"#);
    let rpr = if kind == RowKind::Header || column.bold {
        "<w:b/>"
    } else {
        ""
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>{}</w:tc>"#,
        paragraph(&ppr, &run(rpr, text)),
    )
}
