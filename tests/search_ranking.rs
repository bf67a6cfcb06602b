//! What users type in meetings, and the entity (or answer) that must come
//! first, against the built-in dataset. Written from the five source
//! documents and from how people type, in English and French: accent-free,
//! partial, with hyphens and dots, run together or split, initials, typos,
//! French and local names, synonyms, questions, scopes and operators. One
//! test per category, so a failure says which kind of query broke.

use std::sync::OnceLock;

use clusterdex::load::{DataSource, load};
use clusterdex::model::Dataset;
use clusterdex::search::{Index, Query, answer};
use proptest::prelude::*;

fn data() -> &'static (Dataset, Index) {
    static D: OnceLock<(Dataset, Index)> = OnceLock::new();
    D.get_or_init(|| {
        let l = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES)
            .expect("built-in loads");
        let ix = Index::new(&l.dataset);
        (l.dataset, ix)
    })
}

/// The ids of the first hits of a query.
fn first_ids(query: &str) -> Vec<String> {
    let (ds, ix) = data();
    let q = Query::parse(query).unwrap_or_else(|e| panic!("{query:?}: {e}"));
    let hits = ix
        .search_top(&q, 3)
        .unwrap_or_else(|e| panic!("{query:?}: {e}"));
    hits.iter()
        .map(|h| ds.entity(h.entity).id.to_string())
        .collect()
}

/// Every query of a category ranks its entity first; all wrong ones reported.
fn check(category: &str, cases: &[(&str, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(query, expected)| {
            let got = first_ids(query);
            (got.first().map(String::as_str) != Some(expected))
                .then(|| format!("{query:?}: expected {expected}, got {got:?}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{category}: {} of {} queries ranked wrong:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

#[test]
fn accents_and_case() {
    check(
        "accents and case",
        &[
            ("lyonbiopole", "lyonbiopole"),
            ("LYONBIOPOLE", "lyonbiopole"),
            ("accio", "accio"),
            ("rhone alpes", "auvergne_rhone_alpes"),
            ("cancer bio sante", "cancer_bio_sante"),
            ("canceropole", "clara"),
            ("biomerieux", "biomerieux"),
            ("merieux foundation", "merieux_foundation"),
            ("gerard weil", "gerard_weil"),
            ("HEALTH2CARE", "health2care"),
            ("Lyonbiopôle", "lyonbiopole"),
        ],
    );
}

#[test]
fn partial_words() {
    check(
        "partial words",
        &[
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
            ("plastex", "plastextron"),
        ],
    );
}

#[test]
fn punctuation() {
    check(
        "punctuation",
        &[
            ("bio-merieux", "biomerieux"),
            ("flanders/dc", "flanders_dc"),
            ("health-techdays", "health_techdays_2014"),
            ("d.g. grow", "dg_grow"),
            ("cancer-bio-santé", "cancer_bio_sante"),
            ("auvergne-rhone-alpes", "auvergne_rhone_alpes"),
            ("i-care", "i_care"),
            ("health techdays' 2014", "health_techdays_2014"),
            ("life_science_nord", "life_science_nord"),
            (
                "flanders innovation & entrepreneurship",
                "flanders_innovation_entrepreneurship",
            ),
            ("r&d labelling", "gtech"),
            ("lyonbiopôle–clara", "lyonbiopole_clara_partnership"),
            ("lyonbiopole—clara", "lyonbiopole_clara_partnership"),
            ("clustercollaboration.eu", "eccp"),
            ("sanofi-pasteur", "sanofi_pasteur"),
            ("bioxcluster+", "bioxclusters_plus"),
            ("rhône_alpes", "auvergne_rhone_alpes"),
        ],
    );
}

#[test]
fn split_or_joined_words() {
    check(
        "split or joined words",
        &[
            ("flandersdc", "flanders_dc"),
            ("health2 care", "health2care"),
            ("bio valley", "alsace_biovalley"),
            ("lyon biopole", "lyonbiopole"),
            ("lifesciencenord", "life_science_nord"),
            ("eurobio med", "eurobiomed"),
            ("nano 4 health", "nano4health"),
            ("dspvalley", "dsp_valley"),
            ("bioxclustersplus", "bioxclusters_plus"),
            ("alsacebiovalley", "alsace_biovalley"),
            ("innovationvouchers", "innovation_vouchers"),
            ("voice patch", "voicepatch"),
            ("plas tex tron", "plastextron"),
            // A lone letter from inside a name's word, said as it is spelt.
            ("bio x clusters plus", "bioxclusters_plus"),
            ("bio x clusters", "bioxclusters"),
            ("bio-x-clusters", "bioxclusters"),
            ("bio x cluster plus", "bioxclusters_plus"),
            ("bio p med", "biopmed"),
            ("bio-p-med", "biopmed"),
        ],
    );
}

#[test]
fn initials() {
    check(
        "initials",
        &[
            ("cbs", "cancer_bio_sante"),
            ("fie", "flanders_innovation_entrepreneurship"),
            ("nhl", "nutrition_health_longevity"),
            ("lsn", "life_science_nord"),
            ("ecei", "european_cluster_excellence_initiative"),
            ("mpr", "medicen_paris_region"),
            ("fdc", "flanders_dc"),
            ("dgei", "dg_enterprise_industry"),
            ("lsic", "lucia_seel_international_consulting"),
            // An exact name or alias still comes before initials.
            ("cebr", "cebr"),
            ("eccp", "eccp"),
        ],
    );
}

#[test]
fn typos_not_hidden_by_scattered_letters() {
    check(
        "typos",
        &[
            ("minalogik", "minalogic"),
            ("medika 2015", "medica_2015"),
            ("boehringer", "boehringer_ingelheim_animal_health"),
            ("biowni", "biowin"),
            ("plastipols", "plastipolis"),
            ("archinar", "philippe_archinard"),
            ("histroam", "historam"),
            ("boehringer ingleheim", "boehringer_ingelheim_animal_health"),
            ("biomerieu", "biomerieux"),
            ("biomeriuex", "biomerieux"),
            ("archinrad", "philippe_archinard"),
            ("nutrition helth", "nutrition_health_longevity"),
            ("lyonbiopoel", "lyonbiopole"),
            ("minalgoic", "minalogic"),
            ("eurobiomde", "eurobiomed"),
            ("medicne", "medicen_paris_region"),
            ("emma vendrel", "emma_vendrell"),
            ("lieve aprs", "lieve_apers"),
            ("samy strolla", "samy_strola"),
            ("lucia seal", "lucia_seel"),
            ("nano4healht", "nano4health"),
            ("rinascimneto", "rinascimento_2014"),
            ("wallonai", "wallonia"),
            ("alberto pezi", "alberto_pezzi"),
            ("philipe archinard", "philippe_archinard"),
        ],
    );
}

#[test]
fn french_and_local_names() {
    check(
        "French and local names",
        &[
            ("Autriche", "austria"),
            ("Chine", "china"),
            ("États-Unis", "usa"),
            ("etats unis", "usa"),
            ("Corée du Sud", "south_korea"),
            ("coree du sud", "south_korea"),
            ("Basse-Autriche", "lower_austria"),
            ("Wallonie", "wallonia"),
            ("Conseil régional", "regional_council"),
            ("Allemagne", "germany"),
            ("Belgique", "belgium"),
            ("Italie", "italy"),
            ("Piémont", "piedmont"),
            ("Lombardie", "lombardy"),
            ("Catalogne", "catalonia"),
            ("Milano", "milan"),
            ("Niederösterreich", "lower_austria"),
            ("Danemark", "denmark"),
            ("Royaume-Uni", "united_kingdom"),
            ("Brésil", "brazil"),
            ("Japon", "japan"),
            ("Commission européenne", "european_commission"),
            ("Union européenne", "european_union"),
            ("regione lombardia", "region_of_lombardy"),
            // A place's other name beside the name of what is there.
            ("wallonie biowin", "biowin"),
            ("belgique biowin", "biowin"),
            ("italie biopmed", "biopmed"),
            ("biopmed piémont", "biopmed"),
            ("chèques innovation", "innovation_vouchers"),
            ("appel à projets", "innovation_vouchers_call_2015"),
            (
                "partenariat lyonbiopôle clara",
                "lyonbiopole_clara_partnership",
            ),
            ("pôle de compétitivité santé lyonbiopôle", "lyonbiopole"),
            ("association française des pôles de compétitivité", "afpc"),
            ("vlaio", "flanders_innovation_entrepreneurship"),
        ],
    );
}

#[test]
fn synonyms() {
    check(
        "synonyms",
        &[
            ("personalized health study", "personalised_health_study"),
            ("medtech internationalization", "magia"),
            ("orthopedics", "voicepatch"),
            ("orthopédie", "voicepatch"),
            ("imagerie", "historam_microscope"),
            ("histopathologie", "historam_microscope"),
            ("recherche clinique", "lyonbiopole_clara_partnership"),
            ("cancérologie formation", "lyonbiopole_clara_partnership"),
            ("oncologie clara", "clara"),
            ("santé", "cancer_bio_sante"),
            ("salon medica", "medica_2015"),
            ("vétérinaire", "lyonbiopole"),
            ("pme cosme", "cosme"),
        ],
    );
}

#[test]
fn acronyms_and_multi_word_names() {
    check(
        "acronyms and multi-word names",
        &[
            ("magia", "magia"),
            ("cebr", "cebr"),
            ("afpc", "afpc"),
            ("easme", "easme"),
            ("cosme", "cosme"),
            ("dg grow", "dg_grow"),
            ("emi", "emi"),
            ("bd", "bd"),
            ("cea", "cea"),
            ("ec", "european_commission"),
            ("medtec aliance", "european_medtech_alliance"),
            ("council bio regions", "cebr"),
            ("bioxclusters plus", "bioxclusters_plus"),
            ("h2care", "health2care"),
            ("four motors for europe", "four_motors_for_europe"),
            ("brazil", "brazil"),
            ("united states", "usa"),
            ("raman imaging", "historam_microscope"),
        ],
    );
}

#[test]
fn fact_and_relation_labels_as_text() {
    check(
        "labels",
        &[
            ("lyonbiopole founding members", "lyonbiopole"),
            ("health2care regional clusters", "health2care"),
            ("cebr subscription members", "cebr"),
            ("magia duration", "magia"),
            ("coordinated by kind:alliance", "health2care"),
            (
                "targets market china kind:alliance",
                "european_medtech_alliance",
            ),
            ("founding member of cebr", "cebr"),
        ],
    );
}

#[test]
fn scopes_and_operators() {
    check(
        "scopes and operators",
        &[
            ("kind:event medica", "medica_2015"),
            ("kind:person seel", "lucia_seel"),
            ("kind:place lyon", "lyon"),
            ("in:italy kind:cluster", "biopmed"),
            ("in:belgium", "biowin"),
            ("in:germany kind:cluster", "life_science_nord"),
            ("year:2012 kind:cluster", "lyonbiopole"),
            ("tag:orthopaedics", "voicepatch"),
            ("kind:organisation catalan", "accio"),
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
            ("in:rhône-alpes kind:cluster minalogic", "minalogic"),
            ("kind:person lyonbiopole", "philippe_archinard"),
        ],
    );
}

#[test]
fn plurals_and_nationalities() {
    check(
        "plurals and nationalities",
        &[
            ("clusters italiens", "biopmed"),
            ("cluster italien", "biopmed"),
            ("pôles belges", "biowin"),
            ("belgian clusters", "biowin"),
            ("german clusters", "life_science_nord"),
            ("agencies", "easme"),
            ("conferences lyon", "health2care_final_conference"),
            ("chinese market", "china"),
        ],
    );
}

#[test]
fn questions_said_aloud() {
    check(
        "questions said aloud",
        &[
            ("tell me about biowin", "biowin"),
            ("how do we know Biowin?", "biowin"),
            ("what do we know about magia", "magia"),
            ("info on magia", "magia"),
            ("any details on health2care forum?", "health2care_forum"),
            ("c'est quoi medicen ?", "medicen_paris_region"),
            ("qu'est-ce que Medicen", "medicen_paris_region"),
            ("c'est qui Philippe Archinard", "philippe_archinard"),
            ("parle-moi de lyonbiopôle", "lyonbiopole"),
            ("infos sur l'alliance magia", "magia"),
            ("que sait-on de Biowin ?", "biowin"),
            ("d'où vient biowin", "biowin"),
            ("qui était au salon medica", "medica_2015"),
        ],
    );
}

/// Questions: (query, entity asked about, label, what it points to or says).
const QUESTIONS: &[(&str, &str, &str, &str)] = &[
    (
        "bioxclusters plus coordinator",
        "bioxclusters_plus",
        "coordinated by",
        "lyonbiopole",
    ),
    (
        "who coordinates bioxclusters plus",
        "bioxclusters_plus",
        "coordinated by",
        "lyonbiopole",
    ),
    (
        "lyonbiopole president",
        "lyonbiopole",
        "president",
        "philippe_archinard",
    ),
    (
        "qui préside lyonbiopôle",
        "lyonbiopole",
        "president",
        "philippe_archinard",
    ),
    (
        "health2care forum when",
        "health2care_forum",
        "held",
        "23 September 2014",
    ),
    (
        "where is the health2care final conference",
        "health2care_final_conference",
        "located in",
        "lyon",
    ),
    (
        "health2care projects",
        "health2care",
        "supported",
        "voicepatch",
    ),
    (
        "lyonbiopole founding members",
        "lyonbiopole",
        "founding member",
        "sanofi_pasteur",
    ),
    ("magia coordinator", "magia", "coordinated by", "biopmed"),
    ("qui coordonne magia", "magia", "coordinated by", "biopmed"),
    (
        "who funds magia",
        "magia",
        "funded by",
        "european_commission",
    ),
    (
        "nano4health coordinator",
        "nano4health",
        "coordinated by",
        "flanders_innovation_entrepreneurship",
    ),
    (
        "health2care coordinator",
        "health2care",
        "coordinated by",
        "auvergne_rhone_alpes_region",
    ),
    (
        "who presented voicepatch",
        "voicepatch",
        "presented by",
        "gerard_weil",
    ),
    (
        "rinascimento organiser",
        "rinascimento_2014",
        "organised by",
        "region_of_lombardy",
    ),
    ("où est biowin", "biowin", "located in", "wallonia"),
    (
        "when was rinascimento",
        "rinascimento_2014",
        "held",
        "13 November 2014 – 14 November 2014",
    ),
    (
        "bioxclusters plus markets",
        "bioxclusters_plus",
        "targets market",
        "usa",
    ),
    (
        "health2care regional clusters",
        "health2care",
        "regional clusters",
        "4: i-Care, Lyonbiopôle, Minalogic, Plastipolis",
    ),
    (
        "who coordinates MAGIA again?",
        "magia",
        "coordinated by",
        "biopmed",
    ),
    (
        "qui coordonne MAGIA ?",
        "magia",
        "coordinated by",
        "biopmed",
    ),
    (
        "lyonbiopole presidnet",
        "lyonbiopole",
        "president",
        "philippe_archinard",
    ),
    ("qui coordone magia", "magia", "coordinated by", "biopmed"),
    ("magia coordinatior", "magia", "coordinated by", "biopmed"),
    ("how long is magia", "magia", "duration", "two years"),
    (
        "how much funding magia",
        "magia",
        "funded by",
        "european_commission",
    ),
    (
        "who runs health2care",
        "health2care",
        "coordinated by",
        "auvergne_rhone_alpes_region",
    ),
    (
        "qui anime health2care",
        "health2care",
        "coordinated by",
        "auvergne_rhone_alpes_region",
    ),
    (
        "where does lucia seel work",
        "lucia_seel",
        "works for",
        "lucia_seel_international_consulting",
    ),
    (
        "who funds bioxclusters plus",
        "bioxclusters_plus",
        "selected by",
        "easme",
    ),
    (
        "how do we know Biowin?",
        "biowin",
        "known from",
        "magia_announcement",
    ),
    (
        "comment on connaît biowin",
        "biowin",
        "known from",
        "magia_announcement",
    ),
    (
        "lyonbiopole sources",
        "lyonbiopole",
        "known from",
        "lyonbiopole_partners, magia_announcement, french_health_clusters_release, health2care_news, industrie_pharma_clara",
    ),
    (
        "lyonbiopole label",
        "lyonbiopole",
        "labelled by",
        "european_cluster_excellence_initiative",
    ),
];

/// A question puts its answer first: in `search --json` and the explorer,
/// answers come before every hit.
#[test]
fn questions_put_their_answer_first() {
    let (ds, ix) = data();
    let mut wrong = Vec::new();
    for &(query, entity, label, what) in QUESTIONS {
        let q = Query::parse(query).unwrap_or_else(|e| panic!("{query:?}: {e}"));
        let answers = answer::answers(ds, ix, &q);
        let got = answers.first().map(|a| {
            let first = match (&a.value, a.targets.first()) {
                (Some(v), _) => v.clone(),
                (None, Some(&t)) => ds.entity(t).id.to_string(),
                (None, None) => String::new(),
            };
            (ds.entity(a.entity).id.to_string(), a.label.clone(), first)
        });
        let want = (entity.to_string(), label.to_string(), what.to_string());
        if got.as_ref() != Some(&want) {
            wrong.push(format!("{query:?}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "questions: {} of {} answered wrong:\n{}",
        wrong.len(),
        QUESTIONS.len(),
        wrong.join("\n")
    );
}

#[test]
fn highlights_cover_the_typed_letters_in_the_original_name() {
    let (_, index) = data();
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

/// The ids of every hit of a query, in order.
fn all_ids(query: &str) -> Vec<String> {
    let (ds, ix) = data();
    let q = Query::parse(query).unwrap_or_else(|e| panic!("{query:?}: {e}"));
    (ix.search(&q)
        .unwrap_or_else(|e| panic!("{query:?}: {e}"))
        .iter())
    .map(|h| ds.entity(h.entity).id.to_string())
    .collect()
}

/// "Clusters in France" asks for the clusters located in France, not for
/// what is named with those words (the network of French clusters): the
/// same list as its scopes, in English and French, before and after.
#[test]
fn a_kind_in_a_place_lists_what_is_there() {
    let french = all_ids("kind:cluster in:france");
    assert!(french.len() >= 10 && french.contains(&"lyonbiopole".to_string()));
    for said in [
        "clusters in france",
        "french clusters",
        "les pôles en france",
        "Clusters in France?",
    ] {
        assert_eq!(all_ids(said), french, "{said}");
    }
    assert_eq!(all_ids("clusters in belgium"), ["biowin"]);
    assert_eq!(all_ids("events in lyon"), all_ids("kind:event in:lyon"));
    // A place's name half typed, or a kind with nothing there, is searched
    // as typed.
    let half = all_ids("clusters in fra");
    assert!(
        half.contains(&"french_health_clusters_network".to_string()),
        "{half:?}"
    );
    assert!(!all_ids("projects in europe").is_empty());
}

#[test]
fn a_kind_said_with_a_name() {
    check(
        "a kind said with a name",
        &[
            ("pole medicen", "medicen_paris_region"),
            ("le pôle medicen", "medicen_paris_region"),
            ("the biowin cluster", "biowin"),
            ("le pôle lyonbiopôle", "lyonbiopole"),
            ("alliance magia", "magia"),
            ("réseau cebr", "cebr"),
            ("pole bio p med", "biopmed"),
        ],
    );
}

/// Typed key by key, the explorer's narrowing search gives each keystroke
/// the hits a fresh search gives, across the readings as a kind in a place
/// and as a kind and a name.
#[test]
fn typing_a_kind_in_a_place_key_by_key_gives_the_fresh_hits() {
    let (_, ix) = data();
    let mut searcher = clusterdex::search::Searcher::new();
    for text in ["clusters in frances", "le pole medicens"] {
        let ends: Vec<usize> = (1..=text.len()).chain((1..text.len()).rev()).collect();
        for end in ends {
            let q = &text[..end];
            let typed: Vec<usize> = (searcher.search(ix, q).unwrap().iter())
                .map(|h| h.entity)
                .collect();
            let fresh: Vec<usize> = (ix.search(&Query::parse(q).unwrap()).unwrap().iter())
                .map(|h| h.entity)
                .collect();
            assert_eq!(typed, fresh, "{q:?}");
        }
    }
}

#[test]
fn a_name_typed_in_pieces_is_lit_where_its_words_match() {
    let (dataset, index) = data();
    let hit = &index
        .search_top(&Query::parse("bio x clusters plus").unwrap(), 1)
        .unwrap()[0];
    assert_eq!(&*dataset.entity(hit.entity).id, "bioxclusters_plus");
    assert_eq!(hit.field, clusterdex::search::Field::Name);
    // BioXclusters Plus: bio, clusters and plus are lit; the x inside a word
    // is not a word of its own.
    let lit: String = (dataset.entity(hit.entity).name.chars().enumerate())
        .map(|(i, c)| if hit.indices.contains(&i) { c } else { '.' })
        .collect();
    assert_eq!(lit, "Bio.clusters.Plus");
}

/// Queries of several plain words, from the cases above.
const WORDS: &[&str] = &[
    "lyon bio",
    "cancer bio sante",
    "merieux foundation",
    "life science nord",
    "flanders innovation entrepreneurship",
    "health techdays 2015",
    "council bio regions",
    "nutrition helth",
    "boehringer ingleheim",
    "medtec aliance",
    "four motors for europe",
    "raman imaging",
    "dg grow",
    "bio valley",
    "coree du sud",
    "recherche clinique",
];

/// Every separator a user may type between two words.
const SEPARATORS: &[&str] = &["-", ".", "/", "'", "_", "&", "+", "–", "—", "’"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A query gives the same first hit whether its words are joined by
    /// spaces or by any separator (`bio-merieux` is `bio merieux`).
    #[test]
    fn separators_between_words_give_the_first_hit_of_spaces(
        query in prop::sample::select(WORDS),
        seps in prop::collection::vec(prop::sample::select(SEPARATORS), 4),
    ) {
        let words: Vec<&str> = query.split(' ').collect();
        let mut joined = words[0].to_string();
        for (i, w) in words[1..].iter().enumerate() {
            joined.push_str(seps[i % seps.len()]);
            joined.push_str(w);
        }
        let (got, want) = (first_ids(&joined), first_ids(query));
        prop_assert_eq!(got.first(), want.first(), "{} against {}", joined, query);
    }
}

/// Why several words found nothing: the words no entity holds, looked up one
/// by one only for a few words (a paste of many would be a search per word).
#[test]
fn the_words_no_entity_holds_are_named_for_a_few_words_only() {
    use clusterdex::search::{Personal, Unmatched};
    let (_, ix) = data();
    let why = |line: &str| ix.unmatched_line(line, &Personal::default());
    let marseille = Unmatched::Words(vec!["marseille".to_string()]);
    assert_eq!(why("eurobiomed marseille"), Some(marseille));
    assert_eq!(why("textile plastics health"), Some(Unmatched::NotTogether));
    let eight = "qa qb qc qd qe qf qg qh";
    assert_eq!(why(eight), Some(Unmatched::Nowhere));
    assert_eq!(why(&format!("{eight} qi")), None);
    assert_eq!(why("marseille"), None);
}
