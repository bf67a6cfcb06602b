//! The help overlay: every binding, by context, straight from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::keymap::{self, Context};

fn section(contexts: &[Context], theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for &c in contexts {
        lines.push(Line::styled(c.title(), theme.heading));
        for b in keymap::bindings(c) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<9}", b.label), theme.key),
                Span::raw(b.help),
            ]));
        }
        lines.push(Line::default());
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let w = area.width.saturating_sub(4).min(96);
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
    let all = [
        Context::List,
        Context::Entity,
        Context::Search,
        Context::Global,
    ];
    let footer = Line::styled("Ctrl-c quits from anywhere.", theme.dim);
    // Two columns when there is room, so that every binding fits on screen.
    if inner.width >= 70 {
        let half = inner.width / 2;
        let left = Rect {
            width: half,
            ..inner
        };
        let right = Rect {
            x: inner.x + half,
            width: inner.width - half,
            ..inner
        };
        frame.render_widget(Paragraph::new(section(&all[..2], theme)), left);
        let mut r = section(&all[2..], theme);
        r.push(footer);
        frame.render_widget(Paragraph::new(r), right);
    } else {
        let mut lines = section(&all, theme);
        lines.push(footer);
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
