//! `clusterdex show ID_OR_NAME [--json]`: the entity card a person reads in a
//! meeting — what it is, its facts and dates, every relation both ways, and the
//! sources each line comes from.

use std::io::{self, Write};

use super::{Env, exit, open};

mod card;
mod text;

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// An id, a name or alias (accents optional), or words that clearly point to one entity
    #[arg(required = true, num_args = 1..)]
    pub entity: Vec<String>,
    /// Print the card as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(
    env: &Env,
    args: &ShowArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let (target, json) = (&args.entity.join(" "), args.json);
    let mut loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let index = loaded.take_index();
    let ds = &loaded.dataset;
    let Some(i) = super::find(ds, &index, target, err)? else {
        return Ok(exit::NO);
    };
    super::memory::remember(env, ds, i, err)?;
    let c = card::card(ds, i);
    if json {
        super::write_json(out, &c)?;
    } else {
        text::print(&c, out)?;
        super::memory::write_my_notes(env, &c.id, out, err)?;
    }
    Ok(exit::OK)
}
