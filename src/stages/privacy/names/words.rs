//! The fixed word lists of names: titles (Mr., Sra., and the ones written
//! after a family name), suffixes (Jr., III), particles (van, de, bin),
//! e-mail local parts that belong to no one, and the short forms of given
//! names (`nicknames.txt`).

use crate::stages::privacy::fold::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Local parts that belong to no one.
pub(super) const ROLE_WORDS: [&str; 12] = [
    "info", "contact", "hello", "mail", "admin", "office", "email", "home", "work", "family",
    "noreply", "me",
];

/// Titles written before a name (folded).
pub(super) const TITLES: [&str; 45] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sir",
    "madam",
    "madame",
    "mme",
    "mlle",
    "herr",
    "frau",
    "sr",
    "sra",
    "srta",
    "senor",
    "senora",
    "senorita",
    "don",
    "dona",
    "sig",
    "signor",
    "signora",
    "ong",
    "ba",
    "gng",
    "sayyid",
    "sayyida",
    "master",
    "mister",
    "missus",
    "mistress",
    "monsieur",
    "mademoiselle",
    "dra",
    "doctora",
    "senhor",
    "senhora",
    "lic",
    "mrs",
    "dame",
];

/// Titles written after a family name (folded, joined).
pub const AFTER_TITLES: [&str; 14] = [
    "san", "sama", "sensei", "kun", "chan", "先生", "女士", "小姐", "太太", "老师", "さん", "様",
    "씨", "님",
];

/// Is `w` (folded) a title such as Mr. or Sra.?
pub fn is_title_word(w: &str) -> bool {
    // Asked of every capitalised word's neighbour: most words start with
    // a letter no title starts with, and are ruled out by it.
    static FIRST: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
        let mut first = [false; 256];
        for t in TITLES {
            first[usize::from(t.as_bytes()[0])] = true;
        }
        first
    });
    w.as_bytes().first().is_some_and(|b| FIRST[usize::from(*b)]) && TITLES.contains(&w)
}

pub(super) fn is_title(w: &str) -> bool {
    is_title_word(&fold(w))
}

pub(super) fn is_suffix(w: &str) -> bool {
    const SUFFIXES: [&str; 15] = [
        "jr", "sr", "ii", "iii", "iv", "phd", "md", "dds", "esq", "rn", "pt", "dpt", "junior",
        "senior", "mba",
    ];
    SUFFIXES.contains(&fold(w).as_str())
}

pub(super) fn is_particle(w: &str) -> bool {
    const PARTICLES: [&str; 33] = [
        "van", "von", "der", "den", "de", "del", "della", "da", "das", "dos", "du", "di", "la",
        "le", "los", "las", "bin", "binti", "ibn", "al", "el", "ben", "bat", "ter", "ten", "zu",
        "af", "o", "ni", "nic", "ui", "mac", "ap",
    ];
    PARTICLES.contains(&w)
}

/// Short forms of given names (folded), both ways: "bob" → robert and
/// "robert" → bob.
pub(super) fn nicknames() -> &'static HashMap<String, Vec<String>> {
    static TABLE: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for line in include_str!("nicknames.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            let names: Vec<String> = line.split_whitespace().map(fold).collect();
            for a in &names {
                for b in &names {
                    if a != b {
                        m.entry(a.clone()).or_default().push(b.clone());
                    }
                }
            }
        }
        m
    })
}
