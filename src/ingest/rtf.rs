//! RTF files (press exports from Factiva and Nexis Uni, word processors): the
//! text of the document, without its layout. Groups, control words, code-page
//! bytes (`\'e9` in the document's `\ansicpgN`), Unicode escapes (`\u8217?`)
//! and the destinations that hold no text (font and colour tables, pictures,
//! headers, field instructions) are handled; `\info` gives title, author and
//! creation date. An export holding many articles is split by [`super::press`].

use encoding_rs::{Encoding, WINDOWS_1252};

use super::Items;
use super::office::{Paragraph, Properties, assemble};

/// Destinations whose text is not the document's.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "xmlnstbl",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "pgdsctbl",
    "filetbl",
    "revtbl",
    "bkmkstart",
    "bkmkend",
    "operator",
    "company",
    "category",
    "keywords",
    "comment",
    "doccomm",
    "subject",
    "manager",
    "hlinkbase",
];

/// What a group's text goes to.
#[derive(Clone, Copy, PartialEq)]
enum Sink {
    Body,
    Skip,
    Title,
    Author,
}

#[derive(Clone, Copy)]
struct Group {
    sink: Sink,
    /// Characters to skip after `\uN` (`\ucN`).
    uc: usize,
}

/// Reads an RTF file.
pub fn read(bytes: &[u8]) -> Result<Items, String> {
    if !bytes.trim_ascii_start().starts_with(b"{\\rtf") {
        return Err("not an RTF file (it does not start with {\\rtf)".to_owned());
    }
    let doc = parse(bytes);
    let paragraphs: Vec<Paragraph> = doc
        .body
        .split('\n')
        .map(super::one_line)
        .map(|text| Paragraph {
            text,
            heading: false,
        })
        .collect();
    let props = Properties {
        title: doc.title,
        author: doc.author,
        created: doc.created,
        lang: None,
    };
    Ok(assemble(paragraphs, props))
}

#[derive(Default)]
struct Parsed {
    body: String,
    title: Option<String>,
    author: Option<String>,
    created: Option<String>,
}

/// A linear pass over the bytes (no recursion: nesting depth does not matter).
fn parse(bytes: &[u8]) -> Parsed {
    let mut out = Parsed::default();
    let mut text = Text {
        body: String::new(),
        title: String::new(),
        author: String::new(),
        pending: Vec::new(),
        encoding: WINDOWS_1252,
    };
    let mut stack: Vec<Group> = Vec::new();
    let mut group = Group {
        sink: Sink::Body,
        uc: 1,
    };
    let mut skip_chars = 0usize;
    let (mut year, mut month, mut day, mut in_creatim) = (0i32, 0i32, 0i32, false);
    let mut i = 0;
    let mut utf8 = [0u8; 4];
    macro_rules! emit {
        ($s:expr) => {{
            let s: &str = $s;
            if skip_chars > 0 {
                skip_chars -= 1;
            } else {
                text.push(group.sink, s);
            }
        }};
    }
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' => {
                text.flush(group.sink);
                stack.push(group);
                i += 1;
            }
            b'}' => {
                text.flush(group.sink);
                if in_creatim && group.sink == Sink::Skip {
                    in_creatim = false;
                }
                group = stack.pop().unwrap_or(group);
                i += 1;
            }
            b'\\' => {
                let (word, param, next) = control(bytes, i + 1);
                i = next;
                match word {
                    Control::Hex(byte) => {
                        if skip_chars > 0 {
                            skip_chars -= 1;
                        } else if group.sink != Sink::Skip {
                            text.pending.push(byte);
                        }
                    }
                    Control::Symbol(c) => match c {
                        '*' => group.sink = Sink::Skip,
                        '~' => emit!("\u{a0}"),
                        '_' => emit!("-"),
                        '-' => {}
                        '\n' | '\r' => emit!("\n"),
                        c => emit!(c.encode_utf8(&mut utf8)),
                    },
                    Control::Word(name) => match name {
                        "par" | "line" | "sect" | "page" | "row" => emit!("\n"),
                        "tab" | "cell" => emit!(" "),
                        "emdash" => emit!("—"),
                        "endash" => emit!("–"),
                        "bullet" => emit!("•"),
                        "lquote" => emit!("‘"),
                        "rquote" => emit!("’"),
                        "ldblquote" => emit!("“"),
                        "rdblquote" => emit!("”"),
                        "u" => {
                            let code = param.unwrap_or(0);
                            let code = if code < 0 { code + 65536 } else { code };
                            let c = char::from_u32(code as u32).unwrap_or('\u{FFFD}');
                            // The fallback characters after \uN are skipped, not
                            // the escape itself.
                            text.push(group.sink, c.encode_utf8(&mut utf8));
                            skip_chars = group.uc;
                        }
                        "uc" => group.uc = param.unwrap_or(1).clamp(0, 8) as usize,
                        "ansicpg" => {
                            let label = format!("windows-{}", param.unwrap_or(1252));
                            text.encoding =
                                Encoding::for_label(label.as_bytes()).unwrap_or(WINDOWS_1252);
                        }
                        "info" => group.sink = Sink::Skip,
                        "title" => group.sink = Sink::Title,
                        "author" => group.sink = Sink::Author,
                        "creatim" => {
                            group.sink = Sink::Skip;
                            in_creatim = true;
                        }
                        "yr" if in_creatim => year = param.unwrap_or(0),
                        "mo" if in_creatim => month = param.unwrap_or(0),
                        "dy" if in_creatim => day = param.unwrap_or(0),
                        name if SKIPPED.contains(&name) => group.sink = Sink::Skip,
                        _ => {}
                    },
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                // A run of plain text up to the next special byte.
                let end = bytes[i..]
                    .iter()
                    .position(|c| matches!(c, b'{' | b'}' | b'\\' | b'\r' | b'\n'))
                    .map_or(bytes.len(), |p| i + p);
                let mut run = &bytes[i..end];
                while skip_chars > 0 && !run.is_empty() {
                    run = &run[1..];
                    skip_chars -= 1;
                }
                if group.sink != Sink::Skip && !run.is_empty() {
                    text.pending.extend_from_slice(run);
                }
                i = end;
            }
        }
    }
    text.flush(group.sink);
    let clean = |s: String| Some(super::one_line(&s)).filter(|s| !s.is_empty());
    out.body = text.body;
    out.title = clean(text.title);
    out.author = clean(text.author);
    if (1..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day) {
        out.created = Some(format!("{year:04}-{month:02}-{day:02}"));
    }
    out
}

/// The text gathered so far, by sink, with code-page bytes that wait until a
/// character of another kind comes.
struct Text {
    body: String,
    title: String,
    author: String,
    pending: Vec<u8>,
    encoding: &'static Encoding,
}

impl Text {
    /// Decodes waiting code-page bytes into the group's sink.
    fn flush(&mut self, sink: Sink) {
        if self.pending.is_empty() {
            return;
        }
        let (decoded, _) = self.encoding.decode_without_bom_handling(&self.pending);
        let decoded = decoded.into_owned();
        self.pending.clear();
        self.append(sink, &decoded);
    }

    /// Waiting bytes first, then `s`.
    fn push(&mut self, sink: Sink, s: &str) {
        self.flush(sink);
        self.append(sink, s);
    }

    fn append(&mut self, sink: Sink, s: &str) {
        match sink {
            Sink::Body => self.body.push_str(s),
            Sink::Title => self.title.push_str(s),
            Sink::Author => self.author.push_str(s),
            Sink::Skip => {}
        }
    }
}

enum Control<'a> {
    /// `\'hh`
    Hex(u8),
    /// `\{`, `\~`, `\*`, …
    Symbol(char),
    /// `\par`, `\u8217`, …
    Word(&'a str),
}

/// The control after a backslash at `at`: what it is, its numeric parameter and
/// where the text after it starts.
fn control(bytes: &[u8], at: usize) -> (Control<'_>, Option<i32>, usize) {
    let Some(&first) = bytes.get(at) else {
        return (Control::Symbol('\\'), None, at);
    };
    if first == b'\'' {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        return match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(byte) => (Control::Hex(byte), None, at + 3),
            None => (Control::Symbol('?'), None, at + 1),
        };
    }
    if !first.is_ascii_alphabetic() {
        return (Control::Symbol(first as char), None, at + 1);
    }
    let mut end = at;
    while end < bytes.len() && bytes[end].is_ascii_alphabetic() && end - at < 32 {
        end += 1;
    }
    let word = std::str::from_utf8(&bytes[at..end]).unwrap_or("");
    let mut num_end = end;
    if bytes.get(num_end) == Some(&b'-') {
        num_end += 1;
    }
    while num_end < bytes.len() && bytes[num_end].is_ascii_digit() && num_end - end < 10 {
        num_end += 1;
    }
    let param = std::str::from_utf8(&bytes[end..num_end])
        .ok()
        .and_then(|p| p.parse().ok());
    let next = if param.is_some() { num_end } else { end };
    // One space after a control word belongs to it.
    let next = if bytes.get(next) == Some(&b' ') {
        next + 1
    } else {
        next
    };
    (Control::Word(word), param, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_code_pages_and_unicode() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times;}}{\colortbl;\red0\green0\blue0;}
{\info{\title Les ports de la Baltique}{\author Marie Dupont}{\creatim\yr2024\mo3\dy5\hr10}}
{\*\generator Writer;}\pard Le ministre a d\'e9clar\'e9 : \'ab Nous irons jusqu\u8217?au bout. \'bb\par
Deuxi\'e8me {\b paragraphe}\tab fin.{\header En-t\'eate}\par}";
        let items = read(rtf).unwrap();
        let raw = &items.articles[0];
        assert_eq!(raw.title.as_deref(), Some("Les ports de la Baltique"));
        assert_eq!(raw.author.as_deref(), Some("Marie Dupont"));
        assert_eq!(
            raw.body,
            "Le ministre a déclaré : « Nous irons jusqu’au bout. »\n\nDeuxième paragraphe fin."
        );
        assert_eq!(raw.date_candidates[0].0, "2024-03-05");
    }

    #[test]
    fn hostile_input_is_fine() {
        assert!(read(b"plain text").is_err());
        let deep = format!("{{\\rtf1 {}x{}}}", "{".repeat(100_000), "}".repeat(100_000));
        assert_eq!(read(deep.as_bytes()).unwrap().articles[0].body, "x");
        // Truncated escapes and unbalanced groups.
        let items = read(br"{\rtf1 a\'e").unwrap();
        assert!(items.articles[0].body.starts_with('a'));
        assert!(read(br"{\rtf1 }}}} b \u-3").is_ok());
    }
}
