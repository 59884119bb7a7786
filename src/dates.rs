//! Dates as editors write them (`2024-11-22` or RFC 3339) and as readers see them
//! ("22 November 2024", with Indonesian month names on Indonesian pages).
//!
//! The site's clock is Asia/Jakarta (WIB, UTC+7, no daylight saving): a date without a time is
//! midnight WIB, and "today" — which decides whether a dated page is published yet — is today
//! in Jakarta. `WARTA_TODAY=YYYY-MM-DD` pins it, for reproducible builds and tests.

use std::fmt;

use jiff::civil;

use crate::i18n::{Lang, Message};
use crate::msg;

/// Jakarta's offset from UTC in seconds.
const WIB_OFFSET_SECONDS: i32 = 7 * 3600;

/// A calendar date with the exact instant when one was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    date: civil::Date,
    /// Seconds since the Unix epoch, when a time was given.
    instant: Option<i64>,
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Shape,
    NoSuchDay,
    BadTime,
}

impl DateError {
    /// Why the date cannot be read, as the end of a sentence that names the date ("`date`
    /// must be YYYY-MM-DD …"), in the editor's language.
    pub fn message(&self) -> Message {
        match self {
            DateError::Shape => msg!("search-date-shape"),
            DateError::NoSuchDay => msg!("search-date-no-such-day"),
            DateError::BadTime => msg!("search-date-bad-time"),
        }
    }
}

/// In English, for callers that build their message from text.
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl Date {
    /// Reads `2024-11-22`, or `2024-11-22T09:30:00+07:00` (RFC 3339).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        let bytes = text.as_bytes();
        let shaped = bytes.len() >= 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && [0, 1, 2, 3, 5, 6, 8, 9]
                .iter()
                .all(|&i| bytes[i].is_ascii_digit());
        if !shaped {
            return Err(DateError::Shape);
        }
        let num = |r: std::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<i16>().ok());
        let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(DateError::Shape);
        };
        let m = i8::try_from(m).map_err(|_| DateError::NoSuchDay)?;
        let d = i8::try_from(d).map_err(|_| DateError::NoSuchDay)?;
        let date = civil::Date::new(y, m, d).map_err(|_| DateError::NoSuchDay)?;
        if bytes.len() == 10 {
            return Ok(Date {
                date,
                instant: None,
            });
        }
        if !matches!(bytes[10], b'T' | b't' | b' ') {
            return Err(DateError::Shape);
        }
        let normalized = format!("{}T{}", &text[..10], &text[11..]);
        let ts: jiff::Timestamp = normalized.parse().map_err(|_| DateError::BadTime)?;
        Ok(Date {
            date,
            instant: Some(ts.as_second()),
        })
    }

    /// The date an editor most likely meant, as `YYYY-MM-DD`: `22-11-2024`, `22/11/2024`,
    /// `22.11.2024`, `2024/11/22`, `2024-1-5`, `22 November 2024`, `22 Nov 2024`,
    /// `November 22, 2024` (Indonesian or English month names).
    pub fn suggest(value: &str) -> Option<String> {
        let value = value.trim().trim_end_matches(['.', ',']);
        // A valid date with a time that is not RFC 3339 (`2024-11-22 09:30`): the time in
        // Jakarta, written out.
        if let (Some(day), Some(time)) = (value.get(..10), value.get(11..))
            && let Ok(date) = Date::parse(day)
        {
            let parts: Vec<u8> = time
                .trim()
                .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .split([':', '.'])
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            return match parts.as_slice() {
                [h, m] | [h, m, 0] if *h < 24 && *m < 60 => {
                    Some(format!("{}T{h:02}:{m:02}:00+07:00", date.iso()))
                }
                [h, m, s] if *h < 24 && *m < 60 && *s < 60 => {
                    Some(format!("{}T{h:02}:{m:02}:{s:02}+07:00", date.iso()))
                }
                _ => None,
            };
        }
        let parts: Vec<&str> = value
            .split(['-', '/', '.', ' ', ','])
            .filter(|p| !p.is_empty())
            .collect();
        let num = |s: &str| s.parse::<i16>().ok();
        let (y, m, d) = match parts.as_slice() {
            [a, b, c] if a.len() == 4 => (num(a)?, month(b)?, num(c)?),
            [a, b, c] if c.len() == 4 => match (month(a), month(b)) {
                // `November 22, 2024`
                (Some(m), _) if a.parse::<i16>().is_err() => (num(c)?, m, num(b)?),
                (_, Some(m)) => (num(c)?, m, num(a)?),
                _ => return None,
            },
            _ => return None,
        };
        let date = Date::from_ymd(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)?;
        Some(date.iso())
    }

    pub fn from_ymd(y: i16, m: i8, d: i8) -> Option<Date> {
        civil::Date::new(y, m, d).ok().map(|date| Date {
            date,
            instant: None,
        })
    }

    /// Today in Jakarta, or `WARTA_TODAY` when set.
    pub fn today() -> Date {
        if let Ok(pinned) = std::env::var("WARTA_TODAY")
            && let Ok(d) = Date::parse(&pinned)
        {
            return d;
        }
        let offset =
            jiff::tz::Offset::from_seconds(WIB_OFFSET_SECONDS).unwrap_or(jiff::tz::Offset::UTC);
        let date = jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::fixed(offset))
            .date();
        Date {
            date,
            instant: None,
        }
    }

    /// The calendar day, ignoring the time.
    pub fn day(&self) -> civil::Date {
        self.date
    }

    /// `2024-11-22`.
    pub fn iso(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.date.year(),
            self.date.month(),
            self.date.day()
        )
    }

    /// RFC 3339, for feeds: the given instant in UTC, or midnight WIB.
    pub fn rfc3339(&self) -> String {
        match self
            .instant
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
        {
            Some(ts) => ts.to_string(),
            None => format!("{}T00:00:00+07:00", self.iso()),
        }
    }

    /// "22 November 2024" in `lang` (Indonesian month names for `id`, English otherwise).
    pub fn display(&self, lang: &str) -> String {
        let months = if lang == "id" { &MONTHS_ID } else { &MONTHS_EN };
        let month = months[usize::try_from(self.date.month() - 1).unwrap_or(0)];
        format!("{} {} {}", self.date.day(), month, self.date.year())
    }

    /// Sort key: the instant when known, else midnight WIB of the day.
    pub fn sort_key(&self) -> (civil::Date, i64) {
        (self.date, self.instant.unwrap_or(i64::MIN))
    }
}

/// A month as a number, `11`, or a name in Indonesian or English, `November`, `Nov`, `Agt`.
fn month(text: &str) -> Option<i16> {
    if let Ok(n) = text.parse::<i16>() {
        return Some(n);
    }
    let t = text.to_lowercase();
    const NAMES: [&[&str]; 12] = [
        &["januari", "january", "jan"],
        &["februari", "february", "feb", "pebruari"],
        &["maret", "march", "mar"],
        &["april", "apr"],
        &["mei", "may"],
        &["juni", "june", "jun"],
        &["juli", "july", "jul"],
        &["agustus", "august", "agu", "agt", "aug", "agus"],
        &["september", "sep", "sept"],
        &["oktober", "october", "okt", "oct"],
        &["november", "nov", "nop", "nopember"],
        &["desember", "december", "des", "dec"],
    ];
    NAMES
        .iter()
        .zip(1..)
        .find(|(names, _)| names.contains(&t.as_str()))
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_and_english_month_names() {
        let d = Date::parse("2024-11-22").ok();
        assert_eq!(
            d.map(|d| d.display("id")).as_deref(),
            Some("22 November 2024")
        );
        let d = Date::parse("2025-08-17").ok();
        assert_eq!(
            d.map(|d| d.display("id")).as_deref(),
            Some("17 Agustus 2025")
        );
        assert_eq!(
            d.map(|d| d.display("en")).as_deref(),
            Some("17 August 2025")
        );
        let all: Vec<String> = (1..=12)
            .filter_map(|m| Date::from_ymd(2024, m, 1))
            .map(|d| d.display("id"))
            .collect();
        assert_eq!(all[1], "1 Februari 2024");
        assert_eq!(all[2], "1 Maret 2024");
        assert_eq!(all[4], "1 Mei 2024");
        assert_eq!(all[5], "1 Juni 2024");
        assert_eq!(all[6], "1 Juli 2024");
        assert_eq!(all[9], "1 Oktober 2024");
        assert_eq!(all[11], "1 Desember 2024");
    }

    #[test]
    fn rejects_impossible_and_misshapen_dates() {
        assert_eq!(Date::parse("2024-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("22-11-2024"), Err(DateError::Shape));
        assert_eq!(
            Date::parse("2024-11-22T25:00:00+07:00"),
            Err(DateError::BadTime)
        );
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn rfc3339_keeps_the_instant() {
        let d = Date::parse("2024-11-22T09:30:00+07:00").ok();
        assert_eq!(
            d.map(|d| d.rfc3339()).as_deref(),
            Some("2024-11-22T02:30:00Z")
        );
        let d = Date::parse("2024-11-22").ok();
        assert_eq!(
            d.map(|d| d.rfc3339()).as_deref(),
            Some("2024-11-22T00:00:00+07:00")
        );
    }

    #[test]
    fn dates_as_editors_write_them_are_suggested() {
        for (written, want) in [
            ("22-11-2024", Some("2024-11-22")),
            ("22/11/2024", Some("2024-11-22")),
            ("2024/11/22", Some("2024-11-22")),
            ("2024-1-5", Some("2024-01-05")),
            ("22 November 2024", Some("2024-11-22")),
            ("1 Agustus 2025", Some("2025-08-01")),
            ("22 Nov 2024", Some("2024-11-22")),
            ("November 22, 2024", Some("2024-11-22")),
            ("31 Februari 2024", None),
            ("kemarin", None),
            ("2024-11-22 09:30", Some("2024-11-22T09:30:00+07:00")),
            ("2024-11-22T9.30 WIB", Some("2024-11-22T09:30:00+07:00")),
            ("2024-11-22 09:30:15", Some("2024-11-22T09:30:15+07:00")),
            ("2024-11-22 25:00", None),
        ] {
            assert_eq!(Date::suggest(written).as_deref(), want, "{written}");
        }
    }
}
