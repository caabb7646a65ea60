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

use super::actors::{ArticleActors, Mention, person_actor};
use super::lexicon::{ActorKind, LEXICON, normalize};
use super::names::one_line;
use super::tokens::Tokens;

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
}

/// A span between quote marks, in token indices.
#[derive(Clone, Debug)]
struct Span {
    /// Token of the opening mark.
    open: usize,
    /// Token of the closing mark, if closed.
    close: Option<usize>,
    /// First token inside.
    first: usize,
    /// Token after the last one inside.
    end: usize,
}

fn closer_of(open: &str) -> Option<&'static [&'static str]> {
    Some(match open {
        "«" => &["»"],
        "“" => &["”", "“"],
        "„" => &["“", "”"],
        "‹" => &["›"],
        "\"" => &["\""],
        _ => return None,
    })
}

/// Finds top-level quote spans.
fn quote_spans(t: &Tokens<'_>) -> Vec<Span> {
    let mut spans = Vec::new();
    let n = t.toks.len();
    let mut i = 0;
    while i < n {
        let w = t.word(i);
        let Some(closers) = closer_of(w).filter(|_| !t.toks[i].is_word) else {
            i += 1;
            continue;
        };
        // Straight quotes: an opening one is followed by a word.
        if w == "\""
            && !t
                .toks
                .get(i + 1)
                .is_some_and(|n| n.is_word || !t.word(i + 1).starts_with(['.', ',']))
        {
            i += 1;
            continue;
        }
        let mut depth = 0usize;
        let mut close = None;
        let mut end = n;
        let mut k = i + 1;
        while k < n {
            let kw = t.word(k);
            if t.toks[k].after_break {
                // A new paragraph that reopens the same mark continues the quote.
                if kw == w {
                    k += 1;
                    continue;
                }
                end = k;
                break;
            }
            if !t.toks[k].is_word {
                if closers.contains(&kw) && depth == 0 {
                    close = Some(k);
                    end = k;
                    break;
                }
                if kw == w && w != "\"" {
                    depth += 1;
                } else if closers.contains(&kw) {
                    depth = depth.saturating_sub(1);
                }
            }
            k += 1;
        }
        if k >= n {
            end = n;
        }
        if end > i + 1 {
            spans.push(Span {
                open: i,
                close,
                first: i + 1,
                end,
            });
        }
        i = close.map_or(end, |c| c + 1);
    }
    spans
}

/// Words that sit between a verb and the speaker's name without being part of it.
const SKIP_BEFORE_NAME: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "d",
    "de",
    "du",
    "des",
    "the",
    "a",
    "an",
    "hier",
    "aujourd",
    "hui",
    "également",
    "egalement",
    "aussi",
    "encore",
    "ensuite",
    "alors",
    "enfin",
    "plus",
    "tard",
    "tôt",
    "ainsi",
    "pour",
    "sa",
    "part",
    "quant",
    "on",
    "also",
    "later",
    "earlier",
    "then",
    "yesterday",
    "today",
];
/// Words that end the speaker's noun phrase.
const NP_STOPS: &[&str] = &[
    "lors", "à", "a", "au", "aux", "dans", "devant", "pendant", "après", "avant", "selon", "en",
    "sur", "depuis", "in", "at", "on", "during", "after", "before", "to", "told", "who", "qui",
    "que", "dont", "où", "from", "while", "as",
];
/// How far (in tokens) attribution looks around a quote within its sentence.
const WINDOW: usize = 60;
const PRONOUNS: &[&str] = &["il", "elle", "ils", "elles", "he", "she", "they"];
const PLURAL_PRONOUNS: &[&str] = &["ils", "elles", "they"];
/// Determiners: a capitalised word after one starts an organisation or a title, not a person's name.
const DETERMINERS: &[&str] = &["le", "la", "les", "l", "un", "une", "the", "a", "an"];
const AUXILIARIES: &[&str] = &[
    "a", "ont", "avait", "avaient", "aura", "aurait", "est", "sont", "s", "se", "has", "had",
    "have", "was", "were", "is", "will", "would",
];

/// Why a quote got its speaker; ordered by confidence.
#[derive(Clone, Debug)]
enum Who {
    /// An actor (index) named here.
    Actor(usize, String),
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
    let lexicon = &*LEXICON;
    let spans = quote_spans(t);
    let mut quotes: Vec<Quote> = Vec::new();
    // Attributions found, in text order: (token, speaker), for pronoun resolution.
    let mut speakers: Vec<(usize, usize)> = reporting_subjects(t, actors);
    let mut seen_texts: std::collections::HashSet<String> = std::collections::HashSet::new();
    // The closing mark and speaker of the last quote, when it had one.
    let mut previous: Option<(usize, usize)> = None;
    // Where the last quote by someone unnamed opened.
    let mut unnamed_at: Option<usize> = None;
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
            inner_attribution = Some(who);
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
        let found = inner_attribution
            .map(|w| (w, 0.85))
            .or_else(|| after_attribution(t, actors, after))
            .or_else(|| before_attribution(t, actors, span.open))
            .or_else(|| later_clause_attribution(t, actors, after))
            .or_else(|| subject_attribution(t, actors, span.open, after));
        // "he said" after "a spokesman said" is still the unnamed spokesman.
        let found = match found {
            Some((Who::Pronoun(p, _), _))
                if unnamed_at.is_some_and(|u| {
                    speakers
                        .iter()
                        .rev()
                        .find(|(k, _)| *k < span.open)
                        .is_none_or(|(k, _)| *k < u)
                }) =>
            {
                Some((Who::Unnamed(p), 0.0))
            }
            other => other,
        };
        if let Some((Who::Unnamed(_), _)) = &found {
            unnamed_at = Some(span.open);
        }
        let (speaker, speaker_text, confidence) = match found {
            Some((who, confidence)) => resolve(t, actors, &speakers, who, span.open, confidence),
            None => match previous {
                // A quoted sentence right after an attributed quote, in the same
                // paragraph, continues it: `"…," Dr Maathai said. "But I …"`.
                Some((close, s)) if kind == QuoteKind::Direct && continues(t, close, span.open) => {
                    (Some(s), None, 0.6)
                }
                _ => (None, None, 0.0),
            },
        };
        previous = speaker.zip(span.close).map(|(s, close)| (close, s));
        if let Some(s) = speaker {
            speakers.push((span.open, s));
            speakers.sort_by_key(|(k, _)| *k);
        }
        let mentioned = actors.mentions_in(first, end).iter().map(|m| m.actor).fold(
            Vec::new(),
            |mut acc, a| {
                if !acc.contains(&a) {
                    acc.push(a);
                }
                acc
            },
        );
        quotes.push(Quote {
            start: start_byte,
            end: end_byte,
            kind,
            speaker,
            speaker_text: speaker_text.map(|s| one_line(&s)),
            confidence,
            mentioned,
        });
    }
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
        }
    }
    let _ = lexicon;
    let indirect = indirect_speech(t, actors, &spans);
    quotes.extend(indirect);
    quotes.sort_by_key(|q| q.start);
    quotes
}

/// A subject that opens with an indefinite article names nobody: "a senior
/// dealer at an Oslo bank told Reuters", "un diplomate a affirmé".
fn unnamed_subject(t: &Tokens<'_>, from: usize, verb: usize) -> Option<Who> {
    let first = (from..verb).find(|k| t.toks[*k].is_word)?;
    if !INDEFINITES.contains(&t.lower(first)) {
        return None;
    }
    let end = (first + 1..verb)
        .find(|k| !t.toks[*k].is_word)
        .unwrap_or(verb)
        .min(first + 4);
    // "un haut responsable américain": resolved among Americans instead.
    if nationality_in(t, first..verb).is_some() {
        return None;
    }
    Some(Who::Unnamed(
        t.text[t.toks[first].start..t.toks[end - 1].end].to_owned(),
    ))
}

/// Indefinite articles and quantifiers that open an unnamed subject.
const INDEFINITES: &[&str] = &["a", "an", "one", "another", "un", "une"];

/// True when some mention of person `a` carries the title `role_key` just
/// before it ("Treasury Secretary James Baker", "le porte-parole du Kremlin,
/// Dmitri Peskov") or in an apposition just after it ("Peskov, the
/// spokesman,").
fn titled(t: &Tokens<'_>, actors: &ArticleActors, a: usize, role_key: &str) -> bool {
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

/// The speaker named by the mention at `m`.
fn actor_who(t: &Tokens<'_>, m: &Mention) -> Who {
    Who::Actor(m.actor, t.text[m.start..m.end].to_owned())
}

/// The person whose name starts at `k`: a known person, else a new one of at
/// most three words ("… analyst Norman Mains", "the Bank of Tokyo's Honda").
fn person_named_at(t: &Tokens<'_>, actors: &ArticleActors, k: usize) -> Who {
    match actors.mention_at(k) {
        Some(m) if actors.actors[m.actor].kind == ActorKind::Person => actor_who(t, m),
        _ => Who::NewPerson(k, super::names::name_end(t, k, 3)),
    }
}

/// An English or French present participle ("saying", "déclarant").
fn participle_form(word: &str) -> bool {
    word.ends_with("ing") || word.ends_with("ant")
}

/// True when a quote opening at `open` starts a sentence of the paragraph of
/// the quote that closed at `close`, at most one short attribution clause
/// later (`"…," she said. "…"`), with no other quote mark in between.
fn continues(t: &Tokens<'_>, close: usize, open: usize) -> bool {
    let sentence_start = t
        .sentences
        .get(t.toks[open].sentence)
        .is_some_and(|r| r.start == open || (r.start..open).all(|k| !t.toks[k].is_word));
    open > close
        && open - close <= 12
        && sentence_start
        && (close + 1..=open).all(|k| !t.toks[k].after_break)
        && (close + 1..open).all(|k| !matches!(t.word(k), "«" | "»" | "“" | "”" | "\""))
}

/// Reported speech without quote marks, where verb and speaker are clear:
/// "Pak a affirmé que …", "The minister said that …". The speaker must be an
/// actor named right before the reporting verb; sentences with quote marks are
/// left to the direct-quote rules.
fn indirect_speech(t: &Tokens<'_>, actors: &ArticleActors, spans: &[Span]) -> Vec<Quote> {
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
        let mentioned = actors.mentions_in(first, end).iter().map(|m| m.actor).fold(
            Vec::new(),
            |mut acc, a| {
                if !acc.contains(&a) {
                    acc.push(a);
                }
                acc
            },
        );
        out.push(Quote {
            start: t.toks[first].start,
            end: t.toks[end - 1].end,
            kind: QuoteKind::Indirect,
            speaker: Some(subject.actor),
            speaker_text: Some(one_line(&t.text[subject.start..subject.end])),
            confidence: 0.7,
            mentioned,
        });
    }
    out
}

fn main_speaker(quotes: &[Quote], actors: &ArticleActors) -> Option<usize> {
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

fn is_verb(t: &Tokens<'_>, k: usize) -> bool {
    let w = t.lower(k);
    LEXICON.verbs.contains_key(w)
        || inverted(w).is_some_and(|(verb, _)| LEXICON.verbs.contains_key(verb) || verb == "a")
}

/// "a-t-il" → ("a", "il"); "dit-elle" → ("dit", "elle"); "poursuit-il" → ("poursuit", "il").
fn inverted(word: &str) -> Option<(&str, &str)> {
    let (head, pronoun) = word.rsplit_once('-')?;
    if !PRONOUNS.contains(&pronoun) {
        return None;
    }
    Some((head.strip_suffix("-t").unwrap_or(head), pronoun))
}

/// Skips auxiliaries and adverbs after `k`; returns the index of a reporting verb form.
fn verb_phrase_at(t: &Tokens<'_>, k: usize) -> Option<(usize, Option<String>)> {
    let mut j = k;
    let mut pronoun = None;
    for _ in 0..4 {
        let w = t.lower(j);
        if let Some((_, p)) = inverted(w) {
            pronoun = Some(p.to_owned());
            // "a-t-il déclaré": the participle follows.
            if t.toks.get(j + 1).is_some_and(|x| x.is_word)
                && LEXICON.verbs.contains_key(t.lower(j + 1))
            {
                return Some((j + 1, pronoun));
            }
            return is_verb(t, j).then_some((j, pronoun));
        }
        if LEXICON.verbs.contains_key(w) && !AUXILIARIES.contains(&w) {
            return Some((j, pronoun));
        }
        if AUXILIARIES.contains(&w)
            || matches!(
                w,
                "également"
                    | "egalement"
                    | "aussi"
                    | "encore"
                    | "ensuite"
                    | "alors"
                    | "enfin"
                    | "then"
                    | "also"
                    | "later"
                    | "'"
                    | "’"
                    | "est"
                    | "dit"
            )
        {
            j += 1;
            continue;
        }
        return None;
    }
    None
}

/// The speaker named in the noun phrase starting at `k` (after a reporting verb).
fn noun_phrase_speaker(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    k: usize,
    sentence: usize,
) -> Option<Who> {
    let lexicon = &*LEXICON;
    let mut j = k;
    let mut role: Option<String> = None;
    let mut nationality: Option<String> = None;
    let mut best: Option<Who> = None;
    while j < t.toks.len() && j < k + 30 && t.toks[j].sentence == sentence {
        let w = t.lower(j);
        if t.toks[j].is_word
            && (NP_STOPS.contains(&w) || crate::ingest::dates::is_calendar_word(w))
            && j > k
            && best.is_some()
        {
            break;
        }
        if !t.toks[j].is_word
            && matches!(
                t.word(j),
                "." | "!" | "?" | "«" | "“" | "\"" | ":" | ";" | "("
            )
        {
            break;
        }
        if t.is_punct(j, ',') && (best.is_some() || role.is_some()) && j > k {
            // An apposition naming the person: "le secrétaire de presse …, le général Patrick Ryder, lors …".
            // Not a clause: "said one official, echoing statements by Kohl".
            let participle =
                |x: usize| t.toks[x].is_word && !t.toks[x].is_cap && participle_form(t.lower(x));
            let apposition = (j + 1..(j + 8).min(t.toks.len()))
                .take_while(|x| {
                    !t.is_punct(*x, ',')
                        && !t.is_punct(*x, '.')
                        && t.toks[*x].sentence == sentence
                        && !participle(*x)
                })
                .find_map(|x| {
                    actors
                        .mention_at(x)
                        .filter(|m| actors.actors[m.actor].kind == ActorKind::Person)
                });
            if let Some(m) = apposition {
                return Some(actor_who(t, m));
            }
            break;
        }
        // "M. Kirby": the period of an honorific does not end the phrase.
        if t.toks[j].is_word
            && t.is_punct(j + 1, '.')
            && lexicon.honorifics.contains(&format!("{}.", t.word(j)))
        {
            j += 2;
            continue;
        }
        if let Some(m) = actors.mention_at(j) {
            let actor = m.actor;
            let surface = t.text[m.start..m.end].to_owned();
            // "said Drexel Burnham Lambert analyst Norman Mains": a firm, a
            // job, then the person who speaks (whatever the firm was taken for).
            let e = m.end_tok;
            if lexicon.roles.contains(t.key(e))
                && !t.toks[e].is_cap
                && t.toks.get(e + 1).is_some_and(|x| x.is_word && x.is_cap)
                && t.toks[e + 1].sentence == sentence
            {
                return Some(person_named_at(t, actors, e + 1));
            }
            if actors.actors[actor].kind == ActorKind::Person {
                return Some(Who::Actor(actor, surface));
            }
            // "the Bank of Tokyo's Honda", "GAF's Heyman": its person speaks.
            let e = m.end_tok;
            if (t.is_punct(e, '\'') || t.is_punct(e, '’'))
                && t.lower(e + 1) == "s"
                && t.toks.get(e + 2).is_some_and(|x| x.is_word && x.is_cap)
                && !super::actors_not_name(t.word(e + 2))
            {
                return Some(person_named_at(t, actors, e + 2));
            }
            if role.is_none() {
                best.get_or_insert(Who::Actor(actor, surface));
            }
            j = m.end_tok;
            continue;
        }
        let key = t.key(j).to_owned();
        if lexicon.roles.contains(&key) {
            role.get_or_insert(t.word(j).to_owned());
            j += 1;
            continue;
        }
        let skipped = skip_count(t, k);
        let after_determiner = (k..k + skipped).any(|x| DETERMINERS.contains(&t.lower(x)));
        if t.toks[j].is_word
            && t.toks[j].is_cap
            && j == k + skipped
            && !after_determiner
            && !lexicon.honorifics.contains(t.word(j))
        {
            // A name right after the verb: a person not known yet ("a déclaré Peaches").
            let e = super::names::name_end(t, j, 4);
            // "said Drexel Burnham Lambert analyst Norman Mains": a firm, a
            // job, then the person who speaks.
            if lexicon.roles.contains(t.key(e))
                && t.toks.get(e + 1).is_some_and(|x| x.is_word && x.is_cap)
                && t.toks[e + 1].sentence == sentence
            {
                return Some(person_named_at(t, actors, e + 1));
            }
            if !super::actors_not_name(t.word(j)) {
                return Some(Who::NewPerson(j, e));
            }
        }
        if PRONOUNS.contains(&w) && j == k {
            return Some(Who::Pronoun(w.to_owned(), j));
        }
        if let Some(e) = lexicon.demonyms.get(&key) {
            nationality.get_or_insert(lexicon.entries[*e].id.clone());
        }
        j += 1;
    }
    // "said a Treasury spokesman" names nobody; "selon un haut responsable
    // américain" is resolved among Americans.
    let indefinite = t.toks.get(k).is_some_and(|x| x.is_word) && INDEFINITES.contains(&t.lower(k));
    if indefinite && nationality.is_none() && (best.is_some() || role.is_some()) {
        // "said a U.S. Bank foreign exchange manager": someone at the bank.
        let end = (k + 1..j.min(t.toks.len()))
            .find(|x| !t.toks[*x].is_word && !t.is_punct(*x, '.'))
            .unwrap_or(j.min(t.toks.len()));
        return Some(Who::Unnamed(one_line(
            &t.text[t.toks[k].start..t.toks[end.max(k + 1) - 1].end],
        )));
    }
    best.or_else(|| role.map(|r| Who::Role(r, nationality)))
}

fn skip_count(t: &Tokens<'_>, k: usize) -> usize {
    let mut n = 0;
    while k + n < t.toks.len()
        && (SKIP_BEFORE_NAME.contains(&t.lower(k + n))
            || crate::ingest::dates::is_calendar_word(t.lower(k + n))
            || t.is_punct(k + n, '\'')
            || t.is_punct(k + n, '’'))
    {
        n += 1;
    }
    n
}

/// `« … », a déclaré X` / `"…," said X` / `« … », a-t-il dit` / `« … » Pak a déclaré` / `« … », selon X`.
fn after_attribution(t: &Tokens<'_>, actors: &ArticleActors, after: usize) -> Option<(Who, f32)> {
    let mut k = after;
    while t.is_punct(k, ',') || t.is_punct(k, '—') || t.is_punct(k, '–') {
        k += 1;
    }
    let sentence = t.toks.get(k)?.sentence;
    if t.toks[k].after_break {
        return None;
    }
    // "selon X", "according to X", "d'après X".
    if let Some(who) = according_to(t, actors, k, sentence) {
        return Some((who, 0.9));
    }
    // Verb first: ", a déclaré X", ", said X", ", a-t-il ajouté". After
    // "told" comes the listener ("…, told Reuters"), never the speaker.
    if let Some((v, pronoun)) = verb_phrase_at(t, k) {
        if let Some(p) = pronoun {
            return Some((Who::Pronoun(p, v), 0.85));
        }
        let listener_follows = matches!(t.lower(v), "told" | "tells" | "tell" | "telling");
        if !listener_follows && let Some(who) = noun_phrase_speaker(t, actors, v + 1, sentence) {
            return Some((who, 0.95));
        }
    }
    // Name first: "Pak a déclaré", "Peskov said", "he said", "Dr Maathai said".
    let w = t.lower(k);
    if PRONOUNS.contains(&w) && verb_phrase_at(t, k + 1).is_some() {
        return Some((Who::Pronoun(w.to_owned(), k), 0.85));
    }
    let k = after_honorific(t, k);
    let (who, name_end) = if let Some(m) = actors.mention_at(k) {
        (actor_who(t, m), m.end_tok)
    } else if t.toks[k].is_cap && t.toks[k].is_word && !super::actors_not_name(t.word(k)) {
        let e = super::names::name_end(t, k, 4);
        (Who::NewPerson(k, e), e)
    } else {
        return None;
    };
    if verb_phrase_at(t, name_end).is_some() {
        return Some((who, 0.9));
    }
    // A person, then an apposition, then the verb: "Jack Garner, film critic
    // for Gannet News Service, said", "Jean Dupont, porte-parole du
    // ministère, a déclaré".
    let person = match &who {
        Who::NewPerson(..) => true,
        Who::Actor(a, _) => actors.actors[*a].kind == ActorKind::Person,
        _ => false,
    };
    if !person || !t.is_punct(name_end, ',') {
        return None;
    }
    // The sentence test stops at a full stop; "U.K." inside goes on.
    for j in name_end + 2..(name_end + 22).min(t.toks.len()) {
        if t.toks[j].sentence != sentence
            || t.toks[j].after_break
            || matches!(t.word(j), "«" | "“" | "\"" | ";" | ":" | "(")
        {
            break;
        }
        let at = if t.is_punct(j, ',') { j + 1 } else { j };
        if verb_phrase_at(t, at).is_some() {
            return Some((who, 0.85));
        }
    }
    None
}

/// The token after an honorific opening a name at `k` ("Dr Maathai", "M.
/// Kirby"), else `k`.
fn after_honorific(t: &Tokens<'_>, k: usize) -> usize {
    let honorifics = &LEXICON.honorifics;
    let next_is_name = |x: usize| t.toks.get(x).is_some_and(|n| n.is_word && n.is_cap);
    if honorifics.contains(t.word(k)) && next_is_name(k + 1) {
        k + 1
    } else if t.is_punct(k + 1, '.')
        && honorifics.contains(&format!("{}.", t.word(k)))
        && next_is_name(k + 2)
    {
        k + 2
    } else {
        k
    }
}

/// "selon X" / "d'après X" / "according to X" (and, at a sentence start, "pour X,")
/// starting at `k`.
fn according_to(t: &Tokens<'_>, actors: &ArticleActors, k: usize, sentence: usize) -> Option<Who> {
    let w = t.lower(k);
    let sentence_start = t.sentences.get(sentence).is_some_and(|r| r.start == k);
    let next = match w {
        "selon" => k + 1,
        "pour" if sentence_start => k + 1,
        "d" if t.lower(k + 2) == "après" => k + 3,
        "according" if t.lower(k + 1) == "to" => k + 2,
        _ => return None,
    };
    noun_phrase_speaker(t, actors, next, sentence)
}

/// `X a déclaré : « … »` / `X a déclaré que « … »` / `X said "…"` / `selon X, « … »`.
fn before_attribution(t: &Tokens<'_>, actors: &ArticleActors, open: usize) -> Option<(Who, f32)> {
    let sentence = t.toks.get(open)?.sentence;
    let range = t.sentences.get(sentence)?.clone();
    // "selon X, « … »" at the start of the sentence.
    if let Some(who) = according_to(t, actors, range.start, sentence) {
        return Some((who, 0.85));
    }
    // "Secretary of the Air Force James Roche: "…"": a speaker's label.
    if let Some(who) = colon_label(t, actors, open) {
        return Some((who, 0.8));
    }
    // The last reporting verb before the quote in this sentence, with its subject.
    let verb = (range.start.max(open.saturating_sub(WINDOW))..open)
        .rev()
        .find(|k| {
            t.toks[*k].is_word
                && LEXICON.verbs.contains_key(t.lower(*k))
                && !AUXILIARIES.contains(&t.lower(*k))
        })?;
    subject_before(t, actors, verb, range.start).map(|who| (who, 0.85))
}

/// The subject of a participle clause (", saying", ", déclarant") is the
/// subject of the clause it hangs on, not the last person named before it:
/// in "as he talks to Secretary Marvin Sambur about Boeing, saying, "…"" the
/// speaker is "he". The first person, pronoun or role of that clause.
fn participle_subject(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    verb: usize,
    from: usize,
) -> Option<Who> {
    let w = t.lower(verb);
    if verb == 0 || !t.is_punct(verb - 1, ',') || !participle_form(w) {
        return None;
    }
    // The clause starts after the last ";" or at a ", as/while/et/mais …".
    let mut start = from;
    for k in (from..verb - 1).rev() {
        if t.is_punct(k, ';') {
            start = k + 1;
            break;
        }
        if t.is_punct(k, ',') && CLAUSE_OPENERS.contains(&t.lower(k + 1)) {
            start = k + 1;
            break;
        }
    }
    let mut j = start;
    while j < verb - 1 {
        if let Some(m) = actors.mention_at(j) {
            if actors.actors[m.actor].kind == ActorKind::Person {
                return Some(actor_who(t, m));
            }
            j = m.end_tok.max(j + 1);
            continue;
        }
        let w = t.lower(j);
        if PRONOUNS.contains(&w) {
            return Some(Who::Pronoun(w.to_owned(), j));
        }
        if LEXICON.roles.contains(t.key(j)) {
            // "le ministre Jean Dupont", "Secretary James Roche".
            let named = actors
                .mentions_in(j + 1, (j + 10).min(verb))
                .iter()
                .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
                .map(|m| actor_who(t, m));
            return named
                .or_else(|| name_after_title(t, actors, j, verb))
                .or_else(|| Some(Who::Role(t.word(j).to_owned(), nationality_in(t, j..verb))));
        }
        j += 1;
    }
    None
}

/// Words that open a new clause after a comma.
const CLAUSE_OPENERS: &[&str] = &[
    "as", "while", "when", "whereas", "and", "but", "alors", "tandis", "quand", "lorsque", "et",
    "mais",
];

/// The person named by a label that opens a line and ends with a colon right
/// before the quote: `Secretary of the Air Force James Roche: "…"`,
/// `Emmanuel Macron : « … »` (transcripts, e-mails, interviews). The label
/// holds only capitalised words and connectors, so "He said: "…"" is left
/// to the verb rules.
fn colon_label(t: &Tokens<'_>, actors: &ArticleActors, open: usize) -> Option<Who> {
    let colon = open.checked_sub(1).filter(|c| t.is_punct(*c, ':'))?;
    let mut start = colon;
    while start > 0 && colon - start < 16 {
        let k = start - 1;
        let tok = &t.toks[k];
        let label_word = tok.is_word
            && (tok.is_cap
                || matches!(
                    t.lower(k),
                    "of" | "the" | "for" | "and" | "to" | "de" | "du" | "des" | "la" | "le" | "l"
                ));
        if !(label_word || t.is_punct(k, '.') || t.is_punct(k, '\'') || t.is_punct(k, '’')) {
            // Only a line-opening colon (wiki indentation) may precede the label.
            if !(t.is_punct(k, ':') && (k == 0 || tok.after_break)) {
                return None;
            }
            break;
        }
        start = k;
        if tok.after_break {
            break;
        }
    }
    let line_start = start == 0
        || t.toks[start].after_break
        || (t.is_punct(start - 1, ':') && (start == 1 || t.toks[start - 1].after_break));
    if start == colon || !line_start {
        return None;
    }
    actors
        .mentions_in(start, colon)
        .iter()
        .rev()
        .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
        .map(|m| actor_who(t, m))
}

/// The subject of the verb at `verb`: the last person mentioned before it in the
/// sentence, else the last actor, else a pronoun or role noun at the sentence start.
fn subject_before(t: &Tokens<'_>, actors: &ArticleActors, verb: usize, from: usize) -> Option<Who> {
    let lexicon = &*LEXICON;
    // Real subjects are close to their verb; a window keeps run-on "sentences" linear.
    let from = from.max(verb.saturating_sub(WINDOW));
    if let Some(who) = participle_subject(t, actors, verb, from) {
        return Some(who);
    }
    let mentions = actors.mentions_in(from, verb);
    if let Some(m) = mentions
        .iter()
        .rev()
        .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
    {
        return Some(actor_who(t, m));
    }
    // A capitalised name right before the verb phrase: "Blair a également réitéré".
    let mut k = verb;
    while k > from
        && (AUXILIARIES.contains(&t.lower(k - 1))
            || matches!(
                t.lower(k - 1),
                "également" | "egalement" | "aussi" | "encore" | "déjà"
            ))
    {
        k -= 1;
    }
    // "he said": "he" or "she" right before the verb is its subject (French
    // "il"/"elle" may stand for a country or an institution named before).
    if k > from && matches!(t.lower(k - 1), "he" | "she") {
        return Some(Who::Pronoun(t.lower(k - 1).to_owned(), k - 1));
    }
    // "A spokeswoman for Milan-based Ambrosiano said": nobody named.
    if let Some(who) = unnamed_subject(t, from, verb) {
        return Some(who);
    }
    // "…, qui a averti que": the relative pronoun stands for the noun phrase before it.
    if k > from && matches!(t.lower(k - 1), "qui" | "who") {
        let back = k - 1;
        let lo = back.saturating_sub(12).max(from);
        if let Some(m) = actors
            .mentions_in(lo, back)
            .iter()
            .rev()
            .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
        {
            return Some(actor_who(t, m));
        }
        for j in (lo..back).rev() {
            if lexicon.roles.contains(t.key(j)) {
                let nationality = nationality_in(t, j..back);
                return Some(Who::Role(t.word(j).to_owned(), nationality));
            }
        }
    }
    if k > from
        && t.toks[k - 1].is_word
        && t.toks[k - 1].is_cap
        && actors.mention_at(k - 1).is_none()
        && !super::actors_not_name(t.word(k - 1))
    {
        let mut s = k - 1;
        while s > from
            && t.toks[s - 1].is_word
            && t.toks[s - 1].is_cap
            && actors.mention_at(s - 1).is_none()
        {
            s -= 1;
        }
        return Some(Who::NewPerson(s, k));
    }
    if let Some(m) = mentions.first() {
        return Some(actor_who(t, m));
    }
    for j in from..verb {
        let w = t.lower(j);
        if PRONOUNS.contains(&w) {
            return Some(Who::Pronoun(w.to_owned(), j));
        }
        let key = t.key(j).to_owned();
        if lexicon.roles.contains(&key) {
            // "Deputy Defense Secretary Wolfowitz published …, saying": the
            // capitalised name after the last title word is the speaker.
            if let Some(name) = name_after_title(t, actors, j, verb) {
                return Some(name);
            }
            let nationality = nationality_in(t, j..verb);
            return Some(Who::Role(t.word(j).to_owned(), nationality));
        }
    }
    None
}

/// The country of the first nationality adjective among tokens `range`
/// ("le ministre russe" → `country:ru`).
fn nationality_in(t: &Tokens<'_>, mut range: std::ops::Range<usize>) -> Option<String> {
    let lexicon = &*LEXICON;
    range
        .find_map(|x| lexicon.demonyms.get(t.key(x)))
        .map(|e| lexicon.entries[*e].id.clone())
}

/// The capitalised name that follows a title starting at `role` ("Deputy
/// Defense Secretary Paul Wolfowitz" → "Paul Wolfowitz"), before `end`.
fn name_after_title(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    role: usize,
    end: usize,
) -> Option<Who> {
    let lexicon = &*LEXICON;
    let mut run = Vec::new();
    let mut k = role + 1;
    while k < end && t.toks[k].is_word && t.toks[k].is_cap && actors.mention_at(k).is_none() {
        run.push(k);
        k += 1;
    }
    let last_title = run
        .iter()
        .rposition(|x| lexicon.roles.contains(t.key(*x)))
        .map_or(0, |p| p + 1);
    let name = &run[last_title..];
    let (first, last) = (*name.first()?, *name.last()?);
    if name.len() > 4 || name.iter().any(|x| super::actors_not_name(t.word(*x))) {
        return None;
    }
    Some(Who::NewPerson(first, last + 1))
}

/// A reporting clause later in the sentence: `… « éclat » qu'il …, a déclaré Jung Pak.`
fn later_clause_attribution(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    after: usize,
) -> Option<(Who, f32)> {
    let sentence = t.toks.get(after)?.sentence;
    let range = t.sentences.get(sentence)?.clone();
    for k in after..range.end.min(after + WINDOW) {
        if t.is_punct(k, ',')
            && let Some(found) = after_attribution(t, actors, k + 1)
        {
            return Some((found.0, 0.8));
        }
        if matches!(t.word(k), "«" | "“" | "\"") {
            break; // Another quote: its clause is its own.
        }
    }
    None
}

/// The subject of any reporting verb in the sentence (partial quotes inside the
/// writer's sentence: "Ryder a appelé Pyongyang à s'abstenir de « déstabilisation »").
fn subject_attribution(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    open: usize,
    after: usize,
) -> Option<(Who, f32)> {
    let sentence = t.toks.get(open)?.sentence;
    let range = t.sentences.get(sentence)?.clone();
    let lo = range.start.max(open.saturating_sub(WINDOW));
    let hi = range.end.min(after + WINDOW);
    let verb = (lo..hi).filter(|k| *k < open || *k >= after).find(|k| {
        t.toks[*k].is_word
            && LEXICON.verbs.contains_key(t.lower(*k))
            && !AUXILIARIES.contains(&t.lower(*k))
    })?;
    // A name inside the quote is not the subject of a verb after it.
    let from = if verb >= after { after } else { range.start };
    subject_before(t, actors, verb, from).map(|who| (who, 0.7))
}

/// An attribution inside an unclosed quote's last sentence: "… autre part. dit-elle."
fn trailing_attribution(t: &Tokens<'_>, first: usize, end: usize) -> Option<(usize, Who)> {
    for k in (first + 1..end).rev().take(6) {
        let w = t.lower(k);
        if let Some((verb, pronoun)) = inverted(w)
            && (LEXICON.verbs.contains_key(verb) || verb == "a")
        {
            let mut cut = k;
            while cut > first
                && !t.toks[cut - 1].is_word
                && !t.word(cut - 1).starts_with(['.', '!', '?'])
            {
                cut -= 1;
            }
            return Some((cut, Who::Pronoun(pronoun.to_owned(), k)));
        }
    }
    None
}

/// Subjects of reporting verbs anywhere in the text (speech without quote marks
/// counts for pronoun resolution: "Peskov a déclaré mardi … « … », a-t-il déclaré").
fn reporting_subjects(t: &Tokens<'_>, actors: &ArticleActors) -> Vec<(usize, usize)> {
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
                    None => actors
                        .mentions_in(from, k)
                        .iter()
                        .rev()
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

/// Turns a `Who` into an actor index, resolving pronouns and role nouns.
fn resolve(
    t: &Tokens<'_>,
    actors: &mut ArticleActors,
    speakers: &[(usize, usize)],
    who: Who,
    at: usize,
    confidence: f32,
) -> (Option<usize>, Option<String>, f32) {
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
        Who::Actor(a, text) => (Some(a), Some(text), confidence),
        Who::NewPerson(s, e) => {
            // "said Prime Minister Kaja Kallas": the title is not part of the name.
            let words: Vec<usize> = (s..e).filter(|k| t.toks[*k].is_word).collect();
            let lead = super::names::name_start(t, &words);
            let s = if lead > 0 && lead < words.len() {
                words[lead]
            } else {
                s
            };
            let surface = t.text[t.toks[s].start..t.toks[e - 1].end].to_owned();
            // Lower-case words after a verb are not names ("a déclaré pléger"),
            // nor is a lone letter ("S and P said").
            if !t.toks[s].is_cap || t.word(e - 1).chars().count() < 2 {
                return (None, Some(surface), 0.0);
            }
            // "…, said James Beam Distilling Co": an organisation speaks.
            let named: Vec<usize> = words.iter().copied().filter(|k| *k >= s).collect();
            let found = if super::names::org_shaped(t, &named) {
                super::actors::org_actor(&surface)
            } else {
                person_actor(&surface, None)
            };
            let index = actors.intern(found);
            actors.add_mention(super::actors::Mention {
                actor: index,
                first_tok: s,
                end_tok: e,
                start: t.toks[s].start,
                end: t.toks[e - 1].end,
            });
            (Some(index), Some(surface), confidence * 0.9)
        }
        // "they said": a group, not the last person named.
        Who::Pronoun(p, _) if PLURAL_PRONOUNS.contains(&p.as_str()) => (None, Some(p), 0.0),
        Who::Pronoun(p, pronoun_at) => {
            // The last speaker; failing that, the last person mentioned.
            let at = at.min(pronoun_at);
            let last = speakers
                .iter()
                .rev()
                .find(|(k, a)| *k < at && actors.actors[*a].kind == ActorKind::Person)
                .map(|(_, a)| *a)
                .or_else(|| {
                    actors
                        .mentions_in(0, at)
                        .iter()
                        .rev()
                        .take(400)
                        .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
                        .map(|m| m.actor)
                });
            (last, Some(p), confidence * 0.9)
        }
        Who::Unnamed(text) => (None, Some(text), 0.0),
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
            (before.or_else(after), Some(text), confidence * 0.7)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ExtractedQuote, extract_text};
    use crate::model::Lang;

    /// Each text holds one quote, with this speaker.
    fn assert_speakers(cases: &[(&str, &str, Option<&str>)], lang: Lang) {
        for (text, quote, speaker) in cases {
            let got = quotes(text, lang);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].text, *quote, "{text}");
            assert_eq!(got[0].speaker.as_deref(), *speaker, "{text}");
        }
    }

    fn quotes(text: &str, lang: Lang) -> Vec<ExtractedQuote> {
        extract_text(text, lang).quotes
    }

    #[test]
    fn french_patterns() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "« Nous suivons cela de près », a déclaré Jean Dupont.",
                "Nous suivons cela de près",
                Some("Jean Dupont"),
            ),
            (
                "Le ministre Jean Dupont a déclaré : « Nous suivons cela de près. »",
                "Nous suivons cela de près.",
                Some("Jean Dupont"),
            ),
            (
                "Marie Curie a déclaré que « la science avance » hier.",
                "la science avance",
                Some("Marie Curie"),
            ),
            (
                "Selon Paul Martin, « rien n'est joué ».",
                "rien n'est joué",
                Some("Paul Martin"),
            ),
            (
                "« Rien n'est joué », selon Paul Martin.",
                "Rien n'est joué",
                Some("Paul Martin"),
            ),
            (
                "Paul Martin parle. « Nous verrons bien demain », a-t-il poursuivi.",
                "Nous verrons bien demain",
                Some("Paul Martin"),
            ),
            (
                "Anne Roy est venue. « Je reste ici avec vous », dit-elle.",
                "Je reste ici avec vous",
                Some("Anne Roy"),
            ),
            (
                "« C'est fini » Pak a déclaré. Jung Pak est diplomate.",
                "C'est fini",
                Some("Jung Pak"),
            ),
            (
                "« C'est une bonne nouvelle pour tous », a déclaré le porte-parole Kirby lors d'un point.",
                "C'est une bonne nouvelle pour tous",
                Some("Kirby"),
            ),
            // An apposition after the role names the speaker, even with an
            // unknown given name.
            (
                "Paul Martin était là. « Nous voulons savoir qui », a déclaré le ministre finlandais de la Défense, Antti Häkkänen, lors d'une conférence.",
                "Nous voulons savoir qui",
                Some("Antti Häkkänen"),
            ),
            (
                "« Les formulaires sont prêts », a regretté le maire de Riga, Vilnis Ķirsis.",
                "Les formulaires sont prêts",
                Some("Vilnis Ķirsis"),
            ),
            (
                "« Il n'y aura pas de pénurie », a promis la présidente de la Commission, Ursula von der Leyen.",
                "Il n'y aura pas de pénurie",
                Some("Ursula von der Leyen"),
            ),
            // A speaker's label; a participle clause speaks for its subject; an
            // apposition between the name and the verb.
            (
                "Entretien.\nEmmanuel Macron : « Nous ne reculerons pas. »",
                "Nous ne reculerons pas.",
                Some("Emmanuel Macron"),
            ),
            (
                "Le ministre Jean Dupont a rencontré Paul Martin, déclarant : « Nous ne reculerons pas. »",
                "Nous ne reculerons pas.",
                Some("Jean Dupont"),
            ),
            (
                "« Nous ne reculerons pas », Jean Dupont, porte-parole du ministère, a déclaré jeudi.",
                "Nous ne reculerons pas",
                Some("Jean Dupont"),
            ),
        ];
        assert_speakers(cases, Lang::Fr);
    }

    #[test]
    fn english_patterns() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "\"We will not back down,\" said Secretary Antony Blinken.",
                "We will not back down",
                Some("Antony Blinken"),
            ),
            (
                "\"We will not back down,\" John Smith said on Monday.",
                "We will not back down",
                Some("John Smith"),
            ),
            (
                "John Smith said: \"We will not back down.\"",
                "We will not back down.",
                Some("John Smith"),
            ),
            (
                "According to Janet Yellen, \"the economy remains resilient\".",
                "the economy remains resilient",
                Some("Janet Yellen"),
            ),
            (
                "Janet Yellen spoke first. \"It is resilient,\" she said.",
                "It is resilient",
                Some("Janet Yellen"),
            ),
            (
                "“It is resilient,” the official said.",
                "It is resilient",
                None,
            ),
            (
                "Deputy Defense Secretary Paul Wolfowitz published a note, saying: \"We intend to require competition.\"",
                "We intend to require competition.",
                Some("Paul Wolfowitz"),
            ),
            // Capitalised titles and nationalities are cues, not part of the name.
            (
                "\"We now see every ship,\" said Prime Minister Kaja Kallas.",
                "We now see every ship",
                Some("Kaja Kallas"),
            ),
            (
                "Polish Prime Minister Donald Tusk said \"small steps add up\" on Friday.",
                "small steps add up",
                Some("Donald Tusk"),
            ),
            // An apposition between the name and the verb; a name inside the
            // quote is never the speaker.
            (
                "\"It never lets you enjoy the film,\" Jack Garner, film critic for Gannet News Service said.",
                "It never lets you enjoy the film",
                Some("Jack Garner"),
            ),
            (
                "\"It is worthy neither of Michael Keaton's talents nor of yours,\" Manohla Dargis, film critic for the New York Times, said.",
                "It is worthy neither of Michael Keaton's talents nor of yours",
                Some("Manohla Dargis"),
            ),
            (
                "\"They think they can silence me,\" Dr Maathai said.",
                "They think they can silence me",
                Some("Maathai"),
            ),
            // A speaker's label opening the line (transcripts, e-mails); an
            // office before a given name is not part of the name.
            (
                "Secretary of the Air Force James Roche: \"No, save it and blow him away.\"",
                "No, save it and blow him away.",
                Some("James Roche"),
            ),
            (
                "The Air Force was praised.\nSpecial Assistant Bill Bodie: \"We don't have to turn the other cheek.\"",
                "We don't have to turn the other cheek.",
                Some("Bill Bodie"),
            ),
            // A participle clause speaks for its clause's subject, not for the
            // last person named.
            (
                "An email by James Roche is different, as he talks to Assistant Secretary of the Air Force for Acquisition Marvin Sambur about Boeing, saying, \"Give it to the Blue Eyed Arabs of the North.\"",
                "Give it to the Blue Eyed Arabs of the North.",
                Some("James Roche"),
            ),
            (
                "Assistant Secretary of the Air Force for Acquisition Marvin Sambur defended the choice of Boeing, saying, \"This was not a competitive bid process.\"",
                "This was not a competitive bid process.",
                Some("Marvin Sambur"),
            ),
            (
                "Chinese Vice Foreign Minister Wu Daiwei met the ambassador of Japan, stating that the intrusion was a \"technical error\".",
                "technical error",
                Some("Wu Daiwei"),
            ),
            // After "told" comes the listener; an organisation's person speaks.
            (
                "\"They've been in again this morning,\" a senior dealer at an Oslo bank told Reuters.",
                "They've been in again this morning",
                None,
            ),
            (
                "\"Japan is taking strong measures to stimulate demand,\" said the Bank of Tokyo's Honda.",
                "Japan is taking strong measures to stimulate demand",
                Some("Honda"),
            ),
            (
                "\"We expect no concessions,\" said one official, echoing statements by Helmut Kohl.",
                "We expect no concessions",
                None,
            ),
            (
                "\"The dollar will fall,\" said a U.S. Bank foreign exchange manager.",
                "The dollar will fall",
                None,
            ),
            // A capitalised "Official" is no name; the official speaks for
            // the country named.
            (
                "\"We see no change,\" the unidentified U.S. Official said.",
                "We see no change",
                Some("United States"),
            ),
            (
                "\"The market is stuck,\" said Drexel Burnham Lambert analyst Norman Mains.",
                "The market is stuck",
                Some("Norman Mains"),
            ),
            (
                "A spokeswoman for Milan-based Ambrosiano said, \"We have no information.\"",
                "We have no information.",
                None,
            ),
            (
                "Chancellor Nigel Lawson spoke. Asked if the United States should raise rates, he said, \"There is no need.\"",
                "There is no need.",
                Some("Nigel Lawson"),
            ),
            (
                "\"Rates will fall,\" Peter Fellner, U.K. Economist at stockbrokers James Capel and Co, said.",
                "Rates will fall",
                Some("Peter Fellner"),
            ),
            (
                "Jochen Bethkenhagen and his colleagues wrote a report. \"Reform is tricky,\" they said.",
                "Reform is tricky",
                None,
            ),
            (
                "\"Rates are fine,\" the Treasury Secretary said.",
                "Rates are fine",
                None,
            ),
            // A title resolves to the person the text gave it, not to the
            // last person named.
            (
                "Treasury Secretary James Baker met Paul Volcker. \"Rates are fine,\" the Treasury Secretary said.",
                "Rates are fine",
                Some("James Baker"),
            ),
            (
                // Not Greenspan: the union's leader, for the union.
                "Alan Greenspan was nominated. \"That troubles me,\" the UAW leader told reporters.",
                "That troubles me",
                Some("United Auto Workers"),
            ),
            (
                "\"We agree,\" said Conor O'Brien, the Irish envoy.",
                "We agree",
                Some("Conor O'Brien"),
            ),
            ("\"It is over,\" said Manager.", "It is over", None),
            (
                "\"Ratings are stable,\" S and P said.",
                "Ratings are stable",
                None,
            ),
            (
                "\"The deal reflects a trend,\" Analysts said.",
                "The deal reflects a trend",
                None,
            ),
            (
                "Robert Smith spoke first. \"We will wait,\" said a Treasury spokesman.",
                "We will wait",
                None,
            ),
            // An organisation's name with "on" ("Project on Government Oversight").
            (
                "The activist organization the Project on Government Oversight has called it \"a textbook case of favoritism\".",
                "a textbook case of favoritism",
                Some("Project on Government Oversight"),
            ),
        ];
        assert_speakers(cases, Lang::En);
    }

    /// A pronoun after an unnamed speaker stands for that speaker.
    #[test]
    fn unnamed_speakers_stay_unnamed() {
        let text = "Robert Smith spoke first.\n\nA spokesman for the bank said, \"We are aware of the order.\"\n\n\"Now we have to check the accounts,\" he said.";
        let got = quotes(text, Lang::En);
        let speakers: Vec<Option<&str>> = got.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [None, None], "{got:?}");
    }

    /// A quoted sentence right after an attributed one, in the same
    /// paragraph, continues it; in the next paragraph it does not.
    #[test]
    fn continued_quotes() {
        let text = "\"They think they can silence me,\" Dr Maathai said. \"But I have an elephant's skin.\"\n\n\"Nobody knows what comes next.\"";
        let got = quotes(text, Lang::En);
        let speakers: Vec<Option<&str>> = got.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Maathai"), Some("Maathai"), None],
            "{got:?}"
        );
        let text = "« Nous tiendrons », a déclaré Jean Dupont. « Il n'y a pas d'autre choix. »";
        let got = quotes(text, Lang::Fr);
        let speakers: Vec<Option<&str>> = got.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Jean Dupont"), Some("Jean Dupont")],
            "{got:?}"
        );
    }

    #[test]
    fn marks_nesting_and_unclosed() {
        let text = "« Il a dit “non” hier », a affirmé Paul Martin.\n\n« Première partie\n\n« Seconde partie », a-t-il ajouté.\n\n« Jamais fermée. dit-elle.\n\nSuite.";
        let got = quotes(text, Lang::Fr);
        let texts: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Il a dit “non” hier",
                "Première partie\n\n« Seconde partie",
                "Jamais fermée."
            ]
        );
        assert!(
            got.iter()
                .all(|q| q.speaker.as_deref() == Some("Paul Martin")),
            "{got:?}"
        );
        for q in &got {
            assert_eq!(&text[q.start..q.end], q.text);
        }
    }

    /// Sentence, language, expected (reported words, speaker).
    type IndirectCase<'a> = (&'a str, Lang, Option<(&'a str, &'a str)>);

    #[test]
    fn indirect_speech() {
        let cases: &[IndirectCase] = &[
            (
                "Jung Pak a affirmé que les relations se sont réchauffées.",
                Lang::Fr,
                Some(("les relations se sont réchauffées", "Jung Pak")),
            ),
            (
                "La Russie a également déclaré qu'elle ne céderait pas.",
                Lang::Fr,
                Some(("elle ne céderait pas", "Russie")),
            ),
            (
                "John Smith said that the deal was off.",
                Lang::En,
                Some(("the deal was off", "John Smith")),
            ),
            ("Il a déclaré que tout allait bien.", Lang::Fr, None),
            ("Le temps a changé que rien.", Lang::Fr, None),
        ];
        for (text, lang, want) in cases {
            let got: Vec<_> = quotes(text, *lang)
                .into_iter()
                .filter(|q| q.kind == super::QuoteKind::Indirect)
                .collect();
            match want {
                Some((quote, speaker)) => {
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(got[0].text, *quote, "{text}");
                    assert_eq!(got[0].speaker.as_deref(), Some(*speaker), "{text}");
                }
                None => assert!(got.is_empty(), "{text}: {got:?}"),
            }
        }
    }

    #[test]
    fn pronouns_are_never_speakers() {
        let got = quotes("« Nous partons demain matin », a-t-il déclaré.", Lang::Fr);
        assert_eq!(got[0].speaker, None);
        assert_eq!(got[0].speaker_text.as_deref(), Some("il"));
    }
}
