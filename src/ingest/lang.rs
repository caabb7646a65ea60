//! Language detection: French or English by counting frequent function words
//! (cheap, first few kilobytes only, reliable on real articles), and `whatlang`'s
//! trigram models to tell when an article is in neither (Spanish would
//! otherwise count as French through "de", "la", "que", German as English).

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

/// The language of an article: a declared French or English is trusted; a
/// declared other language, or none, is checked against the text.
pub fn detect_declared(text: &str, declared: Option<&str>, fallback: Lang) -> Lang {
    match declared.map(|d| (d, Lang::parse(d))) {
        Some((_, Some(lang))) => lang,
        // "es", "de-DE": other unless the text is clearly French or English.
        Some((code, None)) if code.trim().len() >= 2 => match neither(text) {
            Some(false) => detect(text, fallback),
            _ => Lang::Other,
        },
        _ => detect(text, fallback),
    }
}

/// `Some(true)` when the trigram model reliably says the text is in a language
/// other than French and English, `Some(false)` when it reliably says French or
/// English, `None` when the text is too short or mixed to tell.
fn neither(text: &str) -> Option<bool> {
    let head = head(text, 4096);
    if head.split_whitespace().count() < 20 {
        return None;
    }
    let info = whatlang::detect(head).filter(whatlang::Info::is_reliable)?;
    Some(!matches!(
        info.lang(),
        whatlang::Lang::Fra | whatlang::Lang::Eng
    ))
}

/// The first `max` bytes of `text`, cut at a character boundary.
fn head(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Guesses the language of `text` from its first 4 KB; ties and texts with no
/// signal return `fallback`.
pub fn detect(text: &str, fallback: Lang) -> Lang {
    let (mut fr, mut en, mut words) = (0usize, 0usize, 0usize);
    for word in head(text, 4096).split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        if word.len() > 12 {
            continue;
        }
        let lower = word.to_lowercase();
        if FRENCH.contains(&lower.as_str()) {
            fr += 1;
        } else if ENGLISH.contains(&lower.as_str()) {
            en += 1;
        }
    }
    // French and English news are about a third function words; a weaker
    // signal may be another language, which the trigram model then tells.
    if fr.max(en) * 4 < words && neither(text) == Some(true) {
        return Lang::Other;
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

    #[test]
    fn other_languages_are_other() {
        let spanish = "El presidente del Gobierno anunció este martes que la reforma de las pensiones se aprobará antes del verano, después de meses de negociaciones con los sindicatos y la patronal, que todavía no han firmado el acuerdo.";
        let german = "Die Bundesregierung hat am Dienstag angekündigt, dass die Reform der Renten noch vor dem Sommer verabschiedet werden soll, nachdem monatelang mit den Gewerkschaften verhandelt worden war.";
        assert_eq!(detect(spanish, Lang::Fr), Lang::Other);
        assert_eq!(detect(german, Lang::En), Lang::Other);
        assert_eq!(
            detect_declared(spanish, Some("es-ES"), Lang::Fr),
            Lang::Other
        );
        // A declared language is checked: a French text declared "es" is French.
        let french = "Le président a annoncé mardi que la réforme des retraites serait adoptée avant l'été, après des mois de négociations avec les syndicats et le patronat, qui n'ont pas encore signé l'accord.";
        assert_eq!(detect_declared(french, Some("es"), Lang::En), Lang::Fr);
        assert_eq!(detect_declared(spanish, Some("fr"), Lang::En), Lang::Fr);
        // Too short to tell: the function words decide.
        assert_eq!(detect("la casa de la abuela", Lang::En), Lang::Fr);
    }
}
