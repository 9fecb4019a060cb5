//! `word/styles.xml`: Word's built-in styles the body uses (Normal, Title,
//! Subtitle, Heading 1–3 with their outline levels, List Paragraph,
//! Caption, Header, Footer, Hyperlink, the default and grid table styles)
//! with their built-in ids and names, so that Word treats them as its own
//! — the navigation pane, the table of contents, the style gallery — plus
//! two of Atelier's: Table Text and Code.

use super::xml::{lang_tag, DECLARATION, NS_W};
use super::TEXT_WIDTH;

/// The text font (embedded in Atelier's PDF too) and the code font.
pub(super) const SANS: &str = "Noto Sans";
pub(super) const MONO: &str = "Noto Sans Mono";

/// Colours: body text, headings, secondary text (subtitle, captions,
/// header and footer), links, rules.
const INK: &str = "1F2933";
const NAVY: &str = "1F3A5F";
const ACCENT: &str = "2E5C8A";
const GREY: &str = "5B6770";
const LINK: &str = "1F5FAD";
const RULE: &str = "C5CED8";

/// One `w:style`, its children written in `CT_Style` order by
/// [`Style::xml`]. `ppr`, `rpr` and `tblpr` are the insides of those
/// elements, themselves in schema order.
struct Style {
    kind: &'static str,
    id: &'static str,
    name: &'static str,
    default: bool,
    custom: bool,
    based_on: Option<&'static str>,
    next: Option<&'static str>,
    priority: Option<u32>,
    /// Hidden from the gallery until used (`semiHidden`, `unhideWhenUsed`).
    hidden: bool,
    /// Shown in the quick style gallery (`qFormat`).
    quick: bool,
    ppr: String,
    rpr: String,
    tblpr: String,
}

/// The fields most styles leave as they are.
const BASE: Style = Style {
    kind: "paragraph",
    id: "",
    name: "",
    default: false,
    custom: false,
    based_on: Some("Normal"),
    next: None,
    priority: None,
    hidden: false,
    quick: false,
    ppr: String::new(),
    rpr: String::new(),
    tblpr: String::new(),
};

impl Style {
    /// The style as XML: name, basedOn, next, uiPriority, semiHidden,
    /// unhideWhenUsed, qFormat, pPr, rPr, tblPr.
    fn xml(&self) -> String {
        let mut attrs = format!(r#"w:type="{}""#, self.kind);
        if self.default {
            attrs.push_str(r#" w:default="1""#);
        }
        if self.custom {
            attrs.push_str(r#" w:customStyle="1""#);
        }
        let mut xml = format!(
            r#"<w:style {attrs} w:styleId="{}"><w:name w:val="{}"/>"#,
            self.id, self.name
        );
        if let Some(based_on) = self.based_on {
            xml.push_str(&format!(r#"<w:basedOn w:val="{based_on}"/>"#));
        }
        if let Some(next) = self.next {
            xml.push_str(&format!(r#"<w:next w:val="{next}"/>"#));
        }
        if let Some(priority) = self.priority {
            xml.push_str(&format!(r#"<w:uiPriority w:val="{priority}"/>"#));
        }
        if self.hidden {
            xml.push_str("<w:semiHidden/><w:unhideWhenUsed/>");
        }
        if self.quick {
            xml.push_str("<w:qFormat/>");
        }
        for (name, inside) in [("pPr", &self.ppr), ("rPr", &self.rpr), ("tblPr", &self.tblpr)] {
            if !inside.is_empty() {
                xml.push_str(&format!("<w:{name}>{inside}</w:{name}>"));
            }
        }
        xml.push_str("</w:style>");
        xml
    }
}

/// The styles part, the document's language as the default one.
pub(super) fn styles(lang: &str) -> String {
    let mut xml = format!(r#"{DECLARATION}<w:styles xmlns:w="{NS_W}">{}"#, doc_defaults(lang));
    let all = [
        paragraph_styles(),
        heading_styles(),
        furniture_styles(),
        character_styles(),
        table_styles(),
    ];
    for style in all.iter().flatten() {
        xml.push_str(&style.xml());
    }
    xml.push_str("</w:styles>");
    xml
}

/// Defaults for every run and paragraph: the font, 10 pt dark text in the
/// document's language, 6 pt after each paragraph, 1.15 line spacing.
fn doc_defaults(lang: &str) -> String {
    format!(
        concat!(
            "<w:docDefaults><w:rPrDefault><w:rPr>",
            r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>"#,
            r#"<w:color w:val="{ink}"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="{lang}"/>"#,
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
            r#"<w:spacing w:after="120" w:line="276" w:lineRule="auto"/>"#,
            "</w:pPr></w:pPrDefault></w:docDefaults>",
        ),
        f = SANS,
        ink = INK,
        lang = lang_tag(lang),
    )
}

/// `rPr` content for bold coloured text of `size` half-points.
fn bold_text(colour: &str, size: u32) -> String {
    format!(r#"<w:b/><w:bCs/><w:color w:val="{colour}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#)
}

/// `rPr` content for coloured text of `size` half-points.
fn text(colour: &str, size: u32) -> String {
    format!(r#"<w:color w:val="{colour}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#)
}

/// Normal, Title, Subtitle, List Paragraph and Caption.
fn paragraph_styles() -> Vec<Style> {
    vec![
        Style {
            id: "Normal",
            name: "Normal",
            default: true,
            based_on: None,
            quick: true,
            ..BASE
        },
        Style {
            id: "Title",
            name: "Title",
            next: Some("Normal"),
            priority: Some(10),
            quick: true,
            ppr: format!(
                concat!(
                    r#"<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="{}"/></w:pBdr>"#,
                    r#"<w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/><w:contextualSpacing/>"#,
                ),
                ACCENT
            ),
            rpr: format!(
                r#"<w:b/><w:bCs/><w:color w:val="{NAVY}"/><w:kern w:val="28"/><w:sz w:val="48"/><w:szCs w:val="48"/>"#
            ),
            ..BASE
        },
        Style {
            id: "Subtitle",
            name: "Subtitle",
            next: Some("Normal"),
            priority: Some(11),
            quick: true,
            ppr: r#"<w:spacing w:before="60" w:after="360"/>"#.to_owned(),
            rpr: text(GREY, 24),
            ..BASE
        },
        Style {
            id: "ListParagraph",
            name: "List Paragraph",
            priority: Some(34),
            quick: true,
            ppr: r#"<w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/>"#.to_owned(),
            ..BASE
        },
        Style {
            id: "Caption",
            name: "caption",
            next: Some("Normal"),
            priority: Some(35),
            hidden: true,
            quick: true,
            ppr: r#"<w:keepNext/><w:spacing w:before="120" w:after="80"/>"#.to_owned(),
            rpr: format!("<w:i/><w:iCs/>{}", text(GREY, 18)),
            ..BASE
        },
    ]
}

/// Heading 1–3: built-in ids and names, kept with the next paragraph, and
/// with outline levels 0–2 so that the navigation pane and a table of
/// contents list them.
fn heading_styles() -> Vec<Style> {
    let heading = |id, name, level: u8, before: u32, colour: &str, size| Style {
        id,
        name,
        next: Some("Normal"),
        priority: Some(9),
        quick: true,
        ppr: format!(
            r#"<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{level}"/>"#
        ),
        rpr: bold_text(colour, size),
        ..BASE
    };
    vec![
        heading("Heading1", "heading 1", 0, 360, NAVY, 32),
        heading("Heading2", "heading 2", 1, 280, ACCENT, 26),
        heading("Heading3", "heading 3", 2, 200, ACCENT, 22),
    ]
}

/// Header, Footer (a right tab stop at the text's edge for the page
/// number, a thin rule towards the text) and Atelier's Table Text (tight
/// spacing, 9 pt).
fn furniture_styles() -> Vec<Style> {
    let running = |id, name, rule_side: &str| Style {
        id,
        name,
        priority: Some(99),
        hidden: true,
        ppr: format!(
            concat!(
                r#"<w:pBdr><w:{side} w:val="single" w:sz="4" w:space="4" w:color="{rule}"/></w:pBdr>"#,
                r#"<w:tabs><w:tab w:val="right" w:pos="{width}"/></w:tabs>"#,
                r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#,
            ),
            side = rule_side,
            rule = RULE,
            width = TEXT_WIDTH,
        ),
        rpr: text(GREY, 16),
        ..BASE
    };
    vec![
        running("Header", "header", "bottom"),
        running("Footer", "footer", "top"),
        Style {
            id: "TableText",
            name: "Table Text",
            custom: true,
            quick: true,
            ppr: r#"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#.to_owned(),
            rpr: r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#.to_owned(),
            ..BASE
        },
    ]
}

/// Default Paragraph Font, Hyperlink and Atelier's Code (monospace on a
/// light grey ground).
fn character_styles() -> Vec<Style> {
    vec![
        Style {
            kind: "character",
            id: "DefaultParagraphFont",
            name: "Default Paragraph Font",
            default: true,
            based_on: None,
            priority: Some(1),
            hidden: true,
            ..BASE
        },
        Style {
            kind: "character",
            id: "Hyperlink",
            name: "Hyperlink",
            based_on: Some("DefaultParagraphFont"),
            priority: Some(99),
            hidden: true,
            rpr: format!(r#"<w:color w:val="{LINK}"/><w:u w:val="single"/>"#),
            ..BASE
        },
        Style {
            kind: "character",
            id: "Code",
            name: "Code",
            custom: true,
            based_on: Some("DefaultParagraphFont"),
            quick: true,
            rpr: format!(
                concat!(
                    r#"<w:rFonts w:ascii="{m}" w:hAnsi="{m}" w:cs="{m}"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
                    r#"<w:shd w:val="clear" w:color="auto" w:fill="EEF1F4"/>"#,
                ),
                m = MONO
            ),
            ..BASE
        },
    ]
}

/// Normal Table (Word's default: no borders, standard cell margins) and
/// Table Grid (thin borders), which the body's tables name.
fn table_styles() -> Vec<Style> {
    let margins = concat!(
        r#"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>"#,
        r#"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>"#,
    );
    let line = format!(r#"w:val="single" w:sz="4" w:space="0" w:color="{RULE}""#);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| format!("<w:{side} {line}/>"))
        .collect();
    vec![
        Style {
            kind: "table",
            id: "TableNormal",
            name: "Normal Table",
            default: true,
            based_on: None,
            priority: Some(99),
            hidden: true,
            tblpr: format!(r#"<w:tblInd w:w="0" w:type="dxa"/>{margins}"#),
            ..BASE
        },
        Style {
            kind: "table",
            id: "TableGrid",
            name: "Table Grid",
            based_on: Some("TableNormal"),
            priority: Some(39),
            ppr: r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#.to_owned(),
            tblpr: format!(r#"<w:tblBorders>{borders}</w:tblBorders>{margins}"#),
            ..BASE
        },
    ]
}
