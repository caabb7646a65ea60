//! Indexing benchmark: generates N realistic articles (French and English, text,
//! HTML and JSON), indexes them cold, re-opens the unchanged folder, and prints
//! throughput and peak memory.
//!
//!     cargo bench --bench index_bench -- 10000 [100000]
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Rng, peak_rss_mb};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use dossier::pipeline::{IndexOptions, index_folder};

const FR_WORDS: &[&str] = &[
    "le",
    "gouvernement",
    "a",
    "annoncé",
    "mardi",
    "une",
    "réforme",
    "des",
    "retraites",
    "qui",
    "suscite",
    "la",
    "colère",
    "syndicats",
    "selon",
    "ministre",
    "économie",
    "les",
    "négociations",
    "avec",
    "partenaires",
    "sociaux",
    "reprendront",
    "semaine",
    "prochaine",
    "à",
    "Paris",
    "tandis",
    "que",
    "Bruxelles",
    "surveille",
    "déficit",
    "public",
    "et",
    "dette",
    "pays",
    "été",
    "critiquée",
    "par",
    "opposition",
    "au",
    "Parlement",
];
const EN_WORDS: &[&str] = &[
    "the",
    "government",
    "said",
    "on",
    "Tuesday",
    "that",
    "a",
    "new",
    "trade",
    "agreement",
    "with",
    "Canada",
    "would",
    "cut",
    "tariffs",
    "on",
    "steel",
    "and",
    "aluminium",
    "according",
    "to",
    "officials",
    "in",
    "Washington",
    "who",
    "spoke",
    "after",
    "talks",
    "ministers",
    "from",
    "both",
    "countries",
    "markets",
    "rose",
    "as",
    "investors",
    "welcomed",
    "news",
    "of",
    "deal",
];
const FR_QUOTES: &[&str] = &[
    "« Nous ne céderons pas », a déclaré le ministre Bruno Lemaire.",
    "« C'est une étape importante », a affirmé Ursula von der Leyen.",
    "Selon Emmanuel Macron, « la France tiendra ses engagements ».",
];
const EN_QUOTES: &[&str] = &[
    "\"We will not back down,\" said Secretary Antony Blinken.",
    "\"This is an important step,\" Prime Minister Justin Trudeau told reporters.",
    "According to Janet Yellen, \"the economy remains resilient\".",
];

fn paragraph(rng: &mut Rng, words: &[&str], quotes: &[&str]) -> String {
    let mut text = String::new();
    for sentence in 0..4 {
        let n = 12 + rng.next() % 14;
        let mut first = true;
        for _ in 0..n {
            let w = rng.pick(words);
            if first {
                let mut c = w.chars();
                text.extend(c.next().map(|c| c.to_uppercase().collect::<String>()));
                text.push_str(c.as_str());
                first = false;
            } else {
                text.push(' ');
                text.push_str(w);
            }
        }
        text.push_str(". ");
        if sentence == 1 {
            text.push_str(rng.pick(quotes));
            text.push(' ');
        }
    }
    text
}

fn generate(dir: &Path, n: usize) -> u64 {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut bytes = 0u64;
    for i in 0..n {
        let sub = dir.join(format!("batch{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        let fr = i % 2 == 0;
        let (words, quotes) = if fr {
            (FR_WORDS, FR_QUOTES)
        } else {
            (EN_WORDS, EN_QUOTES)
        };
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let body: Vec<String> = (0..4 + rng.next() % 4)
            .map(|_| paragraph(&mut rng, words, quotes))
            .collect();
        let title = paragraph(&mut rng, words, &[""])
            .split(". ")
            .next()
            .unwrap_or("Title")
            .to_owned();
        let (name, content) = match i % 3 {
            0 => (format!("2023-{month:02}-{day:02}-article-{i}.txt"), format!("{title}\n\n{}", body.join("\n\n"))),
            1 => (
                format!("article-{i}.json"),
                serde_json::json!({"title": title, "date": format!("2023-{month:02}-{day:02}"), "text": body.join("\n\n"), "source": "Bench Wire"}).to_string(),
            ),
            _ => (
                format!("article-{i}.html"),
                format!(
                    "<html lang=\"{}\"><head><title>{title}</title><meta property=\"article:published_time\" content=\"2023-{month:02}-{day:02}\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{}</article><footer>Footer</footer></body></html>",
                    if fr { "fr" } else { "en" },
                    body.iter().map(|p| format!("<p>{p}</p>")).collect::<String>()
                ),
            ),
        };
        bytes += body.iter().map(|p| p.len() as u64).sum::<u64>() + title.len() as u64;
        std::fs::write(sub.join(name), content).unwrap();
    }
    bytes
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    for n in sizes {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        let data = tmp.path().join("data");
        let t = Instant::now();
        let text_bytes = generate(&corpus, n);
        println!(
            "{n} articles generated ({:.1} MB of article text) in {:.1} s",
            text_bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
        let cancel = AtomicBool::new(false);
        let options = IndexOptions::default();
        let t = Instant::now();
        let (summary, corpus_handle) =
            index_folder(&corpus, &data, &options, &cancel, &|_| {}).unwrap();
        let cold = t.elapsed().as_secs_f64();
        assert_eq!(summary.articles, n);
        drop(corpus_handle);
        println!(
            "cold index:  {cold:.2} s  {:.1} MB/s of article text ({:.1} MB/s of files)  {:.0} articles/s",
            text_bytes as f64 / 1e6 / cold,
            summary.bytes_read as f64 / 1e6 / cold,
            n as f64 / cold
        );
        // Extraction alone, over the same articles read back from their files.
        let walked = dossier::ingest::walk(&corpus, &cancel).unwrap();
        let articles: Vec<dossier::model::Article> = walked
            .files
            .iter()
            .flat_map(|f| {
                dossier::ingest::read_file(f, &options.read)
                    .map(|r| r.articles)
                    .unwrap_or_default()
            })
            .collect();
        let body_bytes: usize = articles.iter().map(|a| a.body.len()).sum();
        let t = Instant::now();
        let quotes: usize = articles
            .iter()
            .map(|a| {
                dossier::extract::extract(a, &dossier::extract::lexicon::LEXICON)
                    .quotes
                    .len()
            })
            .sum();
        let extraction = t.elapsed().as_secs_f64();
        println!(
            "extraction alone (1 thread): {extraction:.2} s  {:.1} MB/s  ({quotes} quotes)",
            body_bytes as f64 / 1e6 / extraction
        );
        let t = Instant::now();
        let (summary, _corpus) = index_folder(&corpus, &data, &options, &cancel, &|_| {}).unwrap();
        let reopen = t.elapsed().as_secs_f64();
        assert_eq!(summary.files_read, 0);
        println!(
            "re-open unchanged folder: {reopen:.3} s ({} files checked)",
            summary.files_unchanged
        );
        if let Some(mb) = peak_rss_mb() {
            println!("peak RSS so far: {mb:.0} MB");
        }
    }
}
