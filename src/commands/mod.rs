//! The non-interactive commands. Each takes what it needs and a writer, so tests
//! run them without a process and output can be piped; each returns its exit code.

pub mod ask;
pub mod bench;
pub mod bench_cache;
pub mod bench_pictures;
pub mod cache;
pub mod chart;
pub mod check;
pub mod completions;
pub mod config;
pub mod export;
pub mod generate;
pub mod glance;
pub mod graph;
pub mod list;
pub mod memory;
pub mod note;
pub mod notes;
pub mod path;
pub mod pins;
pub mod progress;
pub mod search;
pub mod show;
pub mod snapshot;
pub mod timeline;

use std::io::{self, Write};

use crate::load::{DataSource, Loaded};

/// Exit codes shared by every command.
pub mod exit {
    /// Success: valid, found.
    pub const OK: u8 = 0;
    /// A clean "no": invalid dataset, no hit, no path.
    pub const NO: u8 = 1;
    /// Usage, input or I/O error.
    pub const ERROR: u8 = 2;
    /// The user stopped it (the loading screen's `q` or Ctrl-C), as a shell
    /// counts an interrupt: 128 + SIGINT.
    pub const CANCELLED: u8 = 130;
}

/// What every dataset command needs to know about how it was called.
#[derive(Debug, Clone)]
pub struct Env {
    pub source: DataSource,
    pub max_bytes: u64,
    /// Emphasis with terminal escapes: only when stdout is a terminal and NO_COLOR is unset.
    pub color: bool,
    /// The user's notes, pins and recent lookups (off with `--no-state`).
    pub store: crate::store::Store,
    /// Where large datasets are kept compiled (off with `--no-cache`).
    pub cache: crate::cache::Cache,
}

/// Loads the dataset for a command. A file that cannot be read or parsed is
/// reported and gives the exit code; a file with problems is used for what is
/// sound, with a one-line warning.
pub fn open(env: &Env, err: &mut impl Write) -> io::Result<Result<Opened, u8>> {
    let opened = said(progress::load(&env.source, env.max_bytes, &env.cache), err)?;
    Ok(opened.map(Opened))
}

/// A dataset opened by a command, which runs once and ends the process. A
/// large one is not freed piece by piece when the command is done: at a
/// million entities that took 0.45 s after the last line was written, while
/// the process's end gives all its memory back at once. A small one (the
/// built-in dataset, a test's) is freed as usual.
pub struct Opened(Loaded);

impl Opened {
    /// The loaded dataset itself, for a command that hands it on (and so
    /// lets whoever takes it free it).
    pub fn into_inner(mut self) -> Loaded {
        std::mem::replace(&mut self.0, Loaded::empty())
    }
}

impl std::ops::Deref for Opened {
    type Target = Loaded;
    fn deref(&self) -> &Loaded {
        &self.0
    }
}

impl std::ops::DerefMut for Opened {
    fn deref_mut(&mut self) -> &mut Loaded {
        &mut self.0
    }
}

impl Drop for Opened {
    fn drop(&mut self) {
        if self.0.dataset.len() >= crate::load::LEFT_FROM {
            std::mem::forget(std::mem::replace(&mut self.0, Loaded::empty()));
        }
    }
}

/// [`open`] telling `progress` how far it has got (the explorer's loading
/// screen draws it), with no bar of its own.
pub fn open_watched(
    env: &Env,
    progress: &crate::progress::Progress,
    err: &mut impl Write,
) -> io::Result<Result<Loaded, u8>> {
    said(
        crate::load::load_cached_watched(&env.source, env.max_bytes, &env.cache, progress),
        err,
    )
}

/// A load's result as [`open`] gives it, with what the user is told on `err`.
fn said(
    result: Result<Loaded, crate::data::LoadError>,
    err: &mut impl Write,
) -> io::Result<Result<Loaded, u8>> {
    match result {
        Ok(loaded) => {
            let (errors, warnings) = (loaded.errors(), loaded.warnings());
            if errors > 0 {
                // Counted as the explorer's banner counts them: every problem.
                let n = errors + warnings;
                let split = if warnings > 0 {
                    format!(
                        " ({errors} error{}, {warnings} warning{})",
                        if errors == 1 { "" } else { "s" },
                        if warnings == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                };
                writeln!(
                    err,
                    "warning: {n} problem{}{split} in {}; showing what is sound (run `clusterdex check` for details)",
                    if n == 1 { "" } else { "s" },
                    crate::text::clean(&loaded.name)
                )?;
            }
            Ok(Ok(loaded))
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(Err(if e.is_io() { exit::ERROR } else { exit::NO }))
        }
    }
}

/// Wraps the chars at `indices` of `text` in bold when `color` is on; always clean.
pub fn emphasise(text: &str, indices: &[usize], color: bool) -> String {
    if !color || indices.is_empty() {
        return crate::text::clean(text).into_owned();
    }
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        let safe = crate::text::clean(c.encode_utf8(&mut [0; 4])).into_owned();
        if indices.binary_search(&i).is_ok() {
            out.push_str("\u{1b}[1;4m");
            out.push_str(&safe);
            out.push_str("\u{1b}[22;24m");
        } else {
            out.push_str(&safe);
        }
    }
    out
}

/// Columns for a picture printed by a command: the terminal's, else `COLUMNS`,
/// else 100.
pub fn picture_width() -> u16 {
    crate::tui::stdout_width()
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .unwrap_or(100)
}

/// Writes pretty JSON and a newline, terminal-unsafe characters escaped
/// (see [`crate::json`]), keeping a closed pipe recognisable as one.
pub fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    crate::json::write_pretty(out, value)
}

/// Resolves a user's words to one entity (id, name or alias, or a clearly best
/// hit), or says on `err` why not: the candidates, or that nothing matches.
pub fn find(
    ds: &crate::model::Dataset,
    index: &crate::search::Index,
    words: &str,
    err: &mut impl Write,
) -> io::Result<Option<usize>> {
    use crate::search::{Resolution, resolve};
    use crate::text::{QUOTE_MAX, clean, quote};
    match resolve(ds, index, words) {
        Resolution::Found(e) => Ok(Some(e)),
        Resolution::Ambiguous(candidates) => {
            writeln!(
                err,
                "{} could mean several entities; did you mean:",
                quote(words)
            )?;
            for c in candidates {
                let e = ds.entity(c);
                writeln!(err, "  {}  {} ({})", clean(&e.id), clean(&e.name), e.kind)?;
            }
            Ok(None)
        }
        Resolution::NotFound => {
            // The hint repeats the words only when they are short enough to retype.
            let hint = if words.chars().count() <= QUOTE_MAX {
                format!("`clusterdex search {}`", clean(words))
            } else {
                "`clusterdex search` with a few of its words".to_string()
            };
            writeln!(err, "no entity matches {}; try {hint}", quote(words))?;
            Ok(None)
        }
    }
}
