//! Transparent huge pages for the decode of a compiled dataset alone. The
//! program runs with them off (mimalloc's `no_thp`: a parse then holds about
//! a tenth less memory at its peak), but a decode touches a few hundred
//! megabytes of fresh memory in a fraction of a second, and faulting it in
//! 4 KiB at a time was about half of a cached load at 100,000 entities
//! (system time 0.28 s of 0.46). Memory touched while they are on stays in
//! huge pages; they are off again for everything after.

/// Turns transparent huge pages off for the process, as the program runs:
/// called first thing by the binary.
pub fn off() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

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
