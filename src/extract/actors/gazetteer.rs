//! Names the lexicon knows: countries with their capitals standing for them,
//! organisations, seats of power, well-known people, the user's own actors.
//! Longest form first; a form that could be something else (weak) is left
//! to the recogniser.

use super::{ActorKind, ArticleActors, Found, push_mention, shadowed_surnames};
use crate::extract::lexicon::{Lexicon, Surface};
use crate::extract::tokens::Tokens;
use crate::model::Lang;

/// Marks the lexicon's names in the article; `recognised` are the
/// recogniser's names, whose tokens a name of another kind cannot take.
pub(super) fn add(
    t: &Tokens<'_>,
    lang: Lang,
    lexicon: &Lexicon,
    recognised: &[super::recognised::Name],
    out: &mut ArticleActors,
    covered: &mut [bool],
) {
    let n = t.toks.len();
    let shadowed = shadowed_surnames(t, lexicon);
    // A list's name inside a longer name of another kind is part of it
    // ("Dupont" in "Jean Dupont" is no company, "France" in "Banque de
    // France" no country).
    let mut inside_longer = vec![0u8; n];
    for (first, end, kind, _) in recognised {
        if end - first >= 2 {
            inside_longer[*first..*end]
                .iter_mut()
                .for_each(|k| *k = *kind);
        }
    }
    let mut pending = Vec::new();
    let mut i = 0;
    // Pass 1: gazetteer, longest match first.
    while i < n {
        if t.cancelled(i) {
            return;
        }
        if !t.toks[i].is_word || covered[i] {
            i += 1;
            continue;
        }
        // Only where some surface form starts with this word.
        if !lexicon
            .first_words
            .contains(t.key(i).split(' ').next().unwrap_or_default())
        {
            i += 1;
            continue;
        }
        // Candidate spans, shortest first: words joined by their keys (the key of
        // "d'État" is "d etat", of "U.S." is "u s"), within the sentence, with
        // only apostrophes and periods between words.
        let mut spans: Vec<(usize, String, Surface)> = Vec::new();
        let mut key = String::new();
        let mut k = i;
        while k < n
            && k < i + lexicon.max_tokens * 2
            && t.toks[k].sentence == t.toks[i].sentence
            && !covered[k]
        {
            if t.toks[k].is_word {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(t.key(k));
                if let Some(s) = lexicon.surfaces.get(&key) {
                    spans.push((k + 1 - i, key.clone(), *s));
                }
                // No longer name starts with these words.
                if !lexicon.prefixes.contains(&key) {
                    break;
                }
            } else if !matches!(t.word(k), "'" | "’" | ".") {
                break;
            }
            k += 1;
        }
        let mut matched = None;
        for (len, key, s) in spans.into_iter().rev() {
            // Names are capitalised; a lower-case start is allowed only when a later
            // word is ("le département d'État américain").
            let capitalised =
                t.toks[i].is_cap || (len >= 2 && (i + 1..i + len).any(|k| t.toks[k].is_cap));
            // "the National Labs", "the National Guard": a name read from a
            // lower-case article goes on; the known one is not meant.
            let goes_on = !t.toks[i].is_cap
                && t.toks.get(i + len).is_some_and(|x| {
                    x.is_word && x.is_cap && x.sentence == t.toks[i].sentence && !x.after_break
                });
            if !capitalised || goes_on {
                continue;
            }
            let surface = &t.text[t.toks[i].start..t.toks[i + len - 1].end];
            let exact_case = surface
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if (s.acronym && !exact_case) || s.weak {
                continue;
            }
            // "JAKARTA -" opening a paragraph is a dateline: where the story was
            // written, not an actor.
            let dateline = s.metonym && exact_case && t.toks[i].after_break && len == 1;
            if dateline || (len == 1 && shadowed.contains(&key)) {
                break;
            }
            let entry_kind = match lexicon.entries[s.entry].kind {
                ActorKind::Person => 1,
                ActorKind::Org | ActorKind::Other => 2,
                _ => 3,
            };
            let within = |k: usize| inside_longer.get(k).copied().unwrap_or(0);
            let longer_other = within(i) != 0
                && within(i) != entry_kind
                && (within(i.wrapping_sub(1)) == within(i) || within(i + len) == within(i));
            if longer_other {
                break;
            }
            // "the National Treasury Employees Union", "U.N. Environment
            // Programme": a known name that opens a longer institution's
            // name is part of it.
            if lexicon.entries[s.entry].kind == ActorKind::Org
                && continues_as_institution(t, lexicon, i + len)
            {
                break;
            }
            matched = Some((len, s));
            break;
        }
        // "SF", "MP", "DIE", "PDG": the acronym of a party or a firm abroad
        // is more often a common abbreviation; it is decided at the end.
        if let Some((len, surface)) = matched.filter(|(_, s)| foreign_acronym(lexicon, lang, s)) {
            pending.push((i, len, surface));
            covered[i..i + len].iter_mut().for_each(|c| *c = true);
            i += len;
            continue;
        }
        if let Some((mut len, surface)) = matched {
            let entry = &lexicon.entries[surface.entry];
            // "General Motors Corp": the legal form belongs to the name.
            if entry.kind == ActorKind::Org
                && t.toks.get(i + len).is_some_and(|x| x.is_word && x.is_cap)
                && lexicon.in_list("legal_form", t.key(i + len))
            {
                len += 1;
            }
            let actor = out.intern(Found::from_entry(entry, lang));
            push_mention(out, t, actor, i, i + len);
            covered[i..i + len].iter_mut().for_each(|c| *c = true);
            i += len;
        } else {
            i += 1;
        }
    }
    confirm_acronyms(t, lang, lexicon, pending, out);
}

/// True for an acronym of an organisation of a country other than the ones
/// the article's language mostly reports on (France in French; the United
/// States and Britain in English).
fn foreign_acronym(lexicon: &Lexicon, lang: Lang, s: &Surface) -> bool {
    let Some(&country) = lexicon.org_country.get(&s.entry) else {
        return false;
    };
    let home: &[&str] = match lang {
        Lang::Fr => &["country:fr"],
        Lang::En | Lang::Other => &["country:us", "country:gb"],
    };
    s.acronym && !home.contains(&lexicon.entries[country].id.as_str())
}

/// Keeps the pending acronyms whose country the article names (by name,
/// capital or nationality) or whose organisation it also names in full.
fn confirm_acronyms(
    t: &Tokens<'_>,
    lang: Lang,
    lexicon: &Lexicon,
    pending: Vec<(usize, usize, Surface)>,
    out: &mut ArticleActors,
) {
    if pending.is_empty() {
        return;
    }
    let named: std::collections::HashSet<&str> =
        out.actors.iter().map(|a| a.key.as_str()).collect();
    // The countries whose nationality the article writes, read once.
    let nationalities: std::collections::HashSet<usize> = (0..t.toks.len())
        .filter(|k| t.toks[*k].is_word)
        .filter_map(|k| lexicon.demonyms.get(t.key(k)).copied())
        .collect();
    let keep: Vec<bool> = pending
        .iter()
        .map(|(_, _, s)| {
            let entry = &lexicon.entries[s.entry];
            let country = lexicon.org_country[&s.entry];
            named.contains(entry.id.as_str())
                || named.contains(lexicon.entries[country].id.as_str())
                || nationalities.contains(&country)
        })
        .collect();
    for ((i, len, surface), keep) in pending.into_iter().zip(keep) {
        if keep {
            let actor = out.intern(Found::from_entry(&lexicon.entries[surface.entry], lang));
            push_mention(out, t, actor, i, i + len);
        }
    }
}

/// True when the capitalised words from token `k` on (same sentence and
/// line, up to four) end with an institution's last word ("… Employees
/// Union", "… Security Committee") and hold no legal form.
fn continues_as_institution(t: &Tokens<'_>, lexicon: &Lexicon, k: usize) -> bool {
    let sentence = t.toks.get(k.wrapping_sub(1)).map(|x| x.sentence);
    let mut run = Vec::new();
    let mut e = k;
    while e < t.toks.len()
        && run.len() < 4
        && t.toks[e].is_word
        && t.toks[e].is_cap
        && !t.toks[e].after_break
        && Some(t.toks[e].sentence) == sentence
    {
        run.push(e);
        e += 1;
    }
    let Some(&last) = run.last() else {
        return false;
    };
    lexicon.in_list("org_tail", t.key(last))
        && !run.iter().any(|x| lexicon.in_list("legal_form", t.key(*x)))
}
