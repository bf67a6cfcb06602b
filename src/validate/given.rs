//! Every relation of a file as the rules that need them all see it (repeats,
//! `part_of` cycles): the sound ones as built for the dataset, and between
//! them, by index, the few the build left out, as written.

use super::Resolved;
use crate::data::format::FileRelation;
use crate::model::{Entity, Relation, RelationType};

/// A relation the build did not keep, as written, with what its type and
/// ends resolved to: the whole-file rules still compare it with the others.
#[derive(Debug)]
pub(crate) struct Other {
    index: usize,
    relation: FileRelation,
    resolved: Resolved,
}

impl Other {
    pub fn new(index: usize, relation: FileRelation, resolved: Resolved) -> Other {
        Other {
            index,
            relation,
            resolved,
        }
    }
}

/// A relation of the file as the whole-file rules see it.
#[derive(Clone, Copy)]
pub(crate) enum Said<'a> {
    Built(&'a Relation),
    Other(&'a Other),
}

impl<'a> Said<'a> {
    /// Its type and both ends (file entity indices), when all were found.
    pub fn ends(self) -> Option<(usize, RelationType, usize)> {
        match self {
            Said::Built(r) => Some((r.from(), r.rel, r.to())),
            Said::Other(o) => Some((o.resolved.from?, o.resolved.rel?, o.resolved.to?)),
        }
    }

    pub fn role(self) -> Option<&'a str> {
        match self {
            Said::Built(r) => r.role(),
            Said::Other(o) => o.relation.role.as_deref(),
        }
    }

    /// Its ends and type as the file names them.
    pub fn names(self, entities: &'a [Entity]) -> (&'a str, &'a str, &'a str) {
        match self {
            Said::Built(r) => (&entities[r.from()].id, r.rel.name(), &entities[r.to()].id),
            Said::Other(o) => (&o.relation.from, &o.relation.rel, &o.relation.to),
        }
    }
}

/// Every relation of the file by its index: the built ones, and between them
/// (by index) the few others.
pub(crate) struct Given<'a> {
    built: &'a [Relation],
    others: &'a [Other],
}

impl<'a> Given<'a> {
    /// `others` in file order, between the built relations.
    pub fn new(built: &'a [Relation], others: &'a [Other]) -> Given<'a> {
        Given { built, others }
    }

    pub fn len(&self) -> usize {
        self.built.len() + self.others.len()
    }

    /// Where relation `i` is: among the others, or among the built ones.
    fn find(&self, i: usize) -> Result<usize, usize> {
        match self.others.binary_search_by_key(&i, |o| o.index) {
            Ok(k) => Ok(k),
            Err(before) => Err(i - before),
        }
    }

    /// The index among the built relations of relation `i`, if it was built.
    pub fn built_index(&self, i: usize) -> Option<usize> {
        self.find(i).err()
    }

    pub fn get(&self, i: usize) -> Said<'a> {
        match self.find(i) {
            Ok(k) => Said::Other(&self.others[k]),
            Err(k) => Said::Built(&self.built[k]),
        }
    }

    /// In file order, with their indices.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Said<'a>)> + '_ {
        (0..self.len()).scan((0, 0), |(b, o), i| {
            let said = match self.others.get(*o) {
                Some(other) if other.index == i => {
                    *o += 1;
                    Said::Other(other)
                }
                _ => {
                    *b += 1;
                    Said::Built(&self.built[*b - 1])
                }
            };
            Some((i, said))
        })
    }
}
