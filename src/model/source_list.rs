//! The sources one relation cites, and the qualifiers (role, period, note)
//! that few relations carry. A large dataset has half a million relations or
//! more but only a handful of distinct source lists, so equal lists share one
//! allocation ([`SourceLists`] hands them out): a relation's sources then cost
//! no allocation of their own when a dataset is built or read back from the
//! compiled cache, and no memory beyond a thin pointer (the shared block holds
//! the list's own pointer and length). The qualifiers ride in the same block,
//! one of its own for the rare relation that has them, so that a relation
//! keeps 8 bytes for both rather than 16 (24 bytes a relation instead of 32:
//! 41 MiB at a million entities).

use std::ops::Deref;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::date::When;

/// Source numbers (indices into the dataset's sources), in the file's order,
/// with the relation's qualifiers when it has any.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourceList(Arc<Cited>);

#[derive(Debug, PartialEq, Eq, Hash)]
struct Cited {
    list: Box<[usize]>,
    details: Option<Details>,
}

/// The qualifiers few relations carry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub(super) struct Details {
    pub role: Option<String>,
    pub period: Option<When>,
    pub note: Option<String>,
}

impl Deref for SourceList {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        &self.0.list
    }
}

impl From<Vec<usize>> for SourceList {
    fn from(list: Vec<usize>) -> SourceList {
        SourceList::new(list.into_boxed_slice(), None)
    }
}

impl SourceList {
    fn new(list: Box<[usize]>, details: Option<Details>) -> SourceList {
        SourceList(Arc::new(Cited { list, details }))
    }

    pub(super) fn details(&self) -> Option<&Details> {
        self.0.details.as_ref()
    }

    /// The same sources with these qualifiers (none when all are empty): a
    /// block of their own, since two relations rarely share them.
    pub(super) fn with_details(&self, details: Details) -> SourceList {
        let details = (details != Details::default()).then_some(details);
        if details.is_none() && self.0.details.is_none() {
            return self.clone();
        }
        SourceList::new(self.0.list.clone(), details)
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
        let shared = SourceList::new(list.into(), None);
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

    #[test]
    fn qualifiers_get_a_block_of_their_own_and_leave_the_shared_list_alone() {
        let mut lists = SourceLists::default();
        let plain = lists.get(&[1]);
        let role = Some("as president".to_string());
        let with = plain.with_details(Details {
            role,
            ..Details::default()
        });
        assert_eq!(&with[..], &[1]);
        assert_eq!(
            with.details().and_then(|d| d.role.as_deref()),
            Some("as president")
        );
        assert!(plain.details().is_none() && lists.get(&[1]).details().is_none());
        // Emptied again, it is a plain list.
        assert!(with.with_details(Details::default()).details().is_none());
        assert!(Arc::ptr_eq(
            &plain.with_details(Details::default()).0,
            &plain.0
        ));
    }
}
