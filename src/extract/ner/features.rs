//! What the name recogniser looks at for each token: the word, its shape and
//! affixes, its neighbours, what the lexicons say of it (a given name, a
//! common word, an honorific, a role, a country, part of a known
//! organisation's name…) and the tags chosen just before. Each feature is a
//! 64-bit hash of a template number and a value, so no string is kept.

use super::Tag;
use crate::extract::lexicon::{ActorKind, Lexicon};
use crate::extract::tokens::Tokens;
use crate::model::Lang;

/// What the lexicons say of one token (bit flags).
pub(super) mod flag {
    pub const GIVEN: u32 = 1;
    pub const GIVEN_AMBIGUOUS: u32 = 1 << 1;
    pub const COMMON: u32 = 1 << 2;
    pub const VERY_COMMON: u32 = 1 << 3;
    pub const HONORIFIC: u32 = 1 << 4;
    pub const ROLE: u32 = 1 << 5;
    pub const VERB: u32 = 1 << 6;
    pub const DEMONYM: u32 = 1 << 7;
    pub const ORG_HEAD: u32 = 1 << 8;
    pub const GAZ_B_PER: u32 = 1 << 9;
    pub const GAZ_I_PER: u32 = 1 << 10;
    pub const GAZ_B_ORG: u32 = 1 << 11;
    pub const GAZ_I_ORG: u32 = 1 << 12;
    pub const GAZ_B_LOC: u32 = 1 << 13;
    pub const GAZ_I_LOC: u32 = 1 << 14;
    pub const GAZ_WEAK: u32 = 1 << 15;
    pub const SENTENCE_START: u32 = 1 << 16;
    pub const LINE_START: u32 = 1 << 17;
    pub const QUOTE_BEFORE: u32 = 1 << 18;
    /// Flags that come from gazetteers (dropped now and then in training, so
    /// the model also learns to find names no list holds).
    pub const GAZETTEERS: u32 = GIVEN
        | GIVEN_AMBIGUOUS
        | GAZ_B_PER
        | GAZ_I_PER
        | GAZ_B_ORG
        | GAZ_I_ORG
        | GAZ_B_LOC
        | GAZ_I_LOC
        | GAZ_WEAK;
    pub const COUNT: u32 = 19;
}

/// The per-token view of a text, computed once.
pub struct Context<'t, 'a> {
    /// The tokens.
    pub t: &'t Tokens<'a>,
    /// Word shape of each token ("Xx", "X.X.", "d").
    shapes: Vec<String>,
    /// Lexicon flags of each token.
    pub flags: Vec<u32>,
    /// Tokens the recogniser looks at (near a capitalised word); the rest is O.
    pub candidate: Vec<bool>,
    lang: Lang,
}

/// Word shape: letters as X/x, digits as d, other characters kept, runs
/// collapsed ("Macron" → "Xx", "CGT" → "X", "Jean-Luc" → "Xx-Xx", "1984" → "d").
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

impl<'t, 'a> Context<'t, 'a> {
    /// Computes shapes, lexicon flags and candidates for every token.
    pub fn new(t: &'t Tokens<'a>, lang: Lang, lexicon: &Lexicon) -> Self {
        let n = t.toks.len();
        let mut candidate = vec![false; n];
        for i in 0..n {
            if !t.toks[i].is_cap {
                continue;
            }
            let sentence = t.toks[i].sentence;
            let lo = i.saturating_sub(2);
            let hi = (i + 3).min(n - 1);
            for (k, c) in candidate.iter_mut().enumerate().take(hi + 1).skip(lo) {
                if t.toks[k].sentence == sentence {
                    *c = true;
                }
            }
        }
        // Features read the shapes and flags of two tokens either side of a
        // candidate: the rest of the text needs no lexicon lookup.
        let mut needed = vec![false; n];
        for i in (0..n).filter(|i| candidate[*i]) {
            for slot in needed
                .iter_mut()
                .take((i + 3).min(n))
                .skip(i.saturating_sub(2))
            {
                *slot = true;
            }
        }
        let shapes = (0..n)
            .map(|i| {
                if needed[i] {
                    shape(t.word(i))
                } else {
                    String::new()
                }
            })
            .collect();
        let mut flags = vec![0u32; n];
        for (i, f) in flags.iter_mut().enumerate() {
            if t.cancelled(i) {
                break;
            }
            let tok = &t.toks[i];
            if !tok.is_word || !needed[i] {
                continue;
            }
            let key = t.key(i);
            if lexicon.first_names.contains(key) {
                *f |= flag::GIVEN;
                if lexicon.ambiguous_names.contains(key) {
                    *f |= flag::GIVEN_AMBIGUOUS;
                }
            }
            match lexicon.common_words.get(key) {
                Some(count) if *count >= 20 => *f |= flag::COMMON | flag::VERY_COMMON,
                Some(count) if *count >= 2 => *f |= flag::COMMON,
                _ => {}
            }
            if lexicon.is_honorific(t.word(i), t.is_punct(i + 1, '.')) {
                *f |= flag::HONORIFIC;
            }
            if lexicon.roles.contains(key) {
                *f |= flag::ROLE;
            }
            if lexicon.verbs.contains_key(t.lower(i)) {
                *f |= flag::VERB;
            }
            if lexicon.demonyms.contains_key(key) {
                *f |= flag::DEMONYM;
            }
            if lexicon.org_heads.contains_key(key) {
                *f |= flag::ORG_HEAD;
            }
            if i == 0 || t.toks[i - 1].sentence != tok.sentence {
                *f |= flag::SENTENCE_START;
            }
            if tok.after_break {
                *f |= flag::LINE_START;
            }
            if i > 0
                && !t.toks[i - 1].is_word
                && matches!(t.word(i - 1), "«" | "“" | "\"" | "„" | "‘")
            {
                *f |= flag::QUOTE_BEFORE;
            }
        }
        mark_gazetteer(t, lexicon, &mut flags);
        Self {
            t,
            shapes,
            flags,
            candidate,
            lang,
        }
    }

    /// The features of token `i` that do not depend on the tags before it.
    pub fn static_features(&self, i: usize, out: &mut Vec<u64>) {
        let t = self.t;
        let word = |k: isize| -> &str {
            usize::try_from(k)
                .ok()
                .filter(|k| *k < t.toks.len() && t.toks[*k].sentence == t.toks[i].sentence)
                .map_or("<s>", |k| t.lower(k))
        };
        let shape_at = |k: isize| -> &str {
            usize::try_from(k)
                .ok()
                .filter(|k| *k < t.toks.len() && t.toks[*k].sentence == t.toks[i].sentence)
                .map_or("<s>", |k| self.shapes[k].as_str())
        };
        let flags_at = |k: isize| -> u32 {
            usize::try_from(k)
                .ok()
                .filter(|k| *k < t.toks.len() && t.toks[*k].sentence == t.toks[i].sentence)
                .map_or(0, |k| self.flags[k])
        };
        let ii = i as isize;
        let lower = t.lower(i);
        let shape = self.shapes[i].as_str();
        out.push(hash(0, b"bias"));
        out.push(hash(1, lower.as_bytes()));
        out.push(hash(2, shape.as_bytes()));
        // The last and first characters, as slices of the word (no copy).
        let char_count = lower.chars().count();
        let tail = |n: usize| {
            let skip = char_count.saturating_sub(n);
            lower
                .char_indices()
                .nth(skip)
                .map_or("", |(b, _)| &lower[b..])
        };
        let head = |n: usize| {
            lower
                .char_indices()
                .nth(n)
                .map_or(lower, |(b, _)| &lower[..b])
        };
        out.push(hash(3, tail(3).as_bytes()));
        out.push(hash(4, tail(2).as_bytes()));
        out.push(hash(5, head(3).as_bytes()));
        out.push(hash(6, word(ii - 1).as_bytes()));
        out.push(hash(7, word(ii + 1).as_bytes()));
        out.push(hash(8, word(ii - 2).as_bytes()));
        out.push(hash(9, word(ii + 2).as_bytes()));
        out.push(hash(10, shape_at(ii - 1).as_bytes()));
        out.push(hash(11, shape_at(ii + 1).as_bytes()));
        out.push(hash2(12, shape_at(ii - 1).as_bytes(), shape.as_bytes()));
        out.push(hash2(13, shape.as_bytes(), shape_at(ii + 1).as_bytes()));
        out.push(hash2(14, word(ii - 1).as_bytes(), shape.as_bytes()));
        let lang = [self.lang as u8];
        out.push(hash2(15, &lang, shape.as_bytes()));
        out.push(hash2(16, &lang, word(ii - 1).as_bytes()));
        let length = [char_count.min(12) as u8];
        out.push(hash2(17, &length, shape.as_bytes()));
        for (template, flags) in [
            (20u8, flags_at(ii)),
            (21, flags_at(ii - 1)),
            (22, flags_at(ii + 1)),
            (23, flags_at(ii - 2)),
        ] {
            for bit in 0..flag::COUNT {
                if flags & (1 << bit) != 0 {
                    out.push(hash(template, &[bit as u8]));
                    if template == 20 {
                        out.push(hash2(24, &[bit as u8], shape.as_bytes()));
                    }
                }
            }
        }
    }

    /// The features that depend on the two tags before token `i`.
    pub fn tag_features(&self, i: usize, prev: Tag, prev2: Tag, out: &mut Vec<u64>) {
        let shape = self.shapes[i].as_str();
        out.push(hash(30, &[prev as u8]));
        out.push(hash(31, &[prev as u8, prev2 as u8]));
        out.push(hash2(32, &[prev as u8], shape.as_bytes()));
        out.push(hash2(33, &[prev as u8], self.t.lower(i).as_bytes()));
    }
}

/// Marks tokens inside gazetteer names (longest match first), by the kind of
/// what they name; weak forms are marked as such.
fn mark_gazetteer(t: &Tokens<'_>, lexicon: &Lexicon, flags: &mut [u32]) {
    let n = t.toks.len();
    let mut i = 0;
    while i < n {
        if !t.toks[i].is_word
            || !lexicon
                .first_words
                .contains(t.key(i).split(' ').next().unwrap_or_default())
        {
            i += 1;
            continue;
        }
        let mut key = String::new();
        let mut best = None;
        let mut k = i;
        let mut words = 0;
        while k < n && words < lexicon.max_tokens && t.toks[k].sentence == t.toks[i].sentence {
            if t.toks[k].is_word {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(t.key(k));
                words += 1;
                if let Some(s) = lexicon.surfaces.get(&key) {
                    let exact = t.text[t.toks[i].start..t.toks[k].end]
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                    if !s.acronym || exact {
                        best = Some((k + 1, *s));
                    }
                }
                // No longer name starts with these words.
                if !lexicon.prefixes.contains(&key) {
                    break;
                }
            } else if !matches!(t.word(k), "'" | "’" | "." | "-") {
                break;
            }
            k += 1;
        }
        let Some((end, surface)) = best else {
            i += 1;
            continue;
        };
        let (b, inside) = match lexicon.entries[surface.entry].kind {
            ActorKind::Person => (flag::GAZ_B_PER, flag::GAZ_I_PER),
            ActorKind::Org | ActorKind::Other => (flag::GAZ_B_ORG, flag::GAZ_I_ORG),
            ActorKind::Country | ActorKind::Place => (flag::GAZ_B_LOC, flag::GAZ_I_LOC),
        };
        let weak = if surface.weak { flag::GAZ_WEAK } else { 0 };
        flags[i] |= b | weak;
        for f in flags.iter_mut().take(end).skip(i + 1) {
            *f |= inside | weak;
        }
        i = end;
    }
}

/// FNV-1a of a template number and a value.
fn hash(template: u8, value: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(&template).chain(value) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h | 1
}

/// FNV-1a of a template number and two values.
fn hash2(template: u8, a: &[u8], b: &[u8]) -> u64 {
    let mut h = hash(template, a);
    h ^= 0xff;
    h = h.wrapping_mul(0x0100_0000_01b3);
    for byte in b {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Macron"), "Xx");
        assert_eq!(shape("CGT"), "X");
        assert_eq!(shape("Jean-Luc"), "Xx-Xx");
        assert_eq!(shape("1984"), "d");
        assert_eq!(shape("McDonald"), "XxXx");
    }
}
