//! The keymap in force: the rows of the table in `keymap.rs` and each pane's
//! key, with the keys a config's remaps gave them (see `config::remap`), and
//! the lookups the event loop, the help and the hints make in it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::action::Action;
use super::super::panes::Tab;
use super::{BINDINGS, Context, is_interrupt};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
use KeyCode::Char;

/// One key as the keymap matches it.
pub type Key = (KeyCode, KeyModifiers);

/// One row of a keymap: a binding of the table, or a pane's key, with the
/// keys a config may have given it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeymapRow {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    /// Key names as help and hints show them.
    pub label: String,
    pub help: String,
    /// Shown in the status bar of this context.
    pub hint: bool,
}

impl KeymapRow {
    fn matches(&self, key: &KeyEvent) -> bool {
        self.keys
            .iter()
            .any(|&(code, mods)| code == key.code && mods == key.modifiers)
    }
}

/// The keymap in force: the built-in rows (see `Keymap::builtin`) with the
/// keys a config gave them.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    rows: Vec<KeymapRow>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        builtin().clone()
    }
}

impl Keymap {
    /// The table, then each pane's key (`1`, `2`, ... from the pane table),
    /// which shows it from anywhere the global keys work.
    fn builtin() -> Keymap {
        let table = BINDINGS.iter().map(|b| KeymapRow {
            context: b.context,
            keys: b.keys.to_vec(),
            action: b.action,
            label: b.label.to_string(),
            help: b.help.to_string(),
            hint: b.hint,
        });
        let panes = Tab::all().map(|t| KeymapRow {
            context: Context::Global,
            keys: vec![(Char(t.spec().key), NONE)],
            action: Action::GoTab(t.index()),
            label: t.spec().key.to_string(),
            help: format!("the {} pane", t.title()),
            hint: false,
        });
        Keymap {
            rows: table.chain(panes).collect(),
        }
    }

    /// A keymap of these rows (a config's remaps applied to the built-in ones).
    pub fn from_rows(rows: Vec<KeymapRow>) -> Keymap {
        Keymap { rows }
    }

    pub fn rows(&self) -> &[KeymapRow] {
        &self.rows
    }

    /// The action for a key in a context; in a text line an unbound printable
    /// character is typed.
    pub fn action(&self, context: Context, key: &KeyEvent) -> Option<Action> {
        if is_interrupt(key) {
            return Some(Action::Quit);
        }
        let own = self
            .rows
            .iter()
            .find(|r| r.context == context && r.matches(key));
        if let Some(r) = own {
            return Some(r.action);
        }
        match context {
            Context::Search | Context::Filter | Context::Note => match key.code {
                Char(c) if !key.modifiers.intersects(CTRL | KeyModifiers::ALT) => {
                    Some(Action::InsertChar(c))
                }
                _ => None,
            },
            Context::Problems => Some(Action::ShowProblems),
            // Any other key withdraws the question.
            Context::Confirm => Some(Action::Close),
            Context::Help
            | Context::Timeline
            | Context::Paths
            | Context::Network
            | Context::Chart => None,
            Context::Global | Context::List | Context::Entity => self
                .rows
                .iter()
                .find(|r| r.context == Context::Global && r.matches(key))
                .map(|r| r.action),
        }
    }

    /// The status-bar hints for a context: its own, then the global ones.
    pub fn hints(&self, context: Context) -> Vec<(&str, &str)> {
        let global = matches!(context, Context::List | Context::Entity);
        self.rows
            .iter()
            .filter(|r| {
                r.hint && (r.context == context || (global && r.context == Context::Global))
            })
            .map(|r| (r.label.as_str(), r.help.as_str()))
            .collect()
    }

    /// Every row of a context, for the help overlay.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &KeymapRow> {
        self.rows.iter().filter(move |r| r.context == context)
    }

    /// The first key that does an action in a context (or anywhere), as help
    /// names it, for messages that tell which key to press.
    pub fn key_for(&self, context: Context, action: Action) -> String {
        let row = |c: Context| {
            self.rows
                .iter()
                .find(|r| r.context == c && r.action == action)
        };
        row(context)
            .or_else(|| row(Context::Global))
            .and_then(|r| r.label.split(' ').next())
            .unwrap_or("?")
            .to_string()
    }
}

/// The built-in keymap, made once.
pub fn builtin() -> &'static Keymap {
    static BUILTIN: std::sync::LazyLock<Keymap> = std::sync::LazyLock::new(Keymap::builtin);
    &BUILTIN
}
