//! `heropath init` and `heropath new`: start a clinic folder, and add plans,
//! exercises and pages from commented templates.
//!
//! Nothing here ever overwrites a file: every file is created with
//! `create_new`, so a file that appeared meanwhile is left as it was.

use crate::base::date::Date;
use crate::content::files;
use crate::content::starter::NEW_PLAN;
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The files `heropath init` writes, by path inside the clinic folder.
/// `@TODAY@`, `@IN_1_WEEK@` and `@IN_8_WEEKS@` are replaced by dates.
const INIT_FILES: &[(&str, &str)] = &[
    ("site.yaml", include_str!("init/site.yaml")),
    (".gitignore", include_str!("init/gitignore")),
    (
        "content/pages/index.md",
        include_str!("init/content/pages/index.md"),
    ),
    (
        "content/pages/about.md",
        include_str!("init/content/pages/about.md"),
    ),
    (
        "content/plans/dana-whitfield.yaml",
        include_str!("init/content/plans/dana-whitfield.yaml"),
    ),
    (
        "content/exercises/heel-slide.yaml",
        include_str!("init/content/exercises/heel-slide.yaml"),
    ),
    (
        "content/exercises/sit-to-stand.yaml",
        include_str!("init/content/exercises/sit-to-stand.yaml"),
    ),
    (
        "content/exercises/calf-raise.yaml",
        include_str!("init/content/exercises/calf-raise.yaml"),
    ),
    (
        "content/exercises/images/heel-slide.svg",
        include_str!("init/content/exercises/images/heel-slide.svg"),
    ),
    (
        "content/exercises/images/sit-to-stand.svg",
        include_str!("init/content/exercises/images/sit-to-stand.svg"),
    ),
    (
        "content/exercises/images/calf-raise.svg",
        include_str!("init/content/exercises/images/calf-raise.svg"),
    ),
];

/// Why scaffolding failed.
#[derive(Debug)]
pub enum ScaffoldError {
    /// `init` into a folder that already has files, without `--force`.
    NotEmpty(PathBuf),
    /// The path exists and is not a folder.
    NotAFolder(PathBuf),
    /// `new` would overwrite this file.
    Exists(PathBuf),
    /// `new` outside a clinic folder (no `site.yaml`).
    NotAClinic(PathBuf),
    /// The name cannot be used (empty, control characters, reserved), or
    /// names no protocol or plan there is.
    BadName(String),
    /// The protocol or plan to start from cannot be read.
    BadSource(String),
    /// The file system said no.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaffoldError::NotEmpty(p) => write!(
                f,
                "{} is not empty; use --force to add the missing files (existing files are never overwritten)",
                p.display()
            ),
            ScaffoldError::NotAFolder(p) => write!(f, "{} exists and is not a folder", p.display()),
            ScaffoldError::Exists(p) => write!(
                f,
                "{} already exists; heropath never overwrites it (pick another name, or edit that file)",
                p.display()
            ),
            ScaffoldError::NotAClinic(p) => write!(
                f,
                "{} has no site.yaml: run `heropath init` first, or pass --root with your clinic folder",
                p.display()
            ),
            ScaffoldError::BadName(why) | ScaffoldError::BadSource(why) => f.write_str(why),
            ScaffoldError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for ScaffoldError {}

/// What `init` did, by path relative to the clinic folder.
#[derive(Debug, Default)]
pub struct InitReport {
    /// Files written.
    pub created: Vec<PathBuf>,
    /// Files left alone because they already existed.
    pub skipped: Vec<PathBuf>,
}

/// What `new` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `content/plans/<slug>.yaml`.
    Plan,
    /// `content/exercises/<slug>.yaml`.
    Exercise,
    /// `content/pages/<slug>.md`.
    Page,
}

impl Kind {
    fn folder(self) -> &'static str {
        match self {
            Kind::Plan => "content/plans",
            Kind::Exercise => "content/exercises",
            Kind::Page => "content/pages",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Kind::Plan | Kind::Exercise => "yaml",
            Kind::Page => "md",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Exercise => "exercise",
            Kind::Page => "page",
        }
    }
}

/// Scaffold a clinic folder at `dir` that builds at once with the built-in
/// theme. A folder with files in it is refused unless `force`; even then,
/// existing files are skipped, never overwritten.
pub fn init(dir: &Path, force: bool, today: Date) -> Result<InitReport, ScaffoldError> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if !m.is_dir() => return Err(ScaffoldError::NotAFolder(dir.to_path_buf())),
        Ok(_) => {
            let mut entries =
                std::fs::read_dir(dir).map_err(|e| ScaffoldError::Io(dir.to_path_buf(), e))?;
            if entries.next().is_some() && !force {
                return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(_) => {
            std::fs::create_dir_all(dir).map_err(|e| ScaffoldError::Io(dir.to_path_buf(), e))?
        }
    }
    let mut report = InitReport::default();
    // The JSON Schemas the files' `yaml-language-server` lines point to, so
    // editors complete and check them from the start.
    let schemas = crate::content::schema::Kind::ALL.map(|k| {
        (
            format!("schemas/{}", k.file_name()),
            crate::content::schema::schema(k),
        )
    });
    // A clinic with plans of its own gets no made-up patient.
    let sample_plans = !has_plans(dir);
    let files = INIT_FILES
        .iter()
        .filter(|(rel, _)| sample_plans || !rel.starts_with("content/plans/"))
        .map(|(rel, text)| (rel.to_string(), fill_dates(text, today)))
        .chain(schemas);
    for (rel, text) in files {
        if create_new(&dir.join(&rel), &text)? {
            report.created.push(PathBuf::from(rel));
        } else {
            report.skipped.push(PathBuf::from(rel));
        }
    }
    Ok(report)
}

/// Write `text` to `path` unless it exists. `Ok(false)` when it existed.
fn create_new(path: &Path, text: &str) -> Result<bool, ScaffoldError> {
    let io = |e| ScaffoldError::Io(path.to_path_buf(), e);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(io(e)),
    };
    file.write_all(text.as_bytes())
        .and_then(|_| file.flush())
        .map_err(io)?;
    Ok(true)
}

fn plus_days(d: Date, days: i64) -> String {
    jiff::civil::Date::new(d.year(), d.month(), d.day())
        .ok()
        .and_then(|c| c.checked_add(jiff::Span::new().days(days)).ok())
        .map_or_else(
            || d.to_string(),
            |c| format!("{:04}-{:02}-{:02}", c.year(), c.month(), c.day()),
        )
}

fn fill_dates(text: &str, today: Date) -> String {
    fill(
        text,
        &[
            ("TODAY", today.to_string()),
            ("IN_1_WEEK", plus_days(today, 7)),
            ("IN_8_WEEKS", plus_days(today, 56)),
        ],
    )
}

/// Replace each `@KEY@` of `template` in one pass, so a value that happens
/// to contain `@KEY@` is never expanded again.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(at) = rest.find('@') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let hit = values
            .iter()
            .find(|(k, _)| after.strip_prefix(k).is_some_and(|r| r.starts_with('@')));
        match hit {
            Some((k, v)) => {
                out.push_str(v);
                rest = &after[k.len() + 1..];
            }
            None => {
                out.push('@');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

mod new;
mod start;
use new::has_plans;
#[cfg(test)]
mod tests;

pub use new::{new_item, plan_text, slug_for};
pub use start::{Started, new_plan_from_protocol, new_plan_like};
