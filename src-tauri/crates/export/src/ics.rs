//! The project's milestones as an iCalendar file (RFC 5545), for the IT
//! department and the sponsors to import into Thunderbird or Outlook.
//!
//! # What the file holds
//!
//! One `VCALENDAR` (`VERSION:2.0`, `CALSCALE:GREGORIAN`, `METHOD:PUBLISH`,
//! the calendar's name as `X-WR-CALNAME`) with one `VEVENT` per event, in
//! the order given, each with its properties in a fixed order, so that the
//! same events and the same stamp always give the same bytes:
//!
//! * all-day events as `VALUE=DATE`, `DTEND` being the day *after* the
//!   last day (the end is exclusive, RFC 5545 §3.6.1), marked
//!   `TRANSP:TRANSPARENT`: a milestone or a phase is a marker, it must not
//!   show the recipients as busy for days;
//! * timed events in UTC (`…T093000Z`), so that no `VTIMEZONE` is needed
//!   and every client shows them at the right local time;
//! * TEXT values (SUMMARY, DESCRIPTION, CATEGORIES, the calendar's name)
//!   escaped per §3.3.11: `\` `;` `,` become `\\` `\;` `\,`, a line break
//!   (LF, CRLF or CR) becomes `\n`; the other control characters, which
//!   TEXT cannot carry, are dropped, and so is trailing whitespace, which
//!   nobody sees in a calendar and which readers that trim line ends (the
//!   `ical` crate, some mail gateways) would drop anyway;
//! * content lines folded at 75 octets (§3.1), never inside a UTF-8
//!   character and, where the line allows it, never right after a
//!   whitespace character (for the same line-trimming readers), with CRLF
//!   after every line, the last one included.
//!
//! # Why not the `icalendar` crate
//!
//! `icalendar` 0.17.17 (without its "parser" feature, which only reads)
//! builds the calendar, but its output is not safe to send:
//!
//! * its folder checks the 75-octet limit before the leading space of a
//!   continuation line is counted, so a content line of exactly 150 octets
//!   gives a 76-octet physical line;
//! * `Calendar::name` also writes `NAME`, which it does not escape: a name
//!   with a line break ends the content line in the middle;
//! * `EventLike::all_day` writes `DTEND` equal to `DTSTART` instead of the
//!   next day, and it writes an event's properties in alphabetical order.
//!
//! The serialisation needed here is a few dozen lines, so it is written
//! below, and the tests check it with an independent reader, the `ical`
//! crate.
//!
//! # Importing the file again
//!
//! Each event carries a [`uid`] made from the record it comes from, the
//! same at every export, with `SEQUENCE:0` and `DTSTAMP` set to the export
//! time. What a calendar client does with a second import is its own
//! choice, and neither of the two the DLM's colleagues use updates in place:
//!
//! * Thunderbird (*Events and Tasks › Import*) skips the events whose UID
//!   already exists in the target calendar and says how many it ignored:
//!   no duplicates, but no changes either. To follow changes, subscribe to
//!   the file instead (*New Calendar › On the Network*, its `file://`
//!   location): Thunderbird reloads it and shows the current version.
//! * Outlook (classic) relies on the UID, when importing, only for meetings
//!   and recurring appointments (Microsoft's \[MS-STANOICAL\] notes on
//!   RFC 5545 §3.8.4.7); these events are neither, so importing the file
//!   again into the same calendar may duplicate them. The safe way is to
//!   open the file as a separate calendar (*Open as New*) and to delete and
//!   re-open that calendar when a new version arrives.
//!
//! The stable UIDs are still what RFC 5545 §3.8.4.7 asks for an event to
//! be recognised, and what keeps Thunderbird from duplicating.

use chrono::{DateTime, NaiveDate, Utc};

#[cfg(test)]
mod tests;

/// When an event happens.
///
/// Dates are written as eight digits, so they must fall in the years
/// 0000–9999 that iCalendar can express (the app's date pickers do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// One whole day.
    Day(NaiveDate),
    /// Whole days from `first` to `last`, both included (a project phase).
    /// A reversed span is written in order.
    Days { first: NaiveDate, last: NaiveDate },
    /// A time span; a reversed span is written in order, and an empty one
    /// is written without an end (an instant, RFC 5545 §3.6.1).
    At { start: DateTime<Utc>, end: DateTime<Utc> },
}

/// One event of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable identity across exports, from [`uid`]; unique in a calendar.
    pub uid: String,
    /// The title the calendar shows.
    pub summary: String,
    /// Free text, line breaks allowed; left out of the file when empty.
    pub description: String,
    /// When it happens.
    pub when: When,
    /// Labels the clients can filter or colour by; empty ones are skipped.
    pub categories: Vec<String>,
}

/// The product that made the file, as the formal public identifier
/// RFC 5545 §3.7.3 asks for.
const PRODID: &str = "-//Atelier//Atelier//FR";

/// The longest physical line, in octets, CRLF excluded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// The stable UID of the record `id` of kind `kind` (`"milestone"`,
/// `"phase"`…): `<kind>-<id>@atelier.local`. The same record gives the
/// same UID at every export, which is what lets a client recognise an
/// event it already has.
pub fn uid(kind: &str, id: &str) -> String {
    format!("{kind}-{id}@atelier.local")
}

/// The iCalendar file of `events`, named `calendar_name`, stamped (each
/// event's `DTSTAMP`) with `stamp`, the time of the export.
pub fn write(calendar_name: &str, events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    push(&mut out, "BEGIN", "VCALENDAR");
    push(&mut out, "VERSION", "2.0");
    push(&mut out, "PRODID", PRODID);
    push(&mut out, "CALSCALE", "GREGORIAN");
    push(&mut out, "METHOD", "PUBLISH");
    push(&mut out, "X-WR-CALNAME", &escape_text(calendar_name));
    let stamp = utc_date_time(stamp);
    for event in events {
        push_event(&mut out, event, &stamp);
    }
    push(&mut out, "END", "VCALENDAR");
    out
}

/// Appends one `VEVENT`, its properties always in the same order.
fn push_event(out: &mut String, event: &CalendarEvent, stamp: &str) {
    push(out, "BEGIN", "VEVENT");
    push(out, "UID", &escape_text(&event.uid));
    push(out, "DTSTAMP", stamp);
    push(out, "SEQUENCE", "0");
    let all_day = match event.when {
        When::Day(day) => {
            push_days(out, day, day);
            true
        }
        When::Days { first, last } => {
            push_days(out, first.min(last), first.max(last));
            true
        }
        When::At { start, end } => {
            push(out, "DTSTART", &utc_date_time(start.min(end)));
            if start != end {
                push(out, "DTEND", &utc_date_time(start.max(end)));
            }
            false
        }
    };
    push(out, "SUMMARY", &escape_text(&event.summary));
    let description = escape_text(&event.description);
    if !description.is_empty() {
        push(out, "DESCRIPTION", &description);
    }
    let categories: Vec<String> = event
        .categories
        .iter()
        .map(|c| escape_text(c))
        .filter(|c| !c.is_empty())
        .collect();
    if !categories.is_empty() {
        push(out, "CATEGORIES", &categories.join(","));
    }
    if all_day {
        push(out, "TRANSP", "TRANSPARENT");
    }
    push(out, "END", "VEVENT");
}

/// Appends the all-day span `first..=last`: `DTEND` is the day after
/// `last`, the end of an all-day event being exclusive.
fn push_days(out: &mut String, first: NaiveDate, last: NaiveDate) {
    push(out, "DTSTART;VALUE=DATE", &date(first));
    // Only `NaiveDate::MAX` has no next day; without `DTEND` the event
    // then lasts one day (RFC 5545 §3.6.1), the nearest thing.
    if let Some(end) = last.succ_opt() {
        push(out, "DTEND;VALUE=DATE", &date(end));
    }
}

/// A DATE value: `20260415`.
fn date(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

/// A DATE-TIME value in UTC: `20260415T093000Z` (seconds truncated).
fn utc_date_time(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// `text` as an RFC 5545 TEXT value (§3.3.11), see the module doc.
fn escape_text(text: &str) -> String {
    let plain = plain_text(text);
    let mut out = String::with_capacity(plain.len());
    for c in plain.trim_end().chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// `text` with its line breaks (CRLF, CR) as LF and without the control
/// characters TEXT cannot carry (all but tab and line breaks).
fn plain_text(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A lone CR is a break; the CR of a CRLF is dropped below, its LF kept.
            '\r' if chars.peek() != Some(&'\n') => plain.push('\n'),
            '\t' | '\n' => plain.push(c),
            c if c.is_ascii_control() => {}
            c => plain.push(c),
        }
    }
    plain
}

/// Appends the content line `name:value`, folded, with its CRLF.
/// `name` may carry parameters (`DTSTART;VALUE=DATE`); `value` is already
/// in its iCalendar form.
fn push(out: &mut String, name: &str, value: &str) {
    let line = format!("{name}:{value}");
    let mut rest = line.as_str();
    // The first physical line holds 75 octets; a continuation line starts
    // with the folding space, which leaves 74.
    let mut room = LINE_OCTETS;
    while rest.len() > room {
        let (head, tail) = rest.split_at(fold_point(rest, room));
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        room = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Where to fold `rest` so that its first piece holds at most `room`
/// octets: the last character boundary that fits, stepping back past
/// whitespace when the piece holds anything else, so that no physical line
/// ends with whitespace a trimming reader would lose. Never 0: `room` is
/// far above the 4 octets of the longest UTF-8 character.
fn fold_point(rest: &str, room: usize) -> usize {
    let mut fits = 0;
    let mut after_non_space = 0;
    for (start, c) in rest.char_indices() {
        let end = start + c.len_utf8();
        if end > room {
            break;
        }
        fits = end;
        if !c.is_whitespace() {
            after_non_space = end;
        }
    }
    if after_non_space > 0 {
        after_non_space
    } else {
        fits
    }
}
