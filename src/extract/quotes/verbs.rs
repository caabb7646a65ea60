//! Reporting verbs as they appear around a quote: auxiliaries, adverbs,
//! inverted forms ("a-t-il déclaré", "dit-elle").

use super::super::lexicon::LEXICON;
use super::super::tokens::Tokens;
use super::PRONOUNS;

pub(super) const AUXILIARIES: &[&str] = &[
    "a", "ont", "avait", "avaient", "aura", "aurait", "est", "sont", "s", "se", "has", "had",
    "have", "was", "were", "is", "will", "would",
];

pub(super) fn is_verb(t: &Tokens<'_>, k: usize) -> bool {
    let w = t.lower(k);
    !after_determiner(t, k)
        && (LEXICON.verbs.contains_key(w)
            || inverted(w).is_some_and(|(verb, _)| LEXICON.verbs.contains_key(verb) || verb == "a"))
}

/// True when the word before `k` is a determiner or preposition that no
/// verb follows: "par tranche de", "des répliques", "the notes" are nouns.
fn after_determiner(t: &Tokens<'_>, k: usize) -> bool {
    k > 0 && t.toks[k - 1].is_word && LEXICON.in_list("noun_before", t.lower(k - 1))
}

/// "a-t-il" → ("a", "il"); "dit-elle" → ("dit", "elle"); "poursuit-il" → ("poursuit", "il").
pub(super) fn inverted(word: &str) -> Option<(&str, &str)> {
    let (head, pronoun) = word.rsplit_once('-')?;
    if !PRONOUNS.contains(&pronoun) {
        return None;
    }
    Some((head.strip_suffix("-t").unwrap_or(head), pronoun))
}

/// Skips auxiliaries and adverbs after `k`; returns the index of a reporting verb form.
pub(super) fn verb_phrase_at(t: &Tokens<'_>, k: usize) -> Option<(usize, Option<String>)> {
    if after_determiner(t, k) {
        return None;
    }
    let mut j = k;
    let mut pronoun = None;
    for _ in 0..4 {
        let w = t.lower(j);
        if let Some((_, p)) = inverted(w) {
            pronoun = Some(p.to_owned());
            // "a-t-il déclaré": the participle follows.
            if t.toks.get(j + 1).is_some_and(|x| x.is_word)
                && LEXICON.verbs.contains_key(t.lower(j + 1))
            {
                return Some((j + 1, pronoun));
            }
            return is_verb(t, j).then_some((j, pronoun));
        }
        if LEXICON.verbs.contains_key(w) && !AUXILIARIES.contains(&w) {
            return Some((j, pronoun));
        }
        if AUXILIARIES.contains(&w)
            || matches!(
                w,
                "également"
                    | "egalement"
                    | "aussi"
                    | "encore"
                    | "ensuite"
                    | "alors"
                    | "enfin"
                    | "then"
                    | "also"
                    | "later"
                    | "'"
                    | "’"
                    | "est"
                    | "dit"
            )
        {
            j += 1;
            continue;
        }
        return None;
    }
    None
}

/// An English or French present participle ("saying", "déclarant").
pub(super) fn participle_form(word: &str) -> bool {
    word.ends_with("ing") || word.ends_with("ant")
}
