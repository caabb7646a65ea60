//! Where Dossier keeps its own data: the platform's application-data folder
//! (`~/.local/share/dossier` on Linux, `~/Library/Application Support/org.dossier.Dossier`
//! on macOS, `%APPDATA%\dossier\Dossier\data` on Windows), one sub-folder per
//! corpus keyed by the corpus folder's canonical path. `DOSSIER_DATA_DIR`
//! overrides the base (tests, portable installs). The user's folder is never written.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Application id: names the data folder, the window class and the `.desktop` file.
pub const APP_ID: &str = "dossier";

/// Base folder for all of Dossier's data.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DOSSIER_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "dossier", "Dossier")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join(APP_ID))
}

/// Data folder of the corpus at `folder`: `<data_dir>/corpora/<name>-<hash>`.
pub fn corpus_dir(folder: &Path) -> std::io::Result<PathBuf> {
    let canonical = std::fs::canonicalize(folder)?;
    let hash = xxhash_rust::xxh3::xxh3_64(canonical.to_string_lossy().as_bytes());
    let name: String = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "root".to_owned())
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    Ok(data_dir()
        .join("corpora")
        .join(format!("{name}-{hash:016x}")))
}

/// Marker file written in every corpus data folder Dossier creates (or adopts
/// from an older version): the proof that what the folder holds is Dossier's,
/// so Dossier may rebuild or delete it. Nothing is deleted without it.
pub const OWNER_FILE: &str = "dossier-corpus.txt";

/// What an older Dossier wrote into a corpus data folder before the marker existed.
const KNOWN_CORPUS_NAMES: &[&str] = &[
    "manifest.json",
    "tantivy",
    "actor-edits.json",
    "date-corrections.json",
    "indexing.lock",
    "actor-edits.backup.json",
    "date-corrections.backup.json",
    EDITS_LOCK,
];

/// Makes `dir` the data folder of the corpus at `articles` (canonical): creates
/// it with its marker, or accepts it when it holds the marker (or only what an
/// older Dossier wrote, which is then marked). Refuses, with a one-line reason,
/// a folder inside the article folder (Dossier never writes there) and a folder
/// that holds anything Dossier did not create.
pub fn claim_corpus_dir(dir: &Path, articles: &Path) -> Result<(), String> {
    refuse_inside(dir, articles)?;
    if dir.join(OWNER_FILE).is_file() {
        return Ok(());
    }
    let entries: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            return Err(format!(
                "cannot open the data folder ({e}): {}",
                dir.display()
            ));
        }
    };
    let ours = |name: &String| {
        KNOWN_CORPUS_NAMES.contains(&name.as_str())
            || is_our_temp_file(name)
            || name.contains(".json.damaged-")
    };
    let older_dossier =
        dir.join("manifest.json").is_file() || dir.join("tantivy/dossier-schema-version").is_file();
    if let Some(foreign) = entries.iter().find(|n| !ours(n) || !older_dossier) {
        return Err(format!(
            "the data folder {} holds files Dossier did not create ({foreign:?}); Dossier will not write or delete anything there: choose an empty or new folder",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir)
        .and_then(|()| {
            write_atomic(
                &dir.join(OWNER_FILE),
                format!(
                    "Dossier's data for the article folder {}\n",
                    articles.display()
                )
                .as_bytes(),
            )
        })
        .map_err(|e| format!("cannot create the data folder ({e}): {}", dir.display()))
}

/// Refuses a data folder `dir` inside the article folder `articles`
/// (canonical): Dossier never writes there.
pub fn refuse_inside(dir: &Path, articles: &Path) -> Result<(), String> {
    if resolve_existing_prefix(dir).starts_with(articles) {
        return Err(format!(
            "the data folder {} is inside the article folder {}: Dossier never writes into your articles; choose another --index-dir or DOSSIER_DATA_DIR",
            dir.display(),
            articles.display()
        ));
    }
    Ok(())
}

/// `path` with its longest existing prefix made canonical (symlinks resolved),
/// so a folder that does not exist yet can still be compared with others.
fn resolve_existing_prefix(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut current = path.to_path_buf();
    loop {
        if let Ok(canonical) = std::fs::canonicalize(&current) {
            return rest.iter().rev().fold(canonical, |p, c| p.join(c));
        }
        match (current.file_name().map(ToOwned::to_owned), current.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                current = if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                };
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Reads one of Dossier's JSON files: `Ok(None)` when it does not exist; a
/// message naming `what` and the path when it cannot be read or parsed.
pub fn read_json<T: serde::de::DeserializeOwned>(
    path: &Path,
    what: &str,
) -> Result<Option<T>, String> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| format!("cannot read {what} ({e}): {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {what} ({e}): {}", path.display())),
    }
}

/// The second copy of a file of the user's edits: `NAME.backup.json`.
pub fn backup_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.backup.json"))
}

/// Saves what this process changed in a JSON file that other processes also
/// change (the window's settings, with two windows open): under the file's
/// lock, the changes from `baseline` (what this process read or last saved)
/// to `mine` are applied to the file as it is now, key by key inside
/// objects, so another window's changes to other keys are kept. Returns the
/// merged value, the next baseline.
pub fn save_changes(
    path: &Path,
    what: &str,
    baseline: &serde_json::Value,
    mine: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    update_json(path, what, |current: &mut serde_json::Value| {
        merge_changes(current, baseline, mine);
        Ok(current.clone())
    })
}

/// `current` += the changes from `baseline` to `mine`, recursively in objects.
fn merge_changes(
    current: &mut serde_json::Value,
    baseline: &serde_json::Value,
    mine: &serde_json::Value,
) {
    use serde_json::Value;
    match (current, mine) {
        (Value::Object(current), Value::Object(mine)) => {
            for (key, value) in mine {
                let base = baseline.get(key).unwrap_or(&Value::Null);
                if base == value {
                    continue;
                }
                match current.get_mut(key) {
                    Some(slot) if slot.is_object() && value.is_object() => {
                        merge_changes(slot, base, value)
                    }
                    _ => {
                        current.insert(key.clone(), value.clone());
                    }
                }
            }
            if let Value::Object(base) = baseline {
                for key in base.keys().filter(|k| !mine.contains_key(*k)) {
                    current.remove(key);
                }
            }
        }
        (current, mine) => {
            if baseline != mine {
                *current = mine.clone();
            }
        }
    }
}

/// Writes one of the user's edits files and its second copy
/// ([`backup_path`]), each atomically, the copy first: whatever happens, one
/// of the two is whole, and [`recover_json`] finds it.
pub fn write_with_copy<T: serde::Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    write_json(&backup_path(path), value)?;
    write_json(path, value)
}

/// Makes sure the user's edits file at `path` is readable before it is used.
/// Dossier writes it atomically with a second copy ([`update_json`]), so a
/// file damaged or deleted by a disk or another program is restored from
/// that copy; when both are damaged, the file is moved aside to
/// `NAME.damaged-SECONDS` (kept for the user, never deleted) and work goes on
/// without it. Returns a note saying what was done, if anything.
pub fn recover_json<T: serde::de::DeserializeOwned>(path: &Path, what: &str) -> Option<String> {
    let readable = |p: &Path| -> Option<Result<Vec<u8>, String>> {
        let bytes = std::fs::read(p).ok()?;
        Some(match serde_json::from_slice::<T>(&bytes) {
            Ok(_) => Ok(bytes),
            Err(e) => Err(e.to_string()),
        })
    };
    let problem = match readable(path) {
        Some(Ok(_)) => return None,
        Some(Err(e)) => format!("unreadable ({e})"),
        None => "missing".to_owned(),
    };
    let backup = backup_path(path);
    if let Some(Ok(bytes)) = readable(&backup) {
        return Some(match write_atomic(path, &bytes) {
            Ok(()) => format!("{what} {problem}; restored from {}", backup.display()),
            Err(e) => format!("{what} {problem}; cannot restore them from their copy ({e})"),
        });
    }
    if problem == "missing" {
        return None; // Never written: nothing to recover.
    }
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path.file_name()?.to_string_lossy().into_owned();
    let aside = path.with_file_name(format!("{name}.damaged-{seconds}"));
    Some(match std::fs::rename(path, &aside) {
        Ok(()) => format!(
            "{what} {problem} and their copy too; kept as {} and continuing without them",
            aside.display()
        ),
        Err(e) => format!("{what} {problem} and cannot be moved aside ({e})"),
    })
}

/// Writes `value` as readable JSON to `path`, atomically ([`write_atomic`]).
pub fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(value).map_err(std::io::Error::other)?;
    write_atomic(path, &json)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed to disk, then renamed over the target. Readers see the old or the
/// new content, never a mix, even if the process is killed midway. A failed
/// write (disk full) leaves no temporary file behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] for contents written piece by piece by `write` (into a
/// buffered temporary file, renamed over `path` once complete and synced).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}{TMP_SUFFIX}", std::process::id()));
    let written = (|| {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        write(&mut out)?;
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        std::fs::remove_file(&tmp).ok(); // Best effort: the write error is what matters.
    }
    written
}

/// Ending of the temporary files [`write_atomic`] writes (`.NAME.PID.tmp`).
const TMP_SUFFIX: &str = ".tmp";

/// Removes what interrupted atomic writes (a killed process) left in `dir`:
/// `.NAME.PID.tmp` files, the only temporary files Dossier writes there, once
/// they are older than any write takes (another process may be writing one now).
pub fn remove_stale_temp_files(dir: &Path) {
    const STALE: std::time::Duration = std::time::Duration::from_secs(600);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if old && is_our_temp_file(&name) {
            std::fs::remove_file(entry.path()).ok(); // Best effort: it is garbage either way.
        }
    }
}

/// True for a name written by [`write_atomic`]: `.NAME.PID.tmp`.
fn is_our_temp_file(name: &str) -> bool {
    let Some(stem) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_suffix(TMP_SUFFIX))
    else {
        return false;
    };
    stem.rsplit_once('.')
        .is_some_and(|(file, pid)| !file.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Runs `f` holding an exclusive lock on the file `name` in `dir` (created if
/// needed), waiting while another process or thread holds it. The operating
/// system releases the lock if the process dies.
pub fn with_lock<R>(dir: &Path, name: &str, f: impl FnOnce() -> R) -> std::io::Result<R> {
    std::fs::create_dir_all(dir)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(name))?;
    file.lock()?;
    let result = f();
    file.unlock().ok(); // Closing the file releases it anyway.
    Ok(result)
}

/// Lock file that serialises changes to a corpus's edits and corrections.
pub const EDITS_LOCK: &str = "edits.lock";

/// Read-modify-write of one of Dossier's JSON files under `dir`'s edits lock:
/// reads the current file (a missing one is `T::default()`), lets `change`
/// modify it, and writes it back atomically when `change` succeeds. Every
/// process and window that edits the same file goes through here, so no
/// change is lost to another one made at the same time.
pub fn update_json<T, R>(
    path: &Path,
    what: &str,
    change: impl FnOnce(&mut T) -> Result<R, String>,
) -> Result<R, String>
where
    T: serde::de::DeserializeOwned + serde::Serialize + Default,
{
    let dir = path.parent().unwrap_or(Path::new("."));
    let locked = with_lock(dir, EDITS_LOCK, || {
        let mut value: T = read_json(path, what)?.unwrap_or_default();
        let result = change(&mut value)?;
        write_with_copy(path, &value)
            .map_err(|e| format!("cannot save {what} ({e}): {}", path.display()))?;
        Ok(result)
    });
    locked.map_err(|e| format!("cannot lock {what} ({e}): {}", dir.display()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_of_two_writers_are_merged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let start =
            serde_json::json!({"theme": "dark", "selected": {"/a": [1], "/b": [2]}, "lang": "en"});
        write_json(&path, &start).unwrap();
        // Two windows read the same file, then each changes something else.
        let mut one = start.clone();
        one["theme"] = "light".into();
        one["selected"]["/a"] = serde_json::json!([1, 3]);
        let mut two = start.clone();
        two["lang"] = "fr".into();
        two["selected"]["/c"] = serde_json::json!([4]);
        save_changes(&path, "settings", &start, &one).unwrap();
        let merged = save_changes(&path, "settings", &start, &two).unwrap();
        assert_eq!(
            merged,
            serde_json::json!({"theme": "light", "lang": "fr", "selected": {"/a": [1, 3], "/b": [2], "/c": [4]}})
        );
    }

    #[test]
    fn a_damaged_edits_file_is_restored_from_its_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edits.json");
        update_json(&path, "edits", |v: &mut serde_json::Value| {
            *v = serde_json::json!({"hide": ["x"]});
            Ok(())
        })
        .unwrap();
        assert_eq!(recover_json::<serde_json::Value>(&path, "edits"), None);
        std::fs::write(&path, "{ cut").unwrap();
        let note = recover_json::<serde_json::Value>(&path, "edits").unwrap();
        assert!(note.contains("restored"), "{note}");
        let back: serde_json::Value = read_json(&path, "edits").unwrap().unwrap();
        assert_eq!(back["hide"][0], "x");
        std::fs::write(&path, "{ cut").unwrap();
        std::fs::write(backup_path(&path), "{ also cut").unwrap();
        let note = recover_json::<serde_json::Value>(&path, "edits").unwrap();
        assert!(note.contains("kept as"), "{note}");
        assert!(!path.exists(), "moved aside, not deleted");
    }

    #[test]
    fn temp_file_names() {
        assert!(is_our_temp_file(".manifest.json.1234.tmp"));
        assert!(!is_our_temp_file("manifest.json"));
        assert!(!is_our_temp_file(".tmpAbC123"));
        assert!(!is_our_temp_file(".x.12a.tmp"));
    }

    #[test]
    fn atomic_write_replaces_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/file.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path().join("sub")).unwrap().count(),
            1,
            "no temp file left"
        );
    }
}
