//! HTML news pages: the article's main text, title and date candidates.
//!
//! A lenient, linear tokenizer (no recursion anywhere, so pages nested
//! thousands of levels deep are fine) feeds a single pass that drops scripts,
//! navigation, footers, comments and other boilerplate, collects text blocks
//! with their ancestry, and then picks the container that holds the article,
//! the way readability-style extractors do.

/// What was read from a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlPage {
    /// og:title, twitter:title, JSON-LD headline, `<title>` without its site suffix, or the first `<h1>`.
    pub title: Option<String>,
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// Declared language (`<html lang>`, og:locale, content-language).
    pub lang: Option<String>,
    /// Site name (og:site_name, JSON-LD publisher, application-name).
    pub site_name: Option<String>,
    /// Canonical URL or og:url.
    pub url: Option<String>,
    /// Authors (JSON-LD `author`, byline meta tags), joined by ", ".
    pub author: Option<String>,
    /// Raw date strings, most reliable first.
    pub date_candidates: Vec<DateCandidate>,
    /// The start (at most 256 KB) of all visible text, navigation and bylines included,
    /// for a last-resort date search.
    pub page_text: String,
}

/// Size limit of [`HtmlPage::page_text`].
const PAGE_TEXT_BYTES: usize = 256 * 1024;

/// A raw date string and where it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct DateCandidate {
    /// The raw value (a URL for [`DateSource::Url`]).
    pub value: String,
    /// Where it came from.
    pub source: DateSource,
}

/// Kinds of date evidence in a page, most reliable first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateSource {
    /// `datePublished` / `dateCreated` in JSON-LD.
    JsonLdPublished,
    /// A publication-date meta tag.
    MetaPublished,
    /// A `<time datetime>` element.
    TimeElement,
    /// A date in the page's canonical URL.
    Url,
    /// A modification date (used only when nothing else is found).
    Modified,
    /// Text of an element whose class or id says it holds the date.
    Visible,
    /// A date in the address of an image or media file: uploaded days before
    /// the article often, so weaker than a date shown on the page.
    ImageUrl,
}

/// Decodes character references with the full HTML5 table (`&eacute;`,
/// `&Icirc;`, `&#233;`, `&#xE9;`; `&#146;` is `’` as browsers read it).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    htmlize::unescape(s).into_owned()
}

/// One token of the markup.
pub(super) enum Event<'a> {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Text(&'a str),
    /// Content of a raw-text element (script, style, title, …), never article text.
    Raw {
        name: String,
        text: &'a str,
    },
}

/// Elements whose content is raw text up to their end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "title"
            | "textarea"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "template"
            | "svg"
            | "math"
    )
}

pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img"
            | "meta"
            | "link"
            | "input"
            | "hr"
            | "area"
            | "base"
            | "col"
            | "embed"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "br"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "pre"
            | "dd"
            | "dt"
            | "dl"
            | "figure"
            | "figcaption"
            | "hr"
            | "body"
            | "form"
            | "address"
            | "center"
    )
}

/// Elements whose content is never article text. With `strict` off, only the
/// unmistakable ones: some sites wrap the whole page in a `<form>` or `<header>`.
fn is_dropped(name: &str, strict: bool) -> bool {
    matches!(
        name,
        "nav"
            | "footer"
            | "aside"
            | "button"
            | "select"
            | "option"
            | "dialog"
            | "object"
            | "video"
            | "audio"
            | "canvas"
            | "map"
    ) || (strict && matches!(name, "form" | "label" | "header" | "menu"))
}

/// Finds the byte offset of `</name` (ASCII case-insensitive) from `from`.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let n = name.len();
    let mut i = from;
    while let Some(rel) = html.get(i..).and_then(|s| s.find("</")) {
        let at = i + rel;
        let candidate = bytes.get(at + 2..at + 2 + n)?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// Lenient tokenizer over a whole page; calls `f` for each event in order.
pub(super) fn tokenize<'a>(html: &'a str, mut f: impl FnMut(Event<'a>)) {
    let bytes = html.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    let mut text_start = 0;
    while i < len {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        let is_tag = next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?';
        if !is_tag {
            i += 1;
            continue;
        }
        if text_start < i {
            f(Event::Text(&html[text_start..i]));
        }
        if html[i..].starts_with("<!--") {
            i = html[i + 4..].find("-->").map_or(len, |e| i + 4 + e + 3);
            text_start = i;
            continue;
        }
        if next == b'!' || next == b'?' {
            i = html[i..].find('>').map_or(len, |e| i + e + 1);
            text_start = i;
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { i + 2 } else { i + 1 };
        let mut j = name_start;
        while j < len
            && (bytes[j].is_ascii_alphanumeric()
                || bytes[j] == b'-'
                || bytes[j] == b':'
                || bytes[j] == b'_')
        {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        // Attributes up to '>' (quotes may contain '>').
        let mut attrs = Vec::new();
        let mut k = j;
        let mut self_closing = false;
        loop {
            while k < len && (bytes[k].is_ascii_whitespace() || bytes[k] == b'/') {
                if bytes[k] == b'/' {
                    self_closing = true;
                }
                k += 1;
            }
            if k >= len || bytes[k] == b'>' {
                break;
            }
            self_closing = false;
            let a_start = k;
            while k < len && !bytes[k].is_ascii_whitespace() && bytes[k] != b'=' && bytes[k] != b'>'
            {
                k += 1;
            }
            let a_name = html[a_start..k].to_ascii_lowercase();
            while k < len && bytes[k].is_ascii_whitespace() {
                k += 1;
            }
            let mut value = String::new();
            if k < len && bytes[k] == b'=' {
                k += 1;
                while k < len && bytes[k].is_ascii_whitespace() {
                    k += 1;
                }
                if k < len && (bytes[k] == b'"' || bytes[k] == b'\'') {
                    let quote = bytes[k];
                    let v_start = k + 1;
                    let v_end = bytes[v_start..]
                        .iter()
                        .position(|b| *b == quote)
                        .map_or(len, |p| v_start + p);
                    value = decode_entities(&html[v_start..v_end]);
                    k = (v_end + 1).min(len);
                } else {
                    let v_start = k;
                    while k < len && !bytes[k].is_ascii_whitespace() && bytes[k] != b'>' {
                        k += 1;
                    }
                    value = decode_entities(&html[v_start..k]);
                }
            }
            if !a_name.is_empty() && attrs.len() < 64 {
                attrs.push((a_name, value));
            }
        }
        i = (k + 1).min(len);
        text_start = i;
        if closing {
            f(Event::End { name });
            continue;
        }
        // Browsers ignore "/>" on HTML elements: `<script .../>` still opens a script.
        let raw = is_raw_text(&name) && !(self_closing && matches!(name.as_str(), "svg" | "math"));
        f(Event::Start {
            name: name.clone(),
            attrs,
            self_closing,
        });
        if raw {
            let end = find_end_tag(html, i, &name).unwrap_or(len);
            if end > i {
                f(Event::Raw {
                    name: name.clone(),
                    text: &html[i..end],
                });
            }
            f(Event::End { name });
            i = html[end..].find('>').map_or(len, |e| end + e + 1);
            text_start = i;
        }
    }
    if text_start < len {
        f(Event::Text(&html[text_start..]));
    }
}

pub(super) fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Words of class/id/role that mark boilerplate.
const BOILERPLATE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "comment",
    "comments",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "promo",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "popup",
    "modal",
    "widget",
    "recommended",
    "recommend",
    "recirculation",
    "outbrain",
    "taboola",
    "tags",
    "tag-list",
    "author-bio",
    "bio",
    "masthead",
    "banner",
    "skip",
    "sponsored",
    "most-read",
    "mostread",
    "trending",
    "paywall",
    "login",
    "signup",
    "toolbar",
    "pagination",
    "complementary",
    "contentinfo",
    "print",
    "hidden",
    "visually-hidden",
    "sr-only",
    "caption",
    "credit",
];
/// Substrings of class/id that mark the article body.
const BODY_HINTS: &[&str] = &[
    "article-body",
    "articlebody",
    "article__body",
    "article-content",
    "article_content",
    "entry-content",
    "post-content",
    "post-body",
    "story-body",
    "storybody",
    "story-content",
    "article-text",
    "articletext",
    "body-text",
    "main-content",
    "text-content",
];

fn class_words(attrs: &[(String, String)]) -> String {
    let mut s = String::new();
    for key in ["class", "id", "role"] {
        if let Some(v) = attr(attrs, key) {
            s.push(' ');
            s.push_str(&v.to_ascii_lowercase());
        }
    }
    s
}

fn is_body_hint(words: &str, attrs: &[(String, String)]) -> bool {
    attr(attrs, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        || BODY_HINTS.iter().any(|h| words.contains(h))
}

fn is_boilerplate(words: &str, attrs: &[(String, String)]) -> bool {
    if attr(attrs, "hidden").is_some() || attr(attrs, "aria-hidden").is_some_and(|v| v == "true") {
        return true;
    }
    if attr(attrs, "style").is_some_and(|s| {
        s.replace(' ', "")
            .to_ascii_lowercase()
            .contains("display:none")
    }) {
        return true;
    }
    words
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|w| {
            BOILERPLATE.contains(&w)
                || w.split('-').any(|part| {
                    matches!(
                        part,
                        "comment"
                            | "comments"
                            | "sidebar"
                            | "related"
                            | "newsletter"
                            | "share"
                            | "social"
                            | "breadcrumb"
                            | "promo"
                            | "advert"
                            | "cookie"
                            | "footer"
                            | "nav"
                            | "menu"
                    )
                })
        })
}

/// An open element on the stack.
struct Open {
    name: String,
    id: u32,
}

/// A block of text with the elements it sits in.
struct Block {
    text: String,
    link_chars: usize,
    /// Ids of enclosing elements, innermost last (at most the last 32).
    ancestors: Vec<u32>,
}

/// Maximum depth of the element stack; deeper elements are not tracked.
const MAX_DEPTH: usize = 512;

/// Reads a page.
pub fn read_html(html: &str) -> HtmlPage {
    let page = read_with(html, true);
    // Class names can mislead (a wrapper called "header-nav-container" around the
    // whole page): when they leave almost nothing, read again trusting tags only.
    if page.text.chars().count() < 250 {
        let loose = read_with(html, false);
        if loose.text.chars().count() > page.text.chars().count() {
            return loose;
        }
    }
    page
}

fn read_with(html: &str, use_class_hints: bool) -> HtmlPage {
    let mut page = HtmlPage::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut next_id: u32 = 1;
    // Depth (stack length) at which a dropped subtree started; text is ignored inside.
    let mut dropped_at: Option<usize> = None;
    let mut blocks: Vec<Block> = Vec::new();
    let mut buf = String::new();
    let mut buf_links = 0usize;
    let mut link_depth: Option<usize> = None;
    let mut in_title = false;
    let mut title_tag = String::new();
    let mut first_h1: Option<String> = None;
    let mut h1_buf: Option<String> = None;
    let mut body_ids: Vec<(u32, bool)> = Vec::new(); // (id, is article/main rather than an explicit body hint)
    // Class words of the block containers, by element id.
    let mut classes: std::collections::HashMap<u32, String> = std::collections::HashMap::new();
    let mut json_ld: Vec<String> = Vec::new();
    let mut in_json_ld = false;
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut time_publish: Vec<String> = Vec::new();
    let mut time_other: Vec<String> = Vec::new();
    let mut visible: Vec<String> = Vec::new();
    let mut visible_capture: Option<(usize, String)> = None;
    let mut page_text = String::new();
    let mut image_urls: Vec<String> = Vec::new();

    let flush = |buf: &mut String, links: &mut usize, blocks: &mut Vec<Block>, stack: &[Open]| {
        let text = buf.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            let from = stack.len().saturating_sub(32);
            blocks.push(Block {
                text,
                link_chars: *links,
                ancestors: stack[from..].iter().map(|o| o.id).collect(),
            });
        }
        buf.clear();
        *links = 0;
    };

    tokenize(html, |event| match event {
        Event::Start {
            name,
            attrs,
            self_closing,
        } => {
            match name.as_str() {
                "html" => {
                    if let Some(lang) = attr(&attrs, "lang").or_else(|| attr(&attrs, "xml:lang")) {
                        page.lang.get_or_insert_with(|| lang.to_owned());
                    }
                }
                "meta" => {
                    let key = attr(&attrs, "property")
                        .or_else(|| attr(&attrs, "name"))
                        .or_else(|| attr(&attrs, "itemprop"))
                        .or_else(|| attr(&attrs, "http-equiv"));
                    let value = attr(&attrs, "content").or_else(|| attr(&attrs, "datetime"));
                    if let (Some(key), Some(value)) = (key, value) {
                        meta.push((key.to_ascii_lowercase(), value.trim().to_owned()));
                    }
                }
                "link" => {
                    if attr(&attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                        && let Some(href) = attr(&attrs, "href")
                    {
                        page.url.get_or_insert_with(|| href.to_owned());
                    }
                }
                "title" => in_title = dropped_at.is_none() || stack.iter().all(|o| o.name != "svg"),
                "img" | "a" if image_urls.len() < 8 => {
                    if let Some(link) = attr(&attrs, "data-permalink") {
                        image_urls.push(link.to_owned());
                    }
                }
                "script" => {
                    in_json_ld = attr(&attrs, "type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                }
                "time" => {
                    if let Some(dt) = attr(&attrs, "datetime").filter(|d| !d.trim().is_empty()) {
                        let words = class_words(&attrs)
                            + " "
                            + &attr(&attrs, "itemprop")
                                .unwrap_or_default()
                                .to_ascii_lowercase();
                        let publishy = attr(&attrs, "pubdate").is_some()
                            || ["publish", "posted", "created"]
                                .iter()
                                .any(|w| words.contains(w));
                        let modified = ["modif", "updat"].iter().any(|w| words.contains(w));
                        if publishy {
                            time_publish.push(dt.trim().to_owned());
                        } else if !modified && dropped_at.is_none() {
                            time_other.push(dt.trim().to_owned());
                        }
                    }
                }
                _ => {}
            }
            if is_void(&name) || self_closing {
                if name == "br" || name == "hr" {
                    flush(&mut buf, &mut buf_links, &mut blocks, &stack);
                }
                return;
            }
            if is_block(&name) {
                // A new block closes an open paragraph (browsers do the same).
                if matches!(stack.last(), Some(o) if o.name == "p") && name != "br" {
                    flush(&mut buf, &mut buf_links, &mut blocks, &stack);
                    stack.pop();
                } else {
                    flush(&mut buf, &mut buf_links, &mut blocks, &stack);
                }
                if name == "li" && matches!(stack.last(), Some(o) if o.name == "li") {
                    stack.pop();
                }
            }
            if stack.len() >= MAX_DEPTH {
                return;
            }
            let id = next_id;
            next_id = next_id.wrapping_add(1);
            let words = class_words(&attrs);
            if !words.is_empty() && matches!(name.as_str(), "div" | "section" | "article" | "main")
            {
                classes.insert(id, words.clone());
            }
            if dropped_at.is_none() {
                let hint = is_body_hint(&words, &attrs);
                if hint || name == "article" || name == "main" {
                    body_ids.push((id, !hint));
                } else if is_dropped(&name, use_class_hints)
                    || (use_class_hints
                        && !matches!(name.as_str(), "html" | "body")
                        && is_boilerplate(&words, &attrs))
                {
                    dropped_at = Some(stack.len());
                }
            }
            if dropped_at.is_none() && (words.contains("time") || words.contains("date")) {
                // <div class="news-time-ago" title="2020-09-20T14:20:02Z">: a machine date in an attribute.
                let stamp = [
                    "title",
                    "data-date",
                    "data-time",
                    "data-timestamp",
                    "content",
                ]
                .iter()
                .filter_map(|a| attr(&attrs, a))
                .find(|v| v.len() < 40 && v.bytes().filter(u8::is_ascii_digit).count() >= 8);
                if let Some(stamp) = stamp.filter(|_| time_other.len() < 16) {
                    time_other.push(stamp.trim().to_owned());
                }
            }
            if visible_capture.is_none()
                && dropped_at.is_none()
                && [
                    "date",
                    "byline",
                    "published",
                    "posted",
                    "timestamp",
                    "dateline",
                ]
                .iter()
                .any(|w| words.contains(w))
            {
                visible_capture = Some((stack.len(), String::new()));
            }
            if name == "a" && link_depth.is_none() {
                link_depth = Some(stack.len());
            }
            if name == "h1" && first_h1.is_none() {
                h1_buf = Some(String::new());
            }
            stack.push(Open { name, id });
        }
        Event::End { name } => {
            if name == "title" {
                in_title = false;
            }
            if name == "script" {
                in_json_ld = false;
            }
            // Close up to the matching open element, if it is near the top.
            let Some(pos) = stack
                .iter()
                .rev()
                .take(64)
                .position(|o| o.name == name)
                .map(|p| stack.len() - 1 - p)
            else {
                if name == "p" || name == "br" {
                    flush(&mut buf, &mut buf_links, &mut blocks, &stack);
                }
                return;
            };
            if is_block(&name) || stack[pos..].iter().any(|o| is_block(&o.name)) {
                flush(&mut buf, &mut buf_links, &mut blocks, &stack);
            }
            stack.truncate(pos);
            if dropped_at.is_some_and(|d| stack.len() <= d) {
                dropped_at = None;
            }
            if link_depth.is_some_and(|d| stack.len() <= d) {
                link_depth = None;
            }
            if let Some((depth, text)) = &visible_capture
                && stack.len() <= *depth
            {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() && text.len() < 200 && text.chars().any(|c| c.is_ascii_digit())
                {
                    visible.push(text);
                }
                visible_capture = None;
            }
            if name == "h1"
                && let Some(h) = h1_buf.take()
            {
                let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
                if !h.is_empty() {
                    first_h1 = Some(h);
                }
            }
        }
        Event::Raw { name, text } => {
            if name == "title" && in_title {
                title_tag.push_str(text);
            } else if name == "script" && in_json_ld {
                json_ld.push(text.to_owned());
            }
        }
        Event::Text(raw) => {
            let text = decode_entities(raw);
            if let Some(h) = &mut h1_buf {
                h.push_str(&text);
            }
            if let Some((_, v)) = &mut visible_capture
                && v.len() < 400
            {
                v.push_str(&text);
            }
            if page_text.len() < PAGE_TEXT_BYTES {
                page_text.push_str(&text);
                page_text.push(' ');
            }
            if dropped_at.is_some() {
                return;
            }
            if link_depth.is_some() {
                buf_links += text.trim().chars().count();
            }
            buf.push_str(&text);
        }
    });
    flush(&mut buf, &mut buf_links, &mut blocks, &stack);

    let linked = super::jsonld::read(&json_ld);
    page.text = main_text(&blocks, &body_ids, &classes);
    if let Some(body) = linked
        .body
        .as_deref()
        .and_then(|b| body_if_fuller(b, &page.text))
    {
        page.text = body;
    }
    if page.text.trim().is_empty() {
        // Pages rendered by scripts have no text in their markup; their summary is
        // better than nothing for search and dating.
        page.text = meta_value(
            &meta,
            &["og:description", "description", "twitter:description"],
        )
        .map(|d| {
            decode_entities(d)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    }
    page.page_text = page_text.split_whitespace().collect::<Vec<_>>().join(" ");
    fill_metadata(&mut page, &meta, &linked, title_tag.trim(), first_h1);
    fill_dates(
        &mut page,
        &meta,
        &linked,
        time_publish,
        time_other,
        visible,
        &image_urls,
    );
    page
}

/// Picks the blocks of the article.
/// The JSON-LD `articleBody`, as paragraphs, when it holds clearly more words
/// than the text found in the markup (pages that load their text by script,
/// or split it over elements the markup reading misses).
fn body_if_fuller(body: &str, markup_text: &str) -> Option<String> {
    let words = |s: &str| s.split_whitespace().count();
    let (from_ld, from_markup) = (words(body), words(markup_text));
    if from_ld < 150 || from_ld * 10 < from_markup * 13 + 500 {
        return None;
    }
    let body = if body.contains("</p>") || body.contains("<br") {
        read_with(body, false).text
    } else {
        body.to_owned()
    };
    let paragraphs: Vec<String> = body
        .split('\n')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    Some(paragraphs.join("\n\n"))
}

fn main_text(
    blocks: &[Block],
    body_ids: &[(u32, bool)],
    classes: &std::collections::HashMap<u32, String>,
) -> String {
    let good = |b: &Block| {
        let chars = b.text.chars().count();
        // Lists of links (menus, "read more") are not article text.
        !(b.link_chars * 2 > chars && chars < 200) && b.link_chars * 10 < chars * 8
    };
    let text_in = |id: u32| -> usize {
        blocks
            .iter()
            .filter(|b| b.ancestors.contains(&id) && good(b))
            .map(|b| b.text.len())
            .sum()
    };
    let total: usize = blocks
        .iter()
        .filter(|b| good(b))
        .map(|b| b.text.len())
        .sum();
    // 1. Explicit article-body markers, then <article>/<main>, if they hold enough text.
    let mut chosen: Option<u32> = None;
    for explicit in [true, false] {
        let best = body_ids
            .iter()
            .filter(|(_, semantic)| *semantic != explicit)
            .map(|(id, _)| (*id, text_in(*id)))
            .max_by_key(|(_, n)| *n);
        if let Some((id, n)) = best
            && (n >= 200 || (n > 0 && n * 2 >= total))
        {
            chosen = Some(id);
            break;
        }
    }
    // 2. Otherwise score containers by the paragraphs they hold.
    if chosen.is_none() {
        let mut scores: std::collections::HashMap<u32, f64> = std::collections::HashMap::new();
        for b in blocks.iter().filter(|b| good(b)) {
            let chars = b.text.chars().count();
            if chars < 25 {
                continue;
            }
            let commas = b.text.matches([',', '،']).count() as f64;
            let link_density = b.link_chars as f64 / chars as f64;
            let score = (1.0 + commas + (chars as f64 / 100.0).min(3.0)) * (1.0 - link_density);
            let n = b.ancestors.len();
            if n >= 1 {
                *scores.entry(b.ancestors[n - 1]).or_default() += score;
            }
            if n >= 2 {
                *scores.entry(b.ancestors[n - 2]).or_default() += score / 2.0;
            }
            if n >= 3 {
                *scores.entry(b.ancestors[n - 3]).or_default() += score / 4.0;
            }
        }
        chosen = scores
            .into_iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(id, _)| id);
    }
    // Containers of the same class as the chosen one: an article whose text is
    // split into sections between figures or advertisements.
    let same_class: Vec<u32> = chosen
        .and_then(|id| classes.get(&id).map(|class| (id, class)))
        .map(|(id, class)| {
            classes
                .iter()
                .filter(|(other, c)| **other != id && *c == class)
                .map(|(other, _)| *other)
                .collect()
        })
        .unwrap_or_default();
    let selected: Vec<&str> = match chosen {
        Some(id) => blocks
            .iter()
            .filter(|b| {
                (b.ancestors.contains(&id) || b.ancestors.iter().any(|a| same_class.contains(a)))
                    && good(b)
            })
            .map(|b| b.text.as_str())
            .collect(),
        None => Vec::new(),
    };
    let selected = if selected.is_empty() {
        blocks
            .iter()
            .filter(|b| good(b))
            .map(|b| b.text.as_str())
            .collect()
    } else {
        selected
    };
    selected.join("\n\n")
}

fn meta_value<'a>(meta: &'a [(String, String)], keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        meta.iter()
            .find(|(n, v)| n == k && !v.is_empty())
            .map(|(_, v)| v.as_str())
    })
}

fn fill_metadata(
    page: &mut HtmlPage,
    meta: &[(String, String)],
    linked: &super::jsonld::LinkedData,
    title_tag: &str,
    first_h1: Option<String>,
) {
    let site = meta_value(meta, &["og:site_name", "application-name", "twitter:site"])
        .map(str::to_owned)
        .or_else(|| linked.publisher.clone());
    page.site_name = site
        .map(|s| s.trim().trim_start_matches('@').to_owned())
        .filter(|s| !s.is_empty());
    if page.url.is_none() {
        page.url = meta_value(meta, &["og:url"]).map(str::to_owned);
    }
    if page.lang.is_none() {
        page.lang = meta_value(
            meta,
            &["og:locale", "content-language", "language", "dc.language"],
        )
        .map(str::to_owned)
        .or_else(|| linked.lang.clone());
    }
    page.author = byline(meta, linked);
    let title_tag = decode_entities(title_tag)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let from_tag = strip_site_suffix(&title_tag, page.site_name.as_deref());
    let title = meta_value(meta, &["og:title", "twitter:title"])
        .map(decode_entities)
        .or_else(|| linked.headline.clone())
        .or_else(|| (!from_tag.is_empty()).then_some(from_tag))
        .or(first_h1);
    page.title = title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
}

/// The authors: JSON-LD first, then the byline meta tags. Web addresses (as
/// `article:author` often holds) are no names.
fn byline(meta: &[(String, String)], linked: &super::jsonld::LinkedData) -> Option<String> {
    if !linked.authors.is_empty() {
        return Some(linked.authors.join(", "));
    }
    const KEYS: &[&str] = &[
        "author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "article:author",
    ];
    KEYS.iter()
        .filter_map(|k| meta_value(meta, &[k]))
        .map(|v| {
            decode_entities(v)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .map(|v| {
            let v = v
                .strip_prefix("By ")
                .or_else(|| v.strip_prefix("Par "))
                .unwrap_or(&v);
            v.trim_start_matches('@').to_owned()
        })
        .find(|v| !v.is_empty() && !v.contains("://") && !v.starts_with("www."))
}

/// "Headline | Site" → "Headline" when the suffix is the site name or short.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if (is_site || tail.split_whitespace().count() <= 4)
                && head.split_whitespace().count() >= 3
            {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

fn fill_dates(
    page: &mut HtmlPage,
    meta: &[(String, String)],
    linked: &super::jsonld::LinkedData,
    time_publish: Vec<String>,
    time_other: Vec<String>,
    visible: Vec<String>,
    image_urls: &[String],
) {
    let mut out: Vec<DateCandidate> = Vec::new();
    let mut push = |value: &str, source: DateSource| {
        let value = value.trim();
        if !value.is_empty() && !out.iter().any(|c| c.value == value && c.source == source) {
            out.push(DateCandidate {
                value: value.to_owned(),
                source,
            });
        }
    };
    for date in &linked.published {
        push(date, DateSource::JsonLdPublished);
    }
    const PUBLISHED: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "article.published",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "publication-date",
        "published-date",
        "published_time",
        "date.published",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.created",
        "dc.date.created",
        "dc.date",
        "dcterms.date",
        "date",
        "sailthru.date",
        "parsely-pub-date",
        "cxenseparse:recs:publishtime",
        "article_date_original",
        "original-publish-date",
        "displaydate",
        "dc.created",
        "citation_publication_date",
        "citation_date",
        "bt:pubdate",
        "pub_date",
        "release_date",
        "created",
    ];
    for key in PUBLISHED {
        for (k, v) in meta {
            if k == key {
                push(v, DateSource::MetaPublished);
            }
        }
    }
    for t in &time_publish {
        push(t, DateSource::TimeElement);
    }
    if let Some(url) = page.url.clone()
        && url.bytes().filter(|b| b.is_ascii_digit()).count() >= 6
    {
        push(&url, DateSource::Url);
    }
    for t in &time_other {
        push(t, DateSource::TimeElement);
    }
    for v in &visible {
        push(v, DateSource::Visible);
    }
    // Uploads are filed by date: an og:image or permalink under /2016/05/04/.
    for url in image_urls
        .iter()
        .map(String::as_str)
        .chain(meta_value(meta, &["og:image", "twitter:image"]))
    {
        if url.bytes().filter(|b| b.is_ascii_digit()).count() >= 6 {
            push(url, DateSource::ImageUrl);
        }
    }
    if let Some(date) = &linked.modified {
        push(date, DateSource::Modified);
    }
    for key in [
        "article:modified_time",
        "og:updated_time",
        "last-modified",
        "dcterms.modified",
        "datemodified",
        "lastmod",
    ] {
        for (k, v) in meta {
            if k == key {
                push(v, DateSource::Modified);
            }
        }
    }
    page.date_candidates = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities(
                "caf&eacute; &amp; th&#233; &#xE9;&hellip; &laquo;x&raquo; &unknown; & done"
            ),
            "café & thé é… «x» &unknown; & done"
        );
        assert_eq!(
            decode_entities("&#0; &#x110000; &#146;"),
            "\u{FFFD} \u{FFFD} ’"
        );
        // The whole HTML5 table, not a hand list.
        assert_eq!(
            decode_entities("&Icirc;le &Ucirc; &Yuml; &OElig;uvre &ccedil;a &rsquo;&nbsp;&euro;"),
            "Île Û Ÿ Œuvre ça ’\u{a0}€"
        );
    }

    #[test]
    fn title_sources_and_suffix() {
        let page = read_html(
            "<html><head><title>Big news today | Daily Planet</title><meta property=\"og:site_name\" content=\"Daily Planet\"></head><body><p>x</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Big news today"));
        assert_eq!(page.site_name.as_deref(), Some("Daily Planet"));
        let page =
            read_html("<meta property='og:title' content='OG &amp; title'><title>Other</title>");
        assert_eq!(page.title.as_deref(), Some("OG & title"));
        let page = read_html(
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"From \\\"LD\\\"\",\"datePublished\":\"2020-05-01T10:00:00Z\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"LD Times\"}}]}</script><body><h1>H1</h1></body>",
        );
        assert_eq!(page.title.as_deref(), Some("From \"LD\""));
        assert_eq!(page.site_name.as_deref(), Some("LD Times"));
        assert_eq!(
            page.date_candidates[0],
            DateCandidate {
                value: "2020-05-01T10:00:00Z".into(),
                source: DateSource::JsonLdPublished
            }
        );
        assert_eq!(
            read_html("<body><h1>Only &eacute;h1</h1><p>t</p></body>")
                .title
                .as_deref(),
            Some("Only éh1")
        );
    }

    #[test]
    fn date_candidates_in_order() {
        let html = r#"<html lang="fr-FR"><head>
            <meta property="article:modified_time" content="2021-02-02">
            <meta name="date" content="2021-01-01">
            <link rel="canonical" href="https://ex.org/2020/12/31/story">
            </head><body><article><time datetime="2019-01-01">x</time><p>Texte de l'article assez long pour compter comme un paragraphe.</p></article>
            <div class="byline">Publié le 3 mars 2020</div></body></html>"#;
        let page = read_html(html);
        let sources: Vec<(DateSource, &str)> = page
            .date_candidates
            .iter()
            .map(|c| (c.source, c.value.as_str()))
            .collect();
        assert_eq!(
            sources,
            vec![
                (DateSource::MetaPublished, "2021-01-01"),
                (DateSource::Url, "https://ex.org/2020/12/31/story"),
                (DateSource::TimeElement, "2019-01-01"),
                (DateSource::Visible, "Publié le 3 mars 2020"),
                (DateSource::Modified, "2021-02-02"),
            ]
        );
        assert_eq!(page.lang.as_deref(), Some("fr-FR"));
        assert_eq!(page.url.as_deref(), Some("https://ex.org/2020/12/31/story"));
    }

    #[test]
    fn boilerplate_is_removed() {
        let html = r#"<html><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div id="cookie-banner">We use cookies to improve your experience on this site.</div>
            <div class="content"><div class="article-body">
              <p>The first paragraph of the story, long enough to be article text, with commas, clauses, and more.</p>
              <p>The second paragraph continues the story with <a href="/x">a link</a> inside it.</p>
            </div>
            <div class="related-articles"><ul><li><a href="/a">Another story you may like</a></li></ul></div>
            <section class="comments"><p>First comment: this article is great and I agree with everything.</p></section>
            </div>
            <footer>Copyright 2024 Example</footer>
            <script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
            </body></html>"#;
        let page = read_html(html);
        assert!(
            page.text.starts_with("The first paragraph"),
            "{}",
            page.text
        );
        assert!(
            page.text.contains("with a link inside it."),
            "{}",
            page.text
        );
        for noise in [
            "Home",
            "cookies",
            "Another story",
            "First comment",
            "Copyright",
            "not text",
            "color",
        ] {
            assert!(!page.text.contains(noise), "{noise} in {}", page.text);
        }
        assert_eq!(page.text.matches("\n\n").count(), 1);
    }

    #[test]
    fn scoring_without_markers() {
        let para = "Le gouvernement a présenté mardi un projet de loi, qui prévoit des mesures nouvelles, selon le ministre. ";
        let html = format!(
            "<body><div class='top'><a href='/'>Accueil</a><a href='/b'>Politique</a></div><div class='x'><div class='y'><p>{}</p><p>{}</p><p>{}</p></div></div><div class='z'><p>Court.</p></div></body>",
            para, para, para
        );
        let page = read_html(&html);
        assert_eq!(
            page.text.matches("Le gouvernement").count(),
            3,
            "{}",
            page.text
        );
        assert!(!page.text.contains("Accueil"));
    }

    #[test]
    fn broken_and_hostile_markup() {
        for html in [
            "",
            "<",
            "<<<>>>",
            "<p>unclosed <b>bold <i>italic",
            "<!-- unterminated comment <p>x</p>",
            "<div attr=\"unterminated>text",
            "</p></div></html>",
            "<script>never closed",
            "\u{0}\u{1}binary\u{ffff}",
            "<a href='x'>link only</a>",
            "<p>a &#9999999999; b &",
        ] {
            let _ = read_html(html);
        }
        let page = read_html("<p>One<p>Two<div>Three</div>");
        assert_eq!(page.text, "One\n\nTwo\n\nThree");
        let deep = format!(
            "{}<p>Deep text about fishing quotas and the harbour.</p>",
            "<div>".repeat(100_000)
        );
        let started = std::time::Instant::now();
        let page = read_html(&deep);
        assert!(page.text.contains("fishing quotas"), "{}", page.text);
        assert!(started.elapsed().as_secs() < 5);
        let spans = format!("{}text", "<span>".repeat(100_000));
        assert!(read_html(&spans).text.contains("text"));
    }
}
