//! A dataset reloaded under the explorer: the new one replaces the old, and
//! the user keeps their place, found again by id.

use super::{App, Focus, Tab, index_slot};
use crate::diagnostic::Diagnostic;
use crate::model::Dataset;

impl App {
    /// Replaces the dataset after a reload, keeping the user's place by id: the
    /// tab, the selected rows, the open entity and the history (entities that
    /// vanished are skipped).
    pub fn replace_dataset(&mut self, ds: Dataset, diagnostics: Vec<Diagnostic>) {
        let selected_ids: Vec<Option<String>> = Tab::all()
            .map(|t| self.row_entity(t).map(|e| self.ds.entity(e).id.to_string()))
            .collect();
        let cross_id = self.board.cross.map(|e| self.ds.entity(e).id.to_string());
        let related_id = self
            .related
            .get(self.related_selected)
            .map(|r| self.ds.entity(r.other).id.to_string());
        let ds = std::sync::Arc::new(ds);
        self.index = index_slot::IndexSlot::new(std::sync::Arc::clone(&ds));
        self.ds = ds;
        self.diagnostics = diagnostics;
        self.reload_error = None;
        self.search.searcher.clear();
        self.search.worker = None;
        self.board.cross = cross_id.and_then(|id| self.ds.index_of(&id));
        self.fill_rows();
        for (t, id) in Tab::all().zip(selected_ids) {
            if let Some(pos) = id
                .and_then(|id| self.ds.index_of(&id))
                .and_then(|e| self.rows[t.index()].iter().position(|&r| r == e))
            {
                self.selected[t.index()] = pos;
            }
        }
        self.relink(true);
        let ds = &self.ds;
        self.history.retain(|id| ds.index_of(id).is_some());
        match self.open_entity() {
            Some(e) => {
                self.related = self.related_of(e);
                self.related_selected = related_id
                    .and_then(|id| {
                        self.related
                            .iter()
                            .position(|r| *self.ds.entity(r.other).id == *id)
                    })
                    .unwrap_or(0);
            }
            None => {
                self.related = std::sync::Arc::default();
                self.focus = Focus::List;
            }
        }
        // Notes and frecency by the new entity numbers; a search runs again.
        self.refresh_personal();
        self.refresh_network();
        self.refresh_chart();
    }
}
