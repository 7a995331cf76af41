//! `heropath stories export DIR`: the clinic's publishable stories as
//! de-identified story records ([`crate::content::record`]), one `DIR/<slug>.yaml`
//! per story, so a website repository can be built without any plan.
//!
//! Exported: stories of non-draft plans whose consent is valid on the day
//! consent is judged against (`--today` or the clock), including those
//! scheduled for later (the website's daily build publishes them on their
//! day). Each record's text passes the privacy guard against every plan
//! before anything is written.
//!
//! DIR holds a list of the files heropath wrote there ([`MARKER`]). Only
//! those are replaced or removed (a story whose consent ended disappears
//! on the next export); any other file (hidden ones aside) stops the
//! export with an error naming it, and nothing is written.

use super::told::{StoryText, key_pos};
use crate::base::date::Date;
use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::build::{self, Options};
use crate::content::plan::Plan;
use crate::content::record::StoryRecord;
use crate::stages::load::{Clinic, Source, is_slug};
use crate::stages::model;
use crate::stages::privacy::{self, Guard};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The list of files heropath wrote into an export folder.
pub const MARKER: &str = ".heropath-stories";

const MARKER_HEAD: &str = "# Story records written by `heropath stories export`, replaced or removed\n# by the next export. Do not list your own files here.\n";

const RECORD_HEAD: &str = "# Exported by heropath from a consented plan: edit the plan and export\n# again rather than this file.\n";

/// What an export did.
#[derive(Debug, Default)]
pub struct Exported {
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The folder written to (absolute, or relative to the working folder).
    pub dir: PathBuf,
    /// Files written (names inside the folder), sorted.
    pub written: Vec<String>,
    /// Files of an earlier export removed (their story is no longer public).
    pub removed: Vec<String>,
}

/// One record to write, with the plan it comes from.
struct Record<'a> {
    file: String,
    plan: &'a Source<Plan>,
    record: StoryRecord,
}

/// Export the clinic at `opts.root` into `dir` (relative to the root, like
/// `--out`). Nothing is written when there is any error.
pub fn export(opts: &Options, dir: &Path) -> Exported {
    let mut diags = Diagnostics::default();
    let mut done = Exported {
        dir: if dir.is_absolute() {
            dir.to_path_buf()
        } else {
            opts.root.join(dir)
        },
        ..Exported::default()
    };
    if let Some(p) = build::prepare(opts, &mut diags) {
        let records = records(&p.clinic, p.today);
        diags.extend(privacy_scan(&p.clinic, &records, p.today));
        if !diags.has_errors() {
            match write_records(&done.dir, &records) {
                Ok(removed) => {
                    done.written = records.iter().map(|r| r.file.clone()).collect();
                    done.removed = removed;
                }
                Err(d) => diags.push(*d),
            }
        }
    }
    done.diagnostics = diags.sorted();
    done
}

/// The stories to export, in plan order, with the file names the site
/// gives them (see [`model::title_slugs`]), sorted by file name.
fn records(clinic: &Clinic, today: Date) -> Vec<Record<'_>> {
    let revocations = clinic.revocations();
    let chosen: Vec<(&Source<Plan>, &crate::content::plan::StoryBlock)> = clinic
        .plans
        .iter()
        .enumerate()
        .filter(|(i, src)| !src.value.draft && revocations.story_consent(*i, today).is_ok())
        .filter_map(|(_, src)| Some((src, src.value.story.as_ref()?)))
        .collect();
    let slugs = model::title_slugs(chosen.iter().map(|(_, s)| s.title.as_str()));
    let mut out: Vec<Record<'_>> = chosen
        .into_iter()
        .zip(slugs)
        .map(|((plan, s), slug)| Record {
            file: format!("{slug}.yaml"),
            plan,
            record: StoryRecord::from_block(s),
        })
        .collect();
    out.sort_by(|a, b| a.file.cmp(&b.file));
    out
}

/// The privacy guard over every record's text, against every plan: the one
/// place export calls the guard.
fn privacy_scan(clinic: &Clinic, records: &[Record<'_>], today: Date) -> Vec<Diagnostic> {
    // A record's fields are typed text: no date in them is stamped by a
    // template, so no publication day is exempt; the display names the
    // patients agreed to are public.
    let published = records
        .iter()
        .map(|r| privacy::PublishedStory {
            slug: r.file.clone(),
            plan: None,
            day: None,
            display_name: r.record.display_name.clone(),
        })
        .collect();
    let cx = privacy::Context {
        site: &clinic.site,
        published,
        months: Vec::new(),
        today,
        stamp: None,
    };
    let guard = Guard::new(&clinic.plans, &cx);
    let mut out = Vec::new();
    for r in records {
        // One text, a field a line range, so a date without its year still
        // meets the name that makes it identifying.
        let mut text = String::new();
        let mut starts: Vec<(u32, &str)> = Vec::new();
        for (key, t) in r.record.texts() {
            starts.push((text.lines().count() as u32 + 1, key));
            text.push_str(t);
            text.push('\n');
        }
        let page = format!("stories/{}/index.html", slug_of(r));
        for hit in guard.scan(&page, text.as_bytes()).hits {
            let key = starts
                .iter()
                .rev()
                .find(|(line, _)| *line <= hit.line.max(1))
                .map_or("body", |(_, k)| k);
            let what = hit.what.describe(&hit.key);
            out.push(leak_error(r, key, &what, &clinic.plans[hit.plan].path));
        }
        // What the story tells of its patient that no field holds (the goal
        // is not exported).
        if let Some(mut told) = StoryText::of_plan(&r.plan.path, &r.plan.text, &r.plan.value) {
            told.fields.retain(|(block, ..)| *block == Some("story"));
            out.extend(told.tellings(&guard, |what, key| {
                format!("story not exported: its `{key}` contains {what}")
            }));
        }
    }
    out
}

fn slug_of(r: &Record<'_>) -> String {
    r.file.trim_end_matches(".yaml").to_string()
}

/// "story not exported", at the story's `key` in its plan.
fn leak_error(r: &Record<'_>, key: &str, what: &str, owner: &Path) -> Diagnostic {
    let whose = if owner == r.plan.path {
        String::new()
    } else {
        format!(" (from {})", owner.display())
    };
    Diagnostic::error(
        Code::PrivacyLeak,
        format!("story not exported: its `{key}` contains {what}{whose}"),
    )
    .in_file(&r.plan.path)
    .at(key_pos(&r.plan.text, Some("story"), key))
    .help("remove it from the story; if it is an ordinary word (a surname like Walker), list it in the story's `public_words`")
    .sensitive()
}

/// Write `records` into `dir`, replacing the last export's files; returns
/// the names of those removed. Foreign files stop it before any write.
fn write_records(dir: &Path, records: &[Record<'_>]) -> Result<Vec<String>, Box<Diagnostic>> {
    let io = |e: std::io::Error| {
        Box::new(
            Diagnostic::error(
                Code::WriteFailed,
                format!("cannot write {}: {e}", dir.display()),
            )
            .help(crate::base::paths::write_help(dir, &e)),
        )
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let ours = listed(dir);
    let foreign = foreign_files(dir, &ours).map_err(io)?;
    if !foreign.is_empty() {
        return Err(Box::new(foreign_error(dir, &foreign)));
    }
    let new: BTreeSet<String> = records.iter().map(|r| r.file.clone()).collect();
    // Listed first, so a killed export leaves every file it wrote listed.
    write_marker(dir, ours.union(&new)).map_err(io)?;
    for r in records {
        let bytes = record_bytes(&r.record).map_err(|e| io(std::io::Error::other(e)))?;
        crate::base::atomic::replace_file(&dir.join(&r.file), |out| out.write_all(&bytes))
            .map_err(io)?;
    }
    let stale: Vec<String> = ours.difference(&new).cloned().collect();
    for name in &stale {
        match std::fs::remove_file(dir.join(name)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
            _ => {}
        }
    }
    write_marker(dir, new.iter()).map_err(io)?;
    Ok(stale)
}

/// A record file's bytes: a comment, then the keys in alphabetical order.
fn record_bytes(r: &StoryRecord) -> Result<Vec<u8>, serde_yaml::Error> {
    Ok(format!("{RECORD_HEAD}{}", serde_yaml::to_string(r)?).into_bytes())
}

/// The files an earlier export listed in `dir`. Only plain record names
/// count: a hand-edited list cannot point outside the folder.
fn listed(dir: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(dir.join(MARKER))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| is_record_name(l))
        .map(str::to_string)
        .collect()
}

fn is_record_name(name: &str) -> bool {
    name.strip_suffix(".yaml").is_some_and(is_slug)
}

/// Entries of `dir` that heropath did not write: neither listed nor hidden
/// (`.gitkeep`, the list itself), sorted.
fn foreign_files(dir: &Path, ours: &BTreeSet<String>) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let hidden = name.starts_with('.');
        let listed = entry.file_type()?.is_file() && ours.contains(&name);
        if !(hidden || listed) {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

fn foreign_error(dir: &Path, foreign: &[String]) -> Diagnostic {
    Diagnostic::error(
        Code::WriteFailed,
        format!(
            "{} holds file(s) heropath did not write: {}; refusing to export (nothing was written or removed)",
            dir.display(),
            foreign.join(", ")
        ),
    )
    .help(format!("move them out of the folder, or export into a new one; heropath replaces only the files listed in its {MARKER}"))
}

fn write_marker<'a>(dir: &Path, names: impl Iterator<Item = &'a String>) -> std::io::Result<()> {
    let mut text = MARKER_HEAD.to_string();
    for n in names {
        text.push_str(n);
        text.push('\n');
    }
    crate::base::atomic::replace_file(&dir.join(MARKER), |out| out.write_all(text.as_bytes()))
}
