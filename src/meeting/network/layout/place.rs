//! Placing the picture: the centre's name, then each side's brackets of
//! edges, marks and labels, row by row.

use std::ops::Range;

use super::columns::Columns;
use super::{Edge, Layout, Mark, Role, SideRow, Text};
use crate::meeting::network::{Neighbourhood, Side};
use crate::model::Dataset;
use crate::text::{clean, truncate, width};

/// Builds a layout; `h` rows and `w` columns.
pub(super) struct Builder<'a> {
    pub(super) ds: &'a Dataset,
    pub(super) hood: &'a Neighbourhood,
    pub(super) w: i32,
    pub(super) h: i32,
    /// The centre's label spans cells [cx0, cx1) on row cy.
    pub(super) cx0: i32,
    pub(super) cx1: i32,
    pub(super) cy: i32,
    pub(super) out: Layout,
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
    pub(super) fn centre(&mut self, lines: Vec<String>) {
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

/// The end of a group's or member's range of nodes (all its descendants).
fn end_of(hood: &Neighbourhood, node: usize) -> usize {
    hood.nodes[node].children.last().map_or(node, |&c| c) + 1
}

/// Where a side's spines have got to while its rows are placed.
#[derive(Default)]
struct Spine {
    /// The row (centre line) the first ring's spine last reached.
    last: f32,
    /// The nodes of the current group.
    group: Range<usize>,
    /// The second ring's spine (its x) and the row it last reached.
    kids: Option<(f32, f32)>,
}

impl Builder<'_> {
    /// Places one side's rows, centred on the centre's row when they fit;
    /// rows below the picture leave their nodes out.
    pub(super) fn side(&mut self, side: Side, rows: &[SideRow], cols: Columns) {
        let n = rows.len() as i32;
        let top = if n <= self.h {
            (self.cy - n / 2).clamp(0, self.h - n)
        } else {
            0
        };
        let mut spine = Spine::default();
        for (i, row) in rows.iter().enumerate() {
            let y = top + i as i32;
            if y >= self.h {
                match *row {
                    SideRow::Member(m, c) => {
                        self.out.left_out.push(m);
                        self.out.left_out.extend(c);
                    }
                    SideRow::Child(c) => self.out.left_out.push(c),
                    _ => {}
                }
                continue;
            }
            match *row {
                SideRow::Gap => {}
                SideRow::Heading(g) => self.heading(side, g, y, cols, &mut spine),
                SideRow::Member(m, c) => self.member(side, (m, c), y, cols, &mut spine),
                SideRow::Child(c) => {
                    if let Some((s2, prev)) = spine.kids {
                        let yc = y as f32 + 0.5;
                        let end = end_of(self.hood, self.hood.nodes[c].parent);
                        let down = ((self.at(side, s2), prev), (self.at(side, s2), yc));
                        self.edge(down, c..end, None);
                        spine.kids = Some((s2, yc));
                    }
                    self.child(side, c, y, cols);
                }
                SideRow::More(g) => {
                    let yc = y as f32 + 0.5;
                    let x = self.at(side, cols.spine as f32 + 0.5);
                    let end = spine.group.end;
                    self.edge(((x, spine.last), (x, yc)), end..end, None);
                    let text = format!("+ {} more", self.hood.groups[g].more);
                    self.text(side, cols.spine + 4, y, &text, cols.names, Role::More);
                }
            }
        }
    }

    /// The tick from the first ring's spine toward a label on row `y`.
    fn tick(&self, side: Side, y: i32, cols: Columns) -> ((f32, f32), (f32, f32)) {
        let (u, yc) = (cols.spine as f32 + 0.5, y as f32 + 0.5);
        ((self.at(side, u), yc), (self.at(side, u + 1.25), yc))
    }

    /// A group's heading: the edge from the centre to its spine, its labels.
    fn heading(&mut self, side: Side, g: usize, y: i32, cols: Columns, spine: &mut Spine) {
        let group = &self.hood.groups[g];
        let serves = match (group.members.first(), group.members.last()) {
            (Some(&f), Some(&l)) => f..end_of(self.hood, l),
            _ => 0..0,
        };
        let yc = y as f32 + 0.5;
        let centre = (self.at(side, 0.25), self.cy as f32 + 0.5);
        let top = (self.at(side, cols.spine as f32 + 0.5), yc);
        self.edge((centre, top), serves.clone(), None);
        self.edge(self.tick(side, y, cols), serves.clone(), None);
        let labels = group.labels.join(" · ");
        self.text(side, cols.spine + 2, y, &labels, i32::MAX, Role::Heading(g));
        *spine = Spine {
            last: yc,
            group: serves,
            kids: None,
        };
    }

    /// A member: the spine down to it, its tick, mark and name, and the link
    /// to its first own neighbour on the same row.
    fn member(
        &mut self,
        side: Side,
        (m, first_child): (usize, Option<usize>),
        y: i32,
        cols: Columns,
        spine: &mut Spine,
    ) {
        let yc = y as f32 + 0.5;
        let x = self.at(side, cols.spine as f32 + 0.5);
        self.edge(((x, spine.last), (x, yc)), m..spine.group.end, None);
        self.edge(self.tick(side, y, cols), m..end_of(self.hood, m), Some(m));
        spine.last = yc;
        // A member with no neighbour shown beside it may use the outer column too.
        let room = match first_child {
            Some(_) => cols.names,
            None => cols.span - cols.spine - 4,
        };
        let end = self.node(side, cols.spine + 2, y, m, room);
        spine.kids = None;
        if let Some(c) = first_child {
            let s2 = cols.spine2 as f32 + 0.5;
            let from = (self.at(side, end as f32 + 0.25), yc);
            let link = (from, (self.at(side, s2), yc));
            self.edge(link, c..end_of(self.hood, m), None);
            spine.kids = Some((s2, yc));
            self.child(side, c, y, cols);
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
