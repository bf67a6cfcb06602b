//! The non-interactive commands. Each takes what it needs and a writer, so tests
//! run them without a process and output can be piped; each returns its exit code.

pub mod check;
pub mod generate;

/// Exit codes shared by every command.
pub mod exit {
    /// Success: valid, found.
    pub const OK: u8 = 0;
    /// A clean "no": invalid dataset, no hit, no path.
    pub const NO: u8 = 1;
    /// Usage, input or I/O error.
    pub const ERROR: u8 = 2;
}
