//! Word lists and name makers for synthetic datasets: organisation, cluster,
//! person and place names in several European languages, with their accents,
//! as real cluster databases have them.

use super::Rng;

/// A region and its cities.
type Region = (&'static str, &'static [&'static str]);

/// (country, language, regions with their cities)
pub const COUNTRIES: &[(&str, Lang, &[Region])] = &[
    (
        "France",
        Lang::Fr,
        &[
            ("Île-de-France", &["Paris", "Évry", "Créteil"]),
            (
                "Auvergne-Rhône-Alpes",
                &["Lyon", "Grenoble", "Saint-Étienne"],
            ),
            ("Occitanie", &["Toulouse", "Montpellier", "Nîmes"]),
            ("Grand Est", &["Strasbourg", "Nancy", "Reims"]),
        ],
    ),
    (
        "Deutschland",
        Lang::De,
        &[
            (
                "Baden-Württemberg",
                &["Stuttgart", "Tübingen", "Freiburg im Breisgau"],
            ),
            ("Bayern", &["München", "Würzburg", "Nürnberg"]),
            ("Nordrhein-Westfalen", &["Köln", "Düsseldorf", "Münster"]),
        ],
    ),
    (
        "Italia",
        Lang::It,
        &[
            ("Lombardia", &["Milano", "Bergamo", "Pavia"]),
            ("Piemonte", &["Torino", "Novara", "Cuneo"]),
            ("Emilia-Romagna", &["Bologna", "Modena", "Forlì"]),
        ],
    ),
    (
        "España",
        Lang::Es,
        &[
            ("Catalunya", &["Barcelona", "Girona", "Lleida"]),
            (
                "Comunidad de Madrid",
                &["Madrid", "Alcalá de Henares", "Getafe"],
            ),
            ("Andalucía", &["Sevilla", "Málaga", "Córdoba"]),
        ],
    ),
    (
        "Polska",
        Lang::Pl,
        &[
            ("Małopolska", &["Kraków", "Tarnów", "Nowy Sącz"]),
            ("Łódzkie", &["Łódź", "Piotrków Trybunalski", "Skierniewice"]),
            ("Mazowieckie", &["Warszawa", "Radom", "Płock"]),
        ],
    ),
    (
        "Danmark",
        Lang::Da,
        &[
            ("Hovedstaden", &["København", "Hillerød", "Helsingør"]),
            ("Midtjylland", &["Aarhus", "Herning", "Silkeborg"]),
        ],
    ),
    (
        "Sverige",
        Lang::Sv,
        &[
            ("Skåne", &["Malmö", "Lund", "Helsingborg"]),
            ("Västra Götaland", &["Göteborg", "Borås", "Trollhättan"]),
        ],
    ),
    (
        "België",
        Lang::Nl,
        &[
            ("Vlaanderen", &["Gent", "Leuven", "Antwerpen"]),
            ("Wallonie", &["Liège", "Namur", "Charleroi"]),
        ],
    ),
    (
        "Portugal",
        Lang::Pt,
        &[
            ("Norte", &["Porto", "Braga", "Guimarães"]),
            ("Centro", &["Coimbra", "Aveiro", "Viseu"]),
        ],
    ),
    (
        "Österreich",
        Lang::De,
        &[
            (
                "Niederösterreich",
                &["St. Pölten", "Wiener Neustadt", "Krems"],
            ),
            ("Steiermark", &["Graz", "Leoben", "Kapfenberg"]),
        ],
    ),
    (
        "Česko",
        Lang::Cs,
        &[
            ("Jihomoravský kraj", &["Brno", "Znojmo", "Břeclav"]),
            ("Praha", &["Praha"]),
        ],
    ),
    (
        "Ελλάδα",
        Lang::El,
        &[
            ("Κεντρική Μακεδονία", &["Θεσσαλονίκη", "Σέρρες"]),
            ("Αττική", &["Αθήνα", "Πειραιάς"]),
        ],
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    De,
    It,
    Es,
    Pl,
    Da,
    Sv,
    Nl,
    Pt,
    Cs,
    El,
}

pub const SECTORS: &[&str] = &[
    "medical devices",
    "in vitro diagnostics",
    "oncology",
    "biotherapies",
    "personalised medicine",
    "veterinary medicine",
    "digital health",
    "e-health",
    "medical imaging",
    "nutrition",
    "nano/micro-electronics",
    "plastics",
    "textiles",
    "robotics",
    "regulatory affairs",
    "clinical research",
    "vaccines",
    "rare diseases",
    "neurology",
    "cardiology",
];

const STEMS: &[(&str, &str)] = &[
    ("Bio", "biotechnology"),
    ("Med", "medical"),
    ("Gen", "genomics"),
    ("Onco", "oncology"),
    ("Neuro", "neurology"),
    ("Cardio", "cardiology"),
    ("Derma", "dermatology"),
    ("Immuno", "immunology"),
    ("Vita", "life sciences"),
    ("Thera", "therapeutics"),
    ("Diagno", "diagnostics"),
    ("Nano", "nanotechnology"),
];
const ENDINGS: &[&str] = &[
    "tech", "vance", "logic", "sys", "gen", "med", "lab", "nova", "cyte", "scope", "vista", "pharm",
];

fn word_for(lang: Lang, rng: &mut Rng) -> &'static str {
    let list: &[&str] = match lang {
        Lang::Fr => &[
            "Laboratoires",
            "Biotechnologies",
            "Santé",
            "Innovations Médicales",
            "Dispositifs",
            "Thérapies Avancées",
            "Génomique",
        ],
        Lang::De => &[
            "Medizintechnik",
            "Biowissenschaften",
            "Diagnostik",
            "Gesundheitslösungen",
            "Präzisionsmedizin",
            "Gerätebau",
        ],
        Lang::It => &[
            "Biomedica",
            "Diagnostica",
            "Tecnologie Sanitarie",
            "Farmaceutici",
            "Ricerca Clinica",
            "Dispositivi Medici",
        ],
        Lang::Es => &[
            "Diagnósticos",
            "Biotecnología",
            "Tecnologías Médicas",
            "Investigación Clínica",
            "Salud Digital",
        ],
        Lang::Pl => &[
            "Biotechnologia",
            "Diagnostyka",
            "Technologie Medyczne",
            "Badania Kliniczne",
            "Urządzenia Medyczne",
        ],
        Lang::Da => &[
            "Medicoteknik",
            "Bioteknologi",
            "Diagnostik",
            "Sundhedsløsninger",
        ],
        Lang::Sv => &["Medicinteknik", "Bioteknik", "Diagnostik", "Hälsolösningar"],
        Lang::Nl => &[
            "Medische Technologie",
            "Biotechnologie",
            "Diagnostiek",
            "Zorginnovatie",
        ],
        Lang::Pt => &[
            "Biotecnologia",
            "Diagnósticos",
            "Tecnologias Médicas",
            "Saúde Digital",
        ],
        Lang::Cs => &[
            "Biotechnologie",
            "Diagnostika",
            "Zdravotnická Technika",
            "Klinický Výzkum",
        ],
        Lang::El => &["Βιοτεχνολογία", "Διαγνωστική", "Ιατρική Τεχνολογία"],
    };
    list[rng.below(list.len())]
}

fn legal_form(lang: Lang, rng: &mut Rng) -> &'static str {
    let list: &[&str] = match lang {
        Lang::Fr => &["SAS", "SA", "SARL"],
        Lang::De => &["GmbH", "AG", "GmbH & Co. KG"],
        Lang::It => &["S.p.A.", "S.r.l."],
        Lang::Es => &["S.L.", "S.A."],
        Lang::Pl => &["Sp. z o.o.", "S.A."],
        Lang::Da | Lang::Sv => &["A/S", "AB", "ApS"],
        Lang::Nl => &["B.V.", "N.V."],
        Lang::Pt => &["Lda.", "S.A."],
        Lang::Cs => &["s.r.o.", "a.s."],
        Lang::El => &["Α.Ε.", "Ε.Π.Ε."],
    };
    list[rng.below(list.len())]
}

pub const FIRST_NAMES: &[&str] = &[
    "Zoë",
    "José",
    "François",
    "Søren",
    "Łukasz",
    "Jürgen",
    "Inês",
    "Maëlle",
    "Björn",
    "Małgorzata",
    "Chloé",
    "Andrés",
    "Giulia",
    "Anaïs",
    "Jiří",
    "Åsa",
    "Hélène",
    "Mónica",
    "Dimitrís",
    "Ülrike",
    "Pieter",
    "Aurélien",
    "Sofía",
    "Niccolò",
    "Birgitte",
    "Tomáš",
    "Léa",
    "João",
    "Agnieszka",
    "Ștefan",
];
pub const SURNAMES: &[&str] = &[
    "Müller",
    "Dupré",
    "García",
    "Kowalczyk",
    "Jørgensen",
    "Rossi",
    "Lefèvre",
    "Nowak",
    "Öberg",
    "Ferreira",
    "Schäfer",
    "Martínez",
    "Dvořák",
    "Van den Berghe",
    "Coutinho",
    "Gaßmann",
    "Ødegaard",
    "Papadopoulos",
    "Bianchi",
    "Mazur",
    "Lindqvist",
    "Peeters",
    "Caron",
    "Weiß",
    "Sánchez",
    "Novák",
    "Ricci",
    "Håkansson",
];

/// A company or institute name in the language of its place, and its acronym.
pub fn organisation(lang: Lang, city: &str, rng: &mut Rng) -> (String, String) {
    let (stem, _) = rng.pick(STEMS);
    let brand = format!("{stem}{}", rng.pick(ENDINGS));
    let name = match rng.below(4) {
        0 => format!("{brand} {} {}", word_for(lang, rng), legal_form(lang, rng)),
        1 => format!("{} {city} {}", word_for(lang, rng), legal_form(lang, rng)),
        2 => format!(
            "{} {} {}",
            rng.pick(SURNAMES),
            word_for(lang, rng),
            legal_form(lang, rng)
        ),
        _ => format!("{brand} {city}"),
    };
    let acronym: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (name, acronym)
}

/// A cluster name built from its region and sector, and a short form.
pub fn cluster(region: &str, sector: &str, rng: &mut Rng) -> (String, String) {
    let (stem, _) = rng.pick(STEMS);
    let short = format!("{stem}{}", rng.pick(ENDINGS));
    let title: String = sector
        .split(' ')
        .map(capitalise)
        .collect::<Vec<_>>()
        .join(" ");
    let name = match rng.below(3) {
        0 => format!("{short} {region}"),
        1 => format!("{region} {title} Cluster"),
        _ => format!("Pôle {title} {region}"),
    };
    (name, short)
}

pub fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

pub fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(SURNAMES))
}

/// Removes accents for the accent-free alias a user would type.
pub fn plain(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}
