//! End to end in a real terminal (tmux): start the binary, search, open, follow
//! a relation, go back, quit, and check the terminal is sane afterwards; that a
//! panic restores the terminal before its message; and hostile input: bursts,
//! pastes, a dataset turned FIFO, signals. Needs tmux; each test says so and
//! skips when it is missing (CI installs it), and fails when tmux is there but
//! a session cannot start.

mod common;

use std::process::Command;

use common::tmux::{Session, binary, sane};

#[test]
fn search_open_follow_back_quit_in_a_real_terminal() {
    let Some(t) = Session::start("walk", 120, 40) else {
        return;
    };
    t.literal(&format!("{} ; echo EXITED=$? ; stty -a", binary()));
    t.keys(&["Enter"]);
    t.wait_for("1 Clusters 16");
    t.keys(&["/"]);
    t.wait_for("type to search");
    t.literal("lyonbiopole");
    t.wait_for("competitiveness cluster Lyonbiopôle");
    t.keys(&["Enter"]);
    t.wait_for("⏎ follow");
    t.keys(&["Enter"]);
    t.wait_for("Lyonbiopôle › BioXclusters Plus");
    t.keys(&["BSpace"]);
    t.wait("the trail back at Lyonbiopôle", |s| {
        !s.contains("› BioXclusters Plus") && s.contains("Lyonbiopôle ")
    });
    t.keys(&["q"]);
    let after = t.wait_for("EXITED=0");
    let s = t.wait("stty output", |s| s.contains("icanon"));
    assert!(sane(&s), "terminal not restored:\n{s}");
    assert!(!after.contains("1 Clusters 16") || after.contains("EXITED=0"));
}

#[test]
fn the_board_opens_at_180_by_45_and_links_its_panes() {
    let Some(t) = Session::start("board", 180, 45) else {
        return;
    };
    t.literal(&format!("{} ; echo EXITED=$? ; stty -a", binary()));
    t.keys(&["Enter"]);
    let s = t.wait_for("┌ Events (10)");
    assert!(
        s.contains("┌ Clusters (16)") && s.contains("┌ Alliances (13)"),
        "{s}"
    );
    for _ in 0..11 {
        t.keys(&["j"]);
    }
    t.wait_for("┌ Lyonbiopôle");
    t.wait_for("• BioXclusters Plus");
    t.keys(&["="]);
    t.wait_for("(10 of 13, linked to Lyonbiop");
    t.keys(&["="]);
    t.wait_for("┌ Alliances (13)");
    t.keys(&["Tab"]);
    t.keys(&["Enter"]);
    t.wait_for("⏎ follow");
    t.keys(&["b"]);
    t.wait("the tabs", |s| {
        s.contains(" tabs") && !s.contains("┌ Events (10)")
    });
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
    let s = t.wait("stty output", |s| s.contains("icanon"));
    assert!(sane(&s), "terminal not restored:\n{s}");
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let Some(t) = Session::start("panic", 120, 40) else {
        return;
    };
    t.literal(&format!(
        "CLUSTERDEX_TEST_PANIC=1 {} ; echo EXITED=$? ; stty -a",
        binary()
    ));
    t.keys(&["Enter"]);
    t.wait_for("1 Clusters 16");
    t.keys(&["?"]);
    let s = t.wait("the panic message and stty", |s| {
        s.contains("EXITED=101") && s.contains("icanon")
    });
    assert!(
        s.contains("panic requested by CLUSTERDEX_TEST_PANIC"),
        "{s}"
    );
    assert!(sane(&s), "terminal not restored:\n{s}");
    assert!(
        !s.contains("1 Clusters 16"),
        "the alternate screen was left:\n{s}"
    );
}

const GOOD: &str = r#"(sources: [(id: "s", title: "Notes")], entities: [
  (id: "alpha", kind: Cluster, name: "Alpha Cluster", sources: ["s"]),
  (id: "beta", kind: Cluster, name: "Beta Cluster", sources: ["s"]),
])"#;

/// Saves like an editor that writes a temporary file and renames it over the old one.
fn save(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("ron.tmp");
    std::fs::write(&tmp, text).expect("write");
    std::fs::rename(&tmp, path).expect("rename");
}

#[test]
fn live_reload_follows_saves_and_keeps_the_last_good_data() {
    let Some(t) = Session::start("reload", 120, 40) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("live.ron");
    std::fs::write(&file, GOOD).expect("write");
    t.literal(&format!("{} --data {}", binary(), file.display()));
    t.keys(&["Enter"]);
    t.wait_for("Beta Cluster");
    t.keys(&["j", "Enter"]);
    t.wait_for("┌ Beta Cluster");
    save(&file, &GOOD.replace("Beta Cluster", "Beta Renamed"));
    t.wait_for("┌ Beta Renamed");
    save(&file, "(entities: [ broken");
    let s = t.wait_for("reload failed");
    assert!(s.contains("Beta Renamed"), "the last good data stays:\n{s}");
    save(&file, GOOD);
    t.wait("the banner gone and the data back", |s| {
        !s.contains("reload failed") && s.contains("┌ Beta Cluster")
    });
    t.keys(&["q"]);
}

#[test]
fn the_explorer_never_writes_to_the_dataset_file() {
    let Some(t) = Session::start("readonly", 120, 40) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("ro.ron");
    std::fs::write(&file, GOOD).expect("write");
    let before = (
        std::fs::read(&file).expect("read"),
        std::fs::metadata(&file)
            .and_then(|m| m.modified())
            .expect("mtime"),
    );
    t.literal(&format!(
        "{} --data {} ; echo DONE",
        binary(),
        file.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("Alpha Cluster");
    for k in ["/", "b", "e", "Enter", "j", "?"] {
        t.keys(&[k]);
    }
    // An Escape sent together with the next key would read as Alt and that key.
    t.wait_for("Help ·");
    t.keys(&["Escape"]);
    t.wait("help closed", |s| !s.contains("Help ·"));
    for k in ["2", "Tab", "!"] {
        t.keys(&[k]);
    }
    t.wait_for("any key closes");
    t.keys(&["Escape"]);
    t.wait("problems closed", |s| !s.contains("any key closes"));
    t.keys(&["q"]);
    t.wait_for("DONE");
    let after = (
        std::fs::read(&file).expect("read"),
        std::fs::metadata(&file)
            .and_then(|m| m.modified())
            .expect("mtime"),
    );
    assert_eq!(before, after);
}

#[test]
fn a_burst_of_keys_is_read_to_the_end_and_q_quits_at_once() {
    let Some(t) = Session::start("burst", 120, 40) else {
        return;
    };
    t.literal(&format!("{} ; echo EXITED=$?", binary()));
    t.keys(&["Enter"]);
    t.wait_for("1 Clusters 16");
    // 5,000 keys arrive faster than they are drawn; then one q must end it.
    t.literal(&"j".repeat(5000));
    t.literal("q");
    t.wait_for("EXITED=0");
}

/// Puts `text` in a tmux buffer and pastes it as a terminal pastes: bracketed
/// when the application asked for it.
fn paste(t: &Session, text: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("paste.txt");
    std::fs::write(&file, text).expect("write");
    let buffer = format!("{}-buf", t.name);
    (t.tmux(&["load-buffer", "-b", &buffer, &file.display().to_string()])).expect("load-buffer");
    (t.tmux(&["paste-buffer", "-p", "-d", "-b", &buffer, "-t", &t.name])).expect("paste-buffer");
}

#[test]
fn a_paste_is_one_edit_and_its_letters_are_not_commands() {
    let Some(t) = Session::start("paste", 120, 40) else {
        return;
    };
    t.literal(&format!("{} ; echo EXITED=$?", binary()));
    t.keys(&["Enter"]);
    t.wait_for("1 Clusters 16");
    // While browsing, q quits and / searches: pasted, they are only text.
    paste(&t, "q/lyonbiopole\n");
    let s = t.wait_for("/ q/lyonbiopole");
    assert!(!s.contains("EXITED"), "{s}");
    t.keys(&["C-u"]);
    paste(&t, "lyonbiopole");
    t.wait_for("competitiveness cluster Lyonbiopôle");
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0");
}

#[test]
fn a_huge_paste_is_cut_at_the_cap_and_ctrl_c_still_quits() {
    let Some(t) = Session::start("bigpaste", 120, 40) else {
        return;
    };
    t.literal(&format!("{} ; echo EXITED=$?", binary()));
    t.keys(&["Enter"]);
    t.wait_for("1 Clusters 16");
    t.keys(&["/"]);
    t.wait_for("type to search");
    let letters: String = (0..100_000u32)
        .map(|i| char::from(b'a' + (i.wrapping_mul(2_654_435_761) >> 27) as u8 % 26))
        .collect();
    paste(&t, &letters);
    t.wait_for("cut at 256 characters");
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0");
}

#[test]
fn a_dataset_replaced_by_a_fifo_shows_a_banner_and_the_keys_still_work() {
    let Some(t) = Session::start("fifo", 120, 40) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("live.ron");
    std::fs::write(&file, GOOD).expect("write");
    t.literal(&format!(
        "{} --data {} ; echo EXITED=$?",
        binary(),
        file.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("Beta Cluster");
    std::fs::remove_file(&file).expect("remove");
    let made = Command::new("mkfifo")
        .arg(&file)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let s = t.wait_for("live.ron is a FIFO");
    assert!(s.contains("reload failed"), "{s}");
    assert!(s.contains("Beta Cluster"), "the last good data stays:\n{s}");
    t.keys(&["j"]);
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}

/// Starts the explorer through a shell that writes its pid and then becomes
/// the explorer; returns the pid.
fn start_with_pid(t: &Session, dir: &std::path::Path) -> String {
    let pidfile = dir.join("pid");
    // The status is read by an inner shell: an interactive bash whose child
    // dies of SIGINT abandons the rest of the command line, as it should.
    t.literal(&format!(
        "sh -c 'sh -c \"echo \\$\\$ > {}; exec {}\"; echo EXITED=$?' ; stty -a",
        pidfile.display(),
        binary()
    ));
    t.keys(&["Enter"]);
    t.wait_for("1 Clusters 16");
    std::fs::read_to_string(&pidfile)
        .expect("pid written before exec")
        .trim()
        .to_string()
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal_and_exit_as_the_signal() {
    for (signal, status) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let Some(t) = Session::start(&format!("sig{signal}"), 120, 40) else {
            return;
        };
        let dir = tempfile::tempdir().expect("tempdir");
        let pid = start_with_pid(&t, dir.path());
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let s = t.wait(&format!("exit {status} and stty after SIG{signal}"), |s| {
            s.contains(&format!("EXITED={status}")) && s.contains("icanon")
        });
        assert!(sane(&s), "SIG{signal}: terminal not restored:\n{s}");
        assert!(
            !s.contains("1 Clusters 16"),
            "SIG{signal}: the alternate screen was left:\n{s}"
        );
    }
}
