//! One institution's name that the passes read as two: "Goddard Space" +
//! "Flight Center", "Israel" + "Democracy Institute", "University of" +
//! "Maryland School of Medicine". Two mentions side by side in one sentence,
//! with only a space between them, are one organisation when the second ends
//! with an institution's last word and the first is no person, or when the
//! first is left open on a linking word ("University of"). An institution's
//! name also takes in the capitalised words around it that no pass read:
//! "the Fishing [Vessel Owners Association]", "[Indiana State] Teachers
//! Association".

use super::{ActorKind, ArticleActors, Mention, org_actor};
use crate::extract::lexicon::Lexicon;
use crate::extract::tokens::Tokens;

/// Merges such pairs, left to right, until none is left. `mentions` must be
/// sorted by first token.
pub(super) fn merge(t: &Tokens<'_>, lexicon: &Lexicon, out: &mut ArticleActors) {
    let mut i = 0;
    while i + 1 < out.mentions.len() {
        let (a, b) = (out.mentions[i].clone(), out.mentions[i + 1].clone());
        if !joined(t, lexicon, out, &a, &b) {
            i += 1;
            continue;
        }
        let (first_tok, end_tok, start, end) = (a.first_tok, b.end_tok, a.start, b.end);
        let actor = out.intern(org_actor(&t.text[start..end]));
        out.mentions[i] = Mention {
            actor,
            first_tok,
            end_tok,
            start,
            end,
        };
        out.mentions.remove(i + 1);
    }
    for i in 0..out.mentions.len() {
        stretch(t, lexicon, out, i);
    }
}

/// Widens mention `i` (an organisation or a place) over the bare
/// capitalised words beside it when the widened name ends with an
/// institution's last word; to the left only inside a sentence (its first
/// word may be any capitalised word).
fn stretch(t: &Tokens<'_>, lexicon: &Lexicon, out: &mut ArticleActors, i: usize) {
    let m = out.mentions[i].clone();
    // A place's name that goes on to an institution's last word is the
    // institution's ("Indiana State Teachers Association", "Kenya Airways").
    if out.actors[m.actor].kind == ActorKind::Person {
        return;
    }
    let sentence = t.toks[m.first_tok].sentence;
    let next_first = out.mentions.get(i + 1).map_or(usize::MAX, |n| n.first_tok);
    let capitalised = |k: usize| {
        t.toks[k].is_word
            && t.toks[k].is_cap
            // "New York-based", "GOP-dominated": an adjective, not a name.
            && !t
                .word(k)
                .rsplit('-')
                .next()
                .is_some_and(|w| w.starts_with(char::is_lowercase))
            && t.toks[k].sentence == sentence
            && !lexicon.honorifics.contains(t.word(k))
            && !lexicon.in_list("date_word", t.key(k))
    };
    // On the left no title either ("President Obama Foundation" is not one
    // name); on the right a job word may be inside ("Teachers Association").
    let bare = |k: usize| capitalised(k) && !lexicon.roles.contains(t.key(k));
    let tail = |k: usize| lexicon.in_list("org_tail", t.key(k));
    let mut end = m.end_tok;
    let mut k = m.end_tok;
    // Not onto a newspaper's word: "White House Press Secretary".
    while k < t.toks.len() && k < next_first && !t.toks[k].after_break && capitalised(k) {
        k += 1;
        if tail(k - 1) && !lexicon.in_list("media_word", t.key(k - 1)) {
            end = k;
        }
    }
    let last = (m.first_tok..end).rev().find(|k| t.toks[*k].is_word);
    if !last.is_some_and(tail) {
        return;
    }
    let prev_end = i.checked_sub(1).map_or(0, |p| out.mentions[p].end_tok);
    let mut first = m.first_tok;
    while first > prev_end
        && !t.toks[first].after_break
        && bare(first - 1)
        && t.sentences
            .get(sentence)
            .is_some_and(|r| r.start < first - 1)
    {
        first -= 1;
    }
    if (first, end) == (m.first_tok, m.end_tok) {
        return;
    }
    let (start, stop) = (t.toks[first].start, t.toks[end - 1].end);
    let actor = out.intern(org_actor(&t.text[start..stop]));
    out.mentions[i] = Mention {
        actor,
        first_tok: first,
        end_tok: end,
        start,
        end: stop,
    };
}

fn joined(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    out: &ArticleActors,
    a: &Mention,
    b: &Mention,
) -> bool {
    if a.end_tok != b.first_tok
        || t.toks[b.first_tok].after_break
        || t.toks[a.first_tok].sentence != t.toks[b.end_tok - 1].sentence
        || !t.toks[a.end_tok - 1].is_word
        || !t.text[t.toks[a.end_tok - 1].end..t.toks[b.first_tok].start]
            .chars()
            .all(|c| c == ' ')
    {
        return false;
    }
    let (kind_a, kind_b) = (out.actors[a.actor].kind, out.actors[b.actor].kind);
    let open = matches!(t.key(a.end_tok - 1), "of" | "for" | "de" | "du" | "des");
    let last = (b.first_tok..b.end_tok).rev().find(|k| t.toks[*k].is_word);
    let institution = last.is_some_and(|k| lexicon.in_list("org_tail", t.key(k)));
    // A person's name read before an institution's last words ("Goddard
    // Space" + "Flight Center") is part of it when named nowhere else.
    let once = || out.mentions.iter().filter(|m| m.actor == a.actor).count() == 1;
    let person_a = kind_a == ActorKind::Person && !once();
    open || (kind_b == ActorKind::Org && institution && !person_a)
}
