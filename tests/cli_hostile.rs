//! The command line under attack, as a hostile user or a broken script would
//! use it: escape sequences in the dataset and in arguments, huge arguments,
//! files that are no files, extreme numbers, a full disk. Every attack ends in
//! a clear message and the right exit code, never a panic, never a raw control
//! character on the terminal. (docs/hardening.md lists what was tried.)

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt;

/// What a run gave: exit code (None when killed by a signal), stdout, stderr.
struct Run {
    code: Option<i32>,
    out: String,
    err: String,
}

fn cmd(args: &[&str]) -> Command {
    let mut c = Command::cargo_bin("clusterdex").expect("built");
    c.args(args)
        .env_remove("CLUSTERDEX_DATA")
        .env("NO_COLOR", "1")
        .env("CLUSTERDEX_NO_STATE", "1")
        .stdin(Stdio::null());
    c
}

fn run(args: &[&str]) -> Run {
    let out = assert_cmd::Command::from_std(cmd(args))
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    Run {
        code: out.status.code(),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Control characters (C0 but the line break, DEL, C1), bidi overrides and
/// zero-width characters: none may reach a terminal.
fn assert_safe(what: &str, text: &str) {
    if let Some(c) = text
        .chars()
        .find(|&c| c != '\n' && clusterdex::text::is_unsafe(c))
    {
        panic!("{what}: output carries U+{:04X}:\n{text}", c as u32);
    }
}

/// Every character that has reached a terminal raw through some output.
const H: &str = "\\u{1b}]0;PWNED\\u{7}\\u{9b}31m\\u{7f}\\u{202e}\\u{200b}\\u{200d}";

fn hostile_dataset(dir: &Path) -> String {
    let text = format!(
        r#"(
  title: "Title {H}",
  sources: [(id: "s", title: "Doc {H}")],
  entities: [
    (id: "evil", kind: Cluster, name: "Evil {H}", aliases: ["alias {H}"],
     description: "desc {H}", tags: ["tag {H}"],
     facts: [(label: "fact {H}", value: "value {H}", sources: ["s"])],
     dates: [(label: "held {H}", when: "2015", note: "note {H}", sources: ["s"])],
     notes: ["notes {H}"], sources: ["s"]),
    (id: "city", kind: Place, subkind: "city", name: "City {H}", sources: ["s"]),
    (id: "ally", kind: Alliance, name: "Ally {H}", sources: ["s"]),
    (id: "meet", kind: Event, name: "Meet {H}",
     dates: [(label: "held", when: "2016", sources: ["s"])], sources: ["s"]),
  ],
  relations: [
    (from: "evil", rel: "located_in", to: "city", note: "rel {H}", sources: ["s"]),
    (from: "evil", rel: "member_of", to: "ally", role: "role {H}", sources: ["s"]),
  ],
)"#
    );
    let path = dir.join("hostile.ron");
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn json_and_every_export_format_escape_what_could_drive_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = hostile_dataset(dir.path());
    let outputs: &[&[&str]] = &[
        &["show", "evil", "--json"],
        &["show", "evil"],
        &["search", "evil", "--json"],
        &["search", "tag:tag", "--json"],
        &["search", "evil"],
        &["list", "--json"],
        &["list", "--tag", "tag", "--json"],
        &["list", "--member-of", "ally", "--json"],
        &["list"],
        &["timeline", "--json"],
        &["timeline"],
        &["path", "evil", "ally", "--json"],
        &["path", "evil", "ally"],
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
        &["export", "--format", "csv", "--relations"],
        &["export", "--format", "md"],
        &["export", "--format", "dot"],
        &["check"],
        &["snapshot", "--keys", "<Enter>"],
    ];
    for args in outputs {
        let mut all = vec!["--data", data.as_str()];
        all.extend_from_slice(args);
        let r = run(&all);
        assert_eq!(
            r.code,
            Some(if args[0] == "check" { 1 } else { 0 }),
            "{args:?}: {}",
            r.err
        );
        assert_safe(&format!("{args:?} stdout"), &r.out);
        assert_safe(&format!("{args:?} stderr"), &r.err);
        if args.contains(&"--json") || args.contains(&"json") {
            let value: serde_json::Value =
                serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", r.out));
            // The escapes change the bytes, not the values.
            let raw = value.to_string();
            assert!(
                raw.contains("\\u001b]0;PWNED") || args[0] == "list",
                "{args:?}: {raw}"
            );
        }
    }
    let card = run(&["--data", data.as_str(), "show", "evil", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&card.out).expect("JSON");
    assert_eq!(
        value["name"].as_str(),
        Some("Evil \u{1b}]0;PWNED\u{7}\u{9b}31m\u{7f}\u{202e}\u{200b}\u{200d}"),
        "a JSON reader gets the name as it is in the file"
    );
}

#[test]
fn escape_sequences_in_arguments_are_shown_escaped() {
    let osc = "\u{1b}]0;PWNED\u{7}";
    let attacks: Vec<Vec<String>> = vec![
        vec![osc.into()],
        vec!["search".into(), "x".into(), "--limit".into(), osc.into()],
        vec!["export".into(), "--format".into(), osc.into()],
        vec!["search".into(), format!("--{osc}"), "x".into()],
        vec!["snapshot".into(), "--keys".into(), format!("<{osc}>")],
        vec!["snapshot".into(), "--size".into(), osc.into()],
        vec!["show".into(), osc.into()],
        vec!["search".into(), format!("zzqq{osc}")],
        vec!["search".into(), format!("year:{osc}")],
        vec!["path".into(), osc.into(), "magia".into()],
        vec!["list".into(), "--in".into(), osc.into()],
        vec![
            "export".into(),
            "--format".into(),
            "json".into(),
            osc.into(),
        ],
        vec![
            "--data".into(),
            format!("/nonexistent/{osc}"),
            "check".into(),
        ],
    ];
    for args in &attacks {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args);
        assert!(
            matches!(r.code, Some(1 | 2)),
            "{args:?}: {:?} {}",
            r.code,
            r.err
        );
        assert_safe(&format!("{args:?} stderr"), &r.err);
        assert_safe(&format!("{args:?} stdout"), &r.out);
        assert!(
            r.err.contains("\\u{1b}"),
            "{args:?}: the input is shown: {}",
            r.err
        );
    }
}

#[test]
fn huge_arguments_are_quoted_short() {
    let big = "w".repeat(120_000);
    let eight: Vec<&str> = std::iter::once("show")
        .chain(std::iter::repeat_n(big.as_str(), 8))
        .collect();
    for args in [
        eight,
        vec!["search", big.as_str()],
        vec!["path", big.as_str(), big.as_str()],
        vec!["export", "--format", "csv", big.as_str()],
        vec!["search", "x", "--limit", big.as_str()],
    ] {
        let r = run(&args);
        assert!(matches!(r.code, Some(1 | 2)), "{:?}", r.code);
        assert!(
            r.err.len() < 2_000,
            "{} bytes on stderr for {} arguments:\n{}",
            r.err.len(),
            args.len(),
            &r.err[..r.err.len().min(400)]
        );
        assert!(r.err.contains("…"), "the cut is marked: {}", r.err);
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_before_it_is_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("f");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let f = fifo.display().to_string();
    for args in [
        vec!["check", f.as_str()],
        vec!["--data", f.as_str(), "search", "lyon"],
        vec!["--data", f.as_str(), "show", "magia"],
    ] {
        let r = run(&args);
        assert_eq!(r.code, Some(2), "{args:?}");
        assert_eq!(
            r.err.lines().next(),
            Some(format!("error: {f} is a FIFO, not a regular file").as_str())
        );
    }
    let r = run(&["check", "/dev/zero"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.err
            .contains("/dev/zero is a character device, not a regular file"),
        "{}",
        r.err
    );
    let r = run(&["check", dir.path().to_str().expect("utf-8")]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.err.contains("is a directory, not a regular file"),
        "{}",
        r.err
    );
}

#[cfg(unix)]
#[test]
fn a_file_larger_than_the_memory_left_is_a_message_not_an_abort() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    // A sparse 10 GiB file: no disk used, but reading it needs 10 GiB.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(10 << 30).expect("sparse file");
    let bin = assert_cmd::cargo::cargo_bin("clusterdex");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 3000000 && exec '{}' --max-size 20000 check '{}'",
            bin.display(),
            path.display()
        ))
        .env("CLUSTERDEX_NO_STATE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("out of memory reading the file (10.0 GiB)"),
        "{err}"
    );
}

#[test]
fn size_limit_messages_tell_the_sizes_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.ron");
    std::fs::write(&path, vec![b' '; (1 << 20) + 1]).expect("write");
    let p = path.display().to_string();
    let r = run(&["--max-size", "1", "check", &p]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.err.starts_with(&format!(
            "error: {p}: the file is 1,048,577 bytes, over the limit of 1,048,576 bytes\n"
        )),
        "{}",
        r.err
    );
    let r = run(&["--max-size", "0", "check", &p]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.err.contains("give a whole number, at least 1"),
        "{}",
        r.err
    );
}

#[test]
fn path_from_an_entity_to_itself_is_zero_hops_and_max_zero_is_refused() {
    let r = run(&["path", "magia", "magia"]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert_eq!(
        r.out,
        "Medtech Alliance for Global Internationalisation (MAGIA) is at both ends: the same entity, 0 hops\n"
    );
    let r = run(&["path", "magia", "magia", "--json"]);
    let chains: serde_json::Value = serde_json::from_str(&r.out).expect("JSON");
    assert_eq!(chains[0]["hops"].as_array().map(Vec::len), Some(0));
    let r = run(&["path", "magia", "lyonbiopole", "--max", "0"]);
    assert_eq!((r.code, r.out.as_str()), (Some(2), ""));
    assert!(r.err.contains("'--max <N>'"), "{}", r.err);
}

#[test]
fn numbers_out_of_range_are_refused_with_the_range() {
    for (args, says) in [
        (vec!["gen", "--entities", "0"], "from 133 to 1000000"),
        (
            vec!["gen", "--entities", "1000000000"],
            "from 133 to 1000000",
        ),
        (
            vec!["gen", "--entities", "18446744073709551615"],
            "from 133 to 1000000",
        ),
        (vec!["bench", "--runs", "0"], "from 1 to 1000"),
        (vec!["search", "x", "--limit", "0"], "at least 1"),
    ] {
        let r = run(&args);
        assert_eq!((r.code, r.out.as_str()), (Some(2), ""), "{args:?}");
        assert!(r.err.contains(says), "{args:?}: {}", r.err);
    }
    let long = "x".repeat(257);
    let r = run(&["bench", "--runs", "1", "--type", &long]);
    assert_eq!((r.code, r.out.as_str()), (Some(2), ""));
    assert_eq!(
        r.err,
        "error: --type is 257 characters; the search line holds at most 256\n"
    );
    let r = run(&["gen", "--entities", "133"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("g.ron");
    std::fs::write(&file, r.out).expect("write");
    let r = run(&["check", file.to_str().expect("utf-8")]);
    assert!(r.out.starts_with("ok: 133 entities"), "{}", r.out);
}

#[test]
fn export_relations_outside_csv_is_refused() {
    for format in ["json", "md", "dot"] {
        let r = run(&["export", "--format", format, "--relations"]);
        assert_eq!((r.code, r.out.as_str()), (Some(2), ""));
        assert!(
            r.err.contains("--relations applies to --format csv only"),
            "{}",
            r.err
        );
    }
}

#[test]
fn the_cli_warning_counts_problems_as_the_explorer_banner_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ron");
    // Two errors (unknown source, unknown relation end) and one warning (BOM).
    std::fs::write(
        &path,
        "\u{feff}(sources: [(id: \"s\", title: \"Doc\")], entities: [\
         (id: \"a\", kind: Cluster, name: \"A\", sources: [\"nope\"])], relations: [\
         (from: \"a\", rel: \"member_of\", to: \"ghost\", sources: [\"s\"])])",
    )
    .expect("write");
    let p = path.display().to_string();
    let cli = run(&["--data", &p, "search", "a"]);
    let check = run(&["check", &p]);
    let errors = check.out.lines().filter(|l| l.contains(": error[")).count();
    let warnings = check
        .out
        .lines()
        .filter(|l| l.contains(": warning["))
        .count();
    assert!(errors > 0 && warnings > 0, "{}", check.out);
    let n = errors + warnings;
    assert!(
        cli.err.starts_with(&format!(
            "warning: {n} problems ({errors} error{}, {warnings} warning{}) in {p}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )),
        "{}",
        cli.err
    );
    let banner = run(&["--data", &p, "snapshot", "--size", "120x10"]);
    assert!(
        banner
            .out
            .contains(&format!(" {n} problems in the dataset")),
        "{}",
        banner.out
    );
}

/// Every subcommand with its numbers pushed to the edges: a clean answer or a
/// clean refusal, never a panic or an abort.
#[test]
fn extreme_numbers_never_panic() {
    const HUGE: &str = "18446744073709551615";
    const HUGER: &str = "99999999999999999999999999";
    let cases: Vec<Vec<&str>> = vec![
        vec!["gen", "--entities", HUGE],
        vec!["gen", "--entities", HUGER],
        vec!["gen", "--entities", "-1"],
        vec!["gen", "--entities", "133", "--seed", HUGE],
        vec!["search", "lyon", "--limit", HUGE],
        vec!["search", "lyon", "--limit", HUGER],
        vec!["search", "year:99999999999999999999"],
        vec!["search", "year:-2147483648"],
        vec!["path", "magia", "lyonbiopole", "--max", HUGE],
        vec!["timeline", "--from", "-2147483648", "--to", "2147483647"],
        vec!["timeline", "--from", "2147483647", "--to", "-2147483648"],
        vec!["timeline", "--from", HUGE],
        vec!["bench", "--runs", HUGE],
        vec!["bench", "--runs", "1", "--size", "65535x65535"],
        vec!["snapshot", "--size", "65535x65535"],
        vec!["snapshot", "--size", "0x0"],
        vec!["snapshot", "--size", "1x1", "--keys", "/lyon<Enter>"],
        vec!["--max-size", HUGE, "check"],
        vec!["--max-size", HUGER, "check"],
        vec!["list", "--kind", HUGE],
        vec!["export", "--format", "csv", HUGE],
    ];
    for args in &cases {
        let r = run(args);
        assert!(
            matches!(r.code, Some(0..=2)),
            "{args:?} ended with {:?}:\n{}",
            r.code,
            r.err
        );
        assert!(!r.err.contains("panicked"), "{args:?}:\n{}", r.err);
    }
}

/// Every command whose output meets a full disk says so and exits 2: help and
/// version too, and the completion script (whose generator panicked).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_for_every_command() {
    let cases: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["--version"],
        vec!["search", "--help"],
        vec!["check"],
        vec!["gen", "--entities", "133"],
        vec!["search", "lyon"],
        vec!["search", "lyon", "--json"],
        vec!["show", "magia"],
        vec!["show", "magia", "--json"],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
        vec!["snapshot"],
        vec!["bench", "--runs", "1"],
        vec!["path", "magia", "lyonbiopole"],
        vec!["timeline"],
        vec!["list"],
        vec!["export", "--format", "json"],
        vec!["export", "--format", "dot"],
    ];
    for args in &cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = cmd(args).stdout(full).output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}:\n{err}");
        assert!(err.contains("No space left on device"), "{args:?}:\n{err}");
        assert!(!err.contains("panicked"), "{args:?}:\n{err}");
    }
}
