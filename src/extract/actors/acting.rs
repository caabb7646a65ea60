//! Countries and places count as actors only when they act: "la Russie a
//! annoncé", "Beijing imposed", "Kyiv says", a country that speaks in a quote,
//! one the article keeps coming back to. Where a story happens ("à Paris",
//! "in Kashmir"), a dateline or a passing mention is a setting; so is a
//! platform where words appear ("on Facebook") unless it acts.

use std::collections::HashSet;

use super::ArticleActors;
use crate::extract::lexicon::{ActorKind, Lexicon};
use crate::extract::tokens::Tokens;
use crate::model::Lang;

/// A country named this many times in one article is one of its actors.
const MENTIONS_THAT_ACT: usize = 3;

/// The countries and places of an article that are only settings:
/// `speakers` are actors that speak in a quote (they act).
pub fn settings(
    t: &Tokens<'_>,
    lang: Lang,
    found: &ArticleActors,
    speakers: &HashSet<usize>,
    lexicon: &Lexicon,
) -> HashSet<usize> {
    let mut counts = vec![0usize; found.actors.len()];
    let mut acts = vec![false; found.actors.len()];
    let mut participates = vec![false; found.actors.len()];
    for m in &found.mentions {
        if mention_acts(t, m.first_tok, m.end_tok, lexicon) {
            acts[m.actor] = true;
        }
        // "U.S. officials", "the United States secretary of state": in
        // English a country before a noun qualifies it; it neither comes
        // back nor takes part there.
        if lang == Lang::En && modifier(t, m.end_tok, lexicon) {
            continue;
        }
        if let Some(c) = counts.get_mut(m.actor) {
            *c += 1;
        }
        if !is_setting(t, m.first_tok, lexicon) {
            participates[m.actor] = true;
        }
    }
    found
        .actors
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            let actor = acts[*i] || speakers.contains(i);
            match a.kind {
                // A country also counts when it takes part (is not only where
                // things happen) more than once, or keeps coming back.
                ActorKind::Country => {
                    let recurring =
                        counts[*i] >= MENTIONS_THAT_ACT || (participates[*i] && counts[*i] >= 2);
                    !(actor || recurring)
                }
                ActorKind::Place => !actor,
                // "posted on Facebook": a platform is where words appear,
                // an actor only when it acts ("Facebook removed the page").
                ActorKind::Org => {
                    !actor
                        && lexicon.in_list("platform", &crate::extract::lexicon::normalize(&a.name))
                }
                _ => false,
            }
        })
        .map(|(i, _)| i)
        .collect()
}

/// True when the word after a name at `end` is a lower-case noun it
/// qualifies: not a verb, an auxiliary or a function word.
fn modifier(t: &Tokens<'_>, end: usize, lexicon: &Lexicon) -> bool {
    if !t.toks.get(end).is_some_and(|x| x.is_word && !x.is_cap) {
        return false;
    }
    let lower = t.lower(end);
    !(lexicon.verbs.contains_key(lower)
        || lexicon.action_verbs.contains(lower)
        || lexicon.is_function_word(t.key(end)))
}

/// True when the name at tokens `first..end` is the subject of a verb of
/// action or speech right after it, and not the place of a preposition.
fn mention_acts(t: &Tokens<'_>, first: usize, end: usize, lexicon: &Lexicon) -> bool {
    // "à Paris", "in Kashmir", "la visite à Moscou": a setting.
    let mut before = first;
    while before > 0 {
        before -= 1;
        let key = t.key(before);
        if t.toks[before].is_word && !matches!(key, "la" | "le" | "les" | "l" | "the") {
            if lexicon.in_list("place_before", t.lower(before)) {
                return false;
            }
            break;
        }
        if !t.toks[before].is_word && !matches!(t.word(before), "'" | "’") {
            break;
        }
    }
    // The verb may follow a possessive or a short apposition: "Russia's
    // foreign ministry said" is the ministry; "la Chine, elle, a répondu".
    let mut k = end;
    let mut words = 0;
    while k < t.toks.len() && words < 6 && t.toks[k].sentence == t.toks[first].sentence {
        if t.toks[k].is_word {
            let lower = t.lower(k);
            if lexicon.action_verbs.contains(lower) || lexicon.verbs.contains_key(lower) {
                return true;
            }
            // Only clitics, adverbs and another subject joined by "et" /
            // "and" may come between the name and its verb ("la Russie et
            // la Chine signent").
            let coordinated = matches!(lower, "et" | "and" | "la" | "le" | "les" | "l" | "the")
                || t.toks[k].is_cap;
            if !coordinated
                && !matches!(
                    lower,
                    "ne" | "n"
                        | "y"
                        | "en"
                        | "lui"
                        | "leur"
                        | "se"
                        | "s"
                        | "also"
                        | "now"
                        | "then"
                        | "still"
                        | "already"
                        | "aussi"
                        | "déjà"
                        | "encore"
                        // "Snapchat, lui, vous indique", "Facebook, Instagram
                        // et d'autres ont porté".
                        | "elle"
                        | "eux"
                        | "vous"
                        | "nous"
                        | "d"
                        | "autres"
                        | "others"
                )
            {
                return false;
            }
            words += 1;
        } else if !matches!(t.word(k), "," | "'" | "’") {
            return false;
        }
        k += 1;
    }
    false
}

/// True when the name at `first` is where something happens: after a place
/// preposition ("à Paris", "in Kashmir") that does not follow a verb ("a
/// demandé à Pékin" names who is asked), in parentheses after another place
/// ("Krynica (Pologne)"), or a dateline opening a paragraph in capitals.
fn is_setting(t: &Tokens<'_>, first: usize, lexicon: &Lexicon) -> bool {
    after_place_word(t, first, lexicon) || listed_after_setting(t, first, lexicon)
}

/// "a trip to Norway, Croatia and the Netherlands": a place listed after a
/// setting is a setting too. Walks back over the list (capitalised words,
/// commas, "and", articles) to a name that is one.
fn listed_after_setting(t: &Tokens<'_>, first: usize, lexicon: &Lexicon) -> bool {
    let sentence = t.toks[first].sentence;
    let mut k = first;
    let mut listed = false;
    while k > 0 && first - k < 16 {
        k -= 1;
        if t.toks[k].sentence != sentence {
            return false;
        }
        if t.toks[k].is_word && t.toks[k].is_cap {
            if listed && after_place_word(t, k, lexicon) {
                return true;
            }
            continue;
        }
        match t.key(k) {
            "and" | "et" | "or" | "ou" => listed = true,
            "the" | "la" | "le" | "les" | "l" => {}
            _ if t.is_punct(k, ',') => listed = true,
            _ if matches!(t.word(k), "'" | "’") => {}
            _ => return false,
        }
    }
    false
}

fn after_place_word(t: &Tokens<'_>, first: usize, lexicon: &Lexicon) -> bool {
    let mut before = first;
    while before > 0 {
        before -= 1;
        if !t.toks[before].is_word {
            if t.is_punct(before, '(') {
                return before > 0 && t.toks[before - 1].is_word && t.toks[before - 1].is_cap;
            }
            if matches!(t.word(before), "'" | "’") {
                continue;
            }
            return false;
        }
        let key = t.key(before);
        if matches!(key, "la" | "le" | "les" | "l" | "the") {
            continue;
        }
        if !lexicon.in_list("place_before", t.lower(before)) {
            return false;
        }
        // The preposition after a verb introduces whom the verb addresses.
        let verb = (0..before)
            .rev()
            .find(|k| t.toks[*k].is_word)
            .is_some_and(|k| {
                let w = t.lower(k);
                lexicon.verbs.contains_key(w) || lexicon.action_verbs.contains(w)
            });
        return !verb;
    }
    false
}
