//! Why a dataset could not be read at all. Every variant names the file and says
//! what to do; syntax errors quote the line with a caret under the column.

use std::fmt;
use std::path::PathBuf;

use crate::diagnostic::Position;
use crate::text::clean;

#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    Empty {
        path: PathBuf,
    },
    Binary {
        path: PathBuf,
        offset: usize,
    },
    NotUtf8 {
        path: PathBuf,
        position: Position,
    },
    Syntax {
        path: PathBuf,
        position: Position,
        message: String,
        line: String,
        hint: String,
    },
}

impl std::error::Error for LoadError {}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, source } => write!(
                f,
                "error: cannot read {}: {}\n  hint: check the path and that the file is readable",
                clean(&path.display().to_string()),
                source
            ),
            LoadError::TooLarge { path, size, limit } => write!(
                f,
                "error: {}: the file is {}, over the {} limit\n  hint: pass a larger --max-size (in MiB) if the file is meant to be this big",
                clean(&path.display().to_string()),
                mib(*size),
                mib(*limit)
            ),
            LoadError::Empty { path } => write!(
                f,
                "error: {}: the file is empty\n  hint: a dataset is a RON tuple: (sources: [...], entities: [...], relations: [...])",
                clean(&path.display().to_string())
            ),
            LoadError::Binary { path, offset } => write!(
                f,
                "error: {}: this is a binary file, not RON text (NUL byte at offset {offset})\n  hint: pass a .ron text file",
                clean(&path.display().to_string())
            ),
            LoadError::NotUtf8 { path, position } => write!(
                f,
                "error: {}:{position}: the file is not valid UTF-8 text\n  hint: save the file as UTF-8",
                clean(&path.display().to_string())
            ),
            LoadError::Syntax {
                path,
                position,
                message,
                line,
                hint,
            } => {
                let number = position.line.to_string();
                let gutter = " ".repeat(number.len());
                let shown = clean(line);
                let caret_col: usize = shown
                    .chars()
                    .take(position.col.saturating_sub(1))
                    .map(|c| crate::text::width(c.encode_utf8(&mut [0; 4])))
                    .sum();
                write!(
                    f,
                    "error: {}:{position}: {}\n {gutter} |\n {number} | {}\n {gutter} | {}^",
                    clean(&path.display().to_string()),
                    clean(message),
                    crate::text::truncate(&shown, 200),
                    " ".repeat(caret_col.min(200))
                )?;
                if !hint.is_empty() {
                    write!(f, "\n  hint: {hint}")?;
                }
                Ok(())
            }
        }
    }
}
