//! Language detection for French and English news by counting frequent function
//! words. Cheap (first few kilobytes only) and reliable on real articles.

use crate::model::Lang;

/// Frequent French words that are not English words.
const FRENCH: &[&str] = &[
    "le",
    "la",
    "les",
    "des",
    "du",
    "de",
    "un",
    "une",
    "et",
    "est",
    "sont",
    "dans",
    "pour",
    "pas",
    "que",
    "qui",
    "sur",
    "avec",
    "par",
    "au",
    "aux",
    "ce",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "nous",
    "vous",
    "mais",
    "ou",
    "où",
    "se",
    "sa",
    "son",
    "ses",
    "leur",
    "leurs",
    "été",
    "être",
    "avait",
    "ont",
    "fait",
    "plus",
    "selon",
    "aussi",
    "entre",
    "après",
    "depuis",
    "très",
    "déclaré",
    "lors",
    "contre",
    "encore",
    "même",
    "tout",
    "tous",
    "comme",
    "sans",
];

/// Frequent English words that are not French words.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as", "be",
    "by", "at", "this", "have", "from", "or", "are", "were", "which", "has", "had", "not", "but",
    "they", "he", "she", "his", "her", "their", "said", "will", "would", "been", "an", "its",
    "who", "after", "also", "than", "about", "into", "more", "over", "says", "we", "year",
];

/// Guesses the language of `text` from its first 4 KB; ties and texts with no
/// signal return `fallback`.
pub fn detect(text: &str, fallback: Lang) -> Lang {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut fr, mut en) = (0usize, 0usize);
    for word in text[..end].split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 12 {
            continue;
        }
        let lower = word.to_lowercase();
        if FRENCH.contains(&lower.as_str()) {
            fr += 1;
        } else if ENGLISH.contains(&lower.as_str()) {
            en += 1;
        }
    }
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Fr,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        let cases = [
            (
                "Les États-Unis sont troublés par l'adhésion de la Russie à la Corée du Nord",
                Lang::Fr,
            ),
            (
                "« Nous n'avons rien à vous dire sur ce sujet », a-t-il déclaré",
                Lang::Fr,
            ),
            (
                "The United States said on Monday that it was troubled by the deal",
                Lang::En,
            ),
            (
                "Shares of the company rose after it reported higher profits",
                Lang::En,
            ),
            ("12345 !!!", Lang::Fr),
        ];
        for (text, lang) in cases {
            assert_eq!(detect(text, Lang::Fr), lang, "{text}");
        }
    }
}
