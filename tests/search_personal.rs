//! The user's own part of a search, on the built-in dataset: notes are text
//! of their entity (a hit in a note says so, `note:` keeps entities with such
//! a note), and frecency only breaks ties: it reorders hits the index ranks
//! equal and never lifts a weaker match over a better one.

use clusterdex::load::{DataSource, load};
use clusterdex::model::Dataset;
use clusterdex::search::{Field, Hit, Index, Personal, Query};

fn data() -> (Dataset, Index) {
    let l = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("loads");
    let ix = Index::new(&l.dataset);
    (l.dataset, ix)
}

fn search(ix: &Index, personal: &Personal, query: &str) -> Vec<Hit> {
    let q = Query::parse(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    ix.search_with(&q, personal, 500).expect("searches")
}

fn notes(ds: &Dataset, notes: &[(&str, &str)]) -> Personal {
    let notes = notes.iter().map(|(id, text)| {
        let e = ds
            .index_of(id)
            .unwrap_or_else(|| panic!("{id} is in the dataset"));
        (e, text.to_string())
    });
    Personal::new(notes, [])
}

#[test]
fn a_word_only_in_a_note_finds_its_entity_and_the_hit_says_so() {
    let (ds, ix) = data();
    let word = "zanzibarre";
    assert!(
        search(&ix, &Personal::default(), word).is_empty(),
        "no dataset text has it"
    );
    let p = notes(
        &ds,
        &[("biopmed", "Wants to talk about Zanzibarre in March")],
    );
    let hits = search(&ix, &p, "zanzibare");
    assert!(
        hits.is_empty(),
        "a note is prose: matched as typed, not fuzzily"
    );
    let hits = search(&ix, &p, "Zanzibarre march");
    let [hit] = hits.as_slice() else {
        panic!("one hit: {hits:?}")
    };
    assert_eq!(&*ds.entity(hit.entity).id, "biopmed");
    assert_eq!(hit.field, Field::Note(0));
    assert_eq!(
        p.hit_text(&ds, hit),
        "Wants to talk about Zanzibarre in March"
    );
    let lit: String = hit
        .indices
        .iter()
        .filter_map(|&i| p.hit_text(&ds, hit).chars().nth(i))
        .collect();
    assert_eq!(lit, "ZanzibarreMarch", "both words lit in the note");
}

#[test]
fn a_name_outranks_the_same_word_in_a_note() {
    let (ds, ix) = data();
    let p = notes(&ds, &[("medicen_paris_region", "Biowin said yes")]);
    let hits = search(&ix, &p, "biowin");
    assert_eq!(&*ds.entity(hits[0].entity).id, "biowin");
    let noted = hits
        .iter()
        .position(|h| &*ds.entity(h.entity).id == "medicen_paris_region");
    let noted = noted.expect("the note's entity is a hit too");
    assert_eq!(hits[noted].field, Field::Note(0));
}

#[test]
fn the_note_scope_keeps_entities_with_such_a_note() {
    let (ds, ix) = data();
    let p = notes(
        &ds,
        &[
            ("biopmed", "China in March"),
            ("biopmed", "budget"),
            ("magia", "ask about Chine"),
            ("biowin", "nothing to say"),
        ],
    );
    let ids = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = search(&ix, &p, q)
            .iter()
            .map(|h| ds.entity(h.entity).id.to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids("note:chin"), ["biopmed", "magia"]);
    assert_eq!(ids("note:china"), ["biopmed"]);
    assert_eq!(ids("note:"), ["biopmed", "biowin", "magia"]);
    assert_eq!(ids("kind:cluster note:"), ["biopmed", "biowin"]);
    assert!(!ids("kind:cluster !note:china").contains(&"biopmed".to_string()));
    let hits = search(&ix, &p, "note:budget");
    assert_eq!(hits[0].field, Field::Note(1), "the hit points at the note");
    assert_eq!(p.hit_text(&ds, &hits[0]), "budget");
}

/// Two neighbouring hits the index ranks equal: the first's position.
fn tie(hits: &[Hit]) -> Option<usize> {
    (0..hits.len().saturating_sub(1)).find(|&i| {
        hits[i].score == hits[i + 1].score && hits[i].field.rank() == hits[i + 1].field.rank()
    })
}

#[test]
fn frecency_breaks_a_tie() {
    let (_, ix) = data();
    for query in ["kind:cluster", "bio"] {
        let hits = search(&ix, &Personal::default(), query);
        let i = tie(&hits).unwrap_or_else(|| panic!("{query}: no tie"));
        let (first, second) = (hits[i].entity, hits[i + 1].entity);
        let p = Personal::new([], [(second, 3.0)]);
        let again = search(&ix, &p, query);
        let pos = |e: usize| {
            again
                .iter()
                .position(|h| h.entity == e)
                .expect("still a hit")
        };
        assert!(
            pos(second) < pos(first),
            "{query}: the entity opened lately comes first"
        );
        assert_eq!(again.len(), hits.len());
    }
}

#[test]
fn frecency_never_lifts_a_weaker_match() {
    let (_, ix) = data();
    for query in ["lyon", "bio", "health", "magia"] {
        let hits = search(&ix, &Personal::default(), query);
        let weaker: Vec<usize> = (1..hits.len())
            .filter(|&j| hits[j].score < hits[0].score)
            .collect();
        assert!(
            !weaker.is_empty(),
            "{query}: some hit is weaker than the first"
        );
        // Every weaker hit opened often and lately, the best one never.
        let p = Personal::new([], weaker.iter().map(|&j| (hits[j].entity, 1e9)));
        let again = search(&ix, &p, query);
        assert_eq!(again[0].entity, hits[0].entity, "{query}");
        assert!(
            again.windows(2).all(|w| w[0].score >= w[1].score),
            "{query}: scores stay in order"
        );
    }
}
