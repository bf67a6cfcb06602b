//! The help overlay: every binding, by context, straight from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::keymap::{self, Context};

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let w = area.width.saturating_sub(4).min(72);
    let h = area.height.saturating_sub(2);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(" Keys (Esc or ? to close) ", theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = Vec::new();
    for c in [
        Context::List,
        Context::Entity,
        Context::Search,
        Context::Global,
    ] {
        lines.push(Line::styled(c.title(), theme.heading));
        for b in keymap::bindings(c) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<14}", b.label), theme.key),
                Span::raw(b.help),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::styled("Ctrl-c quits from anywhere.", theme.dim));
    frame.render_widget(Paragraph::new(lines), inner);
}
