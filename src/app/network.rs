//! The network view's state and keys (`v`): the neighbourhood of the history's
//! current entity, its depth, and a selection over the nodes. The view follows
//! history: re-centring on a node is a visit, `[` and `]` re-centre on the
//! entities visited before and after, and Enter opens the node's card.

use super::{Action, App, Mode};
use crate::meeting::network::{Limits, Neighbourhood, Side};

/// What the network view shows.
#[derive(Debug, Default)]
pub struct NetworkState {
    /// 1 or 2.
    pub depth: u8,
    /// The neighbourhood of the open entity, while the view is open.
    pub hood: Option<Neighbourhood>,
    /// The selected node (an index into the neighbourhood's nodes).
    pub selected: usize,
    /// The nodes in the order the last frame drew and listed them (written by
    /// the UI, like the other geometry): what the selection moves over.
    pub order: Vec<usize>,
    /// Where the last frame drew each node's mark and name, for the mouse.
    pub hits: Vec<(ratatui::layout::Rect, usize)>,
}

impl App {
    /// Opens the network of the shown entity, visiting it if it is not open.
    pub fn open_network(&mut self) {
        let Some(e) = self.shown_entity() else {
            self.flash = Some("nothing to draw: open an entity first".to_string());
            return;
        };
        if self.open_entity() != Some(e) {
            self.visit(e);
        }
        self.network.depth = self.network.depth.clamp(1, 2);
        self.mode = Mode::Network;
        self.centre_network(None);
    }

    /// Builds the neighbourhood of the open entity, selecting the node of
    /// `keep` (an entity) when it is in the picture, else the centre.
    fn centre_network(&mut self, keep: Option<usize>) {
        let Some(centre) = self.open_entity() else {
            self.close_network();
            return;
        };
        let hood = Neighbourhood::build(&self.ds, centre, self.network.depth, Limits::default());
        self.network.selected = keep
            .and_then(|k| hood.nodes.iter().position(|n| n.entity == k))
            .unwrap_or(0);
        self.network.order = (0..hood.nodes.len()).collect();
        self.network.hood = Some(hood);
    }

    fn close_network(&mut self) {
        self.network.hood = None;
        self.mode = Mode::Browse;
    }

    /// The entity under the network view's selection.
    pub fn network_entity(&self) -> Option<usize> {
        let hood = self.network.hood.as_ref()?;
        hood.nodes.get(self.network.selected).map(|n| n.entity)
    }

    /// After a reload: the same entity's network, or none if it vanished.
    pub fn refresh_network(&mut self) {
        if self.mode == Mode::Network {
            let keep = self.network_entity();
            self.centre_network(keep);
        }
    }

    pub(super) fn update_network(&mut self, action: Action) {
        let before = self.open_entity();
        match action {
            Action::Up | Action::ScrollUp => self.step_node(-1),
            Action::Down | Action::ScrollDown => self.step_node(1),
            Action::PageUp => self.step_node(-(self.geometry.page.max(1) as isize)),
            Action::PageDown => self.step_node(self.geometry.page.max(1) as isize),
            Action::Top => self.step_node(isize::MIN / 2),
            Action::Bottom => self.step_node(isize::MAX / 2),
            Action::MoveLeft => self.sideways(Side::Left),
            Action::MoveRight => self.sideways(Side::Right),
            Action::Deeper | Action::Shallower => {
                self.network.depth = if action == Action::Deeper { 2 } else { 1 };
                let keep = self.network_entity();
                self.centre_network(keep);
            }
            Action::Recentre => {
                if let Some(e) = self.network_entity() {
                    self.visit(e);
                    self.centre_network(before);
                }
            }
            Action::HistoryBack | Action::HistoryForward => {
                let moved = if action == Action::HistoryBack {
                    self.history.back().is_some()
                } else {
                    self.history.forward().is_some()
                };
                if moved {
                    self.show_current();
                    self.centre_network(before);
                }
            }
            Action::Open => {
                if let Some(e) = self.network_entity() {
                    self.close_network();
                    self.visit(e);
                }
            }
            Action::CopyCard => self.copy(true),
            Action::CopyId => self.copy(false),
            Action::Click(col, row) => self.click_node(col, row),
            Action::Close => self.close_network(),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// A click selects the node under it; a click on the selected one opens it.
    fn click_node(&mut self, col: u16, row: u16) {
        let pos = ratatui::layout::Position::new(col, row);
        let hit = self.network.hits.iter().find(|(r, _)| r.contains(pos));
        match hit.map(|&(_, n)| n) {
            Some(n) if n == self.network.selected => self.update_network(Action::Open),
            Some(n) => self.network.selected = n,
            None => {}
        }
    }

    /// Moves the selection along the order the picture reads in.
    fn step_node(&mut self, delta: isize) {
        let order = &self.network.order;
        if order.is_empty() {
            return;
        }
        let at = order
            .iter()
            .position(|&n| n == self.network.selected)
            .unwrap_or(0);
        let to = at.saturating_add_signed(delta).min(order.len() - 1);
        self.network.selected = order[to];
    }

    /// Left and right follow the edges: outward to a node's first neighbour
    /// drawn, inward to its parent, and across the centre to the other side.
    fn sideways(&mut self, towards: Side) {
        let Some(hood) = self.network.hood.as_ref() else {
            return;
        };
        let sel = self.network.selected;
        let Some(node) = hood.nodes.get(sel) else {
            return;
        };
        let drawn = |n: &usize| self.network.order.contains(n);
        let next = if node.depth > 0 && node.side != towards {
            Some(node.parent)
        } else if node.depth == 0 {
            self.network
                .order
                .iter()
                .copied()
                .find(|&n| hood.nodes[n].depth == 1 && hood.nodes[n].side == towards)
        } else {
            node.children.iter().copied().find(drawn)
        };
        if let Some(n) = next {
            self.network.selected = n;
        }
    }
}
