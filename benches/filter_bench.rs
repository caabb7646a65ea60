//! What the window does when the user changes a filter, timed on a large
//! indexed corpus: generates N articles naming some forty actors over three
//! years, indexes them, builds the explorer, then times search (on the worker
//! thread), series, lists and totals for 20 plotted actors.
//!
//!     cargo bench --bench filter_bench -- 50000
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Rng;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use dossier::analytics::{CorpusData, Granularity};
use dossier::explore::{ActorIx, Explorer, Filter};
use dossier::extract::edits::ActorEdits;
use dossier::pipeline::{IndexOptions, index_folder};

const NAMES: &[&str] = &[
    "la Russie",
    "l'Ukraine",
    "la Chine",
    "les États-Unis",
    "la France",
    "l'Allemagne",
    "le Royaume-Uni",
    "l'Iran",
    "Israël",
    "la Turquie",
    "l'Inde",
    "le Japon",
    "la Corée du Nord",
    "Moscou",
    "Kiev",
    "Pékin",
    "Washington",
    "Berlin",
    "l'OTAN",
    "l'ONU",
    "l'Union européenne",
    "le Kremlin",
    "la Maison Blanche",
    "le Pentagone",
    "Vladimir Poutine",
    "Emmanuel Macron",
    "Volodymyr Zelensky",
    "Xi Jinping",
    "Joe Biden",
    "Olaf Scholz",
    "l'AIEA",
    "le FMI",
    "la Banque mondiale",
    "l'Égypte",
    "le Qatar",
    "l'Arabie saoudite",
    "le Brésil",
    "le Canada",
    "l'Italie",
    "l'Espagne",
];
const FILLER: &[&str] = &[
    "a annoncé de nouvelles mesures",
    "poursuit les discussions avec",
    "dénonce l'attitude de",
    "s'est entretenu avec",
    "prépare une réponse à",
    "a reçu une délégation de",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn generate(dir: &Path, n: usize) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for i in 0..n {
        let sub = dir.join(format!("b{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        let day = rng.below(3 * 365) as i64 + 19_000; // 2022-01-08 onwards
        let date = dossier::model::PartialDate::from_unix_days(day).to_iso();
        let mut body = String::new();
        for _ in 0..3 + rng.below(6) {
            let a = NAMES[rng.below(NAMES.len())];
            let b = NAMES[rng.below(NAMES.len())];
            body.push_str(&format!(
                "{} {} {b}. ",
                capitalise(a),
                FILLER[rng.below(FILLER.len())]
            ));
        }
        if i % 4 == 0 {
            body.push_str("« Nous restons prudents », a déclaré Emmanuel Macron.");
        }
        let title = format!("Dépêche {i}");
        std::fs::write(
            sub.join(format!("{date}-{i}.txt")),
            format!("{title}\n\n{body}"),
        )
        .unwrap();
    }
}

fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut out = None;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        out = Some(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{label:<48} median {:7.2} ms   max {:7.2} ms",
        times[times.len() / 2],
        times[times.len() - 1]
    );
    out.unwrap()
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(50_000);
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let data = tmp.path().join("data");
    generate(&corpus, n);
    let cancel = AtomicBool::new(false);
    let t = Instant::now();
    let (_, opened) =
        index_folder(&corpus, &data, &IndexOptions::default(), &cancel, &|_| {}).unwrap();
    println!("{n} articles indexed in {:.1} s", t.elapsed().as_secs_f64());

    let t = Instant::now();
    let loaded = CorpusData::load(&opened).unwrap();
    let explorer = Explorer::build(&loaded, &ActorEdits::default());
    println!(
        "explorer built in {:.2} s (worker thread, once per open or edit): {} actors, {} quotes",
        t.elapsed().as_secs_f64(),
        explorer.actors.len(),
        explorer.quotes.len()
    );
    let selected: Vec<ActorIx> = (0..20.min(explorer.actors.len()) as ActorIx).collect();
    let all = Filter::default();
    // What one filter change recomputes on the UI thread (CorpusView::refresh).
    let refresh = |filter: &Filter, by: Granularity| {
        let series = explorer.series(filter, by, &selected);
        let totals = explorer.actor_totals(filter);
        let list = explorer.article_list(filter, None, None);
        let quotes = explorer.quote_list(filter, None, None);
        (series.buckets.len(), totals.len(), list.len(), quotes.len())
    };
    println!("--- UI thread, {n} articles, 20 actors plotted ---");
    for by in [
        Granularity::Day,
        Granularity::Week,
        Granularity::Month,
        Granularity::Year,
    ] {
        time(
            &format!("granularity {by:?}: series + totals + lists"),
            15,
            || refresh(&all, by),
        );
    }
    time("  of which series (Month)", 15, || {
        explorer
            .series(&all, Granularity::Month, &selected)
            .buckets
            .len()
    });
    time("  of which actor totals", 15, || {
        explorer.actor_totals(&all).len()
    });
    time("  of which article list", 15, || {
        explorer.article_list(&all, None, None).len()
    });
    time("  of which quote list", 15, || {
        explorer.quote_list(&all, None, None).len()
    });
    let (lo, hi) = explorer.date_span().unwrap();
    let range = Filter {
        from: Some(lo + (hi - lo) / 3),
        to: Some(hi - (hi - lo) / 3),
        ..Filter::default()
    };
    time(
        "date range (middle third): series + totals + lists",
        15,
        || refresh(&range, Granularity::Month),
    );
    time("click on a bucket: article list of one actor", 15, || {
        explorer.article_list(
            &all,
            Some(selected[0]),
            Some((Granularity::Month, Some(lo))),
        )
    });
    println!("--- worker thread: search, then the UI applies the hits ---");
    for query in [
        "Poutine",
        "\"Maison Blanche\"",
        "Macron AND NOT Biden",
        "Zelenski~1",
    ] {
        let ids = time(&format!("search {query}"), 15, || {
            opened.index.matching_ids_unsorted(query).unwrap()
        });
        let filter = Filter {
            hits: Some(Arc::new(explorer.hit_mask(&ids))),
            ..Filter::default()
        };
        time(
            &format!("  apply {} hits: mask + series + lists", ids.len()),
            15,
            || {
                let mask = explorer.hit_mask(&ids);
                (mask.len(), refresh(&filter, Granularity::Month))
            },
        );
    }
}
