//! The index as the compiled cache stores it: every field as built, but the
//! typo words as plain sorted text (the finite-state set is rebuilt from them
//! on reading, since its own bytes could not be checked cheaply), and the
//! check a decoded index must pass before a search may read it: every offset
//! inside its buffer and on a char boundary, every entity number inside the
//! dataset, every per-entity table of the dataset's length. A search indexes
//! these without further checks, so an index that passes cannot panic one.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::words::{Initials, Words};
use super::{Carried, Index, NOT_SHARED};
use crate::cache::format::Bad;
use crate::search::flat::Lists;

impl Serialize for Words {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.joined(), &self.entities).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (joined, entities): (String, Lists<u32>) = Deserialize::deserialize(d)?;
        Words::from_joined(joined, entities).ok_or_else(|| D::Error::custom("words not sorted"))
    }
}

impl<T: Copy> Lists<T> {
    /// Starts from 0, never go back, and end at the last item.
    pub(super) fn sound(&self, lists: usize) -> bool {
        let ends = self.start.first() == Some(&0)
            && self.start.last().map(|&l| l as usize) == Some(self.items.len());
        ends && self.start.len() == lists + 1 && self.start.windows(2).all(|w| w[0] <= w[1])
    }

    pub(super) fn items(&self) -> &[T] {
        &self.items
    }
}

impl Initials {
    fn entities(&self) -> impl Iterator<Item = u32> + '_ {
        self.entries()
            .iter()
            .map(|&(_, e)| e & !super::words::ALIAS)
    }
}

impl Index {
    /// Whether a decoded index can be searched over a dataset of `n`
    /// entities; if so, what it derives from its spans is made ready.
    pub fn check(&mut self, n: usize) -> Result<(), Bad> {
        let per_entity = [
            self.kinds.len(),
            self.masks.len(),
            self.short_masks.len(),
            self.tiebreak.len(),
            self.by_name.len(),
            self.relation_labels.len(),
        ];
        if per_entity.iter().any(|&l| l != n) || self.first.len() != n + 1 {
            return Err(Bad("index of another size"));
        }
        // The spans on one core, every other table on the other, from a
        // size where that is worth a thread.
        let (spans, others) = if self.spans.len() < 1 << 16 {
            (self.check_spans(), self.check_others(n))
        } else {
            rayon::join(|| self.check_spans(), || self.check_others(n))
        };
        self.carried = spans?;
        others
    }

    /// Every entity number inside the dataset, every list sound, prose
    /// owners in order.
    fn check_others(&self, n: usize) -> Result<(), Bad> {
        let inside = |e: u32| (e as usize) < n;
        let lists = self.places.sound(n)
            && self.years.sound(n)
            && self.places.items().iter().all(|&p| inside(p))
            && self.words.entities.sound(self.words.len())
            && self.words.entities.items().iter().all(|&e| inside(e));
        let lookups = self.exact.is_sound()
            && self.exact.entities.items().iter().all(|&e| inside(e))
            && self.short.entities().all(inside)
            && self.place_names.sound_below(n)
            && self.initials.entities().all(inside)
            && self.synonyms.is_sound();
        let prose = self.prose_owner.windows(2).all(|w| w[0].0 <= w[1].0)
            && (self.prose_owner.iter())
                .all(|&(at, e)| inside(e) && at as usize <= self.prose.len());
        // A pane filled from the order shows each entity once.
        let by_name = crate::search::names::is_permutation(&self.by_name, n);
        if lists && lookups && prose && by_name && self.origins.sound() {
            Ok(())
        } else {
            Err(Bad("index points outside the dataset"))
        }
    }

    /// Each entity's spans in order, each span inside its buffer, on char
    /// boundaries;
    /// what the prefilter reads of them, worked out on the way.
    fn check_spans(&self) -> Result<Carried, Bad> {
        let bad = Bad("index span out of place");
        let ordered = self.first.first() == Some(&0)
            && self.first.windows(2).all(|w| w[0] <= w[1])
            && self.first.last().map(|&l| l as usize) == Some(self.spans.len());
        if !ordered || self.span_masks.len() != self.spans.len() {
            return Err(bad);
        }
        // The memo of shared texts is sized by their count.
        if self.shared_count > self.spans.len() {
            return Err(bad);
        }
        let n = self.first.len() - 1;
        let mut carried = Carried::with_capacity(n, self.shared_count);
        for e in 0..n {
            let (first, spans) = (self.first_span(e), self.fields(e));
            for span in spans {
                let buffer = if span.field.is_prose() {
                    &self.prose
                } else {
                    &self.buffer
                };
                let text = buffer.get(span.start as usize..span.end as usize);
                let shared =
                    span.shared == NOT_SHARED || (span.shared as usize) < self.shared_count;
                if text.is_none() || !shared {
                    return Err(bad);
                }
            }
            carried.add(first, spans);
        }
        Ok(carried)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> (Index, usize) {
        let ds = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX)
            .expect("built-in")
            .dataset;
        (Index::new(&ds), ds.len())
    }

    #[test]
    fn a_sound_index_passes_and_each_kind_of_damage_is_refused() {
        let (mut ix, n) = index();
        assert_eq!(ix.check(n), Ok(()));
        assert!(ix.check(n + 1).is_err(), "another dataset's size");
        let (mut ix, _) = index();
        ix.exact.entities.items[0] = n as u32;
        assert!(ix.check(n).is_err(), "an exact name's entity");
        let (mut ix, _) = index();
        ix.spans[0].end = ix.buffer.len() as u32 + 1;
        assert!(ix.check(n).is_err(), "a span past its buffer");
        let (mut ix, _) = index();
        let last = ix.first.len() - 1;
        ix.first[last] -= 1;
        assert!(ix.check(n).is_err(), "spans that do not add up");
        let (mut ix, _) = index();
        ix.shared_count = ix.spans.len() + 1;
        assert!(ix.check(n).is_err(), "a memo sized past the spans");
    }

    #[test]
    fn words_come_back_from_their_text_only_when_sorted() {
        let (ix, _) = index();
        let joined = ix.words.joined();
        let entities = Lists {
            start: ix.words.entities.start.clone(),
            items: ix.words.entities.items.clone(),
        };
        let back = Words::from_joined(joined.clone(), entities).expect("sorted");
        assert_eq!(back.len(), ix.words.len());
        assert_eq!(back.joined(), joined);
        assert!(Words::from_joined("zeta\nalpha".into(), Lists::default()).is_none());
        assert!(Words::from_joined("same\nsame".into(), Lists::default()).is_none());
    }
}
