//! A bar on stderr while a command loads a large file: shown only when stderr
//! is a terminal (piped or captured output stays clean) and only once the
//! load has taken half a second, so a small file never flashes one. The
//! load runs on a thread of its own; the calling thread draws the bar from
//! the load's [`Progress`] counters, and clears it when the load ends.

use std::io::IsTerminal;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cache::Cache;
use crate::data::LoadError;
use crate::load::{DataSource, Loaded, load_cached, load_cached_watched};
use crate::progress::Progress;

/// How long a load runs before a bar is shown.
const SHOW_AFTER: Duration = Duration::from_millis(500);

/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// Loads like [`crate::load::load_cached`], with a bar on stderr for a slow load.
pub fn load(source: &DataSource, max_bytes: u64, cache: &Cache) -> Result<Loaded, LoadError> {
    let DataSource::File(path) = source else {
        return load_cached(source, max_bytes, cache);
    };
    if !std::io::stderr().is_terminal() {
        return load_cached(source, max_bytes, cache);
    }
    let progress = Progress::default();
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let started = Instant::now();
    // The bar is drawn on this thread, which may hold the lock on stderr (the
    // commands write to it locked); the load runs beside it.
    std::thread::scope(|scope| {
        let (done, finished) = channel::<()>();
        let progress = &progress;
        let loading = scope.spawn(move || {
            let loaded = load_cached_watched(source, max_bytes, cache, progress);
            hold_for_tests();
            drop(done);
            loaded
        });
        show(progress, &crate::text::clean(&name), started, &finished);
        loading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// An undocumented switch for the end-to-end tests of the loading screen and
/// the bar: with `CLUSTERDEX_TEST_HOLD_LOAD` set, a finished load is never
/// handed over, so what shows it stays to be read however fast the machine.
pub fn hold_for_tests() {
    if std::env::var_os("CLUSTERDEX_TEST_HOLD_LOAD").is_some() {
        loop {
            std::thread::park();
        }
    }
}

/// Draws the bar until `finished` disconnects, if the load lasts long enough.
fn show(progress: &Progress, name: &str, started: Instant, finished: &Receiver<()>) {
    if !matches!(
        finished.recv_timeout(SHOW_AFTER),
        Err(RecvTimeoutError::Timeout)
    ) {
        return;
    }
    let style = ProgressStyle::with_template(
        "{prefix} {msg:20} [{elapsed_precise}] [{wide_bar}] {binary_bytes}/{binary_total_bytes}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        .with_style(style)
        .with_prefix(format!("loading {name}"))
        .with_elapsed(started.elapsed());
    loop {
        let seen = progress.seen();
        bar.set_length(seen.total);
        bar.set_position(seen.done.min(seen.total));
        bar.set_message(seen.stage.label());
        if !matches!(finished.recv_timeout(TICK), Err(RecvTimeoutError::Timeout)) {
            break;
        }
    }
    bar.finish_and_clear();
}
