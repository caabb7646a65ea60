//! A family name alone ("Pak" after "Jung Pak", "Kim" after "Kim Jong Un")
//! or the first word of an organisation's name ("Times" after "New York
//! Times") stands for the one actor of the article named in full with it.

use std::collections::HashMap;

use super::{ActorKind, ArticleActors, push_mention};
use crate::extract::lexicon::Lexicon;
use crate::extract::names::is_common_word;
use crate::extract::tokens::Tokens;

/// Marks the single words that name an actor named in full elsewhere.
pub(super) fn add(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    out: &mut ArticleActors,
    covered: &mut [bool],
) {
    let n = t.toks.len();
    let mut parts: HashMap<String, Option<usize>> = HashMap::new();
    for m in out.mentions.iter().filter(|m| m.end_tok - m.first_tok >= 2) {
        let actor = &out.actors[m.actor];
        if !matches!(actor.kind, ActorKind::Person | ActorKind::Org) {
            continue;
        }
        // The family name (last word), and the first word when it is not a
        // given name: East Asian family names come first ("Kim" for Kim Jong Un).
        let first = t.key(m.first_tok).to_owned();
        let last = t.key(m.end_tok - 1).to_owned();
        let first_ok = actor.kind == ActorKind::Org
            || !lexicon.first_names.contains(&first)
            || lexicon.in_list("family_name_first", &first);
        for word in [Some(last), first_ok.then_some(first)]
            .into_iter()
            .flatten()
        {
            if word.chars().count() < 3
                || is_common_word(&word)
                || (actor.kind == ActorKind::Org && !org_part(lexicon, &word, &actor.name))
            {
                continue;
            }
            let index = m.actor;
            parts
                .entry(word)
                .and_modify(|e| {
                    if *e != Some(index) {
                        *e = None
                    }
                })
                .or_insert(Some(index));
        }
    }
    for i in 0..n {
        if covered[i] || !t.toks[i].is_word || !t.toks[i].is_cap {
            continue;
        }
        let next_is_cap = t
            .toks
            .get(i + 1)
            .is_some_and(|n| n.is_word && n.is_cap && !covered[i + 1]);
        if next_is_cap {
            continue;
        }
        if let Some(Some(actor)) = parts.get(t.key(i)) {
            push_mention(out, t, *actor, i, i + 1);
            covered[i] = true;
        }
    }
}

/// Whether `word` alone may stand for organisation `name`: not a
/// nationality or place ("Indian" of Indian Air Force), not an institution's
/// generic word ("Force", "Affairs", "Ministry"), unless the name is a known
/// newspaper's ("Times" of The New York Times).
fn org_part(lexicon: &Lexicon, word: &str, name: &str) -> bool {
    if lexicon
        .media
        .contains(&crate::extract::lexicon::normalize(name))
    {
        return true;
    }
    let place = lexicon.surfaces.get(word).is_some_and(|s| {
        matches!(
            lexicon.entries[s.entry].kind,
            ActorKind::Country | ActorKind::Place
        )
    });
    !(place
        || lexicon.demonyms.contains_key(word)
        || lexicon.common_words.get(word).is_some_and(|c| *c >= 2)
        || lexicon.in_list("org_tail", word)
        || lexicon.org_heads.contains_key(word))
}
