//! Posting lists of the trigrams of each entity's prose (descriptions and fact
//! values), so that a word of three letters or more finds the entities whose
//! prose may hold it by reading a few lists instead of all the prose. Bytes
//! are folded to 38 symbols (a-z, 0-9, space, anything else), so a list is a
//! superset of the entities that hold a trigram: each candidate's prose is
//! then searched, and what is found is exactly what a pass over all prose
//! finds. Each list is the ascending entity numbers as LEB128 gaps, sized in
//! a first pass, so building takes no memory beyond the lists themselves and
//! three small tables.

/// a-z, 0-9, space, and one symbol for every other byte.
const SYMBOLS: usize = 38;
const TRIGRAMS: usize = SYMBOLS * SYMBOLS * SYMBOLS;

#[derive(Debug, Default)]
pub struct Trigrams {
    /// `starts[t]..starts[t + 1]` is trigram t's list in `lists`.
    starts: Vec<u32>,
    lists: Vec<u8>,
}

fn symbol(b: u8) -> usize {
    match b {
        b'a'..=b'z' => (b - b'a') as usize,
        b'0'..=b'9' => 26 + (b - b'0') as usize,
        b' ' => 36,
        _ => 37,
    }
}

/// The trigram numbers of `bytes`, in order (with repeats).
fn trigrams(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .windows(3)
        .map(|w| (symbol(w[0]) * SYMBOLS + symbol(w[1])) * SYMBOLS + symbol(w[2]))
}

fn gap_len(mut gap: u32) -> u32 {
    let mut n = 1;
    while gap >= 0x80 {
        gap >>= 7;
        n += 1;
    }
    n
}

fn put_gap(out: &mut [u8], mut at: usize, mut gap: u32) -> usize {
    while gap >= 0x80 {
        out[at] = (gap as u8 & 0x7f) | 0x80;
        gap >>= 7;
        at += 1;
    }
    out[at] = gap as u8;
    at + 1
}

impl Trigrams {
    /// The lists of `prose`, whose entities start at `owners` ((offset,
    /// entity), both ascending).
    pub fn new(prose: &[u8], owners: &[(u32, u32)]) -> Trigrams {
        let each = || {
            owners.iter().enumerate().map(|(k, &(from, e))| {
                let to = owners.get(k + 1).map_or(prose.len(), |o| o.0 as usize);
                (e, &prose[from as usize..to])
            })
        };
        // One pass for the size of each list, one to write them; `last` is
        // the last entity written to a list, plus one (0: none yet).
        let mut last = vec![0u32; TRIGRAMS];
        let mut sizes = vec![0u32; TRIGRAMS];
        for (e, text) in each() {
            for t in trigrams(text) {
                if last[t] != e + 1 {
                    sizes[t] += gap_len(e + 1 - last[t]);
                    last[t] = e + 1;
                }
            }
        }
        let mut starts = Vec::with_capacity(TRIGRAMS + 1);
        let mut total = 0u32;
        for &size in &sizes {
            starts.push(total);
            total += size;
        }
        starts.push(total);
        let mut lists = vec![0u8; total as usize];
        last.fill(0);
        let mut at = sizes;
        at.copy_from_slice(&starts[..TRIGRAMS]);
        for (e, text) in each() {
            for t in trigrams(text) {
                if last[t] != e + 1 {
                    at[t] = put_gap(&mut lists, at[t] as usize, e + 1 - last[t]) as u32;
                    last[t] = e + 1;
                }
            }
        }
        Trigrams { starts, lists }
    }

    fn list(&self, t: usize) -> &[u8] {
        &self.lists[self.starts[t] as usize..self.starts[t + 1] as usize]
    }

    /// The entities whose prose may hold `word` (ascending): those on every
    /// list of its trigrams. `None` for a word shorter than three bytes.
    pub fn candidates(&self, word: &[u8]) -> Option<Vec<u32>> {
        let mut ids: Vec<usize> = trigrams(word).collect();
        if ids.is_empty() {
            return None;
        }
        ids.sort_unstable();
        ids.dedup();
        // The shortest list first: the rest only narrow it.
        ids.sort_by_key(|&t| self.list(t).len());
        let mut kept = decode(self.list(ids[0]));
        for &t in &ids[1..] {
            if kept.is_empty() {
                break;
            }
            let other = decode(self.list(t));
            let mut k = 0;
            kept.retain(|&e| {
                k += other[k..].partition_point(|&o| o < e);
                other.get(k) == Some(&e)
            });
        }
        Some(kept)
    }

    /// Heap bytes held.
    pub fn bytes(&self) -> usize {
        self.starts.capacity() * 4 + self.lists.capacity()
    }
}

/// A list's entity numbers.
fn decode(list: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(list.len());
    let (mut last, mut gap, mut shift) = (0u32, 0u32, 0);
    for &b in list {
        gap |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            last += gap;
            out.push(last - 1);
            (gap, shift) = (0, 0);
        } else {
            shift += 7;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_the_entities_whose_prose_holds_every_trigram() {
        // Entities 0, 3 and 200 have prose; 200 needs a two-byte gap.
        let prose = "lyon biotech\nmedical devices in lyon\nlyonnaise cuisine\n";
        let owners = [(0, 0), (13, 3), (37, 200)];
        let t = Trigrams::new(prose.as_bytes(), &owners);
        assert_eq!(t.candidates(b"lyon"), Some(vec![0, 3, 200]));
        assert_eq!(t.candidates(b"med"), Some(vec![3]));
        assert_eq!(t.candidates(b"lyonn"), Some(vec![200]));
        assert_eq!(t.candidates(b"zzq"), Some(vec![]));
        assert_eq!(t.candidates(b"ly"), None, "too short for a trigram");
        // Any byte beyond the 37 symbols stands for all of them: a superset.
        assert_eq!(t.candidates("é".as_bytes()), None);
        assert_eq!(
            t.candidates(b"n\nm"),
            Some(vec![]),
            "no trigram crosses entities"
        );
    }
}
