//! Parses a large dataset file on every core. A file is a short head (title,
//! sources) and two long lists (entities, relations); a light lexer finds where
//! each list item ends, the lists are cut into pieces of whole items, and each
//! piece parses on its own while the head parses without them. Anything the
//! lexer is unsure of (extension attributes, a repeated list, an odd token)
//! returns `None`, and so does any piece that fails: the caller then parses the
//! whole file at once, so that every error message is the one a plain parse
//! gives, with its true line and column.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::de::DeserializeOwned;

use super::format::{FileDataset, FileEntity, FileRelation};

/// Where a list's items lie: the byte after its `[`, its `]`, and the commas
/// that end an item (a comma right after a `)` at the list's own depth).
#[derive(Debug, Default, Clone)]
struct List {
    open: usize,
    close: usize,
    cuts: Vec<usize>,
}

/// The two lists of a file, found by [`scan`].
#[derive(Debug, Default)]
struct Layout {
    entities: Option<List>,
    relations: Option<List>,
}

/// The end of the string, raw string or char literal starting at `i`, if it is one.
fn skip_literal(b: &[u8], i: usize) -> Option<Option<usize>> {
    let find_quote = |mut j: usize, quote: u8| {
        // Strings are half of a dataset's bytes: jump from quote or backslash to the next.
        while let Some(k) = memchr::memchr2(quote, b'\\', &b[j.min(b.len())..]) {
            if b[j + k] == quote {
                return Some(j + k + 1);
            }
            j += k + 2;
        }
        None
    };
    match b[i] {
        b'"' => Some(find_quote(i + 1, b'"')),
        b'\'' => Some(find_quote(i + 1, b'\'')),
        b'b' if matches!(b.get(i + 1), Some(b'"' | b'\'')) => Some(find_quote(i + 2, b[i + 1])),
        b'r' | b'b' => {
            let start = if b[i] == b'b' && b.get(i + 1) == Some(&b'r') {
                i + 2
            } else if b[i] == b'r' {
                i + 1
            } else {
                return None;
            };
            let hashes = b[start..].iter().take_while(|&&c| c == b'#').count();
            if b.get(start + hashes) != Some(&b'"') {
                return None; // an identifier (raw or not), not a raw string
            }
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let body = start + hashes + 1;
            Some(
                b[body..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .map(|p| body + p + close.len()),
            )
        }
        _ => None,
    }
}

/// The end of the comment starting at `i` (block comments nest in RON).
fn skip_comment(b: &[u8], i: usize) -> Option<Option<usize>> {
    match (b[i], b.get(i + 1)) {
        (b'/', Some(b'/')) => Some(Some(
            b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| i + p),
        )),
        (b'/', Some(b'*')) => {
            let (mut depth, mut j) = (1, i + 2);
            while j + 1 < b.len() {
                match (b[j], b[j + 1]) {
                    (b'/', b'*') => (depth, j) = (depth + 1, j + 2),
                    (b'*', b'/') => {
                        (depth, j) = (depth - 1, j + 2);
                        if depth == 0 {
                            return Some(Some(j));
                        }
                    }
                    _ => j += 1,
                }
            }
            Some(None)
        }
        _ => None,
    }
}

/// Finds the two lists and their item ends; `None` when unsure.
fn scan(text: &str) -> Option<Layout> {
    let b = text.as_bytes();
    let mut layout = Layout::default();
    let (mut depth, mut i) = (0usize, 0usize);
    // The last significant byte; a key just read at depth 1; a list key and its ':'.
    let mut last = 0u8;
    let (mut key, mut pending): (Option<&str>, Option<&str>) = (None, None);
    let mut current: Option<(&str, List)> = None;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if let Some(end) = skip_comment(b, i) {
            i = end?;
            continue;
        }
        if let Some(end) = skip_literal(b, i) {
            (i, last, key, pending) = (end?, b'"', None, None);
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let len = b[i..]
                .iter()
                .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_')
                .count();
            key = (depth == 1).then(|| &text[i..i + len]);
            (i, last, pending) = (i + len, b'a', None);
            continue;
        }
        let list_key = pending.take();
        let read = key.take();
        match c {
            b'#' if depth == 0 => return None, // extension attributes: parse whole
            b':' => pending = read.filter(|k| matches!(*k, "entities" | "relations")),
            b'(' | b'{' => depth += 1,
            b'[' => {
                depth += 1;
                if let Some(name) = list_key {
                    let list = List {
                        open: i + 1,
                        ..List::default()
                    };
                    current = Some((name, list));
                }
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                let closes_list = c == b']' && depth == 1;
                if let Some((name, mut list)) = current.take_if(|_| closes_list) {
                    list.close = i;
                    let slot = match name {
                        "entities" => &mut layout.entities,
                        _ => &mut layout.relations,
                    };
                    if slot.replace(list).is_some() {
                        return None; // a repeated list is the plain parse's to report
                    }
                }
            }
            b',' if depth == 2 && last == b')' => {
                if let Some((_, list)) = current.as_mut() {
                    list.cuts.push(i);
                }
            }
            _ => {} // numbers, other punctuation, non-ASCII: the parse judges them
        }
        last = c;
        i += 1;
    }
    (depth == 0 && current.is_none()).then_some(layout)
}

/// Which of the two lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Entities = 0,
    Relations = 1,
}

/// A file cut into its head (title, sources) and its two lists, each list cut
/// into pieces of whole items, each piece a text of its own that parses on its
/// own. Holding the pieces apart lets each be freed once parsed: the file's
/// text need not outlive the pass over it, nor wait for it to end.
#[derive(Debug)]
pub struct Split {
    options: ron::Options,
    threads: usize,
    head: String,
    entities: Option<Section>,
    relations: Option<Section>,
    items: [usize; 2],
}

/// One list's pieces, each in brackets (a list of its own); a piece is taken
/// out to be parsed.
#[derive(Debug)]
struct Section {
    pieces: Vec<Mutex<Option<String>>>,
}

impl Section {
    /// The list cut into pieces of whole items, each about `target` bytes long.
    fn of(text: &str, list: &List, target: usize) -> Section {
        let mut ranges = Vec::new();
        let mut start = list.open;
        for &cut in &list.cuts {
            if cut - start >= target {
                ranges.push((start, cut));
                start = cut + 1;
            }
        }
        ranges.push((start, list.close));
        let piece = |(a, b): (usize, usize)| {
            let mut wrapped = String::with_capacity(b - a + 2);
            wrapped.push('[');
            wrapped.push_str(&text[a..b]);
            wrapped.push(']');
            Mutex::new(Some(wrapped))
        };
        Section {
            pieces: ranges.into_iter().map(piece).collect(),
        }
    }
}

impl Split {
    /// Cuts `text` for `threads` threads into pieces of about `piece_bytes`;
    /// `None` when the lexer is unsure of anything. The lists are copied out,
    /// so `text` may be dropped as soon as this returns.
    pub fn new(
        text: &str,
        options: &ron::Options,
        threads: usize,
        piece_bytes: usize,
    ) -> Option<Split> {
        let layout = scan(text)?;
        let (entities, relations) = (layout.entities?, layout.relations?);
        // The head alone: the file with both lists emptied, in file order.
        let (first, second) = if entities.open < relations.open {
            (&entities, &relations)
        } else {
            (&relations, &entities)
        };
        let head = [
            &text[..first.open],
            &text[first.close..second.open],
            &text[second.close..],
        ]
        .concat();
        Some(Split {
            options: options.clone(),
            threads: threads.max(1),
            head,
            items: [entities.cuts.len() + 1, relations.cuts.len() + 1],
            entities: Some(Section::of(text, &entities, piece_bytes.max(1))),
            relations: Some(Section::of(text, &relations, piece_bytes.max(1))),
        })
    }

    /// The head parsed (title and sources, both lists empty), or `None`.
    pub fn head(&self) -> Option<FileDataset> {
        let file: FileDataset = self.options.from_str(&self.head).ok()?;
        (file.entities.is_empty() && file.relations.is_empty()).then_some(file)
    }

    /// At most how many items a list holds (its item ends, and one more).
    pub fn items(&self, which: Which) -> usize {
        self.items[which as usize]
    }

    /// Parses each piece of a list into `T`s and hands them to `work` on all
    /// threads; `keep` then receives `work`'s results on this thread, in file
    /// order, as they come, so that only a few pieces are ever held at once.
    /// The list's text is freed when done (a list is parsed once). `None` as
    /// soon as a piece fails to parse or `work` gives up.
    pub fn each<T, R>(
        &mut self,
        which: Which,
        work: impl Fn(Vec<T>) -> Option<R> + Sync,
        mut keep: impl FnMut(R),
    ) -> Option<()>
    where
        T: DeserializeOwned,
        R: Send,
    {
        let section = match which {
            Which::Entities => self.entities.take(),
            Which::Relations => self.relations.take(),
        }?;
        let jobs = &section.pieces;
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let done: Vec<Mutex<Option<R>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
        // Takes the next piece; false when none is left or one failed.
        let step = || {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(text) = jobs.get(k).and_then(|slot| lock(slot).take()) else {
                return false;
            };
            let parsed = self.options.from_str::<Vec<T>>(&text).ok();
            drop(text);
            let result = parsed.and_then(&work);
            match result {
                Some(r) => *lock(&done[k]) = Some(r),
                None => {
                    failed.store(true, Ordering::Relaxed);
                    next.store(jobs.len(), Ordering::Relaxed); // no use going on
                }
            }
            true
        };
        let mut kept = 0;
        let mut hand_over = |kept: &mut usize| {
            while let Some(r) = done.get(*kept).and_then(|slot| lock(slot).take()) {
                keep(r);
                *kept += 1;
            }
        };
        std::thread::scope(|s| {
            let helpers: Vec<_> = (1..self.threads)
                .map(|_| s.spawn(|| while step() {}))
                .collect();
            while step() {
                hand_over(&mut kept);
            }
            for h in helpers {
                if h.join().is_err() {
                    failed.store(true, Ordering::Relaxed);
                }
            }
        });
        hand_over(&mut kept);
        (!failed.load(Ordering::Relaxed) && kept == jobs.len()).then_some(())
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Parses a whole split file, or `None` for the caller to parse it whole.
pub fn parse_parallel(mut split: Split) -> Option<FileDataset> {
    let mut file = split.head()?;
    file.entities.reserve_exact(split.items(Which::Entities));
    split.each(Which::Entities, Some, |mut v: Vec<FileEntity>| {
        file.entities.append(&mut v)
    })?;
    file.relations.reserve_exact(split.items(Which::Relations));
    split.each(Which::Relations, Some, |mut v: Vec<FileRelation>| {
        file.relations.append(&mut v)
    })?;
    Some(file)
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
