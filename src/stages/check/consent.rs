//! Stories that may not be published today (HP020x): the consent
//! warnings of plans' `story:` blocks and of story records.

use crate::base::date::Date;
use crate::base::diag::{Code, Diagnostic, Diagnostics};
use crate::content::plan::ConsentProblem;
use crate::content::yaml::locate_key;
use crate::stages::load::Clinic;
use std::path::Path;

/// Story records (`content/stories/`) that are not published today, with
/// the warnings a plan's story gets (a record scheduled for later is not
/// a problem and gets none).
pub(super) fn check_records(clinic: &Clinic, today: Date, diags: &mut Diagnostics) {
    for src in &clinic.stories {
        if let Err(problem) = src.value.consent_status(today) {
            diags.push(consent_warning(problem, &src.path, &src.text));
        }
    }
}

/// Plans whose own story consent is good, but whose patient revoked it in
/// another plan (see [`crate::stages::load::Revocations`]): a warning at the
/// `consent` key naming that plan.
pub(super) fn check_revoked_elsewhere(clinic: &Clinic, today: Date, diags: &mut Diagnostics) {
    let revocations = clinic.revocations();
    for (i, src) in clinic.plans.iter().enumerate() {
        let Some(story) = &src.value.story else {
            continue;
        };
        if src.value.draft || story.consent_status(today).is_err() {
            continue;
        }
        let Some(other) = revocations.elsewhere(i).and_then(|j| clinic.plans.get(j)) else {
            continue;
        };
        let other = other.path.display();
        let d = Diagnostic::warning(
            Code::ConsentRevoked,
            format!("story not published: the patient revoked consent in {other}"),
        )
        .help(format!(
            "{other} is a plan for the same patient (same birth date and name, email or phone) whose story says `revoked: true`: consent is the patient's, so no story of theirs is published; remove this story, or correct {other} if the revocation was a mistake"
        ));
        diags.push(at_consent(d, &src.path, &src.text));
    }
}

/// Plans whose story would be published but another plan of the same
/// patient publishes its story instead (see
/// [`crate::stages::load::Revocations::published_elsewhere`]): a warning
/// at the `story` key naming that plan: the story left out would otherwise
/// go unnoticed (a new episode's plan copied with its story published it
/// twice, and nothing said so).
pub(super) fn check_told_twice(clinic: &Clinic, today: Date, diags: &mut Diagnostics) {
    let revocations = clinic.revocations();
    for (i, src) in clinic.plans.iter().enumerate() {
        let Some(other) = revocations
            .published_elsewhere(i, today)
            .and_then(|j| clinic.plans.get(j))
        else {
            continue;
        };
        let other = other.path.display();
        let d = Diagnostic::warning(
            Code::StoryTwice,
            format!("story not published: {other} already publishes a story of the same patient"),
        )
        .help(format!(
            "{other} is a plan for the same patient (same birth date and name, email or phone), and a patient's story is published once: remove the `story:` block from this plan (a new episode's plan copied from the old one keeps it by mistake), or add what is new to the story in {other}"
        ))
        .in_file(&src.path)
        .at(["story", "title"].into_iter().find_map(|key| locate_key(&src.text, key)));
        diags.push(d);
    }
}

/// "story not published", with the reason, at the `consent` (or `story`)
/// key of `text`, the file `file`.
pub(super) fn consent_warning(problem: ConsentProblem, file: &Path, text: &str) -> Diagnostic {
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
        ConsentProblem::RevokedElsewhere => (
            Code::ConsentRevoked,
            "the patient revoked consent in another plan".to_string(),
            "remove the story, or keep it unpublished",
        ),
        ConsentProblem::PublishedElsewhere => (
            Code::StoryTwice,
            "another plan of the same patient publishes a story".to_string(),
            "remove the story: a patient's story is published once",
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
    let d = Diagnostic::warning(code, format!("story not published: {why}")).help(help);
    at_consent(d, file, text)
}

/// `d` at the `consent` (or `story`, or `title`) key of `text`, the file
/// `file`.
fn at_consent(d: Diagnostic, file: &Path, text: &str) -> Diagnostic {
    d.in_file(file).at(["consent", "story", "title"]
        .into_iter()
        .find_map(|key| locate_key(text, key)))
}
