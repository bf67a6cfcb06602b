//! The figures behind the compiled cache's choice of encoding (see
//! `docs/performance.md`): a dataset file loaded and indexed, then its
//! cache payload encoded and decoded with `bitcode` and with `postcard`
//! (both through serde, the same derives), best of five each.
//!
//! `cargo run --release --example cache_formats -- FILE.ron [SEED]`
//!
//! `FILE.ron` may be `builtin`. With `SEED`, the cache's payload is also
//! written there: the fuzz target `cache` starts from such a seed (see
//! `docs/fuzzing.md`).

use std::time::Instant;

use clusterdex::cache::format;
use clusterdex::load::{DataSource, load};
use clusterdex::model::{Entity, Relation, Source};
use clusterdex::search::Index;
use serde::{Deserialize, Serialize};

/// The payload as the cache writes it, borrowed.
#[derive(Serialize)]
struct Ref<'a> {
    title: &'a str,
    sources: &'a [Source],
    entities: &'a [Entity],
    relations: &'a [Relation],
    synonyms: &'a [Vec<String>],
    index: &'a Index,
}

/// The same, owned, as decoded.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Owned {
    title: String,
    sources: Vec<Source>,
    entities: Vec<Entity>,
    relations: Vec<Relation>,
    synonyms: Vec<Vec<String>>,
    index: Index,
}

fn best(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cache_formats FILE.ron");
        std::process::exit(2);
    };
    let source = match path.as_str() {
        "builtin" => DataSource::Builtin,
        _ => DataSource::File(path.into()),
    };
    let loaded = load(&source, u64::MAX).expect("the file loads");
    let ds = &loaded.dataset;
    let index = Index::new(ds);
    let payload = Ref {
        title: &ds.title,
        sources: &ds.sources,
        entities: &ds.entities,
        relations: &ds.relations,
        synonyms: &ds.synonyms,
        index: &index,
    };
    println!("| format | bytes | encode ms | decode ms |");
    println!("|---|---|---|---|");
    let bitcode_bytes = bitcode::serialize(&payload).expect("encodes");
    let cached = format::encode_payload(ds, &index);
    if let Some(seed) = std::env::args().nth(2) {
        std::fs::write(&seed, &cached).expect("writes the seed");
        // A whole file too, header and all, for the readers that take one.
        let whole = format::encode(0, "fuzz", "seed.ron", ds, &index);
        std::fs::write(format!("{seed}.cdx"), whole).expect("writes the seed");
    }
    let enc = best(5, || drop(bitcode::serialize(&payload)));
    let dec = best(5, || {
        drop(bitcode::deserialize::<Owned>(&bitcode_bytes).expect("decodes"))
    });
    println!(
        "| bitcode (serde) | {} | {enc:.1} | {dec:.1} |",
        bitcode_bytes.len()
    );
    let postcard_bytes = postcard::to_allocvec(&payload).expect("encodes");
    let enc = best(5, || drop(postcard::to_allocvec(&payload)));
    let dec = best(5, || {
        drop(postcard::from_bytes::<Owned>(&postcard_bytes).expect("decodes"))
    });
    println!(
        "| postcard | {} | {enc:.1} | {dec:.1} |",
        postcard_bytes.len()
    );
    let enc = best(5, || drop(format::encode_payload(ds, &index)));
    let dec = best(5, || {
        drop(format::decode_payload(&cached).expect("decodes"))
    });
    println!(
        "| postcard in parts decoded on every core (the cache's: a head, the entities in runs, the index) | {} | {enc:.1} | {dec:.1} |",
        cached.len()
    );
}
