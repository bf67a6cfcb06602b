//! The period chart's state and keys (`t`, then `p`): the chart built once
//! when it opens, and a selection over its rows, the dated ones first and then
//! those whose dates are unknown. Enter opens the row's entity.

use super::{Action, App, Mode};
use crate::meeting::periods::{self, PeriodChart};

/// What the period chart shows.
#[derive(Debug)]
pub struct ChartState {
    pub chart: Option<PeriodChart>,
    /// Over the chart's rows, then its undated entries.
    pub selected: usize,
    /// The first body line on screen, as last drawn (a scroll offset).
    pub offset: usize,
    /// Where the body was last drawn, for the mouse.
    pub body: ratatui::layout::Rect,
    /// The year marked as today: the system clock's, set when the app starts.
    pub today: i32,
}

impl Default for ChartState {
    fn default() -> ChartState {
        ChartState {
            chart: None,
            selected: 0,
            offset: 0,
            body: ratatui::layout::Rect::default(),
            today: this_year(),
        }
    }
}

/// The current year by the system clock (UTC); 1970 if the clock is before it.
pub fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    periods::year_of_days((secs / 86_400) as i64)
}

impl App {
    /// Switches the timeline to its chart, or the chart back to the list.
    pub fn open_chart(&mut self) {
        if self.mode == Mode::Chart {
            self.chart.chart = None;
            self.open_timeline();
            return;
        }
        let chart = periods::build(&self.ds, self.chart.today, None);
        let rows = chart.rows.len() + chart.undated.len();
        self.chart.selected = self.chart.selected.min(rows.saturating_sub(1));
        self.chart.chart = Some(chart);
        self.mode = Mode::Chart;
    }

    /// How many rows the selection moves over.
    pub fn chart_len(&self) -> usize {
        self.chart
            .chart
            .as_ref()
            .map_or(0, |c| c.rows.len() + c.undated.len())
    }

    /// The entity of the selected row.
    pub fn chart_entity(&self) -> Option<usize> {
        let c = self.chart.chart.as_ref()?;
        let s = self.chart.selected;
        match c.rows.get(s) {
            Some(r) => Some(r.entity),
            None => c.undated.get(s - c.rows.len()).map(|u| u.entity),
        }
    }

    /// After a reload: the chart of the new data.
    pub fn refresh_chart(&mut self) {
        if self.mode == Mode::Chart {
            let chart = periods::build(&self.ds, self.chart.today, None);
            self.chart.chart = Some(chart);
            self.chart.selected = self.chart.selected.min(self.chart_len().saturating_sub(1));
        }
    }

    /// A click selects the row under it; a click on the selected row opens it.
    fn click_row(&mut self, col: u16, row: u16) {
        let (Some(chart), b) = (self.chart.chart.as_ref(), self.chart.body) else {
            return;
        };
        if !b.contains(ratatui::layout::Position::new(col, row)) {
            return;
        }
        let line = self.chart.offset + usize::from(row - b.y);
        if line >= periods::body_len(chart) {
            return;
        }
        let picked = match periods::body_line(chart, line) {
            periods::Body::Row(r) => r,
            periods::Body::Undated(u) => chart.rows.len() + u,
            _ => return,
        };
        if picked == self.chart.selected {
            self.update_chart(Action::Open);
        } else {
            self.chart.selected = picked;
        }
    }

    pub(super) fn update_chart(&mut self, action: Action) {
        let page = self.geometry.page.max(1) as isize;
        let delta = match action {
            Action::Up | Action::ScrollUp => -1,
            Action::Down | Action::ScrollDown => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            Action::Open => {
                if let Some(e) = self.chart_entity() {
                    self.chart.chart = None;
                    self.mode = Mode::Browse;
                    self.visit(e);
                }
                return;
            }
            Action::ToggleChart => return self.open_chart(),
            Action::Click(col, row) => return self.click_row(col, row),
            Action::CopyCard => return self.copy(true),
            Action::CopyId => return self.copy(false),
            Action::Close => {
                self.chart.chart = None;
                return self.close_view();
            }
            Action::Quit => {
                self.quit = true;
                return;
            }
            _ => return,
        };
        let last = self.chart_len().saturating_sub(1);
        self.chart.selected = self.chart.selected.saturating_add_signed(delta).min(last);
    }
}
