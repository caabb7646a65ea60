//! Plain text and Markdown articles: optional front matter, title from the first
//! heading or first meaningful line, body = the rest of the file as written.

use super::RawArticle;

/// Reads a `.txt` / `.md` article. The body keeps the title line so that quote
/// offsets point into exactly what the user sees in the file.
pub fn read_text(text: &str, markdown: bool) -> RawArticle {
    let mut raw = RawArticle::default();
    let body = match split_front_matter(text) {
        Some((fields, rest)) => {
            for (key, value) in fields {
                apply_field(&mut raw, &key, value);
            }
            rest
        }
        None => text,
    };
    if raw.title.is_none() {
        raw.title = title_from_lines(body, markdown);
    }
    raw.body = body.trim_matches(|c: char| c.is_whitespace()).to_owned();
    raw
}

fn apply_field(raw: &mut RawArticle, key: &str, value: String) {
    match key {
        "title" | "headline" => raw.title = Some(value),
        "date" | "published" | "publication_date" | "pubdate" | "datepublished" => {
            raw.date_candidates.push((value, "front-matter".to_owned()));
        }
        "source" | "outlet" | "publisher" | "site" => raw.outlet = Some(value),
        "url" | "link" => raw.url = Some(value),
        "author" | "authors" | "byline" | "by" | "auteur" => raw.author = Some(value),
        "lang" | "language" => raw.declared_lang = Some(value),
        _ => {}
    }
}

/// `---` (YAML style) or `+++` front matter with `key: value` / `key = "value"` lines.
fn split_front_matter(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let trimmed = text.trim_start_matches('\u{feff}');
    let fence = if trimmed.starts_with("---") {
        "---"
    } else if trimmed.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let after_open = trimmed.get(3..)?;
    let after_open = after_open
        .strip_prefix('\r')
        .unwrap_or(after_open)
        .strip_prefix('\n')?;
    let mut fields = Vec::new();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim();
        if line == fence {
            return Some((fields, after_open.get(offset..).unwrap_or_default()));
        }
        let Some((key, value)) = line.split_once(':').or_else(|| line.split_once('=')) else {
            continue;
        };
        let value = value
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .trim()
            .to_owned();
        if !value.is_empty() {
            fields.push((key.trim().to_ascii_lowercase(), value));
        }
        if offset > 16 * 1024 {
            break; // Not front matter after all: a lone "---" rule in a long text.
        }
    }
    None
}

/// Lines that carry labels rather than a headline.
const LABEL_PREFIXES: &[&str] = &[
    "date",
    "publié",
    "publie",
    "published",
    "updated",
    "mis à jour",
    "mis a jour",
    "photo",
    "crédit",
    "credit",
    "source",
    "par ",
    "by ",
    "lire aussi",
    "read more",
];

/// First Markdown heading, else the first line that reads like a headline
/// (at least two words, not a label such as "date 2023-07" or "Photo : …").
/// A long first paragraph is cut at its first sentence.
pub fn title_from_lines(body: &str, markdown: bool) -> Option<String> {
    if markdown {
        let heading = body.lines().map(str::trim).find(|l| l.starts_with('#'));
        if let Some(heading) = heading {
            let title = heading.trim_start_matches('#').trim();
            if !title.is_empty() {
                return Some(title.to_owned());
            }
        }
    }
    let mut fallback = None;
    for line in body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(12)
    {
        let line = line.trim_start_matches('#').trim();
        fallback.get_or_insert(line);
        let lower = line.to_lowercase();
        let words = line.split_whitespace().count();
        if words < 2 || LABEL_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            continue;
        }
        return Some(shorten_title(line));
    }
    fallback.map(shorten_title)
}

/// Cuts a paragraph used as a title at its first sentence end, or at about 160
/// characters on a word boundary.
pub fn shorten_title(line: &str) -> String {
    const MAX_CHARS: usize = 160;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (i, (at, c)) in chars.iter().enumerate() {
        if i > MAX_CHARS {
            break;
        }
        if matches!(c, '.' | '!' | '?') && i > 20 {
            // A sentence ends at ". X" or at ".X" (missing space after the period).
            let next = chars.get(i + 1).map(|(_, c)| *c);
            let next2 = chars.get(i + 2).map(|(_, c)| *c);
            let ends = match next {
                None => true,
                Some(n) if n.is_uppercase() => true,
                Some(n) if n.is_whitespace() => {
                    next2.is_none_or(|n2| n2.is_uppercase() || !n2.is_alphanumeric())
                }
                _ => false,
            };
            if ends {
                return line[..at + c.len_utf8()].to_owned();
            }
        }
    }
    if chars.len() <= MAX_CHARS {
        return line.to_owned();
    }
    let cut = chars.get(MAX_CHARS).map_or(line.len(), |(at, _)| *at);
    let head = &line[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_plain_text() {
        let cases = [
            (
                "Les États-Unis mettent en garde\nJAKARTA - Les États-Unis…",
                "Les États-Unis mettent en garde",
            ),
            (
                "in\n\nLes États-Unis affirment que la Corée du Nord\n\nTexte",
                "Les États-Unis affirment que la Corée du Nord",
            ),
            (
                " date 2023-07 Photo : YONHAP News\n\nLes Etats-Unis accuse la Russie de soutenir un programme, après la visite à Pyeongyang.Lors d'un briefing régulier…",
                "Les Etats-Unis accuse la Russie de soutenir un programme, après la visite à Pyeongyang.",
            ),
            ("# Heading\nbody", "Heading"),
            ("solo", "solo"),
        ];
        for (text, title) in cases {
            assert_eq!(
                read_text(text, false).title.as_deref(),
                Some(title),
                "{text}"
            );
        }
    }

    #[test]
    fn front_matter_fields() {
        let raw = read_text(
            "---\ntitle: \"Hello world\"\ndate: 2023-09-13\nsource: Le Monde\nlang: fr\n---\n\nBody text here.\n",
            true,
        );
        assert_eq!(raw.title.as_deref(), Some("Hello world"));
        assert_eq!(
            raw.date_candidates,
            vec![("2023-09-13".to_owned(), "front-matter".to_owned())]
        );
        assert_eq!(raw.outlet.as_deref(), Some("Le Monde"));
        assert_eq!(raw.declared_lang.as_deref(), Some("fr"));
        assert_eq!(raw.body, "Body text here.");
    }

    #[test]
    fn markdown_heading_wins_and_long_lines_are_cut() {
        assert_eq!(
            read_text("Intro line here\n## The real title\ntext", true)
                .title
                .as_deref(),
            Some("The real title")
        );
        let long = "mot ".repeat(100);
        let title = shorten_title(long.trim());
        assert!(
            title.ends_with('…') && title.chars().count() <= 162,
            "{title}"
        );
    }
}
