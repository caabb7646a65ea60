//! A party named by its members or as an adjective: "Republican lawmakers",
//! "the Democrats", "les députés socialistes", "l'écologiste Sergio
//! Coronado". English writes these words with a capital; French writes them
//! in lower case, and they name the party only after a determiner or a
//! political noun ("valeurs républicaines" names nobody).

use super::{ArticleActors, Found, push_mention};
use crate::extract::lexicon::Lexicon;
use crate::extract::tokens::Tokens;
use crate::model::Lang;

/// Marks the party words no earlier pass covered.
pub(super) fn add(
    t: &Tokens<'_>,
    lang: Lang,
    lexicon: &Lexicon,
    out: &mut ArticleActors,
    covered: &mut [bool],
) {
    if lang == Lang::Other {
        return;
    }
    for k in 0..t.toks.len() {
        if covered[k] || !t.toks[k].is_word {
            continue;
        }
        let Some(entry) = lexicon
            .party_words
            .get(t.word(k))
            .and_then(|forms| forms.iter().find(|(l, _)| *l == lang))
            .map(|(_, entry)| *entry)
        else {
            continue;
        };
        let names = match lang {
            Lang::En => english_party(t, covered, k),
            _ => french_party(t, lexicon, k),
        };
        if names {
            let actor = out.intern(Found::from_entry(&lexicon.entries[entry], lang));
            push_mention(out, t, actor, k, k + 1);
            covered[k] = true;
        }
    }
}

/// "Republican lawmakers", "Democrats said": not at the head of a sentence
/// (where any adjective is capitalised) unless a plural noun, and not the
/// first word of another name ("Democratic Alliance").
fn english_party(t: &Tokens<'_>, covered: &[bool], k: usize) -> bool {
    let sentence_start = t
        .sentences
        .get(t.toks[k].sentence)
        .is_some_and(|r| r.start == k)
        || t.toks[k].after_break;
    let plural = t.word(k).ends_with('s');
    let next_name = t
        .toks
        .get(k + 1)
        .is_some_and(|n| n.is_word && n.is_cap && !covered[k + 1]);
    (plural || !sentence_start) && !next_name
}

/// "les socialistes", "le député écologiste": after a determiner or a
/// political noun.
fn french_party(t: &Tokens<'_>, lexicon: &Lexicon, k: usize) -> bool {
    let before = (0..k).rev().find(|x| t.toks[*x].is_word);
    before.is_some_and(|b| {
        t.toks[b].sentence == t.toks[k].sentence && lexicon.in_list("party_context", t.lower(b))
    })
}
