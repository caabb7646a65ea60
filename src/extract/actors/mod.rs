//! Actor mentions in one article: gazetteer matches (countries, organisations,
//! people, with metonyms such as "Moscou" → Russia), people discovered from cues
//! (given names, honorifics, roles), organisations from cue words, and
//! surname-only references merged with the full name seen in the same article.

use std::collections::{HashMap, HashSet};

pub mod acting;
mod recognised;

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

/// Capitalised words that start sentences or headings but never name an actor alone.
const NOT_NAMES: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d",
    "ce",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "nous",
    "vous",
    "on",
    "je",
    "selon",
    "apres",
    "avant",
    "mais",
    "et",
    "ou",
    "or",
    "donc",
    "lors",
    "lorsque",
    "depuis",
    "pour",
    "dans",
    "sur",
    "sous",
    "plus",
    "meme",
    "toutefois",
    "cependant",
    "ainsi",
    "source",
    "photo",
    "publicite",
    "comment",
    "cela",
    "ceci",
    "citant",
    "en",
    "au",
    "aux",
    "a",
    "the",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "it",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "meanwhile",
    "according",
    "after",
    "before",
    "since",
    "while",
    "if",
    "as",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "his",
    "her",
    "their",
    "our",
    "its",
    "when",
    "where",
    "what",
    "who",
    "why",
    "how",
    "there",
    "here",
    "some",
    "many",
    "most",
    "all",
    "no",
    "not",
    "one",
    "two",
    "premier",
    "premiere",
    "ministre",
    "president",
    "presidente",
    "secretaire",
    "general",
    "nord",
    "sud",
    "est",
    "ouest",
    "north",
    "south",
    "east",
    "west",
    "occident",
    "affaires",
    "etrangeres",
    "etat",
    "etats",
    "defense",
    "securite",
    "conseil",
    "parti",
    "gouvernement",
    "government",
    "ministere",
    "ministry",
    "departement",
    "department",
    "forum",
    "sommet",
    "summit",
    "guerre",
    "war",
    "communique",
    "tout",
    "tous",
    "toute",
    "toutes",
    "chaque",
    "aucun",
    "aucune",
    "quand",
    "alors",
    "aussi",
    "encore",
    "deja",
    "mr",
    "mrs",
    "ms",
    "dr",
    "m",
    "mme",
    "mlle",
    "me",
    "sir",
    "comment",
    "publie",
    "read",
    "more",
    "lire",
    "voir",
    "union",
    "republique",
    "republic",
    "royaume",
    "kingdom",
    "agence",
    "agency",
    "groupe",
    "group",
    "ces",
    "leur",
    "leurs",
    "son",
    "sa",
    "ses",
    "notre",
    "nos",
    "votre",
    "vos",
    "mon",
    "ma",
    "mes",
    "ici",
    "la-bas",
    "oui",
    "non",
    "yes",
    "also",
    "still",
    "yet",
    "then",
    "thus",
    "so",
    "because",
    "although",
    "though",
    "despite",
    "malgre",
    "ukrainiens",
    "russes",
    "americains",
    "europeens",
    "africains",
    // Words of institutions' and treaties' names ("New China News Agency",
    // "General Agreement on Tariffs", "Liberal leader", "Electric Credit Corp").
    "new",
    "agreement",
    "accord",
    "treaty",
    "traite",
    "convention",
    "pact",
    "pacte",
    "liberal",
    "democratic",
    "democrate",
    "conservative",
    "conservateur",
    "labour",
    "labor",
    "national",
    "nationale",
    "international",
    "internationale",
    "federal",
    "federale",
    "central",
    "centrale",
    "united",
    "world",
    "mondial",
    "mondiale",
    "credit",
    "electric",
    "trade",
    // Nouns that open sentences or follow "the" in capitals ("Analysts said",
    // "the U.S. Official said", "Les analystes").
    "official",
    "manager",
    "analysts",
    "bankers",
    "investors",
    "brokers",
    "producers",
    "exporters",
    "importers",
    "farmers",
    "workers",
    "lawmakers",
    "legislators",
    "leaders",
    "negotiators",
    "delegates",
    "traders",
    "dealers",
    "officials",
    "economists",
    "sources",
    "experts",
    "observers",
    "diplomats",
    "witnesses",
    "residents",
    "another",
    "others",
    "analystes",
    "observateurs",
    "responsables",
    "diplomates",
    "temoins",
    "habitants",
    "autres",
];

/// Connectors allowed inside a person's name.
const NAME_PARTICLES: &[&str] = &[
    "de", "du", "von", "van", "der", "den", "bin", "ben", "al", "el", "da", "di", "la", "le", "ibn",
];

/// Words that start an organisation's name.
const ORG_HEADS: &[&str] = &[
    "ministere",
    "ministry",
    "agence",
    "agency",
    "groupe",
    "banque",
    "bank",
    "parti",
    "party",
    "universite",
    "university",
    "institut",
    "institute",
    "fondation",
    "foundation",
    "commission",
    "comite",
    "committee",
    "tribunal",
    "cour",
    "court",
    "assemblee",
    "assembly",
    "federation",
    "association",
    "societe",
    "organisation",
    "organization",
    "office",
    "departement",
    "department",
    "conseil",
    "council",
    "compagnie",
    "company",
    "corporation",
    "syndicat",
    "project",
    "center",
    "centre",
    "bureau",
    "authority",
    "autorite",
    "fund",
    "fonds",
    "program",
    "programme",
    "coalition",
    "alliance",
    "observatory",
    "observatoire",
];
/// Words that end an organisation's name.
const ORG_TAILS: &[&str] = &[
    "group",
    "agency",
    "ministry",
    "party",
    "bank",
    "council",
    "committee",
    "institute",
    "university",
    "foundation",
    "association",
    "commission",
    "company",
    "inc",
    "corp",
    "ltd",
    "plc",
    "llc",
    "times",
    "post",
    "news",
    "press",
    "airlines",
    "motors",
    "sa",
    "ag",
    "gmbh",
    "co",
    "cos",
    "limited",
    "fund",
    "trust",
    "holdings",
    "partners",
    "securities",
    "investors",
    "bancorp",
    "industries",
    "airways",
];

/// Legal forms that end a company's name.
const LEGAL_FORMS: &[&str] = &[
    "inc", "corp", "co", "ltd", "plc", "llc", "sa", "ag", "gmbh", "nv", "spa", "se", "sas",
];

/// True for a normalised word in the list of capitalised non-names.
pub(crate) fn is_common_word(key: &str) -> bool {
    NOT_NAMES.contains(&key) || crate::ingest::dates::is_calendar_word(key)
}

/// Finds the actors of an article; `lexicon` is the built-in one, or it plus
/// the actors a user added to the corpus.
pub fn find_actors(t: &Tokens<'_>, lang: Lang, lexicon: &Lexicon) -> ArticleActors {
    let mut out = ArticleActors::default();
    let n = t.toks.len();
    let mut covered = vec![false; n];
    let shadowed = shadowed_surnames(t, lexicon);
    // The recogniser's names come first: a list's name inside a longer name
    // of another kind is part of it ("Dupont" in "Jean Dupont" is no company,
    // "France" in "Banque de France" no country).
    let names = recognised::names(t, lang, lexicon);
    let mut inside_longer = vec![0u8; n];
    for (first, end, kind, _) in &names {
        if end - first >= 2 {
            inside_longer[*first..*end]
                .iter_mut()
                .for_each(|k| *k = *kind);
        }
    }
    // People and organisations found by name, for surname-only references.
    let mut i = 0;
    // Pass 1: gazetteer, longest match first.
    while i < n {
        if t.cancelled(i) {
            return out;
        }
        if !t.toks[i].is_word {
            i += 1;
            continue;
        }
        // Only where some surface form starts with this word.
        if !lexicon
            .first_words
            .contains(t.key(i).split(' ').next().unwrap_or_default())
        {
            i += 1;
            continue;
        }
        // Candidate spans, shortest first: words joined by their keys (the key of
        // "d'État" is "d etat", of "U.S." is "u s"), within the sentence, with
        // only apostrophes and periods between words.
        let mut spans: Vec<(usize, String)> = Vec::new();
        let mut key = String::new();
        let mut k = i;
        while k < n && k < i + lexicon.max_tokens * 2 && t.toks[k].sentence == t.toks[i].sentence {
            if t.toks[k].is_word {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(t.key(k));
                spans.push((k + 1 - i, key.clone()));
            } else if !matches!(t.word(k), "'" | "’" | ".") {
                break;
            }
            k += 1;
        }
        let mut matched = None;
        for (len, key) in spans.into_iter().rev() {
            // Names are capitalised; a lower-case start is allowed only when a later
            // word is ("le département d'État américain").
            let capitalised =
                t.toks[i].is_cap || (len >= 2 && (i + 1..i + len).any(|k| t.toks[k].is_cap));
            if !capitalised {
                continue;
            }
            if let Some(s) = lexicon.surfaces.get(&key) {
                let surface = &t.text[t.toks[i].start..t.toks[i + len - 1].end];
                let exact_case = surface
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                if (s.acronym && !exact_case) || s.weak {
                    continue;
                }
                // "JAKARTA -" opening a paragraph is a dateline: where the story was
                // written, not an actor.
                let dateline = s.metonym && exact_case && t.toks[i].after_break && len == 1;
                if dateline || (len == 1 && shadowed.contains(&key)) {
                    break;
                }
                let entry_kind = match lexicon.entries[s.entry].kind {
                    ActorKind::Person => 1,
                    ActorKind::Org | ActorKind::Other => 2,
                    _ => 3,
                };
                let within = |k: usize| inside_longer.get(k).copied().unwrap_or(0);
                let longer_other = within(i) != 0
                    && within(i) != entry_kind
                    && (within(i.wrapping_sub(1)) == within(i) || within(i + len) == within(i));
                if longer_other {
                    break;
                }
                matched = Some((len, *s));
                break;
            }
        }
        if let Some((mut len, surface)) = matched {
            let entry = &lexicon.entries[surface.entry];
            // "General Motors Corp": the legal form belongs to the name.
            if entry.kind == ActorKind::Org
                && t.toks.get(i + len).is_some_and(|x| x.is_word && x.is_cap)
                && LEGAL_FORMS.contains(&t.key(i + len))
            {
                len += 1;
            }
            let actor = out.intern(Found {
                key: entry.id.clone(),
                kind: entry.kind,
                name: entry.name(lang).to_owned(),
                affiliation: match entry.kind {
                    ActorKind::Country => Some(entry.id.clone()),
                    ActorKind::Person => None,
                    _ => entry.parent.clone(),
                },
            });
            push_mention(&mut out, t, actor, i, i + len);
            covered[i..i + len].iter_mut().for_each(|c| *c = true);
            i += len;
        } else {
            i += 1;
        }
    }
    // Names the recogniser finds that no list holds.
    recognised::add(t, lang, lexicon, &names, &mut out, &mut covered);
    // Pass 2: capitalised runs with person or organisation cues.
    let mut i = 0;
    while i < n {
        if t.cancelled(i) {
            return out;
        }
        if covered[i] || !t.toks[i].is_word || !t.toks[i].is_cap {
            i += 1;
            continue;
        }
        let run_end = capital_run_end(t, &covered, i);
        // A common word opens no name, except an organisation's ("General
        // Motors Corp", "National Grid Group"); an article never does.
        if super::actors_not_name(t.word(i)) {
            let last = (i..run_end).rev().find(|k| t.toks[*k].is_word);
            let org = last.is_some_and(|k| k > i && ORG_TAILS.contains(&t.key(k)))
                && !matches!(
                    t.key(i),
                    "the"
                        | "le"
                        | "la"
                        | "les"
                        | "l"
                        | "a"
                        | "an"
                        | "un"
                        | "une"
                        | "des"
                        | "du"
                        | "de"
                );
            if !org {
                i += 1;
                continue;
            }
        }
        let mut run: Vec<usize> = (i..run_end).filter(|k| t.toks[*k].is_word).collect();
        let mut words: Vec<String> = run.iter().map(|k| t.key(*k).to_owned()).collect();
        let is_org_head = words
            .first()
            .is_some_and(|w| ORG_HEADS.contains(&w.as_str()));
        let is_org_tail = run.len() >= 2
            && words
                .last()
                .is_some_and(|w| ORG_TAILS.contains(&w.as_str()));
        if (is_org_head || is_org_tail)
            && let Some(org_end) = org_extent(t, i, run_end, is_org_head)
        {
            let surface = &t.text[t.toks[i].start..t.toks[org_end - 1].end];
            let actor = out.intern(org_actor(surface));
            push_mention(&mut out, t, actor, i, org_end);
            covered[i..org_end].iter_mut().for_each(|c| *c = true);
            i = org_end;
            continue;
        }
        // Titles written with capitals open a person's run ("Prime Minister
        // Kaja Kallas", "Polish President Andrzej Duda"): a cue, not part of
        // the name. (Organisations were handled above: "General Motors Corp".)
        let lead = name_start(t, &run);
        let mut cue = false;
        if lead > 0 && lead < run.len() {
            i = run[lead];
            run.drain(..lead);
            words.drain(..lead);
            cue = true;
        }
        let first_name = words
            .first()
            .is_some_and(|w| lexicon.first_names.contains(w));
        let cue = cue || person_cue_before(t, i);
        // A single word followed by "on/of/de + Capital" is part of an
        // institution's name, whatever cue comes before it ("spokesman of the
        // General Agreement on Tariffs").
        let institution_follows = t.toks.get(run_end).is_some_and(|x| {
            x.is_word
                && matches!(t.lower(run_end), "on" | "of" | "for" | "de" | "du" | "des")
                && t.toks
                    .get(run_end + 1)
                    .is_some_and(|n| n.is_word && n.is_cap)
        });
        let person = (run.len() >= 2 && (first_name || cue))
            || (run.len() == 1 && cue && !first_name && !institution_follows);
        if person
            && !recognised::titles_only(t, lexicon, &run)
            && words
                .iter()
                .all(|w| !is_common_word(w) || NAME_PARTICLES.contains(&w.as_str()))
        {
            let surface = &t.text[t.toks[i].start..t.toks[run_end - 1].end];
            let actor = out.intern(person_actor(surface, affiliation_near(t, &out, i, run_end)));
            push_mention(&mut out, t, actor, i, run_end);
            covered[i..run_end].iter_mut().for_each(|c| *c = true);
            i = run_end;
            continue;
        }
        i = run_end.max(i + 1);
    }
    // Pass 3: surname-only (or first-word) references to people and organisations
    // named in full elsewhere in the article ("Pak" after "Jung Pak", "Times" after
    // "New York Times", "Kim" after "Kim Jong Un").
    let mut parts: HashMap<String, Option<usize>> = HashMap::new();
    for m in out.mentions.iter().filter(|m| m.end_tok - m.first_tok >= 2) {
        let actor = &out.actors[m.actor];
        if !matches!(actor.kind, ActorKind::Person | ActorKind::Org) {
            continue;
        }
        // The family name (last word), and the first word when it is not a
        // given name: East Asian family names come first ("Kim" for Kim Jong Un).
        let first = t.key(m.first_tok).to_owned();
        let last = t.key(m.end_tok - 1).to_owned();
        let first_ok = actor.kind == ActorKind::Org
            || !lexicon.first_names.contains(&first)
            || lexicon.in_list("family_name_first", &first);
        for word in [Some(last), first_ok.then_some(first)]
            .into_iter()
            .flatten()
        {
            if word.chars().count() < 3 || is_common_word(&word) {
                continue;
            }
            let index = m.actor;
            parts
                .entry(word)
                .and_modify(|e| {
                    if *e != Some(index) {
                        *e = None
                    }
                })
                .or_insert(Some(index));
        }
    }
    for i in 0..n {
        if covered[i] || !t.toks[i].is_word || !t.toks[i].is_cap {
            continue;
        }
        let next_is_cap = t
            .toks
            .get(i + 1)
            .is_some_and(|n| n.is_word && n.is_cap && !covered[i + 1]);
        if next_is_cap {
            continue;
        }
        if let Some(Some(actor)) = parts.get(t.key(i)) {
            push_mention(&mut out, t, *actor, i, i + 1);
            covered[i] = true;
        }
    }
    out.mentions.sort_by_key(|m| m.first_tok);
    out.reindex();
    // People speak for the country or institution named around their first full mention.
    let mut first_mention: HashMap<usize, (usize, usize)> = HashMap::new();
    for m in &out.mentions {
        first_mention
            .entry(m.actor)
            .or_insert((m.first_tok, m.end_tok));
    }
    for index in 0..out.actors.len() {
        if out.actors[index].kind != ActorKind::Person || out.actors[index].affiliation.is_some() {
            continue;
        }
        if let Some(&(first, end)) = first_mention.get(&index) {
            out.actors[index].affiliation = affiliation_near(t, &out, first, end);
        }
    }
    out
}

/// Words as one line: a name wrapped across lines ("Martin\nKlein").
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// True when the capitalised words `run` (at least two) read as an
/// organisation's name: "… Distilling Co", "Investors Equity Fund",
/// "Project …".
pub(crate) fn org_shaped(t: &Tokens<'_>, run: &[usize]) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    run.len() >= 2 && (ORG_HEADS.contains(&t.key(*first)) || ORG_TAILS.contains(&t.key(*last)))
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
    out.mentions.push(Mention {
        actor,
        first_tok,
        end_tok,
        start: t.toks[first_tok].start,
        end: t.toks[end_tok - 1].end,
    });
}

/// End (exclusive) of a run of capitalised words starting at `i`, allowing name particles.
fn capital_run_end(t: &Tokens<'_>, covered: &[bool], i: usize) -> usize {
    let mut end = i + 1;
    let mut k = i + 1;
    while k < t.toks.len() && k - i < 8 {
        let tok = &t.toks[k];
        // An initial: "S. Ivanov", "George W. Bush".
        if is_initial_dot(t, k) && !covered[k] {
            k += 1;
            continue;
        }
        if !tok.is_word || covered[k] || tok.sentence != t.toks[i].sentence {
            break;
        }
        if tok.is_cap {
            end = k + 1;
        } else if !NAME_PARTICLES.contains(&t.lower(k)) {
            break;
        }
        k += 1;
    }
    end
}

/// Token `k` is the period of an initial ("S." before "Ivanov").
pub(crate) fn is_initial_dot(t: &Tokens<'_>, k: usize) -> bool {
    k > 0
        && t.is_punct(k, '.')
        && t.word(k - 1).chars().count() == 1
        && t.toks[k - 1].is_cap
        && t.toks.get(k + 1).is_some_and(|n| n.is_word && n.is_cap)
}

/// End (exclusive) of a capitalised name starting at `i` (initials allowed), at most `max` words.
pub(crate) fn name_end(t: &Tokens<'_>, i: usize, max: usize) -> usize {
    let mut e = i + 1;
    while e < t.toks.len()
        && e < i + max * 2
        && ((t.toks[e].is_word && t.toks[e].is_cap) || is_initial_dot(t, e))
    {
        e += 1;
    }
    e
}

/// How far an organisation name extends: "Ministère de la Défense", "Wagner Group".
fn org_extent(t: &Tokens<'_>, i: usize, run_end: usize, head: bool) -> Option<usize> {
    if !head {
        return Some(run_end);
    }
    // Head cue: take following "de/du/des/of/for [la/the]" + words up to the last capitalised one.
    let mut end = run_end;
    let mut k = run_end;
    let mut saw_connector = false;
    while k < t.toks.len() && k < run_end + 6 && t.toks[k].sentence == t.toks[i].sentence {
        let w = t.lower(k);
        if matches!(
            w,
            "de" | "du"
                | "des"
                | "d"
                | "la"
                | "l"
                | "of"
                | "for"
                | "on"
                | "the"
                | "sur"
                | "pour"
                | "'"
                | "’"
        ) {
            saw_connector = true;
        } else if t.toks[k].is_word && t.toks[k].is_cap && saw_connector {
            end = k + 1;
        } else {
            break;
        }
        k += 1;
    }
    (end > i + 1).then_some(end)
}

/// How many words at the start of a capitalised run are titles, roles or
/// nationality adjectives ("Polish Prime Minister …" → 3).
pub(crate) fn title_words(t: &Tokens<'_>, run: &[usize]) -> usize {
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
pub(crate) fn name_start(t: &Tokens<'_>, run: &[usize]) -> usize {
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

/// True when a role noun opens an apposition that ends just before `i`:
/// "le maire de Riga, Vilnis Ķirsis", "le ministre finlandais de la Défense,
/// Antti Häkkänen".
fn role_apposition_before(t: &Tokens<'_>, i: usize) -> bool {
    let lexicon = &*LEXICON;
    if i < 2 || !t.is_punct(i - 1, ',') {
        return false;
    }
    let sentence = t.toks[i].sentence;
    let mut k = i - 1;
    for _ in 0..8 {
        if k == 0 {
            return false;
        }
        k -= 1;
        let tok = &t.toks[k];
        if tok.sentence != sentence {
            return false;
        }
        if !tok.is_word {
            if matches!(t.word(k), "'" | "’" | "-") {
                continue;
            }
            return false;
        }
        let key = t.key(k);
        if lexicon.roles.contains(key)
            || (k > 0 && lexicon.roles.contains(&format!("{} {key}", t.key(k - 1))))
        {
            return true;
        }
    }
    false
}

/// True when an honorific ("M.", "Mme", "Dr") ends right before token `i`.
fn person_cue_honorific(t: &Tokens<'_>, i: usize) -> bool {
    let honorifics = &LEXICON.honorifics;
    i >= 1
        && (honorifics.contains(t.word(i - 1))
            || (i >= 2
                && t.is_punct(i - 1, '.')
                && honorifics.contains(&format!("{}.", t.word(i - 2)))))
}

/// A person cue right before token `i`: honorific ("M.", "Mr.", "M. de"), role
/// word ("le porte-parole Kirby", "le général Patrick Ryder", "Prime Minister
/// X") or a role's apposition.
fn person_cue_before(t: &Tokens<'_>, i: usize) -> bool {
    let lexicon = &*LEXICON;
    if i == 0 {
        return false;
    }
    if role_apposition_before(t, i) {
        return true;
    }
    if person_cue_honorific(t, i) {
        return true;
    }
    // "M. de Lasteyrie", "Mme d'Estaing": a particle between honorific and name.
    let mut j = i - 1;
    if j >= 1 && (t.is_punct(j, '\'') || t.is_punct(j, '’')) {
        j -= 1;
    }
    if matches!(t.lower(j), "de" | "d" | "du" | "von" | "van" | "del" | "di")
        && person_cue_honorific(t, j)
    {
        return true;
    }
    // Role word within the three words before (allowing an adjective: "ministre russe").
    (1..=3).any(|back| {
        i >= back
            && t.toks[i - back].is_word
            && t.toks[i - back].sentence == t.toks[i].sentence
            && {
                let w = t.key(i - back).to_owned();
                lexicon.roles.contains(&w)
                    || (i > back
                        && lexicon
                            .roles
                            .contains(&format!("{} {w}", t.key(i - back - 1).to_owned())))
            }
            // Adjectives may sit between ("ministre russe") and a nobiliary
            // "de" ("le général de Castelnau"), not an article: in "présidente de
            // la Commission" the name is an institution.
            && (1..back).all(|k| {
                t.toks[i - k].is_word
                    && !t.toks[i - k].is_cap
                    && !matches!(
                        t.key(i - k),
                        "du" | "des" | "la" | "le" | "les" | "l" | "of" | "for" | "the"
                    )
            })
    })
}

/// The country or institution a person speaks for, from the words around their
/// name in the same sentence: "le porte-parole du Kremlin, Dmitri Peskov",
/// "le ministre nord-coréen … Choe Son-hui", "Jung Pak, … du Département d'État".
fn affiliation_near(
    t: &Tokens<'_>,
    found: &ArticleActors,
    first: usize,
    end: usize,
) -> Option<String> {
    let lexicon = &*LEXICON;
    let sentence = t.toks[first].sentence;
    let affiliation_of = |k: usize| -> Option<String> {
        if let Some(m) = found.mention_at(k) {
            return found.actors[m.actor].affiliation.clone();
        }
        lexicon
            .demonyms
            .get(t.key(k))
            .map(|e| lexicon.entries[*e].id.clone())
    };
    // Before the name, nearest first; then the apposition after it.
    let before = (first.saturating_sub(10)..first)
        .rev()
        .filter(|k| t.toks[*k].sentence == sentence)
        .find_map(affiliation_of);
    before.or_else(|| {
        (end..(end + 14).min(t.toks.len()))
            .filter(|k| t.toks[*k].sentence == sentence)
            .find_map(affiliation_of)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn actors_of(text: &str, lang: Lang) -> Vec<(String, usize)> {
        let t = tokenize(text, &|w| LEXICON.honorifics.contains(w));
        let found = find_actors(&t, lang, &LEXICON);
        let mut counts: Vec<(String, usize)> = found
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                (
                    a.name.clone(),
                    found.mentions.iter().filter(|m| m.actor == i).count(),
                )
            })
            .collect();
        counts.sort();
        counts
    }

    #[test]
    fn french_actors_with_metonyms_and_surnames() {
        let text = "Des liens étroits avec Moscou ont conféré à Pyongyang un éclat, a déclaré Jung Pak. \
                    Pak a affirmé que la Russie et la Corée du Nord coopèrent. Le porte-parole du Kremlin, Dmitri Peskov, a rejeté ces informations. \
                    Le président Vladimir Poutine a rencontré Kim Jong-un. Kim a promis. Peskov a expliqué.";
        let got = actors_of(text, Lang::Fr);
        let want: Vec<(String, usize)> = vec![
            ("Corée du Nord".into(), 2),
            ("Dmitri Peskov".into(), 2),
            ("Jung Pak".into(), 2),
            ("Kim Jong Un".into(), 2),
            ("Kremlin".into(), 1),
            ("Russie".into(), 2),
            ("Vladimir Poutine".into(), 1),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn english_actors_and_precision() {
        let text = "Secretary of State Antony Blinken said on Monday that the United States and NATO would act. \
                    In March, the European Union said Washington was right. However, Blinken warned Moscow. \
                    The Wagner Group denied it. Thursday was calm.";
        let got = actors_of(text, Lang::En);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Antony Blinken",
                "European Union",
                "NATO",
                "Russia",
                "United States",
                "Wagner Group"
            ]
        );
        assert_eq!(got[0].1, 2);
        assert_eq!(got[4].1, 2, "Washington counts for the United States");
        // A common word may open an organisation's name, never a person's.
        let got = actors_of(
            "Shares of General Motors Corp rose. General Smith was not there. The Board met.",
            Lang::En,
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"General Motors"), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with("The")), "{names:?}");
        // An office before a given name is not part of the person's name;
        // an organisation's name may hold "on".
        let got = actors_of(
            "Secretary of the Air Force James Roche wrote to the Assistant Secretary for \
             Acquisition Marvin Sambur. The Project on Government Oversight objected.",
            Lang::En,
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        // The Air Force is an organisation of its own.
        assert_eq!(
            names,
            [
                "Air Force",
                "James Roche",
                "Marvin Sambur",
                "Project on Government Oversight"
            ]
        );
        // "M. de Lasteyrie": a particle after the honorific.
        let got = actors_of("On attend M. de Lasteyrie à Paris.", Lang::Fr);
        assert!(got.contains(&("Lasteyrie".to_owned(), 1)), "{got:?}");
        // A built-in person's surname given to someone else is theirs in
        // this article: Thorvald is not the built-in Jens Stoltenberg.
        let got = actors_of(
            "Foreign Minister Thorvald Stoltenberg arrived. Stoltenberg said Norway agreed.",
            Lang::En,
        );
        assert!(
            got.contains(&("Thorvald Stoltenberg".to_owned(), 2)),
            "{got:?}"
        );
        assert!(!got.iter().any(|(n, _)| n == "Jens Stoltenberg"), "{got:?}");
        let got = actors_of("Jens Stoltenberg arrived. Stoltenberg said yes.", Lang::En);
        assert!(got.contains(&("Jens Stoltenberg".to_owned(), 2)), "{got:?}");
        // A familiar given name meets the full one: Joseph Biden is Joe Biden.
        let got = actors_of("Sen. Joseph Biden spoke. Biden left.", Lang::En);
        assert!(got.contains(&("Joe Biden".to_owned(), 2)), "{got:?}");
        // Words of institutions' names are not people, whatever cue precedes.
        let got = actors_of(
            "David Woods, spokesman of the General Agreement on Tariffs and Trade, \
             told the official New China News Agency that General Electric Credit Corp agreed.",
            Lang::En,
        );
        let people: Vec<&str> = got
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| ["Agreement", "New", "Electric Credit"].contains(n))
            .collect();
        assert!(people.is_empty(), "{got:?}");
    }

    #[test]
    fn affiliations_from_context() {
        let text = "Le porte-parole du Kremlin, Dmitri Peskov, a parlé. Le ministre nord-coréen des Affaires étrangères Choe Son-hui a visité Moscou. \
                    Le sous-secrétaire adjoint Jung Pak, qui est le haut responsable du Département d'État, a déclaré.";
        let t = tokenize(text, &|w| LEXICON.honorifics.contains(w));
        let found = find_actors(&t, Lang::Fr, &LEXICON);
        let aff = |name: &str| {
            found
                .actors
                .iter()
                .find(|a| a.name == name)
                .and_then(|a| a.affiliation.clone())
        };
        assert_eq!(aff("Dmitri Peskov").as_deref(), Some("country:ru"));
        assert_eq!(aff("Choe Son-hui").as_deref(), Some("country:kp"));
        assert_eq!(aff("Jung Pak").as_deref(), Some("country:us"));
        assert!(
            found.actors.iter().all(|a| a.name != "Affaires"),
            "{:?}",
            found.actors
        );
    }
}
