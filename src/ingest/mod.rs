//! Files → [`Article`]s. Walks the user's folder (read-only), decodes bytes,
//! parses each format, detects the language and dates each article.
//!
//! ```text
//! walk::walk ─► FileInfo ─► read_file ─┬► decode ─► text | html | json ─┬► RawArticle ─► finish ─► Article
//!                                      └► pdf | office | rtf | mail ───┘   (press: one per item)
//! ```

pub mod dates;
pub mod decode;
pub mod html;
pub mod json;
pub mod jsonld;
pub mod lang;
pub mod mail;
pub mod office;
pub mod pdf;
pub mod press;
mod resolve;
pub mod rtf;
pub mod text;
pub mod walk;

use std::path::PathBuf;

use crate::model::{Article, ArticleId, Lang, PartialDate};

pub use resolve::FILE_CREATED;

pub use walk::{FileInfo, WalkReport, walk};

/// Bodies longer than this are cut (at a character boundary) with a warning.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Files larger than this are not read at all.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Why a file gave no article. The path comes last in every message.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read (permissions, vanished, I/O error).
    #[error("cannot read file ({source}): {path:?}")]
    Read {
        /// The underlying error.
        source: std::io::Error,
        /// The file.
        path: PathBuf,
    },
    /// NUL bytes or control characters: not text.
    #[error("binary data, not text: {path:?}")]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// Empty or white space only.
    #[error("empty file: {path:?}")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("file too large ({size_mb} MB, limit {limit_mb} MB): {path:?}")]
    TooLarge {
        /// Size in MB.
        size_mb: u64,
        /// Limit in MB.
        limit_mb: u64,
        /// The file.
        path: PathBuf,
    },
    /// Broken JSON, or HTML/JSON with no article text in it.
    #[error("{what}: {path:?}")]
    Malformed {
        /// What is wrong.
        what: String,
        /// The file.
        path: PathBuf,
    },
}

/// Article formats Dossier reads, by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.txt`
    Text,
    /// `.md`, `.markdown`
    Markdown,
    /// `.html`, `.htm`, `.xhtml`
    Html,
    /// `.json`
    Json,
    /// `.jsonl`, `.ndjson`
    JsonLines,
    /// `.pdf` (its text layer)
    Pdf,
    /// `.docx` (Word)
    Docx,
    /// `.odt` (OpenDocument text)
    Odt,
    /// `.rtf`
    Rtf,
    /// `.eml`: one e-mail
    Eml,
    /// `.mbox`: one article per message
    Mbox,
    /// `.mht`, `.mhtml`: a saved web page
    Mhtml,
}

impl Format {
    /// Format from a file name's extension (case-insensitive); `None` for other files.
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Self::Text,
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => Self::Html,
            "json" => Self::Json,
            "jsonl" | "ndjson" => Self::JsonLines,
            "pdf" => Self::Pdf,
            "docx" => Self::Docx,
            "odt" => Self::Odt,
            "rtf" => Self::Rtf,
            "eml" => Self::Eml,
            "mbox" => Self::Mbox,
            "mht" | "mhtml" => Self::Mhtml,
            _ => return None,
        })
    }

    /// Short name, as `docs` prints it in `format`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Json => "json",
            Self::JsonLines => "jsonl",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Odt => "odt",
            Self::Rtf => "rtf",
            Self::Eml => "eml",
            Self::Mbox => "mbox",
            Self::Mhtml => "mhtml",
        }
    }

    /// Formats whose articles are numbered even when the file holds only one.
    fn numbers_items(self) -> bool {
        matches!(self, Self::JsonLines | Self::Mbox)
    }
}

/// What a format reader found before dating and language detection.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RawArticle {
    /// Title from metadata or the first line.
    pub title: Option<String>,
    /// Main text.
    pub body: String,
    /// Raw date strings from metadata, best first, with where each came from.
    pub date_candidates: Vec<(String, String)>,
    /// Language declared by the file, e.g. "fr-FR".
    pub declared_lang: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Original URL.
    pub url: Option<String>,
    /// Author(s) / byline.
    pub author: Option<String>,
    /// A finer format than the file's ("europresse" for an item of a
    /// Europresse export); `None`: the file's format.
    pub format: Option<&'static str>,
    /// Visible text of the whole page (HTML only), searched for a date last.
    pub page_text: Option<String>,
    /// 1-based position of the item in a JSON array or JSON-lines file (its line
    /// number), 0 for single-article files; part of the article id.
    pub item: usize,
}

/// Settings for reading files.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Today's date: no publication date may be later.
    pub today: PartialDate,
    /// Use the file's modification time when no other date is found.
    pub file_time_fallback: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            today: dates::today(),
            file_time_fallback: false,
        }
    }
}

/// Articles read from one file.
#[derive(Debug, Clone)]
pub struct FileRead {
    /// The articles (several for JSON arrays and JSON lines).
    pub articles: Vec<Article>,
    /// Non-fatal problems: legacy encoding, truncated body, skipped JSON lines.
    pub warnings: Vec<String>,
    /// xxh3 of the file's bytes, to tell real changes from touched files.
    pub content_hash: u64,
}

/// Reads at most `limit` bytes of a file: `None` when it holds more. The limit
/// is enforced while reading, not from the size the file system reports, which
/// is 0 for `/proc` files and wrong for growing files.
fn read_bounded(path: &std::path::Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let file = std::fs::File::open(path)?;
    let hint = file.metadata().map_or(0, |m| m.len()).min(limit);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// What a reader says when it stopped because the run was cancelled.
pub const CANCELLED: &str = "cancelled";

/// Reads one file of the corpus. Never writes anything.
pub fn read_file(info: &FileInfo, options: &ReadOptions) -> Result<FileRead, IngestError> {
    read_file_until(info, options, None)
}

/// Reads one file of the corpus; the readers of long files (PDF pages, mbox
/// messages) stop once `cancel` is set and give a [`CANCELLED`] error.
pub fn read_file_until(
    info: &FileInfo,
    options: &ReadOptions,
    cancel: Option<&std::sync::atomic::AtomicBool>,
) -> Result<FileRead, IngestError> {
    let path = info.abs_path.clone();
    if info.size > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            size_mb: info.size >> 20,
            limit_mb: MAX_FILE_BYTES >> 20,
            path,
        });
    }
    // Debug builds only: lets the tests make one file fail to read, as a
    // vanished folder or a permission error would (root reads everything).
    #[cfg(debug_assertions)]
    if std::env::var_os("DOSSIER_TEST_READ_ERROR_ON")
        .is_some_and(|name| info.rel_path.ends_with(&*name.to_string_lossy()))
    {
        return Err(IngestError::Read {
            source: std::io::Error::other("test read error"),
            path,
        });
    }
    let bytes = read_bounded(&path, MAX_FILE_BYTES).map_err(|source| IngestError::Read {
        source,
        path: path.clone(),
    })?;
    let Some(bytes) = bytes else {
        // The size the file system reported was wrong (`/proc`, devices).
        return Err(IngestError::TooLarge {
            size_mb: (MAX_FILE_BYTES >> 20) + 1,
            limit_mb: MAX_FILE_BYTES >> 20,
            path,
        });
    };
    let content_hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let format = Format::from_path(&path).unwrap_or(Format::Text);
    let malformed = |what: String| IngestError::Malformed {
        what,
        path: path.clone(),
    };
    let read = match format {
        Format::Pdf => pdf::read_until(&bytes, cancel),
        Format::Docx => office::read_docx(&bytes),
        Format::Odt => office::read_odt(&bytes),
        Format::Rtf => rtf::read(&bytes),
        Format::Eml | Format::Mhtml => mail::read_message(&bytes, format == Format::Mhtml),
        Format::Mbox => mail::read_mbox_until(&bytes, cancel),
        Format::Text | Format::Markdown | Format::Html | Format::Json | Format::JsonLines => {
            read_text_format(&bytes, format, &path)?
        }
    }
    .map_err(malformed)?;
    drop(bytes);
    let Items {
        articles: raws,
        mut warnings,
    } = read;
    let multi = raws.len() > 1 || format.numbers_items();
    let mut articles = Vec::with_capacity(raws.len());
    for mut raw in raws {
        if matches!(format, Format::Json | Format::JsonLines) {
            json_html_to_text(&mut raw.body);
        }
        if raw.body.trim().is_empty() {
            warnings.push(format!(
                "{}no text",
                if multi {
                    format!("item {}: ", raw.item)
                } else {
                    String::new()
                }
            ));
            continue;
        }
        if truncate_body(&mut raw.body) {
            warnings.push(format!("text cut to its first {} MB", MAX_BODY_BYTES >> 20));
        }
        let part = if multi { raw.item } else { 0 };
        articles.push(finish(raw, info, part, format, options));
    }
    if articles.is_empty() {
        return Err(malformed("no article text found".to_owned()));
    }
    Ok(FileRead {
        articles,
        warnings,
        content_hash,
    })
}

/// Reads one article given as a JSON object on its own (a line of
/// `dossier-cli extract`'s input) as the same object in a JSON file would be
/// read; `doc` names it (its id and, for dates, its path).
pub fn read_json_article(
    value: &serde_json::Value,
    doc: &str,
    options: &ReadOptions,
) -> Result<Article, String> {
    let mut raw = json::article_from_value(value)?;
    json_html_to_text(&mut raw.body);
    if raw.body.trim().is_empty() {
        return Err("no text".to_owned());
    }
    truncate_body(&mut raw.body);
    let info = FileInfo {
        rel_path: doc.to_owned(),
        abs_path: std::path::PathBuf::new(),
        size: 0,
        modified_unix_ns: 0,
    };
    Ok(finish(raw, &info, 0, Format::Json, options))
}

/// Cuts a body to its first [`MAX_BODY_BYTES`]; true when it was longer.
fn truncate_body(body: &mut String) -> bool {
    if body.len() <= MAX_BODY_BYTES {
        return false;
    }
    let mut cut = MAX_BODY_BYTES;
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    body.truncate(cut);
    true
}

/// What a reader found in one file: its articles and non-fatal notes.
#[derive(Debug, Default)]
pub struct Items {
    /// Articles in file order.
    pub articles: Vec<RawArticle>,
    /// Notes such as "item 3: no text field" or "decoded as windows-1252".
    pub warnings: Vec<String>,
}

impl Items {
    /// One article, no notes.
    pub fn one(article: RawArticle) -> Self {
        Self {
            articles: vec![article],
            warnings: Vec::new(),
        }
    }
}

/// Text, Markdown, HTML and JSON: bytes decoded to text, then parsed.
fn read_text_format(
    bytes: &[u8],
    format: Format,
    path: &std::path::Path,
) -> Result<Result<Items, String>, IngestError> {
    let decoded = decode::decode(bytes, format == Format::Html).map_err(|why| match why {
        decode::NotText::Binary => IngestError::Binary {
            path: path.to_owned(),
        },
        decode::NotText::Empty => IngestError::Empty {
            path: path.to_owned(),
        },
    })?;
    let mut notes = decode_notes(&decoded);
    let read = match format {
        Format::Text => Ok(Items::one(text::read_text(&decoded.text, false))),
        Format::Markdown => Ok(Items::one(text::read_text(&decoded.text, true))),
        Format::Json => json::read_json(&decoded.text),
        Format::JsonLines => json::read_json_lines(&decoded.text),
        _ => Ok(press::split_html(&decoded.text)
            .unwrap_or_else(|| Items::one(raw_from_html(&decoded.text)))),
    };
    Ok(read.map(|mut items| {
        notes.append(&mut items.warnings);
        items.warnings = notes;
        items
    }))
}

/// Warnings about how bytes were decoded (legacy encoding, replaced bytes).
fn decode_notes(decoded: &decode::Decoded) -> Vec<String> {
    let mut warnings = Vec::new();
    if decoded.encoding != "UTF-8" {
        warnings.push(format!("decoded as {}", decoded.encoding));
    }
    if decoded.replaced > 0 {
        warnings.push(format!(
            "{} undecodable byte sequence(s) replaced",
            decoded.replaced
        ));
    }
    warnings
}

/// `s` on one line: runs of white space (line breaks, no-break spaces) as one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text fields of JSON exports often hold HTML: such a field becomes the
/// page's text.
fn json_html_to_text(body: &mut String) {
    let head = body.get(..body.len().min(2000)).unwrap_or(body);
    if ["<p>", "<p ", "<div", "<br", "</p>", "<html"]
        .iter()
        .any(|tag| head.contains(tag))
    {
        *body = html::read_html(body).text;
    }
}

/// An HTML page (or the HTML part of a saved page or an e-mail) as an article.
pub fn raw_from_html(html_text: &str) -> RawArticle {
    let page = html::read_html(html_text);
    let mut raw = RawArticle {
        title: page.title,
        body: page.text,
        declared_lang: page.lang,
        outlet: page.site_name,
        url: page.url,
        author: page.author,
        date_candidates: Vec::new(),
        page_text: Some(page.page_text),
        item: 0,
        format: None,
    };
    for candidate in page.date_candidates {
        raw.date_candidates.push((
            candidate.value,
            html_source_name(candidate.source).to_owned(),
        ));
    }
    raw
}

fn html_source_name(source: html::DateSource) -> &'static str {
    match source {
        html::DateSource::JsonLdPublished => "json-ld",
        html::DateSource::MetaPublished => "meta",
        html::DateSource::TimeElement => "time-element",
        html::DateSource::Url => "url",
        html::DateSource::Modified => "modified",
        html::DateSource::Visible => "visible",
        html::DateSource::ImageUrl => "image-url",
    }
}

/// Title fallback, language, date resolution and id.
fn finish(
    raw: RawArticle,
    info: &FileInfo,
    part: usize,
    format: Format,
    options: &ReadOptions,
) -> Article {
    let title = raw
        .title
        .filter(|t| !t.trim().is_empty())
        .or_else(|| text::title_from_lines(&raw.body, false))
        .unwrap_or_else(|| {
            info.rel_path
                .rsplit('/')
                .next()
                .unwrap_or(&info.rel_path)
                .to_owned()
        });
    let lang = lang::detect_declared(
        &format!("{title}\n{}", raw.body),
        raw.declared_lang.as_deref(),
        Lang::En,
    );
    let date = resolve::resolve_date(
        &raw.date_candidates,
        &raw.body,
        raw.page_text.as_deref(),
        info,
        lang,
        options,
    );
    Article {
        id: ArticleId::new(&info.rel_path, part),
        rel_path: info.rel_path.clone(),
        part,
        title: decode::without_invisible(title.trim().to_owned()),
        body: decode::without_invisible(raw.body),
        lang,
        date,
        outlet: raw.outlet.filter(|o| !o.trim().is_empty()),
        url: raw.url,
        author: raw.author.map(|a| one_line(&a)).filter(|a| !a.is_empty()),
        format: raw.format.unwrap_or(format.name()),
    }
}
