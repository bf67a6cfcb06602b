//! Drawing only: every function here reads the [`App`] and paints a frame. The
//! one exception, allowed by design, is that panes record their scroll offsets
//! and where they drew rows (`App::geometry`), for scrolling and the mouse.

pub mod chart;
pub mod entity;
pub mod help;
pub mod layout;
pub mod list;
pub mod network;
pub mod periods;
pub mod picture;
pub mod problems;
pub mod search;
pub mod status;
pub mod theme;
pub mod views;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Focus, Mode};
use layout::{Screen, split};
pub use theme::{Theme, ThemeName};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &mut App, theme: &Theme) {
    let area = frame.area();
    let banner = !app.diagnostics.is_empty() || app.reload_error.is_some();
    let entity_first = match app.mode {
        Mode::Search | Mode::Timeline | Mode::Filter => false,
        Mode::Paths => true,
        _ => app.focus == Focus::Entity,
    };
    match split(area, banner, entity_first) {
        Screen::TooSmall => too_small(frame, area, theme),
        Screen::Panes(a) => {
            status::tabs(frame, a.tabs, app, theme);
            if let Some(b) = a.banner {
                status::banner(frame, b, app, theme);
            }
            app.geometry.list = Rect::default();
            app.geometry.entity = Rect::default();
            app.geometry.related_rows.clear();
            if let Some(l) = a.list {
                match app.mode {
                    Mode::Search => search::draw(frame, l, app, theme),
                    Mode::Timeline => views::timeline(frame, l, app, theme),
                    Mode::Network | Mode::Chart => {}
                    _ => list::draw(frame, l, app, theme),
                }
            }
            if let Some(e) = a.entity {
                match app.mode {
                    Mode::Paths => views::paths(frame, e, app, theme),
                    Mode::Filter => views::counts(frame, e, app, theme),
                    Mode::Network | Mode::Chart => {}
                    _ => entity::draw(frame, e, app, theme),
                }
            }
            // The pictures take both panes.
            let main = match (a.list, a.entity) {
                (Some(l), Some(e)) => l.union(e),
                (one, other) => one.or(other).unwrap_or_default(),
            };
            match app.mode {
                Mode::Network => network::draw(frame, main, app, theme),
                Mode::Chart => periods::draw(frame, main, app, theme),
                _ => {}
            }
            status::draw(frame, a.status, app, theme);
            match app.mode {
                Mode::Help => help::draw(frame, area, theme),
                Mode::Problems => problems::draw(frame, area, app, theme),
                _ => {}
            }
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let msg = format!(
        "Enlarge the terminal (at least {}×{})",
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let lines: Vec<Line> = crate::text::wrap(&msg, usize::from(area.width))
        .into_iter()
        .map(|l| Line::from(l).style(theme.title))
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), rect);
}

/// Dataset text as spans: made terminal-safe, with the chars at `indices` (char
/// positions in `text`) in `hit` style.
pub fn highlighted(text: &str, indices: &[usize], base: Style, hit: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in text.chars().enumerate() {
        let is_hit = indices.binary_search(&i).is_ok();
        if is_hit != run_hit && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hit { base.patch(hit) } else { base },
            ));
        }
        run_hit = is_hit;
        run.push_str(&crate::text::clean(c.encode_utf8(&mut [0; 4])));
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_hit { base.patch(hit) } else { base },
        ));
    }
    spans
}

/// Clean text cut to `width` cells with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    crate::text::truncate(&crate::text::clean(text), width).into_owned()
}
