//! The table that opens a payload: how many parts, and each part's length
//! and checksum. A part is found without reading the ones before it, and is
//! checked by the thread that reads and decodes it (`parted.rs`); a one-off lookup
//! (`cache/glance.rs`) reads and checks only the parts it needs. The
//! header's payload checksum is the table's, so the table vouches for every
//! part.
//!
//! ```text
//! parts u32, then each part's length u64 and xxh3-64 u64    (little-endian)
//! ```

use xxhash_rust::xxh3::xxh3_64;

use crate::cache::format::Bad;

const BAD_TABLE: Bad = Bad("payload does not decode");

/// A payload of these parts: the table, then the parts.
pub fn join(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = table_of(parts);
    out.reserve_exact(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.extend_from_slice(part);
    }
    out
}

/// The table of these parts, what comes before them in a payload.
pub fn table_of(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(table_len(parts.len()));
    out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
    for part in parts {
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
        out.extend_from_slice(&xxh3_64(part).to_le_bytes());
    }
    out
}

/// The bytes of a table of `count` parts.
pub fn table_len(count: usize) -> usize {
    4 + 16 * count
}

/// How many parts a payload's first bytes say it has: at least a head and an
/// index, and no more than `payload_len` bytes could hold.
pub fn count(first: &[u8], payload_len: u64) -> Result<usize, Bad> {
    let (count, _) = first.split_first_chunk::<4>().ok_or(BAD_TABLE)?;
    let count = u32::from_le_bytes(*count) as usize;
    if count < 2 || table_len(count) as u64 > payload_len {
        return Err(BAD_TABLE);
    }
    Ok(count)
}

/// Each part's length and checksum, from a whole table.
pub fn entries(table: &[u8]) -> Vec<(u64, u64)> {
    let le = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
    (table.get(4..).unwrap_or_default().chunks_exact(16))
        .map(|e| (le(&e[..8]), le(&e[8..])))
        .collect()
}

/// The table of a payload: its bytes (what the header's checksum is over).
pub fn table(body: &[u8]) -> Result<&[u8], Bad> {
    let count = count(body, body.len() as u64)?;
    Ok(&body[..table_len(count)])
}

/// A payload's parts, by its table, their lengths adding up to the payload's
/// (their checksums are the reader's: `parted.rs` checks each part it reads).
pub fn split(body: &[u8]) -> Result<Vec<&[u8]>, Bad> {
    let table = table(body)?;
    let mut data = &body[table.len()..];
    let mut parts = Vec::new();
    for (len, _) in entries(table) {
        let len = usize::try_from(len).map_err(|_| BAD_TABLE)?;
        let (bytes, after) = data.split_at_checked(len).ok_or(BAD_TABLE)?;
        parts.push(bytes);
        data = after;
    }
    if data.is_empty() {
        Ok(parts)
    } else {
        Err(BAD_TABLE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_come_back_whole_each_with_its_checksum_in_the_table() {
        let body = join(&[b"head", b"", b"index"]);
        let parts = split(&body).expect("splits");
        assert_eq!(parts, [&b"head"[..], b"", b"index"]);
        let sums: Vec<u64> = entries(table(&body).expect("a table"))
            .iter()
            .map(|e| e.1)
            .collect();
        assert_eq!(sums, parts.iter().map(|p| xxh3_64(p)).collect::<Vec<_>>());
    }

    #[test]
    fn a_table_that_does_not_add_up_is_refused() {
        let body = join(&[b"head", b"index"]);
        assert!(split(&body[..body.len() - 1]).is_err(), "cut short");
        let mut longer = body.clone();
        longer.push(0);
        assert!(split(&longer).is_err(), "bytes past the parts");
        for claim in [0u32, 1, 9, u32::MAX] {
            let mut bad = body.clone();
            bad[..4].copy_from_slice(&claim.to_le_bytes());
            assert!(split(&bad).is_err(), "{claim} parts");
        }
    }
}
