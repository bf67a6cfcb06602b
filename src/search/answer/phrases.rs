//! The plain words people use for a relation or a fact, in English and French:
//! one table, one row per meaning. "coordinator", "coordinates", "coordinated
//! by" and "coordonné par" all ask for the `coordinates` relation, whichever
//! way it points from the entity asked about. Every relation type's own two
//! labels are phrases too, without a row here.

use crate::model::{Kind, RelationType};

/// One sense a label phrase may have: the phrases that ask for it, and what answers it.
pub struct Sense {
    /// Folded phrases (accents off, lowercase), one to three words.
    pub phrases: &'static [&'static str],
    /// Relation types that answer it, by name, read either way.
    pub relations: &'static [&'static str],
    /// Relations of any type to an entity of this kind answer it too.
    pub other_kind: Option<Kind>,
    /// Words that, in a fact's label, make the fact answer it.
    pub fact_words: &'static [&'static str],
    /// The entity's dates answer it.
    pub dates: bool,
    /// The documents the entity is known from answer it.
    pub sources: bool,
}

const fn row(
    phrases: &'static [&'static str],
    relations: &'static [&'static str],
    fact_words: &'static [&'static str],
) -> Sense {
    Sense {
        phrases,
        relations,
        other_kind: None,
        fact_words,
        dates: false,
        sources: false,
    }
}

#[rustfmt::skip]
pub static ROWS: &[Sense] = &[
    row(&["coordinator", "coordinators", "coordinates", "coordinate", "coordinated", "coordinated by", "coordination", "coordinating", "lead", "leads", "leader", "led by", "coordinateur", "coordinatrice", "coordonne", "coordonnee", "coordonne par", "pilote", "runs", "run by", "in charge", "responsable", "anime", "animateur", "animatrice"],
        &["coordinates"], &[]),
    row(&["members", "member", "member of", "membership", "membres", "membre", "adherents"],
        &["member_of", "founding_member_of", "board_member_of"], &["members", "member"]),
    row(&["founders", "founder", "founding members", "founding member", "founding", "founded", "fondateurs", "fondateur", "membres fondateurs", "fonde"],
        &["founding_member_of"], &["founding", "founded", "founder"]),
    row(&["board", "board members", "board member"],
        &["board_member_of"], &["board"]),
    row(&["partners", "partner", "partner of", "partner in", "partenaires", "partenaire", "cooperation", "cooperates", "cooperates with", "allies"],
        &["partner_of", "cooperates_with"], &["partners", "partner"]),
    // A European project is paid through its programme, by the agency that
    // selected it: asked who funds it, those answer too, under their own labels.
    row(&["funder", "funders", "funded by", "funding", "funds", "fund", "financed", "financer", "financers", "co funded", "cofunded", "sponsor", "sponsors", "financeur", "financeurs", "financement", "finance par", "budget", "money", "montant"],
        &["funded_by", "under_programme", "selected_by"], &["funding", "funded", "financed", "budget"]),
    row(&["markets", "market", "target markets", "target market", "targets", "target", "marches", "marche", "marches cibles"],
        &["targets_market"], &["market", "markets"]),
    row(&["president", "chair", "chairman", "chairwoman", "head", "headed by", "presidente", "preside", "presides", "presided"],
        &["president_of"], &["president"]),
    row(&["where", "location", "located", "located in", "place", "city", "country", "region", "based", "based in", "ou", "lieu", "situe"],
        &["located_in"], &["region", "place", "location", "city"]),
    row(&["organiser", "organizer", "organisers", "organizers", "organised by", "organized by", "organisateur", "organisateurs", "organise par"],
        &["organised_by"], &[]),
    row(&["speakers", "speaker", "spoke", "talks", "intervenants", "orateurs"],
        &["spoke_at"], &[]),
    row(&["programme", "program", "framework"],
        &["under_programme"], &[]),
    row(&["certified", "certification", "certified by", "label", "labels", "labelled", "labeled", "labellise"],
        &["certified_by", "labelled_by"], &["label"]),
    row(&["selected", "selection", "selected by", "chosen"],
        &["selected_by"], &["selection"]),
    row(&["supported", "support", "supports", "supported by", "soutien", "soutenu"],
        &["supported"], &["support"]),
    row(&["employer", "employs", "employees", "staff", "works for", "work", "works", "working", "job", "team", "equipe", "travaille"],
        &["works_for"], &["employees", "staff"]),
    row(&["successor", "predecessor", "continues", "continued by", "follow up"],
        &["continues"], &[]),
    row(&["parts", "part of", "includes", "contains"],
        &["part_of"], &[]),
    Sense { phrases: &["when", "date", "dates", "held", "period", "year", "quand", "start", "started", "starts", "start date", "begin", "began", "beginning", "end", "ended", "ends", "end date", "launch", "launched", "since", "long", "duration", "debut", "fin", "lancement", "lance", "depuis", "duree"], relations: &[], other_kind: None, fact_words: &["since", "started", "launched", "announced", "date", "duration", "duree"], dates: true, sources: false },
    Sense { phrases: &["who", "people", "persons", "qui", "personnes"], relations: &["president_of"], other_kind: Some(Kind::Person), fact_words: &["president"], dates: false, sources: false },
    Sense { phrases: &["projects", "project", "projets", "projet"], relations: &[], other_kind: Some(Kind::Project), fact_words: &["projects", "project"], dates: false, sources: false },
    Sense { phrases: &["events", "event", "evenements"], relations: &[], other_kind: Some(Kind::Event), fact_words: &[], dates: false, sources: false },
    Sense { phrases: &["know", "known", "known from", "source", "sources", "sourced", "provenance", "evidence", "proof", "cited", "cited by", "citation", "citations", "according", "according to", "document", "documents", "connait", "sait", "savons", "selon", "preuve", "preuves", "cite", "cite par"], relations: &[], other_kind: None, fact_words: &[], dates: false, sources: true },
];

/// Question words that are a label on their own ("where is X"), and may
/// also stand before another label ("who coordinates X"). Any other label
/// among the small words a question opens with is one too ("how do we know
/// X").
pub const QUESTION_WORDS: &[&str] = &["who", "where", "when", "qui", "ou", "quand"];

/// What a label phrase asks for: the table's rows for it, and the relation
/// types whose own label it is.
pub struct Meaning {
    pub rows: Vec<&'static Sense>,
    pub relations: Vec<RelationType>,
}

impl Meaning {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.relations.is_empty()
    }
}

/// What a folded phrase asks for (empty when it is no label phrase).
pub fn meaning(phrase: &str) -> Meaning {
    let rows = ROWS
        .iter()
        .filter(|r| r.phrases.contains(&phrase))
        .collect();
    let relations = RelationType::all()
        .filter(|t| {
            let fold = |l: &str| crate::search::fold::fold_str(l);
            fold(t.forward()) == phrase || fold(t.inverse()) == phrase
        })
        .collect();
    Meaning { rows, relations }
}

/// The label phrase a one-word phrase is a typo of, when it is none itself:
/// `presidnet`, `coordinater`, `coordone`. Words of six letters or more, the
/// first letter right, one edit away (two from nine letters on, a swap of
/// two letters counting one), so that names are not read as labels.
pub fn near(word: &str) -> Option<String> {
    let len = word.chars().count();
    if len < 6 || word.contains(' ') || !meaning(word).is_empty() {
        return None;
    }
    let most = if len >= 9 { 2 } else { 1 };
    let first = word.chars().next();
    let labels = RelationType::all()
        .flat_map(|t| [t.forward(), t.inverse()])
        .map(crate::search::fold::fold_str);
    let table = ROWS
        .iter()
        .flat_map(|r| r.phrases.iter().map(|p| p.to_string()));
    (table.chain(labels))
        .filter(|p| !p.contains(' ') && p.chars().next() == first)
        .map(|p| (strsim::osa_distance(word, &p), p))
        .filter(|(d, _)| *d <= most)
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| p)
}

/// The longest phrase of the table (in words).
pub const LONGEST: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::fold_str;

    /// The plain words each ask for what a reader expects.
    #[test]
    fn plain_words_ask_for_their_relation_both_ways_and_in_french() {
        let asks = |phrase: &str, rel: &str| {
            let m = meaning(phrase);
            let t = RelationType::parse(rel).expect("a type");
            m.relations.contains(&t) || m.rows.iter().any(|r| r.relations.contains(&rel))
        };
        for (phrase, rel) in [
            ("coordinator", "coordinates"),
            ("coordinates", "coordinates"),
            ("coordinated by", "coordinates"),
            ("coordonne par", "coordinates"),
            ("members", "member_of"),
            ("member of", "member_of"),
            ("partners", "partner_of"),
            ("partenaires", "partner_of"),
            ("funder", "funded_by"),
            ("funds", "funded_by"),
            ("markets", "targets_market"),
            ("target market of", "targets_market"),
            ("president", "president_of"),
            ("preside", "president_of"),
            ("founded", "founding_member_of"),
            ("founding members", "founding_member_of"),
            ("where", "located_in"),
            ("ou", "located_in"),
            ("who", "president_of"),
            ("speaker", "spoke_at"),
        ] {
            assert!(asks(phrase, rel), "{phrase} should ask for {rel}");
        }
        assert!(meaning("when").rows.iter().any(|r| r.dates));
        assert!(meaning("quand").rows.iter().any(|r| r.dates));
        assert_eq!(meaning("who").rows[0].other_kind, Some(Kind::Person));
        assert!(meaning("lyonbiopole").is_empty());
    }

    /// A label typed with a typo is read as the label; a name near one is not.
    #[test]
    fn a_label_with_a_typo_is_near_it_and_a_name_is_near_none() {
        assert_eq!(near("presidnet").as_deref(), Some("president"));
        assert_eq!(near("coordone").as_deref(), Some("coordonne"));
        assert_eq!(near("coordinatior").as_deref(), Some("coordinator"));
        assert!(near("coordinater").is_some_and(|p| !meaning(&p).is_empty()));
        for name in [
            "flanders",
            "medicen",
            "regional",
            "biowin",
            "france",
            "lyonbiopole",
        ] {
            assert_eq!(near(name), None, "{name}");
        }
        // A label typed right is no typo of another.
        assert_eq!(near("president"), None);
    }

    /// Phrases are written folded (as queries are) and no longer than
    /// [`LONGEST`] words, or no query could ever ask for them.
    #[test]
    fn phrases_are_folded_and_short() {
        for row in ROWS {
            for p in row.phrases {
                assert_eq!(fold_str(p), *p, "{p} is not folded");
                assert!(p.split(' ').count() <= LONGEST, "{p} is too long");
            }
            for rel in row.relations {
                assert!(RelationType::parse(rel).is_some(), "{rel} is no type");
            }
        }
        for t in RelationType::all() {
            for label in [t.forward(), t.inverse()] {
                assert!(fold_str(label).split(' ').count() <= LONGEST, "{label}");
            }
        }
    }
}
