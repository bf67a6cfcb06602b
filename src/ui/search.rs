//! The search pane: the query line with its cursor, the match count or the
//! query's error, the answers to a question typed ("MAGIA › coordinated by ›
//! BioPmed"), then the hits with kind badges and matched letters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, highlighted};
use crate::app::App;
use crate::search::Field;
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
    let text = crate::text::clean(s.line.text()).into_owned();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(prompt, theme.key),
            Span::raw(text),
        ])),
        Rect { height: 1, ..inner },
    );
    let before: String = s.line.text().chars().take(s.line.cursor()).collect();
    let cx = inner.x + (width(prompt) + width(&crate::text::clean(&before))).min(w - 1) as u16;
    frame.set_cursor_position((cx, inner.y));
    if inner.height < 2 {
        return;
    }
    let info = match &s.error {
        _ if app.search_pending() => Line::styled("searching…", theme.dim),
        Some(e) => Line::styled(
            truncate(&crate::text::clean(e), w).into_owned(),
            theme.error,
        ),
        None if s.line.text().trim().is_empty() => {
            Line::styled("type to search all entities", theme.dim)
        }
        None if s.total > s.hits.len() => Line::styled(
            format!(
                "{}best {} of {} matches",
                answered(s),
                s.hits.len(),
                s.total
            ),
            theme.dim,
        ),
        None => Line::styled(
            format!(
                "{}{} match{}",
                answered(s),
                s.total,
                if s.total == 1 { "" } else { "es" }
            ),
            theme.dim,
        ),
    };
    frame.render_widget(
        Paragraph::new(info),
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
    let mut lines = Vec::new();
    for (n, a) in s.answers.iter().enumerate().skip(offset).take(height) {
        lines.push(answer_line(app, a, w, theme).style(if n == s.selected {
            theme.selected
        } else {
            theme.base
        }));
    }
    let answers = s.answers.len();
    let room = height - lines.len();
    for (n, hit) in s
        .hits
        .iter()
        .enumerate()
        .skip(offset.saturating_sub(answers))
        .take(room)
    {
        let n = n + answers;
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
        let label = format!("  {}: ", hit.field.as_str());
        if hit.field != Field::Name && used + width(&label) + 4 < w {
            let (text, at) =
                crate::text::excerpt(hit.field.text(&app.ds, hit.entity), &hit.indices, w);
            let rest = w - used - width(&label);
            let text = truncate(&text, rest).into_owned();
            spans.push(Span::styled(label, theme.dim));
            spans.extend(highlighted(&text, &at, theme.dim, theme.matched));
        }
        let mut line = Line::from(spans);
        if n == s.selected {
            line = line.style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), list);
    app.geometry.list = list;
    app.geometry.list_offset = offset;
    app.page = height.max(1);
}

/// "2 answers · " before the match count, when a question was answered.
fn answered(s: &crate::app::SearchState) -> String {
    match s.answers.len() {
        0 => String::new(),
        1 => "1 answer · ".to_string(),
        n => format!("{n} answers · "),
    }
}

/// An answer row: a badge, then "MAGIA › coordinated by › BioPmed" (or the
/// fact's value), the entity Enter opens in the title style.
fn answer_line(
    app: &App,
    a: &crate::app::answers::AnswerRow,
    w: usize,
    theme: &Theme,
) -> Line<'static> {
    let badge = format!("{:<9}", "answer");
    let clean = |t: &str| crate::text::clean(t).into_owned();
    let what = match (a.target, &a.value) {
        (Some(t), _) => clean(&app.ds.entity(t).name),
        (None, Some(v)) => clean(v),
        (None, None) => String::new(),
    };
    let label = clean(&a.label);
    // What the answer points to shows first, then its label; the name asked
    // about gives way (down to a few letters) when the row is narrow.
    let sep = " › ";
    let room = w.saturating_sub(width(&badge) + 2 * width(sep));
    let keep = 8;
    let what_w = width(&what).min(room.saturating_sub(keep));
    let label_w = width(&label).min(room.saturating_sub(keep + what_w));
    let asked_w = room.saturating_sub(what_w + label_w);
    let asked = short_name(app, a.entity, asked_w);
    let parts = [
        (badge, theme.key),
        (truncate(&asked, asked_w).into_owned(), theme.base),
        (sep.to_string(), theme.dim),
        (truncate(&label, label_w).into_owned(), theme.dim),
        (sep.to_string(), theme.dim),
        (truncate(&what, what_w).into_owned(), theme.title),
    ];
    let mut left = w;
    let mut spans = Vec::new();
    for (text, style) in parts {
        let shown = truncate(&text, left).into_owned();
        left = left.saturating_sub(width(&shown));
        spans.push(Span::styled(shown, style));
    }
    Line::from(spans)
}

/// An entity's name, or its shortest alias when only that fits ("MAGIA" for
/// "Medtech Alliance for Global Internationalisation (MAGIA)").
fn short_name(app: &App, e: usize, room: usize) -> String {
    let entity = app.ds.entity(e);
    let name = crate::text::clean(&entity.name).into_owned();
    if width(&name) <= room {
        return name;
    }
    let alias = (entity.aliases.iter())
        .map(|a| crate::text::clean(a).into_owned())
        .filter(|a| width(a) <= room && a.chars().count() >= 2)
        .min_by_key(|a| width(a));
    alias.unwrap_or(name)
}
