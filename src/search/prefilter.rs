//! What rules an entity out for a word of three letters or more before it is
//! matched: a match needs a short field holding the word's letters in order,
//! prose holding it as typed, or a relation label holding it. Checked chunk by
//! chunk within the scoring pass, so what it reads is still in the cache when
//! the few entities it lets through are scored.

use rayon::prelude::*;

use super::index::{Index, Span, shared_bit};
use super::labels;
use super::letters::{SHORT, letter_mask, span_mask};
use super::literal::in_order;

/// From this many entities with prose on (about a megabyte of it), prose is
/// searched on every core, in chunks of entities (tests take that way, with
/// small chunks, on their small datasets too).
const PARALLEL_PROSE_FROM: usize = if cfg!(test) { 1 } else { 8_192 };
const PROSE_CHUNK: usize = if cfg!(test) { 64 } else { 4_096 };

/// The prefilter of one group of the query: an entity is kept when any of the
/// group's words (the word typed and its synonyms) could match it.
pub(super) struct Prefilter<'t> {
    words: Vec<WordFilter<'t>>,
    /// The relation labels that hold one of the words as typed, one bit each.
    labels: u64,
}

/// What one word needs.
struct WordFilter<'t> {
    text: &'t str,
    need: u64,
    letters: u32,
    /// The entities whose prose holds the word as typed, one bit each, from
    /// one vectorised pass over all prose: no other entity's prose is read.
    prose: Vec<u64>,
    /// Per shared text (a tag, place or fact label thousands of entities
    /// carry), whether it holds the word's letters in order: each is tried
    /// once, not once per entity.
    shared: Vec<bool>,
    /// Those that do, one bit each: an entity carrying none of them is
    /// decided from its own names, aliases and id.
    sign: u64,
}

impl<'t> Prefilter<'t> {
    pub(super) fn new(ix: &Index, words: &[&'t str]) -> Prefilter<'t> {
        let mut labels = 0u64;
        for n in 0..labels::count() {
            let label = super::fold::fold_str(labels::text(n as u8));
            if words.iter().any(|w| label.contains(w)) {
                labels |= 1 << n;
            }
        }
        Prefilter {
            words: words.iter().map(|w| WordFilter::new(ix, w)).collect(),
            labels,
        }
    }

    /// The entities of `entities` that could match, in their order.
    pub(super) fn keep(&self, ix: &Index, entities: impl Iterator<Item = u32>) -> Vec<u32> {
        let entities: Vec<u32> = entities.collect();
        let mut kept: Vec<u32> = Vec::new();
        for word in &self.words {
            kept.extend(word.keep(ix, entities.iter().copied()));
        }
        if self.labels != 0 {
            kept.extend(
                (entities.iter().copied())
                    .filter(|&e| ix.relation_labels(e as usize) & self.labels != 0),
            );
        }
        kept.sort_unstable();
        kept.dedup();
        kept
    }

    /// Whether entity `e`'s prose is known not to hold `text` as typed.
    pub(super) fn prose_lacks(&self, text: &str, e: usize) -> bool {
        self.words.iter().any(|w| w.text == text && !w.in_prose(e))
    }
}

impl<'t> WordFilter<'t> {
    fn new(ix: &Index, text: &'t str) -> WordFilter<'t> {
        let finder = memchr::memmem::Finder::new(text.as_bytes());
        let found = match ix.prose_candidates(text) {
            // Only the prose of the entities on every list of the word's trigrams.
            Some(candidates) => (candidates.into_iter())
                .filter(|&e| finder.find(ix.prose_of(e)).is_some())
                .collect(),
            None => prose_pass(ix, &finder),
        };
        let mut prose = vec![0u64; ix.len().div_ceil(64)];
        for e in found {
            prose[e as usize / 64] |= 1 << (e % 64);
        }
        let letters = span_mask(text) | SHORT;
        let holds = |field: usize| {
            let (span, mask) = ix.span(field);
            letters & !mask == 0 && in_order(ix.text(span).as_bytes(), text.as_bytes())
        };
        let shared: Vec<bool> = ix.shared_fields().map(|f| f.is_some_and(holds)).collect();
        let sign = (shared.iter().enumerate())
            .filter(|&(_, &holds)| holds)
            .fold(0, |sign, (k, _)| sign | shared_bit(k as u32));
        WordFilter {
            text,
            need: letter_mask(text),
            letters,
            prose,
            shared,
            sign,
        }
    }

    fn in_prose(&self, e: usize) -> bool {
        self.prose
            .get(e / 64)
            .is_some_and(|w| w >> (e % 64) & 1 == 1)
    }

    /// The entities of `entities` that could match the word, in their order.
    /// Done in three passes over a batch instead of entity by entity: the
    /// loads of each pass do not wait on one another, so the processor has
    /// many of them in flight at once (most miss the cache at 100,000 entities).
    fn keep(&self, ix: &Index, entities: impl Iterator<Item = u32>) -> Vec<u32> {
        let mut kept = Vec::new();
        // The fields whose letters allow the word: (entity, span).
        let mut fields: Vec<(u32, u32)> = Vec::new();
        for e in entities {
            let i = e as usize;
            if self.in_prose(i) {
                kept.push(e);
            } else if self.need & !ix.short_mask(i) == 0 {
                let first = ix.first_span(i);
                let masks = ix.field_masks(i);
                // No shared text of the entity holds the word: its own fields
                // come first, and are all that can.
                let read = match ix.carried_sign(i) & self.sign {
                    0 => ix.own_fields(i, masks.len()),
                    _ => masks.len(),
                };
                let masks = masks[..read].iter().enumerate();
                fields.extend(
                    masks
                        .filter(|&(_, &m)| self.letters & !m == 0)
                        .map(|(k, _)| (e, (first + k) as u32)),
                );
            }
        }
        // SHORT in the letters: every field found is a short one, in the buffer.
        let texts: Vec<(u32, Span)> = (fields.iter())
            .map(|&(e, s)| (e, *ix.span(s as usize).0))
            .collect();
        let needle = self.text.as_bytes();
        let mut last = None;
        for (e, span) in texts {
            if last == Some(e) {
                continue;
            }
            // A shared text was tried when the filter was made.
            let found = match self.shared.get(span.shared as usize) {
                Some(&holds) => holds,
                None => in_order(ix.text(&span).as_bytes(), needle),
            };
            if found {
                kept.push(e);
                last = Some(e);
            }
        }
        // Entities kept for their prose came first: back to the given order.
        kept.sort_unstable();
        kept.dedup();
        kept
    }
}

/// The entities whose prose holds `finder`'s word, by one vectorised pass over
/// all prose (on every core when there is much of it).
fn prose_pass(ix: &Index, finder: &memchr::memmem::Finder) -> Vec<u32> {
    let (bytes, owners) = ix.prose();
    // A chunk of owners is a stretch of prose. No match crosses from one
    // to the next: each entity's prose ends with a line end, and no term
    // holds one.
    let in_chunk = |k: usize| {
        let range = k * PROSE_CHUNK..((k + 1) * PROSE_CHUNK).min(owners.len());
        let (from, to) = (owners[range.start].0 as usize, owners.get(range.end));
        let to = to.map_or(bytes.len(), |o| o.0 as usize);
        let part = &owners[range];
        let starts = finder.find_iter(&bytes[from..to]);
        let found = starts.map(move |at| part.partition_point(|o| o.0 as usize <= from + at));
        found.filter_map(move |k| part.get(k.wrapping_sub(1)).map(|o| o.1))
    };
    let chunks = owners.len().div_ceil(PROSE_CHUNK);
    match owners.len() < PARALLEL_PROSE_FROM {
        true => (0..chunks).flat_map(in_chunk).collect(),
        false => (0..chunks)
            .into_par_iter()
            .flat_map_iter(in_chunk)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the chars of `term` occur in `text` in order, the plain way.
    fn subsequence(text: &str, term: &str) -> bool {
        let mut chars = text.chars();
        term.chars().all(|t| chars.any(|c| c == t))
    }

    /// The batched filter keeps exactly the entities a plain walk over every
    /// field finds: a short field with the term's letters in order, prose
    /// holding it as typed, or a relation label holding it. Keeping fewer
    /// would lose matches; more, time. So does the filter of the index read
    /// back from the cache.
    #[test]
    fn the_filter_keeps_what_a_plain_walk_over_every_field_keeps() {
        let ds = crate::validate::build(&crate::synth::generate(3000, 7));
        let built = Index::new(&ds);
        assert!(built.trigram_bytes() > 0, "the trigram lists are in use");
        let back = super::super::halves::read_back(&built, ds.len());
        let terms = [
            "lyo", "med", "llo", "gmbh", "ique", "zzq", "2015", "sant", "partn", "ty0",
        ];
        // Both ways of deciding on shared texts are taken: some words are
        // held by one of them, others by none.
        let signs: Vec<u64> = (terms.iter())
            .map(|t| Prefilter::new(&built, &[t]).words[0].sign)
            .collect();
        assert!(
            signs.contains(&0) && signs.iter().any(|&s| s != 0),
            "{signs:?}"
        );
        for (ix, term) in [&built, &back]
            .into_iter()
            .flat_map(|ix| terms.map(|t| (ix, t)))
        {
            let filter = Prefilter::new(ix, &[term]);
            // The trigram lists find the prose a pass over all of it finds.
            let finder = memchr::memmem::Finder::new(term.as_bytes());
            let mut passed = prose_pass(ix, &finder);
            passed.sort_unstable();
            passed.dedup();
            let listed: Vec<u32> = (0..ix.len() as u32)
                .filter(|&e| filter.words[0].in_prose(e as usize))
                .collect();
            assert_eq!(listed, passed, "{term}: prose by trigrams");
            let plain = |e: usize| {
                let label = ds
                    .links(e)
                    .any(|l| super::super::fold::fold_str(l.label()).contains(term));
                label
                    || ix.fields(e).iter().any(|s| match s.field.is_prose() {
                        true => ix.text(s).contains(term),
                        false => subsequence(ix.text(s), term),
                    })
            };
            let want: Vec<u32> = (0..ix.len())
                .filter(|&e| plain(e))
                .map(|e| e as u32)
                .collect();
            assert_eq!(filter.keep(ix, 0..ix.len() as u32), want, "{term}");
            // Over any part of the entities, in the order given.
            let some = (0..ix.len() as u32).filter(|e| e % 3 == 1);
            let want_some: Vec<u32> = want.iter().copied().filter(|e| e % 3 == 1).collect();
            assert_eq!(filter.keep(ix, some), want_some, "{term}, every third");
            if term != "zzq" {
                assert!(!want.is_empty(), "{term} should be somewhere");
            }
        }
    }
}
