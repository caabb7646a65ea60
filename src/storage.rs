//! Where Dossier keeps its own data: the platform's application-data folder
//! (`~/.local/share/dossier` on Linux, `~/Library/Application Support/org.dossier.Dossier`
//! on macOS, `%APPDATA%\dossier\Dossier\data` on Windows), one sub-folder per
//! corpus keyed by the corpus folder's canonical path. `DOSSIER_DATA_DIR`
//! overrides the base (tests, portable installs). The user's folder is never written.

use std::io::Write as _;
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

/// Writes `value` as readable JSON to `path`, atomically ([`write_atomic`]).
pub fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(value).map_err(std::io::Error::other)?;
    write_atomic(path, &json)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed to disk, then renamed over the target. Readers see the old or the
/// new content, never a mix, even if the process is killed midway.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        std::fs::remove_file(&tmp).ok(); // Best effort: the rename error is what matters.
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
