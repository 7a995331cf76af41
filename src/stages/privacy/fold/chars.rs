//! The character tables of folding: what vanishes, digits of other
//! scripts, enclosed and special letters, small capitals, and the scripts
//! written without spaces.

use unicode_normalization::char::is_combining_mark;

/// Characters that vanish: those that print as nothing (soft hyphen,
/// zero-width space and joiners, bidi controls, variation selectors,
/// Arabic tatweel: [`crate::base::invisible::is_invisible`]), and
/// combining marks (accents).
pub(super) fn is_ignorable(c: char) -> bool {
    is_combining_mark(c) || crate::base::invisible::is_invisible(c)
}

/// Decimal digits of other scripts, as ASCII (full-width digits are
/// already ASCII after NFKC).
pub(super) fn decimal_digit(c: char) -> Option<char> {
    const ZEROS: [u32; 22] = [
        0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
        0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10, 0x1d7ce,
    ];
    let u = c as u32;
    ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&u))
        .and_then(|z| char::from_digit(u - z, 10))
}

/// Enclosed capitals that NFKC leaves alone: negative circled and squared
/// letters (🅚, 🅺) and regional indicators (🇰), which read as letters.
pub(super) fn enclosed_letter(c: char) -> Option<char> {
    let u = c as u32;
    [0x1f150, 0x1f170, 0x1f1e6]
        .iter()
        .find(|base| (**base..**base + 26).contains(&u))
        .and_then(|base| char::from_u32(u32::from(b'a') + u - base))
}

/// The plain Latin letter, lower case, that an accented one decomposes to
/// (`Í` → `i`, `Ǩ` → `k`).
pub(super) fn latin_base(c: char) -> Option<char> {
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |p| {
        base.get_or_insert(p);
    });
    base.filter(|b| b.is_ascii_alphabetic() && *b != c)
        .map(|b| b.to_ascii_lowercase())
}

/// Letters that neither decomposition nor the confusables data turn into
/// plain Latin letters.
pub(super) fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        'ð' | 'Ð' | 'đ' | 'Đ' => "d",
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'ı' => "i",
        'ĸ' => "k",
        _ => return None,
    })
}

/// Small capitals and turned letters that the confusables data gives as
/// the prototype of some Cyrillic lower-case letters (к → ĸ, м → ʍ).
pub(super) fn small_capital(c: char) -> Option<char> {
    Some(match c {
        'ĸ' | 'ᴋ' => 'k',
        'ʍ' | 'ᴍ' => 'm',
        'ᴛ' => 't',
        'ʜ' => 'h',
        'ʙ' => 'b',
        'π' => 'n',
        'ɢ' => 'g',
        'ʟ' => 'l',
        'ɴ' => 'n',
        'ʀ' => 'r',
        'ᴀ' => 'a',
        'ᴇ' => 'e',
        'ɪ' => 'i',
        'ᴏ' => 'o',
        'ᴜ' => 'u',
        'ʏ' => 'y',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ꜰ' => 'f',
        'ᴊ' => 'j',
        'ᴘ' => 'p',
        'ꜱ' => 's',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ᴢ' => 'z',
        _ => return None,
    })
}

/// Scripts written without spaces between words (Han, kana, Hangul, Thai,
/// Lao, Khmer, Myanmar): each character is a token, so a name is found
/// inside a sentence.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0e00..=0x0eff | 0x1000..=0x109f | 0x1780..=0x17ff | 0x3040..=0x30ff | 0x3400..=0x4dbf
        | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff | 0x20000..=0x2ffff)
}
