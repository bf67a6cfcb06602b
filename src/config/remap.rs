//! Key remaps: action names, mode names, and the keymap a config's remaps give,
//! checked for keys bound twice. Names come from the keymap's own rows
//! ([`Action::name`], [`Context::name`]: a table, so renaming a variant breaks
//! no config), so an action added there can be remapped at once, under the
//! name help shows; the panes' keys (`show_clusters`, ...) too.
//!
//! A remap `"down": ["j", "Down"]` replaces the keys of `down` in every mode
//! where it has keys, except that in a text line (search, filter, a note) its
//! plain characters are left out, since they are typed there; `"search.down":
//! ["C-n"]` sets one mode only, and wins over the first for it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::{self, Key};
use crate::app::Action;
use crate::app::keymap::{self, Context, Keymap, KeymapRow};
use crate::diagnostic::Position;

/// The config name of an action (see [`Action::name`]).
pub fn action_name(action: Action) -> String {
    action.name().unwrap_or_default()
}

/// The config name of a mode: `list`, `entity`, `search`, ...; `global` for
/// the keys that work anywhere.
pub fn context_name(context: Context) -> String {
    context.name().to_string()
}

/// The built-in rows, which remaps change.
fn rows() -> &'static [KeymapRow] {
    keymap::builtin().rows()
}

/// Every action that has keys, by name, in the table's order.
pub fn actions() -> Vec<(String, Action)> {
    let mut out: Vec<(String, Action)> = Vec::new();
    for b in rows() {
        if !out.iter().any(|(_, a)| *a == b.action) {
            out.push((action_name(b.action), b.action));
        }
    }
    out
}

/// Every mode that has keys, in the table's order.
pub fn contexts() -> Vec<Context> {
    let mut out = Vec::new();
    for b in rows() {
        if !out.contains(&b.context) {
            out.push(b.context);
        }
    }
    out
}

/// One remap from the config, checked: the action, the mode if one was named,
/// the keys, and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Remap {
    pub context: Option<Context>,
    pub action: Action,
    pub keys: Vec<Key>,
    pub position: Position,
}

/// One row of the keymap a config gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    /// The remap that set these keys, if one did.
    pub remap: Option<usize>,
}

/// The keymap with the remaps applied, row for row of the built-in one.
pub fn effective(remaps: &[Remap]) -> Vec<Bound> {
    rows()
        .iter()
        .map(|b| {
            let own = remaps
                .iter()
                .rposition(|r| r.action == b.action && r.context == Some(b.context));
            let any = remaps
                .iter()
                .rposition(|r| r.action == b.action && r.context.is_none());
            let (keys, remap) = match (own, any) {
                (Some(i), _) => (remaps[i].keys.clone(), Some(i)),
                // A remap for every mode leaves a text line its characters.
                (None, Some(i)) if types_text(b.context) => {
                    let keys: Vec<Key> = remaps[i]
                        .keys
                        .iter()
                        .copied()
                        .filter(|&k| !plain(k))
                        .collect();
                    if keys.is_empty() {
                        (b.keys.clone(), None)
                    } else {
                        (keys, Some(i))
                    }
                }
                (None, Some(i)) => (remaps[i].keys.clone(), Some(i)),
                (None, None) => (b.keys.clone(), None),
            };
            Bound {
                context: b.context,
                keys,
                action: b.action,
                remap,
            }
        })
        .collect()
}

/// The keymap the explorer runs with: the built-in rows with the remaps'
/// keys, a remapped row labelled by its new keys in help and hints.
pub fn keymap(remaps: &[Remap]) -> Keymap {
    let rows = effective(remaps)
        .into_iter()
        .zip(rows())
        .map(|(bound, row)| KeymapRow {
            label: match bound.remap {
                Some(_) => keys::names(&bound.keys).join(" "),
                None => row.label.clone(),
            },
            keys: bound.keys,
            ..row.clone()
        })
        .collect();
    Keymap::from_rows(rows)
}

/// A character typed without Ctrl or Alt.
fn plain((code, mods): Key) -> bool {
    matches!(code, KeyCode::Char(_)) && !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// A key that two actions would share in one mode, or that a mode needs for
/// something else. Only clashes that a remap causes are reported, once for
/// all the modes they happen in.
#[derive(Debug, Clone, PartialEq)]
pub struct Clash {
    /// The remap to blame.
    pub remap: usize,
    pub message: String,
    pub hint: String,
}

#[derive(PartialEq)]
enum Why {
    /// Ctrl-c quits everywhere.
    Interrupt,
    /// A plain character is text in this mode.
    Typed,
    /// Another action has the key; each action's mode is named when it is not
    /// the mode itself (global keys).
    Taken(Action, Option<Context>, Option<Context>),
}

struct Found {
    remap: usize,
    key: Key,
    action: Action,
    why: Why,
    modes: Vec<String>,
}

/// Whether keys of `Global` also work in a mode (when the mode has no binding
/// of its own for the key). Asked of the keymap itself, so it cannot drift.
fn falls_back(context: Context) -> bool {
    let own: Vec<Key> = rows()
        .iter()
        .filter(|b| b.context == context)
        .flat_map(|b| b.keys.iter().copied())
        .collect();
    rows()
        .iter()
        .filter(|b| b.context == Context::Global)
        .flat_map(|b| b.keys.iter().map(move |k| (k, b.action)))
        .find(|(k, _)| !own.contains(k))
        .is_some_and(|(&(code, mods), action)| {
            keymap::action(context, &KeyEvent::new(code, mods)) == Some(action)
        })
}

/// Whether plain characters are typed as text in a mode (search, filter lines).
fn types_text(context: Context) -> bool {
    let probe = KeyEvent::new(KeyCode::Char('\u{e9}'), KeyModifiers::NONE);
    keymap::action(context, &probe) == Some(Action::InsertChar('\u{e9}'))
}

/// Every key clash the remaps cause.
pub fn clashes(remaps: &[Remap]) -> Vec<Clash> {
    if remaps.is_empty() {
        return Vec::new();
    }
    let bound = effective(remaps);
    let mut found: Vec<Found> = Vec::new();
    for context in contexts() {
        let typing = types_text(context);
        let global = context != Context::Global && falls_back(context);
        let rows = bound
            .iter()
            .filter(|b| b.context == context || (global && b.context == Context::Global));
        let mut seen: Vec<(Key, &Bound)> = Vec::new();
        for b in rows {
            for &key in &b.keys {
                let other = seen
                    .iter()
                    .find(|(k, o)| *k == key && o.action != b.action)
                    .map(|(_, o)| *o);
                let why = match (b.remap, other) {
                    (Some(_), _) if is_interrupt(key) => Some((b, Why::Interrupt)),
                    (Some(_), _) if typing && plain(key) => Some((b, Why::Typed)),
                    (_, Some(o)) if b.remap.is_some() || o.remap.is_some() => {
                        let (blamed, first) = if b.remap.is_some() { (b, o) } else { (o, b) };
                        let mode = |b: &Bound| (b.context != context).then_some(b.context);
                        Some((blamed, Why::Taken(first.action, mode(first), mode(blamed))))
                    }
                    _ => None,
                };
                match why {
                    Some((blamed, why)) => note(&mut found, blamed, key, why, context),
                    None => seen.push((key, b)),
                }
            }
        }
    }
    found.into_iter().map(describe).collect()
}

fn is_interrupt((code, mods): Key) -> bool {
    code == KeyCode::Char('c') && mods.contains(KeyModifiers::CONTROL)
}

fn note(found: &mut Vec<Found>, blamed: &Bound, key: Key, why: Why, context: Context) {
    let mode = context_name(context);
    let Some(remap) = blamed.remap else { return };
    match found
        .iter_mut()
        .find(|f| f.remap == remap && f.key == key && f.action == blamed.action && f.why == why)
    {
        Some(f) => f.modes.push(mode),
        None => found.push(Found {
            remap,
            key,
            action: blamed.action,
            why,
            modes: vec![mode],
        }),
    }
}

fn describe(f: Found) -> Clash {
    let key = keys::name(f.key);
    let name = action_name(f.action);
    let modes = match f.modes.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    let (message, hint) = match f.why {
        Why::Interrupt => (
            format!("`{key}` is bound twice: it always quits, so it cannot also be `{name}`"),
            "choose another key".to_string(),
        ),
        Why::Typed => (
            format!(
                "`{key}` is bound twice in {modes}: it types text there, so it cannot also be `{name}`"
            ),
            format!(
                "give {modes} its own keys with C- or A-, e.g. \"{}.{name}\": [\"C-n\"]",
                f.modes[0]
            ),
        ),
        Why::Taken(other, other_mode, own_mode) => {
            let from = |m: Option<Context>| {
                m.map_or(String::new(), |m| format!(" ({} keys)", context_name(m)))
            };
            (
                format!(
                    "`{key}` is bound twice in {modes}: to `{}`{} and to `{name}`{}",
                    action_name(other),
                    from(other_mode),
                    from(own_mode)
                ),
                "choose another key for one of them (remap the other too if it should move)"
                    .to_string(),
            )
        }
    };
    Clash {
        remap: f.remap,
        message,
        hint,
    }
}
