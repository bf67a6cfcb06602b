//! Everything a user can do in the explorer. Keys and mouse events become these
//! through the keymap; `App::update` is the only place that acts on them.

/// One user intention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Show or hide the list of problems found in the dataset.
    ShowProblems,
    /// Show events, periods and dated facts by year.
    ShowTimeline,
    /// Type a facet filter for the lists (tag:, in:, member:, market:).
    StartFilter,
    /// Find how the shown entity connects to another, picked by search.
    StartPath,
    /// Copy the shown entity's card (Markdown) to the clipboard.
    CopyCard,
    /// Copy the shown entity's id to the clipboard.
    CopyId,
    /// Close the current view (timeline, filter line, paths).
    Close,
    /// Move the selection one row up.
    Up,
    /// Move the selection one row down.
    Down,
    /// Jump to the first row.
    Top,
    /// Jump to the last row.
    Bottom,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,
    /// Move half a page up.
    HalfPageUp,
    /// Move half a page down.
    HalfPageDown,
    /// Show the next tab of the list.
    NextTab,
    /// Show the previous tab of the list.
    PrevTab,
    /// Show pane n (an index of the pane table), as a tab or on the board.
    GoTab(usize),
    /// Switch between the board (panes side by side) and the tabs.
    ToggleBoard,
    /// Keep only the rows related to the selected or open entity, or show all again.
    CrossFilter,
    /// Let the focused pane fill the screen, or give the others their room back.
    Zoom,
    /// Open the selected entity (list row, related row or search hit).
    Open,
    /// Go back one step: to the previous entity, or from an entity to the list.
    Back,
    /// Go back in history.
    HistoryBack,
    /// Go forward in history.
    HistoryForward,
    /// Toggle between the current and the previous entity.
    Alternate,
    /// Put the focus on the list.
    FocusList,
    /// Open the search line.
    StartSearch,
    /// Type a character into the search line.
    InsertChar(char),
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete everything before the cursor.
    DeleteToStart,
    /// Move the cursor to the start of the line.
    CursorStart,
    /// Move the cursor to the end of the line.
    CursorEnd,
    /// Move the cursor one character left.
    CursorLeft,
    /// Move the cursor one character right.
    CursorRight,
    /// Close the search and restore the view as it was.
    CancelSearch,
    /// A mouse click at a screen cell (column, row).
    Click(u16, u16),
    /// The mouse wheel turned up.
    ScrollUp,
    /// The mouse wheel turned down.
    ScrollDown,
    /// Draw the network around the shown entity.
    ShowNetwork,
    /// Show the neighbours' neighbours too (network depth 2).
    Deeper,
    /// Show only the direct neighbours (network depth 1).
    Shallower,
    /// Put the selected node in the centre of the network (a history visit).
    Recentre,
    /// Move the selection left (network view: along the edges).
    MoveLeft,
    /// Move the selection right (network view: along the edges).
    MoveRight,
    /// Switch the timeline between its list and its chart of periods.
    ToggleChart,
    /// Write a note on the row or card you are on.
    NewNote,
    /// Edit the note selected on the card.
    EditNote,
    /// Delete the note selected on the card (asks first).
    DeleteNote,
    /// Save the note being written.
    SaveNote,
    /// Start a new line in the note being written.
    NewLine,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Pin or unpin the row or card you are on.
    TogglePin,
    /// Answer yes to the question asked.
    Yes,
    /// Answer no to the question asked.
    No,
}

impl Action {
    /// The action's name in the config file, fixed here so that renaming a
    /// variant cannot break anyone's config. A pane's is `show_` and the
    /// pane's name (`show_pinned`); actions no key is bound to have none.
    pub fn name(self) -> Option<String> {
        let name = match self {
            Action::GoTab(n) => {
                return super::Tab::at(n).map(|t| format!("show_{}", t.spec().name));
            }
            Action::InsertChar(_) | Action::Click(..) | Action::ScrollUp | Action::ScrollDown => {
                return None;
            }
            Action::Quit => "quit",
            Action::ToggleHelp => "toggle_help",
            Action::ShowProblems => "show_problems",
            Action::ShowTimeline => "show_timeline",
            Action::StartFilter => "start_filter",
            Action::StartPath => "start_path",
            Action::CopyCard => "copy_card",
            Action::CopyId => "copy_id",
            Action::Close => "close",
            Action::Up => "up",
            Action::Down => "down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::HalfPageUp => "half_page_up",
            Action::HalfPageDown => "half_page_down",
            Action::NextTab => "next_tab",
            Action::PrevTab => "prev_tab",
            Action::ToggleBoard => "toggle_board",
            Action::CrossFilter => "cross_filter",
            Action::Zoom => "zoom",
            Action::Open => "open",
            Action::Back => "back",
            Action::HistoryBack => "history_back",
            Action::HistoryForward => "history_forward",
            Action::Alternate => "alternate",
            Action::FocusList => "focus_list",
            Action::StartSearch => "start_search",
            Action::DeleteBack => "delete_back",
            Action::DeleteWord => "delete_word",
            Action::DeleteToStart => "delete_to_start",
            Action::CursorStart => "cursor_start",
            Action::CursorEnd => "cursor_end",
            Action::CursorLeft => "cursor_left",
            Action::CursorRight => "cursor_right",
            Action::CancelSearch => "cancel_search",
            Action::ShowNetwork => "show_network",
            Action::Deeper => "deeper",
            Action::Shallower => "shallower",
            Action::Recentre => "recentre",
            Action::MoveLeft => "move_left",
            Action::MoveRight => "move_right",
            Action::ToggleChart => "toggle_chart",
            Action::NewNote => "new_note",
            Action::EditNote => "edit_note",
            Action::DeleteNote => "delete_note",
            Action::SaveNote => "save_note",
            Action::NewLine => "new_line",
            Action::DeleteForward => "delete_forward",
            Action::TogglePin => "toggle_pin",
            Action::Yes => "yes",
            Action::No => "no",
        };
        Some(name.to_string())
    }
}
