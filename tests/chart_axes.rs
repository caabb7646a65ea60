//! The exported chart's axes, checked on the chart spec (what is drawn):
//! every time label sits at the start of the bucket it names, the first and
//! the last bucket are labelled, counts have whole-number ticks and shares
//! percentages, and the words and numbers follow the language. One case per
//! period, plus a share axis, a single period, a two-decade range and French
//! labels with month names or ISO months.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dossier::chart::{ChartSpec, ChartText};
use dossier::explore::{Explorer, Filter, Granularity};
use dossier::extract::edits::ActorEdits;
use dossier::extract::{Extraction, extract_text};
use dossier::index::manifest::ArticleMeta;
use dossier::model::{ArticleId, DateSource, Lang, PartialDate, PubDate};
use dossier::period::axis::LabelStyle;

/// Articles about Russia on the given days (`YYYY-MM-DD`).
fn corpus(days: &[String]) -> (Vec<(String, ArticleMeta)>, Vec<Extraction>) {
    let metas = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let date = PartialDate::parse_iso(d).unwrap();
            let meta = ArticleMeta {
                id: ArticleId(i as u64 + 1),
                part: 0,
                title: format!("Article {i}"),
                lang: Lang::Fr,
                date: Some(PubDate {
                    date,
                    source: DateSource::Metadata,
                    detail: String::new(),
                }),
                outlet: None,
                url: None,
                author: None,
                format: String::new(),
                chars: 10,
            };
            (format!("{i}.txt"), meta)
        })
        .collect();
    let extractions = days
        .iter()
        .enumerate()
        .map(|(i, _)| extract_text(&"La Russie répond. ".repeat(1 + i % 3), Lang::Fr))
        .collect();
    (metas, extractions)
}

fn spec(days: &[String], by: Granularity, share: bool, style: LabelStyle) -> ChartSpec {
    let (metas, extractions) = corpus(days);
    let items: Vec<(&str, &ArticleMeta, &Extraction)> = metas
        .iter()
        .zip(&extractions)
        .map(|((p, m), e)| (p.as_str(), m, e))
        .collect();
    let explorer = Explorer::from_items(items.iter().copied(), &ActorEdits::default());
    let russia = explorer.actor_by_key("country:ru").unwrap();
    let series = explorer.series(&Filter::default(), by, &[russia]);
    let text = ChartText::timeline(
        style.lang,
        by,
        share,
        std::path::Path::new("/x/corpus"),
        None,
        None,
    );
    ChartSpec::from_series(&explorer, &series, share, style, text)
}

/// Every label at a bucket start, first and last bucket labelled, labels in order.
fn check_positions(spec: &ChartSpec) {
    assert!(!spec.x_ticks.is_empty());
    for tick in &spec.x_ticks {
        assert!(
            spec.buckets.contains(&(tick.value as i64)),
            "label {} at {} is not on a bucket",
            tick.label,
            tick.value
        );
    }
    assert_eq!(spec.x_ticks.first().unwrap().value as i64, spec.buckets[0]);
    assert_eq!(
        spec.x_ticks.last().unwrap().value as i64,
        *spec.buckets.last().unwrap()
    );
    assert!(spec.x_ticks.windows(2).all(|w| w[0].value < w[1].value));
    assert!(spec.y_ticks.windows(2).all(|w| w[0].value < w[1].value));
    assert_eq!(spec.y_ticks[0].value, 0.0);
    let max = spec
        .lines
        .iter()
        .flat_map(|l| l.values.iter().copied())
        .fold(0.0, f64::max);
    assert!(
        spec.y_top >= max,
        "top {} below the highest point {max}",
        spec.y_top
    );
}

fn labels(ticks: &[dossier::period::axis::Tick]) -> Vec<&str> {
    ticks.iter().map(|t| t.label.as_str()).collect()
}

fn days_every(first: &str, step: i64, n: usize) -> Vec<String> {
    let start = PartialDate::parse_iso(first).unwrap().first_day_unix_days();
    (0..n as i64)
        .map(|i| PartialDate::from_unix_days(start + i * step).to_iso())
        .collect()
}

const EN: LabelStyle = LabelStyle {
    lang: Lang::En,
    month_names: false,
};

#[test]
fn seven_months_each_labelled_under_its_point() {
    let days: Vec<String> = (0..7)
        .map(|i| {
            let m = 7 + i;
            let (y, m) = if m > 12 { (2024, m - 12) } else { (2023, m) };
            format!("{y}-{m:02}-15")
        })
        .collect();
    let s = spec(&days, Granularity::Month, false, EN);
    check_positions(&s);
    assert_eq!(
        labels(&s.x_ticks),
        [
            "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01"
        ]
    );
    for (tick, bucket) in s.x_ticks.iter().zip(&s.buckets) {
        assert_eq!(tick.value as i64, *bucket);
    }
    assert_eq!(labels(&s.y_ticks), ["0", "1", "2", "3"], "whole numbers");
    assert_eq!(s.x_label, "Month");
    assert_eq!(s.title, "Mentions by month — corpus");
}

#[test]
fn days_and_weeks() {
    let days = days_every("2024-03-01", 1, 40);
    let s = spec(&days, Granularity::Day, false, EN);
    check_positions(&s);
    assert_eq!(s.x_ticks[0].label, "2024-03-01");
    assert_eq!(s.x_ticks.last().unwrap().label, "2024-04-09");
    assert!(s.x_ticks.len() <= 9);
    let weeks = days_every("2024-01-03", 7, 30);
    let s = spec(&weeks, Granularity::Week, false, EN);
    check_positions(&s);
    // A week is named by its Monday.
    assert_eq!(s.x_ticks[0].label, "2024-01-01");
    for tick in &s.x_ticks {
        let d = PartialDate::from_unix_days(tick.value as i64);
        assert_eq!(d.weekday(), Some(0), "{} is not a Monday", tick.label);
    }
}

#[test]
fn years_over_two_decades() {
    let days: Vec<String> = (2003..=2024).map(|y| format!("{y}-06-01")).collect();
    let s = spec(&days, Granularity::Year, false, EN);
    check_positions(&s);
    assert_eq!(s.x_ticks[0].label, "2003");
    assert_eq!(s.x_ticks.last().unwrap().label, "2024");
    assert!(s.x_ticks.len() <= 14);
    // Between the ends: round years, evenly spaced.
    let inner: Vec<i32> = s.x_ticks[1..s.x_ticks.len() - 1]
        .iter()
        .map(|t| t.label.parse().unwrap())
        .collect();
    let gaps: Vec<i32> = inner.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.windows(2).all(|g| g[0] == g[1]), "{inner:?}");
    assert!(inner.iter().all(|y| y % gaps[0] == 0), "{inner:?}");
    // Months over the same range: labels still on buckets.
    let s = spec(&days, Granularity::Month, false, EN);
    check_positions(&s);
    assert!(s.x_ticks.len() <= 12);
}

#[test]
fn one_period_only() {
    let days = vec!["2024-05-03".to_owned(), "2024-05-20".to_owned()];
    let s = spec(&days, Granularity::Month, false, EN);
    check_positions(&s);
    assert_eq!(labels(&s.x_ticks), ["2024-05"]);
}

#[test]
fn shares_are_percentages() {
    let days = days_every("2024-01-10", 31, 6);
    let s = spec(&days, Granularity::Month, true, EN);
    check_positions(&s);
    assert!(
        s.y_ticks.iter().all(|t| t.label.ends_with('%')),
        "{:?}",
        labels(&s.y_ticks)
    );
    assert_eq!(s.y_ticks.last().unwrap().label, "100%");
    assert_eq!(s.y_label, "Share of articles");
}

#[test]
fn french_labels_with_month_names_or_iso() {
    let days = days_every("2023-11-10", 31, 4);
    let names = LabelStyle {
        lang: Lang::Fr,
        month_names: true,
    };
    let s = spec(&days, Granularity::Month, false, names);
    check_positions(&s);
    assert_eq!(
        labels(&s.x_ticks),
        ["nov. 2023", "déc. 2023", "janv. 2024", "févr. 2024"]
    );
    assert_eq!(s.x_label, "Mois");
    assert_eq!(s.y_label, "Mentions");
    assert!(s.title.starts_with("Mentions par mois"));
    let iso = LabelStyle {
        lang: Lang::Fr,
        month_names: false,
    };
    let s = spec(&days, Granularity::Month, true, iso);
    assert_eq!(
        labels(&s.x_ticks),
        ["2023-11", "2023-12", "2024-01", "2024-02"]
    );
    assert!(s.y_ticks.iter().all(|t| t.label.ends_with("\u{a0}%")));
    // Decimal comma and no-break thousands in French (the numbers the axes use).
    use dossier::period::axis::{format_number, format_percent};
    assert_eq!(format_percent(0.125, 1, Lang::Fr), "12,5\u{a0}%");
    assert_eq!(format_number(12_500.0, 0, Lang::Fr), "12\u{a0}500");
    assert_eq!(format_number(12_500.0, 0, Lang::En), "12,500");
}

#[test]
fn the_png_and_svg_are_written() {
    let days = days_every("2023-07-15", 30, 7);
    let s = spec(&days, Granularity::Month, false, EN);
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("c.png");
    dossier::chart::write_png(&s, &png, 800, 450).unwrap();
    assert!(std::fs::metadata(&png).unwrap().len() > 1000);
    let svg = dir.path().join("c.svg");
    dossier::chart::write_svg(&s, &svg, 800, 450).unwrap();
    let text = std::fs::read_to_string(&svg).unwrap();
    for tick in &s.x_ticks {
        assert!(
            text.contains(&tick.label),
            "{} missing in the SVG",
            tick.label
        );
    }
}
