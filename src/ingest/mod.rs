//! Files → [`Article`]s. Walks the user's folder (read-only), decodes bytes,
//! parses each format, detects the language and dates each article.
//!
//! ```text
//! walk::walk ─► FileInfo ─► read_file ─► decode ─► text | html | json ─► RawArticle ─► finish ─► Article
//! ```

pub mod dates;
pub mod decode;
pub mod html;
pub mod json;
pub mod lang;
pub mod text;
pub mod walk;

use std::path::PathBuf;

use crate::model::{Article, ArticleId, DateSource, Lang, PartialDate, PubDate};

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
            _ => return None,
        })
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

/// Reads one file of the corpus. Never writes anything.
pub fn read_file(info: &FileInfo, options: &ReadOptions) -> Result<FileRead, IngestError> {
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
    let decoded = decode::decode(&bytes, format == Format::Html).map_err(|why| match why {
        decode::NotText::Binary => IngestError::Binary { path: path.clone() },
        decode::NotText::Empty => IngestError::Empty { path: path.clone() },
    })?;
    drop(bytes);
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
    let malformed = |what: String| IngestError::Malformed {
        what,
        path: path.clone(),
    };
    let raws: Vec<RawArticle> = match format {
        Format::Text => vec![text::read_text(&decoded.text, false)],
        Format::Markdown => vec![text::read_text(&decoded.text, true)],
        Format::Html => vec![raw_from_html(&decoded.text)],
        Format::Json | Format::JsonLines => {
            let read = if format == Format::Json {
                json::read_json(&decoded.text)
            } else {
                json::read_json_lines(&decoded.text)
            };
            let read = read.map_err(malformed)?;
            warnings.extend(read.warnings);
            read.articles
        }
    };
    let multi = raws.len() > 1 || format == Format::JsonLines;
    let mut articles = Vec::with_capacity(raws.len());
    for mut raw in raws {
        // Text fields of JSON exports often hold HTML.
        if matches!(format, Format::Json | Format::JsonLines) && looks_like_html(&raw.body) {
            let page = html::read_html(&raw.body);
            raw.body = page.text;
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
        if raw.body.len() > MAX_BODY_BYTES {
            let mut cut = MAX_BODY_BYTES;
            while !raw.body.is_char_boundary(cut) {
                cut -= 1;
            }
            raw.body.truncate(cut);
            warnings.push(format!("text cut to its first {} MB", MAX_BODY_BYTES >> 20));
        }
        let part = if multi { raw.item } else { 0 };
        articles.push(finish(raw, info, part, options));
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

fn looks_like_html(text: &str) -> bool {
    let head = text.get(..text.len().min(2000)).unwrap_or(text);
    ["<p>", "<p ", "<div", "<br", "</p>", "<html"]
        .iter()
        .any(|tag| head.contains(tag))
}

fn raw_from_html(html_text: &str) -> RawArticle {
    let page = html::read_html(html_text);
    let mut raw = RawArticle {
        title: page.title,
        body: page.text,
        declared_lang: page.lang,
        outlet: page.site_name,
        url: page.url,
        date_candidates: Vec::new(),
        page_text: Some(page.page_text),
        item: 0,
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
    }
}

/// Title fallback, language, date resolution and id.
fn finish(raw: RawArticle, info: &FileInfo, part: usize, options: &ReadOptions) -> Article {
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
    let declared = raw.declared_lang.as_deref().and_then(Lang::parse);
    let lang =
        declared.unwrap_or_else(|| lang::detect(&format!("{title}\n{}", raw.body), Lang::En));
    let date = resolve_date(
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
        title: title.trim().to_owned(),
        body: raw.body,
        lang,
        date,
        outlet: raw.outlet,
        url: raw.url,
    }
}

/// A metadata date candidate, parsed.
struct Parsed<'a> {
    date: PartialDate,
    value: &'a str,
    detail: &'a str,
}

/// Sources written by the publisher on purpose, as opposed to page text near a
/// "date" class or modification times.
fn is_strong(detail: &str) -> bool {
    !matches!(detail, "visible" | "modified")
}

/// "2023-11-09T06:35:29Z", "…+00:00", "… GMT": a timestamp given in UTC, whose
/// day may differ from the publisher's local day.
fn is_utc_stamp(value: &str) -> bool {
    let v = value.trim();
    v.contains(':')
        && (v.ends_with('Z')
            || v.ends_with("+00:00")
            || v.ends_with("+0000")
            || v.ends_with("GMT")
            || v.ends_with("UTC"))
}

/// Sign of a timestamp's UTC offset ("…T14:40:04-06:00" → -1); 0 when it has none.
fn offset_sign(value: &str) -> i32 {
    let v = value.trim();
    let Some(t) = v.find('T') else { return 0 };
    let time = &v[t..];
    if time.contains('+') {
        1
    } else if time.contains('-') {
        -1
    } else {
        0
    }
}

/// The hour of a UTC timestamp ("2023-11-09T06:35:29Z" → 6).
fn utc_hour(value: &str) -> Option<u32> {
    if !is_utc_stamp(value) {
        return None;
    }
    let colon = value.find(':')?;
    value.get(colon.checked_sub(2)?..colon)?.parse().ok()
}

/// Chooses among metadata dates: the first strong one, corrected to the
/// publisher's local day when another strong candidate gives it, and made more
/// precise when a month-only date has a day-precise twin.
fn choose_metadata_date<'p, 'a>(parsed: &'p [Parsed<'a>]) -> Option<&'p Parsed<'a>> {
    let strong: Vec<&Parsed> = parsed.iter().filter(|p| is_strong(p.detail)).collect();
    let first = strong
        .first()
        .copied()
        .or_else(|| parsed.iter().find(|p| p.detail == "visible"))?;
    let mut best = first;
    let is_day = |p: &Parsed| p.date.precision() == dates::Precision::Day;
    if let Some(hour) = utc_hour(best.value).filter(|_| is_day(best)) {
        // A timestamp in UTC may fall on the day after (or before) the publisher's
        // own day. Local evidence one day away corrects it: a URL date or a local
        // timestamp whose offset fits (only an early-morning UTC time can be the
        // previous day in the Americas, only an evening one the next day in Asia).
        let days = best.date.first_day_unix_days();
        let local = parsed
            .iter()
            .filter(|p| !matches!(p.detail, "modified" | "visible"))
            .find(|p| {
                let shift = p.date.first_day_unix_days() - days;
                let sign = offset_sign(p.value);
                is_day(p)
                    && !is_utc_stamp(p.value)
                    && ((shift == -1 && hour < 8 && sign <= 0)
                        || (shift == 1 && hour >= 13 && sign >= 0))
            });
        if let Some(local) = local {
            return Some(local);
        }
    }
    // The date shown to readers in a byline is the article's date for them: it
    // wins when a machine-readable date (published or modified) agrees with it,
    // or when it is the local day of a UTC timestamp.
    let shown: Vec<&Parsed> = parsed
        .iter()
        .filter(|p| p.detail == "visible" && is_day(p))
        .collect();
    if shown.first().is_some_and(|v| v.date == best.date) {
        return Some(best);
    }
    let machine_twin = |v: &&&Parsed| {
        parsed
            .iter()
            .any(|p| matches!(p.detail, "json-ld" | "meta" | "modified") && p.date == v.date)
    };
    if let Some(confirmed) = shown.iter().find(machine_twin) {
        return Some(confirmed);
    }
    if is_utc_stamp(best.value) && is_day(best) {
        let days = best.date.first_day_unix_days();
        if let Some(local) = shown
            .iter()
            .find(|v| (v.date.first_day_unix_days() - days).abs() == 1)
        {
            best = local;
        }
    }
    if best.date.precision() != dates::Precision::Day {
        let refined = parsed.iter().find(|p| {
            p.date.precision() == dates::Precision::Day
                && p.date.year == best.date.year
                && (best.date.month == 0 || p.date.month == best.date.month)
        });
        if let Some(refined) = refined {
            best = refined;
        }
    }
    Some(best)
}

/// Metadata first, then the file name, then the text, then (only when asked) the
/// file time. Nothing later than today (or, for text dates, the file time) is kept.
fn resolve_date(
    candidates: &[(String, String)],
    body: &str,
    page_text: Option<&str>,
    info: &FileInfo,
    lang: Lang,
    options: &ReadOptions,
) -> Option<PubDate> {
    let english = lang == Lang::En;
    let not_future = |d: &PartialDate| *d <= options.today;
    let parsed: Vec<Parsed> = candidates
        .iter()
        .filter_map(|(value, detail)| {
            let date = if detail == "url" {
                dates::date_from_path(value)
            } else {
                dates::parse_date_string(value, english)
            };
            date.filter(not_future).map(|date| Parsed {
                date,
                value,
                detail,
            })
        })
        .collect();
    if let Some(p) = choose_metadata_date(&parsed) {
        let mut date = p.date;
        if date.precision() != dates::Precision::Day {
            // "2016/12" in a URL: the text usually says which day.
            let texts = [Some(body), page_text];
            let refined = texts.into_iter().flatten().find_map(|text| {
                dates::find_written_dates(text)
                    .into_iter()
                    .map(|(_, d)| d)
                    .find(|d| {
                        d.precision() == dates::Precision::Day
                            && d.year == date.year
                            && (date.month == 0 || d.month == date.month)
                    })
            });
            date = refined.filter(not_future).unwrap_or(date);
        }
        return Some(PubDate {
            date,
            source: DateSource::Metadata,
            detail: p.detail.to_owned(),
        });
    }
    if let Some(date) = dates::date_from_path(&info.rel_path).filter(not_future) {
        return Some(PubDate {
            date,
            source: DateSource::Filename,
            detail: "path".to_owned(),
        });
    }
    let file_day = info.modified_day();
    // A file time before 1990 is an archive artefact, not evidence.
    let not_after = file_day
        .filter(|d| d.year >= 1990 && *d <= options.today)
        .unwrap_or(options.today);
    if let Some((date, kind)) = dates::date_from_text(body, not_after) {
        let detail = match kind {
            dates::TextDateKind::Dateline => "dateline",
            dates::TextDateKind::Labelled => "labelled",
            dates::TextDateKind::Written => "written",
            dates::TextDateKind::WeekdayInferred => "weekday-inferred",
        };
        return Some(PubDate {
            date,
            source: DateSource::Text,
            detail: detail.to_owned(),
        });
    }
    // A page's visible text outside the article (bylines, headers) often carries the date.
    if let Some(page_text) = page_text {
        let found = dates::find_written_dates(page_text)
            .into_iter()
            .find(|(_, d)| {
                d.precision() == dates::Precision::Day
                    && d.year >= 1995
                    && d.first_day_unix_days() <= not_after.first_day_unix_days()
            });
        if let Some((_, date)) = found {
            return Some(PubDate {
                date,
                source: DateSource::Text,
                detail: "page".to_owned(),
            });
        }
    }
    if let Some(p) = parsed.iter().find(|p| p.detail == "modified") {
        return Some(PubDate {
            date: p.date,
            source: DateSource::Metadata,
            detail: p.detail.to_owned(),
        });
    }
    if options.file_time_fallback {
        // A modification time after today (a wrong clock, a copy tool) dates nothing.
        let not_after = options.today.first_day_unix_days();
        return file_day
            .filter(|d| d.first_day_unix_days() <= not_after)
            .map(|date| PubDate {
                date,
                source: DateSource::FileTime,
                detail: "modified".to_owned(),
            });
    }
    None
}
