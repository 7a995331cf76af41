//! From what the guard found in public files to diagnostics a person can
//! act on: at the source to fix (the page and line, the story in the plan,
//! the template, the static file), one per source and identifier however
//! many pages carry it, and never the identifier itself.

use super::{Guard, Hit, What, glob_match};
use crate::base::diag::Code;
use crate::base::diag::Diagnostic;
use crate::content::config::ReviewedFile;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// A file a public page may have been made from.
pub struct SourceText {
    /// Path shown to the user (relative to the clinic folder).
    pub path: PathBuf,
    /// A name whose extension says how to read `text` (`page.html`).
    pub read_as: String,
    /// The text.
    pub text: String,
    /// Lines before `text` in the file (a plan's `story:` block).
    pub line_offset: u32,
}

/// One public file's findings.
pub struct Found<'a> {
    /// Path in the public folder.
    pub path: &'a str,
    /// Where the file came from, when it is a copy (a static file).
    pub origin: Option<&'a str>,
    /// What the guard found.
    pub scan: super::Scan,
}

/// A picture that records where it was taken: the place can be a patient's
/// home or the street they walk, and the guard cannot tell which.
fn located(f: &Found) -> Diagnostic {
    Diagnostic::error(
        Code::LocatedPicture,
        format!(
            "public file {} records where it was taken (a GPS position in its metadata)",
            f.path
        ),
    )
    .in_file(f.origin.unwrap_or(f.path))
    .help(format!(
        "remove the position (for example `exiftool -gps:all= -xmp:all= FILE`, or export the photo without location), or, if the place is public (the clinic itself), list it in site.yaml:\n  privacy:\n    reviewed_files:\n      - {{ pattern: \"{}\", reason: \"who checked it, when\" }}",
        f.path
    ))
}

/// A patient record in a public file: the guard knows the clinic's plans
/// only, so an archived plan or another clinic's export is found by its
/// shape, and refused whoever it names. The line is not shown: it is the
/// record (a name, a birth date) and the output goes to CI logs.
fn record(f: &Found, line: u32) -> Diagnostic {
    Diagnostic::error(
        Code::PatientRecord,
        format!(
            "public file {} holds a patient record (a `patient:` with a name, or a date of birth)",
            f.path
        ),
    )
    .in_file(f.origin.unwrap_or(f.path))
    .at(f.origin.map(|_| crate::base::diag::Pos { line: line as usize, column: 1 }))
    .help(format!(
        "remove the record from the site (an archive of plans belongs outside the clinic folder), or, if a person has checked that it is made up (an example), list it in site.yaml:\n  privacy:\n    reviewed_files:\n      - {{ pattern: \"{}\", reason: \"who checked it, when\" }}",
        f.path
    ))
    .sensitive()
}

/// Diagnostics for `found`: leaks located at their sources (read only when
/// there is a leak), and unreadable files not listed in `reviewed`.
pub fn diagnostics(
    guard: &Guard,
    plan_paths: &[PathBuf],
    found: Vec<Found>,
    reviewed: &[ReviewedFile],
    sources: impl FnOnce() -> Vec<SourceText>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // (plan, what, key) → public files that carry it.
    let mut leaks: BTreeMap<(usize, u8), (What, String, Vec<&str>)> = BTreeMap::new();
    // Copies (static files) are their own source.
    let mut at_copy: BTreeMap<(String, usize, u8), u32> = BTreeMap::new();
    for f in &found {
        let is_reviewed = || reviewed.iter().any(|r| glob_match(&r.pattern, f.path));
        if f.scan.located && !is_reviewed() {
            out.push(located(f));
        }
        if let Some(line) = f.scan.record
            && !is_reviewed()
        {
            out.push(record(f, line));
        }
        if let Some(reason) = &f.scan.unreadable
            && !is_reviewed()
        {
            out.push(
                Diagnostic::error(
                    Code::UnreadablePublicFile,
                    format!("public file {} cannot be fully read by the privacy guard: {reason}", f.path),
                )
                .in_file(f.origin.unwrap_or(f.path))
                .help(format!(
                    "remove it from the site, or, once a person has checked that it names no patient, list it in site.yaml:\n  privacy:\n    reviewed_files:\n      - {{ pattern: \"{}\", reason: \"who checked it, when\" }}",
                    f.path
                )),
            );
        }
        for h in &f.scan.hits {
            let e = leaks
                .entry((h.plan, h.what.class()))
                .or_insert_with(|| (h.what, h.key.clone(), Vec::new()));
            if h.what < e.0 {
                (e.0, e.1) = (h.what, h.key.clone());
            }
            e.2.push(f.path);
            if let Some(origin) = f.origin {
                at_copy
                    .entry((origin.to_string(), h.plan, h.what.class()))
                    .or_insert(h.line);
            }
        }
    }
    if leaks.is_empty() {
        return out;
    }
    // (where to fix it, line, what, needle) → the plans it names, in order.
    let mut at: BTreeMap<(PathBuf, u32, What, String), Vec<usize>> = BTreeMap::new();
    let mut located: BTreeSet<(usize, u8)> = BTreeSet::new();
    for ((origin, plan, class), line) in at_copy {
        let (what, key, _) = &leaks[&(plan, class)];
        at.entry((PathBuf::from(origin), line, *what, key.clone()))
            .or_default()
            .push(plan);
        located.insert((plan, class));
    }
    for src in sources() {
        for Hit {
            plan,
            what,
            key,
            line,
        } in guard.scan(&src.read_as, src.text.as_bytes()).hits
        {
            let id = (plan, what.class());
            if !leaks.contains_key(&id) {
                continue;
            }
            let line = if line == 0 { 0 } else { line + src.line_offset };
            at.entry((src.path.clone(), line, what, key))
                .or_default()
                .push(plan);
            located.insert(id);
        }
    }
    for (id, (what, key, _)) in &leaks {
        if !located.contains(id) {
            at.entry((plan_paths[id.0].clone(), 0, *what, key.clone()))
                .or_default()
                .push(id.0);
        }
    }
    for ((source, line, what, key), plans) in at {
        // One text that names many patients at once ("Maria G." in a
        // clinic of thousands) is one thing to fix: one diagnostic.
        let groups: Vec<&[usize]> = if plans.len() > MANY {
            vec![&plans[..]]
        } else {
            plans.chunks(1).collect()
        };
        for group in groups {
            let files = &leaks[&(group[0], what.class())].2;
            out.push(
                leak(&plan_paths[group[0]], group.len() - 1, what, &key, files)
                    .in_file(&source)
                    .at(pos(line)),
            );
        }
    }
    out
}

/// More plans than this named by one text at one place are reported
/// together.
const MANY: usize = 3;

fn pos(line: u32) -> Option<crate::base::diag::Pos> {
    (line > 0).then_some(crate::base::diag::Pos {
        line: line as usize,
        column: 1,
    })
}

/// The diagnostic for an identifier from `plan` (and `others` plans more)
/// found in `files`.
fn leak(
    plan: &std::path::Path,
    others: usize,
    what: What,
    key: &str,
    files: &[&str],
) -> Diagnostic {
    let mut files: Vec<&str> = files.to_vec();
    // Name a page a person reads first, not a feed.
    files.sort_unstable_by_key(|f| (!f.ends_with(".html"), *f));
    files.dedup();
    let more = match files.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    Diagnostic::error(
        Code::PrivacyLeak,
        format!(
            "{} from {}{} reaches public file {}{more}",
            what.describe(key),
            plan.display(),
            match others {
                0 => String::new(),
                n => format!(" and {n} other plans"),
            },
            files[0]
        ),
    )
    .help(help(what))
    .sensitive()
}

fn help(what: What) -> &'static str {
    match what {
        What::FullName | What::TitledName => {
            "remove it, or write the story's display name instead (e.g. \"Maria L.\"); a name with a given name or a title is never allowed"
        }
        What::NearName => {
            "remove it: a given name next to the family name, one of them spelt one letter wrong or as it sounds (Smyth for Smith), or the given name written as a variant of it (a longer or shorter form of the same name), names the patient as well as the name does; if that word is an ordinary word or another person's name here, allow it alone in the story's `public_words`, or in site.yaml's `public_words` (under `privacy:`)"
        }
        What::OtherAlphabet => {
            "remove it: the patient's name spelt in another alphabet (Cyrillic, Greek, Arabic, Hebrew…), or in another Latin spelling of a name the plan writes in one, names them as well as the plan's spelling; if the word is an ordinary word of that language here, allow it as written in the story's `public_words`, or in site.yaml's `public_words` (under `privacy:`)"
        }
        What::Initial => {
            "remove it, or write the display name of the patient's published story: a given name with the family name's initial is how a story names its patient, with their consent; if it names someone else here, allow it as written in site.yaml's `public_words` (under `privacy:`)"
        }
        What::InitialsYear => {
            "remove it, or keep only one of the two: two initials name nobody, but with the patient's year of birth beside them they name the patient"
        }
        What::Surname => {
            "remove it; if it is an ordinary word here (a street, a walker), allow that word alone in the plan's `story.public_words`, or in site.yaml's `public_words` (under `privacy:`) when the patient has no story"
        }
        What::Email => "remove it: a patient's email address is never public",
        What::Phone => {
            "remove it; if this number is not the patient's but a public one, list it in site.yaml's `privacy.public_phones`"
        }
        What::Age => {
            "remove it, or write \"over 90\" or \"in her nineties\": an age over 89 (and the year of birth that gives it) identifies a patient, so few people are that old (HIPAA's Safe Harbor puts them all in one group, 90 or older)"
        }
        What::Date(_) => {
            "remove it or keep only the year; if this day is public for another reason (an event), list it in site.yaml's `privacy.public_dates`, or in the story's `public_dates`"
        }
    }
}

/// Check the reviewed-file list itself: every entry says why.
pub fn check_reviewed(reviewed: &[ReviewedFile]) -> Vec<Diagnostic> {
    reviewed
        .iter()
        .filter(|r| r.reason.trim().is_empty() || r.pattern.trim().is_empty())
        .map(|r| {
            Diagnostic::error(
                Code::ReviewWithoutReason,
                format!("reviewed file `{}` needs a pattern and a reason", r.pattern),
            )
            .in_file("site.yaml")
            .help("say who checked the file and when, e.g. reason: \"Brochure, checked by Sam on 2026-11-01\"")
        })
        .collect()
}
