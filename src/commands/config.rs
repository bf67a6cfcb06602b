//! `clusterdex config check [FILE]`, `config default` and `config paths`: the
//! settings file checked (every problem with `file:line:col` and a hint; exit 1
//! on problems), a fully commented default to start from, and where every
//! file of the user's lives.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{Env, exit};
use crate::text::clean;

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Check the config file (or FILE): every problem with file:line:col and a hint
    Check {
        /// The file to check instead of the user's config
        file: Option<PathBuf>,
    },
    /// Print a fully commented default config, e.g. to start the user's file:
    /// clusterdex config default > ~/.config/clusterdex/config.ron
    Default,
    /// Print where the config, the notes, the pins and the recent lookups live
    Paths,
}

pub fn run(env: &Env, command: &Sub, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    match command {
        Sub::Default => {
            out.write_all(crate::config::default::text().as_bytes())?;
            Ok(exit::OK)
        }
        Sub::Paths => paths(env, out, err),
        Sub::Check { file } => {
            let path = match (file, env.store.paths()) {
                (Some(f), _) => f.clone(),
                (None, Some(p)) => p.config.clone(),
                (None, None) => {
                    writeln!(
                        err,
                        "error: --no-state is set, so no config file is read; name a FILE to check"
                    )?;
                    return Ok(exit::ERROR);
                }
            };
            check(path, file.is_some(), out, err)
        }
    }
}

fn check(path: PathBuf, named: bool, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let loaded = crate::config::load(&path);
    let name = path.display().to_string();
    if !loaded.exists {
        if named {
            writeln!(err, "error: cannot read {}: no such file", clean(&name))?;
            return Ok(exit::ERROR);
        }
        writeln!(
            out,
            "ok: no config file at {}; the defaults apply (`clusterdex config default` prints one to start from)",
            clean(&name)
        )?;
        return Ok(exit::OK);
    }
    for d in &loaded.problems {
        writeln!(out, "{}", d.render(&name))?;
    }
    let n = loaded.problems.len();
    if n == 0 {
        writeln!(out, "ok: {}", clean(&name))?;
        Ok(exit::OK)
    } else {
        writeln!(
            out,
            "invalid: {n} problem{} in {}; until they are fixed, the defaults apply",
            if n == 1 { "" } else { "s" },
            clean(&name)
        )?;
        Ok(exit::NO)
    }
}

fn paths(env: &Env, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let Some(p) = env.store.paths() else {
        writeln!(err, "error: --no-state is set: no file is read or written")?;
        return Ok(exit::ERROR);
    };
    let rows = [
        ("config", &p.config),
        ("notes", &p.notes),
        ("pins", &p.pins),
        ("recent", &p.recent),
    ];
    for (what, path) in rows {
        writeln!(out, "{what:<7} {}", clean(&path.display().to_string()))?;
    }
    Ok(exit::OK)
}
