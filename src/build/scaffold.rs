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
    ("site.yaml", include_str!("scaffold/init/site.yaml")),
    (".gitignore", include_str!("scaffold/init/gitignore")),
    (
        "content/pages/index.md",
        include_str!("scaffold/init/content/pages/index.md"),
    ),
    (
        "content/pages/about.md",
        include_str!("scaffold/init/content/pages/about.md"),
    ),
    (
        "content/plans/dana-whitfield.yaml",
        include_str!("scaffold/init/content/plans/dana-whitfield.yaml"),
    ),
    (
        "content/exercises/heel-slide.yaml",
        include_str!("scaffold/init/content/exercises/heel-slide.yaml"),
    ),
    (
        "content/exercises/sit-to-stand.yaml",
        include_str!("scaffold/init/content/exercises/sit-to-stand.yaml"),
    ),
    (
        "content/exercises/calf-raise.yaml",
        include_str!("scaffold/init/content/exercises/calf-raise.yaml"),
    ),
    (
        "content/exercises/images/heel-slide.svg",
        include_str!("scaffold/init/content/exercises/images/heel-slide.svg"),
    ),
    (
        "content/exercises/images/sit-to-stand.svg",
        include_str!("scaffold/init/content/exercises/images/sit-to-stand.svg"),
    ),
    (
        "content/exercises/images/calf-raise.svg",
        include_str!("scaffold/init/content/exercises/images/calf-raise.svg"),
    ),
];

const NEW_EXERCISE: &str = include_str!("scaffold/new-exercise.yaml");
const NEW_PAGE: &str = include_str!("scaffold/new-page.md");

/// Page names the public site already uses for its own addresses.
const RESERVED_PAGES: [&str; 6] = ["stories", "tags", "404", "sitemap", "atom", "robots"];

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
    /// The name cannot be used (empty, control characters, reserved).
    BadName(String),
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
            ScaffoldError::BadName(why) => f.write_str(why),
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

/// A file-name slug for `name`: accents dropped and other scripts
/// transliterated ("José Núñez" → `jose-nunez`, "王芳" → `wang-fang`); when
/// nothing is left, `<prefix>-<short hash of the name>`.
pub fn slug_for(name: &str, prefix: &str) -> String {
    let mut s = slug::slugify(name.trim());
    if s.len() > 60 {
        s.truncate(60);
        s = s.trim_end_matches('-').to_string();
    }
    if crate::stages::load::is_slug(&s) {
        s
    } else {
        format!("{prefix}-{:08x}", fnv1a(name.trim()))
    }
}

/// FNV-1a: a stable hash (unlike `DefaultHasher`), so a name always gives
/// the same fallback slug.
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn check_name(name: &str, what: &str) -> Result<String, ScaffoldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ScaffoldError::BadName(format!(
            "give the {what}, e.g. heropath new plan \"Maria Lopez\""
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(ScaffoldError::BadName(format!(
            "the {what} cannot contain line breaks or control characters"
        )));
    }
    Ok(name.to_string())
}

/// The text of a new plan for `name`: every key laid out and commented,
/// `goal.agreed_on` = `today`. `library` lists exercise ids to suggest.
pub fn plan_text(
    name: &str,
    today: Date,
    library: &[String],
    path: &str,
    clinician: Option<&str>,
) -> String {
    let preferred = name.split_whitespace().next().unwrap_or(name);
    let clinician = clinician.map(str::trim).filter(|c| !c.is_empty());
    let first = clinician
        .and_then(|c| c.split_whitespace().next())
        .unwrap_or("your clinician");
    let lib = if library.is_empty() {
        "      # To use an exercise from content/exercises/, write `- use: <its file name>`."
            .to_string()
    } else {
        let shown: Vec<&str> = library.iter().map(String::as_str).take(8).collect();
        let more = if library.len() > shown.len() {
            ", …"
        } else {
            ""
        };
        format!(
            "      # To use an exercise from your library (content/exercises/) with this patient's dose:\n      # - use: {}\n      #   reps: 10\n      # Library: {}{more}",
            shown[0],
            shown.join(", ")
        )
    };
    fill(
        NEW_PLAN,
        &[
            ("TODAY", today.to_string()),
            ("IN_1_WEEK", plus_days(today, 7)),
            ("IN_8_WEEKS", plus_days(today, 56)),
            ("COMMENT_NAME", name.to_string()),
            ("PLAN_PATH", path.to_string()),
            ("NAME", quoted(name)),
            ("PREFERRED", quoted(preferred)),
            ("LIBRARY", lib),
            (
                "CLINICIAN",
                clinician.map_or_else(|| "none there yet".to_string(), str::to_string),
            ),
            ("CLINICIAN_FIRST", first.to_string()),
        ],
    )
}

/// Create a plan, exercise or page from its template under `root`. Returns
/// the path written (relative to `root`). Never overwrites.
pub fn new_item(
    root: &Path,
    kind: Kind,
    name: &str,
    today: Date,
) -> Result<PathBuf, ScaffoldError> {
    let what = match kind {
        Kind::Plan => "patient's full name",
        Kind::Exercise => "exercise name",
        Kind::Page => "page title",
    };
    let name = check_name(name, what)?;
    if !root.join("site.yaml").is_file() {
        return Err(ScaffoldError::NotAClinic(root.to_path_buf()));
    }
    let slug = slug_for(&name, kind.prefix());
    if kind == Kind::Page && RESERVED_PAGES.contains(&slug.as_str()) {
        return Err(ScaffoldError::BadName(format!(
            "a page cannot be called `{slug}`: that address is used by heropath; pick another title"
        )));
    }
    let dir = root.join(kind.folder());
    // The same slug under the other extension would clash at build time.
    let twins: &[&str] = match kind {
        Kind::Plan | Kind::Exercise => &files::YAML_EXTENSIONS,
        Kind::Page => &files::PAGE_EXTENSIONS,
    };
    let taken = |slug: &str| {
        twins
            .iter()
            .map(|x| dir.join(format!("{slug}.{x}")))
            .find(|p| p.exists())
    };
    // Two patients may share a name: the second gets `<slug>-2` (the real
    // name stays in `patient.name`). An exercise or page of the same name
    // is the same thing, so it is refused instead.
    let slug = match kind {
        Kind::Plan => (1..1000)
            .map(|n| {
                if n == 1 {
                    slug.clone()
                } else {
                    format!("{slug}-{n}")
                }
            })
            .find(|s| taken(s).is_none())
            .unwrap_or(slug),
        Kind::Exercise | Kind::Page => slug,
    };
    if let Some(t) = taken(&slug) {
        return Err(ScaffoldError::Exists(
            t.strip_prefix(root).map(Path::to_path_buf).unwrap_or(t),
        ));
    }
    let rel = PathBuf::from(format!("{}/{slug}.{}", kind.folder(), kind.extension()));
    let text = match kind {
        Kind::Plan => plan_text(
            &name,
            today,
            &library_ids(root),
            &rel.to_string_lossy(),
            site_clinician(root).as_deref(),
        ),
        Kind::Exercise => fill(
            NEW_EXERCISE,
            &[("NAME", quoted(&name)), ("ID", slug.clone())],
        ),
        Kind::Page => fill(NEW_PAGE, &[("TITLE", quoted(&name))]),
    };
    if create_new(&root.join(&rel), &text)? {
        Ok(rel)
    } else {
        Err(ScaffoldError::Exists(rel))
    }
}

/// `clinic.clinician.name` of the clinic's site.yaml, if it can be read
/// (the rest of the file is not checked here: `check` does that).
fn site_clinician(root: &Path) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Site {
        clinic: Option<SiteClinic>,
    }
    #[derive(serde::Deserialize)]
    struct SiteClinic {
        clinician: Option<SiteClinician>,
    }
    #[derive(serde::Deserialize)]
    struct SiteClinician {
        name: Option<String>,
    }
    let text = std::fs::read_to_string(root.join("site.yaml")).ok()?;
    let site: Site = crate::content::yaml::parse(&text, Path::new("site.yaml")).ok()?;
    site.clinic?.clinician?.name
}

/// Does the clinic have plans already (any YAML file in content/plans/)?
fn has_plans(dir: &Path) -> bool {
    std::fs::read_dir(dir.join("content/plans"))
        .is_ok_and(|rd| rd.flatten().any(|e| files::is_plan_file(&e.path())))
}

/// Ids of the exercise library, sorted.
fn library_ids(root: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root.join("content/exercises"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && files::has_extension(p, &files::YAML_EXTENSIONS))
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .filter(|s| crate::stages::load::is_slug(s))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::{Exercise, Plan};

    fn day() -> Date {
        Date::parse("2026-11-26").unwrap()
    }

    #[test]
    fn slugs_transliterate_and_fall_back() {
        assert_eq!(slug_for("José Núñez", "plan"), "jose-nunez");
        assert_eq!(slug_for("  Maria   Lopez ", "plan"), "maria-lopez");
        assert_eq!(slug_for("王芳", "plan"), "wang-fang");
        assert_eq!(slug_for("Дмитрий", "plan"), "dmitrii");
        let odd = slug_for("!!!", "plan");
        assert!(odd.starts_with("plan-") && odd.len() == 13, "{odd}");
        assert_eq!(odd, slug_for("!!!", "plan"), "the fallback is stable");
    }

    #[test]
    fn templates_parse() {
        for name in ["Maria Lopez", "O'Brien \"Bo\" #1: test @LIBRARY@", "王芳"] {
            let text = plan_text(
                name,
                day(),
                &["pendulum".into()],
                "content/plans/x.yaml",
                Some("Jamie Chen"),
            );
            assert!(text.contains("printed under \"Jamie will\""), "{text}");
            let plan: Plan = crate::content::yaml::parse(&text, Path::new("x.yaml"))
                .unwrap_or_else(|d| panic!("{}\n{text}", d.render()));
            assert_eq!(plan.patient.name, name);
            assert_eq!(plan.goal.agreed_on, Some(day()));
            assert!(
                text.starts_with(
                    "# yaml-language-server: $schema=../../schemas/plan.schema.json\n"
                )
            );
        }
        let ex = fill(
            NEW_EXERCISE,
            &[
                ("NAME", quoted("Wall: slide @ID@")),
                ("ID", "wall-slide".into()),
            ],
        );
        let e: Exercise = crate::content::yaml::parse(&ex, Path::new("x.yaml"))
            .unwrap_or_else(|d| panic!("{}", d.render()));
        assert_eq!(e.name, "Wall: slide @ID@");
        for (rel, text) in INIT_FILES {
            if rel.starts_with("content/plans/") {
                let plan: Plan =
                    crate::content::yaml::parse(&fill_dates(text, day()), Path::new(rel))
                        .unwrap_or_else(|d| panic!("{}", d.render()));
                assert_eq!(
                    plan.goal.target_date.map(|d| d.to_string()).as_deref(),
                    Some("2027-01-21")
                );
            }
        }
    }
}
