//! The neighbourhood of an entity, for the network view: who is around it,
//! grouped by how they are related, cut to the first neighbours of each group
//! so that a hub (a country with hundreds) never becomes a hairball. Each
//! entity appears once: one related in two ways ("coordinated by" and
//! "member") sits in a group named by both. Pure and deterministic: the same
//! dataset and entity always give the same neighbourhood. `layout.rs` places
//! it on a grid of terminal cells.

pub mod layout;

#[cfg(test)]
mod tests;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Certainty, Dataset, Direction};

/// Which side of the centre a group is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
}

/// One relation joining a node to its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tie {
    pub relation: usize,
    /// Which way the relation points, seen from the parent.
    pub direction: Direction,
}

/// An entity in the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub entity: usize,
    /// 0 for the centre, 1 for its neighbours, 2 for theirs.
    pub depth: u8,
    /// The node it hangs from (the centre hangs from itself).
    pub parent: usize,
    pub side: Side,
    /// The relations to the parent, in the order of the relation type table.
    pub ties: Vec<Tie>,
    /// Every tie is only implied by the sources.
    pub inferred: bool,
    /// Kept neighbours of this node (depth 2 only), as node indices.
    pub children: Vec<usize>,
    /// Its other neighbours not in the picture (depth 2 only).
    pub more: usize,
}

/// The centre's neighbours related to it in the same way(s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// How they read from the centre: `["coordinated by", "member"]`.
    pub labels: Vec<&'static str>,
    pub side: Side,
    /// Kept members, as node indices, in the order the entity's card lists them.
    pub members: Vec<usize>,
    /// Members not kept.
    pub more: usize,
}

/// How many neighbours the picture keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Per group of the centre's neighbours (0: all).
    pub per_label: usize,
    /// Per neighbour, of its own neighbours at depth 2 (0: all).
    pub per_node: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            per_label: 10,
            per_node: 4,
        }
    }
}

/// The centre (node 0), its groups, and every kept node in reading order: the
/// right side's groups top to bottom, then the left side's, each member
/// followed by its own neighbours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    pub depth: u8,
    pub nodes: Vec<Node>,
    pub groups: Vec<Group>,
}

/// An entity related to `from`, with every relation that joins them.
struct Neighbour {
    entity: usize,
    labels: Vec<u16>,
    ties: Vec<Tie>,
    inferred: bool,
}

/// `from`'s neighbours other than those in `skip`, each once, in the order of
/// its card (relation table order, then file order), with the label indices
/// into `labels`.
fn neighbours(
    ds: &Dataset,
    from: usize,
    skip: &FxHashSet<usize>,
    labels: &mut Vec<&'static str>,
) -> Vec<Neighbour> {
    let mut found: Vec<Neighbour> = Vec::new();
    let mut at: FxHashMap<usize, usize> = FxHashMap::default();
    for (label, links) in ds.grouped_links(from) {
        let li = labels.len() as u16;
        labels.push(label);
        for link in links {
            if link.other == from || skip.contains(&link.other) {
                continue;
            }
            let tie = Tie {
                relation: link.index,
                direction: link.direction,
            };
            let inferred = link.relation.certainty == Certainty::Inferred;
            let slot = *at.entry(link.other).or_insert_with(|| {
                found.push(Neighbour {
                    entity: link.other,
                    labels: Vec::new(),
                    ties: Vec::new(),
                    inferred: true,
                });
                found.len() - 1
            });
            let n = &mut found[slot];
            if n.labels.last() != Some(&li) {
                n.labels.push(li);
            }
            n.ties.push(tie);
            n.inferred &= inferred;
        }
    }
    found
}

fn cap(limit: usize) -> usize {
    if limit == 0 { usize::MAX } else { limit }
}

impl Neighbourhood {
    /// The neighbourhood of `centre` to `depth` (1 or 2; others are clamped).
    pub fn build(ds: &Dataset, centre: usize, depth: u8, limits: Limits) -> Neighbourhood {
        let depth = depth.clamp(1, 2);
        let mut labels = Vec::new();
        let mut present = FxHashSet::default();
        let first = neighbours(ds, centre, &present, &mut labels);
        // Group by the set of labels, most telling first.
        let mut keys: Vec<&[u16]> = Vec::new();
        let mut members: Vec<Vec<&Neighbour>> = Vec::new();
        for n in &first {
            match keys.iter().position(|k| *k == n.labels.as_slice()) {
                Some(g) => members[g].push(n),
                None => {
                    keys.push(&n.labels);
                    members.push(vec![n]);
                }
            }
        }
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by_key(|&g| keys[g]);
        // The second ring holds entities two steps away: none of the centre's
        // own neighbours, kept or not, is drawn again as a neighbour's neighbour.
        present.insert(centre);
        present.extend(first.iter().map(|n| n.entity));
        let mut hood = Neighbourhood {
            depth,
            nodes: vec![Node {
                entity: centre,
                depth: 0,
                parent: 0,
                side: Side::Right,
                ties: Vec::new(),
                inferred: false,
                children: Vec::new(),
                more: 0,
            }],
            groups: Vec::new(),
        };
        for g in order {
            let all = &members[g];
            let mut group = Group {
                labels: keys[g].iter().map(|&l| labels[usize::from(l)]).collect(),
                side: Side::Right,
                members: Vec::new(),
                more: all.len().saturating_sub(cap(limits.per_label)),
            };
            for n in all.iter().take(cap(limits.per_label)) {
                let at = hood.push(n, 1, 0);
                group.members.push(at);
                if depth == 2 {
                    hood.add_children(ds, at, &mut present, limits.per_node);
                }
            }
            hood.groups.push(group);
        }
        hood.choose_sides();
        hood
    }

    fn push(&mut self, n: &Neighbour, depth: u8, parent: usize) -> usize {
        self.nodes.push(Node {
            entity: n.entity,
            depth,
            parent,
            side: Side::Right,
            ties: n.ties.clone(),
            inferred: n.inferred,
            children: Vec::new(),
            more: 0,
        });
        self.nodes.len() - 1
    }

    /// Hangs a node's own first neighbours under it; entities already in the
    /// picture are not repeated.
    fn add_children(
        &mut self,
        ds: &Dataset,
        at: usize,
        present: &mut FxHashSet<usize>,
        limit: usize,
    ) {
        let mut scratch = Vec::new();
        let found = neighbours(ds, self.nodes[at].entity, present, &mut scratch);
        let keep = found.len().min(cap(limit));
        for n in &found[..keep] {
            present.insert(n.entity);
            let child = self.push(n, 2, at);
            self.nodes[at].children.push(child);
        }
        self.nodes[at].more = found.len() - keep;
    }

    /// Rows a group takes with every kept node shown: its heading, one row per
    /// member or per child, and the "+ n more" row.
    pub fn group_rows(&self, g: usize, per_node: usize) -> usize {
        let group = &self.groups[g];
        let members: usize = group
            .members
            .iter()
            .map(|&m| self.nodes[m].children.len().min(per_node).max(1))
            .sum();
        1 + members + usize::from(group.more > 0)
    }

    /// The first groups go right and the rest left, cut where the two sides are
    /// the most even, so that reading order stays the card's order.
    fn choose_sides(&mut self) {
        let rows: Vec<usize> = (0..self.groups.len())
            .map(|g| self.group_rows(g, usize::MAX))
            .collect();
        let total: usize = rows.iter().sum();
        let mut best = (usize::MAX, rows.len());
        let mut right = 0;
        for (k, r) in rows.iter().enumerate() {
            right += r;
            let gap = right.abs_diff(total - right);
            if gap < best.0 {
                best = (gap, k + 1);
            }
        }
        for g in best.1..self.groups.len() {
            self.groups[g].side = Side::Left;
            for m in self.groups[g].members.clone() {
                self.nodes[m].side = Side::Left;
                for c in self.nodes[m].children.clone() {
                    self.nodes[c].side = Side::Left;
                }
            }
        }
    }

    /// The group a depth-1 or depth-2 node belongs to.
    pub fn group_of(&self, node: usize) -> Option<usize> {
        let top = match self.nodes.get(node)?.depth {
            0 => return None,
            1 => node,
            _ => self.nodes[node].parent,
        };
        self.groups.iter().position(|g| g.members.contains(&top))
    }

    /// How a node and its parent are related, as sentences with the
    /// relations' own subjects: "BioPmed coordinates and member of MAGIA",
    /// "MAGIA funded by and certified by EASME".
    pub fn reading(&self, ds: &Dataset, node: usize) -> String {
        let n = &self.nodes[node];
        let name =
            |i: usize| crate::text::clean(&ds.entity(self.nodes[i].entity).name).into_owned();
        let mut clauses = Vec::new();
        // Relations from the node first, then those from its parent.
        for (from, to, dir) in [
            (node, n.parent, Direction::Incoming),
            (n.parent, node, Direction::Outgoing),
        ] {
            let mut labels: Vec<&str> = Vec::new();
            for t in n.ties.iter().filter(|t| t.direction == dir) {
                let label = ds.relations[t.relation].rel.forward();
                if !labels.contains(&label) {
                    labels.push(label);
                }
            }
            if !labels.is_empty() {
                clauses.push(format!(
                    "{} {} {}",
                    name(from),
                    labels.join(" and "),
                    name(to)
                ));
            }
        }
        clauses.join("; ")
    }
}
