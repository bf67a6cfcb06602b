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

/// The `limit` best of `scored` (in no order), read once as they come: a
/// bounded heap of the best so far, the worst of them on top, each hit's key
/// worked out once, in entity order. Keys read inside the comparisons of a
/// sort missed the processor's cache at every step (17 ms for `l` at a
/// million entities), and a key or a scored entry kept for every hit was
/// megabytes of fresh memory for the first letter.
pub(super) fn best(
    ix: &Index,
    personal: &Personal,
    scored: impl IntoIterator<Item = Scored>,
    limit: usize,
) -> Vec<Scored> {
    // A limit beyond any answer (every hit wanted) must not reserve it.
    let room = limit.min(1 << 12);
    let mut kept: Vec<Scored> = Vec::with_capacity(room);
    let mut heap: BinaryHeap<(Key, u32)> = BinaryHeap::with_capacity(room);
    for s in scored {
        let k = key(ix, personal, &s);
        if kept.len() < limit {
            heap.push((k, kept.len() as u32));
            kept.push(s);
        } else if let Some(mut worst) = heap.peek_mut().filter(|w| k < w.0) {
            kept[worst.1 as usize] = s;
            worst.0 = k;
        }
    }
    kept
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
                    lead_score: 0,
                    rematch: false,
                    matched: true,
                })
                .collect();
            let mut whole = scored.clone();
            whole.sort_unstable_by(|a, b| order(&ix, &personal, a, b));
            let mut few = best(&ix, &personal, scored.iter().copied(), 25);
            few.sort_unstable_by(|a, b| order(&ix, &personal, a, b));
            let entities = |v: &[Scored]| v.iter().map(|s| s.entity).collect::<Vec<_>>();
            assert_eq!(entities(&few), entities(&whole[..25]), "scores {n}");
        }
    }
}
