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

    /// A known actor after "et" / "and" is another actor, not the end of an
    /// institution's name.
    #[test]
    fn coordinated_actors_stay_apart() {
        let got = actors_of(
            "Sommet : l'Union européenne et le Canada promettent un fonds pour les ports.",
            Lang::Fr,
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Canada", "Union européenne"], "{got:?}");
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

    /// Credits and bylines name no actor; the people of the story stay.
    #[test]
    fn credits_are_not_actors() {
        // Paragraphs as the HTML reader writes them, one blank line apart.
        let text = [
            "Teachers pack the Statehouse",
            "By Tom Davies",
            "Michael Conroy, AP",
            "Teachers marched, said Keith Gambill. (Evan Mitsui/CBC)",
            "Protesters gather. Scott Olson/Getty Images/SAMEER AL-DOUMY/AFP via Getty Images",
            "(AFP) - Emmanuel Macron spoke. (Photo by Ezequiel Becerra / AFP)",
            "An image by Kim Jones was shown, said Ana Lopez. Credit: Lee Parks",
        ]
        .join("\n\n");
        let names: Vec<String> = actors_of(&text, Lang::En)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            ["Ana Lopez", "Emmanuel Macron", "Keith Gambill", "Kim Jones"],
            "{names:?}"
        );
    }

    /// A party is named by its members' word, in each language's way; a
    /// dotted abbreviation keeps its period.
    #[test]
    fn parties_by_their_members_word() {
        let got = actors_of(
            "Two Republican lawmakers met the U.S. envoy. Democrats objected. \
             Conservative estimates vary.",
            Lang::En,
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Democratic Party", "Republican Party", "United States"],
            "{got:?}"
        );
        let got = actors_of(
            "Les députés socialistes et l'écologiste Sergio Coronado ont voté contre. \
             Les valeurs républicaines sont en jeu.",
            Lang::Fr,
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Les Écologistes", "Parti socialiste", "Sergio Coronado"],
            "{got:?}"
        );
        let t = tokenize("The U.S. said no.", &|w| LEXICON.honorifics.contains(w));
        let found = find_actors(&t, Lang::En, &LEXICON);
        assert_eq!(
            &t.text[found.mentions[0].start..found.mentions[0].end],
            "U.S."
        );
    }

    /// An acronym the article defines names its long form there, before or
    /// after the definition, whatever the lexicon says it is elsewhere.
    #[test]
    fn defined_acronyms() {
        let named = |text: &str, lang: Lang| -> Vec<(String, usize)> {
            actors_of(text, lang)
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .collect()
        };
        let got = named(
            "NBC aired the speech. The Namibian Broadcasting Corporation (NBC) is public.",
            Lang::En,
        );
        assert_eq!(
            got,
            [("Namibian Broadcasting Corporation".to_owned(), 3)],
            "{got:?}"
        );
        let got = named(
            "Le texte a été transmis à la Commission nationale de l’informatique et des libertés (CNIL). \
             La CNIL a rendu son avis mardi.",
            Lang::Fr,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, 3, "{got:?}");
    }

    /// A family name two people share goes to the one its honorific says,
    /// else to the one named in full last; a job title opens no name.
    #[test]
    fn shared_family_names() {
        let text = "Philip Simons and his wife Ninette Simons were at home. \
                    Mrs Simons was hurt. Mr Simons called the police. \
                    Rajnath Singh spoke first, then Vyomika Singh. Later, Realtor Shaun Ghulam came. \
                    Ghulam agreed.";
        let t = tokenize(text, &|w| LEXICON.honorifics.contains(w));
        let found = find_actors(&t, Lang::En, &LEXICON);
        let at = |word: &str, nth: usize| {
            let k = (0..t.toks.len())
                .filter(|k| t.word(*k) == word)
                .nth(nth)
                .unwrap();
            found
                .mention_at(k)
                .map(|m| found.actors[m.actor].name.as_str())
        };
        assert_eq!(at("Simons", 2), Some("Ninette Simons"), "{found:?}");
        assert_eq!(at("Simons", 3), Some("Philip Simons"), "{found:?}");
        assert_eq!(at("Ghulam", 1), Some("Shaun Ghulam"), "{found:?}");
        // The given name alone, when one person has it; a longer tail of the name.
        let text = "Mariam Malibiche walks home. Pedro Passos Coelho spoke. \
                    Later Mariam said the lights help. Passos Coelho agreed.";
        let got = actors_of(text, Lang::En);
        assert_eq!(
            got,
            [
                ("Mariam Malibiche".to_owned(), 2),
                ("Pedro Passos Coelho".to_owned(), 2)
            ],
            "{got:?}"
        );
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
