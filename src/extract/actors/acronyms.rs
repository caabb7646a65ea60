//! An acronym the article defines is its long form's: "le Parquet national
//! financier (PNF)", "Namibian Broadcasting Corporation (NBC)", "la CNCTR
//! (Commission nationale de contrôle des techniques de renseignement)". Every
//! use of the acronym in that article names the long form's actor, whatever
//! the lexicon or the recogniser made of it elsewhere.

use std::collections::HashMap;

use super::{ArticleActors, Mention};
use crate::extract::tokens::Tokens;

/// Words an acronym leaves out ("Commission nationale informatique et
/// libertés" is CNIL).
const LINKS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "de", "du", "des", "d", "la", "le", "les", "l", "et",
    "pour", "en", "a",
];

/// Points every use of a defined acronym at its long form's actor.
/// `mentions` must be sorted; they stay sorted.
pub(super) fn pair(t: &Tokens<'_>, out: &mut ArticleActors) {
    let mut defined: HashMap<String, usize> = HashMap::new();
    for (i, m) in out.mentions.iter().enumerate() {
        // "Long Form (LF)".
        if let Some(word) = parenthesised_word(t, m.end_tok)
            && is_acronym(word)
            && word.eq_ignore_ascii_case(&initials(t, m))
        {
            defined.entry(word.to_owned()).or_insert(m.actor);
        }
        // "LF (Long Form)".
        let word = t.word(m.first_tok);
        if m.end_tok == m.first_tok + 1
            && is_acronym(word)
            && t.is_punct(m.end_tok, '(')
            && let Some(long) = out.mentions.get(i + 1)
            && long.first_tok == m.end_tok + 1
            && t.is_punct(long.end_tok, ')')
            && word.eq_ignore_ascii_case(&initials(t, long))
        {
            defined.entry(word.to_owned()).or_insert(long.actor);
        }
    }
    if defined.is_empty() {
        return;
    }
    for m in &mut out.mentions {
        if m.end_tok == m.first_tok + 1
            && let Some(&actor) = defined.get(t.word(m.first_tok))
        {
            m.actor = actor;
        }
    }
    // Uses no pass took for a name.
    let mut taken = vec![false; t.toks.len()];
    for m in &out.mentions {
        let end = m.end_tok.min(taken.len());
        taken[m.first_tok..end].iter_mut().for_each(|x| *x = true);
    }
    let mut added = false;
    for (k, tok) in t.toks.iter().enumerate() {
        if tok.is_word
            && !taken[k]
            && let Some(&actor) = defined.get(t.word(k))
        {
            out.mentions.push(Mention {
                actor,
                first_tok: k,
                end_tok: k + 1,
                start: tok.start,
                end: tok.end,
            });
            added = true;
        }
    }
    if added {
        out.mentions.sort_by_key(|m| m.first_tok);
    }
}

/// The word between "(" at `k` and ")" right after it.
fn parenthesised_word<'a>(t: &Tokens<'a>, k: usize) -> Option<&'a str> {
    (t.is_punct(k, '(') && t.toks.get(k + 1)?.is_word && t.is_punct(k + 2, ')'))
        .then(|| t.word(k + 1))
}

/// Two to eight letters, all capitals.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters) && word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// First letters of the mention's words, linking words left out.
fn initials(t: &Tokens<'_>, m: &Mention) -> String {
    (m.first_tok..m.end_tok)
        .filter(|k| t.toks[*k].is_word && !LINKS.contains(&t.key(*k)))
        .filter_map(|k| t.word(k).chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}
