//! A plan's exercise as the patient gets it: the plan's own fields first,
//! the library exercise it `use:`s for the rest (and the library's dose
//! with the plan's keys over it). One home for the fallback, which the
//! handout cards and the plain-language and dose checks all need; finding
//! the library exercise is the loaded clinic's job
//! (`stages::load::Clinic::prescription`).

use crate::content::plan::{Dose, Exercise, ExerciseItem};

/// A plan's exercise item with the library exercise its `use:` names (when
/// the library has it).
#[derive(Debug, Clone, Copy)]
pub struct Prescription<'a> {
    /// The plan's exercise item.
    pub item: &'a ExerciseItem,
    /// The library exercise it uses, if any.
    pub library: Option<&'a Exercise>,
}

impl<'a> Prescription<'a> {
    /// The item's own text, else the library's.
    fn pick(
        &self,
        own: &'a Option<String>,
        library: fn(&'a Exercise) -> &'a Option<String>,
    ) -> Option<&'a str> {
        own.as_deref()
            .or_else(|| self.library.and_then(|l| library(l).as_deref()))
    }

    /// The name: the plan's, else the library's.
    pub fn name(&self) -> Option<&'a str> {
        self.item
            .name
            .as_deref()
            .or_else(|| self.library.map(|l| l.name.as_str()))
    }

    /// The instructions (Markdown).
    pub fn instructions(&self) -> Option<&'a str> {
        self.pick(&self.item.instructions, |l| &l.instructions)
    }

    /// The picture, relative to `content/exercises/images/`.
    pub fn image(&self) -> Option<&'a str> {
        self.pick(&self.item.image, |l| &l.image)
    }

    /// The picture's alt text.
    pub fn image_alt(&self) -> Option<&'a str> {
        self.pick(&self.item.image_alt, |l| &l.image_alt)
    }

    /// The video URL.
    pub fn video(&self) -> Option<&'a str> {
        self.pick(&self.item.video, |l| &l.video)
    }

    /// The cues: the plan's when it lists any, else the library's.
    pub fn cues(&self) -> &'a [String] {
        if self.item.cues.is_empty() {
            self.library.map_or(&[][..], |l| &l.cues[..])
        } else {
            &self.item.cues[..]
        }
    }

    /// The dose: the library's, with every key the plan sets over it.
    pub fn dose(&self) -> Dose {
        match self.library {
            Some(l) => l.dose.overridden_by(&self.item.dose()),
            None => self.item.dose(),
        }
    }
}
