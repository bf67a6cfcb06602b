//! Why a dataset could not be read at all. Every variant names the file and says
//! what to do; syntax errors quote the line with a caret under the column.

use std::path::{Path, PathBuf};

use crate::diagnostic::Position;
use crate::text::clean;

/// The file could not be read as a dataset. Each message starts with `error:`,
/// names the file (made terminal-safe), and ends with a hint.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(
        "error: cannot read {}: {source}\n  hint: check the path and that the file is readable",
        shown(path)
    )]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `size` is None when reading stopped at the limit (the file grew).
    #[error("{}", too_large(path, *size, *limit))]
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: u64,
    },
    /// A FIFO, a device, a directory...: only a regular file is read.
    #[error(
        "error: {} is {what}, not a regular file\n  hint: a dataset is a .ron text file; to read a stream, save it to a file first",
        shown(path)
    )]
    NotAFile { path: PathBuf, what: &'static str },
    /// There was not memory enough to hold the file.
    #[error(
        "error: {}: out of memory reading the file ({})\n  hint: free some memory, or pass a smaller --max-size to refuse such files at once",
        shown(path),
        human(*size)
    )]
    OutOfMemory { path: PathBuf, size: u64 },
    #[error(
        "error: {}: the file is empty\n  hint: a dataset is a RON tuple: (sources: [...], entities: [...], relations: [...])",
        shown(path)
    )]
    Empty { path: PathBuf },
    #[error(
        "error: {}: this is a binary file, not RON text (NUL byte at offset {offset})\n  hint: pass a .ron text file",
        shown(path)
    )]
    Binary { path: PathBuf, offset: usize },
    #[error(
        "error: {}:{position}: the file is not valid UTF-8 text\n  hint: save the file as UTF-8",
        shown(path)
    )]
    NotUtf8 { path: PathBuf, position: Position },
    /// A large file's bytes changed between two reads of the same load.
    #[error(
        "error: {} changed while it was being read\n  hint: load it again once it is saved",
        shown(path)
    )]
    Changed { path: PathBuf },
    #[error("{}", syntax(path, *position, message, line, hint))]
    Syntax {
        path: PathBuf,
        position: Position,
        message: String,
        line: String,
        hint: String,
    },
}

/// A path as messages show it: control characters from a file name escaped.
fn shown(path: &Path) -> String {
    clean(&path.display().to_string()).into_owned()
}

impl LoadError {
    /// Whether the file could not be read at all (exit 2), as opposed to read
    /// and found wanting (exit 1).
    pub fn is_io(&self) -> bool {
        matches!(
            self,
            LoadError::Io { .. }
                | LoadError::NotAFile { .. }
                | LoadError::OutOfMemory { .. }
                | LoadError::Changed { .. }
        )
    }
}

/// A size as people read it: bytes, KiB, MiB or GiB with one decimal (also
/// the progress shown while loading).
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} byte{}", if bytes == 1 { "" } else { "s" });
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// An exact count of bytes, with thousands separated: `1,048,577 bytes`.
fn exact(bytes: u64) -> String {
    let digits = bytes.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    format!("{out} bytes")
}

/// Two sizes that must read as different: exact bytes when rounding hides the gap.
fn apart(size: u64, limit: u64) -> (String, String) {
    let (a, b) = (human(size), human(limit));
    if a == b {
        (exact(size), exact(limit))
    } else {
        (a, b)
    }
}

/// Over the size limit: both sizes, told apart, or the limit the file grew past.
fn too_large(path: &Path, size: Option<u64>, limit: u64) -> String {
    let path = shown(path);
    let what = match size {
        Some(size) => {
            let (size, limit) = apart(size, limit);
            format!("error: {path}: the file is {size}, over the limit of {limit}")
        }
        None => format!(
            "error: {path}: the file grew past the limit of {} while it was read",
            human(limit)
        ),
    };
    what + "\n  hint: pass a larger --max-size (in MiB) if the file is meant to be this big"
}

/// A syntax error with the line quoted and a caret under the column.
fn syntax(path: &Path, position: Position, message: &str, line: &str, hint: &str) -> String {
    let number = position.line.to_string();
    let gutter = " ".repeat(number.len());
    let shown_line = clean(line);
    let caret_col: usize = shown_line
        .chars()
        .take(position.col.saturating_sub(1))
        .map(|c| crate::text::width(c.encode_utf8(&mut [0; 4])))
        .sum();
    let mut out = format!(
        "error: {}:{position}: {}\n {gutter} |\n {number} | {}\n {gutter} | {}^",
        shown(path),
        clean(message),
        crate::text::truncate(&shown_line, 200),
        " ".repeat(caret_col.min(200))
    );
    if !hint.is_empty() {
        out.push_str("\n  hint: ");
        out.push_str(hint);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn an_io_error_is_the_source_of_the_load_error() {
        let e = LoadError::Io {
            path: PathBuf::from("d.ron"),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        };
        assert_eq!(
            e.source().map(|s| s.to_string()).as_deref(),
            Some("no such file")
        );
        assert!(
            e.to_string()
                .starts_with("error: cannot read d.ron: no such file\n")
        );
    }
}
