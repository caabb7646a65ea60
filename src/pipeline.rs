//! `index_folder`: walk → read (in parallel) → index, incrementally, with
//! progress reports and cancellation. Used by the CLI and, through `jobs`, the GUI.
//!
//! Unchanged files (same size and modification time) are not opened at all.
//! Touched files whose content hash is unchanged are read but not re-indexed.
//! Changed files have their old documents deleted and new ones added; files
//! that disappeared are deleted. The manifest is saved after each commit, so an
//! interrupted run resumes where it stopped.

use std::cell::LazyCell;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use rayon::prelude::*;

use crate::extract::edits::ActorEdits;
use crate::extract::lexicon::{LEXICON, Lexicon};
use crate::extract::{self, Extraction};
use crate::index::digest::{Digest, DigestWriter};
use crate::index::manifest::ArticleMeta;
use crate::index::{CorpusIndex, FileEntry, Manifest, OpenOutcome, store};
use crate::ingest::walk::Skipped;
use crate::ingest::{self, FileInfo, FileRead, IngestError, ReadOptions};

/// Settings of one indexing run.
#[derive(Clone, Debug, Default)]
pub struct IndexOptions {
    /// Worker threads for reading files (0 = number of cores).
    pub threads: usize,
    /// How files are read and dated.
    pub read: ReadOptions,
    /// Put each batch's new articles with their extraction in [`Progress::batch`]
    /// (the window shows results while indexing runs).
    pub live_articles: bool,
}

/// Progress of a run, sent about every 50 ms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Files that need reading in this run.
    pub files_total: usize,
    /// Of those, already processed.
    pub files_done: usize,
    /// Bytes of those files processed.
    pub bytes_done: u64,
    /// Articles in the corpus so far.
    pub articles: usize,
    /// True while another process (a second window, the CLI) is indexing the
    /// same folder: this run waits for it, then reads only what is left.
    pub waiting_for_other: bool,
    /// Articles read in the last batch (path, metadata, extraction), when
    /// [`IndexOptions::live_articles`] is set.
    pub batch: Vec<(String, ArticleMeta, Extraction)>,
}

/// What an indexing run did.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Summary {
    /// Articles in the corpus after the run.
    pub articles: usize,
    /// Article files in the folder.
    pub files: usize,
    /// Files opened and read in this run.
    pub files_read: usize,
    /// Files skipped without reading because they did not change.
    pub files_unchanged: usize,
    /// Files whose articles were removed because the file is gone.
    pub files_removed: usize,
    /// Files not of an article format (images, spreadsheets, …).
    pub files_ignored: usize,
    /// Bytes read in this run.
    pub bytes_read: u64,
    /// Files and folders that gave no article, with reasons.
    pub skipped: Vec<Skipped>,
    /// Files read with warnings (legacy encoding, truncated, bad JSON lines).
    pub warnings: Vec<Skipped>,
    /// Messages about the index itself (rebuilt, …).
    pub notes: Vec<String>,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// True when the run was cancelled before reading every file.
    pub cancelled: bool,
}

/// An opened corpus: its folder, data folder, index and manifest.
pub struct Corpus {
    /// Canonical path of the article folder.
    pub folder: PathBuf,
    /// Dossier's data folder for this corpus.
    pub data_dir: PathBuf,
    /// Full-text index.
    pub index: CorpusIndex,
    /// Per-file record of what was read.
    pub manifest: Manifest,
}

/// Files read per batch between progress reports and cancellation checks.
const BATCH_FILES: usize = 256;
/// Commit (and save the manifest) at least this often, so a crash loses little.
const COMMIT_EVERY: Duration = Duration::from_secs(30);

/// Builds or updates the index of `folder` in `data_dir`.
pub fn index_folder(
    folder: &Path,
    data_dir: &Path,
    options: &IndexOptions,
    cancel: &AtomicBool,
    progress: &dyn Fn(&Progress),
) -> anyhow::Result<(Summary, Corpus)> {
    let started = Instant::now();
    let folder = std::fs::canonicalize(folder)
        .with_context(|| format!("cannot open folder {}", folder.display()))?;
    anyhow::ensure!(folder.is_dir(), "not a folder: {}", folder.display());
    crate::storage::refuse_inside(data_dir, &folder).map_err(anyhow::Error::msg)?;
    if let Some(opened) = open_read_only(&folder, data_dir, started)? {
        return Ok(opened);
    }
    crate::storage::claim_corpus_dir(data_dir, &folder).map_err(anyhow::Error::msg)?;
    // One indexing run per corpus at a time, across processes.
    let _lock = lock_corpus(data_dir, cancel, progress)?;
    crate::storage::remove_stale_temp_files(data_dir);
    let mut summary = Summary::default();
    let edits_path = data_dir.join(crate::extract::edits::EDITS_FILE);
    let corrections_path = data_dir.join(crate::index::corrections::CORRECTIONS_FILE);
    summary.notes.extend(
        [
            crate::storage::recover_json::<ActorEdits>(&edits_path, "actor edits"),
            crate::storage::recover_json::<crate::index::corrections::DateCorrections>(
                &corrections_path,
                "date corrections",
            ),
        ]
        .into_iter()
        .flatten(),
    );

    let (index, outcome) = CorpusIndex::open_or_create(&data_dir.join("tantivy"))?;
    let loaded = Manifest::load(data_dir);
    let mut wipe_index = false;
    let mut manifest = match (outcome, loaded) {
        (OpenOutcome::Opened, Ok(Some(manifest))) => manifest,
        (OpenOutcome::Opened, Ok(None)) => {
            wipe_index = index.num_articles() > 0;
            Manifest::new(&folder)
        }
        (OpenOutcome::Opened, Err(why)) => {
            summary.notes.push(format!("{why}; rebuilding the index"));
            wipe_index = true;
            Manifest::new(&folder)
        }
        (OpenOutcome::Rebuilt(why), _) => {
            summary.notes.push(why);
            Manifest::new(&folder)
        }
        (OpenOutcome::Created, _) => Manifest::new(&folder),
    };
    manifest.folder = folder.display().to_string();
    // A manifest started afresh goes with an emptied index: nothing to compare.
    let (extra_docs, missing) = if wipe_index {
        (Vec::new(), Vec::new())
    } else {
        reconcile(&index, &mut manifest)?
    };
    if !extra_docs.is_empty() || !missing.is_empty() {
        summary.notes.push(format!(
            "the index and the list of read files disagreed ({} article(s) missing from the index, {} not listed); repairing",
            missing.len(),
            extra_docs.len()
        ));
    }
    let edits = ActorEdits::load(data_dir).unwrap_or_else(|why| {
        summary
            .notes
            .push(format!("{why}; added actors are ignored"));
        ActorEdits::default()
    });
    let user_actors = edits.added_fingerprint();
    let rules_changed = manifest.extractor_version != crate::extract::EXTRACTOR_VERSION;
    if rules_changed || manifest.user_actors != user_actors {
        if !manifest.files.is_empty() {
            summary.notes.push(if rules_changed {
                "extraction rules changed; reading the articles again".to_owned()
            } else {
                "added actors changed; reading the articles again".to_owned()
            });
        }
        // Forget what was read so every file counts as changed.
        let paths: Vec<String> = manifest.files.keys().cloned().collect();
        for path in &paths {
            manifest.forget(path);
        }
        manifest.extractor_version = crate::extract::EXTRACTOR_VERSION;
        manifest.user_actors = user_actors;
    }
    // The lexicon (and with it the name recogniser) is loaded only when a
    // file must be read: re-opening an unchanged folder stays instant.
    let user_lexicon = LazyCell::new(|| LEXICON.with_user_actors(&edits.added));
    let lexicon = || -> &Lexicon {
        if edits.added.is_empty() {
            &LEXICON
        } else {
            &user_lexicon
        }
    };

    let walked = ingest::walk(&folder, cancel)
        .with_context(|| format!("cannot list {}", folder.display()))?;
    if cancel.load(Ordering::Relaxed) {
        // A partial walk must not be mistaken for deleted files: change nothing.
        summary.cancelled = true;
        return Ok(finish(summary, started, folder, data_dir, index, manifest));
    }
    summary.files = walked.files.len();
    summary.files_ignored = walked.ignored;
    summary.skipped.extend(walked.skipped);
    summary.warnings.extend(walked.notes);

    let present: std::collections::HashSet<&str> =
        walked.files.iter().map(|f| f.rel_path.as_str()).collect();
    let removed: Vec<String> = manifest
        .files
        .keys()
        .filter(|p| !present.contains(p.as_str()))
        .cloned()
        .collect();
    let to_read: Vec<&FileInfo> = walked
        .files
        .iter()
        .filter(|f| {
            manifest.files.get(&f.rel_path).is_none_or(|e| {
                e.retry || e.size != f.size || e.modified_unix_ns != f.modified_unix_ns
            })
        })
        .collect();
    summary.files_unchanged = walked.files.len() - to_read.len();

    let mut writer = None;
    if wipe_index || !removed.is_empty() || !to_read.is_empty() || !extra_docs.is_empty() {
        let w = index.writer(options.threads.max(1))?;
        if wipe_index {
            w.delete_all_documents().context("cannot clear the index")?;
        }
        for id in &extra_docs {
            store::delete_article(&w, index.fields(), *id);
        }
        for path in &removed {
            store::delete_file(&w, index.fields(), path);
            manifest.files.remove(path);
        }
        summary.files_removed = removed.len();
        writer = Some(w);
    }
    // What is extracted also goes to the digest; without one (it cannot be
    // written), readers take extractions from the index, only slower.
    let mut digest = writer
        .as_ref()
        .and_then(|_| open_digest(data_dir, &mut summary));

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .thread_name(|i| format!("read_files_{i}"))
        .build()
        .context("cannot start worker threads")?;
    let mut report = Progress {
        files_total: to_read.len(),
        articles: manifest.article_count(),
        ..Progress::default()
    };
    progress(&report);
    let mut last_commit = Instant::now();
    for batch in to_read.chunks(BATCH_FILES) {
        if cancel.load(Ordering::Relaxed) {
            summary.cancelled = true;
            break;
        }
        let lexicon = lexicon();
        let results: Vec<(&FileInfo, Result<ReadFile, Failure>)> = pool.install(|| {
            batch
                .par_iter()
                .map(|info| (*info, read_guarded(info, &options.read, lexicon, cancel)))
                .collect()
        });
        let Some(w) = writer.as_mut() else { break };
        for (info, result) in results {
            if matches!(&result, Err(f) if f.cancelled) {
                // Stopped midway: the file stays as it was, to be read next run.
                summary.cancelled = true;
                continue;
            }
            summary.files_read += 1;
            summary.bytes_read += info.size;
            report.files_done += 1;
            report.bytes_done += info.size;
            // Touched but not changed: keep the indexed documents, note the new time.
            let unchanged = match (&result, manifest.files.get(&info.rel_path)) {
                (Ok((read, _)), Some(previous))
                    if previous.content_hash == read.content_hash && previous.error.is_none() =>
                {
                    Some(FileEntry {
                        size: info.size,
                        modified_unix_ns: info.modified_unix_ns,
                        ..previous.clone()
                    })
                }
                _ => None,
            };
            let entry = match (unchanged, result) {
                (Some(entry), _) => entry,
                (None, Ok((read, extractions))) => {
                    store::delete_file(w, index.fields(), &info.rel_path);
                    for (article, extraction) in read.articles.iter().zip(&extractions) {
                        store::add_article(w, index.fields(), article, extraction)
                            .with_context(|| format!("cannot index {}", info.rel_path))?;
                        if let Some(d) = digest.as_mut()
                            && let Err(e) = d.append(article.id, extraction)
                        {
                            summary.notes.push(digest_trouble("write", &e));
                            digest = None;
                        }
                    }
                    if options.live_articles {
                        report.batch.extend(
                            read.articles
                                .iter()
                                .zip(extractions)
                                .map(|(a, e)| (info.rel_path.clone(), ArticleMeta::of(a), e)),
                        );
                    }
                    FileEntry {
                        size: info.size,
                        modified_unix_ns: info.modified_unix_ns,
                        content_hash: read.content_hash,
                        articles: read.articles.iter().map(ArticleMeta::of).collect(),
                        error: None,
                        retry: false,
                        warnings: read.warnings,
                    }
                }
                (None, Err(failure)) => {
                    store::delete_file(w, index.fields(), &info.rel_path);
                    FileEntry {
                        size: info.size,
                        modified_unix_ns: info.modified_unix_ns,
                        content_hash: 0,
                        articles: Vec::new(),
                        error: Some(failure.reason),
                        retry: failure.retry,
                        warnings: Vec::new(),
                    }
                }
            };
            manifest.files.insert(info.rel_path.clone(), entry);
        }
        report.articles = manifest.article_count();
        progress(&report);
        report.batch.clear();
        if last_commit.elapsed() > COMMIT_EVERY {
            flush_digest(&mut digest, &mut summary);
            store::commit(w).context("cannot commit the index")?;
            manifest
                .save(data_dir)
                .context("cannot save the manifest")?;
            last_commit = Instant::now();
        }
    }
    if let Some(mut w) = writer {
        flush_digest(&mut digest, &mut summary);
        store::commit(&mut w).context("cannot commit the index")?;
        manifest
            .save(data_dir)
            .context("cannot save the manifest")?;
        // Merging threads finish in the background of the next open otherwise.
        w.wait_merging_threads().ok(); // A failed merge leaves valid, unmerged segments.
        index.reload()?;
    } else if !data_dir
        .join(crate::index::manifest::MANIFEST_FILE)
        .is_file()
    {
        // No manifest yet, or one of an earlier version's (JSON): write it.
        manifest
            .save(data_dir)
            .context("cannot save the manifest")?;
    }
    let digest_bytes = complete_digest(digest, &index, &manifest, data_dir, &mut summary);
    if digest_bytes != manifest.digest_bytes {
        manifest.digest_bytes = digest_bytes;
        manifest
            .save(data_dir)
            .context("cannot save the manifest")?;
    }

    for (path, entry) in &manifest.files {
        if let Some(error) = &entry.error {
            summary.skipped.push(Skipped {
                path: path.clone(),
                reason: error.clone(),
            });
        }
        for warning in &entry.warnings {
            summary.warnings.push(Skipped {
                path: path.clone(),
                reason: warning.clone(),
            });
        }
    }
    summary.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(finish(summary, started, folder, data_dir, index, manifest))
}

fn open_digest(data_dir: &Path, summary: &mut Summary) -> Option<DigestWriter> {
    DigestWriter::open(data_dir)
        .map_err(|e| summary.notes.push(digest_trouble("write", &e)))
        .ok()
}

/// The note for a digest that could not be written (`what`: "write", "complete").
fn digest_trouble(what: &str, e: &dyn std::fmt::Display) -> String {
    format!(
        "cannot {what} the extraction digest ({e}); results are read from the index instead, more slowly"
    )
}

fn flush_digest(digest: &mut Option<DigestWriter>, summary: &mut Summary) {
    if let Some(Err(e)) = digest.as_mut().map(DigestWriter::flush) {
        summary.notes.push(digest_trouble("write", &e));
        *digest = None;
    }
}

/// Makes the digest hold every article of the manifest: those it lacks (a
/// digest from an older version, a torn tail, a failed write) are copied from
/// the index; dead records are dropped when they outweigh the live ones.
/// Returns the digest's length once complete (0 when it is not). A run that
/// wrote nothing and finds the length the manifest recorded stops at once.
fn complete_digest(
    digest: Option<DigestWriter>,
    index: &CorpusIndex,
    manifest: &Manifest,
    data_dir: &Path,
    summary: &mut Summary,
) -> u64 {
    let length = || {
        std::fs::metadata(data_dir.join(crate::index::digest::DIGEST_FILE)).map_or(0, |m| m.len())
    };
    if digest.is_none() && manifest.digest_bytes > 0 && length() == manifest.digest_bytes {
        return manifest.digest_bytes;
    }
    let live: std::collections::HashSet<crate::model::ArticleId> =
        manifest.articles().map(|(_, meta)| meta.id).collect();
    // The writer knows what the digest holds; without one, read the file.
    let missing: Vec<crate::model::ArticleId> = match &digest {
        Some(writer) => live
            .iter()
            .copied()
            .filter(|id| !writer.contains(*id))
            .collect(),
        None => {
            let present = Digest::open(data_dir);
            live.iter()
                .copied()
                .filter(|id| !present.contains(*id))
                .collect()
        }
    };
    let mut digest = match digest {
        Some(d) => d,
        None if missing.is_empty() => return length(),
        None => match open_digest(data_dir, summary) {
            Some(d) => d,
            None => return 0,
        },
    };
    let copied = (|| -> anyhow::Result<()> {
        if !missing.is_empty() {
            index.each_extraction_of(&missing, &mut |id, e| digest.append(id, &e))?;
        }
        digest.finish(&live)?;
        Ok(())
    })();
    match copied {
        Ok(()) => length(),
        Err(e) => {
            summary.notes.push(digest_trouble("complete", &e));
            0
        }
    }
}

/// A corpus whose data folder Dossier may not write (a read-only disk, a copy
/// handed over by a colleague): opened as last built, without checking the
/// article folder, with a note. `None` when the folder is writable or holds
/// no corpus yet.
fn open_read_only(
    folder: &Path,
    data_dir: &Path,
    started: Instant,
) -> anyhow::Result<Option<(Summary, Corpus)>> {
    if !crate::index::Manifest::exists(data_dir) {
        return Ok(None);
    }
    // The folder holds a corpus: creating its lock file there writes only in
    // Dossier's own folder.
    let probe = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join(LOCK_FILE));
    let read_only = matches!(&probe, Err(e) if matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    ));
    if !read_only {
        return Ok(None);
    }
    let manifest = Manifest::load(data_dir)
        .map_err(anyhow::Error::msg)?
        .ok_or_else(|| anyhow::anyhow!("no manifest in {}", data_dir.display()))?;
    let index = CorpusIndex::open_read_only(&data_dir.join("tantivy"))?;
    let summary = Summary {
        files: manifest.files.len(),
        notes: vec![format!(
            "the data folder {} is read-only: showing the index as last built, without looking for changed files",
            data_dir.display()
        )],
        ..Summary::default()
    };
    Ok(Some(finish(
        summary,
        started,
        folder.to_path_buf(),
        data_dir,
        index,
        manifest,
    )))
}

/// Compares the index with the manifest. Files whose articles are missing
/// from the index (a rolled-back `meta.json`, a lost segment) are marked to be
/// read again; returns the ids of documents the manifest does not list (and
/// of duplicated ones, whose files are read again too) to delete, and the ids
/// of the missing articles. Cheap when the counts agree.
fn reconcile(
    index: &CorpusIndex,
    manifest: &mut Manifest,
) -> anyhow::Result<(Vec<crate::model::ArticleId>, Vec<crate::model::ArticleId>)> {
    use std::collections::HashMap;
    if index.num_articles() == manifest.article_count() as u64 {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut in_index: HashMap<crate::model::ArticleId, usize> = HashMap::new();
    for id in index.article_ids()? {
        *in_index.entry(id).or_default() += 1;
    }
    let mut listed = std::collections::HashSet::new();
    let mut missing = Vec::new();
    let mut stale_files = Vec::new();
    for (path, entry) in &manifest.files {
        for article in &entry.articles {
            listed.insert(article.id);
            match in_index.get(&article.id) {
                Some(1) => {}
                Some(_) => stale_files.push(path.clone()),
                None => {
                    missing.push(article.id);
                    stale_files.push(path.clone());
                }
            }
        }
    }
    let extra: Vec<_> = in_index
        .iter()
        .filter(|(id, n)| !listed.contains(*id) || **n > 1)
        .map(|(id, _)| *id)
        .collect();
    for path in &stale_files {
        manifest.forget(path);
    }
    Ok((extra, missing))
}

/// The end of every run: final counts, the user's date corrections, the corpus.
fn finish(
    mut summary: Summary,
    started: Instant,
    folder: PathBuf,
    data_dir: &Path,
    index: CorpusIndex,
    mut manifest: Manifest,
) -> (Summary, Corpus) {
    summary.articles = manifest.article_count();
    summary.seconds = started.elapsed().as_secs_f64();
    apply_corrections(data_dir, &mut manifest, &mut summary);
    let corpus = Corpus {
        folder,
        data_dir: data_dir.to_path_buf(),
        index,
        manifest,
    };
    (summary, corpus)
}

/// Applies the user's date corrections to the opened corpus's manifest (the
/// saved manifest keeps the dates read from the files).
fn apply_corrections(data_dir: &Path, manifest: &mut Manifest, summary: &mut Summary) {
    match crate::index::corrections::DateCorrections::load(data_dir) {
        Ok(corrections) => {
            let unused = corrections.apply(manifest);
            if !unused.is_empty() {
                summary.notes.push(format!(
                    "{} date correction(s) for articles no longer in the folder",
                    unused.len()
                ));
            }
        }
        Err(why) => summary.notes.push(why),
    }
}

/// File locked (advisory, released when the process ends, even by a crash)
/// while a run indexes a corpus.
pub const LOCK_FILE: &str = "indexing.lock";

/// Takes the corpus's indexing lock, waiting (and saying so through
/// `progress`) while another process holds it.
fn lock_corpus(
    data_dir: &Path,
    cancel: &AtomicBool,
    progress: &dyn Fn(&Progress),
) -> anyhow::Result<std::fs::File> {
    let path = data_dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => {
                if !told {
                    progress(&Progress {
                        waiting_for_other: true,
                        ..Progress::default()
                    });
                    told = true;
                }
                if cancel.load(Ordering::Relaxed) {
                    anyhow::bail!(
                        "cancelled while another Dossier process was indexing this folder"
                    );
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                // A file system without locks: go on unprotected rather than refuse.
                log::warn!("cannot lock {}: {e}", path.display());
                return Ok(file);
            }
        }
    }
}

/// A file's articles with what extraction found in each.
type ReadFile = (FileRead, Vec<Extraction>);

/// Why a file gave no article.
struct Failure {
    /// One line for the user.
    reason: String,
    /// The cause may pass (an I/O error): read the file again next run.
    retry: bool,
    /// The run was cancelled while this file was being read.
    cancelled: bool,
}

/// Reads one file and extracts its articles' actors and quotes; a panic inside a
/// reader or the extractor becomes a skip reason, never a crash.
fn read_guarded(
    info: &FileInfo,
    options: &ReadOptions,
    lexicon: &Lexicon,
    cancel: &AtomicBool,
) -> Result<ReadFile, Failure> {
    let work = || {
        // Debug builds only: lets the tests check that a panic while reading
        // one file becomes a skipped file, not a crash.
        #[cfg(debug_assertions)]
        if std::env::var_os("DOSSIER_TEST_PANIC_ON")
            .is_some_and(|name| info.rel_path.ends_with(&*name.to_string_lossy()))
        {
            panic!("test panic while reading {}", info.rel_path);
        }
        ingest::read_file_until(info, options, Some(cancel)).map(|read| {
            let extractions: Option<Vec<Extraction>> = read
                .articles
                .iter()
                .map(|a| extract::extract_until(&a.body, a.lang, lexicon, Some(cancel)))
                .collect();
            extractions.map(|e| (read, e))
        })
    };
    let cancelled = || Failure {
        reason: "cancelled".to_owned(),
        retry: true,
        cancelled: true,
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(cancelled());
    }
    match std::panic::catch_unwind(AssertUnwindSafe(work)) {
        Ok(Ok(Some(read))) => Ok(read),
        Ok(Ok(None)) => Err(cancelled()),
        // A reader stopped inside a long file: read it again next run.
        Ok(Err(_)) if cancel.load(Ordering::Relaxed) => Err(cancelled()),
        Ok(Err(error)) => Err(Failure {
            reason: reason_of(&error),
            retry: matches!(error, IngestError::Read { .. }),
            cancelled: false,
        }),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            log::error!("reader panicked on {}: {message}", info.rel_path);
            Err(Failure {
                reason: format!("internal error while reading this file ({message})"),
                retry: false,
                cancelled: false,
            })
        }
    }
}

/// The reason without the path (the report shows the path in its own column).
fn reason_of(error: &IngestError) -> String {
    match error {
        IngestError::Read { source, .. } => format!("cannot read file: {source}"),
        IngestError::Binary { .. } => "binary data, not text".to_owned(),
        IngestError::Empty { .. } => "empty file".to_owned(),
        IngestError::TooLarge {
            size_mb, limit_mb, ..
        } => format!("file too large ({size_mb} MB, limit {limit_mb} MB)"),
        IngestError::Malformed { what, .. } => what.clone(),
    }
}
