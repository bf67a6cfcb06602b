//! `clusterdex completions bash|zsh|fish`: shell completion scripts from clap.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

// clap_complete panics when its writer fails, so the script is made in
// memory and written here, where a full disk is an error like any other.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell
    pub shell: Shell,
}

pub fn run(args: &CompletionsArgs, out: &mut impl Write) -> io::Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut crate::cli::Cli::command(),
        "clusterdex",
        &mut script,
    );
    out.write_all(&script)?;
    Ok(super::exit::OK)
}
