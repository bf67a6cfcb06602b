//! The entity pane: header (kind, name, aliases, dates, places, tags), the
//! description, the user's own notes ("My notes", newest first, each a
//! selectable row), facts, relations grouped by label in both directions
//! (each related entity a selectable row), the dataset's notes, and the
//! sources at the bottom.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Theme, fit};
use crate::app::{App, Focus, Mode, Related};
use crate::text::clean;

mod page;

pub use page::fact_date;
use page::{Page, PageLine, build, related_row};

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    // Behind the note editor and its questions, the card keeps its place.
    let focused =
        matches!(app.mode, Mode::Browse | Mode::Note | Mode::Confirm) && app.focus == Focus::Entity;
    let shown = app.shown_entity();
    let block = border(app, shown, area, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.geometry.entity = inner;
    let Some(e) = shown else {
        let msg = match (&app.mode, &app.search.unmatched) {
            (Mode::Search, Some(why)) => format!("No entity matches: {}.", clean(&why.to_string())),
            (Mode::Search, None) => "No entity matches.".to_string(),
            _ => "Nothing to show.".to_string(),
        };
        let text = Paragraph::new(Line::styled(msg, theme.dim)).wrap(Wrap { trim: true });
        frame.render_widget(text, inner);
        return;
    };
    let w = usize::from(inner.width);
    let related = app.related_of(e);
    let page = build(app, e, &related, w, theme);
    let height = usize::from(inner.height);
    let total = page.lines.len();
    let max_scroll = total.saturating_sub(height);
    let mut scroll = if focused {
        app.geometry.entity_scroll.min(max_scroll)
    } else {
        0
    };
    let (selected_line, selected_lines) = selection(app, &page);
    if let (true, true, Some(l)) = (focused, app.card_follow, selected_line) {
        scroll = super::list::scrolled(scroll, l, height);
        // A group's first row brings its label into view too.
        if scroll == l && l > 0 && height > 1 {
            scroll = l - 1;
        }
    }
    app.geometry.related_rows = (page.related_rows(scroll, scroll + height))
        .map(|(l, r)| (inner.y + (l - scroll) as u16, r))
        .collect();
    let selected = if focused { selected_lines } else { 0..0 };
    let view = View {
        related: &related,
        w,
        scroll,
        height,
        selected,
    };
    frame.render_widget(Paragraph::new(visible(app, page, &view, theme)), inner);
    super::scroll_marks(frame, area, scroll, total, height, theme);
    if focused {
        app.geometry.entity_scroll = scroll;
    }
    if let (true, Some(l)) = (focused, selected_line)
        && l >= scroll
        && l < scroll + height
    {
        frame.set_cursor_position((inner.x, inner.y + (l - scroll) as u16));
    }
}

/// The pane's border, with the entity's name in it: the name stays in view
/// when the header scrolls away.
fn border(
    app: &App,
    shown: Option<usize>,
    area: Rect,
    focused: bool,
    theme: &Theme,
) -> Block<'static> {
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        });
    if let Some(e) = shown {
        let name = fit(
            &app.ds.entity(e).name,
            usize::from(area.width).saturating_sub(4),
        );
        block = block.title(Span::styled(format!(" {name} "), theme.title));
    }
    block
}

/// The selected line and the lines the selection covers: a note of the
/// user's (all its lines), or a related row.
fn selection(app: &App, page: &Page) -> (Option<usize>, Range<usize>) {
    let note = app.note_selected.and_then(|i| page.notes.get(i).copied());
    let selected_line = match (app.note_selected, note) {
        (Some(_), Some((first, _))) => Some(first),
        (Some(_), None) => None,
        (None, _) => (page.related_rows(0, page.lines.len()))
            .find(|&(_, r)| r == app.related_selected)
            .map(|(l, _)| l),
    };
    let selected_lines = match note {
        Some((first, end)) => first..end,
        None => selected_line.map_or(0..0, |l| l..l + 1),
    };
    (selected_line, selected_lines)
}

/// What part of the page is drawn, and how.
struct View<'a> {
    related: &'a [Related],
    w: usize,
    scroll: usize,
    height: usize,
    /// The lines shown selected (none when the pane is not focused).
    selected: Range<usize>,
}

/// The lines in view, related rows built now, the selection styled.
fn visible(app: &App, mut page: Page, view: &View, theme: &Theme) -> Vec<Line<'static>> {
    let selection = if app.related_picked {
        theme.selected
    } else {
        theme.selected_idle
    };
    (page.lines.into_iter().enumerate())
        .skip(view.scroll)
        .take(view.height)
        .map(|(l, row)| {
            let line = match row {
                PageLine::Drawn(d) => std::mem::take(&mut page.drawn[d as usize]),
                PageLine::Related(i) => {
                    related_row(&app.ds, &view.related[i as usize], view.w, theme)
                }
            };
            match view.selected.contains(&l) {
                true => line.style(selection),
                false => line,
            }
        })
        .collect()
}
