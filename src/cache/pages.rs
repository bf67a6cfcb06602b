//! Transparent huge pages for the decode of a compiled dataset alone. The
//! program runs with them off, from a constructor that runs before Rust's
//! runtime (`pages.c`, linked by `build.rs` on Linux): a parse then holds
//! about a tenth less memory at its peak, and the runtime's first allocation
//! no longer makes the kernel zero a 2 MiB page. But a decode touches a few hundred
//! megabytes of fresh memory in a fraction of a second, and faulting it in
//! 4 KiB at a time was about half of a cached load at 100,000 entities
//! (system time 0.28 s of 0.46). Memory touched while they are on stays in
//! huge pages; they are off again for everything after.

/// Runs `work` with transparent huge pages allowed for the process, where
/// the system lets a process choose (Linux); elsewhere it only runs it.
pub fn huge_while<T>(work: impl FnOnce() -> T) -> T {
    #[cfg(target_os = "linux")]
    {
        let was_off = rustix::thread::transparent_huge_pages_are_disabled().unwrap_or(false);
        if was_off {
            let _ = rustix::thread::disable_transparent_huge_pages(false);
        }
        let out = work();
        if was_off {
            let _ = rustix::thread::disable_transparent_huge_pages(true);
        }
        out
    }
    #[cfg(not(target_os = "linux"))]
    work()
}
