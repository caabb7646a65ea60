//! Bytes → text: byte-order marks, UTF-16, UTF-8, declared HTML charsets, and
//! for undeclared legacy files the encoding `chardetng` guesses (Windows-1252
//! for most French and English text, Cyrillic or Central European code pages
//! for others). Text comes out in Unicode normal form C, so "é" is one
//! character whether the file wrote it precomposed or as "e" + accent.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Text decoded from a file, with the encoding that was used.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The decoded text (never contains a byte-order mark).
    pub text: String,
    /// Name of the encoding, e.g. "UTF-8", "UTF-16LE", "windows-1252".
    pub encoding: &'static str,
    /// How many characters could not be decoded and were replaced by U+FFFD.
    pub replaced: usize,
}

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// NUL bytes or many control characters: an image, archive or executable.
    Binary,
    /// Nothing but white space.
    Empty,
}

/// How many leading bytes are sniffed for binary content.
const SNIFF_BYTES: usize = 8 * 1024;

/// Decodes `bytes`, trying in order: a byte-order mark, UTF-16 without BOM,
/// a charset declared in the first bytes (`<meta charset>`, XML declaration) when
/// `allow_declared` is set, strict UTF-8, then the legacy encoding the bytes
/// look like.
pub fn decode(bytes: &[u8], allow_declared: bool) -> Result<Decoded, NotText> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return finish(decode_with(encoding, rest));
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return finish(decode_with(encoding, bytes));
    }
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    if allow_declared && let Some(encoding) = declared_charset(bytes) {
        // A page that says UTF-8 but is not valid UTF-8 falls through to the
        // heuristics below; any other declaration is trusted.
        if encoding != UTF_8 || std::str::from_utf8(bytes).is_ok() {
            return finish(decode_with(encoding, bytes));
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            replaced: 0,
        }),
        Err(_) => {
            // Mostly-valid UTF-8 with a few broken sequences (a truncated file, a bad
            // copy) is read as UTF-8; anything else is a legacy single-byte encoding.
            let lossy = decode_with(UTF_8, bytes);
            let chars = lossy.text.chars().count().max(1);
            if lossy.replaced * 200 < chars {
                finish(lossy)
            } else if bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii()) {
                // Valid UTF-8 letters and legacy bytes in one file (pieces pasted
                // together): each part in its own encoding.
                finish(decode_mixed(bytes))
            } else {
                finish(decode_with(guess_legacy(bytes), bytes))
            }
        }
    }
}

/// UTF-8 where the bytes are valid UTF-8, Windows-1252 for the other bytes.
fn decode_mixed(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let (legacy, _) = WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
        text.push_str(&legacy);
    }
    Decoded {
        replaced: text.matches('\u{FFFD}').count(),
        text,
        encoding: "UTF-8 mixed with windows-1252",
    }
}

/// The legacy single-byte (or CJK) encoding undeclared bytes are most likely in.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let replaced = text.matches('\u{FFFD}').count();
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        replaced,
    }
}

fn finish(mut decoded: Decoded) -> Result<Decoded, NotText> {
    decoded.text = to_nfc(decoded.text);
    if decoded.text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    // Decoding UTF-16 that was really something else gives mostly unassigned or
    // control characters; treat that as binary too.
    let sample: Vec<char> = decoded.text.chars().take(4096).collect();
    let bad = sample.iter().filter(|c| is_suspicious_char(**c)).count();
    if bad * 10 > sample.len() {
        return Err(NotText::Binary);
    }
    Ok(decoded)
}

/// Unicode normal form C; text already in it (nearly all) is returned as is.
pub fn to_nfc(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization as _, is_nfc_quick};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

/// Characters that print as nothing inside a word: soft hyphens (a page's
/// hyphenation hints), zero-width spaces and joiners, a stray byte-order
/// mark. Left in, they split "arrivé" in two for the index and the extractor.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// `text` without invisible characters; text with none is returned as is.
pub fn without_invisible(text: String) -> String {
    if text.contains(is_invisible) {
        text.chars().filter(|c| !is_invisible(*c)).collect()
    } else {
        text
    }
}

fn is_suspicious_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{FFFD}'
}

/// UTF-16 text without a BOM has a NUL in every other byte for Latin text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_nul * 10 > pairs * 7 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs * 7 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NUL bytes or many C0 control bytes in the first kilobytes mean binary data.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len().max(1)
}

/// Finds `charset=...` in the first 2 KB (HTML meta or XML declaration).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let Some(at) = find(&lower, key) else {
            continue;
        };
        let value = &lower[at + key.len()..];
        let value: Vec<u8> = value
            .iter()
            .copied()
            .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .collect();
        if let Some(encoding) = Encoding::for_label(&value) {
            // UTF-16 declared inside an 8-bit readable header is a lie.
            if encoding != UTF_16LE && encoding != UTF_16BE {
                return Some(encoding);
            }
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        let cases: Vec<(Vec<u8>, &str, &str)> = vec![
            (
                b"\xEF\xBB\xBFl'\xC3\xA9t\xC3\xA9".to_vec(),
                "l'été",
                "UTF-8",
            ),
            ("l'été".as_bytes().to_vec(), "l'été", "UTF-8"),
            (
                b"l'\xE9t\xE9 \x93ok\x94".to_vec(),
                "l'été “ok”",
                "windows-1252",
            ),
            (
                [
                    &[0xFF, 0xFE][..],
                    &"été là"
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes)
                        .collect::<Vec<_>>(),
                ]
                .concat(),
                "été là",
                "UTF-16LE",
            ),
            (
                [
                    &[0xFE, 0xFF][..],
                    &"été"
                        .encode_utf16()
                        .flat_map(u16::to_be_bytes)
                        .collect::<Vec<_>>(),
                ]
                .concat(),
                "été",
                "UTF-16BE",
            ),
            (
                "Bonjour à tous les amis"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect(),
                "Bonjour à tous les amis",
                "UTF-16LE",
            ),
            (
                b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>".to_vec(),
                "<meta charset=\"iso-8859-1\"><p>café</p>",
                "windows-1252",
            ),
        ];
        for (bytes, text, encoding) in cases {
            let decoded = decode(&bytes, true).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, encoding, "{text}");
        }
    }

    #[test]
    fn mixed_utf8_and_latin1_keeps_both() {
        let mut bytes = "Début en UTF-8 : la Russie répond. ".as_bytes().to_vec();
        bytes.extend_from_slice(b"Suite en Latin-1 : \xe9t\xe9 \xe0 Moscou.");
        let d = decode(&bytes, false).unwrap();
        assert_eq!(
            d.text,
            "Début en UTF-8 : la Russie répond. Suite en Latin-1 : été à Moscou."
        );
        assert_eq!(d.encoding, "UTF-8 mixed with windows-1252");
        // Plain Latin-1 stays windows-1252.
        let d = decode(b"Le march\xe9 de l'\xe9nergie", false).unwrap();
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn legacy_encodings_other_than_western_are_detected() {
        let cases = [
            (
                encoding_rs::WINDOWS_1251,
                "Москва заявила, что переговоры с Киевом продолжатся на следующей неделе.",
            ),
            (
                encoding_rs::WINDOWS_1250,
                "Příliš žluťoučký kůň úpěl ďábelské ódy. Zażółć gęślą jaźń, powiedział minister.",
            ),
            (
                WINDOWS_1252,
                "Le président a déclaré que l'été serait décisif pour la région.",
            ),
        ];
        for (encoding, text) in cases {
            let (bytes, _, _) = encoding.encode(text);
            let decoded = decode(&bytes, false).unwrap();
            assert_eq!(decoded.text, text, "{}", encoding.name());
            assert_eq!(decoded.encoding, encoding.name());
        }
    }

    #[test]
    fn decomposed_text_is_composed() {
        // "é" written as "e" + combining acute (as macOS file names and some
        // exports do) is one character after decoding.
        let decoded = decode("Le pre\u{301}sident de\u{301}clare".as_bytes(), false).unwrap();
        assert_eq!(decoded.text, "Le président déclare");
    }

    #[test]
    fn invisible_characters_leave_the_text() {
        assert_eq!(
            without_invisible("arri\u{AD}vé à l\u{200B}’école".to_owned()),
            "arrivé à l’école"
        );
        // Through a reader: a soft hyphen written as an HTML entity.
        let value = serde_json::json!({
            "title": "Dan\u{AD}se",
            "body": "<p>Je suis &shy;arrivé à l’école de danse.</p>",
        });
        let article =
            crate::ingest::read_json_article(&value, "a.json", &Default::default()).unwrap();
        assert_eq!(article.title, "Danse");
        assert!(article.body.contains("Je suis arrivé"), "{}", article.body);
    }

    #[test]
    fn rejects_binary_and_empty() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", false),
            Err(NotText::Binary)
        );
        assert_eq!(decode(b"   \n\t ", false), Err(NotText::Empty));
        assert_eq!(decode(b"", false), Err(NotText::Empty));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 31) as u8).collect();
        assert_eq!(decode(&noise, false), Err(NotText::Binary));
    }

    #[test]
    fn mostly_utf8_with_a_broken_byte_stays_utf8() {
        let mut bytes = "é".repeat(500).into_bytes();
        bytes.push(0xC3); // truncated sequence at the end
        let decoded = decode(&bytes, false).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.replaced, 1);
    }
}
