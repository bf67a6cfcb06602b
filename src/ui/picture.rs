//! The network picture as a widget: edges on a braille canvas, then the kind
//! marks and labels of a computed layout written over them. The explorer's
//! network view and `clusterdex graph --format text` both draw with it, so the
//! two always show the same picture.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Painter, Shape};

use super::Theme;
use crate::meeting::network::Neighbourhood;
use crate::meeting::network::layout::{Layout, Role};
use crate::model::{Dataset, Kind};

/// One cell that tells kinds apart without colour (NO_COLOR), and in the legend.
pub fn kind_mark(kind: Kind) -> &'static str {
    match kind {
        Kind::Cluster => "●",
        Kind::Alliance => "◆",
        Kind::Event => "▲",
        Kind::Organisation => "■",
        Kind::Person => "○",
        Kind::Project => "□",
        Kind::Place => "⌂",
    }
}

/// The picture of a laid-out neighbourhood; `selected` is a node index.
pub struct Picture<'a> {
    pub ds: &'a Dataset,
    pub hood: &'a Neighbourhood,
    pub layout: &'a Layout,
    pub selected: Option<usize>,
    pub theme: &'a Theme,
}

/// A straight run of braille dots between two dot positions, every other pair
/// left out when dashed (a relation only inferred).
struct Segment {
    from: (f64, f64),
    to: (f64, f64),
    color: Color,
    dashed: bool,
}

impl Shape for Segment {
    fn draw(&self, painter: &mut Painter) {
        let (Some((x0, y0)), Some((x1, y1))) = (
            painter.get_point(self.from.0, self.from.1),
            painter.get_point(self.to.0, self.to.1),
        ) else {
            return;
        };
        let (x0, y0, x1, y1) = (x0 as i64, y0 as i64, x1 as i64, y1 as i64);
        let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
        let (sx, sy) = ((x1 - x0).signum(), (y1 - y0).signum());
        let (mut x, mut y, mut err) = (x0, y0, dx + dy);
        let last = dx.max(-dy);
        for step in 0.. {
            // A dash is two dots; the far end always shows, so a short tick stays whole.
            if !self.dashed || step % 4 < 2 || step >= last - 1 {
                painter.paint(x as usize, y as usize, self.color);
            }
            if x == x1 && y == y1 {
                break;
            }
            let e2 = 2 * err;
            if e2 >= dy {
                err += dy;
                x += sx;
            }
            if e2 <= dx {
                err += dx;
                y += sy;
            }
        }
    }
}

fn fg(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

impl Picture<'_> {
    fn label_style(&self, role: Role) -> Style {
        let t = self.theme;
        match role {
            Role::Node(n) => {
                let node = &self.hood.nodes[n];
                let kind = t.kind(self.ds.entity(node.entity).kind);
                let base = match (n, node.inferred) {
                    (0, _) => kind.patch(t.title),
                    // Italic, as the theme marks what is inferred, in the kind's colour.
                    (_, true) => kind.add_modifier(t.inferred.add_modifier),
                    _ => kind,
                };
                if self.selected == Some(n) {
                    base.patch(t.selected)
                } else {
                    base
                }
            }
            Role::Heading(_) => t.heading,
            Role::More => t.dim,
        }
    }

    fn on_path(&self, serves: &std::ops::Range<usize>) -> bool {
        self.selected.is_some_and(|s| serves.contains(&s))
    }
}

impl Widget for Picture<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (w, h) = (
            self.layout.width.min(area.width),
            self.layout.height.min(area.height),
        );
        if w == 0 || h == 0 {
            return;
        }
        let (dots_x, dots_y) = (f64::from(w) * 2.0, f64::from(h) * 4.0);
        // Cell coordinates to the canvas's: one unit per dot, y upwards.
        let to_dots = |(x, y): (f32, f32)| {
            let col = (f64::from(x) * 2.0).floor().clamp(0.0, dots_x - 1.0);
            let row = (f64::from(y) * 4.0).floor().clamp(0.0, dots_y - 1.0);
            (col, dots_y - 1.0 - row)
        };
        let theme = self.theme;
        let canvas = Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([0.0, dots_x - 1.0])
            .y_bounds([0.0, dots_y - 1.0])
            .paint(|ctx| {
                // The path to the selection last, so shared cells take its colour.
                for highlight in [false, true] {
                    for e in &self.layout.edges {
                        if self.on_path(&e.serves) != highlight {
                            continue;
                        }
                        let style = match (highlight, e.inferred) {
                            (true, _) => theme.key,
                            (false, true) => theme.inferred,
                            (false, false) => theme.dim,
                        };
                        ctx.draw(&Segment {
                            from: to_dots(e.from),
                            to: to_dots(e.to),
                            color: fg(style),
                            dashed: e.inferred,
                        });
                    }
                }
            });
        let rect = Rect {
            width: w,
            height: h,
            ..area
        };
        canvas.render(rect, buf);
        for m in &self.layout.marks {
            if m.x < w && m.y < h {
                let kind = self.ds.entity(self.hood.nodes[m.node].entity).kind;
                let style = self.label_style(Role::Node(m.node));
                buf.set_string(area.x + m.x, area.y + m.y, kind_mark(kind), style);
            }
        }
        for t in &self.layout.texts {
            if t.x < w && t.y < h {
                let style = self.label_style(t.role);
                let room = usize::from(w - t.x);
                buf.set_stringn(area.x + t.x, area.y + t.y, &t.text, room, style);
            }
        }
    }
}

/// The legend: each kind in the picture with its mark and colour, and what a
/// dotted edge means when there is one; packed into lines of `width` cells.
pub fn legend(
    ds: &Dataset,
    hood: &Neighbourhood,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut items = Vec::new();
    for kind in Kind::ALL {
        if hood.nodes.iter().any(|n| ds.entity(n.entity).kind == kind) {
            let text = format!("{} {}", kind_mark(kind), kind.as_str());
            items.push(Span::styled(text, theme.kind(kind)));
        }
    }
    if hood.nodes.iter().skip(1).any(|n| n.inferred) {
        items.push(Span::styled("⠤ ⠤ inferred (italics)", theme.inferred));
    }
    pack(items, width)
}

/// Items on lines of at most `width` cells, two spaces apart.
pub fn pack(items: Vec<Span<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut used = 0;
    for item in items {
        let w = crate::text::width(&item.content);
        match lines.last_mut() {
            Some(line) if used + 2 + w <= width => {
                line.spans.push(Span::raw("  "));
                line.spans.push(item);
                used += 2 + w;
            }
            _ => {
                lines.push(Line::from(item));
                used = w;
            }
        }
    }
    lines
}
