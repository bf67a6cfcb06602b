//! Key names as a config file writes them (`j`, `G`, `C-d`, `A-x`, `S-Tab`,
//! `PgDn`, `F1`) and the key events each stands for, in both directions: the
//! config is read with them, and the default config is written with them.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// One key as the keymap matches it.
pub type Key = (KeyCode, KeyModifiers);

const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Backspace", KeyCode::Backspace),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Del", KeyCode::Delete),
    ("Ins", KeyCode::Insert),
];

/// Other spellings people type.
const ALIASES: &[(&str, &str)] = &[
    ("return", "Enter"),
    ("cr", "Enter"),
    ("escape", "Esc"),
    ("bs", "Backspace"),
    ("pageup", "PgUp"),
    ("pagedown", "PgDn"),
    ("delete", "Del"),
    ("insert", "Ins"),
];

/// What a key name may look like, for hints.
pub const SYNTAX: &str = "a character (\"j\", \"G\", \"?\"), or Enter, Esc, Tab, Backspace, Space, Up, Down, Left, Right, Home, End, PgUp, PgDn, Del, Ins, F1 to F12; with C- (Ctrl), A- (Alt) or S- (Shift) before it, e.g. \"C-d\", \"S-Tab\"";

/// The events a key name stands for: `G` is Shift-g as terminals send it, with
/// or without the Shift flag, as the built-in table has it.
pub fn parse(text: &str) -> Result<Vec<Key>, String> {
    let (mods, base) = modifiers(text)?;
    let code = base_code(base).ok_or_else(|| format!("{base:?} is not a key name"))?;
    let keys = match code {
        KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
            let rest = mods - KeyModifiers::SHIFT;
            vec![
                (KeyCode::BackTab, rest | KeyModifiers::SHIFT),
                (KeyCode::BackTab, rest),
            ]
        }
        KeyCode::Char(c) if c.is_uppercase() => {
            vec![(code, mods | KeyModifiers::SHIFT), (code, mods)]
        }
        KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) && c.is_lowercase() => {
            let upper: Vec<char> = c.to_uppercase().collect();
            match upper.as_slice() {
                &[u] => vec![
                    (KeyCode::Char(u), mods),
                    (KeyCode::Char(u), mods - KeyModifiers::SHIFT),
                ],
                _ => vec![(code, mods)],
            }
        }
        _ => vec![(code, mods)],
    };
    Ok(keys)
}

fn modifiers(text: &str) -> Result<(KeyModifiers, &str), String> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    // A lone "-" or "+" is the key itself, not a separator.
    let separator = |s: &str| {
        s.char_indices()
            .skip(1)
            .find(|&(_, c)| c == '-' || c == '+')
            .map(|(i, _)| i)
    };
    while let Some(sep) = separator(rest) {
        let flag = match rest[..sep].to_ascii_lowercase().as_str() {
            "c" | "ctrl" | "control" => KeyModifiers::CONTROL,
            "a" | "m" | "alt" | "meta" => KeyModifiers::ALT,
            "s" | "shift" => KeyModifiers::SHIFT,
            other => return Err(format!("{other:?} is not a modifier (C-, A- or S-)")),
        };
        mods |= flag;
        rest = &rest[sep + 1..];
    }
    if rest.is_empty() {
        return Err(format!("{text:?} names no key after its modifiers"));
    }
    Ok((mods, rest))
}

fn base_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    let canonical = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map_or(name, |(_, c)| c);
    NAMED
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(canonical))
        .map(|&(_, code)| code)
}

/// The name of a key event, as `parse` reads it back.
pub fn name((code, mods): Key) -> String {
    let mut out = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        out.push_str("C-");
    }
    if mods.contains(KeyModifiers::ALT) {
        out.push_str("A-");
    }
    let base = match code {
        KeyCode::BackTab => return format!("{out}S-Tab"),
        KeyCode::Char(c) if c != ' ' => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => NAMED
            .iter()
            .find(|(_, c)| *c == other)
            .map_or_else(|| format!("{other:?}"), |(n, _)| n.to_string()),
    };
    if mods.contains(KeyModifiers::SHIFT) && !matches!(code, KeyCode::Char(c) if c.is_uppercase()) {
        out.push_str("S-");
    }
    out + &base
}

/// The names of a binding's keys, one per key a person presses (`G` once, not
/// once with and once without the Shift flag).
pub fn names(keys: &[Key]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &k in keys {
        let n = name(k);
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;

    #[test]
    fn names_read_as_the_keys_a_person_presses() {
        assert_eq!(parse("j"), Ok(vec![(KeyCode::Char('j'), NONE)]));
        assert_eq!(
            parse("G"),
            Ok(vec![
                (KeyCode::Char('G'), KeyModifiers::SHIFT),
                (KeyCode::Char('G'), NONE)
            ])
        );
        assert_eq!(parse("C-d"), Ok(vec![(KeyCode::Char('d'), CTRL)]));
        assert_eq!(parse("ctrl+d"), parse("C-d"));
        assert_eq!(
            parse("A-Backspace"),
            Ok(vec![(KeyCode::Backspace, KeyModifiers::ALT)])
        );
        assert_eq!(parse("escape"), Ok(vec![(KeyCode::Esc, NONE)]));
        assert_eq!(parse("F12"), Ok(vec![(KeyCode::F(12), NONE)]));
        assert_eq!(parse("-"), Ok(vec![(KeyCode::Char('-'), NONE)]));
        assert_eq!(parse("C--"), Ok(vec![(KeyCode::Char('-'), CTRL)]));
        assert_eq!(
            parse("S-Tab").map(|k| k[0]),
            Ok((KeyCode::BackTab, KeyModifiers::SHIFT))
        );
    }

    #[test]
    fn unknown_names_say_what_is_wrong() {
        assert!(parse("Hyper-x").is_err_and(|e| e.contains("not a modifier")));
        assert!(parse("Escpe").is_err_and(|e| e.contains("not a key name")));
        assert!(parse("F13").is_err());
        assert!(parse("").is_err());
        assert!(parse("C-").is_err());
    }

    #[test]
    fn every_key_of_the_built_in_table_reads_back_from_its_name() {
        for b in crate::app::keymap::builtin().rows() {
            for &k in &b.keys {
                let n = name(k);
                let back = parse(&n).unwrap_or_else(|e| panic!("{n}: {e}"));
                assert!(back.contains(&k), "{n} does not give {k:?} back: {back:?}");
            }
        }
    }
}
