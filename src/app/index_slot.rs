//! The search index, built on a worker thread for large datasets so that the
//! first frame does not wait for it; a search typed before it is ready is
//! run once it is, and the explorer keeps answering keys meanwhile.

use std::sync::Arc;
use std::thread::JoinHandle;

use crate::model::Dataset;
use crate::search::Index;

/// Below this many entities the index is built at once (it takes a few
/// milliseconds); from here on it would cost the first frame tens of them.
const BACKGROUND_FROM: usize = 5_000;

#[derive(Debug)]
enum State {
    Ready(Arc<Index>),
    Building(JoinHandle<Index>),
    /// Only while a finished build is being taken over.
    Empty,
}

#[derive(Debug)]
pub struct IndexSlot {
    state: State,
    ds: Arc<Dataset>,
}

impl IndexSlot {
    pub fn new(ds: Arc<Dataset>) -> IndexSlot {
        let state = if ds.len() < BACKGROUND_FROM {
            State::Ready(Arc::new(Index::new(&ds)))
        } else {
            let shared = Arc::clone(&ds);
            State::Building(std::thread::spawn(move || Index::new(&shared)))
        };
        IndexSlot { state, ds }
    }

    /// A slot whose index comes from `build` (tests hold it back at will).
    #[cfg(test)]
    pub fn building(ds: Arc<Dataset>, build: JoinHandle<Index>) -> IndexSlot {
        IndexSlot {
            state: State::Building(build),
            ds,
        }
    }

    /// A slot holding an index made elsewhere (the compiled cache's).
    pub fn ready(ds: Arc<Dataset>, index: Index) -> IndexSlot {
        IndexSlot {
            state: State::Ready(Arc::new(index)),
            ds,
        }
    }

    /// The index, waiting for the build if it is still running.
    pub fn get(&mut self) -> &Index {
        if matches!(self.state, State::Building(_)) {
            let index = match std::mem::replace(&mut self.state, State::Empty) {
                // A build that panicked is redone here rather than leaving search dead.
                State::Building(handle) => {
                    Arc::new(handle.join().unwrap_or_else(|_| Index::new(&self.ds)))
                }
                other => match other {
                    State::Ready(i) => i,
                    _ => Arc::new(Index::new(&self.ds)),
                },
            };
            self.state = State::Ready(index);
        }
        match &self.state {
            State::Ready(i) => i,
            _ => unreachable!("the index was just made ready"),
        }
    }

    /// Whether the index can be had without waiting.
    pub fn is_ready(&self) -> bool {
        match &self.state {
            State::Ready(_) => true,
            State::Building(handle) => handle.is_finished(),
            State::Empty => false,
        }
    }

    /// The index to hand to another thread.
    pub fn shared(&mut self) -> Arc<Index> {
        self.get();
        match &self.state {
            State::Ready(i) => Arc::clone(i),
            _ => unreachable!("the index was just made ready"),
        }
    }

    /// Large enough that a search may take longer than a frame.
    pub fn is_large(&self) -> bool {
        self.ds.len() >= BACKGROUND_FROM
    }
}
