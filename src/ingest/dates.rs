//! Publication dates: parsing metadata values, file names and the first lines of
//! an article, in French and English, with day / month / year precision.
//!
//! Pure functions over strings; the only clock read is [`today`].

/// A calendar date known to day, month or year precision (`month`/`day` are 0 when unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Year (1700..=2200).
    pub year: i32,
    /// Month 1..=12, or 0.
    pub month: u8,
    /// Day 1..=31, or 0.
    pub day: u8,
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Year, month and day.
    Day,
    /// Year and month.
    Month,
    /// Year only.
    Year,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year (Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

const MIN_YEAR: i32 = 1700;
const MAX_YEAR: i32 = 2200;

impl PartialDate {
    /// A full date; `None` when it does not exist (31 April, 29 February 2023, …).
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        (Self::year(year).is_some()
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month, day })
    }

    /// A month.
    pub fn month(year: i32, month: u8) -> Option<Self> {
        (Self::year(year).is_some() && (1..=12).contains(&month)).then_some(Self {
            year,
            month,
            day: 0,
        })
    }

    /// A year.
    pub fn year(year: i32) -> Option<Self> {
        (MIN_YEAR..=MAX_YEAR).contains(&year).then_some(Self {
            year,
            month: 0,
            day: 0,
        })
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        if self.day != 0 {
            Precision::Day
        } else if self.month != 0 {
            Precision::Month
        } else {
            Precision::Year
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn to_iso(&self) -> String {
        match self.precision() {
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Year => format!("{:04}", self.year),
        }
    }

    /// Inverse of [`Self::to_iso`].
    pub fn parse_iso(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str| {
            p.parse::<i64>()
                .ok()
                .filter(|_| p.bytes().all(|b| b.is_ascii_digit()))
        };
        match parts.as_slice() {
            [y] if y.len() == 4 => Self::year(num(y)? as i32),
            [y, m] if y.len() == 4 && m.len() == 2 => Self::month(num(y)? as i32, num(m)? as u8),
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                Self::day(num(y)? as i32, num(m)? as u8, num(d)? as u8)
            }
            _ => None,
        }
    }

    /// Days since 1970-01-01 of the first day of the period.
    pub fn first_day_unix_days(&self) -> i64 {
        days_from_civil(self.year, self.month.max(1), self.day.max(1))
    }

    /// The day `days` after 1970-01-01.
    pub fn from_unix_days(days: i64) -> Self {
        let (year, month, day) = civil_from_days(days);
        Self { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday, for day-precision dates.
    pub fn weekday(&self) -> Option<u8> {
        (self.precision() == Precision::Day)
            .then(|| (self.first_day_unix_days() + 3).rem_euclid(7) as u8)
    }

    /// The last day of the period (for comparisons with "not after").
    fn last_day_unix_days(&self) -> i64 {
        match self.precision() {
            Precision::Day => self.first_day_unix_days(),
            Precision::Month => {
                days_from_civil(self.year, self.month, days_in_month(self.year, self.month))
            }
            Precision::Year => days_from_civil(self.year, 12, 31),
        }
    }

    /// True when the period starts on or before `limit`'s last day.
    fn starts_by(&self, limit: PartialDate) -> bool {
        self.first_day_unix_days() <= limit.last_day_unix_days()
    }
}

/// Today's date in the local time zone: an article published this morning in
/// Paris is not "after today" at 00:30, when it is still yesterday in UTC.
pub fn today() -> PartialDate {
    date_of_system_time(std::time::SystemTime::now())
}

/// The local day of a system time (UTC where the time zone cannot be found).
pub fn date_of_system_time(t: std::time::SystemTime) -> PartialDate {
    let local = jiff::Timestamp::try_from(t)
        .ok()
        .map(|ts| ts.to_zoned(jiff::tz::TimeZone::system()).date())
        .and_then(|d| PartialDate::day(i32::from(d.year()), d.month() as u8, d.day() as u8));
    local.unwrap_or_else(|| {
        let secs = match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        PartialDate::from_unix_days(secs.div_euclid(86_400))
    })
}

/// Month names, French and English (accents folded): the full names first,
/// then abbreviations. One list for dates and for the extractor.
const MONTHS: [&[&str]; 12] = [
    &["janvier", "january", "janv", "jan"],
    &["fevrier", "february", "fevr", "fev", "feb", "febr"],
    &["mars", "march", "mar"],
    &["avril", "april", "avr", "apr"],
    &["mai", "may"],
    &["juin", "june", "jun"],
    &["juillet", "july", "juil", "jul"],
    &["aout", "august", "aug"],
    &["septembre", "september", "sept", "sep"],
    &["octobre", "october", "oct"],
    &["novembre", "november", "nov"],
    &["decembre", "december", "dec"],
];

/// Weekday names from Monday, French and English: full names, then abbreviations.
const WEEKDAYS: [&[&str]; 7] = [
    &["lundi", "monday", "mon"],
    &["mardi", "tuesday", "tue", "tues"],
    &["mercredi", "wednesday", "wed"],
    &["jeudi", "thursday", "thu", "thur", "thurs"],
    &["vendredi", "friday", "fri"],
    &["samedi", "saturday", "sat"],
    &["dimanche", "sunday", "sun"],
];

/// True for the full name of a month or weekday in French or English, lower
/// case with accents folded ("fevrier", "monday"): such capitalised words are
/// never actors.
pub fn is_calendar_word(word: &str) -> bool {
    MONTHS.iter().any(|forms| forms[..2].contains(&word))
        || WEEKDAYS.iter().any(|forms| forms[..2].contains(&word))
}

/// Month from a French or English name or abbreviation (with or without accents
/// and final period, any case).
fn month_of(word: &str) -> Option<u8> {
    let w: String = word
        .trim_end_matches('.')
        .to_lowercase()
        .chars()
        .map(fold_accent)
        .collect();
    MONTHS
        .iter()
        .position(|forms| forms.contains(&w.as_str()))
        .map(|i| i as u8 + 1)
}

/// Weekday (0 = Monday) from a French or English name.
fn weekday_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches([',', '.']).to_lowercase();
    WEEKDAYS
        .iter()
        .position(|forms| forms.contains(&w.as_str()))
        .map(|i| i as u8)
}

fn fold_accent(c: char) -> char {
    match c {
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'à' | 'â' | 'ä' => 'a',
        'û' | 'ù' | 'ü' => 'u',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ç' => 'c',
        c => c,
    }
}

/// A token of a date expression.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A run of digits, with its length (to keep leading zeros meaningful).
    Num(u32, usize),
    /// A word (letters, may end with a period).
    Word(String),
    /// A separator character.
    Sep(char),
}

/// Splits text into (byte offset, token); white space is dropped.
fn tokenize(s: &str) -> Vec<(usize, Tok)> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some((j, d)) = chars.peek().copied() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            let digits = &s[i..end];
            let value = if digits.len() <= 9 {
                digits.parse().unwrap_or(u32::MAX)
            } else {
                u32::MAX
            };
            out.push((i, Tok::Num(value, digits.len())));
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some((j, d)) = chars.peek().copied() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // "janv." keeps its period so abbreviations are recognisable.
            if let Some((_, '.')) = chars.peek().copied() {
                end += 1;
                chars.next();
            }
            out.push((i, Tok::Word(s[i..end].to_owned())));
        } else if !c.is_whitespace() {
            out.push((i, Tok::Sep(c)));
        }
    }
    out
}

fn num(t: Option<&(usize, Tok)>) -> Option<(u32, usize)> {
    match t {
        Some((_, Tok::Num(v, len))) => Some((*v, *len)),
        _ => None,
    }
}

fn word(t: Option<&(usize, Tok)>) -> Option<&str> {
    match t {
        Some((_, Tok::Word(w))) => Some(w.as_str()),
        _ => None,
    }
}

fn sep(t: Option<&(usize, Tok)>) -> Option<char> {
    match t {
        Some((_, Tok::Sep(c))) => Some(*c),
        _ => None,
    }
}

fn year_of(value: u32, len: usize) -> Option<i32> {
    (len == 4)
        .then_some(value as i32)
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
}

/// A date found at a token position: the date, how many tokens it used, and
/// whether it had a year (yearless dates carry year 0 until resolved).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Found {
    year: Option<i32>,
    month: u8,
    day: u8,
    weekday: Option<u8>,
    len: usize,
}

/// Tries to read a date starting at token `i`. `english` decides ambiguous numeric dates.
fn date_at(toks: &[(usize, Tok)], i: usize, english: bool) -> Option<Found> {
    let t = |k: usize| toks.get(i + k);
    // Optional weekday in front: "jeudi 18 janvier", "Thursday, January 18".
    let (weekday, skip) = match word(t(0)).and_then(weekday_of) {
        Some(w) => (Some(w), if sep(t(1)) == Some(',') { 2 } else { 1 }),
        None => (None, 0),
    };
    let t = |k: usize| toks.get(i + skip + k);
    let with = |f: Found| {
        Some(Found {
            weekday,
            len: f.len + skip,
            ..f
        })
    };
    // Year, month name, day: "2020/oct/02" in URLs.
    if let (Some((y, 4)), Some('/' | '-'), Some(month), Some('/' | '-'), Some((d, 1..=2))) = (
        num(t(0)),
        sep(t(1)),
        word(t(2)).and_then(month_of),
        sep(t(3)),
        num(t(4)),
    ) {
        return with(Found {
            year: year_of(y, 4),
            month,
            day: u8::try_from(d).ok()?,
            weekday: None,
            len: 5,
        })
        .filter(|f| f.year.is_some());
    }
    // ISO-like: 2023-09-13, 2023/09/13, 2023.09.13, 2023-09 (and 2023-09-13T10:00).
    if let Some((y, 4)) = num(t(0))
        && let (Some(s), Some((m, 1..=2))) = (sep(t(1)), num(t(2)))
        && matches!(s, '-' | '/' | '.')
    {
        let year = year_of(y, 4)?;
        let month = u8::try_from(m).ok()?;
        if let (Some(s2), Some((d, 1..=2))) = (sep(t(3)), num(t(4)))
            && s2 == s
        {
            return with(Found {
                year: Some(year),
                month,
                day: u8::try_from(d).ok()?,
                weekday: None,
                len: 5,
            });
        }
        return with(Found {
            year: Some(year),
            month,
            day: 0,
            weekday: None,
            len: 3,
        });
    }
    // Compact 20230913.
    if let Some((v, 8)) = num(t(0)) {
        let (y, m, d) = (v / 10_000, (v / 100) % 100, v % 100);
        return with(Found {
            year: year_of(y, 4),
            month: m as u8,
            day: d as u8,
            weekday: None,
            len: 1,
        })
        .filter(|f| f.year.is_some());
    }
    // Numeric day-first or month-first: 13/09/2023, 09/13/2023, 13.09.2023.
    if let (Some((a, 1..=2)), Some(s), Some((b, 1..=2)), Some(s2), Some((y, ylen))) =
        (num(t(0)), sep(t(1)), num(t(2)), sep(t(3)), num(t(4)))
        && s == s2
        && matches!(s, '/' | '.' | '-')
    {
        let year = year_of(y, ylen)?;
        let (day, month) = if a > 12 {
            (a, b)
        } else if b > 12 || english {
            (b, a)
        } else {
            (a, b)
        };
        return with(Found {
            year: Some(year),
            month: month as u8,
            day: day as u8,
            weekday: None,
            len: 5,
        });
    }
    // Day first: "14 septembre 2023", "1er mars 2022", "18 janv.", "5 September 2023".
    if let Some((d, 1..=2)) = num(t(0)) {
        let mut k = 1;
        if matches!(word(t(1)), Some("er" | "st" | "nd" | "rd" | "th")) {
            k = 2;
        }
        if let Some(month) = word(t(k)).and_then(month_of) {
            let (year, len) = match num(t(k + 1)) {
                Some((y, 4)) => (year_of(y, 4), k + 2),
                _ => (None, k + 1),
            };
            return with(Found {
                year,
                month,
                day: u8::try_from(d).ok()?,
                weekday: None,
                len,
            });
        }
    }
    // Month first: "Sept. 5, 2023", "September 13 2023", "March 3", "May 2023".
    if let Some(month) = word(t(0)).and_then(month_of) {
        if let Some((d, 1..=2)) = num(t(1)) {
            let mut k = 2;
            if matches!(word(t(2)), Some("st" | "nd" | "rd" | "th")) {
                k = 3;
            }
            if sep(t(k)) == Some(',') {
                k += 1;
            }
            let (year, len) = match num(t(k)) {
                Some((y, 4)) => (year_of(y, 4), k + 1),
                _ => (None, 2 + usize::from(k == 3 && word(t(2)).is_some())),
            };
            return with(Found {
                year,
                month,
                day: u8::try_from(d).ok()?,
                weekday: None,
                len,
            });
        }
        if let Some((y, 4)) = num(t(1)) {
            return with(Found {
                year: year_of(y, 4),
                month,
                day: 0,
                weekday: None,
                len: 2,
            })
            .filter(|f| f.year.is_some());
        }
    }
    None
}

/// Turns a found date into a valid [`PartialDate`] (needs a year).
fn complete(found: &Found) -> Option<PartialDate> {
    let year = found.year?;
    let date = if found.day == 0 {
        PartialDate::month(year, found.month)?
    } else {
        PartialDate::day(year, found.month, found.day)?
    };
    // A weekday that contradicts the date means the date is wrong.
    match (found.weekday, date.weekday()) {
        (Some(w), Some(actual)) if w != actual => None,
        _ => Some(date),
    }
}

/// Parses a date written in a metadata field (ISO 8601, RFC 2822, numeric,
/// French and English written forms, Unix timestamps).
pub fn parse_date_string(s: &str, english: bool) -> Option<PartialDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    // Unix timestamps in seconds or milliseconds.
    if s.bytes().all(|b| b.is_ascii_digit()) && (s.len() == 10 || s.len() == 13) {
        let secs: i64 = s.parse().ok()?;
        let secs = if s.len() == 13 { secs / 1000 } else { secs };
        return Some(PartialDate::from_unix_days(secs.div_euclid(86_400)))
            .filter(|d| d.year >= 1995);
    }
    let toks = tokenize(s);
    for i in 0..toks.len().min(12) {
        // Skip labels such as "le", "Published:", "Mis à jour le".
        if let Some(found) = date_at(&toks, i, english) {
            return complete(&found);
        }
    }
    // A bare year.
    match toks.as_slice() {
        [(_, Tok::Num(y, 4))] => PartialDate::year(*y as i32),
        _ => None,
    }
}

/// A date in a relative path: `2023-09-13`, `2023_09_13`, `20230913`, `2023/09/13`, `2023-09`.
pub fn date_from_path(rel_path: &str) -> Option<PartialDate> {
    let toks = tokenize(&rel_path.replace('_', "-"));
    let mut best: Option<PartialDate> = None;
    for i in 0..toks.len() {
        let Some((_, 4 | 8)) = num(toks.get(i)) else {
            continue;
        };
        // Digits glued to letters ("1ea358a33fb") are ids, not dates.
        let glued = |k: usize| {
            let (at, tok) = &toks[k];
            let end = at
                + match tok {
                    Tok::Num(_, len) => *len,
                    _ => 0,
                };
            let before = rel_path[..*at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric());
            let after = rel_path[end.min(rel_path.len())..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric());
            before || after
        };
        if glued(i) {
            continue;
        }
        let Some(found) = date_at(&toks, i, false) else {
            continue;
        };
        let last = i + found.len - 1;
        if last != i && glued(last) {
            continue;
        }
        let Some(date) = complete(&found).filter(|d| (1900..=2100).contains(&d.year)) else {
            continue;
        };
        // Prefer the most precise date in the path.
        if best.is_none_or(|b| date.precision() < b.precision()) {
            best = Some(date);
        }
    }
    best
}

/// Where in the text a date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextDateKind {
    /// A dateline: "PARIS, 14 septembre 2023 (AFP) -".
    Dateline,
    /// After a label: "date 2023-07", "Publié le …", "Published: …".
    Labelled,
    /// A full date written in the first lines.
    Written,
    /// A yearless date with a weekday; the year was inferred.
    WeekdayInferred,
}

const LABELS: &[&str] = &[
    "date",
    "publié",
    "publie",
    "published",
    "posted",
    "updated",
    "jour",
    "dated",
    "modifié",
    "créé",
];

fn is_label(word: Option<&str>) -> bool {
    word.is_some_and(|w| LABELS.contains(&w.trim_end_matches(':').to_lowercase().as_str()))
}

/// The latest year ≤ `not_after` in which `month`/`day` falls on `weekday`
/// (within 12 years), preferring `hint_year` when it matches.
fn infer_year(
    month: u8,
    day: u8,
    weekday: Option<u8>,
    not_after: PartialDate,
    hint_year: Option<i32>,
) -> Option<PartialDate> {
    let matches = |year: i32| {
        PartialDate::day(year, month, day)
            .filter(|d| d.starts_by(not_after) && weekday.is_none_or(|w| d.weekday() == Some(w)))
    };
    if let Some(date) = hint_year.and_then(matches) {
        return Some(date);
    }
    (not_after.year - 12..=not_after.year)
        .rev()
        .find_map(matches)
}

/// Finds the publication date in the first lines of an article.
pub fn date_from_text(text: &str, not_after: PartialDate) -> Option<(PartialDate, TextDateKind)> {
    // The head: the first 6 non-empty lines, at most 1500 bytes.
    let mut head_end = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        head_end += line.len();
        if !line.trim().is_empty() {
            lines += 1;
        }
        if lines >= 6 || head_end >= 1500 {
            break;
        }
    }
    let mut head_end = head_end.min(1500).min(text.len());
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    let english = is_english(head);
    let toks = tokenize(head);
    // Years written in the head ("Forum Krynica 2023") are evidence for yearless dates.
    let hint_year = toks.iter().find_map(|(_, t)| match t {
        Tok::Num(y, 4) => year_of(*y, 4).filter(|y| *y <= not_after.year && *y >= 1900),
        _ => None,
    });
    let mut best: Option<(u8, PartialDate, TextDateKind)> = None;
    let mut consider = |rank: u8, date: PartialDate, kind: TextDateKind| {
        if date.starts_by(not_after) && best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
            best = Some((rank, date, kind));
        }
    };
    let mut i = 0;
    while i < toks.len() {
        let Some(found) = date_at(&toks, i, english) else {
            i += 1;
            continue;
        };
        let back = |k: usize| i.checked_sub(k).and_then(|j| toks.get(j));
        let prev_sep = sep(back(1));
        // "date 2023-07", "Published: …", "Publié le …", "Mis à jour le …", "Posted on …".
        let linker = matches!(
            word(back(1)).map(str::to_lowercase).as_deref(),
            Some("le" | "on" | "the")
        );
        let labelled = is_label(word(back(1)))
            || (prev_sep == Some(':') && is_label(word(back(2))))
            || (linker && is_label(word(back(2))));
        // A dateline: an upper-case place name and a comma right before the date.
        let dateline = prev_sep == Some(',')
            && i >= 2
            && word(toks.get(i - 2))
                .is_some_and(|w| w.chars().count() >= 3 && w.chars().all(|c| !c.is_lowercase()));
        let line_start = toks[i].0 < 120;
        match complete(&found) {
            Some(date) => {
                let kind = if labelled {
                    TextDateKind::Labelled
                } else if dateline {
                    TextDateKind::Dateline
                } else {
                    TextDateKind::Written
                };
                let rank = match kind {
                    TextDateKind::Labelled | TextDateKind::Dateline => 0,
                    _ if line_start => 1,
                    _ => 2,
                };
                consider(
                    rank + u8::from(date.precision() != Precision::Day),
                    date,
                    kind,
                );
            }
            None if found.year.is_none() && found.day != 0 => {
                if found.weekday.is_some() {
                    if let Some(date) =
                        infer_year(found.month, found.day, found.weekday, not_after, hint_year)
                    {
                        consider(3, date, TextDateKind::WeekdayInferred);
                    }
                } else if dateline
                    && let Some(date) =
                        infer_year(found.month, found.day, None, not_after, hint_year)
                {
                    consider(2, date, TextDateKind::Dateline);
                }
            }
            None => {}
        }
        i += found.len.max(1);
    }
    best.map(|(_, date, kind)| (date, kind))
}

fn is_english(text: &str) -> bool {
    let (mut en, mut fr) = (0, 0);
    for w in text.split(|c: char| !c.is_alphabetic()).take(300) {
        match w {
            "the" | "of" | "and" | "said" | "on" | "in" => en += 1,
            "le" | "la" | "les" | "de" | "des" | "et" => fr += 1,
            _ => {}
        }
    }
    en > fr
}

/// Every full date (with a year) written in the text, in order, with its byte offset.
pub fn find_written_dates(text: &str) -> Vec<(usize, PartialDate)> {
    let english = is_english(text);
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match date_at(&toks, i, english) {
            Some(found) => {
                if let Some(date) = complete(&found) {
                    out.push((toks[i].0, date));
                }
                i += found.len.max(1);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse_iso(s).unwrap()
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(d("1970-01-01").first_day_unix_days(), 0);
        assert_eq!(PartialDate::from_unix_days(19_740), d("2024-01-18"));
        assert_eq!(d("2024-01-18").weekday(), Some(3)); // a Thursday
        assert_eq!(d("2024-02-29").weekday(), Some(3));
        assert!(PartialDate::day(2023, 2, 29).is_none());
        assert!(PartialDate::day(2024, 4, 31).is_none());
        assert!(PartialDate::day(2024, 13, 1).is_none());
        assert!(PartialDate::day(2024, 1, 0).is_none());
        assert_eq!(d("2023-07").to_iso(), "2023-07");
        assert_eq!(d("2023").precision(), Precision::Year);
    }

    #[test]
    fn metadata_strings() {
        let cases: &[(&str, bool, Option<&str>)] = &[
            ("2023-09-13T10:00:00+02:00", false, Some("2023-09-13")),
            ("2023-09-13 10:00", false, Some("2023-09-13")),
            ("2023-09", false, Some("2023-09")),
            ("2023", false, Some("2023")),
            ("20230913", false, Some("2023-09-13")),
            ("Wed, 13 Sep 2023 10:00:00 GMT", true, Some("2023-09-13")),
            ("13/09/2023", false, Some("2023-09-13")),
            ("13.09.2023", false, Some("2023-09-13")),
            ("2023/09/13", false, Some("2023-09-13")),
            ("09/13/2023", true, Some("2023-09-13")),
            ("03/04/2023", true, Some("2023-03-04")),
            ("03/04/2023", false, Some("2023-04-03")),
            ("September 13, 2023", true, Some("2023-09-13")),
            ("Sept. 5, 2023", true, Some("2023-09-05")),
            ("Sep 13 2023", true, Some("2023-09-13")),
            ("13 septembre 2023", false, Some("2023-09-13")),
            ("le 14 septembre 2023", false, Some("2023-09-14")),
            ("1er mars 2022", false, Some("2022-03-01")),
            ("mercredi 13 septembre 2023", false, Some("2023-09-13")),
            ("Publié le 3 févr. 2021 à 10h", false, Some("2021-02-03")),
            ("1694592000", false, Some("2023-09-13")),
            ("1694592000000", false, Some("2023-09-13")),
            ("2023-02-30", false, None),
            ("2023-13-01", false, None),
            ("31 avril 2023", false, None),
            ("mardi 13 septembre 2023", false, None), // 13 Sept. 2023 was a Wednesday
            ("not a date", false, None),
            ("", false, None),
        ];
        for (input, english, want) in cases {
            assert_eq!(
                parse_date_string(input, *english)
                    .map(|d| d.to_iso())
                    .as_deref(),
                *want,
                "{input}"
            );
        }
    }

    #[test]
    fn path_dates() {
        let cases = [
            ("2023-09-13-sommet.txt", Some("2023-09-13")),
            ("news/2023_09_13/a.html", Some("2023-09-13")),
            ("20230913_article.txt", Some("2023-09-13")),
            ("2023/09/13/story.html", Some("2023-09-13")),
            ("https://example.org/2019/05/12/title", Some("2019-05-12")),
            (
                "https://www.example.com/education/2020/oct/02/title",
                Some("2020-10-02"),
            ),
            ("archive/2023-09/a.txt", Some("2023-09")),
            ("000_1ea358a33fb87ced.txt", None),
            ("reut-00012345.json", None),
            ("1485102321.html", None),
            ("id20230913x.txt", None),
            ("2023-02-30.txt", None),
        ];
        for (path, want) in cases {
            assert_eq!(
                date_from_path(path).map(|d| d.to_iso()).as_deref(),
                want,
                "{path}"
            );
        }
    }

    #[test]
    fn text_dates() {
        let today = d("2026-11-24");
        let cases: &[(&str, Option<(&str, TextDateKind)>)] = &[
            (
                " date 2023-07 Photo : YONHAP News\n\nLes Etats-Unis accuse…",
                Some(("2023-07", TextDateKind::Labelled)),
            ),
            (
                "Titre\nJAKARTA - Les États-Unis…\nAutre ligne.\nEncore.\n« Citation », a déclaré le général Patrick Ryder, lors d’un point de presse rapporté par ANTARA depuis Yonhap, jeudi 18 janvier.\n",
                Some(("2024-01-18", TextDateKind::WeekdayInferred)),
            ),
            (
                "JAKARTA, 18 janv. (Reuters) - Texte",
                Some(("2026-01-18", TextDateKind::Dateline)),
            ),
            (
                "PARIS, 14 septembre 2023 (AFP) - Texte",
                Some(("2023-09-14", TextDateKind::Dateline)),
            ),
            (
                "WASHINGTON, Sept. 5 (Reuters) - Text",
                Some(("2026-09-05", TextDateKind::Dateline)),
            ),
            (
                "Titre\nLe sommet s'est tenu le 14 septembre 2023 à Paris.",
                Some(("2023-09-14", TextDateKind::Written)),
            ),
            (
                "Title\nPublished: Sept. 5, 2023\nText",
                Some(("2023-09-05", TextDateKind::Labelled)),
            ),
            (
                "Mis à jour le 03/10/2022 à 10:15",
                Some(("2022-10-03", TextDateKind::Labelled)),
            ),
            (
                "Thursday, January 18 — the meeting",
                Some(("2024-01-18", TextDateKind::WeekdayInferred)),
            ),
            ("JAKARTA - Les États-Unis mettent en garde", None),
            ("La rencontre du 13 septembre", None),
            ("Forum Krynica 2023", None),
            ("Le 14 septembre 2030 aura lieu…", None), // future
            ("", None),
        ];
        for (text, want) in cases {
            let got = date_from_text(text, today).map(|(d, k)| (d.to_iso(), k));
            assert_eq!(got, want.map(|(s, k)| (s.to_owned(), k)), "{text}");
        }
        // Seed 001 must not be dated after its file time either.
        let in_2025 = d("2025-03-01");
        assert_eq!(
            date_from_text("jeudi 18 janvier", in_2025)
                .map(|(d, _)| d.to_iso())
                .as_deref(),
            Some("2024-01-18")
        );
        // A year written elsewhere in the head is preferred when the weekday fits.
        assert_eq!(
            date_from_text("Forum 2018. Le jeudi 18 janvier, il a parlé.", today)
                .map(|(d, _)| d.to_iso())
                .as_deref(),
            Some("2018-01-18")
        );
    }

    #[test]
    fn never_panics() {
        for s in [
            "",
            "«»",
            "12345678901234567890",
            "é1é2é3",
            "2023-",
            "-2023-09-",
            "Sept.",
            "jeudi",
            "31/02/2023",
            "0000-00-00",
            "9999-99-99",
            "1er",
            "\u{0}\u{ffff}",
        ] {
            let _ = parse_date_string(s, true);
            let _ = parse_date_string(s, false);
            let _ = date_from_path(s);
            let _ = date_from_text(s, d("2026-11-24"));
            let _ = find_written_dates(s);
        }
    }
}
