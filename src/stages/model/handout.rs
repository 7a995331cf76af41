//! One patient's handout: the private view (the patient as hero, the
//! clinician as guide, the plan's steps and exercise cards).

use super::assets::{Assets, Shared};
use super::dose;
use super::remember::{self, LogRow, RememberView};
use crate::content::config::Clinician;
use crate::content::markdown;
use crate::content::plan::{ExerciseItem, Measure, Plan};
use crate::stages::load::{Clinic, Source};
use crate::stages::theme::i18n::Strings;
use serde::Serialize;

/// One patient's handout: which theme and language, and the private view.
#[derive(Debug, Clone)]
pub struct Handout {
    /// Plan slug → `handouts/<slug>.html`.
    pub slug: String,
    /// Language code.
    pub lang: String,
    /// Theme name.
    pub theme: String,
    /// What the template sees.
    pub view: HandoutView,
}

/// The private handout data. Templates also get `exercises`, every card
/// of every step in order (for the adherence log): the renderer makes it
/// from `steps` ([`crate::stages::render`]), so the cards are modelled and
/// serialized once.
#[derive(Debug, Clone, Serialize)]
pub struct HandoutView {
    /// The hero.
    pub patient: PatientView,
    /// The guide.
    pub clinician: ClinicianView,
    /// The problem.
    pub problem: ProblemView,
    /// The goal.
    pub goal: GoalView,
    /// The guide's steps.
    pub steps: Vec<StepView>,
    /// Who does what.
    pub responsibilities: ResponsibilitiesView,
    /// The next visit.
    pub next_visit: Option<NextVisitView>,
    /// Life after the goal.
    pub success_html: Option<String>,
    /// Short weekday names, Monday first.
    pub week_days: Vec<String>,
    /// The summary box: exercises, next visit, when to stop and call.
    pub remember: RememberView,
    /// How far the patient has come (once a measure has two values).
    pub journey: Option<super::chart::JourneyView>,
}

/// The patient as the handout names them.
#[derive(Debug, Clone, Serialize)]
pub struct PatientView {
    /// Full name (handout only).
    pub name: String,
    /// What they like to be called.
    pub preferred_name: String,
    /// Pronouns.
    pub pronouns: Option<String>,
}

/// The guide.
#[derive(Debug, Clone, Serialize)]
pub struct ClinicianView {
    /// Full name.
    pub name: String,
    /// Credentials.
    pub credentials: Option<String>,
    /// First name, for "Sam will…".
    pub first_name: String,
    /// "Sam Rivera, PT, DPT".
    pub display: String,
}

impl ClinicianView {
    fn new(c: &Clinician) -> ClinicianView {
        let display = match c.credentials.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(cr) => format!("{}, {cr}", c.name),
            None => c.name.clone(),
        };
        ClinicianView {
            name: c.name.clone(),
            credentials: c.credentials.clone(),
            first_name: c
                .name
                .split_whitespace()
                .next()
                .unwrap_or(&c.name)
                .to_string(),
            display,
        }
    }
}

/// The problem.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemView {
    /// Summary.
    pub summary: String,
    /// Their words.
    pub in_their_words: Option<String>,
    /// Details, sanitised HTML.
    pub details_html: Option<String>,
}

/// The goal.
#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    /// Statement.
    pub statement: String,
    /// Target date, written out.
    pub target_date: Option<String>,
    /// Agreement date, written out.
    pub agreed_on: Option<String>,
    /// Measures.
    pub measures: Vec<Measure>,
}

/// One step.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// 1-based.
    pub number: usize,
    /// Title.
    pub title: String,
    /// When.
    pub when: Option<String>,
    /// Why, sanitised HTML.
    pub why_html: Option<String>,
    /// Exercise cards.
    pub exercises: Vec<Card>,
}

/// One exercise card.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    /// 1-based across the handout.
    pub number: usize,
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
    /// Dose as sentences (a string).
    pub dose_text: Shared,
    /// How often a day, for the log's row ("twice a day"; a string).
    pub dose_short: Shared,
    /// Per-patient note.
    pub note: Option<String>,
    /// The adherence log's boxes for this exercise.
    pub log: LogRow,
    /// Both limbs at once (`side: together`).
    pub together: bool,
}

/// Who does what.
#[derive(Debug, Clone, Serialize)]
pub struct ResponsibilitiesView {
    /// The clinician.
    pub clinician: Vec<String>,
    /// The patient.
    pub patient: Vec<String>,
    /// Together.
    pub together: Vec<String>,
}

/// The next visit.
#[derive(Debug, Clone, Serialize)]
pub struct NextVisitView {
    /// Date, written out.
    pub date: Option<String>,
    /// Time.
    pub time: Option<String>,
    /// Focus.
    pub focus: Option<String>,
}

/// Build one plan's handout view.
pub fn handout(
    src: &Source<Plan>,
    clinic: &Clinic,
    t: &Strings,
    lang: &str,
    theme: &str,
    assets: &Assets,
) -> Handout {
    let plan = &src.value;
    let steps = step_views(plan, clinic, (t, lang, theme), assets);
    let remember = RememberView {
        next_visit: remember::next_visit(plan, &clinic.site, t),
        safety: remember::safety(&clinic.site, plan, lang, t),
    };
    let goal = &plan.goal;
    let default_guide = default_guide(clinic);
    let guide = plan
        .clinician
        .as_ref()
        .or(clinic.site.clinic.clinician.as_ref())
        .unwrap_or(&default_guide);
    Handout {
        slug: src.slug.clone(),
        lang: lang.to_string(),
        theme: theme.to_string(),
        view: HandoutView {
            patient: PatientView {
                name: plan.patient.name.clone(),
                preferred_name: plan.patient.preferred().to_string(),
                pronouns: plan.patient.pronouns.clone(),
            },
            clinician: ClinicianView::new(guide),
            problem: ProblemView {
                summary: plan.problem.summary.clone(),
                in_their_words: plan.problem.in_their_words.clone(),
                details_html: plan.problem.details.as_deref().map(markdown::to_html),
            },
            goal: GoalView {
                statement: goal.statement.clone(),
                target_date: goal.target_date.map(|d| t.date(d)),
                agreed_on: goal.agreed_on.map(|d| t.date(d)),
                measures: super::chart::shown_measures(&goal.measures, t),
            },
            steps,
            responsibilities: ResponsibilitiesView {
                clinician: plan.responsibilities.clinician.clone(),
                patient: plan.responsibilities.patient.clone(),
                together: plan.responsibilities.together.clone(),
            },
            next_visit: plan.next_visit.as_ref().map(|v| NextVisitView {
                date: v.date.map(|d| t.date(d)),
                time: v.time.clone(),
                focus: v.focus.clone(),
            }),
            success_html: plan.success.as_deref().map(markdown::to_html),
            week_days: t.weekdays_short(),
            remember,
            journey: super::chart::handout_journey(
                &super::chart::journey_for(plan, &clinic.site.measures, t),
                plan.patient.preferred(),
                t,
            ),
        },
    }
}

/// The guide when neither the plan nor site.yaml names a clinician: the
/// clinic itself.
fn default_guide(clinic: &Clinic) -> Clinician {
    Clinician {
        name: clinic
            .site
            .clinic
            .name
            .clone()
            .unwrap_or_else(|| clinic.site.title.clone()),
        credentials: None,
    }
}

/// The plan's steps, their exercise cards numbered across the handout.
fn step_views(
    plan: &Plan,
    clinic: &Clinic,
    words: (&Strings, &str, &str),
    assets: &Assets,
) -> Vec<StepView> {
    let mut number = 0;
    plan.steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepView {
            number: i + 1,
            title: s.title.clone(),
            when: s.when.clone(),
            why_html: s.why.as_deref().map(markdown::to_html),
            exercises: s
                .exercises
                .iter()
                .map(|e| {
                    number += 1;
                    card(number, e, clinic, words, assets)
                })
                .collect(),
        })
        .collect()
}

/// One exercise card: the plan's item with its library exercise's fields
/// where the plan gives none, in the handout's language where the library
/// has a translation (else in the library's, marked).
fn card(
    number: usize,
    item: &ExerciseItem,
    clinic: &Clinic,
    (t, lang, theme): (&Strings, &str, &str),
    assets: &Assets,
) -> Card {
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
    let dose = p.dose();
    // The log's row says how often a day, as its boxes do; the days are
    // its cells ("Any 5 days:" or a column per weekday) and the full dose
    // is on the card, so the row stays one line in every language.
    let (dose_text, dose_short) = assets.doses.get((theme, lang), &dose, || {
        (dose::text(&dose, t), dose::times_a_day(&dose, t))
    });
    let owned = |s: Option<&str>| s.map(str::to_string);
    let shown_name = owned(name).unwrap_or_else(|| item.use_id.clone().unwrap_or_default());
    Card {
        log: remember::log_row(&dose, t),
        together: dose.side == Some(crate::content::plan::Side::Together),
        number,
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
        dose_text,
        dose_short,
        note: item.note.clone(),
    }
}
