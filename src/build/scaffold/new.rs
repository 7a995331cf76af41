//! `heropath new plan|exercise|page`: one file from its commented
//! template, named after what it holds, never over an existing file.

use super::*;

pub(super) const NEW_EXERCISE: &str = include_str!("new-exercise.yaml");

pub(super) const NEW_PAGE: &str = include_str!("new-page.md");

/// Page names the public site already uses for its own addresses.
pub(super) const RESERVED_PAGES: [&str; 6] =
    ["stories", "tags", "404", "sitemap", "atom", "robots"];
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
pub(super) fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
pub(super) fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

pub(super) fn check_name(name: &str, what: &str) -> Result<String, ScaffoldError> {
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
    let (name, slug, rel) = place(root, kind, name)?;
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
    write_new(root, rel, &text)
}

/// Write `text` at `rel` under `root`, never over an existing file.
pub(super) fn write_new(root: &Path, rel: PathBuf, text: &str) -> Result<PathBuf, ScaffoldError> {
    if create_new(&root.join(&rel), text)? {
        Ok(rel)
    } else {
        Err(ScaffoldError::Exists(rel))
    }
}

/// Where a new item called `name` goes: the checked name, its slug and
/// its path relative to `root`. A second patient of the same name gets
/// `<slug>-2`.
pub(super) fn place(
    root: &Path,
    kind: Kind,
    name: &str,
) -> Result<(String, String, PathBuf), ScaffoldError> {
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
        return Err(ScaffoldError::Exists(crate::base::paths::shown(root, t)));
    }
    let rel = PathBuf::from(format!("{}/{slug}.{}", kind.folder(), kind.extension()));
    Ok((name, slug, rel))
}

/// `clinic.clinician.name` of the clinic's site.yaml, if it can be read
/// (the rest of the file is not checked here: `check` does that).
pub(super) fn site_clinician(root: &Path) -> Option<String> {
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
    let bytes = std::fs::read(root.join("site.yaml")).ok()?;
    let text = crate::base::encoding::decode(bytes, Path::new("site.yaml")).ok()?;
    let site: Site = crate::content::yaml::parse(&text, Path::new("site.yaml")).ok()?;
    site.clinic?.clinician?.name
}

/// Does the clinic have plans already (any YAML file in content/plans/)?
pub(super) fn has_plans(dir: &Path) -> bool {
    std::fs::read_dir(dir.join("content/plans"))
        .is_ok_and(|rd| rd.flatten().any(|e| files::is_plan_file(&e.path())))
}

/// Ids of the exercise library, sorted.
pub(super) fn library_ids(root: &Path) -> Vec<String> {
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
