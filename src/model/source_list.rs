//! The sources one relation cites. A large dataset has half a million
//! relations or more but only a handful of distinct source lists, so equal
//! lists share one allocation ([`SourceLists`] hands them out): a relation's
//! sources then cost no allocation of their own when a dataset is built or
//! read back from the compiled cache, and no memory beyond a pointer: a thin
//! one (the shared block holds the list's own pointer and length), so that a
//! relation keeps 8 bytes for its sources rather than 16.

use std::ops::Deref;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Source numbers (indices into the dataset's sources), in the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourceList(Arc<Box<[usize]>>);

impl Deref for SourceList {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        &self.0
    }
}

impl From<Vec<usize>> for SourceList {
    fn from(list: Vec<usize>) -> SourceList {
        SourceList(Arc::new(list.into_boxed_slice()))
    }
}

impl Serialize for SourceList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for SourceList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<usize>::deserialize(d).map(SourceList::from)
    }
}

/// Hands out one shared [`SourceList`] per distinct list.
#[derive(Default)]
pub struct SourceLists(FxHashMap<Box<[usize]>, SourceList>);

impl SourceLists {
    /// The shared list equal to `list`, made on first sight.
    pub fn get(&mut self, list: &[usize]) -> SourceList {
        if let Some(shared) = self.0.get(list) {
            return shared.clone();
        }
        let shared = SourceList(Arc::new(list.into()));
        self.0.insert(list.into(), shared.clone());
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lists_share_one_allocation() {
        let mut lists = SourceLists::default();
        let a = lists.get(&[0, 2]);
        let b = lists.get(&[0, 2]);
        let c = lists.get(&[2, 0]);
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(!Arc::ptr_eq(&a.0, &c.0));
        assert_eq!((&a[..], &c[..]), (&[0, 2][..], &[2, 0][..]));
    }
}
