//! Lookups a person makes in a meeting, written from the five source documents,
//! each answered through the built-in dataset's facts and relations. The
//! comment on each names the document that states the answer.

use std::sync::OnceLock;

use clusterdex::load::{DataSource, load};
use clusterdex::model::{Dataset, RelationType, When};

fn ds() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let loaded = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES)
            .expect("built-in loads");
        assert!(loaded.diagnostics.is_empty());
        loaded.dataset
    })
}

fn ix(id: &str) -> usize {
    ds().index_of(id)
        .unwrap_or_else(|| panic!("no entity {id}"))
}

/// Ids at the far end of `entity`'s outgoing `rel` relations, sorted.
fn out(entity: &str, rel: &str) -> Vec<&'static str> {
    let t = RelationType::parse(rel).expect("relation type");
    let mut v: Vec<&str> = ds()
        .targets(ix(entity), t)
        .map(|e| ds().entity(e).id.as_str())
        .collect();
    v.sort_unstable();
    v
}

/// Ids at the near end of `entity`'s incoming `rel` relations, sorted.
fn inc(entity: &str, rel: &str) -> Vec<&'static str> {
    let t = RelationType::parse(rel).expect("relation type");
    let mut v: Vec<&str> = ds()
        .sources_of(ix(entity), t)
        .map(|e| ds().entity(e).id.as_str())
        .collect();
    v.sort_unstable();
    v
}

fn fact(entity: &str, label: &str) -> &'static str {
    let e = ds().entity(ix(entity));
    e.facts
        .iter()
        .find(|f| f.label == label)
        .map(|f| f.value.as_str())
        .unwrap_or_else(|| panic!("{entity} has no fact {label:?}"))
}

fn date(entity: &str, label: &str) -> When {
    let e = ds().entity(ix(entity));
    e.dates
        .iter()
        .find(|d| d.label == label)
        .map(|d| d.when)
        .unwrap_or_else(|| panic!("{entity} has no date {label:?}"))
}

#[test]
fn who_coordinates_magia() {
    // 001: "It will be coordinated by Biopmed"
    assert_eq!(inc("magia", "coordinates"), ["biopmed"]);
}

#[test]
fn which_clusters_formed_magia() {
    // 001: Lyonbiopôle, BioPmed, Biowin and Life Science Nord
    assert_eq!(
        inc("magia", "member_of"),
        ["biopmed", "biowin", "life_science_nord", "lyonbiopole"]
    );
}

#[test]
fn who_funds_and_certifies_magia() {
    // 001: certified and co-funded by the European Commission, DG Grow and EASME
    assert_eq!(
        out("magia", "funded_by"),
        ["dg_grow", "easme", "european_commission"]
    );
    assert_eq!(
        out("magia", "certified_by"),
        ["dg_grow", "easme", "european_commission"]
    );
}

#[test]
fn how_long_magia_runs() {
    // 001: "For a period of two years"
    assert_eq!(fact("magia", "duration"), "two years");
}

#[test]
fn who_coordinates_bioxclusters_plus_and_when_it_runs() {
    // 000: Lyonbiopole coordinates; 2016-2018
    assert_eq!(inc("bioxclusters_plus", "coordinates"), ["lyonbiopole"]);
    assert_eq!(date("bioxclusters_plus", "period").to_string(), "2016–2018");
}

#[test]
fn what_bioxclusters_plus_continues() {
    // 000: continuation of the bioXclusters project (2012-2014)
    assert_eq!(out("bioxclusters_plus", "continues"), ["bioxclusters"]);
    assert_eq!(date("bioxclusters", "period").to_string(), "2012–2014");
}

#[test]
fn which_markets_bioxclusters_plus_targets_first_and_later() {
    // 000: USA, Brasil, China; later Japan, Australia, Canada, South Korea
    let d = ds();
    let mut first = Vec::new();
    let mut later = Vec::new();
    for l in d
        .outgoing(ix("bioxclusters_plus"))
        .filter(|l| l.relation.rel.name() == "targets_market")
    {
        let id = d.entity(l.other).id.as_str();
        match l.relation.role() {
            Some("first target market") => first.push(id),
            Some("added later") => later.push(id),
            other => panic!("unexpected role {other:?}"),
        }
    }
    first.sort_unstable();
    later.sort_unstable();
    assert_eq!(first, ["brazil", "china", "usa"]);
    assert_eq!(later, ["australia", "canada", "japan", "south_korea"]);
}

#[test]
fn who_selected_bioxclusters_plus_and_under_which_programme() {
    // 000: selected by EASME in the framework of COSME
    assert_eq!(out("bioxclusters_plus", "selected_by"), ["easme"]);
    assert_eq!(out("bioxclusters_plus", "under_programme"), ["cosme"]);
}

#[test]
fn where_the_european_medtech_alliance_helps_smes() {
    // 000: China and the US, co-financed by the EU under COSME
    assert_eq!(
        out("european_medtech_alliance", "targets_market"),
        ["china", "usa"]
    );
    assert_eq!(
        out("european_medtech_alliance", "funded_by"),
        ["european_union"]
    );
}

#[test]
fn how_many_members_lyonbiopole_had_at_end_of_2017() {
    // 001: 208 members at the end of 2017
    assert_eq!(fact("lyonbiopole", "members at end of 2017"), "208");
    assert_eq!(
        fact("lyonbiopole", "SMEs and small companies among members"),
        "175"
    );
}

#[test]
fn who_founded_lyonbiopole() {
    // 001: Sanofi Pasteur, BioMérieux, Bohringer Ingelheim Animal Health, BD, the CEA and the Mérieux Foundation
    assert_eq!(
        inc("lyonbiopole", "founding_member_of"),
        [
            "bd",
            "biomerieux",
            "boehringer_ingelheim_animal_health",
            "cea",
            "merieux_foundation",
            "sanofi_pasteur"
        ]
    );
}

#[test]
fn which_label_lyonbiopole_holds_and_from_whom() {
    // 001: Gold label by the European Cluster Excellence Initiative
    let d = ds();
    let l = d
        .outgoing(ix("lyonbiopole"))
        .find(|l| l.relation.rel.name() == "labelled_by")
        .expect("label");
    assert_eq!(
        d.entity(l.other).id,
        "european_cluster_excellence_initiative"
    );
    assert_eq!(l.relation.role(), Some("Gold label"));
}

#[test]
fn since_when_lyonbiopole_sits_on_the_cebr_board() {
    // 000: since January 2012
    assert_eq!(out("lyonbiopole", "board_member_of"), ["cebr"]);
    assert_eq!(
        fact("lyonbiopole", "CEBR Board member since"),
        "January 2012"
    );
}

#[test]
fn how_many_members_cebr_has() {
    // 000: approximately 60 subscription members
    assert_eq!(fact("cebr", "subscription members"), "about 60");
}

#[test]
fn who_presides_lyonbiopole() {
    // 004: Philippe Archinard, président de Lyonbiopôle
    assert_eq!(inc("lyonbiopole", "president_of"), ["philippe_archinard"]);
}

#[test]
fn the_president_of_the_cluster_that_coordinates_bioxclusters_plus() {
    // 000 + 004: two hops
    let coordinator = inc("bioxclusters_plus", "coordinates")[0];
    assert_eq!(inc(coordinator, "president_of"), ["philippe_archinard"]);
}

#[test]
fn which_are_the_seven_french_health_clusters() {
    // 002
    let members = inc("french_health_clusters_network", "member_of");
    assert_eq!(members.len(), 7);
    assert!(members.contains(&"medicen_paris_region") && members.contains(&"lyonbiopole"));
}

#[test]
fn how_many_members_and_smes_the_seven_count() {
    // 002: 1,300 members including 1,000 SMEs; 54 companies created
    assert_eq!(
        fact("french_health_clusters_network", "members"),
        "1,300, of which 1,000 SMEs"
    );
    assert_eq!(
        fact("french_health_clusters_network", "companies created"),
        "54"
    );
    assert_eq!(
        fact(
            "french_health_clusters_network",
            "value of certified projects"
        ),
        "nearly €5 billion ($6.2bn)"
    );
}

#[test]
fn who_coordinates_health2care() {
    // 003: coordinated by Auvergne-Rhône-Alpes Region
    assert_eq!(
        inc("health2care", "coordinates"),
        ["auvergne_rhone_alpes_region"]
    );
}

#[test]
fn which_regional_clusters_were_in_health2care() {
    // 003: i-Care, Lyonbiopôle, Minalogic and Plastipolis
    assert_eq!(
        inc("health2care", "partner_of"),
        ["i_care", "lyonbiopole", "minalogic", "plastipolis"]
    );
}

#[test]
fn how_many_projects_health2care_found_and_supported() {
    // 003: 20 identified, 9 supported
    assert_eq!(fact("health2care", "projects identified"), "20");
    assert_eq!(fact("health2care", "projects supported"), "9");
}

#[test]
fn what_support_voicepatch_and_historam_received() {
    // 003: a regulatory-affairs voucher (CE mark); a market study
    let d = ds();
    let role = |p: &str| {
        d.incoming(ix(p))
            .find(|l| d.entity(l.other).id == "health2care")
            .and_then(|l| l.relation.role().map(str::to_string))
    };
    assert_eq!(
        role("voicepatch").as_deref(),
        Some("voucher on regulatory affairs (CE mark)")
    );
    assert_eq!(role("historam").as_deref(), Some("market study"));
}

#[test]
fn who_manages_the_innovation_vouchers() {
    // 003: managed by Minalogic and Plastipolis
    assert_eq!(
        inc("innovation_vouchers", "manages"),
        ["minalogic", "plastipolis"]
    );
}

#[test]
fn when_and_where_the_health2care_final_conference_was() {
    // 003: the 31st of March in Lyon; the year is not given
    assert_eq!(
        date("health2care_final_conference", "held").to_string(),
        "31 March (year unknown)"
    );
    assert_eq!(out("health2care_final_conference", "located_in"), ["lyon"]);
    assert_eq!(
        fact("health2care_final_conference", "attendees"),
        "more than 40 people from 6 European countries"
    );
}

#[test]
fn when_the_health2care_forum_took_place_and_during_what() {
    // 003: 23 September, during Health TechDays' 2014, in Lyon
    assert_eq!(date("health2care_forum", "held").iso(), "2014-09-23");
    assert_eq!(
        out("health2care_forum", "part_of"),
        ["health_techdays_2014"]
    );
}

#[test]
fn where_the_health2care_study_was_presented_and_what_it_covers() {
    // 003: presented at Health TechDays 2015; UK, Germany, France, Denmark
    assert_eq!(
        out("personalised_health_study", "presented_at"),
        ["health_techdays_2015"]
    );
    assert_eq!(
        out("personalised_health_study", "covers"),
        ["denmark", "france", "germany", "united_kingdom"]
    );
}

#[test]
fn who_ran_a_booth_at_medica_2015() {
    // 003: i-Care Cluster, hosting 5 companies
    assert_eq!(inc("medica_2015", "participated_in"), ["i_care"]);
    assert_eq!(
        fact("medica_2015", "companies on the i-Care Cluster booth"),
        "5"
    );
}

#[test]
fn who_organised_rinascimento_and_where() {
    // 003: Region of Lombardy with DG Enterprise and Industry, Milan, 13-14 November 2014
    assert_eq!(
        out("rinascimento_2014", "organised_by"),
        ["dg_enterprise_industry", "region_of_lombardy"]
    );
    assert_eq!(out("rinascimento_2014", "located_in"), ["milan"]);
    assert_eq!(
        date("rinascimento_2014", "held").iso(),
        "2014-11-13/2014-11-14"
    );
}

#[test]
fn who_coordinates_nano4health_and_with_whom() {
    // 003: Flanders Innovation & Entrepreneurship with Flanders bio, DSP Valley, Flanders DC
    assert_eq!(
        inc("nano4health", "coordinates"),
        ["flanders_innovation_entrepreneurship"]
    );
    assert_eq!(
        inc("nano4health", "partner_of"),
        ["dsp_valley", "flanders_bio", "flanders_dc"]
    );
}

#[test]
fn where_lieve_apers_and_the_accio_speakers_work() {
    // 003
    assert_eq!(
        out("lieve_apers", "works_for"),
        ["flanders_innovation_entrepreneurship"]
    );
    assert_eq!(
        inc("accio", "works_for"),
        ["alberto_pezzi", "emma_vendrell"]
    );
}

#[test]
fn what_lucia_seel_presented() {
    // 003: Lower Austria's competence mapping models and PlasTexTron (ECCP only by layout)
    let d = ds();
    let stated: Vec<&str> = d
        .outgoing(ix("lucia_seel"))
        .filter(|l| {
            l.relation.rel.name() == "presented"
                && l.relation.certainty == clusterdex::model::Certainty::Stated
        })
        .map(|l| d.entity(l.other).id.as_str())
        .collect();
    assert_eq!(stated, ["cluster_competence_mapping_models", "plastextron"]);
}

#[test]
fn which_regions_partner_in_4_motors_for_europe() {
    // 003: Catalonia, a long-term partner of the Rhône-Alpes region
    assert_eq!(
        inc("four_motors_for_europe", "partner_of"),
        ["auvergne_rhone_alpes_region", "catalonia"]
    );
}

#[test]
fn since_when_lyonbiopole_and_clara_work_together_and_until_when() {
    // 004: begun in 2013, new plan until 2018
    assert_eq!(
        date("lyonbiopole_clara_partnership", "period").iso(),
        "2013/2018"
    );
    assert_eq!(
        inc("lyonbiopole_clara_partnership", "member_of"),
        ["clara", "lyonbiopole"]
    );
}

#[test]
fn how_many_oncology_products_the_partnership_unveiled() {
    // 004: 20 products in 6 themes
    assert!(
        fact("lyonbiopole_clara_partnership", "products in development")
            .starts_with("20 in oncology, in 6 themes")
    );
}

#[test]
fn which_body_labels_lyonbiopole_and_clara_projects() {
    // 004: le GTech
    assert_eq!(inc("lyonbiopole_clara_partnership", "part_of"), ["gtech"]);
}

#[test]
fn lyonbiopole_is_in_france_through_lyon_and_its_region() {
    // 001 + 002: Lyon's cluster, one of the French clusters
    let france = ix("france");
    assert!(ds().is_in(ix("lyonbiopole"), france));
    assert!(ds().is_in(ix("biopmed"), ix("italy")));
    assert!(!ds().is_in(ix("biopmed"), france));
}

#[test]
fn every_entity_fact_and_relation_cites_a_source() {
    let d = ds();
    assert!(
        d.entities
            .iter()
            .all(|e| !e.sources.is_empty() && e.facts.iter().all(|f| !f.sources.is_empty()))
    );
    assert!(d.relations.iter().all(|r| !r.sources.is_empty()));
    assert_eq!(d.sources.len(), 5);
}

#[test]
fn implied_links_are_marked_inferred_with_a_reason() {
    let d = ds();
    let inferred: Vec<_> = d
        .relations
        .iter()
        .filter(|r| r.certainty == clusterdex::model::Certainty::Inferred)
        .collect();
    assert!(inferred.len() >= 10);
    assert!(
        inferred
            .iter()
            .all(|r| r.note().is_some_and(|n| !n.is_empty()))
    );
}
