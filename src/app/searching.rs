//! The search line in the explorer: its keys, and running each search, on
//! this thread for a small dataset or on the search worker for a large one,
//! whose answer is taken between events.

use super::update::step;
use super::{Action, App, Mode};

impl App {
    /// The search line's keys: an edit searches again at once.
    pub(super) fn update_search(&mut self, action: Action) {
        let s = &mut self.search;
        let edited = match action {
            Action::InsertChar(c) => {
                s.line.insert(c);
                true
            }
            Action::DeleteBack => {
                s.line.delete_back();
                true
            }
            Action::DeleteWord => {
                s.line.delete_word();
                true
            }
            Action::DeleteToStart => {
                s.line.delete_to_start();
                true
            }
            Action::CursorStart => {
                s.line.start();
                false
            }
            Action::CursorEnd => {
                s.line.end();
                false
            }
            Action::CursorLeft => {
                s.line.left();
                false
            }
            Action::CursorRight => {
                s.line.right();
                false
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::ScrollUp
            | Action::ScrollDown => {
                let delta = self.moves(action).unwrap_or(0);
                let s = &mut self.search;
                s.selected = step(s.selected, delta, s.rows());
                false
            }
            Action::Open => {
                if let Some(e) = s.selected_entity() {
                    self.mode = Mode::Browse;
                    match std::mem::take(&mut s.purpose) {
                        super::views::Purpose::Open => self.visit(e),
                        super::views::Purpose::PathFrom(from) => self.show_paths(from, e),
                    }
                }
                false
            }
            Action::CancelSearch => {
                self.mode = Mode::Browse;
                s.purpose = super::views::Purpose::Open;
                false
            }
            Action::Quit => {
                self.quit = true;
                false
            }
            Action::Click(col, row) => {
                self.click(col, row);
                false
            }
            Action::CopyCard | Action::CopyId => {
                self.copy(action == Action::CopyCard);
                false
            }
            _ => false,
        };
        if edited {
            self.run_search();
        }
    }

    /// Searches for the current line; an invalid query shows its message, never
    /// a crash. On a large dataset the search runs on a worker thread and its
    /// answer arrives through [`App::poll_search`].
    pub fn run_search(&mut self) {
        let personal = std::sync::Arc::clone(&self.memory.personal);
        if self.index.is_large() {
            if self.search.worker.is_none() {
                // Waiting for the index here would freeze the explorer for
                // seconds at a million entities, the keys typed not even shown.
                if !self.index.is_ready() {
                    self.search.deferred = true;
                    return;
                }
                let index = self.index.shared();
                let ds = std::sync::Arc::clone(&self.ds);
                self.search.worker = Some(super::search_worker::SearchWorker::start(index, ds));
            }
            if let Some(w) = self.search.worker.as_mut() {
                w.ask(self.search.line.text(), personal);
            }
            return;
        }
        let index = self.index.get();
        let s = &mut self.search;
        s.searcher.set_personal(std::sync::Arc::clone(&personal));
        let result = s
            .searcher
            .search(index, s.line.text())
            .map(|hits| (hits.to_vec(), 0));
        let total = s.searcher.total();
        s.answers = super::answers::for_line(&self.ds, index, s.line.text());
        let none = matches!(&result, Ok((h, _)) if h.is_empty()) && s.answers.is_empty();
        let unmatched = none
            .then(|| index.unmatched_line(s.line.text(), &personal))
            .flatten();
        self.take_answer(result.map(|(h, _)| (h, total)), unmatched);
    }

    /// Whether a search answer is still awaited.
    pub fn search_pending(&self) -> bool {
        self.search
            .worker
            .as_ref()
            .is_some_and(|w| w.pending.is_some())
    }

    /// Whether the line waits for the index of a large dataset to be built.
    pub fn search_deferred(&self) -> bool {
        self.search.deferred
    }

    /// Takes the worker's answer if it has come; true when the screen changes.
    /// A search typed before the index was ready starts once it is.
    pub fn poll_search(&mut self) -> bool {
        let started = self.search.deferred && self.index.is_ready();
        if started {
            self.search.deferred = false;
            if self.mode == Mode::Search {
                self.run_search();
            }
        }
        match self.search.worker.as_mut().and_then(|w| w.poll()) {
            Some(answer) => {
                self.search.answers = answer.answers;
                self.take_answer(answer.result, answer.unmatched);
                true
            }
            None => started,
        }
    }

    /// Says a frame is drawn: the worker works out the next keys ahead only
    /// once its last answer is on screen.
    pub fn search_shown(&mut self) {
        if let Some(w) = self.search.worker.as_mut() {
            w.shown();
        }
    }

    /// Waits for the worker's answer (headless runs, the benchmark), and
    /// first for the index when the search waits for it.
    pub fn wait_search(&mut self) {
        if self.search.deferred {
            self.index.get();
            self.poll_search();
        }
        if let Some(answer) = self.search.worker.as_mut().and_then(|w| w.wait()) {
            self.search.answers = answer.answers;
            self.take_answer(answer.result, answer.unmatched);
        }
    }

    fn take_answer(
        &mut self,
        result: Result<(Vec<crate::search::Hit>, usize), crate::search::QueryError>,
        unmatched: Option<crate::search::Unmatched>,
    ) {
        let s = &mut self.search;
        s.unmatched = unmatched.filter(|_| self.filter.passes.is_none());
        match result {
            Ok((hits, total)) => {
                // The facet filter in force narrows search too.
                let passes = self.filter.passes.as_deref();
                s.hits = hits
                    .into_iter()
                    .filter(|h| passes.is_none_or(|p| p.get(h.entity).copied().unwrap_or(false)))
                    .collect();
                s.total = total;
                s.error = None;
            }
            Err(e) => {
                s.answers.clear();
                s.hits.clear();
                s.total = 0;
                s.error = Some(e.0);
            }
        }
        s.selected = 0;
    }
}
