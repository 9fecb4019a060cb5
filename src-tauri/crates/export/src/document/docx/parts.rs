//! The package's parts other than the body and the styles: content types,
//! relationships, document properties, `document.xml` around the body,
//! numbering, settings, fonts, and the running header and footer.

use super::body::{Rel, RelKind};
use super::xml::{escape, lang_tag, one_line, run, DECLARATION, NS_R, NS_W};
use super::{HEADER_FOOTER_DISTANCE, MARGIN_SIDE, MARGIN_TOP_BOTTOM, PAGE_HEIGHT, PAGE_WIDTH};
use crate::document::Document;

/// Relationship types of the package and of `document.xml`.
const REL_OFFICE_DOCUMENT: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_CORE: &str = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const REL_APP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
const REL_BASE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// The relationships of `document.xml` that every file has, as (type,
/// target): ids `rId1`… in this order, the body's own following them.
const FIXED: [(&str, &str); 6] = [
    ("styles", "styles.xml"),
    ("numbering", "numbering.xml"),
    ("settings", "settings.xml"),
    ("fontTable", "fontTable.xml"),
    ("header", "header1.xml"),
    ("footer", "footer1.xml"),
];
/// How many fixed relationships come before the body's.
pub(super) const FIXED_RELS: usize = FIXED.len();
/// The ids of the header and footer relationships in [`FIXED`].
const HEADER_REL: &str = "rId5";
const FOOTER_REL: &str = "rId6";

/// Namespaces of `document.xml`: WordprocessingML, relationships, and the
/// three DrawingML ones a picture uses.
const DOCUMENT_NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#,
);

/// `[Content_Types].xml`: the type of every part (PNG by extension).
pub(super) fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let overrides = [
        ("/word/document.xml", format!("{wml}.document.main+xml")),
        ("/word/styles.xml", format!("{wml}.styles+xml")),
        ("/word/numbering.xml", format!("{wml}.numbering+xml")),
        ("/word/settings.xml", format!("{wml}.settings+xml")),
        ("/word/fontTable.xml", format!("{wml}.fontTable+xml")),
        ("/word/header1.xml", format!("{wml}.header+xml")),
        ("/word/footer1.xml", format!("{wml}.footer+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_owned(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_owned(),
        ),
    ];
    let mut xml = format!(
        concat!(
            r#"{}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/>"#,
            r#"<Default Extension="png" ContentType="image/png"/>"#,
        ),
        DECLARATION
    );
    for (part, kind) in overrides {
        xml.push_str(&format!(r#"<Override PartName="{part}" ContentType="{kind}"/>"#));
    }
    xml.push_str("</Types>");
    xml
}

/// `_rels/.rels`: where the document and its properties are.
pub(super) fn package_rels() -> String {
    let rels = [
        ("rId1", REL_OFFICE_DOCUMENT, "word/document.xml"),
        ("rId2", REL_CORE, "docProps/core.xml"),
        ("rId3", REL_APP, "docProps/app.xml"),
    ];
    let items: String = rels
        .iter()
        .map(|(id, kind, target)| format!(r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#))
        .collect();
    relationships(&items)
}

/// `word/_rels/document.xml.rels`: the fixed parts, then the body's links
/// (external) and pictures.
pub(super) fn document_rels(body_rels: &[Rel]) -> String {
    let mut items = String::new();
    for (i, (kind, target)) in FIXED.iter().enumerate() {
        items.push_str(&format!(
            r#"<Relationship Id="rId{}" Type="{REL_BASE}{kind}" Target="{target}"/>"#,
            i + 1
        ));
    }
    for rel in body_rels {
        let (kind, mode) = match rel.kind {
            RelKind::Hyperlink => ("hyperlink", r#" TargetMode="External""#),
            RelKind::Image => ("image", ""),
        };
        items.push_str(&format!(
            r#"<Relationship Id="{}" Type="{REL_BASE}{kind}" Target="{}"{mode}/>"#,
            rel.id,
            escape(&rel.target)
        ));
    }
    relationships(&items)
}

/// A relationships part holding `items`.
fn relationships(items: &str) -> String {
    format!(
        r#"{DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>"#
    )
}

/// `docProps/core.xml`: the title, the subtitle as subject, and the
/// language. No dates, so the same document gives the same file.
pub(super) fn core(doc: &Document) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:language>{lang}</dc:language>",
            "</cp:coreProperties>",
        ),
        decl = DECLARATION,
        title = one_line(&doc.title),
        subject = one_line(&doc.subtitle),
        lang = lang_tag(doc.lang),
    )
}

/// `docProps/app.xml`: the application that wrote the file.
pub(super) fn app() -> String {
    format!(
        concat!(
            "{}",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
            r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "<Application>Atelier</Application></Properties>",
        ),
        DECLARATION
    )
}

/// `word/document.xml`: the body, then the section properties in
/// `CT_SectPr` order — header and footer references first, then A4 page
/// size and margins.
pub(super) fn document(body: &str) -> String {
    format!(
        concat!(
            "{decl}<w:document {ns}><w:body>{body}<w:sectPr>",
            r#"<w:headerReference w:type="default" r:id="{header}"/>"#,
            r#"<w:footerReference w:type="default" r:id="{footer}"/>"#,
            r#"<w:pgSz w:w="{pw}" w:h="{ph}"/>"#,
            r#"<w:pgMar w:top="{my}" w:right="{mx}" w:bottom="{my}" w:left="{mx}" "#,
            r#"w:header="{hf}" w:footer="{hf}" w:gutter="0"/>"#,
            r#"<w:cols w:space="708"/><w:docGrid w:linePitch="360"/>"#,
            "</w:sectPr></w:body></w:document>",
        ),
        decl = DECLARATION,
        ns = DOCUMENT_NAMESPACES,
        body = body,
        header = HEADER_REL,
        footer = FOOTER_REL,
        pw = PAGE_WIDTH,
        ph = PAGE_HEIGHT,
        mx = MARGIN_SIDE,
        my = MARGIN_TOP_BOTTOM,
        hf = HEADER_FOOTER_DISTANCE,
    )
}

/// `word/numbering.xml`: a bullet and a decimal definition, then one
/// instance per list (`lists[i]`: numbered or not, numId `i + 1`). A
/// numbered list's instance overrides its start, so that it counts from
/// 1 again rather than on from the previous list (Word continues across
/// instances of one definition without it).
pub(super) fn numbering(lists: &[bool]) -> String {
    let mut xml = format!(
        "{DECLARATION}<w:numbering xmlns:w=\"{NS_W}\">{}{}",
        abstract_num(0, "bullet", "\u{2022}"),
        abstract_num(1, "decimal", "%1."),
    );
    for (i, &ordered) in lists.iter().enumerate() {
        let restart = if ordered {
            r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>"#
        } else {
            ""
        };
        xml.push_str(&format!(
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="{}"/>{restart}</w:num>"#,
            i + 1,
            u8::from(ordered)
        ));
    }
    xml.push_str("</w:numbering>");
    xml
}

/// A one-level list definition, its children in `CT_AbstractNum` and
/// `CT_Lvl` order.
fn abstract_num(id: u8, format: &str, text: &str) -> String {
    format!(
        concat!(
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/>"#,
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{format}"/>"#,
            r#"<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>"#,
            r#"<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>"#,
        ),
        id = id,
        format = format,
        text = text,
    )
}

/// `word/settings.xml`, in `CT_Settings` order: zoom, tab stops, Word
/// 2013+ layout (not compatibility mode), and the language for the
/// theme's fonts.
pub(super) fn settings(lang: &str) -> String {
    format!(
        concat!(
            r#"{decl}<w:settings xmlns:w="{ns}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/><w:compat>"#,
            r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
            r#"</w:compat><w:themeFontLang w:val="{lang}"/></w:settings>"#,
        ),
        decl = DECLARATION,
        ns = NS_W,
        lang = lang_tag(lang),
    )
}

/// `word/fontTable.xml`: the fonts the styles name, with the font Word
/// should use where they are not installed.
pub(super) fn font_table() -> String {
    let font = |name: &str, alt: &str, family: &str, pitch: &str| {
        format!(
            concat!(
                r#"<w:font w:name="{}"><w:altName w:val="{}"/><w:charset w:val="00"/>"#,
                r#"<w:family w:val="{}"/><w:pitch w:val="{}"/></w:font>"#,
            ),
            name, alt, family, pitch
        )
    };
    format!(
        "{DECLARATION}<w:fonts xmlns:w=\"{NS_W}\">{}{}</w:fonts>",
        font(super::styles::SANS, "Arial", "swiss", "variable"),
        font(super::styles::MONO, "Courier New", "modern", "fixed"),
    )
}

/// `word/header1.xml`: the running header's text.
pub(super) fn header(text: &str) -> String {
    format!(
        r#"{DECLARATION}<w:hdr xmlns:w="{NS_W}" xmlns:r="{NS_R}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>{}</w:p></w:hdr>"#,
        run("", text)
    )
}

/// `word/footer1.xml`: the running footer's text, then at the right tab
/// stop "Page 2 / 5" with the page number and page count as fields, which
/// the word processor fills in.
pub(super) fn footer(doc: &Document) -> String {
    let page_word = if doc.page_word.is_empty() {
        String::new()
    } else {
        format!("{} ", doc.page_word)
    };
    format!(
        r#"{DECLARATION}<w:ftr xmlns:w="{NS_W}" xmlns:r="{NS_R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{}<w:r><w:tab/></w:r>{}{}{}{}</w:p></w:ftr>"#,
        run("", &doc.footer),
        run("", &page_word),
        field("PAGE"),
        run("", " / "),
        field("NUMPAGES"),
    )
}

/// A complex field (`PAGE`, `NUMPAGES`): begin, instruction, separator, a
/// placeholder result, end.
fn field(instruction: &str) -> String {
    format!(
        concat!(
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:instrText xml:space="preserve"> {} </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        ),
        instruction
    )
}
