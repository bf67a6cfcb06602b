//! How far a load has got, shared between the thread that loads and the one
//! that shows it (a bar on stderr for the commands, a loading screen in the
//! explorer): counters the load bumps as it goes and anyone may read at any
//! time, without a lock, so that showing progress never slows the load.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// What the load is doing, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the file into memory (its size is known, nothing parsed yet).
    Reading = 0,
    /// One pass over the text for where its lists may be cut into pieces.
    Cutting = 1,
    /// Parsing, checking and building its entities and relations, piece by piece.
    Parsing = 2,
    /// The rules that need the whole file, and the dataset's lookups.
    Finishing = 3,
}

impl Stage {
    /// How the user is told.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Cutting => "finding where to cut it",
            Stage::Parsing => "parsing and checking",
            Stage::Finishing => "building lookups",
        }
    }
}

/// A load's progress: bytes of the file's text worked through out of the
/// total, and the stage. A file parsed whole (a small one) jumps from none to
/// all at once.
#[derive(Debug, Default)]
pub struct Progress {
    total: AtomicU64,
    done: AtomicU64,
    stage: AtomicU8,
}

/// What a reader sees at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub stage: Stage,
    pub done: u64,
    pub total: u64,
}

impl Seen {
    /// Done out of the total, from 0 to 1 (0 while the total is unknown).
    pub fn ratio(&self) -> f64 {
        match self.total {
            0 => 0.0,
            t => (self.done.min(t) as f64) / t as f64,
        }
    }
}

impl Progress {
    /// The file's size, once known.
    pub fn set_total(&self, bytes: u64) {
        self.total.store(bytes, Ordering::Relaxed);
    }

    /// `bytes` more of the text worked through.
    pub fn add(&self, bytes: u64) {
        self.done.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
        // Past the parse, every byte has been worked through.
        if stage == Stage::Finishing {
            self.done
                .fetch_max(self.total.load(Ordering::Relaxed), Ordering::Relaxed);
        }
    }

    pub fn seen(&self) -> Seen {
        let stage = match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Cutting,
            2 => Stage::Parsing,
            _ => Stage::Finishing,
        };
        Seen {
            stage,
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_back_what_the_load_reported() {
        let p = Progress::default();
        assert_eq!(p.seen().ratio(), 0.0, "nothing known yet");
        p.set_total(1000);
        p.set_stage(Stage::Parsing);
        p.add(250);
        let seen = p.seen();
        assert_eq!(
            (seen.stage, seen.done, seen.total),
            (Stage::Parsing, 250, 1000)
        );
        assert_eq!(seen.ratio(), 0.25);
        // The head of the file is never counted as a piece: finishing fills the bar.
        p.set_stage(Stage::Finishing);
        assert_eq!(p.seen().ratio(), 1.0);
    }
}
