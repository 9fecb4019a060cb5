//! Text as the DLM compares it: searches, sorts and duplicate checks ignore
//! case and accents, so "eval" finds "Évaluation" and "ecole" sorts with
//! "École".

use memchr::memmem::Finder;
use unicode_normalization::char::decompose_canonical;

/// Lower case without accents, so that "eval" finds "Évaluation". Each
/// character is decomposed on its own (ASCII, most of any text, needs no
/// decomposition): every list's index folds all its texts when the data is
/// opened.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            decompose_canonical(c, |part| {
                if !('\u{300}'..='\u{36f}').contains(&part) {
                    folded.extend(part.to_lowercase());
                }
            });
        }
    }
    folded
}

/// The words of a search, folded: a record is found when each word is in
/// one of its (folded) texts. Each word's searcher is built once for the
/// many texts a list holds.
#[derive(Debug, Clone, Default)]
pub struct SearchWords(Vec<Finder<'static>>);

impl SearchWords {
    /// The words of `text`, folded.
    pub fn of(text: &str) -> SearchWords {
        SearchWords(
            fold(text)
                .split_whitespace()
                .map(|w| Finder::new(w).into_owned())
                .collect(),
        )
    }

    /// True when there is no word to look for: everything is found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when every word is in one of `texts`.
    pub fn all_in(&self, texts: &[&str]) -> bool {
        self.0
            .iter()
            .all(|w| texts.iter().any(|t| w.find(t.as_bytes()).is_some()))
    }

    /// For each word in turn, what `each` makes of its test: a function
    /// that says whether the word is in a text.
    pub fn each<T>(&self, mut each: impl FnMut(&dyn Fn(&str) -> bool) -> T) -> Vec<T> {
        self.0
            .iter()
            .map(|w| each(&|text: &str| w.find(text.as_bytes()).is_some()))
            .collect()
    }

    /// Where each word is found in `folded` (a text already folded): every
    /// occurrence of every word, in the order of the words.
    pub fn ranges_in(&self, folded: &str) -> Vec<std::ops::Range<usize>> {
        self.0
            .iter()
            .flat_map(|w| {
                let len = w.needle().len();
                w.find_iter(folded.as_bytes()).map(move |at| at..at + len)
            })
            .collect()
    }

    /// True when every word is in `text` or, for word `i` that is not,
    /// `elsewhere(i)` says it was found in another text.
    pub fn all_in_or(&self, text: &str, elsewhere: impl Fn(usize) -> bool) -> bool {
        self.0
            .iter()
            .enumerate()
            .all(|(i, w)| w.find(text.as_bytes()).is_some() || elsewhere(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents_and_keeps_the_rest() {
        assert_eq!(fold("Évaluation à CHAUD"), "evaluation a chaud");
        assert_eq!(fold("Ça ÇA ça"), "ca ca ca");
        assert_eq!(fold("Œuvre – 70/20/10"), "œuvre – 70/20/10");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn every_word_must_be_found_in_one_of_the_texts() {
        let words = SearchWords::of("Démo  SALON");
        assert!(words.all_in(&["une demo", "au salon"]));
        assert!(words.all_in(&["demo au salon"]));
        assert!(!words.all_in(&["une demo"]));
        assert!(SearchWords::of("  ").is_empty());
        assert!(SearchWords::of("").all_in(&[]));
        let in_people = words.each(|found| found("salon des pros"));
        assert_eq!(in_people, [false, true]);
        assert!(words.all_in_or("une demo", |i| in_people[i]));
        assert!(!words.all_in_or("rien", |i| in_people[i]));
        assert_eq!(words.ranges_in("salon, demo, demo"), [7..11, 13..17, 0..5]);
    }
}
