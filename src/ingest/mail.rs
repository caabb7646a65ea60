//! E-mail and saved web pages, parsed with `mail-parser`: `.eml` (one message),
//! `.mbox` (one article per message) and `.mht`/`.mhtml` (a page saved with its
//! resources as one MIME message).
//!
//! A message's subject is its title, `Date:` its date, `From:` its author; the
//! text/plain body is preferred over the HTML one. Attachments are not read
//! (they are listed in the file's notes).

use mail_parser::{Message, MessageParser, MimeHeaders as _};

use super::{Items, RawArticle, raw_from_html};

/// Detail recorded for a date taken from a `Date:` header.
const MAIL_DATE: &str = "mail-date";

/// Reads one `.eml` message, or a saved page when `saved_page` is set.
pub fn read_message(bytes: &[u8], saved_page: bool) -> Result<Items, String> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| "not an e-mail message (no headers found)".to_owned())?;
    let mut items = Items::default();
    let raw = if saved_page {
        saved_page_article(&message)?
    } else {
        message_article(&message, &mut items.warnings, None)?
    };
    items.articles.push(raw);
    Ok(items)
}

/// Reads an mbox mailbox: one article per message, numbered from 1. A message
/// that cannot be parsed or has no text is noted and skipped; a truncated last
/// message keeps what it has.
pub fn read_mbox(bytes: &[u8]) -> Result<Items, String> {
    read_mbox_until(bytes, None)
}

/// Reads an mbox; stops between two messages once `cancel` is set.
pub fn read_mbox_until(
    bytes: &[u8],
    cancel: Option<&std::sync::atomic::AtomicBool>,
) -> Result<Items, String> {
    if !bytes.starts_with(b"From ") {
        return Err("not an mbox mailbox (it does not start with a \"From \" line)".to_owned());
    }
    let mut items = Items::default();
    let iterator = mail_parser::mailbox::mbox::MessageIterator::new(bytes);
    for (i, entry) in iterator.enumerate() {
        if cancel.is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed)) {
            return Err(super::CANCELLED.to_owned());
        }
        let item = i + 1;
        let parsed = entry.ok().and_then(|m| {
            MessageParser::default()
                .parse(m.contents())
                .map(Message::into_owned)
        });
        let Some(message) = parsed else {
            items.warnings.push(format!("message {item}: not readable"));
            continue;
        };
        match message_article(&message, &mut items.warnings, Some(item)) {
            Ok(raw) => items.articles.push(RawArticle { item, ..raw }),
            Err(why) => items.warnings.push(format!("message {item}: {why}")),
        }
    }
    if items.articles.is_empty() {
        return Err("no message with text in this mailbox".to_owned());
    }
    Ok(items)
}

fn message_article(
    message: &Message,
    warnings: &mut Vec<String>,
    item: Option<usize>,
) -> Result<RawArticle, String> {
    // text/plain first: mail-parser turns an HTML-only message's body into text
    // for `body_text`, which loses the page structure, so HTML goes through our
    // own reader instead.
    let plain = message
        .text_part(0)
        .filter(|p| !p.is_text_html())
        .and_then(|_| message.body_text(0))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    let mut raw = match plain {
        Some(text) => RawArticle {
            body: text,
            ..RawArticle::default()
        },
        None => {
            let html = message
                .body_html(0)
                .ok_or_else(|| "no text in this message".to_owned())?;
            let mut raw = raw_from_html(&html);
            raw.title = None;
            raw.date_candidates.clear();
            raw
        }
    };
    fill_headers(message, &mut raw);
    let attached: Vec<String> = message
        .attachments()
        .map(|a| a.attachment_name().unwrap_or("(unnamed)").to_owned())
        .collect();
    if !attached.is_empty() {
        let which = item.map(|i| format!("message {i}: ")).unwrap_or_default();
        warnings.push(format!(
            "{which}attachments not read: {}",
            attached.join(", ")
        ));
    }
    Ok(raw)
}

/// Subject, date and sender.
fn fill_headers(message: &Message, raw: &mut RawArticle) {
    if let Some(subject) = message.subject().map(str::trim).filter(|s| !s.is_empty()) {
        raw.title = Some(subject.to_owned());
    }
    if let Some(date) = message.date() {
        raw.date_candidates
            .insert(0, (date.to_rfc3339(), MAIL_DATE.to_owned()));
    }
    if let Some(from) = message.from().and_then(|a| a.first()) {
        raw.author = from
            .name()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .or(from.address())
            .map(str::to_owned);
    }
}

/// A saved page: its HTML part read as a web page, the saved address as URL.
fn saved_page_article(message: &Message) -> Result<RawArticle, String> {
    let html = message
        .html_part(0)
        .filter(|p| p.is_text_html())
        .and_then(|_| message.body_html(0))
        .ok_or_else(|| "saved page without an HTML part".to_owned())?;
    let mut raw = raw_from_html(&html);
    if raw.url.is_none() {
        raw.url = message
            .header_raw("Snapshot-Content-Location")
            .or_else(|| message.html_part(0).and_then(|p| p.content_location()))
            .map(|u| u.trim().to_owned());
    }
    if raw.title.is_none() {
        raw.title = message.subject().map(str::to_owned);
    }
    if let Some(date) = message.date() {
        // When the page was saved: later than it was published.
        raw.date_candidates
            .push((date.to_rfc3339(), super::FILE_CREATED.to_owned()));
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EML: &str = "From: Marie Dupont <marie@example.org>\r\nTo: desk@example.org\r\nSubject: =?UTF-8?Q?R=C3=A9union_du_conseil?=\r\nDate: Tue, 5 Mar 2024 23:10:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nLe ministre a d=C3=A9clar=C3=A9 : =C2=AB Nous irons jusqu'au bout. =C2=BB\r\n--b1\r\nContent-Type: application/pdf; name=\"note.pdf\"\r\nContent-Disposition: attachment; filename=\"note.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";

    #[test]
    fn reads_an_email() {
        let items = read_message(EML.as_bytes(), false).unwrap();
        let raw = &items.articles[0];
        assert_eq!(raw.title.as_deref(), Some("Réunion du conseil"));
        assert_eq!(raw.author.as_deref(), Some("Marie Dupont"));
        assert!(
            raw.body.contains("a déclaré : « Nous irons"),
            "{}",
            raw.body
        );
        assert_eq!(raw.date_candidates[0].0, "2024-03-05T23:10:00+01:00");
        assert_eq!(items.warnings, ["attachments not read: note.pdf"]);
    }

    #[test]
    fn mbox_messages_are_articles_and_damage_is_skipped() {
        let mbox = format!(
            "From a@b Tue Mar  5 10:00:00 2024\n{}\nFrom c@d Wed Mar  6 10:00:00 2024\nSubject: Second\nFrom: Jean <j@x.org>\n\nLe texte du second message, assez long.\n\nFrom e@f Thu Mar  7 10:00:00 2024\nSubject: Truncated\n\nLe d",
            EML.replace("\r\n", "\n")
        );
        let items = read_mbox(mbox.as_bytes()).unwrap();
        let titles: Vec<_> = items
            .articles
            .iter()
            .map(|a| a.title.clone().unwrap())
            .collect();
        assert_eq!(titles, ["Réunion du conseil", "Second", "Truncated"]);
        assert_eq!(
            items.articles.iter().map(|a| a.item).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert!(read_mbox(b"not a mailbox").is_err());
        let cancel = std::sync::atomic::AtomicBool::new(true);
        assert_eq!(
            read_mbox_until(mbox.as_bytes(), Some(&cancel)).unwrap_err(),
            super::super::CANCELLED
        );
    }

    #[test]
    fn html_only_mail_and_saved_pages() {
        let html_mail = "Subject: Alerte\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><nav>Menu</nav><article><p>Le maire a annonc\u{e9} la fermeture du pont pour trois semaines de travaux.</p></article></body></html>";
        let items = read_message(html_mail.as_bytes(), false).unwrap();
        assert_eq!(items.articles[0].title.as_deref(), Some("Alerte"));
        assert!(items.articles[0].body.starts_with("Le maire a annoncé"));
        let mhtml = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/2024/03/05/pont.html\r\nSubject: Le pont ferme\r\nDate: Wed, 6 Mar 2024 09:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"----B\"\r\n\r\n------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><head><title>Le pont ferme</title></head><body><p>Le maire a annonc=C3=A9 la fermeture du pont pour trois semaines de travaux.</p></body></html>\r\n------B--\r\n";
        let items = read_message(mhtml.as_bytes(), true).unwrap();
        let raw = &items.articles[0];
        assert_eq!(raw.title.as_deref(), Some("Le pont ferme"));
        assert_eq!(
            raw.url.as_deref(),
            Some("https://example.org/2024/03/05/pont.html")
        );
        assert!(raw.body.contains("Le maire a annoncé"), "{}", raw.body);
        assert!(read_message(b"", false).is_err());
    }
}
