//! Tokens and sentences: the shared view of an article's text that actor and quote
//! extraction work on. Words keep internal hyphens ("Son-hui", "a-t-il"); every
//! punctuation character is its own token; byte spans point into the body.

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub struct Tok {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Alphanumeric word (else punctuation).
    pub is_word: bool,
    /// Starts with an upper-case letter.
    pub is_cap: bool,
    /// Sentence number.
    pub sentence: usize,
    /// A line break comes before this token.
    pub after_break: bool,
}

/// A tokenised text.
pub struct Tokens<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: Vec<Tok>,
    /// Token index range of each sentence.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// Lower-cased text of each token, computed once; `None` when the token is
    /// already lower case (most words: no allocation).
    lower: Vec<Option<String>>,
    /// Name key ([`super::lexicon::normalize`]) of each word; `None` when it is
    /// the lower-cased text itself.
    keys: Vec<Option<String>>,
    /// Set by the caller to stop a long extraction early (the run was cancelled).
    pub cancel: Option<&'a std::sync::atomic::AtomicBool>,
}

impl<'a> Tokens<'a> {
    /// True when the extraction should stop: checked every 1,024 steps `i` of
    /// the extractor's loops, so cancelling reaches inside one long article.
    pub fn cancelled(&self, i: usize) -> bool {
        i.is_multiple_of(1024)
            && self
                .cancel
                .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Text of token `i` (empty when out of range).
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Lower-cased text of token `i` (empty when out of range).
    pub fn lower(&self, i: usize) -> &str {
        match self.lower.get(i) {
            Some(Some(owned)) => owned.as_str(),
            Some(None) => self.word(i),
            None => "",
        }
    }

    /// Name key of token `i`: lower case without accents (empty for punctuation).
    pub fn key(&self, i: usize) -> &str {
        match (self.keys.get(i), self.toks.get(i)) {
            (Some(Some(owned)), _) => owned.as_str(),
            (Some(None), Some(t)) if t.is_word => self.lower(i),
            _ => "",
        }
    }

    /// True if token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| !t.is_word) && self.word(i).starts_with(c)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters that open a list item on a new line.
const BULLETS: &[char] = &['-', '*', '•', '–', '—', '#', '|', '>'];

/// True for text wrapped at a fixed width (wire copy, e-mail, old archives:
/// "…opening of Japan's financial and\nbanking markets…"): many lines, nearly
/// all of them short, where new paragraphs are blank lines or indented lines.
fn hard_wrapped(text: &str) -> bool {
    let (mut lines, mut short, mut long) = (0usize, 0usize, 0usize);
    for line in text.lines().map(str::trim_end).filter(|l| !l.is_empty()) {
        lines += 1;
        match line.chars().count() {
            0..=90 => short += 1,
            91..=120 => {}
            _ => long += 1,
        }
    }
    lines >= 6 && long == 0 && short * 10 >= lines * 9
}

/// Splits `text` into tokens and sentences.
pub fn tokenize<'a>(text: &'a str, abbreviations: &dyn Fn(&str) -> bool) -> Tokens<'a> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut line_break = true;
    let wrapped = hard_wrapped(text);
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            // In hard-wrapped text a line break inside a paragraph is a space.
            let next = text[i + 1..].chars().next();
            let soft = wrapped && next.is_some_and(|n| !n.is_whitespace() && !BULLETS.contains(&n));
            line_break |= !soft;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else if d == '-' || d == '‑' {
                    // Keep the hyphen only between two word characters.
                    let after = text[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(is_word_char) {
                        chars.next();
                        end = j + d.len_utf8();
                    } else {
                        break;
                    }
                } else if (d == '\'' || d == '’')
                    && matches!(&text[i..end], "O" | "D" | "N")
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                {
                    // "O'Brien", "D'Alema", "N'Diaye": one name ("L'Europe"
                    // and "d'Israël" stay an article and a name).
                    chars.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start: i,
                end,
                is_word: true,
                is_cap: c.is_uppercase(),
                sentence: 0,
                after_break: line_break,
            });
        } else {
            toks.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                is_word: false,
                is_cap: false,
                sentence: 0,
                after_break: line_break,
            });
        }
        line_break = false;
    }
    // Sentences end at . ! ? … before a capital, a quote mark or a line break, and at line breaks.
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut sentence = 0;
    for i in 0..toks.len() {
        if i > start && toks[i].after_break {
            sentences.push(start..i);
            start = i;
            sentence += 1;
        }
        toks[i].sentence = sentence;
        let t = &toks[i];
        let c = text[t.start..t.end].chars().next().unwrap_or(' ');
        if !t.is_word && matches!(c, '.' | '!' | '?' | '…') {
            let prev_word = if i > 0 && toks[i - 1].is_word {
                &text[toks[i - 1].start..toks[i - 1].end]
            } else {
                ""
            };
            // "M." "Dr." "U.S." are not sentence ends.
            let abbreviation = c == '.'
                && (abbreviations(&format!("{prev_word}."))
                    || (prev_word.chars().count() == 1
                        && prev_word.chars().all(char::is_uppercase)));
            let next = toks.get(i + 1);
            let ends = match next {
                None => true,
                Some(n) if n.after_break => true,
                Some(n) if n.is_word => n.is_cap,
                Some(n) => {
                    let nc = text[n.start..n.end].chars().next().unwrap_or(' ');
                    // A closing quote right after the period belongs to this sentence.
                    matches!(nc, '«' | '“' | '"' | '„' | '(' | '—' | '–' | '-')
                }
            };
            if ends && !abbreviation {
                sentences.push(start..i + 1);
                start = i + 1;
                sentence += 1;
            }
        }
    }
    if start < toks.len() {
        sentences.push(start..toks.len());
    }
    let lower = toks
        .iter()
        .map(|t| {
            let word = &text[t.start..t.end];
            word.chars()
                .any(char::is_uppercase)
                .then(|| word.to_lowercase())
        })
        .collect();
    let keys = toks
        .iter()
        .map(|t| {
            let word = &text[t.start..t.end];
            // ASCII letters and digits need no key of their own: the lower case is the key.
            (t.is_word && !word.bytes().all(|b| b.is_ascii_alphanumeric()))
                .then(|| super::lexicon::normalize(word))
        })
        .collect();
    Tokens {
        text,
        toks,
        sentences,
        lower,
        keys,
        cancel: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophe_names_are_one_word() {
        let text = "Conor O'Brien met Massimo D’Alema and N'Diaye. L'Europe d'Israël.";
        let t = tokenize(text, &|_| false);
        let words: Vec<&str> = (0..t.toks.len())
            .filter(|k| t.toks[*k].is_word)
            .map(|k| t.word(k))
            .collect();
        assert_eq!(
            words,
            [
                "Conor",
                "O'Brien",
                "met",
                "Massimo",
                "D’Alema",
                "and",
                "N'Diaye",
                "L",
                "Europe",
                "d",
                "Israël"
            ]
        );
    }

    /// Wire copy wrapped at 70 columns: a line break inside a paragraph is a
    /// space, an indented line or a blank line starts a paragraph; text with
    /// long lines keeps every line break.
    #[test]
    fn hard_wrapped_lines_join() {
        let text = "TOKYO, March 3 - Japan's Foreign\nMinistry spokesman said.\n    \"We have come to seek the opening of Japan's financial and\nbanking markets,\" Jake Garn, ranking Republican on the Senate\nBanking Committee, told Prime Minister Yasuhiro Nakasone.\n    \"Japan's financial and banking market is very large and\nincreasingly sophisticated,\" he said.\n- a list item\n- another item\n";
        let t = tokenize(text, &|_| false);
        let find = |w: &str| (0..t.toks.len()).find(|k| t.word(*k) == w).unwrap();
        let (banking, senate, committee) = (find("banking"), find("Senate"), find("Committee"));
        assert!(!t.toks[banking].after_break);
        assert_eq!(t.toks[senate].sentence, t.toks[committee].sentence);
        assert!(!t.toks[find("Banking")].after_break);
        assert!(t.toks[find("Japan") + 3].sentence == t.toks[find("Japan")].sentence);
        let quote = (0..t.toks.len())
            .filter(|k| t.word(*k) == "\"")
            .nth(2)
            .unwrap();
        assert!(
            t.toks[quote].after_break,
            "an indented line opens a paragraph"
        );
        let dash = (0..t.toks.len())
            .filter(|k| t.word(*k) == "-")
            .nth(1)
            .unwrap();
        assert!(t.toks[dash].after_break, "a list item keeps its line");

        let long = format!("{}\nSecond line", "word ".repeat(40));
        let t = tokenize(&long, &|_| false);
        let second = (0..t.toks.len()).find(|k| t.word(*k) == "Second").unwrap();
        assert!(t.toks[second].after_break);
    }

    #[test]
    fn words_punctuation_and_sentences() {
        let text = "« Oui », a-t-il dit. M. Kim Jong-un est venu.Lors de la visite, U.S. officials spoke.\nNouvelle ligne";
        let t = tokenize(text, &|w| w == "M.");
        let words: Vec<&str> = (0..t.toks.len()).map(|i| t.word(i)).collect();
        assert_eq!(
            &words[..8],
            &["«", "Oui", "»", ",", "a-t-il", "dit", ".", "M"]
        );
        assert!(words.contains(&"Jong-un"));
        let sentence_texts: Vec<&str> = t
            .sentences
            .iter()
            .map(|r| &text[t.toks[r.start].start..t.toks[r.end - 1].end])
            .collect();
        assert_eq!(
            sentence_texts,
            [
                "« Oui », a-t-il dit.",
                "M. Kim Jong-un est venu.",
                "Lors de la visite, U.S. officials spoke.",
                "Nouvelle ligne"
            ]
        );
    }
}
