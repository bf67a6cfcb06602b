//! The one table from (context, key) to action, and the keymap in force
//! built from it ([`Keymap`]: the table and each pane's key, with the keys a
//! config remapped). The help overlay and the status-bar hints are generated
//! from the keymap in force, so they cannot drift from the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where the keyboard is: each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere (checked after the context's own bindings).
    Global,
    List,
    Entity,
    Search,
    Help,
    /// The list of problems found in the dataset (any key closes it).
    Problems,
    Timeline,
    Filter,
    Paths,
    Network,
    Chart,
    /// Writing a note.
    Note,
    /// A question that waits for its answer (discard a note? delete it?).
    Confirm,
}

impl Context {
    /// Every context, in the order help lists them.
    pub const ALL: [Context; 13] = [
        Context::Global,
        Context::List,
        Context::Entity,
        Context::Search,
        Context::Filter,
        Context::Note,
        Context::Confirm,
        Context::Timeline,
        Context::Chart,
        Context::Network,
        Context::Paths,
        Context::Help,
        Context::Problems,
    ];

    /// The mode's name in the config file (`"search.down"`), fixed here so
    /// that renaming a variant cannot break anyone's config.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Entity => "entity",
            Context::Search => "search",
            Context::Help => "help",
            Context::Problems => "problems",
            Context::Timeline => "timeline",
            Context::Filter => "filter",
            Context::Paths => "paths",
            Context::Network => "network",
            Context::Chart => "chart",
            Context::Note => "note",
            Context::Confirm => "confirm",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::List => "List, or a pane of the board",
            Context::Entity => "Card",
            Context::Search => "Search",
            Context::Help => "Help",
            Context::Problems => "Problems",
            Context::Timeline => "Timeline",
            Context::Filter => "Filter line",
            Context::Paths => "Connections",
            Context::Network => "Network",
            Context::Chart => "Period chart",
            Context::Note => "Writing a note",
            Context::Confirm => "A question (discard or delete a note)",
        }
    }
}

/// One binding: the keys, what they do, and how help and hints show them.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    /// Key names as help shows them.
    pub label: &'static str,
    pub help: &'static str,
    /// Shown in the status bar of this context.
    pub hint: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

use Context::*;
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp,
    Right, Up,
};

const fn b(
    context: Context,
    keys: &'static [(KeyCode, KeyModifiers)],
    action: Action,
    label: &'static str,
    help: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        label,
        help,
        hint,
    }
}

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(List, &[(Char('j'), NONE), (Down, NONE)], Action::Down, "j ↓", "next row", false),
    b(List, &[(Char('k'), NONE), (Up, NONE)], Action::Up, "k ↑", "previous row", false),
    b(List, &[(Char('g'), NONE), (Home, NONE)], Action::Top, "g", "first row", false),
    b(List, &[(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)], Action::Bottom, "G", "last row", false),
    b(List, &[(PageDown, NONE)], Action::PageDown, "PgDn", "page down", false),
    b(List, &[(PageUp, NONE)], Action::PageUp, "PgUp", "page up", false),
    b(List, &[(Char('d'), CTRL)], Action::HalfPageDown, "C-d", "half a page down", false),
    b(List, &[(Char('u'), CTRL)], Action::HalfPageUp, "C-u", "half a page up", false),
    b(List, &[(Char('l'), NONE), (Right, NONE)], Action::NextTab, "l →", "next tab, or next pane on the board", false),
    b(List, &[(Char('h'), NONE), (Left, NONE)], Action::PrevTab, "h ←", "previous tab or pane", false),
    b(List, &[(Enter, NONE)], Action::Open, "⏎", "open the card", true),
    b(Entity, &[(Char('j'), NONE), (Down, NONE)], Action::Down, "j ↓", "next related entity (the card follows)", false),
    b(Entity, &[(Char('k'), NONE), (Up, NONE)], Action::Up, "k ↑", "previous related entity", false),
    b(Entity, &[(Char('g'), NONE), (Home, NONE)], Action::Top, "g Home", "top of the card", false),
    b(Entity, &[(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)], Action::Bottom, "G End", "end of the card (notes, sources)", false),
    b(Entity, &[(PageDown, NONE)], Action::PageDown, "PgDn", "scroll the card down a page", false),
    b(Entity, &[(PageUp, NONE)], Action::PageUp, "PgUp", "scroll the card up a page", false),
    b(Entity, &[(Char('d'), CTRL)], Action::HalfPageDown, "C-d", "scroll half a page down", false),
    b(Entity, &[(Char('u'), CTRL)], Action::HalfPageUp, "C-u", "scroll half a page up", false),
    b(Entity, &[(Enter, NONE)], Action::Open, "⏎", "follow the relation", true),
    b(Entity, &[(Backspace, NONE), (Esc, NONE)], Action::Back, "⌫ Esc", "back", true),
    b(Entity, &[(Char('['), NONE)], Action::HistoryBack, "[", "history back", false),
    b(Entity, &[(Char(']'), NONE)], Action::HistoryForward, "]", "history forward", false),
    b(Entity, &[(Char('-'), NONE)], Action::Alternate, "-", "previous entity and back again", false),
    b(Entity, &[(Char('h'), NONE), (Left, NONE)], Action::FocusList, "h ←", "back to the list", false),
    b(Global, &[(Char('/'), NONE)], Action::StartSearch, "/", "search everything", true),
    b(Global, &[(KeyCode::Tab, NONE)], Action::NextTab, "Tab", "next tab, or next pane on the board", false),
    b(Global, &[(BackTab, SHIFT), (BackTab, NONE)], Action::PrevTab, "S-Tab", "previous tab or pane", false),
    b(Global, &[(Char('b'), NONE)], Action::ToggleBoard, "b", "board or tabs", true),
    b(Global, &[(Char('n'), NONE)], Action::NewNote, "n", "note: write one on this row or card", true),
    b(Global, &[(Char('='), NONE)], Action::CrossFilter, "=", "keep only rows linked to the selection (again: all)", false),
    b(Global, &[(Char('z'), NONE)], Action::Zoom, "z", "zoom the focused pane, and back", false),
    b(Global, &[(Char('['), NONE)], Action::HistoryBack, "[", "history back", false),
    b(Global, &[(Char(']'), NONE)], Action::HistoryForward, "]", "history forward", false),
    b(Global, &[(Char('?'), NONE), (F(1), NONE)], Action::ToggleHelp, "? F1", "help", true),
    b(Global, &[(Char('!'), NONE)], Action::ShowProblems, "!", "problems found in the dataset, the config or your files", false),
    b(Global, &[(Char('q'), NONE)], Action::Quit, "q", "quit", true),
    b(Search, &[(Enter, NONE)], Action::Open, "⏎", "open the selected hit", true),
    b(Search, &[(Esc, NONE)], Action::CancelSearch, "Esc", "close the search", true),
    b(Search, &[(Down, NONE), (Char('n'), CTRL), (Char('j'), CTRL)], Action::Down, "↓ C-n", "next hit", true),
    b(Search, &[(Up, NONE), (Char('p'), CTRL), (Char('k'), CTRL)], Action::Up, "↑ C-p", "previous hit", true),
    b(Search, &[(PageDown, NONE)], Action::PageDown, "PgDn", "page down", false),
    b(Search, &[(PageUp, NONE)], Action::PageUp, "PgUp", "page up", false),
    b(Search, &[(Backspace, NONE), (Char('h'), CTRL)], Action::DeleteBack, "⌫", "delete a character", false),
    b(Search, &[(Char('w'), CTRL), (Backspace, KeyModifiers::ALT)], Action::DeleteWord, "C-w", "delete a word", false),
    b(Search, &[(Char('u'), CTRL)], Action::DeleteToStart, "C-u", "delete to the start", false),
    b(Search, &[(Char('a'), CTRL), (Home, NONE)], Action::CursorStart, "C-a", "start of line", false),
    b(Search, &[(Char('e'), CTRL), (End, NONE)], Action::CursorEnd, "C-e", "end of line", false),
    b(Search, &[(Left, NONE), (Char('b'), CTRL)], Action::CursorLeft, "←", "cursor left", false),
    b(Search, &[(Right, NONE), (Char('f'), CTRL)], Action::CursorRight, "→", "cursor right", false),
    b(Search, &[(Char('y'), CTRL)], Action::CopyCard, "C-y", "copy the card of the selected hit", false),
    b(Search, &[(Char('y'), KeyModifiers::ALT)], Action::CopyId, "M-y", "copy the id of the selected hit", false),
    b(Help, &[(Esc, NONE), (Char('?'), NONE), (F(1), NONE), (Char('q'), NONE)], Action::ToggleHelp, "Esc ? q", "close help", true),
    b(Help, &[(Char('j'), NONE), (Down, NONE)], Action::Down, "j ↓", "scroll down", true),
    b(Help, &[(Char('k'), NONE), (Up, NONE)], Action::Up, "k ↑", "scroll up", false),
    b(Help, &[(PageDown, NONE), (Char(' '), NONE)], Action::PageDown, "PgDn", "page down", true),
    b(Help, &[(PageUp, NONE)], Action::PageUp, "PgUp", "page up", false),
    b(Help, &[(Char('g'), NONE), (Home, NONE)], Action::Top, "g", "top", false),
    b(Help, &[(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)], Action::Bottom, "G", "end", false),
    b(Global, &[(Char('t'), NONE)], Action::ShowTimeline, "t", "timeline", false),
    b(Global, &[(Char('f'), NONE)], Action::StartFilter, "f", "filter the lists by facets", false),
    b(Global, &[(Char('c'), NONE)], Action::StartPath, "c", "how this connects to another", false),
    b(Global, &[(Char('y'), NONE)], Action::CopyCard, "y", "copy the card (of the row you are on)", false),
    b(Global, &[(Char('Y'), SHIFT), (Char('Y'), NONE)], Action::CopyId, "Y", "copy the id", false),
    b(Timeline, &[(Char('j'), NONE), (Down, NONE)], Action::Down, "j ↓", "next entry", false),
    b(Timeline, &[(Char('k'), NONE), (Up, NONE)], Action::Up, "k ↑", "previous entry", false),
    b(Timeline, &[(Char('g'), NONE), (Home, NONE)], Action::Top, "g", "first entry", false),
    b(Timeline, &[(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)], Action::Bottom, "G", "last entry", false),
    b(Timeline, &[(PageDown, NONE)], Action::PageDown, "PgDn", "page down", false),
    b(Timeline, &[(PageUp, NONE)], Action::PageUp, "PgUp", "page up", false),
    b(Timeline, &[(Enter, NONE)], Action::Open, "⏎", "open the entity", true),
    b(Timeline, &[(Esc, NONE), (Char('t'), NONE), (Char('q'), NONE)], Action::Close, "Esc t", "close the timeline", true),
    b(Paths, &[(Char('j'), NONE), (Down, NONE)], Action::Down, "j ↓", "next entity on the chains", true),
    b(Paths, &[(Char('k'), NONE), (Up, NONE)], Action::Up, "k ↑", "previous entity", false),
    b(Paths, &[(Enter, NONE)], Action::Open, "⏎", "open the entity", true),
    b(Paths, &[(Esc, NONE), (Char('q'), NONE)], Action::Close, "Esc", "close", true),
    b(Filter, &[(Enter, NONE)], Action::Open, "⏎", "keep the filter", true),
    b(Filter, &[(Esc, NONE)], Action::Close, "Esc", "clear the filter", true),
    b(Filter, &[(Backspace, NONE), (Char('h'), CTRL)], Action::DeleteBack, "⌫", "delete a character", false),
    b(Filter, &[(Char('w'), CTRL)], Action::DeleteWord, "C-w", "delete a word", false),
    b(Filter, &[(Char('u'), CTRL)], Action::DeleteToStart, "C-u", "delete to the start", false),
    b(Filter, &[(Char('a'), CTRL), (Home, NONE)], Action::CursorStart, "C-a", "start of line", false),
    b(Filter, &[(Char('e'), CTRL), (End, NONE)], Action::CursorEnd, "C-e", "end of line", false),
    b(Filter, &[(Left, NONE)], Action::CursorLeft, "←", "cursor left", false),
    b(Filter, &[(Right, NONE)], Action::CursorRight, "→", "cursor right", false),
    b(Global, &[(Char('v'), NONE)], Action::ShowNetwork, "v", "network of this entity", false),
    b(Timeline, &[(Char('p'), NONE)], Action::ToggleChart, "p", "chart of periods", true),
    b(Network, &[(Char('j'), NONE), (Down, NONE)], Action::Down, "j ↓", "next node", false),
    b(Network, &[(Char('k'), NONE), (Up, NONE)], Action::Up, "k ↑", "previous node", false),
    b(Network, &[(Char('h'), NONE), (Left, NONE)], Action::MoveLeft, "h ←", "left along the edges", false),
    b(Network, &[(Char('l'), NONE), (Right, NONE)], Action::MoveRight, "l →", "right along the edges", false),
    b(Network, &[(Char('g'), NONE), (Home, NONE)], Action::Top, "g", "the centre", false),
    b(Network, &[(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)], Action::Bottom, "G", "last node", false),
    b(Network, &[(Enter, NONE)], Action::Open, "⏎", "open the card", true),
    b(Network, &[(Char(' '), NONE)], Action::Recentre, "Space", "centre here", true),
    b(Network, &[(Char('+'), NONE), (Char('+'), SHIFT), (Char('='), NONE)], Action::Deeper, "+", "depth 2", true),
    b(Network, &[(Char('-'), NONE), (Char('_'), SHIFT), (Char('_'), NONE)], Action::Shallower, "-", "depth 1", true),
    b(Network, &[(Char('['), NONE)], Action::HistoryBack, "[", "history back (re-centre)", false),
    b(Network, &[(Char(']'), NONE)], Action::HistoryForward, "]", "history forward (re-centre)", false),
    b(Network, &[(Char('y'), NONE)], Action::CopyCard, "y", "copy the node's card", false),
    b(Network, &[(Char('Y'), SHIFT), (Char('Y'), NONE)], Action::CopyId, "Y", "copy the node's id", false),
    b(Network, &[(Esc, NONE), (Char('v'), NONE), (Char('q'), NONE)], Action::Close, "Esc", "close", true),
    b(Chart, &[(Char('j'), NONE), (Down, NONE)], Action::Down, "j ↓", "next row", false),
    b(Chart, &[(Char('k'), NONE), (Up, NONE)], Action::Up, "k ↑", "previous row", false),
    b(Chart, &[(Char('g'), NONE), (Home, NONE)], Action::Top, "g", "first row", false),
    b(Chart, &[(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)], Action::Bottom, "G", "last row", false),
    b(Chart, &[(PageDown, NONE)], Action::PageDown, "PgDn", "page down", false),
    b(Chart, &[(PageUp, NONE)], Action::PageUp, "PgUp", "page up", false),
    b(Chart, &[(Enter, NONE)], Action::Open, "⏎", "open the entity", true),
    b(Chart, &[(Char('p'), NONE)], Action::ToggleChart, "p", "the list", true),
    b(Chart, &[(Char('y'), NONE)], Action::CopyCard, "y", "copy the card", false),
    b(Chart, &[(Char('Y'), SHIFT), (Char('Y'), NONE)], Action::CopyId, "Y", "copy the id", false),
    b(Chart, &[(Esc, NONE), (Char('t'), NONE), (Char('q'), NONE)], Action::Close, "Esc t", "close the timeline", true),
    b(Global, &[(Char('p'), NONE)], Action::TogglePin, "p", "pin or unpin the row or card you are on", false),
    b(Entity, &[(Char('e'), NONE)], Action::EditNote, "e ⏎", "edit the note selected on the card", false),
    b(Entity, &[(Char('d'), NONE), (Delete, NONE)], Action::DeleteNote, "d Del", "delete the note selected on the card (asks first)", false),
    b(Note, &[(Char('s'), CTRL)], Action::SaveNote, "C-s", "save the note", true),
    b(Note, &[(Esc, NONE)], Action::Close, "Esc", "close (then ⏎ saves, Esc discards)", true),
    b(Note, &[(Enter, NONE)], Action::NewLine, "⏎", "new line", false),
    b(Note, &[(Backspace, NONE), (Char('h'), CTRL)], Action::DeleteBack, "⌫", "delete a character", false),
    b(Note, &[(Delete, NONE), (Char('d'), CTRL)], Action::DeleteForward, "Del C-d", "delete the character under the cursor", false),
    b(Note, &[(Char('w'), CTRL), (Backspace, KeyModifiers::ALT)], Action::DeleteWord, "C-w", "delete a word", false),
    b(Note, &[(Char('u'), CTRL)], Action::DeleteToStart, "C-u", "delete to the start of the line", false),
    b(Note, &[(Char('a'), CTRL), (Home, NONE)], Action::CursorStart, "C-a Home", "start of the line", false),
    b(Note, &[(Char('e'), CTRL), (End, NONE)], Action::CursorEnd, "C-e End", "end of the line", false),
    b(Note, &[(Left, NONE), (Char('b'), CTRL)], Action::CursorLeft, "←", "cursor left", false),
    b(Note, &[(Right, NONE), (Char('f'), CTRL)], Action::CursorRight, "→", "cursor right", false),
    b(Note, &[(Up, NONE), (Char('p'), CTRL)], Action::Up, "↑", "line above", false),
    b(Note, &[(Down, NONE), (Char('n'), CTRL)], Action::Down, "↓", "line below", false),
    b(Confirm, &[(Enter, NONE), (Char('y'), NONE)], Action::Yes, "⏎ y", "yes: save the note, or delete it", false),
    b(Confirm, &[(Esc, NONE), (Char('n'), NONE)], Action::No, "Esc n", "no: discard the note, or keep it", false),
];

/// Ctrl-c quits from anywhere, search and help included.
pub(super) fn is_interrupt(key: &KeyEvent) -> bool {
    key.code == Char('c') && key.modifiers.contains(CTRL)
}

mod map;
pub use map::{Key, Keymap, KeymapRow, builtin};

/// The action for a key in a context, with the built-in keys.
pub fn action(context: Context, key: &KeyEvent) -> Option<Action> {
    builtin().action(context, key)
}

/// The built-in status-bar hints for a context.
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    builtin().hints(context)
}

#[cfg(test)]
mod tests;
