//! A [`Document`] as CommonMark with GitHub-style tables: the same content
//! as the PDF and Word files, for the colleague who pastes it into a wiki
//! or a mail. Every character of the text that Markdown would read as
//! markup is escaped, so what the reader sees is what was typed.

use std::fmt::Write;

use super::{Align, Block, Document, Span};

/// The document as Markdown text (LF line ends, one trailing newline).
pub fn write(doc: &Document) -> String {
    let mut out = String::new();
    // "Label : value" in French, "Label: value" in English.
    let colon = if doc.lang == "fr" { "\u{a0}:" } else { ":" };
    let _ = writeln!(out, "# {}", escape(&doc.title));
    if !doc.subtitle.is_empty() {
        let _ = writeln!(out, "\n{}", escape(&doc.subtitle));
    }
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading { level, text } => {
                // The document's title is the only level-1 heading.
                let hashes = "#".repeat(usize::from((*level).clamp(1, 5)) + 1);
                let _ = writeln!(out, "{hashes} {}", escape(text));
            }
            Block::Paragraph { spans } => {
                let _ = writeln!(out, "{}", spans_md(spans));
            }
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_owned()
                    };
                    let _ = writeln!(out, "{marker} {}", spans_md(item));
                }
            }
            Block::Facts { facts } => {
                for f in facts {
                    let _ = writeln!(out, "- **{}**{colon} {}", escape(&f.label), escape(&f.value));
                }
            }
            Block::Table(t) => {
                let cells = |row: &[String]| row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ");
                let titles: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
                let _ = writeln!(out, "| {} |", cells(&titles));
                let rule: Vec<&str> = t
                    .columns
                    .iter()
                    .map(|c| match c.align {
                        Align::Left => "---",
                        Align::Right => "---:",
                    })
                    .collect();
                let _ = writeln!(out, "| {} |", rule.join(" | "));
                for row in &t.rows {
                    let _ = writeln!(out, "| {} |", cells(row));
                }
            }
            Block::Chart(chart) => {
                let _ = writeln!(out, "*{}*\n", escape(&chart.caption));
                for bar in &chart.bars {
                    let _ = writeln!(out, "- {}{colon} {}", escape(&bar.label), escape(&bar.value_text));
                }
            }
        }
    }
    out
}

/// Styled runs as inline Markdown.
fn spans_md(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        if s.text.is_empty() {
            continue;
        }
        let mut text = if s.code { code(&s.text) } else { escape(&s.text) };
        if let Some(url) = &s.link {
            text = format!("[{text}](<{}>)", url.replace(['<', '>', '\n'], ""));
        }
        if s.italic && !s.code {
            text = format!("*{text}*");
        }
        if s.bold && !s.code {
            text = format!("**{text}**");
        }
        out.push_str(&text);
    }
    out.replace('\n', "  \n")
}

/// `text` with every character Markdown could read as markup escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '('
                | ')'
                | '#'
                | '+'
                | '-'
                | '.'
                | '!'
                | '|'
                | '<'
                | '>'
                | '~'
                | '$'
                | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: escaped, on one line.
fn cell(text: &str) -> String {
    escape(text).replace('\n', "<br>")
}

/// Inline code that holds any backticks it contains.
fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Column, Fact, Table};
    use pulldown_cmark::{html, Parser};

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            lang: "fr",
            title: "Accueil *des* managers".into(),
            subtitle: String::new(),
            header: String::new(),
            footer: String::new(),
            page_word: "Page".into(),
            blocks,
        }
    }

    fn rendered(doc: &Document) -> String {
        let mut out = String::new();
        html::push_html(
            &mut out,
            Parser::new_ext(&write(doc), pulldown_cmark::Options::ENABLE_TABLES),
        );
        out
    }

    #[test]
    fn markup_typed_by_the_dlm_reads_as_typed() {
        let hostile = "#set page(width: 1cm) <b>x</b> *y* [z](w) | 1. `q` \\textbf{a} $m$ &amp;";
        let d = doc(vec![
            Block::Paragraph {
                spans: vec![Span::plain(hostile)],
            },
            Block::Table(Table {
                columns: vec![Column {
                    title: "Nom".into(),
                    align: crate::document::Align::Left,
                    weight: 1,
                }],
                rows: vec![vec![hostile.into()]],
            }),
            Block::Facts {
                facts: vec![Fact {
                    label: "Sponsor".into(),
                    value: hostile.into(),
                }],
            },
        ]);
        let html = rendered(&d);
        // The text survives whole, as text (HTML-escaped by the renderer).
        let as_html = hostile.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        assert_eq!(html.matches(&as_html).count(), 3, "{html}");
        assert!(html.contains("<h1>Accueil *des* managers</h1>"), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }

    #[test]
    fn styles_and_links_come_out_as_markdown() {
        let d = doc(vec![Block::Paragraph {
            spans: vec![
                Span::bold("Prêt"),
                Span::plain(" avant le "),
                Span {
                    text: "guide".into(),
                    link: Some("https://guide.example/a b".into()),
                    ..Span::default()
                },
            ],
        }]);
        let html = rendered(&d);
        assert!(html.contains("<strong>Prêt</strong>"), "{html}");
        assert!(
            html.contains("<a href=\"https://guide.example/a%20b\">guide</a>"),
            "{html}"
        );
    }
}
