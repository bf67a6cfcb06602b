//! The settings file, `$XDG_CONFIG_HOME/clusterdex/config.ron`: the default
//! dataset, the theme, the mouse and key remaps. It is read, never written
//! (`config default` prints a commented one to start from). Every problem is
//! reported with its `line:col` and a hint; a file with any problem is not
//! used at all, so that the explorer starts with the defaults, never refuses
//! to start, and never half-applies a file.

pub mod default;
pub mod keys;
pub mod parse;
pub mod remap;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use ron::value::RawValue;

use crate::diagnostic::{self, Diagnostic, Position};
use crate::ui::ThemeName;
use parse::{Entry, Source, shown};
use remap::Remap;

/// The settings a file gives; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub data: Option<PathBuf>,
    pub theme: Option<ThemeName>,
    pub mouse: Option<bool>,
    pub remaps: Vec<Remap>,
}

/// A config file as found: where, what it gives, what is wrong with it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub path: PathBuf,
    /// Whether there was a file at all.
    pub exists: bool,
    /// The settings to use: the defaults when there is any problem.
    pub config: Config,
    pub problems: Vec<Diagnostic>,
}

impl Loaded {
    /// The one line the explorer shows, and commands warn with, when the file
    /// has problems.
    pub fn banner(&self) -> Option<String> {
        let n = self.problems.len();
        (n > 0).then(|| {
            format!(
                "{} has {n} problem{}; using the defaults (run `clusterdex config check`)",
                self.path.display(),
                if n == 1 { "" } else { "s" }
            )
        })
    }
}

impl Loaded {
    /// The banner cut for a status line: without the path.
    pub fn short_banner(&self) -> Option<String> {
        let n = self.problems.len();
        (n > 0).then(|| {
            format!(
                "config: {n} problem{}, defaults used (clusterdex config check)",
                if n == 1 { "" } else { "s" }
            )
        })
    }
}

/// Reads and checks the file at `path`; a missing file gives the defaults.
pub fn load(path: &Path) -> Loaded {
    let mut loaded = Loaded {
        path: path.to_path_buf(),
        ..Loaded::default()
    };
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return loaded,
        Err(e) => {
            loaded.exists = true;
            loaded.problems.push(Diagnostic::error(
                "unreadable",
                None,
                format!("cannot read the file: {e}"),
                "check its permissions, or remove it to use the defaults",
            ));
            return loaded;
        }
    };
    loaded.exists = true;
    let Ok(text) = std::str::from_utf8(&text) else {
        loaded.problems.push(Diagnostic::error(
            "syntax",
            None,
            "the file is not UTF-8 text".to_string(),
            "save it as UTF-8",
        ));
        return loaded;
    };
    let (config, problems) = check(text, path.parent().unwrap_or(Path::new(".")));
    if problems.is_empty() {
        loaded.config = config;
    }
    loaded.problems = problems;
    loaded
}

const SETTINGS: &[&str] = &["data", "theme", "mouse", "keys"];

/// Checks a config's text: the settings it gives and every problem, in file
/// order. Relative dataset paths are taken from `dir`, the file's folder.
pub fn check(text: &str, dir: &Path) -> (Config, Vec<Diagnostic>) {
    let source = Source { text };
    let mut config = Config::default();
    let mut problems = Vec::new();
    let entries = match source.entries(text) {
        Ok(e) => e,
        Err((position, message)) => {
            let hint = "settings go in parentheses, e.g. (theme: \"light\"); `clusterdex config default` prints a complete file";
            problems.push(Diagnostic::error(
                "syntax",
                Some(position),
                format!("the file does not parse: {message}"),
                hint,
            ));
            return (config, problems);
        }
    };
    let mut seen: Vec<&str> = Vec::new();
    for entry in &entries {
        let at = source.at(entry.name);
        if seen.contains(&entry.name) {
            problems.push(bad(
                at,
                format!("`{}` is set twice", entry.name),
                "keep one of them",
            ));
            continue;
        }
        seen.push(entry.name);
        let value = entry.value;
        let value_at = source.at(value.get_ron());
        match entry.name {
            "data" => match data_path(value, dir) {
                Ok(p) => config.data = p,
                Err((m, h)) => problems.push(bad(value_at, m, &h)),
            },
            "theme" => match theme(value) {
                Some(t) => config.theme = Some(t),
                None => problems.push(bad(
                    value_at,
                    format!(
                        "the theme {} is neither \"dark\" nor \"light\"",
                        shown(value)
                    ),
                    "write theme: \"dark\" or theme: \"light\"",
                )),
            },
            "mouse" => match value.into_rust::<bool>() {
                Ok(m) => config.mouse = Some(m),
                Err(_) => problems.push(bad(
                    value_at,
                    format!("mouse is {}, not true or false", shown(value)),
                    "write mouse: true or mouse: false",
                )),
            },
            "keys" => config.remaps = remaps(&source, value, &mut problems),
            other => problems.push(Diagnostic::error(
                "unknown-setting",
                Some(at),
                format!("there is no setting named `{other}`"),
                &did_you_mean(
                    other,
                    SETTINGS.iter().map(|s| s.to_string()),
                    "the settings are data, theme, mouse and keys",
                ),
            )),
        }
    }
    for clash in remap::clashes(&config.remaps) {
        let at = config.remaps[clash.remap].position;
        problems.push(Diagnostic::error(
            "key-bound-twice",
            Some(at),
            clash.message,
            &clash.hint,
        ));
    }
    diagnostic::sort(&mut problems);
    (config, problems)
}

fn bad(at: Position, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error("bad-value", Some(at), message, hint)
}

/// "did you mean `x`?" when one candidate is close, else the fallback hint.
fn did_you_mean(word: &str, candidates: impl Iterator<Item = String>, otherwise: &str) -> String {
    let best = candidates
        .map(|c| (strsim::jaro_winkler(word, &c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, c)) => format!("did you mean `{c}`? ({otherwise})"),
        None => otherwise.to_string(),
    }
}

fn theme(value: &RawValue) -> Option<ThemeName> {
    let word = value
        .into_rust::<String>()
        .ok()
        .unwrap_or_else(|| shown(value));
    match word.to_ascii_lowercase().as_str() {
        "dark" => Some(ThemeName::Dark),
        "light" => Some(ThemeName::Light),
        _ => None,
    }
}

/// The dataset path: a string (`~/` is the home folder, a relative path is
/// relative to the config's folder) or `None`; the file must exist.
fn data_path(value: &RawValue, dir: &Path) -> Result<Option<PathBuf>, (String, String)> {
    let text = match value.into_rust::<String>() {
        Ok(t) => Some(t),
        Err(_) => value.into_rust::<Option<String>>().map_err(|_| {
            (
                format!("data is {}, not a path", shown(value)),
                "write the path in quotes, e.g. data: \"~/clusters/ecosystem.ron\", or None for the built-in dataset".to_string(),
            )
        })?,
    };
    let Some(text) = text else { return Ok(None) };
    let path = match text.strip_prefix("~/") {
        Some(rest) => etcetera::home_dir().map_or_else(|_| PathBuf::from(&text), |h| h.join(rest)),
        None => dir.join(&text),
    };
    if path.is_file() {
        Ok(Some(path))
    } else {
        Err((
            format!("data names {}, where there is no file", path.display()),
            "correct the path (a relative one starts from the config's folder), or write None for the built-in dataset".to_string(),
        ))
    }
}

/// The `keys` map: each entry's action (and mode) and keys, checked.
fn remaps(source: &Source, value: &RawValue, problems: &mut Vec<Diagnostic>) -> Vec<Remap> {
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
                Some(at),
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
    let bound: Vec<String> = crate::app::keymap::BINDINGS
        .iter()
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
                    Some(source.at(raw.get_ron())),
                    format!("no key is named {text:?}: {why}"),
                    &format!("a key is {}", keys::SYNTAX),
                ));
            }
        }
    }
    fine.then_some(keys)
}
