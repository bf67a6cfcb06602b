//! The search pane: the query line with its cursor, the match count or the
//! query's error, the answers to a question typed ("MAGIA › coordinated by ›
//! BioPmed"), then the hits with kind badges and matched letters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, highlighted};
use crate::app::App;
use crate::search::{Field, Hit};
use crate::text::{truncate, width};

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(" Search ", theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let s = &app.search;
    let w = usize::from(inner.width);
    let prompt = "/ ";
    let (text, at) = s.line.window(w - width(prompt));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(prompt, theme.key),
            Span::raw(text),
        ])),
        Rect { height: 1, ..inner },
    );
    let cx = inner.x + (width(prompt) + at).min(w - 1) as u16;
    frame.set_cursor_position((cx, inner.y));
    if inner.height < 2 {
        return;
    }
    frame.render_widget(
        Paragraph::new(info(app, w, theme)),
        Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        },
    );
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let height = usize::from(list.height);
    let offset = super::list::scrolled(app.geometry.list_offset, s.selected, height);
    let mut lines = super::answers::rows(app, w, theme, (offset, height));
    let answers = s.answers.len();
    let room = height - lines.len();
    for (n, hit) in (s.hits.iter().enumerate())
        .skip(offset.saturating_sub(answers))
        .take(room)
    {
        let mut line = hit_line(app, hit, w, theme);
        if n + answers == s.selected {
            line = line.style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), list);
    app.geometry.list = list;
    app.geometry.list_offset = offset;
    app.geometry.page = height.max(1);
}

/// The line under the query: its error, a notice, that a search is under
/// way, or how many matched.
fn info(app: &App, w: usize, theme: &Theme) -> Line<'static> {
    let s = &app.search;
    match &s.error {
        _ if s.line.notice().is_some() => Line::styled(
            truncate(&s.line.notice().unwrap_or_default(), w).into_owned(),
            theme.error,
        ),
        // The line is searched as soon as the index is ready.
        _ if app.search_deferred() => Line::styled(
            truncate("building the search index…", w).into_owned(),
            theme.dim,
        ),
        _ if app.search_pending() => Line::styled("searching…", theme.dim),
        Some(e) => Line::styled(
            truncate(&crate::text::clean(e), w).into_owned(),
            theme.error,
        ),
        None if s.line.text().trim().is_empty() => {
            Line::styled("type to search all entities", theme.dim)
        }
        // Why several words found nothing: the word to drop, at a glance.
        None if s.hits.is_empty() && s.answers.is_empty() && s.unmatched.is_some() => {
            let why = s
                .unmatched
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let text = format!("0 matches: {}", crate::text::clean(&why));
            Line::styled(truncate(&text, w).into_owned(), theme.dim)
        }
        None if s.total > s.hits.len() => Line::styled(
            format!(
                "{}best {} of {} matches",
                super::answers::count(s),
                s.hits.len(),
                s.total
            ),
            theme.dim,
        ),
        None => Line::styled(
            format!(
                "{}{} match{}",
                super::answers::count(s),
                s.total,
                if s.total == 1 { "" } else { "es" }
            ),
            theme.dim,
        ),
    }
}

/// One hit: its kind, its name with the matched letters, and when the match
/// is in another field, that field's excerpt around it.
fn hit_line(app: &App, hit: &Hit, w: usize, theme: &Theme) -> Line<'static> {
    let e = app.ds.entity(hit.entity);
    let badge = format!("{:<9}", super::list::short_kind(e.kind));
    let mut spans = vec![Span::styled(badge.clone(), theme.kind(e.kind))];
    let room = w.saturating_sub(width(&badge));
    let name = truncate(&e.name, room).into_owned();
    let name_hits: &[usize] = if hit.field == Field::Name {
        &hit.indices
    } else {
        &[]
    };
    spans.extend(highlighted(&name, name_hits, theme.base, theme.matched));
    let used = width(&badge) + width(&crate::text::clean(&name));
    // A hit in one of the user's notes says so, as the card's "My notes" does.
    let label = match hit.field {
        Field::Note(_) => "  my note: ".to_string(),
        f => format!("  {}: ", f.as_str()),
    };
    if hit.field != Field::Name && used + width(&label) + 4 < w {
        let rest = w - used - width(&label);
        let text = app.memory.personal.hit_text(&app.ds, hit);
        let (text, at) = crate::text::excerpt(text, &hit.indices, rest);
        let text = truncate(&text, rest).into_owned();
        spans.push(Span::styled(label, theme.dim));
        spans.extend(highlighted(&text, &at, theme.dim, theme.matched));
    }
    Line::from(spans)
}
