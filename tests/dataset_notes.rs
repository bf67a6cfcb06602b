//! docs/dataset-notes.md (and the README's size of it) agrees with the built-in
//! dataset. This checks the data and its documentation, not the code: the
//! `check` line and every row of the counts table are computed here from the
//! dataset, every claim in the "in the data" columns is checked, and a count of
//! relations, entities, facts, aliases or tags typed anywhere else in the prose
//! fails the test (counts belong in the table, where they are checked).
//!
//! A claim is a code span in one of these forms:
//! `ID` (the entity exists), `ID is inferred`, `ID is a KIND`, `ID kind is inferred`,
//! `ID description is inferred`, `ID alias "A" is inferred`, `ID tag "T" is inferred`,
//! `ID fact "LABEL"`, `ID date "LABEL" is ISO`, `ID has no dates`, `ID has no REL`,
//! `FROM REL TO` (stated), `FROM REL TO is inferred`, `no FROM REL TO`,
//! `source ID says "TEXT"`.

use std::sync::OnceLock;

use clusterdex::load::{DataSource, load};
use clusterdex::model::{Certainty, Dataset, Entity, Part, Relation};

const NOTES: &str = include_str!("../docs/dataset-notes.md");

fn ds() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let loaded = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES)
            .expect("built-in loads");
        assert!(loaded.diagnostics.is_empty());
        loaded.dataset
    })
}

/// The lines between `<!-- START` and `<!-- end of END -->`.
fn section(start: &str, end: &str) -> Vec<&'static str> {
    let from = NOTES.find(start).unwrap_or_else(|| panic!("no {start}"));
    let to = NOTES.find(end).unwrap_or_else(|| panic!("no {end}"));
    NOTES[from..to].lines().skip(1).collect()
}

fn inferred_parts(hit: impl Fn(&Part) -> bool) -> usize {
    ds().entities
        .iter()
        .flat_map(|e| &e.inferred)
        .filter(|p| hit(&p.part))
        .count()
}

fn relations_where(keep: impl Fn(&Relation) -> bool) -> usize {
    ds().relations.iter().filter(|r| keep(r)).count()
}

/// The value of a row of the counts table, computed; None for an unknown row.
fn count(row: &str) -> Option<usize> {
    let inferred = |r: &Relation| r.certainty == Certainty::Inferred;
    let entities = &ds().entities;
    Some(match row {
        "relations stated" => relations_where(|r| !inferred(r)),
        "relations marked `Inferred`" => relations_where(inferred),
        "relations inferred from a name" => relations_where(|r| {
            inferred(r)
                && r.note()
                    .is_some_and(|n| n.starts_with("read from its name"))
        }),
        "entities inferred as a whole" => entities
            .iter()
            .filter(|e| e.certainty == Certainty::Inferred)
            .count(),
        "entities with an inferred part" => {
            entities.iter().filter(|e| !e.inferred.is_empty()).count()
        }
        "inferred kinds" => inferred_parts(|p| *p == Part::Kind),
        "inferred aliases" => inferred_parts(|p| matches!(p, Part::Alias(_))),
        "inferred tags" => inferred_parts(|p| matches!(p, Part::Tag(_))),
        "inferred descriptions" => inferred_parts(|p| *p == Part::Description),
        "facts" => entities.iter().map(|e| e.facts.len()).sum(),
        "facts marked `Inferred`" => entities
            .iter()
            .flat_map(|e| &e.facts)
            .filter(|f| f.certainty == Certainty::Inferred)
            .count(),
        _ => return None,
    })
}

#[test]
fn the_check_line_is_what_check_prints() {
    let line = NOTES
        .lines()
        .find(|l| l.starts_with("ok: "))
        .expect("the check line");
    assert_eq!(line, format!("ok: {}", ds().summary()));
}

#[test]
fn the_readme_gives_the_dataset_s_size() {
    let readme = include_str!("../README.md");
    let size = format!(
        "The built-in dataset ({} entities, {} relations)",
        ds().entities.len(),
        ds().relations.len()
    );
    assert!(readme.contains(&size), "the README should say: {size}");
}

#[test]
fn every_count_in_the_table_is_computed_from_the_dataset() {
    let mut rows = 0;
    let mut wrong = Vec::new();
    for line in section("<!-- counts", "<!-- end of counts -->") {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let [_, what, value, _] = cells[..] else {
            continue;
        };
        if what == "what" || what.starts_with("---") {
            continue;
        }
        rows += 1;
        let actual = count(what).unwrap_or_else(|| panic!("no way to count {what:?}"));
        if value != actual.to_string() {
            wrong.push(format!("| {what} | {actual} |   (the notes say {value})"));
        }
    }
    assert!(rows >= 10, "only {rows} counts");
    assert!(
        wrong.is_empty(),
        "update the counts in docs/dataset-notes.md:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_count_of_the_dataset_is_typed_outside_the_table() {
    const NOUNS: &[&str] = &[
        "relation",
        "relations",
        "entity",
        "entities",
        "fact",
        "facts",
        "alias",
        "aliases",
        "tag",
        "tags",
        "inferred",
        "stated",
        "part",
        "parts",
    ];
    let table = section("<!-- counts", "<!-- end of counts -->");
    for line in NOTES
        .lines()
        .filter(|l| !l.starts_with("ok: ") && !table.contains(l))
    {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == '`' || c == '|')
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            let number = pair[0].chars().all(|c| c.is_ascii_digit() || c == ',');
            assert!(
                !(number && NOUNS.contains(&pair[1].to_lowercase().as_str())),
                "a count typed in the prose; put it in the counts table: {line}"
            );
        }
    }
}

/// Words of a claim, a "quoted text" kept as one word without its quotes.
fn words(claim: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = claim.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted
                .find('"')
                .unwrap_or_else(|| panic!("unclosed quote in {claim:?}"));
            out.push(quoted[..end].to_string());
            rest = quoted[end + 1..].trim_start();
        } else {
            let end = rest.find(' ').unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = rest[end..].trim_start();
        }
    }
    out
}

fn entity(id: &str) -> Result<&'static Entity, String> {
    ds().get(id).ok_or_else(|| format!("no entity {id}"))
}

fn relation(from: &str, rel: &str, to: &str) -> Result<Option<&'static Relation>, String> {
    let (a, b) = (entity(from)?, entity(to)?);
    let (a, b) = (ds().index_of(&a.id), ds().index_of(&b.id));
    Ok(ds()
        .relations
        .iter()
        .find(|r| Some(r.from()) == a && Some(r.to()) == b && r.rel.name() == rel))
}

fn holds(ok: bool, claim: &str) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("not true: {claim}"))
    }
}

/// Checks one claim against the dataset; the error says what is wrong.
fn check(claim: &str) -> Result<(), String> {
    let w = words(claim);
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    match w[..] {
        ["source", id, "says", text] => {
            let s = ds()
                .sources
                .iter()
                .find(|s| s.id == id)
                .ok_or(format!("no source {id}"))?;
            let all = [
                &s.title,
                &s.publisher,
                &s.about,
                s.note.as_ref().unwrap_or(&String::new()),
            ]
            .map(|t| t.as_str())
            .join("\n");
            holds(all.contains(text), claim)
        }
        ["no", from, rel, to] => holds(relation(from, rel, to)?.is_none(), claim),
        [id] => entity(id).map(|_| ()),
        [id, "is", "inferred"] => holds(entity(id)?.certainty == Certainty::Inferred, claim),
        [id, "is", "a" | "an", kind] => holds(entity(id)?.kind.as_str() == kind, claim),
        [id, "kind", "is", "inferred"] => holds(entity(id)?.kind_inferred(), claim),
        [id, "description", "is", "inferred"] => holds(entity(id)?.description_inferred(), claim),
        [id, "alias", a, "is", "inferred"] => holds(entity(id)?.alias_inferred(a), claim),
        [id, "tag", t, "is", "inferred"] => holds(entity(id)?.tag_inferred(t), claim),
        [id, "fact", label] => holds(entity(id)?.facts.iter().any(|f| f.label == label), claim),
        [id, "date", label, "is", iso] => {
            let dates = &entity(id)?.dates;
            holds(
                dates
                    .iter()
                    .any(|d| d.label == label && d.when.iso() == iso),
                claim,
            )
        }
        [id, "has", "no", "dates"] => holds(entity(id)?.dates.is_empty(), claim),
        [id, "has", "no", rel] => {
            let i = ds().index_of(&entity(id)?.id);
            holds(
                !ds()
                    .relations
                    .iter()
                    .any(|r| Some(r.from()) == i && r.rel.name() == rel),
                claim,
            )
        }
        [from, rel, to] => {
            let r = relation(from, rel, to)?.ok_or(format!("no relation {claim}"))?;
            holds(r.certainty == Certainty::Stated, claim)
        }
        [from, rel, to, "is", "inferred"] => {
            let r = relation(from, rel, to)?.ok_or(format!("no relation {claim}"))?;
            holds(
                r.certainty == Certainty::Inferred && r.note().is_some(),
                claim,
            )
        }
        _ => Err(format!("cannot read the claim {claim:?}")),
    }
}

/// The code spans of the last column of a table's rows.
fn claims(lines: &[&'static str]) -> Vec<&'static str> {
    lines
        .iter()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---") && !l.starts_with("| what "))
        .filter_map(|l| l.trim_end_matches('|').rsplit('|').next())
        .flat_map(|cell| cell.split('`').skip(1).step_by(2))
        .collect()
}

#[test]
fn every_claim_in_the_notes_holds_in_the_dataset() {
    let mut all = claims(&section(
        "<!-- checked claims",
        "<!-- end of checked claims -->",
    ));
    all.extend(claims(&section("## The five sources", "## Ambiguities")));
    assert!(all.len() >= 60, "only {} claims", all.len());
    let wrong: Vec<String> = all.iter().filter_map(|c| check(c).err()).collect();
    assert!(
        wrong.is_empty(),
        "docs/dataset-notes.md says:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_false_claim_is_caught() {
    for claim in [
        "historam is a project",
        "lyonbiopole founding_member_of cebr",
        "no lyonbiopole board_member_of cebr",
        "magia date \"held\" is 2018",
        "source magia_announcement says \"Industrie Pharma\"",
        "flanders_bio is inferred",
        "nobody",
        "magia coordinates",
    ] {
        assert!(check(claim).is_err(), "{claim} passed");
    }
}
