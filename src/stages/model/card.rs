//! A handout's exercise cards. A card is two halves, each made once per
//! build and shared by every card that shows it: the exercise as the
//! handout's language shows it ([`CardExercise`]: the plan's item with its
//! library exercise's fields where the plan gives none) and its dose in
//! the theme's words ([`CardDose`]). Plans draw their exercises from a
//! small library, and doses recur; making both per card (the texts looked
//! up, the dose written, every field turned into a template value) was
//! about a twentieth of a cold build. Only the number and the patient's
//! note are the card's own.

use super::assets::{Assets, Shared};
use super::dose;
use super::remember::{self, LogRow};
use crate::base::memo::Memo;
use crate::content::markdown;
use crate::content::plan::{Dose, ExerciseItem, Side};
use crate::stages::load::Clinic;
use crate::stages::theme::i18n::Strings;
use serde::Serialize;
use tera::value::Key;

/// What a card shows of its exercise, whatever the dose: in the handout's
/// language where the library has a translation (else in the library's,
/// marked).
#[derive(Debug, Clone, Serialize)]
pub struct CardExercise {
    /// Library id (or empty for an inline exercise).
    pub id: String,
    /// Name.
    pub name: String,
    /// The language of the name when the handout's language has no
    /// translation of it (the library's own); the template marks it.
    pub name_lang: Option<String>,
    /// Instructions, sanitised HTML (a string).
    pub instructions_html: Option<Shared>,
    /// Numbered steps, sanitised inline HTML (a list of strings).
    pub steps_html: Shared,
    /// The language of the instructions when untranslated.
    pub instructions_lang: Option<String>,
    /// Cues.
    pub cues: Vec<String>,
    /// The language of the cues when untranslated.
    pub cues_lang: Option<String>,
    /// `data:` URI of the picture (a string).
    pub image: Option<Shared>,
    /// Alt text.
    pub image_alt: Option<String>,
    /// The language of the alt text when untranslated.
    pub image_alt_lang: Option<String>,
    /// Video URL.
    pub video: Option<String>,
    /// Inline SVG QR code to the video (a string).
    pub qr_svg: Option<Shared>,
}

/// How much and how often, as a card and the adherence log show it.
#[derive(Debug, Clone, Serialize)]
pub struct CardDose {
    /// Dose as sentences.
    pub dose_text: String,
    /// How often a day, for the log's row ("twice a day").
    pub dose_short: String,
    /// The adherence log's boxes for this exercise.
    pub log: LogRow,
    /// Both limbs at once (`side: together`).
    pub together: bool,
}

/// The two halves of the cards made so far, as template values.
#[derive(Debug, Default)]
pub struct Cards {
    /// By the handout's language and the item's exercise fields (its dose
    /// and note cleared).
    exercises: Memo<(String, ExerciseItem), Shared>,
    /// By theme, language and the dose (the library's, overridden by the
    /// plan's).
    doses: Memo<(String, String, Dose), Shared>,
}

/// Card number `number` of a handout in `theme`'s `lang` (whose strings
/// are `t`), showing the plan's `item`.
pub fn card(
    number: usize,
    item: &ExerciseItem,
    clinic: &Clinic,
    (t, lang, theme): (&Strings, &str, &str),
    assets: &Assets,
) -> NumberedCard {
    let what = ExerciseItem {
        use_id: item.use_id.clone(),
        name: item.name.clone(),
        instructions: item.instructions.clone(),
        cues: item.cues.clone(),
        image: item.image.clone(),
        image_alt: item.image_alt.clone(),
        video: item.video.clone(),
        ..ExerciseItem::default()
    };
    // The half is made from the key itself: it cannot depend on a field
    // the key leaves out.
    let key = (lang.to_string(), what);
    let shown = assets.cards.exercises.get_or_make(&key, || {
        Shared::from_serializable(&exercise(&key.1, clinic, lang, assets))
    });
    let d = clinic.prescription(item, lang).dose();
    let key = (theme.to_string(), lang.to_string(), d);
    let dosed = assets.cards.doses.get_or_make(&key, || {
        let d = &key.2;
        Shared::from_serializable(&CardDose {
            dose_text: dose::text(d, t),
            dose_short: dose::times_a_day(d, t),
            log: remember::log_row(d, t),
            together: d.side == Some(Side::Together),
        })
    });
    NumberedCard {
        number,
        exercise: shown,
        note: item.note.clone(),
        dose: dosed,
    }
}

/// One card of a handout: its number, its shared halves and the patient's
/// note. Templates see one map: `number`, the [`CardExercise`]'s fields,
/// `dose_text`, `dose_short`, `note`, `log` and `together` (the order of
/// the fields when a card was one struct).
#[derive(Debug, Clone)]
pub struct NumberedCard {
    /// 1-based across the handout.
    pub number: usize,
    /// A [`CardExercise`] as a template value.
    pub exercise: Shared,
    /// Per-patient note.
    pub note: Option<String>,
    /// A [`CardDose`] as a template value.
    pub dose: Shared,
}

impl Serialize for NumberedCard {
    /// The halves' fields are taken as they are: made template values,
    /// their strings are shared, not copied (see [`Shared`]).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        // Both halves are made from structs: every key is a field name.
        let mut out = s.serialize_struct("Card", 20)?;
        out.serialize_field("number", &self.number)?;
        for (k, v) in fields_of(&self.exercise) {
            out.serialize_field(k, v)?;
        }
        for (k, v) in fields_of(&self.dose) {
            if k == "log" {
                out.serialize_field("note", &self.note)?;
            }
            out.serialize_field(k, v)?;
        }
        out.end()
    }
}

/// The fields of a template value made from a struct.
fn fields_of(v: &Shared) -> impl Iterator<Item = (&'static str, &Shared)> {
    v.as_map()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| match k {
            Key::Str(k) => Some((*k, v)),
            _ => None,
        })
}

/// The exercise half of a card showing `item` in `lang` (its dose and
/// note are not read).
fn exercise(item: &ExerciseItem, clinic: &Clinic, lang: &str, assets: &Assets) -> CardExercise {
    let p = clinic.prescription(item, lang);
    let (instructions, instructions_lang) = p.instructions_in();
    // The library's instructions were rendered once (see Assets).
    let cached = match &item.instructions {
        None => instructions.and_then(|md| assets.instructions.get(md)),
        Some(_) => None,
    };
    let (name, name_lang) = p.name_in();
    let (cues, cues_lang) = p.cues_in();
    let (image_alt, image_alt_lang) = p.image_alt_in();
    let video = p.video();
    let owned = |s: Option<&str>| s.map(str::to_string);
    let shown_name = owned(name).unwrap_or_else(|| item.use_id.clone().unwrap_or_default());
    CardExercise {
        id: item.use_id.clone().unwrap_or_default(),
        name: shown_name,
        name_lang: owned(name_lang),
        instructions_html: match cached {
            Some((html, _)) => Some(html.clone()),
            None => instructions.map(|md| markdown::to_html(md).into()),
        },
        steps_html: match cached {
            Some((_, steps)) => steps.clone(),
            None => instructions.map(markdown::steps).unwrap_or_default().into(),
        },
        instructions_lang: owned(instructions_lang),
        cues: cues.to_vec(),
        cues_lang: owned(cues_lang),
        image: p.image().and_then(|i| assets.images.get(i).cloned()),
        image_alt: owned(image_alt),
        image_alt_lang: owned(image_alt_lang),
        qr_svg: video.and_then(|v| assets.qr.get(v)),
        video: video.map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dose_is_written_once_per_theme_language_and_dose() {
        let cards = Cards::default();
        let dose = |reps| Dose {
            reps: Some(reps),
            ..Dose::default()
        };
        let calls = std::cell::Cell::new(0);
        // (theme, language, reps, what a call would write, what it gives)
        let ask = |(theme, lang, reps, new, want): (&str, &str, u32, &str, &str)| {
            let key = (theme.to_string(), lang.to_string(), dose(reps));
            let text = cards.doses.get_or_make(&key, || {
                calls.set(calls.get() + 1);
                Shared::from(new)
            });
            assert_eq!(text.as_str(), Some(want), "{theme} {lang} {reps}");
        };
        ask(("a", "en", 10, "ten", "ten"));
        ask(("a", "en", 10, "again", "ten"));
        assert_eq!(calls.get(), 1, "a remembered dose was written again");
        // Another dose, language or theme is its own.
        ask(("a", "en", 12, "twelve", "twelve"));
        ask(("a", "es", 10, "diez", "diez"));
        ask(("b", "en", 10, "TEN", "TEN"));
        ask(("a", "es", 10, "x", "diez"));
        assert_eq!(calls.get(), 4);
    }
}
