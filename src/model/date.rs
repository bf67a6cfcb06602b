//! Honest dates: sources give full dates, months, bare years, and days whose year
//! they never state. Each form is kept as given, never widened into a guess.

use std::cmp::Ordering;
use std::fmt;

/// A date as precise as its source, and no more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PartialDate {
    Full {
        year: i32,
        month: u8,
        day: u8,
    },
    YearMonth {
        year: i32,
        month: u8,
    },
    Year(i32),
    /// A day the source gives without its year ("the 31st of March").
    MonthDay {
        month: u8,
        day: u8,
    },
}

/// A single date, a range between two dates ("2016/2018"), or a period whose
/// end no source gives ("2013/..").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct When {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// Written `START/..`: the period began and its end is not given. Nothing
    /// is assumed about when (or whether) it ended.
    pub open_end: bool,
}

/// Why a date string was refused; the message names the bad part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("{0:?} is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD, or START/END")]
    Syntax(String),
    #[error("month {month} does not exist in {text:?}")]
    Month { text: String, month: u32 },
    #[error("day {day} does not exist in month {month} of {text:?}")]
    Day { text: String, month: u32, day: u32 },
    #[error("range {0:?} ends before it starts")]
    Backwards(String),
}

const MONTHS: [&str; 12] = [
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

pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number(part: &str, len: std::ops::RangeInclusive<usize>, whole: &str) -> Result<u32, DateError> {
    if !len.contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Syntax(whole.to_string()));
    }
    part.parse()
        .map_err(|_| DateError::Syntax(whole.to_string()))
}

fn check_month(month: u32, whole: &str) -> Result<u8, DateError> {
    if (1..=12).contains(&month) {
        Ok(month as u8)
    } else {
        Err(DateError::Month {
            text: whole.to_string(),
            month,
        })
    }
}

fn check_day(year: Option<i32>, month: u32, day: u32, whole: &str) -> Result<u8, DateError> {
    if day >= 1 && day <= days_in_month(year, month) {
        Ok(day as u8)
    } else {
        Err(DateError::Day {
            text: whole.to_string(),
            month,
            day,
        })
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `--MM-DD` (ISO 8601's form for a day without a year).
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let t = text.trim();
        if let Some(rest) = t.strip_prefix("--") {
            let (m, d) = rest
                .split_once('-')
                .ok_or_else(|| DateError::Syntax(t.to_string()))?;
            let month = check_month(number(m, 2..=2, t)?, t)?;
            let day = check_day(None, u32::from(month), number(d, 2..=2, t)?, t)?;
            return Ok(PartialDate::MonthDay { month, day });
        }
        let parts: Vec<&str> = t.split('-').collect();
        let year = number(parts[0], 4..=4, t)? as i32;
        match parts.len() {
            1 => Ok(PartialDate::Year(year)),
            2 => Ok(PartialDate::YearMonth {
                year,
                month: check_month(number(parts[1], 2..=2, t)?, t)?,
            }),
            3 => {
                let month = check_month(number(parts[1], 2..=2, t)?, t)?;
                let day = check_day(Some(year), u32::from(month), number(parts[2], 2..=2, t)?, t)?;
                Ok(PartialDate::Full { year, month, day })
            }
            _ => Err(DateError::Syntax(t.to_string())),
        }
    }

    pub fn year(self) -> Option<i32> {
        match self {
            PartialDate::Full { year, .. } | PartialDate::YearMonth { year, .. } => Some(year),
            PartialDate::Year(year) => Some(year),
            PartialDate::MonthDay { .. } => None,
        }
    }

    /// The earliest (year, month, day) the date can mean; unknown parts count as lowest.
    pub fn earliest(self) -> (Option<i32>, u8, u8) {
        match self {
            PartialDate::Full { year, month, day } => (Some(year), month, day),
            PartialDate::YearMonth { year, month } => (Some(year), month, 1),
            PartialDate::Year(year) => (Some(year), 1, 1),
            PartialDate::MonthDay { month, day } => (None, month, day),
        }
    }

    /// The latest (year, month, day) the date can mean.
    pub fn latest(self) -> (Option<i32>, u8, u8) {
        match self {
            PartialDate::Full { year, month, day } => (Some(year), month, day),
            PartialDate::YearMonth { year, month } => (Some(year), month, 31),
            PartialDate::Year(year) => (Some(year), 12, 31),
            PartialDate::MonthDay { month, day } => (None, month, day),
        }
    }

    /// The ISO form the file uses, for JSON and exports.
    pub fn iso(self) -> String {
        match self {
            PartialDate::Full { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
            PartialDate::YearMonth { year, month } => format!("{year:04}-{month:02}"),
            PartialDate::Year(year) => format!("{year:04}"),
            PartialDate::MonthDay { month, day } => format!("--{month:02}-{day:02}"),
        }
    }
}

impl fmt::Display for PartialDate {
    /// Reads as people write dates; a missing year is said, not hidden.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Full { year, month, day } => {
                write!(f, "{day} {} {year}", month_name(month))
            }
            PartialDate::YearMonth { year, month } => write!(f, "{} {year}", month_name(month)),
            PartialDate::Year(year) => write!(f, "{year}"),
            PartialDate::MonthDay { month, day } => {
                write!(f, "{day} {} (year unknown)", month_name(month))
            }
        }
    }
}

impl When {
    /// Parses a date, a range `START/END` (also `START..END`), or an open
    /// period `START/..` (ISO 8601-2's form for an end not given).
    pub fn parse(text: &str) -> Result<When, DateError> {
        let t = text.trim();
        let split = t.split_once('/').or_else(|| t.split_once(".."));
        let Some((a, b)) = split else {
            return Ok(When {
                start: PartialDate::parse(t)?,
                end: None,
                open_end: false,
            });
        };
        let start = PartialDate::parse(a)?;
        if b.trim() == ".." {
            return Ok(When {
                start,
                end: None,
                open_end: true,
            });
        }
        let end = PartialDate::parse(b)?;
        let backwards = match (start.year(), end.year()) {
            (Some(_), Some(_)) | (None, None) => end.latest() < start.earliest(),
            _ => false,
        };
        if backwards {
            return Err(DateError::Backwards(t.to_string()));
        }
        Ok(When {
            start,
            end: Some(end),
            open_end: false,
        })
    }

    /// Years this date touches, for `year:2015` scopes and timeline grouping.
    /// An open period covers only its start year: later years would be a guess.
    pub fn covers_year(&self, year: i32) -> bool {
        match (self.start.year(), self.end.and_then(PartialDate::year)) {
            (Some(a), Some(b)) => (a..=b).contains(&year),
            (Some(a), None) => a == year,
            (None, Some(b)) => b == year,
            (None, None) => false,
        }
    }

    pub fn iso(&self) -> String {
        match self.end {
            Some(end) => format!("{}/{}", self.start.iso(), end.iso()),
            None if self.open_end => format!("{}/..", self.start.iso()),
            None => self.start.iso(),
        }
    }

    /// Chronological order; a date with no year sorts after every dated one.
    pub fn chrono_cmp(&self, other: &When) -> Ordering {
        let key = |w: &When| {
            let (y, m, d) = w.start.earliest();
            (y.is_none(), y, m, d)
        };
        key(self).cmp(&key(other))
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            None if self.open_end => match self.start {
                PartialDate::Year(a) => write!(f, "{a}–"),
                a => write!(f, "{a} –"),
            },
            None => write!(f, "{}", self.start),
            Some(end) => match (self.start, end) {
                (PartialDate::Year(a), PartialDate::Year(b)) => write!(f, "{a}–{b}"),
                (a, b) => write!(f, "{a} – {b}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_precision_parses_and_reads_naturally() {
        assert_eq!(
            When::parse("2014-09-23").unwrap().to_string(),
            "23 September 2014"
        );
        assert_eq!(When::parse("2015-06").unwrap().to_string(), "June 2015");
        assert_eq!(When::parse("2017").unwrap().to_string(), "2017");
        assert_eq!(
            When::parse("--03-31").unwrap().to_string(),
            "31 March (year unknown)"
        );
        assert_eq!(When::parse("2016/2018").unwrap().to_string(), "2016–2018");
    }

    #[test]
    fn impossible_dates_are_refused_with_the_bad_part_named() {
        assert!(matches!(
            PartialDate::parse("2015-02-30"),
            Err(DateError::Day { day: 30, .. })
        ));
        assert!(matches!(
            PartialDate::parse("2015-13"),
            Err(DateError::Month { month: 13, .. })
        ));
        assert!(PartialDate::parse("2016-02-29").is_ok());
        assert!(PartialDate::parse("2015-02-29").is_err());
        assert!(PartialDate::parse("--02-29").is_ok());
        assert!(matches!(
            PartialDate::parse("March 2015"),
            Err(DateError::Syntax(_))
        ));
        assert!(matches!(
            PartialDate::parse("20155"),
            Err(DateError::Syntax(_))
        ));
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_refused() {
        assert!(matches!(
            When::parse("2018/2016"),
            Err(DateError::Backwards(_))
        ));
        assert!(When::parse("2016-05/2016").is_ok());
    }

    #[test]
    fn an_open_period_reads_open_and_keeps_its_form() {
        let w = When::parse("2013/..").unwrap();
        assert!(w.open_end && w.end.is_none());
        assert_eq!(w.to_string(), "2013–");
        assert_eq!(w.iso(), "2013/..");
        assert_eq!(
            When::parse("2014-09/..").unwrap().to_string(),
            "September 2014 –"
        );
        assert!(
            w.covers_year(2013) && !w.covers_year(2014),
            "no later year is assumed"
        );
        assert!(matches!(When::parse("../2013"), Err(DateError::Syntax(_))));
        assert!(!When::parse("2013/2018").unwrap().open_end);
    }

    #[test]
    fn ranges_cover_every_year_inside_them() {
        let w = When::parse("2016/2018").unwrap();
        assert!(w.covers_year(2017));
        assert!(!w.covers_year(2019));
        assert!(!When::parse("--03-31").unwrap().covers_year(2016));
    }

    #[test]
    fn undated_days_sort_after_dated_ones() {
        let mut v = [
            When::parse("--03-31").unwrap(),
            When::parse("2015").unwrap(),
            When::parse("2014-09-23").unwrap(),
        ];
        v.sort_by(When::chrono_cmp);
        assert_eq!(v.map(|w| w.iso()), ["2014-09-23", "2015", "--03-31"]);
    }
}
