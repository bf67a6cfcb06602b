//! The board: the board's panes side by side on top, the card below. Search
//! takes the panes' place (the card previews the hit); the filter line and
//! the facet counts take the card's place, so the panes narrow as one types.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

use super::{Theme, entity, list, search, views};
use crate::app::{App, Focus, Mode, Tab};

pub fn draw(frame: &mut Frame, body: Rect, app: &mut App, theme: &Theme) {
    if app.zoom && app.mode == Mode::Browse {
        match app.focus {
            Focus::Entity => entity::draw(frame, body, app, theme),
            Focus::List => list::pane(frame, body, app, app.tab, theme),
        }
        return;
    }
    let panes: Vec<Tab> = Tab::on_board().collect();
    let longest = panes
        .iter()
        .map(|t| app.rows[t.index()].len())
        .max()
        .unwrap_or(0);
    let needed = u16::try_from(longest).unwrap_or(u16::MAX).saturating_add(2);
    let (columns, card) = crate::ui::layout::board(body, panes.len(), needed);
    if app.mode == Mode::Search {
        let top = columns
            .iter()
            .skip(1)
            .fold(columns.first().copied().unwrap_or(body), |a, r| a.union(*r));
        search::draw(frame, top, app, theme);
    } else {
        for (t, area) in panes.into_iter().zip(columns) {
            list::pane(frame, area, app, t, theme);
        }
    }
    if app.mode == Mode::Filter {
        let [line, counts] =
            Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(card);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border_focus)
            .title(Span::styled(" Filter every pane by facets ", theme.title));
        let inner = block.inner(line);
        frame.render_widget(block, line);
        list::filter_line(frame, inner, app, theme);
        views::counts(frame, counts, app, theme);
    } else {
        entity::draw(frame, card, app, theme);
    }
}
