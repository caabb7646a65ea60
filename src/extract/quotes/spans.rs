//! Quote spans: marks, nesting, paragraphs that reopen a quote, unclosed
//! quotes and the attribution an unclosed quote may end with.

use super::super::lexicon::LEXICON;
use super::super::tokens::Tokens;
use super::Who;
use super::verbs::inverted;

/// A span between quote marks, in token indices.
#[derive(Clone, Debug)]
pub(super) struct Span {
    /// Token of the opening mark.
    pub(super) open: usize,
    /// Token of the closing mark, if closed.
    pub(super) close: Option<usize>,
    /// First token inside.
    pub(super) first: usize,
    /// Token after the last one inside.
    pub(super) end: usize,
}

pub(super) fn closer_of(open: &str) -> Option<&'static [&'static str]> {
    Some(match open {
        "«" => &["»"],
        "“" => &["”", "“"],
        "„" => &["“", "”"],
        "‹" => &["›"],
        "\"" => &["\""],
        _ => return None,
    })
}

/// Finds top-level quote spans.
pub(super) fn quote_spans(t: &Tokens<'_>) -> Vec<Span> {
    let mut spans = Vec::new();
    let n = t.toks.len();
    let mut i = 0;
    while i < n {
        let w = t.word(i);
        let Some(closers) = closer_of(w).filter(|_| !t.toks[i].is_word) else {
            i += 1;
            continue;
        };
        // Straight quotes: an opening one is followed by a word.
        if w == "\""
            && !t
                .toks
                .get(i + 1)
                .is_some_and(|n| n.is_word || !t.word(i + 1).starts_with(['.', ',']))
        {
            i += 1;
            continue;
        }
        let mut depth = 0usize;
        let mut close = None;
        let mut end = n;
        let mut k = i + 1;
        while k < n {
            let kw = t.word(k);
            if t.toks[k].after_break {
                // A new paragraph that reopens the same mark continues the quote.
                if kw == w {
                    k += 1;
                    continue;
                }
                end = k;
                break;
            }
            if !t.toks[k].is_word {
                if closers.contains(&kw) && depth == 0 {
                    close = Some(k);
                    end = k;
                    break;
                }
                if kw == w && w != "\"" {
                    depth += 1;
                } else if closers.contains(&kw) {
                    depth = depth.saturating_sub(1);
                }
            }
            k += 1;
        }
        if k >= n {
            end = n;
        }
        if end > i + 1 {
            spans.push(Span {
                open: i,
                close,
                first: i + 1,
                end,
            });
        }
        i = close.map_or(end, |c| c + 1);
    }
    spans
}

/// True when a quote opening at `open` starts a sentence of the paragraph of
/// the quote that closed at `close`, at most one short attribution clause
/// later (`"…," she said. "…"`), with no other quote mark in between.
pub(super) fn continues(t: &Tokens<'_>, close: usize, open: usize) -> bool {
    let sentence_start = t
        .sentences
        .get(t.toks[open].sentence)
        .is_some_and(|r| r.start == open || (r.start..open).all(|k| !t.toks[k].is_word));
    open > close
        && open - close <= 12
        && sentence_start
        && (close + 1..=open).all(|k| !t.toks[k].after_break)
        && (close + 1..open).all(|k| !matches!(t.word(k), "«" | "»" | "“" | "”" | "\""))
}

/// An attribution inside an unclosed quote's last sentence: "… autre part. dit-elle."
pub(super) fn trailing_attribution(
    t: &Tokens<'_>,
    first: usize,
    end: usize,
) -> Option<(usize, Who)> {
    for k in (first + 1..end).rev().take(6) {
        let w = t.lower(k);
        if let Some((verb, pronoun)) = inverted(w)
            && (LEXICON.verbs.contains_key(verb) || verb == "a")
        {
            let mut cut = k;
            while cut > first
                && !t.toks[cut - 1].is_word
                && !t.word(cut - 1).starts_with(['.', '!', '?'])
            {
                cut -= 1;
            }
            return Some((cut, Who::Pronoun(pronoun.to_owned(), k)));
        }
    }
    None
}
