//! The rule on the dataset's `synonyms` list: each group holds two words or
//! more, each one word as a user types it, and no word stands in two groups.
//! The build keeps what is sound of it, so a file with a bad group still opens.

use super::Findings;
use crate::diagnostic::Element;
use crate::search::fold::fold_str;

/// What is wrong with one synonym, if anything.
fn problem(word: &str) -> Option<&'static str> {
    let folded = fold_str(word);
    let mut words = folded.split_whitespace();
    if words.next().is_none() {
        return Some("is empty");
    }
    if words.next().is_some() {
        return Some("is more than one word");
    }
    if word.chars().any(crate::text::is_unsafe) {
        return Some("contains an invisible or control character");
    }
    None
}

/// Groups with a word that is not one word, with fewer than two different
/// words, or with a word another group has too. The list is in the file's
/// head, so this runs once, whole or in pieces.
pub fn synonym_groups(groups: &[Vec<String>], out: &mut Findings) {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let at = Element::SynonymGroup(i);
        let n = i + 1;
        for word in group {
            if let Some(what) = problem(word) {
                out.error(
                    "bad-synonym",
                    at,
                    format!(
                        "synonym {:?} in group {n} {what}",
                        crate::text::clean(word)
                    ),
                    "a synonym is one word as users type it (e.g. \"cancérologie\"); give a name of several words as an alias of its entity",
                );
            }
        }
        let mut folded: Vec<String> = group
            .iter()
            .filter(|w| problem(w).is_none())
            .map(|w| fold_str(w).trim().to_string())
            .collect();
        folded.sort();
        folded.dedup();
        if folded.len() < 2 {
            out.error(
                "bad-synonym",
                at,
                format!("synonym group {n} has fewer than two different words"),
                "list two words or more that search should treat as equal, e.g. [\"oncology\", \"oncologie\", \"cancérologie\"]",
            );
        }
        for word in folded {
            match seen.iter().find(|(w, _)| *w == word) {
                Some(&(_, other)) => {
                    out.warning(
                        "synonym-in-two-groups",
                        at,
                        format!("{word:?} is in synonym groups {other} and {n}: search treats them as one group"),
                        "merge the two groups into one",
                    );
                }
                None => seen.push((word, n)),
            }
        }
    }
}

/// The sound part of the synonym groups: their sound words, in groups of two
/// or more.
pub fn sound(groups: Vec<Vec<String>>) -> Vec<Vec<String>> {
    groups
        .into_iter()
        .map(|g| {
            g.into_iter()
                .filter(|w| problem(w).is_none())
                .collect::<Vec<_>>()
        })
        .filter(|g| g.len() >= 2)
        .collect()
}
