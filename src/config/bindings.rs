//! The `keys` setting checked entry by entry: each name an action of the
//! keymap (or `mode.action`), each value a key or a list of keys that
//! `keys::parse` reads. Every problem is placed at its entry.

use ron::value::RawValue;

use super::parse::{Entry, Source, shown};
use super::remap::{self, Remap};
use super::{bad, did_you_mean, keys};
use crate::diagnostic::{Diagnostic, Element};

/// The `keys` map: each entry's action (and mode) and keys, checked.
pub fn remaps(source: &Source, value: &RawValue, problems: &mut Vec<Diagnostic>) -> Vec<Remap> {
    let entries = match source.entries(value.get_ron()) {
        Ok(e) => e,
        Err((at, _)) => {
            problems.push(bad(
                at,
                format!("keys is {}, not a map of actions to keys", shown(value)),
                "write keys: { \"start_search\": \"s\", \"down\": [\"j\", \"Down\"] }",
            ));
            return Vec::new();
        }
    };
    let mut out: Vec<Remap> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for entry in entries {
        let at = source.at(entry.name);
        if names.contains(&entry.name) {
            problems.push(bad(
                at,
                format!("`{}` is remapped twice", entry.name),
                "keep one of them",
            ));
            continue;
        }
        names.push(entry.name);
        match target(entry.name) {
            Err((message, hint)) => problems.push(Diagnostic::error(
                "unknown-action",
                Element::At(at),
                message,
                &hint,
            )),
            Ok((context, action)) => {
                if let Some(keys) = key_list(source, &entry, problems) {
                    out.push(Remap {
                        context,
                        action,
                        keys,
                        position: at,
                    });
                }
            }
        }
    }
    out
}

/// `action` or `mode.action`, checked against the keymap.
fn target(
    name: &str,
) -> Result<(Option<crate::app::keymap::Context>, crate::app::Action), (String, String)> {
    let actions = remap::actions();
    let all = "`clusterdex config default` lists every action";
    let (mode, action) = match name.split_once('.') {
        Some((m, a)) => (Some(m), a),
        None => (None, name),
    };
    let Some(found) = actions.iter().find(|(n, _)| n == action).map(|(_, a)| *a) else {
        return Err((
            format!("no action is named `{action}`"),
            did_you_mean(action, actions.into_iter().map(|(n, _)| n), all),
        ));
    };
    let Some(mode) = mode else {
        return Ok((None, found));
    };
    let modes = remap::contexts();
    let Some(&context) = modes.iter().find(|c| remap::context_name(**c) == mode) else {
        let names: Vec<String> = modes.iter().map(|c| remap::context_name(*c)).collect();
        return Err((
            format!("no mode is named `{mode}`"),
            did_you_mean(
                mode,
                names.iter().cloned(),
                &format!("the modes are {}", names.join(", ")),
            ),
        ));
    };
    let bound: Vec<String> = (crate::app::keymap::builtin().rows().iter())
        .filter(|b| b.action == found)
        .map(|b| remap::context_name(b.context))
        .collect();
    if !bound.contains(&mode.to_string()) {
        return Err((
            format!("`{action}` has no keys in {mode}"),
            format!(
                "it has keys in {}; remap it there, or without a mode",
                bound.join(", ")
            ),
        ));
    }
    Ok((Some(context), found))
}

/// A key (`"j"`) or a list of keys (`["j", "Down"]`), each read by `keys::parse`.
fn key_list(
    source: &Source,
    entry: &Entry,
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<keys::Key>> {
    let value = entry.value;
    let items = match value.into_rust::<String>() {
        Ok(_) => Some(vec![value]),
        Err(_) => source.items(value),
    };
    let texts = items.and_then(|items| {
        items
            .into_iter()
            .map(|raw| raw.into_rust::<String>().ok().map(|t| (t, raw)))
            .collect::<Option<Vec<_>>>()
    });
    let Some(texts) = texts else {
        problems.push(bad(
            source.at(value.get_ron()),
            format!(
                "the keys of `{}` are {}, not a key or a list of keys",
                entry.name,
                shown(value)
            ),
            "write a key in quotes, e.g. \"j\", or a list, e.g. [\"j\", \"Down\"]",
        ));
        return None;
    };
    let mut keys = Vec::new();
    let mut fine = true;
    for (text, raw) in texts {
        match keys::parse(&text) {
            Ok(events) => {
                for k in events {
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
            Err(why) => {
                fine = false;
                problems.push(Diagnostic::error(
                    "unknown-key",
                    Element::At(source.at(raw.get_ron())),
                    format!("no key is named {text:?}: {why}"),
                    &format!("a key is {}", keys::SYNTAX),
                ));
            }
        }
    }
    fine.then_some(keys)
}
