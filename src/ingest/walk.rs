//! Recursive, read-only walk of the corpus folder: article files in a stable
//! order, hidden files and OS junk skipped, symlink loops and unreadable folders
//! reported instead of followed forever.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use super::Format;
use crate::model::PartialDate;

/// One article file found by [`walk`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// Path relative to the corpus folder, `/`-separated.
    pub rel_path: String,
    /// Absolute path used for reading.
    pub abs_path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 if unknown).
    pub modified_unix_ns: i64,
}

impl FileInfo {
    /// Day of the modification time (UTC), if known.
    pub fn modified_day(&self) -> Option<PartialDate> {
        (self.modified_unix_ns > 0).then(|| {
            let time =
                SystemTime::UNIX_EPOCH + Duration::from_nanos(self.modified_unix_ns.unsigned_abs());
            super::dates::date_of_system_time(time)
        })
    }
}

/// A path that was not read, with the reason shown to the user.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Skipped {
    /// Relative path (or the folder itself).
    pub path: String,
    /// Why, in one line.
    pub reason: String,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct WalkReport {
    /// Article files, sorted by relative path.
    pub files: Vec<FileInfo>,
    /// Folders and files that could not be visited, with reasons.
    pub skipped: Vec<Skipped>,
    /// Files ignored because they are not an article format (images, spreadsheets, …).
    pub ignored: usize,
    /// Files read, but worth a word: links to files outside the folder.
    pub notes: Vec<Skipped>,
}

/// Names that operating systems and editors leave behind.
fn is_junk(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || matches!(
            name.to_ascii_lowercase().as_str(),
            "thumbs.db"
                | "desktop.ini"
                | "__macosx"
                | "$recycle.bin"
                | "system volume information"
                | "node_modules"
        )
}

/// Walks `root` depth-first without recursion. Symlinks are followed, but a
/// directory whose canonical path was already visited is reported as a loop.
pub fn walk(root: &Path, cancel: &AtomicBool) -> std::io::Result<WalkReport> {
    let root_canonical = std::fs::canonicalize(root)?;
    if !root_canonical.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            format!("not a folder: {}", root.display()),
        ));
    }
    let mut report = WalkReport::default();
    let mut visited: HashSet<PathBuf> = HashSet::from([root_canonical.clone()]);
    let mut stack: Vec<(PathBuf, String)> = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, rel_dir)) = stack.pop() {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                report.skipped.push(Skipped {
                    path: display_rel(&rel_dir),
                    reason: format!("cannot open folder: {e}"),
                });
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    report.skipped.push(Skipped {
                        path: display_rel(&rel_dir),
                        reason: format!("cannot list folder: {e}"),
                    });
                    continue;
                }
            };
            let name = name_key(&entry.file_name());
            if is_junk(&name) {
                continue;
            }
            let rel = if rel_dir.is_empty() {
                name.clone()
            } else {
                format!("{rel_dir}/{name}")
            };
            let path = entry.path();
            // `metadata` follows symlinks; a broken link fails here.
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) => {
                    let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
                    let reason = if is_link {
                        format!("broken or looping link: {e}")
                    } else {
                        format!("cannot read: {e}")
                    };
                    report.skipped.push(Skipped { path: rel, reason });
                    continue;
                }
            };
            let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
            if let Some(reason) = special_file(&meta) {
                report.skipped.push(Skipped { path: rel, reason });
                continue;
            }
            if is_link && meta.is_file() {
                let target = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if SYSTEM_FOLDERS.iter().any(|s| target.starts_with(s)) {
                    report.skipped.push(Skipped {
                        path: rel,
                        reason: format!(
                            "link to a system file ({}), not an article",
                            target.display()
                        ),
                    });
                    continue;
                }
                if !target.starts_with(&root_canonical) && Format::from_path(&path).is_some() {
                    report.notes.push(Skipped {
                        path: rel.clone(),
                        reason: format!(
                            "link to a file outside the folder, read: {}",
                            target.display()
                        ),
                    });
                }
            }
            if meta.is_dir() {
                match std::fs::canonicalize(&path) {
                    Ok(canonical) if visited.insert(canonical.clone()) => stack.push((path, rel)),
                    Ok(_) => report.skipped.push(Skipped {
                        path: rel,
                        reason: "link loop: folder already visited".to_owned(),
                    }),
                    Err(e) => report.skipped.push(Skipped {
                        path: rel,
                        reason: format!("cannot resolve folder: {e}"),
                    }),
                }
            } else if meta.is_file() {
                if Format::from_path(&path).is_none() {
                    report.ignored += 1;
                    continue;
                }
                let modified_unix_ns = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                    .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
                report.files.push(FileInfo {
                    rel_path: rel,
                    abs_path: path,
                    size: meta.len(),
                    modified_unix_ns,
                });
            }
        }
    }
    report.files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(report)
}

/// A file name as a string key that keeps names apart even when they are not
/// valid Unicode: each byte that is not UTF-8 is written `\u{FFFD}` and its
/// two hex digits (`bad\xFF.txt` → `bad�FF.txt`), and a `\u{FFFD}` already in
/// a name is doubled, so two different names never give the same key (a
/// lossy conversion made `bad\xFF.txt` and `bad\xFE.txt` one article).
pub fn name_key(name: &std::ffi::OsStr) -> String {
    const MARK: char = '\u{FFFD}';
    if let Some(valid) = name.to_str() {
        return if valid.contains(MARK) {
            valid.replace(MARK, "\u{FFFD}\u{FFFD}")
        } else {
            valid.to_owned()
        };
    }
    let mut key = String::new();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        for chunk in name.as_bytes().utf8_chunks() {
            key.push_str(&chunk.valid().replace(MARK, "\u{FFFD}\u{FFFD}"));
            for byte in chunk.invalid() {
                key.push_str(&format!("{MARK}{byte:02X}"));
            }
        }
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt as _;
        for unit in char::decode_utf16(name.encode_wide()) {
            match unit {
                Ok(MARK) => key.push_str("\u{FFFD}\u{FFFD}"),
                Ok(c) => key.push(c),
                Err(e) => key.push_str(&format!("{MARK}{:04X}", e.unpaired_surrogate())),
            }
        }
    }
    #[cfg(not(any(unix, windows)))]
    key.push_str(&name.to_string_lossy());
    key
}

/// Folders of the operating system's virtual files: a link into them is never
/// an article (and `/proc` files report size 0 while holding gigabytes).
const SYSTEM_FOLDERS: &[&str] = &["/proc", "/sys", "/dev"];

/// Why a file that is neither a folder nor a regular file is not read.
fn special_file(meta: &std::fs::Metadata) -> Option<String> {
    if meta.is_dir() || meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let t = meta.file_type();
        let what = if t.is_fifo() {
            "a named pipe"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_block_device() || t.is_char_device() {
            "a device"
        } else {
            "a special file"
        };
        Some(format!("{what}, not a regular file"))
    }
    #[cfg(not(unix))]
    Some("not a regular file".to_owned())
}

fn display_rel(rel: &str) -> String {
    if rel.is_empty() {
        ".".to_owned()
    } else {
        rel.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_skips_junk() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        for name in [
            "a.txt",
            "b/c/d.json",
            "b/x.html",
            ".hidden.txt",
            "Thumbs.db",
            "photo.jpg",
            "b/~$draft.txt",
        ] {
            std::fs::write(root.join(name), "text").unwrap();
        }
        std::fs::create_dir(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/config.txt"), "x").unwrap();
        let report = walk(root, &AtomicBool::new(false)).unwrap();
        let rels: Vec<&str> = report.files.iter().map(|f| f.rel_path.as_str()).collect();
        assert_eq!(rels, ["a.txt", "b/c/d.json", "b/x.html"]);
        assert_eq!(report.ignored, 1);
        assert!(report.skipped.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.txt"), "text").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/back")).unwrap();
        std::os::unix::fs::symlink(root.join("self"), root.join("self")).unwrap();
        let report = walk(root, &AtomicBool::new(false)).unwrap();
        assert_eq!(report.files.len(), 1);
        let reasons: Vec<String> = report
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.path, s.reason))
            .collect();
        assert_eq!(report.skipped.len(), 2, "{reasons:?}");
        assert!(
            reasons.iter().any(|r| r.starts_with("sub/back: link loop")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("self: broken or looping link")),
            "{reasons:?}"
        );
    }
}
