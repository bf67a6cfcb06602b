//! The network view (`v`) across the main area: the picture of the open
//! entity's neighbourhood, the nodes that did not fit listed beside it (or
//! counted, on a narrow screen), the legend, and what the selected node is to
//! the node it hangs from. Records the nodes' reading order for the keys.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::picture::{Picture, kind_mark, legend};
use super::{Theme, fit};
use crate::app::App;
use crate::meeting::network::Neighbourhood;
use crate::meeting::network::layout::{Layout, Role, layout};

/// The smallest terminal the pictures are drawn in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;
/// Width of the list of nodes left out, beside the picture.
const BESIDE: u16 = 30;

/// Says the terminal is too small for a picture, in the area it would take.
pub fn too_small(frame: &mut Frame, area: Rect, what: &str, theme: &Theme) {
    frame.render_widget(Clear, area);
    let screen = frame.area();
    let msg = format!(
        "The {what} needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT} (this one is {}×{}). Enlarge it, or press Esc.",
        screen.width, screen.height
    );
    let lines: Vec<Line> = crate::text::wrap(&msg, usize::from(area.width))
        .into_iter()
        .map(|l| Line::styled(l, theme.title))
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), rect);
}

/// Whether the terminal is large enough for a picture.
pub fn fits(frame: &Frame) -> bool {
    let a = frame.area();
    a.width >= MIN_WIDTH && a.height >= MIN_HEIGHT
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    if !fits(frame) {
        return too_small(frame, area, "network view", theme);
    }
    let Some(hood) = app.network.hood.as_ref() else {
        return;
    };
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    let legend: Vec<Line> = legend(&app.ds, hood, theme, usize::from(inner.width))
        .into_iter()
        .take(2)
        .collect();
    let pic_h = inner.height.saturating_sub(legend.len() as u16 + 1);
    let mut pic_w = inner.width;
    let mut l = layout(&app.ds, hood, pic_w, pic_h);
    let beside = !l.left_out.is_empty() && inner.width >= 100;
    if beside {
        pic_w = inner.width - BESIDE;
        l = layout(&app.ds, hood, pic_w, pic_h);
    }
    let centre = &app.ds.entity(hood.nodes[0].entity).name;
    let mut title = format!(" Network of {} · depth {} ", fit(centre, 48), hood.depth);
    if !beside && !l.left_out.is_empty() {
        title.push_str(&format!("· {} not drawn (j/k) ", l.left_out.len()));
    }
    frame.render_widget(block.title(Span::styled(title, theme.title)), area);
    let selected = app.network.selected;
    let picture = Picture {
        ds: &app.ds,
        hood,
        layout: &l,
        selected: Some(selected),
        theme,
    };
    let pic = Rect {
        width: pic_w,
        height: pic_h,
        ..inner
    };
    frame.render_widget(picture, pic);
    // The terminal's cursor on the selection, for screen readers and magnifiers.
    if let Some(m) = l.marks.iter().find(|m| m.node == selected) {
        frame.set_cursor_position((inner.x + m.x, inner.y + m.y));
    }
    if beside {
        let r = Rect {
            x: inner.x + pic_w,
            width: BESIDE,
            ..pic
        };
        left_out(frame, r, app, hood, &l.left_out, theme);
    }
    let below = Rect {
        y: inner.y + pic_h,
        height: inner.height - pic_h,
        ..inner
    };
    let mut lines = legend;
    lines.push(about(app, hood, selected, usize::from(inner.width), theme));
    frame.render_widget(Paragraph::new(lines), below);
    app.network.order = l.drawn.iter().chain(&l.left_out).copied().collect();
    let beside = beside.then_some(pic_w);
    record_hits(
        app,
        &l,
        Rect {
            height: pic_h,
            ..inner
        },
        beside,
    );
}

/// Where each node was drawn, for the mouse: its mark, its name, and its row
/// in the list beside a picture `pic` wide (`beside`), if there is one.
fn record_hits(app: &mut App, l: &Layout, pic: Rect, beside: Option<u16>) {
    app.network.hits.clear();
    let at = |x: u16, y: u16, w: usize| Rect::new(pic.x + x, pic.y + y, w as u16, 1);
    for m in &l.marks {
        app.network.hits.push((at(m.x, m.y, 1), m.node));
    }
    for t in &l.texts {
        if let Role::Node(n) = t.role {
            let w = crate::text::width(&t.text);
            app.network.hits.push((at(t.x, t.y, w), n));
        }
    }
    if let Some(pic_w) = beside {
        let rows = usize::from(pic.height.saturating_sub(1));
        let offset = left_out_offset(app.network.selected, &l.left_out, rows);
        for (i, &n) in l.left_out.iter().skip(offset).take(rows).enumerate() {
            let r = Rect::new(pic.x + pic_w + 1, pic.y + 1 + i as u16, BESIDE - 1, 1);
            app.network.hits.push((r, n));
        }
    }
}

/// The first of the nodes left out shown beside the picture: the selected one in view.
fn left_out_offset(selected: usize, nodes: &[usize], rows: usize) -> usize {
    let at = nodes.iter().position(|&n| n == selected);
    at.map_or(0, |a| (a + 1).saturating_sub(rows))
}

/// The nodes that did not fit in the picture, selectable like the others.
fn left_out(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    hood: &Neighbourhood,
    nodes: &[usize],
    theme: &Theme,
) {
    let block = Block::default()
        .borders(Borders::LEFT)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" Not drawn ({}) ", nodes.len()),
            theme.heading,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let h = usize::from(inner.height);
    let at = nodes.iter().position(|&n| n == app.network.selected);
    let offset = left_out_offset(app.network.selected, nodes, h);
    let w = usize::from(inner.width).saturating_sub(2);
    let lines: Vec<Line> = nodes
        .iter()
        .skip(offset)
        .take(h)
        .map(|&n| {
            let e = app.ds.entity(hood.nodes[n].entity);
            let style = if n == app.network.selected {
                theme.kind(e.kind).patch(theme.selected)
            } else {
                theme.kind(e.kind)
            };
            Line::from(vec![
                Span::styled(format!("{} ", kind_mark(e.kind)), theme.kind(e.kind)),
                Span::styled(fit(&e.name, w), style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(a) = at.filter(|a| *a >= offset && a - offset < h) {
        frame.set_cursor_position((inner.x, inner.y + (a - offset) as u16));
    }
}

/// What the selection is: "◆ partnership: Lyonbiopôle member of MAGIA", or
/// for the centre, its name and how many are related to it.
fn about(app: &App, hood: &Neighbourhood, node: usize, w: usize, theme: &Theme) -> Line<'static> {
    let Some(n) = hood.nodes.get(node) else {
        return Line::default();
    };
    let e = app.ds.entity(n.entity);
    let (head, what) = if n.depth == 0 {
        let related: usize = hood.groups.iter().map(|g| g.members.len() + g.more).sum();
        let groups = hood.groups.len();
        let what = match (related, groups) {
            (0, _) => "no relation recorded".to_string(),
            (_, 1) => format!("{related} related, in one group"),
            _ => format!("{related} related, in {groups} groups"),
        };
        (
            format!("{} {}", kind_mark(e.kind), e.name),
            format!(" · {}: {what}", e.kind_label()),
        )
    } else {
        let inferred = if n.inferred { " (inferred)" } else { "" };
        (
            format!("{} {}:", kind_mark(e.kind), e.kind_label()),
            format!(" {}{inferred}", hood.reading(&app.ds, node)),
        )
    };
    let head_w = crate::text::width(&head).min(w);
    Line::from(vec![
        Span::styled(fit(&head, head_w), theme.kind(e.kind).patch(theme.title)),
        Span::raw(fit(&what, w.saturating_sub(head_w))),
    ])
}
