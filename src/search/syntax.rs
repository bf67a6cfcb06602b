//! The query language users know from fzf, plus field scopes:
//! words are ANDed, `a | b` is OR, `'exact`, `^prefix`, `suffix$`, `!not`, and
//! `kind:event`, `tag:oncology`, `in:france`, `year:2015`.

use super::QueryError;
use super::fold::fold_str;
use crate::model::Kind;

/// How a term's text must occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Letters in order, gaps allowed (typos caught by the fallback).
    Fuzzy,
    /// A substring (`'word`; also every negated term).
    Exact,
    /// At the start of a word of the field (`^word`).
    Prefix,
    /// At the end of the field (`word$`).
    Suffix,
    /// The whole field (`^word$`).
    Whole,
}

/// A restriction on the entity rather than on its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Kind(Kind),
    /// A folded tag, matched as a substring of the entity's tags.
    Tag(String),
    /// A folded place name, id or alias: the entity is in that place or inside it.
    In(String),
    Year(i32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtomKind {
    Term { text: String, mode: Mode },
    Scope(Scope),
}

/// One condition; `negate` turns it into "must not".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    pub kind: AtomKind,
    pub negate: bool,
}

/// A parsed query: every group must hold; a group holds when any atom in it does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub groups: Vec<Vec<Atom>>,
    /// The text as typed, trimmed.
    pub raw: String,
    /// The whole text folded, to spot an exact name or alias match.
    pub folded: String,
}

const SCOPES: &str = "kind:, tag:, in:, year:";

fn scope(name: &str, value: &str) -> Result<Scope, QueryError> {
    if value.is_empty() {
        return Err(QueryError(format!(
            "{name}: needs a value, e.g. kind:event, tag:oncology, in:france, year:2015"
        )));
    }
    match name {
        "kind" => value
            .parse::<Kind>()
            .map(Scope::Kind)
            .map_err(|e| QueryError(e.to_string())),
        "tag" => Ok(Scope::Tag(fold_str(value).replace('_', " "))),
        "in" => Ok(Scope::In(fold_str(value).replace(['_', '-'], " "))),
        "year" => value
            .parse::<i32>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
            .map(Scope::Year)
            .ok_or_else(|| QueryError(format!("year:{value} is not a year; write year:2015"))),
        other => Err(QueryError(format!(
            "unknown scope {other}:; valid scopes: {SCOPES}"
        ))),
    }
}

fn atom(token: &str) -> Result<Atom, QueryError> {
    let (negate, rest) = match token.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, token),
    };
    if rest.is_empty() {
        return Err(QueryError(
            "! needs a word after it, e.g. !oncology".to_string(),
        ));
    }
    if let Some((name, value)) = rest.split_once(':')
        && !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphabetic())
    {
        return Ok(Atom {
            kind: AtomKind::Scope(scope(&name.to_ascii_lowercase(), value)?),
            negate,
        });
    }
    let (mut mode, mut text) = (if negate { Mode::Exact } else { Mode::Fuzzy }, rest);
    if let Some(t) = text.strip_prefix('\'') {
        (mode, text) = (Mode::Exact, t);
    } else if let Some(t) = text.strip_prefix('^') {
        (mode, text) = (Mode::Prefix, t);
    }
    if let Some(t) = text.strip_suffix('$').filter(|_| text.len() > 1) {
        mode = if mode == Mode::Prefix {
            Mode::Whole
        } else {
            Mode::Suffix
        };
        text = t;
    }
    let text = fold_str(text);
    if text.is_empty() {
        return Err(QueryError(format!(
            "{token:?} has no text to match; write e.g. 'exact, ^prefix, suffix$"
        )));
    }
    Ok(Atom {
        kind: AtomKind::Term { text, mode },
        negate,
    })
}

impl Query {
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        let raw = text.trim().to_string();
        let mut groups: Vec<Vec<Atom>> = Vec::new();
        let mut join = false;
        for token in raw.split_whitespace() {
            if token == "|" {
                if groups.is_empty() || join {
                    return Err(QueryError(
                        "| needs a word on each side, e.g. biowin | biopmed".to_string(),
                    ));
                }
                join = true;
                continue;
            }
            let a = atom(token)?;
            match (join, groups.last_mut()) {
                (true, Some(g)) => g.push(a),
                _ => groups.push(vec![a]),
            }
            join = false;
        }
        if join {
            return Err(QueryError(
                "| needs a word on each side, e.g. biowin | biopmed".to_string(),
            ));
        }
        let folded = fold_str(&raw);
        Ok(Query {
            groups,
            raw,
            folded,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, mode: Mode, negate: bool) -> Atom {
        Atom {
            kind: AtomKind::Term {
                text: text.to_string(),
                mode,
            },
            negate,
        }
    }

    #[test]
    fn fzf_operators_parse_into_modes() {
        let q = Query::parse("Médica 'exact ^pre suf$ ^whole$ !not").unwrap();
        let atoms: Vec<Atom> = q.groups.into_iter().flatten().collect();
        assert_eq!(
            atoms,
            vec![
                term("medica", Mode::Fuzzy, false),
                term("exact", Mode::Exact, false),
                term("pre", Mode::Prefix, false),
                term("suf", Mode::Suffix, false),
                term("whole", Mode::Whole, false),
                term("not", Mode::Exact, true),
            ]
        );
    }

    #[test]
    fn a_bar_joins_its_neighbours_into_one_group() {
        let q = Query::parse("biowin | biopmed cluster").unwrap();
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0].len(), 2);
    }

    #[test]
    fn scopes_parse_and_check_their_values() {
        let q = Query::parse("kind:events tag:Oncology in:Rhône-Alpes year:2015").unwrap();
        let scopes: Vec<AtomKind> = q.groups.into_iter().flatten().map(|a| a.kind).collect();
        assert_eq!(
            scopes,
            vec![
                AtomKind::Scope(Scope::Kind(Kind::Event)),
                AtomKind::Scope(Scope::Tag("oncology".into())),
                AtomKind::Scope(Scope::In("rhone alpes".into())),
                AtomKind::Scope(Scope::Year(2015)),
            ]
        );
    }

    #[test]
    fn malformed_queries_say_what_is_valid() {
        let msg = |q: &str| Query::parse(q).unwrap_err().0;
        assert!(msg("colour:red").contains("valid scopes: kind:, tag:, in:, year:"));
        assert!(msg("kind:spaceship").contains("valid kinds: cluster, alliance, event"));
        assert!(msg("kind:").contains("needs a value"));
        assert!(msg("year:soon").contains("not a year"));
        assert!(msg("| biowin").contains("needs a word on each side"));
        assert!(msg("biowin |").contains("needs a word on each side"));
        assert!(msg("!").contains("needs a word after it"));
        assert!(msg("'").contains("no text to match"));
    }

    #[test]
    fn empty_and_blank_queries_are_empty() {
        assert!(Query::parse("").unwrap().is_empty());
        assert!(Query::parse("   \t ").unwrap().is_empty());
    }

    #[test]
    fn a_dollar_alone_is_a_word() {
        let q = Query::parse("$").unwrap();
        assert_eq!(q.groups[0][0], term("$", Mode::Fuzzy, false));
    }
}
