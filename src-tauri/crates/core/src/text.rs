//! Text as the DLM compares it: searches, sorts and duplicate checks ignore
//! case and accents, so "eval" finds "Évaluation" and "ecole" sorts with
//! "École".

use unicode_normalization::UnicodeNormalization;

/// Lower case without accents, so that "eval" finds "Évaluation".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
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
}
