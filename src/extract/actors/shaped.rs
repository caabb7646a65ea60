//! Organisations found by the shape of their name where neither the lexicon
//! nor the recogniser found them: a capitalised name that opens with an
//! institution's head ("Project on Government Oversight", "Institut
//! national …") or ends with one ("Arctic Ice Project", "Wagner Group",
//! "James Beam Distilling Co").

use super::{ArticleActors, org_actor, push_mention};
use crate::extract::lexicon::Lexicon;
use crate::extract::names::is_common_word;
use crate::extract::tokens::Tokens;

/// Words that may link the capitalised words of an organisation's name.
const LINKS: &[&str] = &["of", "on", "for", "de", "du", "des", "d", "la", "le", "l"];

/// Marks the organisation-shaped names that nothing else covered.
pub(super) fn add(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    out: &mut ArticleActors,
    covered: &mut [bool],
) {
    let n = t.toks.len();
    let mut i = 0;
    while i < n {
        if t.cancelled(i) {
            return;
        }
        if covered[i] || !t.toks[i].is_word || !t.toks[i].is_cap {
            i += 1;
            continue;
        }
        // The run: capitalised words, and linking words between two of them.
        let sentence = t.toks[i].sentence;
        let mut words = vec![i];
        let mut k = i + 1;
        while k < n && !covered[k] && t.toks[k].sentence == sentence && !t.toks[k].after_break {
            if t.toks[k].is_word && t.toks[k].is_cap {
                words.push(k);
                k += 1;
                continue;
            }
            let is_link = |x: usize| {
                (t.toks[x].is_word && LINKS.contains(&t.key(x)))
                    || t.is_punct(x, '\'')
                    || t.is_punct(x, '’')
            };
            let next_cap = (k + 1..(k + 4).min(n))
                .find(|x| !is_link(*x))
                .is_some_and(|x| {
                    t.toks[x].is_word
                        && t.toks[x].is_cap
                        && !covered[x]
                        && !lexicon.in_list("date_word", t.key(x))
                });
            let link = is_link(k);
            if link && next_cap {
                k += 1;
                continue;
            }
            break;
        }
        // An article opens no name ("The Project on Government Oversight"),
        // nor does where it is based ("Seattle-based …").
        while words.len() > 1
            && (matches!(t.key(words[0]), "the" | "le" | "la" | "les" | "l")
                || t.lower(words[0]).ends_with("-based"))
        {
            words.remove(0);
        }
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            i += 1;
            continue;
        };
        let head = lexicon.in_list("org_head", t.key(first));
        let tail = lexicon.in_list("org_tail", t.key(last));
        let named = words.iter().any(|w| {
            !is_common_word(t.key(*w))
                && !lexicon.in_list("org_tail", t.key(*w))
                && !lexicon.in_list("org_head", t.key(*w))
        });
        if words.len() >= 2 && (head || tail) && named && !is_common_word(t.key(first)) {
            let end = last + 1;
            let surface = &t.text[t.toks[first].start..t.toks[last].end];
            let actor = out.intern(org_actor(surface));
            push_mention(out, t, actor, first, end);
            covered[first..end].iter_mut().for_each(|c| *c = true);
            i = end;
        } else {
            i = words.last().map_or(i + 1, |l| l + 1);
        }
    }
}
