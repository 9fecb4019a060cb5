//! The few pieces of XML writing every part needs: escaping, dropping what
//! XML 1.0 cannot carry, and text runs. User text only ever reaches a part
//! through these functions, so none of it can be read as markup.

/// The XML declaration every part starts with.
pub(super) const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// WordprocessingML's main namespace.
pub(super) const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The namespace of relationship ids (`r:id`, `r:embed`).
pub(super) const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub(super) use crate::xml::{escape, one_line};

/// A `w:t` holding `text` (already free of line breaks and tabs), with
/// `xml:space="preserve"` where Word would otherwise drop spaces: at
/// either end, or two in a row.
fn text_element(text: &str) -> String {
    let keep = text.starts_with(' ') || text.ends_with(' ') || text.contains("  ");
    let space = if keep { r#" xml:space="preserve""# } else { "" };
    format!("<w:t{space}>{}</w:t>", escape(text))
}

/// The content of a run showing `text`: line breaks become `w:br` and
/// tabs `w:tab`, as Word shows neither when they are left inside `w:t`.
pub(super) fn run_content(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                out.push_str(&text_element(piece));
            }
        }
    }
    out
}

/// A run of `text` with run properties `rpr` (the inside of `w:rPr`,
/// already in schema order; empty for none); nothing for empty text.
pub(super) fn run(rpr: &str, text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let props = if rpr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    format!("<w:r>{props}{}</w:r>", run_content(text))
}

/// The BCP 47 tag Word expects in `w:lang` and the core properties, from
/// the document's language code.
pub(super) fn lang_tag(lang: &str) -> &'static str {
    if lang.starts_with("fr") {
        "fr-FR"
    } else {
        "en-GB"
    }
}
