//! Who a person speaks for: the country or institution named around their
//! first full mention ("le porte-parole du Kremlin, Dmitri Peskov", "Jung
//! Pak, … du Département d'État"), used to resolve role nouns and pronouns.

use std::collections::HashMap;

use super::{ActorKind, ArticleActors};
use crate::extract::lexicon::LEXICON;
use crate::extract::tokens::Tokens;

/// Gives each person without one the affiliation found near their first mention.
pub(super) fn assign(t: &Tokens<'_>, out: &mut ArticleActors) {
    // People speak for the country or institution named around their first full mention.
    let mut first_mention: HashMap<usize, (usize, usize)> = HashMap::new();
    for m in &out.mentions {
        first_mention
            .entry(m.actor)
            .or_insert((m.first_tok, m.end_tok));
    }
    for index in 0..out.actors.len() {
        if out.actors[index].kind != ActorKind::Person || out.actors[index].affiliation.is_some() {
            continue;
        }
        if let Some(&(first, end)) = first_mention.get(&index) {
            out.actors[index].affiliation = affiliation_near(t, out, first, end);
        }
    }
}

/// The country or institution a person speaks for, from the words around their
/// name in the same sentence: "le porte-parole du Kremlin, Dmitri Peskov",
/// "le ministre nord-coréen … Choe Son-hui", "Jung Pak, … du Département d'État".
pub(super) fn affiliation_near(
    t: &Tokens<'_>,
    found: &ArticleActors,
    first: usize,
    end: usize,
) -> Option<String> {
    let lexicon = &*LEXICON;
    let sentence = t.toks[first].sentence;
    let affiliation_of = |k: usize| -> Option<String> {
        if let Some(m) = found.mention_at(k) {
            return found.actors[m.actor].affiliation.clone();
        }
        lexicon
            .demonyms
            .get(t.key(k))
            .map(|e| lexicon.entries[*e].id.clone())
    };
    // Before the name, nearest first; then the apposition after it.
    let before = (first.saturating_sub(10)..first)
        .rev()
        .filter(|k| t.toks[*k].sentence == sentence)
        .find_map(affiliation_of);
    before.or_else(|| {
        (end..(end + 14).min(t.toks.len()))
            .filter(|k| t.toks[*k].sentence == sentence)
            .find_map(affiliation_of)
    })
}
