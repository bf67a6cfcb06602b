//! The card `show` prints: an entity as a person reads it in a meeting, made
//! once and written as text (`text.rs`) or as JSON.

use serde::Serialize;

use crate::model::{Dataset, DateEntry, Direction, Fact, InferredPart, Link, Part};

#[derive(Serialize)]
pub(super) struct RelatedOut {
    pub(super) label: &'static str,
    pub(super) direction: &'static str,
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
    pub(super) certainty: &'static str,
    pub(super) sources: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct Dated {
    pub(super) label: String,
    pub(super) date: String,
    pub(super) iso: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
    pub(super) sources: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct FactOut {
    pub(super) label: String,
    pub(super) value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
    pub(super) certainty: &'static str,
    pub(super) sources: Vec<String>,
}

/// A part of the entity the sources only imply, and why.
#[derive(Serialize)]
pub(super) struct InferredOut {
    pub(super) part: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) value: Option<String>,
    pub(super) why: String,
}

#[derive(Serialize)]
pub(super) struct SourceOut {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) publisher: String,
    pub(super) language: String,
    pub(super) about: String,
}

#[derive(Serialize)]
pub(super) struct Card {
    pub(super) id: String,
    pub(super) kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) subkind: Option<String>,
    pub(super) name: String,
    pub(super) aliases: Vec<String>,
    pub(super) description: String,
    pub(super) places: Vec<String>,
    pub(super) tags: Vec<String>,
    pub(super) dates: Vec<Dated>,
    pub(super) facts: Vec<FactOut>,
    pub(super) relations: Vec<RelatedOut>,
    pub(super) notes: Vec<String>,
    pub(super) certainty: &'static str,
    pub(super) inferred: Vec<InferredOut>,
    pub(super) sources: Vec<SourceOut>,
}

fn source_ids(ds: &Dataset, s: &[usize]) -> Vec<String> {
    s.iter().map(|&i| ds.sources[i].id.clone()).collect()
}

/// The card of entity `i`: every part of it, its relations both ways, and
/// the sources cited anywhere on it, each once.
pub(super) fn card(ds: &Dataset, i: usize) -> Card {
    let e = ds.entity(i);
    let mut cited: Vec<usize> = e.sources.to_vec();
    let relations = (ds.grouped_links(i).into_iter())
        .flat_map(|(_, links)| links)
        .map(|l| {
            cited.extend(l.relation.sources().iter());
            related_out(ds, &l)
        })
        .collect();
    for f in &e.facts {
        cited.extend(&f.sources);
    }
    for d in &e.dates {
        cited.extend(&d.sources);
    }
    cited.sort_unstable();
    cited.dedup();
    Card {
        id: e.id.to_string(),
        kind: e.kind.as_str(),
        subkind: e.subkind.clone().map(String::from),
        name: e.name.to_string(),
        aliases: e.aliases.to_vec(),
        description: e.description.to_string(),
        places: ds
            .places_of(i)
            .iter()
            .map(|&p| ds.entity(p).name.to_string())
            .collect(),
        tags: e.tags.to_vec(),
        dates: e.dates.iter().map(|d| dated(ds, d)).collect(),
        facts: e.facts.iter().map(|f| fact_out(ds, f)).collect(),
        relations,
        notes: e.notes.to_vec(),
        certainty: e.certainty.as_str(),
        inferred: e.inferred.iter().map(inferred_out).collect(),
        sources: cited.into_iter().map(|s| source_out(ds, s)).collect(),
    }
}

fn inferred_out(p: &InferredPart) -> InferredOut {
    let (part, value) = match &p.part {
        Part::Kind => ("kind", None),
        Part::Description => ("description", None),
        Part::Alias(a) => ("alias", Some(a.clone())),
        Part::Tag(t) => ("tag", Some(t.clone())),
    };
    InferredOut {
        part,
        value,
        why: p.why.clone(),
    }
}

fn related_out(ds: &Dataset, l: &Link) -> RelatedOut {
    let r = l.relation;
    let other = ds.entity(l.other);
    RelatedOut {
        label: l.label(),
        direction: match l.direction {
            Direction::Outgoing => "out",
            Direction::Incoming => "in",
        },
        id: other.id.to_string(),
        name: other.name.to_string(),
        kind: other.kind.as_str(),
        role: r.role().map(str::to_string),
        period: r.period().map(|p| p.to_string()),
        note: r.note().map(str::to_string),
        certainty: r.certainty.as_str(),
        sources: source_ids(ds, r.sources()),
    }
}

fn dated(ds: &Dataset, d: &DateEntry) -> Dated {
    Dated {
        label: d.label.clone(),
        date: d.when.to_string(),
        iso: d.when.iso(),
        note: d.note.clone(),
        sources: source_ids(ds, &d.sources),
    }
}

fn fact_out(ds: &Dataset, f: &Fact) -> FactOut {
    FactOut {
        label: f.label.clone(),
        value: f.value.clone(),
        date: crate::ui::entity::fact_date(f),
        note: f.note.clone(),
        certainty: f.certainty.as_str(),
        sources: source_ids(ds, &f.sources),
    }
}

fn source_out(ds: &Dataset, s: usize) -> SourceOut {
    let s = &ds.sources[s];
    SourceOut {
        id: s.id.clone(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        language: s.language.clone(),
        about: s.about.clone(),
    }
}
