//! The explorer's meeting views: the timeline (`t`), the facet filter line
//! (`f`) with counts per value, connection paths (`c`, then pick the other
//! entity by search), and copying a card (`y`) or an id (`Y`).

use super::line::Line;
use super::{App, Focus, Mode, Tab};
use crate::meeting::facets::{self, Filter};
use crate::meeting::path::{Chain, shortest};
use crate::meeting::timeline::{self, Entry};
use crate::search::{Resolution, resolve};

/// One row of the timeline view; `year` is set on the first row of a year.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    pub year: Option<String>,
    pub entry: Entry,
}

/// The facet filter: the line being typed and the filter in force.
#[derive(Debug, Default)]
pub struct FilterState {
    pub line: Line,
    pub active: Option<Filter>,
    /// The text of the filter in force, for titles.
    pub applied: String,
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

const FACETS: &str = "tag:, in:, member:, market:";

impl App {
    pub fn open_timeline(&mut self) {
        let years = timeline::build(&self.ds, &timeline::Filter::default());
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

    /// Parses the filter line: `tag:oncology in:france member:health2care market:china`.
    fn parse_filter(&mut self, text: &str) -> Result<Option<Filter>, String> {
        let (ds, index) = (std::sync::Arc::clone(&self.ds), self.index.get());
        let mut f = Filter::default();
        let mut any = false;
        for word in text.split_whitespace() {
            let Some((key, value)) = word.split_once(':').filter(|(_, v)| !v.is_empty()) else {
                return Err(format!(
                    "{word:?} is not a facet; use {FACETS} e.g. tag:oncology in:france"
                ));
            };
            let find = |v: &str| match resolve(&ds, index, &v.replace('_', " ")) {
                Resolution::Found(e) => Ok(e),
                _ => Err(format!("no entity matches {v:?}")),
            };
            match key {
                "tag" => f.tag = Some(crate::search::fold::fold_str(value)),
                "in" => f.place = Some(find(value)?),
                "member" => f.member_of = Some(find(value)?),
                "market" => f.market = Some(find(value)?),
                other => return Err(format!("unknown facet {other}:; valid facets: {FACETS}")),
            }
            any = true;
        }
        Ok(any.then_some(f))
    }

    /// Re-reads the filter line and applies it to the lists and to search.
    pub fn apply_filter(&mut self) {
        let text = self.filter.line.text().to_string();
        match self.parse_filter(&text) {
            Ok(f) => {
                self.filter.error = None;
                self.filter.passes = f.as_ref().map(|f| {
                    let keep = facets::filter(&self.ds, f);
                    let mut passes = vec![false; self.ds.len()];
                    keep.into_iter().for_each(|e| passes[e] = true);
                    passes
                });
                self.filter.applied = self.filter.line.text().trim().to_string();
                self.filter.active = f;
                self.fill_rows();
            }
            Err(e) => self.filter.error = Some(e),
        }
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

    /// Queues a copy of the shown entity's card (or id) for the terminal.
    pub fn copy(&mut self, card: bool) {
        if let Some(e) = self.shown_entity() {
            let name = self.ds.entity(e).name.clone();
            if card {
                self.clipboard = Some(crate::meeting::card::markdown(&self.ds, e));
                self.flash = Some(format!("copied the card of {name}"));
            } else {
                self.clipboard = Some(self.ds.entity(e).id.clone());
                self.flash = Some(format!("copied the id of {name}"));
            }
        }
    }

    /// Leaves a view for the entity it selects.
    pub fn open_from_view(&mut self) {
        if let Some(e) = self.view_entity() {
            self.mode = Mode::Browse;
            self.visit(e);
        }
    }

    /// Keeps a tab's rows to those passing the filter in force.
    pub(super) fn filtered(&self, tab: Tab, rows: Vec<usize>) -> Vec<usize> {
        let _ = tab;
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
