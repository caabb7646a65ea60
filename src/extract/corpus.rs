//! Corpus-level view of actors: one canonical key and display name per actor
//! across articles. Built-in actors are named in the corpus's main language;
//! a surname-only person in one article ("Pak") is merged with the one person
//! of the corpus whose full name ends with it ("Jung Pak").

use std::collections::HashMap;

use super::edits::ActorEdits;
use super::lexicon::{ActorKind, LEXICON, translit_key};
use crate::analytics::CorpusData;
use crate::model::Lang;

/// Canonical keys and names of a corpus's actors.
#[derive(Debug, Default, Clone)]
pub struct CorpusActors {
    /// Article-level key → canonical key.
    remap: HashMap<String, String>,
    /// Canonical key → (display name, kind).
    names: HashMap<String, (String, ActorKind)>,
    /// The user's corrections.
    edits: ActorEdits,
}

impl CorpusActors {
    /// Builds the view from everything extracted in a corpus.
    pub fn build(data: &CorpusData<'_>, edits: &ActorEdits) -> Self {
        let lexicon = &*LEXICON;
        let (mut fr, mut en) = (0usize, 0usize);
        for (_, article, _) in &data.items {
            match article.lang {
                Lang::Fr => fr += 1,
                Lang::En => en += 1,
            }
        }
        let lang = if fr > en { Lang::Fr } else { Lang::En };
        let mut names: HashMap<String, (String, ActorKind)> = HashMap::new();
        for (_, _, extraction) in &data.items {
            for actor in &extraction.actors {
                let name = match lexicon.entry(&actor.key) {
                    Some(entry) => entry.name(lang).to_owned(),
                    None => actor.name.clone(),
                };
                let slot = names
                    .entry(actor.key.clone())
                    .or_insert_with(|| (name.clone(), actor.kind));
                // Discovered people are named by their longest form.
                if lexicon.entry(&actor.key).is_none() && name.len() > slot.0.len() {
                    slot.0 = name;
                }
            }
        }
        // Surname-only people → the single full name ending with that surname.
        let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
        for (key, (name, kind)) in &names {
            if *kind == ActorKind::Person && name.split_whitespace().count() >= 2 {
                let surname = translit_key(name)
                    .rsplit(' ')
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let list = by_surname.entry(surname).or_default();
                if !list.contains(key) {
                    list.push(key.clone());
                }
            }
        }
        let mut remap = HashMap::new();
        for (key, (name, kind)) in &names {
            if *kind != ActorKind::Person || name.split_whitespace().count() != 1 {
                continue;
            }
            if let Some([full]) = by_surname.get(&translit_key(name)).map(Vec::as_slice) {
                remap.insert(key.clone(), full.clone());
            }
        }
        Self {
            remap,
            names,
            edits: edits.clone(),
        }
    }

    /// The canonical key of an article-level key: automatic merges, then the user's.
    pub fn canonical<'a>(&'a self, key: &'a str) -> &'a str {
        let automatic = self.remap.get(key).map_or(key, String::as_str);
        self.edits.resolve(automatic)
    }

    /// Display name and kind of a key (canonical or not); the user's name wins.
    pub fn name(&self, key: &str) -> Option<(&str, ActorKind)> {
        let key = self.canonical(key);
        let (name, kind) = self.names.get(key).map(|(n, k)| (n.as_str(), *k))?;
        Some((
            self.edits.rename.get(key).map_or(name, String::as_str),
            kind,
        ))
    }

    /// True when the user hid this actor.
    pub fn is_hidden(&self, key: &str) -> bool {
        self.edits.hide.contains(self.canonical(key))
    }

    /// The canonical key of the actor with this name or key (case- and accent-insensitive).
    pub fn find(&self, name_or_key: &str) -> Option<String> {
        if self.names.contains_key(name_or_key) {
            return Some(self.canonical(name_or_key).to_owned());
        }
        let wanted = super::lexicon::normalize(name_or_key);
        let mut keys: Vec<&String> = self.names.keys().collect();
        keys.sort();
        keys.into_iter()
            .find(|k| {
                self.name(k)
                    .is_some_and(|(n, _)| super::lexicon::normalize(n) == wanted)
            })
            .map(|k| self.canonical(k).to_owned())
    }

    /// Pairs of people who are probably the same person, for the user to accept
    /// or not: same family name (transliteration key) and first names that agree
    /// on their initial ("S. Ivanov" / "Sergueï Ivanov"). Sorted; each pair once.
    pub fn merge_suggestions(&self) -> Vec<(String, String)> {
        let mut people: Vec<(&String, Vec<String>)> = self
            .names
            .iter()
            .filter(|(key, (_, kind))| {
                *kind == ActorKind::Person && self.canonical(key) == key.as_str()
            })
            .map(|(key, (name, _))| {
                (
                    key,
                    translit_key(name).split(' ').map(str::to_owned).collect(),
                )
            })
            .filter(|(_, words): &(&String, Vec<String>)| words.len() >= 2)
            .collect();
        people.sort();
        let mut out = Vec::new();
        for (i, (a, wa)) in people.iter().enumerate() {
            for (b, wb) in people.iter().skip(i + 1) {
                let same_family = wa.last() == wb.last();
                let initials_agree = wa.first().and_then(|w| w.chars().next())
                    == wb.first().and_then(|w| w.chars().next());
                if same_family && initials_agree {
                    out.push(((*a).clone(), (*b).clone()));
                }
            }
        }
        out
    }
}
