//! The user's date corrections, kept per corpus in `date-corrections.json`
//! (readable JSON, written atomically) and applied to the manifest each time a
//! corpus is opened, so they survive re-indexing. Keys are `path#part` as in
//! `dossier-cli docs`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Manifest;
use crate::model::{DateSource, PartialDate, PubDate};

/// File name inside a corpus data folder.
pub const CORRECTIONS_FILE: &str = "date-corrections.json";

/// Article (`path#part`) → corrected date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`),
/// or `none` for an article the user says has no known date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateCorrections {
    /// Format version of this file.
    pub version: u32,
    /// The corrections.
    pub dates: BTreeMap<String, String>,
}

impl DateCorrections {
    /// Loads the corrections of a corpus (none yet: empty).
    pub fn load(corpus_dir: &Path) -> Result<Self, String> {
        crate::storage::read_json(&corpus_dir.join(CORRECTIONS_FILE), "date corrections")
            .map(Option::unwrap_or_default)
    }

    /// Changes the saved corrections under the corpus's edits lock (read,
    /// change, write), so corrections made at the same time are all kept.
    pub fn update(
        corpus_dir: &Path,
        change: impl FnOnce(&mut Self) -> Result<(), String>,
    ) -> Result<Self, String> {
        crate::storage::update_json(
            &corpus_dir.join(CORRECTIONS_FILE),
            "date corrections",
            |corrections: &mut Self| {
                change(corrections)?;
                corrections.version = 1;
                Ok(corrections.clone())
            },
        )
    }

    /// Saves them atomically.
    pub fn save(&self, corpus_dir: &Path) -> std::io::Result<()> {
        let mut copy = self.clone();
        copy.version = 1;
        crate::storage::write_with_copy(&corpus_dir.join(CORRECTIONS_FILE), &copy)
    }

    /// Sets the date of `doc` (`path` or `path#part`); `None` marks it undated.
    /// A date that is not `YYYY[-MM[-DD]]` is refused.
    pub fn set(&mut self, doc: &str, date: Option<&str>) -> Result<(), String> {
        let value = match date {
            None => "none".to_owned(),
            Some(d) => PartialDate::parse_iso(d)
                .map(|d| d.to_iso())
                .ok_or_else(|| format!("not a date (YYYY-MM-DD, YYYY-MM or YYYY): {d:?}"))?,
        };
        self.dates.insert(doc_key(doc), value);
        Ok(())
    }

    /// Removes the correction of `doc`; true when there was one.
    pub fn unset(&mut self, doc: &str) -> bool {
        self.dates.remove(&doc_key(doc)).is_some()
    }

    /// Applies the corrections to a manifest's articles; returns the keys that
    /// match no article (files since removed).
    pub fn apply(&self, manifest: &mut Manifest) -> Vec<String> {
        let mut unused: Vec<String> = Vec::new();
        for (key, value) in &self.dates {
            let (path, part) = split_key(key);
            let article = manifest
                .files
                .get_mut(path)
                .and_then(|f| f.articles.iter_mut().find(|a| a.part == part));
            let Some(article) = article else {
                unused.push(key.clone());
                continue;
            };
            article.date = PartialDate::parse_iso(value).map(|date| PubDate {
                date,
                source: DateSource::User,
                detail: "corrected by the user".to_owned(),
            });
        }
        unused
    }
}

/// The key of an article as the user names it: `path` → `path#0`; `path#2`
/// stays (a `#` not followed by digits is part of the path).
pub fn doc_key(doc: &str) -> String {
    let (path, part) = split_key(doc);
    format!("{path}#{part}")
}

fn split_key(key: &str) -> (&str, usize) {
    match key.rsplit_once('#') {
        Some((path, part)) if part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty() => {
            (path, part.parse().unwrap_or(0))
        }
        _ => (key, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_save_load_apply() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = DateCorrections::default();
        c.set("fr/jeudi.txt", Some("2024-01-18")).unwrap();
        c.set("feed.jsonl#3", None).unwrap();
        assert!(c.set("x.txt", Some("18 janvier")).is_err());
        c.save(dir.path()).unwrap();
        let loaded = DateCorrections::load(dir.path()).unwrap();
        assert_eq!(loaded.dates["fr/jeudi.txt#0"], "2024-01-18");
        assert_eq!(loaded.dates["feed.jsonl#3"], "none");
        assert!(c.unset("fr/jeudi.txt#0"));
        assert!(!c.unset("fr/jeudi.txt"));
        assert_eq!(
            DateCorrections::load(&dir.path().join("none")).unwrap(),
            DateCorrections::default()
        );
        assert_eq!(split_key("a#b.txt"), ("a#b.txt", 0));
    }
}
