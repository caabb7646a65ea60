//! `dossier-cli extract`: JSON lines (or a folder) in, one record per article
//! out, the same as the index path finds, with nothing written anywhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use common::{cli, copy_tree, fixtures, json_lines, stderr, tree_fingerprint};
use serde_json::Value;

/// Runs `extract` with `input` on stdin and no data folder at all.
fn extract(args: &[&str], input: &str) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("never-created");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier-cli"))
        .arg("extract")
        .args(args)
        .env("DOSSIER_DATA_DIR", &data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(!data.exists(), "extract wrote a data folder");
    out
}

const FR: &str = "Le président Emmanuel Macron a reçu Olaf Scholz à Paris. « Nous devons agir ensemble », a déclaré Emmanuel Macron. La Russie a protesté.";

#[test]
fn each_line_gives_one_record_in_input_order() {
    let lines = [
        serde_json::json!({"id": "a", "title": "Sommet", "text": FR, "date": "2024-03-04", "lang": "fr", "outlet": "Le Monde"}),
        serde_json::json!({"title": "no text"}),
        serde_json::json!({"id": 7, "body": "<p>Joe Biden said on Monday: \"We will stand with Ukraine.\"</p>"}),
    ];
    let mut input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    input.push_str("not json\n\n");
    let out = extract(&["--today", "2025-01-01", "--threads", "2"], &input);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = json_lines(&out);
    assert_eq!(records.len(), 4, "{records:#?}");

    let a = &records[0];
    assert_eq!(a["doc"], "a");
    assert_eq!(a["date"], "2024-03-04");
    assert_eq!(a["lang"], "fr");
    assert_eq!(a["outlet"], "Le Monde");
    let macron = a["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "Emmanuel Macron")
        .expect("Macron found");
    assert_eq!(macron["kind"], "person");
    assert_eq!(macron["count"], 2);
    for span in macron["spans"].as_array().unwrap() {
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&FR[s..e], "Emmanuel Macron");
    }
    let quote = &a["quotes"][0];
    assert_eq!(quote["quote"], "Nous devons agir ensemble");
    assert_eq!(quote["speaker"], "Emmanuel Macron");
    assert_eq!(quote["speaker_key"], macron["key"]);
    assert!(quote["attribution"]["rule"].is_string(), "{quote}");

    // No text, not JSON: error records in place, with the line number.
    assert_eq!(records[1]["doc"], "line 2");
    assert_eq!(records[1]["line"], 2);
    assert!(records[1]["error"].as_str().unwrap().contains("no text"));
    assert_eq!(records[3]["line"], 4);
    assert!(
        records[3]["error"]
            .as_str()
            .unwrap()
            .starts_with("not JSON")
    );
    assert!(stderr(&out).contains("skipped line 2"), "{}", stderr(&out));

    // HTML in the text field is read as a page; a numeric id names the article.
    let b = &records[2];
    assert_eq!(b["doc"], "7");
    assert_eq!(b["lang"], "en");
    assert_eq!(b["quotes"][0]["speaker"], "Joe Biden");
    assert!(b.get("error").is_none());
}

#[test]
fn the_same_input_gives_the_same_output_whatever_the_threads() {
    let input: String = (0..40)
        .map(|i| {
            let text = if i % 2 == 0 {
                FR.to_owned()
            } else {
                format!("Article {i}. Vladimir Putin met Xi Jinping in Beijing, the Kremlin said.")
            };
            format!(
                "{}\n",
                serde_json::json!({"id": format!("n{i}"), "text": text})
            )
        })
        .collect();
    let one = extract(&["--threads", "1", "--today", "2025-01-01"], &input);
    let two = extract(&["--threads", "2", "--today", "2025-01-01"], &input);
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    let docs: Vec<Value> = json_lines(&one).iter().map(|r| r["doc"].clone()).collect();
    assert_eq!(docs[0], "n0");
    assert_eq!(docs[39], "n39");
}

#[test]
fn a_folder_gives_what_the_index_finds_and_stays_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    let before = tree_fingerprint(&corpus);
    let out = extract(&["--quiet", corpus.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let records = json_lines(&out);
    assert_eq!(tree_fingerprint(&corpus), before, "the folder was written");

    // Quotes: the same spans, words and speaker words as `dossier-cli quotes`.
    let data = tmp.path().join("data");
    let indexed = cli(&data, &["quotes", "--quiet", corpus.to_str().unwrap()]);
    assert!(indexed.status.success(), "{}", stderr(&indexed));
    let key = |doc: &str, q: &Value| {
        (
            doc.to_owned(),
            q["start"].as_u64(),
            q["quote"].as_str().map(str::to_owned),
            q["speaker_text"].as_str().map(str::to_owned),
        )
    };
    let mut from_index: Vec<_> = json_lines(&indexed)
        .iter()
        .map(|q| key(q["doc"].as_str().unwrap(), q))
        .collect();
    let mut from_extract: Vec<_> = records
        .iter()
        .filter(|r| r.get("error").is_none())
        .flat_map(|r| {
            let doc = r["doc"].as_str().unwrap().to_owned();
            r["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |q| key(&doc, q))
                .collect::<Vec<_>>()
        })
        .collect();
    from_index.sort();
    from_extract.sort();
    assert!(!from_index.is_empty());
    assert_eq!(from_extract, from_index);

    // Articles: every one that `docs` lists, and files that cannot be read as errors.
    let docs = cli(&data, &["docs", "--quiet", corpus.to_str().unwrap()]);
    let n_docs = json_lines(&docs).len();
    assert_eq!(
        records.iter().filter(|r| r.get("error").is_none()).count(),
        n_docs
    );
}
