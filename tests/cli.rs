//! The commands as a script sees them: exact output and exit codes.

use assert_cmd::Command;
use predicates::prelude::*;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("clusterdex").expect("binary built");
    c.env_remove("CLUSTERDEX_DATA").env_remove("NO_COLOR");
    // The user's config, notes and recent lookups stay untouched.
    c.env("CLUSTERDEX_NO_STATE", "1");
    c
}

#[test]
fn check_on_the_builtin_dataset_prints_ok_with_counts() {
    cmd().arg("check").assert().success().stdout(
        "ok: 107 entities (16 clusters, 13 alliances, 10 events, 28 organisations, 7 people, 7 projects, 26 places), 185 relations, 5 sources\n",
    );
}

#[test]
fn check_a_missing_file_is_an_io_error() {
    cmd()
        .args(["check", "no/such/file.ron"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: cannot read no/such/file.ron: ",
        ));
}

#[test]
fn a_missing_file_is_told_the_same_way_by_search_and_bench() {
    let said = |command: &[&str]| {
        let out = cmd()
            .args(["--data", "no/such/file.ron"])
            .args(command)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        String::from_utf8(out.stderr).expect("utf-8")
    };
    let search = said(&["search", "lyon"]);
    assert!(
        search.starts_with("error: cannot read no/such/file.ron: "),
        "{search}"
    );
    assert!(
        search.contains("\n  hint: "),
        "the hint on a line of its own: {search}"
    );
    assert_eq!(said(&["bench"]), search);
}

#[test]
fn search_prints_a_ranked_table() {
    cmd().args(["search", "--limit", "2", "biowin"]).assert().success().stdout(
        "  #  kind          name                                              id      matched\n  \
         1  cluster       Biowin                                            biowin  name\n  \
         2  alliance      Medtech Alliance for Global Internationalisatio…  magia   description: …iopôle, BioPmed, Biowin, Life Science …\n",
    );
}

#[test]
fn search_json_lists_hits_in_rank_order_with_highlights() {
    let out = cmd()
        .args(["search", "--json", "rhone", "alpes"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &hits[0];
    assert_eq!(first["id"], "auvergne_rhone_alpes");
    assert_eq!(first["kind"], "place");
    assert_eq!(first["field"], "alias");
    assert_eq!(first["text"], "Rhône-Alpes");
    assert_eq!(
        first["indices"],
        serde_json::json!([0, 1, 2, 3, 4, 6, 7, 8, 9, 10])
    );
    assert!(
        first["score"]
            .as_i64()
            .is_some_and(|s| s > hits[1]["score"].as_i64().unwrap_or(0))
    );
}

/// A query of several words that finds nothing says which word is at
/// fault: the sources never mention Marseille, so the user can drop it.
#[test]
fn a_search_that_finds_nothing_names_the_words_no_entity_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("two.ron");
    std::fs::write(
        &file,
        r#"(sources: [(id: "s", title: "Notes")], entities: [
            (id: "x", kind: Cluster, name: "Xylo Cluster", sources: ["s"]),
            (id: "m", kind: Event, name: "Marimba Days", sources: ["s"]),
        ])"#,
    )
    .expect("write");
    // The built-in dataset (read without a parse) and a file (parsed) alike.
    for data in [None, Some(&file)] {
        let search = |words: &[&str]| {
            let mut c = cmd();
            if let Some(f) = data {
                c.arg("--data").arg(f);
            }
            c.arg("search").args(words).assert().code(1).stdout("")
        };
        let (known, other) = match data {
            None => ("eurobiomed", "medica"),
            Some(_) => ("xylo", "marimba"),
        };
        search(&[known, "marseille"]).stderr(format!(
            "no match for \"{known} marseille\": no entity holds \"marseille\"; try without it\n"
        ));
        search(&[known, other]).stderr(format!(
            "no match for \"{known} {other}\": each word is found, but no entity has them all; try fewer words\n"
        ));
        search(&["zzz", "qqq"])
            .stderr("no match for \"zzz qqq\": no entity holds any of its words\n");
    }
}

#[test]
fn search_with_no_hit_exits_1_and_an_invalid_query_exits_2() {
    cmd()
        .args(["search", "zzzqqq"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("no match for \"zzzqqq\"\n");
    cmd()
        .args(["search", "colour:red"])
        .assert()
        .code(2)
        .stderr(
            "error: invalid query: unknown scope colour:; valid scopes: kind:, tag:, in:, year:, note:\n",
        );
    cmd()
        .args(["search", "--kind", "spaceship", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "valid kinds: cluster, alliance, event",
        ));
}

#[test]
fn show_prints_the_card_with_relations_both_ways_and_sources() {
    cmd().args(["show", "Biowin"]).assert().success().stdout(
        "Biowin  [cluster]  id: biowin
also: BioWin
in: Wallonia, Belgium, Europe
tags: medical technologies (inferred)

Belgian cluster organisation in Wallonia and one of the four MAGIA clusters.

Relations
  member of
    Medtech Alliance for Global Internationalisation (MAGIA) — alliance magia  [magia_announcement]
  located in
    Wallonia — place wallonia  [magia_announcement]
    Belgium — place belgium (called a Belgian structure)  [magia_announcement]

Inferred
  tag \"medical technologies\": a member of MAGIA, a medtech alliance; the article gives no sector for the cluster itself

Notes
  - The article misspells Belgian as 'Beligian'.

Sources
  [magia_announcement] Title not stated — publisher not stated (en)
",
    );
}

#[test]
fn show_resolves_names_without_accents_and_reads_incoming_links_inversely() {
    cmd()
        .args(["show", "magia"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  coordinated by\n    BioPmed — cluster biopmed  [magia_announcement]\n",
        ));
    cmd()
        .args(["show", "cancer bio sante"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Cancer-Bio-Santé  [cluster · competitiveness cluster]  id: cancer_bio_sante\n",
        ));
}

#[test]
fn show_an_ambiguous_name_lists_candidates_and_exits_1() {
    cmd()
        .args(["show", "bio"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "\"bio\" could mean several entities; did you mean:\n  biowin  Biowin (cluster)\n",
        ));
    cmd()
        .args(["show", "zzzqqq"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("no entity matches \"zzzqqq\""));
}

#[test]
fn show_json_carries_related_ids_and_names() {
    let out = cmd()
        .args(["show", "--json", "health2care"])
        .output()
        .expect("runs");
    let card: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(card["id"], "health2care");
    let rels = card["relations"].as_array().expect("relations");
    let coord = rels
        .iter()
        .find(|r| r["label"] == "coordinated by")
        .expect("coordinator");
    assert_eq!(
        (coord["id"].as_str(), coord["name"].as_str()),
        (
            Some("auvergne_rhone_alpes_region"),
            Some("Auvergne-Rhône-Alpes Region")
        )
    );
    assert!(
        card["sources"]
            .as_array()
            .is_some_and(|s| s.iter().any(|s| s["id"] == "health2care_news"))
    );
}

#[test]
fn data_option_and_environment_variable_select_the_dataset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("tiny.ron");
    std::fs::write(
        &file,
        r#"(sources: [(id: "s", title: "Notes")], entities: [(id: "x", kind: Cluster, name: "Xylo Cluster", sources: ["s"])])"#,
    )
    .expect("write");
    cmd()
        .arg("--data")
        .arg(&file)
        .args(["search", "xylo"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Xylo Cluster"));
    cmd()
        .env("CLUSTERDEX_DATA", &file)
        .arg("check")
        .assert()
        .success()
        .stdout("ok: 1 entity (1 cluster), 0 relations, 1 source\n");
}

#[test]
fn completions_are_generated_for_bash() {
    cmd()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("_clusterdex()"));
}

#[test]
fn help_and_version_come_from_clap() {
    cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: clusterdex"));
    cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("clusterdex {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn snapshot_replays_keys_headless() {
    let out = cmd()
        .args(["snapshot", "--size", "100x45", "--keys", "/magia<Enter>"])
        .output()
        .expect("runs");
    let screen = String::from_utf8(out.stdout).expect("utf-8");
    assert!(out.status.success());
    assert_eq!(screen.lines().count(), 45);
    assert!(screen.contains("coordinated by"));
    assert!(screen.contains("BioPmed"));
    cmd()
        .args(["snapshot", "--size", "0x5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("must be two numbers"));
    cmd()
        .args(["snapshot", "--keys", "<Nope>"])
        .assert()
        .code(2)
        .stderr("error: unknown key <Nope>; see `clusterdex snapshot --help`\n");
}

/// A script that stops reading at once (`clusterdex search lyon | head -0`)
/// is told of no error. Into a pipe a command's output is written when it
/// ends, so it meets the closed pipe there: still exit 0, nothing on stderr.
#[test]
fn a_reader_gone_before_the_output_is_no_error() {
    for args in [&["search", "lyon"][..], &["show", "magia"], &["list"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_clusterdex"))
            .args(args)
            .env_remove("CLUSTERDEX_DATA")
            .env("CLUSTERDEX_NO_STATE", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("ends");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}
