//! Word (`.docx`) and OpenDocument (`.odt`) files: zip archives of XML, read
//! with `zip` and `quick-xml`. Paragraphs become paragraphs, a heading or title
//! paragraph the title; the document properties give title, author, language
//! and the date the file was made. An export holding many articles (Nexis Uni)
//! is split by [`super::press`].
//!
//! Parts are read with a size limit, so a zip bomb is refused, not unpacked.

use std::io::Read as _;

use quick_xml::events::{BytesStart, Event};

use super::{FILE_CREATED, Items, RawArticle, one_line, press};

/// The largest XML part unpacked (the text of a 10,000-page book is far less).
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// One paragraph of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Its text, runs joined.
    pub text: String,
    /// A heading or title style.
    pub heading: bool,
}

/// Document properties (also RTF's `\info`).
#[derive(Debug, Default)]
pub(super) struct Properties {
    pub(super) title: Option<String>,
    pub(super) author: Option<String>,
    pub(super) created: Option<String>,
    pub(super) lang: Option<String>,
}

/// Reads a `.docx` file.
pub fn read_docx(bytes: &[u8]) -> Result<Items, String> {
    let mut zip = open(bytes, "Word document")?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| "not a Word document (no word/document.xml)".to_owned())?;
    let paragraphs = docx_paragraphs(&document)?;
    let properties = match part(&mut zip, "docProps/core.xml")? {
        Some(core) => properties(&core),
        None => Properties::default(),
    };
    Ok(assemble(paragraphs, properties))
}

/// Reads an `.odt` file.
pub fn read_odt(bytes: &[u8]) -> Result<Items, String> {
    let mut zip = open(bytes, "OpenDocument text")?;
    let content = part(&mut zip, "content.xml")?
        .ok_or_else(|| "not an OpenDocument text (no content.xml)".to_owned())?;
    let paragraphs = odt_paragraphs(&content)?;
    let properties = match part(&mut zip, "meta.xml")? {
        Some(meta) => properties(&meta),
        None => Properties::default(),
    };
    Ok(assemble(paragraphs, properties))
}

type Zip<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

fn open<'a>(bytes: &'a [u8], what: &str) -> Result<Zip<'a>, String> {
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        format!("not a readable {what} ({e}; password-protected files and old .doc files are not zip archives)")
    })
}

/// The text of one part of the archive; `None` when it is absent.
fn part(zip: &mut Zip, name: &str) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot unpack {name} ({e})")),
    };
    let too_big = || {
        format!(
            "{name} unpacks to more than {} MB: not read",
            MAX_PART_BYTES >> 20
        )
    };
    if file.size() > MAX_PART_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    // The declared size may lie: the limit holds while unpacking.
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot unpack {name} ({e})"))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes)
        .map(|s| Some(super::decode::to_nfc(s)))
        .map_err(|_| format!("{name} is not UTF-8 XML"))
}

/// Calls `on_tag` with each element's name and, for a start, the element
/// (`None` for an end; an empty element comes as both), and `on_text` with each
/// piece of text, character references resolved.
fn walk_xml(
    xml: &str,
    mut on_tag: impl FnMut(&[u8], Option<&BytesStart>),
    mut on_text: impl FnMut(&str),
) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => on_tag(e.name().as_ref(), Some(&e)),
            Ok(Event::Empty(e)) => {
                on_tag(e.name().as_ref(), Some(&e));
                on_tag(e.name().as_ref(), None);
            }
            Ok(Event::End(e)) => on_tag(e.name().as_ref(), None),
            Ok(Event::Text(t)) => on_text(&t.decode().map_err(|e| format!("bad XML text ({e})"))?),
            Ok(Event::CData(t)) => on_text(&String::from_utf8_lossy(&t)),
            Ok(Event::GeneralRef(r)) => {
                let name = r.decode().map_err(|e| format!("bad XML reference ({e})"))?;
                if let Some(c) = r.resolve_char_ref().ok().flatten() {
                    on_text(c.encode_utf8(&mut [0; 4]));
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                    on_text(s);
                }
            }
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "broken XML at byte {} ({e})",
                    reader.error_position()
                ));
            }
        }
    }
}

/// The value of attribute `name` ("w:val").
fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn docx_paragraphs(xml: &str) -> Result<Vec<Paragraph>, String> {
    use std::cell::{Cell, RefCell};
    let mut paragraphs = Vec::new();
    let mut current: Option<Paragraph> = None;
    let in_text = Cell::new(false);
    let text = RefCell::new(String::new());
    walk_xml(
        xml,
        |name, start| match (name, start) {
            (b"w:p", Some(_)) => {
                current = Some(Paragraph {
                    text: String::new(),
                    heading: false,
                });
                text.borrow_mut().clear();
            }
            (b"w:p", None) => {
                if let Some(mut p) = current.take() {
                    p.text = one_line(&text.borrow());
                    paragraphs.push(p);
                }
            }
            (b"w:pStyle", Some(e)) => {
                let style = attribute(e, "w:val").unwrap_or_default().to_lowercase();
                if let Some(p) = current.as_mut() {
                    p.heading = style == "title"
                        || style.starts_with("heading")
                        || style.starts_with("titre");
                }
            }
            (b"w:t", start) => in_text.set(start.is_some()),
            (b"w:tab" | b"w:br" | b"w:cr", Some(_)) => text.borrow_mut().push(' '),
            _ => {}
        },
        |t| {
            if in_text.get() {
                text.borrow_mut().push_str(t);
            }
        },
    )?;
    Ok(paragraphs)
}

fn odt_paragraphs(xml: &str) -> Result<Vec<Paragraph>, String> {
    use std::cell::{Cell, RefCell};
    let mut paragraphs = Vec::new();
    let text = RefCell::new(String::new());
    let depth = Cell::new(0usize);
    let skip = Cell::new(0usize);
    let mut heading = false;
    walk_xml(
        xml,
        |name, start| match (name, start) {
            (b"text:p" | b"text:h", Some(_)) => {
                if depth.get() == 0 {
                    text.borrow_mut().clear();
                    heading = name == b"text:h";
                }
                depth.set(depth.get() + 1);
            }
            (b"text:p" | b"text:h", None) => {
                depth.set(depth.get().saturating_sub(1));
                if depth.get() == 0 {
                    paragraphs.push(Paragraph {
                        text: one_line(&text.borrow()),
                        heading,
                    });
                }
            }
            // Comments and change-tracking are not the document's text.
            (b"office:annotation" | b"text:tracked-changes", start) => {
                skip.set(if start.is_some() {
                    skip.get() + 1
                } else {
                    skip.get().saturating_sub(1)
                })
            }
            (b"text:s" | b"text:tab" | b"text:line-break", Some(_)) => text.borrow_mut().push(' '),
            _ => {}
        },
        |t| {
            if depth.get() > 0 && skip.get() == 0 {
                text.borrow_mut().push_str(t);
            }
        },
    )?;
    Ok(paragraphs)
}

/// Dublin Core and OpenDocument properties (`docProps/core.xml`, `meta.xml`).
fn properties(xml: &str) -> Properties {
    let mut props = Properties::default();
    let field: std::cell::Cell<Option<&'static str>> = std::cell::Cell::new(None);
    // Broken properties lose the properties, not the document.
    let _ = walk_xml(
        xml,
        |name, start| {
            let slot = match name {
                b"dc:title" => Some("title"),
                b"dc:creator" | b"meta:initial-creator" => Some("author"),
                b"dcterms:created" | b"meta:creation-date" => Some("created"),
                b"dc:language" => Some("lang"),
                _ => None,
            };
            field.set(start.and(slot));
        },
        |t| {
            let slot = match field.get() {
                Some("title") => &mut props.title,
                Some("author") => &mut props.author,
                Some("created") => &mut props.created,
                Some("lang") => &mut props.lang,
                _ => return,
            };
            slot.get_or_insert_with(String::new).push_str(t);
        },
    );
    for slot in [
        &mut props.title,
        &mut props.author,
        &mut props.created,
        &mut props.lang,
    ] {
        *slot = slot.take().map(|v| one_line(&v)).filter(|v| !v.is_empty());
    }
    props
}

/// Paragraphs and properties → articles: one, or one per item of a press export.
pub(super) fn assemble(paragraphs: Vec<Paragraph>, props: Properties) -> Items {
    if let Some(items) = press::split_paragraphs(&paragraphs) {
        return items;
    }
    let title = paragraphs
        .iter()
        .find(|p| p.heading && !p.text.is_empty())
        .map(|p| p.text.clone())
        .or(props.title);
    let body = paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut raw = RawArticle {
        title,
        body,
        author: props.author,
        declared_lang: props.lang,
        ..RawArticle::default()
    };
    if let Some(created) = props.created {
        raw.date_candidates.push((created, FILE_CREATED.to_owned()));
    }
    Items::one(raw)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write as _;

    /// A zip archive of `(name, content)` parts, as Word and LibreOffice write them.
    pub(crate) fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, content) in parts {
            out.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(content.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    pub(crate) fn docx_xml(paragraphs: &[(&str, &str)]) -> String {
        let body: String = paragraphs
            .iter()
            .map(|(style, text)| {
                let style = if style.is_empty() {
                    String::new()
                } else {
                    format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>")
                };
                format!("<w:p>{style}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
            })
            .collect();
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        )
    }

    #[test]
    fn reads_a_docx() {
        let core = "<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"y\" xmlns:dcterms=\"z\"><dc:title>Props title</dc:title><dc:creator>Marie Dupont</dc:creator><dcterms:created>2024-03-05T10:00:00Z</dcterms:created></cp:coreProperties>";
        let document = docx_xml(&[
            ("Title", "Les ports de la Baltique"),
            (
                "",
                "Le ministre a d&#233;clar&#233; : &#171; Nous irons &amp; vite. &#187;",
            ),
            ("", "Deuxi\u{e8}me paragraphe."),
        ]);
        let bytes = zip_of(&[
            ("word/document.xml", &document),
            ("docProps/core.xml", core),
        ]);
        let items = read_docx(&bytes).unwrap();
        let raw = &items.articles[0];
        assert_eq!(raw.title.as_deref(), Some("Les ports de la Baltique"));
        assert_eq!(raw.author.as_deref(), Some("Marie Dupont"));
        assert_eq!(
            raw.body,
            "Les ports de la Baltique\n\nLe ministre a déclaré : « Nous irons & vite. »\n\nDeuxième paragraphe."
        );
        assert_eq!(
            raw.date_candidates,
            [("2024-03-05T10:00:00Z".to_owned(), FILE_CREATED.to_owned())]
        );
    }

    #[test]
    fn reads_an_odt() {
        let content = "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text><text:h text:outline-level=\"1\">Titre du rapport</text:h><text:p>Premier<text:s/>paragraphe <text:span>avec style</text:span>.<office:annotation><text:p>commentaire</text:p></office:annotation></text:p></office:text></office:body></office:document-content>";
        let meta = "<office:document-meta xmlns:office=\"o\" xmlns:meta=\"m\" xmlns:dc=\"d\"><office:meta><meta:initial-creator>Jean Martin</meta:initial-creator><dc:language>fr-FR</dc:language></office:meta></office:document-meta>";
        let bytes = zip_of(&[("content.xml", content), ("meta.xml", meta)]);
        let raw = &read_odt(&bytes).unwrap().articles[0];
        assert_eq!(raw.title.as_deref(), Some("Titre du rapport"));
        assert_eq!(
            raw.body,
            "Titre du rapport\n\nPremier paragraphe avec style."
        );
        assert_eq!(raw.author.as_deref(), Some("Jean Martin"));
        assert_eq!(raw.declared_lang.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn bad_archives_are_refused_with_a_reason() {
        assert!(
            read_docx(b"PK\x03\x04 broken")
                .unwrap_err()
                .contains("not a readable")
        );
        let no_document = zip_of(&[("other.xml", "<a/>")]);
        assert!(
            read_docx(&no_document)
                .unwrap_err()
                .contains("no word/document.xml")
        );
        let broken_xml = zip_of(&[("word/document.xml", "<w:document><w:p><w:t>x</w:p>")]);
        assert!(read_docx(&broken_xml).is_err());
        // 100 MB of zeros packs into a few hundred KB: refused while unpacking.
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        out.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..100 {
            out.write_all(&zeros).unwrap();
        }
        let bomb = out.finish().unwrap().into_inner();
        assert!(bomb.len() < 2 << 20);
        assert!(read_docx(&bomb).unwrap_err().contains("more than 64 MB"));
    }
}
