//! Work over many entities on every core, in small chunks taken in turn: the
//! costly entities come in runs (a file often lists one kind at a time, and
//! organisations have longer names and more tags than people), so an even split in halves leaves one thread idle
//! while the other still has most of the work. Results keep their order.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Items per chunk: enough to make taking a chunk cheap, few enough to balance.
const CHUNK: usize = 512;

/// The threads to use: one per core, up to eight.
fn threads() -> usize {
    crate::cores::cores().min(8)
}

/// Runs `work` over `0..len` in chunks and returns what it pushed, in order.
/// Each thread makes its own state with `init` once. Below `parallel_from`
/// items, or on one core, the calling thread does it all.
pub(super) fn run<S, R: Send>(
    len: usize,
    parallel_from: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, Range<usize>, &mut Vec<R>) + Sync,
) -> Vec<R> {
    let threads = threads();
    if len < parallel_from || threads < 2 {
        let mut out = Vec::new();
        work(&mut init(), 0..len, &mut out);
        return out;
    }
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut state = init();
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let from = k * CHUNK;
            if from >= len {
                return done;
            }
            let mut out = Vec::new();
            work(&mut state, from..(from + CHUNK).min(len), &mut out);
            done.push((k, out));
        }
    };
    let mut parts: Vec<(usize, Vec<R>)> = std::thread::scope(|s| {
        let others: Vec<_> = (1..threads).map(|_| s.spawn(worker)).collect();
        let mut parts = worker();
        for other in others {
            // A worker that panicked left its chunks undone: do them here.
            match other.join() {
                Ok(more) => parts.extend(more),
                Err(_) => return None,
            }
        }
        Some(parts)
    })
    .unwrap_or_else(|| {
        let mut out = Vec::new();
        work(&mut init(), 0..len, &mut out);
        vec![(0, out)]
    });
    parts.sort_unstable_by_key(|p| p.0);
    parts.into_iter().flat_map(|p| p.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the threads and chunks, the result is the serial one.
    #[test]
    fn chunks_come_back_in_order() {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 10 * CHUNK + 7] {
            let got = run(
                len,
                0,
                || 0usize,
                |calls, range, out| {
                    *calls += 1;
                    out.extend(range.filter(|i| i % 3 != 0));
                },
            );
            let want: Vec<usize> = (0..len).filter(|i| i % 3 != 0).collect();
            assert_eq!(got, want, "{len} items");
        }
    }
}
