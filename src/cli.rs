//! `dossier-cli`: the console front end. Every command takes the article folder
//! first, brings its index up to date (incrementally, progress on stderr), then
//! prints JSON lines on stdout. Errors: one line on stderr, non-zero exit.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use serde_json::json;

use crate::analytics::{self, CorpusData, Granularity};
use crate::extract::corpus::CorpusActors;
use crate::extract::edits::ActorEdits;
use crate::pipeline::{self, Corpus, IndexOptions, Progress, Summary};

/// Dossier on the command line: index a folder of news articles and query it.
#[derive(Parser, Debug)]
#[command(name = "dossier-cli", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build or update the index of FOLDER and print a summary.
    Index(Common),
    /// One JSON line per article: doc, title, date, date_source, lang, …
    Docs(Common),
    /// One JSON line per (article, actor): doc, actor, kind, count, aliases_seen.
    Actors(Common),
    /// One JSON line per quote: doc, quote, speaker, speaker_text, kind, start, end, confidence.
    Quotes(Common),
    /// Mentions per actor per period: bucket, actor, mentions, articles, share.
    Mentions {
        #[command(flatten)]
        common: Common,
        /// Period: day, week, month or year.
        #[arg(long, default_value = "month", value_parser = ["day", "week", "month", "year"])]
        by: String,
        /// Only these actors (canonical names or keys, comma-separated).
        #[arg(long, value_delimiter = ',')]
        actors: Vec<String>,
        /// Output format.
        #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "csv"])]
        format: String,
    },
    /// Correct actors: merge, rename, hide; export or import the corrections.
    /// Actors are named by their name or key; edits survive re-indexing.
    Edit {
        #[command(flatten)]
        common: Common,
        /// Merge actor FROM into actor INTO (FROM=INTO).
        #[arg(long, value_name = "FROM=INTO")]
        merge: Vec<String>,
        /// Undo the merge of this actor.
        #[arg(long, value_name = "ACTOR")]
        unmerge: Vec<String>,
        /// Give an actor another display name (ACTOR=NAME).
        #[arg(long, value_name = "ACTOR=NAME")]
        rename: Vec<String>,
        /// Hide an actor from lists and charts.
        #[arg(long, value_name = "ACTOR")]
        hide: Vec<String>,
        /// Show a hidden actor again.
        #[arg(long, value_name = "ACTOR")]
        unhide: Vec<String>,
        /// Write the corrections to FILE (readable JSON).
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
        /// Replace the corrections with those in FILE.
        #[arg(long, value_name = "FILE")]
        import: Option<PathBuf>,
        /// List probable duplicates (JSON lines: actor, into) instead of editing.
        #[arg(long)]
        suggestions: bool,
    },
    /// Full-text search; one JSON line per hit, best first.
    Search {
        #[command(flatten)]
        common: Common,
        /// Query: words (all required), "a phrase", OR, NOT word / -word.
        query: String,
        /// Maximum number of hits.
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// The folder of articles (never modified).
    folder: PathBuf,
    /// Where to keep the index (default: Dossier's data folder, one per corpus).
    #[arg(long, value_name = "DIR")]
    index_dir: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Date articles by their file's modification time when nothing else dates them.
    #[arg(long)]
    file_time_fallback: bool,
    /// No progress bar and no summary on stderr.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs the CLI with the process arguments; returns the exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("dossier-cli: error: {error:#}");
            1
        }
    }
}

fn execute(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Index(common) => {
            open(&common)?;
            Ok(())
        }
        Command::Docs(common) => {
            let corpus = open(&common)?;
            let mut out = std::io::stdout().lock();
            for (path, article) in corpus.manifest.articles() {
                let date = article.date.as_ref();
                let line = json!({
                    "doc": path,
                    "id": article.id.to_hex(),
                    "part": article.part,
                    "title": article.title,
                    "date": date.map(|d| d.date.to_iso()),
                    "date_precision": date.map(|d| format!("{:?}", d.date.precision()).to_lowercase()),
                    "date_source": date.map(|d| d.source.as_str()),
                    "date_detail": date.map(|d| d.detail.as_str()),
                    "lang": article.lang.code(),
                    "outlet": article.outlet,
                    "url": article.url,
                    "chars": article.chars,
                });
                writeln!(out, "{line}")?;
            }
            Ok(())
        }
        Command::Actors(common) => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus.manifest, &corpus.index)?;
            let actors = CorpusActors::build(&data, &load_edits(&corpus)?);
            print_json_lines(analytics::actor_rows(&data, &actors))
        }
        Command::Quotes(common) => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus.manifest, &corpus.index)?;
            let actors = CorpusActors::build(&data, &load_edits(&corpus)?);
            print_json_lines(analytics::quote_rows(&data, &actors))
        }
        Command::Mentions {
            common,
            by,
            actors: wanted,
            format,
        } => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus.manifest, &corpus.index)?;
            let actors = CorpusActors::build(&data, &load_edits(&corpus)?);
            let by = Granularity::parse(&by).unwrap_or_default();
            let points = analytics::mention_series(&data, &actors, by, &wanted);
            if format == "csv" {
                let mut out = std::io::stdout().lock();
                writeln!(out, "bucket,actor,mentions,articles,share")?;
                for p in points {
                    writeln!(
                        out,
                        "{},{},{},{},{:.4}",
                        p.bucket,
                        csv_field(&p.actor),
                        p.mentions,
                        p.articles,
                        p.share
                    )?;
                }
                Ok(())
            } else {
                print_json_lines(points)
            }
        }
        Command::Edit {
            common,
            merge,
            unmerge,
            rename,
            hide,
            unhide,
            export,
            import,
            suggestions,
        } => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus.manifest, &corpus.index)?;
            if suggestions {
                let actors = CorpusActors::build(&data, &load_edits(&corpus)?);
                let rows: Vec<serde_json::Value> = actors
                    .merge_suggestions()
                    .into_iter()
                    .map(|(a, b)| {
                        let name = |k: &str| actors.name(k).map(|(n, _)| n.to_owned());
                        json!({"actor": name(&a), "actor_key": a, "into": name(&b), "into_key": b, "reason": "same family name and initial"})
                    })
                    .collect();
                return print_json_lines(rows);
            }
            let mut edits = match &import {
                Some(path) => ActorEdits::read(path)
                    .map_err(anyhow::Error::msg)?
                    .ok_or_else(|| anyhow::anyhow!("no such file: {}", path.display()))?,
                None => load_edits(&corpus)?,
            };
            let find = |edits: &ActorEdits, name: &str| -> anyhow::Result<String> {
                CorpusActors::build(&data, edits)
                    .find(name)
                    .ok_or_else(|| anyhow::anyhow!("no actor named {name:?} in this corpus"))
            };
            let pair = |arg: &str| -> anyhow::Result<(String, String)> {
                arg.split_once('=')
                    .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
                    .ok_or_else(|| anyhow::anyhow!("expected A=B, got {arg:?}"))
            };
            for arg in &merge {
                let (from, into) = pair(arg)?;
                let (from, into) = (find(&edits, &from)?, find(&edits, &into)?);
                edits.merge(&from, &into).map_err(anyhow::Error::msg)?;
            }
            for name in &unmerge {
                let key = CorpusActors::build(&data, &ActorEdits::default())
                    .find(name)
                    .ok_or_else(|| anyhow::anyhow!("no actor named {name:?}"))?;
                edits.unmerge(&key);
            }
            for arg in &rename {
                let (actor, name) = pair(arg)?;
                let key = find(&edits, &actor)?;
                edits.rename.insert(key, name);
            }
            for name in &hide {
                let key = find(&edits, name)?;
                edits.hide.insert(key);
            }
            for name in &unhide {
                let key = find(&edits, name)?;
                edits.hide.remove(&key);
            }
            edits.save(&corpus.data_dir).with_context(|| {
                format!("cannot save actor edits in {}", corpus.data_dir.display())
            })?;
            if let Some(path) = &export {
                edits
                    .write(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            println!("{}", serde_json::to_string(&edits)?);
            Ok(())
        }
        Command::Search {
            common,
            query,
            limit,
        } => {
            let corpus = open(&common)?;
            let hits = corpus.index.search(&query, limit)?;
            let mut out = std::io::stdout().lock();
            for hit in hits {
                let line = json!({
                    "doc": hit.rel_path,
                    "id": hit.id.to_hex(),
                    "title": hit.title,
                    "date": hit.date,
                    "score": hit.score,
                    "snippet": hit.snippet,
                });
                writeln!(out, "{line}")?;
            }
            Ok(())
        }
    }
}

fn print_json_lines<T: serde::Serialize>(rows: Vec<T>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for row in rows {
        writeln!(out, "{}", serde_json::to_string(&row)?)?;
    }
    Ok(())
}

/// Quotes a CSV field when it holds a comma, quote or line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn load_edits(corpus: &Corpus) -> anyhow::Result<ActorEdits> {
    ActorEdits::load(&corpus.data_dir).map_err(anyhow::Error::msg)
}

/// Indexes (incrementally) and opens the corpus, with progress and summary on stderr.
fn open(common: &Common) -> anyhow::Result<Corpus> {
    anyhow::ensure!(
        common.folder.is_dir(),
        "not a folder: {}",
        common.folder.display()
    );
    let data_dir = match &common.index_dir {
        Some(dir) => dir.clone(),
        None => crate::storage::corpus_dir(&common.folder)
            .with_context(|| format!("cannot open {}", common.folder.display()))?,
    };
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    // Ctrl-C stops after the current batch; what was read is committed, not lost.
    ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)).ok(); // Only fails if already set.
    let options = IndexOptions {
        threads: common.threads,
        read: crate::ingest::ReadOptions {
            file_time_fallback: common.file_time_fallback,
            ..Default::default()
        },
    };
    let bar = ProgressBar::new(!common.quiet && std::io::stderr().is_terminal());
    let (summary, corpus) =
        pipeline::index_folder(&common.folder, &data_dir, &options, &cancel, &|p| {
            bar.update(p)
        })?;
    bar.finish();
    if !common.quiet {
        print_summary(&summary);
    }
    Ok(corpus)
}

/// A one-line progress bar on stderr, redrawn at most 10 times a second.
struct ProgressBar {
    enabled: bool,
    started: Instant,
    last_draw: std::cell::Cell<Option<Instant>>,
}

impl ProgressBar {
    fn new(enabled: bool) -> Self {
        Self {
            enabled,
            started: Instant::now(),
            last_draw: std::cell::Cell::new(None),
        }
    }

    fn update(&self, p: &Progress) {
        if !self.enabled || p.files_total == 0 {
            return;
        }
        let now = Instant::now();
        let done = p.files_done == p.files_total;
        if !done
            && self
                .last_draw
                .get()
                .is_some_and(|t| now - t < Duration::from_millis(100))
        {
            return;
        }
        self.last_draw.set(Some(now));
        let width = 30;
        let filled = width * p.files_done / p.files_total.max(1);
        let mb = p.bytes_done as f64 / 1e6;
        let rate = mb / self.started.elapsed().as_secs_f64().max(1e-3);
        eprint!(
            "\r[{}{}] {}/{} files  {} articles  {mb:.1} MB  {rate:.1} MB/s ",
            "#".repeat(filled),
            " ".repeat(width - filled),
            p.files_done,
            p.files_total,
            p.articles
        );
    }

    fn finish(&self) {
        if self.enabled && self.last_draw.get().is_some() {
            eprintln!();
        }
    }
}

fn print_summary(s: &Summary) {
    for note in &s.notes {
        eprintln!("note: {note}");
    }
    let mb = s.bytes_read as f64 / 1e6;
    eprintln!(
        "{} articles from {} files in {:.2} s ({} read, {} unchanged, {} removed; {mb:.1} MB read){}",
        s.articles,
        s.files,
        s.seconds,
        s.files_read,
        s.files_unchanged,
        s.files_removed,
        if s.cancelled {
            "; cancelled, run again to finish"
        } else {
            ""
        }
    );
    if !s.skipped.is_empty() {
        eprintln!("skipped {} file(s):", s.skipped.len());
        for skip in &s.skipped {
            eprintln!("  {}: {}", skip.path, skip.reason);
        }
    }
    if !s.warnings.is_empty() {
        eprintln!("warnings ({}):", s.warnings.len());
        for warning in s.warnings.iter().take(50) {
            eprintln!("  {}: {}", warning.path, warning.reason);
        }
        if s.warnings.len() > 50 {
            eprintln!("  … and {} more", s.warnings.len() - 50);
        }
    }
    if s.files_ignored > 0 {
        eprintln!("{} file(s) of other types ignored", s.files_ignored);
    }
}
