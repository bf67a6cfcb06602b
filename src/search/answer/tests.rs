//! Questions as people type them in meetings, on the built-in dataset: each
//! must be read as the entity and label meant, and answered from the data.

use super::*;
use crate::load::{DataSource, load};

fn data() -> (Dataset, Index) {
    let ds = load(&DataSource::Builtin, u64::MAX)
        .expect("the built-in dataset loads")
        .dataset;
    let ix = Index::new(&ds);
    (ds, ix)
}

/// The answers to `question` as "entity › label › targets or value" lines.
fn lines(ds: &Dataset, ix: &Index, question: &str) -> Vec<String> {
    let q = Query::parse(question).expect("parses");
    answers(ds, ix, &q)
        .iter()
        .map(|a| {
            let what = match &a.value {
                Some(v) => v.clone(),
                None => (a.targets.iter())
                    .map(|&t| ds.entity(t).id.as_ref())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            format!("{} › {} › {what}", ds.entity(a.entity).id, a.label)
        })
        .collect()
}

#[test]
fn questions_are_answered_with_the_entity_the_label_and_what_it_points_to() {
    let (ds, ix) = data();
    for (question, want) in [
        (
            "bioxclusters plus coordinator",
            "bioxclusters_plus › coordinated by › lyonbiopole",
        ),
        (
            "who coordinates bioxclusters plus",
            "bioxclusters_plus › coordinated by › lyonbiopole",
        ),
        ("magia coordinator", "magia › coordinated by › biopmed"),
        (
            "lyonbiopole president",
            "lyonbiopole › president › philippe_archinard",
        ),
        (
            "qui préside lyonbiopôle",
            "lyonbiopole › president › philippe_archinard",
        ),
        (
            "health2care forum when",
            "health2care_forum › held › 23 September 2014",
        ),
        (
            "where is the health2care final conference",
            "health2care_final_conference › located in › lyon",
        ),
        (
            "lyonbiopole founding members",
            "lyonbiopole › founding members › 6: four major manufacturers (Sanofi Pasteur, BioMérieux, Bohringer Ingelheim Animal Health, BD), the CEA and the Mérieux Foundation",
        ),
        (
            "health2care projects",
            "health2care › supported › voicepatch",
        ),
        (
            "health2care regional clusters",
            "health2care › regional clusters › 4: i-Care, Lyonbiopôle, Minalogic, Plastipolis",
        ),
        (
            "who funds magia",
            "magia › funded by › european_commission, dg_grow, easme",
        ),
        (
            "bioxclusters plus markets",
            "bioxclusters_plus › targets market › usa, brazil, china, japan, australia, canada, south_korea",
        ),
    ] {
        let got = lines(&ds, &ix, question);
        assert!(
            got.iter().any(|l| l == want),
            "{question}: want {want}, got {got:#?}"
        );
    }
}

#[test]
fn both_directions_of_a_label_are_answered() {
    let (ds, ix) = data();
    // Lyonbiopôle coordinates BioXclusters Plus: asked from the other end.
    let got = lines(&ds, &ix, "lyonbiopole coordinates");
    assert!(
        got.contains(&"lyonbiopole › coordinates › bioxclusters_plus".to_string()),
        "{got:?}"
    );
}

#[test]
fn a_name_alone_or_a_label_alone_is_no_question() {
    let (ds, ix) = data();
    for query in [
        "lyonbiopole",
        "coordinator",
        "who",
        "lyon bio",
        "european commission",
        "health2care forum",
        "kind:cluster president",
    ] {
        assert_eq!(lines(&ds, &ix, query), Vec::<String>::new(), "{query}");
    }
}

/// The entity's own kind said with its name names it: no answer, no gap.
#[test]
fn a_kind_said_with_a_name_of_that_kind_asks_nothing() {
    let (ds, ix) = data();
    let said = |query: &str| answers_or_gap(&ds, &ix, &Query::parse(query).expect("parses"));
    for query in [
        "event medica",
        "medica 2015 event",
        "projet voicepatch",
        "the voicepatch project",
    ] {
        assert_eq!(said(query), Vec::new(), "{query}");
    }
    // Of an entity of another kind, the word still asks (a gap here).
    assert!(!said("lyonbiopole project").is_empty());
}

#[test]
fn an_unanswered_question_still_says_which_entity_it_understood() {
    let (ds, ix) = data();
    let q = Query::parse("minalogic president").expect("parses");
    let reading = read(&ds, &ix, &q);
    assert_eq!(reading.entity, ds.index_of("minalogic"));
    assert_eq!(reading.label, "president");
    assert!(reading.answers.is_empty());
    assert!(
        labels(&ds, ds.index_of("minalogic").expect("there")).contains(&"partner in".to_string())
    );
}

#[test]
fn a_fact_that_repeats_a_relation_is_not_a_second_answer() {
    let (ds, ix) = data();
    let got = lines(&ds, &ix, "qui préside lyonbiopôle");
    let presidents = got.iter().filter(|l| l.contains("president")).count();
    assert_eq!(presidents, 1, "{got:#?}");
}

/// "How do we know X?" is answered with the documents X is cited from, in
/// both languages and at either end; an entity no document states says so
/// rather than answering nothing.
#[test]
fn how_we_know_an_entity_is_answered_with_its_sources() {
    let (mut ds, ix) = data();
    let biowin = ds.index_of("biowin").expect("there");
    for question in [
        "how do we know biowin",
        "biowin sources",
        "source of biowin?",
        "comment on connaît Biowin",
        "biowin selon",
    ] {
        let q = Query::parse(question).expect("parses");
        let got = answers(&ds, &ix, &q);
        let known = got.iter().find(|a| a.label == KNOWN_FROM);
        let known = known.unwrap_or_else(|| panic!("{question}: {got:#?}"));
        assert_eq!(known.entity, biowin, "{question}");
        assert_eq!(known.sources, ds.entity(biowin).sources.to_vec());
        assert_eq!(known.value.as_deref(), Some("magia_announcement"));
    }
    ds.entities[biowin].sources.clear();
    let got = lines(&ds, &ix, "how do we know biowin");
    assert_eq!(got, vec!["biowin › known from › no source cited"]);
}

/// Asked what the sources do not state, about an entity they name, the
/// answer says so and what can be asked instead; a name alone, a bare "who
/// is", and a word read in a label rather than a name ask nothing.
#[test]
fn what_the_sources_do_not_state_is_answered_as_a_gap() {
    let (ds, ix) = data();
    let ask = |q: &str| answers_or_gap(&ds, &ix, &Query::parse(q).expect("parses"));
    for (question, entity, label) in [
        ("eccp coordinator", "eccp", "coordinator"),
        ("when was biowin founded", "biowin", "founded"),
        ("qui coordonne l'ECCP ?", "eccp", "coordonne"),
    ] {
        let got = ask(question);
        assert_eq!(got.len(), 1, "{question}: {got:#?}");
        let gap = &got[0];
        assert!(gap.gap, "{question}");
        assert_eq!(ds.entity(gap.entity).id.as_ref(), entity, "{question}");
        assert_eq!(gap.label, label, "{question}");
        let value = gap.value.as_deref().unwrap_or_default();
        assert!(value.starts_with(NOT_STATED), "{question}: {value}");
        assert!(value.ends_with("sources"), "what can be asked: {value}");
    }
    // An answer that exists is no gap.
    assert!(ask("eccp members").iter().all(|a| !a.gap));
    for nothing in ["lyonbiopole", "who is biowin", "appel à projets"] {
        assert_eq!(ask(nothing), Vec::new(), "{nothing}");
    }
}
