//! `clusterdex completions bash|zsh|fish`: shell completion scripts from clap.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

pub fn run(shell: Shell, out: &mut impl Write) -> io::Result<u8> {
    clap_complete::generate(shell, &mut crate::cli::Cli::command(), "clusterdex", out);
    Ok(super::exit::OK)
}
