//! The large lexicons built from open data by `scripts/lexicon/` (sources and
//! licences in `assets/lexicon/SOURCES.md`): world-wide given names, every
//! country with its capital and demonyms, organisations of the news (parties,
//! institutions, media, companies, NGOs, unions) with their acronyms, the head
//! nouns of institution names, and common words of French and English.
//!
//! A surface form that could be something else (a capital that is also a
//! given name, a party called "Renaissance", a company called "Orange") is
//! *weak*: it names the actor only where the recogniser found a name there,
//! never on its own.

use super::{ActorKind, Entry, Lexicon, data_lines, normalize};

const GIVEN_NAMES: &str = include_str!("../../../assets/lexicon/given_names.tsv");
const COUNTRIES: &str = include_str!("../../../assets/lexicon/countries.tsv");
const ORGS: &str = include_str!("../../../assets/lexicon/orgs.tsv");
const ORG_HEADS: &str = include_str!("../../../assets/lexicon/org_heads.tsv");
const COMMON_WORDS: &str = include_str!("../../../assets/lexicon/common_words.tsv");

/// A head noun that opens an institution's name ("tribunal", "Ministry").
#[derive(Clone, Debug)]
pub struct OrgHead {
    /// What follows it: `place`, `field`, `either` or `none` (complete alone).
    pub follows: String,
    /// Words that join it to what follows, normalised ("de", "de la", "of").
    pub links: Vec<String>,
}

/// Rows of a TSV file without its header line.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    data_lines(text)
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

impl Lexicon {
    /// Adds the open-data lexicons. Entries already built in (with their
    /// curated metonyms) keep their names; the open data adds forms.
    pub(super) fn add_open_data(&mut self) {
        for cols in rows(COMMON_WORDS) {
            if let (Some(word), Some(count)) = (cols.get(1), cols.get(2)) {
                let count: u32 = count.parse().unwrap_or(0);
                let key = normalize(word);
                let slot = self.common_words.entry(key).or_insert(0);
                *slot = (*slot).max(count);
            }
        }
        for cols in rows(GIVEN_NAMES) {
            let (Some(name), ambiguous) = (cols.first(), cols.get(3)) else {
                continue;
            };
            let key = normalize(name);
            if key.is_empty() {
                continue;
            }
            if ambiguous == Some(&"1") {
                self.ambiguous_names.insert(key.clone());
            }
            if let Some(g @ ('m' | 'f')) = cols.get(1).and_then(|g| g.chars().next()) {
                self.name_gender.insert(key.clone(), g);
            }
            self.first_names.insert(key);
        }
        for cols in rows(COUNTRIES) {
            let col = |i: usize| cols.get(i).copied().unwrap_or_default();
            let id = format!("country:{}", col(0).to_lowercase());
            let index = self.entry_index(&id, ActorKind::Country, col(2), col(3));
            for name in [col(2), col(3)].into_iter().chain(list(col(4))) {
                let weak = self.could_be_other(name);
                self.add_surface_with(name, index, false, weak);
            }
            // A capital stands for its government only where it acts; as a
            // form found on its own it is often a setting or a person.
            for capital in list(col(5)).chain(list(col(6))) {
                self.add_surface_with(capital, index, true, true);
            }
            for demonym in list(col(7)).chain(list(col(8))) {
                self.demonyms.entry(normalize(demonym)).or_insert(index);
            }
        }
        for cols in rows(ORGS) {
            let col = |i: usize| cols.get(i).copied().unwrap_or_default();
            let index = self.entry_index(col(0), ActorKind::Org, col(4), col(5));
            let country = format!("country:{}", col(2).to_lowercase());
            if let Some(&c) = self.by_id.get(&country) {
                self.org_country.insert(index, c);
            }
            let ambiguous: Vec<String> = list(col(7)).map(normalize).collect();
            let media = matches!(col(1), "media" | "news_agency");
            for name in [col(3), col(4), col(5)].into_iter().chain(list(col(6))) {
                if media && !name.is_empty() {
                    self.media.insert(normalize(name));
                }
                let weak = ambiguous.contains(&normalize(name)) || self.could_be_other(name);
                self.add_surface_with(name, index, false, weak);
            }
        }
        for cols in rows(ORG_HEADS) {
            let col = |i: usize| cols.get(i).copied().unwrap_or_default();
            let head = OrgHead {
                follows: col(5).to_owned(),
                links: list(col(6)).map(normalize).collect(),
            };
            for form in [col(1), col(2), col(3)]
                .into_iter()
                .filter(|f| !f.is_empty())
            {
                let key = normalize(form);
                self.max_head_words = self.max_head_words.max(key.split(' ').count());
                self.org_heads.entry(key).or_insert_with(|| head.clone());
            }
        }
    }

    /// The entry with `id`, created (with these names) when not built in.
    fn entry_index(&mut self, id: &str, kind: ActorKind, name_en: &str, name_fr: &str) -> usize {
        if let Some(index) = self.by_id.get(id) {
            return *index;
        }
        let index = self.entries.len();
        self.entries.push(Entry {
            id: id.to_owned(),
            kind,
            name_en: if name_en.is_empty() { name_fr } else { name_en }.to_owned(),
            name_fr: if name_fr.is_empty() { name_en } else { name_fr }.to_owned(),
            parent: None,
        });
        self.by_id.insert(id.to_owned(), index);
        index
    }

    /// True when a one-word name is also a given name or a common word
    /// ("Jordan", "Chad", "Orange"): it needs the recogniser's confirmation.
    fn could_be_other(&self, name: &str) -> bool {
        let key = normalize(name);
        let one_word = !key.contains(' ');
        let acronym = name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        one_word
            && (self.first_names.contains(&key)
                || (!acronym && self.common_words.get(&key).is_some_and(|n| *n >= 2))
                || key.chars().count() < 2)
    }
}
