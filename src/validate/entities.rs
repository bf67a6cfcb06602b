//! Rules about entities, sources, facts and dates.

use super::{Ctx, closest};
use crate::diagnostic::Diagnostic;
use crate::model::{Kind, When};

/// Longer names than this are almost surely an accident or an attack.
const MAX_NAME_CHARS: usize = 300;

fn is_snake_case(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.chars().all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
        && !id.ends_with('_')
        && !id.contains("__")
}

pub fn empty_names(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        if e.id.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-id",
                ctx.spans.entity(i),
                format!("entity {:?} has an empty id", e.name),
                "give it a snake_case id such as \"biowin\"",
            ));
        }
        if e.name.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-name",
                ctx.spans.entity(i),
                format!("entity {:?} has an empty name", e.id),
                "give the name as the sources spell it",
            ));
        }
    }
    for (i, s) in ctx.file.sources.iter().enumerate() {
        if s.id.trim().is_empty() || s.title.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-source",
                ctx.spans.source(i),
                format!("source {:?} has an empty id or title", s.id),
                "give every source an id and a title",
            ));
        }
    }
    out
}

pub fn id_format(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        if !e.id.trim().is_empty() && !is_snake_case(&e.id) {
            out.push(Diagnostic::error("id-format", ctx.spans.entity(i), format!("id {:?} is not snake_case", e.id), "use lowercase ASCII letters, digits and single underscores, starting with a letter, e.g. \"life_science_nord\""));
        }
    }
    out
}

pub fn duplicate_ids(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        let first = ctx.ids[e.id.as_str()];
        if first != i && !e.id.is_empty() {
            let at = ctx
                .spans
                .entity(first)
                .map_or(String::new(), |p| format!(" at {p}"));
            out.push(Diagnostic::error(
                "duplicate-id",
                ctx.spans.entity(i),
                format!(
                    "id {:?} is already used by {:?}{at}",
                    e.id, ctx.file.entities[first].name
                ),
                "give each entity its own id; this one is ignored",
            ));
        }
    }
    out
}

pub fn duplicate_sources(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, s) in ctx.file.sources.iter().enumerate() {
        if ctx.sources[s.id.as_str()] != i {
            out.push(Diagnostic::error(
                "duplicate-source",
                ctx.spans.source(i),
                format!("source id {:?} is defined twice", s.id),
                "give each source its own id",
            ));
        }
    }
    out
}

/// Every (position, owner, cited ids) in the file, for the two source rules.
fn citations<'a>(ctx: &'a Ctx) -> Vec<(Option<crate::diagnostic::Position>, String, &'a [String])> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        out.push((
            ctx.spans.entity(i),
            format!("entity {:?}", e.id),
            e.sources.as_slice(),
        ));
        for (j, f) in e.facts.iter().enumerate() {
            out.push((
                ctx.spans.fact(i, j),
                format!("fact {:?} of {:?}", f.label, e.id),
                f.sources.as_slice(),
            ));
        }
    }
    for (i, r) in ctx.file.relations.iter().enumerate() {
        out.push((
            ctx.spans.relation(i),
            format!("relation {} {} {}", r.from, r.rel, r.to),
            r.sources.as_slice(),
        ));
    }
    out
}

pub fn unknown_sources(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut check = |pos, owner: &str, cited: &[String]| {
        for s in cited
            .iter()
            .filter(|s| !ctx.sources.contains_key(s.as_str()))
        {
            let hint = match closest(s, ctx.sources.keys().copied()) {
                Some(c) => format!("did you mean {c:?}? every cited source must be in `sources`"),
                None => "add it to `sources` or cite an existing one".to_string(),
            };
            out.push(Diagnostic::error(
                "unknown-source",
                pos,
                format!("{owner} cites unknown source {s:?}"),
                &hint,
            ));
        }
    };
    for (pos, owner, cited) in citations(ctx) {
        check(pos, &owner, cited);
    }
    for (i, e) in ctx.file.entities.iter().enumerate() {
        for (j, d) in e.dates.iter().enumerate() {
            check(
                ctx.spans.date(i, j),
                &format!("date {:?} of {:?}", d.label, e.id),
                &d.sources,
            );
        }
    }
    out
}

pub fn missing_sources(ctx: &Ctx) -> Vec<Diagnostic> {
    citations(ctx)
        .into_iter()
        .filter(|(_, _, cited)| cited.is_empty())
        .map(|(pos, owner, _)| {
            Diagnostic::error(
                "no-source",
                pos,
                format!("{owner} cites no source"),
                "add sources: [\"...\"] naming the document that states it",
            )
        })
        .collect()
}

pub fn impossible_dates(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        for (j, d) in e.dates.iter().enumerate() {
            if let Err(err) = When::parse(&d.when) {
                out.push(Diagnostic::error(
                    "bad-date",
                    ctx.spans.date(i, j),
                    format!("date {:?} of {:?}: {err}", d.label, e.id),
                    "write YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (year unknown) or START/END",
                ));
            }
        }
        for (j, f) in e.facts.iter().enumerate() {
            if let Some(Err(err)) = f.when.as_deref().map(When::parse) {
                out.push(Diagnostic::error(
                    "bad-date",
                    ctx.spans.fact(i, j),
                    format!("fact {:?} of {:?}: {err}", f.label, e.id),
                    "write YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (year unknown) or START/END",
                ));
            }
        }
    }
    out
}

/// Every text of an entity with the name of its field.
fn entity_texts(e: &crate::data::format::FileEntity) -> Vec<(&'static str, &str)> {
    let mut v: Vec<(&'static str, &str)> = vec![
        ("id", &e.id),
        ("name", &e.name),
        ("description", &e.description),
    ];
    v.extend(e.subkind.as_deref().map(|s| ("subkind", s)));
    v.extend(e.aliases.iter().map(|a| ("alias", a.as_str())));
    v.extend(e.tags.iter().map(|t| ("tag", t.as_str())));
    v.extend(e.notes.iter().map(|n| ("note", n.as_str())));
    for f in &e.facts {
        v.extend([
            ("fact label", f.label.as_str()),
            ("fact value", f.value.as_str()),
        ]);
        v.extend(f.note.as_deref().map(|n| ("fact note", n)));
    }
    for d in &e.dates {
        v.push(("date label", &d.label));
        v.extend(d.note.as_deref().map(|n| ("date note", n)));
    }
    v
}

pub fn unsafe_text(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut check = |pos, owner: String, field: &str, text: &str| {
        if let Some(c) = text
            .chars()
            .find(|&c| crate::text::is_unsafe(c) && c != '\n')
        {
            out.push(Diagnostic::error(
                "control-character",
                pos,
                format!(
                    "{field} of {owner} contains the invisible or control character U+{:04X}",
                    c as u32
                ),
                "remove it: such characters can drive or garble a terminal; they are shown escaped",
            ));
        }
    };
    for (i, e) in ctx.file.entities.iter().enumerate() {
        for (field, text) in entity_texts(e) {
            check(
                ctx.spans.entity(i),
                format!("entity {:?}", crate::text::clean(&e.id)),
                field,
                text,
            );
        }
    }
    for (i, r) in ctx.file.relations.iter().enumerate() {
        let owner = format!("relation {}", i + 1);
        for (field, text) in [
            ("from", Some(&r.from)),
            ("to", Some(&r.to)),
            ("rel", Some(&r.rel)),
            ("role", r.role.as_ref()),
            ("note", r.note.as_ref()),
        ] {
            if let Some(t) = text {
                check(ctx.spans.relation(i), owner.clone(), field, t);
            }
        }
    }
    for (i, s) in ctx.file.sources.iter().enumerate() {
        for (field, text) in [
            ("id", &s.id),
            ("title", &s.title),
            ("publisher", &s.publisher),
            ("about", &s.about),
        ] {
            check(
                ctx.spans.source(i),
                format!("source {}", i + 1),
                field,
                text,
            );
        }
    }
    out
}

pub fn long_text(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        let n = e.name.chars().count();
        if n > MAX_NAME_CHARS {
            out.push(Diagnostic::warning(
                "long-name",
                ctx.spans.entity(i),
                format!(
                    "the name of {:?} is {n} characters long",
                    crate::text::clean(&e.id)
                ),
                "names over 300 characters are shown cut; put the rest in the description",
            ));
        }
    }
    out
}

pub fn unknown_subkinds(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        let kind = Kind::from(e.kind);
        if let Some(sub) = e
            .subkind
            .as_deref()
            .filter(|s| !kind.subkinds().contains(s))
        {
            out.push(Diagnostic::warning(
                "unknown-subkind",
                ctx.spans.entity(i),
                format!(
                    "subkind {sub:?} of {:?} is not a known {kind} subkind",
                    e.id
                ),
                &format!("use one of: {}", kind.subkinds().join(", ")),
            ));
        }
    }
    out
}
