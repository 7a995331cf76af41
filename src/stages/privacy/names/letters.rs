//! A name's letters written two ways: umlauts and å, ø, đ as two letters
//! ("Mueller" for Müller) and those two letters as the one letter folding
//! reads ("Müller", read "muller", for a plan's Mueller).

/// The two letters a keyboard without `c` writes for it (ä, ö, ü, å, ø, đ).
pub(super) fn two_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' | 'Ä' => "ae",
        'ö' | 'Ö' | 'ø' | 'Ø' => "oe",
        'ü' | 'Ü' => "ue",
        'å' | 'Å' => "aa",
        // Serbian and Croatian đ, as English-language text writes it
        // ("Djokovic" for Đoković); folding reads it as d.
        'đ' | 'Đ' => "dj",
        _ => return None,
    })
}

/// `w` with each letter of [`two_letters`] written as its two letters.
pub(super) fn spelt_out(w: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(w.len() + 4);
    for c in w.nfc() {
        match two_letters(c) {
            Some(two) => out.push_str(two),
            None => out.push(c),
        }
    }
    out
}

/// `w` with some of its pairs "ae", "oe", "ue", "aa" written as the one
/// letter (ä, ö, ü, å) folding reads them as: each choice of them, as a
/// name may have one written each way ("Kjærgård" for Kjaergaard). Not
/// "ue" after q or g (Enriquez, Rodriguez: no umlaut), and not forms of
/// fewer than four letters ("Haas" is not "Has"). The last is the form
/// with every pair as one letter.
pub(super) fn one_letter_forms(w: &str) -> Vec<String> {
    let lower = w.to_lowercase();
    let b = lower.as_bytes();
    let mut pairs = Vec::new();
    let mut i = 0;
    while i + 1 < b.len() && pairs.len() < 4 {
        let pair = matches!(&b[i..i + 2], b"ae" | b"oe" | b"aa")
            || (&b[i..i + 2] == b"ue" && !(i > 0 && matches!(b[i - 1], b'q' | b'g')));
        if pair {
            pairs.push(i);
            i += 2;
        } else {
            i += 1;
        }
    }
    let mut out = Vec::new();
    for mask in 1u32..(1 << pairs.len()) {
        let mut form = String::with_capacity(lower.len());
        let mut from = 0;
        for (n, &at) in pairs.iter().enumerate() {
            if mask & (1 << n) != 0 {
                form.push_str(&lower[from..=at]);
                from = at + 2;
            }
        }
        form.push_str(&lower[from..]);
        if form.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            out.push(form);
        }
    }
    out
}
