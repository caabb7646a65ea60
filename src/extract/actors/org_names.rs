//! The shape of an organisation's name as the recogniser's span is turned
//! into one: where it ends (before a verb or a frequent word), how it goes
//! on over its linking words ("Bureau of Fisheries and Aquatic Resources")
//! and, in French, over its field in lower case ("Commission nationale de
//! contrôle des interceptions de sécurité").

use crate::extract::lexicon::{Lexicon, normalize};
use crate::extract::tokens::Tokens;

/// True when the word is the head of an institution's name ("University",
/// "Bureau", "ministère").
fn is_org_head(t: &Tokens<'_>, lexicon: &Lexicon, k: usize) -> bool {
    t.toks[k].is_word && lexicon.org_heads.contains_key(t.key(k))
}

/// An organisation's name goes on over its linking words when it is an
/// institution's ("Bureau of Fisheries and Aquatic Resources", "University
/// of Colorado", "Institut national de la santé"): the recogniser often
/// stops at "of".
pub(super) fn extend_organisation(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    first: usize,
    mut end: usize,
) -> (usize, usize) {
    let sentence = t.toks[first].sentence;
    // "Oman Society of Astronomy and Space", "Times of India": a name that
    // ends as an institution's goes on over "of" too.
    let mut institution =
        (first..end).any(|k| is_org_head(t, lexicon, k) || lexicon.in_list("org_tail", t.key(k)));
    loop {
        let mut k = end;
        let mut linked = false;
        let mut joined = false;
        // Linking words: "of", "of the", "de la", "d'", "and" (inside an institution's name).
        while k < t.toks.len() && t.toks[k].sentence == sentence && !t.toks[k].after_break {
            let key = t.key(k);
            if matches!(
                key,
                "of" | "for"
                    | "on"
                    | "de"
                    | "du"
                    | "des"
                    | "pour"
                    | "sur"
                    | "the"
                    | "la"
                    | "le"
                    | "les"
                    | "l"
                    | "d"
            ) || t.is_punct(k, '\'')
                || t.is_punct(k, '’')
            {
                linked = true;
                k += 1;
            } else if matches!(key, "and" | "et") || t.is_punct(k, '&') {
                joined = true;
                k += 1;
            } else {
                break;
            }
        }
        if !(linked || joined)
            || k >= t.toks.len()
            || !t.toks[k].is_cap
            || t.toks[k].sentence != sentence
            || lexicon.in_list("date_word", t.key(k))
        {
            break;
        }
        let mut e = k;
        while e < t.toks.len()
            && t.toks[e].is_word
            && (t.toks[e].is_cap || lexicon.org_heads.contains_key(t.key(e)))
            && t.toks[e].sentence == sentence
        {
            e += 1;
        }
        let next_is_head = (k..e).any(|x| is_org_head(t, lexicon, x));
        if !(institution || next_is_head) || (joined && !linked && !institution) {
            break;
        }
        // "l'Union européenne et le Canada": a known actor after "and" is
        // another actor, not the end of this one's name.
        let next_key = normalize(&t.text[t.toks[k].start..t.toks[e - 1].end]);
        if joined && lexicon.surfaces.contains_key(&next_key) {
            break;
        }
        institution |= next_is_head;
        end = e;
    }
    (first, end)
}

/// "Commission nationale de contrôle des interceptions de sécurité",
/// "Commission consultative du secret de la défense nationale": after a
/// capitalised French institution's head that takes a field, the field goes
/// on in lower case, a word or two after each linking word, up to three
/// times. Frequent words (determiners, pronouns, auxiliaries) and verbs end it.
pub(super) fn with_french_field(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    first: usize,
    mut end: usize,
) -> usize {
    let takes_field = lexicon
        .org_heads
        .get(t.key(first))
        .is_some_and(|h| matches!(h.follows.as_str(), "field" | "either"));
    if !t.toks[first].is_cap || !takes_field {
        return end;
    }
    let sentence = t.toks[first].sentence;
    let inside =
        |k: usize| k < t.toks.len() && t.toks[k].sentence == sentence && !t.toks[k].after_break;
    let content = |k: usize| {
        inside(k)
            && t.toks[k].is_word
            && !t.toks[k].is_cap
            && !lexicon.is_function_word(t.key(k))
            && !lexicon.verbs.contains_key(t.lower(k))
            && !lexicon.action_verbs.contains(t.key(k))
    };
    for _ in 0..3 {
        let mut k = end;
        while inside(k)
            && (matches!(t.key(k), "de" | "des" | "du" | "d" | "la" | "l")
                || t.is_punct(k, '\'')
                || t.is_punct(k, '’'))
        {
            k += 1;
        }
        if k == end || !content(k) {
            break;
        }
        // A second word only when it reads as an adjective ("défense
        // nationale", not "sécurité donne").
        let mut e = k + 1;
        if content(e) && adjective_like(lexicon, t.key(e)) {
            e += 1;
        }
        end = e;
    }
    end
}

/// True when a French word ends as adjectives do ("nationale", "privée").
fn adjective_like(lexicon: &Lexicon, key: &str) -> bool {
    lexicon
        .words
        .get("adjective_ending")
        .is_some_and(|endings| endings.iter().any(|e| key.ends_with(e.as_str())))
}

/// "Conseil national a poursuivi", "Société des nations que", "Conseil
/// national M. Cossy", "Ecole impériale du ballet à Saint-Pétersbourg": a
/// verb, a frequent word that links no name's words, or an honorific ends an
/// organisation's name the recogniser ran on.
pub(super) fn ends_organisation(t: &Tokens<'_>, lexicon: &Lexicon, k: usize) -> bool {
    let tok = &t.toks[k];
    if !tok.is_word {
        return false;
    }
    if lexicon.is_honorific(t.word(k), t.is_punct(k + 1, '.')) {
        return true;
    }
    let key = t.key(k);
    !tok.is_cap
        && (lexicon.verbs.contains_key(t.lower(k))
            || lexicon.action_verbs.contains(t.lower(k))
            || (lexicon.is_function_word(key) && !lexicon.in_list("name_link", key)))
}
