//! `clusterdex gen --entities N [--seed S]`: writes a synthetic dataset to stdout,
//! for benchmarks and for trying clusterdex at the size of a real cluster database.

use std::io::{self, Write};

use super::exit;

pub fn run(
    entities: usize,
    seed: u64,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let file = crate::synth::generate(entities, seed);
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
