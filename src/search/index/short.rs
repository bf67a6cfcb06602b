//! The one- and two-letter prefix lists: for the first one and two letters
//! of each word of a name, alias, id or tag, the entities that have one
//! (ascending), each with the kind of its best such field. The first
//! keystrokes are answered from them alone. A list is two columns, the
//! entities and one byte a kind beside them: at a million entities that is
//! 5 bytes an entry where an entity and a whole field took 8, a third of
//! some 91 MiB, and only the kind is read (its number within the entity's
//! aliases or tags never was).

use rustc_hash::FxHashMap;
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::search::Field;

/// One prefix's list.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ShortList {
    entities: Vec<u32>,
    /// [`Field::rank`] of each entity's best field: a name, alias, id or tag.
    kinds: Vec<u8>,
}

static EMPTY: ShortList = ShortList {
    entities: Vec::new(),
    kinds: Vec::new(),
};

impl ShortList {
    /// The entities listed, ascending.
    pub fn entities(&self) -> &[u32] {
        &self.entities
    }

    /// Each entity with its best field's kind (as the field of that kind
    /// numbered 0: a score and a rank read only the kind).
    pub fn iter(&self) -> impl Iterator<Item = (u32, Field)> + '_ {
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

/// Every prefix's list, by [`short_key`](crate::search::letters::short_key).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Shorts(FxHashMap<u64, ShortList>);

impl Shorts {
    /// Lists `entity` under `key` with `field`, unless it is listed last
    /// already: entities come in order and their fields best first.
    pub(super) fn add(&mut self, key: u64, entity: u32, field: Field) {
        let list = self.0.entry(key).or_default();
        if list.entities.last() != Some(&entity) {
            list.entities.push(entity);
            list.kinds.push(field.rank());
        }
    }

    pub(super) fn get(&self, key: u64) -> &ShortList {
        self.0.get(&key).unwrap_or(&EMPTY)
    }

    /// Every entity of every list, for the check of a cached index.
    pub(super) fn entities(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.values().flat_map(|l| l.entities.iter().copied())
    }

    pub(super) fn shrink_to_fit(&mut self) {
        for list in self.0.values_mut() {
            list.entities.shrink_to_fit();
            list.kinds.shrink_to_fit();
        }
    }
}

/// Each list as its key and two columns, read one number at a time (read
/// entry by entry, they were a tenth of an index's decode).
#[derive(Serialize)]
struct EntryRef<'a>(
    u64,
    #[serde(with = "crate::cache::columns")] &'a [u32],
    #[serde(with = "crate::cache::columns")] &'a [u8],
);

#[derive(Deserialize)]
struct Entry(
    u64,
    #[serde(with = "crate::cache::columns")] Vec<u32>,
    #[serde(with = "crate::cache::columns")] Vec<u8>,
);

impl Serialize for Shorts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let entries = (self.0.iter()).map(|(&key, l)| EntryRef(key, &l.entities, &l.kinds));
        s.collect_seq(entries)
    }
}

impl<'de> Deserialize<'de> for Shorts {
    /// Untrusted: a list whose columns differ in length, or a kind that is
    /// no name, alias, id or tag, is refused.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shorts, D::Error> {
        let entries = Vec::<Entry>::deserialize(d)?;
        let mut map = FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
        for Entry(key, entities, kinds) in entries {
            if entities.len() != kinds.len() || kinds.iter().any(|&k| k > 3) {
                return Err(D::Error::custom("a prefix list out of shape"));
            }
            map.insert(key, ShortList { entities, kinds });
        }
        Ok(Shorts(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_is_listed_once_with_its_first_and_best_field() {
        let mut shorts = Shorts::default();
        shorts.add(7, 1, Field::Name);
        shorts.add(7, 1, Field::Tag(4));
        shorts.add(7, 3, Field::Alias(2));
        let listed: Vec<(u32, Field)> = shorts.get(7).iter().collect();
        assert_eq!(listed, [(1, Field::Name), (3, Field::Alias(0))]);
        assert!(shorts.get(8).entities().is_empty());
    }

    #[test]
    fn lists_read_back_and_a_list_out_of_shape_is_refused() {
        let mut shorts = Shorts::default();
        for (e, field) in [(0, Field::Id), (5, Field::Tag(1)), (9, Field::Name)] {
            shorts.add(42, e, field);
        }
        let bytes = postcard::to_allocvec(&shorts).expect("encodes");
        assert_eq!(postcard::from_bytes::<Shorts>(&bytes).ok(), Some(shorts));
        let uneven = [EntryRef(1, &[0, 1], &[0])];
        let bytes = postcard::to_allocvec(&uneven[..]).expect("encodes");
        assert!(postcard::from_bytes::<Shorts>(&bytes).is_err());
        let stray = [EntryRef(1, &[0], &[4])];
        let bytes = postcard::to_allocvec(&stray[..]).expect("encodes");
        assert!(
            postcard::from_bytes::<Shorts>(&bytes).is_err(),
            "no such kind"
        );
    }
}
