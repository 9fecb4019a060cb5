//! French typography, numbers, amounts and dates for documents, in Rust so
//! that every format says the same thing the same way (typesetters and
//! word processors add none of it).

use atelier_core::samples::Lang;
use chrono::{Datelike, NaiveDate};

/// A no-break space (before a colon, inside « »).
pub const NBSP: char = '\u{a0}';
/// A narrow no-break space (before ; ! ? and between thousands).
pub const NNBSP: char = '\u{202f}';

/// `text` with French spacing: a space typed before ; ! ? becomes a
/// narrow no-break space, one before : a no-break space, and « » get a
/// no-break space inside whether one was typed or not. Nothing is added
/// before ; : ! ? where no space was typed, so links, times and codes stay
/// as written.
pub fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let after_guillemet = out.ends_with("«\u{a0}");
        match c {
            ' ' | NBSP | NNBSP if after_guillemet => {}
            ' ' | NBSP | NNBSP if matches!(next, Some(';' | '!' | '?')) => out.push(NNBSP),
            ' ' | NBSP | NNBSP if matches!(next, Some(':' | '»')) => out.push(NBSP),
            '»' if !out.is_empty() && !out.ends_with(NBSP) => {
                out.push(NBSP);
                out.push(c);
            }
            '«' => {
                out.push(c);
                out.push(NBSP);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `text` as it is written in `lang`: French typography in French, as
/// typed in English.
pub fn in_lang(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Fr => french(text),
        Lang::En => text.to_owned(),
    }
}

/// A whole number with its thousands grouped ("12 500", "12,500").
pub fn whole(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Lang::Fr => NNBSP,
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    if n < 0 {
        format!("−{out}")
    } else {
        out
    }
}

/// A number kept in hundredths, with its decimals only when it has some
/// ("4,4", "12", "4.25").
pub fn hundredths(lang: Lang, h: i64) -> String {
    let sign = if h < 0 { "−" } else { "" };
    let h = h.unsigned_abs();
    let units = whole(lang, i64::try_from(h / 100).unwrap_or(i64::MAX));
    let cents = h % 100;
    let point = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    match cents {
        0 => format!("{sign}{units}"),
        c if c % 10 == 0 => format!("{sign}{units}{point}{}", c / 10),
        c => format!("{sign}{units}{point}{c:02}"),
    }
}

/// An amount in cents with its currency ("12 500 €", "€12,500"; cents
/// shown only when there are some). Currencies other than the euro, the
/// pound and the dollar are written by their code.
pub fn money(lang: Lang, cents: i64, currency: &str) -> String {
    let amount = if cents % 100 == 0 {
        whole(lang, cents / 100)
    } else {
        let point = match lang {
            Lang::Fr => ',',
            Lang::En => '.',
        };
        let abs = cents.unsigned_abs();
        let units = whole(lang, i64::try_from(abs / 100).unwrap_or(i64::MAX));
        let sign = if cents < 0 { "−" } else { "" };
        format!("{sign}{units}{point}{:02}", abs % 100)
    };
    let symbol = match currency {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        other => other,
    };
    match lang {
        Lang::Fr => format!("{amount}{NBSP}{symbol}"),
        Lang::En if symbol.len() <= 3 && !symbol.chars().all(|c| c.is_ascii_uppercase()) => {
            match amount.strip_prefix('−') {
                Some(rest) => format!("−{symbol}{rest}"),
                None => format!("{symbol}{amount}"),
            }
        }
        Lang::En => format!("{amount} {symbol}"),
    }
}

/// A whole percentage ("45 %", "45%").
pub fn percent(lang: Lang, p: i64) -> String {
    match lang {
        Lang::Fr => format!("{}{NNBSP}%", whole(lang, p)),
        Lang::En => format!("{}%", whole(lang, p)),
    }
}

/// A percentage kept in tenths, one decimal ("20,0 %", "−66.7%").
pub fn percent_tenths(lang: Lang, tenths: i64) -> String {
    let sign = if tenths < 0 { "−" } else { "" };
    let abs = tenths.unsigned_abs();
    let units = whole(lang, i64::try_from(abs / 10).unwrap_or(i64::MAX));
    match lang {
        Lang::Fr => format!("{sign}{units},{}{NNBSP}%", abs % 10),
        Lang::En => format!("{sign}{units}.{}%", abs % 10),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date in words ("1er mars 2027", "1 March 2027").
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let month = d.month0() as usize;
    match lang {
        Lang::Fr if d.day() == 1 => format!("1er{NBSP}{} {}", MONTHS_FR[month], d.year()),
        Lang::Fr => format!("{}{NBSP}{} {}", d.day(), MONTHS_FR[month], d.year()),
        Lang::En => format!("{}{NBSP}{} {}", d.day(), MONTHS_EN[month], d.year()),
    }
}

/// Two dates as a span ("du 1er mars au 30 juin 2027" is left to the
/// sentence: this is "1er mars 2027 – 30 juin 2027").
pub fn date_span(lang: Lang, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) => Some(format!("{} – {}", date(lang, s), date(lang, e))),
        (Some(s), None) => Some(format!("{} –", date(lang, s))),
        (None, Some(e)) => Some(format!("– {}", date(lang, e))),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spacing_before_double_punctuation_and_inside_quotes() {
        assert_eq!(french("Pourquoi ? Parce que !"), "Pourquoi\u{202f}? Parce que\u{202f}!");
        assert_eq!(french("Objectif : 80"), "Objectif\u{a0}: 80");
        assert_eq!(french("«Bienvenue»"), "«\u{a0}Bienvenue\u{a0}»");
        assert_eq!(french("« Bienvenue »"), "«\u{a0}Bienvenue\u{a0}»");
        for untouched in ["https://exemple.fr/?a=1", "à 10:30", "Vraiment?!"] {
            assert_eq!(french(untouched), untouched, "nothing added where no space was typed");
        }
    }

    #[test]
    fn numbers_amounts_and_dates_in_each_language() {
        assert_eq!(whole(Lang::Fr, 1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(whole(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(whole(Lang::En, -500), "−500");
        assert_eq!(money(Lang::Fr, 1_250_000, "EUR"), "12\u{202f}500\u{a0}€");
        assert_eq!(money(Lang::En, 1_250_050, "EUR"), "€12,500.50");
        assert_eq!(money(Lang::En, -100, "GBP"), "−£1");
        assert_eq!(money(Lang::En, 100, "CHF"), "1 CHF");
        assert_eq!(hundredths(Lang::Fr, 440), "4,4");
        assert_eq!(hundredths(Lang::En, 425), "4.25");
        assert_eq!(hundredths(Lang::En, 1_200), "12");
        assert_eq!(percent(Lang::Fr, 45), "45\u{202f}%");
        assert_eq!(percent_tenths(Lang::En, -667), "−66.7%");
        assert_eq!(percent_tenths(Lang::Fr, 200), "20,0\u{202f}%");
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).expect("a date");
        assert_eq!(date(Lang::Fr, d), "1er\u{a0}mars 2027");
        assert_eq!(date(Lang::En, d), "1\u{a0}March 2027");
    }
}
