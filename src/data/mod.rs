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
pub use read::read;

/// The built-in dataset, compiled into the binary so clusterdex works with no file.
pub const BUILTIN: &str = include_str!("../../assets/ecosystem.ron");

/// The name diagnostics use for the built-in dataset.
pub const BUILTIN_NAME: &str = "<built-in>/ecosystem.ron";

/// The built-in dataset's synonym groups (US and UK spellings, French and
/// English names of domain terms): search uses them with any dataset, and a
/// file's own `synonyms` add to them. Read from the built-in file once.
pub fn builtin_synonyms() -> &'static [Vec<String>] {
    static GROUPS: std::sync::LazyLock<Vec<Vec<String>>> = std::sync::LazyLock::new(|| {
        ron_parse_only(BUILTIN).map_or_else(|_| Vec::new(), |f| f.synonyms)
    });
    &GROUPS
}

/// A bare RON parse into the file structs, nothing else: the benchmark's yardstick.
pub fn ron_parse_only(text: &str) -> Result<FileDataset, ron::error::SpannedError> {
    parse::ron_options().from_str(text)
}
