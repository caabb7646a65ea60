//! An attribution set inside the quote marks, as French typography does:
//! `« Je veux raconter leur personnalité, s'enthousiasme-t-il. Ce sera une
//! pièce très énergique. »`, `« Il faudrait rendre grâce à la science –
//! observe-t-il dans un autre livre – … »`, `« C'est un ballet que j'admire, commente
//! Millepied. Le rôle de l'homme … »`, `« L'enjeu était important, constate
//! Tony Estanguet, coprésident du comité, car … »`, `« Le ballet le plus
//! difficile, selon Millepied qui l'a interprété. C'est aussi … »`. The
//! clause opens after a comma or a dash with a lower-case verb (or "selon",
//! "according to") and closes at a comma, a dash or a full stop.

use super::super::actors::ArticleActors;
use super::super::lexicon::{ActorKind, LEXICON};
use super::super::tokens::Tokens;
use super::Who;
use super::phrase::noun_phrase_speaker;
use super::verbs::{AUXILIARIES, inverted, verb_phrase_at};

/// Tokens an incise may take from its verb to the punctuation that ends it.
const MAX_CLAUSE: usize = 14;

/// The speaker named by an incise between `first` and `end` (tokens inside
/// the marks), with the token of its verb.
pub(super) fn incise(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    first: usize,
    end: usize,
) -> Option<(Who, usize)> {
    for comma in first + 1..end.saturating_sub(1) {
        // "– observe-t-il dans un autre livre –": a dash opens an incise too.
        let dash = matches!(t.word(comma), "–" | "—");
        if !t.is_punct(comma, ',') && !dash {
            continue;
        }
        // A reflexive verb: "s'enthousiasme-t-il", "se désole-t-elle".
        let mut k = comma + 1;
        while k < end && matches!(t.lower(k), "s" | "se" | "'" | "’") {
            k += 1;
        }
        if k >= end || !t.toks[k].is_word || t.toks[k].is_cap {
            continue;
        }
        // "…, selon Millepied qui l'a interprété. C'est aussi …".
        let source = match t.lower(k) {
            "selon" => Some(k + 1),
            "according" if t.lower(k + 1) == "to" => Some(k + 2),
            _ => None,
        };
        if let Some(from) = source {
            let who = closes_clause(t, from, end, MAX_CLAUSE)
                .then(|| noun_phrase_speaker(t, actors, from, t.toks[k].sentence))
                .flatten()
                .filter(|who| match who {
                    // Inside the speaker's words, "selon les chiffres de
                    // l'Insee" cites a source; only a person is the speaker.
                    Who::Actor(a, _) => actors.actors[*a].kind == ActorKind::Person,
                    Who::NewPerson(..) => true,
                    _ => false,
                });
            if let Some(who) = who {
                return Some((who, k));
            }
            continue;
        }
        // "précise-t-il", "s'enthousiasme-t-elle": any verb, inverted, is an incise.
        if let Some((_, pronoun)) = inverted(t.lower(k)) {
            let verb = if t.toks.get(k + 1).is_some_and(|x| x.is_word)
                && LEXICON.verbs.contains_key(t.lower(k + 1))
            {
                k + 1
            } else {
                k
            };
            if dash || closes_clause(t, verb + 1, end, 2) {
                return Some((Who::Pronoun(pronoun.to_owned(), k), verb));
            }
            continue;
        }
        // "commente Millepied.", "explique le directeur général.": a
        // reporting verb then its subject.
        let Some((verb, None)) = verb_phrase_at(t, k) else {
            continue;
        };
        if AUXILIARIES.contains(&t.lower(verb)) || !closes_clause(t, verb + 1, end, MAX_CLAUSE) {
            continue;
        }
        let sentence = t.toks[verb].sentence;
        if let Some(who) = noun_phrase_speaker(t, actors, verb + 1, sentence)
            && !matches!(who, Who::Pronoun(..))
        {
            return Some((who, verb));
        }
    }
    None
}

/// True when a comma, a dash or a full stop comes within `within` tokens of
/// `from`, before `end`, with no other quote mark or colon on the way.
fn closes_clause(t: &Tokens<'_>, from: usize, end: usize, within: usize) -> bool {
    (from..end.min(from + within + 1))
        .take_while(|k| !matches!(t.word(*k), "«" | "»" | "“" | "”" | "\"" | ":" | ";"))
        .any(|k| t.is_punct(k, ',') || t.is_punct(k, '.') || matches!(t.word(k), "–" | "—"))
}
