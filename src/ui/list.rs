//! The list panes: the entities of a pane, one per row, with a kind badge in
//! a pane of several kinds, a dim detail (a date, always kept; a place, when
//! room allows), and on the board a `•` before rows linked to the anchor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, fit};
use crate::app::{App, Focus, Mode, Tab};
use crate::model::{PartialDate, When};
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
    if let Some(d) = crate::app::panes::first_date(&app.ds, e) {
        return short_date(d);
    }
    app.ds
        .places_of(e)
        .first()
        .map(|&p| app.ds.entity(p).name.clone())
        .unwrap_or_default()
        .into()
}

/// A date short enough for a list column: "23 Sep 2014", "13–14 Nov 2014",
/// "2012–2014", "31 Mar (no year)".
pub fn short_date(w: When) -> String {
    let month = |m: u8| {
        crate::model::date::month_name(m)
            .chars()
            .take(3)
            .collect::<String>()
    };
    let one = |d: PartialDate| match d {
        PartialDate::Full {
            year,
            month: m,
            day,
        } => format!("{day} {} {year}", month(m)),
        PartialDate::YearMonth { year, month: m } => format!("{} {year}", month(m)),
        PartialDate::Year(year) => year.to_string(),
        PartialDate::MonthDay { month: m, day } => format!("{day} {} (no year)", month(m)),
    };
    let Some(end) = w.end else {
        return one(w.start);
    };
    use PartialDate::{Full, Year};
    match (w.start, end) {
        (Year(a), Year(b)) => format!("{a}–{b}"),
        (
            Full {
                year: y1,
                month: m1,
                day: d1,
            },
            Full {
                year: y2,
                month: m2,
                day: d2,
            },
        ) if y1 == y2 => {
            if m1 == m2 {
                format!("{d1}–{d2} {} {y1}", month(m1))
            } else {
                format!("{d1} {}–{d2} {} {y1}", month(m1), month(m2))
            }
        }
        (a, b) => format!("{} – {}", one(a), one(b)),
    }
}

/// The list of the current tab (the tabs' left pane).
pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    pane(frame, area, app, app.tab, theme);
}

/// One pane's list: its title with counts and filters, its rows (marked when
/// linked to the board's anchor), the selection, and the filter line while typed.
pub fn pane(frame: &mut Frame, area: Rect, app: &mut App, tab: Tab, theme: &Theme) {
    let focused = app.focus == Focus::List
        && app.tab == tab
        && matches!(app.mode, Mode::Browse | Mode::Filter);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Span::styled(
            format!(
                " {} ",
                fit(
                    &app.pane_title(tab),
                    usize::from(area.width).saturating_sub(4)
                )
            ),
            theme.title,
        ));
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    if app.mode == Mode::Filter && tab == app.tab && !app.board_active() && inner.height > 2 {
        filter_line(frame, inner, app, theme);
        inner.y += 2;
        inner.height -= 2;
    }
    let board = app.board_active();
    let rows = &app.rows[tab.index()];
    let height = usize::from(inner.height);
    let selected = app.selected[tab.index()];
    let offset = scrolled(app.geometry.offset(tab).min(rows.len()), selected, height);
    let look = RowLook {
        w: usize::from(inner.width),
        badge: tab.mixed(),
        gutter: board,
        recent: tab.spec().holds == crate::app::panes::Holds::Recent,
    };
    let mut lines = Vec::new();
    for (n, &e) in rows.iter().enumerate().skip(offset).take(height) {
        let mut line = row(app, e, &look, theme);
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
        for part in crate::text::wrap(&empty(app, tab), usize::from(inner.width)) {
            lines.push(Line::styled(part, theme.dim));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    app.geometry.set_offset(tab, offset);
    if board {
        app.geometry.board.push((tab, inner));
    }
    if tab == app.tab {
        app.geometry.list = inner;
        app.geometry.list_offset = offset;
        app.geometry.page = height.max(1);
    }
    if focused && app.mode != Mode::Filter && selected >= offset && selected < offset + height {
        frame.set_cursor_position((inner.x, inner.y + (selected - offset) as u16));
    }
}

/// What an empty pane says: for the user's own panes, how to fill them.
fn empty(app: &App, tab: Tab) -> String {
    use crate::app::panes::Holds;
    let filtered = app.board.totals.get(tab.index()).is_some_and(|&n| n > 0);
    let key = |a| app.keymap.key_for(crate::app::Context::Global, a);
    match tab.spec().holds {
        _ if filtered => "(none)".to_string(),
        Holds::Pinned | Holds::Recent if !app.memory.on => {
            "--no-state is set: nothing is remembered".to_string()
        }
        Holds::Pinned => format!(
            "Nothing pinned yet: {} pins the row or card you are on.",
            key(crate::app::Action::TogglePin)
        ),
        Holds::Recent => "Nothing opened yet: the cards you open are listed here.".to_string(),
        Holds::Kinds(_) => "(none)".to_string(),
    }
}

/// How a pane draws its rows.
struct RowLook {
    w: usize,
    /// A kind badge first (panes holding several kinds).
    badge: bool,
    /// Room for the board's link mark.
    gutter: bool,
    /// The detail is when the entity was last opened (the Recent pane).
    recent: bool,
}

/// One row: the link mark, the kind badge, the name, and its detail on the
/// right. A date always shows (the name is cut first); a place only if room.
fn row(app: &App, e: usize, look: &RowLook, theme: &Theme) -> Line<'static> {
    let entity = app.ds.entity(e);
    let mut spans = Vec::new();
    let mut used = 0;
    if look.gutter {
        let linked = app.is_linked(e);
        spans.push(Span::styled(
            if linked { "• " } else { "  " },
            theme.heading,
        ));
        used += 2;
    }
    if look.badge {
        let badge = format!("{:<9}", short_kind(entity.kind));
        used += width(&badge);
        spans.push(Span::styled(badge, theme.kind(entity.kind)));
    }
    let opened = look.recent.then(|| app.last_opened(e)).flatten();
    let is_date = opened.is_some() || crate::app::panes::first_date(&app.ds, e).is_some();
    let extra = crate::text::clean(&opened.unwrap_or_else(|| detail(app, e))).into_owned();
    let room = look.w.saturating_sub(used);
    let keep_date = is_date && width(&extra) + 6 <= room;
    let name_room = if keep_date {
        room - width(&extra) - 1
    } else {
        room
    };
    let name = fit(&entity.name, name_room);
    used += width(&name);
    spans.push(Span::raw(name));
    if !extra.is_empty() && (keep_date || used + 3 + width(&extra) <= look.w) {
        let gap = look.w.saturating_sub(used + width(&extra));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(extra, theme.dim));
    }
    Line::from(spans)
}

/// The filter line being typed, with its cursor and its error if any.
pub fn filter_line(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
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
        None if app.filter.resolved.is_empty() => {
            Line::styled("tag: in: member: market:  ⏎ keep  Esc clear", theme.dim)
        }
        None => Line::styled(
            fit(&app.filter.resolved.join(" · "), usize::from(area.width)),
            theme.dim,
        ),
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
    fn list_dates_are_short() {
        let d = |t: &str| super::short_date(crate::model::When::parse(t).expect("date"));
        assert_eq!(d("2014-09-23"), "23 Sep 2014");
        assert_eq!(d("2014-11-13/2014-11-14"), "13–14 Nov 2014");
        assert_eq!(d("2014-11-30/2014-12-01"), "30 Nov–1 Dec 2014");
        assert_eq!(d("2012/2014"), "2012–2014");
        assert_eq!(d("--03-31"), "31 Mar (no year)");
        assert_eq!(d("2015-06"), "Jun 2015");
    }

    #[test]
    fn scrolling_moves_only_as_far_as_needed() {
        assert_eq!(scrolled(0, 3, 10), 0);
        assert_eq!(scrolled(0, 12, 10), 3);
        assert_eq!(scrolled(5, 2, 10), 2);
        assert_eq!(scrolled(5, 0, 0), 0);
    }
}
