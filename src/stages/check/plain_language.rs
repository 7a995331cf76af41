//! Plain language (HP0601, HP0602): the handout's reading grade against
//! the site's target, and medical jargon with a plain word to say instead.
//! The measures themselves (Flesch-Kincaid counts, the jargon index) are
//! [`super::readability`]'s; this module chooses the texts a patient reads
//! and says where in the plan to rewrite them.

use super::readability::{Counts, Jargon, default_plain_words, fernandez_huerta_grade, sentences};
use super::warn;
use crate::base::diag::{Code, Diagnostics, Pos};
use crate::content::markdown::plain_text;
use crate::content::plan::Plan;
use crate::stages::load::{Clinic, Source};
use std::borrow::Cow;
/// Texts by content. ahash, not std's SipHash: every text of every plan is
/// looked up here, and hashing whole sentences with SipHash showed in
/// profiles (~1% of a 10,000-plan cold build).
pub(super) type SharedFacts<'c, 'j> =
    std::collections::HashMap<&'c str, TextFacts<'j>, ahash::RandomState>;

/// Readability counts and jargon of one text.
#[derive(Debug, Clone)]
pub(super) struct TextFacts<'j> {
    /// Each sentence of the plain text, with its counts.
    sentences: Vec<(Counts, String)>,
    /// Jargon words, in order.
    jargon: Vec<(String, &'j str, &'j str)>,
}

/// The built-in jargon list with the site's `plain_words` added, indexed.
pub(super) fn jargon_index(clinic: &Clinic) -> Jargon {
    let mut plain = default_plain_words();
    plain.extend(
        clinic
            .site
            .plain_words
            .iter()
            .map(|(k, v)| (k.to_lowercase(), v.clone())),
    );
    Jargon::new(&plain)
}

/// The readability counts of each sentence of `t` and the jargon in it.
fn facts<'j>(t: &str, jargon: &'j Jargon) -> TextFacts<'j> {
    let plain = plain_text(t);
    let sentences = sentences(&plain)
        .map(|s| (Counts::of(s), s.to_string()))
        .collect();
    TextFacts {
        sentences,
        jargon: jargon.find(t),
    }
}

/// The facts of every text worth analysing once: each library text
/// (instructions and cues: the same library exercise appears in many
/// plans) and each plan text that more than one of `plans` shows
/// (clinics copy plans from protocols and from each other, so the same
/// responsibilities and steps recur thousands of times). Texts seen once
/// are analysed where they are met, so memory stays with the repeats.
pub(super) fn shared_facts<'c, 'j>(
    clinic: &'c Clinic,
    plans: &[&'c Source<Plan>],
    jargon: &'j Jargon,
) -> SharedFacts<'c, 'j> {
    use rayon::prelude::*;
    let mut texts: Vec<&str> = Vec::new();
    for ex in clinic.exercises.values() {
        texts.extend(ex.value.instructions.as_deref());
        texts.extend(ex.value.cues.iter().map(String::as_str));
        for t in ex.value.translations.values() {
            texts.extend(t.instructions.as_deref());
            texts.extend(t.cues.iter().flatten().map(String::as_str));
        }
    }
    // Per text: false on the first sight, true once seen again. Counted in
    // parallel (a map per thread, merged): one thread took 30 ms at 10k.
    type Seen<'a> = ahash::AHashMap<&'a str, bool>;
    let seen = plans
        .par_iter()
        .filter(|p| !p.value.draft)
        .fold(Seen::new, |mut seen, p| {
            for t in patient_texts(clinic, &p.value) {
                seen.entry(t)
                    .and_modify(|again| *again = true)
                    .or_insert(false);
            }
            seen
        })
        .reduce(Seen::new, |mut a, b| {
            for (t, again) in b {
                a.entry(t)
                    .and_modify(|seen_twice| *seen_twice = true)
                    .or_insert(again);
            }
            a
        });
    texts.extend(seen.into_iter().filter(|(_, again)| *again).map(|(t, _)| t));
    texts.sort_unstable();
    texts.dedup();
    texts
        .into_par_iter()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .map(|t| (t, facts(t, jargon)))
        .collect()
}

/// Patient-facing text, as the handout shows it (the patient's own words
/// are theirs, so they are not graded).
fn patient_texts<'a>(clinic: &'a Clinic, plan: &'a Plan) -> Vec<&'a str> {
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
            let p = clinic.prescription(e, plan.language(&clinic.site));
            texts.extend(p.instructions());
            texts.extend(p.cues().iter().map(String::as_str));
        }
    }
    texts
}

/// Plain-language advice for one plan (warnings only): the reading grade
/// (English only) and jargon.
pub(super) fn advise(
    clinic: &Clinic,
    src: &Source<Plan>,
    jargon: &Jargon,
    shared: &SharedFacts<'_, '_>,
    diags: &mut Diagnostics,
) {
    let plan = &src.value;
    let texts = patient_texts(clinic, plan);
    // Shared texts were analysed once; the plan's own are analysed here.
    let all: Vec<Cow<'_, TextFacts<'_>>> = texts
        .iter()
        .map(|t| {
            shared
                .get(t)
                .map_or_else(|| Cow::Owned(facts(t, jargon)), Cow::Borrowed)
        })
        .collect();
    // Each language is graded by a formula published for it (English:
    // Flesch-Kincaid; Spanish: Fernández-Huerta); a language without one
    // (zh, vi, ar, ...) gets no grade rather than a wrong number.
    if let Some(formula) = Formula::for_language(plan.language(&clinic.site)) {
        reading_level(clinic, src, &all, formula, diags);
    }
    let mut seen = std::collections::BTreeSet::new();
    for (word, _term, better) in all.iter().flat_map(|f| f.jargon.iter()) {
        if seen.insert(word.to_lowercase()) {
            diags.push(warn(
                &src.path,
                Code::Jargon,
                format!("`{word}` is medical jargon"),
                locate_text(&src.text, word),
                &format!("say \"{better}\" instead"),
            ));
        }
    }
}

/// A published readability formula for one language.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Formula {
    /// Flesch-Kincaid grade (English).
    FleschKincaid,
    /// Fernández-Huerta reading ease (Spanish), read as a grade on its
    /// published scale.
    FernandezHuerta,
}

impl Formula {
    /// The formula for a language code (`es`, `es-MX`), if there is one.
    fn for_language(lang: &str) -> Option<Formula> {
        match crate::base::lang::primary(lang).as_str() {
            "en" => Some(Formula::FleschKincaid),
            "es" => Some(Formula::FernandezHuerta),
            _ => None,
        }
    }

    /// The US grade of a text.
    fn grade(self, c: &Counts) -> f64 {
        match self {
            Formula::FleschKincaid => c.grade(),
            Formula::FernandezHuerta => fernandez_huerta_grade(c.ease_es()),
        }
    }

    /// The formula named in the warning.
    fn describe(self, c: &Counts) -> String {
        match self {
            Formula::FleschKincaid => "Flesch-Kincaid".to_string(),
            Formula::FernandezHuerta => format!(
                "Fernández-Huerta reading ease {:.0}, on its published scale",
                c.ease_es()
            ),
        }
    }
}

/// A warning when the texts read above the site's target grade, naming the
/// three hardest sentences and the formula used.
fn reading_level(
    clinic: &Clinic,
    src: &Source<Plan>,
    all: &[Cow<'_, TextFacts<'_>>],
    formula: Formula,
    diags: &mut Diagnostics,
) {
    let mut total = Counts::default();
    let mut hardest: Vec<(f64, &str)> = Vec::new();
    for (c, sentence) in all.iter().flat_map(|f| f.sentences.iter()) {
        total.add(*c);
        // Titles and short fragments are not sentences to rewrite.
        if c.words >= 4 {
            hardest.push((formula.grade(c), sentence));
        }
    }
    let max = clinic.site.reading_level.max_grade;
    let grade = formula.grade(&total);
    if total.words >= 20 && grade > max {
        hardest.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let list: Vec<String> = hardest
            .iter()
            .take(3)
            .map(|(g, s)| format!("\"{s}\" (grade {g:.1})"))
            .collect();
        let pos = hardest.first().and_then(|(_, s)| locate_text(&src.text, s));
        diags.push(warn(
            &src.path,
            Code::ReadingLevel,
            format!(
                "handout text reads at grade {grade:.1}; the target is {max} or lower ({})",
                formula.describe(&total)
            ),
            pos,
            &format!(
                "shorten or simplify the hardest sentences: {}",
                list.join("; ")
            ),
        ));
    }
}

/// Position of the first whole-word occurrence of a (short prefix of a)
/// text: as written first, then ignoring case.
fn locate_text(src: &str, needle: &str) -> Option<Pos> {
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
    Some(Pos::at_byte(src, at))
}
