//! `clusterdex check` on broken and hostile files: one fixture per problem in
//! tests/fixtures/invalid/, each with the exact output it must give next to it
//! (NAME.expected: exit code, stdout, stderr). Large inputs are generated into
//! a temporary directory instead of being committed. No output ever carries an
//! escape or C1 control byte from the file. Run with UPDATE_EXPECTED=1 to
//! rewrite the expected files after a deliberate change, then review the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clusterdex"))
        .args(args)
        .env_remove("CLUSTERDEX_DATA")
        // The user's config, notes and recent lookups stay untouched.
        .env("CLUSTERDEX_NO_STATE", "1")
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn render(code: i32, stdout: &str, stderr: &str) -> String {
    format!("exit {code}\n--- stdout\n{stdout}--- stderr\n{stderr}")
}

/// No byte of the output may start a terminal control sequence.
fn assert_terminal_safe(name: &str, text: &str) {
    let bad = text
        .chars()
        .find(|&c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{7}');
    assert!(
        bad.is_none(),
        "{name}: output carries control character {bad:?}:\n{text}"
    );
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/invalid")
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_fixture_gives_its_exact_diagnostic() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let fixtures = fixtures();
    assert!(fixtures.len() >= 30, "only {} fixtures", fixtures.len());
    let mut wrong = Vec::new();
    for path in &fixtures {
        let rel = path.to_str().expect("utf-8 path");
        let (code, out, err) = run(&["check", rel]);
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        assert_terminal_safe(name, &out);
        assert_terminal_safe(name, &err);
        assert!(!err.contains("panicked"), "{name} panicked:\n{err}");
        let actual = render(code, &out, &err);
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

/// Writes a generated file and checks it, with the temp path replaced by TMP.
fn check_generated(name: &str, content: &[u8], extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(format!("{name}.ron"));
    std::fs::write(&path, content).expect("write");
    let p = path.to_str().expect("utf-8");
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    args.push(p);
    let (code, out, err) = run(&args);
    let norm = |s: String| s.replace(&dir.path().display().to_string(), "TMP");
    let (out, err) = (norm(out), norm(err));
    assert_terminal_safe(name, &out);
    assert_terminal_safe(name, &err);
    (code, out, err)
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let text = format!(
        "(title: \"x\", entities: [{}{}])",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let (code, _, err) = check_generated("deep", text.as_bytes(), &[]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error: TMP/deep.ron:1:26: expected "),
        "{err}"
    );
    let brackets = format!("(title: {}{})", "[".repeat(100_000), "]".repeat(100_000));
    let (code, _, err) = check_generated("brackets", brackets.as_bytes(), &[]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error: TMP/brackets.ron:1:9: expected string"),
        "{err}"
    );
}

#[test]
fn a_name_of_100000_characters_is_a_warning_and_still_loads() {
    let name = "N".repeat(100_000);
    let text = format!(
        "(sources: [(id: \"s\", title: \"Doc\")], entities: [(id: \"a\", kind: Cluster, name: \"{name}\", sources: [\"s\"])])"
    );
    let (code, out, err) = check_generated("long", text.as_bytes(), &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "TMP/long.ron:1:49: warning[long-name]: the name of \"a\" is 100000 characters long\n  \
         hint: names over 300 characters are shown cut; put the rest in the description\n\
         ok: 1 entity (1 cluster), 0 relations, 1 source (1 warning)\n"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let text = format!("(title: \"{}\")", "x".repeat(1_100_000));
    let (code, out, err) = check_generated("big", text.as_bytes(), &["--max-size", "1"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "error: TMP/big.ron: the file is 1,100,011 bytes, over the limit of 1,048,576 bytes\n  hint: pass a larger --max-size (in MiB) if the file is meant to be this big\n"
    );
}

#[test]
fn a_million_relations_load_without_trouble() {
    let n = 1001;
    let mut text = String::from("(sources: [(id: \"s\", title: \"Doc\")], entities: [\n");
    for i in 0..n {
        text.push_str(&format!(
            "(id: \"c{i}\", kind: Cluster, name: \"C{i}\", sources: [\"s\"]),\n"
        ));
    }
    text.push_str("], relations: [\n");
    for i in 0..n {
        for j in (0..n).filter(|&j| j != i) {
            text.push_str(&format!(
                "(from: \"c{i}\", rel: \"member_of\", to: \"c{j}\", sources: [\"s\"]),\n"
            ));
        }
    }
    text.push_str("])\n");
    let (code, out, err) = check_generated("million", text.as_bytes(), &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "ok: 1001 entities (1001 clusters), 1001000 relations, 1 source\n"
    );
}

#[test]
fn hostile_names_are_shown_escaped_by_search_and_show() {
    let path = Path::new("tests/fixtures/invalid/osc52_clipboard.ron");
    let (code, out, err) = run(&[
        "--data",
        path.to_str().expect("path"),
        "show",
        "a",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert_terminal_safe("show --json", &out);
    assert_terminal_safe("show --json", &err);
    assert!(err.starts_with("warning: 1 problem in tests/fixtures/invalid/osc52_clipboard.ron"));
    for fixture in [
        "escape_sequence_in_name",
        "raw_escape_byte",
        "c1_control",
        "bidi_override",
    ] {
        let p = format!("tests/fixtures/invalid/{fixture}.ron");
        for args in [
            vec!["search", "a"],
            vec!["show", "a"],
            vec!["snapshot", "--size", "100x20", "--keys", "<Enter>"],
        ] {
            let mut all = vec!["--data", p.as_str()];
            all.extend(args.iter());
            let (_, out, err) = run(&all);
            assert_terminal_safe(fixture, &out);
            assert_terminal_safe(fixture, &err);
        }
    }
}

/// A large file is built as it parses, piece by piece; a problem that only the
/// whole file shows (a relation given twice) must still be reported at its line.
#[test]
fn a_repeat_deep_in_a_large_file_is_reported_at_its_line() {
    let text = clusterdex::data::to_ron(&clusterdex::synth::generate(12_000, 5)).expect("writes");
    assert!(text.len() >= 4 << 20, "large enough to be parsed in pieces");
    let mut lines: Vec<&str> = text.lines().collect();
    let last = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with("(from:"))
        .expect("has relations");
    lines.insert(last + 1, lines[last]);
    let (code, out, _) = check_generated("repeat", lines.join("\n").as_bytes(), &[]);
    assert_eq!(code, 1, "{out}");
    let at = format!("TMP/repeat.ron:{}:5: error[duplicate-relation]: ", last + 2);
    assert!(
        out.starts_with(&at) && out.contains("is given twice"),
        "{out}"
    );
}

/// A large file parsed in pieces, with a syntax error deep inside: the pieces
/// give up and the whole-file parse reports it, at its line, quoting it.
#[test]
fn a_syntax_error_deep_in_a_large_file_is_the_plain_parse_message() {
    let text = clusterdex::data::to_ron(&clusterdex::synth::generate(12_000, 5)).expect("writes");
    assert!(text.len() >= 4 << 20, "large enough to be parsed in pieces");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with("(from:"))
        .expect("has relations")
        - 1000;
    lines[at] = lines[at].replacen("rel:", "rel", 1);
    let (code, out, err) = check_generated("broken", lines.join("\n").as_bytes(), &[]);
    assert_eq!((code, out.as_str()), (1, ""));
    let col = lines[at].find("rel ").expect("broken field") + "rel ".len() + 1;
    let head = format!("error: TMP/broken.ron:{}:{col}: expected colon\n", at + 1);
    assert!(err.starts_with(&head), "{err}");
    assert!(
        err.contains(&format!(" {} | {}\n", at + 1, lines[at])),
        "{err}"
    );
}
