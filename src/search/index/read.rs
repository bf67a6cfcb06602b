//! What the rest of the search reads of the index: each entity's fields and
//! masks, texts and their way back to original chars, and the lookups (exact
//! names, word prefixes, typos, initials, synonyms, places).

use super::super::Field;
use super::super::letters::short_key;
use super::trigrams::Trigrams;
use super::{Index, ShortList, Span};
use crate::model::Kind;

/// What the rest of the search reads of the index.
impl Index {
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    pub(in crate::search) fn kind(&self, entity: usize) -> Kind {
        self.kinds[entity]
    }

    /// The letters of the entity's text (see [`Index::masks`]).
    pub(in crate::search) fn mask(&self, entity: usize) -> u64 {
        self.masks[entity]
    }

    /// The letters of the entity's short fields and relation labels.
    pub(in crate::search) fn short_mask(&self, entity: usize) -> u64 {
        self.short_masks[entity]
    }

    /// The entity's relation labels, one bit per label number.
    pub(in crate::search) fn relation_labels(&self, entity: usize) -> u64 {
        self.relation_labels.get(entity).copied().unwrap_or(0)
    }

    pub(in crate::search) fn tiebreak(&self, entity: usize) -> u32 {
        self.tiebreak[entity]
    }

    /// Every entity by folded name, then number: the order a list of them
    /// is shown in (see [`crate::search::names`]).
    pub fn by_name(&self) -> &[u32] {
        &self.by_name
    }

    /// An entity's folded name (empty when it has none): its first field,
    /// where that is its name.
    pub(in crate::search) fn folded_name(&self, entity: usize) -> &str {
        match self.fields(entity).first() {
            Some(span) if span.field == Field::Name => self.text(span),
            _ => "",
        }
    }

    /// How many distinct shared tag, place and fact label texts there are.
    pub(in crate::search) fn shared_texts(&self) -> usize {
        self.shared_count
    }

    /// The searchable fields of an entity.
    pub(in crate::search) fn fields(&self, entity: usize) -> &[Span] {
        &self.spans[self.first[entity] as usize..self.first[entity + 1] as usize]
    }

    /// The masks of an entity's fields, in the order of [`Index::fields`].
    pub(in crate::search) fn field_masks(&self, entity: usize) -> &[u32] {
        &self.span_masks[self.first[entity] as usize..self.first[entity + 1] as usize]
    }

    /// The shared texts an entity carries, one bit each (see [`super::shared_bit`]).
    pub(in crate::search) fn carried_sign(&self, entity: usize) -> u64 {
        self.carried.sign(entity)
    }

    /// How many of an entity's first fields hold all its own short fields
    /// (names, aliases, id), of `fields` in all.
    pub(in crate::search) fn own_fields(&self, entity: usize, fields: usize) -> usize {
        self.carried.own(entity, fields)
    }

    /// A field carrying each shared text, by the text's number.
    pub(in crate::search) fn shared_fields(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.carried.texts()
    }

    /// The global index of an entity's first span.
    pub(in crate::search) fn first_span(&self, entity: usize) -> usize {
        self.first[entity] as usize
    }

    /// A span by its global index, with its mask.
    pub(in crate::search) fn span(&self, span: usize) -> (&Span, u32) {
        (&self.spans[span], self.span_masks[span])
    }

    pub(in crate::search) fn text(&self, span: &Span) -> &str {
        let buffer = if span.field.is_prose() {
            &self.prose
        } else {
            &self.buffer
        };
        &buffer[span.start as usize..span.end as usize]
    }

    /// All prose, and where each entity's starts: (offset, entity), ascending.
    pub(in crate::search) fn prose(&self) -> (&[u8], &[(u32, u32)]) {
        (self.prose.as_bytes(), &self.prose_owner)
    }

    /// The entities whose prose may hold `word` (ascending), from the trigram
    /// lists; `None` when there are none or the word is shorter than three bytes.
    pub(in crate::search) fn prose_candidates(&self, word: &str) -> Option<Vec<u32>> {
        self.trigrams.as_ref()?.candidates(word.as_bytes())
    }

    /// Entity `e`'s prose (empty when it has none).
    pub(in crate::search) fn prose_of(&self, e: u32) -> &[u8] {
        let owners = &self.prose_owner;
        let k = owners.partition_point(|o| o.1 < e);
        match owners.get(k) {
            Some(&(from, owner)) if owner == e => {
                let to = owners.get(k + 1).map_or(self.prose.len(), |o| o.0 as usize);
                &self.prose.as_bytes()[from as usize..to]
            }
            _ => &[],
        }
    }

    /// The letters most likely to follow `prefix` in a name or alias word
    /// (see [`super::words::Words::next_letters`]).
    pub(in crate::search) fn next_letters(&self, prefix: &str, k: usize) -> Vec<char> {
        self.words.next_letters(prefix, k)
    }

    /// Heap bytes of the trigram lists (for the memory figures).
    pub fn trigram_bytes(&self) -> usize {
        self.trigrams.as_ref().map_or(0, Trigrams::bytes)
    }

    /// Original char positions for char positions in a field's folded text.
    pub(in crate::search) fn original(&self, span: &Span, folded: &[usize]) -> Vec<usize> {
        let len = self.text(span).chars().count();
        match self.origins.of(span, len) {
            Some(origin) => super::super::fold::to_original(origin, folded),
            None => folded.to_vec(),
        }
    }

    /// The entities with a name or alias that, run together, is `compact`.
    pub(in crate::search) fn exact(&self, compact: &str) -> &[u32] {
        self.exact.get(compact)
    }

    /// The entities with a name, alias, id or tag word starting with `prefix`
    /// (one or two chars), each with the best such field.
    pub(in crate::search) fn short_list(&self, prefix: &str) -> ShortList<'_> {
        self.short.get(short_key(prefix))
    }

    /// Name and alias words within `max` edits of `term`.
    pub(in crate::search) fn near_words(
        &self,
        term: &str,
        max: usize,
    ) -> Vec<(usize, String, &[u32])> {
        self.words.near(term, max)
    }

    /// Entities (ascending) with a name or alias of these initials, each with
    /// the kind of field that has them (the name, or some alias).
    pub(in crate::search) fn initials(
        &self,
        term: &str,
    ) -> impl Iterator<Item = (u32, Field)> + '_ {
        self.initials.of(term)
    }

    /// The other words of a word's synonym group.
    pub(in crate::search) fn synonyms<'a>(
        &'a self,
        word: &str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.synonyms.of(word)
    }

    pub(in crate::search) fn places_of(&self, entity: usize) -> &[u32] {
        self.places.of(entity)
    }

    /// The place a hit's [`Field::Place`]`(i)` names: the entity's `i`th
    /// place, nearest first.
    pub fn place(&self, entity: usize, i: usize) -> Option<usize> {
        self.places.of(entity).get(i).map(|&p| p as usize)
    }

    pub(in crate::search) fn years_of(&self, entity: usize) -> &[i32] {
        self.years.of(entity)
    }

    /// The folded names of the places a word names by another of their
    /// names (`wallonie`, `belgique`, `italian`): an entity's place fields
    /// hold its places' names alone, so `wallonie biowin` looks for these.
    pub(in crate::search) fn place_names_for(&self, word: &str) -> Vec<&str> {
        let mut out: Vec<&str> = (self.place_names.iter())
            .filter(|&(n, _)| n == word)
            .map(|(_, p)| self.folded_name(p as usize))
            .filter(|name| *name != word)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether `text` (folded) is a place's whole name, alias or id.
    pub(in crate::search) fn names_a_place(&self, text: &str) -> bool {
        self.place_names.iter().any(|(n, _)| n == text)
    }

    /// Place entities whose folded name, alias or id is or starts with `text`.
    pub(in crate::search) fn places_named(&self, text: &str) -> Vec<u32> {
        let exact: Vec<u32> = self
            .place_names
            .iter()
            .filter(|&(n, _)| n == text)
            .map(|(_, p)| p)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        let mut v: Vec<u32> = self
            .place_names
            .iter()
            .filter(|&(n, _)| n.starts_with(text) || n.split(' ').any(|w| w == text))
            .map(|(_, p)| p)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}
