//! Building a neighbourhood in a few passes over the links, with marks per
//! entity in arrays the size of the dataset rather than a hashed entry per
//! neighbour: a hub with a hundred thousand neighbours is sorted out within a
//! frame. Only the kept nodes' relations are gathered.

use rustc_hash::FxHashMap;

use super::{Group, Limits, Neighbourhood, Node, Side, Tie};
use crate::model::{Certainty, Dataset, Direction, RELATION_TYPES, RelationType};

/// In the picture already: the centre, or a neighbour's neighbour kept. The
/// centre's neighbours carry their label bits, below this one.
const TAKEN: u128 = 1 << 127;

/// A label's place: the relation type table's order, the subject's reading
/// before the object's; a type that reads the same both ways is one label.
fn rank(rel: RelationType, direction: Direction) -> u32 {
    let incoming = direction == Direction::Incoming && rel.forward() != rel.inverse();
    rel.index() as u32 * 2 + u32::from(incoming)
}

fn label(rank: u32) -> &'static str {
    let spec = &RELATION_TYPES[rank as usize / 2];
    if rank.is_multiple_of(2) {
        spec.forward
    } else {
        spec.inverse
    }
}

/// The label ranks in a set of label bits, in order.
fn ranks(bits: u128) -> Vec<u32> {
    (0..127).filter(|b| bits >> b & 1 == 1).collect()
}

fn cap(limit: usize) -> usize {
    if limit == 0 { usize::MAX } else { limit }
}

/// The centre's neighbours grouped by their set of labels: (label bits, the
/// first `per_label` members in the order of the centre's links, how many).
fn groups(
    ds: &Dataset,
    centre: usize,
    marks: &mut [u128],
    per_label: usize,
) -> Vec<(u128, Vec<usize>, usize)> {
    let mut order = Vec::new();
    for link in ds.links(centre) {
        let o = link.other;
        if o != centre {
            if marks[o] == 0 {
                order.push(o);
            }
            marks[o] |= 1 << rank(link.relation.rel, link.direction);
        }
    }
    let mut groups: Vec<(u128, Vec<usize>, usize)> = Vec::new();
    let mut index: FxHashMap<u128, usize> = FxHashMap::default();
    let mut last = (0, 0);
    for &o in &order {
        let bits = marks[o];
        let g = if bits == last.0 {
            last.1
        } else {
            *index.entry(bits).or_insert_with(|| {
                groups.push((bits, Vec::new(), 0));
                groups.len() - 1
            })
        };
        last = (bits, g);
        let (_, kept, total) = &mut groups[g];
        *total += 1;
        if kept.len() < cap(per_label) {
            kept.push(o);
        }
    }
    // Most telling first: by the ranks of the labels, as the card orders them.
    groups.sort_by_cached_key(|g| ranks(g.0));
    groups
}

impl Neighbourhood {
    /// The neighbourhood of `centre` to `depth` (1 or 2; others are clamped).
    pub fn build(ds: &Dataset, centre: usize, depth: u8, limits: Limits) -> Neighbourhood {
        let depth = depth.clamp(1, 2);
        let mut marks = vec![0u128; ds.len()];
        let groups = groups(ds, centre, &mut marks, limits.per_label);
        // The second ring holds entities two steps away: none of the centre's
        // own neighbours, kept or not, is drawn again as a neighbour's neighbour.
        marks[centre] |= TAKEN;
        let mut hood = Neighbourhood {
            depth,
            nodes: Vec::new(),
            groups: Vec::new(),
        };
        hood.push(centre, 0, 0);
        let mut seen = if depth == 2 {
            vec![u32::MAX; ds.len()]
        } else {
            Vec::new()
        };
        for (bits, kept, total) in groups {
            let mut group = Group {
                labels: ranks(bits).into_iter().map(label).collect(),
                side: Side::Right,
                members: Vec::new(),
                more: total - kept.len(),
            };
            for o in kept {
                let at = hood.push(o, 1, 0);
                group.members.push(at);
                if depth == 2 {
                    hood.add_children(ds, at, &mut marks, &mut seen, limits.per_node);
                }
            }
            hood.groups.push(group);
        }
        let members: FxHashMap<usize, usize> = hood
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.depth == 1)
            .map(|(i, n)| (n.entity, i))
            .collect();
        hood.gather_ties(ds, 0, &members);
        hood.choose_sides();
        hood
    }

    fn push(&mut self, entity: usize, depth: u8, parent: usize) -> usize {
        self.nodes.push(Node {
            entity,
            depth,
            parent,
            side: Side::Right,
            ties: Vec::new(),
            inferred: false,
            children: Vec::new(),
            more: 0,
        });
        self.nodes.len() - 1
    }

    /// Hangs a node's own first neighbours under it (by the rank of the label
    /// they are first met by, then in the order of its links), counting the
    /// rest; entities already in the picture are not repeated.
    fn add_children(
        &mut self,
        ds: &Dataset,
        at: usize,
        marks: &mut [u128],
        seen: &mut [u32],
        limit: usize,
    ) {
        let from = self.nodes[at].entity;
        let stamp = at as u32;
        let mut found: Vec<(u32, usize)> = Vec::new();
        for link in ds.links(from) {
            let o = link.other;
            if o != from && marks[o] == 0 && seen[o] != stamp {
                seen[o] = stamp;
                found.push((rank(link.relation.rel, link.direction), o));
            }
        }
        let total = found.len();
        found.sort_by_key(|f| f.0);
        found.truncate(cap(limit));
        let mut kept = FxHashMap::default();
        for &(_, o) in &found {
            marks[o] |= TAKEN;
            let child = self.push(o, 2, at);
            self.nodes[at].children.push(child);
            kept.insert(o, child);
        }
        self.nodes[at].more = total - found.len();
        self.gather_ties(ds, at, &kept);
    }

    /// The relations between node `at` and each of `nodes` (entity to node),
    /// in the order of their labels; a node is inferred when all of its are.
    fn gather_ties(&mut self, ds: &Dataset, at: usize, nodes: &FxHashMap<usize, usize>) {
        if nodes.is_empty() {
            return;
        }
        for link in ds.links(self.nodes[at].entity) {
            if let Some(&n) = nodes.get(&link.other) {
                self.nodes[n].ties.push(Tie {
                    relation: link.index,
                    direction: link.direction,
                });
            }
        }
        for &n in nodes.values() {
            let node = &mut self.nodes[n];
            node.ties
                .sort_by_key(|t| (rank(ds.relations[t.relation].rel, t.direction), t.relation));
            node.inferred = node
                .ties
                .iter()
                .all(|t| ds.relations[t.relation].certainty == Certainty::Inferred);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_a_bit_below_the_taken_mark() {
        assert!(RELATION_TYPES.len() * 2 <= 127);
        for rel in RelationType::all() {
            for dir in [Direction::Outgoing, Direction::Incoming] {
                assert_eq!(label(rank(rel, dir)), rel.label(dir));
            }
        }
    }
}
