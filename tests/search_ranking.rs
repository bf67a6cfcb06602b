//! What users type in meetings, and the entity that must come first. Written
//! from the five source documents: accent-free, partial, misspelt, multi-word,
//! acronyms, scoped, negated and OR queries against the built-in dataset.

use clusterdex::load::{DataSource, load};
use clusterdex::search::{Index, Query};

const CASES: &[(&str, &str)] = &[
    // accent-free and case-free
    ("lyonbiopole", "lyonbiopole"),
    ("LYONBIOPOLE", "lyonbiopole"),
    ("accio", "accio"),
    ("rhone alpes", "auvergne_rhone_alpes"),
    ("cancer bio sante", "cancer_bio_sante"),
    ("canceropole", "clara"),
    ("biomerieux", "biomerieux"),
    ("merieux foundation", "merieux_foundation"),
    ("gerard weil", "gerard_weil"),
    // partial words
    ("lyon bio", "lyonbiopole"),
    ("medicen", "medicen_paris_region"),
    ("nutrition", "nutrition_health_longevity"),
    ("life science", "life_science_nord"),
    ("flanders innov", "flanders_innovation_entrepreneurship"),
    ("pers health study", "personalised_health_study"),
    ("rinascimento", "rinascimento_2014"),
    ("techdays 2015", "health_techdays_2015"),
    ("creativity", "health2care_creativity_workshop"),
    ("4 motors", "four_motors_for_europe"),
    // misspelt
    ("minalogik", "minalogic"),
    ("medika 2015", "medica_2015"),
    ("boehringer", "boehringer_ingelheim_animal_health"),
    ("biowni", "biowin"),
    ("plastipols", "plastipolis"),
    ("archinar", "philippe_archinard"),
    ("histroam", "historam"),
    // multi-word and other spellings
    ("medtec aliance", "european_medtech_alliance"),
    ("council bio regions", "cebr"),
    ("bioxclusters plus", "bioxclusters_plus"),
    ("bioxcluster+", "bioxclusters_plus"),
    ("h2care", "health2care"),
    ("HEALTH2CARE", "health2care"),
    ("four motors for europe", "four_motors_for_europe"),
    ("brazil", "brazil"),
    ("united states", "usa"),
    ("raman imaging", "historam_microscope"),
    ("voice patch", "voicepatch"),
    // acronyms
    ("magia", "magia"),
    ("cebr", "cebr"),
    ("eccp", "eccp"),
    ("afpc", "afpc"),
    ("easme", "easme"),
    ("cosme", "cosme"),
    ("dg grow", "dg_grow"),
    ("emi", "emi"),
    ("bd", "bd"),
    ("cea", "cea"),
    ("ec", "european_commission"),
    // scoped
    ("kind:event medica", "medica_2015"),
    ("kind:person seel", "lucia_seel"),
    ("kind:place lyon", "lyon"),
    ("in:italy kind:cluster", "biopmed"),
    ("in:belgium", "biowin"),
    ("in:germany kind:cluster", "life_science_nord"),
    ("year:2012 kind:cluster", "lyonbiopole"),
    ("tag:orthopaedics", "voicepatch"),
    ("kind:organisation catalan", "accio"),
    // negated, exact, prefix, suffix, OR
    ("kind:cluster in:italy !biowin", "biopmed"),
    (
        "health2care !forum !conference !calls !directory",
        "health2care",
    ),
    ("'gold label kind:cluster", "lyonbiopole"),
    ("^nano", "nano4health"),
    ("2015$ kind:event !medica", "health_techdays_2015"),
    ("^lyon$", "lyon"),
    (
        "life science nord | biowin kind:cluster in:germany",
        "life_science_nord",
    ),
];

#[test]
fn every_query_ranks_its_entity_first() {
    let loaded =
        load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("built-in loads");
    let ds = &loaded.dataset;
    let index = Index::new(ds);
    let mut wrong = Vec::new();
    for (query, expected) in CASES {
        let q = Query::parse(query).unwrap_or_else(|e| panic!("{query:?}: {e}"));
        let hits = index
            .search_top(&q, 3)
            .unwrap_or_else(|e| panic!("{query:?}: {e}"));
        let got: Vec<&str> = hits
            .iter()
            .map(|h| ds.entity(h.entity).id.as_str())
            .collect();
        if got.first() != Some(expected) {
            wrong.push(format!("{query:?}: expected {expected}, got {got:?}"));
        }
    }
    assert!(CASES.len() >= 40);
    assert!(
        wrong.is_empty(),
        "{} of {} queries ranked wrong:\n{}",
        wrong.len(),
        CASES.len(),
        wrong.join("\n")
    );
}

#[test]
fn highlights_cover_the_typed_letters_in_the_original_name() {
    let loaded =
        load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("built-in loads");
    let index = Index::new(&loaded.dataset);
    let hit = &index
        .search_top(&Query::parse("lyonbiopole").unwrap(), 1)
        .unwrap()[0];
    assert_eq!(hit.field, clusterdex::search::Field::Name);
    assert_eq!(
        hit.indices,
        (0..11).collect::<Vec<_>>(),
        "every char of Lyonbiopôle, ô included"
    );
}
