//! Trust, end to end with the real `dossier-cli`: Dossier deletes only what it
//! created, concurrent edits all survive, failed reads are retried, the index
//! and the list of read files are reconciled, odd names stay apart, dates are
//! never in the future, special files are reported, arguments are checked,
//! failed runs clean up after themselves, Ctrl-C and closed pipes end cleanly,
//! CSV cells cannot run as formulas, and misuse of the data folder is refused.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{cli, is_root, json_lines, stderr, tree_fingerprint};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier-cli"))
}

/// A small corpus: `n` French articles naming `countries`.
fn corpus_with(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(
            dir.join(format!("2024-03-{:02}-note-{i}.txt", 1 + i % 28)),
            format!("Note {i}\n\nLa Russie et la Chine ont signé un accord. « Nous avançons », a déclaré Vladimir Poutine. Fin {i}."),
        )
        .unwrap();
    }
}

fn sigint(pid: u32) {
    Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
}

#[test]
fn only_what_dossier_created_is_ever_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 3);
    let c = corpus.to_str().unwrap();
    // A folder that is not Dossier's, with an index-like sub-folder.
    let d = tmp.path().join("D");
    std::fs::create_dir_all(d.join("tantivy/sub")).unwrap();
    std::fs::write(d.join("tantivy/sub/n.txt"), "n").unwrap();
    let out = bin()
        .args(["index", c, "-q", "--index-dir", d.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("Dossier did not create"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(
        std::fs::read_to_string(d.join("tantivy/sub/n.txt")).unwrap(),
        "n"
    );

    // Dossier's own folder, in which someone put a file; then the index needs a rebuild.
    let ours = tmp.path().join("ours");
    let run = |args: &[&str]| {
        bin()
            .args(args)
            .args(["--index-dir", ours.to_str().unwrap(), "-q"])
            .output()
            .unwrap()
    };
    assert!(run(&["index", c]).status.success());
    std::fs::write(ours.join("tantivy/notes.txt"), "mine").unwrap();
    std::fs::write(ours.join("tantivy/meta.json"), "{ broken").unwrap();
    let out = run(&["docs", c]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("notes.txt"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(ours.join("tantivy/notes.txt")).unwrap(),
        "mine"
    );
    std::fs::remove_file(ours.join("tantivy/notes.txt")).unwrap();
    let out = run(&["docs", c]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 3);
}

#[test]
fn twenty_concurrent_edits_all_survive() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let countries = [
        "France",
        "Allemagne",
        "Italie",
        "Espagne",
        "Portugal",
        "Pologne",
        "Suède",
        "Norvège",
        "Finlande",
        "Danemark",
        "Grèce",
        "Turquie",
        "Inde",
        "Japon",
        "Brésil",
        "Mexique",
        "Canada",
        "Égypte",
        "Israël",
        "Iran",
    ];
    std::fs::create_dir_all(&corpus).unwrap();
    let sentences: Vec<String> = countries
        .iter()
        .map(|c| format!("Le gouvernement de la {c} a répondu."))
        .collect();
    std::fs::write(
        corpus.join("a.txt"),
        format!("Tour du monde\n\n{}", sentences.join(" ")),
    )
    .unwrap();
    for i in 0..20 {
        std::fs::write(
            corpus.join(format!("d{i}.txt")),
            format!("Note {i}\n\nLa Chine répond."),
        )
        .unwrap();
    }
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let out = cli(&data, &["actors", c, "-q"]);
    let known: Vec<String> = json_lines(&out)
        .iter()
        .map(|a| a["actor"].as_str().unwrap().to_owned())
        .collect();
    let present: Vec<&str> = countries
        .iter()
        .copied()
        .filter(|c| known.iter().any(|k| k == c))
        .collect();
    assert!(present.len() >= 15, "{known:?}");
    let children: Vec<_> = present
        .iter()
        .enumerate()
        .map(|(i, country)| {
            let mut cmd = bin();
            cmd.env("DOSSIER_DATA_DIR", &data)
                .args(["edit", c, "-q", "--hide", country]);
            if i % 2 == 0 {
                cmd.args(["--date", &format!("d{i}.txt=2020-01-{:02}", i + 1)]);
            }
            cmd.stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let edits_file = std::fs::read_dir(data.join("corpora"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let edits: serde_json::Value =
        serde_json::from_slice(&std::fs::read(edits_file.join("actor-edits.json")).unwrap())
            .unwrap();
    assert_eq!(
        edits["hide"].as_array().unwrap().len(),
        present.len(),
        "{edits}"
    );
    let docs = json_lines(&cli(&data, &["docs", c, "-q"]));
    let corrected = docs.iter().filter(|d| d["date_source"] == "user").count();
    assert_eq!(corrected, present.len().div_ceil(2));
}

#[test]
fn a_failed_read_is_tried_again() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 4);
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let out = bin()
        .args(["index", c])
        .env("DOSSIER_DATA_DIR", &data)
        .env("DOSSIER_TEST_READ_ERROR_ON", "note-2.txt")
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("cannot read file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        json_lines(&cli(&data, &["docs", c, "-q"])).len(),
        4,
        "read again, now it works"
    );
    let out = cli(&data, &["index", c]);
    assert!(stderr(&out).contains("0 read"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("cannot read"),
        "no stale error: {}",
        stderr(&out)
    );
}

#[test]
fn index_and_manifest_are_reconciled() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 300);
    let c = corpus.to_str().unwrap();
    let dir = tmp.path().join("d");
    let run = |args: &[&str]| {
        bin()
            .args(args)
            .args(["--index-dir", dir.to_str().unwrap()])
            .output()
            .unwrap()
    };
    assert!(run(&["index", c, "-q"]).status.success());
    let meta_path = dir.join("tantivy/meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    meta["segments"] = serde_json::json!([]);
    std::fs::write(&meta_path, serde_json::to_vec(&meta).unwrap()).unwrap();
    let out = run(&["search", c, "Poutine", "--limit", "1000"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("note: the index and the list of read files disagreed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_lines(&out).len(), 300);
    let out = run(&["quotes", c, "-q"]);
    assert_eq!(json_lines(&out).len(), 300);
    let out = run(&["index", c]);
    assert!(!stderr(&out).contains("disagreed"), "{}", stderr(&out));
}

#[test]
fn names_that_are_not_unicode_stay_apart() {
    use std::os::unix::ffi::OsStrExt as _;
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for (byte, country) in [(0xff_u8, "Russie"), (0xfe, "Chine")] {
        let name = [b"bad".as_slice(), &[byte], b".txt"].concat();
        let path = corpus.join(std::ffi::OsStr::from_bytes(&name));
        if std::fs::write(&path, format!("Titre {country}\n\nLa {country} répond.")).is_err() {
            eprintln!("this file system refuses non-UTF-8 names; not checked");
            return;
        }
    }
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let docs = json_lines(&cli(&data, &["docs", c, "-q"]));
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert_ne!(docs[0]["doc"], docs[1]["doc"]);
    let out = cli(&data, &["index", c]);
    assert!(
        stderr(&out).contains("0 read, 2 unchanged"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn file_times_never_date_an_article_in_the_future() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let year = |y: u64| std::time::UNIX_EPOCH + Duration::from_secs((y - 1970) * 365 * 86_400);
    for (name, time) in [
        ("future.txt", year(2031)),
        ("far.txt", year(2400)),
        ("past.txt", year(2021)),
    ] {
        let path = corpus.join(name);
        std::fs::write(&path, "Sans date\n\nLa France répond.").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }
    let data = tmp.path().join("data");
    let docs = json_lines(&cli(
        &data,
        &[
            "docs",
            corpus.to_str().unwrap(),
            "-q",
            "--file-time-fallback",
        ],
    ));
    let date = |name: &str| docs.iter().find(|d| d["doc"] == name).unwrap()["date"].clone();
    assert_eq!(date("future.txt"), serde_json::Value::Null);
    assert_eq!(date("far.txt"), serde_json::Value::Null);
    assert!(
        date("past.txt").as_str().unwrap().starts_with("2020")
            || date("past.txt").as_str().unwrap().starts_with("2021")
    );
}

#[test]
fn special_files_and_outside_links_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 1);
    std::os::unix::fs::symlink("/proc/self/pagemap", corpus.join("x.txt")).unwrap();
    let outside = tmp.path().join("outside.txt");
    std::fs::write(&outside, "Ailleurs\n\nLe Japon répond.").unwrap();
    std::os::unix::fs::symlink(&outside, corpus.join("link.txt")).unwrap();
    let fifo_made = Command::new("mkfifo")
        .arg(corpus.join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    let data = tmp.path().join("data");
    let started = Instant::now();
    let out = cli(&data, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(60));
    let err = stderr(&out);
    assert!(err.contains("x.txt: link to a system file"), "{err}");
    assert!(
        err.contains("link.txt: link to a file outside the folder"),
        "{err}"
    );
    if fifo_made {
        assert!(
            err.contains("pipe.txt: a named pipe, not a regular file"),
            "{err}"
        );
    }
    let docs = json_lines(&cli(&data, &["docs", corpus.to_str().unwrap(), "-q"]));
    assert_eq!(docs.len(), 2, "the note and the linked article");
}

#[test]
fn arguments_out_of_range_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 1);
    let c = corpus.to_str().unwrap();
    for args in [
        vec!["search", c, "x", "--limit", "0"],
        vec!["search", c, "x", "--limit", "4294967296"],
        vec!["search", c, "x", "--limit", "18446744073709551615"],
        vec!["index", c, "--threads", "100000"],
        vec!["chart", c, "--out", "x.png", "--width", "100000000"],
    ] {
        let out = cli(tmp.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("error"), "{}", stderr(&out));
    }
}

#[test]
fn a_failed_run_leaves_no_partial_files() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 400);
    let c = corpus.to_str().unwrap();
    let dir = tmp.path().join("d");
    // A file-size limit makes writes fail like a full disk (EFBIG, signal ignored).
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 64; exec {} index {c} -q --index-dir {}",
            env!("CARGO_BIN_EXE_dossier-cli"),
            dir.display()
        ))
        .output()
        .unwrap();
    assert!(!out.status.success(), "the limited run should fail");
    let leftovers = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|e| {
                e.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".tmp"))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    let out = bin()
        .args(["index", c, "-q", "--index-dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Every segment file belongs to a committed segment.
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("tantivy/meta.json")).unwrap()).unwrap();
    let live: Vec<String> = meta["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["segment_id"].as_str().unwrap().replace('-', ""))
        .collect();
    for entry in std::fs::read_dir(dir.join("tantivy")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let uuid = name.split('.').next().unwrap();
        if uuid.len() == 32 {
            assert!(live.iter().any(|l| l == uuid), "orphan segment file {name}");
        }
    }
}

#[test]
fn interrupts_and_closed_pipes_end_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 3000);
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    // Ctrl-C while indexing: exit 130, what was read is kept.
    let child = bin()
        .args(["index", c, "-q", "--threads", "1"])
        .env("DOSSIER_DATA_DIR", &data)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    sigint(child.id());
    let out = child.wait_with_output().unwrap();
    if out.status.code() == Some(0) {
        eprintln!("indexing finished before the interrupt; exit code not checked");
    } else {
        assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    }
    assert!(cli(&data, &["index", c, "-q"]).status.success());
    // Ctrl-C while printing: exit 130, only whole lines.
    let mut child = bin()
        .args(["quotes", c, "-q"])
        .env("DOSSIER_DATA_DIR", &data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap(); // Printing has begun; the pipe is full.
    sigint(child.id());
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let printed = [first.as_slice(), &rest].concat();
    assert!(printed.ends_with(b"\n"), "half a line printed");
    let lines = String::from_utf8(printed).unwrap();
    assert!(lines.lines().count() < 3000, "stopped early");
    for line in lines.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
    // A reader that stops after one line: exit 0, no error.
    let mut child = bin()
        .args(["docs", c, "-q"])
        .env("DOSSIER_DATA_DIR", &data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 2);
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let out = cli(
        &data,
        &[
            "edit",
            c,
            "-q",
            "--rename",
            "Russie==HYPERLINK(\"http://x\",\"y\")",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cli(&data, &["mentions", c, "-q", "--format", "csv"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(
        !csv.lines()
            .any(|l| l.split(',').nth(1).is_some_and(|f| f.starts_with('=')))
    );
    let chart = tmp.path().join("chart.csv");
    let out = cli(&data, &["chart", c, "-q", "--out", chart.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&chart).unwrap();
    assert!(text.contains("'=HYPERLINK("), "{text}");
}

#[test]
fn misuse_of_the_data_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_with(&corpus, 2);
    let c = corpus.to_str().unwrap();
    let before = tree_fingerprint(&corpus);
    for data in [corpus.clone(), corpus.join("inside")] {
        let out = cli(&data, &["docs", c, "-q"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("inside the article folder"),
            "{}",
            stderr(&out)
        );
        let out = bin()
            .args(["docs", c, "-q", "--index-dir", data.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            stderr(&out).contains("inside the article folder"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(
        before,
        tree_fingerprint(&corpus),
        "the article folder was written"
    );
    let data = tmp.path().join("data");
    let out = cli(&data, &["edit", c, "-q", "--rename", "Russie="]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("empty name"), "{}", stderr(&out));
    let cycle = tmp.path().join("cycle.json");
    std::fs::write(
        &cycle,
        r#"{"merge": {"country:ru": "country:cn", "country:cn": "country:ru"}}"#,
    )
    .unwrap();
    let out = cli(
        &data,
        &["edit", c, "-q", "--import", cycle.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cycle"), "{}", stderr(&out));
    // A read-only data folder still answers: made read-only with chmod, or,
    // for root (who writes anywhere), with a read-only bind mount in a
    // private mount namespace.
    let expected = json_lines(&cli(&data, &["search", c, "-q", "Russie"]));
    let out = if is_root() {
        let script = format!(
            "mount --bind {d} {d} && mount -o remount,ro,bind {d} {d} && exec {} search {c} Russie",
            env!("CARGO_BIN_EXE_dossier-cli"),
            d = data.display()
        );
        match Command::new("unshare")
            .args(["-m", "sh", "-c", &script])
            .env("DOSSIER_DATA_DIR", &data)
            .output()
        {
            Ok(out) if !stderr(&out).contains("mount:") && !stderr(&out).contains("unshare:") => {
                out
            }
            _ => {
                eprintln!(
                    "no private mount namespace here: a read-only folder cannot be simulated for root, not checked"
                );
                return;
            }
        }
    } else {
        Command::new("chmod")
            .args(["-R", "a-w"])
            .arg(&data)
            .status()
            .unwrap();
        let out = cli(&data, &["search", c, "Russie"]);
        Command::new("chmod")
            .args(["-R", "u+w"])
            .arg(&data)
            .status()
            .unwrap();
        out
    };
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(json_lines(&out), expected);
}

#[test]
fn cancelling_reaches_inside_one_long_article() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    // Millions of distinct names: seconds of extraction in one article.
    let letters = b"bcdfghjklmnpqrstvz";
    let mut text = String::from("Liste\n\n");
    for i in 0..300_000usize {
        let a = letters[i % 18] as char;
        let b = letters[(i / 18) % 18] as char;
        let c = letters[(i / 324) % 18] as char;
        text.push_str(&format!("M. X{a}{b}x Y{c}{b}y, "));
    }
    std::fs::write(corpus.join("long.txt"), text).unwrap();
    let data = tmp.path().join("data");
    let child = bin()
        .args(["index", corpus.to_str().unwrap(), "-q"])
        .env("DOSSIER_DATA_DIR", &data)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let asked = Instant::now();
    sigint(child.id());
    let out = child.wait_with_output().unwrap();
    if out.status.code() == Some(0) {
        eprintln!("extraction finished before the interrupt; not checked");
        return;
    }
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(
        asked.elapsed() < Duration::from_secs(10),
        "took {:?} to stop",
        asked.elapsed()
    );
}
