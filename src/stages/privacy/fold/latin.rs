//! The guard's second reading of a text, for names written in another
//! alphabet: "Камински", "Καμίνσκι", "كامينسكي" and "קמינסקי" are all
//! Kaminski. Text in the alphabets that
//! spell sounds letter by letter (Cyrillic, Greek, Armenian, Georgian,
//! Hebrew, Arabic, the Indic scripts, Ethiopic) is read a second time in
//! Latin letters ([`latin_of`]), and each word is also compared by the
//! consonants it sounds ([`sound_key`]): transliterations differ in their
//! vowels (Arabic and Hebrew mostly leave them out) and in a few letters
//! (Уолтер, Вальтер and Walter; Лопес and Lopez), rarely in their
//! consonants.
//!
//! The same second reading takes digits and symbols typed for letters as
//! those letters ("K4minski", "K@minski": `fold/typed.rs`).
//!
//! Kana and Hangul spell syllables and are read by [`super::kana`] and
//! [`super::hangul`]. The other scripts written without spaces (Han, Thai)
//! are not here: a name in them is matched as written (see `names`).

/// Scripts that mostly leave vowels unwritten (Hebrew, Arabic): a name in
/// them is its consonants.
pub fn is_abjad(c: char) -> bool {
    matches!(c as u32, 0x0591..=0x05ff | 0x0600..=0x06ff | 0x0750..=0x077f | 0x08a0..=0x08ff)
}

/// Does `text` have a letter of [`is_alphabet_script`]? All of them are
/// U+0370 to U+1FFF, whose UTF-8 starts with a byte 0xCD to 0xE1, kana
/// (U+3041 to U+30FE, 0xE3; half-width U+FF66 to U+FF9F, 0xEF) or Hangul
/// (U+AC00 to U+D7A3, 0xEA to 0xED), so most text (ASCII, accented Latin,
/// typographic punctuation) is passed over a block of bytes at a time.
pub fn has_alphabet_script(text: &str) -> bool {
    let lead = |b: u8| (0xcd..=0xe1).contains(&b) || matches!(b, 0xe3 | 0xea..=0xed | 0xef);
    let any_lead = |block: &[u8]| block.iter().fold(false, |a, &b| a | lead(b));
    text.as_bytes().chunks(64).any(any_lead) && text.chars().any(is_alphabet_script)
}

/// Letters of the alphabets read again in Latin letters (and their
/// combining signs, which carry the vowels of the Indic scripts), Japanese
/// kana (see [`super::kana`]) and Korean Hangul (see [`super::hangul`]).
pub fn is_alphabet_script(c: char) -> bool {
    super::kana::is_kana(c)
        || super::hangul::is_hangul(c)
        || matches!(c as u32,
        0xff66..=0xff9f // half-width katakana (read as kana once NFKC)
        |
        0x0370..=0x03ff | 0x1f00..=0x1fff // Greek
        | 0x0400..=0x052f | 0x1c80..=0x1c8f // Cyrillic
        | 0x0531..=0x058f // Armenian
        | 0x0591..=0x05ff // Hebrew
        | 0x0600..=0x06ff | 0x0750..=0x077f | 0x08a0..=0x08ff // Arabic
        | 0x0900..=0x0dff // Devanagari to Sinhala
        | 0x10a0..=0x10ff | 0x1c90..=0x1cbf // Georgian
        | 0x1200..=0x137f) // Ethiopic
}

/// A run of letters of [`is_alphabet_script`] in Latin letters, lower
/// case, letters and digits only: deunicode's transliteration, after the
/// Greek digraphs that spell foreign sounds (μπ is b, ντ d, γκ g, τζ j,
/// and γου before a vowel w: Μπομπ, Ντόροθι, Τζον, Γουόλτερ).
pub fn latin_of(run: &str) -> String {
    let mut out = String::with_capacity(run.len());
    let chars: Vec<char> = run.chars().collect();
    let lower = |i: usize| chars.get(i).map(|c| greek_base(*c));
    let mut i = 0;
    while i < chars.len() {
        let pair = (lower(i), lower(i + 1));
        let digraph = match pair {
            (Some('μ'), Some('π')) => Some("b"),
            (Some('ν'), Some('τ')) => Some("d"),
            (Some('γ'), Some('κ')) => Some("g"),
            (Some('τ'), Some('ζ')) => Some("j"),
            (Some('γ'), Some('ο'))
                if lower(i + 2) == Some('υ') && lower(i + 3).is_some_and(is_greek_vowel) =>
            {
                i += 1;
                Some("w")
            }
            _ => None,
        };
        if let Some(d) = digraph {
            out.push_str(d);
            i += 2;
            continue;
        }
        if let Some(t) = deunicode::deunicode_char(chars[i]) {
            out.extend(
                t.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase()),
            );
        }
        i += 1;
    }
    out
}

/// A Latin name as other alphabets write it by ear, when English spelling
/// has silent letters: Walker is Уокер, Wright Райт, Knight Найт.
pub fn by_ear(w: &str) -> Option<String> {
    let mut out = w
        .replace("alk", "ak")
        .replace("olk", "ok")
        .replace("igh", "i");
    if let Some(rest) = out.strip_prefix("kn") {
        out = format!("n{rest}");
    }
    (out != w).then_some(out)
}

/// A Greek letter in lower case without its accent.
fn greek_base(c: char) -> char {
    let l = c.to_lowercase().next().unwrap_or(c);
    match l {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        _ => l,
    }
}

fn is_greek_vowel(c: char) -> bool {
    matches!(c, 'α' | 'ε' | 'η' | 'ι' | 'ο' | 'υ' | 'ω')
}

/// The consonants a word in Latin letters (lower case) sounds, in classes
/// that transliterations agree on: vowels, h, w, v and y dropped (Уолтер,
/// Вальтер and וולטר are all "ltr", as Walter is), p as b (Arabic has no
/// p), z, sh, zh and sch as s, c as k or s, x as ks, ch and ts as one
/// sound, dzh as j, nd as d and ng as g (Greek ντ and γκ), doubled letters
/// once. "kmnsk" is Kaminski in every alphabet here.
pub fn sound_key(w: &str) -> String {
    sounds(w, false)
}

/// [`sound_key`] with the vowels kept (y as i, w as v): two words that
/// sound alike and are spelt alike ("Lopes" and Lopez, "Nguen" and
/// Nguyen; not "Kamenskii" and Kaminski).
pub fn sound_spelling(w: &str) -> String {
    sounds(w, true)
}

fn sounds(w: &str, vowels: bool) -> String {
    let b = w.as_bytes();
    let mut out = String::with_capacity(w.len());
    let mut push = |c: char| {
        if !out.ends_with(c) {
            out.push(c);
        }
    };
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (class, used) = if rest == b"ff" {
            // A final в is said f, and was once written ff (Petroff).
            (if vowels { Some('v') } else { None }, 2)
        } else if rest.starts_with(b"shch") || rest.starts_with(b"szcz") {
            // Щ: shch, sch, szcz.
            (Some('s'), 4)
        } else if rest.starts_with(b"dzh") {
            (Some('j'), 3)
        } else if rest.starts_with(b"tch") || rest.starts_with(b"sch") {
            (Some(if rest[0] == b't' { 'C' } else { 's' }), 3)
        } else if let Some(c) = digraph(rest) {
            (c, 2)
        } else {
            (single(rest, vowels), 1)
        };
        if let Some(c) = class {
            push(c);
        }
        i += used;
    }
    out
}

/// The class of a two-letter sound at the start of `rest`, if it is one
/// (`Some(None)`: a sound that is dropped).
fn digraph(rest: &[u8]) -> Option<Option<char>> {
    let two = rest.get(..2)?;
    Some(match two {
        b"dj" => Some('j'),
        // Ж is zh, sch (Schukowa) or z (Polish): with the sibilants.
        b"sh" | b"zh" | b"sz" => Some('s'),
        b"ch" | b"ts" | b"tz" | b"cz" => Some('C'),
        b"kh" => None,
        b"gh" => Some('g'),
        b"ph" => Some('f'),
        b"th" => Some('t'),
        b"ck" => Some('k'),
        b"mb" => Some('b'),
        b"nd" => Some('d'),
        b"ng" => Some('g'),
        b"ks" => Some('x'),
        _ => return None,
    })
}

/// The class of one letter (`None`: dropped).
fn single(rest: &[u8], vowels: bool) -> Option<char> {
    Some(match rest[0] {
        b'a' | b'e' | b'i' | b'o' | b'u' if vowels => char::from(rest[0]),
        // A y before a vowel is a glide that transliterations drop
        // (Nguyen, Нгуен).
        b'y' if vowels && matches!(rest.get(1), Some(b'a' | b'e' | b'i' | b'o' | b'u')) => {
            return None;
        }
        b'y' if vowels => 'i',
        b'w' | b'v' if vowels => 'v',
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'v' | b'h' => return None,
        b'p' | b'b' => 'b',
        b'z' | b's' => 's',
        b'q' | b'k' => 'k',
        b'x' => 'x',
        b'c' if matches!(rest.get(1), Some(b'e' | b'i' | b'y')) => 's',
        b'c' => 'k',
        c if c.is_ascii_lowercase() => char::from(c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(foreign: &str) -> String {
        sound_key(&latin_of(foreign))
    }

    #[test]
    fn transliterations_sound_like_the_latin_name() {
        let cases: &[(&str, &[&str])] = &[
            (
                "walter",
                &[
                    "Вальтер",
                    "Уолтер",
                    "Γουόλτερ",
                    "والتر",
                    "וולטר",
                    "वाल्टर",
                    "ვალტერ",
                ],
            ),
            (
                "kaminski",
                &[
                    "Камински",
                    "Καμίνσκι",
                    "كامينسكي",
                    "קמינסקי",
                    "कमिंस्की",
                    "Կամինսկի",
                ],
            ),
            ("alexandra", &["Александра", "Αλεξάνδρα", "אלכסנדרה"]),
            ("alexander", &["Александр", "Αλεξάντερ"]),
            ("nguyen", &["Нгуен", "Νγκουγιέν", "נגוין"]),
            ("hernandez", &["Эрнандес", "Хернандес", "هيرنانديز"]),
            ("dorothy", &["Дороти", "Ντόροθι", "دوروثي", "דורותי"]),
            ("daniel", &["Даниэль", "Дэниел", "Ντάνιελ", "דניאל"]),
            ("okafor", &["Окафор", "Οκαφόρ"]),
            ("lopez", &["Лопес", "Λόπεζ", "لوبيز"]),
            ("maria", &["Мария", "Μαρία", "ماريا"]),
            ("john", &["Джон", "Τζον", "Ջոն"]),
            ("schwartz", &["Шварц"]),
            ("garcia", &["Гарсия"]),
            ("bob", &["Μπομπ"]),
        ];
        for (name, spellings) in cases {
            for s in *spellings {
                assert_eq!(key_of(s), sound_key(name), "{s} for {name}");
            }
        }
    }

    #[test]
    fn other_names_sound_otherwise() {
        for (a, b) in [
            ("kaminski", "Ковальски"),
            ("walter", "Виктор"),
            ("nguyen", "Нина"),
            ("lopez", "Лебедев"),
            ("hernandez", "Фернандес"),
        ] {
            assert_ne!(key_of(b), sound_key(a), "{b} is not {a}");
        }
    }

    #[test]
    fn sound_spellings_keep_the_vowels() {
        assert_eq!(sound_spelling("hernandez"), sound_spelling("ernandes"));
        assert_eq!(sound_spelling("lopez"), sound_spelling(&latin_of("Лопес")));
        assert_eq!(sound_spelling("nguyen"), sound_spelling(&latin_of("Нгуен")));
        assert_eq!(
            sound_spelling("kaminski"),
            sound_spelling(&latin_of("Каминский"))
        );
        assert_eq!(
            sound_spelling("kennedy"),
            sound_spelling(&latin_of("Кеннеди"))
        );
        assert_ne!(
            sound_spelling("kaminski"),
            sound_spelling(&latin_of("Каменский"))
        );
    }

    #[test]
    fn names_by_ear() {
        assert_eq!(
            sound_key(&latin_of("Уокер")),
            sound_key(&by_ear("walker").unwrap())
        );
        assert_eq!(
            sound_key(&latin_of("Райт")),
            sound_key(&by_ear("wright").unwrap())
        );
        assert_eq!(
            sound_key(&latin_of("Найт")),
            sound_key(&by_ear("knight").unwrap())
        );
        assert_eq!(by_ear("kaminski"), None);
    }

    #[test]
    fn every_alphabet_letter_is_found_by_its_lead_byte() {
        for c in ('\u{80}'..='\u{ffff}').filter(|c| is_alphabet_script(*c)) {
            assert!(has_alphabet_script(&format!("abc {c}")), "{c:?}");
        }
        assert!(!has_alphabet_script("Hernández — “quoted” · naïve"));
    }

    #[test]
    fn latin_spellings_of_a_name_in_another_alphabet_sound_alike() {
        for (name, others) in [
            ("Петров", &["petrow", "petroff", "petrov"][..]),
            ("Щербаков", &["shcherbakov", "scherbakow", "szczerbakow"]),
            ("Жукова", &["zhukova", "schukowa", "shukova", "zukowa"]),
        ] {
            let latin = latin_of(name);
            for other in others {
                assert_eq!(sound_key(other), sound_key(&latin), "{other}");
                assert_eq!(sound_spelling(other), sound_spelling(&latin), "{other}");
            }
        }
    }

    #[test]
    fn latin_of_reads_greek_digraphs_and_drops_signs() {
        assert_eq!(latin_of("Γουόλτερ"), "wolter");
        assert_eq!(latin_of("Ντόροθι"), "dorothi");
        assert_eq!(latin_of("Вальтер"), "valter");
        assert_eq!(latin_of("Камински"), "kaminski");
    }
}
