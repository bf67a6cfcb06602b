//! Reading the command line through our own error path. clap's messages quote
//! arguments as typed (an escape sequence in `--limit` would reach the
//! terminal raw, a 100 KB argument would be printed whole), and clap prints
//! help and version without looking at the write: here every message clap
//! makes has its control characters made visible and its quoted input cut
//! short, and a failed write is reported with exit 2 like any command's.
//! The plainest `search` and `show` are read without clap (`quick.rs`).

use std::ffi::OsString;
use std::io::{self, Write};

use clap::builder::Styles;
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::commands::exit;
use crate::text::{QUOTE_MAX, brief};

mod quick;

/// Where [`parse_from`] writes, and whether help may be coloured.
pub struct Outputs<'a, O: Write, E: Write> {
    pub out: &'a mut O,
    pub err: &'a mut E,
    /// Help and version in colour (stdout is a terminal, NO_COLOR unset).
    pub color: bool,
}

/// Parses the arguments, or writes help, version or the usage error and gives
/// the exit code: 0 after help or version, 2 after an error or a failed write.
pub fn parse_from<I, T, O, E>(args: I, io: Outputs<'_, O, E>) -> Result<Cli, u8>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
    O: Write,
    E: Write,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if let Some(cli) = quick::plain_lookup(&args, |name| std::env::var_os(name).is_some()) {
        return Ok(cli);
    }
    // Without styles, clap's text holds no escape of its own, and its plain
    // rendering does not silently drop the user's: they are shown, escaped.
    let plain = Cli::command().styles(Styles::plain());
    let e = match plain
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // Help quotes no user input: it may keep clap's colours.
        let shown = match Cli::command().try_get_matches_from(&args) {
            Err(styled) if io.color => styled.render().ansi().to_string(),
            _ => e.render().to_string(),
        };
        return match io
            .out
            .write_all(shown.as_bytes())
            .and_then(|()| io.out.flush())
        {
            Ok(()) => Err(exit::OK),
            // `clusterdex --help | head -1` is not an error worth a message.
            Err(w) if w.kind() == io::ErrorKind::BrokenPipe => Err(exit::OK),
            Err(w) => {
                let _ = writeln!(io.err, "error: cannot write to stdout: {w}");
                Err(exit::ERROR)
            }
        };
    }
    let text = safe_message(&e.render().ansi().to_string());
    let _ = io.err.write_all(text.as_bytes());
    Err(u8::try_from(e.exit_code()).unwrap_or(exit::ERROR))
}

/// clap's message, line by line: each quoted argument cut to [`QUOTE_MAX`]
/// characters, then control characters made visible and the line kept short.
pub fn safe_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4096));
    for line in message.lines() {
        out.push_str(&brief(&shorten_quoted(line)));
        out.push('\n');
    }
    out
}

/// Cuts every `'…'` segment (clap quotes arguments so) longer than [`QUOTE_MAX`].
fn shorten_quoted(line: &str) -> String {
    let mut out = String::new();
    let mut parts = line.split('\'');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push('\'');
        // Odd pieces lie between quotes.
        if i % 2 == 0 && part.chars().count() > QUOTE_MAX {
            out.extend(part.chars().take(QUOTE_MAX));
            out.push('…');
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> (Result<(), u8>, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let io = Outputs {
            out: &mut out,
            err: &mut err,
            color: false,
        };
        let r = parse_from(
            std::iter::once("clusterdex").chain(args.iter().copied()),
            io,
        );
        (
            r.map(|_| ()),
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    }

    #[test]
    fn an_escape_sequence_in_an_argument_is_shown_not_sent() {
        for args in [
            vec!["\u{1b}]0;PWNED\u{7}"],
            vec!["search", "x", "--limit", "\u{1b}]0;PWNED\u{7}"],
            vec!["export", "--format", "\u{1b}]0;PWNED\u{7}"],
            vec!["--\u{1b}]0;PWNED\u{7}"],
            vec!["search", "x", "--kind", "\u{9b}31m"],
        ] {
            let (code, out, err) = run(&args);
            assert_eq!(code, Err(2), "{args:?}");
            assert_eq!(out, "");
            assert!(err.starts_with("error: "), "{err}");
            assert!(
                !err.contains(['\u{1b}', '\u{7}', '\u{9b}']),
                "{args:?} reached stderr raw: {err:?}"
            );
            assert!(err.contains("\\u{1b}") || err.contains("\\u{9b}"), "{err}");
        }
    }

    #[test]
    fn a_huge_argument_is_quoted_short() {
        let huge = "z".repeat(120_000);
        let (code, _, err) = run(&["search", "x", "--limit", &huge]);
        assert_eq!(code, Err(2));
        assert!(err.len() < 2_000, "{} bytes of message", err.len());
        assert!(
            err.contains(&format!("'{}…'", "z".repeat(QUOTE_MAX))),
            "{err}"
        );
    }

    #[test]
    fn help_and_version_go_to_stdout_with_exit_0() {
        let (code, out, err) = run(&["--version"]);
        assert_eq!((code, err.as_str()), (Err(0), ""));
        assert_eq!(out, format!("clusterdex {}\n", env!("CARGO_PKG_VERSION")));
        let (code, out, _) = run(&["search", "--help"]);
        assert_eq!(code, Err(0));
        assert!(out.contains("Usage: clusterdex search"), "{out}");
    }
}
