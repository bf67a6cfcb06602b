//! Whole names and aliases run together ([`compact`](crate::search::fold::compact))
//! and the entities that carry each: what makes an exact name rank first and
//! what `show` resolves a typed name by. Gathered in a map while the index is
//! built, then kept as one sorted text with the entities in one flat list:
//! a map of 100,000 keys held 200,000 small allocations, which a cached load
//! had to make again one by one (a fifth of the index's decode at 100,000).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::search::flat::{Lists, Strings};

/// Key `i` is `keys.get(i)`; keys in ascending order, each once; its
/// entities are `entities.of(i)`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Exact {
    keys: Strings,
    pub(super) entities: Lists<u32>,
}

impl Exact {
    /// The sorted form of what the build gathered.
    pub fn from_map(map: FxHashMap<String, Vec<u32>>) -> Exact {
        let mut found: Vec<(String, Vec<u32>)> = map.into_iter().collect();
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let bytes = found.iter().map(|(k, _)| k.len()).sum();
        let items = found.iter().map(|(_, l)| l.len()).sum();
        let mut exact = Exact {
            keys: Strings::with_capacity(found.len(), bytes),
            entities: Lists::with_capacity(found.len(), items),
        };
        for (key, list) in &found {
            exact.keys.push(key);
            exact.entities.push(list);
        }
        exact
    }

    /// A table of keys given in ascending order, each once, with one entity
    /// each: the dataset's ids, which the compiled cache keeps so that a
    /// one-off lookup finds a note's entity without decoding the dataset.
    pub fn of_sorted<'a>(pairs: impl ExactSizeIterator<Item = (&'a str, u32)>) -> Exact {
        let mut exact = Exact {
            keys: Strings::with_capacity(pairs.len(), 0),
            entities: Lists::with_capacity(pairs.len(), pairs.len()),
        };
        for (key, e) in pairs {
            exact.keys.push(key);
            exact.entities.push(&[e]);
        }
        exact
    }

    /// Whether a decoded table is in order, cut on char boundaries, and
    /// names only entities below `n`.
    pub fn sound_below(&self, n: usize) -> bool {
        self.is_sound() && self.entities.items().iter().all(|&e| (e as usize) < n)
    }

    /// The entities with this compact name or alias.
    pub fn get(&self, key: &str) -> &[u32] {
        let at = self.partition(key);
        if at < self.keys.len() && self.key(at) == key {
            self.entities.of(at)
        } else {
            &[]
        }
    }

    /// How many keys sort before `key`.
    fn partition(&self, key: &str) -> usize {
        let (mut low, mut high) = (0, self.keys.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.key(mid) < key {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// How many keys.
    pub(super) fn len(&self) -> usize {
        self.keys.len()
    }

    /// Key `i`; empty where the keys' ends do not fit their text, which
    /// [`Exact::is_sound`] refuses before any search.
    pub(super) fn key(&self, i: usize) -> &str {
        self.keys.get(i)
    }

    /// Whether a decoded form can be read: its keys cut on char boundaries,
    /// in ascending order, each once, and a list of entities for each.
    pub(super) fn is_sound(&self) -> bool {
        let ordered = || (1..self.len()).all(|i| self.key(i - 1) < self.key(i));
        self.keys.is_sound() && ordered() && self.entities.sound(self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact() -> Exact {
        let mut map = FxHashMap::default();
        for (key, entities) in [
            ("magia", vec![3]),
            ("biowin", vec![1, 7]),
            ("eccp", vec![0]),
        ] {
            map.insert(key.to_string(), entities);
        }
        Exact::from_map(map)
    }

    #[test]
    fn each_key_finds_its_entities_and_no_other_key_finds_any() {
        let exact = exact();
        assert_eq!(exact.get("biowin"), &[1, 7]);
        assert_eq!(exact.get("magia"), &[3]);
        assert_eq!(exact.get("eccp"), &[0]);
        for other in ["", "bio", "biowinn", "zzz", "a"] {
            assert!(exact.get(other).is_empty(), "{other}");
        }
        assert!(exact.is_sound());
    }

    #[test]
    fn keys_out_of_order_or_cut_inside_a_char_are_refused() {
        let mut swapped = exact();
        swapped.keys.text = "eccpbiowinmagia".into();
        assert!(!swapped.is_sound(), "out of order");
        let mut cut = exact();
        cut.keys.text = "biowiné".into();
        cut.keys.ends = vec![6, 7, 8];
        assert!(!cut.is_sound(), "inside a char");
    }
}
