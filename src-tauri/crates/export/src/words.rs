//! The words of exported documents, read from the UI's own catalogs
//! (`ui/src/lib/i18n/en.ts` and `fr.ts`) so that a brief calls things
//! exactly what the screens call them, in either language whatever the
//! screen's, with one vocabulary to keep.
//!
//! The catalogs are compiled in (`include_str!`) and read once: one
//! `"key": "value",` entry per line, the value a JSON string.

use std::collections::HashMap;
use std::sync::LazyLock;

use atelier_core::samples::Lang;
use serde::Serialize;

static EN: LazyLock<Words> = LazyLock::new(|| Words::parse(include_str!("../../../../ui/src/lib/i18n/en.ts")));
static FR: LazyLock<Words> = LazyLock::new(|| Words::parse(include_str!("../../../../ui/src/lib/i18n/fr.ts")));

/// One language's catalog.
#[derive(Debug)]
pub struct Words {
    map: HashMap<String, String>,
}

impl Words {
    /// The catalog of `lang`.
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// Reads the `"key": "value",` lines of a catalog source.
    fn parse(source: &str) -> Words {
        let map = source
            .lines()
            .filter_map(|line| {
                let entry = line.trim().strip_suffix(',')?;
                if !entry.starts_with('"') {
                    return None;
                }
                serde_json::from_str::<HashMap<String, String>>(&format!("{{{entry}}}"))
                    .ok()?
                    .into_iter()
                    .next()
            })
            .collect();
        Words { map }
    }

    /// The text of `key`; the key itself where the catalog has none (a
    /// test checks that every key a document uses exists).
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The text of `key` with its `{name}` placeholders filled; the `_one`
    /// form when `count` is 1, as the UI does.
    pub fn with(&self, key: &str, params: &[(&str, &str)]) -> String {
        let one = format!("{key}_one");
        let singular = params.iter().any(|(n, v)| *n == "count" && *v == "1") && self.map.contains_key(&one);
        let mut text = self.t(if singular { &one } else { key }).to_owned();
        for (name, value) in params {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// The label of a closed-set value, from its serialised name under
    /// `prefix` ("status" and `Status::Design` give "status.design").
    pub fn choice<T: Serialize>(&self, prefix: &str, value: &T) -> &str {
        let name = serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let key = format!("{prefix}.{name}");
        self.map.get(&key).map_or("", String::as_str)
    }

    /// Whether the catalog holds `key`.
    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::Status;

    #[test]
    fn both_catalogs_are_read_whole_with_the_same_keys() {
        let (en, fr) = (Words::of(Lang::En), Words::of(Lang::Fr));
        assert!(en.map.len() > 1000, "{} entries", en.map.len());
        let mut a: Vec<&String> = en.map.keys().collect();
        let mut b: Vec<&String> = fr.map.keys().collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
        assert_eq!(en.choice("status", &Status::HandedOff), "Handed off");
        assert_eq!(fr.t("app.name"), "Atelier");
    }

    #[test]
    fn placeholders_and_the_singular() {
        let en = Words::of(Lang::En);
        assert_eq!(
            en.with("portfolio.licences_ending", &[("count", "1")]),
            "A licence to renew"
        );
        assert_eq!(
            en.with("portfolio.licences_ending", &[("count", "3")]),
            "3 licences to renew"
        );
    }
}
