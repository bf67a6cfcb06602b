//! The explorer's meeting views: the timeline (`t`), the facet filter line
//! (`f`) with counts per value, connection paths (`c`, then pick the other
//! entity by search), and copying a card (`y`) or an id (`Y`).

use super::line::InputLine;
use super::{App, Focus, Mode};
use crate::meeting::facets::{self, Facets};
use crate::meeting::path::{Chain, shortest};
use crate::meeting::timeline::{self, Entry};

/// One row of the timeline view; `year` is set on the first row of a year.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    pub year: Option<String>,
    pub entry: Entry,
}

/// The facet filter: the line being typed and the filter in force.
#[derive(Debug, Default)]
pub struct FilterState {
    pub line: InputLine,
    pub active: Option<Facets>,
    /// The text of the filter in force, for titles.
    pub applied: String,
    /// What each term of the filter in force resolved to.
    pub resolved: Vec<String>,
    pub error: Option<String>,
    /// Per entity: passes the filter in force.
    pub passes: Option<Vec<bool>>,
}

/// The connection paths shown between two entities.
#[derive(Debug, Default)]
pub struct PathView {
    pub from: usize,
    pub to: usize,
    pub chains: Vec<Chain>,
    /// Selectable rows: (chain, hop) -> the entity reached.
    pub rows: Vec<usize>,
    pub selected: usize,
}

/// Whether a search picks the far end of a connection path instead of opening.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Purpose {
    #[default]
    Open,
    PathFrom(usize),
}

impl App {
    pub fn open_timeline(&mut self) {
        let years = timeline::build(&self.ds, &timeline::TimelineFilter::default());
        self.timeline = years
            .into_iter()
            .flat_map(|y| {
                let label = y
                    .year
                    .map_or_else(|| "year unknown".to_string(), |n| n.to_string());
                y.entries
                    .into_iter()
                    .enumerate()
                    .map(move |(i, entry)| TimelineRow {
                        year: (i == 0).then(|| label.clone()),
                        entry,
                    })
            })
            .collect();
        self.timeline_selected = self
            .timeline_selected
            .min(self.timeline.len().saturating_sub(1));
        self.mode = Mode::Timeline;
    }

    /// Counts per country, tag and market over the current tab as filtered.
    pub fn facet_counts(&self) -> [(&'static str, facets::Counts); 3] {
        facets::counts(&self.ds, &self.rows[self.tab.index()])
    }

    /// Starts picking the other end of a connection path from the shown entity.
    pub fn start_path(&mut self) {
        if let Some(e) = self.shown_entity() {
            self.update(super::Action::StartSearch);
            self.search.purpose = Purpose::PathFrom(e);
        }
    }

    /// Shows the shortest chains between two entities.
    pub fn show_paths(&mut self, from: usize, to: usize) {
        let chains = shortest(&self.ds, from, to, 3);
        let rows = chains
            .iter()
            .flat_map(|c| std::iter::once(c.start).chain(c.hops.iter().map(|h| h.to)))
            .collect();
        self.paths = PathView {
            from,
            to,
            chains,
            rows,
            selected: 0,
        };
        self.mode = Mode::Paths;
    }

    /// The entity under the selection of the timeline or path view.
    pub fn view_entity(&self) -> Option<usize> {
        match self.mode {
            Mode::Timeline => self
                .timeline
                .get(self.timeline_selected)
                .map(|r| r.entry.entity),
            Mode::Paths => self.paths.rows.get(self.paths.selected).copied(),
            Mode::Network => self.network_entity(),
            Mode::Chart => self.chart_entity(),
            _ => None,
        }
    }

    /// Queues a copy of the card (Markdown) or the id of the entity under the
    /// cursor for the terminal, and says what was done.
    pub fn copy(&mut self, card: bool) {
        let Some(e) = self.copy_target() else {
            self.flash = Some("nothing selected to copy".to_string());
            return;
        };
        let x = self.ds.entity(e);
        let (text, what) = if card {
            (crate::meeting::card::markdown(&self.ds, e), "the card")
        } else {
            (x.id.to_string(), "the id")
        };
        let mut flash = format!(
            "{what} of {} was sent to the terminal's clipboard (OSC 52)",
            x.name
        );
        if self.in_tmux && !self.told_tmux {
            self.told_tmux = true;
            flash.push_str("\ninside tmux, if nothing arrives: tmux set -g set-clipboard on");
        }
        self.clipboard = Some(text);
        self.flash = Some(flash);
    }

    /// Leaves a view for the entity it selects.
    pub fn open_from_view(&mut self) {
        if let Some(e) = self.view_entity() {
            self.mode = Mode::Browse;
            self.visit(e);
        }
    }

    /// Keeps a pane's rows to those passing the filter in force.
    pub(super) fn filtered(&self, rows: Vec<usize>) -> Vec<usize> {
        match &self.filter.passes {
            Some(p) => rows
                .into_iter()
                .filter(|&e| p.get(e).copied().unwrap_or(false))
                .collect(),
            None => rows,
        }
    }

    pub fn close_view(&mut self) {
        if self.mode == Mode::Filter && self.filter.error.is_some() {
            self.filter.line.clear();
            self.apply_filter();
        }
        self.mode = Mode::Browse;
        if self.history.current().is_none() {
            self.focus = Focus::List;
        }
    }
}
