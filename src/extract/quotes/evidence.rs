//! The cue words behind an attribution, for the user: the reporting verb
//! ("a déclaré", "said", "précise-t-il"), "selon" / "according to", or the
//! colon of a speaker's label, nearest to the words naming the speaker.

use super::super::lexicon::LEXICON;
use super::super::tokens::Tokens;
use super::verbs::{AUXILIARIES, inverted};

/// Tokens looked at past the speaker's words.
const REACH: usize = 4;

/// Byte span of the cue of a quote opening at token `open` (its words end
/// before `after`), whose speaker is named at bytes `speaker` (if named here).
pub(super) fn cue(
    t: &Tokens<'_>,
    open: usize,
    after: usize,
    speaker: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let sentence = t.sentences.get(t.toks.get(open)?.sentence)?.clone();
    let (lo, hi, target) = match speaker.and_then(|(s, _)| token_at(t, s)) {
        Some(k) if k >= after => (after, (k + REACH).min(t.toks.len()), k),
        Some(k) if k < open => (k.saturating_sub(REACH), open, k),
        // Inside the quote (an incise) or not named here.
        Some(k) => (k.saturating_sub(REACH), (k + REACH).min(t.toks.len()), k),
        None => (sentence.start, sentence.end.max(after), open),
    };
    // A capitalised word inside a sentence is a name ("Secretary of State"),
    // not a verb.
    let opens = |k: usize| k == sentence.start || t.toks[k].after_break;
    let is_cue = |k: usize| {
        let w = t.lower(k);
        (t.toks[k].is_word
            && (!t.toks[k].is_cap || opens(k))
            && ((LEXICON.verbs.contains_key(w) && !AUXILIARIES.contains(&w))
                || inverted(w).is_some()
                || matches!(w, "selon" | "according")))
            || (k + 1 == open && t.is_punct(k, ':'))
    };
    let k = (lo..hi)
        .filter(|k| (*k < open || *k >= after) && is_cue(*k))
        .min_by_key(|k| k.abs_diff(target))?;
    // "according to", "a déclaré": the cue's second word joins it.
    let mut end = k + 1;
    if t.lower(k) == "according" && t.lower(k + 1) == "to" {
        end = k + 2;
    }
    let mut start = k;
    if k > 0 && AUXILIARIES.contains(&t.lower(k - 1)) && t.toks[k - 1].is_word {
        start = k - 1;
    }
    Some((t.toks[start].start, t.toks[end - 1].end))
}

/// The token starting at byte `byte`, if one does.
fn token_at(t: &Tokens<'_>, byte: usize) -> Option<usize> {
    let k = t.toks.partition_point(|x| x.start < byte);
    (k < t.toks.len() && t.toks[k].start == byte).then_some(k)
}
