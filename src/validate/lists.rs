//! Where the two long lists' items come from: a file parsed whole, worked
//! through in chunks on rayon's pool, or a file cut into pieces, each parsed
//! and worked through on the pool, a stretch of pieces at a time. Either way
//! the work gets the index of its first item, and the results come back in
//! file order.

use rayon::prelude::*;

use crate::data::format::{FileDataset, FileEntity, FileRelation};
use crate::data::split::{Split, Which};

/// Where the two long lists' items come from.
pub(super) enum Lists<'a, 't> {
    Whole(&'a mut FileDataset),
    Pieces(&'a Split<'t>),
}

/// Below this many items a list is worked through on the calling thread.
const PARALLEL_FROM: usize = 2_000;

/// The items a rule and build step takes at once from a list parsed whole.
const CHUNK: usize = 256;

/// `work` over `items` in chunks on every core, each with the index of its
/// first item; `keep` receives the results in order. Never fails: a list
/// parsed whole has no piece left to parse (the `Option` is [`Split::each`]'s).
fn chunks<T: Send, R: Send>(
    items: &mut [T],
    work: impl Fn(usize, &mut [T]) -> R + Sync,
    keep: impl FnMut(R),
) -> Option<()> {
    let done: Vec<R> = if items.len() < PARALLEL_FROM {
        vec![work(0, items)]
    } else {
        items
            .par_chunks_mut(CHUNK)
            .enumerate()
            .map(|(k, chunk)| work(k * CHUNK, chunk))
            .collect()
    };
    done.into_iter().for_each(keep);
    Some(())
}

impl Lists<'_, '_> {
    pub fn len(&self, which: Which) -> usize {
        match (self, which) {
            (Lists::Whole(file), Which::Entities) => file.entities.len(),
            (Lists::Whole(file), Which::Relations) => file.relations.len(),
            (Lists::Pieces(split), which) => split.items(which),
        }
    }

    pub fn entities<R: Send>(
        &mut self,
        work: impl Fn(usize, &mut [FileEntity]) -> R + Sync,
        keep: impl FnMut(R),
    ) -> Option<()> {
        match self {
            Lists::Whole(file) => chunks(&mut file.entities, work, keep),
            Lists::Pieces(split) => split.each(Which::Entities, work, keep),
        }
    }

    pub fn relations<R: Send>(
        &mut self,
        work: impl Fn(usize, &mut [FileRelation]) -> R + Sync,
        keep: impl FnMut(R),
    ) -> Option<()> {
        match self {
            Lists::Whole(file) => chunks(&mut file.relations, work, keep),
            Lists::Pieces(split) => split.each(Which::Relations, work, keep),
        }
    }
}
