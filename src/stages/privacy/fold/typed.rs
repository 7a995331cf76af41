//! Digits and symbols typed for the letters they look like: "K4minski",
//! "Ngu3n", "0kafor", "K@minski", "Kam!nsk!", "Kamin$ki", "|<aminski",
//! "Walt€r". The guard's second reading ([`super::Stream::latin`]) reads
//! them as those letters; the first reading keeps them as typed, so an
//! email address ("k@example.com") is still read as one.
//!
//! A digit or symbol counts only where a letter would stand: between two
//! letters, or ending a word (a digit after two letters; a symbol only in
//! a word that has the same symbol between letters already, so "Hello!"
//! and "K@minski!" keep their exclamation mark), or, for a digit and `|<`, starting a word before two
//! letters. Program text is left alone (its "h1" and "x2" are names of
//! things).

/// The letter typed character `c` stands for, with `1` (and `!`, `|`,
/// which look like it) read as `one`.
fn letter_for(c: char, one: u8) -> Option<u8> {
    Some(match c {
        '0' => b'o',
        '1' | '!' | '|' => one,
        '3' | '€' => b'e',
        '4' | '@' => b'a',
        '5' | '$' | '§' => b's',
        '7' => b't',
        '8' => b'b',
        '£' => b'l',
        '¢' => b'c',
        '¥' => b'y',
        _ => return None,
    })
}

/// Could byte `b` start a typed character? A table, not a `match`: this
/// runs on every byte of every page.
const fn starts_typed(b: u8) -> bool {
    // ASCII ones, and the lead bytes of € (E2 82 AC) and £ ¢ § ¥ (C2 xx).
    matches!(
        b,
        b'0' | b'1' | b'3' | b'4' | b'5' | b'7' | b'8' | b'!' | b'|' | b'@' | b'$' | 0xC2 | 0xE2
    )
}

const TYPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = starts_typed(i as u8);
        i += 1;
    }
    t
};

/// A letter of the Latin script (with its accents: "Kamiń$ki").
fn letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphabetic() || (c.is_alphabetic() && (c as u32) < 0x250))
}

/// Does `text` have a digit or symbol typed for a letter? With `one` other
/// than `i`, only one read as `one` counts ("Wa1ker", "Wa|ker": `l`).
pub fn has_typed_letters(text: &str, one: u8) -> bool {
    (one == b'i' && footnotes(text).next().is_some())
        || typed_letters(text, one)
            .any(|(_, c, _)| one == b'i' || letter_for(c, b'1') == Some(b'1'))
}

/// The byte ranges of footnote marks written inside a word, a letter on
/// either side: `Kamin[1]ski`, `Kamin(2)ski`, `Kamin[^3]ski`, `Kamin(*)ski`.
/// A reader skips them; the name is whole around them.
fn footnotes(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < b.len() {
            let i = from + b[from..].iter().position(|&x| x == b'[' || x == b'(')?;
            from = i + 1;
            let close = if b[i] == b'[' { b']' } else { b')' };
            let mut j = i + 1;
            if b.get(j) == Some(&b'^') {
                j += 1;
            }
            let marks = b[j..]
                .iter()
                .take(3)
                .take_while(|x| x.is_ascii_digit() || **x == b'*')
                .count();
            let end = j + marks + 1;
            if marks == 0 || b.get(j + marks) != Some(&close) {
                continue;
            }
            let before = text[..i].chars().next_back();
            let after = text[end..].chars().next();
            if letter(before) && letter(after) {
                from = end;
                return Some((i, end));
            }
        }
        None
    })
}

/// `text` without its footnote marks inside words ([`footnotes`]), if it
/// has any.
fn without_footnotes(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut from = 0;
    for (a, b) in footnotes(text) {
        out.push_str(&text[from..a]);
        from = b;
    }
    if from == 0 {
        return None;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// `text` with [`has_typed_letters`]'s digits and symbols read as the
/// letters they stand for (`1`, `!` and `|` as `one`), if it has any (one
/// pass: the test and the reading at once).
pub fn read_typed_letters(text: &str, one: u8) -> Option<String> {
    let bare = (one == b'i').then(|| without_footnotes(text)).flatten();
    let text_now = bare.as_deref().unwrap_or(text);
    read_typed(text_now, one).or(bare)
}

/// [`read_typed_letters`] of text without footnote marks.
fn read_typed(text: &str, one: u8) -> Option<String> {
    let mut out = String::new();
    let mut from = 0;
    for (i, c, len) in typed_letters(text, one) {
        out.push_str(&text[from..i]);
        // `|<` is one letter, k.
        out.push(if len == 2 && c == '|' {
            'k'
        } else {
            char::from(letter_for(c, one).unwrap_or(b'b'))
        });
        from = i + len;
    }
    if from == 0 {
        return None;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// (byte offset, character, bytes it and the rest of its letter take) of
/// each typed letter of `text`.
fn typed_letters(text: &str, one: u8) -> impl Iterator<Item = (usize, char, usize)> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    // Digits and symbols are rare in prose: jump from one to the next.
    std::iter::from_fn(move || {
        while from < b.len() {
            let i = from + b[from..].iter().position(|&x| TYPED[x as usize])?;
            from = i + 1;
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                continue;
            };
            if letter_for(c, one).is_none() {
                continue;
            }
            let len = c.len_utf8();
            from = i + len;
            if let Some(n) = typed_at(text, i, c, len) {
                from = i + n;
                return Some((i, c, n));
            }
        }
        None
    })
}

/// Is `c` at byte `i` (`len` bytes) typed for a letter? The bytes it takes
/// if so (two for `|<`).
fn typed_at(text: &str, i: usize, c: char, len: usize) -> Option<usize> {
    let mut before = text[..i].chars().rev();
    let mut after = text[i + len..].chars();
    let (p, p2) = (before.next(), before.next());
    let (n, n2) = (after.next(), after.next());
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let digit = c.is_ascii_digit();
    let word_start = !alnum(p) && p != Some('@');
    if letter(p) && letter(n) {
        // An email's `@` is followed by its domain: "k@example.com".
        let domain = c == '@' && {
            let word = text[i + 1..].split(char::is_whitespace).next();
            word.is_some_and(|w| w.contains('.') && !w.ends_with('.'))
        };
        return (!domain).then_some(len);
    }
    let ends = !alnum(n) && letter(p);
    if ends && ((digit && letter(p2)) || (!digit && typed_before(&text[..i], c))) {
        return Some(len);
    }
    if digit && word_start && letter(n) && letter(n2) {
        return Some(len);
    }
    (c == '|' && word_start && n == Some('<') && letter(n2)).then_some(2)
}

/// Does the word that ends `head` have symbol `c` between two of its
/// letters ("Kam!nsk" before a last "!")? One typed for a letter inside
/// the word is typed for it at its end too; another is punctuation
/// ("K@minski!").
fn typed_before(head: &str, c: char) -> bool {
    let word: Vec<char> = head
        .chars()
        .rev()
        .take_while(|&x| letter(Some(x)) || letter_for(x, b'i').is_some())
        .collect();
    // Its neighbours may be typed too: "K@m!n$k!".
    let lettered = |x: char| letter(Some(x)) || letter_for(x, b'i').is_some();
    word.windows(3)
        .any(|w| lettered(w[0]) && w[1] == c && lettered(w[2]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_for_letters() {
        assert_eq!(
            read_typed_letters("K4minski, Ngu3n. Okaf0r", b'i').as_deref(),
            Some("Kaminski, Nguen. Okafor")
        );
        assert_eq!(
            read_typed_letters("Lop3z Kaminsk1", b'i').as_deref(),
            Some("Lopez Kaminski")
        );
        assert_eq!(
            read_typed_letters("D4niel 0kaf0r, Wa1ker", b'l').as_deref(),
            Some("Daniel okafor, Walker")
        );
        // The reading of a 1 as `l` is needed only where there is a 1.
        assert!(has_typed_letters("Wa1ker", b'l'));
        assert!(!has_typed_letters("W4lker", b'l'));
        for plain in [
            "3x10 reps",
            "COVID19",
            "2nd",
            "x2",
            "a 1 b",
            "Win10",
            "h264",
        ] {
            assert!(!has_typed_letters(plain, b'i'), "{plain}");
        }
    }

    #[test]
    fn symbols_for_letters() {
        for (typed, read) in [
            ("K@minski", "Kaminski"),
            ("Kam!nsk!", "Kaminski"),
            ("Kamin$ki", "Kaminski"),
            ("W@lter K@minski!", "Walter Kaminski!"),
            ("|<aminski", "kaminski"),
            ("Walt€r", "Walter"),
            ("D@n!el Ok@f0r", "Daniel Okafor"),
            ("Ngu¥en", "Nguyen"),
            ("K@m!n$k!", "Kaminski"),
            ("Kamiń$ki", "Kamiński"),
        ] {
            assert_eq!(read_typed_letters(typed, b'i').as_deref(), Some(read));
        }
        assert_eq!(
            read_typed_letters("Wa|ker Wa!ker", b'l').as_deref(),
            Some("Walker Walker")
        );
    }

    #[test]
    fn footnote_marks_inside_a_word() {
        for (marked, read) in [
            ("Kamin[1]ski", "Kaminski"),
            ("Kamin(1)ski", "Kaminski"),
            ("Kamin[^12]ski", "Kaminski"),
            ("Kamin(*)ski walks", "Kaminski walks"),
        ] {
            assert_eq!(read_typed_letters(marked, b'i').as_deref(), Some(read));
        }
        for plain in ["see [1] and (2)", "f(x)", "step (1) then", "Ref.[3]"] {
            assert_eq!(read_typed_letters(plain, b'i'), None, "{plain}");
        }
    }

    #[test]
    fn punctuation_and_addresses_stay() {
        for plain in [
            "Hello! Great work!",
            "write to k@example.com or maria.lopez@mail.test",
            "@kaminski",
            "a | b",
            "$5 or 5$",
            "US$ 40",
            "Wow!!",
            "€5, 5 €, £10",
        ] {
            assert_eq!(read_typed_letters(plain, b'i'), None, "{plain}");
        }
    }
}
