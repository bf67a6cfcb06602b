//! Where the network view puts things, in terminal cells. The centre sits in
//! the middle; each side holds groups drawn as brackets: an edge from the
//! centre to the group's heading (its relation labels), a spine down the
//! group, a tick to each member; at depth 2 each member's own neighbours hang
//! in an outer column the same way. Labels live in columns and rows of their
//! own, so they never overlap: a name too long for its column is shortened,
//! and what does not fit in the height is left out and listed by the caller.
//! Pure arithmetic over the neighbourhood; the UI only draws the result.

mod columns;
mod place;

use std::ops::Range;

use super::{Neighbourhood, Side};
use crate::model::Dataset;
use crate::text::width;
use columns::{Columns, centre_lines, wanted};
use place::Builder;

/// What a piece of text stands for, so the UI can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A node's name (node 0 is the centre).
    Node(usize),
    /// A group's relation labels.
    Heading(usize),
    /// "+ 312 more".
    More,
}

/// Text at a cell, already safe and cut to fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub x: u16,
    pub y: u16,
    pub text: String,
    pub role: Role,
}

/// The one-cell mark of a node, drawn in its kind's style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub x: u16,
    pub y: u16,
    pub node: usize,
}

/// A straight edge in cell coordinates (cell (x, y) spans [x, x+1) × [y, y+1)).
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: (f32, f32),
    pub to: (f32, f32),
    /// The nodes this edge is on the way to, from the centre.
    pub serves: Range<usize>,
    /// It ends at a node whose relations to its parent are all inferred.
    pub inferred: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: u16,
    pub height: u16,
    pub texts: Vec<Text>,
    pub marks: Vec<Mark>,
    pub edges: Vec<Edge>,
    /// Nodes drawn, in reading order (the centre first).
    pub drawn: Vec<usize>,
    /// Nodes that did not fit in the height, in reading order.
    pub left_out: Vec<usize>,
    /// How many of each node's own neighbours are drawn (depth 2).
    pub per_node: usize,
}

/// One row of a side, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SideRow {
    Gap,
    Heading(usize),
    /// A member, and its first neighbour on the same row.
    Member(usize, Option<usize>),
    /// A member's further neighbour.
    Child(usize),
    More(usize),
}

/// Blank rows between members and between groups: room to read the edges
/// when the height allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spacing {
    members: usize,
    groups: usize,
}

/// From the most spacious to the tightest.
const SPACINGS: [Spacing; 5] = [
    Spacing {
        members: 2,
        groups: 3,
    },
    Spacing {
        members: 1,
        groups: 2,
    },
    Spacing {
        members: 0,
        groups: 2,
    },
    Spacing {
        members: 0,
        groups: 1,
    },
    Spacing {
        members: 0,
        groups: 0,
    },
];

fn side_rows(hood: &Neighbourhood, side: Side, per_node: usize, spacing: Spacing) -> Vec<SideRow> {
    let mut rows = Vec::new();
    for (g, group) in hood.groups.iter().enumerate() {
        if group.side != side {
            continue;
        }
        if !rows.is_empty() {
            rows.extend(std::iter::repeat_n(SideRow::Gap, spacing.groups));
        }
        rows.push(SideRow::Heading(g));
        for (i, &m) in group.members.iter().enumerate() {
            if i > 0 {
                rows.extend(std::iter::repeat_n(SideRow::Gap, spacing.members));
            }
            let kids = &hood.nodes[m].children;
            let shown = &kids[..kids.len().min(per_node)];
            rows.push(SideRow::Member(m, shown.first().copied()));
            rows.extend(shown.iter().skip(1).map(|&c| SideRow::Child(c)));
        }
        if group.more > 0 {
            rows.push(SideRow::More(g));
        }
    }
    rows
}

/// Rows the picture needs to show every kept node, a row between groups.
pub fn natural_height(hood: &Neighbourhood) -> u16 {
    let rows = [Side::Right, Side::Left]
        .map(|s| side_rows(hood, s, usize::MAX, SPACINGS[3]).len())
        .into_iter()
        .max()
        .unwrap_or(0);
    // Room for the centre's name on three lines.
    u16::try_from(rows.max(3)).unwrap_or(u16::MAX)
}

/// Lays a neighbourhood out in `w` × `h` cells. The number of each node's own
/// neighbours shown (depth 2) and the gaps between groups shrink to fit the
/// height; what still does not fit is in `left_out`.
pub fn layout(ds: &Dataset, hood: &Neighbourhood, w: u16, h: u16) -> Layout {
    let most = hood
        .nodes
        .iter()
        .map(|n| n.children.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let fits = |c: usize, spacing: Spacing| {
        [Side::Right, Side::Left]
            .iter()
            .all(|&s| side_rows(hood, s, c, spacing).len() <= usize::from(h))
    };
    let choice = (1..=most)
        .rev()
        .flat_map(|c| SPACINGS.map(|s| (c, s)))
        .find(|&(c, s)| fits(c, s))
        .unwrap_or((1, SPACINGS[4]));
    let (w, h_i) = (i32::from(w), i32::from(h));
    let name = &ds.entity(hood.nodes[0].entity).name;
    // The centre's name gets a quarter of the width (a sixth at depth 2),
    // and up to a third (a quarter) rather than cut a word or the name.
    let most_room = ((w / if hood.depth < 2 { 3 } else { 4 }).max(10).min(w) - 2).max(1) as usize;
    let room = ((w / if hood.depth < 2 { 4 } else { 6 }).max(10) - 2).max(1) as usize;
    let lines = centre_lines(name, room.min(most_room), most_room, h_i);
    let cw = lines.iter().map(|l| width(l) as i32).max().unwrap_or(0) + 2;
    let cx0 = (w - cw) / 2;
    let mut b = Builder {
        ds,
        hood,
        w,
        h: h_i,
        cx0,
        cx1: cx0 + cw,
        cy: (h_i - 1).max(0) / 2,
        out: Layout {
            width: w as u16,
            height: h,
            texts: Vec::new(),
            marks: Vec::new(),
            edges: Vec::new(),
            drawn: Vec::new(),
            left_out: Vec::new(),
            per_node: choice.0,
        },
    };
    if h == 0 || w == 0 {
        return b.out;
    }
    b.centre(lines);
    for side in [Side::Right, Side::Left] {
        let rows = side_rows(hood, side, choice.0, choice.1);
        let span = match side {
            Side::Right => w - b.cx1,
            Side::Left => b.cx0,
        };
        b.side(
            side,
            &rows,
            Columns::new(span, hood.depth, wanted(ds, hood, side)),
        );
    }
    b.out
}
