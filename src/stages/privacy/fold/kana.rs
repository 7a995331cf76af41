//! Japanese kana read in Latin letters, for the guard's second reading: a
//! patient whose plan says "Yuki Tanaka" is named on a page that says
//! "タナカ・ユキさん" or "たなか ゆき さま".
//!
//! Kana spell syllables, and Hepburn romanization (the one passports and
//! most plans use) reads them one way: タナカ is "tanaka", シュウジ
//! "shuji", ハットリ "hattori". Long vowels are written many ways in Latin
//! letters (Satō, Sato, Satou, Satoh for さとう): a kana word is read with
//! them short ("sato"), as a plan most often writes them, and as the
//! guard's folding writes "Satō".
//!
//! Japanese writes no spaces: a name in hiragana runs into the honorific or
//! the particle after it ("ゆきさんは"). Those endings are read as words of
//! their own, joined to the name, so the name is a whole word and a
//! longer name that ends in one ("ゆきの", Yukino) is still spelt by the
//! words together. Katakana runs end where hiragana starts.

/// The consonants a word sounds as kana write it ([`super::latin::sound_key`]
/// with `l` and `r` one sound, `v` as `b`): "ropesu" (ロペス) is Lopez's
/// "lbs", "kaminsuki" Kaminski's "kmnsk". A Latin name is compared by
/// [`name_keys`].
pub fn sound_key(w: &str) -> String {
    super::latin::sound_key(&w.replace('v', "b")).replace('r', "l")
}

/// The [`sound_key`]s of a name in Latin letters as kana would write it:
/// as it is, without a final `r` (Walter is ウォルター, "woruta"), and with
/// `th` as `s` (Dorothy is ドロシー, "doroshi").
pub fn name_keys(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_string()];
    let unsaid = unsaid_r(name);
    if unsaid != name {
        forms.push(unsaid);
    }
    if name.contains("th") {
        let more: Vec<String> = forms.iter().map(|f| f.replace("th", "s")).collect();
        forms.extend(more);
    }
    let mut keys: Vec<String> = forms.iter().map(|f| sound_key(f)).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// `name` without the `r`s English leaves unsaid and kana leave out: after
/// a vowel, before a consonant or at the end (Walter is ウォルター, Thornton
/// ソーントン).
fn unsaid_r(name: &str) -> String {
    let b = name.as_bytes();
    let vowel = |i: usize| b.get(i).is_some_and(|c| b"aeiou".contains(c));
    let kept = (0..b.len()).filter(|&i| !(b[i] == b'r' && i > 0 && vowel(i - 1) && !vowel(i + 1)));
    kept.map(|i| char::from(b[i])).collect()
}

/// Hiragana, katakana and the prolonged sound mark.
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x3096 | 0x309d..=0x309e | 0x30a1..=0x30fa | 0x30fc..=0x30fe)
}

/// Katakana (and the prolonged sound mark, which both write).
fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30a1..=0x30fa | 0x30fd..=0x30fe)
}

/// The prolonged sound mark (ー), which hiragana and katakana both write.
pub fn is_prolonged(c: char) -> bool {
    c == '\u{30fc}'
}

/// Do `a` (the last letter of a run but a prolonged sound mark) and `b`
/// belong to one run of the second reading? Kana and Hangul do not run on
/// into other scripts, nor hiragana into katakana ("ユキさん" is "yuki" and "san",
/// "スキーさん" "suki" and "san"); the prolonged sound mark goes with either.
pub fn same_run(a: char, b: char) -> bool {
    use super::hangul::is_hangul;
    match (is_kana(a), is_kana(b)) {
        (true, true) => is_prolonged(b) || is_katakana(a) == is_katakana(b),
        (false, false) => is_hangul(a) == is_hangul(b),
        _ => false,
    }
}

/// Endings written after a name in hiragana: honorifics and particles,
/// longest first.
const ENDINGS: &[&str] = &[
    "せんせい",
    "ちゃん",
    "さんへ",
    "から",
    "まで",
    "より",
    "さん",
    "さま",
    "くん",
    "どの",
    "は",
    "が",
    "の",
    "を",
    "に",
    "へ",
    "と",
    "も",
    "で",
    "や",
    "ね",
    "よ",
];

/// A run of kana as words in Latin letters (lower case): the run itself,
/// then each honorific or particle ending a hiragana run as a word of its
/// own. Empty words are left out.
pub fn words(run: &str) -> Vec<String> {
    let (stem, endings) = match run.chars().any(is_katakana) {
        true => (run, Vec::new()),
        false => split_endings(run, ENDINGS),
    };
    std::iter::once(stem)
        .chain(endings)
        .map(latin)
        .filter(|w| !w.is_empty())
        .collect()
}

/// `run` without the `endings` (honorifics, particles; longest first) it
/// ends with, one after the other, and those endings in the order they
/// were written. A name is two characters or more: an ending is split off
/// only when two are left before it. For kana and Hangul alike.
pub(super) fn split_endings<'a>(
    run: &'a str,
    endings: &[&'static str],
) -> (&'a str, Vec<&'static str>) {
    let count = |s: &str| s.chars().count();
    let mut stem = run;
    let mut found = Vec::new();
    while let Some(e) = endings
        .iter()
        .find(|e| stem.ends_with(**e) && count(stem) >= count(e) + 2)
    {
        stem = &stem[..stem.len() - e.len()];
        found.push(*e);
    }
    found.reverse();
    (stem, found)
}

/// Kana in Hepburn romanization with long vowels short: "シュウジ" is
/// "shuji", "さとう" "sato", "カミンスキー" "kaminsuki".
pub fn latin(run: &str) -> String {
    let mut out = String::with_capacity(run.len());
    // A small っ/ッ doubles the consonant after it.
    let mut double = false;
    let mut last = "";
    for c in run.chars() {
        let hira = hiragana(c);
        match hira {
            'っ' => {
                double = true;
                continue;
            }
            'ー' => continue,
            'ゝ' | 'ゞ' => {
                let repeat = last;
                out.push_str(repeat);
                continue;
            }
            'ゃ' | 'ゅ' | 'ょ' | 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'ゎ' => {
                small(&mut out, hira);
                continue;
            }
            _ => {}
        }
        let Some(syllable) = syllable(hira) else {
            continue;
        };
        if std::mem::take(&mut double) {
            match syllable.as_bytes()[0] {
                b'c' => out.push('t'),
                b if !matches!(b, b'a' | b'i' | b'u' | b'e' | b'o' | b'n') => {
                    out.push(char::from(b))
                }
                _ => {}
            }
        }
        out.push_str(syllable);
        last = syllable;
    }
    short_vowels(&out)
}

/// The hiragana of a katakana letter (others as they are).
fn hiragana(c: char) -> char {
    match c as u32 {
        0x30a1..=0x30f6 | 0x30fd..=0x30fe => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// A small kana after a syllable: a glide (き+ゃ is "kya", し+ゃ "sha") or
/// a vowel of a sound Japanese borrowed (フ+ァ is "fa", テ+ィ "ti", ウ+ォ
/// "wo").
fn small(out: &mut String, c: char) {
    let vowel = match c {
        'ゃ' | 'ぁ' | 'ゎ' => 'a',
        'ゅ' | 'ぅ' => 'u',
        'ょ' | 'ぉ' => 'o',
        'ぃ' => 'i',
        _ => 'e',
    };
    let glide = matches!(c, 'ゃ' | 'ゅ' | 'ょ' | 'ゎ');
    let Some(prev) = out.pop() else {
        out.push(vowel);
        return;
    };
    // The syllable before ended in a vowel, dropped for the small one's.
    let ends_sh = out.ends_with("sh") || out.ends_with("ch") || out.ends_with('j');
    let bare = out.is_empty() || out.ends_with(['a', 'i', 'u', 'e', 'o', 'n']);
    if glide {
        if !ends_sh {
            out.push(if c == 'ゎ' { 'w' } else { 'y' });
        }
    } else if bare {
        // A vowel alone before it: ウォ is "wo", イェ "ye".
        match prev {
            'u' => out.push('w'),
            'i' => out.push('y'),
            _ => out.push(prev),
        }
    }
    out.push(vowel);
}

/// Long vowels read short: "ou", "oo", "uu", "aa", "ii" and "ee" are one
/// vowel ("satou" is "sato", "yuuki" "yuki").
fn short_vowels(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let long = match (out.chars().last(), c) {
            (Some('o'), 'u' | 'o') => true,
            (Some(v), c) => v == c && matches!(c, 'a' | 'i' | 'u' | 'e'),
            _ => false,
        };
        if !long {
            out.push(c);
        }
    }
    out
}

/// One hiragana letter's syllable in Hepburn (`None` for what is not one).
fn syllable(c: char) -> Option<&'static str> {
    const ROWS: &[(char, [&str; 5])] = &[
        ('あ', ["a", "i", "u", "e", "o"]),
        ('か', ["ka", "ki", "ku", "ke", "ko"]),
        ('が', ["ga", "gi", "gu", "ge", "go"]),
        ('さ', ["sa", "shi", "su", "se", "so"]),
        ('ざ', ["za", "ji", "zu", "ze", "zo"]),
        ('た', ["ta", "chi", "tsu", "te", "to"]),
        ('だ', ["da", "ji", "zu", "de", "do"]),
        ('な', ["na", "ni", "nu", "ne", "no"]),
        ('は', ["ha", "hi", "fu", "he", "ho"]),
        ('ば', ["ba", "bi", "bu", "be", "bo"]),
        ('ぱ', ["pa", "pi", "pu", "pe", "po"]),
        ('ま', ["ma", "mi", "mu", "me", "mo"]),
        ('ら', ["ra", "ri", "ru", "re", "ro"]),
    ];
    Some(match c {
        'ぁ'..='お' => ["a", "i", "u", "e", "o"][(c as usize - 'ぁ' as usize) / 2],
        'か'..='ぢ' => {
            // Voiced and plain letters alternate: か が き ぎ … ち ぢ.
            let i = c as usize - 'か' as usize;
            let row = ['か', 'さ', 'た'][i / 10];
            let voiced = i % 2 == 1;
            let base = ROWS.iter().position(|r| r.0 == row)?;
            ROWS[base + usize::from(voiced)].1[(i % 10) / 2]
        }
        'つ' | 'づ' => ["tsu", "zu"][usize::from(c == 'づ')],
        'て' | 'で' => ["te", "de"][usize::from(c == 'で')],
        'と' | 'ど' => ["to", "do"][usize::from(c == 'ど')],
        'な'..='の' => ROWS[7].1[c as usize - 'な' as usize],
        'は'..='ぽ' => {
            // は ば ぱ ひ び ぴ …
            let i = c as usize - 'は' as usize;
            ROWS[8 + i % 3].1[i / 3]
        }
        'ま'..='も' => ROWS[11].1[c as usize - 'ま' as usize],
        'や' => "ya",
        'ゆ' => "yu",
        'よ' => "yo",
        'ら'..='ろ' => ROWS[12].1[c as usize - 'ら' as usize],
        'わ' => "wa",
        'ゐ' => "i",
        'ゑ' => "e",
        'を' => "o",
        'ん' => "n",
        'ゔ' => "vu",
        'ゕ' => "ka",
        'ゖ' => "ke",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kana_read_in_hepburn_with_long_vowels_short() {
        for (kana, want) in [
            ("タナカ", "tanaka"),
            ("たなか", "tanaka"),
            ("ヤマモト", "yamamoto"),
            ("ゆき", "yuki"),
            ("ユーキ", "yuki"),
            ("さとう", "sato"),
            ("サトウ", "sato"),
            ("おおの", "ono"),
            ("しゅうじ", "shuji"),
            ("キョウコ", "kyoko"),
            ("ハットリ", "hattori"),
            ("まっちゃ", "matcha"),
            ("けいこ", "keiko"),
            ("しんじ", "shinji"),
            ("ちひろ", "chihiro"),
            ("つばさ", "tsubasa"),
            ("ふじわら", "fujiwara"),
            ("わたなべ", "watanabe"),
            ("こばやし", "kobayashi"),
            ("すずき", "suzuki"),
            ("ぱぴぷぺぽ", "papipupepo"),
            ("ばびぶべぼ", "babibubebo"),
            ("だぢづでど", "dajizudedo"),
            ("ジェームズ", "jemuzu"),
            ("ファティマ", "fatima"),
            ("ウォルター", "woruta"),
            ("カミンスキー", "kaminsuki"),
            ("ティム", "timu"),
            ("ヴィクトル", "vikutoru"),
        ] {
            assert_eq!(latin(kana), want, "{kana}");
        }
    }

    #[test]
    fn endings_after_a_name_in_hiragana_are_words_of_their_own() {
        assert_eq!(words("ゆきさん"), ["yuki", "san"]);
        assert_eq!(words("たなかさんは"), ["tanaka", "san", "ha"]);
        assert_eq!(words("ゆきの"), ["yuki", "no"]);
        // Too short to hold a name and an ending; katakana keep theirs.
        assert_eq!(words("はは"), ["haha"]);
        assert_eq!(words("タナカサン"), ["tanakasan"]);
        assert_eq!(words("すーぱーさん"), ["supa", "san"]);
    }

    #[test]
    fn latin_names_sound_as_kana_write_them() {
        for (name, kana) in [
            ("lopez", "ロペス"),
            ("maria", "マリア"),
            ("walter", "ウォルター"),
            ("kaminski", "カミンスキー"),
            ("dorothy", "ドロシー"),
            ("okafor", "オカフォー"),
            ("hernandez", "エルナンデス"),
            ("david", "デイビッド"),
            ("nguyen", "グエン"),
            ("peter", "ピーター"),
            ("mueller", "ミューラー"),
            ("thornton", "ソーントン"),
            ("edith", "イーディス"),
            ("victor", "ビクター"),
        ] {
            let key = sound_key(&latin(kana));
            assert!(name_keys(name).contains(&key), "{kana} ({key}) for {name}");
        }
        for (name, kana) in [
            ("lopez", "ロボット"),
            ("walter", "ウォーター"),
            ("maria", "マスク"),
        ] {
            let key = sound_key(&latin(kana));
            assert!(!name_keys(name).contains(&key), "{kana} is not {name}");
        }
    }

    #[test]
    fn runs_break_between_scripts() {
        assert!(same_run('タ', 'ナ'));
        assert!(same_run('ユ', 'ー'));
        assert!(same_run('ゆ', 'き'));
        assert!(!same_run('キ', 'さ'));
        assert!(same_run('き', 'ー'));
        assert!(!same_run('き', 'ж'));
        assert!(same_run('ж', 'д'));
        assert!(same_run('김', '민'));
        assert!(!same_run('김', 'ж'));
    }
}
