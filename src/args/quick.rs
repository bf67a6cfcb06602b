//! The command lines scripts run in a loop, `clusterdex search WORD...` and
//! `clusterdex show WORD...`, read without building clap's command tree. For a lookup on the built-in
//! dataset, clap's tree was a tenth of the process's instructions and a
//! quarter of the memory it touched (its commands and arguments, each a few
//! hundred bytes, grown in vectors). Only the plainest form is read here:
//! words that are not options, no setting from the environment. Anything
//! else, and anything this reader is unsure of, goes to clap, and a test
//! checks that both read the same command line the same way.

use std::ffi::OsString;

use crate::cli::{Cli, Command, MAX_SIZE_MIB};
use crate::commands::search::{LIMIT, SearchArgs};
use crate::commands::show::ShowArgs;

/// The environment variables clap reads for global options: when one is
/// set, clap decides what it means.
pub const ENV_OPTIONS: [&str; 3] = [
    "CLUSTERDEX_DATA",
    "CLUSTERDEX_NO_STATE",
    "CLUSTERDEX_NO_CACHE",
];

/// `clusterdex search WORD...` or `clusterdex show WORD...` as clap would
/// read it, or `None` when the command line is anything else (an option, a
/// word that is not UTF-8, an option set in the environment, as `is_set`
/// tells).
pub fn plain_lookup(args: &[OsString], is_set: impl Fn(&str) -> bool) -> Option<Cli> {
    let [_program, command, words @ ..] = args else {
        return None;
    };
    let search = match command.to_str() {
        Some("search") => true,
        Some("show") => false,
        _ => return None,
    };
    if words.is_empty() || ENV_OPTIONS.into_iter().any(is_set) {
        return None;
    }
    let words = words
        .iter()
        .map(|word| {
            word.to_str()
                .filter(|w| !w.starts_with('-'))
                .map(str::to_owned)
        })
        .collect::<Option<Vec<String>>>()?;
    let command = if search {
        Command::Search(SearchArgs {
            query: words,
            kind: None,
            limit: LIMIT,
            json: false,
        })
    } else {
        Command::Show(ShowArgs {
            entity: words,
            json: false,
        })
    };
    Some(Cli {
        data: None,
        max_size: MAX_SIZE_MIB,
        theme: None,
        mouse: false,
        no_mouse: false,
        no_state: false,
        no_cache: false,
        command: Some(command),
    })
}

#[cfg(test)]
mod tests {
    use clap::Parser;
    use proptest::prelude::*;

    use super::*;

    fn line(words: &[&str]) -> Vec<OsString> {
        std::iter::once("clusterdex")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn unset(_: &str) -> bool {
        false
    }

    /// The test's own environment, which clap reads too.
    fn as_here(name: &str) -> bool {
        std::env::var_os(name).is_some()
    }

    /// What clap makes of the line, as text, or `None` when it refuses it.
    fn by_clap(args: &[OsString]) -> Option<String> {
        Cli::try_parse_from(args).ok().map(|cli| format!("{cli:?}"))
    }

    #[test]
    fn plain_words_are_read_as_clap_reads_them() {
        for words in [
            &["search", "lyon"][..],
            &["search", "qui", "coordonne", "MAGIA", "?"],
            &["search", "kind:cluster", "in:france"],
            &["search", "pôle", "médicen"],
            &["search", "help"],
            &["search", ""],
            &["show", "magia"],
            &["show", "who", "coordinates", "magia"],
        ] {
            let args = line(words);
            assert!(
                plain_lookup(&args, unset).is_some(),
                "{words:?} left to clap"
            );
            if let Some(cli) = plain_lookup(&args, as_here) {
                assert_eq!(Some(format!("{cli:?}")), by_clap(&args), "{words:?}");
            }
        }
    }

    #[test]
    fn options_other_commands_and_the_environment_are_left_to_clap() {
        for words in [
            &["search"][..],
            &["search", "lyon", "--json"],
            &["search", "--limit", "3", "lyon"],
            &["search", "lyon", "-h"],
            &["search", "--", "-x"],
            &["--no-state", "search", "lyon"],
            &["show", "magia", "--json"],
            &["show"],
            &["list", "clusters"],
            &["Search", "lyon"],
            &[],
        ] {
            assert!(plain_lookup(&line(words), unset).is_none(), "{words:?}");
        }
        for var in ENV_OPTIONS {
            let set = |name: &str| name == var;
            assert!(
                plain_lookup(&line(&["search", "lyon"]), set).is_none(),
                "{var}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_word_that_is_not_utf8_is_left_to_clap() {
        use std::os::unix::ffi::OsStringExt;
        let mut args = line(&["search"]);
        args.push(OsString::from_vec(vec![b'l', 0xff, b'n']));
        assert!(plain_lookup(&args, unset).is_none());
    }

    /// A word of a command line: options, the two commands read here, and
    /// any short text (a leading `-` included).
    fn token() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("search".to_owned()),
            Just("show".to_owned()),
            Just("help".to_owned()),
            Just("--".to_owned()),
            Just("-".to_owned()),
            Just("--json".to_owned()),
            Just("--limit".to_owned()),
            "[-a-zé:?0-9 ]{0,6}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        /// Whatever line this reader takes, clap reads the same.
        #[test]
        fn never_reads_a_line_otherwise_than_clap(
            command in prop_oneof![Just("search".to_owned()), Just("show".to_owned()), token()],
            words in proptest::collection::vec(token(), 0..5),
        ) {
            let line_words: Vec<&str> =
                std::iter::once(command.as_str()).chain(words.iter().map(String::as_str)).collect();
            let args = line(&line_words);
            if let Some(cli) = plain_lookup(&args, as_here) {
                prop_assert_eq!(Some(format!("{cli:?}")), by_clap(&args));
            }
        }
    }
}
