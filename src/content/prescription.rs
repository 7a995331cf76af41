//! A plan's exercise as the patient gets it: the plan's own fields first,
//! the library exercise it `use:`s for the rest (and the library's dose
//! with the plan's keys over it). One home for the fallback, which the
//! handout cards and the plain-language and dose checks all need; finding
//! the library exercise is the loaded clinic's job
//! (`stages::load::Clinic::prescription`).

use crate::content::exercise::ExerciseText;
use crate::content::plan::{Dose, Exercise, ExerciseItem};

/// A plan's exercise item with the library exercise its `use:` names (when
/// the library has it), in the plan's language.
///
/// The library's text is taken from its `translations.<lang>` for the plan's
/// language; a field that has no translation falls back to the library's
/// own language, and the `*_lang` methods say so (the handout marks that
/// element with `lang`, `check` warns). The plan's own fields are in the
/// plan's language already.
#[derive(Debug, Clone, Copy)]
pub struct Prescription<'a> {
    /// The plan's exercise item.
    pub item: &'a ExerciseItem,
    /// The library exercise it uses, if any.
    pub library: Option<&'a Exercise>,
    /// The handout's language.
    pub lang: &'a str,
    /// The language the library exercise is written in.
    pub library_lang: &'a str,
}

/// A library field the plan's language has no translation for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `name`.
    Name,
    /// `instructions`.
    Instructions,
    /// `cues`.
    Cues,
    /// `image_alt`.
    ImageAlt,
}

impl Field {
    /// The key, as written in the exercise file.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Instructions => "instructions",
            Field::Cues => "cues",
            Field::ImageAlt => "image_alt",
        }
    }
}

pub use crate::base::lang::same_language;

impl<'a> Prescription<'a> {
    /// Is the library written in the handout's language already?
    fn library_native(&self) -> bool {
        same_language(self.lang, self.library_lang)
    }

    /// The library's translation into the handout's language, if any.
    pub fn translation(&self) -> Option<&'a ExerciseText> {
        let l = self.library?;
        if self.library_native() {
            return None;
        }
        l.translations.get(self.lang).or_else(|| {
            l.translations
                .iter()
                .find(|(k, _)| same_language(k, self.lang))
                .map(|(_, v)| v)
        })
    }

    /// A text field: the plan's, else the library's translation, else the
    /// library's own text; with the language it fell back to, if it did.
    fn pick(
        &self,
        own: &'a Option<String>,
        translated: fn(&'a ExerciseText) -> &'a Option<String>,
        library: fn(&'a Exercise) -> &'a Option<String>,
    ) -> (Option<&'a str>, Option<&'a str>) {
        if let Some(o) = own.as_deref() {
            return (Some(o), None);
        }
        if let Some(t) = self.translation().and_then(|t| translated(t).as_deref()) {
            return (Some(t), None);
        }
        let text = self.library.and_then(|l| library(l).as_deref());
        let fell_back = text.is_some() && !self.library_native();
        (text, fell_back.then_some(self.library_lang))
    }

    /// The name: the plan's, else the library's (translated).
    pub fn name(&self) -> Option<&'a str> {
        self.name_in().0
    }

    /// The name, with the language it fell back to.
    pub fn name_in(&self) -> (Option<&'a str>, Option<&'a str>) {
        if let Some(n) = self.item.name.as_deref() {
            return (Some(n), None);
        }
        if let Some(n) = self.translation().and_then(|t| t.name.as_deref()) {
            return (Some(n), None);
        }
        let name = self.library.map(|l| l.name.as_str());
        let fell_back = name.is_some() && !self.library_native();
        (name, fell_back.then_some(self.library_lang))
    }

    /// The instructions (Markdown).
    pub fn instructions(&self) -> Option<&'a str> {
        self.instructions_in().0
    }

    /// The instructions, with the language they fell back to.
    pub fn instructions_in(&self) -> (Option<&'a str>, Option<&'a str>) {
        self.pick(
            &self.item.instructions,
            |t| &t.instructions,
            |l| &l.instructions,
        )
    }

    /// The picture, relative to `content/exercises/images/`.
    pub fn image(&self) -> Option<&'a str> {
        self.item
            .image
            .as_deref()
            .or_else(|| self.library.and_then(|l| l.image.as_deref()))
    }

    /// The picture's alt text.
    pub fn image_alt(&self) -> Option<&'a str> {
        self.image_alt_in().0
    }

    /// The picture's alt text, with the language it fell back to.
    pub fn image_alt_in(&self) -> (Option<&'a str>, Option<&'a str>) {
        self.pick(&self.item.image_alt, |t| &t.image_alt, |l| &l.image_alt)
    }

    /// The video URL.
    pub fn video(&self) -> Option<&'a str> {
        self.item
            .video
            .as_deref()
            .or_else(|| self.library.and_then(|l| l.video.as_deref()))
    }

    /// The cues: the plan's when it lists any, else the library's.
    pub fn cues(&self) -> &'a [String] {
        self.cues_in().0
    }

    /// The cues, with the language they fell back to.
    pub fn cues_in(&self) -> (&'a [String], Option<&'a str>) {
        if !self.item.cues.is_empty() {
            return (&self.item.cues[..], None);
        }
        if let Some(c) = self.translation().and_then(|t| t.cues.as_deref()) {
            return (c, None);
        }
        let cues = self.library.map_or(&[][..], |l| &l.cues[..]);
        let fell_back = !cues.is_empty() && !self.library_native();
        (cues, fell_back.then_some(self.library_lang))
    }

    /// The library fields this handout shows in the library's language
    /// because the handout's language has no translation for them.
    pub fn untranslated(&self) -> Vec<Field> {
        let mut out = Vec::new();
        if self.name_in().1.is_some() {
            out.push(Field::Name);
        }
        if self.instructions_in().1.is_some() {
            out.push(Field::Instructions);
        }
        if self.cues_in().1.is_some() {
            out.push(Field::Cues);
        }
        if self.image().is_some() && self.image_alt_in().1.is_some() {
            out.push(Field::ImageAlt);
        }
        out
    }

    /// The dose: the library's, with every key the plan sets over it.
    pub fn dose(&self) -> Dose {
        match self.library {
            Some(l) => l.dose.overridden_by(&self.item.dose()),
            None => self.item.dose(),
        }
    }
}
