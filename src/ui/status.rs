//! The top tab bar, the diagnostics banner, and the bottom status bar with the
//! breadcrumb trail and the hints of the current context (from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{App, Tab, keymap};
use crate::text::{clean, clean_multiline, truncate, width};

pub fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let board = app.board_active();
    let mut spans = vec![Span::styled(" clusterdex ", theme.title)];
    for t in Tab::all() {
        let label = format!(
            " {} {} {} ",
            t.spec().key,
            t.title(),
            app.rows[t.index()].len()
        );
        let style = if t == app.tab {
            theme.tab_active
        } else if board && !t.spec().board {
            theme.dim
        } else {
            theme.tab
        };
        spans.push(Span::styled(label, style));
    }
    let mut right = String::from(if board { "board" } else { "tabs" });
    if app.zoom {
        right.push_str(" · zoom");
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let w = usize::from(area.width);
    if used + width(&right) + 3 <= w {
        spans.push(Span::raw(" ".repeat(w - used - width(&right) - 1)));
        spans.push(Span::styled(right, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn banner(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let text = match &app.reload_error {
        Some(e) => format!(
            " reload failed (! for details), showing the last good data: {} ",
            e.lines().next().unwrap_or("")
        ),
        None => {
            let n = app.diagnostics.len();
            let first = app
                .diagnostics
                .first()
                .map(|d| d.render(""))
                .unwrap_or_default();
            let first = first
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches(':')
                .trim()
                .to_string();
            format!(
                " {n} problem{} in the dataset (! lists them): {first} ",
                if n == 1 { "" } else { "s" }
            )
        }
    };
    let line = Line::styled(
        truncate(&clean(&text), usize::from(area.width)).into_owned(),
        theme.banner,
    );
    frame.render_widget(Paragraph::new(line).style(theme.banner), area);
}

/// The hints of the current context as spans: full labels when they fit
/// beside `keep` cells, else the first key and word of each, dropping the
/// first ones when even that is too wide (help and quit come last and stay).
fn hint_spans(app: &App, w: usize, keep: usize, theme: &Theme) -> Vec<Span<'static>> {
    let hints = keymap::hints(app.context());
    let full: Vec<(String, String)> = hints
        .iter()
        .map(|(k, h)| (k.to_string(), h.to_string()))
        .collect();
    let short: Vec<(String, String)> = hints
        .iter()
        .map(|(k, h)| {
            let key = k.split(' ').next().unwrap_or(k).to_string();
            (key, h.split(' ').next().unwrap_or(h).to_string())
        })
        .collect();
    let size =
        |v: &[(String, String)]| -> usize { v.iter().map(|(k, h)| width(k) + width(h) + 3).sum() };
    let mut chosen = if size(&full) + keep <= w { full } else { short };
    while !chosen.is_empty() && size(&chosen) + keep.min(8) > w {
        chosen.remove(0);
    }
    let mut spans = Vec::new();
    for (key, help) in chosen {
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {help} "), theme.status));
    }
    spans
}

/// How many lines the status bar needs: one, or more for a message that
/// does not fit beside the hints (a message is never cut by them).
pub fn lines(app: &App, w: u16) -> u16 {
    let Some(flash) = &app.flash else { return 1 };
    let w = usize::from(w);
    let hints: usize = keymap::hints(app.context())
        .iter()
        .map(|(k, h)| {
            width(k.split(' ').next().unwrap_or(k)) + width(h.split(' ').next().unwrap_or(h)) + 3
        })
        .sum();
    if !flash.contains('\n') && width(flash) + hints < w {
        return 1;
    }
    (crate::text::wrap(&clean_multiline(flash), w).len() + 1).min(3) as u16
}

/// The bottom bar: the message or the trail on the left, the hints on the
/// right; a long message takes the lines above.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = usize::from(area.width);
    let mut last = area;
    let mut left = trail(app);
    let mut keep = width(&left).min(30);
    if let Some(flash) = &app.flash {
        let text = clean_multiline(flash).into_owned();
        if area.height > 1 {
            let above = area.height - 1;
            let lines: Vec<Line> = crate::text::wrap(&text, w)
                .into_iter()
                .take(usize::from(above))
                .map(|l| Line::styled(l, theme.status))
                .collect();
            frame.render_widget(
                Paragraph::new(lines),
                Rect {
                    height: above,
                    ..area
                },
            );
            last = Rect {
                y: area.bottom() - 1,
                height: 1,
                ..area
            };
        } else {
            left = text.replace('\n', " ");
            keep = width(&left);
        }
    }
    let right = hint_spans(app, w, keep, theme);
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    let room = w.saturating_sub(right_w + 1);
    let left = if width(&left) > room {
        // Keep the end of the trail: where the user is now matters most.
        let tail: String = left.chars().rev().collect();
        let cut: String = truncate(&tail, room.saturating_sub(1))
            .chars()
            .rev()
            .collect();
        format!("…{}", cut.trim_start_matches('…'))
    } else {
        left
    };
    let gap = w.saturating_sub(width(&left) + right_w);
    let mut spans = vec![Span::styled(left, theme.status), Span::raw(" ".repeat(gap))];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)), last);
}

/// The trail of entities visited since the last change of tab or pane; on
/// the board before any visit, what the marks mean.
fn trail(app: &App) -> String {
    let crumbs = app.breadcrumb();
    if crumbs.is_empty()
        && app.mode == crate::app::Mode::Browse
        && let Some(a) = app.board.anchor
    {
        let name = clean(&app.ds.entity(a).name).into_owned();
        if app.board.cross.is_some() {
            return format!("only rows linked to {name}   = shows all");
        }
        if app.board_active() {
            return format!("• linked to {name}   = keeps only those");
        }
    }
    crumbs
        .iter()
        .map(|n| clean(n).into_owned())
        .collect::<Vec<_>>()
        .join(" › ")
}
