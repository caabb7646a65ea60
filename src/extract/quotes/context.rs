//! Speakers from the context, for quotes no cue attributes. News writing
//! gives an unattributed quote to the person the passage is about: the last
//! one who spoke in its paragraph (`Ayrault dénonce « l'aveu accablant » de
//! son prédécesseur. « Combien d'autres plans sociaux retardés… »`), else
//! the most talked-about person of the paragraph, else of the paragraph
//! before, else the article's main speaker. Each step is less sure.

use std::collections::HashMap;

use super::super::actors::ArticleActors;
use super::super::lexicon::ActorKind;
use super::super::tokens::Tokens;
use super::{Attribution, Quote};

/// Where each quote opens and ends (tokens), beside `quotes`.
pub(super) struct Placed {
    pub(super) open: usize,
    pub(super) end: usize,
}

/// Gives a speaker from the context to every quote left without one (and
/// without a description of an unnamed speaker). `speakers` are the
/// attributions found, as (token, actor), in text order.
pub(super) fn context_speakers(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    quotes: &mut [Quote],
    placed: &[Placed],
    speakers: &[(usize, usize)],
    main: Option<usize>,
) {
    if quotes
        .iter()
        .all(|q| q.speaker.is_some() || q.speaker_text.is_some())
    {
        return;
    }
    let paragraph = paragraph_starts(t);
    let quoted = |k: usize| placed.iter().any(|p| p.open <= k && k < p.end);
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for m in &actors.mentions {
        if actors.actors[m.actor].kind == ActorKind::Person && !quoted(m.first_tok) {
            *counts.entry(m.actor).or_default() += 1;
        }
    }
    // An attributed quote's speaker is placed at the quote's opening; a
    // reporting subject inside a quote is somebody the speaker talks about.
    let opens_quote = |k: usize| placed.iter().any(|p| p.open == k);
    let last_speaker = |lo: usize, hi: usize| {
        speakers
            .iter()
            .rev()
            .find(|(k, a)| {
                (lo..hi).contains(k)
                    && actors.actors[*a].kind == ActorKind::Person
                    && (opens_quote(*k) || !quoted(*k))
            })
            .map(|(_, a)| *a)
    };
    // The person named most often in the article among those the text (not
    // a quote) names in tokens lo..hi; the later one on a tie.
    let salient = |lo: usize, hi: usize| {
        actors
            .mentions_in(lo, hi)
            .iter()
            .filter(|m| actors.actors[m.actor].kind == ActorKind::Person && !quoted(m.first_tok))
            .map(|m| m.actor)
            .max_by_key(|a| counts.get(a).copied().unwrap_or(0))
    };
    for (q, p) in quotes.iter_mut().zip(placed) {
        if q.speaker.is_some() || q.speaker_text.is_some() {
            continue;
        }
        let here = paragraph[p.open];
        let before = here.checked_sub(1).map_or(here, |k| paragraph[k]);
        let found = last_speaker(here, p.open)
            .map(|a| (a, 0.45, "paragraph-speaker"))
            .or_else(|| salient(here, p.open).map(|a| (a, 0.35, "paragraph-person")))
            .or_else(|| last_speaker(before, here).map(|a| (a, 0.35, "previous-speaker")))
            .or_else(|| salient(before, here).map(|a| (a, 0.3, "previous-person")))
            .or_else(|| main.map(|a| (a, 0.25, "main-speaker")));
        if let Some((a, confidence, rule)) = found {
            q.speaker = Some(a);
            q.confidence = confidence;
            q.attribution = Some(Attribution::rule(rule));
        }
    }
}

/// The first token of the paragraph of each token.
fn paragraph_starts(t: &Tokens<'_>) -> Vec<usize> {
    let mut start = 0;
    t.toks
        .iter()
        .enumerate()
        .map(|(k, tok)| {
            if tok.after_break {
                start = k;
            }
            start
        })
        .collect()
}
