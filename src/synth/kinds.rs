//! The entities of each kind beyond the places, one function per kind, in the
//! order `generate` makes them: each kind links to kinds made before it, and
//! the random draws come in the same order for the same seed.

use super::Builder;
use super::names::{self, Lang, SECTORS};
use crate::data::format::FileKind;

/// A city with its region and language.
pub(super) type City = (usize, usize, Lang);

/// Clusters, each in a city, with a sector, tags and a member count.
pub(super) fn clusters(b: &mut Builder, n: usize, cities: &[City]) -> Vec<usize> {
    let mut clusters = Vec::new();
    for i in 0..n {
        let &(city, region, _) = b.rng.pick(cities);
        let region_name = b.entities[region].name.clone();
        let sector = *b.rng.pick(SECTORS);
        let (name, short) = names::cluster(&region_name, sector, &mut b.rng);
        let e = b.add(
            format!("cl{i}"),
            FileKind::Cluster,
            "cluster",
            name,
            vec![short],
        );
        let t = b.tags(e, 3);
        b.entities[e].description = format!(
            "Cluster organisation in {} for {}.",
            b.entities[city].name,
            t.join(", ")
        );
        b.relate(e, "located_in", city);
        let members = 15 + b.rng.below(400);
        let year = 2010 + b.rng.below(15);
        b.fact(e, "members", members.to_string(), Some(year.to_string()));
        clusters.push(e);
    }
    clusters
}

/// Alliances of clusters: a period, target markets, and a coordinating cluster.
pub(super) fn alliances(
    b: &mut Builder,
    n: usize,
    countries: &[usize],
    clusters: &[usize],
) -> Vec<usize> {
    let mut alliances = Vec::new();
    for i in 0..n {
        let sector = *b.rng.pick(SECTORS);
        let title: String = sector
            .split(' ')
            .map(names::capitalise)
            .collect::<Vec<_>>()
            .join(" ");
        let word = *b.rng.pick(&[
            "Alliance",
            "Network",
            "Partnership",
            "Consortium",
            "Metacluster",
        ]);
        let name = format!("European {title} {word} {}", i + 1);
        let acronym: String = name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_alphanumeric())
            .collect();
        let e = b.add(
            format!("al{i}"),
            FileKind::Alliance,
            "partnership",
            name,
            vec![acronym],
        );
        let start = 2008 + b.rng.below(14);
        let end = start + 2 + b.rng.below(3);
        b.date(e, "period", format!("{start}/{end}"), None);
        b.tags(e, 2);
        b.entities[e].description = format!("Partnership of clusters in {sector}.");
        for _ in 0..2 {
            let m = *b.rng.pick(countries);
            b.relate(e, "targets_market", m);
        }
        if let Some(&c) = clusters.get(b.rng.below(clusters.len())) {
            b.relate(c, "coordinates", e);
        }
        alliances.push(e);
    }
    alliances
}

/// Every cluster a member of two alliances.
pub(super) fn join_alliances(b: &mut Builder, clusters: &[usize], alliances: &[usize]) {
    for &c in clusters {
        for _ in 0..2 {
            let a = *b.rng.pick(alliances);
            b.relate(c, "member_of", a);
        }
    }
}

/// Events, held in a city on a date (some without their year), organised by a cluster.
pub(super) fn events(b: &mut Builder, n: usize, cities: &[City], clusters: &[usize]) -> Vec<usize> {
    let mut events = Vec::new();
    for i in 0..n {
        let sector = *b.rng.pick(SECTORS);
        let kind = *b.rng.pick(&[
            "Forum",
            "Conference",
            "Summit",
            "Days",
            "Convention",
            "Call",
        ]);
        let year = 2005 + b.rng.below(20);
        let &(city, _, _) = b.rng.pick(cities);
        let name = format!(
            "{} {kind} {} {year}",
            names::capitalise(sector),
            b.entities[city].name
        );
        let e = b.add(
            format!("ev{i}"),
            FileKind::Event,
            "conference",
            name,
            Vec::new(),
        );
        let (month, day) = (1 + b.rng.below(12), 1 + b.rng.below(28));
        if b.rng.chance(5) {
            b.date(
                e,
                "held",
                format!("--{month:02}-{day:02}"),
                Some("year not stated in the source".to_string()),
            );
        } else {
            b.date(e, "held", format!("{year}-{month:02}-{day:02}"), None);
        }
        b.tags(e, 1);
        b.relate(e, "located_in", city);
        let org = *b.rng.pick(clusters);
        b.relate(e, "organised_by", org);
        let attendees = 40 + b.rng.below(2000);
        b.fact(e, "attendees", attendees.to_string(), None);
        events.push(e);
    }
    events
}

/// Companies, members of clusters (`groups.0`), partners of alliances
/// (`groups.1`), at events, cooperating with companies made before them.
pub(super) fn organisations(
    b: &mut Builder,
    n: usize,
    cities: &[City],
    groups: (&[usize], &[usize]),
    events: &[usize],
) -> Vec<usize> {
    let (clusters, alliances) = groups;
    let mut orgs = Vec::new();
    for i in 0..n {
        let &(city, _, lang) = b.rng.pick(cities);
        let city_name = b.entities[city].name.clone();
        let (name, acronym) = names::organisation(lang, &city_name, &mut b.rng);
        let e = b.add(
            format!("org{i}"),
            FileKind::Organisation,
            "company",
            name,
            vec![acronym],
        );
        let t = b.tags(e, 2);
        b.entities[e].description =
            format!("Company in {city_name} working on {}.", t.join(" and "));
        b.relate(e, "located_in", city);
        for _ in 0..1 + b.rng.below(3) {
            let c = *b.rng.pick(clusters);
            b.relate(e, "member_of", c);
        }
        if b.rng.chance(60) {
            let a = *b.rng.pick(alliances);
            b.relate(e, "partner_of", a);
        }
        for _ in 0..1 + b.rng.below(3) {
            let ev = *b.rng.pick(events);
            b.relate(e, "participated_in", ev);
        }
        for _ in 0..1 + b.rng.below(2) {
            if let Some(&other) = orgs.get(b.rng.below(orgs.len().max(1))) {
                b.relate(e, "cooperates_with", other);
            }
        }
        if b.rng.chance(30) {
            let (staff, year) = (5 + b.rng.below(5000), 2015 + b.rng.below(10));
            b.fact(e, "employees", staff.to_string(), Some(year.to_string()));
        }
        orgs.push(e);
    }
    orgs
}

/// People working for a company, speaking at events, a few presiding a cluster.
pub(super) fn people(
    b: &mut Builder,
    n: usize,
    orgs: &[usize],
    events: &[usize],
    clusters: &[usize],
) {
    for i in 0..n {
        let name = names::person(&mut b.rng);
        let e = b.add(
            format!("p{i}"),
            FileKind::Person,
            "person",
            name,
            Vec::new(),
        );
        if let Some(&org) = orgs.get(b.rng.below(orgs.len().max(1))) {
            b.relate(e, "works_for", org);
        }
        for _ in 0..1 + b.rng.below(4) {
            let ev = *b.rng.pick(events);
            b.relate(e, "spoke_at", ev);
        }
        if b.rng.chance(50) {
            let ev = *b.rng.pick(events);
            b.relate(e, "participated_in", ev);
        }
        if b.rng.chance(3) {
            let c = *b.rng.pick(clusters);
            b.relate(e, "president_of", c);
        }
    }
}

/// Products supported by an alliance and made by a company.
pub(super) fn projects(b: &mut Builder, n: usize, alliances: &[usize], orgs: &[usize]) {
    for i in 0..n {
        let brand = format!(
            "{}{}",
            names::capitalise(
                b.rng
                    .pick::<&str>(&["voice", "histo", "cardio", "neuro", "onco", "derma"])
            ),
            b.rng
                .pick(&["Patch", "Ram", "Scan", "Sense", "Track", "Map"])
        );
        let e = b.add(
            format!("pr{i}"),
            FileKind::Project,
            "product",
            format!("{brand} {}", i + 1),
            Vec::new(),
        );
        b.tags(e, 2);
        b.entities[e].description =
            format!("Product in development supported by its cluster ({brand}).");
        let a = *b.rng.pick(alliances);
        b.relate(a, "supported", e);
        if let Some(&org) = orgs.get(b.rng.below(orgs.len().max(1))) {
            b.relate(e, "produced_by", org);
        }
    }
}
