//! Where each pane goes for a terminal size: pure rectangle arithmetic with
//! ratatui's `Layout`, so it is tested without drawing.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the explorer asks for a larger terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the list and the entity stand side by side.
pub const WIDE: u16 = 100;

/// The frame around the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub banner: Option<Rect>,
    /// Where the panes go.
    pub body: Rect,
    pub status: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    TooSmall,
    Panes(Areas),
}

/// Splits the screen into the tab bar, the banner (a line per message, at
/// most three), the body and the status lines (up to three when a message
/// needs them).
pub fn split(area: Rect, banner_lines: u16, status_lines: u16) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen::TooSmall;
    }
    let banner_lines = banner_lines.min(3);
    let [tabs, banner_rect, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner_lines),
        Constraint::Fill(1),
        Constraint::Length(status_lines.clamp(1, 3)),
    ])
    .areas(area);
    Screen::Panes(Areas {
        tabs,
        banner: (banner_lines > 0).then_some(banner_rect),
        body,
        status,
    })
}

/// The width of the list beside the entity: about 40 %, from 28 to 70 columns.
pub fn list_width(width: u16) -> u16 {
    (width * 2 / 5).clamp(28, 70)
}

/// The tabs' body: the list and the entity side by side on a wide screen;
/// one of them (the entity when `entity_first`) on a narrow or zoomed one.
pub fn tabs(body: Rect, entity_first: bool, zoom: bool) -> (Option<Rect>, Option<Rect>) {
    if body.width >= WIDE && !zoom {
        let [list, entity] = Layout::horizontal([
            Constraint::Length(list_width(body.width)),
            Constraint::Fill(1),
        ])
        .areas(body);
        (Some(list), Some(entity))
    } else if entity_first {
        (None, Some(body))
    } else {
        (Some(body), None)
    }
}

/// The board's body: `panes` lists side by side on top, as tall as the
/// longest needs (`rows` lines, borders included) but at most half the body,
/// and the card below them.
pub fn board(body: Rect, panes: usize, rows: u16) -> (Vec<Rect>, Rect) {
    let top = rows.clamp(3, (body.height / 2).max(3));
    let [lists, card] =
        Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]).areas(body);
    let columns = Layout::horizontal(vec![Constraint::Fill(1); panes.max(1)]).split(lists);
    (columns.iter().copied().take(panes).collect(), card)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas(w: u16, h: u16, banner: bool) -> Areas {
        match split(Rect::new(0, 0, w, h), u16::from(banner), 1) {
            Screen::Panes(a) => a,
            Screen::TooSmall => panic!("{w}x{h} is large enough"),
        }
    }

    #[test]
    fn wide_screens_put_list_and_entity_side_by_side() {
        let a = areas(120, 40, false);
        let (l, e) = tabs(a.body, false, false);
        let (l, e) = (l.unwrap(), e.unwrap());
        assert_eq!((l.x, l.width, e.x, e.width), (0, 48, 48, 72));
        assert_eq!((l.y, l.height, a.status.y), (1, 38, 39));
    }

    #[test]
    fn the_list_takes_forty_percent_within_bounds() {
        assert_eq!(list_width(100), 40);
        assert_eq!(list_width(60), 28);
        assert_eq!(list_width(250), 70);
    }

    #[test]
    fn narrow_or_zoomed_screens_show_one_pane() {
        let a = areas(80, 24, true);
        assert_eq!(tabs(a.body, true, false).0, None);
        assert_eq!(tabs(a.body, true, false).1.unwrap().y, 2);
        let wide = areas(160, 40, false);
        assert_eq!(tabs(wide.body, false, true), (Some(wide.body), None));
    }

    #[test]
    fn the_board_puts_three_panes_over_the_card() {
        let a = areas(180, 45, false);
        let (panes, card) = board(a.body, 3, 18);
        assert_eq!(panes.len(), 3);
        assert_eq!(panes.iter().map(|p| p.width).sum::<u16>(), 180);
        assert!(panes.iter().all(|p| p.height == 18 && p.y == 1));
        assert_eq!((card.y, card.height), (19, 25));
        let (_, card) = board(areas(150, 40, false).body, 3, 60);
        assert_eq!(card.height, 19, "the lists take at most half");
    }

    #[test]
    fn tiny_screens_are_too_small() {
        let small = |w, h| split(Rect::new(0, 0, w, h), 0, 1);
        assert_eq!(small(39, 40), Screen::TooSmall);
        assert_eq!(small(1, 1), Screen::TooSmall);
    }
}
