//! End-to-end tests of `dossier-cli` on the repository's fixtures plus bad input
//! generated here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;

use common::{cli, copy_tree, fixtures, json_lines, stderr};

fn docs_by_path(lines: &[serde_json::Value]) -> HashMap<String, serde_json::Value> {
    lines
        .iter()
        .map(|l| {
            (
                format!("{}#{}", l["doc"].as_str().unwrap(), l["part"]),
                l.clone(),
            )
        })
        .collect()
}

#[test]
fn docs_lists_every_format_with_dates_and_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    // "jeudi 18 janvier" is dated by the latest matching Thursday before the file time.
    let june_2025 = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_748_736_000);
    std::fs::File::options()
        .write(true)
        .open(corpus.join("fr/jeudi.txt"))
        .unwrap()
        .set_modified(june_2025)
        .unwrap();
    let out = cli(
        &tmp.path().join("data"),
        &["docs", corpus.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = docs_by_path(&json_lines(&out));
    let expect = [
        (
            "fr/2023-09-13-sommet.txt#0",
            "Le sommet de Vladivostok inquiète Washington",
            Some("2023-09-13"),
            Some("filename"),
            "fr",
        ),
        (
            "fr/depeche.txt#0",
            "Les exportations de blé reprennent",
            Some("2023-09-14"),
            Some("text"),
            "fr",
        ),
        (
            "fr/jeudi.txt#0",
            "Washington met en garde Pyongyang",
            Some("2024-01-18"),
            Some("text"),
            "fr",
        ),
        (
            "en/wire.json#0",
            "Oil prices rise after OPEC meeting",
            Some("2023-06-05"),
            Some("metadata"),
            "en",
        ),
        (
            "en/feed.jsonl#1",
            "First item",
            Some("2023-01-10"),
            Some("metadata"),
            "en",
        ),
        (
            "en/feed.jsonl#3",
            "Second item",
            Some("2023-02-11"),
            Some("metadata"),
            "en",
        ),
        (
            "en/page.html#0",
            "Council approves budget",
            Some("2022-11-03"),
            Some("metadata"),
            "en",
        ),
        (
            "en/notes.md#0",
            "Markdown with front matter",
            Some("2021-03"),
            Some("metadata"),
            "en",
        ),
        (
            "en/README-undated.txt#0",
            "An article without any date",
            None,
            None,
            "en",
        ),
    ];
    for (key, title, date, source, lang) in expect {
        let doc = docs
            .get(key)
            .unwrap_or_else(|| panic!("{key} missing from {:?}", docs.keys()));
        assert_eq!(doc["title"], title, "{key}");
        assert_eq!(doc["date"].as_str(), date, "{key}");
        assert_eq!(doc["date_source"].as_str(), source, "{key}");
        assert_eq!(doc["lang"], lang, "{key}");
    }
    assert_eq!(docs.len(), expect.len(), "{:?}", docs.keys());
    // Skipped JSON lines are reported, not fatal.
    let err = stderr(&out);
    assert!(err.contains("en/feed.jsonl: line 2: invalid JSON"), "{err}");
    assert!(
        err.contains("en/feed.jsonl: line 4: no text field"),
        "{err}"
    );
}

#[test]
fn html_main_text_excludes_navigation_scripts_and_comments() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    let data = tmp.path().join("data");
    let c = corpus.to_str().unwrap();
    let hits = json_lines(&cli(&data, &["search", c, "budget"]));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["doc"], "en/page.html");
    for noise in ["tracking", "watches", "Copyright", "Politics"] {
        assert!(
            json_lines(&cli(&data, &["search", c, noise])).is_empty(),
            "{noise} was indexed"
        );
    }
}

#[test]
fn search_is_stemmed_accent_insensitive_and_boolean() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let c = fixtures();
    let c = c.to_str().unwrap();
    let docs = |q: &str| -> Vec<String> {
        let out = cli(&data, &["search", c, q]);
        assert!(out.status.success(), "{q}: {}", stderr(&out));
        let mut d: Vec<String> = json_lines(&out)
            .iter()
            .map(|h| h["doc"].as_str().unwrap().to_owned())
            .collect();
        d.sort();
        d
    };
    assert_eq!(
        docs("declare"),
        ["fr/2023-09-13-sommet.txt", "fr/jeudi.txt"]
    ); // déclaré, accents folded, stemmed
    assert_eq!(docs("exportation"), ["fr/depeche.txt"]);
    assert_eq!(docs("\"mer Noire\""), ["fr/depeche.txt"]);
    assert_eq!(docs("prices"), ["en/feed.jsonl", "en/wire.json"]);
    assert_eq!(docs("prices -OPEC"), ["en/feed.jsonl"]);
    assert_eq!(
        docs("Pyongyang OR Vladivostok"),
        ["fr/2023-09-13-sommet.txt", "fr/jeudi.txt"]
    );
    assert_eq!(docs("etat"), ["fr/2023-09-13-sommet.txt"]); // Département d'État, elision + folding
    assert_eq!(docs("prices AND NOT OPEC"), ["en/feed.jsonl"]);
    assert_eq!(docs("NOT OPEC prices"), ["en/feed.jsonl"]);
    assert_eq!(docs("Pyongiang~"), ["fr/jeudi.txt"]); // one typo
    assert_eq!(docs("Piongiang~2 declare"), ["fr/jeudi.txt"]);
    assert!(docs("Piongiang~1").is_empty(), "two typos need ~2");
}

#[test]
fn bad_arguments_fail_with_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let out = cli(tmp.path(), &["docs", "/no/such/folder"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("not a folder"), "{err}");
    let out = cli(tmp.path(), &["frobnicate"]);
    assert!(!out.status.success());
    let out = cli(
        tmp.path(),
        &["search", fixtures().to_str().unwrap(), "title_fr:(unclosed"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("invalid search query"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_input_is_skipped_with_reasons_and_folder_is_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    let bad = corpus.join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    )
    .unwrap();
    std::fs::write(bad.join("empty.txt"), b"").unwrap();
    std::fs::write(bad.join("blank.md"), b"  \n\n\t").unwrap();
    std::fs::write(bad.join("broken.json"), b"{\"title\": \"x\", \"text\": ").unwrap();
    std::fs::write(bad.join("wrong.json"), b"[1, 2, 3]").unwrap();
    std::fs::write(bad.join("latin1.txt"), b"Le march\xe9 de l'\xe9nergie\n\nLes prix de l'\xe9lectricit\xe9 ont baiss\xe9 en f\xe9vrier.").unwrap();
    std::fs::write(
        bad.join("invalid-utf8.txt"),
        [
            &b"Titre valide\n\nTexte "[..],
            &[0xff, 0xfe, 0xfd][..],
            &"é suivi de texte valide. ".repeat(300).into_bytes(),
        ]
        .concat(),
    )
    .unwrap();
    std::fs::write(
        bad.join("broken.html"),
        b"<html><body><div><p>Unclosed paragraph about the harbour strike<div><span>and more",
    )
    .unwrap();
    let deep = format!(
        "<html><body>{}<p>Deep text about fishing quotas.</p></body></html>",
        "<div>".repeat(50_000)
    );
    std::fs::write(bad.join("deep.html"), deep).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&corpus, bad.join("loop")).unwrap();
        std::os::unix::fs::symlink(bad.join("missing.txt"), bad.join("dangling.txt")).unwrap();
    }
    // A 100 MB article: read as far as is sound (its first megabytes), never a hang.
    let huge_line =
        "Une ligne de texte sur les marchés financiers et la Banque centrale européenne.\n";
    let huge = huge_line.repeat(100 * 1024 * 1024 / huge_line.len());
    std::fs::write(bad.join("huge.txt"), huge).unwrap();
    let before = common::tree_fingerprint(&corpus);

    let out = cli(
        &tmp.path().join("data"),
        &["index", corpus.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for expected in [
        "bad/image.txt: binary data, not text",
        "bad/empty.txt: empty file",
        "bad/blank.md: empty file",
        "bad/broken.json: invalid JSON",
        "bad/wrong.json: no article in JSON",
        "bad/loop: link loop",
        "bad/dangling.txt: broken or looping link",
        "bad/latin1.txt: decoded as windows-1252",
        "bad/invalid-utf8.txt: 3 undecodable byte sequence(s) replaced",
        "bad/huge.txt: text cut to its first 4 MB",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let docs = json_lines(&cli(
        &tmp.path().join("data"),
        &["docs", corpus.to_str().unwrap()],
    ));
    let title_of = |path: &str| {
        docs.iter()
            .find(|d| d["doc"] == path)
            .map(|d| d["title"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        title_of("bad/latin1.txt").as_deref(),
        Some("Le marché de l'énergie")
    );
    assert_eq!(
        title_of("bad/invalid-utf8.txt").as_deref(),
        Some("Titre valide")
    );
    assert!(title_of("bad/deep.html").is_some());
    assert!(title_of("bad/broken.html").is_some());
    assert!(title_of("bad/huge.txt").is_some());
    let hits = json_lines(&cli(
        &tmp.path().join("data"),
        &["search", corpus.to_str().unwrap(), "quotas"],
    ));
    assert_eq!(hits.len(), 1, "deep HTML text is indexed");
    assert_eq!(
        before,
        common::tree_fingerprint(&corpus),
        "the article folder was modified"
    );
}

#[test]
fn reindex_reads_only_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    let data = tmp.path().join("data");
    let c = corpus.to_str().unwrap();
    let summary = |out: &std::process::Output| {
        assert!(out.status.success(), "{}", stderr(out));
        stderr(out)
            .lines()
            .find(|l| l.contains(" articles from "))
            .unwrap()
            .to_owned()
    };
    assert!(summary(&cli(&data, &["index", c])).contains("(8 read, 0 unchanged, 0 removed"));
    assert!(summary(&cli(&data, &["index", c])).contains("(0 read, 8 unchanged, 0 removed"));
    // One file changed, one removed, one added.
    std::fs::write(
        corpus.join("fr/depeche.txt"),
        "Nouveau titre\n\nPARIS, 15 septembre 2023 (AFP) - Texte modifié sur le colza.",
    )
    .unwrap();
    std::fs::remove_file(corpus.join("en/notes.md")).unwrap();
    std::fs::write(
        corpus.join("en/new.txt"),
        "A new article\n\nAbout rapeseed.",
    )
    .unwrap();
    let line = summary(&cli(&data, &["index", c]));
    assert!(line.contains("(2 read, 6 unchanged, 1 removed"), "{line}");
    let hits = json_lines(&cli(&data, &["search", c, "colza"]));
    assert_eq!(hits.len(), 1);
    assert!(
        json_lines(&cli(&data, &["search", c, "exportations"])).is_empty(),
        "old text still indexed"
    );
    assert!(
        json_lines(&cli(&data, &["search", c, "front matter"])).is_empty(),
        "removed file still indexed"
    );
    // Touching a file without changing it re-reads but does not change anything.
    let content = std::fs::read(corpus.join("fr/jeudi.txt")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(corpus.join("fr/jeudi.txt"), content).unwrap();
    let line = summary(&cli(&data, &["index", c]));
    assert!(line.contains("(1 read, 7 unchanged, 0 removed"), "{line}");
}

#[test]
fn schema_change_or_damage_rebuilds_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let index_dir = tmp.path().join("idx");
    let c = fixtures();
    let args = [
        "index",
        c.to_str().unwrap(),
        "--index-dir",
        index_dir.to_str().unwrap(),
    ];
    assert!(cli(&data, &args).status.success());
    std::fs::write(index_dir.join("tantivy/dossier-schema-version"), "0").unwrap();
    let out = cli(&data, &args);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("note: index format changed"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("(8 read, 0 unchanged"),
        "{}",
        stderr(&out)
    );
    // A damaged manifest.
    std::fs::write(index_dir.join("manifest.bin"), "not a manifest").unwrap();
    let out = cli(&data, &args);
    assert!(
        stderr(&out).contains("manifest damaged"),
        "{}",
        stderr(&out)
    );
    // A damaged index.
    std::fs::write(index_dir.join("tantivy/meta.json"), "garbage").unwrap();
    let out = cli(&data, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("index damaged"), "{}", stderr(&out));
    let docs = json_lines(&cli(
        &data,
        &[
            "docs",
            c.to_str().unwrap(),
            "--index-dir",
            index_dir.to_str().unwrap(),
        ],
    ));
    assert_eq!(docs.len(), 9);
}

#[test]
fn actors_quotes_and_mentions_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let c = fixtures();
    let c = c.to_str().unwrap();
    let actors = json_lines(&cli(&data, &["actors", c, "-q"]));
    let row = |doc: &str, actor: &str| {
        actors
            .iter()
            .find(|r| r["doc"] == doc && r["corpus_actor"] == actor)
            .cloned()
    };
    // Metonyms count for their country; aliases are reported as written.
    let us = row("fr/jeudi.txt", "United States").expect("Washington → United States");
    assert_eq!(us["aliases_seen"], serde_json::json!(["Washington"]));
    assert_eq!(us["kind"], "country");
    assert!(
        row("fr/jeudi.txt", "North Korea").is_some(),
        "Pyongyang → North Korea"
    );
    assert!(row("fr/2023-09-13-sommet.txt", "Vladimir Putin").is_some());
    assert!(row("en/wire.json", "OPEC").is_some());

    let quotes = json_lines(&cli(&data, &["quotes", c, "-q"]));
    let quote = quotes
        .iter()
        .find(|q| q["doc"] == "fr/2023-09-13-sommet.txt")
        .expect("a quote");
    assert_eq!(quote["quote"], "Nous suivons cette rencontre de très près");
    assert_eq!(quote["speaker"], "Matthew Miller");
    assert_eq!(quote["kind"], "direct");
    let body_quote = quotes
        .iter()
        .find(|q| q["doc"] == "fr/jeudi.txt")
        .expect("a quote");
    assert_eq!(body_quote["speaker_text"], "il");
    for q in &quotes {
        assert!(q["start"].as_u64().unwrap() < q["end"].as_u64().unwrap());
    }

    let mentions = json_lines(&cli(
        &data,
        &[
            "mentions",
            c,
            "--by",
            "year",
            "--actors",
            "United States",
            "-q",
        ],
    ));
    assert!(!mentions.is_empty());
    assert!(mentions.iter().all(|m| m["actor"] == "United States"));
    let csv = cli(
        &data,
        &["mentions", c, "--by", "month", "--format", "csv", "-q"],
    );
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("bucket,actor,mentions,articles,share\n"),
        "{csv}"
    );
    assert!(
        csv.lines().any(|l| l.starts_with("undated,")),
        "undated articles keep their own bucket:\n{csv}"
    );
}

#[test]
fn actor_edits_apply_survive_reindex_and_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let exported = tmp.path().join("edits.json");
    let out = cli(
        &data,
        &[
            "edit",
            c,
            "-q",
            "--merge",
            "Pyongyang=North Korea",
            "--merge",
            "North Korea=Vladimir Putin",
            "--rename",
            "United States=USA",
            "--hide",
            "OPEC",
            "--export",
            exported.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success(), "merging an unknown name must fail");
    assert!(
        stderr(&out).contains("no actor named \"Pyongyang\""),
        "{}",
        stderr(&out)
    );
    let out = cli(
        &data,
        &[
            "edit",
            c,
            "-q",
            "--merge",
            "North Korea=Vladimir Putin",
            "--rename",
            "United States=USA",
            "--hide",
            "OPEC",
            "--export",
            exported.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // The corpus's names: one per actor whatever the article's language.
    let names = |data: &std::path::Path| -> Vec<String> {
        json_lines(&cli(data, &["actors", c, "-q"]))
            .iter()
            .map(|r| r["corpus_actor"].as_str().unwrap().to_owned())
            .collect()
    };
    let check = |names: Vec<String>| {
        assert!(names.contains(&"USA".to_owned()), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n == "United States" || n == "OPEC" || n == "North Korea"),
            "{names:?}"
        );
        assert!(names.contains(&"Vladimir Putin".to_owned()));
    };
    check(names(&data));
    // A changed file is re-indexed; the edits stay.
    std::fs::write(
        corpus.join("fr/jeudi.txt"),
        "Washington et Pyongyang\n\nLa Corée du Nord et Washington se parlent.",
    )
    .unwrap();
    check(names(&data));
    // The exported file is readable JSON and imports into another installation.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(json["rename"]["country:us"], "USA");
    let other = tmp.path().join("other");
    assert!(
        cli(
            &other,
            &["edit", c, "-q", "--import", exported.to_str().unwrap()]
        )
        .status
        .success()
    );
    check(names(&other));
    // Undo.
    assert!(
        cli(
            &other,
            &[
                "edit",
                c,
                "-q",
                "--unmerge",
                "North Korea",
                "--unhide",
                "OPEC"
            ]
        )
        .status
        .success()
    );
    let after = names(&other);
    assert!(
        after.contains(&"North Korea".to_owned()) && after.contains(&"OPEC".to_owned()),
        "{after:?}"
    );
}

#[test]
fn merge_suggestions_pair_initials_with_full_names() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Talks\n\n« Nous sommes prêts », a déclaré le ministre Sergueï Ivanov.",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        "More talks\n\n« Rien de neuf », a déclaré le ministre S. Ivanov lundi.",
    )
    .unwrap();
    let data = tmp.path().join("data");
    let out = cli(
        &data,
        &["edit", corpus.to_str().unwrap(), "-q", "--suggestions"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let pair = [
        rows[0]["actor"].as_str().unwrap(),
        rows[0]["into"].as_str().unwrap(),
    ];
    assert!(
        pair.contains(&"Sergueï Ivanov") && pair.contains(&"S. Ivanov"),
        "{pair:?}"
    );
}

#[test]
fn split_forms_switch_metonyms_and_add_actors() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("2024-01-18-coree.txt"),
        "Pyongyang répond à Séoul\n\n\
         La Corée du Nord a tiré un missile jeudi. Pyongyang dénonce les manœuvres \
         alliées, selon l'experte Jung Pak. « La tension monte », a déclaré Pak. \
         Les mercenaires de Redut ont quitté la ville.",
    )
    .unwrap();
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let actors = || -> HashMap<String, (String, u64)> {
        json_lines(&cli(&data, &["actors", c, "-q"]))
            .iter()
            .map(|r| {
                (
                    r["actor"].as_str().unwrap().to_owned(),
                    (
                        r["kind"].as_str().unwrap().to_owned(),
                        r["count"].as_u64().unwrap(),
                    ),
                )
            })
            .collect()
    };
    let edit = |args: &[&str]| {
        let mut all = vec!["edit", c, "-q"];
        all.extend_from_slice(args);
        let out = cli(&data, &all);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    let before = actors();
    assert_eq!(before["Corée du Nord"].1, 3, "{before:?}");
    assert_eq!(before["Jung Pak"].1, 2, "{before:?}");
    assert!(!before.contains_key("Groupe Redut"));

    // Pyongyang no longer counts for North Korea: it becomes a place.
    edit(&["--metonym", "Pyongyang=off"]);
    let after = actors();
    assert_eq!(after["Corée du Nord"].1, 1, "{after:?}");
    assert_eq!(after["Pyongyang"], ("place".to_owned(), 2));
    // "Pak" taken off Jung Pak; the quote's speaker follows the form.
    edit(&["--split", "Jung Pak=Pak"]);
    let after = actors();
    assert_eq!(after["Jung Pak"].1, 1, "{after:?}");
    assert_eq!(after["Pak"], ("person".to_owned(), 1));
    let quotes = json_lines(&cli(&data, &["quotes", c, "-q"]));
    assert_eq!(quotes[0]["speaker"], "Pak", "{quotes:?}");
    // An added actor is found in the text: the articles are extracted again.
    edit(&["--add", "Groupe Redut", "--kind", "org", "--alias", "Redut"]);
    let after = actors();
    assert_eq!(after["Groupe Redut"], ("org".to_owned(), 1), "{after:?}");
    // Everything survives re-indexing and is undone one by one.
    assert!(cli(&data, &["index", c, "-q"]).status.success());
    assert_eq!(actors(), after);
    edit(&[
        "--metonym",
        "pyongyang=on",
        "--unsplit",
        "Jung Pak=pak",
        "--remove",
        "groupe redut",
    ]);
    assert_eq!(actors(), before);
    // Bad requests fail with a message.
    let out = cli(&data, &["edit", c, "-q", "--metonym", "Russie=off"]);
    assert!(
        stderr(&out).contains("not a built-in metonym"),
        "{}",
        stderr(&out)
    );
    let out = cli(&data, &["edit", c, "-q", "--remove", "Nobody"]);
    assert!(stderr(&out).contains("no added actor"), "{}", stderr(&out));
}

#[test]
fn chart_command_draws_png_svg_and_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let png = tmp.path().join("t.png");
    let out = cli(
        &data,
        &[
            "chart",
            c,
            "-q",
            "--out",
            png.to_str().unwrap(),
            "--actors",
            "Washington,North Korea",
            "--by",
            "year",
            "--width",
            "640",
            "--height",
            "400",
        ],
    );
    assert!(
        !out.status.success(),
        "Washington is a form of the United States, not an actor name"
    );
    let out = cli(
        &data,
        &[
            "chart",
            c,
            "-q",
            "--out",
            png.to_str().unwrap(),
            "--actors",
            "United States,North Korea",
            "--by",
            "year",
            "--width",
            "640",
            "--height",
            "400",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 640);
    assert_eq!(u32::from_be_bytes(bytes[20..24].try_into().unwrap()), 400);
    let svg = tmp.path().join("t.svg");
    let out = cli(
        &data,
        &[
            "chart",
            c,
            "-q",
            "--out",
            svg.to_str().unwrap(),
            "--share",
            "--query",
            "Pyongyang",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(
        svg.contains("Share of articles") && svg.contains("Query: Pyongyang"),
        "{svg}"
    );
    let csv = tmp.path().join("t.csv");
    let out = cli(
        &data,
        &[
            "chart",
            c,
            "-q",
            "--out",
            csv.to_str().unwrap(),
            "--actors",
            "North Korea",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = std::fs::read_to_string(csv).unwrap();
    assert!(
        csv.starts_with("bucket,actor,mentions,articles,share\n"),
        "{csv}"
    );
    assert!(
        csv.lines().skip(1).all(|l| l.contains(",North Korea,")),
        "{csv}"
    );
    let out = cli(
        &data,
        &[
            "chart",
            c,
            "-q",
            "--out",
            tmp.path().join("t.gif").to_str().unwrap(),
        ],
    );
    assert!(
        stderr(&out).contains("unknown chart format"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn date_corrections_apply_and_survive_reindex() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(&fixtures(), &corpus);
    let c = corpus.to_str().unwrap();
    let data = tmp.path().join("data");
    let date_of = |doc: &str| -> (serde_json::Value, serde_json::Value) {
        let docs = json_lines(&cli(&data, &["docs", c, "-q"]));
        let d = docs
            .iter()
            .find(|d| format!("{}#{}", d["doc"].as_str().unwrap(), d["part"]) == doc)
            .unwrap()
            .clone();
        (d["date"].clone(), d["date_source"].clone())
    };
    assert_eq!(
        date_of("en/README-undated.txt#0").0,
        serde_json::Value::Null
    );
    let out = cli(
        &data,
        &[
            "edit",
            c,
            "-q",
            "--date",
            "en/README-undated.txt=2023-05",
            "--date",
            "fr/depeche.txt=none",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        date_of("en/README-undated.txt#0"),
        ("2023-05".into(), "user".into())
    );
    assert_eq!(date_of("fr/depeche.txt#0").0, serde_json::Value::Null);
    // Mentions follow the corrected dates; re-indexing keeps them.
    std::fs::write(corpus.join("en/new.txt"), "New\n\nMore text.").unwrap();
    assert!(cli(&data, &["index", c, "-q"]).status.success());
    assert_eq!(
        date_of("en/README-undated.txt#0"),
        ("2023-05".into(), "user".into())
    );
    assert!(
        std::fs::read_to_string(
            std::fs::read_dir(data.join("corpora"))
                .unwrap()
                .flatten()
                .next()
                .unwrap()
                .path()
                .join("date-corrections.json")
        )
        .unwrap()
        .contains("\"en/README-undated.txt#0\": \"2023-05\"")
    );
    // Undo, and refuse what makes no sense.
    assert!(
        cli(&data, &["edit", c, "-q", "--undate", "fr/depeche.txt"])
            .status
            .success()
    );
    assert_eq!(date_of("fr/depeche.txt#0").1, "text");
    let out = cli(&data, &["edit", c, "-q", "--date", "fr/depeche.txt=mardi"]);
    assert!(stderr(&out).contains("not a date"), "{}", stderr(&out));
    let out = cli(&data, &["edit", c, "-q", "--date", "nope.txt=2020"]);
    assert!(stderr(&out).contains("no article"), "{}", stderr(&out));
}

/// Quote corrections: another speaker, someone unnamed, not a quote, undo;
/// kept with the actor edits and applied when quotes are read.
#[test]
fn quote_corrections() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let c = fixtures();
    let c = c.to_str().unwrap();
    let quotes = json_lines(&cli(&data, &["quotes", c, "-q"]));
    let quote = quotes
        .iter()
        .find(|q| q["doc"] == "fr/2023-09-13-sommet.txt")
        .expect("a quote");
    let id = quote["id"].as_str().unwrap().to_owned();
    assert_eq!(id, format!("fr/2023-09-13-sommet.txt#{}", quote["start"]));
    let find = |data: &std::path::Path| {
        json_lines(&cli(data, &["quotes", c, "-q"]))
            .into_iter()
            .find(|q| q["id"] == id.as_str())
    };

    let out = cli(
        &data,
        &["edit", c, "--quote", &format!("{id}=Vladimir Putin"), "-q"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let fixed = find(&data).expect("still a quote");
    assert_eq!(fixed["speaker"], "Vladimir Putin");
    assert_eq!(fixed["attribution"]["rule"], "user");

    let out = cli(
        &data,
        &[
            "edit",
            c,
            "--quote-unnamed",
            &format!("{id}=un diplomate"),
            "-q",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let fixed = find(&data).expect("still a quote");
    assert!(fixed["speaker"].is_null(), "{fixed}");
    assert_eq!(fixed["speaker_text"], "un diplomate");

    let out = cli(&data, &["edit", c, "--not-quote", &id, "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(find(&data).is_none(), "not a quote any more");
    // The correction survives re-indexing from scratch (index deleted, edits kept).
    let out = cli(&data, &["index", c, "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(find(&data).is_none());

    let out = cli(&data, &["edit", c, "--unquote", &id, "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let back = find(&data).expect("a quote again");
    assert_eq!(back["speaker"], quote["speaker"]);
    assert_eq!(back["attribution"], quote["attribution"]);

    // Wrong ids and names are refused with a reason; nothing is written.
    for args in [
        vec![
            "--not-quote".to_owned(),
            "fr/2023-09-13-sommet.txt#999999".to_owned(),
        ],
        vec!["--not-quote".to_owned(), "no-such.txt#0".to_owned()],
        vec!["--quote".to_owned(), format!("{id}=Nobody Known")],
        vec!["--unquote".to_owned(), id.clone()],
    ] {
        let mut all = vec!["edit", c];
        all.extend(args.iter().map(String::as_str));
        let out = cli(&data, &all);
        assert!(!out.status.success(), "{args:?} accepted");
        assert!(!stderr(&out).trim().is_empty());
    }
    assert_eq!(find(&data).expect("unchanged")["speaker"], quote["speaker"]);
}
