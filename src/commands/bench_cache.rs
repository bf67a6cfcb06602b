//! The benchmark's part for the compiled cache: the time from a dataset
//! file's name to its loaded dataset and search index read from the cache
//! (the file hashed as it is read, the cache file read, checked and decoded),
//! as a second load of the same file finds it. The cache is written first into
//! a temporary folder, so the user's own cache is neither read nor changed;
//! the cache's size limit is not applied, so small files are measured too.
//!
//! Each read is timed in a child process of the same program: a user's
//! process reads the cache into fresh memory, while the benchmark's own has
//! just loaded, indexed and encoded the file, and a read into memory used and
//! freed was half as slow again (192 to 242 ms against about 150 at 100,000
//! entities). The child is this program with `PROBE` set; it times the read
//! itself, so its start-up is not counted, and then the explorer's first frame
//! on what it read: the cached path's time to interactive (the index comes
//! with the cache, so search is ready with that frame).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::App;
use crate::cache::Cache;
use crate::load::{DataSource, load};
use crate::search::Index;
use crate::ui::Theme;

/// Set for the child that times one read: the cache folder to read from.
const PROBE: &str = "CLUSTERDEX_BENCH_CACHE_PROBE";
/// The dataset file, the size limit and the screen size, for the child.
const PROBE_FILE: &str = "CLUSTERDEX_BENCH_CACHE_PROBE_FILE";
const PROBE_MAX: &str = "CLUSTERDEX_BENCH_CACHE_PROBE_MAX";
const PROBE_SIZE: &str = "CLUSTERDEX_BENCH_CACHE_PROBE_SIZE";

/// What the benchmark reads of the cache, in milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Cached {
    /// The first read, right after the write.
    pub first: f64,
    /// The median of the reads after it.
    pub load: f64,
    /// The median of their times to interactive: the read and the first frame.
    pub interactive: f64,
}

/// Milliseconds to a dataset and index from the cache (see [`Cached`]);
/// `None` for the built-in dataset, which is not cached. The first read and
/// the later ones differ on a virtual machine that hands the memory the
/// writer freed back to its host: the first read's fresh pages are then
/// slower to come (at a million entities 2.5 s against about 1.1, and waiting
/// does not help); a later load finds it as the second read does.
pub fn measure(
    source: &DataSource,
    max_bytes: u64,
    (runs, size): (usize, (u16, u16)),
) -> Result<Option<Cached>, String> {
    let DataSource::File(path) = source else {
        return Ok(None);
    };
    let folder = tempfile::tempdir().map_err(|e| format!("no temporary folder: {e}"))?;
    let cache = Cache::Dir(folder.path().to_path_buf());
    {
        let loaded = load(source, max_bytes).map_err(|e| e.to_string())?;
        let index = Index::new(&loaded.dataset);
        let key = Cache::key_of_any_file(path, max_bytes).map_err(|e| e.to_string())?;
        let key = key.ok_or("the dataset file could not be read to its end")?;
        cache.write(key, path, &loaded.dataset, &index);
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let child = || in_child(&exe, (folder.path(), path), max_bytes, size);
    let (first, _) = child()?;
    let times = (0..runs.max(1))
        .map(|_| child())
        .collect::<Result<Vec<(f64, f64)>, String>>()?;
    let median = super::bench::median;
    Ok(Some(Cached {
        first,
        load: median(times.iter().map(|t| t.0).collect()),
        interactive: median(times.iter().map(|t| t.1).collect()),
    }))
}

/// One read timed by a child process: the read, and the read with the first
/// frame drawn.
fn in_child(
    exe: &Path,
    (folder, file): (&Path, &Path),
    max_bytes: u64,
    size: (u16, u16),
) -> Result<(f64, f64), String> {
    let out = Command::new(exe)
        .env(PROBE, folder)
        .env(PROBE_FILE, file)
        .env(PROBE_MAX, max_bytes.to_string())
        .env(PROBE_SIZE, format!("{}x{}", size.0, size.1))
        .output()
        .map_err(|e| format!("cannot run this program again: {e}"))?;
    let said = String::from_utf8_lossy(&out.stdout);
    let mut numbers = said.split_whitespace().map(str::parse::<f64>);
    match (numbers.next(), numbers.next()) {
        (Some(Ok(read)), Some(Ok(frame))) if out.status.success() => Ok((read, frame)),
        _ => Err("the cache written could not be read back".to_string()),
    }
}

/// In the child the benchmark starts: times one read from the cache, prints
/// its milliseconds and gives the exit status. `None` in any other process.
pub fn probe_if_asked() -> Option<u8> {
    let folder = PathBuf::from(std::env::var_os(PROBE)?);
    let file = PathBuf::from(std::env::var_os(PROBE_FILE)?);
    let max_bytes = (std::env::var(PROBE_MAX).ok()?.parse().ok())?;
    let size = std::env::var(PROBE_SIZE).ok()?;
    let size = super::snapshot::parse_size(&size).ok()?;
    let cache = Cache::Dir(folder);
    let t = Instant::now();
    // As a load does it: the file hashed as it is read, never held.
    let hit = cache.read_file(&file, max_bytes, true).ok().flatten();
    let read = t.elapsed().as_secs_f64() * 1000.0;
    let Some((dataset, index)) = hit else {
        return Some(1);
    };
    let mut app = App::with_index(dataset, Vec::new(), Some(index));
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).ok()?;
    term.draw(|f| crate::ui::draw(f, &mut app, &Theme::dark()))
        .ok()?;
    let frame = t.elapsed().as_secs_f64() * 1000.0;
    println!("{read} {frame}");
    // A process about to end has no need to give its memory back piece by piece.
    std::mem::forget(app);
    Some(0)
}
