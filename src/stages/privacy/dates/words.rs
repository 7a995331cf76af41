//! The words a date is written with: month names from CLDR (the one home
//! of them, [`crate::base::cldr`]) for the guard's languages and the
//! theme's, a table's own `months` override, their unambiguous
//! abbreviations and Roman month numerals.

use crate::base::cldr::{GUARD_LANGUAGES, month_names};
use crate::stages::privacy::fold::{Stream, fold};
use ahash::AHashMap as HashMap;

/// Month names (folded) and their unambiguous abbreviations.
pub struct Months {
    map: HashMap<String, i8>,
    /// Other languages' words of three letters or fewer ("des", "haz",
    /// "cze", Malay "mac"): everyday words as often, so a month only
    /// between a day and a year (see [`Months::short_month`]).
    short: HashMap<String, i8>,
}

/// Languages whose month names (full, and abbreviations of four letters
/// or more) the guard reads besides [`GUARD_LANGUAGES`]: more languages
/// of US patients and of Europe, Africa and Asia, from CLDR too.
/// Afrikaans is left out: its "Julie" is an English given name, and
/// Dutch has its other names.
/// (Thai, Lao, Khmer and Burmese are left out too: written without
/// spaces, their words are read a letter at a time.)
const MORE_LANGUAGES: [&str; 39] = [
    "id", "ms", "jv", "sw", "zu", "ha", "ig", "so", "am", "sk", "sl", "hr", "sr", "sr-Latn", "bs",
    "mk", "bg", "lt", "lv", "et", "is", "ca", "gl", "eu", "sq", "cy", "ga", "he", "hy", "ka", "az",
    "kk", "uz", "pa", "gu", "te", "ta", "mr", "ne",
];

/// The languages whose every prefix of three letters or more reads as a
/// month (unless ambiguous); other languages add their full names and CLDR
/// abbreviations only, so a short everyday word of theirs does not become
/// a month.
const PREFIXED: [&str; 9] = ["en", "es", "fr", "de", "pt", "it", "nl", "fil", "ar"];

/// Locales whose month names are spelled otherwise than their language's:
/// the Levantine and Iraqi Arabic names (one word each; the two-word ones
/// are read by their first word only where it is unambiguous).
const REGIONAL: [&str; 2] = ["ar-SY", "ar-IQ"];

/// Roman numerals as months, between the numbers of a date (12/IV/1968,
/// 12 IV 1968).
pub(super) const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

/// The value of a Roman numeral written in its one correct form (folded:
/// "mcml" 1950, "xxx" 30; not "iiii", "mix" reads 1009): a date written
/// wholly in Roman numerals, "XXX.VI.MCML".
pub(super) fn roman_value(w: &str) -> Option<u32> {
    // Every word of a page comes here: most have a letter that is no
    // numeral, found before anything is made.
    if w.is_empty() || w.len() > 15 || !w.bytes().all(|b| b"ivxlcdm".contains(&b)) {
        return None;
    }
    let digit = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let ds: Vec<i64> = w.chars().map(digit).collect::<Option<_>>()?;
    let mut value = 0i64;
    for (k, d) in ds.iter().enumerate() {
        if ds.get(k + 1).is_some_and(|n| n > d) {
            value -= d;
        } else {
            value += d;
        }
    }
    // Only the one correct form: "iiii", "ic" and "vx" are no numerals.
    let value = u32::try_from(value).ok().filter(|v| *v > 0)?;
    (to_roman(value) == w).then_some(value)
}

fn to_roman(mut v: u32) -> String {
    const ALL: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (n, sym) in ALL {
        while v >= n {
            out.push_str(sym);
            v -= n;
        }
    }
    out
}

/// Abbreviations that are everyday words more often than months.
pub(super) const NOT_MONTHS: [&str; 3] = ["set", "ago", "mar"];

/// Of those, the ones read as a month when written with a capital, or
/// next to a year: "Mar 14" is March in English, "14 mar 1968" in Spanish,
/// where "el mar" is the sea ("Set 3" stays an exercise's set, "Ago" is
/// rare).
pub(super) const CAPITAL_MONTHS: [(&str, i8); 1] = [("mar", 3)];

impl Months {
    /// The CLDR names of the guard's languages plus `extra`: a theme's
    /// languages' names and its tables' own `months` lists (lists that do
    /// not have twelve names are skipped).
    ///
    /// Two tiers: the nine `PREFIXED` languages first, as the guard has
    /// always read them; then every other language's names, which only add
    /// words the first tier does not have (folding reads Cyrillic "авг" as
    /// "abr": it must not take April's abbreviation away).
    pub fn new<'a>(extra: impl IntoIterator<Item = &'a [String]>) -> Months {
        let mut core = Words::default();
        let mut more = Words::default();
        let all = GUARD_LANGUAGES
            .iter()
            .chain(&REGIONAL)
            .chain(&MORE_LANGUAGES);
        for lang in all {
            let m = month_names(lang);
            let prefixed = PREFIXED.contains(lang);
            let words = if prefixed { &mut core } else { &mut more };
            for list in &m.full {
                words.full(list, prefixed, MORE_LANGUAGES.contains(lang));
            }
            for list in &m.short {
                // Another language's three-letter abbreviations are too
                // often everyday words here (Polish "sie" is German "they",
                // "lip" English): only longer ones ("сент", "февр") are
                // months anywhere; the others only between a day and a year.
                words.short(list, if prefixed { 1 } else { 4 });
            }
        }
        for table in extra {
            more.full(table, true, false);
        }
        let few = std::mem::take(&mut more.few);
        let mut map = core.map();
        for (w, m) in more.map() {
            map.entry(w).or_insert(m);
        }
        let mut short: HashMap<String, i8> = HashMap::new();
        let mut ambiguous = Vec::new();
        for (w, m) in few {
            if map.contains_key(&w) || NOT_MONTHS.contains(&w.as_str()) {
                continue;
            }
            if short.insert(w.clone(), m).is_some_and(|o| o != m) {
                ambiguous.push(w);
            }
        }
        for w in ambiguous {
            short.remove(&w);
        }
        Months { map, short }
    }

    /// A month word of three letters or fewer of another language ("30
    /// Des 1950", "30 Haz 1950", "30 cze 1950"), asked only where a day
    /// and a year stand beside it.
    pub(super) fn short_month(&self, w: &str) -> Option<i8> {
        (w.chars().count() <= 3)
            .then(|| self.short.get(w).copied())
            .flatten()
    }

    /// Is `w` (folded) a month name or an unambiguous abbreviation?
    pub fn is_month(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    /// Every month word and its month.
    #[cfg(test)]
    pub(super) fn entries(&self) -> impl Iterator<Item = (&str, i8)> {
        self.map.iter().map(|(k, v)| (k.as_str(), *v))
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

/// A name folded, when it folds to one word of letters ("Sept." → "sept";
/// not "tháng 1" or "1월": numeric month forms are read as numbers).
fn one_word(name: &str) -> Option<String> {
    let s = Stream::of(name);
    (s.toks.len() == 1 && !name.chars().any(char::is_numeric)).then(|| fold(name))
}

/// Month words of one tier, before they are weighed against each other.
#[derive(Default)]
struct Words {
    /// (folded name, month, every prefix of 3 letters or more counts)
    names: Vec<(String, i8, bool)>,
    /// CLDR abbreviations (folded).
    short: Vec<(String, i8)>,
    /// Names and abbreviations too short to be months alone (see
    /// [`Months::short_month`]).
    few: Vec<(String, i8)>,
}

impl Words {
    /// A language's full names; with `few`, those of three letters or
    /// fewer are too short to be months alone (Malay "mac").
    fn full(&mut self, list: &[String], prefixed: bool, few: bool) {
        if list.len() == 12 {
            for (i, n) in list.iter().enumerate() {
                match one_word(n) {
                    Some(w) if few && w.chars().count() <= 3 => {
                        self.few.push((w, i as i8 + 1));
                    }
                    Some(w) => self.names.push((w, i as i8 + 1, prefixed)),
                    None => {}
                }
            }
        }
    }

    fn short(&mut self, list: &[String; 12], min_chars: usize) {
        for (i, n) in list.iter().enumerate() {
            let Some(w) = one_word(n) else { continue };
            if w.chars().count() >= min_chars {
                self.short.push((w, i as i8 + 1));
            } else if w.chars().count() >= 2 {
                self.few.push((w, i as i8 + 1));
            }
        }
    }

    /// Names, their prefixes and abbreviations; a prefix or abbreviation
    /// two months share is dropped, and a full name always wins over
    /// another month's abbreviation.
    fn map(self) -> HashMap<String, i8> {
        let mut map: HashMap<String, i8> = HashMap::new();
        let mut ambiguous = std::collections::HashSet::new();
        let mut add = |prefix: String, m: i8, map: &mut HashMap<String, i8>| match map.get(&prefix)
        {
            Some(other) if *other != m => {
                ambiguous.insert(prefix);
            }
            _ => {
                map.insert(prefix, m);
            }
        };
        for (name, m, prefixed) in &self.names {
            let chars: Vec<char> = name.chars().collect();
            let from = if *prefixed {
                3.min(chars.len())
            } else {
                chars.len()
            };
            for len in from..=chars.len() {
                let prefix: String = chars[..len].iter().collect();
                if len < chars.len() && NOT_MONTHS.contains(&prefix.as_str()) {
                    continue;
                }
                add(prefix, *m, &mut map);
            }
        }
        // Abbreviations count like prefixes: never an everyday word.
        for (w, m) in self.short {
            if !NOT_MONTHS.contains(&w.as_str()) {
                add(w, m, &mut map);
            }
        }
        for a in ambiguous {
            map.remove(&a);
        }
        // A full name two languages give two months keeps the first
        // language's (the guard's own before the others): Polish
        // "listopada" is November, Croatian October.
        let mut named = std::collections::HashSet::new();
        for (name, m, _) in self.names {
            if named.insert(name.clone()) {
                map.insert(name, m);
            }
        }
        map
    }
}
