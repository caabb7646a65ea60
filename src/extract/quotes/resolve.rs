//! From the words naming a speaker to an actor: known names, new people and
//! organisations, pronouns and role nouns resolved to a person.

use super::super::actors::{ArticleActors, Mention, person_actor};
use super::super::lexicon::{ActorKind, LEXICON, normalize};
use super::super::tokens::Tokens;
use super::verbs::verb_phrase_at;
use super::{PLURAL_PRONOUNS, Who};

/// A speaker as resolved: the actor, the words naming it, how sure, and
/// where those words are (bytes) when they name it here.
pub(super) type Resolved = (Option<usize>, Option<String>, f32, Option<(usize, usize)>);

/// How far into an earlier sentence its subject may start, in tokens ("En
/// chef de la majorité, Ayrault livre bataille").
const SUBJECT_REACH: usize = 9;

/// Turns a `Who` into an actor index, resolving pronouns and role nouns.
pub(super) fn resolve(
    t: &Tokens<'_>,
    actors: &mut ArticleActors,
    speakers: &[(usize, usize)],
    who: Who,
    at: usize,
    confidence: f32,
) -> Resolved {
    // "the Treasury Secretary said", "Manager said": a title alone names
    // nobody new; it is resolved like a role noun.
    let who = match who {
        Who::NewPerson(s, e) => {
            // A name never ends with a title word.
            match (s..e).rev().find(|k| t.toks[*k].is_word) {
                Some(last) if LEXICON.roles.contains(t.key(last)) => {
                    Who::Role(t.lower(last).to_owned(), None)
                }
                _ => Who::NewPerson(s, e),
            }
        }
        other => other,
    };
    match who {
        Who::Actor(a, (s, e)) => (
            Some(a),
            Some(t.text[s..e].to_owned()),
            confidence,
            Some((s, e)),
        ),
        Who::NewPerson(s, e) => {
            // "said Prime Minister Kaja Kallas": the title is not part of the name.
            let words: Vec<usize> = (s..e).filter(|k| t.toks[*k].is_word).collect();
            let lead = super::super::names::name_start(t, &words);
            let s = if lead > 0 && lead < words.len() {
                words[lead]
            } else {
                s
            };
            let surface = t.text[t.toks[s].start..t.toks[e - 1].end].to_owned();
            // Lower-case words after a verb are not names ("a déclaré pléger"),
            // nor is a lone letter ("S and P said").
            if !t.toks[s].is_cap || t.word(e - 1).chars().count() < 2 {
                return (None, Some(surface), 0.0, None);
            }
            // "…, said James Beam Distilling Co": an organisation speaks.
            let named: Vec<usize> = words.iter().copied().filter(|k| *k >= s).collect();
            let found = if super::super::names::org_shaped(t, &named) {
                super::super::actors::org_actor(&surface)
            } else {
                person_actor(&surface, None)
            };
            let index = actors.intern(found);
            actors.add_mention(super::super::actors::Mention {
                actor: index,
                first_tok: s,
                end_tok: e,
                start: t.toks[s].start,
                end: t.toks[e - 1].end,
            });
            let span = (t.toks[s].start, t.toks[e - 1].end);
            (Some(index), Some(surface), confidence * 0.9, Some(span))
        }
        // "they said": a group, not the last person named.
        Who::Pronoun(p, _) if PLURAL_PRONOUNS.contains(&p.as_str()) => (None, Some(p), 0.0, None),
        Who::Pronoun(p, pronoun_at) => {
            // The last speaker; failing that, the last person mentioned.
            let before_quote = pronoun_at < at;
            let at = at.min(pronoun_at);
            let fits = |a: usize| {
                actors.actors[a].kind == ActorKind::Person && agrees(&actors.actors[a].name, &p)
            };
            // "la Corée du Nord a procédé …, dénonçant ce qu'elle appelle
            // « téméraire »": a French pronoun whose sentence opens with a
            // country or an organisation, and names no person, stands for it.
            let sentence = t.sentences[t.toks[pronoun_at].sentence].start;
            let earlier = actors.mentions_in(sentence, pronoun_at);
            let subject = earlier.first().map(|m| m.actor).filter(|_| {
                matches!(p.as_str(), "il" | "elle")
                    && before_quote
                    && earlier
                        .iter()
                        .all(|m| actors.actors[m.actor].kind != ActorKind::Person)
            });
            // The person the pronoun takes up: the first one, not after a
            // preposition, earlier in its sentence (outside the quote), else
            // in the nearest sentence before that names one ("Mpofu adopted
            // a “so what” attitude. He said …").
            let taken_up = || {
                let own = t.toks[pronoun_at].sentence;
                (0..=3)
                    .filter_map(|back| own.checked_sub(back))
                    .find_map(|s| {
                        let range = &t.sentences[s];
                        // In an earlier sentence, its subject first: a name
                        // near its start or before its verb, before one at
                        // its end ("comme Marc Moreau").
                        let hi = if s == own { at } else { range.end };
                        let subject = |m: &&Mention| {
                            s == own
                                || m.first_tok < range.start + SUBJECT_REACH
                                || verb_phrase_at(t, m.end_tok).is_some()
                                || (m.first_tok > 0
                                    && LEXICON.verbs.contains_key(t.lower(m.first_tok - 1)))
                        };
                        let candidates = actors.mentions_in(range.start, hi);
                        let first_fit =
                            |m: &&Mention| fits(m.actor) && !after_preposition(t, m.first_tok);
                        candidates
                            .iter()
                            .filter(subject)
                            .find(first_fit)
                            .or_else(|| candidates.iter().find(first_fit))
                            .map(|m| m.actor)
                    })
            };
            let last = subject
                .or_else(taken_up)
                .or_else(|| {
                    speakers
                        .iter()
                        .rev()
                        .find(|(k, a)| *k < at && fits(*a))
                        .map(|(_, a)| *a)
                })
                .or_else(|| {
                    actors
                        .mentions_in(0, at)
                        .iter()
                        .rev()
                        .take(400)
                        .find(|m| fits(m.actor))
                        .map(|m| m.actor)
                });
            let span = (t.toks[pronoun_at].start, t.toks[pronoun_at].end);
            (last, Some(p), confidence * 0.9, Some(span))
        }
        Who::Unnamed(text) => (None, Some(text), 0.0, None),
        Who::Role(role, nationality) => {
            // With a nationality, any person of that country fits ("le
            // responsable américain"); without one, only a person the text
            // gave that title ("Treasury Secretary James Baker … the Treasury
            // Secretary said"): "the spokesman, who asked not to be
            // identified" is nobody named.
            let role_key = normalize(&role);
            let compatible = |a: usize| {
                let actor = &actors.actors[a];
                actor.kind == ActorKind::Person
                    && match &nationality {
                        Some(n) => actor.affiliation.as_ref().is_none_or(|x| x == n),
                        None => titled(t, actors, a, &role_key),
                    }
            };
            // The most recent compatible person before, else the next one after.
            let before = actors
                .mentions_in(0, at)
                .iter()
                .rev()
                .take(400)
                .map(|m| m.actor)
                .find(|a| compatible(*a));
            let after = || {
                actors
                    .mentions_in(at + 1, t.toks.len())
                    .iter()
                    .take(400)
                    .map(|m| m.actor)
                    .find(|a| compatible(*a))
            };
            let text = match &nationality {
                Some(_) => format!("{role} …"),
                None => role,
            };
            (before.or_else(after), Some(text), confidence * 0.7, None)
        }
    }
}

/// True when some mention of person `a` carries the title `role_key` just
/// before it ("Treasury Secretary James Baker", "le porte-parole du Kremlin,
/// Dmitri Peskov") or in an apposition just after it ("Peskov, the
/// spokesman,").
pub(super) fn titled(t: &Tokens<'_>, actors: &ArticleActors, a: usize, role_key: &str) -> bool {
    // Walk the title chain next to the name: capitalised words, roles,
    // connectors and commas, up to another person or any other word.
    let in_chain = |k: usize| {
        let tok = &t.toks[k];
        !tok.is_word
            || tok.is_cap
            || LEXICON.roles.contains(t.key(k))
            || matches!(
                t.lower(k),
                "of" | "the" | "for" | "de" | "du" | "des" | "la" | "le" | "l"
            )
    };
    let other_person = |k: usize| {
        actors
            .mention_at(k)
            .is_some_and(|m| m.actor != a && actors.actors[m.actor].kind == ActorKind::Person)
    };
    actors.mentions.iter().filter(|m| m.actor == a).any(|m| {
        let before = (m.first_tok.saturating_sub(9)..m.first_tok)
            .rev()
            .take_while(|k| in_chain(*k) && !other_person(*k));
        let after = (m.end_tok..(m.end_tok + 5).min(t.toks.len()))
            .take_while(|k| in_chain(*k) && !other_person(*k));
        before.chain(after).any(|k| t.key(k) == role_key)
    })
}

/// True unless the given name of `name` says the person is of the other
/// gender than `pronoun` ("elle" is not Jean-Marc Ayrault; "he" is not Mary
/// Steenburgen). Unknown names fit both.
fn agrees(name: &str, pronoun: &str) -> bool {
    let Some(first) = name.split([' ', '-']).next() else {
        return true;
    };
    let wanted = match pronoun {
        "il" | "he" => 'm',
        "elle" | "she" => 'f',
        _ => return true,
    };
    LEXICON
        .name_gender
        .get(&normalize(first))
        .is_none_or(|g| *g == wanted)
}

/// True when the word before token `k` is a preposition: the name there is
/// an object ("by Mpofu"), not a subject.
fn after_preposition(t: &Tokens<'_>, k: usize) -> bool {
    (0..k)
        .rev()
        .find(|x| t.toks[*x].is_word)
        .is_some_and(|x| x + 2 >= k && LEXICON.in_list("preposition", t.lower(x)))
}
