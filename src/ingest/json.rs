//! JSON and JSON-lines articles. Accepts one article object, an array of them,
//! a wrapper such as `{"articles": [...]}`, and the field names that news APIs,
//! scrapers and exports commonly use.

use serde_json::{Map, Value};

use super::{Items, RawArticle, one_line};

const TITLE_KEYS: &[&str] = &["title", "headline", "name", "titre", "heading", "subject"];
const TEXT_KEYS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "full_text",
    "fulltext",
    "maintext",
    "articleBody",
    "article_body",
    "texte",
    "contenu",
    "story",
    "description",
    "summary",
];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "publication_date",
    "datePublished",
    "date_published",
    "published_at",
    "publishedAt",
    "pubDate",
    "pub_date",
    "publish_date",
    "created_at",
    "createdAt",
    "timestamp",
    "time",
    "date_publish",
    "dateCreated",
    "seendate",
];
const URL_KEYS: &[&str] = &["url", "link", "href", "uri", "canonical_url", "permalink"];
const OUTLET_KEYS: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "newspaper",
    "site",
    "site_name",
    "siteName",
    "domain",
    "media",
    "journal",
];
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "authors",
    "byline",
    "creator",
    "auteur",
    "auteurs",
    "signature",
    "by",
];
const LANG_KEYS: &[&str] = &["lang", "language", "langue", "locale"];
const WRAPPER_KEYS: &[&str] = &[
    "articles",
    "data",
    "results",
    "items",
    "documents",
    "docs",
    "stories",
    "hits",
    "records",
];

/// Reads a `.json` file: an article object, an array of them, or a wrapper.
pub fn read_json(text: &str) -> Result<Items, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let mut out = Items {
        articles: Vec::new(),
        warnings: Vec::new(),
    };
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match wrapped_items(map) {
            Some(items) => items.iter().collect(),
            None => vec![&value],
        },
        _ => return Err("JSON is neither an article object nor an array of articles".to_owned()),
    };
    for (i, item) in items.into_iter().enumerate() {
        match article_from_value(item) {
            Ok(raw) => out.articles.push(RawArticle { item: i + 1, ..raw }),
            Err(why) => out.warnings.push(format!("item {}: {why}", i + 1)),
        }
    }
    if out.articles.is_empty() {
        let why = out
            .warnings
            .first()
            .cloned()
            .unwrap_or_else(|| "no articles".to_owned());
        return Err(format!("no article in JSON ({why})"));
    }
    Ok(out)
}

/// Reads JSON lines: one article object per line; bad lines are reported and skipped.
pub fn read_json_lines(text: &str) -> Result<Items, String> {
    let mut out = Items {
        articles: Vec::new(),
        warnings: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("invalid JSON: {e}"))
            .and_then(|v| article_from_value(&v));
        match result {
            Ok(raw) => out.articles.push(RawArticle { item: i + 1, ..raw }),
            Err(why) => out.warnings.push(format!("line {}: {why}", i + 1)),
        }
    }
    if out.articles.is_empty() {
        let why = out
            .warnings
            .first()
            .cloned()
            .unwrap_or_else(|| "no lines".to_owned());
        return Err(format!("no article in JSON lines ({why})"));
    }
    Ok(out)
}

fn wrapped_items(map: &Map<String, Value>) -> Option<&Vec<Value>> {
    // An object with article fields of its own is an article, not a wrapper.
    if TEXT_KEYS
        .iter()
        .any(|k| matches!(map.get(*k), Some(Value::String(_))))
    {
        return None;
    }
    WRAPPER_KEYS
        .iter()
        .find_map(|k| map.get(*k).and_then(Value::as_array))
}

/// Builds one article from a JSON object; wrong types are converted where sensible.
pub fn article_from_value(value: &Value) -> Result<RawArticle, String> {
    let Value::Object(map) = value else {
        return Err("not a JSON object".to_owned());
    };
    let text = first_text(map, TEXT_KEYS)
        .ok_or_else(|| "no text field (text, body, content, …)".to_owned())?;
    let mut raw = RawArticle {
        body: text,
        ..RawArticle::default()
    };
    raw.title = first_text(map, TITLE_KEYS).map(|t| one_line(&t));
    for key in DATE_KEYS {
        if let Some(value) = map.get(*key).and_then(scalar_text) {
            raw.date_candidates.push((value, format!("json:{key}")));
        }
    }
    raw.url = first_text(map, URL_KEYS);
    raw.outlet = first_text(map, OUTLET_KEYS).map(|t| one_line(&t));
    raw.declared_lang = first_text(map, LANG_KEYS);
    raw.author = first_text(map, AUTHOR_KEYS).map(|t| one_line(&t.replace("\n\n", ", ")));
    Ok(raw)
}

fn first_text(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| map.get(*k).and_then(text_of))
        .filter(|t| !t.trim().is_empty())
}

/// Text of a field: strings as they are, numbers as written, arrays of strings as
/// paragraphs, objects through their `name`/`text`/`value` member.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(text_of)
                .filter(|s| !s.trim().is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Value::Object(map) => ["name", "text", "value", "title", "@value"]
            .iter()
            .find_map(|k| map.get(*k).and_then(text_of)),
        Value::Bool(_) | Value::Null => None,
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(map) => map.get("$date").and_then(scalar_text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_shapes() {
        let cases = [
            (
                r#"{"title":"T","text":"Body","date":"2023-09-13","url":"http://x/a","source":"Reuters"}"#,
                1,
            ),
            (
                r#"[{"headline":"A","body":"x"},{"headline":"B","content":"y"}]"#,
                2,
            ),
            (r#"{"articles":[{"title":"A","text":"x"}]}"#, 1),
            (r#"{"data":[{"name":"A","articleBody":["p1","p2"]}]}"#, 1),
        ];
        for (json, n) in cases {
            let read = read_json(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(read.articles.len(), n, "{json}");
        }
        let one = &read_json(r#"{"title":"T","text":"Body","datePublished":"2023-09-13","publisher":{"name":"AFP"}}"#).unwrap().articles[0];
        assert_eq!(one.title.as_deref(), Some("T"));
        assert_eq!(one.outlet.as_deref(), Some("AFP"));
        assert_eq!(one.date_candidates[0].0, "2023-09-13");
    }

    #[test]
    fn wrong_types_and_broken_json() {
        let read =
            read_json(r#"[{"title":12,"text":"ok","date":20230913}, {"title":"no text"}, 7]"#)
                .unwrap();
        assert_eq!(read.articles.len(), 1);
        assert_eq!(read.articles[0].title.as_deref(), Some("12"));
        assert_eq!(read.warnings.len(), 2);
        assert!(read_json("{\"title\": \"x\", ").is_err());
        assert!(read_json("42").is_err());
        assert!(read_json("[]").is_err());
    }

    #[test]
    fn json_lines_skip_bad_lines() {
        let read =
            read_json_lines("{\"title\":\"a\",\"text\":\"x\"}\n\nnot json\n{\"text\":\"y\"}\n")
                .unwrap();
        assert_eq!(read.articles.len(), 2);
        assert_eq!(read.warnings.len(), 1);
        assert!(
            read.warnings[0].starts_with("line 3: invalid JSON"),
            "{:?}",
            read.warnings
        );
        assert!(read_json_lines("garbage\n").is_err());
    }
}
