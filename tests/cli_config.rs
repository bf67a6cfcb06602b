//! `clusterdex config`: one fixture per kind of problem in tests/fixtures/config/,
//! each with the exact output it must give next to it (NAME.expected: exit
//! code, stdout, stderr), and the default config checked clean. Every run
//! points HOME and the XDG folders at a temporary directory. Run with
//! UPDATE_EXPECTED=1 to rewrite the expected files after a deliberate change,
//! then review the diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clusterdex"))
        .args(args)
        .env_remove("CLUSTERDEX_DATA")
        .env_remove("CLUSTERDEX_NO_STATE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("runs")
}

fn render(out: &Output) -> String {
    format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/config")
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_fixture_gives_its_exact_report() {
    let home = tempfile::tempdir().expect("temp dir");
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let fixtures = fixtures();
    assert!(fixtures.len() >= 7, "only {} fixtures", fixtures.len());
    let mut wrong = Vec::new();
    for path in &fixtures {
        let out = run(
            home.path(),
            &["config", "check", path.to_str().expect("utf-8")],
        );
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let actual = render(&out);
        assert!(!actual.contains("panicked"), "{name}:\n{actual}");
        let expected_path = path.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &actual).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            wrong.push(format!(
                "== {name}\n-- expected\n{expected}\n-- actual\n{actual}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn each_kind_of_problem_has_its_fixture_and_exits_1() {
    for (fixture, rule) in [
        ("syntax", "error[syntax]"),
        ("unknown_setting", "error[unknown-setting]"),
        ("unknown_action", "error[unknown-action]"),
        ("unknown_key", "error[unknown-key]"),
        ("key_bound_twice", "error[key-bound-twice]"),
        ("bad_value", "error[bad-value]"),
    ] {
        let path = format!("tests/fixtures/config/{fixture}.ron");
        let home = tempfile::tempdir().expect("temp dir");
        let out = run(home.path(), &["config", "check", &path]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{fixture}");
        assert!(
            stdout.lines().all(|l| {
                l.starts_with(&format!("{path}:"))
                    || l.starts_with("  hint: ")
                    || l.starts_with("invalid: ")
            }),
            "{fixture}: every problem is placed and hinted:\n{stdout}"
        );
        assert!(stdout.contains(rule), "{fixture}:\n{stdout}");
    }
}

#[test]
fn the_default_config_is_clean_where_the_user_keeps_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), &["config", "default"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("\"start_search\": [\"/\"]"), "{text}");
    let file = home.path().join("config/clusterdex/config.ron");
    std::fs::create_dir_all(file.parent().expect("folder")).expect("mkdir");
    std::fs::write(&file, &text).expect("write");
    let out = run(home.path(), &["config", "check"]);
    assert_eq!(
        render(&out),
        format!("exit 0\n--- stdout\nok: {}\n--- stderr\n", file.display())
    );
}

#[test]
fn without_a_file_the_defaults_apply() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), &["config", "check"]);
    let file = home.path().join("config/clusterdex/config.ron");
    assert_eq!(
        render(&out),
        format!(
            "exit 0\n--- stdout\nok: no config file at {}; the defaults apply (`clusterdex config default` prints one to start from)\n--- stderr\n",
            file.display()
        )
    );
    let out = run(home.path(), &["config", "check", "no/such/config.ron"]);
    assert_eq!(
        render(&out),
        "exit 2\n--- stdout\n--- stderr\nerror: cannot read no/such/config.ron: no such file\n"
    );
}

#[test]
fn config_paths_follow_the_xdg_variables() {
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path().display();
    let out = run(home.path(), &["config", "paths"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "config  {h}/config/clusterdex/config.ron\nnotes   {h}/data/clusterdex/notes.ron\npins    {h}/state/clusterdex/pins.ron\nrecent  {h}/state/clusterdex/recent.ron\n"
        )
    );
}
