//! The timeline: events, alliance periods and dated facts in date order,
//! grouped by year. A date without a year goes to its own "year unknown"
//! group, never into a guessed year.

use crate::model::{Dataset, Kind, When};

/// One dated line: which of an entity's dates or dated facts it is, its
/// texts read from the dataset (a million entities make hundreds of
/// thousands of lines, and copies of their texts were a tenth of the
/// explorer's memory there).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub when: When,
    pub entity: usize,
    item: Item,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    /// Its place among the entity's dates.
    Date(u32),
    /// Its place among the entity's facts.
    Fact(u32),
}

impl Entry {
    /// The date's label ("held", "period") or the fact's label.
    pub fn label<'d>(&self, ds: &'d Dataset) -> &'d str {
        let e = ds.entity(self.entity);
        match self.item {
            Item::Date(i) => &e.dates[i as usize].label,
            Item::Fact(i) => &e.facts[i as usize].label,
        }
    }

    /// The fact's value, for dated facts.
    pub fn value<'d>(&self, ds: &'d Dataset) -> Option<&'d str> {
        match self.item {
            Item::Date(_) => None,
            Item::Fact(i) => Some(&ds.entity(self.entity).facts[i as usize].value),
        }
    }

    pub fn note<'d>(&self, ds: &'d Dataset) -> Option<&'d str> {
        let e = ds.entity(self.entity);
        match self.item {
            Item::Date(i) => e.dates[i as usize].note.as_deref(),
            Item::Fact(i) => e.facts[i as usize].note.as_deref(),
        }
    }
}

/// A year's entries; `year` is None for dates whose year is unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    pub year: Option<i32>,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, Default)]
pub struct TimelineFilter {
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub kind: Option<Kind>,
}

impl TimelineFilter {
    /// Whether a date falls in the year range; undated-year entries only pass an open range.
    fn admits(&self, when: &When) -> bool {
        let (start, end) = (
            when.start.year(),
            when.end.and_then(|d| d.year()).or(when.start.year()),
        );
        match (start, end) {
            (Some(a), Some(b)) => {
                self.from.is_none_or(|f| b >= f) && self.to.is_none_or(|t| a <= t)
            }
            _ => self.from.is_none() && self.to.is_none(),
        }
    }
}

/// Every dated item matching the filter, grouped by (start) year, in date order.
pub fn build(ds: &Dataset, filter: &TimelineFilter) -> Vec<Year> {
    let mut entries = Vec::new();
    for (i, e) in ds.entities.iter().enumerate() {
        if filter.kind.is_some_and(|k| k != e.kind) {
            continue;
        }
        for (n, d) in e.dates.iter().enumerate() {
            entries.push(Entry {
                when: d.when,
                entity: i,
                item: Item::Date(n as u32),
            });
        }
        for (n, f) in e.facts.iter().enumerate() {
            if let Some(when) = f.when {
                entries.push(Entry {
                    when,
                    entity: i,
                    item: Item::Fact(n as u32),
                });
            }
        }
    }
    entries.retain(|e| filter.admits(&e.when));
    entries.sort_by(|a, b| {
        a.when
            .chrono_cmp(&b.when)
            .then_with(|| ds.entity(a.entity).name.cmp(&ds.entity(b.entity).name))
            .then_with(|| a.label(ds).cmp(b.label(ds)))
    });
    let mut years: Vec<Year> = Vec::new();
    for e in entries {
        let y = e.when.start.year();
        match years.last_mut() {
            Some(last) if last.year == y => last.entries.push(e),
            _ => years.push(Year {
                year: y,
                entries: vec![e],
            }),
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DataSource, load};

    fn ds() -> Dataset {
        load(&DataSource::Builtin, crate::data::DEFAULT_MAX_BYTES)
            .expect("built-in")
            .dataset
    }

    #[test]
    fn years_come_in_order_and_the_unknown_year_comes_last() {
        let d = ds();
        let years = build(&d, &TimelineFilter::default());
        let keys: Vec<Option<i32>> = years.iter().map(|y| y.year).collect();
        let mut sorted = keys.clone();
        sorted.sort_by_key(|y| (y.is_none(), *y));
        assert_eq!(keys, sorted);
        let unknown = years.last().expect("some");
        assert_eq!(unknown.year, None);
        assert!(
            unknown
                .entries
                .iter()
                .any(|e| &*d.entity(e.entity).id == "health2care_final_conference")
        );
    }

    #[test]
    fn a_year_range_keeps_what_overlaps_it_and_drops_yearless_dates() {
        let d = ds();
        let years = build(
            &d,
            &TimelineFilter {
                from: Some(2015),
                to: Some(2015),
                kind: None,
            },
        );
        let ids: Vec<&str> = years
            .iter()
            .flat_map(|y| &y.entries)
            .map(|e| d.entity(e.entity).id.as_ref())
            .collect();
        assert!(ids.contains(&"medica_2015") && ids.contains(&"innovation_vouchers_call_2015"));
        assert!(
            !ids.contains(&"bioxclusters_plus"),
            "2016-2018 does not touch 2015"
        );
        assert!(!ids.contains(&"health2care_final_conference"));
    }
}
