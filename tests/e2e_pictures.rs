//! The pictures in a real terminal (tmux): the network view drawn with its
//! braille edges, Enter on a node opening its card, the period chart from the
//! timeline; and `graph` printing at the terminal's own width. Needs tmux;
//! each test says so and skips when it is missing (CI installs it).

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
    /// A detached session of `w` columns running a plain shell, or None without tmux.
    fn start(tag: &str, w: u16) -> Option<Session> {
        if tmux(&["-V"]).is_none() {
            eprintln!("skipping: tmux is not installed");
            return None;
        }
        let name = format!("clusterdex-pictures-{tag}-{}", std::process::id());
        let shell = "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME=/tmp LANG=C.UTF-8 CLUSTERDEX_NO_STATE=1 bash --norc --noprofile";
        tmux(&[
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            &w.to_string(),
            "-y",
            "40",
            shell,
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

    /// Waits until `text` is on screen (polling), or fails with the screen.
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
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.name]);
    }
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_clusterdex")
}

#[test]
fn the_network_and_the_chart_in_a_real_terminal() {
    let Some(s) = Session::start("views", 120) else {
        return;
    };
    // The echo runs once the explorer has quit: nothing is typed ahead into it.
    s.literal(&format!("{} ; echo done-$((6*7))", binary()));
    s.keys(&["Enter"]);
    s.wait_for("1 Clusters");
    s.literal("/magia");
    s.wait_for("Medtech Alliance");
    s.keys(&["Enter"]);
    s.wait_for("coordinated by");
    s.literal("v");
    let screen = s.wait_for("Network of Medtech Alliance");
    assert!(
        screen.contains("● BioPmed") && screen.contains("EASME ■"),
        "{screen}"
    );
    assert!(
        screen
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "edges in braille:\n{screen}"
    );
    s.literal("j");
    s.wait_for("cluster: BioPmed coordinates and member of");
    s.keys(&["Enter"]);
    s.wait_for("┌ BioPmed");
    s.literal("t");
    s.wait_for("Timeline (");
    s.literal("p");
    let chart = s.wait_for("Periods: ");
    assert!(
        chart.contains("┣━") && chart.contains("dates unknown"),
        "{chart}"
    );
    s.keys(&["Escape"]);
    s.wait_for("┌ BioPmed");
    s.literal("q");
    s.wait_for("done-42");
}

#[test]
fn graph_prints_at_the_terminals_width() {
    let Some(s) = Session::start("graph", 132) else {
        return;
    };
    s.literal(&format!(
        "{} graph lyonbiopole; echo end-$((6*7))",
        binary()
    ));
    s.keys(&["Enter"]);
    let screen = s.wait_for("end-42");
    let widest = screen
        .lines()
        .filter(|l| l.contains('⠤'))
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    assert!(widest > 100 && widest <= 132, "{widest} columns:\n{screen}");
}
