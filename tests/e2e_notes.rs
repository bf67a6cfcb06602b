//! A meeting, end to end in a real terminal (tmux): write a note on a card,
//! see it on disk while the explorer still runs, pin the card, quit, start
//! again and find the note by search and the pin in the Pinned list. The
//! user's files live in a temporary folder. Needs tmux; skips, saying so,
//! when it is missing.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

struct Session {
    name: String,
}

impl Session {
    /// A detached 120x40 shell whose home and XDG folders are under `home`.
    fn start(home: &Path) -> Option<Session> {
        if tmux(&["-V"]).is_none() {
            eprintln!("skipping: tmux is not installed");
            return None;
        }
        let name = format!("clusterdex-e2e-notes-{}", std::process::id());
        let h = home.display();
        let shell = format!(
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME={h} \
             XDG_DATA_HOME={h}/data XDG_STATE_HOME={h}/state XDG_CONFIG_HOME={h}/config \
             bash --norc --noprofile"
        );
        let started = tmux(&[
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            "120",
            "-y",
            "40",
            &shell,
        ]);
        assert!(
            started.is_some(),
            "tmux is installed but {name} did not start"
        );
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

    /// Waits until `text` is on screen, or fails with the screen.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn explorer(&self) {
        self.literal(&format!(
            "{} ; echo EXITED=$?",
            env!("CARGO_BIN_EXE_clusterdex")
        ));
        self.keys(&["Enter"]);
        self.wait_for("1 Clusters 16");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.name]);
    }
}

#[test]
fn a_note_and_a_pin_written_in_a_meeting_are_there_after_a_restart() {
    let home = tempfile::tempdir().expect("temp dir");
    let Some(t) = Session::start(home.path()) else {
        return;
    };
    t.explorer();
    t.keys(&["/"]);
    t.wait_for("type to search");
    t.literal("biopmed");
    t.wait_for("cluster BioPmed");
    t.keys(&["Enter"]);
    t.keys(&["n"]);
    t.wait_for("Note on BioPmed");
    t.literal("wants to talk about China in March");
    t.keys(&["C-s"]);
    t.wait_for("note on BioPmed saved");
    // On disk while the explorer still runs: saved means written.
    let notes = home.path().join("data/clusterdex/notes.ron");
    let text = std::fs::read_to_string(&notes).expect("the notes file");
    assert!(
        text.contains("wants to talk about China in March"),
        "{text}"
    );
    assert!(t.screen().contains("My notes"));
    t.keys(&["p"]);
    t.wait_for("pinned BioPmed");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");

    t.keys(&["clear", "Enter"]);
    t.explorer();
    t.keys(&["5"]);
    t.wait_for("Pinned (1)");
    t.keys(&["/"]);
    t.literal("china march");
    t.wait_for("my note:");
    t.keys(&["Enter"]);
    let s = t.wait_for("My notes");
    assert!(s.contains("wants to talk about China in March"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}
