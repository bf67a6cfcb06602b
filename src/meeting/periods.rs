//! The period chart: one row per entity with a dated year, its periods as
//! bars (an end not given stays open) and its single dates as points, on a
//! year axis that reaches today's year. Dates with no year are listed apart
//! as "dates unknown", never placed on a guessed year. Pure: the rows, the
//! scale and the axis ticks; the UI and `timeline --chart` draw them.

use crate::model::{Dataset, Kind, PartialDate, When};

/// How one date shows on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A single date, or a range inside one year.
    Point(i32),
    /// A range over several years, both ends known.
    Span(i32, i32),
    /// Begun that year, its end not given (`2013/..`).
    Open(i32),
    /// Begun that year, ended on a day whose year is unknown.
    EndUnknown(i32),
    /// Ended that year, begun on a day whose year is unknown.
    StartUnknown(i32),
}

impl Mark {
    /// How a date shows, or None when no year of it is known.
    pub fn of(when: &When) -> Option<Mark> {
        let start = when.start.year();
        let end = when.end.map(PartialDate::year);
        Some(match (start, end) {
            (Some(a), _) if when.open_end => Mark::Open(a),
            (Some(a), None) => Mark::Point(a),
            (Some(a), Some(Some(b))) if a == b => Mark::Point(a),
            (Some(a), Some(Some(b))) => Mark::Span(a, b),
            (Some(a), Some(None)) => Mark::EndUnknown(a),
            (None, Some(Some(b))) => Mark::StartUnknown(b),
            (None, _) => return None,
        })
    }

    /// The years the mark needs on the axis.
    fn years(self) -> (i32, i32) {
        match self {
            Mark::Point(a) | Mark::Open(a) | Mark::EndUnknown(a) | Mark::StartUnknown(a) => (a, a),
            Mark::Span(a, b) => (a, b),
        }
    }
}

/// One entity's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodRow {
    pub entity: usize,
    pub marks: Vec<Mark>,
    /// The first and last years of its marks.
    pub years: (i32, i32),
}

/// A row's dates as they read ("2016–2018", "held 23 September 2014"), made
/// when the row is drawn: a chart of many rows shows few at a time.
pub fn caption(ds: &Dataset, row: &PeriodRow) -> String {
    let dates = ds.entity(row.entity).dates.iter();
    let dated: Vec<String> = dates
        .filter(|d| Mark::of(&d.when).is_some())
        .map(|d| reading(&d.label, &d.when))
        .collect();
    dated.join("; ")
}

/// A date no year of which is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undated {
    pub entity: usize,
    /// "held 31 March (year unknown)".
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodChart {
    /// By first year, then last year, then name.
    pub rows: Vec<PeriodRow>,
    pub undated: Vec<Undated>,
    /// The axis: every marked year and today's.
    pub first: i32,
    pub last: i32,
    pub today: i32,
}

/// "2016–2018" for a period, "held 2014" for other labels.
fn reading(label: &str, when: &When) -> String {
    if label == "period" {
        when.to_string()
    } else {
        format!("{label} {when}")
    }
}

/// The chart of every entity's dates (of one kind, if given); `today` is the
/// year marked as now.
pub fn build(ds: &Dataset, today: i32, kind: Option<Kind>) -> PeriodChart {
    let mut rows = Vec::new();
    let mut undated = Vec::new();
    let (mut first, mut last) = (today, today);
    for (i, e) in ds.entities.iter().enumerate() {
        if kind.is_some_and(|k| k != e.kind) {
            continue;
        }
        if e.dates.is_empty() {
            continue;
        }
        let mut marks = Vec::new();
        let mut years = (i32::MAX, i32::MIN);
        for d in &e.dates {
            match Mark::of(&d.when) {
                Some(m) => {
                    let (a, b) = m.years();
                    years = (years.0.min(a), years.1.max(b));
                    marks.push(m);
                }
                None => undated.push(Undated {
                    entity: i,
                    text: reading(&d.label, &d.when),
                }),
            }
        }
        if !marks.is_empty() {
            (first, last) = (first.min(years.0), last.max(years.1));
            rows.push(PeriodRow {
                entity: i,
                marks,
                years,
            });
        }
    }
    rows.sort_unstable_by(|x, y| {
        (x.years, &ds.entity(x.entity).name, x.entity).cmp(&(
            y.years,
            &ds.entity(y.entity).name,
            y.entity,
        ))
    });
    PeriodChart {
        rows,
        undated,
        first,
        last,
        today,
    }
}

/// One line of the chart's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Row(usize),
    Blank,
    Heading,
    Undated(usize),
}

/// The body's lines in order: the rows, then a blank line, the heading and
/// the undated entries (when there are any).
pub fn body_len(chart: &PeriodChart) -> usize {
    let (rows, undated) = (chart.rows.len(), chart.undated.len());
    if undated == 0 {
        rows
    } else {
        rows + usize::from(rows > 0) + 1 + undated
    }
}

pub fn body_line(chart: &PeriodChart, i: usize) -> Body {
    let rows = chart.rows.len();
    let gap = usize::from(rows > 0);
    match i {
        _ if i < rows => Body::Row(i),
        _ if i < rows + gap => Body::Blank,
        _ if i == rows + gap => Body::Heading,
        _ => Body::Undated(i - rows - gap - 1),
    }
}

/// The body line of a selection (over the rows, then the undated entries).
pub fn line_of(chart: &PeriodChart, selected: usize) -> usize {
    let rows = chart.rows.len();
    if selected < rows {
        selected
    } else {
        rows + usize::from(rows > 0) + 1 + (selected - rows)
    }
}

/// Years to columns over a chart `width` cells wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub first: i32,
    pub last: i32,
    pub width: u16,
}

impl Scale {
    fn years(&self) -> i64 {
        i64::from(self.last) - i64::from(self.first) + 1
    }

    fn edge(&self, y: i32) -> u16 {
        let off = (i64::from(y) - i64::from(self.first)).clamp(0, self.years());
        (off * i64::from(self.width) / self.years().max(1)) as u16
    }

    /// The columns year `y` covers, `[start, end)`: at least one.
    pub fn span(&self, y: i32) -> (u16, u16) {
        let a = self.edge(y).min(self.width.saturating_sub(1));
        (a, self.edge(y.saturating_add(1)).max(a + 1))
    }

    /// The axis's labelled years and their columns: round years, spaced so no
    /// two labels touch.
    pub fn ticks(&self) -> Vec<(u16, i32)> {
        let per_year = f64::from(self.width) / self.years().max(1) as f64;
        let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10_000]
            .into_iter()
            .find(|&s| f64::from(s) * per_year >= 5.0)
            .unwrap_or(100_000);
        let mut ticks: Vec<(u16, i32)> = Vec::new();
        let start = self.first.div_euclid(step) * step;
        let mut y = if start < self.first {
            start + step
        } else {
            start
        };
        while y <= self.last {
            let x = self.span(y).0.min(self.width.saturating_sub(4));
            if ticks.last().is_none_or(|&(px, _)| x >= px + 5) {
                ticks.push((x, y));
            }
            y += step;
        }
        if ticks.is_empty() && self.width >= 4 {
            ticks.push((0, self.first));
        }
        ticks
    }
}

/// The calendar year of a count of days since 1970-01-01 (the proleptic
/// Gregorian calendar, as civil dates are counted).
pub fn year_of_days(days: i64) -> i32 {
    // Howard Hinnant's civil-from-days, kept to the year.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
#[path = "periods_tests.rs"]
mod tests;
