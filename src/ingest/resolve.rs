//! Which date an article gets: metadata first (with the publisher's local day
//! when a UTC timestamp and local evidence disagree), then the file name, the
//! text, the page around the article and, only when asked, the file time.

use super::{FileInfo, ReadOptions, dates};
use crate::model::{DateSource, Lang, PartialDate, PubDate};

/// A metadata date candidate, parsed.
struct Parsed<'a> {
    date: PartialDate,
    value: &'a str,
    detail: &'a str,
}

/// Sources written by the publisher on purpose, as opposed to page text near a
/// "date" class or modification times.
fn is_strong(detail: &str) -> bool {
    !matches!(detail, "visible" | "modified" | "image-url" | FILE_CREATED)
}

/// Detail of a date a document's properties give for when the file was made
/// (PDF `CreationDate`, Office `dcterms:created`): a weak hint, used after the
/// text, as a modification date is.
pub const FILE_CREATED: &str = "file-created";

/// "2023-11-09T06:35:29Z", "…+00:00", "… GMT": a timestamp given in UTC, whose
/// day may differ from the publisher's local day.
fn is_utc_stamp(value: &str) -> bool {
    let v = value.trim();
    v.contains(':')
        && (v.ends_with('Z')
            || v.ends_with("+00:00")
            || v.ends_with("+0000")
            || v.ends_with("GMT")
            || v.ends_with("UTC"))
}

/// Sign of a timestamp's UTC offset ("…T14:40:04-06:00" → -1); 0 when it has none.
fn offset_sign(value: &str) -> i32 {
    let v = value.trim();
    let Some(t) = v.find('T') else { return 0 };
    let time = &v[t..];
    if time.contains('+') {
        1
    } else if time.contains('-') {
        -1
    } else {
        0
    }
}

/// The hour of a UTC timestamp ("2023-11-09T06:35:29Z" → 6).
fn utc_hour(value: &str) -> Option<u32> {
    if !is_utc_stamp(value) {
        return None;
    }
    let colon = value.find(':')?;
    value.get(colon.checked_sub(2)?..colon)?.parse().ok()
}

/// Chooses among metadata dates: the first strong one, corrected to the
/// publisher's local day when another strong candidate gives it, and made more
/// precise when a month-only date has a day-precise twin.
fn choose_metadata_date<'p, 'a>(parsed: &'p [Parsed<'a>]) -> Option<&'p Parsed<'a>> {
    let strong: Vec<&Parsed> = parsed.iter().filter(|p| is_strong(p.detail)).collect();
    let first = strong
        .first()
        .copied()
        .or_else(|| parsed.iter().find(|p| p.detail == "visible"))
        .or_else(|| parsed.iter().find(|p| p.detail == "image-url"))?;
    let mut best = first;
    let is_day = |p: &Parsed| p.date.precision() == dates::Precision::Day;
    if let Some(hour) = utc_hour(best.value).filter(|_| is_day(best)) {
        // A timestamp in UTC may fall on the day after (or before) the publisher's
        // own day. Local evidence one day away corrects it: a URL date or a local
        // timestamp whose offset fits (only an early-morning UTC time can be the
        // previous day in the Americas, only an evening one the next day in Asia).
        let days = best.date.first_day_unix_days();
        let local = parsed.iter().filter(|p| is_strong(p.detail)).find(|p| {
            let shift = p.date.first_day_unix_days() - days;
            let sign = offset_sign(p.value);
            is_day(p)
                && !is_utc_stamp(p.value)
                && ((shift == -1 && hour < 8 && sign <= 0)
                    || (shift == 1 && hour >= 13 && sign >= 0))
        });
        if let Some(local) = local {
            return Some(local);
        }
    }
    // The date shown to readers in a byline is the article's date for them: it
    // wins when a machine-readable date (published or modified) agrees with it,
    // or when it is the local day of a UTC timestamp.
    let shown: Vec<&Parsed> = parsed
        .iter()
        .filter(|p| p.detail == "visible" && is_day(p))
        .collect();
    if shown.first().is_some_and(|v| v.date == best.date) {
        return Some(best);
    }
    let machine_twin = |v: &&&Parsed| {
        parsed
            .iter()
            .any(|p| matches!(p.detail, "json-ld" | "meta" | "modified") && p.date == v.date)
    };
    if let Some(confirmed) = shown.iter().find(machine_twin) {
        return Some(confirmed);
    }
    if is_utc_stamp(best.value) && is_day(best) {
        let days = best.date.first_day_unix_days();
        if let Some(local) = shown
            .iter()
            .find(|v| (v.date.first_day_unix_days() - days).abs() == 1)
        {
            best = local;
        }
    }
    if best.date.precision() != dates::Precision::Day {
        let refined = parsed.iter().find(|p| {
            p.date.precision() == dates::Precision::Day
                && p.date.year == best.date.year
                && (best.date.month == 0 || p.date.month == best.date.month)
        });
        if let Some(refined) = refined {
            best = refined;
        }
    }
    Some(best)
}

/// Metadata first, then the file name, then the text, then (only when asked) the
/// file time. Nothing later than today (or, for text dates, the file time) is kept.
pub(super) fn resolve_date(
    candidates: &[(String, String)],
    body: &str,
    page_text: Option<&str>,
    info: &FileInfo,
    lang: Lang,
    options: &ReadOptions,
) -> Option<PubDate> {
    let english = lang == Lang::En;
    let not_future = |d: &PartialDate| *d <= options.today;
    let parsed: Vec<Parsed> = candidates
        .iter()
        .filter_map(|(value, detail)| {
            let date = if detail == "url" || detail == "image-url" {
                dates::date_from_path(value)
            } else {
                dates::parse_date_string(value, english)
            };
            date.filter(not_future).map(|date| Parsed {
                date,
                value,
                detail,
            })
        })
        .collect();
    if let Some(p) = choose_metadata_date(&parsed) {
        let mut date = p.date;
        if date.precision() != dates::Precision::Day {
            // "2016/12" in a URL: the text usually says which day.
            let texts = [Some(body), page_text];
            let refined = texts.into_iter().flatten().find_map(|text| {
                dates::find_written_dates(text)
                    .into_iter()
                    .map(|(_, d)| d)
                    .find(|d| {
                        d.precision() == dates::Precision::Day
                            && d.year == date.year
                            && (date.month == 0 || d.month == date.month)
                    })
            });
            date = refined.filter(not_future).unwrap_or(date);
        }
        return Some(PubDate {
            date,
            source: DateSource::Metadata,
            detail: p.detail.to_owned(),
        });
    }
    if let Some(date) = dates::date_from_path(&info.rel_path).filter(not_future) {
        return Some(PubDate {
            date,
            source: DateSource::Filename,
            detail: "path".to_owned(),
        });
    }
    let file_day = info.modified_day();
    // A file time before 1990 is an archive artefact, not evidence.
    let not_after = file_day
        .filter(|d| d.year >= 1990 && *d <= options.today)
        .unwrap_or(options.today);
    if let Some((date, kind)) = dates::date_from_text(body, not_after) {
        let detail = match kind {
            dates::TextDateKind::Dateline => "dateline",
            dates::TextDateKind::Labelled => "labelled",
            dates::TextDateKind::Written => "written",
            dates::TextDateKind::WeekdayInferred => "weekday-inferred",
        };
        return Some(PubDate {
            date,
            source: DateSource::Text,
            detail: detail.to_owned(),
        });
    }
    // A page's visible text outside the article (bylines, headers) often carries the date.
    if let Some(page_text) = page_text {
        let found = dates::find_written_dates(page_text)
            .into_iter()
            .find(|(_, d)| {
                d.precision() == dates::Precision::Day
                    && d.year >= 1995
                    && d.first_day_unix_days() <= not_after.first_day_unix_days()
            });
        if let Some((_, date)) = found {
            return Some(PubDate {
                date,
                source: DateSource::Text,
                detail: "page".to_owned(),
            });
        }
    }
    if let Some(p) = parsed
        .iter()
        .find(|p| matches!(p.detail, "modified" | FILE_CREATED))
    {
        return Some(PubDate {
            date: p.date,
            source: DateSource::Metadata,
            detail: p.detail.to_owned(),
        });
    }
    if options.file_time_fallback {
        // A modification time after today (a wrong clock, a copy tool) dates nothing.
        let not_after = options.today.first_day_unix_days();
        return file_day
            .filter(|d| d.first_day_unix_days() <= not_after)
            .map(|date| PubDate {
                date,
                source: DateSource::FileTime,
                detail: "modified".to_owned(),
            });
    }
    None
}
