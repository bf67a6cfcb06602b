//! The payload of a cache file: the built dataset and its search index,
//! encoded by `postcard` (why postcard: `docs/performance.md`), in parts that
//! decode on every core at once, since decoding is most of a cached load.
//! The entities, most of the work, are cut into runs of [`RUN`]; the rest of
//! the model and the index are a part each. A table of the parts' lengths
//! comes first, so each part is found without decoding the ones before it.
//!
//! ```text
//! parts u32, then each part's length u64           (little-endian)
//! head: title, sources, relations by column, synonyms  (postcard; `relations.rs`)
//! entities, RUN at a time, one part per run        (postcard)
//! index                                            (postcard)
//! ```
//!
//! A payload is untrusted: a part that does not decode to exactly its bytes,
//! or a table that does not add up, is [`Bad`], never a panic.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cache::format::Bad;
use crate::cache::relations::{Relations, RelationsRef};
use crate::model::{Dataset, Entity, Relation, Source};
use crate::search::Index;

/// Entities per part: small enough that two cores share the work evenly,
/// large enough that a part's set-up is nothing beside it.
const RUN: usize = 4096;

/// Payloads from this size on are worth more than one thread.
const PARALLEL_FROM: usize = 1 << 20;

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
    head: Head,
    entities: Vec<Entity>,
    index: Index,
}

/// The payload of a dataset and its index (also what the format comparison
/// measures).
pub fn encode_payload(ds: &Dataset, index: &Index) -> Vec<u8> {
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
            let runs = || runs.par_iter().map(|run| encode(run)).collect::<Vec<_>>();
            join(size, runs, || encode(index))
        },
    );
    let parts: Vec<&[u8]> = (std::iter::once(&head).chain(&runs).chain([&index]))
        .map(Vec::as_slice)
        .collect();
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let mut out = Vec::with_capacity(4 + 8 * parts.len() + total);
    out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
    for part in &parts {
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
    }
    for part in parts {
        out.extend_from_slice(part);
    }
    out
}

/// Decodes a payload; its checksum is the caller's.
pub fn decode_payload(body: &[u8]) -> Result<Payload, Bad> {
    Ok(decode_parts(body)?.assemble())
}

/// Decodes every part of a payload, on every core for a large one: the head
/// and the index on one side, the runs of entities, each straight into its
/// place in the dataset's one vector, on the other (decoded into vectors of
/// their own and joined, the entities were copied once more and their memory
/// touched twice).
pub fn decode_parts(body: &[u8]) -> Result<Parts, Bad> {
    let parts = split(body)?;
    let (head, rest) = parts.split_first().ok_or(DOES_NOT_DECODE)?;
    let (index, runs) = rest.split_last().ok_or(DOES_NOT_DECODE)?;
    let mut entities = placeholders(runs)?;
    let fill = |(slots, bytes): (&mut [Entity], &&[u8])| fill(slots, bytes);
    let ((head, index), filled) = join(
        body.len(),
        || join(body.len(), || whole::<Head>(head), || whole::<Index>(index)),
        || {
            if body.len() < PARALLEL_FROM {
                entities.chunks_mut(RUN).zip(runs).try_for_each(fill)
            } else {
                (entities.par_chunks_mut(RUN).zip(runs))
                    .with_max_len(1)
                    .try_for_each(fill)
            }
        },
    );
    filled?;
    Ok(Parts {
        head: head.ok_or(DOES_NOT_DECODE)?,
        entities,
        index: index.ok_or(DOES_NOT_DECODE)?,
    })
}

/// The fewest bytes an entity takes in a run (a length or a tag for each of
/// its thirteen fields): how many entities a run of this size can hold.
const ENTITY_BYTES: usize = 13;

/// The entities' vector, filled with empty entities to be decoded over: as
/// many as the runs say they hold (each run's length comes first), every run
/// but the last a whole [`RUN`], and no more than its bytes could hold, so a
/// false count cannot make a large allocation.
fn placeholders(runs: &[&[u8]]) -> Result<Vec<Entity>, Bad> {
    let mut n = 0usize;
    for (k, bytes) in runs.iter().enumerate() {
        let (count, _) = postcard::take_from_bytes::<usize>(bytes).map_err(|_| DOES_NOT_DECODE)?;
        let whole_run = count == RUN || (k + 1 == runs.len() && count <= RUN);
        if !whole_run || count > bytes.len() / ENTITY_BYTES {
            return Err(DOES_NOT_DECODE);
        }
        n += count;
    }
    let empty = Entity::new("", crate::model::Kind::Organisation, "");
    Ok(vec![empty; n])
}

/// Decodes a run of entities over `slots`: exactly as many as there are.
fn fill(slots: &mut [Entity], bytes: &[u8]) -> Result<(), Bad> {
    let mut de = postcard::Deserializer::from_bytes(bytes);
    let filled = serde::de::DeserializeSeed::deserialize(Slots(slots), &mut de);
    match (filled, de.finalize()) {
        (Ok(()), Ok([])) => Ok(()),
        _ => Err(DOES_NOT_DECODE),
    }
}

/// Entities decoded one by one into their places.
struct Slots<'a>(&'a mut [Entity]);

impl<'de> serde::de::DeserializeSeed<'de> for Slots<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Slots<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a run of {} entities", self.0.len())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        use serde::de::Error;
        let count = self.0.len();
        for slot in self.0.iter_mut() {
            *slot = seq
                .next_element()?
                .ok_or_else(|| A::Error::invalid_length(0, &"more"))?;
        }
        match seq.next_element::<serde::de::IgnoredAny>()? {
            None => Ok(()),
            Some(_) => Err(A::Error::invalid_length(count + 1, &"no more")),
        }
    }
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
    whole(split(body)?[0]).ok_or(DOES_NOT_DECODE)
}

const DOES_NOT_DECODE: Bad = Bad("payload does not decode");

/// A payload's parts, by its table: at least a head and an index, their
/// lengths adding up to the payload's.
fn split(body: &[u8]) -> Result<Vec<&[u8]>, Bad> {
    let bad = DOES_NOT_DECODE;
    let (count, rest) = body.split_first_chunk::<4>().ok_or(bad)?;
    let count = u32::from_le_bytes(*count) as usize;
    if count < 2 || count > rest.len() / 8 {
        return Err(bad);
    }
    let (mut table, mut data) = rest.split_at(count * 8);
    let mut parts = Vec::with_capacity(count);
    while let Some((len, more)) = table.split_first_chunk::<8>() {
        let len = usize::try_from(u64::from_le_bytes(*len)).map_err(|_| bad)?;
        let (part, after) = data.split_at_checked(len).ok_or(bad)?;
        parts.push(part);
        (table, data) = (more, after);
    }
    if data.is_empty() { Ok(parts) } else { Err(bad) }
}

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
