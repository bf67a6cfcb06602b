//! Any bytes as a compiled cache file: the reader must refuse what is not a
//! whole, sound file of ours without a panic, reading it a part at a time
//! (as loads and glances do), and a payload that decodes
//! and passes the checks (as one damaged in a way its checksum missed would
//! have to) must be usable: every lookup and a few searches without a panic.
//! A file's index alone, checked as a one-off lookup's glance checks it,
//! must answer the same searches with hits inside the dataset, each hit's
//! entity read alone from its run.
#![no_main]

use clusterdex::cache::{check, format, parted, runs};
use clusterdex::search::Query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // The file as the reader meets it: its header first.
    let _ = format::header(bytes);
    // The file read a part at a time, and each run's entities one by one.
    let file = std::env::temp_dir().join(format!("clusterdex-fuzz-{}.cdx", std::process::id()));
    if std::fs::write(&file, bytes).is_ok() {
        if let Ok(opened) = parted::Parted::open(&file) {
            let _ = parted::decode(&opened);
            glance(&opened);
            for k in 1..opened.count().saturating_sub(1) {
                if let Ok(run) = opened.part(k) {
                    for e in 0..runs::count(&run).unwrap_or(0) {
                        let _ = runs::one(&run, e);
                    }
                }
            }
        }
    }
    // The payload past its checksum.
    let Ok(payload) = format::decode_payload(bytes) else {
        return;
    };
    let Ok((ds, index)) = check::into_loaded(payload) else {
        return;
    };
    let _ = ds.summary();
    for e in 0..ds.len() {
        let _ = ds.links(e).count();
        let _ = ds.places_of(e);
        let _ = ds.index_of(&ds.entity(e).id);
    }
    for q in QUERIES {
        if let Ok(query) = Query::parse(q) {
            for hit in index.search(&query).unwrap_or_default() {
                assert!(hit.entity < ds.len());
            }
        }
    }
});

/// What a glance does with an opened file: the index alone, checked against
/// the entities there are, then each hit's entity from its run.
fn glance(opened: &parted::Parted) {
    let Ok(mut index) = opened.index() else {
        return;
    };
    if index.check(opened.entities()).is_err() {
        return;
    }
    for q in QUERIES {
        let Ok(query) = Query::parse(q) else { continue };
        for hit in index.search(&query).unwrap_or_default() {
            assert!(hit.entity < opened.entities());
            if let Ok(run) = opened.part(hit.entity / runs::RUN + 1) {
                let _ = runs::one(&run, hit.entity % runs::RUN);
            }
        }
    }
}

const QUERIES: [&str; 8] = [
    "lyon",
    "l",
    "ly",
    "cbs",
    "archinrad",
    "oncology",
    "kind:cluster in:france",
    "year:2015",
];
