//! `manifest.bin`: what was read from each file of the corpus, so an unchanged
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
    #[serde(default)]
    pub outlet: Option<String>,
    /// URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Author(s).
    #[serde(default)]
    pub author: Option<String>,
    /// What it was read from ("html", "pdf", "mbox", …); empty in manifests
    /// written before formats were recorded.
    #[serde(default)]
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
    #[serde(default)]
    pub error: Option<String>,
    /// The error may pass (the file could not be opened or read, its folder
    /// was away): the file is read again on the next run even if unchanged.
    #[serde(default)]
    pub retry: bool,
    /// Non-fatal notes (encoding, truncation, skipped JSON lines).
    #[serde(default)]
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

/// File name of the manifest inside a corpus data folder: a header, the
/// xxh3 of the payload (damage is detected, not misread) and the manifest in
/// postcard, which reads several times faster than JSON for a large corpus.
pub const MANIFEST_FILE: &str = "manifest.bin";

/// The JSON manifest of earlier versions: read when there is no compact one,
/// and removed once the compact one is written.
pub const LEGACY_MANIFEST_FILE: &str = "manifest.json";

/// First bytes of [`MANIFEST_FILE`].
const MAGIC: &[u8] = b"dossier manifest 1\n";

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

    /// True when `corpus_dir` holds a manifest (compact or earlier JSON).
    pub fn exists(corpus_dir: &Path) -> bool {
        corpus_dir.join(MANIFEST_FILE).is_file() || corpus_dir.join(LEGACY_MANIFEST_FILE).is_file()
    }

    /// Loads the manifest in `corpus_dir`. `Ok(None)` when there is none yet;
    /// `Err` with a reason when it exists but is unreadable or from another version.
    pub fn load(corpus_dir: &Path) -> Result<Option<Self>, String> {
        let read = |name: &str| match std::fs::read(corpus_dir.join(name)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read manifest ({e})")),
        };
        let manifest: Self = if let Some(bytes) = read(MANIFEST_FILE)? {
            decode(&bytes).map_err(|why| format!("manifest damaged ({why})"))?
        } else if let Some(bytes) = read(LEGACY_MANIFEST_FILE)? {
            serde_json::from_slice(&bytes).map_err(|e| format!("manifest damaged ({e})"))?
        } else {
            return Ok(None);
        };
        if manifest.schema_version != SCHEMA_VERSION {
            return Err(format!(
                "index format changed (version {} → {SCHEMA_VERSION})",
                manifest.schema_version
            ));
        }
        Ok(Some(manifest))
    }

    /// Writes the manifest atomically (temporary file, then rename), and
    /// removes an earlier JSON manifest it replaces.
    pub fn save(&self, corpus_dir: &Path) -> std::io::Result<()> {
        let payload = postcard::to_stdvec(self).map_err(std::io::Error::other)?;
        let check = xxhash_rust::xxh3::xxh3_64(&payload);
        crate::storage::write_atomic_with(&corpus_dir.join(MANIFEST_FILE), |w| {
            w.write_all(MAGIC)?;
            w.write_all(&check.to_le_bytes())?;
            w.write_all(&payload)
        })?;
        match std::fs::remove_file(corpus_dir.join(LEGACY_MANIFEST_FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
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

/// The manifest in the bytes of a [`MANIFEST_FILE`].
fn decode(bytes: &[u8]) -> Result<Manifest, String> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| "not a Dossier manifest".to_owned())?;
    let (check, payload) = rest
        .split_first_chunk::<8>()
        .ok_or_else(|| "cut short".to_owned())?;
    if u64::from_le_bytes(*check) != xxhash_rust::xxh3::xxh3_64(payload) {
        return Err("checksum mismatch".to_owned());
    }
    postcard::from_bytes(payload).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSource, PartialDate};

    fn sample() -> Manifest {
        let mut manifest = Manifest::new(Path::new("/corpus"));
        let meta = |part: usize, outlet: Option<&str>| ArticleMeta {
            id: ArticleId::new("a.jsonl", part),
            part,
            title: format!("Titre {part}"),
            lang: Lang::Fr,
            date: Some(PubDate {
                date: PartialDate::parse_iso("2024-03").unwrap(),
                source: DateSource::Metadata,
                detail: "json".to_owned(),
            }),
            outlet: outlet.map(str::to_owned),
            url: None,
            author: None,
            format: String::new(),
            chars: 120,
        };
        manifest.files.insert(
            "a.jsonl".to_owned(),
            FileEntry {
                size: 10,
                modified_unix_ns: -3,
                content_hash: 7,
                articles: vec![meta(1, Some("Le Monde")), meta(2, None)],
                error: None,
                retry: false,
                warnings: vec!["item 3: no text".to_owned()],
            },
        );
        manifest.files.insert(
            "b.pdf".to_owned(),
            FileEntry {
                size: 0,
                modified_unix_ns: 0,
                content_hash: 0,
                articles: Vec::new(),
                error: Some("needs OCR".to_owned()),
                retry: true,
                warnings: Vec::new(),
            },
        );
        manifest
    }

    #[test]
    fn round_trips_replaces_the_json_one_and_detects_damage() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::load(dir.path()).unwrap(), None);
        assert!(!Manifest::exists(dir.path()));
        // An earlier version's JSON manifest is read, then replaced.
        let manifest = sample();
        let json = dir.path().join(LEGACY_MANIFEST_FILE);
        std::fs::write(&json, serde_json::to_vec(&manifest).unwrap()).unwrap();
        assert!(Manifest::exists(dir.path()));
        assert_eq!(Manifest::load(dir.path()).unwrap(), Some(manifest.clone()));
        manifest.save(dir.path()).unwrap();
        assert!(!json.exists());
        assert_eq!(Manifest::load(dir.path()).unwrap(), Some(manifest));
        // One changed byte, or a cut, is damage.
        let path = dir.path().join(MANIFEST_FILE);
        let bytes = std::fs::read(&path).unwrap();
        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        for damaged in [flipped, bytes[..bytes.len() / 2].to_vec(), b"{}".to_vec()] {
            std::fs::write(&path, damaged).unwrap();
            let error = Manifest::load(dir.path()).unwrap_err();
            assert!(error.starts_with("manifest damaged"), "{error}");
        }
    }
}
