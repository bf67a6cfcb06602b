//! The dataset file: the RON format, reading and parsing it safely, and the
//! built-in dataset embedded in the binary. The only module that uses `ron`.

pub mod error;
pub mod format;
mod lex;
pub mod parse;
mod read;
pub mod spans;
pub mod split;
mod token;

pub use error::LoadError;
pub use format::FileDataset;
pub use parse::{DEFAULT_MAX_BYTES, decode, parse, split_large, strip_bom, to_ron};
pub use read::{open_checked, read, read_open};

/// The built-in dataset, compiled into the binary so clusterdex works with no file.
pub const BUILTIN: &str = include_str!("../../assets/ecosystem.ron");

/// The name diagnostics use for the built-in dataset.
pub const BUILTIN_NAME: &str = "<built-in>/ecosystem.ron";

/// The built-in dataset's synonym groups read from its text: what search
/// uses with any dataset when the build could not compile the built-in one
/// (see `crate::cache::builtin`, which the program reads them from).
pub fn builtin_synonyms() -> Vec<Vec<String>> {
    ron_parse_only(BUILTIN).map_or_else(|_| Vec::new(), |f| f.synonyms)
}

/// A bare RON parse into the file structs, nothing else: the benchmark's yardstick.
pub fn ron_parse_only(text: &str) -> Result<FileDataset, ron::error::SpannedError> {
    parse::ron_options().from_str(text)
}
