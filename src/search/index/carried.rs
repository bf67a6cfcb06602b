//! What the prefilter knows of each entity's shared texts (tags, places, fact
//! labels) without reading its fields. At a million entities the first
//! three-letter word read half a million fields only to learn that they were
//! shared texts, most of which cannot hold the word (150 distinct texts in a
//! generated million, each carried by thousands of entities). With one field
//! that carries each shared text, a word is tried on each text once, and an
//! entity none of whose texts holds it is decided from its own names,
//! aliases and id.
//! Derived from the spans (when the index is built, and when a cached one is
//! checked), so the cache stores none of it.

use super::{NOT_SHARED, Span};

/// Per entity, the shared texts it carries and where its own short fields
/// end; per shared text, a field that carries it.
#[derive(Debug, Default)]
pub struct Carried {
    /// Per entity, one bit per shared text it carries (its number modulo 64).
    signs: Vec<u64>,
    /// Per entity, how many of its first fields hold all its fields that are
    /// neither shared nor prose ([`ALL`] when that does not fit).
    own: Vec<u16>,
    /// Per shared text, by its number, the first field that carries it.
    texts: Vec<u32>,
}

/// An entity's own short fields reach past what `own` can say: read them all.
const ALL: u16 = u16::MAX;

/// A shared text's bit in a signature.
pub fn bit(shared: u32) -> u64 {
    1 << (shared % 64)
}

impl Carried {
    /// Room for `entities` and `shared` texts.
    pub fn with_capacity(entities: usize, shared: usize) -> Carried {
        Carried {
            signs: Vec::with_capacity(entities),
            own: Vec::with_capacity(entities),
            texts: vec![u32::MAX; shared],
        }
    }

    /// Adds the next entity, whose fields are `spans`, the first of them
    /// field number `first` (shared numbers already checked to be below the
    /// count given).
    pub fn add(&mut self, first: usize, spans: &[Span]) {
        let mut sign = 0;
        let mut own = 0;
        for (k, span) in spans.iter().enumerate() {
            if span.shared == NOT_SHARED {
                if !span.field.is_prose() {
                    own = k + 1;
                }
                continue;
            }
            sign |= bit(span.shared);
            if let Some(text) = self.texts.get_mut(span.shared as usize)
                && *text == u32::MAX
            {
                *text = (first + k) as u32;
            }
        }
        self.signs.push(sign);
        self.own
            .push(u16::try_from(own).ok().filter(|&o| o != ALL).unwrap_or(ALL));
    }

    /// The shared texts entity `e` carries, one bit each.
    pub fn sign(&self, e: usize) -> u64 {
        self.signs[e]
    }

    /// How many of entity `e`'s first fields to read for its own short
    /// fields, of `fields` in all.
    pub fn own(&self, e: usize, fields: usize) -> usize {
        match self.own[e] {
            ALL => fields,
            own => usize::from(own).min(fields),
        }
    }

    /// A field carrying each shared text, by the text's number (`None` for
    /// a number no field carries).
    pub fn texts(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        (self.texts.iter()).map(|&t| (t != u32::MAX).then_some(t as usize))
    }
}
