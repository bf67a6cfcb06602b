/* Transparent huge pages off before the Rust runtime's first allocation.
 *
 * mimalloc asks the kernel for huge pages over its arena, and the standard
 * library allocates before `main` (the main thread's record for its
 * stack-overflow handler). That first allocation touched a 2 MiB huge page,
 * which the kernel zeroes whole: an eighth of a one-off lookup on the
 * built-in dataset. Turned off here, in a constructor that runs before the
 * runtime, the first pages are small ones; `pages.rs` turns huge pages on
 * again while a large compiled dataset is decoded, where they pay.
 *
 * The crate's Rust forbids `unsafe`; this one system call on no memory of
 * ours is the only C the crate compiles. */
#include <sys/prctl.h>

__attribute__((constructor)) static void clusterdex_huge_pages_off(void) {
    (void)prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
}
