//! `App::update`: the one place where actions change the explorer's state.

use super::{Action, App, Focus, Mode, Tab};

/// Moves `sel` by `delta` within `0..len`, clamping at the ends.
pub(super) fn step(sel: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    sel.saturating_add_signed(delta).min(len - 1)
}

impl App {
    pub fn update(&mut self, action: Action) {
        self.flash = None;
        match self.mode {
            Mode::Help => self.update_help(action),
            Mode::Problems => {
                if matches!(
                    action,
                    Action::ToggleHelp | Action::Quit | Action::ShowProblems
                ) {
                    self.mode = Mode::Browse;
                    self.quit = action == Action::Quit;
                }
            }
            Mode::Search => self.update_search(action),
            Mode::Browse => self.update_browse(action),
            Mode::Timeline | Mode::Paths => self.update_view(action),
            Mode::Filter => self.update_filter(action),
            Mode::Network => self.update_network(action),
            Mode::Chart => self.update_chart(action),
            Mode::Note => self.update_note(action),
            Mode::Confirm => self.update_confirm(action),
        }
        self.relink(false);
    }

    /// The help overlay scrolls; only its own keys close it.
    fn update_help(&mut self, action: Action) {
        if let Some(delta) = self.moves(action) {
            let page = self.geometry.help_page.max(1) as isize;
            let delta = match action {
                Action::PageUp | Action::PageDown => delta.signum() * page,
                _ => delta,
            };
            let g = &mut self.geometry;
            g.help_scroll = g.help_scroll.saturating_add_signed(delta);
            return;
        }
        match action {
            Action::ToggleHelp => self.mode = Mode::Browse,
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Timeline and connection views: move, open, close.
    fn update_view(&mut self, action: Action) {
        if let Some(delta) = self.moves(action) {
            if self.mode == Mode::Timeline {
                self.timeline_selected = step(self.timeline_selected, delta, self.timeline.len());
            } else {
                self.paths.selected = step(self.paths.selected, delta, self.paths.rows.len());
            }
            return;
        }
        match action {
            Action::Open => self.open_from_view(),
            Action::ToggleChart => self.open_chart(),
            Action::Close => self.close_view(),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// The filter line: edits apply at once; Enter keeps the filter, Esc clears it.
    fn update_filter(&mut self, action: Action) {
        let line = &mut self.filter.line;
        match action {
            Action::InsertChar(c) => line.insert(c),
            Action::DeleteBack => line.delete_back(),
            Action::DeleteWord => line.delete_word(),
            Action::DeleteToStart => line.delete_to_start(),
            Action::CursorStart => return line.start(),
            Action::CursorEnd => return line.end(),
            Action::CursorLeft => return line.left(),
            Action::CursorRight => return line.right(),
            Action::Open => {
                self.mode = Mode::Browse;
                return;
            }
            Action::Close => {
                line.clear();
                self.apply_filter();
                self.mode = Mode::Browse;
                return;
            }
            Action::Quit => {
                self.quit = true;
                return;
            }
            _ => return,
        }
        self.apply_filter();
    }

    pub(super) fn moves(&self, action: Action) -> Option<isize> {
        let page = self.geometry.page.max(1) as isize;
        Some(match action {
            Action::Up | Action::ScrollUp => -1,
            Action::Down | Action::ScrollDown => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::HalfPageUp => -(page / 2).max(1),
            Action::HalfPageDown => (page / 2).max(1),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return None,
        })
    }

    fn update_browse(&mut self, action: Action) {
        if let Some(delta) = self.moves(action) {
            match self.focus {
                Focus::List => {
                    let t = self.tab.index();
                    self.selected[t] = step(self.selected[t], delta, self.rows[t].len());
                }
                Focus::Entity => self.card_move(action),
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.mode = Mode::Help,
            Action::ShowTimeline => self.open_timeline(),
            Action::StartFilter => {
                self.mode = Mode::Filter;
                self.focus = Focus::List;
                self.filter.line.end();
            }
            Action::StartPath => self.start_path(),
            Action::ShowNetwork => self.open_network(),
            Action::CopyCard => self.copy(true),
            Action::CopyId => self.copy(false),
            Action::ShowProblems => self.mode = Mode::Problems,
            Action::NextTab => self.go_tab(self.tab.step(true, self.board_active())),
            Action::PrevTab => self.go_tab(self.tab.step(false, self.board_active())),
            Action::GoTab(n) => {
                if let Some(t) = Tab::at(n) {
                    self.go_tab(t);
                }
            }
            Action::ToggleBoard => self.toggle_board(),
            Action::CrossFilter => self.toggle_cross(),
            Action::Zoom => self.zoom = !self.zoom,
            Action::Open => match self.focus {
                Focus::List => {
                    if let Some(e) = self.list_entity() {
                        self.visit(e);
                    }
                }
                Focus::Entity if self.note_selected.is_some() => self.edit_note(),
                Focus::Entity => {
                    if let Some(r) = self.related.get(self.related_selected) {
                        self.visit(r.other);
                    }
                }
            },
            Action::NewNote => self.new_note(),
            Action::EditNote => self.edit_note(),
            Action::DeleteNote => self.ask_delete(),
            Action::TogglePin => self.toggle_pin(),
            Action::Back => self.back(),
            Action::HistoryBack => self.step_history(true),
            Action::HistoryForward => self.step_history(false),
            Action::Alternate => {
                if let Some(prev) = self.history.previous().and_then(|id| self.ds.index_of(id)) {
                    self.visit(prev);
                }
            }
            Action::FocusList => {
                self.save_place();
                self.focus = Focus::List;
            }
            Action::StartSearch => {
                self.save_place();
                self.mode = Mode::Search;
                self.search.line.clear();
                self.search.answers.clear();
                self.search.hits.clear();
                self.search.total = 0;
                self.search.selected = 0;
                self.search.error = None;
                self.search.searcher.clear();
            }
            Action::Click(col, row) => self.click(col, row),
            _ => {}
        }
    }

    /// Shows a pane (as a tab, or focused on the board); a pane the board does
    /// not show switches to the tabs. A new pane starts a new trail.
    fn go_tab(&mut self, tab: Tab) {
        self.save_place();
        if self.board_active() && !tab.spec().board {
            self.board.choice = Some(false);
        }
        if tab != self.tab || self.focus != Focus::List {
            self.history.reset_trail();
        }
        self.tab = tab;
        self.focus = Focus::List;
    }

    /// A click selects the row under it (list, related row or search hit); a
    /// second click on the selected row opens it.
    pub(super) fn click(&mut self, col: u16, row: u16) {
        let g = self.geometry.clone();
        let inside = |r: ratatui::layout::Rect| {
            col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
        };
        if self.mode == Mode::Search {
            let n = g.list_offset + usize::from(row.saturating_sub(g.list.y));
            if inside(g.list) && n < self.search.rows() {
                if self.search.selected == n {
                    self.update_search(Action::Open);
                } else {
                    self.search.selected = n;
                }
            }
            return;
        }
        let pane = g
            .board
            .iter()
            .find(|(_, r)| inside(*r))
            .map(|&(t, r)| (t, r, g.offset(t)))
            .or_else(|| inside(g.list).then_some((self.tab, g.list, g.list_offset)));
        if let Some((t, r, offset)) = pane {
            let n = offset + usize::from(row - r.y);
            if n < self.rows[t.index()].len() {
                let again =
                    self.focus == Focus::List && self.tab == t && self.selected[t.index()] == n;
                if t != self.tab {
                    self.history.reset_trail();
                }
                self.save_place();
                self.tab = t;
                self.focus = Focus::List;
                self.selected[t.index()] = n;
                if again {
                    self.update_browse(Action::Open);
                }
            }
        } else if inside(g.entity)
            && let Some(&(_, n)) = g.related_rows.iter().find(|(r, _)| *r == row)
        {
            if self.focus == Focus::Entity && self.related_selected == n {
                self.update_browse(Action::Open);
            } else if self.focus == Focus::Entity {
                self.related_selected = n;
                self.related_picked = true;
                self.card_follow = true;
            }
        }
    }
}
