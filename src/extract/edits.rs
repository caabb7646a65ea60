//! The user's corrections to actors, kept per corpus in `actor-edits.json` in the
//! corpus's data folder (readable JSON, written atomically). They are applied
//! when results are read, so they survive re-indexing untouched.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

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
}

impl ActorEdits {
    /// Loads the edits of a corpus (none yet: empty edits).
    pub fn load(corpus_dir: &Path) -> Result<Self, String> {
        Self::read(&corpus_dir.join(EDITS_FILE)).map(Option::unwrap_or_default)
    }

    /// Reads an edits file; `Ok(None)` when it does not exist.
    pub fn read(path: &Path) -> Result<Option<Self>, String> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| format!("cannot read actor edits ({e}): {}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read actor edits ({e}): {}", path.display())),
        }
    }

    /// Saves the edits of a corpus atomically.
    pub fn save(&self, corpus_dir: &Path) -> std::io::Result<()> {
        self.write(&corpus_dir.join(EDITS_FILE))
    }

    /// Writes the edits to `path` atomically (export).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let mut copy = self.clone();
        copy.version = 1;
        let json = serde_json::to_vec_pretty(&copy).map_err(std::io::Error::other)?;
        crate::storage::write_atomic(path, &json)
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
    fn round_trip_through_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut edits = ActorEdits::default();
        edits.merge("a", "b").unwrap();
        edits.rename.insert("b".into(), "Bee".into());
        edits.hide.insert("c".into());
        edits.save(dir.path()).unwrap();
        let loaded = ActorEdits::load(dir.path()).unwrap();
        assert_eq!(loaded.merge, edits.merge);
        assert_eq!(loaded.rename, edits.rename);
        assert_eq!(loaded.hide, edits.hide);
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
