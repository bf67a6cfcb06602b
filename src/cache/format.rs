//! The bytes of a cache file. A cache file is untrusted input, like a
//! dataset: it may be truncated by a crash, damaged on disk, written by
//! another version, or not ours at all. So it opens with a fixed header that
//! names the format and its own checksum, then a small header (what file,
//! which program, how long and what checksum the rest has), then the payload:
//! the built dataset and its search index (see [`crate::cache::payload`]).
//! Every check fails into [`Bad`], never a panic.
//!
//! ```text
//! "CDXCACHE"  format u32  header_len u32  header_sum u64   (24 bytes, little-endian)
//! header (postcard)                                        (header_len bytes)
//! payload                                                  (payload_len bytes)
//! ```

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::cache::parts;
use crate::cache::payload::whole;
pub use crate::cache::payload::{
    Model, Parts, Payload, decode_head, decode_payload, encode_parts, encode_payload, join,
};
use crate::model::Dataset;
use crate::search::Index;

const MAGIC: &[u8; 8] = b"CDXCACHE";

/// Bumped whenever the payload's layout changes.
pub const FORMAT: u32 = 9;

/// Length of the fixed part before the header.
const FIXED: usize = 24;

/// A header longer than this is not one of ours (a path and a version).
const MAX_HEADER: usize = 64 * 1024;

/// Why a cache file was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bad(pub &'static str);

impl std::fmt::Display for Bad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// What a cache file says about itself: enough to list it and to know it is
/// the one wanted before its payload is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// xxh3-128 of the dataset file's bytes.
    pub content: u128,
    /// The program that wrote it (see [`super::program_id`]).
    pub program: String,
    /// The dataset file as it was named when the cache was written.
    pub source: String,
    pub entities: u64,
    /// How many sources the dataset has: what an entity read alone is
    /// checked against (`cache/glance.rs`).
    pub sources: u64,
    pub payload_len: u64,
    /// xxh3-64 of the payload's table of parts, which holds each part's
    /// checksum (`cache/parts.rs`).
    pub payload_sum: u64,
}

/// The whole file for a dataset and its index.
pub fn encode(content: u128, program: &str, source: &str, ds: &Dataset, index: &Index) -> Vec<u8> {
    pieces(content, program, source, ds, index).concat()
}

/// The file for a dataset and its index in the pieces it is written in:
/// the fixed part with the header, the table of parts, then each part.
pub fn pieces(
    content: u128,
    program: &str,
    source: &str,
    ds: &Dataset,
    index: &Index,
) -> Vec<Vec<u8>> {
    let parts = encode_parts(ds, index);
    let table = parts::table_of(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>());
    let header = Header {
        content,
        program: program.to_string(),
        source: source.to_string(),
        entities: ds.len() as u64,
        sources: ds.sources.len() as u64,
        payload_len: (table.len() + parts.iter().map(Vec::len).sum::<usize>()) as u64,
        payload_sum: xxh3_64(&table),
    };
    let head = postcard::to_allocvec(&header).unwrap_or_default();
    let mut start = Vec::with_capacity(FIXED + head.len());
    start.extend_from_slice(MAGIC);
    start.extend_from_slice(&FORMAT.to_le_bytes());
    start.extend_from_slice(&(head.len() as u32).to_le_bytes());
    start.extend_from_slice(&xxh3_64(&head).to_le_bytes());
    start.extend_from_slice(&head);
    [start, table].into_iter().chain(parts).collect()
}

/// How long the fixed part and the header of a file are: the bytes
/// [`header`] needs, once the first `FIXED` are known.
pub fn header_end(start: &[u8]) -> Result<usize, Bad> {
    let fixed = start.get(..FIXED).ok_or(Bad("shorter than a header"))?;
    if &fixed[..8] != MAGIC {
        return Err(Bad("not a clusterdex cache file"));
    }
    if u32_at(fixed, 8) != FORMAT {
        return Err(Bad("written in another format"));
    }
    let len = u32_at(fixed, 12) as usize;
    if len > MAX_HEADER {
        return Err(Bad("header too long"));
    }
    Ok(FIXED + len)
}

/// The header of a file, checked against its checksum, and where the payload starts.
pub fn header(bytes: &[u8]) -> Result<(Header, usize), Bad> {
    let end = header_end(bytes)?;
    let head = bytes.get(FIXED..end).ok_or(Bad("truncated header"))?;
    let sum = u64::from_le_bytes(bytes[16..24].try_into().map_err(|_| Bad("header"))?);
    if xxh3_64(head) != sum {
        return Err(Bad("header checksum does not match"));
    }
    let header: Header = whole(head).ok_or(Bad("header does not decode"))?;
    Ok((header, end))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(b)
}
