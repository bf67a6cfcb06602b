//! Bytes to file structs: the size limit, binary and UTF-8 checks, the RON parse
//! with its options, and syntax errors turned into positioned, quoted messages.

use std::path::Path;

use super::error::LoadError;
use super::format::FileDataset;
use super::split::Split;
use crate::diagnostic::{Diagnostic, Element, Position};

/// Files larger than this are refused unless the user raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 1024 * 1024 * 1024;

/// Deeper nesting than any real dataset needs; keeps hostile input off the stack.
const RECURSION_LIMIT: usize = 64;

/// From this size on, a file is parsed in pieces on every core (see [`super::split`]).
/// The fuzzer's inputs are small: it gets the pieces from a few hundred bytes.
#[cfg(not(fuzzing))]
const PARALLEL_FROM_BYTES: usize = 4 << 20;
#[cfg(fuzzing)]
const PARALLEL_FROM_BYTES: usize = 256;

/// Pieces this small keep few file structs alive at once while a large file
/// is checked and built as it parses, and still amortise each piece's parser
/// set-up; the fuzzer's are a few items each.
#[cfg(not(fuzzing))]
const PIECE_BYTES: usize = 256 << 10;
#[cfg(fuzzing)]
const PIECE_BYTES: usize = 64;

/// The options every RON read and write uses: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

fn position_of(bytes: &[u8], offset: usize) -> Position {
    let before = &bytes[..offset.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = 1 + String::from_utf8_lossy(&before[start..]).chars().count();
    Position { line, col }
}

/// The bytes as text, or why they are not text.
pub fn decode<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str, LoadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.to_path_buf(),
        position: position_of(bytes, e.valid_up_to()),
    })
}

/// Parses a whole file's text (without its byte-order mark) into the file
/// structs, at once; a syntax error is placed and quoted.
pub fn parse(path: &Path, text: &str) -> Result<FileDataset, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    match ron_options().from_str::<FileDataset>(text) {
        Ok(file) => Ok(file),
        Err(e) => {
            let mut position = Position {
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
            };
            let line = text
                .lines()
                .nth(position.line - 1)
                .unwrap_or("")
                .to_string();
            // RON reports the cursor before the whitespace; point at the token itself.
            let blanks = line
                .chars()
                .skip(position.col - 1)
                .take_while(|c| c.is_whitespace())
                .count();
            if line.chars().count() > position.col - 1 + blanks {
                position.col += blanks;
            }
            let hint = hint(&e.code, text, &line).to_string();
            Err(LoadError::Syntax {
                path: path.to_path_buf(),
                position,
                message: describe(&e.code),
                line,
                hint,
            })
        }
    }
}

/// The text without its byte-order mark, if any, and the warning about it.
pub fn strip_bom(text: &str) -> (&str, Vec<Diagnostic>) {
    match text.strip_prefix('\u{FEFF}') {
        Some(rest) => {
            let warning = Diagnostic::warning(
                "byte-order-mark",
                Element::At(Position { line: 1, col: 1 }),
                "the file starts with a byte-order mark (U+FEFF); it was ignored".to_string(),
                "save the file as UTF-8 without a BOM",
            );
            (rest, vec![warning])
        }
        None => (text, Vec::new()),
    }
}

/// A large file (without its byte-order mark) cut to be parsed in pieces on
/// every core (see [`super::split`]); `None` for a small file, one core, or
/// anything the cutting is unsure of.
pub fn split_large(text: &str) -> Option<Split<'_>> {
    // The length first: asking for the thread count starts the thread pool.
    if text.len() < PARALLEL_FROM_BYTES || rayon::current_num_threads() < 2 {
        return None;
    }
    // A piece sits one level less deep than in the whole file. The head is held
    // to the same limit: one level stricter than needed, which at worst sends a
    // file to the whole-file parse.
    let options = ron_options().with_recursion_limit(RECURSION_LIMIT - 1);
    Split::new(text, &options, PIECE_BYTES)
}

fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::ExceededRecursionLimit => {
            format!("the file nests brackets deeper than {RECURSION_LIMIT} levels")
        }
        E::Eof => "the file ends in the middle of a value".to_string(),
        other => {
            // Speak of the file's words, not of our struct names.
            let mut s = other.to_string();
            for (inner, word) in [
                ("`FileDataset`", "the dataset"),
                ("`FileEntity`", "an entity"),
                ("`FileRelation`", "a relation"),
                ("`FileSource`", "a source"),
                ("`FileFact`", "a fact"),
                ("`FileDate`", "a date"),
                ("`FileKind`", "kind"),
                ("`FileCertainty`", "certainty"),
                ("`FileInferred`", "an inferred part"),
                ("`FilePart`", "part"),
            ] {
                s = s.replace(inner, word);
            }
            let mut c = s.chars();
            c.next()
                .map_or(s.clone(), |f| f.to_lowercase().chain(c).collect())
        }
    }
}

/// Whether a line has a string that never closes (an odd count of unescaped quotes).
fn open_quote(line: &str) -> bool {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count % 2 == 1
}

fn hint(code: &ron::Error, text: &str, line: &str) -> &'static str {
    use ron::Error as E;
    if open_quote(line) {
        return "a string on this line seems to miss its closing double quote";
    }
    if text.trim_start().starts_with('{') {
        return "this looks like JSON: a RON dataset is a tuple (sources: [...], entities: [...], relations: [...]); see docs/dataset-format.md";
    }
    match code {
        E::Eof => "a closing ) or ] or a closing quote is missing",
        E::ExpectedStringEnd => "a string is missing its closing double quote",
        E::InvalidEscape(_) => {
            "inside strings use \\\\ for a backslash and \\\" for a quote; \\u{...} for other characters"
        }
        E::ExpectedString => "text goes in double quotes, e.g. name: \"Biowin\"",
        E::NoSuchStructField { .. } => {
            "remove the field or correct its spelling; docs/dataset-format.md lists every field"
        }
        E::MissingStructField { .. } => {
            "add the field; docs/dataset-format.md lists the required ones"
        }
        E::NoSuchEnumVariant { .. } => "use one of the names listed",
        E::DuplicateStructField { .. } => "give each field once",
        E::ExceededRecursionLimit => "real datasets nest a few levels; check for runaway brackets",
        E::IntegerOutOfBounds | E::ExpectedInteger | E::ExpectedFloat => {
            "numbers in facts are written as text: value: \"208\""
        }
        _ => "see docs/dataset-format.md for the format",
    }
}

/// Writes file structs back as pretty RON (for `gen` and exports).
pub fn to_ron(file: &FileDataset) -> Result<String, ron::Error> {
    // Depth 2 puts each source, entity and relation on one line: readable, and far
    // smaller than fully indented output, which matters at 100,000 entities.
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("  ".to_string())
        .depth_limit(2);
    ron_options().to_string_pretty(file, pretty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(Path::new("d.ron"), text).unwrap_err().to_string()
    }

    #[test]
    fn a_syntax_error_quotes_the_line_with_a_caret() {
        let msg = err("(\n  title: 42,\n)");
        assert!(msg.starts_with("error: d.ron:2:10: "), "{msg}");
        assert!(msg.contains(" 2 |   title: 42,\n   |          ^"), "{msg}");
        assert!(msg.contains("hint: text goes in double quotes"), "{msg}");
    }

    #[test]
    fn options_may_be_written_without_some() {
        let file = parse(
            Path::new("d.ron"),
            "(sources: [(id: \"s\", title: \"t\", url: \"u\")])",
        )
        .unwrap();
        assert_eq!(file.sources[0].url.as_deref(), Some("u"));
    }

    #[test]
    fn binary_and_non_utf8_input_are_named_as_such() {
        let bin = decode(Path::new("d.ron"), b"(\x00\x01)")
            .unwrap_err()
            .to_string();
        assert!(bin.contains("binary file"), "{bin}");
        let latin1 = decode(Path::new("d.ron"), b"(\ntitle: \"Lyonbiop\xf4le\")")
            .unwrap_err()
            .to_string();
        assert!(
            latin1.starts_with("error: d.ron:2:17: the file is not valid UTF-8"),
            "{latin1}"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!(
            "(entities: [{}{}])",
            "(".repeat(100_000),
            ")".repeat(100_000)
        );
        assert!(err(&deep).starts_with("error: d.ron:1:"), "{}", err(&deep));
        let untyped = format!("(title: {}{})", "[".repeat(100_000), "]".repeat(100_000));
        assert!(err(&untyped).contains("expected string"));
    }

    #[test]
    fn a_byte_order_mark_is_ignored_with_a_warning() {
        let (body, warnings) = strip_bom("\u{FEFF}()");
        assert_eq!(body, "()");
        assert_eq!(warnings[0].rule, "byte-order-mark");
        assert_eq!(warnings[0].position, Some(Position { line: 1, col: 1 }));
    }
}
