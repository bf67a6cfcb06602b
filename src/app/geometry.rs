//! Where the UI last drew things, the one thing drawing writes besides the
//! screen size: mouse clicks are mapped to rows with it, PgUp and PgDn move
//! by its page, and the panes keep their scroll offsets in it between frames.

use super::Tab;

/// Where the UI last drew things, so that mouse clicks can be mapped to rows,
/// and the scroll offsets the panes keep between frames.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Geometry {
    /// The whole screen, as last drawn (the board is the default from a size on).
    pub screen: ratatui::layout::Rect,
    /// The list-like area last drawn (a tab's list, search hits, the timeline).
    pub list: ratatui::layout::Rect,
    pub list_offset: usize,
    /// Each pane's scroll offset, kept apart so that a tab comes back as it was.
    pub offsets: Vec<usize>,
    pub timeline_offset: usize,
    /// The board's panes as last drawn: (pane, rows area).
    pub board: Vec<(Tab, ratatui::layout::Rect)>,
    pub entity: ratatui::layout::Rect,
    /// (screen row, related index) of each related row on screen.
    pub related_rows: Vec<(u16, usize)>,
    /// Lines scrolled off the top of the entity view.
    pub entity_scroll: usize,
    /// Lines scrolled off the top of the help overlay, and its page height.
    pub help_scroll: usize,
    pub help_page: usize,
    /// Rows scrolled off the top of the note editor.
    pub note_scroll: usize,
    /// Rows per page of the list-like area last drawn (for PgUp/PgDn).
    pub page: usize,
}

impl Geometry {
    /// The scroll offset of a pane's list.
    pub fn offset(&self, tab: Tab) -> usize {
        self.offsets.get(tab.index()).copied().unwrap_or(0)
    }

    pub fn set_offset(&mut self, tab: Tab, offset: usize) {
        if self.offsets.len() <= tab.index() {
            self.offsets.resize(tab.index() + 1, 0);
        }
        self.offsets[tab.index()] = offset;
    }
}
