//! Names found by the recogniser ([`crate::extract::ner`]) that no list
//! holds: people whatever their given name, organisations, places. A name
//! the lexicon knows (even in a form that alone would be ambiguous, such as a
//! capital that is also a given name) takes the lexicon's actor.

use std::collections::HashMap;

use super::org_names::{ends_organisation, extend_organisation, with_french_field};
use super::{ArticleActors, Found, org_actor, person_actor, push_mention};
use crate::extract::lexicon::{ActorKind, Lexicon, normalize};
use crate::extract::ner::{self, Span};
use crate::extract::tokens::Tokens;
use crate::model::Lang;

/// Adds the recognised names not already covered by the gazetteer. One
/// name written the same way is one actor of one kind in an article (the
/// kind most of its mentions were given), and a one-word name that is the
/// family name of exactly one person named in full there is that person.
pub(super) fn add(
    t: &Tokens<'_>,
    lang: Lang,
    lexicon: &Lexicon,
    recognised: &[Name],
    out: &mut ArticleActors,
    covered: &mut [bool],
) {
    let names: Vec<&Name> = recognised
        .iter()
        .filter(|(first, end, _, _)| !covered[*first..*end].iter().any(|c| *c))
        .collect();
    // The kind most mentions of a name were given (people first on a tie).
    let mut votes: HashMap<&str, [usize; 4]> = HashMap::new();
    for (_, _, kind, key) in names.iter().copied() {
        votes.entry(key.as_str()).or_default()[usize::from(*kind)] += 1;
    }
    let kind_of = |key: &str| -> u8 {
        let v = votes.get(key).copied().unwrap_or_default();
        [1u8, 2, 3]
            .into_iter()
            .max_by_key(|k| (v[usize::from(*k)], 4 - k))
            .unwrap_or(1)
    };
    // Family names (and the first word of names whose first word is not a
    // given name: "Lin" of "Lin Jian") of the people named in full.
    // Each part maps to the people named in full with it, as (first token of
    // a full mention, key, given-name gender).
    let mut family: HashMap<String, Vec<(usize, String, Option<char>)>> = HashMap::new();
    // Given names of the people named in full: an article may go on with
    // the given name alone ("Mariam" after "Mariam Malibiche").
    let mut given: HashMap<String, Vec<(usize, String, Option<char>)>> = HashMap::new();
    // People the lists found count too ("Kim" after "Kim Jong Un").
    let known: Vec<(usize, usize, String)> = out
        .mentions
        .iter()
        .filter(|m| out.actors[m.actor].kind == ActorKind::Person)
        .map(|m| (m.first_tok, m.end_tok, format!("\u{1}{}", m.actor)))
        .collect();
    let people = names
        .iter()
        .filter(|(_, _, _, key)| kind_of(key) == 1)
        .map(|(first, end, _, key)| (*first, *end, key.clone()))
        .chain(known);
    for (first, end, key) in people {
        let words: Vec<usize> = (first..end).filter(|k| t.toks[*k].is_word).collect();
        if words.len() < 2 {
            continue;
        }
        let last = t.key(words[words.len() - 1]).to_owned();
        let head = t.key(words[0]).to_owned();
        let head_is_family =
            !lexicon.first_names.contains(&head) || lexicon.in_list("family_name_first", &head);
        let gender = lexicon.name_gender.get(&head).copied();
        // The family name, and longer tails of the name ("Passos Coelho"
        // of Pedro Passos Coelho).
        let tails = (1..words.len().saturating_sub(1)).map(|i| {
            normalize(&t.text[t.toks[words[i]].start..t.toks[words[words.len() - 1]].end])
        });
        let parts = [Some(last), head_is_family.then(|| head.clone())];
        for part in parts.into_iter().flatten().chain(tails) {
            family
                .entry(part)
                .or_default()
                .push((first, key.clone(), gender));
        }
        if !head_is_family {
            given
                .entry(head)
                .or_default()
                .push((first, key.clone(), gender));
        }
    }
    let full_names: HashMap<&str, (usize, usize)> = names
        .iter()
        .filter(|(_, _, _, key)| kind_of(key) == 1)
        .map(|(first, end, _, key)| (key.as_str(), (*first, *end)))
        .collect();
    for &(first, end, _, ref key) in names.iter().copied() {
        let surface = &t.text[t.toks[first].start..t.toks[end - 1].end];
        let whole = family
            .get(key)
            .and_then(|people| the_one_named(t, lexicon, people, first))
            .or_else(|| {
                // A given name alone names someone only when one person has it.
                let people = given.get(key)?;
                let one = people.first()?;
                people
                    .iter()
                    .all(|p| p.1 == one.1)
                    .then_some(one.1.as_str())
            })
            .filter(|full| *full != key);
        let actor = match whole {
            // A person the lists found.
            Some(full) if full.starts_with('\u{1}') => full[1..].parse::<usize>().ok(),
            Some(full) => full_names.get(full).and_then(|&(f, e)| {
                let name = &t.text[t.toks[f].start..t.toks[e - 1].end];
                actor_of(t, lexicon, lang, 1, f, e, name).map(|found| out.intern(found))
            }),
            None => actor_of(t, lexicon, lang, kind_of(key), first, end, surface)
                .map(|found| out.intern(found)),
        };
        let Some(actor) = actor else {
            continue;
        };
        push_mention(out, t, actor, first, end);
        covered[first..end].iter_mut().for_each(|c| *c = true);
    }
}

/// Which of the people named in full with a family name the name alone at
/// token `at` stands for: the only one; else the one of the gender its
/// honorific says ("Mrs Simons" beside Philip and Ninette Simons); else the
/// one named in full most recently before ("Rajnath Singh said … Singh
/// said"). `None` when nothing tells them apart.
fn the_one_named<'p>(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    people: &'p [(usize, String, Option<char>)],
    at: usize,
) -> Option<&'p str> {
    let first = people.first()?;
    if people.iter().all(|p| p.1 == first.1) {
        return Some(&first.1);
    }
    let honorific = (0..at)
        .rev()
        .find(|k| t.toks[*k].is_word)
        .filter(|k| *k + 2 >= at);
    let gender = honorific.and_then(|k| {
        let word = t.lower(k);
        if lexicon.in_list("honorific_m", word) {
            Some('m')
        } else if lexicon.in_list("honorific_f", word) {
            Some('f')
        } else {
            None
        }
    });
    let fitting: Vec<&(usize, String, Option<char>)> = people
        .iter()
        .filter(|p| gender.is_none_or(|g| p.2 == Some(g)))
        .collect();
    if let Some(one) = fitting.first()
        && fitting.iter().all(|p| p.1 == one.1)
    {
        return Some(&one.1);
    }
    fitting
        .iter()
        .filter(|p| p.0 < at)
        .max_by_key(|p| p.0)
        .map(|p| p.1.as_str())
}

/// True when the words are a title and nothing else: at least one role or
/// honorific, the others nationalities or common words ("Prime Minister",
/// "Colonel", "Committee Chairman" name nobody; "Norman Mains" does).
pub(super) fn titles_only(t: &Tokens<'_>, lexicon: &Lexicon, words: &[usize]) -> bool {
    let title =
        |k: usize| lexicon.roles.contains(t.key(k)) || lexicon.honorifics.contains(t.word(k));
    words.iter().any(|k| title(*k))
        && words.iter().all(|k| {
            let key = t.key(*k);
            title(*k)
                || lexicon.demonyms.contains_key(key)
                || (lexicon.common_words.get(key).is_some_and(|n| *n >= 2)
                    && (!lexicon.first_names.contains(key)
                        || lexicon.ambiguous_names.contains(key)))
        })
}

/// A recognised name: tokens `first..end`, kind (1 person, 2 organisation,
/// 3 place) and its normalised text.
pub(super) type Name = (usize, usize, u8, String);

/// The names the recogniser finds in an article, cleaned of titles and
/// punctuation, without those that are no names.
pub(super) fn names(t: &Tokens<'_>, lang: Lang, lexicon: &Lexicon) -> Vec<Name> {
    let ctx = ner::features::Context::new(t, lang, lexicon);
    let tags = ner::MODEL.tag(&ctx);
    let mut out = Vec::new();
    for span in with_particles(t, lexicon, with_initials(t, ner::spans(&tags))) {
        if t.cancelled(span.first) {
            break;
        }
        let Some((first, end)) = trim(t, lexicon, span) else {
            continue;
        };
        let (first, end) = if span.kind == 2 {
            let (first, end) = extend_organisation(t, lexicon, first, end);
            let end = if lang == Lang::Fr {
                with_french_field(t, lexicon, first, end)
            } else {
                end
            };
            (first, end)
        } else {
            (first, end)
        };
        for (first, end, kind) in split_person_off(t, lexicon, first, end, span.kind) {
            if !plausible(t, lexicon, kind, first, end) {
                continue;
            }
            let key = normalize(&t.text[t.toks[first].start..t.toks[end - 1].end]);
            out.push((first, end, kind, key));
        }
    }
    out
}

/// A capital letter and its period before a person's name are the person's
/// initial ("S. Ivanov", "J. K. Rowling"), whatever the recogniser made of them.
fn with_initials(t: &Tokens<'_>, spans: Vec<Span>) -> Vec<Span> {
    let is_initial = |k: usize| {
        t.toks[k].is_word
            && t.toks[k].is_cap
            && t.word(k).chars().count() == 1
            && t.is_punct(k + 1, '.')
    };
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for mut span in spans {
        while span.kind == 1 && span.first >= 2 && is_initial(span.first - 2) {
            span.first -= 2;
        }
        // A lone initial the recogniser kept apart joins the name after it.
        if let Some(last) = out.last()
            && last.first >= span.first
        {
            out.pop();
        }
        if span.kind == 1 && span.end - span.first == 1 && is_initial(span.first) {
            continue;
        }
        out.push(span);
    }
    out
}

/// A person's name opens before its particles: "Haitham bin Tarik", "Laure
/// de la Raudière", whatever the recogniser kept of it. The word before the
/// particles must be a capitalised name, not a title.
fn with_particles(t: &Tokens<'_>, lexicon: &Lexicon, mut spans: Vec<Span>) -> Vec<Span> {
    let mut prev_end = 0;
    for span in &mut spans {
        if span.kind == 1 {
            // "O'Brien", "De’Broski Herbert": a short capitalised prefix
            // glued by an apostrophe is part of the name.
            let f = span.first;
            if f >= prev_end + 2
                && (t.is_punct(f - 1, '\'') || t.is_punct(f - 1, '’'))
                && t.toks[f - 1].start == t.toks[f - 2].end
                && t.toks[f].start == t.toks[f - 1].end
                && t.toks[f - 2].is_word
                && t.toks[f - 2].is_cap
                && t.word(f - 2).chars().count() <= 3
            {
                span.first = f - 2;
            }
            let mut k = span.first;
            while k >= prev_end + 2 && !t.toks[k - 1].after_break {
                if lexicon.in_list("name_particle", t.word(k - 1)) {
                    k -= 1;
                } else if k >= prev_end + 3
                    && (t.is_punct(k - 1, '\'') || t.is_punct(k - 1, '’'))
                    && t.word(k - 2) == "d"
                {
                    k -= 2;
                } else {
                    break;
                }
            }
            let particles = k < span.first;
            let head = k.wrapping_sub(1);
            let name_before = particles
                && head >= prev_end
                && t.toks[head].is_word
                && t.toks[head].is_cap
                && !t.toks[head].after_break
                && t.toks[head].sentence == t.toks[span.first].sentence
                && !lexicon.roles.contains(t.key(head))
                && !lexicon.honorifics.contains(t.word(head))
                && !crate::extract::names::is_common_word(t.key(head))
                && t.word(head).chars().any(char::is_lowercase);
            if name_before {
                span.first = head;
            }
        }
        prev_end = span.end;
    }
    spans
}

/// An organisation's or place's name that ends with a person's full name
/// ("Air Force James Roche", "Lindi Municipal Director Jomaary Satura"): the
/// office, then the person, who starts at an unambiguous given name followed
/// by a capitalised word.
fn split_person_off(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    first: usize,
    end: usize,
    kind: u8,
) -> Vec<(usize, usize, u8)> {
    if kind == 1 {
        return vec![(first, end, kind)];
    }
    let words: Vec<usize> = (first..end).filter(|k| t.toks[*k].is_word).collect();
    let given = words.iter().enumerate().skip(1).find(|(i, k)| {
        let key = t.key(**k);
        *i + 1 < words.len()
            && lexicon.first_names.contains(key)
            && !lexicon.ambiguous_names.contains(key)
            && !lexicon.surfaces.contains_key(key)
    });
    if let Some((_, &k)) = given {
        return vec![(first, k, kind), (k, end, 1)];
    }
    // "Durban high court judge Mbuzeni Mathenjwa": a lower-case job word
    // inside, then capitalised words to the end, is the office and the
    // person. A job word at the end is not the organisation's ("Committee
    // Chairman").
    let role = words.iter().enumerate().skip(1).find(|(i, k)| {
        lexicon.roles.contains(t.key(**k))
            && (!t.toks[**k].is_cap || *i + 1 == words.len())
            && words[*i + 1..].iter().all(|w| t.toks[*w].is_cap)
    });
    match role {
        Some((i, &k)) if i + 1 < words.len() => {
            vec![(first, k, kind), (words[i + 1], end, 1)]
        }
        Some((_, &k)) => vec![(first, k, kind)],
        None => vec![(first, end, kind)],
    }
}

/// False for what the recogniser took for a name but is not one: a title
/// alone ("Prime Minister", "Lt"), words joined by a hyphen that name two
/// actors ("India-Pakistan", "Israel-Hamas"), an all-capital one-word person
/// (a dateline: "LINDI").
fn plausible(t: &Tokens<'_>, lexicon: &Lexicon, kind: u8, first: usize, end: usize) -> bool {
    let words: Vec<usize> = (first..end).filter(|k| t.toks[*k].is_word).collect();
    let Some(&head) = words.first() else {
        return false;
    };
    if kind == 1 {
        let titles_only = titles_only(t, lexicon, &words);
        let capitals = words.len() == 1
            && t.word(head)
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if titles_only || capitals {
            return false;
        }
    }
    if words.len() == 1 && t.word(head).contains('-') {
        let parts: Vec<String> = t.word(head).split('-').map(normalize).collect();
        if parts.len() == 2
            && parts
                .iter()
                .all(|p| lexicon.surfaces.contains_key(p) || lexicon.demonyms.contains_key(p))
        {
            return false;
        }
    }
    true
}

/// The name without what the recogniser may have taken with it: leading
/// articles, honorifics, titles and roles ("M.", "the", "Prime Minister"),
/// and trailing punctuation. `None` when nothing is left.
fn trim(t: &Tokens<'_>, lexicon: &Lexicon, span: Span) -> Option<(usize, usize)> {
    let (mut first, mut end) = (span.first, span.end);
    if span.kind == 2
        && let Some(cut) = (first + 1..end).find(|k| ends_organisation(t, lexicon, *k))
    {
        end = cut;
    }
    // No trailing punctuation, linking word or elision ("Ministry of", "New
    // York d'"), and a person's name ends with a capitalised word ("Mariam
    // narrates").
    while end > first
        && (!t.toks[end - 1].is_word
            || matches!(
                t.key(end - 1),
                "d" | "de" | "du" | "des" | "l" | "of" | "and" | "the" | "et" | "la" | "le"
            )
            || (span.kind == 1 && !t.toks[end - 1].is_cap))
    {
        end -= 1;
    }
    if span.kind == 1 {
        let run: Vec<usize> = (first..end).filter(|k| t.toks[*k].is_word).collect();
        let lead = crate::extract::names::title_words(t, &run);
        if lead > 0 {
            first = *run.get(lead)?;
        }
        // What comes before the name proper: "Durban high court judge
        // Mbuzeni Mathenjwa", "Costa Rican President-elect Rodrigo Chaves",
        // "Seattle-based Dana Besecker". The name starts after the last word
        // that cannot be part of a name, or at a given name after a title.
        let run: Vec<usize> = (first..end).filter(|k| t.toks[*k].is_word).collect();
        let not_name = |k: usize| {
            !t.toks[k].is_cap
                || t.lower(k).ends_with("-based")
                || t.lower(k).ends_with("-elect")
                || lexicon.roles.contains(t.key(k))
        };
        if let Some(pos) = run.iter().rposition(|k| not_name(*k))
            && pos + 1 < run.len()
        {
            first = run[pos + 1];
        }
    }
    if span.kind == 2 {
        // "Seattle-based International Pacific Halibut Commission".
        let run: Vec<usize> = (first..end).filter(|k| t.toks[*k].is_word).collect();
        if let Some(pos) = run.iter().position(|k| t.lower(*k).ends_with("-based"))
            && pos + 1 < run.len()
        {
            first = run[pos + 1];
        }
    }
    loop {
        if first >= end {
            return None;
        }
        let word = t.word(first);
        let key = t.key(first);
        let skip = !t.toks[first].is_word
            || matches!(key, "le" | "la" | "les" | "l" | "the" | "a" | "an")
            || lexicon.honorifics.contains(word)
            || lexicon.honorifics.contains(&format!("{word}."))
            || (span.kind == 1
                && (lexicon.roles.contains(key) || lexicon.demonyms.contains_key(key)));
        if !skip || end - first == 1 && t.toks[first].is_word && span.kind != 1 {
            break;
        }
        first += 1;
    }
    (first < end && t.toks[first].is_word).then_some((first, end))
}

/// The actor a recognised name stands for.
fn actor_of(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    lang: Lang,
    kind: u8,
    first: usize,
    end: usize,
    surface: &str,
) -> Option<Found> {
    let known = lexicon
        .surfaces
        .get(&normalize(surface))
        .map(|s| &lexicon.entries[s.entry]);
    if let Some(entry) = known.filter(|e| e.kind != ActorKind::Person || kind == 1) {
        return Some(Found::from_entry(entry, lang));
    }
    // A single lower-case or common word is not a name on its own.
    let words = (first..end).filter(|k| t.toks[*k].is_word).count();
    if words == 1 && (!t.toks[first].is_cap || crate::extract::names::is_common_word(t.key(first)))
    {
        return None;
    }
    // A place whose name ends as an institution's is one ("Arctic Ice
    // Project"); "Philippine Sea", "Lawrence Island": a name that ends as a
    // place's is one.
    let last = (first..end)
        .rev()
        .find(|k| t.toks[*k].is_word)
        .map(|k| t.key(k));
    let institution = last.is_some_and(|w| lexicon.in_list("org_tail", w));
    let place = last.is_some_and(|w| lexicon.in_list("place_tail", w));
    match kind {
        1 if institution && words >= 2 => Some(org_actor(surface)),
        1 if !(place && words >= 2) => Some(person_actor(surface, None)),
        2 => Some(org_actor(surface)),
        3 if institution && words >= 2 => Some(org_actor(surface)),
        _ => Some(Found {
            key: format!("place~{}", normalize(surface)),
            kind: ActorKind::Place,
            name: surface.to_owned(),
            affiliation: None,
        }),
    }
}
