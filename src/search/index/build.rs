//! Building the index: each entity's fields folded into the buffers once, in
//! entity order, a shared text stored once, and the lookups each field feeds
//! (letters, short words, exact names, initials, name words) filled as it goes.

use rustc_hash::FxHashMap;

use super::words::{self, WordsBuilder};
use super::{Carried, Index, NOT_SHARED, ShortsBuilder, Span, Synonyms};
use crate::model::{Dataset, Kind};
use crate::search::Field;
use crate::search::fold::{compact, fold, fold_ascii, fold_str};
use crate::search::labels;
use crate::search::letters::{SHORT, letter_mask, narrow, short_key};

impl Index {
    pub fn new(ds: &Dataset) -> Index {
        let mut ix = Index::sized(ds);
        ix.building_words = Some(WordsBuilder::default());
        for (e, entity) in ds.entities.iter().enumerate() {
            ix.first.push(ix.spans.len() as u32);
            ix.masks.push(0);
            ix.short_masks.push(0);
            ix.kinds.push(entity.kind);
            ix.add(e, Field::Name, &entity.name);
            for (i, a) in entity.aliases.iter().enumerate() {
                ix.add(e, Field::Alias(i as u16), a);
            }
            ix.add(e, Field::Id, &entity.id);
            for (i, t) in entity.tags.iter().enumerate() {
                ix.add(e, Field::Tag(i as u16), t);
            }
            // By position: `add` needs the index mutably while the list is read.
            for i in 0..ix.places.of(e).len() {
                let p = ix.places.of(e)[i];
                ix.add(e, Field::Place(i as u16), &ds.entity(p as usize).name);
            }
            for (i, f) in entity.facts.iter().enumerate() {
                ix.add(e, Field::FactLabel(i as u16), &f.label);
            }
            ix.add(e, Field::Description, &entity.description);
            for (i, f) in entity.facts.iter().enumerate() {
                ix.add(e, Field::Fact(i as u16), &f.value);
            }
            ix.add_relation_labels(ds, e);
            ix.add_years(entity);
            if entity.kind == Kind::Place {
                for n in entity.names().chain([&*entity.id]) {
                    ix.place_names.push(&fold_str(n), e as u32);
                }
            }
        }
        ix.first.push(ix.spans.len() as u32);
        // The maps gathered on the way are turned into their lasting forms
        // and freed first, before the lists built from the whole index: they
        // are its largest passing part (some 120 MiB at a million entities),
        // and the lists would otherwise be made while they still exist.
        ix.shared_count = ix.shared.len();
        ix.shared = FxHashMap::default();
        ix.exact = super::exact::Exact::from_map(std::mem::take(&mut ix.building_exact));
        ix.words = ix.building_words.take().unwrap_or_default().finish();
        ix.initials.finish();
        ix.short = std::mem::take(&mut ix.building_short).finish();
        ix.shrink_to_fit();
        if ix.prose.len() >= super::TRIGRAMS_FROM {
            ix.trigrams = Some(super::Trigrams::new(ix.prose.as_bytes(), &ix.prose_owner));
        }
        let mut carried = Carried::with_capacity(ds.len(), ix.shared_count);
        for e in 0..ds.len() {
            carried.add(ix.first_span(e), ix.fields(e));
        }
        ix.carried = carried;
        // A large dataset's index is built off the explorer's thread: the
        // typo automata too, then, not on the first keystroke.
        if ds.len() >= 5_000 {
            words::prepare_automata();
        }
        ix.synonyms = Synonyms::from_map(&synonym_map(&ds.synonyms));
        // The names folded above, read back rather than folded again. The
        // two sorts one after the other: each needs 16 bytes an entity for a
        // moment, and the build's end is where its memory peaks (both at
        // once, on two cores, took the million's peak from 1,224 to 1,257 MiB).
        ix.by_name = crate::search::names::sorted(ds.len(), |e| ix.folded_name(e as usize));
        ix.tiebreak = super::tiebreak::tiebreak(ds);
        ix
    }

    /// The years the entity's dates and dated facts cover.
    fn add_years(&mut self, entity: &crate::model::Entity) {
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
        self.years.push(&years);
    }

    /// The labels of the entity's relations, as read from it, and their letters.
    fn add_relation_labels(&mut self, ds: &Dataset, e: usize) {
        let mut bits = 0u64;
        for link in ds.links(e) {
            bits |= 1 << labels::number(link.relation.rel, link.direction);
        }
        let mut letters = 0;
        for n in (0..labels::count()).filter(|n| bits >> n & 1 == 1) {
            letters |= letter_mask(labels::text(n as u8));
        }
        self.masks[e] |= letters;
        self.short_masks[e] |= letters;
        self.relation_labels.push(bits);
    }

    /// One field's text: folded into the buffer for short fields or prose,
    /// its letters into the masks, its words into the lookups it feeds. A
    /// shared text (a tag, place or fact label) is stored once.
    fn add(&mut self, entity: usize, field: Field, text: &str) {
        if text.is_empty() {
            return;
        }
        let shared = matches!(field, Field::Tag(_) | Field::Place(_) | Field::FactLabel(_));
        if shared && self.add_shared_again(entity, field, text) {
            return;
        }
        let (folded, origin) = fold_for_index(text);
        if matches!(field, Field::Alias(_)) && self.repeats_a_name(entity, &folded) {
            return;
        }
        let span = self.store(entity, field, &folded, origin, shared);
        let prose = field.is_prose();
        let mask = letter_mask(&folded);
        self.span_masks
            .push(narrow(mask) | if prose { 0 } else { SHORT });
        self.masks[entity] |= mask;
        if !prose {
            self.short_masks[entity] |= mask;
        }
        if shared {
            self.shared.insert(text.to_string(), (span, mask));
        }
        add_short_words(&mut self.building_short, entity, field, &folded);
        if field.is_name() {
            self.building_exact
                .entry(compact(&folded))
                .or_default()
                .push(entity as u32);
            self.initials.add(entity, field, &folded);
            if let Some(words) = self.building_words.as_mut() {
                words.add(entity, &folded);
            }
        }
    }

    /// A shared text stored before, given to `entity` too; false when new.
    fn add_shared_again(&mut self, entity: usize, field: Field, text: &str) -> bool {
        let Some(&(span, mask)) = self.shared.get(text) else {
            return false;
        };
        self.spans.push(Span { field, ..span });
        self.span_masks.push(narrow(mask) | SHORT);
        self.masks[entity] |= mask;
        self.short_masks[entity] |= mask;
        let folded = &self.buffer[span.start as usize..span.end as usize];
        add_short_words(&mut self.building_short, entity, field, folded);
        true
    }

    /// Whether an alias folds to the name or an earlier alias ("Lyonbiopole"
    /// for "Lyonbiopôle"): the same search text, which the name always wins,
    /// so a second copy would only be matched and scored again for nothing.
    fn repeats_a_name(&self, entity: usize, folded: &str) -> bool {
        let first = self.first[entity] as usize;
        (self.spans[first..].iter())
            .take_while(|s| matches!(s.field, Field::Name | Field::Alias(_)))
            .any(|s| self.buffer[s.start as usize..s.end as usize] == *folded)
    }

    /// The folded text stored, prose apart from short fields, with its way
    /// back to the original when folding moved characters; its span.
    fn store(
        &mut self,
        entity: usize,
        field: Field,
        folded: &str,
        origin: Option<Vec<u32>>,
        shared: bool,
    ) -> Span {
        let prose = field.is_prose();
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
        if let Some(map) = origin {
            self.origins.add(prose, start, &map);
        }
        buffer.push_str(folded);
        // A separator keeps a term from matching across two entities' prose.
        if prose {
            buffer.push('\n');
        }
        let span = Span {
            field,
            start,
            end: start + folded.len() as u32,
            shared: if shared {
                self.shared.len() as u32
            } else {
                NOT_SHARED
            },
        };
        self.spans.push(span);
        span
    }
}

/// Text folded for the index, and the way back to the original's characters
/// when it is not one for one. Plain ASCII, most text, folds char for char
/// (a `+` may be "plus").
fn fold_for_index(text: &str) -> (String, Option<Vec<u32>>) {
    if text.is_ascii() && !text.contains('+') {
        let bytes: Vec<u8> = text.bytes().map(fold_ascii).collect();
        (String::from_utf8(bytes).unwrap_or_default(), None)
    } else {
        let f = fold(text);
        let identity = f.origin.iter().enumerate().all(|(i, &o)| i as u32 == o);
        (f.text, (!identity).then_some(f.origin))
    }
}

/// Each folded word of the synonym groups, with the other words it equals.
/// Groups that share a word are one group: equal is equal.
fn synonym_map(groups: &[Vec<String>]) -> FxHashMap<String, Vec<String>> {
    let mut merged: Vec<Vec<String>> = Vec::new();
    for group in groups {
        let words: Vec<String> = group
            .iter()
            .map(|w| fold_str(w).trim().to_string())
            .collect();
        let (joined, rest): (Vec<Vec<String>>, Vec<Vec<String>>) = merged
            .into_iter()
            .partition(|m| m.iter().any(|w| words.contains(w)));
        merged = rest;
        let mut all: Vec<String> = joined.into_iter().flatten().chain(words).collect();
        all.sort();
        all.dedup();
        all.retain(|w| !w.is_empty());
        merged.push(all);
    }
    let mut map = FxHashMap::default();
    for group in merged {
        for w in &group {
            let others: Vec<String> = group.iter().filter(|o| *o != w).cloned().collect();
            if !others.is_empty() {
                map.insert(w.clone(), others);
            }
        }
    }
    map
}

/// Lists the entity under the first one and two letters of each word of a
/// name, alias, id or tag.
fn add_short_words(short: &mut ShortsBuilder, entity: usize, field: Field, folded: &str) {
    if !matches!(
        field,
        Field::Name | Field::Alias(_) | Field::Id | Field::Tag(_)
    ) {
        return;
    }
    for (_, word) in words::split(folded) {
        let mut chars = word.char_indices();
        for end in [
            chars.nth(1).map_or(word.len(), |(i, _)| i),
            chars.next().map_or(word.len(), |(i, _)| i),
        ] {
            short.add(short_key(&word[..end]), entity as u32, field);
        }
    }
}
