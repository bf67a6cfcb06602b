//! What every clusterdex process is before its first line of Rust: huge
//! pages off (a constructor in `src/cache/pages.c`), so that the runtime's
//! first allocation does not make the kernel zero a 2 MiB page, and on only
//! while a compiled dataset is decoded. This test binary links the library
//! as the program does, constructor and all, and calls nothing that turns
//! huge pages on but the one test below.

#![cfg(target_os = "linux")]

use clusterdex::cache::pages::huge_while;

/// The kernel's word on this process: `THP_enabled` in its status.
fn huge_pages_on() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux has /proc");
    let state = status
        .lines()
        .find_map(|l| l.strip_prefix("THP_enabled:"))
        .expect("the kernel reports THP_enabled");
    state.trim() == "1"
}

#[test]
fn huge_pages_are_off_from_the_start_and_on_only_for_a_decode() {
    if !std::path::Path::new("/sys/kernel/mm/transparent_hugepage").exists() {
        eprintln!("skipped: this kernel has no transparent huge pages");
        return;
    }
    assert!(!huge_pages_on(), "huge pages on before any decode");
    assert!(huge_while(huge_pages_on), "huge pages off during a decode");
    assert!(!huge_pages_on(), "huge pages left on after a decode");
}
