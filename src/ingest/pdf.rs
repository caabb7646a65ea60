//! PDF files: the text layer of every page (`pdf-extract` over `lopdf`), with
//! the lines a page layout adds undone — running headers and footers that repeat
//! on every page are dropped, words hyphenated at a line end are joined, lines
//! are joined into paragraphs. Title, author and creation date come from the
//! document information dictionary.
//!
//! A PDF whose pages carry no text (a scan) is reported as needing OCR, an
//! encrypted one as needing its password: neither is read silently as empty.

use std::sync::atomic::{AtomicBool, Ordering};

use super::{FILE_CREATED, Items, RawArticle};

/// Fewer visible characters per page than this: scanned images, not text.
const MIN_CHARS_PER_PAGE: usize = 40;

/// Reads a PDF's text layer.
pub fn read(bytes: &[u8]) -> Result<Items, String> {
    read_until(bytes, None)
}

/// Reads a PDF's text layer; stops between two pages once `cancel` is set
/// (a long PDF is not read to its end after the user cancelled).
pub fn read_until(bytes: &[u8], cancel: Option<&AtomicBool>) -> Result<Items, String> {
    let mut doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| format!("not a readable PDF ({e})"))?;
    // Many PDFs are encrypted only against editing and open with an empty
    // password, as every viewer does.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("encrypted PDF: it needs a password to be read".to_owned());
    }
    let pages = doc.get_pages();
    let mut items = Items::default();
    let mut texts = Vec::with_capacity(pages.len());
    for &number in pages.keys() {
        if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return Err(super::CANCELLED.to_owned());
        }
        let mut text = String::new();
        let mut output = pdf_extract::PlainTextOutput::new(&mut text);
        match pdf_extract::output_doc_page(&doc, &mut output, number) {
            Ok(()) => texts.push(text),
            Err(e) => items.warnings.push(format!("page {number} not read ({e})")),
        }
    }
    let visible: usize = texts
        .iter()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    if visible < MIN_CHARS_PER_PAGE * pages.len().max(1) {
        return Err(format!(
            "PDF without a text layer ({} page(s) of images): needs OCR",
            pages.len()
        ));
    }
    let mut raw = RawArticle {
        body: join_pages(&texts),
        ..RawArticle::default()
    };
    if let Some(info) = info_dictionary(&doc) {
        let field = |key: &[u8]| {
            info.get(key)
                .ok()
                .and_then(|o| pdf_extract::decode_text_string(o).ok())
                .map(|s| super::one_line(&s))
                .filter(|s| !s.is_empty())
        };
        // Generators often put the file name or "Microsoft Word - x.docx" here.
        raw.title = field(b"Title").filter(|t| !looks_like_file_name(t));
        raw.author = field(b"Author");
        if let Some(day) = field(b"CreationDate").and_then(|d| pdf_date(&d)) {
            raw.date_candidates.push((day, FILE_CREATED.to_owned()));
        }
    }
    items.articles.push(raw);
    Ok(items)
}

fn info_dictionary(doc: &pdf_extract::Document) -> Option<&pdf_extract::Dictionary> {
    let info = doc.trailer.get(b"Info").ok()?;
    match info {
        pdf_extract::Object::Reference(id) => doc.get_dictionary(*id).ok(),
        pdf_extract::Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

fn looks_like_file_name(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.starts_with("microsoft word")
        || [".doc", ".docx", ".pdf", ".odt", ".indd", ".rtf"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

/// "D:20240305103000+01'00'" → "2024-03-05".
fn pdf_date(value: &str) -> Option<String> {
    let digits = value.trim().strip_prefix("D:").unwrap_or(value.trim());
    let (y, m, d) = (digits.get(0..4)?, digits.get(4..6)?, digits.get(6..8)?);
    [y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{y}-{m}-{d}"))
}

/// A line with its digits masked: "Page 3 / 12" and "Page 4 / 12" are the same
/// running footer.
fn masked(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Pages' text → one body: running headers and footers dropped, paragraphs rebuilt.
pub fn join_pages(pages: &[String]) -> String {
    let pages: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().map(str::trim_end).collect())
        .collect();
    let running = running_lines(&pages);
    let mut lines: Vec<&str> = Vec::new();
    for page in &pages {
        let content: Vec<&str> = page
            .iter()
            .copied()
            .skip_while(|l| l.trim().is_empty())
            .collect();
        let mut kept: Vec<&str> = content
            .iter()
            .enumerate()
            .filter(|(i, line)| {
                let edge = *i < 3 || *i + 3 >= content.len();
                !(edge && running.contains(&masked(line)))
            })
            .map(|(_, l)| *l)
            .collect();
        while kept.last().is_some_and(|l| l.trim().is_empty()) {
            kept.pop();
        }
        let first = kept
            .iter()
            .position(|l| !l.trim().is_empty())
            .unwrap_or(kept.len());
        lines.extend(&kept[first..]);
        // A page break is a line break, not a paragraph break: sentences run on.
    }
    paragraphs(&lines)
}

/// Lines that stand at the top or bottom of at least half the pages (two at
/// least): running heads, page numbers, the outlet's name and URL.
fn running_lines(pages: &[Vec<&str>]) -> std::collections::HashSet<String> {
    use std::collections::{HashMap, HashSet};
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let content: Vec<&str> = page
            .iter()
            .copied()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let n = content.len();
        let edges: HashSet<String> = content
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 3 || *i + 3 >= n)
            .map(|(_, l)| masked(l))
            .collect();
        for line in edges {
            *counts.entry(line).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    counts
        .into_iter()
        .filter(|(line, n)| *n >= needed && !line.is_empty())
        .map(|(line, _)| line)
        .collect()
}

/// Lines → paragraphs separated by blank lines. A blank line ends a paragraph;
/// so does a short line that ends a sentence. A word cut by a hyphen at a line
/// end is joined ("négo-" + "ciations" → "négociations").
fn paragraphs(lines: &[&str]) -> String {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|n| *n > 0)
        .collect();
    lengths.sort_unstable();
    let typical = lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(0);
    let mut out = String::new();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, out: &mut String| {
        if !paragraph.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(paragraph);
            paragraph.clear();
        }
    };
    for line in lines {
        let line = super::one_line(line);
        if line.is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        let first_lower = line.chars().next().is_some_and(char::is_lowercase);
        if paragraph.ends_with('-')
            && first_lower
            && paragraph
                .chars()
                .rev()
                .nth(1)
                .is_some_and(char::is_alphabetic)
        {
            paragraph.pop();
        } else if !paragraph.is_empty() {
            paragraph.push(' ');
        }
        paragraph.push_str(&line);
        let ends_sentence = line.ends_with(['.', '!', '?', '»', '"', '”', ':']);
        if ends_sentence && line.chars().count() * 10 < typical * 8 {
            flush(&mut paragraph, &mut out);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_heads_go_hyphens_join_paragraphs_return() {
        let page = |n: usize, body: &str| {
            format!("Le Quotidien du Soir — édition du matin\n\n{body}\n\nPage {n} / 3\n")
        };
        let pages = vec![
            page(
                1,
                "La ministre a annoncé mardi l'ouverture de négo-\nciations avec les syndicats du secteur des transports publics.\nElle a précisé le calendrier.\n\nLe texte sera présenté en juin devant le Parlement et",
            ),
            page(
                2,
                "discuté en commission dès la semaine suivante par les députés de la majorité.",
            ),
            page(
                3,
                "Fin de l'article, avec une dernière phrase assez longue pour compter.",
            ),
        ];
        let body = join_pages(&pages);
        assert!(!body.contains("Quotidien du Soir"), "{body}");
        assert!(!body.contains("Page"), "{body}");
        assert!(body.contains("l'ouverture de négociations avec"), "{body}");
        assert!(
            body.contains("le Parlement et discuté en commission"),
            "{body}"
        );
        assert!(body.contains("le calendrier.\n\nLe texte"), "{body}");
    }

    #[test]
    fn dates_and_file_names() {
        assert_eq!(
            pdf_date("D:20240305103000+01'00'").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(pdf_date("2024"), None);
        assert!(looks_like_file_name("Microsoft Word - note.docx"));
        assert!(!looks_like_file_name("Les ports de la Baltique"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(read(b"%PDF-1.4\n%garbage").is_err());
        assert!(read(b"").is_err());
    }

    #[test]
    fn a_cancelled_read_stops_between_pages() {
        let pdf = include_bytes!("../../assets/sample/2024-05-21-report-en.pdf");
        let flag = AtomicBool::new(false);
        assert!(read_until(pdf, Some(&flag)).is_ok());
        flag.store(true, Ordering::Relaxed);
        assert_eq!(
            read_until(pdf, Some(&flag)).unwrap_err(),
            super::super::CANCELLED
        );
    }
}
