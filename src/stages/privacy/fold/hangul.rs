//! Korean Hangul read in Latin letters, for the guard's second reading: a
//! patient whose plan says "Minjun Kim" or "Kim Min-jun" is named on a page
//! that says "김민준 님".
//!
//! Each syllable block is read in the Revised Romanization (김 "gim", 민
//! "min", 준 "jun"). Korean names are a family name of one syllable and a
//! given name of two, written together, so a run of three or four syllables
//! is read as two words: its first syllable and the rest ("gim" "minjun");
//! a shorter run is one word ("김 민준" is "gim" "minjun" too).
//! Honorifics and particles after it (님, 씨, 이, 가, 은...) are words of
//! their own. Family names are spelt in Latin letters by custom rather than
//! by the romanization (김 is Kim, 이 Lee, 박 Park): [`family_spellings`]
//! gives the usual ones, and the guard matches a family name only next to
//! the same patient's given name (see `scan::hangul`).

/// Hangul syllable blocks.
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xac00..=0xd7a3)
}

const INITIAL: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const MEDIAL: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const FINAL: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// One syllable block in the Revised Romanization, without the changes
/// of sound between syllables.
fn syllable(c: char) -> String {
    let Some(i) = (c as u32).checked_sub(0xac00).filter(|_| is_hangul(c)) else {
        return String::new();
    };
    let i = i as usize;
    let (initial, medial, last) = (i / (21 * 28), (i / 28) % 21, i % 28);
    format!("{}{}{}", INITIAL[initial], MEDIAL[medial], FINAL[last])
}

/// Endings written after a name: honorifics and particles, longest first.
const ENDINGS: &[&str] = &[
    "선생님",
    "환자분",
    "환자",
    "에게",
    "께서",
    "님",
    "씨",
    "께",
    "은",
    "는",
    "을",
    "를",
    "의",
    "가",
    "이",
    "과",
    "와",
    "도",
    "에",
];

/// A run of Hangul as words in Latin letters: a name's run (three or four
/// syllables once its endings are off) as its first syllable and the rest,
/// any other run whole, then each ending as a word of its own.
pub fn words(run: &str) -> Vec<String> {
    let count = |s: &str| s.chars().count();
    let (stem, endings) = super::kana::split_endings(run, ENDINGS);
    let read = |s: &str| s.chars().map(syllable).collect::<String>();
    let mut out = Vec::new();
    match stem.chars().next() {
        Some(first) if (3..=4).contains(&count(stem)) => {
            out.push(syllable(first));
            out.push(read(&stem[first.len_utf8()..]));
        }
        _ => out.push(read(stem)),
    }
    out.extend(endings.into_iter().map(read));
    out.retain(|w| !w.is_empty());
    out
}

/// The usual Latin spellings of a family name of one syllable, by its
/// romanization (`gim` is Kim or Gim); the romanization alone for the rest.
pub fn family_spellings(romanized: &str) -> &[&str] {
    const USUAL: &[(&str, &[&str])] = &[
        ("gim", &["kim", "gim"]),
        ("i", &["lee", "yi", "rhee", "i", "ri", "rhie", "yee"]),
        ("bak", &["park", "pak", "bak", "bahk"]),
        ("choe", &["choi", "choe", "chey"]),
        ("jeong", &["jung", "jeong", "chung", "cheong"]),
        ("gang", &["kang", "gang"]),
        ("jo", &["cho", "jo", "joe"]),
        ("yun", &["yoon", "yun"]),
        ("jang", &["jang", "chang"]),
        ("im", &["lim", "im", "rim", "yim"]),
        ("o", &["oh", "o"]),
        ("seo", &["seo", "suh", "so"]),
        ("sin", &["shin", "sin"]),
        ("gwon", &["kwon", "gwon"]),
        ("an", &["ahn", "an"]),
        ("ryu", &["ryu", "yoo", "yu", "ryoo", "rhyu"]),
        ("yu", &["yoo", "yu"]),
        ("jeon", &["jeon", "jun", "chun", "chon"]),
        ("go", &["ko", "go", "koh"]),
        ("mun", &["moon", "mun"]),
        ("son", &["son", "sohn"]),
        ("bae", &["bae", "pae"]),
        ("baek", &["baek", "paik", "baik", "paek"]),
        ("heo", &["heo", "hur", "huh"]),
        ("no", &["noh", "no", "roh"]),
        ("ha", &["ha"]),
        ("gu", &["koo", "ku", "goo", "gu"]),
        ("u", &["woo", "u"]),
        ("ju", &["joo", "ju", "chu"]),
        ("seong", &["sung", "seong"]),
        ("cha", &["cha"]),
        ("gwak", &["kwak", "gwak"]),
        ("geum", &["keum", "geum"]),
        ("byeon", &["byun", "byeon", "pyun"]),
        ("eom", &["um", "eom"]),
        ("won", &["won"]),
        ("cheon", &["chun", "cheon"]),
        ("bang", &["bang", "pang"]),
        ("gong", &["kong", "gong"]),
        ("hyeon", &["hyun", "hyeon"]),
        ("ham", &["ham", "hahm"]),
        ("yeom", &["yeom", "yum"]),
        ("yeo", &["yeo", "yuh"]),
        ("chu", &["choo", "chu"]),
        ("do", &["do", "doh"]),
        ("so", &["so"]),
        ("seok", &["seok", "suk"]),
        ("seon", &["sun", "seon"]),
        ("seol", &["sul", "seol"]),
        ("ma", &["ma"]),
        ("gil", &["kil", "gil"]),
        ("yeon", &["yeon", "yun"]),
        ("wi", &["wi", "wee"]),
        ("pyo", &["pyo"]),
        ("myeong", &["myung", "myeong"]),
        ("gi", &["ki", "gi"]),
        ("ban", &["ban", "pan"]),
        ("na", &["na", "nah", "ra"]),
        ("wang", &["wang"]),
        ("ok", &["ok"]),
        ("yuk", &["yook", "yuk"]),
        ("in", &["in"]),
        ("maeng", &["maeng"]),
        ("je", &["je", "jae"]),
        ("mo", &["mo"]),
        ("tak", &["tak", "tahk"]),
        ("guk", &["kook", "guk"]),
        ("eo", &["eo", "uh"]),
        ("eun", &["eun"]),
        ("pyeon", &["pyun", "pyeon"]),
        ("yong", &["yong"]),
    ];
    USUAL
        .iter()
        .find(|(r, _)| *r == romanized)
        .map_or(&[][..], |(_, s)| s)
}

/// The consonants a romanized Korean given name sounds, in the classes its
/// Latin spellings agree on (Min-jun, Minjoon; Seo-yeon, Suh-yun; Hyun-woo,
/// Hyeonu): vowels, `h`, `w` and `y` dropped, `g`/`k`, `d`/`t`, `b`/`p`,
/// `r`/`l`, `j`/`ch` one sound each, `ng` one sound.
pub fn given_key(w: &str) -> String {
    let b = w.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let two = b.get(i..i + 2);
        let (class, used) = match (b[i], two) {
            (_, Some(b"ng")) => (Some('N'), 2),
            (_, Some(b"ch")) => (Some('j'), 2),
            (_, Some(b"sh")) => (Some('s'), 2),
            (b'g' | b'k' | b'q' | b'c', _) => (Some('k'), 1),
            (b'd' | b't', _) => (Some('t'), 1),
            (b'b' | b'p' | b'f' | b'v', _) => (Some('p'), 1),
            (b'r' | b'l', _) => (Some('l'), 1),
            (b'z', _) => (Some('j'), 1),
            (c, _) if b"aeiouhwy".contains(&c) => (None, 1),
            (c, _) if c.is_ascii_lowercase() => (Some(char::from(c)), 1),
            _ => (None, 1),
        };
        if let Some(c) = class
            && !out.ends_with(c)
        {
            out.push(c);
        }
        i += used;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_in_the_revised_romanization() {
        for (hangul, want) in [
            ("김", "gim"),
            ("민", "min"),
            ("준", "jun"),
            ("박", "bak"),
            ("서", "seo"),
            ("연", "yeon"),
            ("이", "i"),
            ("최", "choe"),
            ("정", "jeong"),
            ("현", "hyeon"),
            ("우", "u"),
            ("철", "cheol"),
            ("희", "hui"),
        ] {
            let c = hangul.chars().next().unwrap_or(' ');
            assert_eq!(syllable(c), want, "{hangul}");
        }
    }

    #[test]
    fn a_name_is_its_family_syllable_and_the_rest() {
        assert_eq!(words("김민준"), ["gim", "minjun"]);
        assert_eq!(words("김민준님"), ["gim", "minjun", "nim"]);
        assert_eq!(words("박서연씨는"), ["bak", "seoyeon", "ssi", "neun"]);
        assert_eq!(words("민준"), ["minjun"]);
        assert_eq!(words("물리치료를"), ["mul", "richiryo", "reul"]);
        assert_eq!(words("이번"), ["ibeon"]);
        assert_eq!(words("안녕하세요"), ["annyeonghaseyo"]);
        assert_eq!(words("이"), ["i"]);
    }

    #[test]
    fn family_names_and_given_names_as_latin_letters_write_them() {
        assert!(family_spellings("gim").contains(&"kim"));
        assert!(family_spellings("i").contains(&"lee"));
        assert!(family_spellings("bak").contains(&"park"));
        assert!(family_spellings("annyeong").is_empty());
        assert_eq!(given_key("minjun"), given_key("minjoon"));
        assert_eq!(given_key("seoyeon"), given_key("suhyun"));
        assert_eq!(given_key("hyeonu"), given_key("hyunwoo"));
        assert_eq!(given_key("jiho"), given_key("chiho"));
        assert_ne!(given_key("minjun"), given_key("minsu"));
        assert_ne!(given_key("seoyeon"), given_key("seojin"));
    }
}
