//! The search text of a dataset, folded once at load into one contiguous buffer
//! (cache-friendly scans; a tag, place or fact label text shared by many
//! entities is stored once, prose is kept apart), with the way back to original
//! characters, the whole names run together for exact-match ranking, the name
//! words for typos and initials, the relation labels of each entity, the
//! dataset's synonyms, and the places each entity is in.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::Field;
use super::flat::Lists;
use crate::model::Kind;

mod build;
mod cached;
mod carried;
mod columns;
mod edits;
mod exact;
pub mod halves;
mod origins;
mod place_names;
mod read;
mod short;
mod size;
mod synonyms;
mod tiebreak;
mod trigrams;
pub mod words;
mod wordset;

pub use exact::Exact;

use carried::Carried;
pub(super) use carried::bit as shared_bit;
use origins::Origins;
use place_names::PlaceNames;
pub(super) use short::ShortList;
use short::{Shorts, ShortsBuilder};
use synonyms::Synonyms;
use trigrams::Trigrams;
use words::{Initials, Words, WordsBuilder};

/// One searchable field of one entity: a slice of the buffer.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Span {
    pub field: Field,
    pub start: u32,
    pub end: u32,
    /// For a tag, place or fact label text that many entities share, its
    /// number (a search matches each such text once); `NOT_SHARED` otherwise.
    pub shared: u32,
}

pub const NOT_SHARED: u32 = u32::MAX;

/// From this much prose (about 25,000 entities of the generated kind) a
/// word's entities are found from the trigram lists rather than by one pass
/// over all prose; tests take that way on their small datasets too.
pub(super) const TRIGRAMS_FROM: usize = if cfg!(test) { 1 } else { 1 << 20 };

/// Stored as built by the compiled cache (see `cached.rs` for its check).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    /// Folded names, aliases, ids, tags, places and fact labels.
    buffer: String,
    /// Folded descriptions and fact values, apart: a term is looked for in all
    /// prose at once by one vectorised pass (the prefilter's).
    prose: String,
    /// Where each entity's prose starts in `prose`: (offset, entity), ascending.
    #[serde(with = "crate::cache::columns")]
    prose_owner: Vec<(u32, u32)>,
    /// The trigrams of each entity's prose, from [`TRIGRAMS_FROM`] bytes of it.
    /// Not cached: a cached index finds prose by the pass over all of it.
    #[serde(skip)]
    trigrams: Option<Trigrams>,
    /// Per entity, the letters of its short fields and relation labels (not prose).
    #[serde(with = "crate::cache::columns")]
    short_masks: Vec<u64>,
    origins: Origins,
    #[serde(with = "crate::cache::columns")]
    spans: Vec<Span>,
    /// Per span, the letters in its field (see [`super::letters::span_mask`])
    /// and [`SHORT`] for a field that is not prose: most fields are ruled out
    /// for a term from these four bytes, without reading the span or its text.
    #[serde(with = "crate::cache::columns")]
    span_masks: Vec<u32>,
    /// `first[e]..first[e + 1]` are entity e's spans.
    #[serde(with = "crate::cache::columns")]
    first: Vec<u32>,
    kinds: Vec<Kind>,
    /// A name or alias run together ([`compact`]) -> the entities that carry it.
    exact: exact::Exact,
    /// While building: the exact names gathered, sorted into `exact` at the end.
    #[serde(skip)]
    building_exact: FxHashMap<String, Vec<u32>>,
    /// Name and alias words, for typos.
    words: Words,
    /// Initials of names and aliases of several words.
    initials: Initials,
    /// First one and two letters of name, alias, id and tag words (see
    /// [`short_key`](super::letters::short_key)) -> entities (sorted), each
    /// with its best field for that prefix: the first one added, since fields
    /// are added best first.
    short: Shorts,
    /// Per entity, its place in the order of (name length, id): the tie-break of
    /// every ranking, as one number instead of two lookups and a string compare.
    #[serde(with = "crate::cache::columns")]
    tiebreak: Vec<u32>,
    /// Every entity by folded name, then number (see [`crate::search::names`]):
    /// the order of the explorer's panes, sorted once with the index.
    #[serde(with = "crate::cache::columns")]
    by_name: Vec<u32>,
    /// Per entity, which of the letters a-z and digits 0-9 occur in its folded
    /// text and relation labels (see [`letter_mask`]): a term with a letter the
    /// entity lacks cannot match.
    #[serde(with = "crate::cache::columns")]
    masks: Vec<u64>,
    /// Per entity, the relation labels it has, one bit per [`labels`] number.
    #[serde(with = "crate::cache::columns")]
    relation_labels: Vec<u64>,
    /// Per entity, the places it is in, nearest first.
    places: Lists<u32>,
    /// Per entity, the years its dates and dated facts cover (sorted, deduplicated).
    years: Lists<i32>,
    /// Folded names, aliases and ids of places -> place entities.
    place_names: PlaceNames,
    /// A folded word -> the other words of its synonym group.
    synonyms: Synonyms,
    /// While building: tag, place and fact label texts already in the buffer,
    /// so that the thousands of entities sharing one get the same span text.
    #[serde(skip)]
    shared: FxHashMap<String, (Span, u64)>,
    shared_count: usize,
    /// Each entity's shared texts and own short fields, for the prefilter
    /// (derived from the spans when built or checked).
    #[serde(skip)]
    carried: Carried,
    #[serde(skip)]
    building_words: Option<WordsBuilder>,
    /// While building: the prefix lists gathered, sorted into `short` at the end.
    #[serde(skip)]
    building_short: ShortsBuilder,
}
