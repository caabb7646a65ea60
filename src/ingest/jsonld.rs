//! The JSON-LD blocks of a page (`<script type="application/ld+json">`), parsed
//! with `serde_json`: what they say about the article — headline, dates,
//! authors, publisher, body and language.
//!
//! Blocks are often sloppy (raw line breaks inside strings, HTML comments or
//! CDATA around them, a trailing semicolon); those are repaired before parsing.
//! A block that still does not parse is skipped.

use serde_json::{Map, Value};

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LinkedData {
    /// `headline` (or `name`) of the article.
    pub headline: Option<String>,
    /// `datePublished`, `dateCreated`, `uploadDate` values, the article's first.
    pub published: Vec<String>,
    /// `dateModified`.
    pub modified: Option<String>,
    /// Names of the `author` (or `creator`) entries, in order, without duplicates.
    pub authors: Vec<String>,
    /// `publisher.name`.
    pub publisher: Option<String>,
    /// `articleBody`.
    pub body: Option<String>,
    /// `inLanguage`, e.g. "fr-FR".
    pub lang: Option<String>,
}

/// Object types that describe the article itself rather than the site, a
/// breadcrumb or a person.
fn is_article_type(object: &Map<String, Value>) -> bool {
    let is_article = |t: &str| {
        t.ends_with("Article") || matches!(t, "BlogPosting" | "Report" | "LiveBlogPosting")
    };
    match object.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// Reads every block; the first article object wins, other objects fill gaps.
pub fn read(blocks: &[String]) -> LinkedData {
    let values: Vec<Value> = blocks.iter().filter_map(|b| parse_block(b)).collect();
    let mut objects: Vec<&Map<String, Value>> = Vec::new();
    for value in &values {
        collect_objects(value, &mut objects);
    }
    // Article objects first, then the rest, each group in document order.
    let (articles, others): (Vec<_>, Vec<_>) =
        objects.into_iter().partition(|o| is_article_type(o));
    let ordered: Vec<&Map<String, Value>> = articles.iter().chain(&others).copied().collect();
    let first_string = |key: &str| ordered.iter().find_map(|o| o.get(key).and_then(text_of));
    let mut data = LinkedData {
        headline: articles
            .iter()
            .find_map(|o| {
                o.get("headline")
                    .or_else(|| o.get("name"))
                    .and_then(text_of)
            })
            .or_else(|| first_string("headline")),
        modified: first_string("dateModified"),
        publisher: ordered
            .iter()
            .find_map(|o| o.get("publisher").and_then(|p| names(p).into_iter().next())),
        body: articles
            .iter()
            .find_map(|o| o.get("articleBody").and_then(text_of)),
        lang: ordered
            .iter()
            .find_map(|o| o.get("inLanguage").and_then(language_of)),
        ..LinkedData::default()
    };
    for key in ["datePublished", "dateCreated", "uploadDate"] {
        for object in &ordered {
            if let Some(date) = object.get(key).and_then(text_of)
                && !data.published.contains(&date)
            {
                data.published.push(date);
            }
        }
    }
    if let Some(author) = articles
        .iter()
        .find_map(|o| o.get("author").or_else(|| o.get("creator")))
    {
        for name in names(author) {
            if !data.authors.contains(&name) {
                data.authors.push(name);
            }
        }
    }
    data
}

/// Parses one block, repairing the usual damage first.
fn parse_block(block: &str) -> Option<Value> {
    let mut text = block.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    let text = text.trim_end_matches(';');
    serde_json::from_str(text).ok().or_else(|| {
        // Raw control characters are invalid inside JSON strings and harmless
        // (white space) outside them.
        let repaired: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&repaired).ok()
    })
}

/// Every object in `value`, depth-first in document order (arrays and `@graph` included).
fn collect_objects<'v>(value: &'v Value, out: &mut Vec<&'v Map<String, Value>>) {
    // An explicit stack: hostile pages may nest thousands of levels deep.
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                out.push(map);
                let children: Vec<&Value> = map
                    .iter()
                    .filter(|(k, _)| k.as_str() != "author" && k.as_str() != "publisher")
                    .map(|(_, v)| v)
                    .filter(|v| v.is_object() || v.is_array())
                    .collect();
                stack.extend(children.into_iter().rev());
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
}

/// A non-empty string, trimmed, with HTML character references decoded.
fn text_of(value: &Value) -> Option<String> {
    let s = value.as_str()?.trim();
    (!s.is_empty()).then(|| super::html::decode_entities(s))
}

/// Names in a person or organisation value: a string, an object with `name`, or
/// an array of those. Web addresses are not names.
fn names(value: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::Object(o) => o.get("name").and_then(|n| match n {
            Value::Array(parts) => parts.first().and_then(text_of),
            other => text_of(other),
        }),
        other => text_of(other),
    };
    let all: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    all.into_iter()
        .map(|n| super::one_line(&n))
        .filter(|n| !n.contains("://") && !n.starts_with("www."))
        .collect()
}

/// `"fr-FR"` or `{"@type": "Language", "alternateName": "fr", "name": "French"}`.
fn language_of(value: &Value) -> Option<String> {
    match value {
        Value::Object(o) => o
            .get("alternateName")
            .or_else(|| o.get("name"))
            .and_then(text_of),
        Value::Array(items) => items.first().and_then(language_of),
        other => text_of(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_article_object_of_a_graph() {
        let block = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Le Site","publisher":{"@type":"Organization","name":"Le Journal"}},
            {"@type":["NewsArticle"],"headline":"L\u00e9gislatives : la gauche s'unit",
             "datePublished":"2024-06-10T08:00:00+02:00","dateModified":"2024-06-11T09:00:00+02:00",
             "author":[{"@type":"Person","name":"Marie  Dupont"},{"@type":"Person","name":"Jean Martin"},
                       {"@type":"Person","name":"Marie Dupont"}],
             "inLanguage":"fr-FR","articleBody":"Texte &amp; suite."}]}"#;
        let data = read(&[block.to_owned()]);
        assert_eq!(
            data.headline.as_deref(),
            Some("Législatives : la gauche s'unit")
        );
        assert_eq!(data.published, ["2024-06-10T08:00:00+02:00"]);
        assert_eq!(data.modified.as_deref(), Some("2024-06-11T09:00:00+02:00"));
        assert_eq!(data.authors, ["Marie Dupont", "Jean Martin"]);
        assert_eq!(data.publisher.as_deref(), Some("Le Journal"));
        assert_eq!(data.body.as_deref(), Some("Texte & suite."));
        assert_eq!(data.lang.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn repairs_sloppy_blocks_and_skips_broken_ones() {
        let sloppy = "<!--\n{\"@type\":\"Article\",\"headline\":\"Line\nbreak\",\"author\":\"https://x.com/a\",\n\"datePublished\":\"2020-01-02\"};\n-->";
        let data = read(&[sloppy.to_owned(), "{\"broken\": ".to_owned()]);
        assert_eq!(data.headline.as_deref(), Some("Line break"));
        assert_eq!(data.published, ["2020-01-02"]);
        assert!(data.authors.is_empty(), "a web address is no name");
        assert_eq!(read(&["[[[[".to_owned()]), LinkedData::default());
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(read(&[deep]), LinkedData::default());
    }
}
