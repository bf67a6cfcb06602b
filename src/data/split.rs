//! Parses a large dataset file on every core. A file is a short head (title,
//! sources) and two long lists (entities, relations); a light lexer finds where
//! each list item ends, the lists are cut into pieces of whole items, and each
//! piece parses on its own while the head parses without them. Anything the
//! lexer is unsure of (extension attributes, a repeated list, an odd token)
//! returns `None`, and so does any piece that fails: the caller then parses the
//! whole file at once, so that every error message is the one a plain parse
//! gives, with its true line and column.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// Byte ranges of pieces of whole items, each about `target` bytes long.
fn pieces(list: &List, target: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = list.open;
    for &cut in &list.cuts {
        if cut - start >= target {
            out.push((start, cut));
            start = cut + 1;
        }
    }
    out.push((start, list.close));
    out
}

/// One piece to parse: which list, and where.
#[derive(Clone, Copy)]
enum Job {
    Entities(usize, usize),
    Relations(usize, usize),
}

enum Done {
    Entities(Vec<FileEntity>),
    Relations(Vec<FileRelation>),
}

fn parse_piece<T: DeserializeOwned>(text: &str, options: &ron::Options) -> Option<Vec<T>> {
    let mut wrapped = String::with_capacity(text.len() + 2);
    wrapped.push('[');
    wrapped.push_str(text);
    wrapped.push(']');
    options.from_str(&wrapped).ok()
}

/// Parses `text` with `threads` threads in pieces of about `piece_bytes`, or
/// `None` for the caller to parse it whole.
pub fn parse_parallel(
    text: &str,
    options: &ron::Options,
    threads: usize,
    piece_bytes: usize,
) -> Option<FileDataset> {
    let layout = scan(text)?;
    let (entities, relations) = (layout.entities?, layout.relations?);
    let target = piece_bytes.max(1);
    let mut jobs: Vec<Job> = pieces(&entities, target)
        .into_iter()
        .map(|(a, b)| Job::Entities(a, b))
        .collect();
    jobs.extend(
        pieces(&relations, target)
            .into_iter()
            .map(|(a, b)| Job::Relations(a, b)),
    );
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
    let next = AtomicUsize::new(0);
    let done: Vec<Mutex<Option<Done>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    let work = || {
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(&job) = jobs.get(k) else {
                return true;
            };
            let result = match job {
                Job::Entities(a, b) => parse_piece(&text[a..b], options).map(Done::Entities),
                Job::Relations(a, b) => parse_piece(&text[a..b], options).map(Done::Relations),
            };
            let Some(result) = result else {
                next.store(jobs.len(), Ordering::Relaxed); // no use going on
                return false;
            };
            *done[k].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
        }
    };
    let (head, all_ok) = std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads.max(1)).map(|_| s.spawn(work)).collect();
        let head = options.from_str::<FileDataset>(&head).ok();
        let mine = work();
        let theirs = helpers.into_iter().all(|h| h.join().unwrap_or(false));
        (head, mine && theirs)
    });
    let mut file = head.filter(|_| all_ok)?;
    if !file.entities.is_empty() || !file.relations.is_empty() {
        return None;
    }
    let done: Vec<Done> = done
        .into_iter()
        .map(|slot| slot.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect::<Option<_>>()?;
    let count = |f: fn(&Done) -> usize| done.iter().map(f).sum::<usize>();
    file.entities.reserve_exact(count(|d| match d {
        Done::Entities(v) => v.len(),
        Done::Relations(_) => 0,
    }));
    file.relations.reserve_exact(count(|d| match d {
        Done::Relations(v) => v.len(),
        Done::Entities(_) => 0,
    }));
    for piece in done {
        match piece {
            Done::Entities(mut v) => file.entities.append(&mut v),
            Done::Relations(mut v) => file.relations.append(&mut v),
        }
    }
    Some(file)
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
