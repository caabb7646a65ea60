//! Library-level tests of `pipeline::index_folder`: cancellation and unreadable files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::atomic::AtomicBool;

use dossier::pipeline::{IndexOptions, index_folder};

#[test]
fn cancelled_run_keeps_what_was_done_and_resumes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&common::fixtures(), &corpus);
    let data = tmp.path().join("data");
    let options = IndexOptions::default();
    let (summary, corpus_handle) =
        index_folder(&corpus, &data, &options, &AtomicBool::new(true), &|_| {}).unwrap();
    assert!(summary.cancelled);
    assert_eq!(summary.files_read, 0);
    drop(corpus_handle);
    let seen = std::cell::RefCell::new(Vec::new());
    let (summary, corpus_handle) =
        index_folder(&corpus, &data, &options, &AtomicBool::new(false), &|p| {
            seen.borrow_mut().push(p.files_done)
        })
        .unwrap();
    assert!(!summary.cancelled);
    assert_eq!(summary.files_read, 8);
    assert_eq!(corpus_handle.manifest.article_count(), 9);
    let seen = seen.into_inner();
    assert_eq!(seen.first(), Some(&0), "progress starts at zero");
    assert_eq!(seen.last(), Some(&8), "progress ends with every file");
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_reported() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&common::fixtures(), &corpus);
    let secret = corpus.join("secret.txt");
    std::fs::write(&secret, "Private\n\nNot for us.").unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let locked = corpus.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("a.txt"), "Title\n\nText.").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        // Running as root: permissions do not apply, nothing to check.
        eprintln!("skipping: permissions are not enforced for this user");
        return;
    }
    let (summary, _corpus) = index_folder(
        &corpus,
        &tmp.path().join("data"),
        &IndexOptions::default(),
        &AtomicBool::new(false),
        &|_| {},
    )
    .unwrap();
    let reasons: Vec<String> = summary
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.path, s.reason))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("secret.txt: cannot read file")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("locked: cannot open folder")),
        "{reasons:?}"
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Every article's actors and quotes, as the CLI and the window read them.
fn results(corpus: &dossier::pipeline::Corpus) -> Vec<String> {
    use dossier::analytics::{CorpusData, actor_rows, quote_rows};
    let data = CorpusData::load(corpus).unwrap();
    let actors = data.actors(&Default::default());
    let mut rows: Vec<String> = actor_rows(&data, &actors)
        .map(|r| serde_json::to_string(&r).unwrap())
        .collect();
    rows.extend(quote_rows(&data, &actors).map(|r| serde_json::to_string(&r).unwrap()));
    rows
}

#[test]
fn the_extraction_digest_is_rebuilt_when_missing_damaged_or_stale() {
    use dossier::index::digest::DIGEST_FILE;
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&common::fixtures(), &corpus);
    let data = tmp.path().join("data");
    let run = || {
        index_folder(
            &corpus,
            &data,
            &IndexOptions::default(),
            &AtomicBool::new(false),
            &|_| {},
        )
        .unwrap()
    };
    let (_, opened) = run();
    let expected = results(&opened);
    assert!(
        expected.iter().any(|r| r.contains("\"quote\"")),
        "the fixtures have quotes"
    );
    let digest = opened.data_dir.join(DIGEST_FILE);
    let whole = std::fs::read(&digest).unwrap();
    drop(opened);
    // Read without a digest (a read-only copy, an older version): from the index.
    std::fs::remove_file(&digest).unwrap();
    let (summary, opened) = run();
    assert!(summary.notes.is_empty(), "{:?}", summary.notes);
    assert_eq!(
        std::fs::read(&digest).unwrap().len(),
        whole.len(),
        "rebuilt whole"
    );
    assert_eq!(results(&opened), expected);
    drop(opened);
    // A torn tail: the articles it held come from the index again.
    std::fs::write(&digest, &whole[..whole.len() - 7]).unwrap();
    let (_, opened) = run();
    assert_eq!(results(&opened), expected);
    drop(opened);
    // Garbage instead of a digest.
    std::fs::write(&digest, b"\x00\x01 not a digest").unwrap();
    let (_, opened) = run();
    assert_eq!(results(&opened), expected);
    drop(opened);
    // A changed file: its new extraction wins over the old record.
    let file = corpus.join("fr/2023-09-13-sommet.txt");
    std::fs::write(
        &file,
        "Sommet\n\n« Nous avançons », a déclaré Olaf Scholz à Berlin.\n",
    )
    .unwrap();
    let (_, opened) = run();
    assert!(results(&opened).iter().any(|r| r.contains("Olaf Scholz")));
}
