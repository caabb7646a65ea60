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

impl ActorEdits {
    /// Loads the edits of a corpus (none yet: empty edits).
    pub fn load(corpus_dir: &Path) -> Result<Self, String> {
        Self::read(&corpus_dir.join(EDITS_FILE)).map(Option::unwrap_or_default)
    }

    /// Reads an edits file; `Ok(None)` when it does not exist.
    pub fn read(path: &Path) -> Result<Option<Self>, String> {
        crate::storage::read_json(path, "actor edits")
    }

    /// Saves the edits of a corpus atomically.
    pub fn save(&self, corpus_dir: &Path) -> std::io::Result<()> {
        self.write(&corpus_dir.join(EDITS_FILE))
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
}
