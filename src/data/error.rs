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
    #[error(
        "error: {}: the file is {}, over the {} limit\n  hint: pass a larger --max-size (in MiB) if the file is meant to be this big",
        shown(path),
        mib(*size),
        mib(*limit)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
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

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
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
