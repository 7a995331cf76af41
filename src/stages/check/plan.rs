//! A plan's structure (steps, responsibilities, each exercise's `use:` or
//! `name:`) and the pictures and videos of plans and library exercises.

use super::consent::consent_warning;
use crate::base::date::Date;
use crate::base::diag::{Code, Diagnostic, Diagnostics, closest};
use crate::content::plan::Plan;
use crate::content::yaml::{locate, locate_key};
use crate::stages::load::{Clinic, Source};
use std::path::Path;

/// A plan's own problems: no steps or responsibilities, exercises that
/// are neither from the library nor written out, unknown library ids,
/// pictures, videos, and a story that may not be published.
pub(super) fn check_plan(
    clinic: &Clinic,
    src: &Source<Plan>,
    today: Date,
    diags: &mut Diagnostics,
) {
    let plan = &src.value;
    let file = &src.path;
    if plan.steps.is_empty() {
        diags.push(
            Diagnostic::error(Code::NoSteps, "a plan needs at least one step")
                .in_file(file)
                .at(locate_key(&src.text, "steps").or_else(|| locate_key(&src.text, "guide_steps")))
                .help("add a step under `steps:`, e.g. `- title: Calm the pain`"),
        );
    }
    let r = &plan.responsibilities;
    if r.clinician.is_empty() && r.patient.is_empty() && r.together.is_empty() {
        diags.push(
            Diagnostic::error(
                Code::NoResponsibilities,
                "`responsibilities` needs at least one item",
            )
            .in_file(file)
            .at(locate_key(&src.text, "responsibilities"))
            .help("add what you will do: `patient: [ Do your exercises twice a day ]`"),
        );
    }
    let mut nth_use = std::collections::BTreeMap::<&str, usize>::new();
    for (si, step) in plan.steps.iter().enumerate() {
        for (ei, item) in step.exercises.iter().enumerate() {
            match (&item.use_id, &item.name) {
                (None, None) => diags.push(
                    Diagnostic::error(
                        Code::ExerciseShape,
                        format!("steps[{si}].exercises[{ei}]: an exercise needs `use:` (a library id) or `name:` (an exercise written here)"),
                    )
                    .in_file(file)
                    .at(crate::content::yaml::locate_exercise(&src.text, si, ei).or_else(|| locate_key(&src.text, "exercises")))
                    .help(library_help(clinic)),
                ),
                (Some(id), _) => {
                    let n = nth_use.entry(id.as_str()).or_default();
                    let nth = *n;
                    *n += 1;
                    if nth == 0 {
                        untranslated(clinic, src, item, id, diags);
                    }
                    if !clinic.exercises.contains_key(id) {
                        // Located only on error: scanning the text is the costly part.
                        let pos = locate(&src.text, "use", id, nth);
                        let help = match closest(id, clinic.exercises.keys().map(String::as_str)) {
                            Some(c) => format!("did you mean `{c}`?"),
                            None => library_help(clinic),
                        };
                        // A library file that is there but did not load has its own errors: say so, not that it is missing.
                        let broken = ["yaml", "yml"].iter().find(|ext| clinic.root.join(format!("content/exercises/{id}.{ext}")).is_file());
                        let (message, help) = match broken {
                            Some(ext) => (
                                format!("exercise `{id}` could not be loaded: content/exercises/{id}.{ext} has errors"),
                                format!("fix the errors reported in content/exercises/{id}.{ext}"),
                            ),
                            None => (format!("unknown exercise `{id}`: no content/exercises/{id}.yaml"), help),
                        };
                        diags.push(Diagnostic::error(Code::UnknownExercise, message).in_file(file).at(pos).help(help));
                    }
                }
                (None, Some(_)) => {}
            }
            check_picture(
                clinic,
                file,
                &src.text,
                item.image.as_deref(),
                item.image_alt.as_deref(),
                diags,
            );
            check_video(file, &src.text, item.video.as_deref(), diags);
        }
    }
    if let Some(story) = &plan.story
        && !plan.draft
        && let Err(problem) = story.consent_status(today)
    {
        diags.push(consent_warning(problem, file, &src.text));
    }
    if let Some(story) = &plan.story
        && let Some(photo) = &story.photo
    {
        check_photo(clinic, src, story, photo, diags);
    }
}

/// A story's photo: its file must exist in `content/images/` (HP0104), and
/// a face is published only with `photo` in the consent's scope (HP0206).
fn check_photo(
    clinic: &Clinic,
    src: &Source<Plan>,
    story: &crate::content::plan::StoryBlock,
    photo: &crate::content::story::Photo,
    diags: &mut Diagnostics,
) {
    let at = locate_key(&src.text, "photo");
    let file = photo.file.trim();
    if !crate::base::paths::is_portable_inside(file) || !clinic.site_images.contains(file) {
        diags.push(
            Diagnostic::error(
                Code::MissingPicture,
                format!("story photo `{file}` is not in content/images/"),
            )
            .in_file(&src.path)
            .at(at)
            .help("put the photo in content/images/ and give its file name there"),
        );
    }
    if story.consented_photo().is_none() {
        diags.push(
            Diagnostic::warning(
                Code::PhotoScope,
                "story photo not published: consent does not include `photo` in its scope",
            )
            .in_file(&src.path)
            .at(at)
            .help("a face identifies the patient: publish it only if the signed form covers photos (`scope: [website, photo]`); the story is published without it"),
        );
    }
}

/// A library exercise the plan uses whose text has no translation into
/// the plan's language (HP0710): the handout shows those fields in the
/// library's own language, marked with `lang`. Once per plan and exercise.
fn untranslated(
    clinic: &Clinic,
    src: &Source<Plan>,
    item: &crate::content::plan::ExerciseItem,
    id: &str,
    diags: &mut Diagnostics,
) {
    let lang = src.value.language(&clinic.site);
    let p = clinic.prescription(item, lang);
    let fields = p.untranslated();
    // A word that is no language (`klingon`) has its own error; no
    // translation can be asked of it.
    let is_tag = crate::base::lang::is_tag;
    if fields.is_empty() || !is_tag(lang) || !is_tag(p.library_lang) {
        return;
    }
    let keys: Vec<&str> = fields.iter().map(|f| f.key()).collect();
    let from = p.library_lang;
    let what = if p.translation().is_some() {
        format!("its `translations.{lang}` lacks {}", keys.join(", "))
    } else {
        format!("it has no `translations.{lang}`")
    };
    diags.push(
        Diagnostic::warning(
            Code::UntranslatedExercise,
            format!("exercise `{id}` is not translated into `{lang}` ({what}): the handout shows {} in `{from}`", keys.join(", ")),
        )
        .in_file(&src.path)
        .at(locate(&src.text, "use", id, 0))
        .help(format!(
            "add `translations: {{ {lang}: {{ {} }} }}` to content/exercises/{id}.yaml, or write the text in the plan (`name:`, `instructions:`, `cues:` under this `use:`)",
            keys.iter().map(|k| format!("{k}: ...")).collect::<Vec<_>>().join(", ")
        )),
    );
}

/// Help naming (some of) the library's ids.
fn library_help(clinic: &Clinic) -> String {
    let ids: Vec<&str> = clinic
        .exercises
        .keys()
        .map(String::as_str)
        .take(12)
        .collect();
    if ids.is_empty() {
        "the exercise library (content/exercises/) is empty".into()
    } else {
        format!("library ids: {}", ids.join(", "))
    }
}

/// A picture must be a file of the images folder, with alt text.
pub(super) fn check_picture(
    clinic: &Clinic,
    file: &Path,
    text: &str,
    image: Option<&str>,
    alt: Option<&str>,
    diags: &mut Diagnostics,
) {
    let Some(image) = image else { return };
    let pos = || locate(text, "image", image, 0);
    if !crate::base::paths::is_portable_inside(image) {
        diags.push(
            Diagnostic::error(
                Code::MissingPicture,
                format!("picture `{image}` must be a file name inside content/exercises/images/"),
            )
            .in_file(file)
            .at(pos())
            .help("write just the file name, e.g. `image: pendulum.svg`"),
        );
        return;
    }
    // The images folder was listed once at load (regular files only, no
    // links), so a name outside it can never be in the set.
    if !clinic.images.contains(image) {
        diags.push(
            Diagnostic::error(
                Code::MissingPicture,
                format!("picture `{image}` not found in content/exercises/images/"),
            )
            .in_file(file)
            .at(pos())
            .help("check the file name, or remove the `image:` line"),
        );
    }
    if alt.is_none_or(|a| a.trim().is_empty()) {
        diags.push(
            Diagnostic::error(
                Code::NoAltText,
                "a picture needs `image_alt:` describing it, for patients who cannot see it",
            )
            .in_file(file)
            .at(pos())
            .help("e.g. `image_alt: Person leaning on a table, letting the arm hang and swing`"),
        );
    }
}

/// A video must be a web address.
pub(super) fn check_video(file: &Path, text: &str, video: Option<&str>, diags: &mut Diagnostics) {
    let Some(v) = video else { return };
    let l = v.trim().to_ascii_lowercase();
    if !(l.starts_with("https://") || l.starts_with("http://")) {
        diags.push(
            Diagnostic::error(
                Code::BadVideo,
                format!("video `{v}` must be a web address starting with https://"),
            )
            .in_file(file)
            .at(locate(text, "video", v, 0))
            .help("use the video's https:// address, e.g. `video: https://www.example-pt.test/videos/pendulum`"),
        );
    }
}
