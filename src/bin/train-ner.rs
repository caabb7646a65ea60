//! Trains the name recogniser and writes `assets/model/ner.bin`.
//!
//!     cargo run --release --bin train-ner -- --data DIR [--out FILE] [--epochs N]
//!         [--dropout P] [--predicted-history]
//!
//! DIR holds the annotated corpora made by `scripts/ner_data/build.py` (one
//! `token<TAB>BIO tag` per line, blank lines between sentences; sources and
//! licences in `assets/README.md`). One sentence in ten of each corpus is
//! kept aside and only measured; the figures are printed per corpus.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

use dossier::extract::lexicon::{ActorKind, LEXICON, normalize};
use dossier::extract::ner::Tag;
use dossier::extract::ner::train::{Example, Trainer, evaluate};
use dossier::model::Lang;

/// The corpora, their language and how many times each is read per epoch
/// (small modern French corpora count more; tweets count less).
const SOURCES: &[(&str, Lang, f32)] = &[
    ("sequoia_ne.fr.tsv", Lang::Fr, 3.0),
    ("europeana_bnf.fr.tsv", Lang::Fr, 1.0),
    ("uner_ewt.en.tsv", Lang::En, 1.0),
    ("uner_ewt_train.en.tsv", Lang::En, 1.0),
    ("uner_pud.en.tsv", Lang::En, 1.0),
    ("gum.en.tsv", Lang::En, 1.0),
    ("wikigold.en.tsv", Lang::En, 1.0),
    ("btc.en.tsv", Lang::En, 0.5),
    ("wnut17.en.tsv", Lang::En, 0.5),
];

fn read_sentences(path: &std::path::Path) -> std::io::Result<Vec<Vec<(String, Tag)>>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        if line.starts_with("#doc") {
            continue;
        }
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(word), Some(tag)) = (cols.next(), cols.next_back()) else {
            continue;
        };
        current.push((word.to_owned(), Tag::parse(tag)));
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// Names of countries and capitals are places whatever a corpus called them
/// (some mark a country that acts as an organisation): one convention for
/// all corpora, since Dossier decides itself when a country acts.
fn places_as_places(words: &mut [(String, Tag)]) {
    let mut i = 0;
    while i < words.len() {
        if !words[i].1.is_begin() {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < words.len() && !words[end].1.is_begin() && words[end].1 != Tag::O {
            end += 1;
        }
        let name: Vec<&str> = words[i..end].iter().map(|(w, _)| w.as_str()).collect();
        let is_country = LEXICON
            .surfaces
            .get(&normalize(&name.join(" ")))
            .is_some_and(|s| LEXICON.entries[s.entry].kind == ActorKind::Country);
        if is_country {
            words[i].1 = Tag::BLoc;
            for w in &mut words[i + 1..end] {
                w.1 = Tag::ILoc;
            }
        }
        i = end;
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let Some(data) = value("--data").map(PathBuf::from) else {
        eprintln!("usage: train-ner --data DIR [--out FILE] [--epochs N]");
        std::process::exit(2);
    };
    let out = value("--out").map_or_else(|| PathBuf::from("assets/model/ner.bin"), PathBuf::from);
    let epochs: usize = value("--epochs").and_then(|e| e.parse().ok()).unwrap_or(8);
    let mut train: Vec<(Example, f32)> = Vec::new();
    let mut held_out: Vec<(&str, Vec<Example>)> = Vec::new();
    for (name, lang, weight) in SOURCES {
        let sentences = match read_sentences(&data.join(name)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("skipping {name}: {e}");
                continue;
            }
        };
        let mut aside = Vec::new();
        for (i, mut words) in sentences.into_iter().enumerate() {
            places_as_places(&mut words);
            let example = Example::from_tagged(&words, *lang, &LEXICON);
            if i % 10 == 9 {
                aside.push(example);
            } else {
                train.push((example, *weight));
            }
        }
        eprintln!("{name}: {} sentences aside", aside.len());
        held_out.push((name, aside));
    }
    let mut trainer = Trainer::default();
    trainer.dropout = value("--dropout")
        .and_then(|d| d.parse().ok())
        .unwrap_or(0.25);
    trainer.predicted_history = args.iter().any(|a| a == "--predicted-history");
    for epoch in 0..epochs {
        // Each sentence read `weight` times on average, in a shuffled order.
        let mut order: Vec<usize> = Vec::new();
        for (i, (_, weight)) in train.iter().enumerate() {
            let whole = weight.floor() as usize;
            let extra =
                usize::from(trainer.below(1000) < ((weight - weight.floor()) * 1000.0) as usize);
            order.extend(std::iter::repeat_n(i, whole + extra));
        }
        for i in (1..order.len()).rev() {
            let j = trainer.below(i + 1);
            order.swap(i, j);
        }
        let mut wrong = 0;
        for i in &order {
            wrong += trainer.learn(&train[*i].0, &LEXICON);
        }
        eprintln!(
            "epoch {}: {} sentences, {wrong} wrong tags",
            epoch + 1,
            order.len()
        );
    }
    let model = trainer.finish();
    for (name, examples) in &held_out {
        let (p, r, f) = evaluate(&model, examples, &LEXICON);
        println!("{name:28} held out: precision {p:.3} recall {r:.3} F1 {f:.3}");
    }
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
    println!(
        "{} features, {} bytes written to {}",
        model.len(),
        bytes.len(),
        out.display()
    );
}
