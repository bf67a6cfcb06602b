//! One test per rule: a small file with exactly that problem gives exactly that
//! diagnostic, at the right position, and the sound rest still builds. Every
//! test file is also checked in pieces, as a large file is, and must give the
//! very same diagnostics and dataset.

use std::path::Path;

use crate::data::spans::locate;
use crate::data::split::Split;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Dataset;

const SOURCES: &str = r#"sources: [(id: "s", title: "Doc")],"#;

fn run(entities: &str, relations: &str) -> (Dataset, Vec<Diagnostic>) {
    let text =
        format!("(\n{SOURCES}\nentities: [\n{entities}\n],\nrelations: [\n{relations}\n],\n)");
    check_both_ways(&text)
}

/// The file checked whole, after checking that every way of cutting it into
/// pieces gives the same.
fn check_both_ways(text: &str) -> (Dataset, Vec<Diagnostic>) {
    let file = crate::data::parse(Path::new("t.ron"), text).expect("test file parses");
    let (ds, d) = super::check_whole(file, || locate(text)).into_dataset();
    let options = crate::data::parse::ron_options();
    for piece_bytes in [1, 40, 200] {
        let split = Split::new(text, &options, piece_bytes).expect("test file splits");
        let checked = super::check_pieces(&split, || locate(text)).expect("pieces parse");
        let (in_pieces, found) = checked.into_dataset();
        assert_eq!(found, d, "pieces of {piece_bytes} bytes");
        assert_eq!(format!("{in_pieces:?}"), format!("{ds:?}"));
    }
    (ds, d)
}

const TWO: &str = r#"(id: "a", kind: Cluster, name: "A", sources: ["s"]),
(id: "b", kind: Alliance, name: "B", sources: ["s"]),"#;

fn rules(d: &[Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|d| d.rule).collect()
}

#[test]
fn a_sound_file_has_no_diagnostics() {
    let (ds, d) = run(
        TWO,
        r#"(from: "a", rel: "member_of", to: "b", sources: ["s"]),"#,
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(ds.relations.len(), 1);
}

#[test]
fn duplicate_id_points_at_the_second_and_keeps_the_first() {
    let (ds, d) = run(
        &format!("{TWO}\n(id: \"a\", kind: Place, name: \"Again\", sources: [\"s\"]),"),
        "",
    );
    assert_eq!(rules(&d), ["duplicate-id"]);
    assert_eq!(d[0].position.map(|p| p.line), Some(6));
    assert!(
        d[0].message
            .contains(r#"id "a" is already used by "A" at 4:1"#),
        "{}",
        d[0].message
    );
    assert_eq!(ds.get("a").map(|e| e.name.as_ref()), Some("A"));
}

#[test]
fn relation_to_unknown_id_suggests_the_closest() {
    let (ds, d) = run(
        TWO,
        r#"(from: "a", rel: "member_of", to: "bb", sources: ["s"]),"#,
    );
    assert_eq!(rules(&d), ["dangling-relation"]);
    assert!(d[0].hint.contains(r#"did you mean "b"?"#));
    assert!(ds.relations.is_empty());
}

#[test]
fn unknown_relation_type_is_named() {
    let (_, d) = run(
        TWO,
        r#"(from: "a", rel: "memberof", to: "b", sources: ["s"]),"#,
    );
    assert_eq!(rules(&d), ["unknown-relation-type"]);
    assert!(d[0].hint.contains("member_of"));
}

#[test]
fn relation_to_itself_is_refused() {
    let (_, d) = run(
        TWO,
        r#"(from: "a", rel: "partner_of", to: "a", sources: ["s"]),"#,
    );
    assert_eq!(rules(&d), ["self-relation"]);
}

#[test]
fn located_in_must_point_to_a_place() {
    let (ds, d) = run(
        TWO,
        r#"(from: "a", rel: "located_in", to: "b", sources: ["s"]),"#,
    );
    assert_eq!(rules(&d), ["relation-kinds"]);
    assert!(
        d[0].message.contains("located_in joins any kind to place"),
        "{}",
        d[0].message
    );
    assert!(ds.relations.is_empty());
}

#[test]
fn empty_name_and_id_are_errors() {
    let (_, d) = run(
        r#"(id: "", kind: Cluster, name: "X", sources: ["s"]), (id: "y", kind: Cluster, name: " ", sources: ["s"]),"#,
        "",
    );
    assert_eq!(rules(&d), ["empty-id", "empty-name"]);
}

#[test]
fn ids_must_be_snake_case() {
    let (_, d) = run(
        r#"(id: "Life-Science", kind: Cluster, name: "X", sources: ["s"]),"#,
        "",
    );
    assert_eq!(rules(&d), ["id-format"]);
}

#[test]
fn impossible_dates_and_backwards_ranges_are_errors() {
    let (ds, d) = run(
        r#"(id: "e", kind: Event, name: "E", sources: ["s"], dates: [(label: "held", when: "2015-02-30", sources: ["s"]), (label: "ran", when: "2018/2016", sources: ["s"])], facts: [(label: "x", value: "1", when: "2015-13", sources: ["s"])]),"#,
        "",
    );
    assert_eq!(rules(&d), ["bad-date", "bad-date", "bad-date"]);
    assert!(
        d.iter()
            .any(|x| x.message.contains("ends before it starts"))
    );
    assert!(ds.entities[0].dates.is_empty());
}

#[test]
fn unknown_and_missing_sources_are_errors() {
    let (_, d) = run(
        r#"(id: "a", kind: Cluster, name: "A", sources: ["z"], facts: [(label: "x", value: "1")]),"#,
        "",
    );
    assert_eq!(rules(&d), ["unknown-source", "no-source"]);
    let (_, d) = run(TWO, r#"(from: "a", rel: "member_of", to: "b"),"#);
    assert_eq!(rules(&d), ["no-source"]);
}

#[test]
fn duplicate_relation_is_reported_once_and_kept_once() {
    let r = r#"(from: "a", rel: "member_of", to: "b", sources: ["s"]),"#;
    let (ds, d) = run(TWO, &format!("{r}\n{r}"));
    assert_eq!(rules(&d), ["duplicate-relation"]);
    assert_eq!(ds.relations.len(), 1);
}

#[test]
fn control_characters_in_text_are_errors() {
    let (ds, d) = run(
        r#"(id: "a", kind: Cluster, name: "A\u{1b}[31m", aliases: ["x\u{202e}y"], sources: ["s"]),"#,
        "",
    );
    assert_eq!(rules(&d), ["control-character", "control-character"]);
    assert!(d[0].message.contains("U+001B") || d[1].message.contains("U+001B"));
    assert_eq!(ds.len(), 1, "the entity still opens, shown escaped");
}

#[test]
fn part_of_cycles_are_found() {
    let (_, d) = run(
        r#"(id: "p", kind: Place, name: "P", sources: ["s"]), (id: "q", kind: Place, name: "Q", sources: ["s"]), (id: "r", kind: Place, name: "R", sources: ["s"]),"#,
        r#"(from: "p", rel: "part_of", to: "q", sources: ["s"]), (from: "q", rel: "part_of", to: "r", sources: ["s"]), (from: "r", rel: "part_of", to: "p", sources: ["s"]),"#,
    );
    assert_eq!(rules(&d), ["part-of-cycle"]);
    assert!(
        d[0].message.contains("p -> q -> r -> p"),
        "{}",
        d[0].message
    );
}

#[test]
fn unknown_subkinds_and_long_names_are_warnings() {
    let long = "x".repeat(400);
    let (_, d) = run(
        &format!(
            r#"(id: "a", kind: Cluster, subkind: "spaceship", name: "{long}", sources: ["s"]),"#
        ),
        "",
    );
    assert_eq!(rules(&d), ["unknown-subkind", "long-name"]);
    assert!(d.iter().all(|x| x.severity == Severity::Warning));
}

#[test]
fn inferred_parts_must_name_what_the_entity_has() {
    let (ds, d) = run(
        r#"(id: "a", kind: Cluster, name: "A", aliases: ["AA"], tags: ["x"], sources: ["s"],
           inferred: [(part: Kind, why: "k"), (part: Alias("AA"), why: "a"), (part: Tag("y"), why: "t"),
                      (part: Description, why: "d"), (part: Kind, why: "again")]),"#,
        "",
    );
    assert_eq!(
        rules(&d),
        ["inferred-part", "inferred-part", "inferred-part"]
    );
    let said = |what: &str| d.iter().any(|x| x.message.contains(what));
    assert!(
        said(r#"marks tag "y" as inferred, but has no such tag"#),
        "{d:?}"
    );
    assert!(said("marks its description as inferred, but has none"));
    assert!(said("marks the same part as inferred twice"));
    let a = &ds.entities[0];
    assert!(a.kind_inferred() && a.alias_inferred("AA"));
    assert!(!a.tag_inferred("y") && !a.description_inferred());
}

#[test]
fn inferences_without_a_reason_are_warnings() {
    let (ds, d) = run(
        r#"(id: "a", kind: Cluster, name: "A", certainty: Inferred, sources: ["s"],
           facts: [(label: "f", value: "1", certainty: Inferred, sources: ["s"])]),
           (id: "b", kind: Alliance, name: "B", sources: ["s"], inferred: [(part: Kind, why: " ")]),"#,
        r#"(from: "a", rel: "member_of", to: "b", certainty: Inferred, sources: ["s"]),"#,
    );
    assert_eq!(rules(&d), ["inferred-without-reason"; 4], "{d:?}");
    assert!(d.iter().all(|x| x.severity == Severity::Warning));
    assert_eq!(ds.relations.len(), 1, "the relation is kept");
}

/// The `synonyms` list sits in the file's head, after the two long lists
/// here: in pieces it is checked once, with the head, and placed the same.
#[test]
fn bad_synonym_groups_are_placed_and_the_sound_ones_kept() {
    let text = format!(
        "(\n{SOURCES}\nentities: [\n{TWO}\n],\nrelations: [],\nsynonyms: [\n  [\"oncology\", \"cancérologie\"],\n  [\"in vitro\", \"diagnostics\"],\n  [\"Oncology\", \"oncologie\"],\n],\n)"
    );
    let (ds, d) = check_both_ways(&text);
    assert_eq!(
        rules(&d),
        ["bad-synonym", "bad-synonym", "synonym-in-two-groups"],
        "{d:?}"
    );
    let lines: Vec<usize> = d
        .iter()
        .filter_map(|x| x.position)
        .map(|p| p.line)
        .collect();
    assert_eq!(lines, [10, 10, 11]);
    assert!(
        d[0].message
            .contains(r#"synonym "in vitro" in group 2 is more than one word"#)
    );
    assert_eq!(
        ds.synonyms,
        [
            vec!["oncology", "cancérologie"],
            vec!["Oncology", "oncologie"]
        ]
    );
}

#[test]
fn the_builtin_dataset_has_no_diagnostics() {
    let loaded = crate::load::load(
        &crate::load::DataSource::Builtin,
        crate::data::DEFAULT_MAX_BYTES,
    )
    .expect("built-in parses");
    let shown: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.render(&loaded.name))
        .collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
}

#[test]
fn an_entity_left_out_does_not_shift_the_relations_after_it() {
    let (ds, d) = run(
        r#"(id: "", kind: Cluster, name: "Nameless", sources: ["s"]),
(id: "a", kind: Cluster, name: "A", sources: ["s"]),
(id: "a", kind: Place, name: "Again", sources: ["s"]),
(id: "b", kind: Alliance, name: "B", sources: ["s"]),"#,
        r#"(from: "a", rel: "member_of", to: "b", sources: ["s"]),
(from: "a", rel: "member_of", to: "b", sources: ["s"]),
(from: "a", rel: "member_of", to: "bb", sources: ["s"]),
(from: "a", rel: "partner_of", to: "b", sources: ["s"]),"#,
    );
    assert_eq!(
        rules(&d),
        [
            "empty-id",
            "duplicate-id",
            "duplicate-relation",
            "dangling-relation"
        ]
    );
    let ids: Vec<&str> = ds.entities.iter().map(|e| e.id.as_ref()).collect();
    assert_eq!(ids, ["a", "b"]);
    let shown: Vec<String> = ds
        .relations
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                ds.entities[r.from()].id,
                r.rel.name(),
                ds.entities[r.to()].id
            )
        })
        .collect();
    assert_eq!(shown, ["a member_of b", "a partner_of b"]);
}

#[test]
fn a_rule_that_finds_more_than_a_hundred_lists_the_first_and_counts_the_rest() {
    let relations: String = (0..130)
        .map(|i| format!("(from: \"a\", rel: \"member_of\", to: \"bx{i}\", sources: [\"s\"]),\n"))
        .collect();
    let (_, d) = run(TWO, &relations);
    assert_eq!(d.len(), 101);
    assert!(d[..100].iter().all(|x| x.rule == "dangling-relation"));
    // Lines 1 to 7 hold the head and the entities; relation n is on line 7 + n.
    assert_eq!(d[99].position.map(|p| p.line), Some(107));
    assert_eq!(
        d[100].message,
        "30 more dangling-relation errors after line 107 are not listed"
    );
    assert_eq!(d[100].position, None);
    // Suggestions are looked for among the ids, for the findings shown.
    assert!(
        d[0].hint.starts_with("did you mean \"b\"?"),
        "{}",
        d[0].hint
    );
}

#[test]
fn a_repeat_and_a_cycle_across_pieces_are_found_and_placed() {
    let (ds, d) = run(
        r#"(id: "p", kind: Place, name: "P", sources: ["s"]), (id: "q", kind: Place, name: "Q", sources: ["s"]),"#,
        r#"(from: "p", rel: "part_of", to: "q", sources: ["s"]),
(from: "p", rel: "part_of", to: "q", role: "twice", sources: ["s"]),
(from: "q", rel: "part_of", to: "p", sources: ["s"]),
(from: "p", rel: "part_of", to: "q", sources: ["s"]),"#,
    );
    assert_eq!(rules(&d), ["part-of-cycle", "duplicate-relation"]);
    assert_eq!(d[0].position.map(|p| p.line), Some(9));
    assert_eq!(d[1].position.map(|p| p.line), Some(10));
    assert_eq!(
        ds.relations.len(),
        3,
        "the repeat is left out, the role kept apart"
    );
}
