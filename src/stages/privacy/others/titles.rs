//! A title with another patient's family name ("Mrs. Lopez", "Sra.
//! López", "Herr Kaminski") left in a copied plan (HP0121): at the desk a
//! patient is often written by title and family name alone, which the
//! full-name reading does not see.
//!
//! Not told: this patient's own family name (a household shares it), the
//! names of the people listed under `may_name:`, and the clinic's public
//! names (the clinicians, "Dr. Rivera", the clinic's name and address).

use super::sieve::{Sieve, name_words};
use super::{Guard, words};
use crate::content::plan::Plan;
use ahash::AHashSet as HashSet;

/// Titles written before a family name, lower-cased, accents off.
const TITLES: [&str; 24] = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "sr", "sra", "srta", "senor", "senora",
    "senorita", "don", "dona", "herr", "frau", "mme", "mlle", "madame", "monsieur", "sig",
    "signora", "signor",
];

/// Is `w` a title (`Mrs`, `Sra`, `Señora`)?
fn is_title(w: &str) -> bool {
    w.len() <= 9 && {
        let low: String = w
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'ñ' => 'n',
                c => c,
            })
            .collect();
        TITLES.contains(&low.as_str())
    }
}

/// Each place in plan `i` (`text`, the plan `plan`) where a title stands
/// before another patient's family name: (1-based line, 1-based column of
/// the title).
pub(super) fn hits(
    sieve: &Sieve,
    guard: &Guard,
    i: usize,
    plan: &Plan,
    text: &str,
) -> Vec<(usize, usize)> {
    let mut own: Option<HashSet<String>> = None;
    let mut out = Vec::new();
    for (li, line) in text.lines().enumerate() {
        let mut prev: Option<(usize, &str)> = None;
        for (at, w) in word_spans(line) {
            let Some((title_at, title)) = prev.replace((at, w)) else {
                continue;
            };
            if !is_title(title) || !w.starts_with(char::is_uppercase) {
                continue;
            }
            let folded = words(w);
            let Some(f) = folded.first() else { continue };
            let lower = w.to_lowercase();
            let owners = match sieve.owners(&lower) {
                [] => sieve.owners(f),
                o => o,
            };
            if owners.is_empty() || owners.contains(&i) || guard.public_words.contains(f) {
                continue;
            }
            let own = own.get_or_insert_with(|| {
                name_words(plan)
                    .chain(plan.patient.may_name.iter().flat_map(|n| words(n)))
                    .flat_map(|n| words(&n))
                    .collect()
            });
            if own.contains(f) {
                continue;
            }
            let column = line[..title_at].chars().count() + 1;
            out.push((li + 1, column));
        }
    }
    out
}

/// The words of `line` (letters and digits) with their byte offsets.
fn word_spans(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in line.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::{is_title, word_spans};

    #[test]
    fn titles_and_words() {
        for t in ["Mrs", "mr", "Dr", "Sra", "Señora", "Herr", "MRS"] {
            assert!(is_title(t), "{t}");
        }
        for t in ["Maria", "Do", "Sam", "Mister Rogers Neighbourhood"] {
            assert!(!is_title(t), "{t}");
        }
        let w: Vec<_> = word_spans("Ask Sra. López, ok").collect();
        assert_eq!(w, vec![(0, "Ask"), (4, "Sra"), (9, "López"), (17, "ok")]);
    }
}
