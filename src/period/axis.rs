//! Axis ticks for timelines, computed once for the window and for chart
//! exports: time labels sit exactly on the bucket they name (the first and
//! the last bucket always labelled, the ones between thinned evenly on
//! calendar steps), counts get whole-number ticks, shares get percentages,
//! and numbers are written as the user's language writes them.

use super::{Granularity, bucket_ordinal};
use crate::model::{Lang, PartialDate};

/// One labelled position on an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where: a bucket start (days since the epoch) or a value.
    pub value: f64,
    /// What is written there.
    pub label: String,
}

/// How labels are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LabelStyle {
    /// Language of month names and number formats.
    pub lang: Lang,
    /// Months written with their names ("janv. 2024") rather than `2024-01`.
    pub month_names: bool,
}

/// Month abbreviations as each language writes them in dates.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// The label of the bucket starting at `start`: its day (days and weeks,
/// whose label is their Monday), month or year.
pub fn bucket_text(by: Granularity, start: i64, style: LabelStyle) -> String {
    let d = PartialDate::from_unix_days(start);
    let month = |m: u8| {
        let i = usize::from(m.clamp(1, 12) - 1);
        match style.lang {
            Lang::Fr => MONTHS_FR[i],
            Lang::En | Lang::Other => MONTHS_EN[i],
        }
    };
    match (by, style.month_names) {
        (Granularity::Year, _) => format!("{:04}", d.year),
        (Granularity::Month, false) => format!("{:04}-{:02}", d.year, d.month),
        (Granularity::Month, true) => format!("{} {:04}", month(d.month), d.year),
        (Granularity::Day | Granularity::Week, false) => d.to_iso(),
        (Granularity::Day | Granularity::Week, true) => {
            format!("{} {} {:04}", d.day, month(d.month), d.year)
        }
    }
}

/// Calendar steps between labelled buckets, smallest first: labels fall on
/// round values (every quarter, every five years, every other week).
fn steps(by: Granularity) -> &'static [i64] {
    match by {
        Granularity::Day => &[1, 2, 7, 14, 28, 56, 91, 182, 364, 728],
        Granularity::Week => &[1, 2, 4, 8, 13, 26, 52, 104, 260],
        Granularity::Month => &[1, 2, 3, 4, 6, 12, 24, 60, 120, 240],
        Granularity::Year => &[1, 2, 5, 10, 20, 50, 100, 200, 500],
    }
}

/// Labels for consecutive buckets `buckets` (their starts, ascending), at most
/// `max_labels` of them (at least 2): each label at its bucket's start; the
/// first and last bucket always; between them the buckets on a calendar step
/// (every n-th month counted from January…), none closer than half a step to
/// the first or last.
pub fn time_ticks(
    by: Granularity,
    buckets: &[i64],
    max_labels: usize,
    style: LabelStyle,
) -> Vec<Tick> {
    let tick = |start: i64| Tick {
        value: start as f64,
        label: bucket_text(by, start, style),
    };
    let (Some(&first), Some(&last)) = (buckets.first(), buckets.last()) else {
        return Vec::new();
    };
    let max_labels = max_labels.max(2);
    if buckets.len() <= max_labels {
        return buckets.iter().map(|b| tick(*b)).collect();
    }
    let span = bucket_ordinal(by, last) - bucket_ordinal(by, first);
    let intervals = max_labels as i64 - 1;
    let needed = (span + intervals - 1) / intervals;
    let step = steps(by)
        .iter()
        .copied()
        .find(|s| *s >= needed)
        .unwrap_or(needed);
    let (lo, hi) = (bucket_ordinal(by, first), bucket_ordinal(by, last));
    let mut out = vec![tick(first)];
    for &b in &buckets[1..buckets.len() - 1] {
        let o = bucket_ordinal(by, b);
        if o.rem_euclid(step) == 0 && (o - lo) * 4 >= step * 3 && (hi - o) * 4 >= step * 3 {
            out.push(tick(b));
        }
    }
    out.push(tick(last));
    out
}

/// Ticks for a value axis from 0 to at least `max`, at most `max_ticks`:
/// whole numbers for counts, percentages for shares (values 0..=1). Returns
/// the ticks and the top of the axis (the last tick).
pub fn value_ticks(max: f64, share: bool, max_ticks: usize, style: LabelStyle) -> (Vec<Tick>, f64) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else if share {
        0.01
    } else {
        1.0
    };
    let intervals = max_ticks.max(2) as f64 - 1.0;
    let raw = max / intervals;
    let magnitude = 10f64.powf(raw.log10().floor());
    let mut step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw * 0.999_999)
        .unwrap_or(10.0 * magnitude);
    if !share {
        step = step.max(1.0).round();
    }
    let count = (max / step - 1e-9).ceil().max(1.0) as usize;
    let decimals = if share { percent_decimals(step) } else { 0 };
    let ticks: Vec<Tick> = (0..=count)
        .map(|i| {
            let value = step * i as f64;
            let label = if share {
                format_percent(value, decimals, style.lang)
            } else {
                format_number(value, 0, style.lang)
            };
            Tick { value, label }
        })
        .collect();
    let top = step * count as f64;
    (ticks, top)
}

/// Decimals a percentage needs for ticks of shares `step` apart (0.0025 → 2: "0.25%").
pub fn percent_decimals(step: f64) -> usize {
    let pct = step * 100.0;
    (0..4)
        .find(|d| (pct * 10f64.powi(*d as i32)).fract().abs() < 1e-6)
        .unwrap_or(3)
}

/// A number as `lang` writes it: `1,234.5` in English, `1 234,5` in French
/// (a no-break space between thousands).
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    let (thousands, point) = match lang {
        Lang::En | Lang::Other => (",", "."),
        Lang::Fr => ("\u{a0}", ","),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push_str(thousands);
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{fraction}")
    }
}

/// A share (0..=1) as a percentage: `12.5%` in English, `12,5 %` in French.
pub fn format_percent(share: f64, decimals: usize, lang: Lang) -> String {
    let number = format_number(share * 100.0, decimals, lang);
    match lang {
        Lang::En | Lang::Other => format!("{number}%"),
        Lang::Fr => format!("{number}\u{a0}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(y: i32, m: u8) -> i64 {
        PartialDate {
            year: y,
            month: m,
            day: 1,
        }
        .first_day_unix_days()
    }

    fn months(from: (i32, u8), n: usize) -> Vec<i64> {
        (0..n)
            .map(|i| {
                let total = from.0 * 12 + i32::from(from.1) - 1 + i as i32;
                month(total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
            })
            .collect()
    }

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(format_number(1_234_567.0, 0, Lang::En), "1,234,567");
        assert_eq!(format_number(1_234.5, 1, Lang::Fr), "1\u{a0}234,5");
        assert_eq!(format_number(12.0, 0, Lang::Fr), "12");
        assert_eq!(format_percent(0.125, 1, Lang::En), "12.5%");
        assert_eq!(format_percent(0.125, 1, Lang::Fr), "12,5\u{a0}%");
        assert_eq!(format_number(-0.0, 0, Lang::En), "0");
    }

    #[test]
    fn count_ticks_are_whole_numbers() {
        let (ticks, top) = value_ticks(3.0, false, 8, LabelStyle::default());
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0", "1", "2", "3"]);
        assert_eq!(top, 3.0);
        let (ticks, _) = value_ticks(1234.0, false, 6, LabelStyle::default());
        assert!(ticks.iter().all(|t| t.value.fract() == 0.0));
        assert_eq!(ticks.last().map(|t| t.label.as_str()), Some("1,250"));
        let (ticks, top) = value_ticks(0.0, false, 8, LabelStyle::default());
        assert_eq!(ticks.len(), 2);
        assert_eq!(top, 1.0);
    }

    #[test]
    fn share_ticks_are_percentages() {
        let (ticks, top) = value_ticks(0.37, true, 6, LabelStyle::default());
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0%", "10%", "20%", "30%", "40%"]);
        assert!((top - 0.4).abs() < 1e-9);
        let fr = LabelStyle {
            lang: Lang::Fr,
            month_names: false,
        };
        let (ticks, _) = value_ticks(0.012, true, 6, fr);
        assert_eq!(ticks[1].label, "0,25\u{a0}%");
    }

    #[test]
    fn month_labels_sit_on_their_buckets() {
        // Seven monthly points 2023-07…2024-01: every one labelled.
        let buckets = months((2023, 7), 7);
        let ticks = time_ticks(Granularity::Month, &buckets, 8, LabelStyle::default());
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01"
            ]
        );
        for (t, b) in ticks.iter().zip(&buckets) {
            assert_eq!(t.value, *b as f64);
        }
        // Thirty months: first, last, and every quarter between, evenly.
        let buckets = months((2022, 2), 30);
        let ticks = time_ticks(Granularity::Month, &buckets, 12, LabelStyle::default());
        assert_eq!(ticks.first().unwrap().label, "2022-02");
        assert_eq!(ticks.last().unwrap().label, "2024-07");
        let inner: Vec<&str> = ticks[1..ticks.len() - 1]
            .iter()
            .map(|t| t.label.as_str())
            .collect();
        // 2022-04 is too close to the first label (2022-02) to be written.
        assert_eq!(
            inner,
            [
                "2022-07", "2022-10", "2023-01", "2023-04", "2023-07", "2023-10", "2024-01",
                "2024-04"
            ]
        );
        for t in &ticks {
            assert!(buckets.contains(&(t.value as i64)));
        }
    }
}
