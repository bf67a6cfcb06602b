//! The query syntax: words, scopes, modes and negation parsed as typed.

use super::*;

fn term(text: &str, mode: MatchMode, negate: bool) -> Atom {
    Atom {
        kind: AtomKind::Term {
            text: text.to_string(),
            mode,
        },
        negate,
        optional: false,
    }
}

#[test]
fn fzf_operators_parse_into_modes() {
    let q = Query::parse("Médica 'exact ^pre suf$ ^whole$ !not").unwrap();
    let atoms: Vec<Atom> = q.groups.into_iter().flatten().collect();
    assert_eq!(
        atoms,
        vec![
            term("medica", MatchMode::Fuzzy, false),
            term("exact", MatchMode::Exact, false),
            term("pre", MatchMode::Prefix, false),
            term("suf", MatchMode::Suffix, false),
            term("whole", MatchMode::Whole, false),
            term("not", MatchMode::Exact, true),
        ]
    );
}

#[test]
fn a_bar_joins_its_neighbours_into_one_group() {
    let q = Query::parse("biowin | biopmed cluster").unwrap();
    assert_eq!(q.groups.len(), 2);
    assert_eq!(q.groups[0].len(), 2);
}

#[test]
fn scopes_parse_and_check_their_values() {
    let q =
        Query::parse("kind:events tag:Oncology in:Rhône-Alpes year:2015 note:Chine note:").unwrap();
    let scopes: Vec<AtomKind> = q.groups.into_iter().flatten().map(|a| a.kind).collect();
    assert_eq!(
        scopes,
        vec![
            AtomKind::Scope(Scope::Kind(Kind::Event)),
            AtomKind::Scope(Scope::Tag("oncology".into())),
            AtomKind::Scope(Scope::In("rhone alpes".into())),
            AtomKind::Scope(Scope::Year(2015)),
            AtomKind::Scope(Scope::Note("chine".into())),
            AtomKind::Scope(Scope::Note(String::new())),
        ]
    );
}

#[test]
fn malformed_queries_say_what_is_valid() {
    let msg = |q: &str| Query::parse(q).unwrap_err().0;
    assert!(msg("colour:red").contains("valid scopes: kind:, tag:, in:, year:, note:"));
    assert!(msg("kind:spaceship").contains("valid kinds: cluster, alliance, event"));
    assert!(msg("kind:").contains("needs a value"));
    assert!(msg("year:soon").contains("not a year"));
    assert!(msg("| biowin").contains("needs a word on each side"));
    assert!(msg("biowin |").contains("needs a word on each side"));
    assert!(msg("!").contains("needs a word after it"));
    assert!(msg("'").contains("no text to match"));
}

#[test]
fn empty_and_blank_queries_are_empty() {
    assert!(Query::parse("").unwrap().is_empty());
    assert!(Query::parse("   \t ").unwrap().is_empty());
}

#[test]
fn separators_cut_plain_words_but_stay_inside_an_operator_word() {
    let words = |q: &str| -> Vec<Atom> {
        Query::parse(q)
            .unwrap()
            .groups
            .into_iter()
            .flatten()
            .collect()
    };
    assert_eq!(
        words("bio-merieux d.g."),
        vec![
            term("bio", MatchMode::Fuzzy, false),
            term("merieux", MatchMode::Fuzzy, false),
            term("d", MatchMode::Fuzzy, false),
            term("g", MatchMode::Fuzzy, false),
        ]
    );
    assert_eq!(
        words("'bio-merieux"),
        vec![term("bio merieux", MatchMode::Exact, false)]
    );
    assert_eq!(words("lyon - bio"), words("lyon bio"));
    assert_eq!(
        Query::parse("bio-merieux").unwrap().exact.as_deref(),
        Some("biomerieux")
    );
    assert_eq!(
        Query::parse("health2 care").unwrap().exact.as_deref(),
        Some("health2care")
    );
    assert_eq!(Query::parse("^lyon$").unwrap().exact, None);
}

#[test]
fn stop_words_are_optional_beside_other_words_only() {
    let q = Query::parse("who coordinates magia").unwrap();
    let optional: Vec<bool> = q.groups.iter().map(|g| g[0].optional).collect();
    assert_eq!(optional, vec![true, false, false]);
    assert_eq!(q.exact.as_deref(), Some("coordinatesmagia"));
    assert_eq!(q.words(), Some(vec!["who", "coordinates", "magia"]));
    let alone = Query::parse("the who").unwrap();
    assert!(alone.groups.iter().all(|g| !g[0].optional));
    assert_eq!(alone.exact.as_deref(), Some("thewho"));
}

#[test]
fn a_dollar_alone_is_a_word() {
    let q = Query::parse("$").unwrap();
    assert_eq!(q.groups[0][0], term("$", MatchMode::Fuzzy, false));
}

/// The required words of a query: those that are not optional.
fn required(query: &str) -> Vec<String> {
    let q = Query::parse(query).unwrap();
    (q.groups.iter().flatten())
        .filter(|a| !a.optional)
        .map(|a| match &a.kind {
            AtomKind::Term { text, .. } => text.clone(),
            AtomKind::Scope(s) => format!("{s:?}"),
        })
        .collect()
}

/// A question said aloud, in English or French, with its punctuation, must
/// find the entity it names: only the naming words have to match.
#[test]
fn a_question_said_aloud_requires_only_the_words_that_name() {
    for (query, naming) in [
        ("tell me about biowin", vec!["biowin"]),
        ("how do we know Biowin?", vec!["biowin"]),
        ("who coordinates MAGIA again?", vec!["coordinates", "magia"]),
        ("c'est quoi medicen ?", vec!["medicen"]),
        ("qu’est-ce que Medicen", vec!["medicen"]),
        ("l'alliance magia", vec!["alliance", "magia"]),
        ("dis-moi qui coordonne magia", vec!["coordonne", "magia"]),
        ("\"health2care\", (forum)", vec!["health2care", "forum"]),
    ] {
        assert_eq!(required(query), naming, "{query}");
    }
}

/// A small word stays required when it is all there is, and a letter before
/// an apostrophe is only small when it is a French elision: `d.g. grow`
/// keeps its `d`, `l magia` its `l`.
#[test]
fn small_words_alone_and_lone_letters_stay_required() {
    assert_eq!(required("qui est"), vec!["qui", "est"]);
    assert_eq!(required("c'est"), vec!["c", "est"]);
    assert_eq!(required("d.g. grow"), vec!["d", "g", "grow"]);
    assert_eq!(required("l magia"), vec!["l", "magia"]);
    assert_eq!(required("biowin's"), vec!["biowin", "s"]);
    // In an either-or group nothing is optional.
    assert_eq!(
        required("biowin | l'alliance"),
        vec!["biowin", "l", "alliance"]
    );
    // A lone mark is no word.
    assert!(Query::parse("?").unwrap().is_empty());
}
