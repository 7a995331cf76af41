//! Relatives' full names in a story: HIPAA's Safe Harbor counts the names
//! of a patient's relatives and household members among the patient's
//! identifiers.

use crate::stages::privacy::fold::{Sep, Stream};

/// Words for a relative or a household member, after which a name is
/// theirs (folded; English, Spanish, French, Portuguese).
const RELATIVES: [&str; 40] = [
    "wife",
    "husband",
    "spouse",
    "partner",
    "son",
    "daughter",
    "stepson",
    "stepdaughter",
    "grandson",
    "granddaughter",
    "grandchild",
    "mother",
    "father",
    "mom",
    "dad",
    "brother",
    "sister",
    "niece",
    "nephew",
    "aunt",
    "uncle",
    "cousin",
    "fiance",
    "fiancee",
    "esposa",
    "esposo",
    "hijo",
    "hija",
    "nieto",
    "nieta",
    "madre",
    "padre",
    "hermano",
    "hermana",
    "mari",
    "fils",
    "fille",
    "marido",
    "filho",
    "filha",
];

/// A relative's full name: a word of [`RELATIVES`] followed by two
/// capitalised words (a comma may come between), as a given and a family
/// name are written ("his daughter Karen Oduya", "su hija, Ana Ruiz").
/// One name ("her granddaughter Emma") is not a full name, nor is one of
/// the clinic's people (`clinic`: their names' words).
pub(super) fn full_names(s: &Stream, clinic: &[String]) -> Vec<usize> {
    let name = |i: usize, seps: &[Sep]| {
        s.toks
            .get(i)
            .is_some_and(|t| t.upper && !t.digits && t.end - t.start >= 2 && seps.contains(&t.sep))
    };
    let clinics = |i: usize| clinic.iter().any(|w| w == s.tok(i));
    (0..s.toks.len())
        .filter(|&i| {
            RELATIVES.contains(&s.tok(i))
                && name(i + 1, &[Sep::Space, Sep::Comma])
                && name(i + 2, &[Sep::Space])
                && !(clinics(i + 1) && clinics(i + 2))
        })
        .map(|i| i + 1)
        .collect()
}
