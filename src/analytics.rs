//! Corpus → numbers: per-article actor rows, quote rows and mention series by
//! period. Plain data out, shared by the CLI, the GUI and chart exports.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::extract::corpus::CorpusActors;
use crate::extract::edits::ActorEdits;
use crate::extract::{ActorKind, Extraction, QuoteKind};
use crate::index::manifest::ArticleMeta;
use crate::index::{CorpusIndex, IndexError, Manifest};
use crate::model::PartialDate;
pub use crate::period::Granularity;

/// The articles of a corpus with what extraction found in each, in path order.
pub struct CorpusData<'a> {
    /// (relative path, article metadata, extraction).
    pub items: Vec<(&'a str, &'a ArticleMeta, Extraction)>,
}

impl<'a> CorpusData<'a> {
    /// Reads every article's extraction from the index.
    pub fn load(manifest: &'a Manifest, index: &CorpusIndex) -> Result<Self, IndexError> {
        let mut extractions = index.extractions()?;
        let items = manifest
            .articles()
            .map(|(path, meta)| (path, meta, extractions.remove(&meta.id).unwrap_or_default()))
            .collect();
        Ok(Self { items })
    }

    /// The corpus view of actors with the user's edits.
    pub fn actors(&self, edits: &ActorEdits) -> CorpusActors {
        CorpusActors::build(self.items.iter().map(|(_, meta, e)| (meta.lang, e)), edits)
    }
}

/// One (article, actor) row.
#[derive(Clone, Debug, Serialize)]
pub struct ActorRow {
    /// Relative path of the article's file.
    pub doc: String,
    /// The actor's name as this article gives it (in its language, its
    /// fullest form; the user's name when renamed or merged).
    pub actor: String,
    /// The actor's name across the corpus (one per key).
    pub corpus_actor: String,
    /// Canonical key.
    pub key: String,
    /// Kind.
    pub kind: ActorKind,
    /// Mentions in the article.
    pub count: usize,
    /// Forms as written.
    pub aliases_seen: Vec<String>,
}

/// One quote row.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteRow {
    /// The quote's id, for corrections (`doc#start`, `doc:part#start`).
    pub id: String,
    /// Relative path of the article's file.
    pub doc: String,
    /// The quoted words.
    pub quote: String,
    /// Speaker's canonical name.
    pub speaker: Option<String>,
    /// Words naming the speaker in the text.
    pub speaker_text: Option<String>,
    /// Kind.
    pub kind: QuoteKind,
    /// Byte offset in the body.
    pub start: usize,
    /// Byte end in the body.
    pub end: usize,
    /// 0..1.
    pub confidence: f32,
    /// Canonical names of the actors mentioned inside the quote.
    pub mentioned: Vec<String>,
    /// Why this speaker, when a rule chose one.
    pub attribution: Option<AttributionRow>,
}

/// The evidence of a quote's speaker, as exported.
#[derive(Clone, Debug, Serialize)]
pub struct AttributionRow {
    /// The rule that chose the speaker (`after-quote`, `incise`, `paragraph-speaker`…).
    pub rule: String,
    /// The cue words ("a déclaré", "said", "selon"), when the rule read one.
    pub cue: Option<String>,
    /// Byte span of the cue in the body.
    pub cue_span: Option<(usize, usize)>,
    /// Byte span of the words naming the speaker in the body.
    pub speaker_span: Option<(usize, usize)>,
}

impl AttributionRow {
    /// The row of a quote the user corrected.
    pub fn user() -> Self {
        Self {
            rule: "user".to_owned(),
            cue: None,
            cue_span: None,
            speaker_span: None,
        }
    }

    /// The row of a quote's `attribution`.
    pub fn new(attribution: &crate::extract::Attribution) -> Self {
        Self {
            rule: attribution.rule.clone(),
            cue: attribution.cue_words.clone(),
            cue_span: attribution.cue,
            speaker_span: attribution.speaker_span,
        }
    }
}

/// One point of a mention series.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MentionPoint {
    /// First day of the period (`YYYY-MM-DD`), or "undated".
    pub bucket: String,
    /// Canonical name.
    pub actor: String,
    /// Mentions in the period.
    pub mentions: usize,
    /// Articles mentioning the actor in the period.
    pub articles: usize,
    /// Share of the period's articles that mention the actor.
    pub share: f64,
}

/// Actor rows of every article, in path order then by mentions.
pub fn actor_rows(data: &CorpusData<'_>, actors: &CorpusActors) -> Vec<ActorRow> {
    let mut rows = Vec::new();
    for (doc, _, extraction) in &data.items {
        rows.extend(
            actors
                .article_actors(extraction)
                .into_iter()
                .map(|a| ActorRow {
                    doc: (*doc).to_owned(),
                    actor: a.local_name,
                    corpus_actor: a.name,
                    key: a.key,
                    kind: a.kind,
                    count: a.count,
                    aliases_seen: a.aliases_seen,
                }),
        );
    }
    rows
}

/// Quote rows of every article.
pub fn quote_rows(data: &CorpusData<'_>, actors: &CorpusActors) -> Vec<QuoteRow> {
    let name_of = |key: &str| actors.name(key).map(|(n, _)| n.to_owned());
    let mut rows = Vec::new();
    for (doc, meta, extraction) in &data.items {
        for q in &extraction.quotes {
            let id = crate::extract::edits::quote_id(doc, meta.part, q.start);
            let Some((speaker_key, speaker_text)) = actors.quote_speaker(&id, q, extraction) else {
                continue; // Not a quote, the user said.
            };
            let corrected = actors.quote_corrected(&id);
            rows.push(QuoteRow {
                id,
                doc: (*doc).to_owned(),
                quote: q.text.clone(),
                speaker: match speaker_key.as_deref() {
                    Some(key) => name_of(key).or_else(|| q.speaker.clone()),
                    None if corrected => None,
                    None => q.speaker.clone(),
                },
                speaker_text,
                kind: q.kind,
                start: q.start,
                end: q.end,
                confidence: q.confidence,
                mentioned: q.mentioned.iter().filter_map(|k| name_of(k)).collect(),
                attribution: if corrected {
                    Some(AttributionRow::user())
                } else {
                    q.attribution.as_ref().map(AttributionRow::new)
                },
            });
        }
    }
    rows
}

/// Mentions per actor per period. `wanted` filters by canonical name or key
/// (case- and accent-insensitive); empty means every actor. Undated articles
/// form their own "undated" bucket, listed last.
pub fn mention_series(
    data: &CorpusData<'_>,
    actors: &CorpusActors,
    by: Granularity,
    wanted: &[String],
) -> Vec<MentionPoint> {
    let wanted: HashSet<String> = wanted
        .iter()
        .map(|w| crate::extract::lexicon::normalize(w))
        .collect();
    let mut articles_per_bucket: BTreeMap<Option<PartialDate>, usize> = BTreeMap::new();
    let mut counts: HashMap<(Option<PartialDate>, String), (usize, usize)> = HashMap::new();
    for (_, article, extraction) in &data.items {
        let bucket = article.date.as_ref().map(|d| by.bucket_start(d.date));
        *articles_per_bucket.entry(bucket).or_default() += 1;
        for a in actors.article_actors(extraction) {
            let (key, name, n) = (a.key, a.name, a.count);
            if !wanted.is_empty()
                && !wanted.contains(&crate::extract::lexicon::normalize(&name))
                && !wanted.contains(&crate::extract::lexicon::normalize(&key))
            {
                continue;
            }
            let entry = counts.entry((bucket, name)).or_default();
            entry.0 += n;
            entry.1 += 1;
        }
    }
    let mut points: Vec<MentionPoint> = counts
        .into_iter()
        .map(|((bucket, actor), (mentions, articles))| {
            let total = articles_per_bucket
                .get(&bucket)
                .copied()
                .unwrap_or(1)
                .max(1);
            MentionPoint {
                bucket: bucket.map_or_else(|| "undated".to_owned(), |d| d.to_iso()),
                actor,
                mentions,
                articles,
                share: articles as f64 / total as f64,
            }
        })
        .collect();
    // Dated buckets in time order, undated last; then by actor.
    points.sort_by(|a, b| {
        (a.bucket == "undated", &a.bucket, &a.actor).cmp(&(
            b.bucket == "undated",
            &b.bucket,
            &b.actor,
        ))
    });
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets() {
        let d = |s: &str| PartialDate::parse_iso(s).unwrap();
        assert_eq!(
            Granularity::Week.bucket_start(d("2024-01-18")),
            d("2024-01-15")
        );
        assert_eq!(
            Granularity::Month.bucket_start(d("2024-01-18")),
            d("2024-01-01")
        );
        assert_eq!(
            Granularity::Year.bucket_start(d("2023-07")),
            d("2023-01-01")
        );
        assert_eq!(Granularity::Day.bucket_start(d("2023-07")), d("2023-07-01"));
    }
}
