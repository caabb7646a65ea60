//! The user's corrections to actors, kept per corpus in `actor-edits.json` in the
//! corpus's data folder (readable JSON, written atomically). They are applied
//! when results are read, so they survive re-indexing untouched.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::lexicon::{ActorKind, normalize};

/// File name inside a corpus data folder.
pub const EDITS_FILE: &str = "actor-edits.json";

/// Merges, renames and hidden actors, by actor key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActorEdits {
    /// Format version of this file.
    pub version: u32,
    /// Actor key → the key it is merged into.
    pub merge: BTreeMap<String, String>,
    /// Actor key → the display name the user chose.
    pub rename: BTreeMap<String, String>,
    /// Keys of actors the user hid.
    pub hide: BTreeSet<String>,
    /// Actor key → forms (normalised) split off it into actors of their own
    /// ("Pak" taken out of "Jung Pak" when it names someone else).
    pub split: BTreeMap<String, BTreeSet<String>>,
    /// Metonyms (normalised: "pyongyang", "le kremlin") that do not count for
    /// their country or institution in this corpus; they become places.
    pub metonyms_off: BTreeSet<String>,
    /// Actors the user added, found in the text by their name and aliases.
    pub added: Vec<UserActor>,
    /// Corrections of quotes, by [`quote_id`] (`doc#start`).
    pub quotes: BTreeMap<String, QuoteFix>,
}

/// The user's correction of one quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteFix {
    /// The marks set off a term, a title or a scare quote: not a quote.
    NotQuote,
    /// Said by this actor (key).
    Speaker(String),
    /// Said by someone the text does not name, described so ("un proche").
    Unnamed(String),
}

/// The id of the quote starting at byte `start` of article `part` of the
/// file `doc`: `doc#start`, or `doc:part#start` for the second and later
/// articles of one file (JSON lines). `dossier-cli quotes` prints it as `id`.
pub fn quote_id(doc: &str, part: usize, start: usize) -> String {
    if part == 0 {
        format!("{doc}#{start}")
    } else {
        format!("{doc}:{part}#{start}")
    }
}

/// An actor the user added to a corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserActor {
    /// Display name, also matched in the text.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Other forms matched in the text ("Pak", "J. Pak").
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl UserActor {
    /// Its actor key: `user:` and the normalised name.
    pub fn key(&self) -> String {
        format!("user:{}", normalize(&self.name))
    }
}

/// One change to a corpus's actor edits. The window and the command line
/// describe what the user did as changes, and [`update`] applies them to the
/// file as it is now, under its lock, so edits made at the same time by two
/// processes or windows are all kept.
#[derive(Clone, Debug, PartialEq)]
pub enum EditOp {
    /// Merge the actor `from` into `into` (keys).
    Merge {
        /// Key of the merged actor.
        from: String,
        /// Key it goes into.
        into: String,
    },
    /// Undo the merge of this key.
    Unmerge(String),
    /// Give an actor (key) a display name.
    Rename {
        /// Actor key.
        key: String,
        /// New name (not empty).
        name: String,
    },
    /// Hide an actor (key).
    Hide(String),
    /// Show a hidden actor (key) again.
    Unhide(String),
    /// Split a form off an actor.
    Split {
        /// Actor key.
        key: String,
        /// The form.
        form: String,
    },
    /// Put a split form back.
    Unsplit {
        /// Actor key.
        key: String,
        /// The form.
        form: String,
    },
    /// Whether a metonym counts for its country or institution.
    Metonym {
        /// The metonym as written.
        form: String,
        /// True: it counts.
        counts: bool,
    },
    /// Add (or replace) a user actor.
    Add(UserActor),
    /// Remove a user actor by name or key.
    Remove(String),
    /// Correct a quote (id from [`quote_id`]).
    Quote {
        /// The quote's id.
        id: String,
        /// The correction.
        fix: QuoteFix,
    },
    /// Undo the correction of a quote.
    Unquote(String),
    /// Replace everything (import of an exported file).
    Replace(ActorEdits),
}

/// Applies `ops` in order to the corpus's saved edits, under the corpus's
/// edits lock (read, change, write atomically); returns the edits as saved.
/// Nothing is written when one of them is refused.
pub fn update(corpus_dir: &Path, ops: &[EditOp]) -> Result<ActorEdits, String> {
    crate::storage::update_json(
        &corpus_dir.join(EDITS_FILE),
        "actor edits",
        |edits: &mut ActorEdits| {
            for op in ops {
                edits.apply(op)?;
            }
            edits.version = 1;
            Ok(edits.clone())
        },
    )
}

impl ActorEdits {
    /// Applies one change; a change that makes no sense (an empty name, a
    /// merge into itself, an import with a merge cycle) is refused.
    pub fn apply(&mut self, op: &EditOp) -> Result<(), String> {
        match op {
            EditOp::Merge { from, into } => self.merge(from, into)?,
            EditOp::Unmerge(key) => {
                self.unmerge(key);
            }
            EditOp::Rename { key, name } => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(format!("an empty name for {key} is refused"));
                }
                self.rename.insert(key.clone(), name.to_owned());
            }
            EditOp::Hide(key) => {
                self.hide.insert(key.clone());
            }
            EditOp::Unhide(key) => {
                self.hide.remove(key);
            }
            EditOp::Split { key, form } => self.split_alias(key, form)?,
            EditOp::Unsplit { key, form } => {
                if !self.unsplit_alias(key, form) {
                    return Err(format!("{form:?} was not split off {key}"));
                }
            }
            EditOp::Metonym { form, counts } => self.set_metonym(form, *counts),
            EditOp::Add(actor) => self.add_actor(actor.clone())?,
            EditOp::Remove(name) => {
                if !self.remove_actor(name) {
                    return Err(format!("no added actor named {name:?}"));
                }
            }
            EditOp::Quote { id, fix } => {
                if let QuoteFix::Unnamed(text) | QuoteFix::Speaker(text) = fix
                    && text.trim().is_empty()
                {
                    return Err(format!("an empty speaker for quote {id} is refused"));
                }
                self.quotes.insert(id.clone(), fix.clone());
            }
            EditOp::Unquote(id) => {
                if self.quotes.remove(id).is_none() {
                    return Err(format!("quote {id} has no correction to undo"));
                }
            }
            EditOp::Replace(edits) => {
                edits.validate()?;
                *self = edits.clone();
            }
        }
        Ok(())
    }

    /// Checks edits read from a file: no merge cycle, no empty name.
    pub fn validate(&self) -> Result<(), String> {
        for start in self.merge.keys() {
            let mut seen = BTreeSet::from([start.as_str()]);
            let mut current = start.as_str();
            while let Some(next) = self.merge.get(current) {
                if !seen.insert(next.as_str()) {
                    return Err(format!("the merges form a cycle through {start:?}"));
                }
                current = next;
            }
        }
        if let Some((key, _)) = self.rename.iter().find(|(_, n)| n.trim().is_empty()) {
            return Err(format!("an empty name for {key} is refused"));
        }
        for actor in &self.added {
            let mut copy = Self::default();
            copy.add_actor(actor.clone())?;
        }
        Ok(())
    }

    /// Loads the edits of a corpus (none yet: empty edits).
    pub fn load(corpus_dir: &Path) -> Result<Self, String> {
        Self::read(&corpus_dir.join(EDITS_FILE)).map(Option::unwrap_or_default)
    }

    /// Reads an edits file; `Ok(None)` when it does not exist.
    pub fn read(path: &Path) -> Result<Option<Self>, String> {
        crate::storage::read_json(path, "actor edits")
    }

    /// Saves the edits of a corpus atomically, with their second copy.
    pub fn save(&self, corpus_dir: &Path) -> std::io::Result<()> {
        let mut copy = self.clone();
        copy.version = 1;
        crate::storage::write_with_copy(&corpus_dir.join(EDITS_FILE), &copy)
    }

    /// Writes the edits to `path` atomically (export).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let mut copy = self.clone();
        copy.version = 1;
        crate::storage::write_json(path, &copy)
    }

    /// Merges `from` into `into`; merging into itself or into a chain that leads
    /// back is refused.
    pub fn merge(&mut self, from: &str, into: &str) -> Result<(), String> {
        if self.resolve(into) == from || from == into {
            return Err(format!("cannot merge {from} into itself"));
        }
        self.merge.insert(from.to_owned(), into.to_owned());
        Ok(())
    }

    /// Adds an actor (or replaces the one with the same name); empty names and
    /// aliases are refused.
    pub fn add_actor(&mut self, actor: UserActor) -> Result<(), String> {
        if normalize(&actor.name).is_empty() {
            return Err("an added actor needs a name".to_owned());
        }
        if actor.aliases.iter().any(|a| normalize(a).is_empty()) {
            return Err(format!("empty alias for {}", actor.name));
        }
        let key = actor.key();
        self.added.retain(|a| a.key() != key);
        self.added.push(actor);
        Ok(())
    }

    /// Removes an added actor by name or key; true when there was one.
    pub fn remove_actor(&mut self, name_or_key: &str) -> bool {
        let before = self.added.len();
        let wanted = normalize(name_or_key);
        self.added
            .retain(|a| a.key() != name_or_key && normalize(&a.name) != wanted);
        self.added.len() != before
    }

    /// Fingerprint of the added actors: extraction depends on them, so a
    /// change means the corpus's articles are extracted again.
    pub fn added_fingerprint(&self) -> u64 {
        if self.added.is_empty() {
            return 0;
        }
        let json = serde_json::to_vec(&self.added).unwrap_or_default();
        xxhash_rust::xxh3::xxh3_64(&json).max(1)
    }

    /// Splits the form `alias` off actor `key`.
    pub fn split_alias(&mut self, key: &str, alias: &str) -> Result<(), String> {
        let alias = normalize(alias);
        if alias.is_empty() {
            return Err("empty alias".to_owned());
        }
        self.split.entry(key.to_owned()).or_default().insert(alias);
        Ok(())
    }

    /// Puts a split form back; true when it was split.
    pub fn unsplit_alias(&mut self, key: &str, alias: &str) -> bool {
        let Some(set) = self.split.get_mut(key) else {
            return false;
        };
        let removed = set.remove(&normalize(alias));
        if set.is_empty() {
            self.split.remove(key);
        }
        removed
    }

    /// Sets whether a metonym ("Pyongyang") counts for its country.
    pub fn set_metonym(&mut self, metonym: &str, counts: bool) {
        let key = normalize(metonym);
        if counts {
            self.metonyms_off.remove(&key);
        } else {
            self.metonyms_off.insert(key);
        }
    }

    /// Undoes a merge (split the actor out again).
    pub fn unmerge(&mut self, key: &str) -> bool {
        self.merge.remove(key).is_some()
    }

    /// The key an actor ends up under after merges (chains followed, loops cut).
    pub fn resolve<'a>(&'a self, key: &'a str) -> &'a str {
        let mut current = key;
        for _ in 0..32 {
            match self.merge.get(current) {
                Some(next) if next != key => current = next,
                _ => break,
            }
        }
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_chain_and_refuse_loops() {
        let mut edits = ActorEdits::default();
        edits.merge("person~pak", "person~jung pak").unwrap();
        edits.merge("person~jung pak", "person~jung h pak").unwrap();
        assert_eq!(edits.resolve("person~pak"), "person~jung h pak");
        assert!(edits.merge("person~jung h pak", "person~pak").is_err());
        assert!(edits.unmerge("person~jung pak"));
        assert_eq!(edits.resolve("person~pak"), "person~jung pak");
    }

    #[test]
    fn aliases_metonyms_and_added_actors() {
        let mut edits = ActorEdits::default();
        assert_eq!(edits.added_fingerprint(), 0);
        edits.split_alias("country:kp", "  Pyongyang ").unwrap();
        assert!(edits.split["country:kp"].contains("pyongyang"));
        assert!(edits.split_alias("country:kp", " - ").is_err());
        assert!(edits.unsplit_alias("country:kp", "PYONGYANG"));
        assert!(edits.split.is_empty());
        edits.set_metonym("Le Kremlin", false);
        assert!(edits.metonyms_off.contains("le kremlin"));
        edits.set_metonym("le kremlin", true);
        assert!(edits.metonyms_off.is_empty());
        let actor = UserActor {
            name: "Groupe Wagner".into(),
            kind: ActorKind::Org,
            aliases: vec!["Wagner".into()],
        };
        assert_eq!(actor.key(), "user:groupe wagner");
        edits.add_actor(actor.clone()).unwrap();
        let first = edits.added_fingerprint();
        assert_ne!(first, 0);
        edits
            .add_actor(UserActor {
                aliases: vec!["Wagner".into(), "PMC Wagner".into()],
                ..actor
            })
            .unwrap();
        assert_eq!(edits.added.len(), 1, "same name replaces");
        assert_ne!(edits.added_fingerprint(), first);
        assert!(
            edits
                .add_actor(UserActor {
                    name: "  ".into(),
                    kind: ActorKind::Org,
                    aliases: vec![]
                })
                .is_err()
        );
        assert!(edits.remove_actor("groupe WAGNER"));
        assert!(!edits.remove_actor("groupe wagner"));
    }

    #[test]
    fn round_trip_through_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut edits = ActorEdits::default();
        edits.merge("a", "b").unwrap();
        edits.rename.insert("b".into(), "Bee".into());
        edits.hide.insert("c".into());
        edits.split_alias("person~jung pak", "Pak").unwrap();
        edits.set_metonym("Pyongyang", false);
        edits
            .add_actor(UserActor {
                name: "Jung H. Pak".into(),
                kind: ActorKind::Person,
                aliases: vec!["Mme Pak".into()],
            })
            .unwrap();
        edits.save(dir.path()).unwrap();
        let loaded = ActorEdits::load(dir.path()).unwrap();
        assert_eq!(loaded.merge, edits.merge);
        assert_eq!(loaded.rename, edits.rename);
        assert_eq!(loaded.hide, edits.hide);
        assert_eq!(
            loaded,
            ActorEdits {
                version: 1,
                ..edits
            }
        );
        assert_eq!(
            ActorEdits::load(&dir.path().join("none")).unwrap(),
            ActorEdits::default()
        );
        std::fs::write(dir.path().join(EDITS_FILE), "{ broken").unwrap();
        assert!(
            ActorEdits::load(dir.path())
                .unwrap_err()
                .contains("cannot read actor edits")
        );
    }

    #[test]
    fn quote_corrections_apply_undo_and_load_from_older_files() {
        let mut edits = ActorEdits::default();
        let id = quote_id("a.txt", 0, 42);
        assert_eq!(id, "a.txt#42");
        assert_eq!(quote_id("wire.jsonl", 3, 7), "wire.jsonl:3#7");
        let set = |fix| EditOp::Quote {
            id: id.clone(),
            fix,
        };
        edits.apply(&set(QuoteFix::NotQuote)).unwrap();
        edits
            .apply(&set(QuoteFix::Speaker("person~jung pak".into())))
            .unwrap();
        assert_eq!(
            edits.quotes[&id],
            QuoteFix::Speaker("person~jung pak".into())
        );
        assert!(edits.apply(&set(QuoteFix::Unnamed("  ".into()))).is_err());
        edits.apply(&EditOp::Unquote(id.clone())).unwrap();
        assert!(edits.quotes.is_empty());
        assert!(edits.apply(&EditOp::Unquote(id.clone())).is_err());
        // A file written before quote corrections existed still loads.
        let old: ActorEdits = serde_json::from_str(r#"{"version":1,"hide":["x"]}"#).unwrap();
        assert!(old.quotes.is_empty());
        edits
            .apply(&set(QuoteFix::Unnamed("un proche".into())))
            .unwrap();
        let text = serde_json::to_string(&edits).unwrap();
        assert_eq!(serde_json::from_str::<ActorEdits>(&text).unwrap(), edits);
    }
}
