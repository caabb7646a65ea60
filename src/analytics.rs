//! Corpus → numbers: per-article actor rows, quote rows and mention series by
//! period. Plain data out, shared by the CLI, the GUI and chart exports.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::extract::corpus::CorpusActors;
use crate::extract::edits::ActorEdits;
use crate::extract::{ActorKind, Extraction, QuoteKind};
use crate::index::digest::Digest;
use crate::index::manifest::ArticleMeta;
use crate::index::{CorpusIndex, IndexError, Manifest};
use crate::model::ArticleId;
use crate::model::PartialDate;
pub use crate::period::Granularity;

/// The articles of a corpus with what extraction found in each, in path
/// order, read one at a time: from the digest beside the index (decoded as
/// each article is reached, so memory stays flat at any corpus size), from
/// the index for articles the digest lacks, or from a list in memory.
pub struct CorpusData<'a> {
    articles: Vec<(&'a str, &'a ArticleMeta)>,
    source: Source,
}

enum Source {
    /// The digest, and the extractions the index had for articles it lacks.
    Digest(Digest, HashMap<ArticleId, Extraction>),
    /// Extractions in memory, aligned with the articles.
    Memory(Vec<Extraction>),
}

impl<'a> CorpusData<'a> {
    /// Opens the extractions of a corpus: from the digest beside the index,
    /// and from the index itself for articles the digest lacks (a digest
    /// written by an older version, damaged, or absent in a read-only copy).
    pub fn load(corpus: &'a crate::pipeline::Corpus) -> Result<Self, IndexError> {
        Self::load_from(&corpus.manifest, &corpus.index, &corpus.data_dir)
    }

    /// [`Self::load`] from the parts of a corpus.
    pub fn load_from(
        manifest: &'a Manifest,
        index: &CorpusIndex,
        data_dir: &std::path::Path,
    ) -> Result<Self, IndexError> {
        let digest = Digest::open(data_dir);
        let articles: Vec<(&str, &ArticleMeta)> = manifest.articles().collect();
        let missing: Vec<ArticleId> = articles
            .iter()
            .map(|(_, meta)| meta.id)
            .filter(|id| !digest.contains(*id))
            .collect();
        let from_index = if missing.is_empty() {
            HashMap::new()
        } else {
            index.extractions_of(&missing)?
        };
        Ok(Self {
            articles,
            source: Source::Digest(digest, from_index),
        })
    }

    /// Articles with their extractions, held in memory (tests, live results).
    pub fn from_items(items: Vec<(&'a str, &'a ArticleMeta, Extraction)>) -> Self {
        let (articles, extractions) = items.into_iter().map(|(p, m, e)| ((p, m), e)).unzip();
        Self {
            articles,
            source: Source::Memory(extractions),
        }
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when the corpus has no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every article with what extraction found in it, in path order; each
    /// pass decodes the extractions again instead of keeping them.
    pub fn iter(
        &self,
    ) -> impl Iterator<Item = (&'a str, &'a ArticleMeta, Cow<'_, Extraction>)> + Clone + '_ {
        self.articles.iter().enumerate().map(|(i, (path, meta))| {
            let extraction = match &self.source {
                Source::Memory(all) => all.get(i).map_or_else(Cow::default, Cow::Borrowed),
                Source::Digest(digest, from_index) => match digest.get(meta.id) {
                    Some(e) => Cow::Owned(e),
                    None => from_index
                        .get(&meta.id)
                        .map_or_else(Cow::default, Cow::Borrowed),
                },
            };
            (*path, *meta, extraction)
        })
    }

    /// The corpus view of actors with the user's edits.
    pub fn actors(&self, edits: &ActorEdits) -> CorpusActors {
        CorpusActors::build(self.iter().map(|(_, meta, e)| (meta.lang, e)), edits)
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

/// Actor rows of every article, in path order then by mentions, made as
/// they are read.
pub fn actor_rows<'d>(
    data: &'d CorpusData<'_>,
    actors: &'d CorpusActors,
) -> impl Iterator<Item = ActorRow> + 'd {
    data.iter().flat_map(move |(doc, _, extraction)| {
        actors
            .article_actors(&extraction)
            .into_iter()
            .map(move |a| ActorRow {
                doc: doc.to_owned(),
                actor: a.local_name,
                corpus_actor: a.name,
                key: a.key,
                kind: a.kind,
                count: a.count,
                aliases_seen: a.aliases_seen,
            })
    })
}

/// Quote rows of every article, made as they are read.
pub fn quote_rows<'d>(
    data: &'d CorpusData<'_>,
    actors: &'d CorpusActors,
) -> impl Iterator<Item = QuoteRow> + 'd {
    data.iter()
        .flat_map(move |(doc, meta, extraction)| article_quote_rows(doc, meta, &extraction, actors))
}

/// Quote rows of one article.
fn article_quote_rows(
    doc: &str,
    meta: &ArticleMeta,
    extraction: &Extraction,
    actors: &CorpusActors,
) -> Vec<QuoteRow> {
    let name_of = |key: &str| actors.name(key).map(|(n, _)| n.to_owned());
    let mut rows = Vec::new();
    for q in &extraction.quotes {
        let id = crate::extract::edits::quote_id(doc, meta.part, q.start);
        let Some((speaker_key, speaker_text)) = actors.quote_speaker(&id, q, extraction) else {
            continue; // Not a quote, the user said.
        };
        let corrected = actors.quote_corrected(&id);
        rows.push(QuoteRow {
            id,
            doc: doc.to_owned(),
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
    // Whether an actor (by key) is one of `wanted`, decided once per actor.
    let mut is_wanted: HashMap<String, bool> = HashMap::new();
    for (_, article, extraction) in data.iter() {
        let bucket = article.date.as_ref().map(|d| by.bucket_start(d.date));
        *articles_per_bucket.entry(bucket).or_default() += 1;
        for a in actors.article_actors(&extraction) {
            let (key, name, n) = (a.key, a.name, a.count);
            if !wanted.is_empty() {
                let asked = match is_wanted.get(&key) {
                    Some(asked) => *asked,
                    None => {
                        let asked = wanted.contains(&crate::extract::lexicon::normalize(&name))
                            || wanted.contains(&crate::extract::lexicon::normalize(&key));
                        is_wanted.insert(key, asked);
                        asked
                    }
                };
                if !asked {
                    continue;
                }
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
