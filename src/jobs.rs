//! Background work for the GUI. One worker thread per opened corpus: it runs
//! [`pipeline::index_folder`], builds the [`Explorer`], then stays alive to
//! answer the window's requests (search, article text, actor edits), so no
//! file or index I/O ever runs on the UI thread. Events come back over a
//! channel; `wake` runs after each (the GUI passes `ctx.request_repaint`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TrySendError};
use std::time::{Duration, Instant};

use crate::analytics::CorpusData;
use crate::explore::{ActorIx, Explorer};
use crate::extract::Extraction;
use crate::extract::edits::{ActorEdits, EditOp};
use crate::index::manifest::ArticleMeta;
use crate::model::ArticleId;
use crate::pipeline::{self, Corpus, IndexOptions, Progress, Summary};

/// A corpus ready to explore.
pub struct Opened {
    /// What indexing did.
    pub summary: Summary,
    /// Canonical path of the article folder.
    pub folder: PathBuf,
    /// Dossier's data folder for this corpus.
    pub data_dir: PathBuf,
    /// The explorable corpus.
    pub explorer: Arc<Explorer>,
    /// The user's actor edits it was built with.
    pub edits: ActorEdits,
}

/// The text of one article.
#[derive(Clone, Debug)]
pub struct ArticleText {
    /// Title.
    pub title: String,
    /// Body (the text the byte spans of actors and quotes refer to).
    pub body: String,
    /// Actor mentions: byte span in the body and the actor, in text order.
    pub mentions: Vec<(usize, usize, ActorIx)>,
}

/// What the window asks the worker.
pub enum Request {
    /// Articles matching a full-text query; `generation` comes back with the answer.
    Search {
        /// Sequence number: older answers are ignored.
        generation: u64,
        /// The query, in the search box syntax.
        query: String,
    },
    /// The text of an article.
    Article(ArticleId),
    /// Apply these changes to the saved actor edits (as they are now, under
    /// their lock), then rebuild the explorer with the result.
    Edit(Vec<EditOp>),
    /// Correct an article's date (`path#part`; `None`: no known date), or drop
    /// the correction (`clear`), then rebuild the explorer.
    CorrectDate {
        /// The article, `path#part`.
        doc: String,
        /// The date typed by the user (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
        date: Option<String>,
        /// Drop the correction instead.
        clear: bool,
    },
}

/// What a job reports.
pub enum JobEvent {
    /// Files read so far.
    Progress(Progress),
    /// Indexing runs: what has been read so far, to explore meanwhile.
    Partial {
        /// Canonical path of the folder being indexed.
        folder: PathBuf,
        /// The articles read so far.
        explorer: Arc<Explorer>,
    },
    /// Indexing ended: the corpus to explore, or an error message.
    Opened(Result<Box<Opened>, String>),
    /// Answer to [`Request::Search`].
    Search {
        /// The request's generation.
        generation: u64,
        /// Matching articles, or why the query failed.
        result: Result<Vec<ArticleId>, String>,
    },
    /// Answer to [`Request::Article`].
    Article {
        /// The article.
        id: ArticleId,
        /// Its text, `Ok(None)` when it is no longer in the index.
        result: Result<Option<ArticleText>, String>,
    },
    /// Answer to [`Request::Edit`] and [`Request::CorrectDate`]: the rebuilt
    /// explorer and the saved edits.
    Rebuilt(Result<(Arc<Explorer>, ActorEdits), String>),
}

/// A running corpus worker.
pub struct Job {
    /// The folder being indexed.
    pub folder: PathBuf,
    /// Events from the worker; `Disconnected` before `Opened` means it died.
    pub events: Receiver<JobEvent>,
    requests: Sender<Request>,
    cancel: Arc<AtomicBool>,
}

impl Job {
    /// Asks the worker to stop indexing after its current batch (what was read is kept).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once [`Self::cancel`] was called.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Sends a request; false when the worker is gone.
    pub fn request(&self, request: Request) -> bool {
        self.requests.send(request).is_ok()
    }
}

/// Starts a worker for `folder` with its data in `data_dir` (or the default place).
pub fn spawn_indexing(
    folder: PathBuf,
    data_dir: Option<PathBuf>,
    options: IndexOptions,
    wake: impl Fn() + Send + Sync + 'static,
) -> std::io::Result<Job> {
    let (tx, events) = mpsc::sync_channel(256);
    let (requests, inbox) = mpsc::channel();
    let cancel = Arc::new(AtomicBool::new(false));
    let cancelled = Arc::clone(&cancel);
    let job_folder = folder.clone();
    let wake = Arc::new(wake);
    std::thread::Builder::new()
        .name("corpus_worker".to_owned())
        .spawn(move || {
            let send = |event: JobEvent| {
                let sent = tx.send(event).is_ok();
                wake();
                sent
            };
            let data_dir = data_dir.or_else(|| crate::storage::corpus_dir(&folder).ok());
            // Results shown while indexing already follow the user's actor edits.
            let live = LiveResults {
                edits: data_dir
                    .as_deref()
                    .and_then(|dir| ActorEdits::load(dir).ok())
                    .unwrap_or_default(),
                ..LiveResults::default()
            };
            let canonical = std::fs::canonicalize(&folder).unwrap_or_else(|_| folder.clone());
            let options = IndexOptions {
                live_articles: true,
                ..options
            };
            let opened = open(&folder, data_dir, &options, &cancelled, &|p: &Progress| {
                if let Some(explorer) = live.add(&p.batch) {
                    let folder = canonical.clone();
                    tx.send(JobEvent::Partial { folder, explorer }).ok(); // The window may be gone.
                }
                let p = Progress {
                    batch: Vec::new(),
                    ..p.clone()
                };
                // A full channel means the UI is behind; it will get the next one.
                if let Err(TrySendError::Full(_)) = tx.try_send(JobEvent::Progress(p)) {}
                wake();
            });
            drop(live);
            let (mut corpus, explorer) = match opened {
                Ok((opened, corpus)) => {
                    let explorer = Arc::clone(&opened.explorer);
                    if !send(JobEvent::Opened(Ok(Box::new(opened)))) {
                        return;
                    }
                    (corpus, explorer)
                }
                Err(e) => {
                    send(JobEvent::Opened(Err(e)));
                    return;
                }
            };
            serve(&mut corpus, explorer, &inbox, &send);
        })?;
    Ok(Job {
        folder: job_folder,
        events,
        requests,
        cancel,
    })
}

/// Articles read so far by a running index, turned into an explorer now and
/// then so the window shows actors while indexing runs.
#[derive(Default)]
struct LiveResults {
    edits: ActorEdits,
    articles: std::cell::RefCell<Vec<(String, ArticleMeta, Extraction)>>,
    last: std::cell::Cell<Option<(Instant, Duration)>>,
}

impl LiveResults {
    /// Adds a batch; returns a new explorer when one is due (the first after
    /// a second, then no more often than four times the time a build takes).
    fn add(&self, batch: &[(String, ArticleMeta, Extraction)]) -> Option<Arc<Explorer>> {
        if batch.is_empty() {
            return None;
        }
        let mut articles = self.articles.borrow_mut();
        articles.extend(batch.iter().cloned());
        let now = Instant::now();
        let due = match self.last.get() {
            None => {
                self.last.set(Some((now, Duration::ZERO)));
                false
            }
            Some((at, took)) => now.duration_since(at) >= (took * 4).max(Duration::from_secs(1)),
        };
        if !due {
            return None;
        }
        let items = articles
            .iter()
            .map(|(path, meta, extraction)| (path.as_str(), meta, extraction));
        let explorer = Explorer::from_items(items, &self.edits);
        self.last.set(Some((Instant::now(), now.elapsed())));
        Some(Arc::new(explorer))
    }
}

fn open(
    folder: &std::path::Path,
    data_dir: Option<PathBuf>,
    options: &IndexOptions,
    cancel: &AtomicBool,
    progress: &dyn Fn(&Progress),
) -> Result<(Opened, Corpus), String> {
    let dir = data_dir
        .map_or_else(|| crate::storage::corpus_dir(folder), Ok)
        .map_err(|e| format!("cannot open {}: {e}", folder.display()))?;
    let (summary, corpus) = pipeline::index_folder(folder, &dir, options, cancel, progress)
        .map_err(|e| format!("{e:#}"))?;
    let edits = ActorEdits::load(&corpus.data_dir)?;
    let explorer = build_explorer(&corpus, &edits)?;
    Ok((
        Opened {
            summary,
            folder: corpus.folder.clone(),
            data_dir: corpus.data_dir.clone(),
            explorer,
            edits,
        },
        corpus,
    ))
}

fn build_explorer(corpus: &Corpus, edits: &ActorEdits) -> Result<Arc<Explorer>, String> {
    let started = std::time::Instant::now();
    let data = CorpusData::load(corpus).map_err(|e| e.to_string())?;
    let explorer = Explorer::build(&data, edits);
    log::info!(
        "explorer of {} articles, {} actors, {} quotes built in {:.2?}",
        explorer.articles.len(),
        explorer.actors.len(),
        explorer.quotes.len(),
        started.elapsed()
    );
    Ok(Arc::new(explorer))
}

/// Saves a date correction and applies every correction to a fresh copy of
/// the saved manifest.
fn correct_date(
    corpus: &mut Corpus,
    doc: &str,
    date: Option<&str>,
    clear: bool,
) -> Result<(), String> {
    use crate::index::corrections::DateCorrections;
    let corrections = DateCorrections::update(&corpus.data_dir, |corrections| {
        if clear {
            corrections.unset(doc);
            Ok(())
        } else {
            corrections.set(doc, date)
        }
    })?;
    let mut manifest = crate::index::Manifest::load(&corpus.data_dir)?
        .ok_or_else(|| "the corpus manifest is missing".to_owned())?;
    corrections.apply(&mut manifest);
    corpus.manifest = manifest;
    Ok(())
}

/// Builds the explorer again with `edits` and makes it the worker's current one.
fn rebuild(
    corpus: &Corpus,
    current: &mut Arc<Explorer>,
    edits: ActorEdits,
) -> Result<(Arc<Explorer>, ActorEdits), String> {
    let rebuilt = build_explorer(corpus, &edits)?;
    *current = Arc::clone(&rebuilt);
    Ok((rebuilt, edits))
}

/// Answers requests until the window drops the job.
fn serve(
    corpus: &mut Corpus,
    mut explorer: Arc<Explorer>,
    inbox: &Receiver<Request>,
    send: &dyn Fn(JobEvent) -> bool,
) {
    // Only the newest search matters: skip those overtaken while one ran.
    while let Ok(first) = inbox.recv() {
        let mut batch = vec![first];
        batch.extend(inbox.try_iter());
        let last_search = batch
            .iter()
            .rposition(|r| matches!(r, Request::Search { .. }));
        for (i, request) in batch.into_iter().enumerate() {
            let event = match request {
                Request::Search { generation, query } => {
                    if Some(i) != last_search {
                        continue;
                    }
                    JobEvent::Search {
                        generation,
                        result: corpus
                            .index
                            .matching_ids_unsorted(&query)
                            .map_err(|e| e.to_string()),
                    }
                }
                Request::Article(id) => JobEvent::Article {
                    id,
                    result: corpus
                        .index
                        .article_text(id)
                        .map(|found| {
                            found.map(|(title, body, extraction)| ArticleText {
                                title,
                                body,
                                mentions: explorer.mentions(&extraction),
                            })
                        })
                        .map_err(|e| e.to_string()),
                },
                Request::CorrectDate { doc, date, clear } => {
                    let saved = correct_date(corpus, &doc, date.as_deref(), clear)
                        .and_then(|()| ActorEdits::load(&corpus.data_dir));
                    JobEvent::Rebuilt(saved.and_then(|edits| rebuild(corpus, &mut explorer, edits)))
                }
                Request::Edit(ops) => {
                    let saved = crate::extract::edits::update(&corpus.data_dir, &ops);
                    JobEvent::Rebuilt(saved.and_then(|edits| rebuild(corpus, &mut explorer, edits)))
                }
            };
            if !send(event) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn article(i: u64) -> (String, ArticleMeta, Extraction) {
        let meta = ArticleMeta {
            id: ArticleId(i),
            part: 0,
            title: format!("Article {i}"),
            lang: Lang::Fr,
            date: None,
            outlet: None,
            url: None,
            author: None,
            format: String::new(),
            chars: 0,
        };
        let extraction = crate::extract::extract_text("La Russie répond à la Chine.", Lang::Fr);
        (format!("{i}.txt"), meta, extraction)
    }

    #[test]
    fn live_results_come_at_most_once_a_second() {
        let live = LiveResults::default();
        assert!(live.add(&[]).is_none());
        assert!(
            live.add(&[article(1)]).is_none(),
            "not before a second has passed"
        );
        assert!(live.add(&[article(2)]).is_none());
        std::thread::sleep(Duration::from_millis(1100));
        let explorer = live.add(&[article(3)]).expect("due after a second");
        assert_eq!(explorer.articles.len(), 3);
        assert!(explorer.actor_by_key("country:ru").is_some());
        assert!(live.add(&[article(4)]).is_none(), "not again at once");
    }
}
