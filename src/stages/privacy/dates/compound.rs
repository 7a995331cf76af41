//! Numbers written as one word, as German writes every number and French
//! its ordinals: "dreißigsten" (30th), "einunddreißigste" (31st),
//! "neunzehnhundertfünfzig" (1950), "trentième" (30th). Read from one
//! folded token (ß is "ss", accents gone); [`super::joined`] reads the
//! Italian and Dutch ones; [`super::spelt`] reads the languages that
//! write a number in several words.

/// German units as they start a compound ("ein" of "einunddreißig").
const DE_UNITS: [(&str, u32); 10] = [
    ("eins", 1),
    ("ein", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("funf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
];

/// German 10 to 19 ("elf" alone is an English word: read only as a part).
const DE_TEENS: [(&str, u32); 10] = [
    ("zehn", 10),
    ("elf", 11),
    ("zwolf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("funfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
];

const DE_TENS: [(&str, u32); 8] = [
    ("zwanzig", 20),
    ("dreissig", 30),
    ("vierzig", 40),
    ("funfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

/// French ordinals of a day (folded: "trentième" is "trentieme"), and
/// the "unième" of "vingt et unième".
const FR_ORDINALS: [(&str, u32); 19] = [
    ("unieme", 1),
    ("deuxieme", 2),
    ("troisieme", 3),
    ("quatrieme", 4),
    ("cinquieme", 5),
    ("sixieme", 6),
    ("septieme", 7),
    ("huitieme", 8),
    ("neuvieme", 9),
    ("dixieme", 10),
    ("onzieme", 11),
    ("douzieme", 12),
    ("treizieme", 13),
    ("quatorzieme", 14),
    ("quinzieme", 15),
    ("seizieme", 16),
    ("vingtieme", 20),
    ("trentieme", 30),
    ("seconde", 2),
];

/// A number written as one word: its value and whether it is an ordinal.
/// A lone German cardinal below a hundred ("zwei", "acht") is returned
/// too; the caller treats it as a weak day, as it does "fourteen".
/// Every word of a page that is no number word of the other languages
/// comes here, so the word's start (or a French ordinal's ending) is
/// looked at before it is taken apart.
pub(super) fn read(w: &str) -> Option<(u32, bool)> {
    if w.len() < 3 || w.len() > 40 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if w.ends_with("ieme") || w == "seconde" {
        return FR_ORDINALS
            .iter()
            .find(|(f, _)| *f == w)
            .map(|(_, v)| (*v, true));
    }
    if DE_STARTS.iter().any(|p| w.starts_with(p))
        && let Some(n) = german(w)
    {
        return Some(n);
    }
    super::joined::read(w)
}

/// How every German number word starts: a unit, a teen or a ten
/// ("sech" of "sechzehn", "sieb" of "siebzig"), "tausend", "hundert", or
/// an irregular ordinal ("ersten", "dritte").
const DE_STARTS: [&str; 17] = [
    "ein", "zwei", "zwolf", "zwanzig", "drei", "dritt", "vier", "funf", "sech", "sieb", "acht",
    "neun", "zehn", "elf", "erst", "tausend", "hundert",
];

/// A German number word: "[n]tausend", "[n]hundert", then below a hundred,
/// with an ordinal ending ("-te", "-ste" and their cases) or none.
fn german(w: &str) -> Option<(u32, bool)> {
    let (stem, ordinal) = ordinal_stem(w).map_or((w, false), |s| (s, true));
    let mut rest = stem;
    let mut total = 0;
    if let Some(i) = rest.find("tausend") {
        let n = if i == 0 {
            1
        } else {
            below_hundred(&rest[..i])?
        };
        total += n * 1000;
        rest = &rest[i + "tausend".len()..];
    }
    if let Some(i) = rest.find("hundert") {
        let n = if i == 0 {
            1
        } else {
            below_hundred(&rest[..i])?
        };
        total += n * 100;
        rest = &rest[i + "hundert".len()..];
    }
    if !rest.is_empty() {
        total += below_hundred(rest)?;
    } else if total == 0 {
        return None;
    }
    // "elf" alone is an elf; "elfte", "elften" are the 11th.
    if total == 11 && !ordinal && stem == "elf" {
        return None;
    }
    Some((total, ordinal))
}

/// The number below a hundred a whole word is: "sieben", "zwolf",
/// "dreiundzwanzig".
fn below_hundred(w: &str) -> Option<u32> {
    let table = |t: &[(&str, u32)]| t.iter().find(|(s, _)| *s == w).map(|(_, v)| *v);
    if let Some(v) = table(&DE_UNITS)
        .or_else(|| table(&DE_TEENS))
        .or_else(|| table(&DE_TENS))
    {
        return Some(v);
    }
    let (unit, ten) = w.split_once("und")?;
    let u = DE_UNITS.iter().find(|(s, _)| *s == unit && *s != "eins")?.1;
    let t = DE_TENS.iter().find(|(s, _)| *s == ten)?.1;
    Some(t + u)
}

/// The cardinal a German ordinal is made from, its ending cut off:
/// "dreissigsten" → "dreissig", "siebten" → "sieben", "ersten" → "eins".
fn ordinal_stem(w: &str) -> Option<&str> {
    const CASES: [&str; 5] = ["", "n", "r", "s", "m"];
    for case in CASES {
        let Some(base) = w.strip_suffix(case) else {
            continue;
        };
        let Some(base) = base.strip_suffix('e') else {
            continue;
        };
        // Irregular ones first.
        for (ord, card) in [
            ("erst", "eins"),
            ("dritt", "drei"),
            ("siebt", "sieben"),
            ("siebent", "sieben"),
            ("acht", "acht"),
        ] {
            if let Some(head) = base.strip_suffix(ord) {
                return match head {
                    "" => Some(card),
                    _ => None,
                };
            }
        }
        if let Some(stem) = base.strip_suffix("st").filter(|s| s.ends_with("ig")) {
            return Some(stem);
        }
        // "einte" (united) is a verb: the 1st and 3rd are irregular.
        if let Some(stem) = base
            .strip_suffix('t')
            .filter(|s| !s.is_empty() && !["ein", "eins", "drei"].contains(s))
        {
            return Some(stem);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_german_number_word_has_a_start_the_filter_knows() {
        let words = DE_UNITS.iter().chain(&DE_TEENS).chain(&DE_TENS);
        for (w, _) in words {
            assert!(DE_STARTS.iter().any(|p| w.starts_with(p)), "{w}");
        }
    }

    #[test]
    fn one_word_numbers() {
        for (w, want) in [
            ("dreissigsten", (30, true)),
            ("dreissigste", (30, true)),
            ("einunddreissigsten", (31, true)),
            ("ersten", (1, true)),
            ("dritte", (3, true)),
            ("siebten", (7, true)),
            ("achten", (8, true)),
            ("zwolften", (12, true)),
            ("elften", (11, true)),
            ("zwanzigsten", (20, true)),
            ("vierundzwanzigster", (24, true)),
            ("neunzehnhundertfunfzig", (1950, false)),
            ("neunzehnhundertachtundsechzig", (1968, false)),
            ("zweitausendzehn", (2010, false)),
            ("trentieme", (30, true)),
            ("sieben", (7, false)),
        ] {
            assert_eq!(read(w), Some(want), "{w}");
        }
        for w in [
            "elf",
            "second",
            "einst",
            "dreist",
            "meiste",
            "letzten",
            "heute",
            "seite",
            "acht1",
            "und",
            "hundertmal",
            "einte",
            "dreiten",
        ] {
            assert_eq!(read(w), None, "{w}");
        }
    }
}
