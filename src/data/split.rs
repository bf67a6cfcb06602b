//! Parses a large dataset file on every core. A file is a short head (title,
//! sources) and two long lists (entities, relations); a light lexer finds where
//! each list item ends, the lists are cut into pieces of whole items, and each
//! piece parses on its own while the head parses without them. Anything the
//! lexer is unsure of (extension attributes, a repeated list, an odd token)
//! returns `None`, and so does any piece that fails: the caller then parses the
//! whole file at once, so that every error message is the one a plain parse
//! gives, with its true line and column.
//!
//! A split can let go of the text once it is cut ([`Split::detach`]): each
//! piece is then read again from the file when it parses, checked against a
//! hash of its bytes taken at the cut, so that a large file's text is never
//! held whole beside the dataset built from it.

use std::ops::Range;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
#[cfg(unix)]
use xxhash_rust::xxh3::xxh3_64;

use super::format::FileDataset;
use super::lex::{ListBounds, scan};
use crate::progress::Progress;

/// Which of the two lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Entities = 0,
    Relations = 1,
}

/// A file cut into its head (title, sources) and its two lists, each list cut
/// into pieces of whole items. A piece is a stretch of the file's text, copied
/// out only while it is parsed, so that the file structs of a few pieces exist
/// at once, never the whole file's.
#[derive(Debug)]
pub struct Split<'t> {
    options: ron::Options,
    text: Text<'t>,
    head: String,
    /// Per list, its pieces.
    pieces: [Vec<Piece>; 2],
    items: [usize; 2],
    /// Told the bytes of each piece worked through, when someone watches.
    progress: Option<&'t Progress>,
}

/// Where the pieces' bytes come from.
#[derive(Debug)]
enum Text<'t> {
    /// The text the split was cut from.
    Held(&'t str),
    /// The file it was read from, `base` bytes into it (a byte-order mark).
    #[cfg(unix)]
    File { file: &'t std::fs::File, base: u64 },
}

/// A stretch of a list: its bytes, the index of its first item in the list,
/// and how many items it holds (the last piece may hold one or none after its
/// last comma, which only its parse tells); once the split lets go of the
/// text, the hash of the bytes it had.
#[derive(Debug)]
struct Piece {
    range: Range<usize>,
    first: usize,
    items: Option<usize>,
    sum: u64,
}

/// A list cut into pieces of whole items, each about `target` bytes long.
fn pieces(list: &ListBounds, target: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let (mut start, mut first) = (list.open, 0);
    for (k, &end) in list.item_ends.iter().enumerate() {
        if end - start >= target {
            let items = k + 1 - first;
            pieces.push(Piece {
                range: start..end,
                first,
                items: Some(items),
                sum: 0,
            });
            (start, first) = (end + 1, k + 1);
        }
    }
    pieces.push(Piece {
        range: start..list.close,
        first,
        items: None,
        sum: 0,
    });
    pieces
}

impl<'t> Split<'t> {
    /// Cuts `text` into pieces of about `piece_bytes`; `None` when the lexer is
    /// unsure of anything.
    pub fn new(text: &'t str, options: &ron::Options, piece_bytes: usize) -> Option<Split<'t>> {
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
        let target = piece_bytes.max(1);
        Some(Split {
            options: options.clone(),
            text: Text::Held(text),
            head,
            items: [entities.item_ends.len() + 1, relations.item_ends.len() + 1],
            pieces: [pieces(&entities, target), pieces(&relations, target)],
            progress: None,
        })
    }

    /// The same split without its text: each piece is read again from `file`
    /// (which holds the text `base` bytes in) when it parses, and refused, as
    /// one that does not parse is, if its bytes are not those cut here.
    #[cfg(unix)]
    pub fn detach(self, file: &std::fs::File, base: u64) -> Split<'_> {
        let Text::Held(text) = self.text else {
            unreachable!("a split is cut from a text")
        };
        let mut pieces = self.pieces;
        pieces
            .par_iter_mut()
            .flat_map(|list| list.par_iter_mut())
            .for_each(|piece| piece.sum = xxh3_64(text[piece.range.clone()].as_bytes()));
        Split {
            options: self.options,
            text: Text::File { file, base },
            head: self.head,
            pieces,
            items: self.items,
            progress: None,
        }
    }

    /// The same split, telling `progress` of each piece worked through.
    pub fn watched(self, progress: &'t Progress) -> Split<'t> {
        Split {
            progress: Some(progress),
            ..self
        }
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

    /// One piece parsed as a list of its own, if it holds the items the lexer
    /// counted (so that every piece knows the index of its first item).
    fn parse<T: DeserializeOwned>(&self, piece: &Piece) -> Option<Vec<T>> {
        let text = self.piece_text(piece)?;
        let items: Vec<T> = self.options.from_str(&text).ok()?;
        piece
            .items
            .is_none_or(|n| n == items.len())
            .then_some(items)
    }

    /// A piece's text as a list of its own: `[`, its bytes, `]`.
    fn piece_text(&self, piece: &Piece) -> Option<String> {
        match &self.text {
            Text::Held(text) => {
                let mut out = String::with_capacity(piece.range.len() + 2);
                out.push('[');
                out.push_str(&text[piece.range.clone()]);
                out.push(']');
                Some(out)
            }
            #[cfg(unix)]
            Text::File { file, base } => {
                use std::os::unix::fs::FileExt;
                let mut out = vec![0; piece.range.len() + 2];
                let (open, rest) = out.split_first_mut()?;
                let (close, bytes) = rest.split_last_mut()?;
                (*open, *close) = (b'[', b']');
                file.read_exact_at(bytes, base + piece.range.start as u64)
                    .ok()?;
                // Changed since the cut (written over in place): not this file.
                if xxh3_64(bytes) != piece.sum {
                    return None;
                }
                String::from_utf8(out).ok()
            }
        }
    }

    /// Parses each piece of a list into `T`s and hands them to `work` on
    /// rayon's pool, with the index of the piece's first item in the list;
    /// `keep` then receives `work`'s results on this thread, in file order.
    /// `None` if a piece fails to parse: no more pieces start, and the whole
    /// parse takes over.
    ///
    /// The pieces go to the pool a stretch at a time, about an eighth of the
    /// list, so that only that stretch's results wait to be kept: the caller
    /// moves them into a list made for all of them, and results of the whole
    /// list waiting beside it would double what it holds at the load's peak.
    pub fn each<T, R>(
        &self,
        which: Which,
        work: impl Fn(usize, &mut [T]) -> R + Sync,
        mut keep: impl FnMut(R),
    ) -> Option<()>
    where
        T: DeserializeOwned,
        R: Send,
    {
        let pieces = &self.pieces[which as usize];
        let stretch = (pieces.len() / 8).max(4 * rayon::current_num_threads());
        for pieces in pieces.chunks(stretch) {
            let done: Vec<R> = pieces
                .par_iter()
                .map(|piece| {
                    let mut items = self.parse::<T>(piece)?;
                    if let Some(progress) = self.progress {
                        progress.add(piece.range.len() as u64);
                    }
                    Some(work(piece.first, &mut items))
                })
                .collect::<Option<_>>()?;
            done.into_iter().for_each(&mut keep);
        }
        Some(())
    }
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
