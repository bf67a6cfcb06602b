//! The open card: visiting entities, going back to the very place left (the
//! related row and the scroll, kept in the history), moving over related rows
//! with the view following, and scrolling the card itself to its end.

use super::history::Place;
use super::{Action, App, Focus, Mode, Tab};

/// Lines a turn of the mouse wheel scrolls.
const WHEEL: isize = 3;

impl App {
    /// Opens an entity as a new history entry (the same entity again keeps its place).
    pub fn visit(&mut self, entity: usize) {
        self.save_place();
        let id = self.ds.entity(entity).id.clone();
        self.history.visit(&id);
        self.record_visit(entity);
        self.show_current();
    }

    /// Remembers where the user is in the open card, for Back and Forward.
    pub(super) fn save_place(&mut self) {
        if self.focus == Focus::Entity && self.mode == Mode::Browse {
            self.history.set_place(Place {
                related: self.related_selected,
                picked: self.related_picked,
                scroll: self.geometry.entity_scroll,
            });
        }
    }

    /// Shows the history's current entity at the place kept for it, and
    /// selects it in its pane so that the lists follow the navigation.
    pub(super) fn show_current(&mut self) {
        let Some(e) = self.open_entity() else {
            self.focus = Focus::List;
            return;
        };
        self.focus = Focus::Entity;
        self.note_selected = None;
        self.related = self.related_of(e);
        let place = self.history.place();
        self.related_selected = place.related.min(self.related.len().saturating_sub(1));
        self.related_picked = place.picked;
        self.geometry.entity_scroll = place.scroll;
        self.card_follow = false;
        self.geometry.related_rows.clear();
        // Opened from the Pinned or Recent list, the user stays in it.
        let here = self.rows[self.tab.index()].iter().position(|&r| r == e);
        if let (true, Some(pos)) = (self.tab.is_kept(), here) {
            self.selected[self.tab.index()] = pos;
            return;
        }
        let tab = Tab::of(self.ds.entity(e).kind);
        if self.board_active() && !tab.spec().board {
            return;
        }
        if let Some(pos) = self.rows[tab.index()].iter().position(|&r| r == e) {
            self.tab = tab;
            self.selected[tab.index()] = pos;
        }
    }

    /// Back: to the previous entity at the place left there, or from the
    /// first entity to the list.
    pub(super) fn back(&mut self) {
        self.save_place();
        if self.history.back().is_some() {
            self.show_current();
        } else {
            self.focus = Focus::List;
        }
    }

    pub(super) fn step_history(&mut self, back: bool) {
        self.save_place();
        let moved = if back {
            self.history.back()
        } else {
            self.history.forward()
        };
        if moved.is_some() {
            self.show_current();
        }
    }

    /// A move in the open card: `j`/`k` go over related rows (the view
    /// follows), the other moves scroll the card itself, to its very end.
    pub(super) fn card_move(&mut self, action: Action) {
        let page = usize::from(self.geometry.entity.height.max(2)) as isize - 1;
        let scroll = match action {
            // The card's notes come first, then its related rows.
            Action::Up | Action::Down if self.step_notes(action == Action::Down) => return,
            Action::Up | Action::Down if !self.related.is_empty() => {
                return self.step_related(action == Action::Down);
            }
            Action::Up => -1,
            Action::Down => 1,
            Action::ScrollUp => -WHEEL,
            Action::ScrollDown => WHEEL,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::HalfPageUp => -(page / 2).max(1),
            Action::HalfPageDown => (page / 2).max(1),
            Action::Top => {
                self.note_selected = None;
                self.related_selected = 0;
                self.related_picked = false;
                isize::MIN / 2
            }
            Action::Bottom => {
                self.note_selected = None;
                self.related_selected = self.related.len().saturating_sub(1);
                self.related_picked = false;
                isize::MAX / 2
            }
            _ => return,
        };
        // The UI clamps the offset to the card's length when it draws.
        let g = &mut self.geometry;
        g.entity_scroll = g.entity_scroll.saturating_add_signed(scroll);
        self.card_follow = false;
    }

    /// `j`/`k` over related rows. After the card was scrolled away from the
    /// selection, the first move lands on a row in view, as in a pager.
    fn step_related(&mut self, down: bool) {
        let n = self.related.len();
        let on_screen: Vec<usize> = self.geometry.related_rows.iter().map(|&(_, r)| r).collect();
        // Before the card was ever drawn (scripted runs), every row counts as in view.
        let drawn = self.geometry.entity.height > 0;
        let visible = !drawn || on_screen.contains(&self.related_selected);
        self.related_selected = match (visible, on_screen.first(), on_screen.last()) {
            (false, Some(&first), Some(_)) if down => first,
            (false, Some(_), Some(&last)) => last,
            // A fresh card whose rows are below the view: the first move shows the selection.
            (false, None, _) if !self.related_picked => self.related_selected,
            _ if down => (self.related_selected + 1).min(n - 1),
            _ => self.related_selected.saturating_sub(1),
        };
        self.related_picked = true;
        self.card_follow = true;
    }

    /// The entity `y` and `Y` copy: the search hit, the row of a view, the
    /// related row the user moved onto, the open card, or the list's row.
    pub fn copy_target(&self) -> Option<usize> {
        match (self.mode, self.focus) {
            (Mode::Search, _) => self.search.selected_entity(),
            (Mode::Timeline | Mode::Paths | Mode::Network | Mode::Chart, _) => self.view_entity(),
            (_, Focus::Entity) if self.related_picked => self
                .related
                .get(self.related_selected)
                .map(|r| r.other)
                .or_else(|| self.open_entity()),
            (_, Focus::Entity) => self.open_entity(),
            (_, Focus::List) => self.list_entity(),
        }
    }
}
