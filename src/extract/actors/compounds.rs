//! One institution's name that the passes read as two: "Goddard Space" +
//! "Flight Center", "Israel" + "Democracy Institute", "University of" +
//! "Maryland School of Medicine". Two mentions side by side in one sentence,
//! with only a space between them, are one organisation when the second ends
//! with an institution's last word and the first is no person, or when the
//! first is left open on a linking word ("University of").

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
    kind_b == ActorKind::Org && kind_a != ActorKind::Person && (open || institution)
}
