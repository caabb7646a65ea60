//! `dossier-cli`: the console front end. Every command takes the article folder
//! first, brings its index up to date (incrementally, progress on stderr), then
//! prints JSON lines on stdout. Errors: one line on stderr, non-zero exit.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod edit;
mod extract;
mod output;

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use serde_json::json;

use crate::analytics::{self, CorpusData, Granularity};
use crate::extract::edits::ActorEdits;
use crate::pipeline::{self, Corpus, IndexOptions, Progress, Summary};
use output::Lines;

/// Dossier on the command line: index a folder of news articles and query it.
#[derive(Parser, Debug, Clone)]
#[command(name = "dossier-cli", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug, Clone)]
enum Command {
    /// Build or update the index of FOLDER and print a summary.
    Index(Common),
    /// One JSON line per article: doc, title, date, date_source, lang, format, author, …
    Docs {
        #[command(flatten)]
        common: Common,
        /// Also print each article's text as Dossier read it (`text`).
        #[arg(long)]
        text: bool,
    },
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
    /// Correct actors and quotes: merge, rename, hide; set a quote's speaker or mark it not a quote; export or import the corrections.
    /// Actors are named by their name or key; edits survive re-indexing.
    Edit {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        edits: edit::EditArgs,
    },
    /// Draw the timeline of actors to a PNG, SVG or CSV file (as the window's export).
    Chart {
        #[command(flatten)]
        common: Common,
        /// Output file; its extension picks the format: .png, .svg or .csv.
        #[arg(long, short)]
        out: PathBuf,
        /// Actors to plot (names or keys, comma-separated; default: the five most mentioned).
        #[arg(long, value_delimiter = ',')]
        actors: Vec<String>,
        /// Period: day, week, month or year.
        #[arg(long, default_value = "month", value_parser = ["day", "week", "month", "year"])]
        by: String,
        /// Plot the share of articles instead of mention counts.
        #[arg(long)]
        share: bool,
        /// Only articles matching this search.
        #[arg(long)]
        query: Option<String>,
        /// Width in pixels (100 to 8000).
        #[arg(long, default_value_t = 1600, value_parser = clap::value_parser!(u32).range(100..=8000))]
        width: u32,
        /// Height in pixels (100 to 8000).
        #[arg(long, default_value_t = 900, value_parser = clap::value_parser!(u32).range(100..=8000))]
        height: u32,
        /// Title (default: "Mentions by PERIOD — FOLDER").
        #[arg(long)]
        title: Option<String>,
        /// Language of the chart's words, dates and numbers.
        #[arg(long, default_value = "en", value_parser = ["en", "fr"])]
        lang: String,
        /// Write months with their names ("Jan 2024") instead of 2024-01.
        #[arg(long)]
        month_names: bool,
    },
    /// Actors and quotes without an index: articles as JSON lines on stdin (or the files of
    /// FOLDER) in, one JSON line per article out, in input order (docs/scale-out.md).
    Extract(extract::ExtractArgs),
    /// Full-text search; one JSON line per hit, best first.
    Search {
        #[command(flatten)]
        common: Common,
        /// Query: words (all required), "a phrase", OR, NOT word / -word.
        query: String,
        /// Maximum number of hits (1 to 1,000,000).
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        limit: u32,
    },
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// The folder of articles (never modified).
    folder: PathBuf,
    /// Where to keep the index (default: Dossier's data folder, one per corpus).
    #[arg(long, value_name = "DIR")]
    index_dir: Option<PathBuf>,
    /// Worker threads (default: all cores; at most 256).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u16).range(0..=256))]
    threads: u16,
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
    // Ctrl-C stops indexing after the files being read (what was read is
    // committed) and stops printing between two lines.
    output::install_interrupt_handler();
    let result = match execute(cli.clone()) {
        // A query found damage the checks at open missed: the index is marked
        // and rebuilt by the next open, so run the command once more.
        Err(e) if is_damaged(&e) => {
            eprintln!("note: {e:#}; rebuilding the index");
            execute(cli)
        }
        other => other,
    };
    match result {
        Ok(()) => 0,
        Err(error) => {
            let code = output::exit_code(&error);
            match code {
                0 => {}
                130 => eprintln!("dossier-cli: interrupted"),
                _ => eprintln!("dossier-cli: error: {error:#}"),
            }
            code
        }
    }
}

fn is_damaged(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<crate::index::IndexError>(),
            Some(crate::index::IndexError::Damaged { .. })
        )
    })
}

fn execute(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Index(common) => {
            open(&common)?;
            Ok(())
        }
        Command::Docs { common, text } => {
            let corpus = open(&common)?;
            let mut out = Lines::new();
            for (path, article) in corpus.manifest.articles() {
                let mut line = doc_line(path, article);
                if text {
                    let body = corpus
                        .index
                        .article_text(article.id)?
                        .map(|(_, body, _)| body);
                    line["text"] = json!(body);
                }
                out.json(&line)?;
            }
            out.finish()
        }
        Command::Actors(common) => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus)?;
            let actors = data.actors(&load_edits(&corpus)?);
            print_json_lines(analytics::actor_rows(&data, &actors))
        }
        Command::Quotes(common) => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus)?;
            let actors = data.actors(&load_edits(&corpus)?);
            print_json_lines(analytics::quote_rows(&data, &actors))
        }
        Command::Mentions {
            common,
            by,
            actors: wanted,
            format,
        } => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus)?;
            let actors = data.actors(&load_edits(&corpus)?);
            let by = Granularity::parse(&by).unwrap_or_default();
            let points = analytics::mention_series(&data, &actors, by, &wanted);
            if format == "csv" {
                let mut out = Lines::new();
                out.line("bucket,actor,mentions,articles,share")?;
                for p in points {
                    out.line(format_args!(
                        "{},{},{},{},{:.4}",
                        p.bucket,
                        crate::csv::field(&p.actor),
                        p.mentions,
                        p.articles,
                        p.share
                    ))?;
                }
                out.finish()
            } else {
                print_json_lines(points)
            }
        }
        Command::Edit { common, edits } => {
            let corpus = open(&common)?;
            if edit::run(&corpus, &edits)? {
                // Added actors are found at extraction time: extract again now.
                drop(corpus);
                open(&common)?;
            }
            Ok(())
        }
        Command::Chart {
            common,
            out,
            actors: wanted,
            by,
            share,
            query,
            width,
            height,
            title,
            lang,
            month_names,
        } => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus)?;
            let explorer = crate::explore::Explorer::build(&data, &load_edits(&corpus)?);
            let by = Granularity::parse(&by).unwrap_or_default();
            let mut selected = Vec::new();
            for name in &wanted {
                let ix = explorer
                    .corpus_actors
                    .find(name)
                    .and_then(|key| explorer.actor_by_key(&key))
                    .ok_or_else(|| anyhow::anyhow!("no actor named {name:?} in this corpus"))?;
                selected.push(ix);
            }
            if selected.is_empty() {
                selected = (0..explorer.actors.len().min(5) as u32).collect();
            }
            let mut filter = crate::explore::Filter::default();
            if let Some(q) = query.as_deref().filter(|q| !q.trim().is_empty()) {
                let ids = corpus.index.matching_ids_unsorted(q)?;
                filter.hits = Some(Arc::new(explorer.hit_mask(&ids)));
            }
            let series = explorer.series(&filter, by, &selected);
            let lang = if lang == "fr" {
                crate::model::Lang::Fr
            } else {
                crate::model::Lang::En
            };
            let mut text = crate::chart::ChartText::timeline(
                lang,
                by,
                share,
                &corpus.folder,
                query.as_deref(),
                None,
            );
            if let Some(title) = title {
                text.title = title;
            }
            let style = crate::period::axis::LabelStyle { lang, month_names };
            let ext = out
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            match ext.as_str() {
                "csv" => crate::storage::write_atomic(
                    &out,
                    crate::chart::series_csv(&explorer, &series).as_bytes(),
                )
                .with_context(|| format!("cannot write {}", out.display()))?,
                "png" | "svg" => {
                    let spec = crate::chart::ChartSpec::from_series(
                        &explorer, &series, share, style, text,
                    );
                    if ext == "png" {
                        crate::chart::write_png(&spec, &out, width, height)?;
                    } else {
                        crate::chart::write_svg(&spec, &out, width, height)?;
                    }
                }
                _ => anyhow::bail!(
                    "unknown chart format {:?}: use .png, .svg or .csv",
                    out.display()
                ),
            }
            if !common.quiet {
                eprintln!("chart written to {}", out.display());
            }
            Ok(())
        }
        Command::Search {
            common,
            query,
            limit,
        } => {
            let corpus = open(&common)?;
            let hits = corpus.index.search(&query, limit as usize)?;
            let mut out = Lines::new();
            for hit in hits {
                out.json(&json!({
                    "doc": hit.rel_path,
                    "id": hit.id.to_hex(),
                    "title": hit.title,
                    "date": hit.date,
                    "score": hit.score,
                    "snippet": hit.snippet,
                }))?;
            }
            out.finish()
        }
    }
}

fn print_json_lines<T: serde::Serialize>(rows: impl IntoIterator<Item = T>) -> anyhow::Result<()> {
    let mut out = Lines::new();
    for row in rows {
        out.json(&row)?;
    }
    out.finish()
}

fn load_edits(corpus: &Corpus) -> anyhow::Result<ActorEdits> {
    ActorEdits::load(&corpus.data_dir).map_err(anyhow::Error::msg)
}

/// The `docs` line of an article (also the head of each `extract` record).
fn doc_line(path: &str, article: &crate::index::manifest::ArticleMeta) -> serde_json::Value {
    let date = article.date.as_ref();
    let format = if article.format.is_empty() {
        // Manifests written before formats were recorded.
        crate::ingest::Format::from_path(std::path::Path::new(path))
            .map_or("text", crate::ingest::Format::name)
    } else {
        article.format.as_str()
    };
    json!({
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
        "author": article.author,
        "format": format,
        "url": article.url,
        "chars": article.chars,
    })
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
    let options = IndexOptions {
        threads: usize::from(common.threads),
        read: crate::ingest::ReadOptions {
            file_time_fallback: common.file_time_fallback,
            ..Default::default()
        },
        live_articles: false,
    };
    let bar = ProgressBar::new(!common.quiet && std::io::stderr().is_terminal());
    let (summary, corpus) = pipeline::index_folder(
        &common.folder,
        &data_dir,
        &options,
        &output::INTERRUPTED,
        &|p| bar.update(p),
    )?;
    bar.finish();
    if !common.quiet {
        print_summary(&summary);
    }
    if summary.cancelled {
        return Err(output::Stopped::Interrupted.into());
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
        if p.waiting_for_other {
            // Said even with --quiet off a terminal: the run is not stuck.
            eprintln!("waiting for another Dossier process that is indexing this folder…");
            return;
        }
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
