//! A real terminal for end-to-end tests: a detached tmux session running a
//! plain shell, keys sent to it, its screen read back, and waits on what the
//! screen shows (never fixed sleeps). Without tmux a test skips, saying so;
//! with tmux installed, a session that cannot start is a failure. Each
//! session has a tmux server of its own (`-L`): tests run side by side, and
//! one shared server exits when its last session is killed, under the feet
//! of a test starting the next.

use std::process::Command;
use std::time::{Duration, Instant};

/// How long a wait may take before the test fails with the screen.
const PATIENCE: Duration = Duration::from_secs(15);

pub struct Session {
    pub name: String,
}

/// Runs tmux; its stdout when it succeeded.
pub fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

impl Session {
    /// A session whose shell neither reads nor writes the user's own files
    /// (`CLUSTERDEX_NO_STATE=1`), or None without tmux.
    pub fn start(tag: &str, width: u16, height: u16) -> Option<Session> {
        Session::start_with(tag, width, height, &[("CLUSTERDEX_NO_STATE", "1")])
    }

    /// A session whose shell starts from an empty environment plus `env`
    /// (which may override the defaults: HOME=/tmp, a UTF-8 locale, TERM).
    pub fn start_with(tag: &str, width: u16, height: u16, env: &[(&str, &str)]) -> Option<Session> {
        if tmux(&["-V"]).is_none() {
            eprintln!("skipping: tmux is not installed");
            return None;
        }
        let name = format!("clusterdex-e2e-{tag}-{}", std::process::id());
        let mut vars = vec![
            ("PATH", "/usr/bin:/bin"),
            ("TERM", "xterm-256color"),
            ("LANG", "C.UTF-8"),
            ("HOME", "/tmp"),
        ];
        for &(k, v) in env {
            vars.retain(|(key, _)| *key != k);
            vars.push((k, v));
        }
        let assignments: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let shell = format!("env -i {} bash --norc --noprofile", assignments.join(" "));
        let (w, h) = (width.to_string(), height.to_string());
        let started = Command::new("tmux")
            .args(["-L", &name, "new-session", "-d", "-s", &name])
            .args(["-x", &w, "-y", &h, &shell])
            .output()
            .expect("tmux runs");
        assert!(
            started.status.success(),
            "tmux is installed but the session {name} did not start: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        Some(Session { name })
    }

    /// Runs tmux on this session's own server; its stdout when it succeeded.
    pub fn tmux(&self, args: &[&str]) -> Option<String> {
        let mut all = vec!["-L", self.name.as_str()];
        all.extend_from_slice(args);
        tmux(&all)
    }

    /// Keys by tmux's names (`Enter`, `Escape`, `C-c`, ...).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.name.as_str()];
        args.extend_from_slice(keys);
        self.tmux(&args).expect("send-keys");
    }

    /// Text typed as is.
    pub fn literal(&self, text: &str) {
        (self.tmux(&["send-keys", "-t", &self.name, "-l", text])).expect("send-keys");
    }

    pub fn screen(&self) -> String {
        (self.tmux(&["capture-pane", "-p", "-t", &self.name])).unwrap_or_default()
    }

    /// Waits until `pred` holds for the screen (polling), or fails with the screen.
    pub fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
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

    pub fn wait_for(&self, text: &str) -> String {
        self.wait(text, |s| s.contains(text))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // The server leaves its socket behind when killed.
        let socket = self.tmux(&["display-message", "-p", "#{socket_path}"]);
        let _ = self.tmux(&["kill-server"]);
        if let Some(path) = socket {
            let _ = std::fs::remove_file(path.trim());
        }
    }
}

/// The binary under test.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_clusterdex")
}

/// True when `stty -a` output shows a cooked terminal: icanon and echo on.
pub fn sane(stty: &str) -> bool {
    let words: Vec<&str> = stty.split_whitespace().collect();
    words.contains(&"icanon") && words.contains(&"echo")
}
