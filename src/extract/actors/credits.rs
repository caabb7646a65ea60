//! Credits name no actor of the story: photo credits ("Scott Olson/Getty
//! Images", "(Evan Mitsui/CBC)", "Photo by Ezequiel Becerra / AFP"), bylines
//! ("By Tom Davies", "Par Lilian Alemagna, Laure Bretton"), wire lines
//! ("Michael Conroy, AP", "Tom Davies Associated Press", "AFP, MANILA",
//! "Pete Evans · CBC News · Posted: …"), an agency alone in parentheses
//! ("(Reuters)", "PARIS (AFP) –"), a caption's "| Jason Henry for The
//! Standard", a contact line ("Benjamin Romano: 206-… or b…@…") and the
//! author's biography after an "About the author" heading. Their tokens are
//! marked covered before any pass looks for names, so none takes a name
//! there.

use crate::extract::lexicon::Lexicon;
use crate::extract::tokens::Tokens;

/// A byline or wire line has at most this many words.
const SHORT_LINE: usize = 12;
/// A line with a publication stamp ("Posted: Oct 14, 2022 9:27 AM ET") may
/// be longer.
const STAMP_LINE: usize = 28;

/// Marks the tokens of the article's credits in `covered`.
pub(super) fn mark(t: &Tokens<'_>, lexicon: &Lexicon, covered: &mut [bool]) {
    let n = t.toks.len();
    let mut start = 0;
    // Lines still to cover after an "About the author" heading.
    let mut bio_lines = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && !t.toks[end].after_break {
            end += 1;
        }
        if bio_lines > 0 {
            covered[start..end].iter_mut().for_each(|c| *c = true);
            bio_lines -= 1;
        } else if author_heading(t, lexicon, start, end) {
            bio_lines = BIO_LINES;
        } else {
            mark_line(t, lexicon, start, end, covered);
        }
        start = end;
    }
}

/// Lines after an "About the author" heading that tell who wrote the
/// piece (a job title, then the author's short biography).
const BIO_LINES: usize = 3;

/// True for a heading line such as "About the author", "À propos de
/// l'auteur" (`author_heading` in `words.tsv`, one word list entry per
/// heading, normalised).
fn author_heading(t: &Tokens<'_>, lexicon: &Lexicon, first: usize, end: usize) -> bool {
    let words: Vec<&str> = (first..end)
        .filter(|k| t.toks[*k].is_word)
        .map(|k| t.key(k))
        .collect();
    words.len() <= 6 && lexicon.in_list("author_heading", &words.join(" "))
}

/// "Benjamin Romano: 206-652-6593 or bromano@seattletimes.com": a short
/// line opening with a name and a colon that gives an e-mail address.
fn contact_line(t: &Tokens<'_>, first: usize, end: usize, words: &[usize]) -> bool {
    let colon = (first..end.min(first + 5)).find(|k| t.is_punct(*k, ':'));
    words.len() <= SHORT_LINE + 6
        && t.toks[first].is_word
        && t.toks[first].is_cap
        && colon.is_some_and(|c| (c..end).any(|k| t.is_punct(k, '@')))
}

/// "| Jason Henry for The Standard": a caption's last part, after a bar,
/// naming someone "for" a capitalised outlet; its span.
fn for_credit(t: &Tokens<'_>, first: usize, end: usize) -> Option<(usize, usize)> {
    let bar = (first..end).rev().find(|k| t.is_punct(*k, '|'))?;
    let words: Vec<usize> = (bar + 1..end).filter(|k| t.toks[*k].is_word).collect();
    let by = words.iter().position(|k| t.key(*k) == "for")?;
    let named = words[..by].iter().all(|k| t.toks[*k].is_cap);
    let outlet = words[by + 1..].iter().all(|k| t.toks[*k].is_cap);
    ((1..=3).contains(&by) && named && outlet && words.len() <= 8 && words.len() > by + 1)
        .then_some((bar + 1, end))
}

fn mark_line(t: &Tokens<'_>, lexicon: &Lexicon, first: usize, end: usize, covered: &mut [bool]) {
    let words: Vec<usize> = (first..end).filter(|k| t.toks[*k].is_word).collect();
    let ends_sentence = (first..end)
        .rev()
        .find(|k| !matches!(t.word(*k), ")" | "]"))
        .is_some_and(|k| matches!(t.word(k), "." | "!" | "?" | "”" | "\"" | "»" | "…"));
    let cover = |covered: &mut [bool], a: usize, b: usize| {
        covered[a..b].iter_mut().for_each(|c| *c = true);
    };
    let Some(&head) = words.first() else {
        return;
    };
    // "By Tom Davies": a short line opening with the byline word and a name.
    let byline = lexicon.in_list("credit_lead", t.key(head))
        && words.get(1).is_some_and(|k| t.toks[*k].is_cap)
        && words.len() <= SHORT_LINE
        && !ends_sentence;
    // Long lines are prose: only an agency in parentheses can be a credit
    // there, so only names right after "(" are looked up.
    let short = words.len() <= STAMP_LINE;
    let media_at = media_names(t, lexicon, first, end, |k| {
        short || (k > first && t.is_punct(k - 1, '('))
    });
    // "Pete Evans · CBC News · Posted: …": a media name and a stamp.
    let stamp = words.len() <= STAMP_LINE
        && !media_at.is_empty()
        && words
            .iter()
            .any(|k| lexicon.in_list("credit_stamp", t.key(*k)));
    if byline
        || stamp
        || contact_line(t, first, end, &words)
        || (wire_line(t, lexicon, &words, &media_at) && !ends_sentence)
    {
        cover(covered, first, end);
        return;
    }
    if let Some((a, b)) = for_credit(t, first, end) {
        cover(covered, a, b);
    }
    // "(Reuters)", "(AFP)": an agency alone in parentheses.
    for &(a, b) in &media_at {
        if a > first && t.is_punct(a - 1, '(') && t.is_punct(b, ')') {
            cover(covered, a, b);
        }
    }
    // "Photo by …", "Crédits : …": the rest of the line or of the parentheses.
    for (pos, &k) in words.iter().enumerate() {
        let next = words.get(pos + 1).copied();
        // The cue opens the credit: capitalised or in parentheses ("une
        // bonne image de la Corée" credits nobody).
        let opens = t.toks[k].is_cap || (k > first && t.is_punct(k - 1, '('));
        let cue = lexicon.in_list("credit_cue", t.key(k))
            && opens
            && (t.is_punct(k + 1, ':')
                || next.is_some_and(|w| matches!(t.key(w), "by" | "par" | "credit")));
        if cue {
            let stop = (k..end).find(|x| t.is_punct(*x, ')')).unwrap_or(end);
            cover(covered, k, stop);
        }
    }
    // "Scott Olson/Getty Images", "(Thomas Coex/AFP/Getty Images)": names
    // joined by slashes that close the line or the parentheses.
    for k in first..end {
        if t.is_punct(k, '/')
            && !covered[k]
            && let Some((a, b)) = slash_credit(t, lexicon, first, end, k)
        {
            cover(covered, a, b);
        }
    }
}

/// Token spans of the media and agency names in the line that start where
/// `starts` allows, longest first at each position.
fn media_names(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    first: usize,
    end: usize,
    starts: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = first;
    while i < end {
        let mut found = None;
        if t.toks[i].is_word
            && t.toks[i].is_cap
            && starts(i)
            && lexicon.first_words.contains(t.key(i))
        {
            let mut key = String::new();
            let mut k = i;
            while k < end && k < i + 6 && t.toks[k].is_word {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(t.key(k));
                k += 1;
                if lexicon.media.contains(&key) {
                    found = Some(k);
                }
            }
        }
        match found {
            Some(k) => {
                out.push((i, k));
                i = k;
            }
            None => i += 1,
        }
    }
    out
}

/// True for a short line of names that ends with a media name ("Michael
/// Conroy, AP", "Tom Davies Associated Press") or opens with one followed by
/// a dateline in capitals ("AFP, MANILA"): every word capitalised, a number
/// or a credit word.
fn wire_line(t: &Tokens<'_>, lexicon: &Lexicon, words: &[usize], media: &[(usize, usize)]) -> bool {
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    if words.len() > SHORT_LINE || media.is_empty() {
        return false;
    }
    let credit_like = words.iter().all(|k| {
        t.toks[*k].is_cap
            || t.word(*k).chars().all(|c| c.is_ascii_digit())
            || lexicon.in_list("credit_word", t.key(*k))
    });
    if !credit_like {
        return false;
    }
    let media_last = media.last().is_some_and(|&(_, b)| b > last);
    let media_first_dateline = media[0].0 == first && {
        let rest: Vec<usize> = words.iter().copied().filter(|k| *k >= media[0].1).collect();
        !rest.is_empty()
            && t.is_punct(media[0].1, ',')
            && rest.iter().all(|k| {
                t.word(*k)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            })
    };
    // A lone media name is a heading or a credit either way; a person and
    // a media name make a credit only with the media name last.
    (media_last && words.len() >= 2) || media_first_dateline
}

/// The span of a slash-joined credit around the slash at `slash`, when the
/// names on both sides are capitalised and the chain closes the line or the
/// parentheses it opens.
fn slash_credit(
    t: &Tokens<'_>,
    lexicon: &Lexicon,
    first: usize,
    end: usize,
    slash: usize,
) -> Option<(usize, usize)> {
    let name_tok = |k: usize| {
        (t.toks[k].is_word && (t.toks[k].is_cap || lexicon.in_list("credit_word", t.key(k))))
            || matches!(t.word(k), "." | "-" | "&" | "'" | "’")
    };
    let joins = |k: usize| t.is_punct(k, '/') || name_tok(k);
    let capital = |k: usize| t.toks[k].is_word && t.toks[k].is_cap;
    // A caption may open on the slash when the photographer's name was cut
    // ("/AFP via Getty Images").
    if !((slash == first || capital(slash - 1)) && slash + 1 < end && capital(slash + 1)) {
        return None;
    }
    let mut a = slash;
    while a > first && name_tok(a - 1) {
        a -= 1;
    }
    // Punctuation before the first name belongs to what comes before.
    while a < slash && !t.toks[a].is_word {
        a += 1;
    }
    let mut b = slash + 1;
    while b < end && joins(b) {
        b += 1;
    }
    // What closes the chain: the end of the line, or ")" / "]" / "|".
    let closes = b == end || matches!(t.word(b), ")" | "]" | "|");
    // What opens it: the start of the line, "(", "|" or the end of a
    // caption's sentence.
    let opens = a == first || matches!(t.word(a - 1), "(" | "[" | "|" | "." | ":" | "—" | "–");
    (closes && opens).then_some((a, b))
}
