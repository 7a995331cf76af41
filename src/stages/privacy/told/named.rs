//! The patient's own full name written out in their story. A story names
//! its patient by the display name only ("Walt K."); "Walt Kaminski" or
//! "Mr. Kaminski" in the same story is that patient. The rest of the guard
//! finds the family name a plan holds; a story record (a website built
//! without plans) holds none, and a plan may not list the name the story
//! uses (a former or misspelt one), so here the display name itself says
//! what to look for: its given name, or a title, followed by a word that
//! starts with its initial.

use crate::stages::privacy::Guard;
use crate::stages::privacy::fold::{Sep, Stream, fold};

/// Titles that stand for the patient before a family name (folded). A
/// doctor's title is left out: "Dr. Klein referred me" names someone else.
const TITLES: [&str; 8] = ["mr", "mrs", "ms", "miss", "mx", "sr", "sra", "srta"];

/// The display name's given words and the initial that closes it
/// ("Walt K." → `(["walt"], 'k')`), if it has that shape.
fn parts(display: &str) -> Option<(Vec<String>, char)> {
    let d = Stream::of(display);
    let (last, given) = d.words().split_last().map(|(l, g)| (*l, g.to_vec()))?;
    let mut letters = last.chars();
    let initial = letters.next().filter(|c| c.is_alphabetic())?;
    if letters.next().is_some() || given.is_empty() {
        return None;
    }
    Some((given.iter().map(|g| g.to_string()).collect(), initial))
}

impl Guard {
    /// Does a story record's display name read as a full name: two words
    /// or more, the last of them more than an initial ("Walter Kaminski",
    /// "W. Kaminski", "Walt K. Smith")? A plan's display name is checked
    /// against the plan's own names; a record has none, so its shape is
    /// all there is to go by. Given names alone ("Mary Ann") are allowed
    /// as written in site.yaml's `public_words`.
    pub fn display_reads_as_full_name(&self, display: &str) -> bool {
        let d = Stream::of(display);
        let words: Vec<&str> = (0..d.toks.len())
            .filter(|&i| !d.toks[i].digits)
            .map(|i| d.tok(i))
            .collect();
        let full = words.len() >= 2 && words.last().is_some_and(|w| w.chars().count() >= 2);
        full && !self.site_words.contains(&fold(display))
    }
}

/// The first token of each full name of the patient in `s`: the display
/// name's given word (or a longer or shorter form of it: "Walter" for
/// "Walt", three letters at least) or a title, then, after a space and
/// perhaps a middle initial, a capitalised word of two letters or more
/// starting with the display name's initial that is not one of the
/// clinic's people's names (`clinic`). A line written in title case
/// capitalises every word, so there the capital says nothing and the line
/// is passed over, unless the word takes a possessive.
pub(super) fn full_names(s: &Stream, display: &str, clinic: &[String]) -> Vec<usize> {
    let Some((given, initial)) = parts(display) else {
        return Vec::new();
    };
    let first = given.first().map(String::as_str).unwrap_or_default();
    let names_given = |w: &str| {
        w == first
            || (w.len() >= 3 && first.len() >= 3 && (w.starts_with(first) || first.starts_with(w)))
    };
    // After a title or a middle initial a dot may come between ("Mr.
    // Kaminski", "Walt J. Kaminski").
    let family = |j: usize, dot: bool| {
        s.toks.get(j).is_some_and(|t| {
            let w = s.tok(j);
            (t.sep == Sep::Space || (dot && t.sep == Sep::Dot))
                && t.upper
                && !t.digits
                && w.chars().count() >= 2
                && w.starts_with(initial)
                && !clinic.iter().any(|c| c == w)
        })
    };
    let middle = |j: usize| {
        s.toks
            .get(j)
            .is_some_and(|t| t.sep == Sep::Space && t.upper && s.tok(j).chars().count() == 1)
    };
    (0..s.toks.len())
        .filter(|&i| {
            let w = s.tok(i);
            let t = &s.toks[i];
            let title = TITLES.contains(&w);
            let end = if family(i + 1, title) {
                i + 1
            } else if middle(i + 1) && family(i + 2, true) {
                i + 2
            } else {
                return false;
            };
            // "Walter Kaminski's Return": a word that takes a possessive
            // is a name, title case or not.
            let possessive = s
                .toks
                .get(end + 1)
                .is_some_and(|n| n.sep == Sep::Apostrophe && s.tok(end + 1) == "s");
            (title || (t.upper && names_given(w)))
                && (possessive || !title_case(s, t.line, &[i, end]))
        })
        .collect()
}

/// Is line `line` of `s` written in title case: no word of four letters
/// or more in lower case, and two or more capitalised besides the name
/// found at tokens `name` (prose writes "about", "came", "back" in lower
/// case; a title such as "Maria Lifts Her Granddaughter Again" does not)?
fn title_case(s: &Stream, line: u32, name: &[usize]) -> bool {
    let mut upper = 0;
    for (i, t) in s.toks.iter().enumerate() {
        if t.line != line || t.digits || s.tok(i).chars().count() < 4 {
            continue;
        }
        if !t.upper {
            return false;
        }
        upper += usize::from(!name.contains(&i));
    }
    upper >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, display: &str) -> usize {
        full_names(&Stream::of_lines(text), display, &["rivera".to_string()]).len()
    }

    #[test]
    fn the_display_names_full_form_is_found() {
        for (text, display) in [
            ("Walter Kaminski came to us in June.", "Walt K."),
            ("Then Walt Kaminski tried again.", "Walt K."),
            ("We met Walt J. Kaminski last year.", "Walt K."),
            ("Mr. Kaminski plays golf.", "Walt K."),
            ("Mrs. Okafor walks daily.", "Dorothy O."),
            ("Thanks, Walter Kaminski!", "Walt K."),
            ("Walter Kaminski's Return To The Course", "Walt K."),
            ("Ask Ann-Marie about Dorothy Okafor-Reed.", "Dorothy O."),
            ("Maria Lopez-Garcia is back.", "Maria L."),
        ] {
            assert_eq!(found(text, display), 1, "{text} / {display}");
        }
    }

    #[test]
    fn other_words_and_people_are_not_names() {
        for (text, display) in [
            ("Walt K. is back on the course.", "Walt K."),
            ("Walt kept walking.", "Walt K."),
            ("Walt and Kim went out.", "Walt K."),
            ("Maria Learns To Lift Again", "Maria L."),
            ("Walt Keeps Going Strong", "Walt K."),
            ("Walt met Sam Rivera, his physical therapist.", "Walt S."),
            ("Dr. Klein sent Walt to us.", "Walt K."),
            ("Walter Kaminski", "Walt"),
            ("In 2026 Walt K. walked 5 Km.", "Walt K."),
        ] {
            assert_eq!(found(text, display), 0, "{text} / {display}");
        }
    }
}
