//! The ranking's last tie-break: each entity's place in the order of (name
//! length, id), so that among hits equal on everything else the shorter
//! name comes first, and the order never depends on the file's order. One
//! number a lookup at every comparison of a ranking, worked out once with
//! the index.

use crate::model::Dataset;
use crate::search::names::{prefix, sorted_by};

/// Each entity's place in the order of (name length, id): sorted by the
/// length and the id's first 8 bytes as one number, then the id (comparing
/// the ids read from each entity at every step took 1.1 s at a million).
pub(super) fn tiebreak(ds: &Dataset) -> Vec<u32> {
    let id = |e: u32| ds.entities[e as usize].id.as_bytes();
    let chars = |e: u32| ds.entities[e as usize].name.chars().count() as u128;
    let head = |e: u32| chars(e) << 96 | prefix::<8>(id(e)) << 32;
    let order = sorted_by(ds.len(), head, id);
    let mut tiebreak = vec![0; order.len()];
    for (place, &e) in order.iter().enumerate() {
        tiebreak[e as usize] = place as u32;
    }
    tiebreak
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tie_break_orders_by_name_length_then_id() {
        let ds = crate::validate::build(&crate::synth::generate(3000, 5));
        let chars: Vec<u32> = (ds.entities.iter())
            .map(|e| e.name.chars().count() as u32)
            .collect();
        let places = tiebreak(&ds);
        let mut plain: Vec<usize> = (0..ds.len()).collect();
        plain.sort_by(|&a, &b| (chars[a], &ds.entities[a].id).cmp(&(chars[b], &ds.entities[b].id)));
        let by_place: Vec<usize> = {
            let mut v = vec![0; ds.len()];
            places
                .iter()
                .enumerate()
                .for_each(|(e, &p)| v[p as usize] = e);
            v
        };
        assert_eq!(by_place, plain);
    }
}
