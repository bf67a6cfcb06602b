//! The built-in dataset in compiled form: `build.rs` parses, checks and
//! indexes `assets/ecosystem.ron` when the program is built and writes it
//! as a cache file would be written, header and all, embedded here. Looking
//! something up in the built-in dataset then decodes it (well under a
//! millisecond) instead of parsing RON at every start, and a one-off
//! `search` decodes only the index and the entities it prints ([`glance`]).
//! The bytes go through the same checks as a cache file read from disk
//! (the index's offsets, each entity's references), so a mistake in the
//! build cannot reach a search; only their checksums are not taken again,
//! since the build took them from these very bytes (a test holds the bytes
//! to them).
//!
//! When the build found a problem in the built-in dataset it embedded
//! nothing: [`load`] gives `None` and the caller parses the text, so the
//! problem is shown where it is.

use std::sync::LazyLock;

use super::glance::Glance;
use super::{check, format};
use crate::model::Dataset;
use crate::search::Index;

/// The file `build.rs` wrote, or nothing.
pub(super) static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.cdx"));

/// The payload after the header, when the build compiled one.
fn payload() -> Option<&'static [u8]> {
    if COMPILED.is_empty() {
        return None;
    }
    let (_, at) = format::header(COMPILED).ok()?;
    COMPILED.get(at..)
}

/// The built-in dataset and its index, when the build compiled them.
pub fn load() -> Option<(Dataset, Index)> {
    let payload = format::decode_payload(payload()?).ok()?;
    check::into_loaded(payload).ok()
}

/// The built-in dataset's index, its entities left to be decoded one by one,
/// when the build compiled them.
pub fn glance() -> Option<Glance> {
    if COMPILED.is_empty() {
        return None;
    }
    Glance::embedded(COMPILED).ok()
}

/// The built-in dataset's synonym groups (US and UK spellings, French and
/// English names of domain terms), which search uses with any dataset
/// beside a file's own. Decoded once; parsed from the text only when the
/// build compiled nothing.
pub fn synonyms() -> &'static [Vec<String>] {
    static GROUPS: LazyLock<Vec<Vec<String>>> =
        LazyLock::new(
            || match payload().and_then(|p| format::decode_head(p).ok()) {
                Some(head) => head.synonyms,
                None => crate::data::builtin_synonyms(),
            },
        );
    &GROUPS
}
