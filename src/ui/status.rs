//! The top tab bar, the diagnostics banner, and the bottom status bar with the
//! breadcrumb trail and the hints of the current context (from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{App, Tab, keymap};
use crate::text::{clean, truncate, width};

pub fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = vec![Span::styled(" clusterdex ", theme.title)];
    for (i, t) in Tab::ALL.iter().enumerate() {
        let label = format!(" {} {} {} ", i + 1, t.title(), app.rows[t.index()].len());
        let style = if *t == app.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(label, style));
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

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let hints = keymap::hints(app.context());
    let mut right: Vec<Span> = Vec::new();
    for (key, help) in &hints {
        right.push(Span::styled(format!(" {key}"), theme.key));
        right.push(Span::styled(format!(" {help} "), theme.status));
    }
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    let w = usize::from(area.width);
    let (right, right_w) = if right_w + 10 > w {
        (Vec::new(), 0)
    } else {
        (right, right_w)
    };
    let crumbs = match &app.flash {
        Some(f) => clean(f).into_owned(),
        None => app
            .breadcrumb()
            .iter()
            .map(|n| clean(n).into_owned())
            .collect::<Vec<_>>()
            .join(" › "),
    };
    let room = w.saturating_sub(right_w + 1);
    let crumbs = if width(&crumbs) > room {
        // Keep the end of the trail: where the user is now matters most.
        let tail: String = crumbs.chars().rev().collect();
        let cut: String = truncate(&tail, room.saturating_sub(1))
            .chars()
            .rev()
            .collect();
        format!("…{}", cut.trim_start_matches('…'))
    } else {
        crumbs
    };
    let gap = w.saturating_sub(width(&crumbs) + right_w);
    let mut spans = vec![
        Span::styled(crumbs, theme.status),
        Span::raw(" ".repeat(gap)),
    ];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
