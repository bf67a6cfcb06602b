//! The format documentation stays true: its example is the valid fixture and
//! loads cleanly, and its relation type table is the one the code uses.

use clusterdex::model::RELATION_TYPES;
use clusterdex::model::relation::Belongs;

const DOC: &str = include_str!("../docs/dataset-format.md");

/// The relation type table as the documentation must show it.
fn relation_table() -> String {
    let mut t = String::from(
        "| type | reads forward | reads backward | from | to |\n|---|---|---|---|---|\n",
    );
    for s in RELATION_TYPES {
        t.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            s.name,
            s.forward,
            s.inverse,
            s.from.names(),
            s.to.names()
        ));
    }
    t
}

#[test]
fn the_documented_example_is_the_valid_fixture_and_loads_cleanly() {
    let fixture = include_str!("fixtures/valid/example.ron");
    let start = DOC.find("```ron\n").expect("example block") + 7;
    let end = start + DOC[start..].find("```").expect("end of block");
    assert_eq!(DOC[start..end].trim_end(), fixture.trim_end());
    let loaded =
        clusterdex::load::load_text(std::path::Path::new("example.ron"), fixture).expect("parses");
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.dataset.len(), 5);
}

#[test]
fn the_documented_relation_types_match_the_code() {
    let start = DOC
        .find("<!-- relation types")
        .and_then(|i| DOC[i..].find('\n').map(|n| i + n + 1))
        .expect("table start");
    let end = DOC
        .find("<!-- end of relation types -->")
        .expect("table end");
    let table = relation_table();
    assert_eq!(
        &DOC[start..end],
        table,
        "update docs/dataset-format.md with this table:\n{table}"
    );
}

/// The names between a marker and the next `<!-- /membership -->`.
fn documented(marker: &str) -> Vec<String> {
    let start = DOC.find(marker).expect(marker) + marker.len();
    let end = start
        + DOC[start..]
            .find("<!-- /membership -->")
            .expect("end marker");
    DOC[start..end]
        .split(',')
        .map(|n| n.trim().trim_matches('`').to_string())
        .collect()
}

#[test]
fn the_documented_membership_relations_match_the_code() {
    let with = |b: Belongs| -> Vec<String> {
        RELATION_TYPES
            .iter()
            .filter(|s| s.belongs == b)
            .map(|s| s.name.to_string())
            .collect()
    };
    let mut subjects = documented("<!-- membership -->");
    let mut objects = documented("<!-- membership of objects -->");
    subjects.sort();
    objects.sort();
    let (mut want_s, mut want_o) = (with(Belongs::Subject), with(Belongs::Object));
    want_s.sort();
    want_o.sort();
    assert_eq!(subjects, want_s);
    assert_eq!(objects, want_o);
    assert_eq!(with(Belongs::Both), ["coordinates"]);
}
