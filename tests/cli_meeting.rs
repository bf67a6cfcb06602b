//! The meeting tools on the built-in dataset: connection paths that exist in
//! the documents, a timeline slice, facet counts, and each export format
//! parsed back.

use assert_cmd::Command;
use predicates::prelude::*;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("clusterdex").expect("binary built");
    c.env_remove("CLUSTERDEX_DATA");
    // The user's config, notes and recent lookups stay untouched.
    c.env("CLUSTERDEX_NO_STATE", "1");
    c
}

fn stdout(args: &[&str]) -> String {
    let out = cmd().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn path_between_two_magia_clusters() {
    cmd().args(["path", "biowin", "life science nord"]).assert().success().stdout(
        "1 shortest path of 2 hops:

1. Biowin -> member of Medtech Alliance for Global Internationalisation (MAGIA) <- member Life Science Nord
   -> member of Medtech Alliance for Global Internationalisation (MAGIA)  (stated; magia_announcement)
   <- member Life Science Nord  (stated; magia_announcement)
",
    );
}

#[test]
fn path_json_lists_hops_with_certainty_and_sources() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["path", "--json", "minalogic", "lyonbiopole"]))
            .expect("json");
    assert_eq!(
        v[0]["text"],
        "Minalogic -> partner in Health2CARE <- partner Lyonbiopôle"
    );
    assert_eq!(v[0]["hops"][1]["label"], "partner");
    assert_eq!(v[0]["hops"][1]["direction"], "<-");
    assert_eq!(v[0]["hops"][1]["sources"][0], "health2care_news");
}

#[test]
fn path_with_no_connection_or_unknown_entity_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("two.ron");
    std::fs::write(&file, r#"(sources: [(id: "s", title: "S")], entities: [(id: "a", kind: Cluster, name: "Alpha", sources: ["s"]), (id: "b", kind: Cluster, name: "Beta", sources: ["s"])])"#).expect("write");
    cmd()
        .arg("--data")
        .arg(&file)
        .args(["path", "a", "b"])
        .assert()
        .code(1)
        .stderr("no path connects Alpha and Beta\n");
    cmd()
        .args(["path", "zzzqqq", "biowin"])
        .assert()
        .code(1)
        .stderr("no entity matches \"zzzqqq\"; try `clusterdex search zzzqqq`\n");
}

#[test]
fn timeline_slice_of_2015() {
    cmd().args(["timeline", "--from", "2015", "--to", "2015", "--kind", "event"]).assert().success().stdout(
        "2015
  2015                       Health TechDays 2015 [event] — held
  2015                       MEDICA 2015 [event] — held
  12 June 2015               Call for expression of interests \"Innovation Vouchers\" 2015 [event] — applications due (the page says before June 12th 2015)
",
    );
}

#[test]
fn timeline_keeps_yearless_dates_in_their_own_group() {
    let out = stdout(&["timeline", "--kind", "event"]);
    let tail = out.rsplit("\n\n").next().expect("groups");
    assert!(
        tail.starts_with("year unknown\n  31 March (year unknown)"),
        "{tail}"
    );
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["timeline", "--json"])).expect("json");
    let conf = v
        .as_array()
        .expect("array")
        .iter()
        .find(|e| e["id"] == "health2care_final_conference")
        .expect("entry");
    assert_eq!(
        (conf["year"].clone(), conf["iso"].clone()),
        (serde_json::Value::Null, serde_json::json!("--03-31"))
    );
}

#[test]
fn list_clusters_on_oncology_in_france_with_counts() {
    cmd()
        .args([
            "list", "--kind", "cluster", "--tag", "oncology", "--in", "france",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "cluster       Cancer-Bio-Santé                       cancer_bio_sante
cluster       Cancéropôle Lyon Auvergne Rhône-Alpes  clara
cluster       Lyonbiopôle                            lyonbiopole

3 entities
by country: France 3
",
        ));
}

#[test]
fn repeated_facets_combine_with_and() {
    cmd()
        .args([
            "list",
            "--kind",
            "cluster",
            "--member-of",
            "health2care",
            "--member-of",
            "french_health_clusters_network",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "cluster       Lyonbiopôle  lyonbiopole\n\n1 entity\n",
        ));
    let both = stdout(&["list", "--tag", "oncology", "--tag", "medical devices"]);
    let one = stdout(&["list", "--tag", "oncology"]);
    let count = |s: &str| s.lines().take_while(|l| !l.is_empty()).count();
    assert!(count(&both) < count(&one), "{both}");
    cmd()
        .args([
            "list",
            "--member-of",
            "health2care",
            "--member-of",
            "zzzqqqxx",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no entity matches \"zzzqqqxx\""));
}

#[test]
fn health2care_lists_what_it_supported_with_the_support() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["list", "--json", "--member-of", "health2care"]))
            .expect("json");
    let rows = v["entities"].as_array().expect("rows");
    let support = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .and_then(|r| r["support"].as_str().map(str::to_string))
    };
    assert_eq!(
        support("voicepatch").as_deref(),
        Some("voucher on regulatory affairs (CE mark)")
    );
    assert_eq!(support("historam").as_deref(), Some("market study"));
}

#[test]
fn list_counts_clusters_per_country() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["list", "--json", "--kind", "cluster"])).expect("json");
    assert_eq!(v["counts"]["country"][0], serde_json::json!(["France", 11]));
}

#[test]
fn export_json_parses_back_with_every_entity_and_relation() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["export", "--format", "json"])).expect("json");
    let builtin = builtin();
    assert_eq!(
        v["entities"].as_array().map(Vec::len),
        Some(builtin.entities.len())
    );
    assert_eq!(
        v["relations"].as_array().map(Vec::len),
        Some(builtin.relations.len())
    );
}

/// The built-in dataset, for counts that follow the data.
fn builtin() -> clusterdex::model::Dataset {
    let loaded = clusterdex::load::load(
        &clusterdex::load::DataSource::Builtin,
        clusterdex::data::DEFAULT_MAX_BYTES,
    );
    loaded.expect("built-in").dataset
}

/// A minimal RFC 4180 reader: fields, quoted fields with doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let (mut row, mut field, mut quoted, mut chars) =
            (Vec::new(), String::new(), false, line.chars().peekable());
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => row.push(std::mem::take(&mut field)),
                _ => field.push(c),
            }
        }
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn export_csv_of_entities_and_relations_parses_back() {
    let rows = parse_csv(&stdout(&["export", "--format", "csv", "--kind", "cluster"]));
    assert_eq!(
        rows[0],
        [
            "id",
            "kind",
            "subkind",
            "name",
            "aliases",
            "tags",
            "description",
            "sources"
        ]
    );
    assert_eq!(rows.len(), 17);
    assert!(rows.iter().all(|r| r.len() == 8));
    let lyon = rows.iter().find(|r| r[0] == "lyonbiopole").expect("row");
    assert_eq!(lyon[3], "Lyonbiopôle");
    let rels = parse_csv(&stdout(&["export", "--format", "csv", "--relations"]));
    assert_eq!(
        rels.len(),
        builtin().relations.len() + 1,
        "a header and every relation"
    );
    assert!(rels.iter().all(|r| r.len() == 8));
}

#[test]
fn export_markdown_briefing_and_dot_graph() {
    let md = stdout(&["export", "--format", "md", "magia"]);
    assert!(md.starts_with("# Briefing: European health and medtech clusters (built-in)\n\n## Medtech Alliance for Global Internationalisation (MAGIA)\n"));
    assert!(md.contains("- coordinated by: BioPmed\n"));
    let dot = stdout(&["export", "--format", "dot", "magia", "biopmed"]);
    assert!(dot.starts_with("digraph clusterdex {"));
    assert!(dot.trim_end().ends_with('}'));
    assert!(dot.contains("\"biopmed\" -> \"magia\" [label=\"coordinates\"];"));
    assert_eq!(dot.matches(" -> ").count(), 2);
    cmd()
        .args(["export", "--format", "json", "nope"])
        .assert()
        .code(1)
        .stderr("error: no entity has the id \"nope\"\n");
}
