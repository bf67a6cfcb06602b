//! The list pane: the entities of the current tab, one per row, with a kind
//! badge on the Others tab and a dim detail (a date or a place) when room allows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, fit};
use crate::app::{App, Focus, Tab};
use crate::text::width;

/// Keeps `selected` on screen: the smallest move of `offset` that shows it.
pub fn scrolled(offset: usize, selected: usize, height: usize) -> usize {
    if height == 0 {
        return 0;
    }
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

/// A short detail shown after the name: the first date, else the nearest place.
pub fn detail(app: &App, e: usize) -> String {
    let entity = app.ds.entity(e);
    if let Some(d) = entity.dates.first() {
        return d.when.to_string();
    }
    app.ds
        .places_of(e)
        .first()
        .map(|&p| app.ds.entity(p).name.clone())
        .unwrap_or_default()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    let focused = app.focus == Focus::List;
    let tab = app.tab;
    let rows = &app.rows[tab.index()];
    let title = match app.filter.active {
        Some(_) => format!(
            " {} ({}, filtered: {}) ",
            tab.title(),
            rows.len(),
            app.filter.applied
        ),
        None => format!(" {} ({}) ", tab.title(), rows.len()),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Span::styled(title, theme.title));
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    if app.mode == crate::app::Mode::Filter && inner.height > 2 {
        filter_line(frame, inner, app, theme);
        inner.y += 2;
        inner.height -= 2;
    }
    let height = usize::from(inner.height);
    let selected = app.selected[tab.index()];
    let offset = scrolled(app.geometry.list_offset, selected, height);
    let w = usize::from(inner.width);
    let mut lines = Vec::new();
    for (n, &e) in rows.iter().enumerate().skip(offset).take(height) {
        let entity = app.ds.entity(e);
        let mut spans = Vec::new();
        let mut used = 0;
        if tab == Tab::Others {
            let badge = format!("{:<9}", short_kind(entity.kind));
            used += width(&badge);
            spans.push(Span::styled(badge, theme.kind(entity.kind)));
        }
        let name = fit(&entity.name, w.saturating_sub(used));
        used += width(&name);
        spans.push(Span::raw(name));
        let extra = detail(app, e);
        if !extra.is_empty() && used + 3 + width(&extra) <= w {
            let gap = w - used - width(&extra);
            spans.push(Span::raw(" ".repeat(gap)));
            spans.push(Span::styled(
                crate::text::clean(&extra).into_owned(),
                theme.dim,
            ));
        }
        let mut line = Line::from(spans);
        if n == selected {
            line = line.style(if focused {
                theme.selected
            } else {
                theme.selected_idle
            });
        }
        lines.push(line);
    }
    if rows.is_empty() {
        lines.push(Line::styled("(none)", theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    app.geometry.list = inner;
    app.geometry.list_offset = offset;
    app.page = height.max(1);
    if focused
        && app.mode != crate::app::Mode::Filter
        && selected >= offset
        && selected < offset + height
    {
        frame.set_cursor_position((inner.x, inner.y + (selected - offset) as u16));
    }
}

/// The filter line being typed, with its cursor and its error if any.
fn filter_line(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (text, at) = app
        .filter
        .line
        .window(usize::from(area.width).saturating_sub(2));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("f ", theme.key),
            Span::raw(text),
        ])),
        Rect { height: 1, ..area },
    );
    let info = match &app.filter.error {
        _ if app.filter.line.notice().is_some() => Line::styled(
            fit(
                &app.filter.line.notice().unwrap_or_default(),
                usize::from(area.width),
            ),
            theme.error,
        ),
        Some(e) => Line::styled(fit(e, usize::from(area.width)), theme.error),
        None => Line::styled("tag: in: member: market:  ⏎ keep  Esc clear", theme.dim),
    };
    frame.render_widget(
        Paragraph::new(info),
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
    );
    let x = (2 + at).min(usize::from(area.width).saturating_sub(1));
    frame.set_cursor_position((area.x + x as u16, area.y));
}

/// A kind badge short enough for a list column.
pub fn short_kind(kind: crate::model::Kind) -> &'static str {
    use crate::model::Kind::*;
    match kind {
        Cluster => "cluster",
        Alliance => "alliance",
        Event => "event",
        Organisation => "org",
        Person => "person",
        Project => "project",
        Place => "place",
    }
}

#[cfg(test)]
mod tests {
    use super::scrolled;

    #[test]
    fn scrolling_moves_only_as_far_as_needed() {
        assert_eq!(scrolled(0, 3, 10), 0);
        assert_eq!(scrolled(0, 12, 10), 3);
        assert_eq!(scrolled(5, 2, 10), 2);
        assert_eq!(scrolled(5, 0, 0), 0);
    }
}
