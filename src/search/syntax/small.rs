//! The words of a query that need not match: question words, small words,
//! the words of a question said aloud, a French elision, and a sentence's
//! punctuation. People type what they would say in a meeting ("who
//! coordinates MAGIA again?", "c'est quoi Medicen ?"); only the words that
//! name something must be found.

use super::{Atom, AtomKind, MatchMode};

/// Question words and small words, in English and French: ignored when other
/// words are typed, unless they start a word of a name. Beside articles and
/// question words, the words of a question said aloud ("tell me about",
/// "how do we know", "c'est quoi", "again") and those that ask where a fact
/// comes from ("sources"), which a name rarely holds.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "again", "also", "an", "and", "any", "are", "at", "be", "by", "can", "could",
    "details", "did", "do", "does", "for", "from", "give", "has", "have", "how", "in", "info",
    "information", "is", "it", "its", "know", "many", "me", "much", "of", "on", "our", "please",
    "show",
    "source", "sources", "tell", "that", "the", "their", "this", "to", "was", "we", "were",
    "what", "when", "where", "which", "who", "whom", "with", "you", "your",
    // French
    "au", "aux", "avec", "ca", "ce", "cela", "comment", "connait", "dans", "de", "des", "dis",
    "dites", "du", "en", "encore", "est", "et", "etait", "etaient", "ete", "infos", "la", "le", "les", "moi", "nous", "on",
    "ou", "par", "parle", "parlez", "pour", "quand", "que", "quel", "quelle", "quelles", "quels",
    "qui", "quoi", "sait", "savons", "son", "sont", "sur", "vient", "vous",
];

/// French words cut before a vowel and an apostrophe (`l'alliance`,
/// `c'est`, `qu'est-ce`, `d'Auvergne`): small words like the stop words,
/// but only when the apostrophe shows they are one, since `d` or `l` typed
/// alone may start a name.
const ELIDED: &[&str] = &[
    "c", "d", "j", "l", "m", "n", "qu", "s", "t", "jusqu", "lorsqu", "puisqu",
];

/// Marks around a word in a sentence, which no name's word is looked up by.
pub(super) const SENTENCE_MARKS: &[char] = &[
    '?', '¿', '!', '¡', ',', ';', '…', '"', '“', '”', '«', '»', '(', ')',
];

/// Whether a plain token starts with a French word cut before an apostrophe.
pub(super) fn elided(token: &str) -> bool {
    token.split_once(['\'', '’']).is_some_and(|(cut, rest)| {
        !rest.is_empty() && ELIDED.contains(&cut.to_lowercase().as_str())
    })
}

/// A lone plain word that is a stop word or a cut French word.
pub(super) fn stop_word(group: &[Atom]) -> bool {
    match group {
        [a] if !a.negate => match &a.kind {
            AtomKind::Term {
                text,
                mode: MatchMode::Fuzzy,
            } => a.optional || STOP_WORDS.contains(&text.as_str()),
            _ => false,
        },
        _ => false,
    }
}
