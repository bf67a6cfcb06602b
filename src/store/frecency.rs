//! Frecency in the manner of zoxide: each visit adds one to an entity's rank;
//! when the ranks add up past a ceiling, all are scaled down together and the
//! faded ones forgotten, so old habits give way to new ones; and a score weighs
//! the rank by how lately the entity was opened. Pure functions: the search may
//! use the score to order hits of equal quality, and for nothing else.

use std::collections::HashMap;

use jiff::Timestamp;

use super::EntityRef;
use super::state::Visit;

/// How many entities the Recent list shows.
pub const RECENT_LEN: usize = 50;

/// When the ranks add up past this, they are all scaled down (zoxide's
/// `_ZO_MAXAGE`, smaller: an explorer opens fewer things than a shell visits).
pub const MAX_TOTAL_RANK: f64 = 1000.0;

/// An entity's score now: its rank, weighed four times within the hour, twice
/// within the day, half within the week, a quarter beyond.
pub fn frecency(rank: f64, last: Timestamp, now: Timestamp) -> f64 {
    const HOUR: i64 = 60 * 60;
    const DAY: i64 = 24 * HOUR;
    const WEEK: i64 = 7 * DAY;
    let age = now.as_second().saturating_sub(last.as_second()).max(0);
    let weight = if age < HOUR {
        4.0
    } else if age < DAY {
        2.0
    } else if age < WEEK {
        0.5
    } else {
        0.25
    };
    rank * weight
}

/// Records one visit: the entity moves to the front with one more to its rank
/// (and its current name and kind), then the ranks age.
pub fn visit(visits: &mut Vec<Visit>, entity: &EntityRef, now: Timestamp) {
    let rank = match visits.iter().position(|v| v.entity.id == entity.id) {
        Some(i) => visits.remove(i).rank + 1.0,
        None => 1.0,
    };
    let unknown = Vec::new();
    visits.insert(
        0,
        Visit {
            entity: entity.clone(),
            rank,
            last: now,
            unknown,
        },
    );
    age(visits);
}

/// Scales all ranks down when their sum passes the ceiling, and forgets the
/// entities whose rank fell under one, except the [`RECENT_LEN`] most recent:
/// the Recent list never loses an entity because it was opened only once.
pub fn age(visits: &mut Vec<Visit>) {
    let total: f64 = visits.iter().map(|v| v.rank).sum();
    if total <= MAX_TOTAL_RANK {
        return;
    }
    let factor = 0.9 * MAX_TOTAL_RANK / total;
    let mut i = 0;
    visits.retain_mut(|v| {
        v.rank *= factor;
        i += 1;
        i <= RECENT_LEN || v.rank >= 1.0
    });
}

/// Scores by entity id, for ordering hits of equal quality.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frecency(HashMap<String, f64>);

impl Frecency {
    pub fn new(visits: &[Visit], now: Timestamp) -> Frecency {
        Frecency(
            visits
                .iter()
                .map(|v| (v.entity.id.clone(), frecency(v.rank, v.last, now)))
                .collect(),
        )
    }

    /// The score of an entity id; 0 for one never opened.
    pub fn of(&self, id: &str) -> f64 {
        self.0.get(id).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().expect("a time")
    }

    fn entity(id: &str) -> EntityRef {
        EntityRef {
            id: id.into(),
            name: id.into(),
            kind: "cluster".into(),
        }
    }

    #[test]
    fn a_score_fades_with_time() {
        let last = at("2026-03-02T10:00:00Z");
        let score = |now: &str| frecency(2.0, last, at(now));
        assert_eq!(score("2026-03-02T10:30:00Z"), 8.0);
        assert_eq!(score("2026-03-02T20:00:00Z"), 4.0);
        assert_eq!(score("2026-03-05T10:00:00Z"), 1.0);
        assert_eq!(score("2026-04-02T10:00:00Z"), 0.5);
    }

    #[test]
    fn often_and_lately_both_count() {
        let now = at("2026-03-02T10:00:00Z");
        let mut visits = Vec::new();
        for _ in 0..3 {
            visit(&mut visits, &entity("often"), at("2026-02-20T10:00:00Z"));
        }
        visit(&mut visits, &entity("lately"), now);
        let f = Frecency::new(&visits, now);
        assert!(
            f.of("lately") > f.of("often"),
            "one visit now beats three last month"
        );
        assert_eq!(f.of("never"), 0.0);
        visit(&mut visits, &entity("often"), now);
        let f = Frecency::new(&visits, now);
        assert!(
            f.of("often") > f.of("lately"),
            "and four visits now beat one"
        );
    }

    #[test]
    fn aging_forgets_faded_entities_but_never_the_recent_list() {
        let now = at("2026-03-02T10:00:00Z");
        let mut visits = Vec::new();
        for i in 0..200 {
            visit(&mut visits, &entity(&format!("once{i}")), now);
        }
        for _ in 0..900 {
            visit(&mut visits, &entity("habit"), now);
        }
        let total: f64 = visits.iter().map(|v| v.rank).sum();
        assert!(total <= MAX_TOTAL_RANK, "{total}");
        assert!(visits.len() < 200, "faded entities were forgotten");
        assert!(visits.len() >= RECENT_LEN);
        assert_eq!(visits[0].entity.id, "habit");
        assert_eq!(visits[1].entity.id, "once199", "the recent ones stay");
    }
}
