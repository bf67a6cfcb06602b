//! Where each pane goes for a terminal size: pure rectangle arithmetic, so it is
//! tested without drawing.

use ratatui::layout::Rect;

/// Below this the explorer asks for a larger terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the list and the entity stand side by side.
pub const WIDE: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub banner: Option<Rect>,
    /// The list (or search) pane; None when a narrow screen shows only the entity.
    pub list: Option<Rect>,
    /// The entity pane; None when a narrow screen shows only the list.
    pub entity: Option<Rect>,
    pub status: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    TooSmall,
    Panes(Areas),
}

/// Splits the screen. `entity_first` says which pane a narrow screen shows.
pub fn split(area: Rect, banner: bool, entity_first: bool) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen::TooSmall;
    }
    let tabs = Rect { height: 1, ..area };
    let banner_rect = banner.then_some(Rect {
        y: area.y + 1,
        height: 1,
        ..area
    });
    let top = area.y + 1 + u16::from(banner);
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let main = Rect {
        y: top,
        height: status.y - top,
        ..area
    };
    let (list, entity) = if area.width >= WIDE {
        let left = (area.width * 2 / 5).clamp(36, 56);
        (
            Some(Rect {
                width: left,
                ..main
            }),
            Some(Rect {
                x: main.x + left,
                width: main.width - left,
                ..main
            }),
        )
    } else if entity_first {
        (None, Some(main))
    } else {
        (Some(main), None)
    };
    Screen::Panes(Areas {
        tabs,
        banner: banner_rect,
        list,
        entity,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_put_list_and_entity_side_by_side() {
        let Screen::Panes(a) = split(Rect::new(0, 0, 120, 40), false, false) else {
            panic!()
        };
        let (l, e) = (a.list.unwrap(), a.entity.unwrap());
        assert_eq!((l.x, l.width, e.x, e.width), (0, 48, 48, 72));
        assert_eq!((l.y, l.height, a.status.y), (1, 38, 39));
    }

    #[test]
    fn narrow_screens_show_one_pane() {
        let Screen::Panes(a) = split(Rect::new(0, 0, 80, 24), true, true) else {
            panic!()
        };
        assert!(a.list.is_none());
        assert_eq!(a.entity.unwrap().y, 2);
    }

    #[test]
    fn tiny_screens_are_too_small() {
        assert_eq!(
            split(Rect::new(0, 0, 39, 40), false, false),
            Screen::TooSmall
        );
        assert_eq!(split(Rect::new(0, 0, 1, 1), false, false), Screen::TooSmall);
    }
}
