//! Numbers written as one word in Italian and Dutch, as a date's day or
//! year is written out: "trentuno" (31), "millenovecentocinquanta"
//! (1950), "duemiladieci" (2010); "eenendertig" (31), "dertigste"
//! (30th), "negentienvijftig" and "negentienhonderdvijftig" (1950).
//! Read from one folded token (accents gone: "tweeëntwintig" is
//! "tweeentwintig"); [`super::compound`] reads German and French ones and
//! hands the rest here. Every word of a page that is no other number word
//! comes here, so its first three letters are looked up in a bitmap
//! before it is taken apart.

use std::sync::LazyLock;

const IT_UNITS: [(&str, u32); 9] = [
    ("uno", 1),
    ("due", 2),
    ("tre", 3),
    ("quattro", 4),
    ("cinque", 5),
    ("sei", 6),
    ("sette", 7),
    ("otto", 8),
    ("nove", 9),
];

const IT_TEENS: [(&str, u32); 10] = [
    ("dieci", 10),
    ("undici", 11),
    ("dodici", 12),
    ("tredici", 13),
    ("quattordici", 14),
    ("quindici", 15),
    ("sedici", 16),
    ("diciassette", 17),
    ("diciotto", 18),
    ("diciannove", 19),
];

const IT_TENS: [(&str, u32); 8] = [
    ("venti", 20),
    ("trenta", 30),
    ("quaranta", 40),
    ("cinquanta", 50),
    ("sessanta", 60),
    ("settanta", 70),
    ("ottanta", 80),
    ("novanta", 90),
];

const NL_UNITS: [(&str, u32); 9] = [
    ("een", 1),
    ("twee", 2),
    ("drie", 3),
    ("vier", 4),
    ("vijf", 5),
    ("zes", 6),
    ("zeven", 7),
    ("acht", 8),
    ("negen", 9),
];

const NL_TEENS: [(&str, u32); 10] = [
    ("tien", 10),
    ("elf", 11),
    ("twaalf", 12),
    ("dertien", 13),
    ("veertien", 14),
    ("vijftien", 15),
    ("zestien", 16),
    ("zeventien", 17),
    ("achttien", 18),
    ("negentien", 19),
];

const NL_TENS: [(&str, u32); 8] = [
    ("twintig", 20),
    ("dertig", 30),
    ("veertig", 40),
    ("vijftig", 50),
    ("zestig", 60),
    ("zeventig", 70),
    ("tachtig", 80),
    ("negentig", 90),
];

/// The first three letters of every word above, and of "mille", "cento",
/// "eerste", "derde", "honderd", "duizend": a number word of these
/// languages starts with one of them.
static STARTS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 26 * 26 * 26 / 64 + 1];
    let tables = [
        &IT_UNITS[..],
        &IT_TEENS,
        &IT_TENS,
        &NL_UNITS,
        &NL_TEENS,
        &NL_TENS,
    ];
    let more = ["mille", "cento", "eerste", "derde", "honderd", "duizend"];
    let words = tables
        .iter()
        .flat_map(|t| t.iter().map(|(w, _)| *w))
        .chain(more);
    for w in words {
        if let Some(k) = key(w) {
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    bits
});

/// Where a word's first three letters put it in [`STARTS`].
fn key(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let l = |i: usize| {
        b.get(i)
            .filter(|c| c.is_ascii_lowercase())
            .map(|c| usize::from(c - b'a'))
    };
    Some((l(0)? * 26 + l(1)?) * 26 + l(2)?)
}

/// An Italian or Dutch number written as one word (ASCII lower case): its
/// value and whether it is an ordinal. "elf" alone is an elf, not 11.
pub(super) fn read(w: &str) -> Option<(u32, bool)> {
    let k = key(w)?;
    if STARTS[k / 64] & (1 << (k % 64)) == 0 || w == "elf" {
        return None;
    }
    italian(w).map(|v| (v, false)).or_else(|| dutch(w))
}

fn table(t: &[(&str, u32)], w: &str) -> Option<u32> {
    t.iter().find(|(s, _)| *s == w).map(|(_, v)| *v)
}

/// "[n]mila" or "mille", then "[n]cento", then below a hundred.
fn italian(w: &str) -> Option<u32> {
    let mut rest = w;
    let mut total = 0;
    if let Some(r) = rest.strip_prefix("mille") {
        total = 1000;
        rest = r;
    } else if let Some(i) = rest.find("mila") {
        total = it_below_hundred(&rest[..i])? * 1000;
        rest = &rest[i + 4..];
    }
    if let Some(i) = rest.find("cent") {
        let n = if i == 0 {
            1
        } else {
            table(&IT_UNITS, &rest[..i])?
        };
        total += n * 100;
        // "cento", "centodieci", and "centotto" (cento + otto).
        rest = &rest[i + 4..];
        if rest == "o" {
            rest = "";
        } else if !rest.starts_with("ott") {
            rest = rest.strip_prefix('o')?;
        }
    }
    if !rest.is_empty() {
        total += it_below_hundred(rest)?;
    }
    (total > 0).then_some(total)
}

/// "sette", "diciotto", "trenta", "trentadue", "ventuno" and "trentotto"
/// (the ten's last vowel dropped before "uno" and "otto").
fn it_below_hundred(w: &str) -> Option<u32> {
    if let Some(v) = table(&IT_UNITS, w)
        .or_else(|| table(&IT_TEENS, w))
        .or_else(|| table(&IT_TENS, w))
    {
        return Some(v);
    }
    IT_TENS.iter().find_map(|(ten, tv)| {
        let unit = w
            .strip_prefix(ten)
            .or_else(|| w.strip_prefix(&ten[..ten.len() - 1]))?;
        Some(tv + table(&IT_UNITS, unit)?)
    })
}

/// "[n]duizend", then "[n]honderd", then below a hundred; a year said as
/// two numbers ("negentienvijftig"); with an ordinal ending ("-ste",
/// "-de") or none.
fn dutch(w: &str) -> Option<(u32, bool)> {
    let (stem, ordinal) = match w {
        "eerste" => ("een", true),
        "derde" => ("drie", true),
        _ => match w.strip_suffix("ste").or_else(|| w.strip_suffix("de")) {
            Some(s) => (s, true),
            None => (w, false),
        },
    };
    let mut rest = stem;
    let mut total = 0;
    for (word, times) in [("duizend", 1000), ("honderd", 100)] {
        if let Some(i) = rest.find(word) {
            let n = if i == 0 {
                1
            } else {
                nl_below_hundred(&rest[..i])?
            };
            total += n * times;
            rest = &rest[i + word.len()..];
        }
    }
    if total == 0 {
        // "negentienvijftig": 19, then 50.
        if let Some(v) = NL_TEENS.iter().find_map(|(teen, tv)| {
            let r = rest.strip_prefix(teen).filter(|r| !r.is_empty())?;
            Some(tv * 100 + nl_below_hundred(r)?)
        }) {
            return Some((v, ordinal));
        }
    }
    if !rest.is_empty() {
        total += nl_below_hundred(rest)?;
    }
    (total > 0).then_some((total, ordinal))
}

/// "zeven", "negentien", "dertig", "eenendertig", "tweeentwintig".
fn nl_below_hundred(w: &str) -> Option<u32> {
    if let Some(v) = table(&NL_UNITS, w)
        .or_else(|| table(&NL_TEENS, w))
        .or_else(|| table(&NL_TENS, w))
    {
        return Some(v);
    }
    NL_UNITS.iter().find_map(|(unit, uv)| {
        let ten = w.strip_prefix(unit)?.strip_prefix("en")?;
        Some(uv + table(&NL_TENS, ten)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_and_dutch_numbers_in_one_word() {
        for (w, want) in [
            ("trenta", (30, false)),
            ("trentuno", (31, false)),
            ("ventotto", (28, false)),
            ("ventitre", (23, false)),
            ("dodici", (12, false)),
            ("millenovecentocinquanta", (1950, false)),
            ("millenovecentosessantotto", (1968, false)),
            ("millenovecentotto", (1908, false)),
            ("duemiladieci", (2010, false)),
            ("dertig", (30, false)),
            ("eenendertig", (31, false)),
            ("tweeentwintig", (22, false)),
            ("dertigste", (30, true)),
            ("eerste", (1, true)),
            ("twaalfde", (12, true)),
            ("negentienvijftig", (1950, false)),
            ("negentienhonderdvijftig", (1950, false)),
            ("negentienachtenzestig", (1968, false)),
            ("tweeduizendtien", (2010, false)),
        ] {
            assert_eq!(read(w), Some(want), "{w}");
        }
        for w in [
            "elf", "trend", "seize", "tremendo", "centro", "otter", "derden", "zeste", "eend",
            "milano", "tiende1", "",
        ] {
            assert_eq!(read(w), None, "{w}");
        }
    }
}
