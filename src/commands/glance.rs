//! `search` on a large file met before, or on the built-in dataset, without
//! loading it: the compiled index answers the query, and only the entities
//! the table or JSON shows are decoded (`cache/glance.rs`). A script that
//! calls `search` in a loop pays for what it prints, not for the whole
//! dataset. Taken only when
//! nothing else of the dataset is needed: no question to answer (the user's
//! notes find their entities in the entry's id table). Anything a glance
//! cannot use sends the command to the whole load, which reports and
//! rebuilds as always.

use std::io::{self, Write};

use super::Env;
use super::search::{Found, Row, SearchArgs};
use crate::load::DataSource;
use crate::search::{Field, Personal, Query};
use crate::store::Note;

/// The search written from a glance at the cache, and its exit code; `None`
/// when the whole load must answer it.
pub fn search(
    env: &Env,
    (args, query, typed): (&SearchArgs, &Query, &str),
    notes: &[Note],
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<Option<u8>> {
    let glance = match &env.source {
        DataSource::File(path) => env.cache.glance(path, env.max_bytes).ok().flatten(),
        DataSource::Builtin => crate::cache::builtin::glance(),
    };
    let Some(glance) = glance else {
        return Ok(None);
    };
    // The user's notes find their entities by id, in the entry's id table.
    let ids = notes.iter().map(|n| n.entity.id.as_str());
    let Ok(numbers) = glance.entities_of(ids) else {
        return Ok(None);
    };
    let found = (numbers.into_iter().zip(notes)).filter_map(|(e, n)| Some((e?, n.text.clone())));
    let personal = Personal::new(found, []);
    let hits = match glance.index.search_with(query, &personal, args.limit) {
        Ok(h) => h,
        Err(e) => return super::search::invalid(&e, err).map(Some),
    };
    // Each hit's entity, and the place a hit in a place names.
    let place = |h: &crate::search::Hit| match h.field {
        Field::Place(i) => glance.index.place(h.entity, usize::from(i)),
        _ => None,
    };
    let wanted: Vec<usize> = (hits.iter())
        .flat_map(|h| std::iter::once(h.entity).chain(place(h)))
        .collect();
    let Ok(entities) = glance.entities(wanted) else {
        return Ok(None);
    };
    let mut rows = Vec::with_capacity(hits.len());
    for hit in &hits {
        let Some(entity) = entities.get(&hit.entity) else {
            return Ok(None);
        };
        let place = |_| Some(entities.get(&place(hit)?)?.name.as_ref());
        let text = match hit.field {
            Field::Note(i) => personal.note_text(hit.entity, i),
            field => field.text_in(entity, place),
        };
        rows.push(Row { entity, hit, text });
    }
    let found = Found {
        said: Vec::new(),
        unmatched: (hits.is_empty())
            .then(|| glance.index.unmatched(query, &personal))
            .flatten(),
        rows,
    };
    super::search::write(&found, args, env.color, typed, out, err).map(Some)
}
