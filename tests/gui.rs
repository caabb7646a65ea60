//! The real window driven through egui_kittest (no X server): open a folder,
//! tick an actor, click the chart, read an article with its quote speakers,
//! drop a folder, export the chart, switch to French.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier::ui::{App, ExportKind, OpenRequests, StartupOptions, UiLang, ViewState};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn gui_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gui")
}

fn harness(folder: &Path, data: &Path, lang: UiLang) -> Harness<'static, App> {
    harness_with(StartupOptions {
        persist: false,
        open_folder: Some(folder.to_path_buf()),
        data_dir: Some(data.to_path_buf()),
        lang: Some(lang),
        open_requests: None,
    })
}

fn harness_with(startup: StartupOptions) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::new(cc, startup))
}

/// Steps the window until `done` holds (background work runs on threads).
fn wait_for(h: &mut Harness<'static, App>, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..1500 {
        h.step();
        if done(h.state()) {
            h.step();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out waiting for {what}");
}

fn state(h: &Harness<'static, App>) -> ViewState {
    h.state().view_state().expect("a corpus is open")
}

fn opened(app: &App) -> bool {
    !app.is_indexing() && app.view_state().is_some()
}

#[test]
fn open_tick_click_read_and_export() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&gui_fixtures(), &corpus);
    let before = common::tree_fingerprint(&corpus);
    let mut h = harness(&corpus, &tmp.path().join("data"), UiLang::En);
    wait_for(&mut h, "the corpus to open", opened);

    // Actors are listed, the most mentioned plotted at first.
    let s = state(&h);
    for name in ["Russie", "Ukraine", "Volodymyr Zelensky", "Chine"] {
        assert!(
            s.actors.contains(&name.to_owned()),
            "{name} missing: {:?}",
            s.actors
        );
    }
    assert_eq!(s.plotted.len(), 3);
    assert_eq!(s.series_lines, 3);
    assert_eq!(s.buckets, ["2024-01", "2024-02"]);
    assert_eq!(s.list.len(), 4, "every article listed, the undated one too");

    // Ticking an actor draws its series.
    let extra = s
        .actors
        .iter()
        .find(|a| !s.plotted.contains(a))
        .unwrap()
        .clone();
    h.get_by_label(&format!("Plot this actor {extra}")).click();
    h.step();
    h.step();
    let s = state(&h);
    assert_eq!(s.plotted.last(), Some(&extra));
    assert_eq!(s.series_lines, 4);

    // A click on the chart narrows the article list to one period.
    let chart = h.get_by_label("Timeline chart").rect();
    h.hover_at(chart.center());
    h.step();
    h.get_by_label("Timeline chart").click();
    h.step();
    h.step();
    let s = state(&h);
    let bucket = s.focus_bucket.clone().expect("a period is selected");
    assert!(bucket.starts_with("2024-0"), "{bucket}");
    assert!(s.list.len() < 4, "{:?}", s.list);
    for (title, date) in &s.list {
        assert!(
            date.as_deref().is_some_and(|d| d.starts_with(&bucket)),
            "{title} ({date:?}) is not in {bucket}"
        );
    }
    // Escape clears it.
    h.key_press(egui::Key::Escape);
    h.step();
    h.step();
    assert_eq!(state(&h).list.len(), 4);
    assert_eq!(state(&h).focus_bucket, None);

    // Opening an article shows its quotes with the speaker's chip.
    h.get_by_label("Kiev demande davantage de défense aérienne")
        .click();
    wait_for(&mut h, "the article text", |app| {
        app.view_state()
            .and_then(|s| s.open_article)
            .is_some_and(|(_, loaded)| loaded)
    });
    assert!(h.query_by_label("❝ Volodymyr Zelensky").is_some());
    assert!(h.query_by_label("❝ Dmitri Peskov").is_some());
    // The chip selects the speaker.
    h.get_by_label("❝ Dmitri Peskov").click();
    h.step();
    h.step();
    let s = state(&h);
    assert_eq!(s.focus_actor.as_deref(), Some("Dmitri Peskov"));
    assert!(s.plotted.contains(&"Dmitri Peskov".to_owned()));

    // The quotes view lists who said what.
    h.get_by_label("Quotes").click();
    h.step();
    h.step();
    assert!(state(&h).quotes >= 4, "{}", state(&h).quotes);

    // Export: a valid PNG of the requested size.
    let png = tmp.path().join("chart.png");
    h.state_mut().set_export_size(900, 500);
    h.state_mut().export_to(png.clone(), ExportKind::Png);
    let written = h.state_mut().wait_for_export().expect("an export ran");
    assert_eq!(written.unwrap(), png);
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 900);
    assert_eq!(u32::from_be_bytes(bytes[20..24].try_into().unwrap()), 500);
    let csv = tmp.path().join("series.csv");
    h.state_mut().export_to(csv.clone(), ExportKind::Csv);
    h.state_mut().wait_for_export().unwrap().unwrap();
    let csv = std::fs::read_to_string(csv).unwrap();
    assert!(csv.starts_with("bucket,actor,mentions,articles,share\n"));
    assert!(csv.contains("\nundated,Russie,"), "{csv}");

    assert_eq!(
        before,
        common::tree_fingerprint(&corpus),
        "the article folder was modified"
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder".to_owned())
    }
}

#[test]
fn dropped_folder_is_indexed_and_opened() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    common::copy_tree(&gui_fixtures(), &first);
    let second = tmp.path().join("second");
    common::copy_tree(&common::fixtures().join("en"), &second);
    let mut h = harness(&first, &tmp.path().join("data"), UiLang::En);
    wait_for(&mut h, "the first corpus", opened);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(second.clone())));
    h.step();
    assert!(h.state().is_indexing(), "dropping a folder starts indexing");
    wait_for(&mut h, "the dropped corpus", |app| {
        opened(app)
            && app
                .view_state()
                .is_some_and(|s| s.folder.ends_with("second"))
    });
    let s = state(&h);
    assert!(
        s.list
            .iter()
            .any(|(title, _)| title == "Oil prices rise after OPEC meeting")
    );
}

/// What macOS does with a folder dropped on the Dock icon (an Apple Event,
/// handed to `OpenRequests` by `dossier::os_open`): one that arrives before
/// the window exists is opened first; one that arrives later, here an
/// article file, opens its folder in the running window.
#[test]
fn folders_asked_for_by_the_system_open() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    common::copy_tree(&gui_fixtures(), &first);
    let second = tmp.path().join("second");
    common::copy_tree(&common::fixtures().join("en"), &second);
    let requests = OpenRequests::default();
    requests.push(first.clone());
    let mut h = harness_with(StartupOptions {
        persist: false,
        open_folder: Some(second.clone()),
        data_dir: Some(tmp.path().join("data")),
        lang: Some(UiLang::En),
        open_requests: Some(requests.clone()),
    });
    wait_for(&mut h, "the asked-for corpus", opened);
    assert!(state(&h).folder.ends_with("first"));

    let article = std::fs::read_dir(&second)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_file())
        .unwrap();
    requests.push(article);
    wait_for(&mut h, "the article's folder", |app| {
        opened(app)
            && app
                .view_state()
                .is_some_and(|s| s.folder.ends_with("second"))
    });
}

#[test]
fn french_window() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&gui_fixtures(), &corpus);
    let mut h = harness(&corpus, &tmp.path().join("data"), UiLang::Fr);
    wait_for(&mut h, "the corpus to open", opened);
    for label in [
        "Ouvrir un dossier…",
        "Rechercher",
        "Chronologie",
        "Citations",
        "Exporter",
    ] {
        assert!(h.query_by_label(label).is_some(), "{label} missing");
    }
    // A search narrows the list (the query runs on the worker thread).
    h.get_by_label("Rechercher").click();
    h.step();
    h.get_by_label("Rechercher").type_text("Lavrov");
    wait_for(&mut h, "the search", |app| {
        app.view_state().is_some_and(|s| s.list.len() == 1)
    });
    assert_eq!(state(&h).list[0].0, "Pékin appelle au dialogue");
}

#[test]
fn keyboard_moves_through_the_article_list_and_focuses_search() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&gui_fixtures(), &corpus);
    let mut h = harness(&corpus, &tmp.path().join("data"), UiLang::En);
    wait_for(&mut h, "the corpus to open", opened);
    let first = state(&h).list[0].0.clone();
    let second = state(&h).list[1].0.clone();
    h.key_press(egui::Key::ArrowDown);
    wait_for(&mut h, "the first article", |app| {
        app.view_state()
            .and_then(|s| s.open_article)
            .is_some_and(|(title, loaded)| title == first && loaded)
    });
    h.key_press(egui::Key::ArrowDown);
    wait_for(&mut h, "the second article", |app| {
        app.view_state()
            .and_then(|s| s.open_article)
            .is_some_and(|(title, _)| title == second)
    });
    h.key_press(egui::Key::Escape);
    h.step();
    assert!(
        state(&h).open_article.is_none(),
        "Escape closes the article"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.step();
    h.step();
    assert!(
        h.get_by_label("Search").is_focused(),
        "Ctrl+F focuses the search box"
    );
}

#[test]
fn correcting_a_date_in_the_viewer_moves_the_article_on_the_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&gui_fixtures(), &corpus);
    let mut h = harness(&corpus, &tmp.path().join("data"), UiLang::En);
    wait_for(&mut h, "the corpus to open", opened);
    h.get_by_label("Note de synthèse").click();
    wait_for(&mut h, "the article text", |app| {
        app.view_state()
            .and_then(|s| s.open_article)
            .is_some_and(|(_, loaded)| loaded)
    });
    let date_box = h.get_by_label("Correct the date");
    date_box.click();
    date_box.type_text("2024-03-05");
    h.step();
    h.get_by_label("Set").click();
    wait_for(&mut h, "the corrected date", |app| {
        app.view_state().is_some_and(|s| {
            s.list
                .iter()
                .any(|(t, d)| t == "Note de synthèse" && d.as_deref() == Some("2024-03-05"))
        })
    });
    assert_eq!(state(&h).buckets, ["2024-01", "2024-02", "2024-03"]);
    // Kept across a restart (saved in the corpus's data folder).
    drop(h);
    let mut h = harness(&corpus, &tmp.path().join("data"), UiLang::En);
    wait_for(&mut h, "the corpus to reopen", opened);
    assert!(
        state(&h)
            .list
            .iter()
            .any(|(t, d)| t == "Note de synthèse" && d.as_deref() == Some("2024-03-05"))
    );
}

#[test]
fn actor_context_menu_hides_renames_and_shows_again() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&gui_fixtures(), &corpus);
    let mut h = harness(&corpus, &tmp.path().join("data"), UiLang::En);
    wait_for(&mut h, "the corpus to open", opened);
    let has = |app: &App, name: &str| {
        app.view_state()
            .is_some_and(|s| s.actors.iter().any(|a| a == name))
    };
    assert!(has(h.state(), "Kremlin"));
    h.get_by_label("Kremlin").click_secondary();
    h.run_steps(3);
    h.get_by_label("Hide").click();
    wait_for(&mut h, "Kremlin hidden", |app| !has(app, "Kremlin"));
    h.get_by_label_contains("Hidden actors").click();
    h.step();
    h.get_by_label("Show").click();
    wait_for(&mut h, "Kremlin shown again", |app| has(app, "Kremlin"));
    // Rename through the dialog.
    h.get_by_label("Kremlin").click_secondary();
    h.run_steps(3);
    h.get_by_label("Rename…").click();
    h.run_steps(2);
    let name = h.get_by_label("Name");
    name.focus();
    name.type_text(" (présidence russe)");
    h.step();
    h.get_by_label("Rename").click();
    wait_for(&mut h, "the new name", |app| {
        has(app, "Kremlin (présidence russe)")
    });
}
