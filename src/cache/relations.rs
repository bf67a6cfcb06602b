//! The relations of a compiled cache, by column: half a million relations
//! decoded one struct at a time, each with a list of sources of its own, were
//! a cached load's longest part at 100,000 entities (80 to 120 ms of the
//! head, on one thread). As columns they read back at the speed of a copy,
//! and each distinct source list is made once and shared
//! ([`crate::model::SourceLists`]). The rare qualifiers (role, period, note)
//! are kept apart, by relation number.
//!
//! Whether the ends and sources are inside the dataset is checked with the
//! rest of a payload (`cache/check.rs`); here only what makes a relation at
//! all: a known type, a known certainty, a source list that exists, columns
//! of one length, qualifiers in order.

use serde::{Deserialize, Serialize};

use crate::model::{Certainty, Relation, RelationType, SourceLists, When};

/// The relations as written: borrowed from the dataset.
pub struct RelationsRef<'a>(pub &'a [Relation]);

/// The relations as read, not yet checked against the dataset.
#[derive(Deserialize)]
#[serde(try_from = "Columns")]
pub struct Relations(pub Vec<Relation>);

type Qualifiers = (u32, Option<String>, Option<When>, Option<String>);

#[derive(Serialize, Deserialize)]
struct Columns {
    #[serde(with = "crate::cache::columns")]
    from: Vec<u32>,
    #[serde(with = "crate::cache::columns")]
    to: Vec<u32>,
    /// The relation type's number, and 128 on an inferred relation.
    #[serde(with = "crate::cache::columns")]
    kind: Vec<u8>,
    /// The distinct source lists, and the one each relation cites.
    lists: Vec<Vec<usize>>,
    #[serde(with = "crate::cache::columns")]
    cites: Vec<u32>,
    qualifiers: Vec<Qualifiers>,
}

const INFERRED: u8 = 128;

impl Serialize for RelationsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.0.len();
        let mut columns = Columns {
            from: Vec::with_capacity(n),
            to: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            lists: Vec::new(),
            cites: Vec::with_capacity(n),
            qualifiers: Vec::new(),
        };
        let mut lists = rustc_hash::FxHashMap::<&[usize], u32>::default();
        for (i, r) in self.0.iter().enumerate() {
            // Entity numbers fit u32: the dataset's own lookups hold them so.
            columns.from.push(r.from() as u32);
            columns.to.push(r.to() as u32);
            let inferred = if r.certainty == Certainty::Inferred {
                INFERRED
            } else {
                0
            };
            columns.kind.push(u8::from(r.rel) | inferred);
            let next = lists.len() as u32;
            let list = *lists.entry(r.sources()).or_insert_with(|| {
                columns.lists.push(r.sources().to_vec());
                next
            });
            columns.cites.push(list);
            let (role, period, note) = (r.role(), r.period(), r.note());
            if role.is_some() || period.is_some() || note.is_some() {
                let (role, note) = (role.map(String::from), note.map(String::from));
                columns.qualifiers.push((i as u32, role, period, note));
            }
        }
        columns.serialize(s)
    }
}

impl TryFrom<Columns> for Relations {
    type Error = &'static str;

    fn try_from(c: Columns) -> Result<Relations, &'static str> {
        let n = c.from.len();
        if [c.to.len(), c.kind.len(), c.cites.len()] != [n; 3] {
            return Err("relation columns of different lengths");
        }
        let mut shared = SourceLists::default();
        let lists: Vec<_> = c.lists.iter().map(|l| shared.get(l)).collect();
        let mut relations = Vec::with_capacity(n);
        for i in 0..n {
            let rel = RelationType::try_from(c.kind[i] & !INFERRED)?;
            let list = lists
                .get(c.cites[i] as usize)
                .ok_or("no such source list")?;
            let mut r = Relation::new(c.from[i] as usize, rel, c.to[i] as usize, list.clone());
            if c.kind[i] & INFERRED != 0 {
                r.certainty = Certainty::Inferred;
            }
            relations.push(r);
        }
        let mut after = 0;
        for (i, role, period, note) in c.qualifiers {
            let i = i as usize;
            if i < after || i >= n {
                return Err("relation qualifiers out of order");
            }
            relations[i].set_details(role, period, note);
            after = i + 1;
        }
        Ok(Relations(relations))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relations() -> Vec<Relation> {
        let t = |name| RelationType::parse(name).expect("a type");
        let mut inferred = Relation::new(2, t("member_of"), 0, vec![1]);
        inferred.certainty = Certainty::Inferred;
        vec![
            Relation::new(0, t("coordinates"), 1, vec![0, 1]),
            inferred,
            Relation::new(1, t("member_of"), 2, vec![1]).with_details(
                Some("president".into()),
                When::parse("2015").ok(),
                None,
            ),
            Relation::new(2, t("partner_of"), 1, vec![]),
        ]
    }

    fn columns() -> Columns {
        let bytes = postcard::to_allocvec(&RelationsRef(&relations())).expect("encodes");
        postcard::from_bytes(&bytes).expect("columns")
    }

    #[test]
    fn relations_read_back_whole_with_one_list_per_distinct_sources() {
        let c = columns();
        assert_eq!(c.lists.len(), 3, "[0, 1], [1] and [] once each");
        let back = Relations::try_from(c).expect("sound").0;
        assert_eq!(back, relations());
        assert_eq!(back[2].role(), Some("president"));
    }

    #[test]
    fn a_relation_that_is_none_is_refused() {
        let refused = |edit: &dyn Fn(&mut Columns)| {
            let mut c = columns();
            edit(&mut c);
            Relations::try_from(c).is_err()
        };
        assert!(refused(&|c| c.kind[0] = 127), "an unknown type");
        assert!(
            refused(&|c| c.cites[0] = 3),
            "a source list that is not there"
        );
        assert!(refused(&|c| {
            c.to.pop();
        }));
        assert!(
            refused(&|c| c.qualifiers[0].0 = 4),
            "qualifiers past the end"
        );
        assert!(refused(&|c| {
            let q = c.qualifiers[0].clone();
            c.qualifiers.push(q);
        }));
    }
}
