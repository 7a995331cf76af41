//! The words a date is written with: month names (built in for nine
//! languages, plus a theme's tables) and their unambiguous abbreviations,
//! Roman month numerals and ordinal words.

use crate::stages::privacy::fold::fold;
use ahash::AHashMap as HashMap;

/// Month names (folded) and their unambiguous abbreviations.
pub struct Months {
    map: HashMap<String, i8>,
}

/// Month names of the languages heropath knows without a theme: English,
/// Spanish, French, German, Portuguese, Italian, Dutch, Tagalog, Arabic.
pub(super) const BUILT_IN: [[&str; 12]; 9] = [
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ],
    [
        "januar",
        "februar",
        "marz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "janeiro",
        "fevereiro",
        "marco",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "enero",
        "pebrero",
        "marso",
        "abril",
        "mayo",
        "hunyo",
        "hulyo",
        "agosto",
        "setyembre",
        "oktubre",
        "nobyembre",
        "disyembre",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
];

/// Month names outside the twelve-name tables: the Levantine and Iraqi
/// Arabic names (one word each; the two-word ones are read by their first
/// word only where it is unambiguous).
pub(super) const EXTRA: [(&str, i8); 8] = [
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
];

/// Roman numerals as months, between the numbers of a date (12/IV/1968).
pub(super) const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

/// Days written as ordinal words ("the twelfth of April").
pub(super) const ORDINAL_WORDS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Abbreviations that are everyday words more often than months.
pub(super) const NOT_MONTHS: [&str; 3] = ["set", "ago", "mar"];

impl Months {
    /// The built-in names plus `extra` (a theme's `months` tables; lists
    /// that do not have twelve names are skipped).
    pub fn new<'a>(extra: impl IntoIterator<Item = &'a [String]>) -> Months {
        let mut names: Vec<(String, i8)> = Vec::new();
        for table in BUILT_IN {
            for (i, n) in table.iter().enumerate() {
                names.push((fold(n), i as i8 + 1));
            }
        }
        for table in extra {
            if table.len() == 12 {
                for (i, n) in table.iter().enumerate() {
                    names.push((fold(n), i as i8 + 1));
                }
            }
        }
        let mut map: HashMap<String, i8> = HashMap::new();
        let mut ambiguous = std::collections::HashSet::new();
        for (name, m) in &names {
            let chars: Vec<char> = name.chars().collect();
            for len in 3.min(chars.len())..=chars.len() {
                let prefix: String = chars[..len].iter().collect();
                if len < chars.len() && NOT_MONTHS.contains(&prefix.as_str()) {
                    continue;
                }
                match map.get(&prefix) {
                    Some(other) if other != m => {
                        ambiguous.insert(prefix);
                    }
                    _ => {
                        map.insert(prefix, *m);
                    }
                }
            }
        }
        // A full name always wins over another month's abbreviation.
        for a in ambiguous {
            map.remove(&a);
        }
        for (name, m) in names {
            map.insert(name, m);
        }
        for (name, m) in EXTRA {
            map.insert(fold(name), m);
        }
        Months { map }
    }

    pub(super) fn get(&self, w: &str) -> Option<i8> {
        // Month names are 3 to 12 letters (Arabic ones 4 to 6 characters):
        // most words are ruled out without hashing.
        (3..=24)
            .contains(&w.len())
            .then(|| self.map.get(w).copied())
            .flatten()
    }
}
