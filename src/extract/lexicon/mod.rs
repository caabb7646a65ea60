//! The built-in lexicon, compiled into the binary from `assets/lexicon/`:
//! gazetteer of actors, given names, person cues, reporting verbs, demonyms.
//! Parsed once, on first use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::model::Lang;

mod keys;
mod open_data;

pub use keys::{normalize, person_key, translit_key};
pub use open_data::OrgHead;

/// What kind of actor something is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A country (or territory acting as one).
    Country,
    /// An organisation, institution or seat of power.
    Org,
    /// A place acting as an actor.
    Place,
    /// Anything else.
    Other,
}

impl ActorKind {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Country => "country",
            Self::Org => "org",
            Self::Place => "place",
            Self::Other => "other",
        }
    }

    /// Parses a kind name; unknown names are `Other`.
    pub fn parse(s: &str) -> Self {
        match s {
            "person" => Self::Person,
            "country" => Self::Country,
            "org" => Self::Org,
            "place" => Self::Place,
            _ => Self::Other,
        }
    }
}

/// One built-in actor.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable id, e.g. `country:ru`.
    pub id: String,
    /// Kind.
    pub kind: ActorKind,
    /// English name.
    pub name_en: String,
    /// French name.
    pub name_fr: String,
    /// The country or institution this one belongs to (`org:kremlin` → `country:ru`).
    pub parent: Option<String>,
}

impl Entry {
    /// Display name in a language.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.name_fr,
            Lang::En | Lang::Other => &self.name_en,
        }
    }
}

/// A surface form of a built-in actor.
#[derive(Clone, Copy, Debug)]
pub struct Surface {
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
    /// A capital or seat standing for the actor ("Moscou" for Russia).
    pub metonym: bool,
    /// Written in capitals (UE, US): must match case exactly.
    pub acronym: bool,
    /// Could be something else ("Victoria", a capital and a given name):
    /// names the actor only where the recogniser found a name.
    pub weak: bool,
}

/// A reporting verb form.
#[derive(Clone, Copy, Debug)]
pub struct Verb {
    /// 1 = speech verb, 2 = opinion verb (indirect speech only).
    pub strength: u8,
}

/// Everything extraction knows before reading a corpus.
#[derive(Clone)]
pub struct Lexicon {
    /// Built-in actors.
    pub entries: Vec<Entry>,
    /// Normalised surface form → actor.
    pub surfaces: HashMap<String, Surface>,
    /// Longest surface form, in tokens.
    pub max_tokens: usize,
    /// Given names, normalised.
    pub first_names: HashSet<String>,
    /// Given names borne mostly by men (`'m'`) or by women (`'f'`), normalised.
    pub name_gender: HashMap<String, char>,
    /// Honorifics as written ("M.", "Mme", "Mr.").
    pub honorifics: HashSet<String>,
    /// Role nouns, lower case, normalised (first word → full cues).
    pub roles: HashSet<String>,
    /// Inflected reporting verb forms, lower case.
    pub verbs: HashMap<String, Verb>,
    /// Demonym adjectives (normalised) → country entry index.
    pub demonyms: HashMap<String, usize>,
    /// Entry index by id.
    pub by_id: HashMap<String, usize>,
    /// Built-in people by the transliteration key of each of their names.
    pub people: HashMap<String, usize>,
    /// First word of every surface form: gazetteer lookups start only there.
    pub first_words: HashSet<String>,
    /// Every shorter run of first words of a surface form ("conseil",
    /// "conseil d" for "conseil d etat"): a matcher stops extending a key
    /// that is neither a surface nor one of these.
    pub prefixes: HashSet<String>,
    /// Given names that are also common words ("June", "Pierre"), normalised.
    pub ambiguous_names: HashSet<String>,
    /// Common French and English words (normalised) → how often treebanks use them.
    pub common_words: HashMap<String, u32>,
    /// Head nouns of institution names (normalised, "cour d appel").
    pub org_heads: HashMap<String, open_data::OrgHead>,
    /// Longest head, in words.
    pub max_head_words: usize,
    /// Verb forms by which a country or place acts ("a décidé", "imposed").
    pub action_verbs: HashSet<String>,
    /// Small word lists by name (`assets/lexicon/words.tsv`), lower case.
    pub words: HashMap<String, HashSet<String>>,
    /// Names of media and news agencies (normalised): who credits a photo or
    /// signs a wire story.
    pub media: HashSet<String>,
    /// Organisations of one country (`orgs.tsv`): entry index → the
    /// country's entry index.
    pub org_country: HashMap<usize, usize>,
    /// Words that name a party ("Republicans", "socialistes") as written
    /// (`assets/lexicon/party_words.tsv`) → (language, entry index).
    pub party_words: HashMap<String, Vec<(Lang, usize)>>,
}

const ACTORS: &str = include_str!("../../../assets/lexicon/actors.tsv");
const FIRST_NAMES: &str = include_str!("../../../assets/lexicon/first_names.txt");
const ROLES: &str = include_str!("../../../assets/lexicon/roles.tsv");
const VERBS: &str = include_str!("../../../assets/lexicon/reporting_verbs.tsv");
const DEMONYMS: &str = include_str!("../../../assets/lexicon/demonyms.tsv");
const ACTION_VERBS: &str = include_str!("../../../assets/lexicon/action_verbs.tsv");
/// Treebank count from which a word is a function word.
const FUNCTION_WORD: u32 = 90;

const WORDS: &str = include_str!("../../../assets/lexicon/words.tsv");
const PARTY_WORDS: &str = include_str!("../../../assets/lexicon/party_words.tsv");

/// The lexicon, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn builtin() -> Self {
        let mut lexicon = Self {
            entries: Vec::new(),
            surfaces: HashMap::default(),
            max_tokens: 1,
            first_names: HashSet::default(),
            name_gender: HashMap::default(),
            honorifics: HashSet::default(),
            roles: HashSet::default(),
            verbs: HashMap::default(),
            demonyms: HashMap::default(),
            by_id: HashMap::default(),
            people: HashMap::default(),
            first_words: HashSet::default(),
            prefixes: HashSet::default(),
            ambiguous_names: HashSet::default(),
            common_words: HashMap::default(),
            org_heads: HashMap::default(),
            max_head_words: 1,
            action_verbs: HashSet::default(),
            words: HashMap::default(),
            media: HashSet::default(),
            org_country: HashMap::default(),
            party_words: HashMap::default(),
        };
        for line in data_lines(ACTORS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or_default().trim();
            let index = lexicon.entries.len();
            lexicon.entries.push(Entry {
                id: col(0).to_owned(),
                kind: ActorKind::parse(col(1)),
                name_en: col(2).to_owned(),
                name_fr: col(3).to_owned(),
                parent: Some(col(6).to_owned()).filter(|p| !p.is_empty()),
            });
            lexicon.by_id.insert(col(0).to_owned(), index);
            let names = [col(2), col(3)].into_iter().chain(col(4).split('|'));
            for name in names.filter(|n| !n.is_empty()) {
                lexicon.add_surface(name, index, false);
                if col(1) == "person" {
                    lexicon.people.entry(person_key(name)).or_insert(index);
                }
            }
            for name in col(5).split('|').filter(|n| !n.is_empty()) {
                lexicon.add_surface(name, index, true);
            }
        }
        for name in data_lines(FIRST_NAMES).flat_map(str::split_whitespace) {
            lexicon.first_names.insert(normalize(name));
        }
        for line in data_lines(ROLES) {
            let cols: Vec<&str> = line.split('\t').collect();
            match (cols.get(1), cols.get(2)) {
                (Some(cue), Some(&"honorific")) => {
                    lexicon.honorifics.insert((*cue).to_owned());
                }
                (Some(cue), Some(_)) => {
                    lexicon.roles.insert(normalize(cue));
                }
                _ => {}
            }
        }
        for line in data_lines(VERBS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(lang), Some(lemma)) = (cols.first(), cols.get(1)) else {
                continue;
            };
            let strength = cols.get(2).and_then(|s| s.trim().parse().ok()).unwrap_or(1);
            let extra = cols
                .get(3)
                .map(|s| s.split('|').filter(|f| !f.is_empty()).collect::<Vec<_>>())
                .unwrap_or_default();
            let forms = if *lang == "fr" {
                french_forms(lemma)
            } else {
                english_forms(lemma)
            };
            for form in forms
                .into_iter()
                .chain(extra.into_iter().map(str::to_owned))
            {
                lexicon.verbs.insert(form.to_lowercase(), Verb { strength });
            }
        }
        for line in data_lines(DEMONYMS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(id), Some(words)) = (cols.first(), cols.get(1)) else {
                continue;
            };
            if let Some(index) = lexicon.by_id.get(*id).copied() {
                for word in words.split('|').filter(|w| !w.is_empty()) {
                    lexicon.demonyms.insert(normalize(word), index);
                }
            }
        }
        for line in data_lines(ACTION_VERBS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(lang), Some(lemma)) = (cols.first(), cols.get(1)) else {
                continue;
            };
            let extra: Vec<String> = cols
                .get(2)
                .map(|s| {
                    s.split('|')
                        .filter(|f| !f.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            let forms = if !extra.is_empty() {
                let mut forms = extra;
                forms.push((*lemma).to_owned());
                forms
            } else if *lang == "fr" {
                french_forms(lemma)
            } else {
                english_forms(lemma)
            };
            lexicon
                .action_verbs
                .extend(forms.into_iter().map(|f| f.to_lowercase()));
        }
        for line in data_lines(WORDS) {
            let cols: Vec<&str> = line.split('\t').collect();
            if let (Some(list), Some(word)) = (cols.first(), cols.get(2)) {
                lexicon
                    .words
                    .entry((*list).to_owned())
                    .or_default()
                    .insert(word.trim().to_lowercase());
            }
        }
        lexicon.add_open_data();
        for line in data_lines(PARTY_WORDS) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let (Some(lang), Some(word), Some(id)) = (cols.first(), cols.get(1), cols.get(2))
                && let Some(index) = lexicon.by_id.get(*id).copied()
            {
                let lang = if *lang == "fr" { Lang::Fr } else { Lang::En };
                lexicon
                    .party_words
                    .entry((*word).to_owned())
                    .or_default()
                    .push((lang, index));
            }
        }
        lexicon
    }

    /// True for an honorific as written ("Mme", "Dr"), or one written with
    /// a period when one follows ("M" + ".").
    pub fn is_honorific(&self, word: &str, period_follows: bool) -> bool {
        self.honorifics.contains(word)
            || (period_follows && self.honorifics.contains(&format!("{word}.")))
    }

    /// True for a lower-case word the treebanks use so often that it is a
    /// function word ("cette", "son", "has", "and"), not part of a name.
    pub fn is_function_word(&self, key: &str) -> bool {
        self.common_words
            .get(key)
            .is_some_and(|c| *c >= FUNCTION_WORD)
    }

    /// True when `word` (any case) is in the word list `list` of `words.tsv`.
    pub fn in_list(&self, list: &str, word: &str) -> bool {
        let Some(set) = self.words.get(list) else {
            return false;
        };
        // Most callers pass a key or a lower-cased word: no copy for them.
        let lower = word.chars().all(|c| {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        });
        if lower {
            set.contains(word)
        } else {
            set.contains(&word.to_lowercase())
        }
    }

    fn add_surface(&mut self, name: &str, entry: usize, metonym: bool) {
        self.add_surface_with(name, entry, metonym, false);
    }

    fn add_surface_with(&mut self, name: &str, entry: usize, metonym: bool, weak: bool) {
        let key = normalize(name);
        if key.is_empty() {
            return;
        }
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase());
        self.max_tokens = self.max_tokens.max(key.split(' ').count());
        self.first_words
            .insert(key.split(' ').next().unwrap_or_default().to_owned());
        for (at, _) in key.match_indices(' ') {
            self.prefixes.insert(key[..at].to_owned());
        }
        // The first listing wins: a name is never both an actor and a metonym.
        self.surfaces.entry(key).or_insert(Surface {
            entry,
            metonym,
            acronym,
            weak,
        });
    }

    /// This lexicon plus the actors a user added to a corpus. Their names and
    /// aliases take precedence over built-in surface forms.
    pub fn with_user_actors(&self, added: &[super::edits::UserActor]) -> Self {
        let mut lexicon = self.clone();
        for actor in added {
            let index = lexicon.entries.len();
            lexicon.entries.push(Entry {
                id: actor.key(),
                kind: actor.kind,
                name_en: actor.name.clone(),
                name_fr: actor.name.clone(),
                parent: None,
            });
            lexicon.by_id.insert(actor.key(), index);
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                let key = normalize(name);
                lexicon.surfaces.remove(&key);
                lexicon.add_surface(name, index, false);
                if actor.kind == ActorKind::Person {
                    lexicon.people.insert(person_key(name), index);
                }
            }
        }
        lexicon
    }

    /// True when `alias` (as written) is a metonym of the built-in actor `key`
    /// ("Pyongyang" for `country:kp`).
    pub fn is_metonym_of(&self, alias: &str, key: &str) -> bool {
        self.surfaces
            .get(&normalize(alias))
            .is_some_and(|s| s.metonym && self.entries.get(s.entry).is_some_and(|e| e.id == key))
    }

    /// True when `name` is a built-in metonym ("Moscou", "le Kremlin").
    pub fn is_metonym(&self, name: &str) -> bool {
        self.surfaces
            .get(&normalize(name))
            .is_some_and(|s| s.metonym)
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).and_then(|i| self.entries.get(*i))
    }
}

/// Regular French -er verbs: every finite form news text uses, participles and infinitive.
fn french_forms(lemma: &str) -> Vec<String> {
    let Some(stem) = lemma.strip_suffix("er") else {
        return vec![lemma.to_owned()];
    };
    // Before a and o: "annonça", "jugeait".
    let soft = if let Some(head) = stem.strip_suffix('c') {
        format!("{head}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_owned()
    };
    let mut forms = vec![lemma.to_owned()];
    // No second person ("tu répliques"), first person singular ("j'annonçais")
    // or "vous" forms: news writes them only inside quotes, and several are
    // nouns ("les répliques", "des notes").
    for ending in [
        "e", "ent", "é", "ée", "és", "ées", "èrent", "era", "erait", "eront", "eraient",
    ] {
        forms.push(format!("{stem}{ending}"));
    }
    for ending in ["ons", "a", "ait", "aient", "ant", "âmes"] {
        forms.push(format!("{soft}{ending}"));
    }
    forms
}

fn english_forms(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_owned(), format!("{lemma}s")];
    if let Some(stem) = lemma.strip_suffix('e') {
        forms.push(format!("{lemma}d"));
        forms.push(format!("{stem}ing"));
    } else {
        forms.push(format!("{lemma}ed"));
        forms.push(format!("{lemma}ing"));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads() {
        let lex = &*LEXICON;
        assert!(lex.entries.len() > 150);
        let moscou = lex.surfaces.get("moscou").unwrap();
        assert!(moscou.metonym);
        assert_eq!(lex.entries[moscou.entry].id, "country:ru");
        assert!(lex.surfaces.get("ue").unwrap().acronym);
        assert!(lex.first_names.contains("serguei"));
        assert!(lex.honorifics.contains("M."));
        assert!(lex.roles.contains("porte parole"));
        for form in [
            "déclaré",
            "a",
            "affirmé",
            "annonçait",
            "jugeant",
            "dit",
            "poursuivi",
            "said",
            "told",
            "warned",
            "insisted",
        ] {
            if form != "a" {
                assert!(lex.verbs.contains_key(form), "{form}");
            }
        }
        assert_eq!(
            lex.entries[*lex.demonyms.get("americain").unwrap()].id,
            "country:us"
        );
    }
}
