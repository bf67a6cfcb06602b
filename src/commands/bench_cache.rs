//! The benchmark's part for the compiled cache: the time from a dataset
//! file's name to its loaded dataset and search index read from the cache
//! (the file hashed as it is read, the cache file read, checked and decoded), as a
//! second load of the same file finds it. The cache is written first into a
//! temporary folder, so the user's own cache is neither read nor changed;
//! the cache's size limit is not applied, so small files are measured too.

use std::time::Instant;

use crate::cache::{Cache, Key};
use crate::load::{DataSource, load};
use crate::search::Index;

/// Median milliseconds to a dataset and index from the cache, over `runs`;
/// `None` for the built-in dataset, which is not cached.
pub fn measure(source: &DataSource, max_bytes: u64, runs: usize) -> Result<Option<f64>, String> {
    let DataSource::File(path) = source else {
        return Ok(None);
    };
    let folder = tempfile::tempdir().map_err(|e| format!("no temporary folder: {e}"))?;
    let cache = Cache::Dir(folder.path().to_path_buf());
    let key = |bytes: &[u8]| Key {
        content: xxhash_rust::xxh3::xxh3_128(bytes),
    };
    {
        let loaded = load(source, max_bytes).map_err(|e| e.to_string())?;
        let index = Index::new(&loaded.dataset);
        let bytes = crate::data::read(path, max_bytes).map_err(|e| e.to_string())?;
        cache.write(key(&bytes), path, &loaded.dataset, &index);
    }
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        // As a load does it: the file hashed as it is read, never held.
        let key = Cache::key_of_any_file(path, max_bytes).map_err(|e| e.to_string())?;
        let hit = key.and_then(|key| cache.read(key));
        let (ds, index) = hit.ok_or("the cache written could not be read back")?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        drop(std::hint::black_box((ds, index)));
    }
    times.sort_by(f64::total_cmp);
    Ok(times.get(times.len() / 2).copied())
}
