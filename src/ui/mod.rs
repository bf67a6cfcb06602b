//! Drawing only: every function here reads the [`App`] and paints a frame. The
//! one exception, allowed by design, is that panes record their scroll offsets
//! and where they drew rows (`App::geometry`), for scrolling and the mouse, and
//! the screen's size, from which the app decides between board and tabs.

mod answers;
pub mod board;
pub mod chart;
pub mod editor;
pub mod entity;
pub mod help;
pub mod layout;
pub mod list;
pub mod loading;
pub mod network;
pub mod periods;
pub mod picture;
pub mod problems;
pub mod search;
pub mod status;
pub mod theme;
pub mod views;

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::app::{App, Focus, Mode};
use layout::{Screen, split};
pub use theme::{Theme, ThemeName};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &mut App, theme: &Theme) {
    let area = frame.area();
    app.set_screen(area);
    let banner = status::banner_lines(app).len() as u16;
    match split(area, banner, status::lines(app, area.width)) {
        Screen::TooSmall => too_small(frame, area, theme),
        Screen::Panes(a) => {
            status::tabs(frame, a.tabs, app, theme);
            if let Some(b) = a.banner {
                status::banner(frame, b, app, theme);
            }
            app.geometry.list = Rect::default();
            app.geometry.entity = Rect::default();
            app.geometry.related_rows.clear();
            app.geometry.board.clear();
            match app.mode {
                Mode::Timeline => views::timeline(frame, a.body, app, theme),
                Mode::Paths => views::paths(frame, a.body, app, theme),
                // The pictures take the whole body.
                Mode::Network => network::draw(frame, a.body, app, theme),
                Mode::Chart => periods::draw(frame, a.body, app, theme),
                _ if app.board_active() => board::draw(frame, a.body, app, theme),
                _ => tabs(frame, a.body, app, theme),
            }
            status::draw(frame, a.status, app, theme);
            match app.mode {
                Mode::Help => help::draw(frame, area, app, theme),
                Mode::Problems => problems::draw(frame, area, app, theme),
                Mode::Note | Mode::Confirm => editor::draw(frame, a.body, app, theme),
                _ => {}
            }
        }
    }
}

/// The tabs: the current tab's list (or the search) beside the entity, or
/// one of them on a narrow or zoomed screen.
fn tabs(frame: &mut Frame, body: Rect, app: &mut App, theme: &Theme) {
    let entity_first = match app.mode {
        Mode::Search | Mode::Filter => false,
        _ => app.focus == Focus::Entity,
    };
    let (list, entity) = layout::tabs(body, entity_first, app.zoom);
    if let Some(l) = list {
        match app.mode {
            Mode::Search => search::draw(frame, l, app, theme),
            _ => list::draw(frame, l, app, theme),
        }
    }
    if let Some(e) = entity {
        match app.mode {
            Mode::Filter => views::counts(frame, e, app, theme),
            _ => entity::draw(frame, e, app, theme),
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

/// Shows that a bordered pane scrolls: a scrollbar on its right border and,
/// as in `less`, how far down the view reaches, on its bottom border.
pub fn scroll_marks(
    frame: &mut Frame,
    area: Rect,
    scroll: usize,
    total: usize,
    height: usize,
    theme: &Theme,
) {
    if total <= height || area.height < 3 || area.width < 10 {
        return;
    }
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("█")
        .track_style(theme.border)
        .thumb_style(theme.border_focus);
    let mut state = ScrollbarState::new(total - height + 1)
        .position(scroll)
        .viewport_content_length(height);
    let track = area.inner(Margin {
        vertical: 1,
        horizontal: 0,
    });
    frame.render_stateful_widget(bar, track, &mut state);
    let reach = ((scroll + height).min(total) * 100 / total).min(100);
    let label = format!(" {reach}% ");
    let w = crate::text::width(&label) as u16;
    let rect = Rect {
        x: area.right().saturating_sub(w + 1),
        y: area.bottom() - 1,
        width: w,
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(label, theme.title)), rect);
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
