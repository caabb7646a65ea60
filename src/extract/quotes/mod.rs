//! Quotes and their speakers, in French and English.
//!
//! Quote spans come from the marks (« », “ ”, " ", ‘ ’, „ “, ‹ ›), nested, across
//! paragraphs when the next paragraph reopens the quote, and unclosed ones up to
//! the end of their paragraph. Speakers come from the syntax around the span:
//! `« … », a déclaré X`, `X a déclaré : « … »`, `selon X`, `« … », a-t-il
//! poursuivi`, `"…," said X`, `X said "…"`, `according to X`, a reporting clause
//! elsewhere in the sentence, or the subject of the sentence's reporting verb.
//! Pronouns and role nouns resolve to the most recent compatible person; a
//! pronoun is never itself a speaker.

mod context;
mod evidence;
mod incise;
mod indirect;
mod phrase;
mod resolve;
mod rules;
mod spans;
#[cfg(test)]
mod speaker_tests;
mod speech;
#[cfg(test)]
mod tests;
mod verbs;

use super::actors::ArticleActors;
use super::lexicon::{ActorKind, normalize};
use super::names::one_line;
use super::tokens::Tokens;
use context::{Placed, context_speakers};
use incise::incise;
use indirect::{indirect_speech, reporting_subjects};
use resolve::resolve;
use rules::{after_attribution, before_attribution, later_clause_attribution, subject_attribution};
use spans::{continues, quote_spans, trailing_attribution};

/// Kind of quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A quoted sentence or more.
    Direct,
    /// A few quoted words inside the writer's sentence.
    Partial,
    /// Reported speech without quote marks ("X a affirmé que …").
    Indirect,
}

/// A quote found in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Byte span of the quoted words (without the marks).
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// Kind.
    pub kind: QuoteKind,
    /// Index of the speaker in the article's actors.
    pub speaker: Option<usize>,
    /// The words naming the speaker in the text ("il", "le responsable américain", "Ryder").
    pub speaker_text: Option<String>,
    /// 0..1: how sure the attribution is.
    pub confidence: f32,
    /// Actors mentioned inside the quote.
    pub mentioned: Vec<usize>,
    /// Why this speaker: the rule that chose it and the words it read.
    pub attribution: Option<Attribution>,
}

/// The evidence behind a quote's speaker, shown to the user ("why this
/// speaker") and kept in the index.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attribution {
    /// The rule: `incise`, `after-quote`, `before-quote`, `later-clause`,
    /// `sentence-verb`, `continued`, `same-sentence`, `paragraph-speaker`,
    /// `paragraph-person`, `previous-speaker`, `previous-person`,
    /// `main-speaker`, `headline`, `indirect`.
    pub rule: String,
    /// Byte span of the cue words (a reporting verb, "selon", a label's
    /// colon), when the rule read one.
    pub cue: Option<(usize, usize)>,
    /// The cue's words, on one line.
    #[serde(default)]
    pub cue_words: Option<String>,
    /// Byte span of the words naming the speaker, when the text names it
    /// here (a name or a pronoun).
    pub speaker_span: Option<(usize, usize)>,
}

impl Attribution {
    /// The user chose the speaker (or said who said it).
    pub fn user() -> Self {
        Self::rule("user")
    }

    /// A rule that read no particular words.
    pub(super) fn rule(rule: &str) -> Self {
        Self {
            rule: rule.to_owned(),
            cue: None,
            cue_words: None,
            speaker_span: None,
        }
    }
}

/// How far (in tokens) attribution looks around a quote within its sentence.
pub(super) const WINDOW: usize = 60;

pub(super) const PRONOUNS: &[&str] = &["il", "elle", "ils", "elles", "he", "she", "they"];

pub(super) const PLURAL_PRONOUNS: &[&str] = &["ils", "elles", "they"];

/// Why a quote got its speaker; ordered by confidence.
#[derive(Clone, Debug)]
pub(super) enum Who {
    /// An actor (index) named here, with the byte span of its words.
    Actor(usize, (usize, usize)),
    /// A name not yet known as an actor (a new person).
    NewPerson(usize, usize),
    /// A pronoun ("il", "she") and its token: it stands for someone named
    /// before it.
    Pronoun(String, usize),
    /// A role noun with an optional nationality: "le responsable américain".
    Role(String, Option<String>),
    /// Someone the text does not name: "a senior dealer", "un diplomate".
    Unnamed(String),
}

/// Quotes of an article; may add newly discovered speakers to `actors`.
pub fn find_quotes(t: &Tokens<'_>, actors: &mut ArticleActors) -> Vec<Quote> {
    let spans = quote_spans(t);
    let mut quotes: Vec<Quote> = Vec::new();
    // Attributions found, in text order: (token, speaker), for pronoun resolution.
    let mut speakers: Vec<(usize, usize)> = reporting_subjects(t, actors);
    let mut seen_texts: std::collections::HashSet<String> = std::collections::HashSet::new();
    // The closing mark and speaker of the last quote, when it had one.
    let mut previous: Option<(usize, usize)> = None;
    // Where the last quote by someone unnamed opened.
    let mut unnamed_at: Option<usize> = None;
    // The sentence of each quote.
    let mut sentences: Vec<usize> = Vec::new();
    // Where each quote lies, in tokens.
    let mut placed: Vec<Placed> = Vec::new();
    for (step, span) in spans.iter().enumerate() {
        if t.cancelled(step) {
            return quotes;
        }
        let (first, mut end) = (span.first, span.end);
        // An unclosed quote may end with its own attribution: "… autre part. dit-elle."
        let mut inner_attribution = None;
        if span.close.is_none()
            && let Some((cut, who)) = trailing_attribution(t, first, end)
        {
            end = cut;
            inner_attribution = Some((who, "incise"));
        }
        // « …, précise-t-il. … »: the attribution inside the marks.
        if inner_attribution.is_none() {
            inner_attribution = incise(t, actors, first, end).map(|(who, _)| (who, "incise"));
        }
        while end > first
            && !t.toks[end - 1].is_word
            && !t.word(end - 1).starts_with(['.', '!', '?', '…'])
        {
            end -= 1;
        }
        if end <= first || !(first..end).any(|k| t.toks[k].is_word) {
            continue;
        }
        let start_byte = t.toks[first].start;
        let end_byte = t.toks[end - 1].end;
        let text = normalize(&t.text[start_byte..end_byte]);
        if !seen_texts.insert(text) {
            continue; // A headline repeated in the body.
        }
        let words = (first..end).filter(|k| t.toks[*k].is_word).count();
        let kind = if words >= 4 && t.toks[first].is_cap {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        let after = span.close.map_or(span.end, |c| c + 1);
        let tag = |rule: &'static str| move |(who, c): (Who, f32)| (who, c, rule);
        let found = inner_attribution
            .map(|(w, rule)| (w, 0.85, rule))
            .or_else(|| after_attribution(t, actors, after).map(tag("after-quote")))
            .or_else(|| before_attribution(t, actors, span.open).map(tag("before-quote")))
            .or_else(|| later_clause_attribution(t, actors, after).map(tag("later-clause")))
            .or_else(|| subject_attribution(t, actors, span.open, after).map(tag("sentence-verb")));
        // "he said" after "a spokesman said" is still the unnamed spokesman.
        let found = match found {
            Some((Who::Pronoun(p, _), _, rule))
                if unnamed_at.is_some_and(|u| {
                    speakers
                        .iter()
                        .rev()
                        .find(|(k, _)| *k < span.open)
                        .is_none_or(|(k, _)| *k < u)
                }) =>
            {
                Some((Who::Unnamed(p), 0.0, rule))
            }
            other => other,
        };
        if let Some((Who::Unnamed(_), _, _)) = &found {
            unnamed_at = Some(span.open);
        }
        let (speaker, speaker_text, confidence, attribution) = match found {
            Some((who, confidence, rule)) => {
                let (speaker, text, confidence, speaker_span) =
                    resolve(t, actors, &speakers, who, span.open, confidence);
                let cue = evidence::cue(t, span.open, after, speaker_span);
                let attribution = Attribution {
                    rule: rule.to_owned(),
                    cue,
                    cue_words: cue.map(|(s, e)| one_line(&t.text[s..e])),
                    speaker_span,
                };
                (speaker, text, confidence, Some(attribution))
            }
            None => match previous {
                // A quoted sentence right after an attributed quote, in the same
                // paragraph, continues it: `"…," Dr Maathai said. "But I …"`.
                Some((close, s)) if kind == QuoteKind::Direct && continues(t, close, span.open) => {
                    (Some(s), None, 0.6, Some(Attribution::rule("continued")))
                }
                _ => (None, None, 0.0, None),
            },
        };
        previous = speaker.zip(span.close).map(|(s, close)| (close, s));
        if let Some(s) = speaker {
            speakers.push((span.open, s));
            speakers.sort_by_key(|(k, _)| *k);
        }
        let mentioned = mentioned_in(actors, first, end);
        sentences.push(t.toks[span.open].sentence);
        placed.push(Placed {
            open: span.open,
            end: after,
        });
        quotes.push(Quote {
            start: start_byte,
            end: end_byte,
            kind,
            speaker,
            speaker_text: speaker_text.map(|s| one_line(&s)),
            confidence,
            mentioned,
            attribution,
        });
    }
    share_sentence_speakers(&mut quotes, &sentences);
    // Headline quotes without a speaker: the article's main speaker said them.
    let first_sentence_end = t.sentences.first().map_or(0, |r| {
        t.toks.get(r.end.saturating_sub(1)).map_or(0, |x| x.end)
    });
    let main = main_speaker(&quotes, actors);
    for q in quotes
        .iter_mut()
        .filter(|q| q.speaker.is_none() && q.start < first_sentence_end)
    {
        if let Some(main) = main {
            q.speaker = Some(main);
            q.speaker_text = None;
            q.confidence = 0.4;
            q.attribution = Some(Attribution::rule("headline"));
        }
    }
    let keep: Vec<bool> = quotes
        .iter()
        .zip(&placed)
        .map(|(q, p)| {
            let cue = evidence::cue(t, p.open, p.end, None).is_some();
            speech::is_speech(q, &t.text[q.start..q.end], cue)
        })
        .collect();
    let mut keep_iter = keep.iter();
    quotes.retain(|_| *keep_iter.next().unwrap_or(&true));
    let mut keep_iter = keep.iter();
    placed.retain(|_| *keep_iter.next().unwrap_or(&true));
    context_speakers(t, actors, &mut quotes, &placed, &speakers, main);
    let indirect = indirect_speech(t, actors, &spans);
    quotes.extend(indirect);
    quotes.sort_by_key(|q| q.start);
    quotes
}

/// A quote left without a speaker takes the speaker of another quote of its
/// sentence: in `le président « a fait passer en force » malgré une
/// « écrasante » majorité, « la défiance est profonde », juge Mme Binet`
/// the three pieces are hers.
fn share_sentence_speakers(quotes: &mut [Quote], sentences: &[usize]) {
    for i in 0..quotes.len() {
        if quotes[i].speaker.is_some() || quotes[i].speaker_text.is_some() {
            continue;
        }
        let same = |j: &usize| sentences[*j] == sentences[i] && quotes[*j].speaker.is_some();
        // The nearest attributed quote of the sentence, the later one first.
        let from = (i + 1..quotes.len())
            .take_while(|j| sentences[*j] == sentences[i])
            .find(same)
            .or_else(|| {
                (0..i)
                    .rev()
                    .take_while(|j| sentences[*j] == sentences[i])
                    .find(same)
            });
        if let Some(j) = from {
            quotes[i].speaker = quotes[j].speaker;
            quotes[i].confidence = quotes[j].confidence * 0.8;
            quotes[i].attribution = Some(Attribution::rule("same-sentence"));
        }
    }
}

/// The actors mentioned in tokens `first..end`, each once, in text order.
pub(super) fn mentioned_in(actors: &ArticleActors, first: usize, end: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for m in actors.mentions_in(first, end) {
        if !out.contains(&m.actor) {
            out.push(m.actor);
        }
    }
    out
}

pub(super) fn main_speaker(quotes: &[Quote], actors: &ArticleActors) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for q in quotes {
        if let Some(s) = q
            .speaker
            .filter(|s| actors.actors[*s].kind == ActorKind::Person)
        {
            match counts.iter_mut().find(|(a, _)| *a == s) {
                Some((_, c)) => *c += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, c)| *c).map(|(a, _)| a)
}
