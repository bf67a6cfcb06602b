//! The one- and two-letter prefix lists: for the first one and two letters
//! of each word of a name, alias, id or tag, the entities that have one
//! (ascending), each with the kind of its best such field. The first
//! keystrokes are answered from them alone. A list is two columns, the
//! entities and one byte a kind beside them: at a million entities that is
//! 5 bytes an entry where an entity and a whole field took 8, a third of
//! some 91 MiB, and only the kind is read (its number within the entity's
//! aliases or tags never was). Gathered in a map while the index is built,
//! then kept as a sorted table of keys with the lists in flat columns.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::search::Field;
use crate::search::flat::Lists;

/// One prefix's list, as read from [`Shorts`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShortList<'a> {
    entities: &'a [u32],
    /// [`Field::rank`] of each entity's best field: a name, alias, id or tag.
    kinds: &'a [u8],
}

impl<'a> ShortList<'a> {
    /// The entities listed, ascending.
    pub fn entities(self) -> &'a [u32] {
        self.entities
    }

    /// Each entity with its best field's kind (as the field of that kind
    /// numbered 0: a score and a rank read only the kind).
    pub fn iter(self) -> impl Iterator<Item = (u32, Field)> + 'a {
        let fields = self.kinds.iter().map(|&k| field_of(k));
        self.entities.iter().copied().zip(fields)
    }
}

/// The way back from [`Field::rank`] for the four kinds listed.
fn field_of(kind: u8) -> Field {
    match kind {
        0 => Field::Name,
        1 => Field::Alias(0),
        2 => Field::Id,
        _ => Field::Tag(0),
    }
}

/// The lists while the index is built: by key, as entities come.
#[derive(Debug, Default)]
pub struct ShortsBuilder(FxHashMap<u64, (Vec<u32>, Vec<u8>)>);

impl ShortsBuilder {
    /// Lists `entity` under `key` with `field`, unless it is listed last
    /// already: entities come in order and their fields best first.
    pub(super) fn add(&mut self, key: u64, entity: u32, field: Field) {
        let (entities, kinds) = self.0.entry(key).or_default();
        if entities.last() != Some(&entity) {
            entities.push(entity);
            kinds.push(field.rank());
        }
    }

    /// The lists in their lasting form, each freed as it is copied.
    pub(super) fn finish(mut self) -> Shorts {
        let mut keys: Vec<u64> = self.0.keys().copied().collect();
        keys.sort_unstable();
        let items = self.0.values().map(|(e, _)| e.len()).sum();
        let mut shorts = Shorts {
            lists: Lists::with_capacity(keys.len(), items),
            kinds: Vec::with_capacity(items),
            keys: Vec::new(),
        };
        for &key in &keys {
            let (entities, kinds) = self.0.remove(&key).unwrap_or_default();
            shorts.lists.push(&entities);
            shorts.kinds.extend_from_slice(&kinds);
        }
        shorts.keys = keys;
        shorts
    }
}

/// Every prefix's list, by [`short_key`](crate::search::letters::short_key):
/// the keys ascending, the lists and their kinds in flat columns. A map of
/// a vector pair per key took two allocations a key to decode.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Raw")]
pub struct Shorts {
    #[serde(with = "crate::cache::columns")]
    keys: Vec<u64>,
    lists: Lists<u32>,
    #[serde(with = "crate::cache::columns")]
    kinds: Vec<u8>,
}

impl Shorts {
    pub(super) fn get(&self, key: u64) -> ShortList<'_> {
        let Ok(i) = self.keys.binary_search(&key) else {
            return ShortList {
                entities: &[],
                kinds: &[],
            };
        };
        let entities = self.lists.of(i);
        let from = self.lists.start.get(i).map_or(0, |&s| s as usize);
        let kinds = (self.kinds.get(from..from + entities.len())).unwrap_or(&[]);
        ShortList { entities, kinds }
    }

    /// Every entity of every list, for the check of a cached index.
    pub(super) fn entities(&self) -> impl Iterator<Item = u32> + '_ {
        self.lists.items().iter().copied()
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.keys.shrink_to_fit();
        self.lists.shrink_to_fit();
        self.kinds.shrink_to_fit();
    }
}

/// [`Shorts`] as decoded, before its shape is checked.
#[derive(Deserialize)]
struct Raw {
    #[serde(with = "crate::cache::columns")]
    keys: Vec<u64>,
    lists: Lists<u32>,
    #[serde(with = "crate::cache::columns")]
    kinds: Vec<u8>,
}

impl TryFrom<Raw> for Shorts {
    type Error = &'static str;

    /// Untrusted: keys out of order, lists that do not add up, a kind
    /// column of another length or a kind that is no name, alias, id or tag
    /// are refused.
    fn try_from(raw: Raw) -> Result<Shorts, Self::Error> {
        let ordered = raw.keys.windows(2).all(|w| w[0] < w[1]);
        let shaped = raw.lists.sound(raw.keys.len()) && raw.kinds.len() == raw.lists.items().len();
        if ordered && shaped && raw.kinds.iter().all(|&k| k <= 3) {
            Ok(Shorts {
                keys: raw.keys,
                lists: raw.lists,
                kinds: raw.kinds,
            })
        } else {
            Err("prefix lists out of shape")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(adds: &[(u64, u32, Field)]) -> Shorts {
        let mut b = ShortsBuilder::default();
        for &(key, e, field) in adds {
            b.add(key, e, field);
        }
        b.finish()
    }

    #[test]
    fn an_entity_is_listed_once_with_its_first_and_best_field() {
        let shorts = built(&[
            (7, 1, Field::Name),
            (7, 1, Field::Tag(4)),
            (7, 3, Field::Alias(2)),
            (2, 5, Field::Id),
        ]);
        let listed: Vec<(u32, Field)> = shorts.get(7).iter().collect();
        assert_eq!(listed, [(1, Field::Name), (3, Field::Alias(0))]);
        assert_eq!(shorts.get(2).iter().collect::<Vec<_>>(), [(5, Field::Id)]);
        for none in [0, 3, 8, u64::MAX] {
            assert!(shorts.get(none).entities().is_empty(), "{none}");
        }
    }

    #[test]
    fn lists_read_back_and_a_list_out_of_shape_is_refused() {
        let shorts = built(&[
            (42, 0, Field::Id),
            (42, 5, Field::Tag(1)),
            (9, 9, Field::Name),
        ]);
        let bytes = postcard::to_allocvec(&shorts).expect("encodes");
        assert_eq!(
            postcard::from_bytes::<Shorts>(&bytes).ok(),
            Some(shorts.clone())
        );
        let refused = |damage: fn(&mut Shorts)| {
            let mut bad = shorts.clone();
            damage(&mut bad);
            let bytes = postcard::to_allocvec(&bad).expect("encodes");
            postcard::from_bytes::<Shorts>(&bytes).is_err()
        };
        assert!(refused(|s| s.keys.reverse()), "keys out of order");
        assert!(refused(|s| s.kinds.push(0)), "uneven columns");
        assert!(refused(|s| s.kinds[0] = 4), "no such kind");
        assert!(refused(|s| s.lists.start[1] = 9), "lists past the items");
    }
}
