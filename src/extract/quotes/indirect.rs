//! Reported speech without quote marks, and the subjects of reporting verbs
//! anywhere in the text (for pronouns).

use super::super::actors::ArticleActors;
use super::super::lexicon::{ActorKind, LEXICON};
use super::super::names::one_line;
use super::super::tokens::Tokens;
use super::phrase::participle_subject;
use super::spans::Span;
use super::verbs::AUXILIARIES;
use super::{Attribution, Quote, QuoteKind, WINDOW, Who, mentioned_in};

/// Reported speech without quote marks, where verb and speaker are clear:
/// "Pak a affirmé que …", "The minister said that …". The speaker must be an
/// actor named right before the reporting verb; sentences with quote marks are
/// left to the direct-quote rules.
pub(super) fn indirect_speech(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    spans: &[Span],
) -> Vec<Quote> {
    let mut out = Vec::new();
    let quoted = |range: &std::ops::Range<usize>| {
        spans
            .iter()
            .any(|s| s.open < range.end && s.end > range.start)
    };
    for range in t.sentences.iter().filter(|r| !quoted(r)) {
        let hi = range.end.min(range.start + WINDOW);
        let Some(verb) = (range.start..hi).find(|k| {
            t.toks[*k].is_word
                && LEXICON.verbs.contains_key(t.lower(*k))
                && !AUXILIARIES.contains(&t.lower(*k))
        }) else {
            continue;
        };
        // "que" / "qu'" / "that" right after the verb (an adverb or a time word may sit between).
        let Some(that) = (verb + 1..(verb + 4).min(range.end))
            .find(|k| matches!(t.lower(*k), "que" | "qu" | "that"))
        else {
            continue;
        };
        // The subject: an actor right before the verb phrase.
        let mut k = verb;
        while k > range.start
            && (AUXILIARIES.contains(&t.lower(k - 1))
                || matches!(
                    t.lower(k - 1),
                    "également" | "aussi" | "also" | "encore" | "déjà"
                ))
        {
            k -= 1;
        }
        let Some(subject) = k.checked_sub(1).and_then(|p| actors.mention_at(p)) else {
            continue;
        };
        let mut first = that + 1;
        while first < range.end && !t.toks[first].is_word {
            first += 1;
        }
        let mut end = range.end;
        while end > first && !t.toks[end - 1].is_word {
            end -= 1;
        }
        if end <= first + 2 {
            continue;
        }
        let mentioned = mentioned_in(actors, first, end);
        out.push(Quote {
            start: t.toks[first].start,
            end: t.toks[end - 1].end,
            kind: QuoteKind::Indirect,
            speaker: Some(subject.actor),
            speaker_text: Some(one_line(&t.text[subject.start..subject.end])),
            confidence: 0.7,
            mentioned,
            attribution: Some(Attribution {
                rule: "indirect".to_owned(),
                cue: Some((t.toks[verb].start, t.toks[verb].end)),
                cue_words: Some(t.word(verb).to_owned()),
                speaker_span: Some((subject.start, subject.end)),
            }),
        });
    }
    out
}

/// Subjects of reporting verbs anywhere in the text (speech without quote marks
/// counts for pronoun resolution: "Peskov a déclaré mardi … « … », a-t-il déclaré").
pub(super) fn reporting_subjects(t: &Tokens<'_>, actors: &ArticleActors) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for range in &t.sentences {
        for k in range.clone() {
            if t.toks[k].is_word
                && LEXICON
                    .verbs
                    .get(t.lower(k))
                    .is_some_and(|v| v.strength == 1)
                && !AUXILIARIES.contains(&t.lower(k))
            {
                let from = range.start.max(k.saturating_sub(WINDOW));
                let person = match participle_subject(t, actors, k, from) {
                    Some(Who::Actor(a, _)) => Some(a),
                    // ", saying" after "he …": the pronoun's person is not known here.
                    Some(_) => None,
                    // Not a person named inside a quote that closes before
                    // the verb ("… by the Trump transition team," said Hoyer).
                    None => actors
                        .mentions_in(from, k)
                        .iter()
                        .rev()
                        .take_while(|m| {
                            !(m.end_tok..k).any(|x| matches!(t.word(x), "”" | "»" | "\""))
                        })
                        .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
                        .map(|m| m.actor),
                };
                if let Some(a) = person {
                    out.push((k, a));
                }
                break;
            }
        }
    }
    out
}
