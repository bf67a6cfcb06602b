//! A decoded payload checked before it is used: every number that points
//! somewhere (an entity, a source) points inside the dataset, every date is
//! one the file format could have given, and the index agrees with the
//! dataset's size. A payload that passes builds the dataset's lookups through
//! the same constructor a load uses, so they cannot disagree with it.

use super::format::{Bad, Model, Payload};
use crate::model::{Dataset, Entity, When};
use crate::search::Index;

/// The dataset and index of a payload, or why it cannot be trusted.
pub fn into_loaded(p: Payload) -> Result<(Dataset, Index), Bad> {
    let Payload { model, mut index } = p;
    let n = model.entities.len();
    let size = crate::cache::payload::about_bytes(n);
    let (ds, checked) = super::format::join(size, || into_dataset(model), || index.check(n));
    checked?;
    Ok((ds?, index))
}

fn into_dataset(p: Model) -> Result<Dataset, Bad> {
    check_model(&p)?;
    let Model {
        title,
        sources,
        entities,
        relations,
        synonyms,
    } = p;
    let mut ds = Dataset::new(title, sources, entities, relations);
    ds.synonyms = synonyms;
    Ok(ds)
}

/// Whether an entity cites only the `sources` there are and holds only dates
/// the file format could have given.
pub fn entity_sound(e: &Entity, sources: usize) -> bool {
    let cited = |list: &[usize]| list.iter().all(|&s| s < sources);
    let facts = (e.facts.iter()).all(|f| cited(&f.sources) && f.when.as_ref().is_none_or(date));
    let dates = e.dates.iter().all(|d| cited(&d.sources) && date(&d.when));
    cited(&e.sources) && facts && dates
}

/// Whether a date is one the file format could have given.
fn date(w: &When) -> bool {
    When::parse(&w.iso()).is_ok_and(|back| back == *w)
}

fn check_model(p: &Model) -> Result<(), Bad> {
    let (entities, sources) = (p.entities.len(), p.sources.len());
    if u32::try_from(entities).is_err() || u32::try_from(p.relations.len()).is_err() {
        return Err(Bad("too many entities"));
    }
    let cited = |list: &[usize]| list.iter().all(|&s| s < sources);
    if !p.entities.iter().all(|e| entity_sound(e, sources)) {
        return Err(Bad("an entity points outside the dataset"));
    }
    for r in &p.relations {
        let period = r.period().as_ref().is_none_or(date);
        if r.from() >= entities || r.to() >= entities || !cited(r.sources()) || !period {
            return Err(Bad("a relation points outside the dataset"));
        }
    }
    Ok(())
}
