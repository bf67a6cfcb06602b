//! The index as the compiled cache writes it: two parts of about the same
//! decoding work, so that a cached load or a glance decodes them on the two
//! cores at once. One index part took a core on its own for most of a glance
//! (190 to 250 ms of about 450 at a million entities). The texts half holds
//! the folded buffers and the spans over them; the lookups half the tables
//! that are rebuilt on reading (prefix lists, exact names, typo words).

use serde::{Deserialize, Serialize};

use super::words::{Initials, Words};
use super::{Exact, Index, Origins, PlaceNames, Shorts, Span, Synonyms};
use crate::model::Kind;
use crate::search::flat::Lists;

/// The folded texts, the spans over them and what reads them.
#[derive(Serialize)]
pub struct TextsRef<'a> {
    buffer: &'a str,
    prose: &'a str,
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    prose_owner: &'a [(u32, u32)],
    origins: &'a Origins,
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    spans: &'a [Span],
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    span_masks: &'a [u32],
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    first: &'a [u32],
    shared_count: usize,
}

/// [`TextsRef`] as read.
#[derive(Deserialize)]
pub struct Texts {
    buffer: String,
    prose: String,
    #[serde(with = "crate::cache::columns")]
    prose_owner: Vec<(u32, u32)>,
    origins: Origins,
    #[serde(with = "crate::cache::columns")]
    spans: Vec<Span>,
    #[serde(with = "crate::cache::columns")]
    span_masks: Vec<u32>,
    #[serde(with = "crate::cache::columns")]
    first: Vec<u32>,
    shared_count: usize,
}

/// The per-entity tables and the lookups rebuilt on reading.
#[derive(Serialize)]
pub struct LookupsRef<'a> {
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    short_masks: &'a [u64],
    kinds: &'a [Kind],
    exact: &'a Exact,
    words: &'a Words,
    initials: &'a Initials,
    short: &'a Shorts,
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    tiebreak: &'a [u32],
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    by_name: &'a [u32],
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    masks: &'a [u64],
    #[serde(serialize_with = "crate::cache::columns::serialize")]
    relation_labels: &'a [u64],
    places: &'a Lists<u32>,
    years: &'a Lists<i32>,
    place_names: &'a PlaceNames,
    synonyms: &'a Synonyms,
}

/// [`LookupsRef`] as read.
#[derive(Deserialize)]
pub struct Lookups {
    #[serde(with = "crate::cache::columns")]
    short_masks: Vec<u64>,
    kinds: Vec<Kind>,
    exact: Exact,
    words: Words,
    initials: Initials,
    short: Shorts,
    #[serde(with = "crate::cache::columns")]
    tiebreak: Vec<u32>,
    #[serde(with = "crate::cache::columns")]
    by_name: Vec<u32>,
    #[serde(with = "crate::cache::columns")]
    masks: Vec<u64>,
    #[serde(with = "crate::cache::columns")]
    relation_labels: Vec<u64>,
    places: Lists<u32>,
    years: Lists<i32>,
    place_names: PlaceNames,
    synonyms: Synonyms,
}

impl Index {
    /// The texts half, as the cache writes it.
    pub fn texts(&self) -> TextsRef<'_> {
        TextsRef {
            buffer: &self.buffer,
            prose: &self.prose,
            prose_owner: &self.prose_owner,
            origins: &self.origins,
            spans: &self.spans,
            span_masks: &self.span_masks,
            first: &self.first,
            shared_count: self.shared_count,
        }
    }

    /// The lookups half, as the cache writes it.
    pub fn lookups(&self) -> LookupsRef<'_> {
        LookupsRef {
            short_masks: &self.short_masks,
            kinds: &self.kinds,
            exact: &self.exact,
            words: &self.words,
            initials: &self.initials,
            short: &self.short,
            tiebreak: &self.tiebreak,
            by_name: &self.by_name,
            masks: &self.masks,
            relation_labels: &self.relation_labels,
            places: &self.places,
            years: &self.years,
            place_names: &self.place_names,
            synonyms: &self.synonyms,
        }
    }

    /// The index the two halves make; unchecked ([`Index::check`] is the
    /// caller's).
    pub fn from_halves(t: Texts, l: Lookups) -> Index {
        Index {
            buffer: t.buffer,
            prose: t.prose,
            prose_owner: t.prose_owner,
            origins: t.origins,
            spans: t.spans,
            span_masks: t.span_masks,
            first: t.first,
            shared_count: t.shared_count,
            short_masks: l.short_masks,
            kinds: l.kinds,
            exact: l.exact,
            words: l.words,
            initials: l.initials,
            short: l.short,
            tiebreak: l.tiebreak,
            by_name: l.by_name,
            masks: l.masks,
            relation_labels: l.relation_labels,
            places: l.places,
            years: l.years,
            place_names: l.place_names,
            synonyms: l.synonyms,
            ..Index::default()
        }
    }
}

/// The index as the compiled cache gives it back: its halves encoded,
/// decoded and checked (so without trigram lists, and with what the check
/// derives from the spans).
#[cfg(test)]
pub(crate) fn read_back(ix: &Index, n: usize) -> Index {
    let texts = postcard::to_allocvec(&ix.texts()).expect("encodes");
    let lookups = postcard::to_allocvec(&ix.lookups()).expect("encodes");
    let mut back = Index::from_halves(
        postcard::from_bytes(&texts).expect("decodes"),
        postcard::from_bytes(&lookups).expect("decodes"),
    );
    assert_eq!(back.check(n), Ok(()));
    back
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_halves_make_the_same_index_again() {
        let ds = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX)
            .expect("built-in")
            .dataset;
        let ix = Index::new(&ds);
        let back = read_back(&ix, ds.len());
        // Every field written, none left out: the same answers to queries
        // that read each of them (prefixes, typos, initials, exact names,
        // synonyms, places, years, kinds, relation labels, prose).
        let queries = [
            "l",
            "ly",
            "lyon",
            "archinrad",
            "mgia",
            "bxp",
            "biowin",
            "health",
            "in:france",
            "year:2015",
            "kind:cluster",
            "coordinates",
            "oncologie",
        ];
        for q in queries {
            let query = crate::search::Query::parse(q).expect("parses");
            assert_eq!(back.search(&query), ix.search(&query), "{q}");
        }
        assert_eq!(back.len(), ix.len());
    }
}
