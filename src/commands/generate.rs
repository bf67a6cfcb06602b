//! `clusterdex gen --entities N [--seed S]`: writes a synthetic dataset to stdout,
//! for benchmarks and for trying clusterdex at the size of a real cluster database.

use std::io::{self, Write};

use super::exit;

#[derive(Debug, clap::Args)]
pub struct GenArgs {
    /// How many entities, from 133 (the places come first) to 1,000,000
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = crate::cli::entities)]
    pub entities: usize,
    /// Seed: the same seed always gives the same file
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

pub fn run(args: &GenArgs, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let file = crate::synth::generate(args.entities, args.seed);
    match crate::data::to_ron(&file) {
        Ok(text) => {
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
            Ok(exit::OK)
        }
        Err(e) => {
            writeln!(err, "error: could not write the dataset: {e}")?;
            Ok(exit::ERROR)
        }
    }
}
