//! The RON file format, field for field. These structs are what a dataset file
//! holds before any checking: ids are strings, dates are text, types are names.
//! `deny_unknown_fields` turns a misspelt field into an error with its position.

use serde::{Deserialize, Serialize};

use crate::model::{Certainty, Kind, Part};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FileDataset {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub sources: Vec<FileSource>,
    #[serde(default)]
    pub entities: Vec<FileEntity>,
    #[serde(default)]
    pub relations: Vec<FileRelation>,
    /// Groups of words search treats as equal: `[["oncology", "cancérologie"]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FileSource {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub about: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum FileKind {
    Cluster,
    Alliance,
    Event,
    Organisation,
    Person,
    Project,
    Place,
}

impl From<FileKind> for Kind {
    fn from(k: FileKind) -> Kind {
        match k {
            FileKind::Cluster => Kind::Cluster,
            FileKind::Alliance => Kind::Alliance,
            FileKind::Event => Kind::Event,
            FileKind::Organisation => Kind::Organisation,
            FileKind::Person => Kind::Person,
            FileKind::Project => Kind::Project,
            FileKind::Place => Kind::Place,
        }
    }
}

impl From<Kind> for FileKind {
    fn from(k: Kind) -> FileKind {
        match k {
            Kind::Cluster => FileKind::Cluster,
            Kind::Alliance => FileKind::Alliance,
            Kind::Event => FileKind::Event,
            Kind::Organisation => FileKind::Organisation,
            Kind::Person => FileKind::Person,
            Kind::Project => FileKind::Project,
            Kind::Place => FileKind::Place,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
pub enum FileCertainty {
    #[default]
    Stated,
    Inferred,
}

impl From<FileCertainty> for Certainty {
    fn from(c: FileCertainty) -> Certainty {
        match c {
            FileCertainty::Stated => Certainty::Stated,
            FileCertainty::Inferred => Certainty::Inferred,
        }
    }
}

fn is_stated(c: &FileCertainty) -> bool {
    *c == FileCertainty::Stated
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntity {
    pub id: String,
    pub kind: FileKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FileFact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<FileDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "is_stated")]
    pub certainty: FileCertainty,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<FileInferred>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `(part: Tag("medical technologies"), why: "...")`: a part of a stated entity
/// that the sources only imply.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileInferred {
    pub part: FilePart,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum FilePart {
    Kind,
    Description,
    Alias(String),
    Tag(String),
}

impl From<FilePart> for Part {
    fn from(p: FilePart) -> Part {
        match p {
            FilePart::Kind => Part::Kind,
            FilePart::Description => Part::Description,
            FilePart::Alias(a) => Part::Alias(a),
            FilePart::Tag(t) => Part::Tag(t),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileFact {
    pub label: String,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "is_stated")]
    pub certainty: FileCertainty,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileDate {
    pub label: String,
    pub when: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FileRelation {
    pub from: String,
    pub rel: String,
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "is_stated")]
    pub certainty: FileCertainty,
    #[serde(default)]
    pub sources: Vec<String>,
}
