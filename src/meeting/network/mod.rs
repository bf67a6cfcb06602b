//! The neighbourhood of an entity, for the network view: who is around it,
//! grouped by how they are related, cut to the first neighbours of each group
//! so that a hub (a country with hundreds) never becomes a hairball. Each
//! entity appears once: one related in two ways ("coordinated by" and
//! "member") sits in a group named by both. Pure and deterministic: the same
//! dataset and entity always give the same neighbourhood. `layout.rs` places
//! it on a grid of terminal cells.

mod build;
pub mod layout;

#[cfg(test)]
mod tests;

use crate::model::{Dataset, Direction};

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

impl Neighbourhood {
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
