//! Stage 2, **check**: problems that need more than one file to see
//! (unknown exercise ids, pictures, consent, output folders).

pub mod readability;

use crate::base::date::Date;
use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Diagnostics, closest};
use crate::content::plan::{ConsentProblem, Plan};
use crate::content::yaml::{locate, locate_key};
use crate::stages::load::{Clinic, Source};
use std::path::{Component, Path};

pub mod unfinished;

/// Run every cross-file check. Library problems go into `diags`; each
/// plan's own diagnostics are returned, one list per plan of
/// `clinic.plans` (sorted), for the caller to report and cache. `reuse`
/// may supply a plan's diagnostics from an earlier run instead.
pub fn check(
    clinic: &Clinic,
    today: Date,
    diags: &mut Diagnostics,
    reuse: &(dyn Fn(&Source<Plan>) -> Option<Vec<Diagnostic>> + Sync),
) -> Vec<Vec<Diagnostic>> {
    use rayon::prelude::*;
    let reused: Vec<Option<Vec<Diagnostic>>> = clinic.plans.par_iter().map(reuse).collect();
    // The jargon index and library facts are worth building only when a
    // plan is checked afresh (never lazily inside the parallel loop: a
    // work-stealing thread could re-enter the initialiser).
    let fresh = reused.iter().any(Option::is_none);
    let jargon = fresh.then(|| {
        let mut plain = crate::stages::check::readability::default_plain_words();
        plain.extend(
            clinic
                .site
                .plain_words
                .iter()
                .map(|(k, v)| (k.to_lowercase(), v.clone())),
        );
        crate::stages::check::readability::Jargon::new(&plain)
    });
    let library = jargon.as_ref().map(|j| library_facts(clinic, j));
    // Plans are checked in parallel; diagnostics are sorted before printing,
    // so their order does not depend on the threads.
    let per_plan: Vec<Vec<Diagnostic>> = clinic
        .plans
        .par_iter()
        .zip(reused)
        .map(|(src, reused)| match (reused, &jargon, &library) {
            (Some(d), _, _) => d,
            (None, Some(jargon), Some(library)) => {
                let mut d = Diagnostics::default();
                check_plan(clinic, src, today, &mut d);
                unfinished::check_unfinished(src, &mut d);
                if !src.value.draft {
                    advise(clinic, src, jargon, library, &mut d);
                    unfinished::advise_dates_and_lists(src, today, &mut d);
                }
                d.sorted()
            }
            (None, _, _) => Vec::new(),
        })
        .collect();
    // Plans read without their unknown keys: their other problems too, in
    // the same run (they are never rendered).
    for src in &clinic.partial_plans {
        check_plan(clinic, src, today, diags);
        unfinished::check_unfinished(src, diags);
    }
    check_records(clinic, today, diags);
    for ex in clinic.exercises.values() {
        let v = &ex.value;
        check_picture(
            clinic,
            &ex.path,
            &ex.text,
            v.image.as_deref(),
            v.image_alt.as_deref(),
            diags,
        );
        check_video(&ex.path, &ex.text, v.video.as_deref(), diags);
        unfinished::cut_lists(&ex.path, &ex.text, &["cues"], diags);
    }
    per_plan
}

/// What a plan's own diagnostics depend on besides its text: the site, the
/// exercise library and the list of pictures (and today, for consent,
/// which [`check`]'s caller keys separately). For the build cache.
pub fn inputs_key(clinic: &Clinic) -> u128 {
    let mut f = crate::base::hash::Fingerprint::new();
    f.add(clinic.site_text.as_bytes());
    for ex in clinic.exercises.values() {
        f.add(ex.path.to_string_lossy().as_bytes())
            .add(ex.text.as_bytes());
    }
    for img in &clinic.images {
        f.add(img.as_bytes());
    }
    f.finish()
}

/// The day a plan's diagnostics depend on: consent and the next visit
/// are checked against today, so a plan with a story or a next visit date
/// is re-checked each day.
pub fn depends_on_today(plan: &Plan, today: Date) -> Option<Date> {
    let visit = plan.next_visit.as_ref().is_some_and(|v| v.date.is_some());
    (plan.story.is_some() || visit).then_some(today)
}

fn check_plan(clinic: &Clinic, src: &Source<Plan>, today: Date, diags: &mut Diagnostics) {
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
                    if !clinic.exercises.contains_key(id) {
                        // Located only on error: scanning the text is the costly part.
                        let pos = locate(&src.text, "use", id, nth);
                        let help = match closest(id, clinic.exercises.keys().map(String::as_str)) {
                            Some(c) => format!("did you mean `{c}`?"),
                            None => library_help(clinic),
                        };
                        diags.push(
                            Diagnostic::error(Code::UnknownExercise, format!("unknown exercise `{id}`: no content/exercises/{id}.yaml"))
                                .in_file(file)
                                .at(pos)
                                .help(help),
                        );
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
}

/// Story records (`content/stories/`) that are not published today, with
/// the warnings a plan's story gets (a record scheduled for later is not
/// a problem and gets none).
fn check_records(clinic: &Clinic, today: Date, diags: &mut Diagnostics) {
    for src in &clinic.stories {
        if let Err(problem) = src.value.consent_status(today) {
            diags.push(consent_warning(problem, &src.path, &src.text));
        }
    }
}

/// "story not published", with the reason, at the `consent` (or `story`)
/// key of `text`, the file `file`.
fn consent_warning(problem: ConsentProblem, file: &Path, text: &str) -> Diagnostic {
    let (code, why, help) = match problem {
        ConsentProblem::Missing => (
            Code::ConsentMissing,
            "it has no `consent:`".to_string(),
            "add the signed authorisation under `story.consent`",
        ),
        ConsentProblem::Revoked => (
            Code::ConsentRevoked,
            "the patient revoked consent".to_string(),
            "remove the story, or keep it unpublished",
        ),
        ConsentProblem::OutOfScope => (
            Code::ConsentScope,
            "consent does not include `website` in its scope".to_string(),
            "publish only what the patient authorised",
        ),
        ConsentProblem::NoExpiry => (
            Code::ConsentExpired,
            "consent has no `expires_on` date".to_string(),
            "an authorisation must have an expiry date; add `expires_on: YYYY-MM-DD`",
        ),
        ConsentProblem::Expired(d) => (
            Code::ConsentExpired,
            format!("consent expired on {d}"),
            "ask the patient to renew the authorisation, or remove the story",
        ),
        ConsentProblem::NotSigned => (
            Code::ConsentMissing,
            "consent has no `signed_on` date in the past".to_string(),
            "add the date the patient signed: `signed_on: YYYY-MM-DD`",
        ),
    };
    Diagnostic::warning(code, format!("story not published: {why}"))
        .in_file(file)
        .at(["consent", "story", "title"]
            .into_iter()
            .find_map(|key| locate_key(text, key)))
        .help(help)
}

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

/// Is a picture path a plain relative path inside the images folder?
pub fn image_path_ok(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty()
        && p.components().all(|c| matches!(c, Component::Normal(_)))
        && !rel.contains('\\')
}

fn check_picture(
    clinic: &Clinic,
    file: &Path,
    text: &str,
    image: Option<&str>,
    alt: Option<&str>,
    diags: &mut Diagnostics,
) {
    let Some(image) = image else { return };
    let pos = || locate(text, "image", image, 0);
    if !image_path_ok(image) {
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

fn check_video(file: &Path, text: &str, video: Option<&str>, diags: &mut Diagnostics) {
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

/// Where an output folder was chosen: on the command line, or in
/// site.yaml (then diagnostics point at its `output:` block).
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A command-line flag.
    Flag,
    /// site.yaml, with its text.
    SiteYaml(&'a str),
}

/// Refuse output folders that nest in each other or would replace something
/// precious (`/`, the home folder, the clinic root, its content). The paths
/// are as the build will use them (already joined to the root).
pub fn check_outputs(
    root: &Path,
    public: (&Path, Origin<'_>),
    handouts: (&Path, Origin<'_>),
    diags: &mut Diagnostics,
) {
    let (root_n, pub_n, hand_n) = (normalize(root), normalize(public.0), normalize(handouts.0));
    let place = |d: Diagnostic, origin: Origin<'_>| match origin {
        Origin::SiteYaml(text) => d.in_file("site.yaml").at(locate_key(text, "output")),
        Origin::Flag => d,
    };
    if pub_n.starts_with(&hand_n) || hand_n.starts_with(&pub_n) {
        let origin = match (public.1, handouts.1) {
            (Origin::SiteYaml(t), _) | (_, Origin::SiteYaml(t)) => Origin::SiteYaml(t),
            _ => Origin::Flag,
        };
        diags.push(place(
            Diagnostic::error(Code::UnsafeOutputDirs, format!(
                "the public folder ({}) and the handouts folder ({}) must not be inside each other: private handouts would be published",
                public.0.display(), handouts.0.display()))
                .help("use separate folders, e.g. `output: { public: public, handouts: handouts }`"),
            origin,
        ));
    }
    let home = std::env::var_os("HOME").map(|h| normalize(Path::new(&h)));
    for (label, dir, origin) in [
        ("public", &pub_n, public.1),
        ("handouts", &hand_n, handouts.1),
    ] {
        let precious = dir.parent().is_none()
            || home.as_ref() == Some(dir)
            || *dir == root_n
            || root_n.starts_with(dir)
            || ["content", "themes", "templates", "static"]
                .iter()
                .any(|d| dir.starts_with(root_n.join(d)));
        if precious {
            diags.push(place(
                Diagnostic::error(Code::UnsafeOutputDirs, format!("refusing to use {} as the {label} output folder: it holds files heropath did not make", dir.display()))
                    .help("choose an empty or new folder, e.g. `public` or `handouts`"),
                origin,
            ));
        }
    }
}

/// Make a path absolute and drop `.`/`..` without touching the disk (the
/// folder may not exist yet).
pub fn normalize(p: &Path) -> std::path::PathBuf {
    let base = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = std::path::PathBuf::new();
    for c in base.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Readability counts and jargon of one text.
#[derive(Debug, Clone)]
struct TextFacts<'j> {
    /// Each sentence of the plain text, with its counts.
    sentences: Vec<(crate::stages::check::readability::Counts, String)>,
    /// Jargon words, in order.
    jargon: Vec<(String, &'j str, &'j str)>,
}

fn facts<'j>(t: &str, jargon: &'j crate::stages::check::readability::Jargon) -> TextFacts<'j> {
    let plain = crate::stages::model::plain_text(t);
    let sentences = crate::stages::check::readability::sentences(&plain)
        .map(|s| {
            (
                crate::stages::check::readability::Counts::of(s),
                s.to_string(),
            )
        })
        .collect();
    TextFacts {
        sentences,
        jargon: jargon.find(t),
    }
}

/// The facts of every library text (instructions and cues), worked out
/// once: the same library exercise appears in many plans.
fn library_facts<'c, 'j>(
    clinic: &'c Clinic,
    jargon: &'j crate::stages::check::readability::Jargon,
) -> std::collections::HashMap<&'c str, TextFacts<'j>> {
    use rayon::prelude::*;
    let mut texts: Vec<&str> = Vec::new();
    for ex in clinic.exercises.values() {
        texts.extend(ex.value.instructions.as_deref());
        texts.extend(ex.value.cues.iter().map(String::as_str));
    }
    texts.sort_unstable();
    texts.dedup();
    texts
        .into_par_iter()
        .map(|t| (t, facts(t, jargon)))
        .collect()
}

/// Plain-language and actionability advice for one plan (warnings only).
fn advise(
    clinic: &Clinic,
    src: &Source<Plan>,
    jargon: &crate::stages::check::readability::Jargon,
    library: &std::collections::HashMap<&str, TextFacts<'_>>,
    diags: &mut Diagnostics,
) {
    use crate::stages::check::readability::Counts;
    use std::borrow::Cow;
    let plan = &src.value;
    let file = &src.path;
    let warn = |code, msg: String, pos, help: &str| {
        Diagnostic::warning(code, msg)
            .in_file(file)
            .at(pos)
            .help(help.to_string())
    };

    // Patient-facing text, as the handout shows it (the patient's own words
    // are theirs, so they are not graded).
    let mut texts: Vec<&str> = vec![&plan.problem.summary, &plan.goal.statement];
    texts.extend(plan.problem.details.as_deref());
    texts.extend(plan.success.as_deref());
    let r = &plan.responsibilities;
    texts.extend(
        r.clinician
            .iter()
            .chain(&r.patient)
            .chain(&r.together)
            .map(String::as_str),
    );
    texts.extend(plan.next_visit.iter().filter_map(|v| v.focus.as_deref()));
    for step in &plan.steps {
        texts.push(&step.title);
        texts.extend(step.why.as_deref());
        for e in &step.exercises {
            let lib = e
                .use_id
                .as_ref()
                .and_then(|id| clinic.exercises.get(id))
                .map(|s| &s.value);
            texts.extend(
                e.instructions
                    .as_deref()
                    .or_else(|| lib.and_then(|l| l.instructions.as_deref())),
            );
            let cues = if e.cues.is_empty() {
                lib.map_or(&[][..], |l| &l.cues[..])
            } else {
                &e.cues[..]
            };
            texts.extend(cues.iter().map(String::as_str));
        }
    }
    // Library texts were analysed once; the plan's own are analysed here.
    let all: Vec<Cow<'_, TextFacts<'_>>> = texts
        .iter()
        .map(|t| {
            library
                .get(t)
                .map_or_else(|| Cow::Owned(facts(t, jargon)), Cow::Borrowed)
        })
        .collect();
    let lang = plan.language(&clinic.site);
    // The Flesch-Kincaid formula is calibrated for English only.
    if lang == "en" {
        let mut total = Counts::default();
        let mut hardest: Vec<(f64, &str)> = Vec::new();
        for (c, sentence) in all.iter().flat_map(|f| f.sentences.iter()) {
            total.add(*c);
            // Titles and short fragments are not sentences to rewrite.
            if c.words >= 4 {
                hardest.push((c.grade(), sentence));
            }
        }
        let max = clinic.site.reading_level.max_grade;
        let grade = total.grade();
        if total.words >= 20 && grade > max {
            hardest.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            let list: Vec<String> = hardest
                .iter()
                .take(3)
                .map(|(g, s)| format!("\"{s}\" (grade {g:.1})"))
                .collect();
            let pos = hardest.first().and_then(|(_, s)| locate_text(&src.text, s));
            diags.push(warn(
                Code::ReadingLevel,
                format!("handout text reads at grade {grade:.1}; the target is {max} or lower"),
                pos,
                &format!(
                    "shorten or simplify the hardest sentences: {}",
                    list.join("; ")
                ),
            ));
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for (word, _term, better) in all.iter().flat_map(|f| f.jargon.iter()) {
        if seen.insert(word.to_lowercase()) {
            diags.push(warn(
                Code::Jargon,
                format!("`{word}` is medical jargon"),
                locate_text(&src.text, word),
                &format!("say \"{better}\" instead"),
            ));
        }
    }

    // Actionability (AHRQ PEMAT): named actions, explicit steps, a dose, a next step.
    for (si, step) in plan.steps.iter().enumerate() {
        if step.exercises.is_empty() && step.why.as_deref().is_none_or(|w| w.trim().is_empty()) {
            diags.push(warn(
                Code::EmptyStep,
                format!(
                    "step {} (\"{}\") has neither exercises nor text",
                    si + 1,
                    step.title
                ),
                locate(&src.text, "title", &step.title, 0),
                "add exercises, or a `why:` that says what the patient does in this step",
            ));
        }
        if step.exercises.len() > 4 {
            diags.push(warn(
                Code::TooManyExercises,
                format!(
                    "step {} prescribes {} home exercises at once",
                    si + 1,
                    step.exercises.len()
                ),
                locate(&src.text, "title", &step.title, 0),
                "patients do fewer exercises more often: keep to four or fewer at a time",
            ));
        }
        for e in &step.exercises {
            let lib = e
                .use_id
                .as_ref()
                .and_then(|id| clinic.exercises.get(id))
                .map(|s| &s.value);
            let dose = lib.map_or_else(|| e.dose(), |l| l.dose.overridden_by(&e.dose()));
            if dose.is_empty() {
                let name = e
                    .name
                    .clone()
                    .or_else(|| lib.map(|l| l.name.clone()))
                    .or_else(|| e.use_id.clone())
                    .unwrap_or_default();
                let pos = e.use_id.as_ref().map_or_else(
                    || locate(&src.text, "name", &name, 0),
                    |id| locate(&src.text, "use", id, 0),
                );
                diags.push(warn(
                    Code::NoDose,
                    format!("exercise `{name}` has no dose"),
                    pos,
                    "say how much and how often, e.g. `reps: 10` and `per_day: 2`",
                ));
            }
        }
    }
    if plan.responsibilities.patient.is_empty() {
        diags.push(warn(
            Code::NoPatientTasks,
            "the plan gives the patient no tasks of their own".into(),
            locate_key(&src.text, "responsibilities"),
            "add `patient: [ ... ]` under `responsibilities`: what will they do?",
        ));
    }
    if plan.next_visit.is_none() {
        diags.push(warn(
            Code::NoNextVisit,
            "the plan has no next visit".into(),
            None,
            "add `next_visit: { date: YYYY-MM-DD, time: \"10:30\", focus: ... }`",
        ));
    }
    if plan.goal.target_date.is_none() {
        diags.push(warn(
            Code::NoTargetDate,
            "the goal has no target date".into(),
            locate_key(&src.text, "goal"),
            "add `target_date: YYYY-MM-DD` so you can check progress together",
        ));
    }
}

/// Position of the first whole-word occurrence of a (short prefix of a)
/// text: as written first, then ignoring case.
fn locate_text(src: &str, needle: &str) -> Option<crate::base::diag::Pos> {
    let probe: String = needle.chars().take(30).collect();
    let truncated = probe.len() < needle.len();
    let probe = probe.trim();
    if probe.is_empty() {
        return None;
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let find = |hay: &str, pat: &str| {
        hay.match_indices(pat).map(|(i, _)| i).find(|&i| {
            !word(hay[..i].chars().next_back())
                && (truncated || !word(hay[i + pat.len()..].chars().next()))
        })
    };
    let at = find(src, probe).or_else(|| {
        let lower = src.to_lowercase();
        // Lowercasing can change byte lengths; only trust it when it did not.
        (lower.len() == src.len())
            .then(|| find(&lower, &probe.to_lowercase()))
            .flatten()
    })?;
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some(crate::base::diag::Pos { line, column: col })
}
