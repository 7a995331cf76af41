//! The month words the guard read before its names came from CLDR
//! (a hand list of nine languages): kept as a test fixture so the guard
//! never gets weaker, every word here must still read as the same month.

use crate::stages::privacy::fold::fold;
use ahash::AHashMap as HashMap;

/// Month names of the languages heropath knows without a theme: English,
/// Spanish, French, German, Portuguese, Italian, Dutch, Tagalog, Arabic.
const BUILT_IN: [[&str; 12]; 9] = [
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
const EXTRA: [(&str, i8); 8] = [
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
];

/// The map the guard built from these lists.
pub(super) fn map() -> HashMap<String, i8> {
    let mut names: Vec<(String, i8)> = Vec::new();
    for table in BUILT_IN {
        for (i, n) in table.iter().enumerate() {
            names.push((fold(n), i as i8 + 1));
        }
    }
    let mut map: HashMap<String, i8> = HashMap::new();
    let mut ambiguous = std::collections::HashSet::new();
    for (name, m) in &names {
        let chars: Vec<char> = name.chars().collect();
        for len in 3.min(chars.len())..=chars.len() {
            let prefix: String = chars[..len].iter().collect();
            if len < chars.len() && ["set", "ago", "mar"].contains(&prefix.as_str()) {
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
    map
}
