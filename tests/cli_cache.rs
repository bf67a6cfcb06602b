//! The compiled cache as a user meets it: a large file's second load reads
//! the cache and answers the same; a file changed in place (same size, same
//! time) is parsed again; a damaged cache file is ignored and rebuilt;
//! `--no-cache` writes nothing; `cache --clear` empties it; six datasets keep
//! five entries; a file with a problem is never cached. Every run points HOME
//! and the XDG folders at a temporary directory, and `CLUSTERDEX_CACHE_TRACE`
//! makes the cache say on stderr what it did.

mod common;

use std::path::{Path, PathBuf};

use common::cached::{Run, generated, run};

fn search(home: &Path, file: &Path, query: &str) -> Run {
    let data = file.to_str().expect("utf-8 path");
    run(home, &["--data", data, "search", query, "--limit", "5"])
}

fn cache_files(home: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(home.join("cache").join("clusterdex")) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = read
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "cdx"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_second_load_reads_the_cache_and_answers_the_same() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = generated(home.path(), 1);
    let first = search(home.path(), &file, "lyon");
    assert_eq!(first.code, 0, "{}", first.err);
    assert!(first.err.contains("cache: wrote"), "{}", first.err);
    assert!(first.out.contains("Lyon"), "{}", first.out);
    // A one-off search glances at the entry: its index and the rows shown.
    let second = search(home.path(), &file, "lyon");
    assert!(second.err.contains("cache: glanced"), "{}", second.err);
    assert!(!second.err.contains("cache: wrote"), "{}", second.err);
    assert_eq!(second.out, first.out);
    let list = run(home.path(), &["cache", "--list"]);
    assert_eq!(list.code, 0);
    assert!(
        list.out.contains("gen1.ron (2000 entities)"),
        "{}",
        list.out
    );
    // Another command reads the same entry: the same entity, shown whole.
    let show = run(
        home.path(),
        &[
            "--data",
            file.to_str().expect("utf-8"),
            "show",
            "city_0_1_0",
        ],
    );
    assert!(show.err.contains("cache: read"), "{}", show.err);
    assert!(show.out.contains("Lyon"), "{}", show.out);
}

#[test]
fn a_file_changed_in_place_with_the_same_size_and_time_is_parsed_again() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = generated(home.path(), 1);
    assert!(
        search(home.path(), &file, "lyon")
            .err
            .contains("cache: wrote")
    );
    let time = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    let text = std::fs::read_to_string(&file).expect("reads");
    let changed = text.replace("\"Lyon\"", "\"Lyom\"");
    assert_ne!(changed, text);
    assert_eq!(changed.len(), text.len());
    std::fs::write(&file, changed).expect("writes");
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .expect("opens");
    f.set_modified(time).expect("sets the time back");
    drop(f);
    let after = search(home.path(), &file, "lyom");
    assert!(!after.err.contains("cache: read"), "{}", after.err);
    assert!(!after.err.contains("cache: glanced"), "{}", after.err);
    assert!(after.out.contains("Lyom"), "{}", after.out);
}

#[test]
fn a_damaged_cache_file_is_ignored_and_rebuilt_with_the_right_answer() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = generated(home.path(), 1);
    let first = search(home.path(), &file, "lyon");
    let [entry] = cache_files(home.path()).try_into().expect("one entry");
    let whole = std::fs::read(&entry).expect("reads");
    let mut flipped = whole.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x5a;
    let damages: [(&str, &[u8]); 4] = [
        ("a flipped byte", &flipped),
        ("cut in half", &whole[..whole.len() / 2]),
        ("empty", &[]),
        ("another program's file", b"PK\x03\x04 not a cache at all"),
    ];
    let data = file.to_str().expect("utf-8 path");
    for (what, bytes) in damages {
        std::fs::write(&entry, bytes).expect("writes");
        // A search glances at what it needs: the right answer whatever part
        // is damaged, and a damaged part it meets sends it to the whole load.
        let r = search(home.path(), &file, "lyon");
        assert_eq!(r.code, 0, "{what}: {}", r.err);
        assert_eq!(r.out, first.out, "{what}");
        // A whole load checks every part: the entry is ignored and rebuilt,
        // by the search or by this.
        let show = run(home.path(), &["--data", data, "show", "city_0_1_0"]);
        assert_eq!(show.code, 0, "{what}: {}", show.err);
        let both = format!("{}{}", r.err, show.err);
        assert_eq!(both.matches("cache: ignored").count(), 1, "{what}: {both}");
        assert_eq!(both.matches("cache: wrote").count(), 1, "{what}: {both}");
        let again = search(home.path(), &file, "lyon");
        assert!(
            again.err.contains("cache: glanced"),
            "{what}: {}",
            again.err
        );
    }
}

#[test]
fn no_cache_writes_nothing_and_clear_empties_the_cache() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = generated(home.path(), 1);
    let data = file.to_str().expect("utf-8");
    let r = run(
        home.path(),
        &["--no-cache", "--data", data, "search", "lyon"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(cache_files(home.path()).is_empty());
    search(home.path(), &file, "lyon");
    assert_eq!(cache_files(home.path()).len(), 1);
    let r = run(
        home.path(),
        &["--no-cache", "--data", data, "search", "lyon"],
    );
    assert!(!r.err.contains("cache:"), "{}", r.err);
    let cleared = run(home.path(), &["cache", "--clear"]);
    assert_eq!(cleared.code, 0);
    assert!(
        cleared.out.starts_with("removed 1 compiled dataset from"),
        "{}",
        cleared.out
    );
    assert!(cache_files(home.path()).is_empty());
    let list = run(home.path(), &["cache", "--list"]);
    assert!(
        list.out.starts_with("no compiled datasets in"),
        "{}",
        list.out
    );
}

#[test]
fn six_datasets_keep_the_five_most_recently_used() {
    let home = tempfile::tempdir().expect("temp dir");
    let files: Vec<PathBuf> = (1..=6).map(|s| generated(home.path(), s)).collect();
    for f in &files {
        assert!(search(home.path(), f, "lyon").err.contains("cache: wrote"));
    }
    assert_eq!(cache_files(home.path()).len(), 5);
    let list = run(home.path(), &["cache", "--list"]).out;
    assert!(!list.contains("gen1.ron"), "the oldest went:\n{list}");
    assert!(
        list.contains("gen6.ron") && list.contains("gen2.ron"),
        "{list}"
    );
}

#[test]
fn a_file_with_a_problem_is_never_cached() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = generated(home.path(), 1);
    // The last relation given twice: a warning or error, the rest still opens.
    let text = std::fs::read_to_string(&file).expect("reads");
    let last = text
        .lines()
        .rfind(|l| l.trim_start().starts_with("(from:"))
        .expect("a relation")
        .to_string();
    let at = text.rfind(&last).expect("found") + last.len();
    let twice = format!("{}\n{last}{}", &text[..at], &text[at..]);
    std::fs::write(&file, twice).expect("writes");
    for _ in 0..2 {
        let r = search(home.path(), &file, "lyon");
        assert!(r.err.contains("problem"), "{}", r.err);
        assert!(!r.err.contains("cache:"), "{}", r.err);
    }
    assert!(cache_files(home.path()).is_empty());
}

#[test]
fn bench_measures_the_cached_load_without_touching_the_users_cache() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = generated(home.path(), 1);
    let data = file.to_str().expect("utf-8");
    let r = run(
        home.path(),
        &["--data", data, "bench", "--runs", "1", "--json"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let report: serde_json::Value = serde_json::from_str(&r.out).expect("JSON");
    let cached = report["cached_load_ms"].as_f64().expect("a number");
    assert!(cached > 0.0, "{cached}");
    let first = report["cached_first_load_ms"].as_f64().expect("a number");
    assert!(first > 0.0, "{first}");
    // Each read's first frame comes after the read.
    let ready = report["cached_time_to_interactive_ms"]
        .as_f64()
        .expect("a number");
    assert!(ready >= cached, "{ready} against {cached}");
    assert!(cache_files(home.path()).is_empty());
    let builtin = run(
        home.path(),
        &[
            "bench", "--runs", "1", "--json", "--type", "lyo", "--pause", "1",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&builtin.out).expect("JSON");
    assert!(report["cached_load_ms"].is_null(), "{}", builtin.out);
    assert!(report["cached_first_load_ms"].is_null(), "{}", builtin.out);
    assert!(
        report["cached_time_to_interactive_ms"].is_null(),
        "{}",
        builtin.out
    );
    // Typed with a typist's pause, and the slowest key named.
    assert_eq!(report["pause_ms"], 1, "{}", builtin.out);
    let slowest = report["keystroke_slowest"].as_str().expect("a text");
    assert!("lyo".starts_with(slowest), "{slowest}");
    let too_long = run(home.path(), &["bench", "--pause", "5000"]);
    assert_eq!(too_long.code, 2, "{}", too_long.err);
    assert!(too_long.err.contains("--pause"), "{}", too_long.err);
}
