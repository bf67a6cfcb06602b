//! The explorer's state and behaviour, with no terminal and no drawing: one
//! [`App`], a documented [`Action`] vocabulary, the keymap, navigation
//! history, and the user's notes, pins and recent lookups. `App::update` is
//! the only place state changes (the UI may move scroll offsets and record
//! where it drew things, for the mouse; the writer's replies are taken in
//! `App::poll_store`).

pub mod action;
pub mod answers;
pub mod board;
mod card;
pub mod chart;
pub mod editor;
mod filter;
mod geometry;
pub mod history;
pub mod index_slot;
pub mod keymap;
pub mod line;
pub mod memory;
pub mod network;
pub mod notes;
pub mod panes;
mod paste;
mod reload;
pub mod search_worker;
mod searching;
mod update;
pub mod views;
mod writer;

#[cfg(test)]
mod board_tests;
#[cfg(test)]
mod pictures_tests;
#[cfg(test)]
mod tests;

pub use action::Action;
pub use geometry::Geometry;
pub use keymap::{Context, Keymap};
pub use panes::Tab;

use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::model::{Dataset, Direction};
use crate::search::{Hit, Searcher};
use history::History;
use line::InputLine;

/// Which pane the keyboard is on when no overlay is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Entity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search,
    Help,
    /// The list of every problem found in the dataset.
    Problems,
    /// Events, periods and dated facts by year.
    Timeline,
    /// Typing the facet filter line.
    Filter,
    /// Connection paths between two entities.
    Paths,
    /// The network around the open entity.
    Network,
    /// The timeline as a chart of periods.
    Chart,
    /// Writing a note.
    Note,
    /// A question waits for its answer (see [`notes::Question`]).
    Confirm,
}

/// One selectable related entity in the entity view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Related {
    pub label: &'static str,
    pub other: usize,
    pub relation: usize,
    pub direction: Direction,
    /// The relation carries a note, shown under the row.
    pub noted: bool,
}

/// The search overlay's state.
#[derive(Debug, Default)]
pub struct SearchState {
    pub line: InputLine,
    /// Answers to a question typed, shown above the hits.
    pub answers: Vec<answers::AnswerRow>,
    pub hits: Vec<Hit>,
    /// How many entities matched (hits keep only the best).
    pub total: usize,
    /// Why a query of several words found nothing (not shown under a facet
    /// filter, which may be what ruled the hits out).
    pub unmatched: Option<crate::search::Unmatched>,
    pub selected: usize,
    pub error: Option<String>,
    pub searcher: Searcher,
    /// What Enter does with the selected hit.
    pub purpose: views::Purpose,
    /// Searches off the UI thread, for large datasets.
    pub worker: Option<search_worker::SearchWorker>,
    /// The line was typed while the index of a large dataset was still being
    /// built: it is searched once the index is ready (the explorer keeps
    /// answering keys meanwhile).
    pub deferred: bool,
}

/// Everything the explorer shows and remembers.
#[derive(Debug)]
pub struct App {
    pub ds: Arc<Dataset>,
    pub index: index_slot::IndexSlot,
    pub mode: Mode,
    pub focus: Focus,
    pub tab: Tab,
    /// Entities per pane (index of [`panes::PANES`]) as shown: after the facet
    /// filter and the cross-filter, linked rows first on the board.
    pub rows: Vec<Vec<usize>>,
    /// The selected row of each pane.
    pub selected: Vec<usize>,
    /// The board and its links (see `board.rs`).
    pub board: board::BoardState,
    /// The focused pane fills the screen.
    pub zoom: bool,
    pub history: History,
    /// Related entities of the open entity, grouped by label.
    pub related: Arc<[Related]>,
    /// The related rows worked out last, for the entity and dataset they are
    /// of: each frame asks for the shown card's, and a place can have
    /// thousands (reading them all again cost a frame 1 to 3 ms at a million).
    related_memo: Option<(std::sync::Weak<Dataset>, usize, Arc<[Related]>)>,
    pub related_selected: usize,
    /// The user moved onto a related row (so `y` copies it, not the open card).
    pub related_picked: bool,
    /// The entity view scrolls to keep the selected related row in sight
    /// (cleared when the user scrolls the view itself).
    pub card_follow: bool,
    pub search: SearchState,
    pub geometry: Geometry,
    /// Problems found when the dataset was loaded.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the last reload failed (the previous data stays on screen).
    pub reload_error: Option<String>,
    /// The name problems are rendered with (the dataset file).
    pub source_name: String,
    pub timeline: Vec<views::TimelineRow>,
    pub timeline_selected: usize,
    pub filter: views::FilterState,
    pub paths: views::PathView,
    pub network: network::NetworkState,
    pub chart: chart::ChartState,
    /// Text waiting to be copied to the clipboard by the terminal.
    pub clipboard: Option<String>,
    /// A short confirmation shown in the status bar until the next key.
    pub flash: Option<String>,
    /// Inside tmux, the first copy says how to let the clipboard through.
    pub in_tmux: bool,
    pub told_tmux: bool,
    pub quit: bool,
    /// The keys in force (the built-in ones, or a config's remaps).
    pub keymap: Keymap,
    /// The user's notes, pins and recent lookups.
    pub memory: memory::Memory,
    /// The note being written.
    pub note: Option<notes::NoteEditor>,
    /// The question waiting for an answer.
    pub question: Option<notes::Question>,
    /// The note selected on the open card (an index of [`App::card_notes`]),
    /// when the selection is on a note rather than a related row.
    pub note_selected: Option<usize>,
    /// The config file's problems (it is then not used), and its name.
    pub config_problems: Vec<Diagnostic>,
    pub config_name: String,
}

impl App {
    pub fn new(ds: Dataset, diagnostics: Vec<Diagnostic>) -> App {
        App::with_index(ds, diagnostics, None)
    }

    /// The explorer over a dataset whose search index may be made already
    /// (read from the compiled cache): then nothing is built.
    pub fn with_index(
        ds: Dataset,
        diagnostics: Vec<Diagnostic>,
        index: Option<crate::search::Index>,
    ) -> App {
        let ds = Arc::new(ds);
        let shared = Arc::clone(&ds);
        let index = match index {
            Some(index) => index_slot::IndexSlot::ready(shared, index),
            None => index_slot::IndexSlot::new(shared),
        };
        let mut app = App {
            ds,
            index,
            mode: Mode::Browse,
            focus: Focus::List,
            tab: Tab::FIRST,
            rows: vec![Vec::new(); panes::PANES.len()],
            selected: vec![0; panes::PANES.len()],
            board: board::BoardState::default(),
            zoom: false,
            history: History::default(),
            related: Arc::default(),
            related_memo: None,
            related_selected: 0,
            related_picked: false,
            card_follow: true,
            search: SearchState::default(),
            geometry: Geometry {
                page: 10,
                ..Geometry::default()
            },
            diagnostics,
            reload_error: None,
            source_name: String::new(),
            timeline: Vec::new(),
            timeline_selected: 0,
            filter: views::FilterState::default(),
            paths: views::PathView::default(),
            network: network::NetworkState::default(),
            chart: chart::ChartState::default(),
            clipboard: None,
            flash: None,
            in_tmux: false,
            told_tmux: false,
            quit: false,
            keymap: Keymap::default(),
            memory: memory::Memory::default(),
            note: None,
            question: None,
            note_selected: None,
            config_problems: Vec::new(),
            config_name: String::new(),
        };
        app.fill_rows();
        app
    }

    /// Rebuilds every pane's rows from the dataset and the filters in force,
    /// keeping each pane's selected entity where it can.
    pub(super) fn fill_rows(&mut self) {
        let before: Vec<Option<usize>> = Tab::all().map(|t| self.row_entity(t)).collect();
        let kept = self.kept();
        // The index's name order when it is built (read from the cache, or
        // a small dataset's); a large dataset's first frame sorts its own.
        let by_name = self.index.is_ready().then(|| self.index.get().by_name());
        let rows = panes::fill(&self.ds, &kept, by_name);
        self.board.totals = rows.iter().map(Vec::len).collect();
        self.board.base = rows.into_iter().map(|r| self.filtered(r)).collect();
        self.rows = self.board.base.clone();
        self.board.anchor = None;
        for (t, e) in Tab::all().zip(before) {
            let rows = &self.rows[t.index()];
            let pos = e.and_then(|e| rows.iter().position(|&r| r == e));
            let n = rows.len();
            self.selected[t.index()] = pos
                .unwrap_or(self.selected[t.index()])
                .min(n.saturating_sub(1));
        }
        self.relink(true);
    }

    /// The entity under a pane's selection.
    pub fn row_entity(&self, tab: Tab) -> Option<usize> {
        let t = tab.index();
        self.rows.get(t)?.get(*self.selected.get(t)?).copied()
    }

    /// The keyboard context, for the keymap and the hints.
    pub fn context(&self) -> Context {
        match (self.mode, self.focus) {
            (Mode::Help, _) => Context::Help,
            (Mode::Problems, _) => Context::Problems,
            (Mode::Timeline, _) => Context::Timeline,
            (Mode::Filter, _) => Context::Filter,
            (Mode::Paths, _) => Context::Paths,
            (Mode::Network, _) => Context::Network,
            (Mode::Chart, _) => Context::Chart,
            (Mode::Note, _) => Context::Note,
            (Mode::Confirm, _) => Context::Confirm,
            (Mode::Search, _) => Context::Search,
            (Mode::Browse, Focus::List) => Context::List,
            (Mode::Browse, Focus::Entity) => Context::Entity,
        }
    }

    /// The entity under the list selection, if the tab has any.
    pub fn list_entity(&self) -> Option<usize> {
        self.row_entity(self.tab)
    }

    /// The entity open in the entity view (the last one visited).
    pub fn open_entity(&self) -> Option<usize> {
        self.history.current().and_then(|id| self.ds.index_of(id))
    }

    /// The entity the right-hand pane shows: the search hit, the open entity, or
    /// the list selection as a preview.
    pub fn shown_entity(&self) -> Option<usize> {
        match (self.mode, self.focus) {
            (Mode::Search, _) => self.search.selected_entity(),
            (Mode::Timeline | Mode::Paths | Mode::Network | Mode::Chart, _) => self.view_entity(),
            (_, Focus::Entity) => self.open_entity(),
            (_, Focus::List) => self.list_entity(),
        }
    }

    /// Related rows of an entity, in the order the entity view lists them.
    pub fn related_of(&mut self, entity: usize) -> Arc<[Related]> {
        if let Some((ds, e, related)) = &self.related_memo
            && *e == entity
            && std::sync::Weak::ptr_eq(ds, &Arc::downgrade(&self.ds))
        {
            return Arc::clone(related);
        }
        let related: Arc<[Related]> = (self.ds.grouped_links(entity).into_iter())
            .flat_map(|(label, links)| {
                links.into_iter().map(move |l| Related {
                    label,
                    other: l.other,
                    relation: l.index,
                    direction: l.direction,
                    noted: l.relation.note().is_some(),
                })
            })
            .collect();
        let memo = (Arc::downgrade(&self.ds), entity, Arc::clone(&related));
        self.related_memo = Some(memo);
        related
    }

    /// The action a key stands for here, with the keys in force.
    pub fn action_for(&self, key: &ratatui::crossterm::event::KeyEvent) -> Option<Action> {
        self.keymap.action(self.context(), key)
    }

    /// The names along the history trail, for the breadcrumb.
    pub fn breadcrumb(&self) -> Vec<&str> {
        self.history
            .trail()
            .iter()
            .filter_map(|id| self.ds.get(id))
            .map(|e| e.name.as_ref())
            .collect()
    }
}
