//! `clusterdex ask QUESTION... [--json]`: the answer to a question typed as a
//! person would ask it ("who coordinates magia", "lyonbiopole president"),
//! each line with the sources it comes from. Exit 0 with an answer; 1 with
//! none, saying which entity the question was read as naming and which
//! labels that entity has, so the next try can ask for one of them.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, exit, open};
use crate::model::Dataset;
use crate::search::answer::{self, Answer, Reading};
use crate::search::{Index, Query, Resolution, resolve};
use crate::text::clean;

#[derive(Serialize)]
pub struct JsonEntity<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
}

impl<'a> JsonEntity<'a> {
    pub fn of(ds: &'a Dataset, e: usize) -> JsonEntity<'a> {
        let entity = ds.entity(e);
        JsonEntity {
            id: &entity.id,
            name: &entity.name,
            kind: entity.kind.as_str(),
        }
    }
}

/// An answer as scripts read it: in `ask --json`, and on the answer hits of
/// `search --json`.
#[derive(Serialize)]
pub struct JsonAnswer<'a> {
    pub label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<&'a str>,
    pub targets: Vec<JsonEntity<'a>>,
    /// Source ids.
    pub sources: Vec<&'a str>,
    /// Present, and true, when the dataset does not state what was asked.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub gap: bool,
}

impl<'a> JsonAnswer<'a> {
    pub fn of(ds: &'a Dataset, a: &'a Answer) -> JsonAnswer<'a> {
        JsonAnswer {
            label: &a.label,
            value: a.value.as_deref(),
            targets: a.targets.iter().map(|&t| JsonEntity::of(ds, t)).collect(),
            sources: a
                .sources
                .iter()
                .map(|&s| ds.sources[s].id.as_str())
                .collect(),
            gap: a.gap,
        }
    }
}

#[derive(Serialize)]
struct JsonReading<'a> {
    question: &'a str,
    entity: Option<JsonEntity<'a>>,
    label: &'a str,
    answers: Vec<JsonAsked<'a>>,
}

#[derive(Serialize)]
struct JsonAsked<'a> {
    entity: JsonEntity<'a>,
    #[serde(flatten)]
    answer: JsonAnswer<'a>,
}

/// "BioXclusters Plus › coordinated by › Lyonbiopôle": an answer on one line,
/// terminal-safe.
pub fn answer_line(ds: &Dataset, a: &Answer) -> String {
    let what = match &a.value {
        Some(v) => v.clone(),
        None => (a.targets.iter())
            .map(|&t| ds.entity(t).name.as_ref())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let line = format!("{} › {} › {what}", ds.entity(a.entity).name, a.label);
    clean(&line).into_owned()
}

#[derive(Debug, clap::Args)]
pub struct AskArgs {
    /// The question, e.g. "who coordinates bioxclusters plus"
    #[arg(required = true, num_args = 1..)]
    pub question: Vec<String>,
    /// Print the answers as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(
    env: &Env,
    args: &AskArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let (question, json) = (&args.question.join(" "), args.json);
    let query = match Query::parse(question) {
        Ok(q) => q,
        Err(e) => {
            writeln!(err, "error: invalid question: {e}")?;
            return Ok(exit::ERROR);
        }
    };
    let mut loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let index = loaded.take_index();
    let ds = &loaded.dataset;
    let reading = answer::read(ds, &index, &query);
    if json {
        write_json(ds, question, &reading, out)?;
    } else {
        for a in &reading.answers {
            writeln!(out, "{}", answer_line(ds, a))?;
            for &s in &a.sources {
                let src = &ds.sources[s];
                let line = format!("  [{}] {} — {}", src.id, src.title, src.publisher);
                writeln!(out, "{}", clean(&line))?;
            }
        }
    }
    if !reading.answers.is_empty() {
        return Ok(exit::OK);
    }
    explain(ds, &index, question, &reading, err)?;
    Ok(exit::NO)
}

fn write_json(
    ds: &Dataset,
    question: &str,
    reading: &Reading,
    out: &mut impl Write,
) -> io::Result<()> {
    let answers = (reading.answers.iter())
        .map(|a| JsonAsked {
            entity: JsonEntity::of(ds, a.entity),
            answer: JsonAnswer::of(ds, a),
        })
        .collect();
    let value = JsonReading {
        question,
        entity: reading.entity.map(|e| JsonEntity::of(ds, e)),
        label: &reading.label,
        answers,
    };
    super::write_json(out, &value)
}

/// Why there is no answer: which entity the question was understood to
/// name, and the labels it has to ask for.
fn explain(
    ds: &Dataset,
    index: &Index,
    question: &str,
    reading: &Reading,
    err: &mut impl Write,
) -> io::Result<()> {
    let shown = clean(question);
    // No label read: the whole question may still name an entity.
    let named = reading
        .entity
        .or_else(|| match resolve(ds, index, question) {
            Resolution::Found(e) => Some(e),
            _ => None,
        });
    let Some(e) = named else {
        return writeln!(
            err,
            "no answer to {shown:?}: no entity understood in it; name one as `clusterdex search` finds it and add what you ask, e.g. \"magia coordinator\""
        );
    };
    let entity = ds.entity(e);
    let asked = match reading.entity {
        Some(_) => format!("nothing answers {:?}", reading.label),
        None => "no label asked for".to_string(),
    };
    let has = format!("ask for one of: {}", answer::labels(ds, e).join(", "));
    writeln!(
        err,
        "no answer to {shown:?}: understood {} ({}), but {asked}; {}",
        clean(&entity.name),
        entity.id,
        clean(&has)
    )
}
