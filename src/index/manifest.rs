//! `manifest.json`: what was read from each file of the corpus, so an unchanged
//! folder is re-opened without reading a single article, and `docs` is answered
//! without touching the full-text index. Written atomically after each commit.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::schema::SCHEMA_VERSION;
use crate::model::{Article, ArticleId, Lang, PubDate};

/// Article fields kept outside the full-text index (everything but the body).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Article id.
    pub id: ArticleId,
    /// Position inside a multi-article file.
    pub part: usize,
    /// Title.
    pub title: String,
    /// Language.
    pub lang: Lang,
    /// Publication date.
    pub date: Option<PubDate>,
    /// Outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Author(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// What it was read from ("html", "pdf", "mbox", …); empty in manifests
    /// written before formats were recorded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub format: String,
    /// Body length in characters.
    pub chars: usize,
}

impl ArticleMeta {
    /// The metadata of an article and what extraction found in it.
    pub fn of(article: &Article) -> Self {
        Self {
            id: article.id,
            part: article.part,
            title: article.title.clone(),
            lang: article.lang,
            date: article.date.clone(),
            outlet: article.outlet.clone(),
            url: article.url.clone(),
            author: article.author.clone(),
            format: article.format.to_owned(),
            chars: article.body.chars().count(),
        }
    }
}

/// One file of the corpus as last seen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Size in bytes.
    pub size: u64,
    /// Modification time (ns since the epoch).
    pub modified_unix_ns: i64,
    /// xxh3 of the content.
    pub content_hash: u64,
    /// Articles read from it (empty when it was skipped).
    #[serde(default)]
    pub articles: Vec<ArticleMeta>,
    /// Why the file gave no article, if it did not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The error may pass (the file could not be opened or read, its folder
    /// was away): the file is read again on the next run even if unchanged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retry: bool,
    /// Non-fatal notes (encoding, truncation, skipped JSON lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The manifest of one corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Must equal [`SCHEMA_VERSION`]; anything else means rebuild.
    pub schema_version: u32,
    /// The corpus folder (canonical path), for the user's information.
    pub folder: String,
    /// [`crate::extract::EXTRACTOR_VERSION`] that produced the stored actors and quotes.
    #[serde(default)]
    pub extractor_version: u32,
    /// Fingerprint of the actors the user added when the stored actors were
    /// extracted ([`crate::extract::edits::ActorEdits::added_fingerprint`]).
    #[serde(default)]
    pub user_actors: u64,
    /// Length of the extraction digest once it held every article listed
    /// here ([`super::digest`]); 0 when unknown. A re-open that finds the same
    /// length need not read the digest.
    #[serde(default)]
    pub digest_bytes: u64,
    /// Files by relative path.
    pub files: BTreeMap<String, FileEntry>,
}

/// File name of the manifest inside a corpus data folder.
pub const MANIFEST_FILE: &str = "manifest.json";

impl Manifest {
    /// An empty manifest for `folder`.
    pub fn new(folder: &Path) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            folder: folder.display().to_string(),
            extractor_version: crate::extract::EXTRACTOR_VERSION,
            user_actors: 0,
            digest_bytes: 0,
            files: BTreeMap::new(),
        }
    }

    /// Loads the manifest in `corpus_dir`. `Ok(None)` when there is none yet;
    /// `Err` with a reason when it exists but is unreadable or from another version.
    pub fn load(corpus_dir: &Path) -> Result<Option<Self>, String> {
        let path = corpus_dir.join(MANIFEST_FILE);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read manifest ({e})")),
        };
        let manifest: Self =
            serde_json::from_slice(&bytes).map_err(|e| format!("manifest damaged ({e})"))?;
        if manifest.schema_version != SCHEMA_VERSION {
            return Err(format!(
                "index format changed (version {} → {SCHEMA_VERSION})",
                manifest.schema_version
            ));
        }
        Ok(Some(manifest))
    }

    /// Writes the manifest atomically (temporary file, then rename).
    pub fn save(&self, corpus_dir: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        crate::storage::write_atomic(&corpus_dir.join(MANIFEST_FILE), &bytes)
    }

    /// Every article, in path order then file order.
    pub fn articles(&self) -> impl Iterator<Item = (&str, &ArticleMeta)> {
        self.files
            .iter()
            .flat_map(|(path, entry)| entry.articles.iter().map(move |a| (path.as_str(), a)))
    }

    /// Number of articles.
    pub fn article_count(&self) -> usize {
        self.files.values().map(|f| f.articles.len()).sum()
    }

    /// Makes the file at `path` count as changed, so the next run reads it.
    pub fn forget(&mut self, path: &str) {
        if let Some(entry) = self.files.get_mut(path) {
            entry.size = u64::MAX;
            entry.content_hash = 0;
        }
    }
}
