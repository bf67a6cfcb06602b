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
    /// `size` is None when reading stopped at the limit (the file grew).
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: u64,
    },
    /// A FIFO, a device, a directory...: only a regular file is read.
    NotAFile {
        path: PathBuf,
        what: &'static str,
    },
    /// There was not memory enough to hold the file.
    OutOfMemory {
        path: PathBuf,
        size: u64,
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

impl LoadError {
    /// Whether the file could not be read at all (exit 2), as opposed to read
    /// and found wanting (exit 1).
    pub fn is_io(&self) -> bool {
        matches!(
            self,
            LoadError::Io { .. } | LoadError::NotAFile { .. } | LoadError::OutOfMemory { .. }
        )
    }
}

/// A size as people read it: bytes, KiB, MiB or GiB with one decimal.
fn human(bytes: u64) -> String {
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

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, source } => write!(
                f,
                "error: cannot read {}: {}\n  hint: check the path and that the file is readable",
                clean(&path.display().to_string()),
                source
            ),
            LoadError::TooLarge { path, size, limit } => {
                let path = clean(&path.display().to_string()).into_owned();
                match size {
                    Some(size) => {
                        let (size, limit) = apart(*size, *limit);
                        write!(
                            f,
                            "error: {path}: the file is {size}, over the limit of {limit}"
                        )?
                    }
                    None => write!(
                        f,
                        "error: {path}: the file grew past the limit of {} while it was read",
                        human(*limit)
                    )?,
                }
                write!(
                    f,
                    "\n  hint: pass a larger --max-size (in MiB) if the file is meant to be this big"
                )
            }
            LoadError::NotAFile { path, what } => write!(
                f,
                "error: {} is {what}, not a regular file\n  hint: a dataset is a .ron text file; to read a stream, save it to a file first",
                clean(&path.display().to_string())
            ),
            LoadError::OutOfMemory { path, size } => write!(
                f,
                "error: {}: out of memory reading the file ({})\n  hint: free some memory, or pass a smaller --max-size to refuse such files at once",
                clean(&path.display().to_string()),
                human(*size)
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
