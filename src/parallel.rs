//! Work over many items on every core, in chunks taken in turn: costly items
//! come in runs (a file often lists one kind at a time, and organisations have
//! longer names and more tags than people), so an even split in halves leaves
//! one thread idle while the other still has most of the work. Results keep
//! their order. Also the one place that asks how many cores there are. The
//! search uses it; the loader and the rules use rayon's pool.

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cores available to this process (at least 1), asked of the system once:
/// the answer reads system files (cgroup limits) each time it is asked.
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The threads to use: one per core, up to eight.
fn threads() -> usize {
    cores().min(8)
}

/// Runs `work` over `0..len` in chunks of `chunk` items and returns what it
/// pushed, in order. Each thread makes its own state with `init` once. Below
/// `parallel_from` items, or on one core, the calling thread does it all.
pub fn run<S, R: Send>(
    len: usize,
    (chunk, parallel_from): (usize, usize),
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, Range<usize>, &mut Vec<R>) + Sync,
) -> Vec<R> {
    let chunk = chunk.max(1);
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
            let from = k * chunk;
            if from >= len {
                return done;
            }
            let mut out = Vec::new();
            work(&mut state, from..(from + chunk).min(len), &mut out);
            done.push((k, out));
        }
    };
    let mut parts: Vec<(usize, Vec<R>)> = std::thread::scope(|s| {
        let others: Vec<_> = (1..threads).map(|_| s.spawn(worker)).collect();
        let mut parts = worker();
        for other in others {
            // A worker that panicked took its chunks' results with it: all the
            // work is then done again on this thread, from the start.
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
        const CHUNK: usize = 16;
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 10 * CHUNK + 7] {
            let got = run(
                len,
                (CHUNK, 0),
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
