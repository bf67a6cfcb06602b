//! Questions from the command line: `ask`, answers first in `search --json`,
//! and synonyms in a user's own dataset file, as a script sees them.

use assert_cmd::Command;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("clusterdex").expect("binary built");
    c.env_remove("CLUSTERDEX_DATA").env_remove("NO_COLOR");
    // The user's config, notes and recent lookups stay untouched.
    c.env("CLUSTERDEX_NO_STATE", "1");
    c
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = cmd().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn ask_prints_the_answer_with_its_source() {
    cmd()
        .args(["ask", "who", "coordinates", "bioxclusters", "plus"])
        .assert()
        .success()
        .stdout(
            "BioXclusters Plus › coordinated by › Lyonbiopôle\n  \
             [lyonbiopole_partners] Our clusters partners — publisher not stated (the page speaks \
             for Lyonbiopole: 'our clusters partners')\n",
        );
}

#[test]
fn ask_reads_french_questions_and_dates() {
    let out = cmd()
        .args(["ask", "qui préside lyonbiopôle"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Lyonbiopôle › president › Philippe Archinard\n"),
        "{text}"
    );
    cmd()
        .args(["ask", "health2care", "forum", "when"])
        .assert()
        .success()
        .stdout(
            "Health2CARE forum › held › 23 September 2014\n  \
             [health2care_news] News & events — publisher not stated\n",
        );
}

#[test]
fn ask_json_gives_the_entity_the_label_and_each_answer() {
    let v = json(&["ask", "--json", "magia", "coordinator"]);
    assert_eq!(v["entity"]["id"], "magia");
    assert_eq!(v["label"], "coordinator");
    let a = &v["answers"][0];
    assert_eq!(a["entity"]["id"], "magia");
    assert_eq!(a["label"], "coordinated by");
    assert_eq!(a["targets"][0]["id"], "biopmed");
    assert_eq!(a["targets"][0]["kind"], "cluster");
    assert_eq!(a["sources"], serde_json::json!(["magia_announcement"]));
}

/// "How do we know X?", asked from a script: the documents X is known from,
/// each with its title, exit 0.
#[test]
fn ask_how_we_know_an_entity_prints_its_sources() {
    let out = cmd()
        .args(["ask", "how", "do", "we", "know", "Biowin?"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Biowin › known from › magia_announcement\n  [magia_announcement] Title not stated — publisher not stated\n"
    );
}

/// Searched for what the sources do not state about an entity they name,
/// `search` says so above the hits, and marks it for scripts.
#[test]
fn search_says_what_the_sources_do_not_state() {
    let v = json(&["search", "--json", "eccp", "coordinator"]);
    let first = &v[0];
    assert_eq!(first["id"], "eccp");
    assert_eq!(first["field"], "answer");
    assert_eq!(first["answer"]["gap"], true);
    assert_eq!(first["answer"]["sources"], serde_json::json!([]));
    let value = first["answer"]["value"].as_str().expect("a value");
    assert!(
        value.starts_with("not stated in the sources; ask for: "),
        "{value}"
    );
    // A stated answer carries no gap mark.
    let v = json(&["search", "--json", "magia", "coordinator"]);
    assert!(v[0]["answer"].get("gap").is_none(), "{}", v[0]);
}

#[test]
fn ask_without_an_answer_exits_1_saying_what_it_understood() {
    let out = cmd()
        .args(["ask", "minalogic", "president"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        "no answer to \"minalogic president\": understood Minalogic (minalogic), but nothing answers \"president\"; ask for one of: partner in, located in, manages, sources\n"
    );
    let out = cmd()
        .args(["ask", "zzqx", "coordinator"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity understood"));
}

#[test]
fn search_json_puts_the_answer_first_as_a_hit_with_an_answer_object() {
    let v = json(&["search", "--json", "lyonbiopole", "president"]);
    let first = &v[0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["id"], "lyonbiopole");
    assert_eq!(first["field"], "answer");
    assert_eq!(first["answer"]["label"], "president");
    assert_eq!(first["answer"]["targets"][0]["id"], "philippe_archinard");
    assert_eq!(
        first["answer"]["sources"],
        serde_json::json!(["industrie_pharma_clara"])
    );
    // The hits follow, without an answer object, below every answer.
    let hits: Vec<&serde_json::Value> = (v.as_array().expect("a list").iter())
        .filter(|h| h["field"] != "answer")
        .collect();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.get("answer").is_none()));
    assert!(hits[0]["score"].as_i64() < first["score"].as_i64());
    // A plain query has no answer.
    let v = json(&["search", "--json", "lyonbiopole"]);
    assert!(
        v.as_array()
            .expect("a list")
            .iter()
            .all(|h| h["field"] != "answer")
    );
}

#[test]
fn search_prints_answer_lines_above_the_table() {
    let out = cmd()
        .args(["search", "magia", "coordinator"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(
            "answer  Medtech Alliance for Global Internationalisation (MAGIA) › coordinated by › BioPmed\n"
        ),
        "{text}"
    );
}

#[test]
fn a_user_file_has_the_built_in_synonyms_and_its_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.ron");
    std::fs::write(
        &path,
        r#"(
  sources: [(id: "s", title: "Notes")],
  entities: [
    (id: "onco_hub", kind: Cluster, name: "Onco Hub", tags: ["oncology"], sources: ["s"]),
    (id: "medtec", kind: Cluster, name: "Medtec Group", sources: ["s"]),
  ],
  synonyms: [["medtec", "dispositif"]],
)"#,
    )
    .expect("write");
    let path = path.to_str().expect("utf-8 path");
    for (query, id) in [("cancérologie", "onco_hub"), ("dispositif", "medtec")] {
        let v = json(&["--data", path, "search", "--json", query]);
        assert_eq!(v[0]["id"], id, "{query}");
    }
}
