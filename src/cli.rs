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
use crate::extract::ActorKind;
use crate::extract::edits::{ActorEdits, UserActor};
use crate::pipeline::{self, Corpus, IndexOptions, Progress, Summary};

/// Dossier on the command line: index a folder of news articles and query it.
#[derive(Parser, Debug)]
#[command(name = "dossier-cli", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
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
        /// Take one form off an actor into an actor of its own (ACTOR=FORM, e.g. "Jung Pak=Pak").
        #[arg(long, value_name = "ACTOR=FORM")]
        split: Vec<String>,
        /// Put a split form back (ACTOR=FORM).
        #[arg(long, value_name = "ACTOR=FORM")]
        unsplit: Vec<String>,
        /// Whether a metonym counts for its country or institution (e.g. Pyongyang=off).
        #[arg(long, value_name = "METONYM=on|off")]
        metonym: Vec<String>,
        /// Add an actor found by its name and --alias forms; the articles are
        /// extracted again.
        #[arg(long, value_name = "NAME")]
        add: Option<String>,
        /// Kind of the added actor.
        #[arg(long, default_value = "person", value_parser = ["person", "country", "org", "place", "other"], requires = "add")]
        kind: String,
        /// Another form of the added actor (repeatable).
        #[arg(long, value_name = "FORM", requires = "add")]
        alias: Vec<String>,
        /// Remove an actor added with --add.
        #[arg(long, value_name = "NAME")]
        remove: Vec<String>,
        /// Correct an article's date (DOC=YYYY-MM-DD, YYYY-MM or YYYY; DOC=none
        /// for no date). DOC is the path as in `docs`, with #PART for
        /// multi-article files.
        #[arg(long, value_name = "DOC=DATE")]
        date: Vec<String>,
        /// Drop the date correction of an article (back to the date read from it).
        #[arg(long, value_name = "DOC")]
        undate: Vec<String>,
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
        /// Width in pixels.
        #[arg(long, default_value_t = 1600)]
        width: u32,
        /// Height in pixels.
        #[arg(long, default_value_t = 900)]
        height: u32,
        /// Title (default: "Mentions by PERIOD — FOLDER").
        #[arg(long)]
        title: Option<String>,
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
            let actors = data.actors(&load_edits(&corpus)?);
            print_json_lines(analytics::actor_rows(&data, &actors))
        }
        Command::Quotes(common) => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus.manifest, &corpus.index)?;
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
            let data = CorpusData::load(&corpus.manifest, &corpus.index)?;
            let actors = data.actors(&load_edits(&corpus)?);
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
                        crate::chart::csv_field(&p.actor),
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
            split,
            unsplit,
            metonym,
            add,
            kind,
            alias,
            remove,
            date,
            undate,
            export,
            import,
            suggestions,
        } => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus.manifest, &corpus.index)?;
            if suggestions {
                let actors = data.actors(&load_edits(&corpus)?);
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
                data.actors(edits)
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
                let key = data
                    .actors(&ActorEdits::default())
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
            for arg in &split {
                let (actor, form) = pair(arg)?;
                let key = find(&edits, &actor)?;
                edits.split_alias(&key, &form).map_err(anyhow::Error::msg)?;
            }
            for arg in &unsplit {
                let (actor, form) = pair(arg)?;
                let key = find(&edits, &actor)?;
                anyhow::ensure!(
                    edits.unsplit_alias(&key, &form),
                    "{form:?} was not split off {actor:?}"
                );
            }
            for arg in &metonym {
                let (name, state) = pair(arg)?;
                let counts = match state.to_lowercase().as_str() {
                    "on" | "yes" | "true" => true,
                    "off" | "no" | "false" => false,
                    _ => anyhow::bail!("expected METONYM=on or METONYM=off, got {arg:?}"),
                };
                anyhow::ensure!(
                    crate::extract::lexicon::LEXICON.is_metonym(&name),
                    "{name:?} is not a built-in metonym (try --split to take a form off an actor)"
                );
                edits.set_metonym(&name, counts);
            }
            if let Some(name) = add {
                edits
                    .add_actor(UserActor {
                        name,
                        kind: ActorKind::parse(&kind),
                        aliases: alias,
                    })
                    .map_err(anyhow::Error::msg)?;
            }
            for name in &remove {
                anyhow::ensure!(edits.remove_actor(name), "no added actor named {name:?}");
            }
            if !date.is_empty() || !undate.is_empty() {
                use crate::index::corrections::DateCorrections;
                let mut corrections =
                    DateCorrections::load(&corpus.data_dir).map_err(anyhow::Error::msg)?;
                let known: std::collections::HashSet<String> = corpus
                    .manifest
                    .articles()
                    .map(|(path, a)| format!("{path}#{}", a.part))
                    .collect();
                let check = |doc: &str| -> anyhow::Result<()> {
                    let key = crate::index::corrections::doc_key(doc);
                    anyhow::ensure!(known.contains(&key), "no article {doc:?} in this corpus");
                    Ok(())
                };
                for arg in &date {
                    let (doc, value) = pair(arg)?;
                    check(&doc)?;
                    let value = Some(value.as_str()).filter(|v| !v.eq_ignore_ascii_case("none"));
                    corrections.set(&doc, value).map_err(anyhow::Error::msg)?;
                }
                for doc in &undate {
                    anyhow::ensure!(corrections.unset(doc), "no date correction for {doc:?}");
                }
                corrections.save(&corpus.data_dir).with_context(|| {
                    format!(
                        "cannot save date corrections in {}",
                        corpus.data_dir.display()
                    )
                })?;
            }
            let before = load_edits(&corpus)?.added_fingerprint();
            edits.save(&corpus.data_dir).with_context(|| {
                format!("cannot save actor edits in {}", corpus.data_dir.display())
            })?;
            if edits.added_fingerprint() != before {
                // Added actors are found at extraction time: extract again now.
                drop(data);
                drop(corpus);
                open(&common)?;
            }
            if let Some(path) = &export {
                edits
                    .write(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            println!("{}", serde_json::to_string(&edits)?);
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
        } => {
            let corpus = open(&common)?;
            let data = CorpusData::load(&corpus.manifest, &corpus.index)?;
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
            let folder_name = corpus
                .folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let period = format!("{by:?}").to_lowercase();
            let title = title.unwrap_or_else(|| format!("Mentions by {period} — {folder_name}"));
            let footer = vec![
                format!("Folder: {}", corpus.folder.display()),
                format!(
                    "Query: {} — Dates: all — Exported by Dossier on {}",
                    query.as_deref().unwrap_or("(none)"),
                    crate::ingest::dates::today().to_iso()
                ),
            ];
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
                        &explorer, &series, share, title, footer,
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
        live_articles: false,
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
