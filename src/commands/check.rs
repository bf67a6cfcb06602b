//! `clusterdex check [FILE]`: validate a dataset and say what is wrong, or that it
//! is sound with its counts.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{Env, exit};
use crate::cache::Cache;
use crate::load::DataSource;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The dataset file to check
    pub file: Option<PathBuf>,
}

/// Prints every diagnostic sorted by position, then a summary line.
pub fn run(
    env: &Env,
    args: &CheckArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let source = match &args.file {
        Some(file) => DataSource::File(file.clone()),
        None => env.source.clone(),
    };
    // Never from the cache nor the compiled built-in dataset: check reads the
    // real text, every time.
    let loaded = match &source {
        DataSource::Builtin => crate::load::builtin_text(),
        DataSource::File(_) => super::progress::load(&source, env.max_bytes, &Cache::Off),
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(if e.is_io() { exit::ERROR } else { exit::NO });
        }
    };
    for d in &loaded.diagnostics {
        writeln!(out, "{}", d.render(&loaded.name))?;
    }
    let (errors, warnings) = (loaded.errors(), loaded.warnings());
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    if errors == 0 {
        let extra = if warnings > 0 {
            format!(" ({})", plural(warnings, "warning"))
        } else {
            String::new()
        };
        writeln!(out, "ok: {}{extra}", loaded.dataset.summary())?;
        Ok(exit::OK)
    } else {
        writeln!(
            out,
            "invalid: {}, {} in {}",
            plural(errors, "error"),
            plural(warnings, "warning"),
            crate::text::clean(&loaded.name)
        )?;
        Ok(exit::NO)
    }
}
