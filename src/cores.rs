//! How many cores a load or a search may use, asked of the system once: the
//! answer reads system files (cgroup limits) each time it is asked.

use std::sync::OnceLock;

/// The cores available to this process (at least 1).
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}
