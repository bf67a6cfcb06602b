//! The notes file under stress, through the real binary: writers at once lose
//! nothing, and a writer killed at any moment leaves a file that parses and
//! holds every note it promised. Every run points HOME and the XDG folders at
//! a temporary directory.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clusterdex::store::file::Document;
use clusterdex::store::notes::NotesFile;

fn note_cmd(home: &Path, words: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clusterdex"));
    c.args(["note", "biopmed", words])
        .env_remove("CLUSTERDEX_DATA")
        .env_remove("CLUSTERDEX_NO_STATE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

fn notes_file(home: &Path) -> NotesFile {
    let path = home.join("data/clusterdex/notes.ron");
    match std::fs::read_to_string(&path) {
        Ok(text) => NotesFile::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}")),
        Err(_) => NotesFile::default(),
    }
}

fn leftovers(home: &Path) -> Vec<String> {
    std::fs::read_dir(home.join("data/clusterdex"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains("corrupt"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn four_processes_adding_25_notes_each_at_once_leave_exactly_100() {
    let home = tempfile::tempdir().expect("temp dir");
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let home = home.path().to_path_buf();
            std::thread::spawn(move || {
                for i in 0..25 {
                    let status = note_cmd(&home, &format!("writer {w} note {i}"))
                        .status()
                        .expect("runs");
                    assert!(status.success(), "writer {w} note {i}: {status}");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("writer finished");
    }
    let file = notes_file(home.path());
    assert_eq!(file.notes.len(), 100);
    let texts: HashSet<&str> = file.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts.len(), 100, "every note once");
    let ids: HashSet<&str> = file.notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids.len(), 100, "every id unique");
    for w in 0..4 {
        let mine: Vec<&str> = file
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .filter(|t| t.starts_with(&format!("writer {w} ")))
            .collect();
        let expected: Vec<String> = (0..25).map(|i| format!("writer {w} note {i}")).collect();
        assert_eq!(
            mine, expected,
            "each writer's notes in the order it wrote them"
        );
    }
    assert_eq!(leftovers(home.path()), Vec::<String>::new());
}

/// A pseudo-random number from the system's hasher seed (no extra crate).
fn random(bound: u64) -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0);
    h.finish() % bound.max(1)
}

#[test]
fn a_note_command_killed_at_any_moment_never_loses_a_saved_note() {
    let home = tempfile::tempdir().expect("temp dir");
    // How long one command takes here, so that kills fall across its whole life.
    let mut promised = Vec::new();
    let mut times = Vec::new();
    for i in 0..5 {
        let start = Instant::now();
        let text = format!("calibration {i}");
        let status = note_cmd(home.path(), &text).status().expect("runs");
        assert!(status.success());
        times.push(start.elapsed().as_micros() as u64);
        promised.push(text);
    }
    // Kills spread over one and a half typical runs: some before the write,
    // some during it, some after.
    times.sort_unstable();
    let span = times[2].clamp(1_000, 2_000_000) * 3 / 2;

    let (mut completed, mut killed) = (0, 0);
    for round in 0..200 {
        let text = format!("round {round}");
        let mut child = note_cmd(home.path(), &text).spawn().expect("spawns");
        std::thread::sleep(Duration::from_micros(random(span)));
        // On an exited child `kill` does nothing; `wait` then says how it ended.
        let _ = child.kill();
        let status = child.wait().expect("waits");
        if status.success() {
            promised.push(text);
            completed += 1;
        } else {
            killed += 1;
        }
        if round % 20 == 19 {
            // The file parses at every point, not only at the end.
            notes_file(home.path());
        }
    }
    let file = notes_file(home.path());
    let kept: HashSet<&str> = file.notes.iter().map(|n| n.text.as_str()).collect();
    for p in &promised {
        assert!(kept.contains(p.as_str()), "{p:?} was promised and lost");
    }
    assert_eq!(kept.len(), file.notes.len(), "no note twice");
    assert!(file.notes.len() <= 205);
    assert_eq!(
        leftovers(home.path()),
        Vec::<String>::new(),
        "never corrupt"
    );
    eprintln!(
        "{completed} completed, {killed} killed, {} kept",
        file.notes.len()
    );
}
