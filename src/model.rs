//! Plain data shared by every layer: articles, their ids and publication dates.
//!
//! Nothing here does I/O; `ingest` produces these values, `index` stores them,
//! `cli` and `ui` display them.

use serde::{Deserialize, Serialize};

pub use crate::ingest::dates::{PartialDate, Precision};

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date: {text:?}")))
    }
}

/// Stable identity of an article: a hash of its relative path (plus its position
/// inside the file for JSON arrays and JSON lines), so it survives re-indexing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ArticleId(pub u64);

impl ArticleId {
    /// Id of the `part`-th article of the file at `rel_path` (part 0 for single-article files).
    pub fn new(rel_path: &str, part: usize) -> Self {
        let key = if part == 0 {
            rel_path.to_owned()
        } else {
            format!("{rel_path}#{part}")
        };
        Self(xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
    }

    /// Sixteen lowercase hex digits, as shown to users and written in JSON.
    pub fn to_hex(self) -> String {
        format!("{:016x}", self.0)
    }

    /// Inverse of [`Self::to_hex`].
    pub fn from_hex(s: &str) -> Option<Self> {
        u64::from_str_radix(s, 16).ok().map(Self)
    }
}

/// Where a publication date came from, from most to least trustworthy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Corrected by the user.
    User,
    /// The file's own metadata: HTML meta tags, JSON-LD, a JSON field, front matter.
    Metadata,
    /// A date in the file name or folder path.
    Filename,
    /// A date written in the first lines of the text (dateline, "le 14 septembre 2023", …).
    Text,
    /// The file's modification time, used only when asked for (`--file-time-fallback`).
    FileTime,
}

impl DateSource {
    /// The name used in JSON output (`date_source`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Metadata => "metadata",
            Self::Filename => "filename",
            Self::Text => "text",
            Self::FileTime => "file_time",
        }
    }

    /// Inverse of [`Self::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "user" => Self::User,
            "metadata" => Self::Metadata,
            "filename" => Self::Filename,
            "text" => Self::Text,
            "file_time" => Self::FileTime,
            _ => return None,
        })
    }
}

/// A publication date with its precision (inside [`PartialDate`]) and provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubDate {
    /// The date, to day, month or year precision.
    pub date: PartialDate,
    /// Which kind of evidence gave it.
    pub source: DateSource,
    /// Finer detail for the curious: "json-ld", "meta", "dateline", "weekday-inferred", …
    pub detail: String,
}

/// Article language. Analysis (stemming, quote syntax) depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    #[default]
    En,
    /// Neither French nor English (Spanish, German, …): indexed with a neutral
    /// analyzer, no actors or quotes looked for.
    Other,
}

impl Lang {
    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Fr => "fr",
            Self::En => "en",
            Self::Other => "other",
        }
    }

    /// Parses "fr", "fr-FR", "French", "en_GB", "other", … Other languages' codes give `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("fr") {
            Some(Self::Fr)
        } else if s.starts_with("en") {
            Some(Self::En)
        } else if s == "other" {
            Some(Self::Other)
        } else {
            None
        }
    }
}

/// One news article, as read from the user's folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id, see [`ArticleId::new`].
    pub id: ArticleId,
    /// Path relative to the corpus folder, with `/` separators.
    pub rel_path: String,
    /// Position inside a multi-article file (JSON array, JSON lines); 0 otherwise.
    pub part: usize,
    /// Title: from metadata, or the first heading / first line.
    pub title: String,
    /// Main text. Byte offsets of mentions and quotes refer to this string.
    pub body: String,
    /// Detected (or declared) language.
    pub lang: Lang,
    /// Publication date, `None` when nothing reliable was found.
    pub date: Option<PubDate>,
    /// Outlet / source name when known.
    pub outlet: Option<String>,
    /// Original URL when known.
    pub url: Option<String>,
    /// Author(s) as the file names them ("Marie Dupont, Jean Martin").
    pub author: Option<String>,
    /// What the article was read from: "html", "pdf", "eml", "europresse", …
    pub format: &'static str,
}
