//! The payload of a cache file: the built dataset and its search index,
//! encoded by `postcard` (why postcard: `docs/performance.md`), in parts that
//! decode on every core at once, since decoding is most of a cached load.
//! The entities, most of the work, are cut into runs (`runs.rs`); the rest
//! of the model is a part, and the index two (decoded on two cores at once). A table of the parts' lengths
//! and checksums comes first (`parts.rs`), so each part is found, and
//! checked, without the ones before it.
//!
//! ```text
//! parts u32, then each part's length u64 and xxh3-64 u64   (little-endian)
//! head: title, sources, relations by column, synonyms  (postcard; `relations.rs`)
//! entities, a run at a time, one part per run          (`runs.rs`)
//! ids: the entities' ids in order, for a glance        (postcard; `search::Exact`)
//! index: its texts, then its lookups, a part each      (postcard; `search::index::halves`)
//! ```
//!
//! A payload is untrusted: a part that does not decode to exactly its bytes,
//! or a table that does not add up, is [`Bad`], never a panic.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cache::format::Bad;
use crate::cache::parts;
use crate::cache::relations::{Relations, RelationsRef};
use crate::cache::runs::{self, RUN};
use crate::model::{Dataset, Entity, Relation, Source};
use crate::search::Index;
use crate::search::halves::{Lookups, Texts};

/// Payloads from this size on are worth more than one thread.
pub const PARALLEL_FROM: usize = 1 << 20;

/// The model but its entities, as written: borrowed from the dataset.
#[derive(Serialize)]
struct HeadRef<'a> {
    title: &'a str,
    sources: &'a [Source],
    relations: RelationsRef<'a>,
    synonyms: &'a [Vec<String>],
}

/// The model but its entities, as read.
#[derive(Deserialize)]
pub struct Head {
    pub title: String,
    pub sources: Vec<Source>,
    pub relations: Relations,
    pub synonyms: Vec<Vec<String>>,
}

/// The model as read, not yet checked.
pub struct Model {
    pub title: String,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    pub synonyms: Vec<Vec<String>>,
}

/// The payload as read, not yet checked.
pub struct Payload {
    pub model: Model,
    pub index: Index,
}

/// Every part decoded, not yet put together: they own all they hold, so the
/// payload's bytes can go before the model is made of them.
pub struct Parts {
    pub(crate) head: Head,
    pub(crate) entities: Vec<Entity>,
    pub(crate) index: Index,
}

/// The payload of a dataset and its index (also what the format comparison
/// measures).
pub fn encode_payload(ds: &Dataset, index: &Index) -> Vec<u8> {
    let parts = encode_parts(ds, index);
    parts::join(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>())
}

/// The parts of a payload, in order, without their table: a cache file is
/// written a part at a time, so that the payload is never copied whole.
pub fn encode_parts(ds: &Dataset, index: &Index) -> Vec<Vec<u8>> {
    let head = HeadRef {
        title: &ds.title,
        sources: &ds.sources,
        relations: RelationsRef(&ds.relations),
        synonyms: &ds.synonyms,
    };
    let runs: Vec<&[Entity]> = ds.entities.chunks(RUN).collect();
    let size = about_bytes(ds.len());
    // Encoding plain data into memory has no way to fail.
    let encode = |value: &dyn Encode| value.encode().unwrap_or_default();
    let (head, (runs, index)) = join(
        size,
        || encode(&head),
        || {
            let runs = || {
                runs.par_iter()
                    .map(|run| runs::encode(run))
                    .collect::<Vec<_>>()
            };
            let halves = || (encode(&index.texts()), encode(&index.lookups()));
            join(size, runs, halves)
        },
    );
    let ids = encode(&ids_of(ds));
    let (texts, lookups) = index;
    (std::iter::once(head)
        .chain(runs)
        .chain([ids, texts, lookups]))
    .collect()
}

/// The dataset's ids in order, each with its entity: the part a one-off
/// lookup finds a note's entity by (`cache/glance.rs`).
fn ids_of(ds: &Dataset) -> crate::search::Exact {
    let mut ids: Vec<(&str, u32)> = (ds.entities.iter().enumerate())
        .map(|(e, entity)| (entity.id.as_ref(), e as u32))
        .collect();
    ids.sort_unstable();
    crate::search::Exact::of_sorted(ids.into_iter())
}

/// Decodes a payload held in memory (the built-in dataset's, embedded in the
/// program), its parts unchecked: its checksum is the caller's. Cache files
/// are read a part at a time, each part checked (`parted.rs`).
pub fn decode_payload(body: &[u8]) -> Result<Payload, Bad> {
    Ok(decode_parts(body)?.assemble())
}

/// Decodes every part of a payload, on every core for a large one: the head
/// and the index on one side, the runs of entities, each straight into its
/// place in the dataset's one vector, on the other (decoded into vectors of
/// their own and joined, the entities were copied once more and their memory
/// touched twice).
fn decode_parts(body: &[u8]) -> Result<Parts, Bad> {
    let parts = parts::split(body)?;
    let (head, rest) = parts.split_first().ok_or(DOES_NOT_DECODE)?;
    let (lookups, rest) = rest.split_last().ok_or(DOES_NOT_DECODE)?;
    let (texts, rest) = rest.split_last().ok_or(DOES_NOT_DECODE)?;
    // The ids are for a glance; a whole load builds its own id table.
    let (_ids, runs) = rest.split_last().ok_or(DOES_NOT_DECODE)?;
    let mut entities = runs::placeholders(runs)?;
    let fill = |(slots, bytes): (&mut [Entity], &&[u8])| runs::fill(slots, bytes);
    let ((head, index), filled) = join(
        body.len(),
        || {
            join(
                body.len(),
                || whole::<Head>(head),
                || index_of(texts, lookups),
            )
        },
        || runs::fill_all(&mut entities, runs, body.len() >= PARALLEL_FROM, fill),
    );
    filled?;
    Ok(Parts {
        head: head.ok_or(DOES_NOT_DECODE)?,
        entities,
        index: index?,
    })
}

/// The index its two halves' bytes make, each decoded on a core of its own
/// when they are large.
pub fn index_of(texts: &[u8], lookups: &[u8]) -> Result<Index, Bad> {
    let (t, l) = join(
        texts.len() + lookups.len(),
        || whole::<Texts>(texts),
        || whole::<Lookups>(lookups),
    );
    Ok(Index::from_halves(
        t.ok_or(DOES_NOT_DECODE)?,
        l.ok_or(DOES_NOT_DECODE)?,
    ))
}

impl Parts {
    /// The payload the parts make.
    pub fn assemble(self) -> Payload {
        let Parts {
            head,
            entities,
            index,
        } = self;
        let Head {
            title,
            sources,
            relations,
            synonyms,
        } = head;
        let model = Model {
            title,
            sources,
            entities,
            relations: relations.0,
            synonyms,
        };
        Payload { model, index }
    }
}

/// The model of a payload without its entities, unchecked: for what needs
/// neither them nor the index.
pub fn decode_head(body: &[u8]) -> Result<Head, Bad> {
    whole(parts::split(body)?[0]).ok_or(DOES_NOT_DECODE)
}

pub const DOES_NOT_DECODE: Bad = Bad("payload does not decode");

/// About how many payload bytes a dataset of `entities` makes (a generated
/// one makes 520 each): what [`join`] goes by before there are bytes.
pub fn about_bytes(entities: usize) -> usize {
    entities.saturating_mul(512)
}

/// Runs both on the thread pool when the payload is large, one after the
/// other on this thread when not: a small payload (the built-in dataset's)
/// decodes in less time than the pool takes to start its threads.
pub fn join<A: Send, B: Send>(
    bytes: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if bytes < PARALLEL_FROM {
        (a(), b())
    } else {
        rayon::join(a, b)
    }
}

/// A value that takes up all of `bytes`, no more, no less.
pub fn whole<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// Values of different types encoded by one closure.
trait Encode: Sync {
    fn encode(&self) -> postcard::Result<Vec<u8>>;
}

impl<T: Serialize + Sync + ?Sized> Encode for T {
    fn encode(&self) -> postcard::Result<Vec<u8>> {
        postcard::to_allocvec(self)
    }
}
