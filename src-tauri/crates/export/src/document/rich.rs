//! The DLM's Markdown notes (runbook, FAQ, interview notes, key messages)
//! turned into document blocks, so that their emphasis, lists and links
//! come out as formatting in every format and their markup characters
//! never reach a reader raw. Headings inside a note become bold
//! paragraphs (the document's own headings keep their levels); HTML,
//! images and anything else a note should not carry comes out as the text
//! it shows.

use atelier_core::samples::Lang;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::typography::in_lang;
use super::{Block, Span};

/// `markdown` as paragraphs and lists, French typography applied to its
/// text in French.
pub fn blocks(lang: Lang, markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut items: Vec<Vec<Span>> = Vec::new();
    // Lists nest in Markdown; a document list is one level, so inner
    // items join the outer list as items of their own.
    let mut lists: Vec<bool> = Vec::new();
    let mut outer_ordered = false;
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut link: Option<String> = None;
    let mut heading = false;

    let push_text = |spans: &mut Vec<Span>, text: &str, bold: bool, italic: bool, code: bool, link: &Option<String>| {
        let text = if code { text.to_owned() } else { in_lang(lang, text) };
        spans.push(Span {
            text,
            bold,
            italic,
            code,
            link: link.clone(),
        });
    };

    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => {
                heading = false;
                for s in &mut spans {
                    s.bold = true;
                }
                flush_paragraph(&mut out, &mut spans);
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => link = None,
            Event::Start(Tag::List(first)) => {
                if lists.is_empty() {
                    flush_paragraph(&mut out, &mut spans);
                    outer_ordered = first.is_some();
                }
                lists.push(first.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                if !spans.is_empty() {
                    items.push(std::mem::take(&mut spans));
                }
                lists.pop();
                if lists.is_empty() && !items.is_empty() {
                    out.push(Block::List {
                        ordered: outer_ordered,
                        items: std::mem::take(&mut items),
                    });
                }
            }
            // An item ends where the next (or a nested list) begins.
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) if !spans.is_empty() => {
                items.push(std::mem::take(&mut spans));
            }
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::BlockQuote(_)) if lists.is_empty() => {
                flush_paragraph(&mut out, &mut spans);
            }
            Event::Text(text) => push_text(&mut spans, &text, bold > 0 || heading, italic > 0, false, &link),
            Event::Code(text) => push_text(&mut spans, &text, bold > 0, italic > 0, true, &link),
            // Raw HTML is shown as the text it is, never interpreted.
            Event::Html(text) | Event::InlineHtml(text) => push_text(&mut spans, &text, false, false, false, &None),
            Event::SoftBreak => push_text(&mut spans, " ", false, false, false, &None),
            Event::HardBreak => push_text(&mut spans, "\n", false, false, false, &None),
            Event::TaskListMarker(done) => {
                push_text(&mut spans, if done { "☑ " } else { "☐ " }, false, false, false, &None)
            }
            _ => {}
        }
    }
    flush_paragraph(&mut out, &mut spans);
    out
}

/// Ends the paragraph being built, merging runs that share a style.
fn flush_paragraph(out: &mut Vec<Block>, spans: &mut Vec<Span>) {
    if spans.iter().all(|s| s.text.trim().is_empty()) {
        spans.clear();
        return;
    }
    out.push(Block::Paragraph {
        spans: merge(std::mem::take(spans)),
    });
}

/// Joins neighbouring runs of the same style.
pub fn merge(spans: Vec<Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last)
                if last.bold == s.bold && last.italic == s.italic && last.code == s.code && last.link == s.link =>
            {
                last.text.push_str(&s.text);
            }
            _ => merged.push(s),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(blocks: &[Block]) -> String {
        let mut all = String::new();
        for b in blocks {
            match b {
                Block::Paragraph { spans } => all.extend(spans.iter().map(|s| s.text.as_str())),
                Block::List { items, .. } => all.extend(items.iter().flatten().map(|s| s.text.as_str())),
                _ => {}
            }
            all.push('\n');
        }
        all
    }

    #[test]
    fn emphasis_lists_and_links_become_formatting() {
        let b = blocks(Lang::En, "Open **ten minutes** early, *then*:\n\n1. Greet\n2. See [the guide](https://guide.example)\n   - inner\n\nDone");
        let Block::Paragraph { spans } = &b[0] else {
            panic!("{b:?}")
        };
        assert!(spans.iter().any(|s| s.bold && s.text == "ten minutes"));
        assert!(spans.iter().any(|s| s.italic && s.text == "then"));
        let Block::List { ordered, items } = &b[1] else {
            panic!("{b:?}")
        };
        assert!(*ordered);
        assert_eq!(items.len(), 3, "the inner item joins the list");
        assert!(items[1]
            .iter()
            .any(|s| s.link.as_deref() == Some("https://guide.example") && s.text == "the guide"));
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn markup_a_note_should_not_carry_comes_out_as_its_text() {
        let raw = "# Titre\n\n<script>alert(1)</script> #set page(width: 1cm) $x$ \\textbf{y} [lien]";
        let b = blocks(Lang::Fr, raw);
        let all = text_of(&b);
        assert!(all.contains("<script>alert(1)</script>"), "{all}");
        assert!(all.contains("#set page(width: 1cm)"), "{all}");
        assert!(
            all.contains("$x$") && all.contains("\\textbf{y}") && all.contains("[lien]"),
            "{all}"
        );
        let Block::Paragraph { spans } = &b[0] else {
            panic!("{b:?}")
        };
        assert!(spans.iter().all(|s| s.bold), "a heading in a note is a bold paragraph");
    }

    #[test]
    fn french_typography_applies_to_text_not_code() {
        let b = blocks(Lang::Fr, "Pourquoi ? `a ? b`");
        let Block::Paragraph { spans } = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(spans[0].text, "Pourquoi\u{202f}? ");
        assert_eq!(spans[1].text, "a ? b");
    }
}
