//! The loading screen, drawn while a large file loads on a thread of its own:
//! the file's name, the stage, a bar, bytes worked through out of the total,
//! the time so far, and the keys that cancel. It reads a [`Seen`] (the load's
//! counters at one moment), not the app, which does not exist yet.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};

use super::Theme;
use crate::data::error::human;
use crate::progress::Seen;

/// What the loading screen shows.
#[derive(Debug, Clone)]
pub struct Loading<'a> {
    /// The file's name, already made safe for the terminal.
    pub name: &'a str,
    pub seen: Seen,
    pub elapsed: Duration,
}

/// Draws the loading screen in the middle of `frame`.
pub fn draw(frame: &mut Frame, view: &Loading, theme: &Theme) {
    let area = centre(frame.area(), 64, 7);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(" clusterdex ", theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [name, stage, bar, figures, keys] = Layout::vertical([Constraint::Length(1); 5])
        .areas(inner.inner(ratatui::layout::Margin::new(1, 0)));
    let line = |spans: Vec<Span<'static>>| Paragraph::new(Line::from(spans));
    frame.render_widget(
        line(vec![
            Span::styled("Loading ", theme.base),
            Span::styled(view.name.to_string(), theme.heading),
        ]),
        name,
    );
    frame.render_widget(
        line(vec![Span::styled(view.seen.stage.label(), theme.dim)]),
        stage,
    );
    let ratio = view.seen.ratio();
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.selected)
            .ratio(ratio)
            .label(format!("{:.0}%", ratio * 100.0)),
        bar,
    );
    frame.render_widget(
        line(vec![Span::styled(figures_text(view), theme.base)]),
        figures,
    );
    frame.render_widget(
        line(vec![
            Span::styled("q", theme.key),
            Span::styled(" or ", theme.dim),
            Span::styled("Ctrl-C", theme.key),
            Span::styled(" cancels", theme.dim),
        ]),
        keys,
    );
}

/// "12.3 MiB of 62.2 MiB · 1.4 s".
fn figures_text(view: &Loading) -> String {
    let seen = &view.seen;
    let done = human(seen.done.min(seen.total));
    let secs = view.elapsed.as_secs_f64();
    match seen.total {
        0 => format!("{secs:.1} s"),
        total => format!("{done} of {} · {secs:.1} s", human(total)),
    }
}

/// A box of `width` × `height` in the middle of `area`, no larger than it.
fn centre(area: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Stage;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn screen(seen: Seen, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
        let view = Loading {
            name: "big.ron",
            seen,
            elapsed: Duration::from_millis(1500),
        };
        let theme = Theme::new(super::super::ThemeName::Dark, true);
        terminal.draw(|f| draw(f, &view, &theme)).expect("draws");
        let buffer = terminal.backend().buffer();
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_loading_screen_says_what_how_far_and_how_to_cancel() {
        let seen = Seen {
            stage: Stage::Parsing,
            done: 25 << 20,
            total: 100 << 20,
        };
        let text = screen(seen, 80, 12);
        for want in [
            "Loading big.ron",
            "parsing and checking",
            "25%",
            "25.0 MiB of 100.0 MiB · 1.5 s",
            "q or Ctrl-C cancels",
        ] {
            assert!(text.contains(want), "{want} in\n{text}");
        }
    }

    #[test]
    fn a_tiny_terminal_still_gets_a_frame_without_a_panic() {
        let seen = Seen {
            stage: Stage::Reading,
            done: 0,
            total: 0,
        };
        let text = screen(seen, 10, 3);
        assert!(!text.trim().is_empty());
    }
}
