//! `clusterdex note ENTITY TEXT...`: adds a note on an entity, found as `show`
//! finds it. The note is on disk (flushed, renamed into place) before the
//! command says so; `-` as the text reads it from standard input.

use std::io::{self, Read, Write};

use jiff::Timestamp;

use super::memory;
use super::{Env, exit, open};
use crate::text::clean;

#[derive(Debug, clap::Args)]
pub struct NoteArgs {
    /// The entity: an id, or a name or alias in quotes (accents optional)
    pub entity: String,
    /// The note's words; `-` reads the note from standard input
    #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
    pub text: Vec<String>,
}

pub fn run(
    env: &Env,
    args: &NoteArgs,
    stdin: &mut impl Read,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    if let Some(code) = memory::refuse_off(env, err)? {
        return Ok(code);
    }
    let text = if args.text == ["-"] {
        let mut s = String::new();
        if let Err(e) = stdin.read_to_string(&mut s) {
            writeln!(err, "error: cannot read the note from standard input: {e}")?;
            return Ok(exit::ERROR);
        }
        s
    } else {
        args.text.join(" ")
    };
    let text = text.trim();
    if text.is_empty() {
        writeln!(
            err,
            "error: the note is empty; write its words after the entity"
        )?;
        return Ok(exit::ERROR);
    }
    let loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let Some(entity) = memory::entity(&loaded, &args.entity, &[], err)? else {
        return Ok(exit::NO);
    };
    let dataset = memory::dataset_ref(env, &loaded);
    let note = match env
        .store
        .add_note(&dataset, &entity, text, Timestamp::now())
    {
        Ok(o) => memory::report(o, err)?,
        Err(e) => return memory::failed(&e, err),
    };
    writeln!(
        out,
        "noted on {} ({}, {})",
        clean(&entity.name),
        entity.kind,
        clean(&note.entity.id)
    )?;
    Ok(exit::OK)
}
