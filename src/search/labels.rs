//! Relation labels as search text of the entities they join: "coordinated by"
//! is text of BioXclusters Plus, "coordinates" text of Lyonbiopôle. There are
//! few distinct labels (two per relation type at most), so each has a number
//! below 64 and an entity keeps the set of its labels in one `u64` instead of
//! a text per relation.

use std::sync::LazyLock;

use crate::model::{Direction, RelationType};

/// Every distinct label, both directions of every relation type, folded.
static LABELS: LazyLock<Labels> = LazyLock::new(Labels::new);

struct Labels {
    /// Each distinct label once, as the model writes it.
    texts: Vec<&'static str>,
    /// Per relation type, the numbers of its forward and inverse labels.
    numbers: Vec<[u8; 2]>,
}

impl Labels {
    fn new() -> Labels {
        let mut texts: Vec<&'static str> = Vec::new();
        let mut numbers = Vec::new();
        for rel in RelationType::all() {
            let mut pair = [0u8; 2];
            for (i, dir) in [Direction::Outgoing, Direction::Incoming]
                .into_iter()
                .enumerate()
            {
                let label = rel.label(dir);
                let n = match texts.iter().position(|&t| t == label) {
                    Some(n) => n,
                    None => {
                        texts.push(label);
                        texts.len() - 1
                    }
                };
                pair[i] = n as u8;
            }
            numbers.push(pair);
        }
        assert!(texts.len() <= 64, "relation labels must fit in a u64");
        Labels { texts, numbers }
    }
}

/// How many distinct labels there are.
pub(super) fn count() -> usize {
    LABELS.texts.len()
}

/// The label with number `n`, as the model writes it ("" past the end).
pub fn text(n: u8) -> &'static str {
    LABELS.texts.get(usize::from(n)).copied().unwrap_or("")
}

/// The number of a relation type's label read in one direction.
pub(super) fn number(rel: RelationType, dir: Direction) -> u8 {
    let pair = LABELS.numbers[rel.index()];
    match dir {
        Direction::Outgoing => pair[0],
        Direction::Incoming => pair[1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_directions_of_every_type_have_a_number_and_read_back() {
        for rel in RelationType::all() {
            for dir in [Direction::Outgoing, Direction::Incoming] {
                assert_eq!(text(number(rel, dir)), rel.label(dir));
            }
        }
        // "cooperates with" reads the same both ways: one label, one number.
        let co = RelationType::parse("cooperates_with").expect("a type");
        assert_eq!(
            number(co, Direction::Outgoing),
            number(co, Direction::Incoming)
        );
        assert!(count() <= 64);
    }
}
