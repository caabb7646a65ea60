//! Speech or not: quote marks also set off terms, titles, names of charges
//! and operations, and scare quotes (« boîtes noires », "so-called"). A few
//! quoted words count as speech only when the sentence gives them to
//! someone; a full quoted sentence is speech even when no cue names its
//! speaker (the context does).

use super::{Quote, QuoteKind};

/// Rules that read a cue in the quote's sentence (or its headline place).
const CUE_RULES: &[&str] = &[
    "incise",
    "after-quote",
    "before-quote",
    "later-clause",
    "sentence-verb",
    "continued",
    "same-sentence",
    "headline",
];

/// Longest quoted term, in words: longer partial quotes are clauses
/// someone said ("comme un ami concerné pourrait le faire").
const MAX_TERM_WORDS: usize = 3;

/// True when `q` (its text `text`) is speech: a direct quote, a partial one
/// long enough to be a clause, a short one whose sentence has a verb of
/// saying outside the marks (`cue_in_sentence`), or one a cue attributes.
pub(super) fn is_speech(q: &Quote, text: &str, cue_in_sentence: bool) -> bool {
    q.kind != QuoteKind::Partial
        || cue_in_sentence
        || text.split_whitespace().count() > MAX_TERM_WORDS
        || q.attribution
            .as_ref()
            .is_some_and(|a| CUE_RULES.contains(&a.rule.as_str()))
}
