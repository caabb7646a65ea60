//! Periods and buckets: the one place that knows how days group into days,
//! weeks (from Monday), months and years, where a bucket starts and ends,
//! and how a bucket is named. Below everything: analytics, exploration,
//! chart exports and the window all ask here, so their buckets and axis
//! labels cannot drift apart ([`axis`] computes the ticks).

pub mod axis;

use serde::Serialize;

use crate::model::PartialDate;

/// Time bucket size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One bucket per day.
    Day,
    /// Weeks starting on Monday.
    Week,
    /// Calendar months.
    #[default]
    Month,
    /// Calendar years.
    Year,
}

impl Granularity {
    /// Parses "day", "week", "month", "year".
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "day" => Self::Day,
            "week" => Self::Week,
            "month" => Self::Month,
            "year" => Self::Year,
            _ => return None,
        })
    }

    /// First day of the bucket holding `date` (dates coarser than the bucket go to their first day).
    pub fn bucket_start(self, date: PartialDate) -> PartialDate {
        let first = PartialDate::from_unix_days(date.first_day_unix_days());
        match self {
            Self::Day => first,
            Self::Week => {
                let weekday = first.weekday().unwrap_or(0);
                PartialDate::from_unix_days(first.first_day_unix_days() - i64::from(weekday))
            }
            Self::Month => PartialDate {
                year: first.year,
                month: first.month,
                day: 1,
            },
            Self::Year => PartialDate {
                year: first.year,
                month: 1,
                day: 1,
            },
        }
    }
}

/// Human label of a bucket.
pub fn bucket_label(by: Granularity, start: i64) -> String {
    let d = PartialDate::from_unix_days(start);
    match by {
        Granularity::Day => d.to_iso(),
        Granularity::Week => format!("week of {}", d.to_iso()),
        Granularity::Month => format!("{:04}-{:02}", d.year, d.month),
        Granularity::Year => format!("{:04}", d.year),
    }
}

/// The last day (inclusive) of the bucket starting at `start`.
pub fn bucket_end(by: Granularity, start: i64) -> i64 {
    let d = PartialDate::from_unix_days(start);
    match by {
        Granularity::Day => start,
        Granularity::Week => start + 6,
        Granularity::Month => {
            let (y, m) = if d.month == 12 {
                (d.year + 1, 1)
            } else {
                (d.year, d.month + 1)
            };
            PartialDate {
                year: y,
                month: m,
                day: 1,
            }
            .first_day_unix_days()
                - 1
        }
        Granularity::Year => {
            PartialDate {
                year: d.year + 1,
                month: 1,
                day: 1,
            }
            .first_day_unix_days()
                - 1
        }
    }
}

/// The position of the bucket starting at `start` counted in buckets:
/// consecutive buckets differ by one, and round values fall on calendar
/// boundaries (months from January of year 0, weeks from the Monday before
/// the epoch), so axis steps can be aligned.
pub fn bucket_ordinal(by: Granularity, start: i64) -> i64 {
    let d = PartialDate::from_unix_days(start);
    match by {
        Granularity::Day => start,
        Granularity::Week => (start + 3).div_euclid(7),
        Granularity::Month => i64::from(d.year) * 12 + i64::from(d.month) - 1,
        Granularity::Year => i64::from(d.year),
    }
}
