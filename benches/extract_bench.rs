//! Extraction benchmark, one thread: how long the lexicons and the name
//! model take to load and how much memory they hold, then actors + quotes
//! throughput on real article text.
//!
//!     cargo bench --bench extract_bench [-- ROUNDS]
//!
//! The text is the news pages' main texts and the seeds of `../shared` when
//! present (real news, French and English), else the bundled sample corpus.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::peak_rss_mb;
use std::path::Path;
use std::time::Instant;

use dossier::extract::{extract_text, lexicon::LEXICON, ner::MODEL};
use dossier::model::Lang;

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5);
    let texts = texts();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    let before = peak_rss_mb().unwrap_or(0.0);
    let start = Instant::now();
    let lexicon_entries = LEXICON.entries.len();
    let lexicon_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let model = &*MODEL;
    let model_ms = start.elapsed().as_secs_f64() * 1000.0;
    let after = peak_rss_mb().unwrap_or(0.0);
    println!(
        "load: lexicon {lexicon_ms:.0} ms ({lexicon_entries} entries), name model {model_ms:.0} ms ({} features); memory for both {:.0} MB",
        model.len(),
        after - before
    );
    let mut quotes = 0;
    let mut actors = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        for (text, lang) in &texts {
            let found = extract_text(text, *lang);
            quotes += found.quotes.len();
            actors += found.actors.len();
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "extraction, one thread: {} texts × {rounds} rounds, {mb:.1} MB in {seconds:.2} s = {:.1} MB/s ({:.0} articles/s; {actors} actor rows, {quotes} quotes)",
        texts.len(),
        mb / seconds,
        (texts.len() * rounds) as f64 / seconds
    );
    stages(&texts);
    println!("peak memory {:.0} MB", peak_rss_mb().unwrap_or(0.0));
}

/// Where the time goes: tokens, name recogniser, actors (with the
/// recogniser), quotes; each stage timed over all texts.
fn stages(texts: &[(String, Lang)]) {
    use dossier::extract::{actors, ner, quotes, tokens};
    let abbreviation = |w: &str| LEXICON.honorifics.contains(w);
    let (mut tok, mut ctx_time, mut tag, mut act, mut quo) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for (text, lang) in texts {
        let start = Instant::now();
        let t = tokens::tokenize(text, &abbreviation);
        tok += start.elapsed().as_secs_f64();
        let start = Instant::now();
        let ctx = ner::features::Context::new(&t, *lang, &LEXICON);
        ctx_time += start.elapsed().as_secs_f64();
        let start = Instant::now();
        std::hint::black_box(ner::MODEL.tag(&ctx));
        tag += start.elapsed().as_secs_f64();
        let start = Instant::now();
        let mut found = actors::find_actors(&t, *lang, &LEXICON);
        act += start.elapsed().as_secs_f64();
        let start = Instant::now();
        std::hint::black_box(quotes::find_quotes(&t, &mut found));
        quo += start.elapsed().as_secs_f64();
    }
    println!(
        "stages (one pass, ms): tokens {:.0}, recogniser's lexicon flags {:.0}, its tagging {:.0}, actors (recogniser included) {:.0}, quotes {:.0}",
        tok * 1e3,
        ctx_time * 1e3,
        tag * 1e3,
        act * 1e3,
        quo * 1e3
    );
}

/// (text, language) of every article read.
fn texts() -> Vec<(String, Lang)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared");
    let mut out = Vec::new();
    if shared.is_dir() {
        let pages: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(shared.join("corpora/news-pages/pages.json")).unwrap(),
        )
        .unwrap();
        for entry in std::fs::read_dir(shared.join("corpora/news-pages/maintext")).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let lang = pages
                .as_object()
                .unwrap()
                .iter()
                .find(|(k, _)| k.starts_with(&stem))
                .map_or("en", |(_, v)| v["lang"].as_str().unwrap_or("en"));
            let lang = if lang == "fr" { Lang::Fr } else { Lang::En };
            out.push((std::fs::read_to_string(&path).unwrap(), lang));
        }
        for entry in std::fs::read_dir(shared.join("seeds")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                out.push((std::fs::read_to_string(&path).unwrap(), Lang::Fr));
            }
        }
        println!("text: ../shared news pages (main texts) and seeds");
    } else {
        for entry in std::fs::read_dir(root.join("assets/sample")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let lang = if name.contains("-fr") {
                Lang::Fr
            } else {
                Lang::En
            };
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((text, lang));
            }
        }
        println!("text: the bundled sample corpus (../shared is absent)");
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
