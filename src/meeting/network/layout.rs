//! Where the network view puts things, in terminal cells. The centre sits in
//! the middle; each side holds groups drawn as brackets: an edge from the
//! centre to the group's heading (its relation labels), a spine down the
//! group, a tick to each member; at depth 2 each member's own neighbours hang
//! in an outer column the same way. Labels live in columns and rows of their
//! own, so they never overlap: a name too long for its column is shortened,
//! and what does not fit in the height is left out and listed by the caller.
//! Pure arithmetic over the neighbourhood; the UI only draws the result.

use std::ops::Range;

use super::{Neighbourhood, Side};
use crate::model::Dataset;
use crate::text::{clean, truncate, width};

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
enum Row {
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

fn side_rows(hood: &Neighbourhood, side: Side, per_node: usize, spacing: Spacing) -> Vec<Row> {
    let mut rows = Vec::new();
    for (g, group) in hood.groups.iter().enumerate() {
        if group.side != side {
            continue;
        }
        if !rows.is_empty() {
            rows.extend(std::iter::repeat_n(Row::Gap, spacing.groups));
        }
        rows.push(Row::Heading(g));
        for (i, &m) in group.members.iter().enumerate() {
            if i > 0 {
                rows.extend(std::iter::repeat_n(Row::Gap, spacing.members));
            }
            let kids = &hood.nodes[m].children;
            let shown = &kids[..kids.len().min(per_node)];
            rows.push(Row::Member(m, shown.first().copied()));
            rows.extend(shown.iter().skip(1).map(|&c| Row::Child(c)));
        }
        if group.more > 0 {
            rows.push(Row::More(g));
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

/// Column offsets of one side, counted outward from the centre's label.
#[derive(Debug, Clone, Copy)]
struct Columns {
    /// Cells from the centre's label to the picture's edge.
    span: i32,
    /// The spine of the first ring's brackets.
    spine: i32,
    /// Width of the first ring's names.
    names: i32,
    /// The spine of the second ring (depth 2).
    spine2: i32,
    names2: i32,
}

impl Columns {
    /// `want` is the widest name of a member with neighbours of its own
    /// beside it, and of those neighbours (depth 2): the two name columns
    /// share the room in proportion, each no wider than it needs.
    fn new(span: i32, depth: u8, want: (i32, i32)) -> Columns {
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
fn wanted(ds: &Dataset, hood: &Neighbourhood, side: Side) -> (i32, i32) {
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

/// Builds a layout; `h` rows and `w` columns.
struct Builder<'a> {
    ds: &'a Dataset,
    hood: &'a Neighbourhood,
    w: i32,
    h: i32,
    /// The centre's label spans cells [cx0, cx1) on row cy.
    cx0: i32,
    cx1: i32,
    cy: i32,
    out: Layout,
}

impl Builder<'_> {
    /// The cell `o` columns outward from the centre's label.
    fn cell(&self, side: Side, o: i32) -> i32 {
        match side {
            Side::Right => self.cx1 + o,
            Side::Left => self.cx0 - 1 - o,
        }
    }

    /// The continuous x `u` outward from the centre's label.
    fn at(&self, side: Side, u: f32) -> f32 {
        match side {
            Side::Right => self.cx1 as f32 + u,
            Side::Left => self.cx0 as f32 - u,
        }
    }

    /// Text whose near end is `o` columns outward, cut to `room` cells and to
    /// the picture; returns the cells it takes.
    fn text(&mut self, side: Side, o: i32, y: i32, text: &str, room: i32, role: Role) -> i32 {
        let room = room.min(match side {
            Side::Right => self.w - self.cx1 - o,
            Side::Left => self.cx0 - o,
        });
        if room <= 0 || !(0..self.h).contains(&y) {
            return 0;
        }
        let fitted = truncate(&clean(text), room as usize).into_owned();
        let len = width(&fitted) as i32;
        let x = match side {
            Side::Right => self.cx1 + o,
            Side::Left => self.cx0 - o - len,
        };
        if len > 0 && x >= 0 {
            self.out.texts.push(Text {
                x: x as u16,
                y: y as u16,
                text: fitted,
                role,
            });
        }
        len
    }

    fn mark(&mut self, x: i32, y: i32, node: usize) {
        if (0..self.w).contains(&x) && (0..self.h).contains(&y) {
            self.out.marks.push(Mark {
                x: x as u16,
                y: y as u16,
                node,
            });
        }
    }

    /// An edge; `leads_to` is the node it ends at, when it ends at one.
    fn edge(
        &mut self,
        (from, to): ((f32, f32), (f32, f32)),
        serves: Range<usize>,
        leads_to: Option<usize>,
    ) {
        let inferred = leads_to.is_some_and(|n| self.hood.nodes[n].inferred);
        self.out.edges.push(Edge {
            from,
            to,
            serves,
            inferred,
        });
    }

    /// A node's mark and name, `o` columns outward on row `y`; returns the
    /// outward column just past the name.
    fn node(&mut self, side: Side, o: i32, y: i32, node: usize, room: i32) -> i32 {
        let cell = self.cell(side, o);
        self.mark(cell, y, node);
        let name = &self.ds.entity(self.hood.nodes[node].entity).name;
        let len = self.text(side, o + 2, y, name, room, Role::Node(node));
        self.out.drawn.push(node);
        o + 2 + len
    }

    /// The centre's name, its middle line on the centre row.
    fn centre(&mut self, lines: Vec<String>) {
        let top = self.cy - (lines.len() as i32 - 1) / 2;
        self.mark(self.cx0, top, 0);
        for (i, line) in lines.into_iter().enumerate() {
            let y = top + i as i32;
            if !line.is_empty() && (0..self.h).contains(&y) {
                self.out.texts.push(Text {
                    x: (self.cx0 + 2) as u16,
                    y: y as u16,
                    text: line,
                    role: Role::Node(0),
                });
            }
        }
        self.out.drawn.push(0);
    }
}

/// The centre's name on at most three lines (fewer in a picture under three
/// rows): wrapped at the narrowest width from `room` to `most_room` cells
/// that needs no cut, else cut at `most_room` with an ellipsis.
fn centre_lines(name: &str, room: usize, most_room: usize, h: i32) -> Vec<String> {
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

/// The end of a group's or member's range of nodes (all its descendants).
fn end_of(hood: &Neighbourhood, node: usize) -> usize {
    hood.nodes[node].children.last().map_or(node, |&c| c) + 1
}

impl Builder<'_> {
    fn side(&mut self, side: Side, rows: &[Row], cols: Columns) {
        let n = rows.len() as i32;
        let top = if n <= self.h {
            (self.cy - n / 2).clamp(0, self.h - n)
        } else {
            0
        };
        let spine = cols.spine as f32 + 0.5;
        let centre = (self.at(side, 0.25), self.cy as f32 + 0.5);
        // The spine's last drawn row, and the range of nodes each part serves.
        let mut last = (0.0f32, 0usize..0usize);
        let mut kids_spine: Option<(f32, f32)> = None;
        for (i, row) in rows.iter().enumerate() {
            let y = top + i as i32;
            let yc = y as f32 + 0.5;
            if y >= self.h {
                match *row {
                    Row::Member(m, c) => {
                        self.out.left_out.push(m);
                        self.out.left_out.extend(c);
                    }
                    Row::Child(c) => self.out.left_out.push(c),
                    _ => {}
                }
                continue;
            }
            let tick = |b: &Self| ((b.at(side, spine), yc), (b.at(side, spine + 1.25), yc));
            match *row {
                Row::Gap => {}
                Row::Heading(g) => {
                    let group = &self.hood.groups[g];
                    let serves = group.members.first().map_or(0..0, |&f| {
                        f..group
                            .members
                            .last()
                            .map_or(f + 1, |&l| end_of(self.hood, l))
                    });
                    self.edge((centre, (self.at(side, spine), yc)), serves.clone(), None);
                    self.edge(tick(self), serves.clone(), None);
                    let labels = group.labels.join(" · ");
                    self.text(side, cols.spine + 2, y, &labels, i32::MAX, Role::Heading(g));
                    last = (yc, serves);
                }
                Row::Member(m, first_child) => {
                    let down = ((self.at(side, spine), last.0), (self.at(side, spine), yc));
                    self.edge(down, m..last.1.end, None);
                    self.edge(tick(self), m..end_of(self.hood, m), Some(m));
                    last.0 = yc;
                    // A member with no neighbour shown beside it may use the outer column too.
                    let room = match first_child {
                        Some(_) => cols.names,
                        None => cols.span - cols.spine - 4,
                    };
                    let end = self.node(side, cols.spine + 2, y, m, room);
                    kids_spine = None;
                    if let Some(c) = first_child {
                        let s2 = cols.spine2 as f32 + 0.5;
                        let from = (self.at(side, end as f32 + 0.25), yc);
                        let link = (from, (self.at(side, s2), yc));
                        self.edge(link, c..end_of(self.hood, m), None);
                        kids_spine = Some((s2, yc));
                        self.child(side, c, y, cols);
                    }
                }
                Row::Child(c) => {
                    if let Some((s2, prev)) = kids_spine {
                        let parent = self.hood.nodes[c].parent;
                        let down = ((self.at(side, s2), prev), (self.at(side, s2), yc));
                        self.edge(down, c..end_of(self.hood, parent), None);
                        kids_spine = Some((s2, yc));
                    }
                    self.child(side, c, y, cols);
                }
                Row::More(g) => {
                    let group_end = last.1.end;
                    let down = ((self.at(side, spine), last.0), (self.at(side, spine), yc));
                    self.edge(down, group_end..group_end, None);
                    let text = format!("+ {} more", self.hood.groups[g].more);
                    self.text(side, cols.spine + 4, y, &text, cols.names, Role::More);
                }
            }
        }
    }

    /// A member's neighbour in the outer column, with the count of the rest
    /// after the last one shown.
    fn child(&mut self, side: Side, c: usize, y: i32, cols: Columns) {
        let yc = y as f32 + 0.5;
        let s2 = cols.spine2 as f32 + 0.5;
        let tick = ((self.at(side, s2), yc), (self.at(side, s2 + 1.25), yc));
        self.edge(tick, c..c + 1, Some(c));
        let parent = &self.hood.nodes[self.hood.nodes[c].parent];
        let shown = parent.children.len().min(self.out.per_node);
        let is_last = parent.children.get(shown.wrapping_sub(1)) == Some(&c);
        let hidden = parent.more + parent.children.len() - shown;
        let suffix = match (is_last && hidden > 0, side) {
            (false, _) => String::new(),
            (true, Side::Right) => format!(" +{hidden}"),
            (true, Side::Left) => format!("+{hidden} "),
        };
        let room = cols.names2 - width(&suffix) as i32;
        let end = self.node(side, cols.spine2 + 2, y, c, room);
        if !suffix.is_empty() {
            self.text(side, end, y, &suffix, cols.names2, Role::More);
        }
    }
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
