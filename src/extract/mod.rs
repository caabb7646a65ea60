//! Article → actors and quotes. Pure functions over the article's text, using the
//! built-in lexicon; no I/O.
//!
//! ```text
//! body ─► tokens::tokenize ─► actors::find_actors ─► quotes::find_quotes ─► Extraction
//! ```

pub mod actors;
pub mod corpus;
pub mod edits;
pub mod lexicon;
pub mod names;
pub mod ner;
pub mod quotes;
pub mod tokens;

use serde::{Deserialize, Serialize};

pub use lexicon::ActorKind;
pub use quotes::{Attribution, QuoteKind};

use crate::model::{Article, Lang};

/// Bump when extraction rules or the lexicon change: stored actors and quotes of
/// older runs are then extracted again (files are re-read, the index is kept).
pub const EXTRACTOR_VERSION: u32 = 12;

/// One actor of an article, with its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleActor {
    /// Stable key (`country:ru`, `person~jung pak`).
    pub key: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Number of mentions.
    pub count: usize,
    /// Distinct forms as written ("Moscou", "Russie").
    pub aliases_seen: Vec<String>,
    /// Byte spans of the mentions in the body.
    pub spans: Vec<(usize, usize)>,
    /// For each span, the index of its form in `aliases_seen` (lets the user
    /// split one form off an actor without re-reading the article).
    #[serde(default)]
    pub span_alias: Vec<u16>,
}

/// One quote of an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractedQuote {
    /// The quoted words.
    pub text: String,
    /// Byte offset in the body.
    pub start: usize,
    /// Byte end in the body.
    pub end: usize,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Speaker's display name.
    pub speaker: Option<String>,
    /// Speaker's actor key.
    pub speaker_key: Option<String>,
    /// Words naming the speaker in the text.
    pub speaker_text: Option<String>,
    /// 0..1.
    pub confidence: f32,
    /// Keys of actors mentioned inside the quote.
    pub mentioned: Vec<String>,
    /// Why this speaker: the rule, its cue words and the speaker's words.
    #[serde(default)]
    pub attribution: Option<Attribution>,
}

/// What extraction found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Actors, most mentioned first.
    pub actors: Vec<ArticleActor>,
    /// Quotes in text order.
    pub quotes: Vec<ExtractedQuote>,
}

/// Extracts actors and quotes from an article's body with `lexicon` (the
/// built-in one, or it plus the corpus's user-added actors).
pub fn extract(article: &Article, lexicon: &lexicon::Lexicon) -> Extraction {
    extract_with(&article.body, article.lang, lexicon)
}

/// Extracts actors and quotes from a text with the built-in lexicon.
pub fn extract_text(text: &str, lang: Lang) -> Extraction {
    extract_with(text, lang, &lexicon::LEXICON)
}

/// Extracts actors and quotes from a text.
pub fn extract_with(text: &str, lang: Lang, lexicon: &lexicon::Lexicon) -> Extraction {
    extract_until(text, lang, lexicon, None).unwrap_or_default()
}

/// Extracts actors and quotes from a text; `None` when `cancel` was set
/// before the end (checked inside the extractor's loops, so a long article
/// stops within moments).
pub fn extract_until(
    text: &str,
    lang: Lang,
    lexicon: &lexicon::Lexicon,
    cancel: Option<&std::sync::atomic::AtomicBool>,
) -> Option<Extraction> {
    let stopped = || cancel.is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed));
    if lang == Lang::Other {
        // French and English rules would find nonsense in other languages.
        return (!stopped()).then(Extraction::default);
    }
    let abbreviation = |w: &str| lexicon.honorifics.contains(w);
    let mut t = tokens::tokenize(text, &abbreviation);
    t.cancel = cancel;
    let mut found = actors::find_actors(&t, lang, lexicon);
    if stopped() {
        return None;
    }
    let quotes = quotes::find_quotes(&t, &mut found);
    if stopped() {
        return None;
    }
    let speakers: std::collections::HashSet<usize> =
        quotes.iter().filter_map(|q| q.speaker).collect();
    // Countries and places that are only where the story happens are no actors.
    let settings = actors::acting::settings(&t, lang, &found, &speakers, lexicon);
    let mut out = Extraction::default();
    let mut by_actor: Vec<Vec<&actors::Mention>> = vec![Vec::new(); found.actors.len()];
    for m in &found.mentions {
        if let Some(list) = by_actor.get_mut(m.actor) {
            list.push(m);
        }
    }
    for (index, (actor, mentions)) in found.actors.iter().zip(by_actor).enumerate() {
        if mentions.is_empty() || settings.contains(&index) {
            continue;
        }
        let mut aliases_seen: Vec<String> = Vec::new();
        let mut span_alias = Vec::with_capacity(mentions.len());
        for m in &mentions {
            let surface = &text[m.start..m.end];
            let index = match aliases_seen.iter().position(|a| a == surface) {
                Some(index) => index,
                None => {
                    aliases_seen.push(surface.to_owned());
                    aliases_seen.len() - 1
                }
            };
            span_alias.push(u16::try_from(index).unwrap_or(u16::MAX));
        }
        out.actors.push(ArticleActor {
            key: actor.key.clone(),
            name: article_name(actor, &aliases_seen, lexicon),
            kind: actor.kind,
            count: mentions.len(),
            aliases_seen,
            spans: mentions.iter().map(|m| (m.start, m.end)).collect(),
            span_alias,
        });
    }
    out.actors
        .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    for q in quotes {
        let speaker = q.speaker.and_then(|s| found.actors.get(s));
        out.quotes.push(ExtractedQuote {
            text: text[q.start..q.end].to_owned(),
            start: q.start,
            end: q.end,
            kind: q.kind,
            speaker: speaker.map(|a| a.name.clone()),
            speaker_key: speaker.map(|a| a.key.clone()),
            speaker_text: q.speaker_text,
            confidence: q.confidence,
            mentioned: q
                .mentioned
                .iter()
                .filter(|a| !settings.contains(a))
                .filter_map(|a| found.actors.get(*a))
                .map(|a| a.key.clone())
                .collect(),
            attribution: q.attribution,
        });
    }
    Some(out)
}

/// The name an article gives an actor: for one the lexicon knows, its fullest
/// form in the article ("Parti socialiste" rather than the lexicon's English
/// "Socialist Party" in a French article, "NASA" as written), a metonym
/// ("Moscou") never standing for the name; for others, the name found.
fn article_name(
    actor: &actors::Found,
    aliases_seen: &[String],
    lexicon: &lexicon::Lexicon,
) -> String {
    // The user's own actors keep the name the user gave them.
    if lexicon.entry(&actor.key).is_none() || actor.key.starts_with("user:") {
        return actor.name.clone();
    }
    aliases_seen
        .iter()
        .filter(|a| !lexicon.is_metonym(a))
        .max_by_key(|a| a.chars().count())
        .map_or_else(|| actor.name.clone(), |a| names::one_line(a))
}

/// True for capitalised words that never name an actor alone.
pub(crate) fn actors_not_name(word: &str) -> bool {
    let key = lexicon::normalize(word);
    let lexicon = &*lexicon::LEXICON;
    names::is_common_word(&key)
        || lexicon.verbs.contains_key(&word.to_lowercase())
        || lexicon.demonyms.contains_key(&key)
}
