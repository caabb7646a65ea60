//! Every format Dossier reads, through the real binary, on files written here:
//! PDF (by `lopdf`), DOCX and ODT (zipped from XML written here), RTF, e-mail,
//! mbox, saved pages, press-database exports, other languages, decomposed
//! Unicode — and the bad variants of each, skipped with a reason.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;

use common::{cli, json_lines, stderr};
use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, Stream, StringFormat};

/// A PDF with one page per entry, each page its lines in Helvetica.
fn pdf(pages: &[Vec<&str>], title: &str, author: &str) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    let font_id = doc.add_object(font);
    let mut kids = Vec::new();
    for lines in pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec![Object::Name(b"F1".to_vec()), 11.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![72.into(), 780.into()]),
        ];
        for line in lines {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(bytes.into_owned(), StringFormat::Literal)],
            ));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops }.encode().unwrap();
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
        let mut fonts = Dictionary::new();
        fonts.set("F1", Object::Reference(font_id));
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content_id));
        page.set("Resources", Object::Dictionary(resources));
        page.set(
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
        );
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(kids.len() as i64));
    tree.set("Kids", Object::Array(kids));
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    let mut info = Dictionary::new();
    info.set("Title", pdf_extract::text_string(title));
    info.set("Author", pdf_extract::text_string(author));
    info.set(
        "CreationDate",
        Object::string_literal("D:20240305100000+01'00'"),
    );
    let info_id = doc.add_object(info);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc.trailer.set("Info", Object::Reference(info_id));
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::string_literal("dossier"),
            Object::string_literal("formats"),
        ]),
    );
    doc
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn docx(paragraphs: &[&str], core: &str) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let style = if i == 0 {
                "<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>"
            } else {
                ""
            };
            format!("<w:p>{style}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
        })
        .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip_of(&[
        ("word/document.xml", &document),
        ("docProps/core.xml", core),
    ])
}

const CORE: &str = "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\" xmlns:dcterms=\"t\"><dc:creator>Jean Martin</dc:creator><dcterms:created>2024-02-01T08:00:00Z</dcterms:created></cp:coreProperties>";

/// Writes one file of every format, good and bad, into `dir`.
fn write_corpus(dir: &Path) {
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let head = "La Revue du Port - édition Baltique";
    let page = |n: usize, body: Vec<&'static str>| {
        let mut lines = vec![head, ""];
        lines.extend(body);
        lines.push("");
        lines.push(["Page 1 / 3", "Page 2 / 3", "Page 3 / 3"][n]);
        lines
    };
    w(
        "rapport.pdf",
        &save(pdf(
            &[
                page(
                    0,
                    vec![
                        "Le ministre a annoncé mardi l'ouverture de négo-",
                        "ciations avec les dockers du port de Gdansk, en grève depuis dix jours.",
                    ],
                ),
                page(
                    1,
                    vec![
                        "« Nous irons jusqu'au bout », a déclaré Anna Kowalska, qui dirige le syndicat.",
                    ],
                ),
                page(
                    2,
                    vec!["La Commission européenne suivra les discussions de près."],
                ),
            ],
            "Grève au port de Gdansk",
            "Marie Dupont",
        )),
    );
    // A scan: pages with no text layer.
    w("scan.pdf", &save(pdf(&[vec![], vec![]], "Scan", "Scanner")));
    let mut locked = pdf(&[vec!["Texte secret du rapport annuel."]], "Secret", "X");
    let state = pdf_extract::EncryptionState::try_from(pdf_extract::EncryptionVersion::V2 {
        document: &locked,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: pdf_extract::Permissions::all(),
    })
    .unwrap();
    locked.encrypt(&state).unwrap();
    w("locked.pdf", &save(locked));
    w("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog");
    w(
        "note.docx",
        &docx(
            &[
                "Les ports de la Baltique",
                "Le ministre a d&#233;clar&#233; : &#171; Nous irons vite. &#187;",
                "Deuxi\u{e8}me paragraphe sur la Finlande.",
            ],
            CORE,
        ),
    );
    // A zip bomb: 100 MB of spaces packed into a small document.
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    bomb.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    for _ in 0..100 {
        bomb.write_all(&vec![b' '; 1 << 20]).unwrap();
    }
    w("bomb.docx", &bomb.finish().unwrap().into_inner());
    w(
        "rapport.odt",
        &zip_of(&[
            (
                "content.xml",
                "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text><text:h>Rapport sur les câbles</text:h><text:p>La Finlande<text:s/>et l'Estonie ont demandé une enquête.</text:p></office:text></office:body></office:document-content>",
            ),
            (
                "meta.xml",
                "<office:document-meta xmlns:office=\"o\" xmlns:meta=\"m\" xmlns:dc=\"d\"><office:meta><meta:initial-creator>Anne Roy</meta:initial-creator><dc:language>fr-FR</dc:language></office:meta></office:document-meta>",
            ),
        ]),
    );
    w(
        "depeche.rtf",
        br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times;}}{\info{\title D\'e9p\'eache sur l'OTAN}{\author Paul Durand}{\creatim\yr2024\mo3\dy7}}\pard L'OTAN a annonc\'e9 jeudi l'envoi de quatre navires en mer Baltique.\par Le secr\'e9taire g\'e9n\'e9ral l'a confirm\'e9.\par}",
    );
    w(
        "alerte.eml",
        b"From: Claire Petit <claire@example.org>\r\nSubject: Alerte sur le port\r\nDate: Fri, 8 Mar 2024 09:15:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLe port de Tallinn est ferm\xc3\xa9 depuis ce matin, a annonc\xc3\xa9 la capitainerie.\r\n",
    );
    w(
        "boite.mbox",
        b"From a@x Mon Mar 11 10:00:00 2024\nFrom: A <a@x.org>\nSubject: Premier message\nDate: Mon, 11 Mar 2024 10:00:00 +0100\n\nLe premier message parle de la Pologne.\n\nFrom b@x Tue Mar 12 10:00:00 2024\nFrom: B <b@x.org>\nSubject: Second message\nDate: Tue, 12 Mar 2024 10:00:00 +0100\n\nLe second message parle de la Lituanie.\n\nFrom c@x Wed Mar 13 10:00:00 2024\nSubject: Tronqu",
    );
    w(
        "page.mhtml",
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/2024/03/14/cables.html\r\nSubject: Cables\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"----B\"\r\n\r\n------B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html lang=\"en\"><head><title>Cables cut in the Baltic</title><meta property=\"article:published_time\" content=\"2024-03-14T08:00:00+01:00\"></head><body><nav>Home | World</nav><article><p>Two undersea cables between Finland and Estonia were damaged on Wednesday, the Finnish government said.</p></article></body></html>\r\n------B--\r\n",
    );
    w("europresse.html", europresse(3).as_bytes());
    w(
        "nexis.docx",
        &docx(
            &[
                "Documents (2)",
                "Port strike ends",
                "The Daily Courier",
                "July 1, 2019 Monday 9:20 AM GMT",
                "Byline:\u{a0}Ana Cruz",
                "Body",
                "The strike ended on Sunday, the union said.",
                "Load-Date: July 4, 2019",
                "End of Document",
                "Ships return to Gdansk",
                "The Daily Courier",
                "July 2, 2019 Tuesday",
                "Body",
                "The first ships returned to Gdansk on Tuesday.",
                "End of Document",
            ],
            "<x/>",
        ),
    );
    w(
        "factiva.rtf",
        br"{\rtf1\ansi\ansicpg1252\pard HD\tab La gr\'e8ve est finie\par BY\tab Marie Dupont\par PD\tab 29 d\'e9cembre 2011\par SN\tab Le Quotidien\par LA\tab Fran\'e7ais\par TD\tab La gr\'e8ve s'est termin\'e9e dimanche.\par AN\tab Document LEQUOT0020111229e7ct0001r\par HD\tab Second article\par PD\tab 30 d\'e9cembre 2011\par TD\tab Texte du second article.\par AN\tab Document LEQUOT0020111230e7cu0002s\par}",
    );
    w(
        "noticia.txt",
        "El Gobierno anunció este martes que la reforma de las pensiones se aprobará antes del verano, después de meses de negociaciones con los sindicatos y la patronal, que todavía no han firmado el acuerdo final.".as_bytes(),
    );
    w(
        "nfd.txt",
        "Le pre\u{301}sident de\u{301}clare\n\nLe pre\u{301}sident de la Re\u{301}publique a de\u{301}clare\u{301} mardi que l'E\u{301}tat aiderait les ports.".as_bytes(),
    );
    let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode(
        "Москва заявила, что переговоры с Киевом продолжатся на следующей неделе в Стамбуле.",
    );
    w("moscou.txt", &cyrillic);
}

fn europresse(n: usize) -> String {
    let mut page = String::from("<html><head><meta charset=\"utf-8\"></head><body>");
    for i in 1..=n {
        page.push_str(&format!(
            "<article><header><div class=\"rdp__DocPublicationName\"><span class=\"DocPublicationName\">Le Quotidien, no. 2400{i}</span></div>\
             <div class=\"rdp__DocHeader\"><span class=\"DocHeader\">France, mercredi {i} mai 2024 134 mots, p. 11</span></div>\
             <div class=\"titreArticle\"><p class=\"titreArticleVisu rdp__articletitle\">Article num&eacute;ro {i}</p></div>\
             <p class=\"sm-margin-bottomNews\">Louise Bernard</p></header>\
             <section><div class=\"DocText clearfix\"><div class=\"docOcurrContainer\"><p>La Pologne a annonc&eacute; des mesures pour le port num&eacute;ro {i}.</p></div></div></section>\
             <footer><div class=\"publiC-lblNodoc\">news&#183;2024050{i}&#183;LQ&#183;{i}</div></footer></article>"
        ));
    }
    page + "</body></html>"
}

#[test]
fn every_format_is_read_and_bad_files_are_skipped_with_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    write_corpus(&corpus);
    let before = common::tree_fingerprint(&corpus);
    let data = tmp.path().join("data");
    let out = cli(&data, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for expected in [
        "scan.pdf: PDF without a text layer (2 page(s) of images): needs OCR",
        "locked.pdf: encrypted PDF: it needs a password to be read",
        "broken.pdf: not a readable PDF",
        "bomb.docx: word/document.xml unpacks to more than 64 MB: not read",
        "boite.mbox: message 3: no text in this message",
        "alerte.eml", // no warning for a plain message
    ] {
        if expected == "alerte.eml" {
            assert!(!err.contains("alerte.eml:"), "{err}");
        } else {
            assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
        }
    }
    let out = cli(&data, &["docs", corpus.to_str().unwrap(), "--text"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs: HashMap<String, serde_json::Value> = json_lines(&out)
        .into_iter()
        .map(|d| (format!("{}#{}", d["doc"].as_str().unwrap(), d["part"]), d))
        .collect();
    let check = |key: &str,
                 title: &str,
                 date: Option<&str>,
                 author: Option<&str>,
                 format: &str,
                 lang: &str| {
        let d = docs
            .get(key)
            .unwrap_or_else(|| panic!("no {key} in {:?}", docs.keys()));
        assert_eq!(d["title"], title, "{key}");
        assert_eq!(d["date"].as_str(), date, "{key}");
        assert_eq!(d["author"].as_str(), author, "{key}");
        assert_eq!(d["format"], format, "{key}");
        assert_eq!(d["lang"], lang, "{key}");
    };
    check(
        "rapport.pdf#0",
        "Grève au port de Gdansk",
        Some("2024-03-05"),
        Some("Marie Dupont"),
        "pdf",
        "fr",
    );
    let text = docs["rapport.pdf#0"]["text"].as_str().unwrap();
    assert!(
        text.contains("l'ouverture de négociations avec les dockers"),
        "{text}"
    );
    assert!(
        !text.contains("Revue du Port") && !text.contains("Page 2"),
        "{text}"
    );
    check(
        "note.docx#0",
        "Les ports de la Baltique",
        Some("2024-02-01"),
        Some("Jean Martin"),
        "docx",
        "fr",
    );
    assert!(
        docs["note.docx#0"]["text"]
            .as_str()
            .unwrap()
            .contains("« Nous irons vite. »")
    );
    check(
        "rapport.odt#0",
        "Rapport sur les câbles",
        None,
        Some("Anne Roy"),
        "odt",
        "fr",
    );
    check(
        "depeche.rtf#0",
        "Dépêche sur l'OTAN",
        Some("2024-03-07"),
        Some("Paul Durand"),
        "rtf",
        "fr",
    );
    check(
        "alerte.eml#0",
        "Alerte sur le port",
        Some("2024-03-08"),
        Some("Claire Petit"),
        "eml",
        "fr",
    );
    check(
        "boite.mbox#1",
        "Premier message",
        Some("2024-03-11"),
        Some("A"),
        "mbox",
        "fr",
    );
    check(
        "boite.mbox#2",
        "Second message",
        Some("2024-03-12"),
        Some("B"),
        "mbox",
        "fr",
    );
    check(
        "page.mhtml#0",
        "Cables cut in the Baltic",
        Some("2024-03-14"),
        None,
        "mhtml",
        "en",
    );
    for i in 1..=3 {
        check(
            &format!("europresse.html#{i}"),
            &format!("Article numéro {i}"),
            Some(&format!("2024-05-0{i}")),
            Some("Louise Bernard"),
            "europresse",
            "fr",
        );
        assert_eq!(
            docs[&format!("europresse.html#{i}")]["outlet"],
            "Le Quotidien"
        );
    }
    check(
        "nexis.docx#1",
        "Port strike ends",
        Some("2019-07-01"),
        Some("Ana Cruz"),
        "nexis",
        "en",
    );
    check(
        "nexis.docx#2",
        "Ships return to Gdansk",
        Some("2019-07-02"),
        None,
        "nexis",
        "en",
    );
    check(
        "factiva.rtf#1",
        "La grève est finie",
        Some("2011-12-29"),
        Some("Marie Dupont"),
        "factiva",
        "fr",
    );
    check(
        "factiva.rtf#2",
        "Second article",
        Some("2011-12-30"),
        None,
        "factiva",
        "fr",
    );
    assert_eq!(docs["noticia.txt#0"]["lang"], "other");
    // Decomposed accents are composed: the title is the NFC string.
    assert_eq!(docs["nfd.txt#0"]["title"], "Le président déclare");
    assert!(
        docs["moscou.txt#0"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Москва заявила")
    );
    for bad in ["scan.pdf#0", "locked.pdf#0", "broken.pdf#0", "bomb.docx#0"] {
        assert!(!docs.contains_key(bad), "{bad}");
    }
    // Search reaches composed words, authors and other languages.
    for (query, doc) in [
        ("président", "nfd.txt"),
        ("author:kowalska", ""),
        ("author:dupont", "rapport.pdf"),
        ("pensiones", "noticia.txt"),
    ] {
        let out = cli(&data, &["search", corpus.to_str().unwrap(), query]);
        assert!(out.status.success(), "{}", stderr(&out));
        let hits = json_lines(&out);
        if doc.is_empty() {
            assert!(hits.is_empty(), "{query}: {hits:?}");
        } else {
            assert!(hits.iter().any(|h| h["doc"] == doc), "{query}: {hits:?}");
        }
    }
    // No actors are looked for in another language; quotes of the PDF are found.
    let out = cli(&data, &["actors", corpus.to_str().unwrap()]);
    let actors = json_lines(&out);
    assert!(actors.iter().all(|a| a["doc"] != "noticia.txt"));
    assert!(
        actors
            .iter()
            .any(|a| a["doc"] == "rapport.pdf" && a["actor"] == "Anna Kowalska"),
        "{actors:?}"
    );
    assert_eq!(
        common::tree_fingerprint(&corpus),
        before,
        "the folder was written to"
    );
}
