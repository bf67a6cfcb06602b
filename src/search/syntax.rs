//! The query language users know from fzf, plus field scopes:
//! words are ANDed, `a | b` is OR, `'exact`, `^prefix`, `suffix$`, `!not`, and
//! `kind:event`, `tag:oncology`, `in:france`, `year:2015`, `note:china` (the
//! user's notes on the entity). A plain word joined
//! to the next by a hyphen, dot, slash, apostrophe, underscore, dash, `&` or `+`
//! is two words, as if a space stood there; question words and small words
//! ("who", "the", "qui", "de", "tell me about", the `c` of `c'est`) need not
//! match when other words are typed, and a question's punctuation is no word.

use super::QueryError;
use super::fold::{compact, fold_str};
use crate::model::Kind;
pub use small::STOP_WORDS;
use small::{SENTENCE_MARKS, elided, stop_word};

/// How a term's text must occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMode {
    /// Letters in order, gaps allowed; also a typo of a name word, or initials.
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
    /// A folded text, matched as a substring of the user's notes on the entity.
    Note(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtomKind {
    Term { text: String, mode: MatchMode },
    Scope(Scope),
}

/// One condition; `negate` turns it into "must not".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    pub kind: AtomKind,
    pub negate: bool,
    /// A question word or small word ("who", "of", "qui") among other words:
    /// it adds to a name it starts a word of, and is ignored anywhere else.
    pub optional: bool,
}

/// A parsed query: every group must hold; a group holds when any atom in it does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub groups: Vec<Vec<Atom>>,
    /// The text as typed, trimmed.
    pub raw: String,
    /// For a query of plain words, the words run together (see
    /// [`super::fold::compact`]), to spot a whole name or alias typed with
    /// any spacing: `flandersdc`, `health2 care`.
    pub exact: Option<String>,
}

const SCOPES: &str = "kind:, tag:, in:, year:, note:";

fn scope(name: &str, value: &str) -> Result<Scope, QueryError> {
    // `note:` alone: every entity with a note.
    if value.is_empty() && name != "note" {
        return Err(QueryError(format!(
            "{name}: needs a value, e.g. kind:event, tag:oncology, in:france, year:2015, note:china"
        )));
    }
    match name {
        "kind" => value
            .parse::<Kind>()
            .map(Scope::Kind)
            .map_err(|e| QueryError(e.to_string())),
        "tag" => Ok(Scope::Tag(fold_str(value))),
        "in" => Ok(Scope::In(fold_str(value))),
        "note" => Ok(Scope::Note(fold_str(value))),
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
            optional: false,
        });
    }
    let (mut mode, mut text) = (
        if negate {
            MatchMode::Exact
        } else {
            MatchMode::Fuzzy
        },
        rest,
    );
    if let Some(t) = text.strip_prefix('\'') {
        (mode, text) = (MatchMode::Exact, t);
    } else if let Some(t) = text.strip_prefix('^') {
        (mode, text) = (MatchMode::Prefix, t);
    }
    if let Some(t) = text.strip_suffix('$').filter(|_| text.len() > 1) {
        mode = if mode == MatchMode::Prefix {
            MatchMode::Whole
        } else {
            MatchMode::Suffix
        };
        text = t;
    }
    // Separators inside an operator's word are spaces, as in the text it is
    // looked for in.
    let text = fold_str(text);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(QueryError(format!(
            "{token:?} has no text to match; write e.g. 'exact, ^prefix, suffix$"
        )));
    }
    Ok(Atom {
        kind: AtomKind::Term { text, mode },
        negate,
        optional: false,
    })
}

/// Whether a token is a plain word: no operator, no scope.
fn plain(token: &str) -> bool {
    !(token.starts_with(['!', '\'', '^'])
        || (token.len() > 1 && token.ends_with('$'))
        || token.split_once(':').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())
        }))
}

/// The atoms of one whitespace-separated token: an operator's or scope's one
/// atom, or a plain word's, cut at its separators (`bio-merieux` is `bio` and
/// `merieux`; `bioxclusters+` is `bioxclusters plus`; a lone `-` or `?` is
/// nothing).
fn token_atoms(token: &str) -> Result<Vec<Atom>, QueryError> {
    if !plain(token) {
        return Ok(vec![atom(token)?]);
    }
    // A question's punctuation ("who coordinates magia ?", "medicen,")
    // is not part of a word.
    let token = token.trim_matches(SENTENCE_MARKS);
    let elided = elided(token);
    Ok(fold_str(token)
        .split_whitespace()
        .enumerate()
        .map(|(i, word)| Atom {
            kind: AtomKind::Term {
                text: word.to_string(),
                mode: MatchMode::Fuzzy,
            },
            negate: false,
            // Marks the cut word for `parse`, which keeps it only beside a
            // word that is not small.
            optional: i == 0 && elided,
        })
        .collect())
}

/// See [`Query::needed_words`].
fn needed_words(groups: &[Vec<Atom>]) -> Option<Vec<&str>> {
    let mut words = Vec::new();
    for g in groups {
        match g.as_slice() {
            [a] if a.optional => {}
            g => words.push(plain_word(g)?),
        }
    }
    Some(words)
}

/// The group's one word as typed (fuzzy, not negated), optional or not.
fn plain_word(group: &[Atom]) -> Option<&str> {
    match group {
        [
            Atom {
                kind:
                    AtomKind::Term {
                        text,
                        mode: MatchMode::Fuzzy,
                    },
                negate: false,
                ..
            },
        ] => Some(text),
        _ => None,
    }
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
            for a in token_atoms(token)? {
                match (join, groups.last_mut()) {
                    (true, Some(g)) => g.push(a),
                    _ => groups.push(vec![a]),
                }
                join = false;
            }
        }
        if join {
            return Err(QueryError(
                "| needs a word on each side, e.g. biowin | biopmed".to_string(),
            ));
        }
        // Stop words are optional only beside a word that is not one.
        let small: Vec<bool> = groups.iter().map(|g| stop_word(g)).collect();
        let all_small = small.iter().all(|&s| s);
        for (g, small) in groups.iter_mut().zip(small) {
            let alone = g.len() == 1;
            for a in g.iter_mut() {
                a.optional = alone && small && !all_small;
            }
        }
        let exact = Query::run_together(&groups);
        Ok(Query { groups, raw, exact })
    }

    /// The words run together, for a query of plain words alone (stop words
    /// left out, unless they are all there is).
    fn run_together(groups: &[Vec<Atom>]) -> Option<String> {
        let all = compact(&needed_words(groups)?.concat());
        (!all.is_empty()).then_some(all)
    }

    /// The plain words that must match, folded, in order (the optional small
    /// words left out); `None` when the query has operators, scopes or
    /// alternatives.
    pub fn needed_words(&self) -> Option<Vec<&str>> {
        needed_words(&self.groups)
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The group's one positive term, when it has nothing else: such a group
    /// must match (unless optional), so its letters can rule entities out.
    pub fn lone_term(group: &[Atom]) -> Option<(&str, MatchMode)> {
        match group {
            [a] if !a.negate && !a.optional => match &a.kind {
                AtomKind::Term { text, mode } => Some((text, *mode)),
                AtomKind::Scope(_) => None,
            },
            _ => None,
        }
    }

    /// The plain words typed, folded, in order (stop words included, French
    /// elisions left out): what a question is read from. None when the query uses operators or scopes.
    pub fn words(&self) -> Option<Vec<&str>> {
        self.groups
            .iter()
            .filter_map(|g| match g.as_slice() {
                // A French elision (the `l` of `l'ECCP`) is no word of a name
                // nor of a label.
                [
                    Atom {
                        kind: AtomKind::Term { text, .. },
                        optional: true,
                        ..
                    },
                ] if !STOP_WORDS.contains(&text.as_str()) => None,
                g => Some(plain_word(g)),
            })
            .collect()
    }
}

mod small;
#[cfg(test)]
mod tests;
