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
use super::lex::{ListBounds, scan};

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
    fn of(text: &str, list: &ListBounds, target: usize) -> Section {
        let mut ranges = Vec::new();
        let mut start = list.open;
        for &cut in &list.item_ends {
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
        let outline = scan(text)?;
        let (entities, relations) = (outline.entities?, outline.relations?);
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
            items: [entities.item_ends.len() + 1, relations.item_ends.len() + 1],
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
