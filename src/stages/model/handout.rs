//! One patient's handout: the private view (the patient as hero, the
//! clinician as guide, the plan's steps and exercise cards).

use super::assets::Assets;
use super::remember::{self, RememberView};
use crate::content::config::Clinician;
use crate::content::markdown;
use crate::content::plan::{Measure, Plan};
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
    /// The string table's phrases that name someone or something, filled in.
    pub phrases: Phrases,
}

/// The phrases of the string table with a placeholder (`{name}`,
/// `{clinician}`, `{date}`), filled in for this handout: what a template
/// would otherwise fill with `replace` for every patient. The table stays
/// in `t` for a theme that fills its own.
#[derive(Debug, Clone, Serialize)]
pub struct Phrases {
    /// `handout_doc_title`, `{name}`: the preferred name.
    pub doc_title: String,
    /// `handout_heading`, `{name}`: the preferred name.
    pub heading: String,
    /// `prepared_by`, `{clinician}`: the guide's name and credentials.
    pub prepared_by: String,
    /// `prepared_for`, `{name}`: the full name.
    pub prepared_for: String,
    /// `goal_agreed`, `{date}`: the day the goal was agreed, if known.
    pub goal_agreed: Option<String>,
    /// `goal_target`, `{date}`: the target date, if any.
    pub goal_target: Option<String>,
    /// `roles_clinician`, `{name}`: the guide's first name.
    pub roles_clinician: String,
    /// `plan_intro`, `{name}`: the preferred name.
    pub plan_intro: String,
    /// `next_see_you`, `{name}`: the preferred name.
    pub next_see_you: String,
    /// `closing`, `{name}`: the preferred name.
    pub closing: String,
}

impl Phrases {
    fn new(t: &Strings, patient: &PatientView, guide: &ClinicianView, goal: &GoalView) -> Phrases {
        let name = |key: &str, who: &str| t.fmt(key, &[("name", who)]);
        let dated =
            |key: &str, day: &Option<String>| day.as_deref().map(|d| t.fmt(key, &[("date", d)]));
        let preferred = patient.preferred_name.as_str();
        Phrases {
            doc_title: name("handout_doc_title", preferred),
            heading: name("handout_heading", preferred),
            prepared_by: t.fmt("prepared_by", &[("clinician", &guide.display)]),
            prepared_for: name("prepared_for", &patient.name),
            goal_agreed: dated("goal_agreed", &goal.agreed_on),
            goal_target: dated("goal_target", &goal.target_date),
            roles_clinician: name("roles_clinician", &guide.first_name),
            plan_intro: name("plan_intro", preferred),
            next_see_you: name("next_see_you", preferred),
            closing: name("closing", preferred),
        }
    }
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
    /// `step_label` with `{n}` filled in ("Step 2").
    pub label: String,
    /// Title.
    pub title: String,
    /// When.
    pub when: Option<String>,
    /// Why, sanitised HTML.
    pub why_html: Option<String>,
    /// Exercise cards.
    pub exercises: Vec<super::card::NumberedCard>,
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

/// The file name of the handout of the plan called `slug`, in the
/// handouts folder.
pub fn handout_file(slug: &str) -> String {
    format!("{slug}.html")
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
    let patient = PatientView {
        name: plan.patient.name.clone(),
        preferred_name: plan.patient.preferred().to_string(),
        pronouns: plan.patient.pronouns.clone(),
    };
    let clinician = ClinicianView::new(guide);
    let goal_view = GoalView {
        statement: goal.statement.clone(),
        target_date: goal.target_date.map(|d| t.date(d)),
        agreed_on: goal.agreed_on.map(|d| t.date(d)),
        measures: super::chart::shown_measures(&goal.measures, t),
    };
    Handout {
        slug: src.slug.clone(),
        lang: lang.to_string(),
        theme: theme.to_string(),
        view: HandoutView {
            phrases: Phrases::new(t, &patient, &clinician, &goal_view),
            patient,
            clinician,
            problem: ProblemView {
                summary: plan.problem.summary.clone(),
                in_their_words: plan.problem.in_their_words.clone(),
                details_html: plan.problem.details.as_deref().map(markdown::to_html),
            },
            goal: goal_view,
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
            label: words.0.fmt("step_label", &[("n", &(i + 1).to_string())]),
            title: s.title.clone(),
            when: s.when.clone(),
            why_html: s.why.as_deref().map(markdown::to_html),
            exercises: s
                .exercises
                .iter()
                .map(|e| {
                    number += 1;
                    super::card::card(number, e, clinic, words, assets)
                })
                .collect(),
        })
        .collect()
}
