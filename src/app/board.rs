//! The board: the panes marked `board` in the pane table side by side, linked
//! to one entity (the anchor: the selected row, or the open card). Rows of the
//! other panes related to the anchor, in either direction, are marked and
//! lifted to the top; `=` keeps only those (the cross-filter) in every pane,
//! in the tabs too. The pane holding the anchor keeps its order, so that the
//! selection never jumps under the user's eyes.

use super::{App, Focus, Tab};
use crate::model::Dataset;

/// From this size on the board is the default (`b` switches at any size).
pub const BOARD_WIDTH: u16 = 150;
pub const BOARD_HEIGHT: u16 = 40;

/// The board's state: the user's choice, the rows before linking, the links.
#[derive(Debug, Default, Clone)]
pub struct BoardState {
    /// `b` pressed: the board (true) or the tabs (false) whatever the size.
    pub choice: Option<bool>,
    /// Each pane's rows in their own order, after the facet filter.
    pub base: Vec<Vec<usize>>,
    /// Each pane's row count before any filter, for "3 of 14".
    pub totals: Vec<usize>,
    /// The entity the rows were last linked to.
    pub anchor: Option<usize>,
    /// Whether the rows were last laid out for the board.
    pub laid_out: bool,
    /// The entities related to the anchor, sorted.
    pub links: Vec<usize>,
    /// The cross-filter in force: only rows related to this entity.
    pub cross: Option<usize>,
}

/// Entities related to `e` in either direction, sorted, `e` itself left out.
pub fn linked(ds: &Dataset, e: usize) -> Vec<usize> {
    let mut v: Vec<usize> = ds.links(e).map(|l| l.other).filter(|&o| o != e).collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl App {
    /// Whether the board is shown: the user's choice, else the screen size.
    pub fn board_active(&self) -> bool {
        let s = self.geometry.screen;
        self.board
            .choice
            .unwrap_or(s.width >= BOARD_WIDTH && s.height >= BOARD_HEIGHT)
    }

    /// Records the screen size (drawing calls this first); crossing the board's
    /// threshold lays the rows out again.
    pub fn set_screen(&mut self, area: ratatui::layout::Rect) {
        if self.geometry.screen != area {
            self.geometry.screen = area;
            self.relink(false);
        }
    }

    /// `b`: between the board and the tabs.
    pub fn toggle_board(&mut self) {
        self.board.choice = Some(!self.board_active());
        if self.board_active() && !self.tab.spec().board {
            self.tab = Tab::on_board().next().unwrap_or(Tab::FIRST);
            self.focus = Focus::List;
        }
        self.history.reset_trail();
    }

    /// The entity the panes are linked to: the cross-filter's, else the open
    /// card's, else the focused pane's selection.
    pub fn link_anchor(&self) -> Option<usize> {
        self.board.cross.or(match self.focus {
            Focus::Entity => self.open_entity(),
            Focus::List => self.list_entity(),
        })
    }

    /// Whether the board marks this entity as related to the anchor.
    pub fn is_linked(&self, e: usize) -> bool {
        self.board.links.binary_search(&e).is_ok()
    }

    /// `=`: keep only the rows related to the anchor in every pane, or clear that.
    pub fn toggle_cross(&mut self) {
        self.board.cross = match self.board.cross {
            Some(_) => None,
            None => self.link_anchor(),
        };
        self.relink(true);
    }

    /// Lays the rows out for the current anchor: on the board, rows related to
    /// it first in every pane but its own; with the cross-filter, only those.
    /// Does nothing when neither the anchor nor the layout changed, unless forced.
    pub(super) fn relink(&mut self, force: bool) {
        let anchor = self.link_anchor();
        let board = self.board_active();
        if !force && anchor == self.board.anchor && board == self.board.laid_out {
            return;
        }
        let was_board = self.board.laid_out;
        self.board.anchor = anchor;
        self.board.laid_out = board;
        self.board.links = anchor.map(|a| linked(&self.ds, a)).unwrap_or_default();
        // The pane the anchor is selected in keeps its order.
        let own = (self.list_entity() == anchor && self.board.cross.is_none()).then_some(self.tab);
        for t in Tab::all() {
            let lifted = board && t.spec().board && self.board.cross.is_none();
            let in_order = self.rows[t.index()].len() == self.base_len(t);
            // The anchor's pane keeps its order; a pane never lifted is already in its own.
            let unlifted = !lifted && self.board.cross.is_none() && !(was_board && t.spec().board);
            if !force && in_order && (Some(t) == own || unlifted) {
                continue;
            }
            let before = self.row_entity(t);
            let rows = self.laid_out_rows(t, board);
            let pos = before.and_then(|e| rows.iter().position(|&r| r == e));
            let keep = force
                || !lifted
                || before.is_some_and(|e| self.is_linked(e))
                || !rows.first().is_some_and(|&e| self.is_linked(e));
            self.selected[t.index()] = if keep { pos.unwrap_or(0) } else { 0 };
            self.rows[t.index()] = rows;
        }
    }

    fn base_len(&self, t: Tab) -> usize {
        self.board.base.get(t.index()).map_or(0, Vec::len)
    }

    /// A pane's rows for the anchor: the base rows, cut to the cross-filter,
    /// and on the board with the related rows first.
    pub(super) fn laid_out_rows(&self, t: Tab, board: bool) -> Vec<usize> {
        let base = self.board.base.get(t.index()).cloned().unwrap_or_default();
        if let Some(c) = self.board.cross {
            return base
                .into_iter()
                .filter(|&e| e == c || self.is_linked(e))
                .collect();
        }
        if !board || !t.spec().board || self.board.links.is_empty() {
            return base;
        }
        let (mut first, rest): (Vec<usize>, Vec<usize>) =
            base.into_iter().partition(|&e| self.is_linked(e));
        first.extend(rest);
        first
    }

    /// A pane's title: its name and count, and what narrows it.
    pub fn pane_title(&self, t: Tab) -> String {
        let shown = self.rows.get(t.index()).map_or(0, Vec::len);
        let total = self.board.totals.get(t.index()).copied().unwrap_or(shown);
        let mut why: Vec<String> = Vec::new();
        if let Some(c) = self.board.cross {
            why.push(format!("linked to {}", self.ds.entity(c).name));
        }
        if self.filter.active.is_some() {
            why.push(format!("filtered: {}", self.filter.applied));
        }
        let missing = self.kept_elsewhere(t);
        if missing > 0 {
            why.push(format!("{missing} not in this dataset"));
        }
        match (why.is_empty(), shown == total) {
            (true, _) => format!("{} ({shown})", t.title()),
            (false, true) => format!("{} ({shown}, {})", t.title(), why.join(", ")),
            (false, false) => format!("{} ({shown} of {total}, {})", t.title(), why.join(", ")),
        }
    }
}
