//! The entities of a payload, in runs of [`RUN`], each entity findable on its
//! own: a run opens with its count and where each of its entities ends. A
//! whole load decodes every run on every core straight into its place in the
//! dataset's vector; a one-off lookup (`cache/glance.rs`) decodes only the
//! few entities it prints.
//!
//! ```text
//! count u32, each entity's end u32 (counted from the first entity), then
//! the entities one after the other (postcard)           (little-endian)
//! ```
//!
//! A run is untrusted: a count past [`RUN`] or past what its bytes can hold,
//! ends that go back or past the run, an entity that does not decode to
//! exactly its bytes, are [`Bad`], never a panic.

use rayon::prelude::*;

use crate::cache::format::Bad;
use crate::cache::payload::whole;
use crate::model::{Entity, Kind};

/// Entities per run: small enough that two cores share the work evenly,
/// large enough that a run's set-up is nothing beside it.
pub const RUN: usize = 4096;

/// The fewest bytes an entity takes in a run: its end, and a length or a tag
/// for each of its thirteen fields. How many entities a run can hold.
const ENTITY_BYTES: usize = 4 + 13;

const BAD_RUN: Bad = Bad("payload does not decode");

/// A run's bytes for these entities.
pub fn encode(run: &[Entity]) -> Vec<u8> {
    let mut data = Vec::new();
    let mut ends = Vec::with_capacity(4 + 4 * run.len());
    ends.extend_from_slice(&(run.len() as u32).to_le_bytes());
    for e in run {
        // Encoding plain data into memory has no way to fail.
        data = postcard::to_extend(e, data).unwrap_or_default();
        ends.extend_from_slice(&(data.len() as u32).to_le_bytes());
    }
    ends.extend_from_slice(&data);
    ends
}

/// A run read: its ends, checked to rise and to stop at the end of its bytes.
struct Run<'a> {
    ends: &'a [u8],
    data: &'a [u8],
}

impl<'a> Run<'a> {
    fn open(bytes: &'a [u8]) -> Result<Run<'a>, Bad> {
        let count = count(bytes)?;
        let (ends, data) = bytes[4..].split_at(4 * count);
        let run = Run { ends, data };
        let mut last = 0;
        for k in 0..count {
            let end = run.end(k);
            if end < last || end > data.len() {
                return Err(BAD_RUN);
            }
            last = end;
        }
        if last == data.len() {
            Ok(run)
        } else {
            Err(BAD_RUN)
        }
    }

    fn end(&self, k: usize) -> usize {
        let mut b = [0u8; 4];
        b.copy_from_slice(&self.ends[4 * k..4 * k + 4]);
        u32::from_le_bytes(b) as usize
    }

    fn len(&self) -> usize {
        self.ends.len() / 4
    }

    /// The `k`th entity's bytes (`k` below the count).
    fn bytes(&self, k: usize) -> &'a [u8] {
        let start = if k == 0 { 0 } else { self.end(k - 1) };
        &self.data[start..self.end(k)]
    }
}

/// How many entities a run says it holds, if its bytes could hold them.
pub fn count(bytes: &[u8]) -> Result<usize, Bad> {
    let (first, _) = bytes.split_first_chunk::<4>().ok_or(BAD_RUN)?;
    count_in(*first, bytes.len() as u64)
}

/// How many entities a run of `len` bytes starting with `first` says it
/// holds, if it could hold them.
pub fn count_in(first: [u8; 4], len: u64) -> Result<usize, Bad> {
    let count = u32::from_le_bytes(first) as usize;
    if count > RUN || count as u64 > len / ENTITY_BYTES as u64 {
        return Err(BAD_RUN);
    }
    Ok(count)
}

/// The entities' vector for runs of these bytes (see [`placeholders_of`]).
pub fn placeholders(runs: &[&[u8]]) -> Result<Vec<Entity>, Bad> {
    let counts = runs
        .iter()
        .map(|r| count(r))
        .collect::<Result<Vec<_>, _>>()?;
    placeholders_of(&counts)
}

/// The entities' vector, filled with empty entities to be decoded over: as
/// many as the runs say they hold (`counts`, each held to its run's bytes),
/// every run but the last a whole [`RUN`], so a false count can neither
/// misplace an entity nor make a large allocation.
pub fn placeholders_of(counts: &[usize]) -> Result<Vec<Entity>, Bad> {
    let mut n = 0usize;
    for (k, &count) in counts.iter().enumerate() {
        if count != RUN && k + 1 != counts.len() {
            return Err(BAD_RUN);
        }
        n += count;
    }
    Ok(vec![Entity::new("", Kind::Organisation, ""); n])
}

/// Decodes a run over `slots`: exactly as many entities as there are.
pub fn fill(slots: &mut [Entity], bytes: &[u8]) -> Result<(), Bad> {
    let run = Run::open(bytes)?;
    if run.len() != slots.len() {
        return Err(BAD_RUN);
    }
    for (k, slot) in slots.iter_mut().enumerate() {
        *slot = whole(run.bytes(k)).ok_or(BAD_RUN)?;
    }
    Ok(())
}

/// Decodes every run into its slots of `entities`, [`RUN`] at a time, the
/// runs handed out one by one on every core when `parallel`: `fill` decodes
/// one run (its bytes, or where to read them) into its slots.
pub fn fill_all<I, F>(entities: &mut [Entity], runs: I, parallel: bool, fill: F) -> Result<(), Bad>
where
    I: IntoIterator + IntoParallelIterator<Item = <I as IntoIterator>::Item>,
    <I as IntoParallelIterator>::Iter: IndexedParallelIterator,
    F: Fn((&mut [Entity], <I as IntoIterator>::Item)) -> Result<(), Bad> + Sync + Send,
{
    match parallel {
        false => entities.chunks_mut(RUN).zip(runs).try_for_each(fill),
        true => (entities.par_chunks_mut(RUN).zip(runs))
            .with_max_len(1)
            .try_for_each(fill),
    }
}

/// The `k`th entity of a run alone.
pub fn one(bytes: &[u8], k: usize) -> Result<Entity, Bad> {
    let run = Run::open(bytes)?;
    if k >= run.len() {
        return Err(BAD_RUN);
    }
    whole(run.bytes(k)).ok_or(BAD_RUN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(n: usize) -> Vec<Entity> {
        (0..n)
            .map(|i| Entity::new(&format!("e{i}"), Kind::Cluster, &format!("Entity {i}")))
            .collect()
    }

    #[test]
    fn every_entity_of_a_run_decodes_alone_and_all_in_place() {
        let run = entities(5);
        let bytes = encode(&run);
        for (k, e) in run.iter().enumerate() {
            assert_eq!(one(&bytes, k).as_ref(), Ok(e));
        }
        assert!(one(&bytes, 5).is_err(), "past the run");
        let mut slots = placeholders(&[&bytes]).expect("one run");
        assert_eq!(slots.len(), 5);
        fill(&mut slots, &bytes).expect("fills");
        assert_eq!(slots, run);
    }

    #[test]
    fn ends_that_go_back_or_past_the_run_are_refused() {
        let bytes = encode(&entities(3));
        let with = |at: usize, end: u32| {
            let mut bad = bytes.clone();
            bad[at..at + 4].copy_from_slice(&end.to_le_bytes());
            bad
        };
        let data = bytes.len() - 16;
        // The second entity ending before the first; the last past the bytes.
        assert!(one(&with(8, 1), 0).is_err());
        assert!(one(&with(12, data as u32 + 1), 0).is_err());
        // Ends that stop short of the bytes leave some unread.
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(one(&longer, 0).is_err());
        let mut slots = placeholders(&[&bytes]).expect("one run");
        assert!(
            fill(&mut slots[..2], &bytes).is_err(),
            "fewer slots than entities"
        );
    }

    #[test]
    fn counts_a_run_cannot_hold_are_refused() {
        let bytes = encode(&entities(3));
        let mut claims = bytes.clone();
        claims[..4].copy_from_slice(&65_535u32.to_le_bytes());
        assert!(placeholders(&[&claims]).is_err(), "past a run");
        claims[..4].copy_from_slice(&4096u32.to_le_bytes());
        assert!(placeholders(&[&claims]).is_err(), "past its bytes");
        // Two runs, the first not whole: the entities would be out of place.
        assert!(placeholders(&[&bytes, &bytes]).is_err());
        assert!(count(&[1, 0]).is_err(), "shorter than a count");
    }
}
