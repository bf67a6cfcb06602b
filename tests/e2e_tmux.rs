//! End to end in a real terminal (tmux): start the binary, search, open, follow
//! a relation, go back, quit, and check the terminal is sane afterwards; and
//! that a panic restores the terminal before its message. Needs tmux; each
//! test says so and skips when it is missing (CI installs it).

use std::process::Command;
use std::time::{Duration, Instant};

struct Session {
    name: String,
}

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

impl Session {
    /// A detached 120x40 session running a plain shell, or None without tmux.
    fn start(tag: &str) -> Option<Session> {
        if tmux(&["-V"]).is_none() {
            eprintln!("skipping: tmux is not installed");
            return None;
        }
        let name = format!("clusterdex-e2e-{tag}-{}", std::process::id());
        tmux(&[
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            "120",
            "-y",
            "40",
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME=/tmp CLUSTERDEX_NO_STATE=1 bash --norc --noprofile",
        ])?;
        Some(Session { name })
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.name.as_str()];
        args.extend_from_slice(keys);
        tmux(&args).expect("send-keys");
    }

    fn literal(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.name, "-l", text]).expect("send-keys");
    }

    fn screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-t", &self.name]).unwrap_or_default()
    }

    /// Waits until `pred` holds for the screen (polling), or fails with the screen.
    fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait(text, |s| s.contains(text))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.name]);
    }
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_clusterdex")
}

/// True when `stty -a` output shows a cooked terminal: icanon and echo on.
fn sane(stty: &str) -> bool {
    let words: Vec<&str> = stty.split_whitespace().collect();
    words.contains(&"icanon") && words.contains(&"echo")
}

#[test]
fn search_open_follow_back_quit_in_a_real_terminal() {
    let Some(t) = Session::start("walk") else {
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
    t.wait_for("follow the relation");
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
fn a_panic_restores_the_terminal_before_its_message() {
    let Some(t) = Session::start("panic") else {
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
    let Some(t) = Session::start("reload") else {
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
    let Some(t) = Session::start("readonly") else {
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
    for k in [
        "/", "b", "e", "Enter", "j", "?", "Escape", "2", "Tab", "!", "Escape",
    ] {
        t.keys(&[k]);
    }
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
