//! Press-database exports: one file, many articles, each with its own title,
//! outlet, date and author.
//!
//! - **Europresse** (HTML): one `<article>` per item; the outlet in
//!   `DocPublicationName`, the date line in `DocHeader` ("France, mercredi
//!   11 septembre 2024 134 mots, p. 11"), the title in `titreArticleVisu`, the
//!   author in `docAuthors` or the `sm-margin-bottomNews` line after the title,
//!   the text in `DocText`/`docOcurrContainer`; `aside` and `footer` are not text.
//! - **Nexis Uni** (DOCX, RTF): items end with "End of Document"; title, outlet
//!   and date line come first, then `Label: value` lines (Byline, Length,
//!   Section), "Body", the text, and "Load-Date:".
//! - **Factiva** (RTF, HTML): items end with "Document" and the accession number;
//!   either labelled fields (HD title, BY author, PD date, SN source, LA
//!   language, LP and TD text) or, unlabelled, title, author, word count, date,
//!   time, source, source code, page, language, copyright, then the text.
//!
//! Field names and layouts are the exports' documented structure, as the
//! parsers of research groups describe it (sources in `assets/README.md`).

use super::html::{self, Event};
use super::office::Paragraph;
use super::{Items, RawArticle, dates, one_line};

/// Detail recorded for dates given by an export's own fields.
const EXPORT_DATE: &str = "export";

/// Splits an HTML export (Europresse, Factiva); `None` for an ordinary page.
pub fn split_html(page: &str) -> Option<Items> {
    if page.contains("DocPublicationName") && page.contains("<article") {
        return europresse(page);
    }
    if page.contains("articleParagraph") {
        return split_paragraphs(&html_paragraphs(page));
    }
    None
}

/// Splits the paragraphs of a DOCX or RTF export (Nexis Uni, Factiva); `None`
/// for an ordinary document.
pub fn split_paragraphs(paragraphs: &[Paragraph]) -> Option<Items> {
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.trim()).collect();
    if texts.contains(&"End of Document") {
        return nonempty(nexis(&texts));
    }
    if texts.iter().any(|t| factiva_document_id(t).is_some()) {
        return nonempty(factiva(&texts));
    }
    None
}

fn nonempty(items: Items) -> Option<Items> {
    (!items.articles.is_empty()).then_some(items)
}

/// Numbers articles from 1 and marks them as coming from `format`.
fn push(items: &mut Items, mut raw: RawArticle, format: &'static str) {
    if raw.body.trim().is_empty() {
        items
            .warnings
            .push(format!("item {}: no text", items.articles.len() + 1));
        return;
    }
    raw.item = items.articles.len() + 1;
    raw.format = Some(format);
    items.articles.push(raw);
}

/// The first full date written in `line`, as a date candidate.
fn date_in(line: &str) -> Option<(String, String)> {
    let (_, date) = dates::find_written_dates(line)
        .into_iter()
        .find(|(_, d)| d.precision() == dates::Precision::Day)?;
    Some((date.to_iso(), EXPORT_DATE.to_owned()))
}

// ---------------------------------------------------------------- Europresse

/// The part of a Europresse item a piece of text belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Outlet,
    Header,
    Title,
    Author,
    Body,
    DocNumber,
    Skip,
}

fn europresse_part(class: &str, name: &str) -> Option<Part> {
    Some(if class.contains("DocPublicationName") {
        Part::Outlet
    } else if class.contains("DocHeader") {
        Part::Header
    } else if class.contains("titreArticleVisu") || class.contains("TitreArticleVisu") {
        Part::Title
    } else if class.contains("docAuthors") || class.contains("sm-margin-bottomNews") {
        Part::Author
    } else if class.contains("publiC-lblNodoc") {
        Part::DocNumber
    } else if class.contains("docOcurrContainer") || class.contains("DocText") {
        Part::Body
    } else if matches!(name, "aside" | "footer") || class.contains("rdp__subtitle") {
        Part::Skip
    } else {
        return None;
    })
}

#[derive(Default)]
struct EuropresseItem {
    outlet: String,
    header: String,
    title: String,
    author: String,
    doc_number: String,
    body: Vec<String>,
}

fn europresse(page: &str) -> Option<Items> {
    let mut items = Items::default();
    let mut current: Option<EuropresseItem> = None;
    // Open elements inside the current item, with the part each one starts.
    let mut stack: Vec<(String, Option<Part>)> = Vec::new();
    let mut paragraph = String::new();
    html::tokenize(page, |event| match event {
        Event::Start {
            name,
            attrs,
            self_closing,
        } => {
            if name == "article" {
                if let Some(item) = current.take() {
                    push(&mut items, europresse_article(item), "europresse");
                }
                current = Some(EuropresseItem::default());
                stack.clear();
                return;
            }
            if current.is_none() {
                return;
            }
            if html::is_block(&name) || name == "br" {
                end_paragraph(&mut paragraph, current.as_mut(), &stack);
            }
            if !self_closing && !html::is_void(&name) {
                let part = europresse_part(html::attr(&attrs, "class").unwrap_or(""), &name);
                stack.push((name, part));
            }
        }
        Event::End { name } => {
            if name == "article" {
                end_paragraph(&mut paragraph, current.as_mut(), &stack);
                if let Some(item) = current.take() {
                    push(&mut items, europresse_article(item), "europresse");
                }
                stack.clear();
                return;
            }
            if current.is_none() {
                return;
            }
            if html::is_block(&name) {
                end_paragraph(&mut paragraph, current.as_mut(), &stack);
            }
            if let Some(at) = stack.iter().rposition(|(n, _)| *n == name) {
                stack.truncate(at);
            }
        }
        Event::Text(text) => {
            if current.is_some() {
                paragraph.push_str(&html::decode_entities(text));
                paragraph.push(' ');
            }
        }
        Event::Raw { .. } => {}
    });
    if let Some(item) = current.take() {
        push(&mut items, europresse_article(item), "europresse");
    }
    nonempty(items)
}

/// Sends the text gathered since the last block boundary to the part the
/// innermost marked element says.
fn end_paragraph(
    paragraph: &mut String,
    item: Option<&mut EuropresseItem>,
    stack: &[(String, Option<Part>)],
) {
    let text = one_line(paragraph);
    paragraph.clear();
    let (Some(item), false) = (item, text.is_empty()) else {
        return;
    };
    let part = stack.iter().rev().find_map(|(_, p)| *p);
    // A Skip anywhere above wins over the body (notes inside the text block).
    if stack.iter().any(|(_, p)| *p == Some(Part::Skip)) && part != Some(Part::DocNumber) {
        return;
    }
    let field = match part {
        Some(Part::Outlet) => &mut item.outlet,
        Some(Part::Header) => &mut item.header,
        Some(Part::Title) => &mut item.title,
        // The line under the title is the author; lines before it are rubrics.
        Some(Part::Author) if !item.title.is_empty() && item.body.is_empty() => &mut item.author,
        Some(Part::DocNumber) => &mut item.doc_number,
        Some(Part::Body) => {
            item.body.push(text);
            return;
        }
        _ => return,
    };
    if !field.is_empty() {
        field.push(' ');
    }
    field.push_str(&text);
}

fn europresse_article(item: EuropresseItem) -> RawArticle {
    let mut raw = RawArticle {
        title: Some(item.title).filter(|t| !t.is_empty()),
        author: Some(item.author).filter(|a| !a.is_empty()),
        ..RawArticle::default()
    };
    // "La Croix, no. 43018" → "La Croix".
    let outlet = item.outlet.split(", no").next().unwrap_or("").trim();
    raw.outlet = Some(outlet.to_owned()).filter(|o| !o.is_empty());
    // "news·20240911·LM·…": the date field of the document number is the surest.
    if let Some(day) = item
        .doc_number
        .split('·')
        .nth(1)
        .filter(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
    {
        raw.date_candidates.push((
            format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]),
            EXPORT_DATE.to_owned(),
        ));
    }
    raw.date_candidates.extend(date_in(&item.header));
    // A web article ends with "Cet article est paru dans …" and its address.
    let body: Vec<String> = item
        .body
        .into_iter()
        .filter(|p| !p.starts_with("Cet article est paru dans"))
        .collect();
    raw.body = body.join("\n\n");
    raw
}

// ------------------------------------------------------------------ Nexis Uni

fn nexis(texts: &[&str]) -> Items {
    let mut items = Items::default();
    let mut start = 0;
    for (end, _) in texts
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == "End of Document")
    {
        if let Some(raw) = nexis_article(&texts[start..end]) {
            push(&mut items, raw, "nexis");
        }
        start = end + 1;
    }
    items
}

/// A `Label: value` line (labels end with a colon and, in Nexis, a no-break space).
fn labelled<'t>(line: &'t str, label: &str) -> Option<&'t str> {
    let rest = line.strip_prefix(label)?.strip_prefix(':')?;
    Some(rest.trim_matches(|c: char| c.is_whitespace()))
}

/// "Load-Date: …", "Date and Time: …": a label, not a date line.
fn is_label_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, _)| {
        !label.is_empty()
            && label
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    })
}

fn nexis_article(lines: &[&str]) -> Option<RawArticle> {
    let body_at = lines.iter().position(|l| matches!(*l, "Body" | "Text"))?;
    let header: Vec<&str> = lines[..body_at]
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .collect();
    // The date line follows the outlet, which follows the title; a cover page
    // (search terms, a list of titles) may come before them in the first item.
    let date_at = header
        .iter()
        .position(|l| date_in(l).is_some() && !is_label_line(l))?;
    let mut raw = RawArticle::default();
    raw.date_candidates.extend(date_in(header[date_at]));
    raw.outlet = date_at.checked_sub(1).map(|i| header[i].to_owned());
    raw.title = date_at.checked_sub(2).map(|i| header[i].to_owned());
    for line in &header[date_at..] {
        if let Some(author) = labelled(line, "Byline").or_else(|| labelled(line, "Author")) {
            raw.author = Some(author.to_owned());
        }
    }
    let body: Vec<&str> = lines[body_at + 1..]
        .iter()
        .copied()
        .take_while(|l| labelled(l, "Load-Date").is_none() && *l != "Classification")
        .filter(|l| !l.is_empty())
        .collect();
    raw.body = body.join("\n\n");
    Some(raw)
}

// -------------------------------------------------------------------- Factiva

/// "Document LEMOND0020240205ek250001d" → the accession number.
fn factiva_document_id(line: &str) -> Option<&str> {
    let line = line.strip_prefix("AN ").unwrap_or(line).trim();
    let id = ["Document ", "Dokument ", "Documento "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?
        .trim();
    (id.len() >= 16 && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(id)
}

/// Labels of the indexed Factiva format.
const FACTIVA_LABELS: &[&str] = &[
    "SE", "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "VOL", "LA", "CY", "LP",
    "TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "CLM",
];

fn factiva(texts: &[&str]) -> Items {
    let mut items = Items::default();
    let mut start = 0;
    for (end, _) in texts
        .iter()
        .enumerate()
        .filter(|(_, t)| factiva_document_id(t).is_some())
    {
        let lines: Vec<&str> = texts[start..end]
            .iter()
            .copied()
            .filter(|l| !l.is_empty())
            .collect();
        let labelled = lines
            .iter()
            .any(|l| split_label(l).is_some_and(|(label, _)| label == "HD"));
        let raw = if labelled {
            factiva_labelled(&lines)
        } else {
            factiva_plain(&lines)
        };
        if let Some(raw) = raw {
            push(&mut items, raw, "factiva");
        }
        start = end + 1;
    }
    items
}

/// "HD Le titre" or "HD" alone → ("HD", "Le titre" or "").
fn split_label(line: &str) -> Option<(&str, &str)> {
    let (label, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    FACTIVA_LABELS
        .contains(&label)
        .then(|| (label, rest.trim()))
}

fn factiva_labelled(lines: &[&str]) -> Option<RawArticle> {
    let mut fields: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in lines {
        match split_label(line) {
            Some((label, rest)) => fields.push((
                label,
                vec![rest].into_iter().filter(|r| !r.is_empty()).collect(),
            )),
            None => {
                if let Some((_, values)) = fields.last_mut() {
                    values.push(line);
                }
            }
        }
    }
    let get = |label: &str| {
        fields
            .iter()
            .find(|(l, _)| *l == label)
            .map(|(_, v)| v.join(" "))
            .filter(|v| !v.is_empty())
    };
    let mut raw = RawArticle {
        title: get("HD"),
        author: get("BY"),
        outlet: get("SN"),
        declared_lang: get("LA").map(|l| language_code(&l)),
        ..RawArticle::default()
    };
    raw.date_candidates
        .extend(get("PD").and_then(|d| date_in(&d)));
    let body: Vec<&str> = fields
        .iter()
        .filter(|(l, _)| matches!(*l, "LP" | "TD"))
        .flat_map(|(_, v)| v.iter().copied())
        .collect();
    raw.body = body.join("\n\n");
    Some(raw)
}

/// "Français" / "French" / "English" → "fr" / "en"; other names as given.
fn language_code(name: &str) -> String {
    match name.trim().to_lowercase().as_str() {
        "français" | "french" | "francais" => "fr".to_owned(),
        "english" | "anglais" => "en".to_owned(),
        other => other.to_owned(),
    }
}

fn is_word_count(line: &str) -> bool {
    let mut parts = line.split_whitespace();
    let (Some(n), Some(unit), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    n.chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && matches!(unit, "words" | "mots" | "Wörter" | "palabras" | "parole")
}

/// "Marie Dupont", "Par Jean Martin et Anne Roy", "By Ana de la Cruz": short,
/// capitalised words, no sentence punctuation.
fn looks_like_byline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let joiners = [
        "par", "by", "et", "and", "de", "la", "le", "du", "van", "von", "der", "da",
    ];
    (1..=8).contains(&words.len())
        && !line.ends_with(['.', '?', '!', ':'])
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| c == ',' || c == ';');
            joiners.contains(&w.to_lowercase().as_str())
                || w.chars().next().is_some_and(char::is_uppercase)
        })
}

fn factiva_plain(lines: &[&str]) -> Option<RawArticle> {
    let count_at = lines.iter().position(|l| is_word_count(l))?;
    // Title, then an optional author line, then the word count.
    let before = &lines[..count_at];
    let author = before
        .last()
        .filter(|l| before.len() >= 2 && looks_like_byline(l));
    let title_at = before
        .len()
        .checked_sub(if author.is_some() { 2 } else { 1 })?;
    let mut raw = RawArticle {
        title: Some(before[title_at].to_owned()),
        author: author.map(|a| (*a).to_owned()),
        ..RawArticle::default()
    };
    // After the count: date, an optional time, source, source code, an optional
    // page, language, copyright; the text follows the copyright line.
    let meta_end = (count_at + 1..lines.len().min(count_at + 9)).find(|&i| {
        let l = lines[i].to_lowercase();
        l.starts_with("copyright") || l.starts_with("(c)") || l.starts_with('©')
    })?;
    let meta = &lines[count_at + 1..meta_end];
    raw.date_candidates
        .extend(meta.first().and_then(|d| date_in(d)));
    let is_time = |l: &str| l.len() <= 8 && l.contains(':');
    let rest: Vec<&str> = meta
        .iter()
        .copied()
        .skip(1)
        .filter(|l| !is_time(l))
        .collect();
    raw.outlet = rest.first().map(|s| (*s).to_owned());
    raw.declared_lang = rest.last().map(|l| language_code(l));
    raw.body = lines[meta_end + 1..].join("\n\n");
    Some(raw)
}

/// An HTML export as paragraphs: the text of each block element and table cell.
fn html_paragraphs(page: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        let text = one_line(current);
        current.clear();
        if !text.is_empty() {
            out.push(Paragraph {
                text,
                heading: false,
            });
        }
    };
    html::tokenize(page, |event| match event {
        Event::Start { name, .. } | Event::End { name }
            if html::is_block(&name) || matches!(name.as_str(), "br" | "td" | "th") =>
        {
            flush(&mut current);
        }
        Event::Text(text) => {
            current.push_str(&html::decode_entities(text));
            current.push(' ');
        }
        _ => {}
    });
    flush(&mut current);
    out
}

#[cfg(test)]
#[path = "press_tests.rs"]
mod tests;
