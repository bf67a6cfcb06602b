//! End to end in a real terminal (tmux): the loading screen of a dataset file,
//! what it says, and that `q` or Ctrl-C on it gives the terminal back at once
//! with exit status 130; and the bar a command draws on stderr while it
//! loads. `CLUSTERDEX_TEST_HOLD_LOAD` keeps the finished load from being
//! handed over, so the screen and the bar stay however fast the machine is.

mod common;

use common::tmux::{Session, binary, sane};

/// A generated dataset of a few megabytes in `dir`.
fn dataset(dir: &std::path::Path) -> std::path::PathBuf {
    let file = dir.join("big.ron");
    let out = std::process::Command::new(binary())
        .args(["gen", "--entities", "5000"])
        .output()
        .expect("gen runs");
    assert!(out.status.success());
    std::fs::write(&file, out.stdout).expect("write");
    file
}

/// Starts the explorer on `file` with the load held, and waits for its screen.
fn loading(tag: &str, dir: &std::path::Path) -> Option<(Session, String)> {
    let t = Session::start_with(
        tag,
        100,
        30,
        &[
            ("CLUSTERDEX_NO_STATE", "1"),
            ("CLUSTERDEX_TEST_HOLD_LOAD", "1"),
        ],
    )?;
    let file = dataset(dir);
    t.literal(&format!(
        "{} --data {} ; echo EXITED=$? ; stty -a",
        binary(),
        file.display()
    ));
    t.keys(&["Enter"]);
    // The load is done (held), so the bar is full: the figures are the file's.
    let s = t.wait("the full bar", |s| s.contains("100%"));
    Some((t, s))
}

#[test]
fn the_loading_screen_names_the_file_shows_how_far_and_q_cancels() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some((t, s)) = loading("loadq", dir.path()) else {
        return;
    };
    let size = std::fs::metadata(dir.path().join("big.ron"))
        .expect("file")
        .len();
    let mib = format!(
        "{:.1} MiB of {:.1} MiB",
        size as f64 / 1048576.0,
        size as f64 / 1048576.0
    );
    for want in ["Loading big.ron", mib.as_str(), "█", "q or Ctrl-C cancels"] {
        assert!(s.contains(want), "{want} on the loading screen:\n{s}");
    }
    t.keys(&["q"]);
    let s = t.wait("exit and stty", |s| {
        s.contains("EXITED=") && s.contains("icanon")
    });
    assert!(s.contains("EXITED=130"), "cancelled is status 130:\n{s}");
    assert!(s.contains("loading big.ron cancelled"), "{s}");
    assert!(sane(&s), "terminal not restored:\n{s}");
    assert!(
        !s.contains("q or Ctrl-C cancels"),
        "the alternate screen was left:\n{s}"
    );
}

#[test]
fn ctrl_c_on_the_loading_screen_cancels_and_restores_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some((t, _)) = loading("loadc", dir.path()) else {
        return;
    };
    t.keys(&["C-c"]);
    let s = t.wait("exit and stty", |s| {
        s.contains("EXITED=") && s.contains("icanon")
    });
    assert!(s.contains("EXITED=130"), "{s}");
    assert!(sane(&s), "terminal not restored:\n{s}");
    assert!(
        !s.contains("Loading big.ron"),
        "the alternate screen was left:\n{s}"
    );
}

#[test]
fn a_file_that_finishes_loading_opens_the_explorer() {
    let Some(t) = Session::start("loaddone", 100, 30) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dataset(dir.path());
    t.literal(&format!(
        "{} --data {} ; echo EXITED=$?",
        binary(),
        file.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("1 Clusters");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}

#[test]
fn a_command_loading_a_large_file_shows_a_bar_on_a_terminal_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dataset(dir.path());
    let held = [
        ("CLUSTERDEX_NO_STATE", "1"),
        ("CLUSTERDEX_TEST_HOLD_LOAD", "1"),
    ];
    // stderr not a terminal: no bar, and nothing waits on one (the hold only
    // applies to a load drawn by a bar).
    let piped = std::process::Command::new(binary())
        .args(["--data", &file.display().to_string(), "check"])
        .envs(held)
        .output()
        .expect("check runs");
    assert!(piped.status.success());
    assert!(
        piped.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    let Some(t) = Session::start_with("loadbar", 120, 20, &held) else {
        return;
    };
    t.literal(&format!("{} --data {} check", binary(), file.display()));
    t.keys(&["Enter"]);
    // Shown once the load has lasted half a second (held, it lasts), full.
    let s = t.wait("the bar", |s| {
        s.contains("loading big.ron") && s.contains("MiB/")
    });
    let line = (s.lines())
        .find(|l| l.contains("loading big.ron"))
        .expect("the bar's line");
    // "... [=====] 4.05 MiB/4.05 MiB"
    let figures = line.rsplit("] ").next().expect("figures");
    let (done, total) = figures.split_once('/').expect("done/total");
    assert!(done.ends_with("MiB"), "{line}");
    assert_eq!(
        done.trim(),
        total.trim(),
        "a finished load's bar is full: {line}"
    );
    assert!(line.contains("[===="), "{line}");
    t.keys(&["C-c"]);
}
