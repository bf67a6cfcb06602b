//! The compiled form read back: the same answers as a freshly built index, and
//! every number that points outside the dataset refused before use.

use super::check::into_loaded;
use super::format::{self, Bad};
use crate::load::{DataSource, load};
use crate::model::Dataset;
use crate::search::{Index, Query};

fn builtin() -> Dataset {
    load(&DataSource::Builtin, u64::MAX)
        .expect("built-in")
        .dataset
}

fn round_trip(ds: &Dataset, index: &Index) -> format::Payload {
    let file = format::encode(7, &super::program_id(), "test.ron", ds, index);
    read_back(&file, 7).expect("reads back")
}

/// A cache file's bytes read as the program reads an entry: from a file, a
/// part at a time, for the bytes hashed to `content`.
fn read_back(file: &[u8], content: u128) -> Result<format::Payload, Bad> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("entry.cdx");
    std::fs::write(&path, file).expect("writes");
    let opened = super::parted::Parted::open(&path)?;
    super::for_key(&opened.header, super::Key { content })?;
    Ok(super::parted::decode(&opened)?.assemble())
}

#[test]
fn a_cached_index_answers_as_a_fresh_one() {
    let ds = builtin();
    let fresh = Index::new(&ds);
    let (back_ds, back) = into_loaded(round_trip(&ds, &fresh)).expect("sound");
    assert_eq!(back_ds.len(), ds.len());
    assert_eq!(back_ds.index_of("magia"), ds.index_of("magia"));
    // Plain words, typos, initials, synonyms, scopes and one- and two-letter prefixes.
    for q in [
        "lyon",
        "magia",
        "archinrad",
        "cbs",
        "oncology",
        "kind:cluster in:france",
        "l",
        "ly",
    ] {
        let expected = hits(&fresh, q);
        assert!(!expected.is_empty(), "{q}");
        assert_eq!(hits(&back, q), expected, "{q}");
    }
}

type Hit = (usize, i64, String, Vec<usize>);

fn hits(ix: &Index, q: &str) -> Vec<Hit> {
    let query = Query::parse(q).expect("parses");
    let found = ix.search(&query).expect("searches");
    (found.into_iter())
        .map(|h| (h.entity, h.score, format!("{:?}", h.field), h.indices))
        .collect()
}

#[test]
fn the_built_in_dataset_comes_compiled_and_equal_to_its_text() {
    let mut compiled = load(&DataSource::Builtin, u64::MAX).expect("built-in");
    assert!(
        compiled.index.is_some(),
        "decoded with its index, not parsed"
    );
    let mut parsed = crate::load::builtin_text().expect("parses");
    assert!(parsed.index.is_none() && parsed.diagnostics.is_empty());
    let (a, b) = (&compiled.dataset, &parsed.dataset);
    assert_eq!(
        (&a.title, &a.sources, &a.synonyms),
        (&b.title, &b.sources, &b.synonyms)
    );
    assert_eq!(a.entities, b.entities);
    assert_eq!(a.relations, b.relations);
    let (compiled, parsed) = (compiled.take_index(), parsed.take_index());
    for q in [
        "lyon",
        "archinrad",
        "boehringer ingleheim",
        "cbs",
        "wallonie",
        "l",
    ] {
        let expected = hits(&parsed, q);
        assert!(!expected.is_empty(), "{q}");
        assert_eq!(hits(&compiled, q), expected, "{q}");
    }
}

#[test]
fn a_file_for_other_bytes_or_another_program_is_refused() {
    let ds = builtin();
    let index = Index::new(&ds);
    let file = format::encode(7, &super::program_id(), "test.ron", &ds, &index);
    assert!(read_back(&file, 8).is_err());
    let other = format::encode(7, "other program", "test.ron", &ds, &index);
    assert!(read_back(&other, 7).is_err());
    let mut longer = file.clone();
    longer.push(0);
    assert_eq!(
        read_back(&longer, 7).err(),
        Some(Bad("truncated or too long"))
    );
}

#[test]
fn numbers_pointing_outside_the_dataset_are_refused() {
    let ds = builtin();
    let index = Index::new(&ds);
    let n = ds.len();
    let mut p = round_trip(&ds, &index);
    let from = p.model.relations[0].from();
    p.model.relations[0].set_ends(from, n);
    assert!(into_loaded(p).is_err(), "a relation's end");
    let mut p = round_trip(&ds, &index);
    let sources = p.model.sources.len();
    p.model.entities[0].sources.push(sources);
    assert!(into_loaded(p).is_err(), "an entity's source");
    let mut p = round_trip(&ds, &index);
    p.model.entities.pop();
    assert!(into_loaded(p).is_err(), "an index of another size");
}

#[test]
fn a_file_hashed_as_it_is_read_has_the_key_of_its_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = super::Cache::Dir(dir.path().join("cache"));
    let path = dir.path().join("big.ron");
    // Over a megabyte, and not a whole number of the megabyte read at a time.
    let bytes: Vec<u8> = (0..(3 << 20) + 12_345)
        .map(|i| (i * 7 % 251) as u8)
        .collect();
    std::fs::write(&path, &bytes).expect("writes");
    let streamed = cache.key_of_file(&path, u64::MAX).expect("opens");
    assert_eq!(streamed, cache.key(&bytes));
    assert!(streamed.is_some());
    // Too large for the limit: refused as a load would refuse it.
    assert!(cache.key_of_file(&path, 1 << 20).is_err());
    // Small files and a cache that is off have no key.
    std::fs::write(&path, b"(entities: [])").expect("writes");
    assert_eq!(cache.key_of_file(&path, u64::MAX).ok(), Some(None));
    assert_eq!(
        super::Cache::Off.key_of_file(&path, u64::MAX).ok(),
        Some(None)
    );
}

#[test]
fn a_large_payload_decodes_in_parts_to_the_same_dataset() {
    // Three runs of entities and over a megabyte: the parallel path.
    let ds = crate::validate::build(&crate::synth::generate(10_000, 7));
    let index = Index::new(&ds);
    let body = format::encode_payload(&ds, &index);
    assert!(body.len() > 1 << 20, "{} bytes", body.len());
    let (back_ds, back) =
        into_loaded(format::decode_payload(&body).expect("decodes")).expect("sound");
    assert_eq!(back_ds.entities, ds.entities, "entities in their order");
    assert_eq!(back_ds.relations, ds.relations);
    for q in ["lyon", "archinrad", "kind:cluster"] {
        assert_eq!(hits(&back, q), hits(&index, q), "{q}");
    }
}

#[test]
fn a_payload_whose_table_does_not_add_up_is_refused() {
    let ds = builtin();
    let body = format::encode_payload(&ds, &Index::new(&ds));
    let parts = u32::from_le_bytes(body[..4].try_into().expect("4 bytes")) as usize;
    assert_eq!(
        parts, 5,
        "head, one run of entities, ids, the index's two halves"
    );
    let with = |edit: &dyn Fn(&mut Vec<u8>)| {
        let mut bad = body.clone();
        edit(&mut bad);
        format::decode_payload(&bad).err()
    };
    let refused = Some(Bad("payload does not decode"));
    assert_eq!(
        with(&|b| b[..4].copy_from_slice(&9u32.to_le_bytes())),
        refused
    );
    assert_eq!(
        with(&|b| b[..4].copy_from_slice(&1u32.to_le_bytes())),
        refused
    );
    assert_eq!(
        with(&|b| b[4] = b[4].wrapping_add(1)),
        refused,
        "a length off by one"
    );
    assert_eq!(with(&|b| b.truncate(b.len() - 1)), refused, "cut short");
    // The run and the index swapped: each decodes as neither.
    let split = crate::cache::parts::split(&body).expect("splits");
    let [head, run, ids, texts, lookups] = [0, 1, 2, 3, 4].map(|k| split[k]);
    assert!(format::decode_payload(&body_of(&[head, run, ids, texts, lookups])).is_ok());
    assert!(format::decode_payload(&body_of(&[head, texts, ids, run, lookups])).is_err());
    assert!(format::decode_payload(&body_of(&[head, run, ids, lookups, texts])).is_err());
    // Without the ids, the run is read as them and the index meets no entity.
    let no_ids = format::decode_payload(&body_of(&[head, run, texts, lookups]));
    assert!(no_ids.and_then(into_loaded).is_err(), "no ids");
}

/// A payload of these parts, each as given.
fn body_of(parts: &[&[u8]]) -> Vec<u8> {
    crate::cache::parts::join(parts)
}

#[test]
fn a_part_changed_on_disk_fails_its_checksum_and_the_file_is_not_used() {
    let ds = builtin();
    let index = Index::new(&ds);
    let file = format::encode(7, &super::program_id(), "f.ron", &ds, &index);
    assert!(read_back(&file, 7).is_ok());
    // A byte of the last part (the index) flipped, the table left as it was:
    // the payload checksum (the table's) still matches, the part's does not.
    let mut changed = file.clone();
    *changed.last_mut().expect("a byte") ^= 1;
    assert_eq!(
        read_back(&changed, 7).err(),
        Some(Bad("checksum does not match"))
    );
}

#[test]
fn runs_of_entities_that_claim_what_they_cannot_hold_are_refused() {
    let ds = builtin();
    let index = Index::new(&ds);
    let body = format::encode_payload(&ds, &index);
    let split = crate::cache::parts::split(&body).expect("splits");
    let [head, ids, texts, lookups] = [0, 2, 3, 4].map(|k| split[k]);
    let whole = crate::cache::runs::encode(&ds.entities);
    assert!(format::decode_payload(&body_of(&[head, &whole, ids, texts, lookups])).is_ok());
    let refused = Some(Bad("payload does not decode"));
    let decode = |parts: &[&[u8]]| format::decode_payload(&body_of(parts)).err();
    // A run saying it holds 65,535 entities, and one saying 4,096 over a few bytes.
    assert_eq!(
        decode(&[head, &[0xff, 0xff, 0, 0, 1, 2], ids, texts, lookups]),
        refused
    );
    assert_eq!(
        decode(&[head, &[0, 0x10, 0, 0, 1, 2, 3], ids, texts, lookups]),
        refused
    );
    // Two runs, the first not a whole run: the entities would be out of place.
    let (a, b) = ds.entities.split_at(ds.len() / 2);
    let (a, b) = (crate::cache::runs::encode(a), crate::cache::runs::encode(b));
    assert_eq!(decode(&[head, &a, &b, ids, texts, lookups]), refused);
}

#[test]
fn the_entry_read_while_hashing_is_used_only_for_the_bytes_it_was_made_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = super::Cache::Dir(dir.path().join("cache"));
    let path = dir.path().join("data.ron");
    let text = crate::data::BUILTIN;
    std::fs::write(&path, text).expect("writes");
    let ds = builtin();
    let key = super::Cache::key_of_any_file(&path, u64::MAX).expect("opens");
    cache.write(key.expect("a key"), &path, &ds, &Index::new(&ds));
    let (back, _) = (cache.read_file(&path, u64::MAX, true).expect("opens")).expect("a hit");
    assert_eq!(back.entities, ds.entities);
    // The same name, other bytes: the entry last used for the name is not theirs.
    std::fs::write(&path, format!("{text}\n")).expect("writes");
    assert!(
        cache
            .read_file(&path, u64::MAX, true)
            .expect("opens")
            .is_none()
    );
    let entries = super::dir::entries(&dir.path().join("cache"));
    assert_eq!(
        entries.len(),
        1,
        "a guess that missed is kept for its own bytes"
    );
    // A file the load would refuse is refused here too.
    assert!(cache.read_file(&path, 16, true).is_err());
}
