//! No argument vector makes clusterdex panic. Arguments are drawn from the
//! real subcommands, flags and edge values (huge and negative numbers, escape
//! sequences, paths that are no files) mixed with arbitrary text: parsing
//! never panics and its messages never carry a raw control character, and a
//! run of the binary always ends with 0, 1 or 2 and no panic message.

use std::process::{Command, Stdio};

use clusterdex::args::{Outputs, parse_from};
use clusterdex::cli::Command as Sub;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "check",
    "gen",
    "search",
    "show",
    "completions",
    "snapshot",
    "bench",
    "path",
    "timeline",
    "list",
    "export",
    "help",
];

const FLAGS: &[&str] = &[
    "--data",
    "--max-size",
    "--theme",
    "--mouse",
    "--entities",
    "--seed",
    "--kind",
    "--limit",
    "--json",
    "--size",
    "--keys",
    "--type",
    "--runs",
    "--max",
    "--from",
    "--to",
    "--tag",
    "--in",
    "--member-of",
    "--market",
    "--format",
    "--relations",
    "--help",
    "--version",
    "-h",
    "--",
];

const VALUES: &[&str] = &[
    "0",
    "1",
    "133",
    "-1",
    "18446744073709551615",
    "99999999999999999999",
    "-2147483648",
    "2147483647",
    "4294967296",
    "1000001",
    "",
    " ",
    "magia",
    "lyon",
    "json",
    "csv",
    "md",
    "dot",
    "bash",
    "cluster",
    "120x40",
    "0x0",
    "65535x65535",
    "/lyon<Enter>",
    "<C-c>",
    "<",
    "kind:",
    "year:",
    "in:",
    "'",
    "!",
    "^$",
    "|",
    "/dev/null",
    "/dev/zero",
    "nonexistent.ron",
    ".",
    "\u{1b}]0;PWNED\u{7}",
    "\u{9b}31m",
    "\u{202e}",
    "é",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_string),
        4 => proptest::sample::select(FLAGS).prop_map(str::to_string),
        4 => proptest::sample::select(VALUES).prop_map(str::to_string),
        2 => "\\PC{0,12}",
        1 => any::<String>(),
    ]
}

fn argv() -> impl Strategy<Value = Vec<String>> {
    (
        proptest::sample::select(WORDS),
        proptest::collection::vec(token(), 0..7),
    )
        .prop_map(|(first, rest)| std::iter::once(first.to_string()).chain(rest).collect())
}

fn assert_safe(what: &str, text: &[u8]) {
    let text = String::from_utf8_lossy(text);
    let bad = text
        .chars()
        .find(|&c| c != '\n' && clusterdex::text::is_unsafe(c));
    assert!(bad.is_none(), "{what} carries {bad:?}: {text}");
}

/// Whether running the binary with these arguments is quick and headless.
fn runnable(cli: &clusterdex::cli::Cli) -> bool {
    match &cli.command {
        None => false,
        Some(Sub::Bench(args)) => args.runs <= 3,
        Some(_) => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn parsing_any_arguments_never_panics_and_speaks_safely(
        words in argv(),
        first in token(),
    ) {
        for args in [words.clone(), std::iter::once(first).chain(words).collect()] {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let io = Outputs { out: &mut out, err: &mut err, color: false };
            let parsed = parse_from(std::iter::once("clusterdex".to_string()).chain(args.clone()), io);
            if let Err(code) = parsed {
                prop_assert!(code == 0 || code == 2, "{args:?}: exit {code}");
            }
            assert_safe("stderr", &err);
        }
    }
}

/// Argument vectors that parse to a command the binary runs headless.
fn runnable_argv() -> impl Strategy<Value = Vec<String>> {
    argv().prop_filter("parses to a quick headless command", |args| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let io = Outputs {
            out: &mut out,
            err: &mut err,
            color: false,
        };
        parse_from(
            std::iter::once("clusterdex".to_string()).chain(args.clone()),
            io,
        )
        .is_ok_and(|cli| runnable(&cli))
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        max_global_rejects: 20_000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn running_any_arguments_never_panics(args in runnable_argv()) {
        let run = Command::new(env!("CARGO_BIN_EXE_clusterdex"))
            .args(&args)
            .env_remove("CLUSTERDEX_DATA")
            .env("CLUSTERDEX_NO_STATE", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&run.stderr);
        prop_assert!(
            matches!(run.status.code(), Some(0..=2)),
            "{args:?} ended with {:?}: {stderr}",
            run.status.code()
        );
        prop_assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_safe("stderr", &run.stderr);
    }
}
