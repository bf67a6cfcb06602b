//! The order of hits: better score first, then the better field, then (only
//! between hits equal so far) the user's frecency, then the shorter name and
//! the id; and the pick of the best few of a large answer in that order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::{Index, Personal, Scored};

/// A hit's place in the order, as one value: better score first, the better
/// field, then the user's frecency, then the tie-break (shorter name, id).
type Key = (Reverse<i64>, u8, Reverse<u64>, u32);

fn key(ix: &Index, personal: &Personal, s: &Scored) -> Key {
    // f64's total order as an unsigned number's (its sign bit flips the rest).
    let bits = personal.frecency(s.entity).to_bits();
    let frecency = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    let tiebreak = ix.tiebreak(s.entity as usize);
    (Reverse(s.score), s.field_rank, Reverse(frecency), tiebreak)
}

/// The `limit` best of `scored` (in no order). Each hit's key is read once,
/// in entity order, before they are compared: read inside the comparisons,
/// the frecency and tie-break of the hits (tables as long as the dataset)
/// missed the processor's cache at every step, and the search of `l`
/// (138,321 hits at a million entities) took 17 ms, 13 since.
pub(super) fn best(
    ix: &Index,
    personal: &Personal,
    scored: &[Scored],
    limit: usize,
) -> Vec<Scored> {
    let all = || (0..scored.len() as u32).collect::<Vec<u32>>();
    let few = few_of(ix, personal, scored, limit).unwrap_or_else(all);
    let mut keyed: Vec<(Key, u32)> = (few.into_iter())
        .map(|i| (key(ix, personal, &scored[i as usize]), i))
        .collect();
    if keyed.len() > limit {
        keyed.select_nth_unstable(limit);
        keyed.truncate(limit);
    }
    keyed.iter().map(|&(_, i)| scored[i as usize]).collect()
}

/// The hits that can be among the `limit` best, by their places in
/// `scored`: those the user has looked up (frecency), and the best `limit`
/// of the others, picked on an 8-byte key (score, field, tie-break) instead
/// of the whole one, since their frecency is the same. `None` when a score
/// or the dataset is too large for that key.
fn few_of(ix: &Index, personal: &Personal, scored: &[Scored], limit: usize) -> Option<Vec<u32>> {
    if ix.len() >= 1 << 24 {
        return None;
    }
    let mut known = Vec::new();
    // The best `limit` so far, the worst of them on top: a key for every hit
    // was 2.2 MB of fresh memory for the first letter at a million entities.
    let mut plain: BinaryHeap<(u64, u32)> = BinaryHeap::with_capacity(limit);
    for (i, s) in scored.iter().enumerate() {
        if personal.frecency(s.entity).to_bits() != 0 {
            known.push(i as u32);
            continue;
        }
        // The better score the smaller, as in `key`.
        let score = !((i32::try_from(s.score).ok()? as u32) ^ 1 << 31);
        let tiebreak = ix.tiebreak(s.entity as usize);
        let packed = u64::from(score) << 32 | u64::from(s.field_rank) << 24 | u64::from(tiebreak);
        let entry = (packed, i as u32);
        if plain.len() < limit {
            plain.push(entry);
        } else if let Some(mut worst) = plain.peek_mut().filter(|w| entry < **w) {
            *worst = entry;
        }
    }
    known.extend(plain.iter().map(|&(_, i)| i));
    Some(known)
}

/// Better first, by [`key`] (for the few hits kept).
pub(super) fn order(ix: &Index, personal: &Personal, a: &Scored, b: &Scored) -> std::cmp::Ordering {
    key(ix, personal, a).cmp(&key(ix, personal, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hits made to tie on score and differ on field, to score beyond 32
    /// bits, to score below zero, some looked up before: the best few picked
    /// are always the head of the whole order.
    #[test]
    fn the_pick_is_the_head_of_the_order_however_hits_tie() {
        let ds = crate::validate::build(&crate::synth::generate(400, 3));
        let ix = Index::new(&ds);
        let seen = (0..ds.len()).step_by(11).map(|e| (e, 1.0 + (e % 3) as f64));
        let personal = Personal::new(Vec::new(), seen);
        let scores: [&dyn Fn(usize) -> i64; 3] = [
            &|e| (e % 3) as i64 * 10,
            &|e| if e % 50 == 0 { 1 << 40 } else { 7 },
            &|e| -((e % 4) as i64),
        ];
        for (n, score) in scores.iter().enumerate() {
            let scored: Vec<Scored> = (0..ds.len())
                .map(|e| Scored {
                    entity: e as u32,
                    score: score(e),
                    field_rank: (e % 5) as u8,
                    lead: None,
                    rematch: false,
                    matched: true,
                })
                .collect();
            let mut whole = scored.clone();
            whole.sort_unstable_by(|a, b| order(&ix, &personal, a, b));
            let mut few = best(&ix, &personal, &scored, 25);
            few.sort_unstable_by(|a, b| order(&ix, &personal, a, b));
            let entities = |v: &[Scored]| v.iter().map(|s| s.entity).collect::<Vec<_>>();
            assert_eq!(entities(&few), entities(&whole[..25]), "scores {n}");
        }
    }
}
