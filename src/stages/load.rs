//! Stage 1, **load**: walk the clinic folder and parse every file. Parsing
//! runs in parallel; every file's problems are collected, not just the first.

use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::content::config::Site;
use crate::content::plan::{Exercise, Plan};
use crate::content::record::StoryRecord;
use crate::content::yaml;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Files larger than this are refused before parsing: no real plan comes
/// near it, and a huge file would stall the build.
pub const MAX_FILE_BYTES: u64 = 4_000_000;

/// A parsed file, with its text kept for locating later diagnostics.
#[derive(Debug, Clone)]
pub struct Source<T> {
    /// Path relative to the clinic root (what diagnostics print).
    pub path: PathBuf,
    /// File stem: the slug or id.
    pub slug: String,
    /// The raw text.
    pub text: String,
    /// A hash of the text (see [`crate::build::cache`]).
    pub hash: u128,
    /// The parsed value.
    pub value: T,
}

/// Front matter of a Markdown page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    /// Page title.
    pub title: String,
    /// One sentence for search results and previews.
    #[serde(default)]
    pub description: Option<String>,
    /// Position in the menu (lower first); pages without it are not in the menu.
    #[serde(default)]
    pub menu_order: Option<i32>,
    /// Drafts are skipped unless `--drafts`.
    #[serde(default)]
    pub draft: bool,
}

/// A Markdown page: front matter and body.
#[derive(Debug, Clone)]
pub struct Page {
    /// Front matter.
    pub front: PageFront,
    /// Markdown body.
    pub body: String,
    /// The line of the file the body starts on (1-based).
    pub body_line: usize,
}

/// Everything read from the clinic folder.
#[derive(Debug)]
pub struct Clinic {
    /// The clinic root.
    pub root: PathBuf,
    /// `site.yaml`.
    pub site: Site,
    /// The text of `site.yaml`, for locating diagnostics.
    pub site_text: String,
    /// Plans, sorted by slug.
    pub plans: Vec<Source<Plan>>,
    /// Plans that read only once their unknown keys were set aside: those
    /// keys are errors already, and the rest is checked so that one run
    /// reports every problem of the file; never rendered.
    pub partial_plans: Vec<Source<Plan>>,
    /// The exercise library by id.
    pub exercises: BTreeMap<String, Source<Exercise>>,
    /// Pages, sorted by slug.
    pub pages: Vec<Source<Page>>,
    /// De-identified story records (`content/stories/`), sorted by slug:
    /// what a website repository holds instead of plans.
    pub stories: Vec<Source<StoryRecord>>,
    /// Picture files in `content/exercises/images/` (regular files, no
    /// links), by path relative to that folder.
    pub images: std::collections::BTreeSet<String>,
}

/// Load the clinic at `root`. Returns `None` only when nothing useful could
/// be read (no `site.yaml`); otherwise every parse problem is in `diags`
/// and the files that parsed are returned.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Clinic> {
    load_reusing(root, diags, &|_, _| None)
}

/// A plan parsed by an earlier run, asked for by path and content hash
/// (the build cache answers it); `None` parses the file.
pub type ReusePlan<'a> = &'a (dyn Fn(&Path, u128) -> Option<Plan> + Sync);

/// [`load`], taking unchanged plans from an earlier run (`reuse`) instead
/// of parsing them.
pub fn load_reusing(root: &Path, diags: &mut Diagnostics, reuse: ReusePlan) -> Option<Clinic> {
    let (site, site_text) = read_site(root, diags);
    let content = root.join("content");
    let read = parse_all::<(Plan, Vec<Diagnostic>)>(
        root,
        &content.join("plans"),
        &["yaml", "yml"],
        Some("plans"),
        diags,
        |text, path, hash| match reuse(path, hash) {
            Some(plan) => Ok((plan, Vec::new())),
            None => yaml::parse_lenient(text, path),
        },
    );
    let (plans, partial_plans) = split_partial(read, diags);
    let exercises = parse_all::<Exercise>(
        root,
        &content.join("exercises"),
        &["yaml", "yml"],
        None,
        diags,
        |text, path, _| yaml::parse_many(text, path),
    );
    let pages = parse_all::<Page>(
        root,
        &content.join("pages"),
        &["md", "markdown"],
        None,
        diags,
        |text, path, _| parse_page(text, path),
    );
    let stories = parse_all::<StoryRecord>(
        root,
        &content.join("stories"),
        &["yaml", "yml"],
        None,
        diags,
        |text, path, _| yaml::parse_many(text, path),
    );
    stray_plans(root, &content, diags);
    let site = site?;
    let clinic = Clinic {
        root: root.to_path_buf(),
        site,
        site_text,
        plans,
        partial_plans,
        exercises: exercises.into_iter().map(|s| (s.slug.clone(), s)).collect(),
        pages,
        stories,
        images: list_images(&content.join("exercises/images")),
    };
    Some(clinic)
}

/// `site.yaml` of `root`, parsed, and its text.
fn read_site(root: &Path, diags: &mut Diagnostics) -> (Option<Site>, String) {
    match std::fs::read(root.join("site.yaml")) {
        Ok(bytes) => {
            let bytes = crate::base::encoding::strip_bom(&bytes).to_vec();
            match crate::base::encoding::decode_utf8(bytes, Path::new("site.yaml")) {
                Ok(text) => {
                    let parsed = yaml::parse::<Site>(&text, Path::new("site.yaml"))
                        .map_err(|d| diags.push(*d))
                        .ok();
                    (parsed, text)
                }
                Err(d) => {
                    diags.push(*d);
                    (None, String::new())
                }
            }
        }
        Err(e) => {
            diags.push(
                Diagnostic::error(Code::NoSite, format!("cannot read site.yaml in {}: {e}", root.display()))
                    .help("run heropath in a clinic folder, pass --root DIR, or create one with `heropath init`"),
            );
            (None, String::new())
        }
    }
}

/// Load what one plan's handout depends on: `site.yaml`, the exercise
/// library and its pictures, and the plan `plan` (a path relative to
/// `root`). Other plans, pages and story records are not read, so their
/// problems cannot stop this handout. `None` when site.yaml or the plan
/// cannot be read or parsed (the reasons are in `diags`).
pub fn load_one(root: &Path, plan: &Path, diags: &mut Diagnostics) -> Option<Clinic> {
    let (site, site_text) = read_site(root, diags);
    let content = root.join("content");
    let exercises = parse_all::<Exercise>(
        root,
        &content.join("exercises"),
        &["yaml", "yml"],
        None,
        diags,
        |text, path, _| yaml::parse(text, path).map_err(|d| vec![*d]),
    );
    let parse = |text: &str, path: &Path, _| yaml::parse::<Plan>(text, path).map_err(|d| vec![*d]);
    let plan = match read_source(root, &root.join(plan), &parse) {
        Ok(p) => Some(p),
        Err(ds) => {
            diags.extend(ds);
            None
        }
    };
    Some(Clinic {
        root: root.to_path_buf(),
        site: site?,
        site_text,
        plans: vec![plan?],
        partial_plans: Vec::new(),
        exercises: exercises.into_iter().map(|s| (s.slug.clone(), s)).collect(),
        pages: Vec::new(),
        stories: Vec::new(),
        images: list_images(&content.join("exercises/images")),
    })
}

/// Plans that read cleanly, and plans read with problems (whose errors go
/// to `diags`).
fn split_partial(
    read: Vec<Source<(Plan, Vec<Diagnostic>)>>,
    diags: &mut Diagnostics,
) -> (Vec<Source<Plan>>, Vec<Source<Plan>>) {
    let (mut ok, mut partial) = (Vec::new(), Vec::new());
    for s in read {
        let (value, problems) = s.value;
        let src = Source {
            path: s.path,
            slug: s.slug,
            text: s.text,
            hash: s.hash,
            value,
        };
        if problems.is_empty() {
            ok.push(src);
        } else {
            diags.extend(problems);
            partial.push(src);
        }
    }
    (ok, partial)
}

/// Files a folder may hold that are nobody's data: operating-system
/// litter, version-control keep files, an editor's swap file of a plan
/// being edited.
fn is_junk(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [
        "thumbs.db",
        "desktop.ini",
        ".ds_store",
        ".gitkeep",
        ".gitignore",
        ".keep",
    ]
    .contains(&name.as_str())
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
}

/// A file in content/plans that heropath would not read: the privacy guard
/// would be blind to the patient in it, so it is refused.
fn unread_plan(root: &Path, p: &Path, folder: &str) -> Diagnostic {
    let rel = p.strip_prefix(root).unwrap_or(p);
    Diagnostic::error(
        Code::UnreadPlan,
        format!("content/{folder}/ holds a file heropath does not read as a plan (hidden, or not .yaml/.yml), so the privacy guard cannot know the patient in it"),
    )
    .in_file(rel)
    .help("rename it to a visible `<name>.yaml` to use it, or move it out of content/ (an archive of old plans belongs beside the clinic folder, not inside it)")
}

/// Plan-shaped YAML outside content/plans (a top-level `patient:` key):
/// refused for the same reason.
fn stray_plans(root: &Path, content: &Path, diags: &mut Diagnostics) {
    let plans = content.join("plans");
    for e in WalkDir::new(content)
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        let p = e.path();
        let yaml = p
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml"));
        if !e.file_type().is_file() || !yaml || p.starts_with(&plans) {
            continue;
        }
        let is_plan = std::fs::read_to_string(p).is_ok_and(|t| {
            t.lines()
                .any(|l| l.trim_start_matches('\u{feff}').starts_with("patient:"))
        });
        if is_plan {
            diags.push(
                Diagnostic::error(
                    Code::UnreadPlan,
                    "a patient plan outside content/plans/: heropath does not read it, so the privacy guard cannot know the patient in it",
                )
                .in_file(p.strip_prefix(root).unwrap_or(p))
                .help("move it into content/plans/, or out of content/"),
            );
        }
    }
}

fn list_images(dir: &Path) -> std::collections::BTreeSet<String> {
    WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(dir)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}

fn parse_page(text: &str, path: &Path) -> Result<Page, Vec<Diagnostic>> {
    let Some((fm, body, body_line)) = yaml::split_front_matter(text) else {
        return Err(vec![
            Diagnostic::error(
                Code::NoFrontMatter,
                "a page must start with front matter between `---` lines",
            )
            .in_file(path)
            .at(Some(crate::base::diag::Pos { line: 1, column: 1 }))
            .help("add `---`, a line `title: Your title`, and `---` at the top"),
        ]);
    };
    let front = yaml::parse_front_matter::<PageFront>(fm, path).map_err(|d| vec![*d])?;
    Ok(Page {
        front,
        body: body.to_string(),
        body_line,
    })
}

/// Is `s` a safe slug: lowercase letters, digits, `-` and `_`, starting with
/// a letter or digit? Slugs become file and URL names, so nothing else.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn parse_all<T: Send>(
    root: &Path,
    dir: &Path,
    exts: &[&str],
    unread: Option<&str>,
    diags: &mut Diagnostics,
    parse: impl Fn(&str, &Path, u128) -> Result<T, Vec<Diagnostic>> + Sync,
) -> Vec<Source<T>> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut paths = Vec::new();
    // Symlinks are not followed: content must live inside the clinic folder,
    // and a link loop must not hang the build.
    for entry in WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        match entry {
            Ok(e) if e.path_is_symlink() => {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(e.path())
                    .to_path_buf();
                diags.push(
                    Diagnostic::error(Code::Symlink, "this is a symbolic link; heropath does not follow links in content/ (they can point outside the clinic folder, or loop)")
                        .in_file(rel)
                        .help("replace the link with the file itself"),
                );
            }
            Ok(e) if e.file_type().is_file() => {
                let p = e.path();
                let rel = p.strip_prefix(dir).unwrap_or(p);
                let hidden = rel
                    .components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
                let ext_ok = p
                    .extension()
                    .is_some_and(|x| exts.iter().any(|want| x.eq_ignore_ascii_case(want)));
                if ext_ok && !hidden {
                    paths.push(p.to_path_buf());
                } else if let Some(what) = unread
                    && !is_junk(p)
                {
                    diags.push(unread_plan(root, p, what));
                }
            }
            Ok(_) => {}
            Err(e) => diags.push(Diagnostic::error(
                Code::ReadFailed,
                format!("cannot read {}: {e}", dir.display()),
            )),
        }
    }
    let results: Vec<Result<Source<T>, Vec<Diagnostic>>> = paths
        .par_iter()
        .map(|p| read_source(root, p, &parse))
        .collect();
    let mut out: Vec<Source<T>> = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(s) => out.push(s),
            Err(ds) => diags.extend(ds),
        }
    }
    out.sort_by(|a, b| a.slug.cmp(&b.slug).then(a.path.cmp(&b.path)));
    for w in out.windows(2) {
        if w[0].slug == w[1].slug {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    format!("`{}` is also defined in {}", w[1].slug, w[0].path.display()),
                )
                .in_file(&w[1].path)
                .help("give each file a different name"),
            );
        }
    }
    out.dedup_by(|a, b| a.slug == b.slug);
    out
}

/// Read and parse one content file (`p`, under `root`) with the guards
/// every load applies: a slug-safe name, the size limit, UTF-8. A build
/// and `serve`'s incremental reload share it so that they report the same
/// problems in the same words.
pub fn read_source<T>(
    root: &Path,
    p: &Path,
    parse: &impl Fn(&str, &Path, u128) -> Result<T, Vec<Diagnostic>>,
) -> Result<Source<T>, Vec<Diagnostic>> {
    let rel = p.strip_prefix(root).unwrap_or(p).to_path_buf();
    let slug = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_slug(&slug) {
        return Err(vec![
            Diagnostic::error(
                Code::BadFileName,
                format!("`{slug}` cannot be used as a name: file names become web addresses"),
            )
            .in_file(&rel)
            .help(format!("rename the file to `{}`", slug::slugify(&slug))),
        ]);
    }
    let meta = std::fs::metadata(p).map_err(|e| {
        vec![Diagnostic::error(Code::ReadFailed, format!("cannot read: {e}")).in_file(&rel)]
    })?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(vec![
            Diagnostic::error(
                Code::TooLarge,
                format!(
                    "file is {:.1} MB; the limit is {:.1} MB",
                    meta.len() as f64 / 1e6,
                    MAX_FILE_BYTES as f64 / 1e6
                ),
            )
            .in_file(&rel)
            .help("a plan is a few kilobytes; check that this is the right file"),
        ]);
    }
    let bytes = std::fs::read(p).map_err(|e| {
        vec![Diagnostic::error(Code::ReadFailed, format!("cannot read: {e}")).in_file(&rel)]
    })?;
    let bytes = match crate::base::encoding::strip_bom(&bytes).len() {
        n if n == bytes.len() => bytes,
        n => bytes[bytes.len() - n..].to_vec(),
    };
    let text = crate::base::encoding::decode_utf8(bytes, &rel).map_err(|d| vec![*d])?;
    let hash = crate::base::hash::hash(text.as_bytes());
    let value = parse(&text, &rel, hash)?;
    Ok(Source {
        path: rel,
        slug,
        text,
        hash,
        value,
    })
}
