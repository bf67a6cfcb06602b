//! The search text of a dataset, folded once at load into one contiguous buffer
//! (cache-friendly scans; a tag or place text shared by many entities is stored
//! once, prose is kept apart), with the way back to original characters, the exact
//! names for exact-match ranking, the name words for typo fallback, and the
//! places each entity is in.

use rustc_hash::FxHashMap;

use super::Field;
use super::flat::Lists;
use super::fold::fold;
pub(super) use super::masks::{SHORT, is_prose, letter_mask, narrow, short_key, span_mask};
use crate::model::{Dataset, Kind};

mod size;

/// One searchable field of one entity: a slice of the buffer.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub field: Field,
    pub start: u32,
    pub end: u32,
    /// Offset into `origins`, or `IDENTITY` when folding kept every char in place.
    pub origin: u32,
    /// For a tag or place text that many entities share, its number (a search
    /// matches each such text once); `NOT_SHARED` otherwise.
    pub shared: u32,
}

pub const NOT_SHARED: u32 = u32::MAX;

const IDENTITY: u32 = u32::MAX;

/// Folded text being indexed (its origin map, when needed, is already stored).
struct Folded {
    text: String,
}

#[derive(Debug, Default)]
pub struct Index {
    /// Folded names, aliases, ids, tags and places.
    pub(super) buffer: String,
    /// Folded descriptions and fact values, apart: a term is looked for in all
    /// prose at once by one vectorised pass (see [`Index::could_match`]).
    pub(super) prose: String,
    /// Where each entity's prose starts in `prose`: (offset, entity), ascending.
    pub(super) prose_owner: Vec<(u32, u32)>,
    /// Per entity, the letters of its short fields (not prose).
    pub(super) short_masks: Vec<u64>,
    origins: Vec<u32>,
    pub(super) spans: Vec<Span>,
    /// Per span, the letters in its field (see [`span_mask`]) and [`SHORT`] for
    /// a field that is not prose: most fields are ruled out for a term from
    /// these four bytes, without reading the span or its text.
    pub(super) span_masks: Vec<u32>,
    /// `first[e]..first[e + 1]` are entity e's spans.
    first: Vec<u32>,
    pub(super) kinds: Vec<Kind>,
    /// Folded name or alias -> the entities that carry it exactly.
    pub(super) exact: FxHashMap<String, Vec<u32>>,
    /// Folded words (3+ chars) of names and aliases -> (entity, field, char offset in the field).
    pub(super) words: FxHashMap<String, Vec<(u32, Field, u32)>>,
    /// First one and two letters of name, alias, id and tag words (see
    /// [`short_key`]) -> entities (sorted), each with its best field for that
    /// prefix: the first one added, since fields are added best first.
    pub(super) short: FxHashMap<u64, Vec<(u32, Field)>>,
    /// Per entity, its place in the order of (name length, id): the tie-break of
    /// every ranking, as one number instead of two lookups and a string compare.
    pub(super) tiebreak: Vec<u32>,
    /// Per entity, which of the letters a-z and digits 0-9 occur in its folded text
    /// (see [`letter_mask`]): a term with a letter the entity lacks cannot match.
    pub(super) masks: Vec<u64>,
    /// Per entity, the places it is in, nearest first.
    pub(super) places: Lists<u32>,
    /// Per entity, the years its dates and dated facts cover (sorted, deduplicated).
    pub(super) years: Lists<i32>,
    /// Folded names, aliases and ids of places -> place entities.
    pub(super) place_names: Vec<(String, u32)>,
    /// While building: tag and place texts already in the buffer, so that the
    /// thousands of entities sharing one are given the same span text.
    shared: FxHashMap<String, (Span, u64)>,
    shared_count: usize,
}

impl Index {
    pub fn new(ds: &Dataset) -> Index {
        let mut ix = Index::sized(ds);
        let mut name_chars = Vec::with_capacity(ds.len());
        for (e, entity) in ds.entities.iter().enumerate() {
            ix.first.push(ix.spans.len() as u32);
            ix.masks.push(0);
            ix.short_masks.push(0);
            ix.kinds.push(entity.kind);
            name_chars.push(entity.name.chars().count() as u32);
            ix.add(e, Field::Name, &entity.name);
            for (i, a) in entity.aliases.iter().enumerate() {
                ix.add(e, Field::Alias(i as u16), a);
            }
            ix.add(e, Field::Id, &entity.id.replace('_', " "));
            for (i, t) in entity.tags.iter().enumerate() {
                ix.add(e, Field::Tag(i as u16), t);
            }
            // By position: `add` needs the index mutably while the list is read.
            for i in 0..ix.places.of(e).len() {
                let p = ix.places.of(e)[i];
                ix.add(e, Field::Place(i as u16), &ds.entity(p as usize).name);
            }
            ix.add(e, Field::Description, &entity.description);
            for (i, f) in entity.facts.iter().enumerate() {
                ix.add(e, Field::Fact(i as u16), &f.value);
            }
            let mut years: Vec<i32> = entity
                .all_dates()
                .flat_map(|w| {
                    let (a, b) = (w.start.year(), w.end.and_then(|d| d.year()));
                    let (a, b) = (a.or(b), b.or(a));
                    match (a, b) {
                        (Some(a), Some(b)) if b - a < 200 => (a..=b).collect(),
                        _ => Vec::new(),
                    }
                })
                .collect();
            years.sort_unstable();
            years.dedup();
            ix.years.push(&years);
            if entity.kind == Kind::Place {
                let names = std::iter::once(&entity.name).chain(&entity.aliases);
                for n in names.chain(std::iter::once(&entity.id)) {
                    let key = super::fold::fold_str(n).replace(['_', '-'], " ");
                    ix.place_names.push((key, e as u32));
                }
            }
        }
        ix.first.push(ix.spans.len() as u32);
        ix.shared_count = ix.shared.len();
        ix.shared = FxHashMap::default();
        let mut order: Vec<u32> = (0..ix.kinds.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            let id = |e: usize| ds.entities[e].id.as_str();
            (name_chars[a], id(a)).cmp(&(name_chars[b], id(b)))
        });
        ix.tiebreak = vec![0; order.len()];
        for (place, &e) in order.iter().enumerate() {
            ix.tiebreak[e as usize] = place as u32;
        }
        ix.shrink_to_fit();
        ix
    }

    fn add(&mut self, entity: usize, field: Field, text: &str) {
        if text.is_empty() {
            return;
        }
        let shared = matches!(field, Field::Tag(_) | Field::Place(_));
        if shared && let Some(&(span, mask)) = self.shared.get(text) {
            self.spans.push(Span { field, ..span });
            self.span_masks.push(narrow(mask) | SHORT);
            self.masks[entity] |= mask;
            self.short_masks[entity] |= mask;
            let folded = &self.buffer[span.start as usize..span.end as usize];
            add_short_words(&mut self.short, entity, field, folded);
            return;
        }
        // Plain ASCII, most text, folds to its lowercase with every char in place.
        let (folded, origin) = if text.is_ascii() {
            (text.to_ascii_lowercase(), None)
        } else {
            let f = fold(text);
            let identity = f.origin.iter().enumerate().all(|(i, &o)| i as u32 == o);
            (f.text, (!identity).then_some(f.origin))
        };
        // An alias that folds to the name or an earlier alias ("Lyonbiopole" for
        // "Lyonbiopôle") is the same search text: the name always wins it, so a
        // second copy would only be matched and scored again for nothing.
        if matches!(field, Field::Alias(_)) {
            let first = self.first[entity] as usize;
            let names = self.spans[first..].iter();
            if names
                .take_while(|s| matches!(s.field, Field::Name | Field::Alias(_)))
                .any(|s| self.buffer[s.start as usize..s.end as usize] == folded)
            {
                return;
            }
        }
        let origin = match origin {
            None => IDENTITY,
            Some(map) => {
                let at = self.origins.len() as u32;
                self.origins.extend_from_slice(&map);
                at
            }
        };
        let f = Folded { text: folded };
        let prose = is_prose(field);
        let buffer = if prose {
            if self.prose_owner.last().map(|o| o.1) != Some(entity as u32) {
                self.prose_owner
                    .push((self.prose.len() as u32, entity as u32));
            }
            &mut self.prose
        } else {
            &mut self.buffer
        };
        let start = buffer.len() as u32;
        buffer.push_str(&f.text);
        // A separator keeps a term from matching across two entities' prose.
        if prose {
            buffer.push('\n');
        }
        let span = Span {
            field,
            start,
            end: start + f.text.len() as u32,
            origin,
            shared: if shared {
                self.shared.len() as u32
            } else {
                NOT_SHARED
            },
        };
        self.spans.push(span);
        let mask = letter_mask(&f.text);
        self.span_masks
            .push(narrow(mask) | if prose { 0 } else { SHORT });
        self.masks[entity] |= mask;
        if !prose {
            self.short_masks[entity] |= mask;
        }
        if shared {
            self.shared.insert(text.to_string(), (span, mask));
        }
        add_short_words(&mut self.short, entity, field, &f.text);
        if matches!(field, Field::Name | Field::Alias(_)) {
            self.exact
                .entry(f.text.clone())
                .or_default()
                .push(entity as u32);
            let mut offset = 0u32;
            for word in f.text.split(|c: char| !c.is_alphanumeric()) {
                let chars = word.chars().count() as u32;
                if chars >= 3 {
                    self.words.entry(word.to_string()).or_default().push((
                        entity as u32,
                        field,
                        offset,
                    ));
                }
                offset += chars + 1;
            }
        }
    }

    /// How many distinct shared tag and place texts there are.
    pub(super) fn shared_texts(&self) -> usize {
        self.shared_count
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The searchable fields of an entity.
    pub(super) fn fields(&self, entity: usize) -> &[Span] {
        &self.spans[self.first[entity] as usize..self.first[entity + 1] as usize]
    }

    /// The masks of an entity's fields (see [`Index::span_masks`]), in the order
    /// of [`Index::fields`].
    pub(super) fn field_masks(&self, entity: usize) -> &[u32] {
        &self.span_masks[self.first[entity] as usize..self.first[entity + 1] as usize]
    }

    /// The global index of an entity's first span.
    pub(super) fn first_span(&self, entity: usize) -> usize {
        self.first[entity] as usize
    }

    pub(super) fn text(&self, span: &Span) -> &str {
        let buffer = if is_prose(span.field) {
            &self.prose
        } else {
            &self.buffer
        };
        &buffer[span.start as usize..span.end as usize]
    }

    /// Original char positions for char positions in a field's folded text.
    pub(super) fn original(&self, span: &Span, folded: &[usize]) -> Vec<usize> {
        if span.origin == IDENTITY {
            return folded.to_vec();
        }
        let len = self.text(span).chars().count();
        let origin = &self.origins[span.origin as usize..span.origin as usize + len];
        super::fold::to_original(origin, folded)
    }

    /// Place entities whose folded name, alias or id is or starts with `text`.
    pub(super) fn places_named(&self, text: &str) -> Vec<u32> {
        let exact: Vec<u32> = self
            .place_names
            .iter()
            .filter(|(n, _)| n == text)
            .map(|&(_, p)| p)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        let mut v: Vec<u32> = self
            .place_names
            .iter()
            .filter(|(n, _)| n.starts_with(text) || n.split(' ').any(|w| w == text))
            .map(|&(_, p)| p)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Lists the entity under the first one and two letters of each word of a
/// name, alias, id or tag.
fn add_short_words(
    short: &mut FxHashMap<u64, Vec<(u32, Field)>>,
    entity: usize,
    field: Field,
    folded: &str,
) {
    if !matches!(
        field,
        Field::Name | Field::Alias(_) | Field::Id | Field::Tag(_)
    ) {
        return;
    }
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        let mut chars = word.char_indices();
        for end in [
            chars.nth(1).map_or(word.len(), |(i, _)| i),
            chars.next().map_or(word.len(), |(i, _)| i),
        ] {
            if end > 0 {
                let list = short.entry(short_key(&word[..end])).or_default();
                if list.last().map(|l| l.0) != Some(entity as u32) {
                    list.push((entity as u32, field));
                }
            }
        }
    }
}
