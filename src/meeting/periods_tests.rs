//! The period chart's rows, marks and scale: what is drawn, where, and what
//! is kept apart because its year is unknown.

use super::*;
use crate::load::{DataSource, load};
use crate::model::{DateEntry, Entity};

fn when(s: &str) -> When {
    When::parse(s).expect("date")
}

#[test]
fn each_date_form_shows_as_what_is_known_and_no_more() {
    assert_eq!(Mark::of(&when("2016/2018")), Some(Mark::Span(2016, 2018)));
    assert_eq!(Mark::of(&when("2013/..")), Some(Mark::Open(2013)));
    assert_eq!(
        Mark::of(&when("2014-11-13/2014-11-14")),
        Some(Mark::Point(2014))
    );
    assert_eq!(
        Mark::of(&when("2014/--03-31")),
        Some(Mark::EndUnknown(2014))
    );
    assert_eq!(
        Mark::of(&when("--03-31/2015")),
        Some(Mark::StartUnknown(2015))
    );
    assert_eq!(Mark::of(&when("--03-31")), None);
}

fn dated(rows: &[(&str, &[&str])]) -> Dataset {
    let entities = rows
        .iter()
        .map(|(name, dates)| {
            let mut e = Entity::new(&name.to_lowercase(), Kind::Alliance, name);
            e.dates = dates
                .iter()
                .map(|d| DateEntry {
                    label: "period".into(),
                    when: when(d),
                    note: None,
                    sources: vec![],
                })
                .collect();
            e
        })
        .collect();
    Dataset::new(String::new(), vec![], entities, vec![])
}

#[test]
fn rows_go_by_first_year_and_yearless_dates_are_listed_apart() {
    let ds = dated(&[
        ("Plus", &["2016/2018"]),
        ("Clara", &["2013/.."]),
        ("Never", &[]),
        ("Lost", &["--03-31"]),
        ("First", &["2012/2014"]),
    ]);
    let c = build(&ds, 2026, None);
    let names: Vec<&str> = c
        .rows
        .iter()
        .map(|r| ds.entity(r.entity).name.as_ref())
        .collect();
    assert_eq!(names, ["First", "Clara", "Plus"]);
    assert_eq!(caption(&ds, &c.rows[1]), "2013–");
    assert_eq!((c.first, c.last, c.today), (2012, 2026, 2026));
    assert_eq!(c.undated.len(), 1);
    assert_eq!(&*ds.entity(c.undated[0].entity).name, "Lost");
    assert_eq!(c.undated[0].text, "31 March (year unknown)");
}

#[test]
fn the_built_in_chart_has_the_programmes_and_keeps_the_yearless_conference_apart() {
    let ds = load(&DataSource::Builtin, crate::data::DEFAULT_MAX_BYTES)
        .expect("built-in")
        .dataset;
    let c = build(&ds, 2026, None);
    let mark = |id: &str| {
        let e = ds.index_of(id).expect(id);
        c.rows
            .iter()
            .find(|r| r.entity == e)
            .map(|r| r.marks.clone())
    };
    assert_eq!(mark("bioxclusters"), Some(vec![Mark::Span(2012, 2014)]));
    assert_eq!(
        mark("bioxclusters_plus"),
        Some(vec![Mark::Span(2016, 2018)])
    );
    assert_eq!(mark("medica_2015"), Some(vec![Mark::Point(2015)]));
    let conf = ds
        .index_of("health2care_final_conference")
        .expect("conference");
    assert_eq!(
        mark("health2care_final_conference"),
        None,
        "no guessed year"
    );
    assert!(c.undated.iter().any(|u| u.entity == conf));
}

#[test]
fn the_scale_gives_every_year_a_column_and_ticks_never_touch() {
    let s = Scale {
        first: 2012,
        last: 2026,
        width: 60,
    };
    assert_eq!(s.span(2012), (0, 4));
    assert_eq!(s.span(2026), (56, 60));
    for width in [1u16, 5, 20, 37, 80, 200] {
        for (first, last) in [(2012, 2026), (1900, 2030), (2020, 2020), (-50, 3000)] {
            let s = Scale { first, last, width };
            for y in first..=last.min(first + 400) {
                let (a, b) = s.span(y);
                assert!(
                    a < b && b <= width.max(1),
                    "{y} in {first}..{last} at {width}"
                );
            }
            let t = s.ticks();
            assert!(t.windows(2).all(|p| p[1].0 >= p[0].0 + 5));
            assert!(t.iter().all(|&(x, _)| x + 4 <= width.max(4)));
        }
    }
}

#[test]
fn days_since_1970_give_the_calendar_year() {
    assert_eq!(year_of_days(0), 1970);
    assert_eq!(year_of_days(-1), 1969);
    assert_eq!(year_of_days(20_788), 2026); // 2026-12-01
    assert_eq!(year_of_days(20_453), 2025); // 2025-12-31
    assert_eq!(year_of_days(20_454), 2026); // 2026-01-01
}
