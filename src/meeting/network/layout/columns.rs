//! How wide things are: the columns of a side's spines and names, and the
//! centre's name wrapped into its box.

use crate::meeting::network::{Neighbourhood, Side};
use crate::model::Dataset;
use crate::text::{clean, truncate, width};

/// Column offsets of one side, counted outward from the centre's label.
#[derive(Debug, Clone, Copy)]
pub(super) struct Columns {
    /// Cells from the centre's label to the picture's edge.
    pub(super) span: i32,
    /// The spine of the first ring's brackets.
    pub(super) spine: i32,
    /// Width of the first ring's names.
    pub(super) names: i32,
    /// The spine of the second ring (depth 2).
    pub(super) spine2: i32,
    pub(super) names2: i32,
}

impl Columns {
    /// `want` is the widest name of a member with neighbours of its own
    /// beside it, and of those neighbours (depth 2): the two name columns
    /// share the room in proportion, each no wider than it needs.
    pub(super) fn new(span: i32, depth: u8, want: (i32, i32)) -> Columns {
        if depth < 2 {
            let spine = (span / 5).clamp(2, 10);
            return Columns {
                span,
                spine,
                names: span - spine - 4,
                spine2: span,
                names2: 0,
            };
        }
        let spine = (span / 8).clamp(2, 6);
        let rest = (span - spine - 9).max(0);
        let (a, b) = (want.0.max(1), want.1.max(1));
        let names = if a + b <= rest {
            a
        } else {
            (rest * a / (a + b)).clamp(rest / 3, rest - rest / 3)
        };
        Columns {
            span,
            spine,
            names,
            spine2: spine + 4 + names + 1,
            names2: rest - names,
        }
    }
}

/// The widest names of one side's members that have neighbours of their own,
/// and of those neighbours (with room for a "+12" after them).
pub(super) fn wanted(ds: &Dataset, hood: &Neighbourhood, side: Side) -> (i32, i32) {
    let name = |n: usize| width(&clean(&ds.entity(hood.nodes[n].entity).name)) as i32;
    let mut want = (0, 0);
    for (n, node) in hood.nodes.iter().enumerate() {
        if node.side != side || node.children.is_empty() || node.depth != 1 {
            continue;
        }
        want.0 = want.0.max(name(n));
        for &c in &node.children {
            want.1 = want.1.max(name(c) + 5);
        }
    }
    want
}

/// The centre's name on at most three lines (fewer in a picture under three
/// rows): wrapped at the narrowest width from `room` to `most_room` cells
/// that needs no cut, else cut at `most_room` with an ellipsis.
pub(super) fn centre_lines(name: &str, room: usize, most_room: usize, h: i32) -> Vec<String> {
    let most = h.clamp(1, 3) as usize;
    let clean = clean(name);
    let longest = clean.split_whitespace().map(width).max().unwrap_or(0);
    for r in room.max(longest)..most_room.max(room) {
        let lines = crate::text::wrap(&clean, r);
        if lines.len() <= most {
            return lines;
        }
    }
    let room = most_room.max(room);
    let mut lines = crate::text::wrap(&clean, room);
    if lines.len() > most {
        let rest = lines[most - 1..].join(" ");
        lines.truncate(most - 1);
        lines.push(truncate(&rest, room).into_owned());
    }
    lines
}
