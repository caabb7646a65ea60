//! Actor mentions in one article: gazetteer matches (countries, organisations,
//! people, with metonyms such as "Moscou" → Russia), people discovered from cues
//! (given names, honorifics, roles), organisations from cue words, and
//! surname-only references merged with the full name seen in the same article.

use std::collections::{HashMap, HashSet};

mod acronyms;
pub mod acting;
mod affiliation;
mod compounds;
mod credits;
mod gazetteer;
mod org_names;
mod parties;
mod recognised;
mod shaped;
mod surnames;

use crate::extract::names::{is_common_word, one_line};

use super::lexicon::{ActorKind, LEXICON, Lexicon, normalize, person_key, translit_key};
use super::tokens::Tokens;
use crate::model::Lang;

/// An actor found in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Stable key: a built-in id (`country:ru`) or `person~<transliteration key>` / `org~<key>`.
    pub key: String,
    /// Kind.
    pub kind: ActorKind,
    /// Display name in the article's language.
    pub name: String,
    /// Country or institution this actor speaks for, when known (`country:us`).
    pub affiliation: Option<String>,
}

impl Found {
    /// The built-in actor `entry`, named in `lang`: a country speaks for
    /// itself, an institution for its parent.
    pub fn from_entry(entry: &crate::extract::lexicon::Entry, lang: Lang) -> Self {
        Self {
            key: entry.id.clone(),
            kind: entry.kind,
            name: entry.name(lang).to_owned(),
            affiliation: match entry.kind {
                ActorKind::Country => Some(entry.id.clone()),
                ActorKind::Person => None,
                _ => entry.parent.clone(),
            },
        }
    }
}

/// One mention: which actor, where, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Index into the article's actor list.
    pub actor: usize,
    /// First token.
    pub first_tok: usize,
    /// Token after the last.
    pub end_tok: usize,
    /// Byte span in the body.
    pub start: usize,
    /// Byte end in the body.
    pub end: usize,
}

/// Actors and mentions of one article.
#[derive(Clone, Debug, Default)]
pub struct ArticleActors {
    /// Distinct actors.
    pub actors: Vec<Found>,
    /// Mentions (in text order after [`Self::add_mention`] re-sorts).
    pub mentions: Vec<Mention>,
    /// Token index → index in `mentions` (u32::MAX: none), so lookups stay O(1)
    /// on very long articles.
    by_token: Vec<u32>,
    /// Actor key → index in `actors`, so interning stays O(1) per name.
    by_key: HashMap<String, usize>,
}

impl ArticleActors {
    /// Index of the actor with `key`, adding it if new.
    pub fn intern(&mut self, mut found: Found) -> usize {
        // A name wrapped across lines reads as one line.
        if found.name.contains(char::is_whitespace) {
            found.name = one_line(&found.name);
        }
        if let Some(&i) = self.by_key.get(&found.key) {
            if self.actors[i].name.len() < found.name.len() && found.kind == ActorKind::Person {
                self.actors[i].name = found.name;
            }
            if self.actors[i].affiliation.is_none() {
                self.actors[i].affiliation = found.affiliation;
            }
            return i;
        }
        self.by_key.insert(found.key.clone(), self.actors.len());
        self.actors.push(found);
        self.actors.len() - 1
    }

    /// The mention covering token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&Mention> {
        let index = *self.by_token.get(i)?;
        self.mentions.get(index as usize)
    }

    /// Mentions lying within tokens `lo..hi` (mentions must be sorted).
    pub fn mentions_in(&self, lo: usize, hi: usize) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.first_tok < lo);
        let b = self.mentions.partition_point(|m| m.first_tok < hi);
        let slice = self.mentions.get(a..b.max(a)).unwrap_or_default();
        // The last one may run past `hi`.
        match slice.last() {
            Some(last) if last.end_tok > hi => &slice[..slice.len() - 1],
            _ => slice,
        }
    }

    /// Adds a mention and keeps the mentions sorted and indexed by token.
    /// Appending after the last mention (the usual case) costs only the
    /// mention's tokens; an insertion in the middle re-indexes the mentions
    /// after it.
    pub fn add_mention(&mut self, mention: Mention) {
        let at = self
            .mentions
            .partition_point(|m| m.first_tok < mention.first_tok);
        let end_tok = mention.end_tok;
        self.mentions.insert(at, mention);
        if self.by_token.len() < end_tok {
            self.by_token.resize(end_tok, u32::MAX);
        }
        for (index, m) in self.mentions.iter().enumerate().skip(at) {
            for slot in &mut self.by_token[m.first_tok..m.end_tok] {
                *slot = u32::try_from(index).unwrap_or(u32::MAX);
            }
        }
    }

    fn reindex(&mut self) {
        let n = self
            .mentions
            .iter()
            .map(|m| m.end_tok)
            .max()
            .unwrap_or(0)
            .max(self.by_token.len());
        self.by_token.clear();
        self.by_token.resize(n, u32::MAX);
        for (index, m) in self.mentions.iter().enumerate() {
            for slot in &mut self.by_token[m.first_tok..m.end_tok] {
                *slot = u32::try_from(index).unwrap_or(u32::MAX);
            }
        }
    }
}

/// Finds the actors of an article; `lexicon` is the built-in one, or it plus
/// the actors a user added to the corpus. The passes, in order:
///
/// 0. credits and bylines are set aside ([`credits::mark`]);
/// 1. the name recogniser reads the article ([`recognised::names`]);
/// 2. names the lexicon knows, longest first ([`gazetteer::add`]), except
///    inside a longer recognised name of another kind;
/// 3. parties named by their members' word ([`parties::add`]);
/// 4. the recognised names no list holds ([`recognised::add`]);
/// 5. organisations by the shape of their name ([`shaped::add`]);
/// 6. a family name alone for the person named in full ([`surnames::add`]);
/// 7. two names side by side that make one institution's ([`compounds::merge`]);
/// 8. acronyms the article defines, for their long form ([`acronyms::pair`]);
/// 9. who each person speaks for ([`affiliation::assign`]).
pub fn find_actors(t: &Tokens<'_>, lang: Lang, lexicon: &Lexicon) -> ArticleActors {
    let mut out = ArticleActors::default();
    let mut covered = vec![false; t.toks.len()];
    credits::mark(t, lexicon, &mut covered);
    let names = recognised::names(t, lang, lexicon);
    gazetteer::add(t, lang, lexicon, &names, &mut out, &mut covered);
    parties::add(t, lang, lexicon, &mut out, &mut covered);
    recognised::add(t, lang, lexicon, &names, &mut out, &mut covered);
    shaped::add(t, lexicon, &mut out, &mut covered);
    surnames::add(t, lexicon, &mut out, &mut covered);
    out.mentions.sort_by_key(|m| m.first_tok);
    compounds::merge(t, lexicon, &mut out);
    acronyms::pair(t, &mut out);
    out.reindex();
    affiliation::assign(t, &mut out);
    out
}

/// Surnames of built-in people that this article gives to someone else:
/// "Thorvald Stoltenberg" (not the built-in Jens), "Hillary Clinton". In such
/// an article the surname alone is left to the article's own people (pass 3),
/// never taken for the built-in person.
fn shadowed_surnames(t: &Tokens<'_>, lexicon: &Lexicon) -> HashSet<String> {
    let mut out = HashSet::new();
    for k in 1..t.toks.len() {
        let (given, surname) = (&t.toks[k - 1], &t.toks[k]);
        if !(given.is_word && given.is_cap && surname.is_word && surname.is_cap)
            || given.sentence != surname.sentence
        {
            continue;
        }
        // A known given name, or a capitalised word inside the sentence that is
        // no title, common word, nationality or known name ("Thorvald").
        let key = t.key(k - 1);
        let sentence_start = t
            .sentences
            .get(given.sentence)
            .is_some_and(|r| r.start == k - 1);
        let given_name = lexicon.first_names.contains(key)
            || !(sentence_start
                || is_common_word(key)
                || lexicon.roles.contains(key)
                || lexicon.honorifics.contains(t.word(k - 1))
                || lexicon.demonyms.contains_key(key)
                || lexicon.first_words.contains(key));
        if !given_name {
            continue;
        }
        let Some(s) = lexicon.surfaces.get(t.key(k)) else {
            continue;
        };
        let entry = &lexicon.entries[s.entry];
        if entry.kind != ActorKind::Person {
            continue;
        }
        let full = format!("{} {}", t.word(k - 1), t.word(k));
        if person_actor(&full, None).key != entry.id
            && !lexicon
                .surfaces
                .contains_key(&format!("{} {}", t.key(k - 1), t.key(k)))
        {
            out.insert(t.key(k).to_owned());
        }
    }
    out
}

/// An organisation found by its name's shape ("Wagner Group", "Ministère de
/// la Défense").
pub fn org_actor(surface: &str) -> Found {
    Found {
        key: format!("org~{}", normalize(surface)),
        kind: ActorKind::Org,
        name: surface.to_owned(),
        affiliation: None,
    }
}

/// A person actor from its name as written; built-in people are recognised by
/// their transliteration key (so "Sergueï Shoigu" is the built-in Shoigu).
pub fn person_actor(surface: &str, affiliation: Option<String>) -> Found {
    let lexicon = &*LEXICON;
    let key = translit_key(surface);
    if let Some(entry) = lexicon
        .people
        .get(&person_key(surface))
        .map(|i| &lexicon.entries[*i])
    {
        return Found {
            key: entry.id.clone(),
            kind: ActorKind::Person,
            name: entry.name_fr.clone(),
            affiliation,
        };
    }
    Found {
        key: format!("person~{key}"),
        kind: ActorKind::Person,
        name: surface.to_owned(),
        affiliation,
    }
}

fn push_mention(
    out: &mut ArticleActors,
    t: &Tokens<'_>,
    actor: usize,
    first_tok: usize,
    end_tok: usize,
) {
    // "U.S.", "U.N.", "M.I.T.": a dotted abbreviation keeps its last period,
    // which the tokenizer set apart.
    let last = end_tok - 1;
    // So does a legal form ("Walt Disney Co.", "IBM Corp.").
    let initial = end_tok >= 2
        && t.toks[last].is_word
        && t.word(last).chars().count() == 1
        && t.toks[last].is_cap
        && t.is_punct(last - 1, '.');
    let legal_form = t.toks[last].is_word && LEXICON.in_list("legal_form", t.key(last));
    let dotted = (initial || legal_form)
        && t.is_punct(end_tok, '.')
        && t.toks[end_tok].start == t.toks[last].end;
    let end_tok = if dotted { end_tok + 1 } else { end_tok };
    out.mentions.push(Mention {
        actor,
        first_tok,
        end_tok,
        start: t.toks[first_tok].start,
        end: t.toks[end_tok - 1].end,
    });
}

#[cfg(test)]
mod tests;
