//! What a dataset marks `Inferred` reaches the reader: `show` puts "(inferred)"
//! after each marked part and lists the reasons, in text and in JSON, and the
//! Markdown card does the same. Uses the documented example file.

use std::process::Command;

const EXAMPLE: &str = "tests/fixtures/valid/example.ron";

fn clusterdex(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_clusterdex"))
        .args(args)
        .env_remove("CLUSTERDEX_DATA")
        .env("CLUSTERDEX_NO_STATE", "1")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?} failed");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn show_marks_an_inferred_tag_and_gives_its_reason() {
    let card = clusterdex(&["--data", EXAMPLE, "show", "biowin"]);
    assert!(
        card.contains("\ntags: medical technologies (inferred)\n"),
        "{card}"
    );
    assert!(
        card.contains(
            "\nInferred\n  tag \"medical technologies\": a member of MAGIA, a medtech alliance\n"
        ),
        "{card}"
    );
    let plain = clusterdex(&["--data", EXAMPLE, "show", "wallonia"]);
    assert!(!plain.contains("inferred"), "{plain}");
}

#[test]
fn show_json_lists_each_inferred_part() {
    let v: serde_json::Value = serde_json::from_str(&clusterdex(&[
        "--data", EXAMPLE, "show", "biowin", "--json",
    ]))
    .expect("json");
    assert_eq!(
        v["inferred"],
        serde_json::json!([{
            "part": "tag",
            "value": "medical technologies",
            "why": "a member of MAGIA, a medtech alliance"
        }])
    );
}

#[test]
fn the_markdown_card_marks_inferred_parts_and_links() {
    let md = clusterdex(&["--data", EXAMPLE, "export", "--format", "md", "magia"]);
    assert!(
        md.contains("- coordinated by: Lyonbiopôle (inferred)"),
        "{md}"
    );
    let md = clusterdex(&["--data", EXAMPLE, "export", "--format", "md", "biowin"]);
    assert!(
        md.contains("- *inferred tag \"medical technologies\"*: a member of MAGIA"),
        "{md}"
    );
}
