//! Robustness and safety, end to end with the real `dossier-cli` binary: bad
//! input of every kind, a panic inside one file, the article folder left
//! untouched by everything Dossier does, a SIGKILL in the middle of indexing,
//! two processes on one folder, and no network. Unix only (symlinks,
//! permissions, SIGKILL, network namespaces).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{cli, copy_tree, fixtures, is_root, json_lines, stderr, tree_fingerprint};

/// `n` small French articles in sub-folders of 500.
fn generate(dir: &Path, n: usize) {
    for i in 0..n {
        let sub = dir.join(format!("part{:02}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        let day = 1 + i % 28;
        std::fs::write(
            sub.join(format!("2024-03-{day:02}-depeche-{i}.txt")),
            format!(
                "Dépêche {i}\n\nLa Russie et la Chine ont signé un accord à Pékin. « Nous avançons », a déclaré Vladimir Poutine. L'OTAN observe. Paragraphe {i}."
            ),
        )
        .unwrap();
    }
}

fn doc_ids(data: &Path, corpus: &Path) -> Vec<String> {
    let out = cli(data, &["docs", corpus.to_str().unwrap(), "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    json_lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn hostile_input_is_skipped_or_read_with_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(corpus.join(name), bytes).unwrap();
    // Mixed encodings: UTF-8 then Latin-1 in one file.
    let mut mixed = "Titre mêlé\n\nDébut en UTF-8 : la Russie répond. "
        .as_bytes()
        .to_vec();
    mixed.extend_from_slice(b"Suite en Latin-1 : \xe9t\xe9 \xe0 Moscou.");
    w("mixed.txt", &mixed);
    // Binary data behind text names.
    w(
        "photo.html",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0, 1, 2, 3],
    );
    w("blank.txt", b"  \n\t\n  ");
    // JSON with wrong types, and huge arrays.
    w(
        "types.json",
        br#"{"title": 5, "text": ["not", "a", "string"], "date": {"y": 2024}}"#,
    );
    let numbers: Vec<String> = (0..200_000).map(|i| i.to_string()).collect();
    w(
        "numbers.json",
        format!("[{}]", numbers.join(",")).as_bytes(),
    );
    let items: Vec<String> = (0..3000)
        .map(|i| format!(r#"{{"title": "Item {i}", "text": "La Chine répond au point {i}.", "date": "2024-05-0{}"}}"#, 1 + i % 9))
        .collect();
    w("many.json", format!("[{}]", items.join(",")).as_bytes());
    // HTML nested thousands of levels deep.
    let deep = format!(
        "<html><body>{}<p>Le fond du puits parle de l'Ukraine.</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    w("deep.html", deep.as_bytes());
    // Odd Unicode in names.
    w(
        "e\u{301}te\u{301} 📰 \u{202e}txt.txt",
        "Été\n\nLa France répond.".as_bytes(),
    );
    w("名前.md", "# 見出し\n\nLe Japon répond.".as_bytes());
    w("line\nbreak.txt", b"Titre\n\nLe Canada repond.");
    // A symlink loop and a reader panic.
    std::os::unix::fs::symlink(corpus.join("loop"), corpus.join("loop")).unwrap();
    w("boom.txt", b"Titre\n\nLe Mexique repond.");
    // Unreadable file and folder (root reads everything: checked only otherwise).
    w("secret.txt", b"Titre\n\nLe Chili repond.");
    std::fs::create_dir_all(corpus.join("locked")).unwrap();
    std::fs::write(corpus.join("locked/inside.txt"), b"x").unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(
        corpus.join("secret.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    std::fs::set_permissions(
        corpus.join("locked"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();

    let before = tree_fingerprint(&corpus);
    let out = Command::new(env!("CARGO_BIN_EXE_dossier-cli"))
        .args(["index", corpus.to_str().unwrap()])
        .env("DOSSIER_DATA_DIR", tmp.path().join("data"))
        .env("DOSSIER_TEST_PANIC_ON", "boom.txt")
        .output()
        .unwrap();
    std::fs::set_permissions(
        corpus.join("secret.txt"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::set_permissions(
        corpus.join("locked"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let mut expected = vec![
        "photo.html: binary data, not text",
        "blank.txt: empty file",
        "numbers.json: no article in JSON",
        "loop: broken or looping link",
        "boom.txt: internal error while reading this file (test panic",
        "mixed.txt: decoded as UTF-8 mixed with windows-1252",
    ];
    if !is_root() {
        expected.extend(["secret.txt: cannot read file", "locked: "]);
    } else {
        eprintln!("running as root: unreadable files cannot be simulated, not checked");
    }
    for e in expected {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
    let docs = json_lines(&cli(
        &tmp.path().join("data"),
        &["docs", corpus.to_str().unwrap(), "-q"],
    ));
    let titles: HashSet<String> = docs
        .iter()
        .map(|d| d["title"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(
        titles.contains("Titre mêlé"),
        "a mixed file is read as far as it is sound"
    );
    assert!(
        titles.contains("Item 2999"),
        "every item of a large JSON array"
    );
    assert!(titles.contains("見出し"));
    assert!(docs.iter().any(|d| d["doc"] == "deep.html"));
    assert!(docs.iter().any(|d| d["doc"] == "line\nbreak.txt"));
    assert_eq!(
        before,
        tree_fingerprint(&corpus),
        "the article folder was modified"
    );
}

#[test]
fn nothing_dossier_does_writes_to_the_article_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let before = tree_fingerprint(&corpus);
    let run = |args: &[&str]| {
        let out = cli(&data, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    let file = |name: &str| tmp.path().join(name).to_str().unwrap().to_owned();
    run(&["index", c, "-q"]);
    run(&["index", c, "-q"]);
    run(&["actors", c, "-q"]);
    run(&["quotes", c, "-q"]);
    run(&["mentions", c, "-q", "--format", "csv"]);
    run(&["search", c, "-q", "Pyongyang"]);
    run(&[
        "edit",
        c,
        "-q",
        "--merge",
        "North Korea=United States",
        "--hide",
        "OPEC",
    ]);
    run(&[
        "edit",
        c,
        "-q",
        "--split",
        "United States=Washington",
        "--metonym",
        "Pyongyang=off",
    ]);
    run(&[
        "edit",
        c,
        "-q",
        "--add",
        "Groupe Alpha",
        "--kind",
        "org",
        "--alias",
        "Alpha",
    ]);
    run(&["edit", c, "-q", "--export", &file("edits.json")]);
    run(&["chart", c, "-q", "--out", &file("c.png")]);
    run(&["chart", c, "-q", "--out", &file("c.svg")]);
    run(&["chart", c, "-q", "--out", &file("c.csv")]);
    run(&["edit", c, "-q", "--import", &file("edits.json")]);
    assert_eq!(
        before,
        tree_fingerprint(&corpus),
        "the article folder was modified"
    );
}

#[test]
fn sigkill_during_indexing_leaves_an_index_the_next_run_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 3000);
    let data = tmp.path().join("data");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier-cli"))
        .args(["index", corpus.to_str().unwrap(), "-q", "--threads", "1"])
        .env("DOSSIER_DATA_DIR", &data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has started writing its data folder.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        let writing = std::fs::read_dir(&data)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| e.path().join("tantivy").is_dir());
        if writing {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let finished_first = child.try_wait().unwrap().is_some();
    child.kill().unwrap(); // SIGKILL on Unix.
    child.wait().unwrap();
    if finished_first {
        eprintln!("indexing finished before it could be killed; checking the reopen only");
    }
    let out = cli(&data, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "after SIGKILL: {}", stderr(&out));
    let ids = doc_ids(&data, &corpus);
    assert_eq!(ids.len(), 3000);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        3000,
        "no article twice"
    );
    let hits = json_lines(&cli(
        &data,
        &[
            "search",
            corpus.to_str().unwrap(),
            "-q",
            "--limit",
            "5000",
            "Pékin",
        ],
    ));
    assert_eq!(hits.len(), 3000, "each article once in the full-text index");
}

#[test]
fn two_processes_on_one_folder_wait_for_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 2000);
    let data = tmp.path().join("data");
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_dossier-cli"))
            .args(["index", corpus.to_str().unwrap(), "--threads", "1"])
            .env("DOSSIER_DATA_DIR", &data)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = spawn();
    std::thread::sleep(Duration::from_millis(150));
    let second = spawn();
    let (a, b) = (
        first.wait_with_output().unwrap(),
        second.wait_with_output().unwrap(),
    );
    assert!(a.status.success(), "first: {}", stderr(&a));
    assert!(b.status.success(), "second: {}", stderr(&b));
    let both = format!("{}{}", stderr(&a), stderr(&b));
    assert!(
        both.contains("waiting for another Dossier process"),
        "one run waited for the other:\n{both}"
    );
    let ids = doc_ids(&data, &corpus);
    assert_eq!(ids.len(), 2000);
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 2000);
}

#[test]
fn no_network_needed() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    // HTML pointing at remote resources must not be fetched.
    std::fs::write(
        corpus.join("remote.html"),
        "<html><head><title>Remote</title><link rel=stylesheet href=http://192.0.2.1/x.css><script src=http://192.0.2.1/x.js></script></head><body><img src=http://192.0.2.1/x.png><p>La Russie répond.</p></body></html>",
    )
    .unwrap();
    if !Command::new("unshare")
        .args(["-rn", "true"])
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipping: cannot create a network namespace here (unshare -rn)");
        return;
    }
    let run = |isolated: bool, data: &Path| {
        let bin = env!("CARGO_BIN_EXE_dossier-cli");
        let cmd = if isolated {
            let mut c = Command::new("unshare");
            c.args(["-rn", bin]);
            c
        } else {
            Command::new(bin)
        };
        let mut outputs = Vec::new();
        for sub in ["docs", "actors", "quotes"] {
            let out = cmd_clone(&cmd)
                .args([sub, corpus.to_str().unwrap(), "-q"])
                .env("DOSSIER_DATA_DIR", data)
                .output()
                .unwrap();
            assert!(out.status.success(), "{sub}: {}", stderr(&out));
            outputs.push(String::from_utf8(out.stdout).unwrap());
        }
        outputs
    };
    let open = run(false, &tmp.path().join("open"));
    let isolated = run(true, &tmp.path().join("isolated"));
    assert_eq!(open, isolated, "same output without network");
}

/// A copy of a command's program and arguments.
fn cmd_clone(cmd: &Command) -> Command {
    let mut c = Command::new(cmd.get_program());
    c.args(cmd.get_args());
    c
}
