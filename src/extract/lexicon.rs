//! The built-in lexicon, compiled into the binary from `assets/lexicon/`:
//! gazetteer of actors, given names, person cues, reporting verbs, demonyms.
//! Parsed once, on first use.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::model::Lang;

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
            Lang::En => &self.name_en,
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
}

const ACTORS: &str = include_str!("../../assets/lexicon/actors.tsv");
const FIRST_NAMES: &str = include_str!("../../assets/lexicon/first_names.txt");
const ROLES: &str = include_str!("../../assets/lexicon/roles.tsv");
const VERBS: &str = include_str!("../../assets/lexicon/reporting_verbs.tsv");
const DEMONYMS: &str = include_str!("../../assets/lexicon/demonyms.tsv");

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
            surfaces: HashMap::new(),
            max_tokens: 1,
            first_names: HashSet::new(),
            honorifics: HashSet::new(),
            roles: HashSet::new(),
            verbs: HashMap::new(),
            demonyms: HashMap::new(),
            by_id: HashMap::new(),
            people: HashMap::new(),
            first_words: HashSet::new(),
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
        lexicon
    }

    fn add_surface(&mut self, name: &str, entry: usize, metonym: bool) {
        let key = normalize(name);
        if key.is_empty() {
            return;
        }
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase());
        self.max_tokens = self.max_tokens.max(key.split(' ').count());
        self.first_words
            .insert(key.split(' ').next().unwrap_or_default().to_owned());
        // The first listing wins: a name is never both an actor and a metonym.
        self.surfaces.entry(key).or_insert(Surface {
            entry,
            metonym,
            acronym,
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
    for ending in [
        "e", "es", "ent", "ez", "é", "ée", "és", "ées", "èrent", "era", "erait", "eront",
        "eraient", "erai",
    ] {
        forms.push(format!("{stem}{ending}"));
    }
    for ending in ["ons", "a", "ait", "aient", "ais", "ant", "âmes"] {
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

/// Name key: lower case, no diacritics, apostrophes/hyphens/dots as spaces, single spaces.
pub fn normalize(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    // Fast path for the common case: one ASCII word.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// The key that recognises a built-in person by name: the transliteration
/// key, with a familiar given name in its full form ("Joe Biden" and "Joseph
/// Biden", "Bill Clinton" and "William Clinton" meet).
pub fn person_key(name: &str) -> String {
    let base = normalize(name);
    match base.split_once(' ') {
        Some((given, rest)) => {
            let full = FAMILIAR_NAMES
                .iter()
                .find(|(short, _)| *short == given)
                .map_or(given, |(_, full)| full);
            translit_key(&format!("{full} {rest}"))
        }
        None => translit_key(&base),
    }
}

/// Familiar forms of English given names and the full form (facts).
const FAMILIAR_NAMES: &[(&str, &str)] = &[
    ("joe", "joseph"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("mike", "michael"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("tony", "anthony"),
    ("ted", "edward"),
    ("ed", "edward"),
    ("tom", "thomas"),
    ("ron", "ronald"),
    ("dan", "daniel"),
    ("chuck", "charles"),
    ("dave", "david"),
    ("fred", "frederick"),
    ("ben", "benjamin"),
    ("sam", "samuel"),
    ("nick", "nicholas"),
    ("pete", "peter"),
    ("andy", "andrew"),
    ("matt", "matthew"),
    ("chris", "christopher"),
    ("larry", "lawrence"),
    ("jerry", "gerald"),
    ("hank", "henry"),
    ("liz", "elizabeth"),
    ("kate", "katherine"),
    ("al", "albert"),
];

/// Transliteration key: folds the spelling differences between French, English and
/// German renderings of Russian, Arabic and Korean names (Choïgou / Choïgu / Shoigu,
/// Poutine / Putin, Sergueï / Sergei, Prigojine / Prigozhin).
pub fn translit_key(s: &str) -> String {
    let base = normalize(s);
    let mut words = Vec::new();
    for word in base.split(' ') {
        let mut w = word
            .replace("sch", "sh")
            .replace("tch", "ch")
            .replace("ch", "sh")
            .replace("kh", "h")
            .replace("ou", "u")
            .replace("gue", "ge")
            .replace("gui", "gi")
            .replace('j', "zh")
            .replace("zhzh", "zh")
            .replace('y', "i")
            .replace('w', "v")
            .replace("ph", "f")
            .replace("ck", "k");
        if w.len() > 4 && w.ends_with('e') {
            w.pop();
        }
        // Doubled letters: "Zelenskii" / "Zelenski".
        let mut collapsed = String::with_capacity(w.len());
        for c in w.chars() {
            if !collapsed.ends_with(c) {
                collapsed.push(c);
            }
        }
        words.push(collapsed);
    }
    words.join(" ")
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

    #[test]
    fn transliteration_keys_meet() {
        let groups = [
            vec!["Choïgou", "Choïgu", "Shoigu", "Schoigu"],
            vec!["Poutine", "Putin"],
            vec!["Sergueï", "Sergei"],
            vec!["Dmitri", "Dmitry"],
            vec!["Prigojine", "Prigozhin"],
            vec!["Gorbatchev", "Gorbachev"],
            vec!["Zelensky", "Zelenskyy", "Zelenski"],
            vec!["Netanyahou", "Netanyahu"],
        ];
        for group in groups {
            let keys: HashSet<String> = group.iter().map(|n| translit_key(n)).collect();
            assert_eq!(keys.len(), 1, "{group:?} → {keys:?}");
        }
        assert_ne!(translit_key("Peskov"), translit_key("Lavrov"));
    }
}
