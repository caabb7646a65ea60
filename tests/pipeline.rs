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
