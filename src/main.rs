//! The `clusterdex` binary: parse arguments, dispatch, turn results into exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use clusterdex::cli::{Cli, Command};
use clusterdex::commands::{self, exit};
use clusterdex::load::DataSource;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`clusterdex search x | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(exit::OK),
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            ExitCode::from(exit::ERROR)
        }
    }
}

fn run(cli: Cli) -> io::Result<u8> {
    let max_bytes = cli.max_bytes();
    let (mut out, mut err) = (io::stdout().lock(), io::stderr().lock());
    match cli.command {
        Some(Command::Check { file }) => {
            let source = DataSource::from_option(file.or(cli.data));
            commands::check::run(&source, max_bytes, &mut out, &mut err)
        }
        Some(Command::Gen { entities, seed }) => {
            commands::generate::run(entities, seed, &mut out, &mut err)
        }
        None => {
            writeln!(err, "the explorer is not built yet; try `clusterdex check`")?;
            Ok(exit::ERROR)
        }
    }
}
