//! `dossier-cli extract`: actors and quotes without an index, as a pure
//! function of the input. Articles come as JSON lines on stdin (or as the
//! files of a folder); one JSON line per article goes to stdout, in input
//! order, with its metadata, its actors (with their spans) and its quotes
//! (with their speakers and the evidence). Nothing is written anywhere else,
//! so the command can run inside a distributed engine (docs/scale-out.md).

use std::io::BufRead as _;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use rayon::prelude::*;
use serde_json::{Value, json};

use super::output::{INTERRUPTED, Lines, Stopped};
use crate::analytics::AttributionRow;
use crate::extract::{self, Extraction, lexicon::LEXICON};
use crate::index::manifest::ArticleMeta;
use crate::ingest::{self, ReadOptions, dates::PartialDate};
use crate::model::Article;

/// Arguments of `extract`.
#[derive(Args, Debug, Clone)]
pub struct ExtractArgs {
    /// Read the files of this folder (never modified) instead of JSON lines on stdin.
    folder: Option<PathBuf>,
    /// Worker threads (default: all cores; at most 256).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u16).range(0..=256))]
    threads: u16,
    /// The day taken as today (no publication date may be later), YYYY-MM-DD;
    /// default: the local date. Set it to make runs on different days equal.
    #[arg(long, value_parser = parse_day)]
    today: Option<PartialDate>,
    /// No notes about skipped input on stderr (the error lines stay on stdout).
    #[arg(long, short)]
    quiet: bool,
}

fn parse_day(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse_iso(text)
        .filter(|d| d.to_iso().len() == 10)
        .ok_or_else(|| format!("not a day (YYYY-MM-DD): {text}"))
}

/// Input lines or files handled together (in parallel, printed in order).
const BATCH: usize = 512;

/// Runs `extract`.
pub fn run(args: &ExtractArgs) -> anyhow::Result<()> {
    let options = ReadOptions {
        today: args.today.unwrap_or_else(ingest::dates::today),
        file_time_fallback: false,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(usize::from(args.threads))
        .build()
        .context("cannot start the worker threads")?;
    let mut out = Lines::new();
    let mut print = |records: Vec<Vec<Value>>| -> anyhow::Result<()> {
        for record in records.iter().flatten() {
            if !args.quiet
                && let Some(error) = record["error"].as_str()
            {
                eprintln!("skipped {}: {error}", record["doc"].as_str().unwrap_or("?"));
            }
            out.json(record)?;
        }
        Ok(())
    };
    match &args.folder {
        Some(folder) => {
            anyhow::ensure!(folder.is_dir(), "not a folder: {}", folder.display());
            let report = ingest::walk(folder, &INTERRUPTED)
                .with_context(|| format!("cannot read {}", folder.display()))?;
            print(vec![
                report
                    .skipped
                    .iter()
                    .map(|s| error_record(&s.path, None, &s.reason))
                    .collect(),
            ])?;
            for files in report.files.chunks(BATCH) {
                let records = pool.install(|| {
                    files
                        .par_iter()
                        .map(|info| file_records(info, &options))
                        .collect()
                });
                print(records)?;
            }
        }
        None => {
            let mut stdin = std::io::stdin().lock();
            let mut number = 0;
            loop {
                let mut lines = Vec::with_capacity(BATCH);
                while lines.len() < BATCH {
                    let mut line = Vec::new();
                    if stdin.read_until(b'\n', &mut line)? == 0 {
                        break;
                    }
                    number += 1;
                    lines.push((number, line));
                }
                if lines.is_empty() {
                    break;
                }
                let records = pool.install(|| {
                    lines
                        .par_iter()
                        .map(|(number, line)| line_record(*number, line, &options))
                        .collect::<Vec<_>>()
                });
                print(
                    records
                        .into_iter()
                        .map(|r| r.into_iter().collect())
                        .collect(),
                )?;
            }
        }
    }
    out.finish()
}

/// The records of one file: one per article, or one error.
fn file_records(info: &ingest::FileInfo, options: &ReadOptions) -> Vec<Value> {
    let read = guarded(|| {
        ingest::read_file_until(info, options, Some(&INTERRUPTED)).map_err(|e| e.to_string())
    });
    match read {
        Ok(read) => read
            .articles
            .iter()
            .map(|article| article_record(&info.rel_path, article))
            .collect(),
        Err(reason) => vec![error_record(&info.rel_path, None, &reason)],
    }
}

/// The record of one input line; `None` for a blank line.
fn line_record(number: usize, line: &[u8], options: &ReadOptions) -> Option<Value> {
    let text = match std::str::from_utf8(line) {
        Ok(text) => text.trim(),
        Err(_) => return Some(error_record("", Some(number), "not UTF-8 text")),
    };
    if text.is_empty() {
        return None;
    }
    let value: Value = match serde_json::from_str(&ingest::decode::to_nfc(text.to_owned())) {
        Ok(value) => value,
        Err(e) => return Some(error_record("", Some(number), &format!("not JSON: {e}"))),
    };
    let doc = ["id", "doc"]
        .iter()
        .find_map(|k| match &value[*k] {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| format!("line {number}"));
    let read = guarded(|| ingest::read_json_article(&value, &doc, options));
    Some(match read {
        Ok(article) => article_record(&doc, &article),
        Err(reason) => error_record(&doc, Some(number), &reason),
    })
}

/// Runs a reader; a panic inside it becomes an error, never a crash.
fn guarded<T>(work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err("internal error while reading this article".to_owned()))
}

/// The line of an input that gave no article.
fn error_record(doc: &str, line: Option<usize>, reason: &str) -> Value {
    json!({ "doc": doc, "line": line, "error": reason })
}

/// The line of one article: its metadata as `docs` prints it, its actors and
/// its quotes as the extractor found them (no corpus-wide merges, no user
/// edits: those belong to a corpus, and this is a function of one article).
fn article_record(doc: &str, article: &Article) -> Value {
    let extraction = guarded(|| {
        extract::extract_until(&article.body, article.lang, &LEXICON, Some(&INTERRUPTED))
            .ok_or_else(|| Stopped::Interrupted.to_string())
    });
    let extraction = match extraction {
        Ok(extraction) => extraction,
        Err(reason) => return error_record(doc, None, &reason),
    };
    let mut record = super::doc_line(doc, &ArticleMeta::of(article));
    let Extraction { actors, quotes } = extraction;
    record["actors"] = actors
        .into_iter()
        .map(|a| {
            json!({
                "key": a.key,
                "name": a.name,
                "kind": a.kind,
                "count": a.count,
                "aliases_seen": a.aliases_seen,
                "spans": a.spans,
            })
        })
        .collect();
    record["quotes"] = quotes
        .into_iter()
        .map(|q| {
            json!({
                "quote": q.text,
                "speaker": q.speaker,
                "speaker_key": q.speaker_key,
                "speaker_text": q.speaker_text,
                "kind": q.kind,
                "start": q.start,
                "end": q.end,
                "confidence": q.confidence,
                "mentioned": q.mentioned,
                "attribution": q.attribution.as_ref().map(AttributionRow::new),
            })
        })
        .collect();
    record
}
