//! Notes, pins and recent lookups as a script sees them: exact output and exit
//! codes, on fixture files (tests/fixtures/memory/) copied into a temporary
//! home. Every command runs with HOME and the XDG folders pointed there, and
//! in UTC, so that times print the same everywhere.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// A temporary home with the XDG folders inside it.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// With the fixture notes, pins and recent lookups in place.
    fn with_fixtures() -> Home {
        let home = Home::new();
        let fixtures = Path::new("tests/fixtures/memory");
        for (file, folder) in [
            ("notes.ron", "data"),
            ("pins.ron", "state"),
            ("recent.ron", "state"),
        ] {
            let to = home.path(folder).join(file);
            fs::create_dir_all(to.parent().expect("folder")).expect("mkdir");
            fs::copy(fixtures.join(file), to).expect("copy");
        }
        home
    }

    /// `data`, `state` or `config`: the clusterdex folder of that kind.
    fn path(&self, kind: &str) -> PathBuf {
        self.dir.path().join(kind).join("clusterdex")
    }

    fn cmd(&self) -> Command {
        let root = self.dir.path();
        let mut c = Command::cargo_bin("clusterdex").expect("binary built");
        c.env_remove("CLUSTERDEX_DATA")
            .env_remove("CLUSTERDEX_NO_STATE")
            .env_remove("NO_COLOR")
            .env("HOME", root)
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_STATE_HOME", root.join("state"))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("TZ", "UTC");
        c
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

#[test]
fn note_adds_a_note_and_says_on_what() {
    let home = Home::new();
    home.cmd()
        .args([
            "note", "biopmed", "wants", "to", "talk", "about", "China", "in", "March",
        ])
        .assert()
        .success()
        .stdout("noted on BioPmed (cluster, biopmed)\n")
        .stderr("");
    home.cmd()
        .args(["note", "Lyonbiopole", "-"])
        .write_stdin("ask Lieve Apers\nfor the Nano4health report\n")
        .assert()
        .success()
        .stdout("noted on Lyonbiopôle (cluster, lyonbiopole)\n");
    let notes = home.json(&["notes", "--json"]);
    assert_eq!(
        notes[0]["text"],
        "ask Lieve Apers\nfor the Nano4health report"
    );
    assert_eq!(notes[0]["entity"], "lyonbiopole");
    assert_eq!(notes[0]["dataset"]["builtin"], true);
    assert_eq!(notes[1]["text"], "wants to talk about China in March");
    assert_eq!(notes[1]["name"], "BioPmed");
    assert_eq!(notes[1]["kind"], "cluster");
    let text = fs::read_to_string(home.path("data").join("notes.ron")).expect("file");
    assert!(text.contains("entity: \"biopmed\""), "{text}");
}

#[test]
fn note_records_the_dataset_file_it_was_written_against() {
    let home = Home::new();
    let data = home.dir.path().join("eco.ron");
    let out = Command::cargo_bin("clusterdex")
        .expect("binary")
        .args(["--no-state", "gen", "--entities", "200"])
        .output()
        .expect("gen");
    fs::write(&data, out.stdout).expect("write");
    let first = home.json(&[
        "--data",
        data.to_str().expect("utf-8"),
        "search",
        "--json",
        "--limit",
        "1",
        "a",
    ]);
    let id = first[0]["id"].as_str().expect("id").to_string();
    home.cmd()
        .args([
            "--data",
            data.to_str().expect("utf-8"),
            "note",
            &id,
            "met them",
        ])
        .assert()
        .success();
    let notes = home.json(&["--data", data.to_str().expect("utf-8"), "notes", "--json"]);
    assert_eq!(notes[0]["dataset"]["path"], data.display().to_string());
    assert_eq!(notes[0]["in_dataset"], true);
    // Against the built-in dataset, the same note is kept and marked.
    let notes = home.json(&["notes", "--json"]);
    assert_eq!(notes[0]["in_dataset"], false);
}

#[test]
fn note_refuses_what_it_cannot_file() {
    let home = Home::new();
    home.cmd()
        .args(["note", "techdays", "x"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("could mean several entities"));
    home.cmd()
        .args(["note", "biopmed", "  "])
        .assert()
        .code(2)
        .stderr("error: the note is empty; write its words after the entity\n");
    home.cmd()
        .args(["--no-state", "note", "biopmed", "x"])
        .assert()
        .code(2)
        .stderr("error: --no-state is set: notes, pins and recent lookups are neither read nor written\n");
    assert!(!home.path("data").exists(), "nothing was written");
}

#[test]
fn notes_list_by_entity_newest_first_marking_entities_not_in_the_dataset() {
    let home = Home::with_fixtures();
    home.cmd().arg("notes").assert().success().stdout(
        "BioPmed (cluster, biopmed)
  2026-03-02 10:15  wants to talk about China in March

Lyonbiopôle (cluster, lyonbiopole)
  2026-03-02 09:30  next steering meeting in Lyon
                    bring the MAGIA market study
  2026-03-01 16:05  ask Lieve Apers for the Nano4health report

Cluster since closed (cluster, closed_cluster): entity not in this dataset
  2026-02-27 08:00  merged into a regional agency
",
    );
}

#[test]
fn notes_as_markdown_are_a_meeting_minute() {
    let home = Home::with_fixtures();
    home.cmd()
        .args(["notes", "--format", "md"])
        .assert()
        .success()
        .stdout(
            "# Notes

4 notes on 3 entities, written from 2026-02-27 to 2026-03-02.

## BioPmed (cluster)

- **2026-03-02 10:15**: wants to talk about China in March

## Lyonbiopôle (cluster)

- **2026-03-02 09:30**: next steering meeting in Lyon
  bring the MAGIA market study
- **2026-03-01 16:05**: ask Lieve Apers for the Nano4health report

## Cluster since closed (cluster) — entity not in this dataset

- **2026-02-27 08:00**: merged into a regional agency
",
        );
}

#[test]
fn notes_of_one_entity_and_since_a_day() {
    let home = Home::with_fixtures();
    home.cmd()
        .args([
            "notes",
            "lyonbiopole",
            "--since",
            "2026-03-02",
            "--format",
            "md",
        ])
        .assert()
        .success()
        .stdout(
            "# Notes

1 note on 1 entity, written on 2026-03-02.

## Lyonbiopôle (cluster)

- **2026-03-02 09:30**: next steering meeting in Lyon
  bring the MAGIA market study
",
        );
    // An entity only the notes remember is found by its id.
    home.cmd()
        .args(["notes", "closed_cluster"])
        .assert()
        .success()
        .stdout("Cluster since closed (cluster, closed_cluster): entity not in this dataset\n  2026-02-27 08:00  merged into a regional agency\n");
    home.cmd()
        .args(["notes", "--since", "next tuesday"])
        .assert()
        .code(2)
        .stderr("error: --since \"next tuesday\" is not a date; write a day (2026-03-02), today, yesterday, or a span back such as 7d or 2w\n");
    home.cmd()
        .args(["notes", "--json", "--format", "md"])
        .assert()
        .code(2);
}

#[test]
fn notes_keep_the_fields_of_a_newer_version() {
    let home = Home::with_fixtures();
    home.cmd()
        .args(["note", "magia", "kick-off"])
        .assert()
        .success();
    let text = fs::read_to_string(home.path("data").join("notes.ron")).expect("file");
    assert!(text.contains("tags: [\"magia\"],"), "{text}");
    assert_eq!(
        home.json(&["notes", "--json"]).as_array().map(Vec::len),
        Some(5)
    );
}

#[test]
fn a_corrupt_notes_file_is_moved_aside_and_the_user_told_where() {
    let home = Home::new();
    let file = home.path("data").join("notes.ron");
    fs::create_dir_all(file.parent().expect("folder")).expect("mkdir");
    fs::write(&file, "(version: 1, notes: [(id: ").expect("write");
    let out = home
        .cmd()
        .args(["note", "biopmed", "after"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let aside = fs::read_dir(file.parent().expect("folder"))
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("notes.ron.corrupt-"))
        .expect("moved aside");
    assert_eq!(
        err,
        format!(
            "warning: {} could not be read (1:26: Unexpected end of RON); it was moved aside, unchanged, to {} and a new file was started\n",
            file.display(),
            aside.display()
        )
    );
    assert_eq!(
        fs::read_to_string(&aside).expect("aside"),
        "(version: 1, notes: [(id: "
    );
    assert_eq!(
        home.json(&["notes", "--json"]).as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn pins_in_the_order_they_were_made_and_pin_unpin() {
    let home = Home::with_fixtures();
    home.cmd().arg("pins").assert().success().stdout(
        "2026-03-01 09:00  alliance  Medtech Alliance for Global Internationalisation (MAGIA)  magia
2026-03-01 09:05  cluster   Cluster since closed                                      closed_cluster  (entity not in this dataset)
2026-03-02 08:00  cluster   Lyonbiopôle                                               lyonbiopole
",
    );
    home.cmd()
        .args(["unpin", "closed_cluster"])
        .assert()
        .success()
        .stdout("unpinned: Cluster since closed (cluster, closed_cluster)\n");
    home.cmd()
        .args(["pin", "life", "science", "nord"])
        .assert()
        .success()
        .stdout("pinned: Life Science Nord (cluster, life_science_nord)\n");
    home.cmd()
        .args(["pin", "magia"])
        .assert()
        .success()
        .stdout("already pinned: Medtech Alliance for Global Internationalisation (MAGIA) (alliance, magia)\n");
    let ids: Vec<String> = home
        .json(&["pins", "--json"])
        .as_array()
        .expect("list")
        .iter()
        .map(|p| p["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(ids, ["magia", "lyonbiopole", "life_science_nord"]);
}

#[test]
fn recent_lists_the_last_opened_most_recent_first() {
    let home = Home::with_fixtures();
    home.cmd().arg("recent").assert().success().stdout(
        "2026-03-02 10:14  cluster   BioPmed                                                   biopmed
2026-03-02 10:02  alliance  Medtech Alliance for Global Internationalisation (MAGIA)  magia
2026-02-20 12:00  cluster   Cluster since closed                                      closed_cluster  (entity not in this dataset)
",
    );
}

#[test]
fn show_records_a_lookup_and_prints_my_notes() {
    let home = Home::new();
    home.cmd()
        .args(["note", "biowin", "call in April"])
        .assert()
        .success();
    for who in ["biowin", "magia"] {
        home.cmd()
            .args(["show", who])
            .assert()
            .success()
            .stdout(predicate::function(|out: &str| {
                out.contains("\nMy notes\n") == (who == "biowin")
            }));
    }
    let recent = home.json(&["recent", "--json"]);
    assert_eq!(recent[0]["id"], "magia");
    assert_eq!(recent[1]["id"], "biowin");
    assert_eq!(recent[1]["visits"], 1.0);
    // With --no-state, nothing is recorded.
    home.cmd()
        .args(["--no-state", "show", "biopmed"])
        .assert()
        .success();
    assert_eq!(
        home.json(&["recent", "--json"]).as_array().map(Vec::len),
        Some(2)
    );
}

#[test]
fn the_markdown_export_carries_an_entitys_notes() {
    let home = Home::with_fixtures();
    home.cmd()
        .args(["export", "--format", "md", "lyonbiopole", "biowin"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "### My notes

- **2026-03-02 09:30**: next steering meeting in Lyon
  bring the MAGIA market study
- **2026-03-01 16:05**: ask Lieve Apers for the Nano4health report
",
        ))
        .stdout(predicate::str::contains("### My notes").count(1));
}

#[test]
fn the_config_sets_the_dataset_and_options_on_the_command_line_win() {
    let home = Home::new();
    let config = home.path("config");
    fs::create_dir_all(&config).expect("mkdir");
    fs::write(config.join("tiny.ron"), TINY).expect("write");
    fs::write(
        config.join("config.ron"),
        "(data: \"tiny.ron\", theme: \"light\")",
    )
    .expect("write");
    home.cmd()
        .args(["search", "--json", "nowhere"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\": \"nowhere_cluster\""));
    home.cmd()
        .args([
            "--data",
            "tests/fixtures/valid/example.ron",
            "search",
            "nowhere",
        ])
        .assert()
        .code(1);
    // A config with a problem is not used: the built-in dataset opens, with a warning.
    fs::write(
        config.join("config.ron"),
        "(data: \"tiny.ron\", mouse: \"yes\")",
    )
    .expect("write");
    home.cmd()
        .args(["search", "--limit", "1", "magia"])
        .assert()
        .success()
        .stderr(format!(
            "warning: {} has 1 problem; using the defaults (run `clusterdex config check`)\n",
            config.join("config.ron").display()
        ));
}

const TINY: &str = r#"(
    title: "Tiny",
    sources: [(id: "s", title: "S", publisher: "P", language: "en", about: "test")],
    entities: [(id: "nowhere_cluster", kind: Cluster, name: "Nowhere Cluster", sources: ["s"])],
    relations: [],
)"#;

#[test]
fn a_note_never_sends_escape_sequences_to_the_terminal() {
    let home = Home::new();
    home.cmd()
        .args(["note", "biopmed", "\u{1b}[31mred\u{7} and \u{9b}2J"])
        .assert()
        .success();
    for args in [
        &["notes"][..],
        &["notes", "--format", "md"],
        &["show", "biopmed"],
    ] {
        let out = home.cmd().args(args).output().expect("runs");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            text.contains("\\u{1b}[31mred\\u{7} and \\u{9b}2J"),
            "{args:?}:\n{text}"
        );
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{args:?}");
    }
    let notes = home.json(&["notes", "--json"]);
    assert_eq!(
        notes[0]["text"], "\u{1b}[31mred\u{7} and \u{9b}2J",
        "kept as written"
    );
}

#[test]
fn search_finds_notes_and_keeps_entities_with_a_note_by_scope() {
    let home = Home::with_fixtures();
    home.cmd()
        .args(["search", "note:china"])
        .assert()
        .success()
        .stdout(
            "  #  kind          name     id       matched\n  1  cluster       BioPmed  biopmed  note: wants to talk about China in March\n",
        );
    let hits = home.json(&["search", "--json", "steering meeting"]);
    assert_eq!(hits[0]["id"], "lyonbiopole");
    assert_eq!(hits[0]["field"], "note");
    assert_eq!(
        hits[0]["text"],
        "next steering meeting in Lyon\nbring the MAGIA market study"
    );
    home.cmd()
        .args(["--no-state", "search", "note:china"])
        .assert()
        .code(1)
        .stderr("no match for \"note:china\"\n");
}

#[test]
fn snapshot_reads_and_writes_the_users_files_so_a_script_can_drive_it() {
    let home = Home::with_fixtures();
    let pinned = home
        .cmd()
        .args(["snapshot", "--size", "100x20", "--keys", "5"])
        .output()
        .expect("runs");
    let screen = String::from_utf8_lossy(&pinned.stdout);
    assert!(
        screen.contains("Pinned (2, 1 not in this dataset)"),
        "{screen}"
    );
    assert!(screen.contains("Lyonbiopôle"), "{screen}");
    home.cmd()
        .args(["snapshot", "--keys", "/biopmed<Enter>nChina again<C-s>p"])
        .assert()
        .success();
    let notes = home.json(&["notes", "biopmed", "--json"]);
    assert_eq!(notes[0]["text"], "China again");
    let pins = home.json(&["pins", "--json"]);
    assert!(
        pins.as_array()
            .is_some_and(|p| p.iter().any(|p| p["id"] == "biopmed")),
        "{pins}"
    );
    let recent = home.json(&["recent", "--json"]);
    assert_eq!(recent[0]["id"], "biopmed", "the card opened is recent");
    home.cmd()
        .args([
            "--no-state",
            "snapshot",
            "--keys",
            "/biowin<Enter>nlost<C-s>",
        ])
        .assert()
        .success();
    let notes = home.json(&["notes", "--json"]);
    assert!(
        !notes
            .as_array()
            .is_some_and(|n| n.iter().any(|n| n["text"] == "lost")),
        "--no-state writes nothing"
    );
}
