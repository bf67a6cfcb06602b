//! Connection paths: the shortest chains of relations between two entities,
//! read in either direction, avoiding very generic hubs (a continent, a
//! country, anything linked to far more than its share) unless nothing else
//! connects them.

use std::collections::VecDeque;

use crate::model::{Dataset, Direction, Kind, Link};

/// One step of a chain: from the previous entity along a relation to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub relation: usize,
    /// Outgoing when the chain follows the relation's own direction.
    pub direction: Direction,
    pub to: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub start: usize,
    pub hops: Vec<Hop>,
}

/// Entities too generic to explain a connection: continents and countries,
/// EU-wide bodies (tagged "EU"), and hubs linked to far more than their share.
pub fn generic_hubs(ds: &Dataset) -> Vec<bool> {
    let degree: Vec<usize> = (0..ds.len()).map(|e| ds.links(e).count()).collect();
    let mean = degree.iter().sum::<usize>() as f64 / ds.len().max(1) as f64;
    (0..ds.len())
        .map(|e| {
            let entity = ds.entity(e);
            let broad_place = entity.kind == Kind::Place
                && matches!(entity.subkind.as_deref(), Some("continent" | "country"));
            let eu_body = entity.tags.iter().any(|t| t == "EU");
            broad_place || eu_body || (degree[e] >= 30 && degree[e] as f64 > 10.0 * mean)
        })
        .collect()
}

/// Breadth-first distances from `from`, and every shortest predecessor link.
fn explore<'a>(
    ds: &'a Dataset,
    from: usize,
    to: usize,
    avoid: &[bool],
) -> Vec<Vec<(usize, Link<'a>)>> {
    let n = ds.len();
    let mut dist = vec![usize::MAX; n];
    let mut preds: Vec<Vec<(usize, Link<'a>)>> = vec![Vec::new(); n];
    let mut queue = VecDeque::from([from]);
    dist[from] = 0;
    while let Some(e) = queue.pop_front() {
        if e == to || dist[e] >= dist[to] {
            continue;
        }
        if e != from && avoid.get(e).copied().unwrap_or(false) {
            continue;
        }
        for link in ds.links(e) {
            let o = link.other;
            if dist[o] == usize::MAX {
                dist[o] = dist[e] + 1;
                queue.push_back(o);
            }
            if dist[o] == dist[e] + 1 {
                preds[o].push((e, link));
            }
        }
    }
    preds
}

/// Up to `max` shortest chains from `from` to `to` (none when unconnected).
pub fn shortest(ds: &Dataset, from: usize, to: usize, max: usize) -> Vec<Chain> {
    if from == to || from >= ds.len() || to >= ds.len() {
        return Vec::new();
    }
    let hubs = generic_hubs(ds);
    let mut chains = walk(ds, &explore(ds, from, to, &hubs), from, to, max);
    if chains.is_empty() {
        chains = walk(ds, &explore(ds, from, to, &[]), from, to, max);
    }
    chains
}

/// Enumerates chains backwards from `to` through the predecessor lists.
fn walk(
    ds: &Dataset,
    preds: &[Vec<(usize, Link)>],
    from: usize,
    to: usize,
    max: usize,
) -> Vec<Chain> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, Vec<Hop>)> = vec![(to, Vec::new())];
    while let Some((e, hops)) = stack.pop() {
        // Gather more than asked, so that the best can be chosen.
        if out.len() >= max.max(1).saturating_mul(16) {
            break;
        }
        if e == from {
            let mut hops = hops;
            hops.reverse();
            out.push(Chain { start: from, hops });
            continue;
        }
        for (prev, link) in preds[e].iter().rev() {
            let mut h = hops.clone();
            h.push(Hop {
                relation: link.index,
                direction: link.direction,
                to: e,
            });
            stack.push((*prev, h));
        }
    }
    // Most telling first: fewer places on the way, fewer inferred links.
    out.sort_by_key(|c| {
        let places = c
            .hops
            .iter()
            .filter(|h| ds.entity(h.to).kind == Kind::Place)
            .count();
        let inferred = c
            .hops
            .iter()
            .filter(|h| ds.relations[h.relation].certainty == crate::model::Certainty::Inferred)
            .count();
        (
            places,
            inferred,
            c.hops
                .iter()
                .map(|h| (h.to, h.relation))
                .collect::<Vec<_>>(),
        )
    });
    out.truncate(max);
    out
}

/// "Minalogic -> partner in Health2CARE <- partner Lyonbiopôle".
pub fn describe(ds: &Dataset, chain: &Chain) -> String {
    let mut s = ds.entity(chain.start).name.to_string();
    for h in &chain.hops {
        let rel = ds.relations[h.relation].rel;
        let (arrow, label) = match h.direction {
            Direction::Outgoing => ("->", rel.forward()),
            Direction::Incoming => ("<-", rel.inverse()),
        };
        s.push_str(&format!(" {arrow} {label} {}", ds.entity(h.to).name));
    }
    s
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
    fn minalogic_and_lyonbiopole_meet_in_health2care() {
        let d = ds();
        let chains = shortest(
            &d,
            d.index_of("minalogic").unwrap(),
            d.index_of("lyonbiopole").unwrap(),
            3,
        );
        let shown: Vec<String> = chains.iter().map(|c| describe(&d, c)).collect();
        assert_eq!(
            shown.first().map(String::as_str),
            Some("Minalogic -> partner in Health2CARE <- partner Lyonbiopôle"),
            "{shown:?}"
        );
        assert!(chains.iter().all(|c| c.hops.len() == 2));
    }

    #[test]
    fn generic_hubs_are_avoided_when_another_path_exists() {
        let d = ds();
        let chains = shortest(
            &d,
            d.index_of("alsace_biovalley").unwrap(),
            d.index_of("eurobiomed").unwrap(),
            3,
        );
        assert!(!chains.is_empty());
        assert!(
            chains
                .iter()
                .all(|c| c.hops.iter().all(|h| &*d.entity(h.to).id != "france")),
            "{:?}",
            chains.iter().map(|c| describe(&d, c)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_unconnected_pair_has_no_path() {
        let d = ds();
        assert!(shortest(&d, 0, 0, 3).is_empty());
    }
}
