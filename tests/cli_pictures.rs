//! `graph` and `timeline --chart` as a script sees them: the width they draw
//! at, what a hub's picture says, output that Graphviz reads, an open period
//! drawn open, and clear errors with their exit codes.

use assert_cmd::Command;
use predicates::prelude::*;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("clusterdex").expect("binary built");
    c.env_remove("CLUSTERDEX_DATA").env_remove("COLUMNS");
    c.env("CLUSTERDEX_NO_STATE", "1");
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The widest line of the picture, the title line aside.
fn widest(text: &str) -> usize {
    text.lines()
        .skip(1)
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn the_picture_fits_the_width_asked_for_or_columns_or_100() {
    let asked = stdout(cmd().args(["graph", "lyonbiopole", "--width", "72"]));
    assert!(widest(&asked) <= 72, "{asked}");
    assert!(asked.contains("● Lyonbiopôle"));
    let columns = stdout(cmd().args(["graph", "lyonbiopole"]).env("COLUMNS", "90"));
    assert!(widest(&columns) <= 90 && widest(&columns) > 72);
    let default = stdout(cmd().args(["graph", "lyonbiopole"]));
    assert!(widest(&default) <= 100 && widest(&default) > 90);
}

#[test]
fn the_text_picture_has_no_escape_codes_and_keeps_every_neighbour() {
    let text = stdout(cmd().args(["graph", "magia", "--width", "120"]));
    assert!(!text.contains('\u{1b}'));
    for name in [
        "BioPmed",
        "Lyonbiopôle",
        "Biowin",
        "Life Science Nord",
        "EASME",
    ] {
        assert!(text.contains(name), "{name} missing from\n{text}");
    }
    assert!(text.contains("coordinated by · member"));
    assert!(text.lines().last().unwrap_or("").contains("● cluster"));
}

#[test]
fn depth_two_reaches_the_neighbours_neighbours() {
    let one = stdout(cmd().args(["graph", "magia", "--width", "140"]));
    let two = stdout(cmd().args(["graph", "magia", "--depth", "2", "--width", "140"]));
    assert!(!one.contains("Wallonia") && two.contains("Wallonia"));
    assert!(two.starts_with(
        "Network of Medtech Alliance for Global Internationalisation (MAGIA) (alliance) · depth 2"
    ));
}

#[test]
fn a_limit_cuts_each_group_and_says_how_many_more() {
    let text = stdout(cmd().args(["graph", "france", "--limit", "2", "--width", "120"]));
    assert!(text.contains("more"), "{text}");
    let all = stdout(cmd().args(["graph", "france", "--limit", "0", "--width", "120"]));
    assert!(!all.contains(" more"), "{all}");
}

#[test]
fn dot_output_is_a_digraph_of_the_same_neighbourhood() {
    let dot = stdout(cmd().args(["graph", "magia", "--format", "dot"]));
    assert!(dot.starts_with("digraph neighbourhood {"));
    assert!(dot.trim_end().ends_with('}'));
    assert!(dot.contains(r#""biopmed" -> "magia" [label="coordinates"];"#));
    assert!(dot.contains(r#""magia" [label="Medtech Alliance for Global Internationalisation (MAGIA)\n(alliance)", style=bold];"#));
    let inferred = stdout(cmd().args(["graph", "lyonbiopole", "--format", "dot"]));
    assert!(
        inferred.contains("style=dashed"),
        "an inferred relation is dashed"
    );
}

#[test]
fn the_chart_draws_periods_points_and_the_undated_apart() {
    let text = stdout(cmd().args(["timeline", "--chart", "--today", "2026", "--width", "100"]));
    assert!(text.starts_with("Periods: "));
    let line = |name: &str| {
        text.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} missing"))
            .to_string()
    };
    assert!(
        line("BioXclusters Plus").contains("┣━") && line("BioXclusters Plus").contains("2016–2018")
    );
    assert!(line("MEDICA 2015").contains('●'));
    let unknown = text.find("dates unknown").expect("the undated listed");
    assert!(text[unknown..].contains("Health2CARE final conf"));
    assert!(text.contains("2026"), "today's year on the axis");
    let events = stdout(cmd().args([
        "timeline", "--chart", "--kind", "alliance", "--today", "2026",
    ]));
    assert!(!events.contains("MEDICA"));
}

#[test]
fn an_open_period_is_drawn_open_to_the_end_of_the_axis() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("open.ron");
    std::fs::write(
        &path,
        r#"(
  sources: [(id: "s", title: "Notes", publisher: "us", language: "en", about: "notes")],
  entities: [
    (id: "clara", kind: Alliance, name: "Clara partnership", description: "A partnership.",
     dates: [(label: "period", when: "2013/..", sources: ["s"])], sources: ["s"]),
  ],
  relations: [],
)"#,
    )
    .expect("written");
    let text = stdout(
        cmd()
            .args(["--data"])
            .arg(&path)
            .args(["timeline", "--chart", "--today", "2020", "--width", "80"]),
    );
    let row = text.lines().find(|l| l.contains("Clara")).expect("row");
    assert!(row.contains("┣━") && row.contains('╌'), "{row}");
    assert!(!row.contains('┫'), "no end drawn: {row}");
}

#[test]
fn bad_requests_say_what_to_do_and_exit_non_zero() {
    cmd()
        .args(["graph", "zzzqqq"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no entity matches"));
    cmd()
        .args(["graph", "magia", "--width", "20"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--width 40"));
    cmd()
        .args(["graph", "magia", "--depth", "3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1..=2").or(predicate::str::contains("1..3")));
    cmd()
        .args(["timeline", "--chart", "--json"])
        .assert()
        .code(2);
}
