//! The settings file, `$XDG_CONFIG_HOME/clusterdex/config.ron`: the default
//! dataset, the theme, the mouse and key remaps. It is read, never written
//! (`config default` prints a commented one to start from). Every problem is
//! reported with its `line:col` and a hint; a file with any problem is not
//! used at all, so that the explorer starts with the defaults, never refuses
//! to start, and never half-applies a file.

pub mod bindings;
pub mod default;
pub mod keys;
pub mod parse;
pub mod remap;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use ron::value::RawValue;

use crate::diagnostic::{self, Diagnostic, Element, Position};
use crate::ui::ThemeName;
use parse::{Source, shown};
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
                Element::File,
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
            Element::File,
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
                Element::At(position),
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
        setting(&source, entry, dir, &mut config, &mut problems);
    }
    for clash in remap::clashes(&config.remaps) {
        let at = config.remaps[clash.remap].position;
        problems.push(Diagnostic::error(
            "key-bound-twice",
            Element::At(at),
            clash.message,
            &clash.hint,
        ));
    }
    diagnostic::sort(&mut problems);
    (config, problems)
}

/// One setting read into `config`, or its problem.
fn setting(
    source: &Source,
    entry: &parse::Entry,
    dir: &Path,
    config: &mut Config,
    problems: &mut Vec<Diagnostic>,
) {
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
        "keys" => config.remaps = bindings::remaps(source, value, problems),
        other => problems.push(Diagnostic::error(
            "unknown-setting",
            Element::At(source.at(entry.name)),
            format!("there is no setting named `{other}`"),
            &did_you_mean(
                other,
                SETTINGS.iter().map(|s| s.to_string()),
                "the settings are data, theme, mouse and keys",
            ),
        )),
    }
}

pub(crate) fn bad(at: Position, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error("bad-value", Element::At(at), message, hint)
}

/// "did you mean `x`?" when one candidate is close, else the fallback hint.
pub(crate) fn did_you_mean(
    word: &str,
    candidates: impl Iterator<Item = String>,
    otherwise: &str,
) -> String {
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
