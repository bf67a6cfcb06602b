//! The engine on a small dataset: fields, highlights through folding, scopes,
//! operators, typos, ordering and narrowing.

use super::*;
use crate::model::{Entity, Kind, Relation, RelationType, thin_vec};

fn dataset() -> Dataset {
    let mut lyon = Entity::new("lyonbiopole", Kind::Cluster, "Lyonbiopôle");
    lyon.aliases = thin_vec!["Lyonbiopole".into()];
    lyon.tags = thin_vec![
        "personalised medicine".into(),
        "in vitro diagnostics".into(),
    ];
    lyon.description = "Health cluster of the region.".into();
    let mut minalogic = Entity::new("minalogic", Kind::Cluster, "Minalogic");
    minalogic.tags = thin_vec!["nano/micro-electronics".into()];
    let mut medica = Entity::new("medica_2015", Kind::Event, "MEDICA 2015");
    medica.description = "Fair for medical devices.".into();
    medica.dates = thin_vec![crate::model::DateEntry {
        label: "held".into(),
        when: crate::model::When::parse("2015").unwrap(),
        note: None,
        sources: vec![],
    }];
    let mut accio = Entity::new("accio", Kind::Organisation, "ACCIÓ");
    accio.description = "Catalan agency for business competitiveness.".into();
    let weiss = Entity::new("weiss", Kind::Person, "Jürgen Weiß");
    let lyon_city = Entity::new("lyon", Kind::Place, "Lyon");
    let mut ara = Entity::new("auvergne_rhone_alpes", Kind::Place, "Auvergne-Rhône-Alpes");
    ara.aliases = thin_vec!["Rhône Alpes Region".into()];
    let france = Entity::new("france", Kind::Place, "France");
    let rel = |from, name, to| Relation::new(from, RelationType::parse(name).unwrap(), to, vec![]);
    let relations = vec![
        rel(0, "located_in", 5),
        rel(5, "part_of", 6),
        rel(6, "part_of", 7),
        rel(1, "located_in", 6),
    ];
    Dataset::new(
        String::new(),
        vec![],
        vec![
            lyon, minalogic, medica, accio, weiss, lyon_city, ara, france,
        ],
        relations,
    )
}

/// A name shared by a cluster and an event: a kind said with it keeps to
/// that kind, the other entity of the name not added as a whole-name hit.
#[test]
fn a_kind_said_with_a_shared_name_keeps_to_that_kind() {
    let nova_cluster = Entity::new("nova_cluster", Kind::Cluster, "Nova");
    let nova_fair = Entity::new("nova_fair", Kind::Event, "Nova");
    let ds = Dataset::new(String::new(), vec![], vec![nova_cluster, nova_fair], vec![]);
    let ix = Index::new(&ds);
    let ids = |q: &str| -> Vec<String> {
        (ix.search(&Query::parse(q).unwrap()).unwrap().iter())
            .map(|h| ds.entity(h.entity).id.to_string())
            .collect()
    };
    assert_eq!(ids("event nova"), ["nova_fair"]);
    assert_eq!(ids("the nova cluster"), ["nova_cluster"]);
    assert_eq!(ids("nova").len(), 2);
}

fn first(q: &str) -> Option<String> {
    let ds = dataset();
    let ix = Index::new(&ds);
    let hits = ix.search(&Query::parse(q).unwrap()).unwrap();
    hits.first()
        .map(|h| ds.entity(h.entity).id.clone())
        .map(String::from)
}

fn ids(q: &str) -> Vec<String> {
    let ds = dataset();
    let ix = Index::new(&ds);
    ix.search(&Query::parse(q).unwrap())
        .unwrap()
        .iter()
        .map(|h| ds.entity(h.entity).id.to_string())
        .collect()
}

#[test]
fn accent_free_and_typo_queries_find_the_entity() {
    assert_eq!(first("lyonbiopole").as_deref(), Some("lyonbiopole"));
    assert_eq!(first("accio").as_deref(), Some("accio"));
    assert_eq!(
        first("rhone alpes").as_deref(),
        Some("auvergne_rhone_alpes")
    );
    assert_eq!(first("minalogik").as_deref(), Some("minalogic"));
    assert_eq!(first("medika 2015").as_deref(), Some("medica_2015"));
    assert_eq!(first("weiss").as_deref(), Some("weiss"));
}

#[test]
fn highlights_point_at_original_characters() {
    let ds = dataset();
    let ix = Index::new(&ds);
    let hit = &ix.search(&Query::parse("weiss").unwrap()).unwrap()[0];
    assert_eq!(hit.field, Field::Name);
    // "Jürgen Weiß": W e i ß are chars 7..=10; the two folded s land on ß.
    assert_eq!(hit.indices, vec![7, 8, 9, 10]);
}

/// "Lyonbiopole", the alias, is "Lyonbiopôle" without its accent: one search
/// text, indexed once, and a hit on it shows the name with its accent lit.
#[test]
fn an_alias_that_folds_to_the_name_is_the_name() {
    let ds = dataset();
    let ix = Index::new(&ds);
    let lyon = ds.index_of("lyonbiopole").unwrap();
    let fields: Vec<Field> = ix.fields(lyon).iter().map(|s| s.field).collect();
    assert!(!fields.contains(&Field::Alias(0)), "{fields:?}");
    assert!(fields.contains(&Field::Name), "{fields:?}");
    // "Rhône Alpes Region" is no copy of "Auvergne-Rhône-Alpes": kept.
    let ara = ds.index_of("auvergne_rhone_alpes").unwrap();
    assert!(ix.fields(ara).iter().any(|s| s.field == Field::Alias(0)));
    let hit = &ix.search(&Query::parse("lyonbiopole").unwrap()).unwrap()[0];
    assert_eq!((hit.entity, hit.field), (lyon, Field::Name));
    assert_eq!(hit.indices, (0..11).collect::<Vec<_>>());
}

#[test]
fn scopes_restrict_by_kind_place_tag_and_year() {
    assert_eq!(ids("kind:event"), vec!["medica_2015"]);
    assert_eq!(
        ids("in:france kind:cluster"),
        vec!["minalogic", "lyonbiopole"]
    );
    assert_eq!(ids("tag:oncology"), Vec::<String>::new());
    assert_eq!(ids("tag:vitro"), vec!["lyonbiopole"]);
    assert_eq!(ids("year:2015"), vec!["medica_2015"]);
}

#[test]
fn operators_negate_and_combine() {
    assert_eq!(ids("kind:cluster !minalogic"), vec!["lyonbiopole"]);
    assert_eq!(ids("minalogic | accio"), vec!["minalogic", "accio"]);
    assert_eq!(
        ids("^lyon$"),
        vec!["lyon", "lyonbiopole"],
        "the city by name, then what is in it"
    );
    assert_eq!(ids("'agency"), vec!["accio"]);
}

#[test]
fn an_exact_name_ranks_first() {
    assert_eq!(first("lyon").as_deref(), Some("lyon"));
}

#[test]
fn an_unknown_place_is_a_query_error() {
    let ds = dataset();
    let ix = Index::new(&ds);
    let err = ix
        .search(&Query::parse("in:atlantis").unwrap())
        .unwrap_err();
    assert!(err.0.contains("names no place"));
}

#[test]
fn narrowing_gives_the_same_hits_as_a_fresh_search() {
    let ds = dataset();
    let ix = Index::new(&ds);
    let mut s = Searcher::new();
    for q in [
        "l", "ly", "lyo", "lyon", "lyonb", "lyon", "ly", "m", "med", "medi",
    ] {
        let incremental: Vec<usize> = s.search(&ix, q).unwrap().iter().map(|h| h.entity).collect();
        let fresh: Vec<usize> = ix
            .search(&Query::parse(q).unwrap())
            .unwrap()
            .iter()
            .map(|h| h.entity)
            .collect();
        assert_eq!(incremental, fresh, "query {q:?}");
    }
}

/// The first keystrokes are ranked from the index alone; the full matcher must
/// agree with them hit for hit (score, field, highlight) and on the count.
#[test]
fn one_and_two_letter_queries_rank_as_the_matcher_would() {
    let built_in = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX)
        .expect("the built-in dataset loads")
        .dataset;
    let generated = crate::validate::build(&crate::synth::generate(800, 3));
    for ds in [dataset(), built_in, generated] {
        let ix = Index::new(&ds);
        let everyone: Vec<u32> = (0..ix.len() as u32).collect();
        for q in ["l", "ly", "m", "me", "b", "bi", "é", "ju", "2", "x", "q"] {
            let query = Query::parse(q).expect("valid");
            let fast = rank::run(&ix, &query, &Personal::default(), None, 50).expect("runs");
            let full =
                rank::run(&ix, &query, &Personal::default(), Some(&everyone), 50).expect("runs");
            assert_eq!(fast.hits, full.hits, "{q}");
            assert_eq!(fast.total, full.total, "{q}");
        }
    }
}

/// The best few of many hits, picked before they are ordered, are the head of
/// the whole answer in order, with the user's frecency breaking ties.
#[test]
fn the_best_few_are_the_head_of_the_whole_order() {
    let ds = crate::validate::build(&crate::synth::generate(2_000, 5));
    let ix = Index::new(&ds);
    let seen = (0..ds.len()).step_by(7).map(|e| (e, (e % 5) as f64));
    let personal = Personal::new(Vec::new(), seen);
    for q in ["l", "me", "lyo", "gmbh", "bio", "health"] {
        let query = Query::parse(q).expect("valid");
        let whole = rank::run(&ix, &query, &personal, None, usize::MAX).expect("runs");
        assert!(whole.hits.len() > 20, "{q}: {} hits", whole.hits.len());
        let few = rank::run(&ix, &query, &personal, None, 12).expect("runs");
        assert_eq!(few.hits, whole.hits[..12], "{q}");
        assert_eq!(few.total, whole.total, "{q}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
    /// Scoring without positions uses the matcher's two-row pass (and keeps
    /// one score per character before a run found as typed); it must give the
    /// very score of the full pass that works out positions, or rankings
    /// would depend on which pass ran.
    #[test]
    fn the_two_row_score_is_the_full_score(
        // A small alphabet, so that most patterns do match, in many ways.
        choice in "[abcé .'-]{0,40}",
        pattern in "[abc]{1,4}",
    ) {
        let skim = matcher::Matcher::default();
        let full = skim.indices(&choice, &pattern).map(|(score, _)| score);
        proptest::prop_assert_eq!(skim.score(&choice, &pattern), full);
    }
}

/// On a generated dataset, typing a query letter by letter (each search
/// narrowing the last) gives the very hits, scores, fields and highlights of
/// searching for it at once: a ranking must not depend on how it was reached.
#[test]
fn typed_and_pasted_queries_rank_alike_on_a_large_dataset() {
    let ds = crate::validate::build(&crate::synth::generate(3000, 11));
    let ix = Index::new(&ds);
    let key = |h: &Hit| (h.entity, h.score, h.field, h.indices.clone());
    let words = [
        "lyonbiopole",
        "llo",
        "medtech",
        "clinique",
        "gmbh",
        "ollo",
        "anna",
        "srl",
        // Plurals: their singular is an alternative (a prefix of the word,
        // or not: `technologies`, `technology`).
        "clusters",
        "technologies",
        "networks",
    ];
    for word in words
        .into_iter()
        .chain(["lyon diag", "bio !lyon", "kind:event conf"])
        // Words added to words typed whole: searched among the answer to
        // the words before them, however short the new one still is.
        .chain([
            "lyon bio gmbh",
            "medtech of anna",
            "gmbh lyon|paris",
            "srl !l",
            "the lyon",
        ])
    {
        let mut typed = Searcher::new();
        for end in word.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let q = &word[..end];
            // Half-typed operators ("bio !") are errors either way.
            let keys = |hits: &[Hit]| hits.iter().map(key).collect::<Vec<_>>();
            let narrowed = typed.search(&ix, q).map(keys).ok();
            let mut fresh = Searcher::new();
            let at_once = fresh.search(&ix, q).map(keys).ok();
            assert_eq!(narrowed, at_once, "query {q:?}");
            if at_once.is_some() {
                assert_eq!(typed.total(), fresh.total(), "query {q:?}");
            }
        }
    }
}

/// Typing a question, a typo, a synonym or initials letter by letter gives
/// what searching for it at once gives: typos, initials and synonyms are
/// looked up anew at each keystroke, and a word turning into a stop word
/// ("whe", "when") stops narrowing.
#[test]
fn typed_questions_typos_and_synonyms_rank_as_pasted_on_the_built_in_dataset() {
    let ds = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX)
        .expect("the built-in dataset loads")
        .dataset;
    let ix = Index::new(&ds);
    let key = |h: &Hit| (h.entity, h.score, h.field, h.indices.clone());
    for text in [
        "health2care forum when",
        "who coordinates magia",
        "oncologie clara",
        "boehringer ingleheim",
        "bio-merieux",
        "cbs",
        "qui préside lyonbiopôle",
        "archinrad",
        "the lyonbiopole",
        "clusters italiens",
        "conferences",
        "agencies",
        "réseaux",
        "how do we know biowin?",
        "c'est quoi medicen",
    ] {
        let mut typed = Searcher::new();
        for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let q = &text[..end];
            let keys = |hits: &[Hit]| hits.iter().map(key).collect::<Vec<_>>();
            let narrowed = typed.search(&ix, q).map(keys).ok();
            let at_once = Searcher::new().search(&ix, q).map(keys).ok();
            assert_eq!(narrowed, at_once, "query {q:?}");
        }
    }
}
