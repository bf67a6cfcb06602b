//! The meeting views: the timeline list, the connection paths, and the facet
//! counts shown while the filter line is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, fit};
use crate::app::App;
use crate::model::Direction;
use crate::text::{clean, width};

fn frame_block<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(title, theme.title))
}

/// The timeline in the list pane: year, date, entity, what happened.
pub fn timeline(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    let block = frame_block(format!(" Timeline ({}) ", app.timeline.len()), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let offset = super::list::scrolled(app.geometry.timeline_offset, app.timeline_selected, height);
    let w = usize::from(inner.width);
    // The date column is as wide as the widest date, so that none is cut.
    let dates: Vec<String> = app
        .timeline
        .iter()
        .map(|r| super::list::short_date(r.entry.when))
        .collect();
    let date_w = dates.iter().map(|d| width(d)).max().unwrap_or(0).min(w / 3) + 2;
    let mut lines = Vec::new();
    for (n, row) in app.timeline.iter().enumerate().skip(offset).take(height) {
        let year = format!(
            "{:<6}",
            row.year
                .as_deref()
                .map(|y| if y == "year unknown" { "?" } else { y })
                .unwrap_or("")
        );
        let name = &app.ds.entity(row.entry.entity).name;
        let room = w.saturating_sub(width(&year) + date_w);
        let mut line = Line::from(vec![
            Span::styled(year, theme.heading),
            Span::styled(crate::text::pad(&clean(&dates[n]), date_w), theme.dim),
            Span::raw(fit(&format!("{name} — {}", row.entry.label(&app.ds)), room)),
        ]);
        if n == app.timeline_selected {
            line = line.style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    app.geometry.list = inner;
    app.geometry.list_offset = offset;
    app.geometry.timeline_offset = offset;
    app.geometry.page = height.max(1);
    if app.timeline_selected >= offset && app.timeline_selected < offset + height {
        frame.set_cursor_position((inner.x, inner.y + (app.timeline_selected - offset) as u16));
    }
}

/// Connection paths in the entity pane: each chain, each entity a row.
pub fn paths(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    let p = &app.paths;
    let (a, b) = (&app.ds.entity(p.from).name, &app.ds.entity(p.to).name);
    let half = usize::from(area.width.saturating_sub(24) / 2).max(8);
    let block = frame_block(
        format!(" How {} connects to {} ", fit(a, half), fit(b, half)),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines = Vec::new();
    let mut selected_line = None;
    let mut row = 0;
    if p.chains.is_empty() {
        lines.push(Line::styled(
            "No chain of relations connects them.",
            theme.dim,
        ));
    }
    for (i, chain) in p.chains.iter().enumerate() {
        lines.push(Line::styled(
            format!(
                "{}. {} hop{}",
                i + 1,
                chain.hops.len(),
                if chain.hops.len() == 1 { "" } else { "s" }
            ),
            theme.heading,
        ));
        let mut push = |text: String, lines: &mut Vec<Line<'static>>| {
            let mut line = Line::from(fit(&text, w));
            if row == p.selected {
                line = line.style(theme.selected);
                selected_line = Some(lines.len());
            }
            lines.push(line);
            row += 1;
        };
        push(format!("  {}", app.ds.entity(chain.start).name), &mut lines);
        for h in &chain.hops {
            let r = &app.ds.relations[h.relation];
            let (arrow, label) = match h.direction {
                Direction::Outgoing => ("->", r.rel.forward()),
                Direction::Incoming => ("<-", r.rel.inverse()),
            };
            let src: Vec<&str> = r
                .sources()
                .iter()
                .map(|&s| app.ds.sources[s].id.as_str())
                .collect();
            push(
                format!(
                    "  {arrow} {label} {}   ({}; {})",
                    app.ds.entity(h.to).name,
                    r.certainty.as_str(),
                    src.join(", ")
                ),
                &mut lines,
            );
        }
        lines.push(Line::default());
    }
    let height = usize::from(inner.height);
    let scroll = selected_line.map_or(0, |l| l.saturating_sub(height.saturating_sub(1)));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
    if let Some(l) = selected_line.filter(|l| *l >= scroll && *l < scroll + height) {
        frame.set_cursor_position((inner.x, inner.y + (l - scroll) as u16));
    }
}

/// Counts per country, tag and market of the current tab as filtered.
pub fn counts(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = frame_block(format!(" {} by facet ", app.tab.title()), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines = vec![Line::styled(
        fit(
            "Every term must hold: tag:oncology in:france member:health2care market:china",
            w,
        ),
        theme.dim,
    )];
    if let Some(e) = &app.filter.error {
        for (i, part) in crate::text::wrap(&clean(e), w.saturating_sub(4).max(8))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "  ! " } else { "    " };
            lines.push(Line::styled(format!("{lead}{part}"), theme.error));
        }
    }
    for r in &app.filter.resolved {
        lines.push(Line::from(vec![
            Span::styled("  ✓ ", theme.key),
            Span::raw(fit(r, w.saturating_sub(4))),
        ]));
    }
    lines.push(Line::default());
    for (facet, values) in app.facet_counts() {
        lines.push(Line::styled(format!("by {facet}"), theme.heading));
        if values.is_empty() {
            lines.push(Line::styled("  (none)", theme.dim));
        }
        for (v, n) in values.iter().take(12) {
            lines.push(Line::from(format!("  {n:>4}  {}", clean(v))));
        }
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
