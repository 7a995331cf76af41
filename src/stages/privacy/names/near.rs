//! Near spellings of a family name: a word one edit from it (a letter
//! changed, added or dropped, or two neighbours swapped: "Kaminsky",
//! "Kamiski", "Kaminksi" for Kaminski). A word is compared only with the
//! names it shares a key with, the word itself or the word less one
//! letter (the "symmetric delete" lookup): any two spellings one edit
//! apart share such a key.
//!
//! Given names have variants further apart ("Dorothea" and "Dorothee" of
//! Dorothy, "Franklin" of Frank): a word that starts as the name does,
//! all but its last letters or two, is one ([`variant_of`]), found by the
//! name's first [`STEM`] letters.
//!
//! Not here: when a near spelling counts (next to the other half of the
//! patient's name, see `scan`).

/// Shortest family name, in characters, whose near spellings count: a
/// shorter one is a letter away from too many words ("Ng", "Lee").
pub const NEAR_MIN: usize = 5;

/// Shortest given name whose near spellings count when the family name
/// beside it is spelt otherwise too ("Roza Hernandes"): two typos side by
/// side are rarer than one, so a shorter name is specific enough.
pub const PAIR_MIN: usize = 4;

/// Letters a given name and its variant share at the start, at least.
pub const STEM: usize = 5;

/// The first [`STEM`] letters of `w`, its key among variants of given
/// names; `None` when it is shorter.
pub fn stem(w: &str) -> Option<&str> {
    let end = w.char_indices().nth(STEM).map_or(w.len(), |(i, _)| i);
    (w[..end].chars().count() == STEM).then(|| &w[..end])
}

/// Is `w` a variant of the given name `name`: another word that starts as
/// the name does, all of it but its last two letters at most, and is no
/// more than three letters longer or shorter ("dorothea" and "dorothee"
/// of "dorothy", "alexandria" of "alexandra", "franklin" of "frank";
/// not "christina" of "christopher")?
pub fn variant_of(w: &str, name: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (w.chars().collect(), name.chars().collect());
    let shared = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    a != b && shared >= STEM && shared + 2 >= shorter && a.len().abs_diff(b.len()) <= 3
}

/// `w` and every form of it with one character left out: the keys a
/// spelling one edit from `w` shares with it.
pub fn deletion_keys(w: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len() + 1);
    out.push(w.to_string());
    for &(i, c) in &chars {
        let mut k = String::with_capacity(w.len());
        k.push_str(&w[..i]);
        k.push_str(&w[i + c.len_utf8()..]);
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Are `a` and `b` exactly one edit apart: one character changed, added
/// or dropped, or two neighbouring characters swapped?
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = (0..short.len()).find(|&i| short[i] != long[i]) else {
        // Equal, or the longer one has one more character at the end.
        return long.len() != short.len();
    };
    if long.len() != short.len() {
        return short[i..] == long[i + 1..];
    }
    let changed = short[i + 1..] == long[i + 1..];
    let swapped = i + 1 < short.len()
        && short[i] == long[i + 1]
        && short[i + 1] == long[i]
        && short[i + 2..] == long[i + 2..];
    changed || swapped
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edit distance (with swaps of neighbours), computed the slow way.
    fn distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()]
    }

    /// Every word of up to five letters over a small alphabet.
    fn words() -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|w| ['a', 'b', 'ñ'].map(|c| format!("{w}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    #[test]
    fn one_edit_apart_is_distance_one() {
        let words = words();
        for a in &words {
            for b in &words {
                assert_eq!(one_edit_apart(a, b), distance(a, b) == 1, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn variants_of_given_names() {
        for (w, name) in [
            ("dorothea", "dorothy"),
            ("dorothee", "dorothy"),
            ("alexandria", "alexandra"),
            ("franklin", "frank"),
            ("danielle", "daniel"),
        ] {
            assert!(variant_of(w, name), "{w} {name}");
            assert_eq!(stem(w), stem(name), "{w} {name}");
        }
        for (w, name) in [
            ("christina", "christopher"),
            ("dorothy", "dorothy"),
            ("doris", "dorothy"),
            ("frankenstein", "frank"),
            ("mari", "maria"),
        ] {
            assert!(!variant_of(w, name), "{w} {name}");
        }
        assert_eq!(stem("dot"), None);
        assert_eq!(stem("zoë"), None);
        assert_eq!(stem("éléonore"), Some("éléon"));
    }

    #[test]
    fn spellings_one_edit_apart_share_a_key() {
        let words = words();
        for a in &words {
            let ka = deletion_keys(a);
            for b in words.iter().filter(|b| one_edit_apart(a, b)) {
                let kb = deletion_keys(b);
                assert!(ka.iter().any(|k| kb.contains(k)), "{a:?} {b:?}");
            }
        }
        assert!(one_edit_apart("kaminski", "kaminsky"));
        assert!(one_edit_apart("kaminski", "kaminksi"));
        assert!(one_edit_apart("kaminski", "kamiski"));
        assert!(one_edit_apart("kaminski", "kamminski"));
        assert!(!one_edit_apart("kaminski", "kaminski"));
        assert!(!one_edit_apart("kaminski", "kaminskaya"));
    }
}
