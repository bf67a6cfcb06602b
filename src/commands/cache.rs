//! `clusterdex cache [--list | --clear]`: what the compiled cache holds (each
//! entry's last use, size, dataset file and entity count, most recently used
//! first), or all of it removed.

use std::io::{self, Write};

use super::exit;
use crate::cache::{Cache, dir};
use crate::text::clean;

#[derive(Debug, clap::Args)]
pub struct CacheArgs {
    /// List the compiled datasets, most recently used first (the default)
    #[arg(long, conflicts_with = "clear")]
    pub list: bool,
    /// Remove every compiled dataset
    #[arg(long)]
    pub clear: bool,
}

/// Lists the entries, or removes them all with `--clear`.
pub fn run(
    cache: &Cache,
    args: &CacheArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let Some(folder) = cache.dir() else {
        writeln!(
            err,
            "the cache is off (--no-cache or --no-state, or no home folder)"
        )?;
        return Ok(exit::ERROR);
    };
    let shown = clean(&folder.display().to_string()).into_owned();
    if args.clear {
        return match dir::clear(folder) {
            Ok(n) => {
                let s = if n == 1 { "" } else { "s" };
                writeln!(out, "removed {n} compiled dataset{s} from {shown}")?;
                Ok(exit::OK)
            }
            Err(e) => {
                writeln!(err, "error: could not clear {shown}: {e}")?;
                Ok(exit::ERROR)
            }
        };
    }
    let entries = dir::entries(folder);
    if entries.is_empty() {
        writeln!(out, "no compiled datasets in {shown}")?;
        return Ok(exit::OK);
    }
    writeln!(
        out,
        "{shown} (the {} most recently used are kept):",
        dir::KEEP
    )?;
    for e in &entries {
        let used = jiff::Timestamp::try_from(e.used).map_or_else(
            |_| "?".to_string(),
            |t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
        );
        let what = match &e.header {
            Ok(h) => format!("{} ({} entities)", clean(&h.source), h.entities),
            Err(bad) => format!("unusable: {bad}"),
        };
        let name = e.path.file_name().unwrap_or_default().to_string_lossy();
        writeln!(
            out,
            "  {used}  {:>9}  {what}  {}",
            mib(e.bytes),
            clean(&name)
        )?;
    }
    Ok(exit::OK)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}
