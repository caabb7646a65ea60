//! The corpus as the desktop app explores it: articles, actors and quotes in
//! compact arrays, so that a filter change (search hits, date range,
//! granularity, selected actors) recomputes series and lists well within a
//! frame. Built once per opened corpus (or per actor edit) off the UI thread;
//! plain data, no egui.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use crate::analytics::CorpusData;
use crate::extract::corpus::CorpusActors;
use crate::extract::edits::ActorEdits;
use crate::extract::{ActorKind, Extraction, QuoteKind};
use crate::index::manifest::ArticleMeta;
use crate::model::{ArticleId, Lang, PubDate};
pub use crate::period::{Granularity, bucket_end, bucket_label};

/// Index of an article in [`Explorer::articles`].
pub type ArticleIx = u32;
/// Index of an actor in [`Explorer::actors`].
pub type ActorIx = u32;
/// Index of a quote in [`Explorer::quotes`].
pub type QuoteIx = u32;

/// Series colours, in the order actors are picked (sRGB). Shared by the window
/// and the chart exports so both show the same colour for the same actor.
pub const PALETTE: [[u8; 3]; 12] = [
    [31, 119, 180],
    [255, 127, 14],
    [44, 160, 44],
    [214, 39, 40],
    [148, 103, 189],
    [140, 86, 75],
    [227, 119, 194],
    [127, 127, 127],
    [188, 189, 34],
    [23, 190, 207],
    [0, 82, 147],
    [170, 110, 0],
];

/// One article, as lists and charts need it.
#[derive(Clone, Debug)]
pub struct ArticleInfo {
    /// Relative path of its file.
    pub path: String,
    /// Position in a multi-article file.
    pub part: usize,
    /// Article id (to load its text from the index).
    pub id: ArticleId,
    /// Title.
    pub title: String,
    /// Publication date with its source.
    pub date: Option<PubDate>,
    /// Outlet.
    pub outlet: String,
    /// Author(s).
    pub author: String,
    /// Language.
    pub lang: Lang,
    /// Its quotes: `quotes[first..first + count]`.
    pub quotes: std::ops::Range<QuoteIx>,
}

/// One actor of the corpus (after automatic merges and the user's edits).
#[derive(Clone, Debug)]
pub struct ActorInfo {
    /// Canonical key.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Mentions in the whole corpus.
    pub mentions: usize,
    /// Articles mentioning it.
    pub articles: usize,
    /// Quotes it is the speaker of.
    pub quotes: usize,
    /// Forms seen in the text, most frequent first.
    pub aliases: Vec<String>,
    /// Article-level keys merged into it (where a form can be split off).
    pub sources: Vec<String>,
}

/// One quote.
#[derive(Clone, Debug)]
pub struct QuoteInfo {
    /// The article it is in.
    pub article: ArticleIx,
    /// The quoted words.
    pub text: String,
    /// Byte span in the article body.
    pub span: (usize, usize),
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Speaker, when known.
    pub speaker: Option<ActorIx>,
    /// Words naming the speaker in the text.
    pub speaker_text: Option<String>,
    /// Actors mentioned inside the quote.
    pub mentioned: Vec<ActorIx>,
    /// Why this speaker (rule, cue words), when a rule chose one.
    pub attribution: Option<crate::extract::Attribution>,
}

/// What the user narrowed the corpus to.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Articles matching the search box (None: no search).
    pub hits: Option<Arc<Vec<bool>>>,
    /// First day shown (days since the epoch), inclusive.
    pub from: Option<i64>,
    /// Last day shown, inclusive.
    pub to: Option<i64>,
}

impl Filter {
    /// True when article `ix`, with these bucket starts (`None`: undated),
    /// passes the search and the date range. Undated articles pass any date
    /// range (they are shown in their own bucket).
    #[inline]
    fn passes(&self, ix: usize, days: Option<[i64; 4]>) -> bool {
        if let Some(hits) = &self.hits
            && !hits.get(ix).copied().unwrap_or(false)
        {
            return false;
        }
        match days {
            None => true,
            Some(b) => self.from.is_none_or(|f| b[0] >= f) && self.to.is_none_or(|t| b[0] <= t),
        }
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.hits.is_none() && self.from.is_none() && self.to.is_none()
    }
}

/// Mention counts of one actor in one bucket.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell {
    /// Mentions.
    pub mentions: u32,
    /// Articles mentioning the actor.
    pub articles: u32,
}

/// The series of the selected actors over the filtered corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// Granularity of the buckets.
    pub by: Granularity,
    /// Bucket starts (days since the epoch), every bucket from the first to the
    /// last dated article, empty ones included.
    pub buckets: Vec<i64>,
    /// Articles per bucket (after the filter).
    pub articles: Vec<u32>,
    /// Undated articles (after the filter).
    pub undated_articles: u32,
    /// Per selected actor: its cells, aligned with `buckets`, then its undated cell.
    pub lines: Vec<(ActorIx, Vec<Cell>, Cell)>,
}

impl Series {
    /// The value plotted for a cell: mentions, or the share of the bucket's
    /// articles that mention the actor.
    pub fn value(cell: Cell, articles_in_bucket: u32, share: bool) -> f64 {
        if share {
            f64::from(cell.articles) / f64::from(articles_in_bucket.max(1))
        } else {
            f64::from(cell.mentions)
        }
    }

    /// Label of a bucket for its granularity ("2024-01", "2024-W03", "2024").
    pub fn bucket_label(&self, start: i64) -> String {
        bucket_label(self.by, start)
    }
}

fn granularity_slot(by: Granularity) -> usize {
    match by {
        Granularity::Day => 0,
        Granularity::Week => 1,
        Granularity::Month => 2,
        Granularity::Year => 3,
    }
}

/// The explorable corpus.
pub struct Explorer {
    /// Articles, newest first, undated last.
    pub articles: Vec<ArticleInfo>,
    /// Actors, most mentioned first.
    pub actors: Vec<ActorInfo>,
    /// Quotes, by article then position.
    pub quotes: Vec<QuoteInfo>,
    /// The corpus view of actors (with the edits it was built with).
    pub corpus_actors: CorpusActors,
    /// Actor index by canonical key.
    by_key: HashMap<String, ActorIx>,
    /// Hot data of the filter loops, contiguous: each article's bucket starts
    /// and (actor, mentions) pairs (`pairs[ranges[i].0..ranges[i].1]`).
    days: Vec<Option<[i64; 4]>>,
    pairs: Vec<(ActorIx, u32)>,
    ranges: Vec<(u32, u32)>,
    /// Article index by id.
    by_id: HashMap<ArticleId, ArticleIx>,
}

impl Explorer {
    /// Builds the explorer of a corpus with the user's actor edits, reading
    /// the extractions as it goes (none is kept but what the views need).
    pub fn build(data: &CorpusData<'_>, edits: &ActorEdits) -> Self {
        Self::from_items(data.iter(), edits)
    }

    /// Builds the explorer of some articles (path, metadata, extraction);
    /// `items` is walked twice.
    pub fn from_items<'m, E: std::borrow::Borrow<Extraction>>(
        items: impl Iterator<Item = (&'m str, &'m ArticleMeta, E)> + Clone,
        edits: &ActorEdits,
    ) -> Self {
        let corpus_actors =
            CorpusActors::build(items.clone().map(|(_, meta, e)| (meta.lang, e)), edits);
        let mut actors: Vec<ActorInfo> = Vec::new();
        let mut by_key: HashMap<String, ActorIx> = HashMap::default();
        let mut alias_counts: Vec<HashMap<String, usize>> = Vec::new();
        let mut intern = |key: &str, name: &str, kind: ActorKind, actors: &mut Vec<ActorInfo>| {
            if let Some(ix) = by_key.get(key) {
                return *ix;
            }
            *by_key.entry(key.to_owned()).or_insert_with(|| {
                actors.push(ActorInfo {
                    key: key.to_owned(),
                    name: name.to_owned(),
                    kind,
                    mentions: 0,
                    articles: 0,
                    quotes: 0,
                    aliases: Vec::new(),
                    sources: Vec::new(),
                });
                (actors.len() - 1) as ActorIx
            })
        };
        let mut articles = Vec::new();
        // Per article: its (actor, mentions) pairs and bucket starts, kept
        // apart from `articles` as contiguous arrays for the filter loops.
        let mut article_actors_all: Vec<Vec<(ActorIx, u32)>> = Vec::new();
        let mut article_days: Vec<Option<[i64; 4]>> = Vec::new();
        let mut quotes = Vec::new();
        for (path, meta, extraction) in items {
            let extraction: &Extraction = extraction.borrow();
            let mut article_actors = Vec::new();
            for a in corpus_actors.article_actors(extraction) {
                let ix = intern(&a.key, &a.name, a.kind, &mut actors);
                alias_counts.resize_with(actors.len(), HashMap::default);
                let info = &mut actors[ix as usize];
                info.mentions += a.count;
                info.articles += 1;
                for source in a.sources {
                    if !info.sources.contains(&source) {
                        info.sources.push(source);
                    }
                }
                for alias in a.aliases_seen {
                    *alias_counts[ix as usize].entry(alias).or_default() += 1;
                }
                article_actors.push((ix, a.count as u32));
            }
            let article_ix = articles.len() as ArticleIx;
            let first_quote = quotes.len() as QuoteIx;
            for q in &extraction.quotes {
                // Ids are only needed (and built) when the user corrected quotes.
                let id = if corpus_actors.has_quote_corrections() {
                    crate::extract::edits::quote_id(path, meta.part, q.start)
                } else {
                    String::new()
                };
                let Some((speaker_key, speaker_text)) =
                    corpus_actors.quote_speaker(&id, q, extraction)
                else {
                    continue; // Not a quote, the user said.
                };
                let corrected = corpus_actors.quote_corrected(&id);
                let speaker = speaker_key.and_then(|key| {
                    let (name, kind) = corpus_actors.name(&key)?;
                    Some(intern(&key, name, kind, &mut actors))
                });
                if let Some(s) = speaker {
                    actors[s as usize].quotes += 1;
                }
                let mut mentioned: Vec<ActorIx> = q
                    .mentioned
                    .iter()
                    .filter(|k| !corpus_actors.is_hidden(k))
                    .filter_map(|k| {
                        let key = corpus_actors.canonical(k).to_owned();
                        let (name, kind) = corpus_actors.name(&key)?;
                        Some(intern(&key, name, kind, &mut actors))
                    })
                    .collect();
                mentioned.dedup();
                quotes.push(QuoteInfo {
                    article: article_ix,
                    text: q.text.clone(),
                    span: (q.start, q.end),
                    kind: q.kind,
                    speaker,
                    speaker_text,
                    mentioned,
                    attribution: if corrected {
                        Some(crate::extract::Attribution::user())
                    } else {
                        q.attribution.clone()
                    },
                });
            }
            article_days.push(meta.date.as_ref().map(|d| {
                [
                    Granularity::Day,
                    Granularity::Week,
                    Granularity::Month,
                    Granularity::Year,
                ]
                .map(|by| by.bucket_start(d.date).first_day_unix_days())
            }));
            article_actors_all.push(article_actors);
            articles.push(ArticleInfo {
                path: path.to_owned(),
                part: meta.part,
                id: meta.id,
                title: meta.title.clone(),
                date: meta.date.clone(),
                outlet: meta.outlet.clone().unwrap_or_default(),
                author: meta.author.clone().unwrap_or_default(),
                lang: meta.lang,
                quotes: first_quote..quotes.len() as QuoteIx,
            });
        }
        alias_counts.resize_with(actors.len(), HashMap::default);
        for (info, counts) in actors.iter_mut().zip(alias_counts) {
            let mut aliases: Vec<(String, usize)> = counts.into_iter().collect();
            aliases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            info.aliases = aliases.into_iter().map(|(a, _)| a).collect();
        }
        // Actors most mentioned first; articles newest first, undated last.
        let mut order: Vec<usize> = (0..actors.len()).collect();
        order.sort_by(|a, b| {
            let (x, y) = (&actors[*a], &actors[*b]);
            (y.mentions + y.quotes)
                .cmp(&(x.mentions + x.quotes))
                .then_with(|| x.name.cmp(&y.name))
        });
        let mut new_ix = vec![0 as ActorIx; actors.len()];
        for (new, old) in order.iter().enumerate() {
            new_ix[*old] = new as ActorIx;
        }
        let actors: Vec<ActorInfo> = order.iter().map(|i| actors[*i].clone()).collect();
        let remap = |ix: &mut ActorIx| *ix = new_ix[*ix as usize];
        for article_actors in &mut article_actors_all {
            article_actors.iter_mut().for_each(|(a, _)| remap(a));
            article_actors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        for q in &mut quotes {
            q.speaker.iter_mut().for_each(remap);
            q.mentioned.iter_mut().for_each(remap);
        }
        let mut article_order: Vec<usize> = (0..articles.len()).collect();
        article_order.sort_by(|a, b| {
            let key = |i: usize| {
                (
                    article_days[i].map(|b| b[0]),
                    articles[i].date.as_ref().map(|d| d.date),
                )
            };
            key(*b)
                .cmp(&key(*a))
                .then_with(|| articles[*a].path.cmp(&articles[*b].path))
        });
        let mut new_article = vec![0 as ArticleIx; articles.len()];
        for (new, old) in article_order.iter().enumerate() {
            new_article[*old] = new as ArticleIx;
        }
        for q in &mut quotes {
            q.article = new_article[q.article as usize];
        }
        let mut quote_order: Vec<usize> = (0..quotes.len()).collect();
        quote_order.sort_by_key(|i| (quotes[*i].article, quotes[*i].span.0));
        let quotes: Vec<QuoteInfo> = quote_order.iter().map(|i| quotes[*i].clone()).collect();
        let mut articles: Vec<ArticleInfo> =
            article_order.iter().map(|i| articles[*i].clone()).collect();
        let mut start = 0;
        for (ix, article) in articles.iter_mut().enumerate() {
            let count = quotes[start..]
                .iter()
                .take_while(|q| q.article as usize == ix)
                .count();
            article.quotes = start as QuoteIx..(start + count) as QuoteIx;
            start += count;
        }
        let by_key = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.key.clone(), i as ActorIx))
            .collect();
        let by_id = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i as ArticleIx))
            .collect();
        let days = article_order.iter().map(|i| article_days[*i]).collect();
        let mut pairs = Vec::new();
        let mut ranges = Vec::with_capacity(articles.len());
        for i in &article_order {
            let start = pairs.len() as u32;
            pairs.extend_from_slice(&article_actors_all[*i]);
            ranges.push((start, pairs.len() as u32));
        }
        Self {
            articles,
            actors,
            quotes,
            corpus_actors,
            by_key,
            by_id,
            days,
            pairs,
            ranges,
        }
    }

    /// The actors of article `ix` with their mention counts, most mentioned first.
    #[inline]
    pub fn actors_of(&self, ix: ArticleIx) -> &[(ActorIx, u32)] {
        let (start, end) = self.ranges[ix as usize];
        &self.pairs[start as usize..end as usize]
    }

    /// Mentions of `actor` in article `ix`.
    pub fn mentions_of(&self, ix: ArticleIx, actor: ActorIx) -> u32 {
        self.actors_of(ix)
            .iter()
            .find(|(a, _)| *a == actor)
            .map_or(0, |(_, n)| *n)
    }

    /// Indexes of the articles within the filter, with their bucket starts.
    fn passing<'s>(
        &'s self,
        filter: &'s Filter,
    ) -> impl Iterator<Item = (usize, Option<[i64; 4]>)> + 's {
        self.days
            .iter()
            .enumerate()
            .filter(|(ix, days)| filter.passes(*ix, **days))
            .map(|(ix, days)| (ix, *days))
    }

    /// Actor mentions of an article's extraction, as this explorer resolves
    /// them: byte span and actor, in text order.
    pub fn mentions(
        &self,
        extraction: &crate::extract::Extraction,
    ) -> Vec<(usize, usize, ActorIx)> {
        let mut out = Vec::new();
        for actor in self.corpus_actors.article_actors(extraction) {
            if let Some(ix) = self.actor_by_key(&actor.key) {
                out.extend(actor.spans.iter().map(|(s, e)| (*s, *e, ix)));
            }
        }
        out.sort_unstable();
        out
    }

    /// The actor with this canonical key.
    pub fn actor_by_key(&self, key: &str) -> Option<ActorIx> {
        self.by_key.get(key).copied()
    }

    /// The actor an article-level key resolves to.
    pub fn actor_of(&self, article_key: &str) -> Option<ActorIx> {
        self.actor_by_key(self.corpus_actors.canonical(article_key))
    }

    /// The article with this id.
    pub fn article_by_id(&self, id: ArticleId) -> Option<ArticleIx> {
        self.by_id.get(&id).copied()
    }

    /// A search-hit mask from matching article ids.
    pub fn hit_mask(&self, ids: &[ArticleId]) -> Vec<bool> {
        let mut mask = vec![false; self.articles.len()];
        for id in ids {
            if let Some(ix) = self.article_by_id(*id) {
                mask[ix as usize] = true;
            }
        }
        mask
    }

    /// The first and last dated days of the corpus.
    pub fn date_span(&self) -> Option<(i64, i64)> {
        let days = self.days.iter().filter_map(|d| d.map(|b| b[0]));
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for d in days {
            lo = lo.min(d);
            hi = hi.max(d);
        }
        (lo <= hi).then_some((lo, hi))
    }

    /// Mentions and articles per actor within the filter (indexed by actor).
    pub fn actor_totals(&self, filter: &Filter) -> Vec<Cell> {
        let mut totals = vec![Cell::default(); self.actors.len()];
        for (ix, _) in self.passing(filter) {
            for (a, n) in self.actors_of(ix as ArticleIx) {
                let cell = &mut totals[*a as usize];
                cell.mentions += n;
                cell.articles += 1;
            }
        }
        totals
    }

    /// Series of the `selected` actors by `by` within the filter.
    pub fn series(&self, filter: &Filter, by: Granularity, selected: &[ActorIx]) -> Series {
        let slot = granularity_slot(by);
        let column = self.columns(selected);
        let passing: Vec<(usize, Option<[i64; 4]>)> = self.passing(filter).collect();
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for (_, days) in &passing {
            if let Some(b) = days {
                lo = lo.min(b[slot]);
                hi = hi.max(b[slot]);
            }
        }
        let mut buckets = Vec::new();
        if lo <= hi {
            let mut start = lo;
            while start <= hi && buckets.len() <= 200_000 {
                buckets.push(start);
                start = bucket_end(by, start) + 1;
            }
        }
        let mut articles = vec![0u32; buckets.len()];
        let mut undated_articles = 0;
        let mut lines: Vec<(ActorIx, Vec<Cell>, Cell)> = selected
            .iter()
            .map(|a| (*a, vec![Cell::default(); buckets.len()], Cell::default()))
            .collect();
        for (ix, days) in passing {
            let at = days.and_then(|b| buckets.binary_search(&b[slot]).ok());
            match at {
                Some(p) => articles[p] += 1,
                None => undated_articles += 1,
            }
            for (a, n) in self.actors_of(ix as ArticleIx) {
                let Some(Some(col)) = column.get(*a as usize) else {
                    continue;
                };
                let line = &mut lines[*col];
                let cell = match at {
                    Some(p) => &mut line.1[p],
                    None => &mut line.2,
                };
                cell.mentions += n;
                cell.articles += 1;
            }
        }
        Series {
            by,
            buckets,
            articles,
            undated_articles,
            lines,
        }
    }

    /// Position of each actor in `selected` (a vector indexed by actor, not a
    /// map: it is looked up once per mention).
    fn columns(&self, selected: &[ActorIx]) -> Vec<Option<usize>> {
        let mut column = vec![None; self.actors.len()];
        for (i, a) in selected.iter().enumerate() {
            if let Some(c) = column.get_mut(*a as usize) {
                c.get_or_insert(i);
            }
        }
        column
    }

    /// Articles within the filter, optionally only those mentioning `actor`
    /// and those in the bucket starting at `bucket` (`Some(None)`: undated).
    pub fn article_list(
        &self,
        filter: &Filter,
        actor: Option<ActorIx>,
        bucket: Option<(Granularity, Option<i64>)>,
    ) -> Vec<ArticleIx> {
        self.passing(filter)
            .filter(|(ix, _)| {
                actor.is_none_or(|x| {
                    self.actors_of(*ix as ArticleIx)
                        .iter()
                        .any(|(y, _)| *y == x)
                })
            })
            .filter(|(_, days)| {
                bucket.is_none_or(|(by, start)| days.map(|b| b[granularity_slot(by)]) == start)
            })
            .map(|(ix, _)| ix as ArticleIx)
            .collect()
    }

    /// Quotes within the filter, by speaker and by an actor mentioned inside.
    pub fn quote_list(
        &self,
        filter: &Filter,
        speaker: Option<ActorIx>,
        mentioned: Option<ActorIx>,
    ) -> Vec<QuoteIx> {
        self.quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                filter.passes(q.article as usize, self.days[q.article as usize])
                    && speaker.is_none_or(|s| q.speaker == Some(s))
                    && mentioned.is_none_or(|m| q.mentioned.contains(&m))
            })
            .map(|(ix, _)| ix as QuoteIx)
            .collect()
    }

    /// Articles (within the filter) mentioning both actors of each pair of
    /// `actors`: a symmetric matrix; the diagonal holds each actor's articles.
    pub fn co_mentions(&self, filter: &Filter, actors: &[ActorIx]) -> Vec<Vec<u32>> {
        let n = actors.len();
        let column = self.columns(actors);
        let mut matrix = vec![vec![0u32; n]; n];
        let mut present: Vec<usize> = Vec::new();
        for (ix, _) in self.passing(filter) {
            present.clear();
            present.extend(
                self.actors_of(ix as ArticleIx)
                    .iter()
                    .filter_map(|(a, _)| column.get(*a as usize).copied().flatten()),
            );
            for i in &present {
                for j in &present {
                    matrix[*i][*j] += 1;
                }
            }
        }
        matrix
    }

    /// Articles (within the filter) mentioning both actors.
    pub fn articles_with_both(&self, filter: &Filter, a: ActorIx, b: ActorIx) -> Vec<ArticleIx> {
        self.article_list(filter, Some(a), None)
            .into_iter()
            .filter(|ix| self.mentions_of(*ix, b) > 0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::model::{DateSource, PartialDate};

    fn meta(i: u64, date: Option<&str>, title: &str) -> ArticleMeta {
        ArticleMeta {
            id: ArticleId(i),
            part: 0,
            title: title.to_owned(),
            lang: Lang::Fr,
            date: date.map(|d| PubDate {
                date: PartialDate::parse_iso(d).unwrap(),
                source: DateSource::Text,
                detail: String::new(),
            }),
            outlet: None,
            url: None,
            author: None,
            format: String::new(),
            chars: 0,
        }
    }

    fn explorer(docs: &[(&str, Option<&str>)]) -> Explorer {
        let metas: Vec<ArticleMeta> = docs
            .iter()
            .enumerate()
            .map(|(i, (_, d))| meta(i as u64, *d, &format!("doc {i}")))
            .collect();
        let paths: Vec<String> = (0..docs.len()).map(|i| format!("{i}.txt")).collect();
        let data = CorpusData::from_items(
            docs.iter()
                .enumerate()
                .map(|(i, (text, _))| (paths[i].as_str(), &metas[i], extract_text(text, Lang::Fr)))
                .collect(),
        );
        Explorer::build(&data, &ActorEdits::default())
    }

    #[test]
    fn series_lists_and_quotes_follow_the_filter() {
        let ex = explorer(&[
            (
                "La Russie et la Chine signent. « Nous avançons », a déclaré Vladimir Poutine.",
                Some("2024-01-10"),
            ),
            (
                "Moscou répond et Pékin menace. La Russie proteste.",
                Some("2024-03-02"),
            ),
            ("La Chine refuse.", Some("2024-03-20")),
            ("La Russie répond encore.", None),
        ]);
        let russia = ex.actor_by_key("country:ru").unwrap();
        let china = ex.actor_by_key("country:cn").unwrap();
        assert_eq!(ex.actors[russia as usize].mentions, 4);
        assert_eq!(ex.actors[russia as usize].articles, 3);
        // Newest first, undated last.
        assert_eq!(ex.articles[0].title, "doc 2");
        assert_eq!(ex.articles[3].title, "doc 3");

        let all = Filter::default();
        let s = ex.series(&all, Granularity::Month, &[russia, china]);
        assert_eq!(s.buckets.len(), 3, "January to March, February empty");
        assert_eq!(s.articles, [1, 0, 2]);
        assert_eq!(s.undated_articles, 1);
        let (_, ru, ru_undated) = &s.lines[0];
        assert_eq!(ru.iter().map(|c| c.mentions).collect::<Vec<_>>(), [1, 0, 2]);
        assert_eq!(ru_undated.mentions, 1);
        let march = s.buckets[2];
        assert_eq!(Series::value(ru[2], s.articles[2], true), 0.5);
        assert_eq!(
            ex.series(&all, Granularity::Year, &[russia]).buckets.len(),
            1
        );

        // Clicking the March point: March articles mentioning Russia.
        let list = ex.article_list(&all, Some(russia), Some((Granularity::Month, Some(march))));
        assert_eq!(list.len(), 1);
        assert_eq!(ex.articles[list[0] as usize].title, "doc 1");
        let undated = ex.article_list(&all, Some(russia), Some((Granularity::Month, None)));
        assert_eq!(undated.len(), 1);

        // Date range and search hits.
        let range = Filter {
            from: Some(march),
            ..Filter::default()
        };
        assert_eq!(ex.actor_totals(&range)[russia as usize].mentions, 3);
        let mask = ex.hit_mask(&[ArticleId(2)]);
        let search = Filter {
            hits: Some(Arc::new(mask)),
            ..Filter::default()
        };
        assert_eq!(ex.article_list(&search, None, None).len(), 1);

        // Quotes with speaker and the actors inside; co-mentions.
        let putin = ex.actor_by_key("person:vladimir-putin").unwrap();
        assert_eq!(ex.quote_list(&all, Some(putin), None).len(), 1);
        assert_eq!(ex.quote_list(&all, Some(china), None).len(), 0);
        let m = ex.co_mentions(&all, &[russia, china]);
        assert_eq!(m, vec![vec![3, 2], vec![2, 3]]);
        assert_eq!(ex.articles_with_both(&all, russia, china).len(), 2);
        assert_eq!(bucket_end(Granularity::Month, march), march + 30);
        assert_eq!(bucket_label(Granularity::Month, march), "2024-03");
    }
}
