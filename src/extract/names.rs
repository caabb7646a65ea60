//! The shape of a name in text: where a capitalised name ends, which words
//! before it are titles, what reads as an organisation's name, which
//! capitalised words are no names. Shared by actor and quote extraction.

use super::lexicon::LEXICON;
use super::tokens::Tokens;

/// True for a normalised word in the list of capitalised non-names.
pub fn is_common_word(key: &str) -> bool {
    LEXICON.in_list("not_name", key) || crate::ingest::dates::is_calendar_word(key)
}

/// Words as one line: a name wrapped across lines ("Martin\nKlein").
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when the capitalised words `run` (at least two) read as an
/// organisation's name: "… Distilling Co", "Investors Equity Fund",
/// "Project …".
pub fn org_shaped(t: &Tokens<'_>, run: &[usize]) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    run.len() >= 2
        && (LEXICON.in_list("org_head", t.key(*first)) || LEXICON.in_list("org_tail", t.key(*last)))
}

/// Token `k` is the period of an initial ("S." before "Ivanov").
pub fn is_initial_dot(t: &Tokens<'_>, k: usize) -> bool {
    k > 0
        && t.is_punct(k, '.')
        && t.word(k - 1).chars().count() == 1
        && t.toks[k - 1].is_cap
        && t.toks.get(k + 1).is_some_and(|n| n.is_word && n.is_cap)
}

/// End (exclusive) of a capitalised name starting at `i` (initials allowed), at most `max` words.
pub fn name_end(t: &Tokens<'_>, i: usize, max: usize) -> usize {
    let mut e = i + 1;
    while e < t.toks.len()
        && e < i + max * 2
        && ((t.toks[e].is_word && t.toks[e].is_cap) || is_initial_dot(t, e))
    {
        e += 1;
    }
    e
}

/// How many words at the start of a capitalised run are titles, roles or
/// nationality adjectives ("Polish Prime Minister …" → 3).
pub fn title_words(t: &Tokens<'_>, run: &[usize]) -> usize {
    let lexicon = &*LEXICON;
    let mut j = 0;
    while j < run.len() {
        let key = t.key(run[j]);
        if j + 1 < run.len()
            && lexicon
                .roles
                .contains(&format!("{key} {}", t.key(run[j + 1])))
        {
            j += 2;
        } else if lexicon.roles.contains(key)
            || lexicon.honorifics.contains(t.word(run[j]))
            || (j + 1 < run.len() && lexicon.demonyms.contains_key(key))
        {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Where a person's name starts in a capitalised run: after its title words
/// ([`title_words`]), or, when the run does not open with a given name, after
/// its last role word ("Foreign Minister Thorvald Stoltenberg") or at a given
/// name among its last three words ("Air Force James Roche", "for
/// Acquisition Marvin Sambur": the words before name an office). 0 when the
/// whole run is the name.
pub fn name_start(t: &Tokens<'_>, run: &[usize]) -> usize {
    let lexicon = &*LEXICON;
    let lead = title_words(t, run);
    if lead > 0 || run.len() < 3 || lexicon.first_names.contains(t.key(run[0])) {
        return lead;
    }
    // "Foreign Minister Thorvald Stoltenberg": the name follows the last role.
    let after_role = run[..run.len() - 1]
        .iter()
        .rposition(|k| lexicon.roles.contains(t.key(*k)))
        .map(|p| p + 1)
        .filter(|start| (2..=3).contains(&(run.len() - start)));
    if let Some(start) = after_role {
        return start;
    }
    (run.len().saturating_sub(3).max(1)..run.len() - 1)
        .find(|p| lexicon.first_names.contains(t.key(run[*p])))
        .unwrap_or(0)
}
