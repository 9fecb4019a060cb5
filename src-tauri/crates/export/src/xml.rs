//! Escaping text for XML (the Word parts, the radar's SVG): the five
//! predefined entities, and the characters XML 1.0 cannot carry dropped,
//! so that no user text is ever read as markup or makes a file unreadable.

/// Whether XML 1.0 allows `c` in a document (§2.2 `Char`): control
/// characters other than tab, line feed and carriage return, and the two
/// non-characters U+FFFE and U+FFFF, make the whole part unreadable.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` escaped for an element's content or an attribute value (the
/// five predefined entities, so it is safe in both), without the
/// characters XML 1.0 forbids.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// `text` on one line, for attributes and metadata (alternative text,
/// titles): line breaks and tabs become spaces.
pub fn one_line(text: &str) -> String {
    escape(&text.replace(['\r', '\n', '\t'], " "))
}
