//! The problems overlay: every diagnostic of the dataset, as `check` prints
//! them, so a user who opened a file with problems sees what to fix; then the
//! config file's, as `config check` prints them; then what went wrong with
//! the user's notes, pins and recent lookups (where a file was moved aside).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::text::{clean, wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = area.width.saturating_sub(4).min(110);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: area.height.saturating_sub(2),
    };
    frame.render_widget(Clear, rect);
    let n = app.diagnostics.len()
        + usize::from(app.reload_error.is_some())
        + app.config_problems.len()
        + app.memory.problems.len();
    let title = format!(
        " {n} problem{} (any key closes) ",
        if n == 1 { "" } else { "s" }
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(title, theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width).max(8);
    let mut lines = Vec::new();
    if let Some(e) = &app.reload_error {
        lines.push(Line::styled(
            "The last reload failed; the previous data is shown:",
            theme.error,
        ));
        for l in e.lines() {
            lines.extend(wrap(&clean(l), width).into_iter().map(Line::from));
        }
        lines.push(Line::default());
    }
    for d in &app.diagnostics {
        for (i, l) in d.render(&app.source_name).lines().enumerate() {
            let style = if i == 0 { theme.base } else { theme.dim };
            lines.extend(wrap(l, width).into_iter().map(|p| Line::styled(p, style)));
        }
    }
    if !app.config_problems.is_empty() {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(
            "The config file, not used until this is fixed (the defaults are):",
            theme.error,
        ));
        for d in &app.config_problems {
            for (i, l) in d.render(&app.config_name).lines().enumerate() {
                let style = if i == 0 { theme.base } else { theme.dim };
                lines.extend(
                    wrap(&clean(l), width)
                        .into_iter()
                        .map(|p| Line::styled(p, style)),
                );
            }
        }
    }
    if !app.memory.problems.is_empty() {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(
            "Your notes, pins and recent lookups:",
            theme.error,
        ));
        for p in &app.memory.problems {
            lines.extend(wrap(&clean(&p.full), width).into_iter().map(Line::from));
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled("No problems.", theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
