//! Entity kinds and their finer sub-kinds: the vocabulary that panes, scopes
//! (`kind:event`) and relation-type checks all agree on.

use std::fmt;
use std::str::FromStr;

/// What an entity is. The order is the order of the explorer's tabs and of counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Kind {
    Cluster,
    Alliance,
    Event,
    Organisation,
    Person,
    Project,
    Place,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Cluster,
        Kind::Alliance,
        Kind::Event,
        Kind::Organisation,
        Kind::Person,
        Kind::Project,
        Kind::Place,
    ];

    /// The lowercase word used in files, scopes and CLI flags.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cluster => "cluster",
            Kind::Alliance => "alliance",
            Kind::Event => "event",
            Kind::Organisation => "organisation",
            Kind::Person => "person",
            Kind::Project => "project",
            Kind::Place => "place",
        }
    }

    /// Plural for counts ("16 clusters").
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Cluster => "clusters",
            Kind::Alliance => "alliances",
            Kind::Event => "events",
            Kind::Organisation => "organisations",
            Kind::Person => "people",
            Kind::Project => "projects",
            Kind::Place => "places",
        }
    }

    /// The finer categories a dataset may give in `subkind`.
    pub fn subkinds(self) -> &'static [&'static str] {
        match self {
            Kind::Cluster => &["competitiveness cluster", "cluster", "canceropole"],
            Kind::Alliance => &[
                "network",
                "partnership",
                "consortium",
                "eu project",
                "programme",
                "platform",
                "cooperation",
            ],
            Kind::Event => &[
                "conference",
                "fair",
                "forum",
                "call",
                "session",
                "workshop",
                "announcement",
            ],
            Kind::Organisation => &[
                "company",
                "start-up",
                "agency",
                "authority",
                "funder",
                "university",
                "foundation",
                "research body",
                "programme",
                "policy",
                "consultancy",
                "association",
                "body",
            ],
            Kind::Person => &["person"],
            Kind::Project => &[
                "product",
                "study",
                "directory",
                "instrument",
                "model",
                "plan",
            ],
            Kind::Place => &["city", "region", "country", "continent", "market"],
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The word given was not a kind; carries the list of valid words for the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind {given:?}; valid kinds: {}", Kind::ALL.map(Kind::as_str).join(", "))]
pub struct UnknownKind {
    pub given: String,
}

impl FromStr for Kind {
    type Err = UnknownKind;

    /// Accepts the singular, the plural and the American "organization".
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_lowercase();
        let word = match lower.as_str() {
            "organization" | "organizations" | "org" | "orgs" => "organisation",
            "people" => "person",
            other => other,
        };
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == word || k.plural() == word)
            .ok_or(UnknownKind {
                given: s.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_singular_plural_and_us_spelling() {
        assert_eq!("Cluster".parse::<Kind>(), Ok(Kind::Cluster));
        assert_eq!("events".parse::<Kind>(), Ok(Kind::Event));
        assert_eq!("organization".parse::<Kind>(), Ok(Kind::Organisation));
        assert_eq!("people".parse::<Kind>(), Ok(Kind::Person));
    }

    #[test]
    fn unknown_kind_lists_the_valid_ones() {
        let err = "company".parse::<Kind>().unwrap_err();
        assert!(err.to_string().contains("cluster, alliance, event"));
    }
}
