//! Fault injection into the data folder, with the real `dossier-cli`: every
//! kind of file Dossier keeps for a corpus (tantivy's `meta.json` and
//! `.managed.json`, each kind of segment file, the manifest, the actor edits,
//! the date corrections) is truncated, has 16 bytes overwritten, or is
//! deleted. Then `docs`, `search` and `quotes` must each answer as before or
//! say with a `note:` that something was repaired; none may panic or fail;
//! and the run after must answer as before (the user's edits restored from
//! their second copy) with nothing left to repair.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::stderr;

#[derive(Clone, Copy, Debug)]
enum Fault {
    Truncate,
    Corrupt,
    Delete,
}

fn run(dir: &Path, corpus: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier-cli"))
        .arg(args[0])
        .arg(corpus)
        .args(&args[1..])
        .args(["--index-dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr(&out),
    )
}

/// The three answers compared before and after each fault.
const COMMANDS: &[&[&str]] = &[
    &["docs"],
    &["search", "Poutine", "--limit", "1000"],
    &["quotes"],
];

fn answers(dir: &Path, corpus: &Path) -> Vec<(String, String)> {
    COMMANDS
        .iter()
        .map(|args| {
            let (ok, out, err) = run(dir, corpus, args);
            assert!(ok, "{args:?} failed: {err}");
            assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
            (comparable(&out), err)
        })
        .collect()
}

/// JSON lines without scores (BM25 statistics change when an index is
/// rebuilt without its deleted documents), in a fixed order.
fn comparable(out: &str) -> String {
    let mut lines: Vec<String> = out
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            if let Some(o) = v.as_object_mut() {
                o.remove("score");
            }
            v.to_string()
        })
        .collect();
    lines.sort();
    lines.join("\n")
}

fn inject(path: &Path, fault: Fault) {
    match fault {
        Fault::Truncate => {
            let len = std::fs::metadata(path).unwrap().len();
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_len(len / 2)
                .unwrap();
        }
        Fault::Corrupt => {
            let mut bytes = std::fs::read(path).unwrap();
            let at = bytes.len() / 3;
            for (i, b) in bytes.iter_mut().skip(at).take(16).enumerate() {
                *b ^= 0x5a ^ (i as u8);
            }
            std::fs::write(path, bytes).unwrap();
        }
        Fault::Delete => std::fs::remove_file(path).unwrap(),
    }
}

/// One file of each kind in a corpus data folder.
fn targets(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = vec![
        ("manifest".to_owned(), dir.join("manifest.bin")),
        ("actor edits".to_owned(), dir.join("actor-edits.json")),
        (
            "date corrections".to_owned(),
            dir.join("date-corrections.json"),
        ),
        ("meta.json".to_owned(), dir.join("tantivy/meta.json")),
        (
            ".managed.json".to_owned(),
            dir.join("tantivy/.managed.json"),
        ),
        (
            "schema version".to_owned(),
            dir.join("tantivy/dossier-schema-version"),
        ),
        (
            "checked ledger".to_owned(),
            dir.join("tantivy/dossier-checked.json"),
        ),
    ];
    let mut seen = std::collections::HashSet::new();
    let mut names: Vec<String> = std::fs::read_dir(dir.join("tantivy"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let ext = name.rsplit('.').next().unwrap_or_default().to_owned();
        if name.split('.').next().is_some_and(|u| u.len() == 32) && seen.insert(ext.clone()) {
            out.push((format!("segment .{ext}"), dir.join("tantivy").join(&name)));
        }
    }
    out
}

#[test]
fn every_damaged_file_is_answered_or_repaired() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for i in 0..40 {
        std::fs::write(
            corpus.join(format!("2024-02-{:02}-n{i}.txt", 1 + i % 28)),
            format!("Note {i}\n\nLa Russie et la Chine répondent. « Nous avançons », a déclaré Vladimir Poutine. Fin {i}."),
        )
        .unwrap();
    }
    let pristine = tmp.path().join("pristine");
    let (ok, _, err) = run(&pristine, &corpus, &["index"]);
    assert!(ok, "{err}");
    // Deletions in the index (a .del file), one edit and one date correction.
    std::fs::write(
        corpus.join("2024-02-01-n0.txt"),
        "Note 0\n\nLe Japon répond.",
    )
    .unwrap();
    let (ok, _, err) = run(
        &pristine,
        &corpus,
        &[
            "edit",
            "--hide",
            "Chine",
            "--date",
            "2024-02-02-n1.txt=2023-05-06",
        ],
    );
    assert!(ok, "{err}");
    let expected: Vec<String> = answers(&pristine, &corpus)
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    let kinds = targets(&pristine);
    assert!(kinds.iter().any(|(k, _)| k == "segment .del"), "{kinds:?}");
    assert!(kinds.len() >= 12, "{kinds:?}");
    for (kind, path) in &kinds {
        for fault in [Fault::Truncate, Fault::Corrupt, Fault::Delete] {
            let dir = tmp.path().join("faulty");
            if dir.exists() {
                std::fs::remove_dir_all(&dir).unwrap();
            }
            common::copy_tree(&pristine, &dir);
            inject(&dir.join(path.strip_prefix(&pristine).unwrap()), fault);
            let first = answers(&dir, &corpus);
            for ((out, err), want) in first.iter().zip(&expected) {
                assert!(
                    out == want || err.contains("note:"),
                    "{kind} {fault:?}: a different answer without a note:\n{err}"
                );
            }
            // The run after: repaired, nothing more to repair, the user's
            // edits and corrections intact (restored from their copy).
            let second = answers(&dir, &corpus);
            for ((out, err), want) in second.iter().zip(&expected) {
                assert!(
                    !err.contains("note:"),
                    "{kind} {fault:?}: still repairing: {err}"
                );
                assert_eq!(out, want, "{kind} {fault:?}: wrong answer after repair");
            }
        }
    }
}
