//! A glance reads what a whole load reads, part by part: the same index and
//! entities, and nothing from an entry that is not for the file's bytes or
//! whose parts do not hold to their checksums.

use std::path::{Path, PathBuf};

use super::super::Cache;
use crate::cache::parts;
use crate::load::{DataSource, load};
use crate::search::Query;

/// A generated file of over 1 MiB in `dir`, loaded and cached.
fn cached(dir: &Path) -> (Cache, PathBuf, crate::model::Dataset) {
    let cache = Cache::Dir(dir.join("cache"));
    let path = dir.join("data.ron");
    let text = crate::data::to_ron(&crate::synth::generate(5_000, 2)).expect("writes");
    std::fs::write(&path, text).expect("writes");
    let mut loaded = load(&DataSource::File(path.clone()), u64::MAX).expect("loads");
    let index = loaded.take_index();
    let key = cache.key_of_file(&path, u64::MAX).expect("opens");
    cache.write(key.expect("a key"), &path, &loaded.dataset, &index);
    (cache, path, loaded.dataset)
}

#[test]
fn a_glance_gives_the_index_and_any_entity_as_a_whole_load_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (cache, path, ds) = cached(dir.path());
    let glance = cache
        .glance(&path, u64::MAX)
        .expect("opens")
        .expect("a hit");
    let (_, whole) = cache
        .read_file(&path, u64::MAX, false)
        .expect("opens")
        .expect("a hit");
    for q in ["lyon", "archinrad", "kind:cluster", "l"] {
        let query = Query::parse(q).expect("parses");
        assert_eq!(glance.index.search(&query), whole.search(&query), "{q}");
    }
    // The first, last and a run's edges.
    let wanted = [0, 4095, 4096, ds.len() - 1];
    let got = glance.entities(wanted).expect("sound");
    for e in wanted {
        assert_eq!(got.get(&e), Some(ds.entity(e)), "entity {e}");
    }
    assert!(glance.entities([ds.len() + 4096]).is_err(), "past the runs");
    // Ids, as the user's notes name their entities.
    let ids = [
        ds.entity(0).id.as_ref(),
        "no such id",
        &ds.entity(ds.len() - 1).id,
    ];
    let found = glance.entities_of(ids).expect("sound");
    assert_eq!(found, [Some(0), None, Some(ds.len() - 1)]);
}

#[test]
fn a_glance_takes_nothing_from_a_damaged_entry_or_another_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (cache, path, _) = cached(dir.path());
    let entries = super::super::dir::entries(&dir.path().join("cache"));
    let [entry] = entries.try_into().expect("one entry");
    let entry = entry.path;
    let whole = std::fs::read(&entry).expect("reads");
    // Where the payload and its parts start: the table's entries in order.
    let (_, at) = crate::cache::format::header(&whole).expect("a header");
    let body = &whole[at..];
    let table = parts::table(body).expect("a table");
    let lens: Vec<usize> = (parts::entries(table).iter())
        .map(|&(len, _)| len as usize)
        .collect();
    let start_of = |k: usize| at + table.len() + lens[..k].iter().sum::<usize>();
    let with = |at: usize| {
        let mut bytes = whole.clone();
        bytes[at] ^= 0x5a;
        std::fs::write(&entry, bytes).expect("writes");
    };
    // A byte of either half of the index: no glance. A byte of the first
    // run: the index is sound, the entities of that run are not given.
    for half in [lens.len() - 2, lens.len() - 1] {
        with(start_of(half) + 10);
        assert!(cache.glance(&path, u64::MAX).expect("opens").is_none());
    }
    // A byte of the ids: a glance, but no note finds its entity.
    with(start_of(lens.len() - 3) + 10);
    let glance = cache
        .glance(&path, u64::MAX)
        .expect("opens")
        .expect("a hit");
    assert!(glance.entities_of(["city_0_1_0"]).is_err());
    with(start_of(1) + 10);
    let glance = cache
        .glance(&path, u64::MAX)
        .expect("opens")
        .expect("a hit");
    assert!(glance.entities([0]).is_err());
    assert!(glance.entities([4096]).is_ok(), "another run is sound");
    // The table itself changed; the file cut short.
    with(at + 5);
    assert!(cache.glance(&path, u64::MAX).expect("opens").is_none());
    std::fs::write(&entry, &whole[..whole.len() - 1]).expect("writes");
    assert!(cache.glance(&path, u64::MAX).expect("opens").is_none());
    // Sound again, but the file's bytes changed: not this entry's.
    std::fs::write(&entry, &whole).expect("writes");
    assert!(cache.glance(&path, u64::MAX).expect("opens").is_some());
    let text = std::fs::read_to_string(&path).expect("reads");
    std::fs::write(&path, text.replace("Lyon", "Lyom")).expect("writes");
    assert!(cache.glance(&path, u64::MAX).expect("opens").is_none());
    assert!(entry.is_file(), "a glance removes nothing");
}

#[test]
fn a_glance_at_the_built_in_dataset_gives_what_its_text_gives() {
    let glance = crate::cache::builtin::glance().expect("compiled into the program");
    let mut parsed = crate::load::builtin_text().expect("parses");
    let index = parsed.take_index();
    let ds = &parsed.dataset;
    for q in [
        "lyon",
        "bio-win",
        "medtec aliance",
        "kind:cluster in:france",
        "l",
    ] {
        let query = Query::parse(q).expect("parses");
        assert_eq!(glance.index.search(&query), index.search(&query), "{q}");
    }
    let all = glance.entities(0..ds.len()).expect("sound");
    assert_eq!(all.len(), ds.len());
    for (e, entity) in all {
        assert_eq!(&entity, ds.entity(e), "entity {e}");
    }
    assert!(glance.entities([ds.len()]).is_err(), "past the entities");
    let found = glance.entities_of(["magia", "no such id"]).expect("sound");
    assert_eq!(found, [ds.index_of("magia"), None]);
}

/// Bytes as a cache file on disk, and a glance at it: what a file is held
/// to, on bytes whose layout the build made. The folder is kept for as long
/// as the glance reads its entities from the file.
fn glance_at_file(
    bytes: &[u8],
) -> (
    tempfile::TempDir,
    Result<super::Glance, crate::cache::format::Bad>,
) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("entry.cdx");
    std::fs::write(&path, bytes).expect("written");
    let glance = super::Glance::open(&path);
    (dir, glance)
}

#[test]
fn the_built_in_bytes_pass_every_checksum_a_file_is_held_to() {
    // The glance at the program's own bytes skips their checksums, on the
    // word of this test: every checksum the build wrote matches its bytes.
    let whole = crate::cache::builtin::COMPILED;
    let (_dir, glance) = glance_at_file(whole);
    let glance = glance.expect("sound as a file");
    let n = glance.file.entities();
    assert!(n > 0);
    assert_eq!(glance.entities(0..n).expect("every run sound").len(), n);
    assert!(glance.entities_of(["magia"]).is_ok());
}

#[test]
fn damaged_cache_bytes_give_no_glance_or_refuse_what_they_hold() {
    let whole = crate::cache::builtin::COMPILED;
    let (_, at) = crate::cache::format::header(whole).expect("a header");
    let table = parts::table(&whole[at..]).expect("a table");
    let lens: Vec<usize> = (parts::entries(table).iter())
        .map(|&(len, _)| len as usize)
        .collect();
    let start_of = |k: usize| at + table.len() + lens[..k].iter().sum::<usize>();
    let flipped = |at: usize| {
        let mut bytes = whole.to_vec();
        bytes[at] ^= 0x5a;
        bytes
    };
    // The header, the table, either half of the index; cut short.
    for at in [
        3,
        30,
        at + 5,
        start_of(lens.len() - 2) + 10,
        whole.len() - 3,
    ] {
        assert!(glance_at_file(&flipped(at)).1.is_err(), "byte {at}");
    }
    assert!(glance_at_file(&whole[..whole.len() - 1]).1.is_err());
    // A byte of the run: the index is sound, its entities are not given.
    let (_dir, glance) = glance_at_file(&flipped(start_of(1) + 10));
    let glance = glance.expect("the index is sound");
    assert_eq!(
        glance.entities([0]),
        Err(crate::cache::format::Bad("checksum does not match"))
    );
}

#[test]
fn embedded_bytes_cut_short_or_with_a_broken_header_give_no_glance() {
    // Bytes in the program are not summed, but their layout is still read
    // with care: a header or a length that does not add up is refused.
    let whole = crate::cache::builtin::COMPILED;
    let embedded = |bytes: Vec<u8>| super::Glance::embedded(Vec::leak(bytes));
    assert!(embedded(whole[..whole.len() - 1].to_vec()).is_err());
    assert!(embedded(whole[..10].to_vec()).is_err());
    let mut header = whole.to_vec();
    header[3] ^= 0x5a;
    assert!(embedded(header).is_err());
    assert!(embedded(whole.to_vec()).is_ok());
}
