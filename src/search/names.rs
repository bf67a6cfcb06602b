//! The order of entities by name, as a list shows them: folded names
//! (accents, case and separators aside) compared byte for byte, then the
//! entity's number. The explorer's panes are in it. The index works it out
//! once, from the names it has folded anyway, and the compiled cache carries
//! it: a million entities read from the cache then reach their first frame
//! without sorting a million names (about 0.8 s) first.

use crate::model::Dataset;

/// Every entity of `ds` by folded name, then number, each name folded here.
pub fn by_name(ds: &Dataset) -> Vec<u32> {
    // Every folded name in one text, each's end noted: no allocation a name.
    let (mut folded, mut ends) = (String::new(), Vec::with_capacity(ds.len()));
    let mut one = String::new();
    for entity in &ds.entities {
        super::fold::fold_to(&entity.name, &mut one);
        folded.push_str(&one);
        ends.push(folded.len());
    }
    let from = |e: usize| e.checked_sub(1).map_or(0, |p| ends[p]);
    sorted(ds.len(), |e| &folded[from(e as usize)..ends[e as usize]])
}

/// Entities `0..n` by `name` (each one's folded name), then number: by
/// [`sorted_by`], the name's first 12 bytes as the head. At a million
/// entities the explorer's set-up took 1.1 s when every comparison read two
/// names. One thread: a large dataset's index may be building on the others.
pub(crate) fn sorted<'a>(n: usize, name: impl Fn(u32) -> &'a str) -> Vec<u32> {
    sorted_by(n, |e| head(name(e)), |e| name(e).as_bytes())
}

/// Entities `0..n` by `head` (a number in the top 96 bits of a `u128`),
/// then by `text` where heads are equal, then number. Each is sorted as one
/// 16-byte number, its head above its own number, the numbers side by side
/// in memory; then each run alike in its head by the text. 16 bytes an entity
/// rather than 32 keep the sort within the memory a large load may take.
pub(crate) fn sorted_by<'a>(
    n: usize,
    head: impl Fn(u32) -> u128,
    text: impl Fn(u32) -> &'a [u8],
) -> Vec<u32> {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    let mut keyed: Vec<u128> = (0..n)
        .map(|e| head(e) >> 32 << 32 | u128::from(e))
        .collect();
    keyed.sort_unstable();
    let entity = |k: &u128| *k as u32;
    let mut from = 0;
    while from < keyed.len() {
        let alike = keyed[from..]
            .iter()
            .take_while(|k| *k >> 32 == keyed[from] >> 32);
        let to = from + alike.count();
        if to - from > 1 {
            keyed[from..to].sort_unstable_by(|a, b| {
                let (a, b) = (entity(a), entity(b));
                text(a).cmp(text(b)).then(a.cmp(&b))
            });
        }
        from = to;
    }
    keyed.iter().map(entity).collect()
}

/// A text's first 12 bytes in the top 96 bits of a number that orders as
/// the texts do where those bytes differ (a shorter text padded with zeros
/// comes first, as it does; equal heads leave the texts to compare). The
/// low 32 bits are left for an entity's number.
fn head(text: &str) -> u128 {
    prefix::<12>(text.as_bytes()) << 32
}

/// The first `N` bytes of `bytes` (at most 16), zeros after a shorter one,
/// as a number that orders as those bytes do.
pub(crate) fn prefix<const N: usize>(bytes: &[u8]) -> u128 {
    let mut out = [0u8; 16];
    let n = bytes.len().min(N).min(16);
    out[..n].copy_from_slice(&bytes[..n]);
    u128::from_be_bytes(out) >> (8 * (16 - N.min(16)))
}

/// Whether `order` holds each of `0..n` once: what a cached order must be
/// before a pane is filled from it.
pub(crate) fn is_permutation(order: &[u32], n: usize) -> bool {
    let mut seen = vec![false; n];
    order.len() == n
        && order.iter().all(|&e| {
            seen.get_mut(e as usize)
                .is_some_and(|s| !std::mem::replace(s, true))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Kind};

    fn named(names: &[&str]) -> Dataset {
        let entities = (names.iter().enumerate())
            .map(|(i, n)| Entity::new(&format!("e{i}"), Kind::Organisation, n))
            .collect();
        Dataset::new(String::new(), vec![], entities, vec![])
    }

    fn names_in_order(names: &[&str]) -> Vec<String> {
        let ds = named(names);
        (by_name(&ds).into_iter())
            .map(|e| names[e as usize].to_string())
            .collect()
    }

    proptest::proptest! {
        /// Where two names' first bytes differ, their numbers order them as
        /// the names are ordered (NUL bytes, short names and accents too).
        #[test]
        fn a_names_head_orders_as_the_name(a in "[a\\x00é ]{0,20}", b in "[a\\x00é ]{0,20}") {
            if head(&a) != head(&b) {
                proptest::prop_assert_eq!(head(&a).cmp(&head(&b)), a.cmp(&b));
            }
        }
    }

    proptest::proptest! {
        /// The packed sort orders as a plain sort of (head, text, number):
        /// heads that tie, texts alike in their first bytes, texts that tie.
        #[test]
        fn the_packed_sort_is_a_plain_sort(
            items in proptest::collection::vec((0u8..3, "[ab]{0,10}"), 0..40),
        ) {
            let head = |e: u32| {
                let (h, t) = &items[e as usize];
                u128::from(*h) << 96 | prefix::<4>(t.as_bytes()) << 32
            };
            let text = |e: u32| items[e as usize].1.as_bytes();
            let mut plain: Vec<u32> = (0..items.len() as u32).collect();
            plain.sort_by_key(|&e| (items[e as usize].0, text(e), e));
            proptest::prop_assert_eq!(sorted_by(items.len(), head, text), plain);
        }
    }

    #[test]
    fn names_are_ordered_as_read_whatever_their_accents_and_case() {
        assert_eq!(
            names_in_order(&[
                "Évry",
                "biowin",
                "Auvergne-Rhône-Alpes",
                "Émilie",
                "Eurasanté"
            ]),
            [
                "Auvergne-Rhône-Alpes",
                "biowin",
                "Émilie",
                "Eurasanté",
                "Évry"
            ]
        );
    }

    #[test]
    fn names_alike_in_their_first_twelve_bytes_are_ordered_by_the_rest() {
        // The same head, then a tie of whole names broken by number.
        let names = [
            "Organisation numéro 20",
            "Organisation numero 3",
            "Organisation numero 100",
            "Organisation numero 3",
        ];
        let ds = named(&names);
        assert_eq!(by_name(&ds), [2, 0, 1, 3]);
    }

    #[test]
    fn only_each_entity_once_is_an_order() {
        assert!(is_permutation(&[2, 0, 1], 3));
        assert!(!is_permutation(&[2, 0, 0], 3));
        assert!(!is_permutation(&[2, 0, 3], 3));
        assert!(!is_permutation(&[0, 1], 3));
    }
}
