//! The built-in dataset in compiled form: `build.rs` parses, checks and
//! indexes `assets/ecosystem.ron` when the program is built and writes the
//! cache's payload, embedded here. Looking something up in the built-in
//! dataset then decodes it (well under a millisecond) instead of parsing
//! RON at every start. The bytes go through the same checks as a cache file
//! read from disk, so a mistake in the build cannot reach a search.
//!
//! When the build found a problem in the built-in dataset it embedded
//! nothing: [`load`] gives `None` and the caller parses the text, so the
//! problem is shown where it is.

use std::sync::LazyLock;

use super::{check, format};
use crate::model::Dataset;
use crate::search::Index;

/// The payload `build.rs` wrote, or nothing.
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.cdx"));

/// The built-in dataset and its index, when the build compiled them.
pub fn load() -> Option<(Dataset, Index)> {
    if COMPILED.is_empty() {
        return None;
    }
    let payload = format::decode_payload(COMPILED).ok()?;
    check::into_loaded(payload).ok()
}

/// The built-in dataset's synonym groups (US and UK spellings, French and
/// English names of domain terms), which search uses with any dataset
/// beside a file's own. Decoded once; parsed from the text only when the
/// build compiled nothing.
pub fn synonyms() -> &'static [Vec<String>] {
    static GROUPS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
        let head = (!COMPILED.is_empty()).then(|| format::decode_head(COMPILED).ok());
        match head.flatten() {
            Some(head) => head.synonyms,
            None => crate::data::builtin_synonyms(),
        }
    });
    &GROUPS
}
