//! Reading and writing the user's RON files field by field, so that a field this
//! version does not know (written by a newer clusterdex) is kept as it was
//! written rather than dropped at the next save. Serde's `flatten` does not work
//! with RON, and `ron::Value` loses enum names, so unknown fields are held as
//! their raw text (`ron::value::RawValue`) and written back verbatim.

use std::fmt::Write as _;

use ron::value::RawValue;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};

/// The fields of one RON struct, in file order, each as its raw text.
#[derive(Debug, Default)]
pub struct Fields {
    list: Vec<(String, Box<RawValue>)>,
    /// Where these fields are, for messages ("note 3").
    context: String,
}

/// Fields this version does not know, kept to be written back as they were.
pub type Unknown = Vec<(String, Box<RawValue>)>;

impl<'de> de::Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a struct in parentheses, `(name: value, ...)`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut list = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    list.push((name, map.next_value::<Box<RawValue>>()?));
                }
                Ok(Fields {
                    list,
                    context: String::new(),
                })
            }
        }
        d.deserialize_struct("", &[], FieldsVisitor)
    }
}

/// A RON error as `line:col: what`, the way messages quote positions.
pub fn describe(e: &ron::error::SpannedError) -> String {
    format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code)
}

impl Fields {
    /// The top-level struct of a file.
    pub fn parse(text: &str) -> Result<Fields, String> {
        ron::from_str::<Fields>(text).map_err(|e| describe(&e))
    }

    /// A nested struct (an element of a list), named in messages by `context`.
    pub fn of(raw: &RawValue, context: String) -> Result<Fields, String> {
        let mut fields: Fields = raw
            .into_rust()
            .map_err(|e| format!("{context}: {}", e.code))?;
        fields.context = context;
        Ok(fields)
    }

    /// Takes a field out, typed; absent is `None`, a wrong type an error naming it.
    pub fn take<T: DeserializeOwned>(&mut self, name: &str) -> Result<Option<T>, String> {
        let Some(i) = self.list.iter().position(|(n, _)| n == name) else {
            return Ok(None);
        };
        let (_, raw) = self.list.remove(i);
        raw.into_rust()
            .map(Some)
            .map_err(|e| self.wrong(name, &e.code))
    }

    /// Takes a field that must be there.
    pub fn require<T: DeserializeOwned>(&mut self, name: &str) -> Result<T, String> {
        match self.take(name)? {
            Some(v) => Ok(v),
            None => Err(self.prefixed(&format!("the field `{name}` is missing"))),
        }
    }

    /// Takes a field's raw text out (for values read by hand, such as lists).
    pub fn take_raw(&mut self, name: &str) -> Option<Box<RawValue>> {
        let i = self.list.iter().position(|(n, _)| n == name)?;
        Some(self.list.remove(i).1)
    }

    /// A timestamp written as RFC 3339 text.
    pub fn take_time(&mut self, name: &str) -> Result<Option<jiff::Timestamp>, String> {
        match self.take::<String>(name)? {
            None => Ok(None),
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|e| self.wrong(name, &format!("{text:?} is not a time: {e}"))),
        }
    }

    /// What is left: the fields this version does not know.
    pub fn unknown(self) -> Unknown {
        self.list
    }

    pub fn wrong(&self, name: &str, what: &dyn std::fmt::Display) -> String {
        self.prefixed(&format!("the field `{name}`: {what}"))
    }

    fn prefixed(&self, message: &str) -> String {
        if self.context.is_empty() {
            message.to_string()
        } else {
            format!("{}: {message}", self.context)
        }
    }
}

/// A value as RON text (strings quoted and escaped by ron itself).
pub fn value(v: &impl serde::Serialize) -> String {
    // Serialising plain strings, numbers and options cannot fail; a failure
    // would be a bug, and the unit value keeps the file parseable regardless.
    ron::to_string(v).unwrap_or_else(|_| "()".to_string())
}

/// Builds the text of a struct, one field a line, indented for its depth.
pub struct StructText {
    depth: usize,
    out: String,
}

impl StructText {
    pub fn new(depth: usize) -> StructText {
        StructText {
            depth,
            out: "(\n".to_string(),
        }
    }

    /// A field whose value is already RON text.
    pub fn field(mut self, name: &str, text: &str) -> StructText {
        let pad = "    ".repeat(self.depth + 1);
        let _ = writeln!(self.out, "{pad}{}: {text},", identifier(name));
        self
    }

    /// The unknown fields, as they were written.
    pub fn unknown(mut self, fields: &Unknown) -> StructText {
        for (name, raw) in fields {
            self = self.field(name, raw.get_ron().trim());
        }
        self
    }

    pub fn finish(mut self) -> String {
        self.out.push_str(&"    ".repeat(self.depth));
        self.out.push(')');
        self.out
    }
}

/// A list of items already in RON text, one a line.
pub fn list_text(items: &[String], depth: usize) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let pad = "    ".repeat(depth + 1);
    let mut out = "[\n".to_string();
    for item in items {
        let _ = writeln!(out, "{pad}{item},");
    }
    out.push_str(&"    ".repeat(depth));
    out.push(']');
    out
}

/// A field name as RON needs it: plain when it can be, `r#name` otherwise.
fn identifier(name: &str) -> String {
    let mut chars = name.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        name.to_string()
    } else {
        format!("r#{name}")
    }
}

/// The elements of a list, each as raw text.
pub fn list_items(raw: &RawValue, context: &str) -> Result<Vec<Box<RawValue>>, String> {
    raw.into_rust()
        .map_err(|e| format!("the field `{context}`: {}", e.code))
}
