//! Stage 1, **load**: walk the clinic folder and parse every file. Parsing
//! runs in parallel; every file's problems are collected, not just the first.
//!
//! `walk` lists a content folder and parses its files in parallel;
//! `read` reads one file with the guards every load applies (reading
//! ahead when the files are not in memory: [`crate::base::ahead`]); `site`
//! reads `site.yaml`; `pages` parses Markdown pages. This file holds what
//! a load returns and the three ways to ask for one.

mod consent;
mod pages;
mod read;
mod rename;
mod site;
mod walk;

pub use consent::{Revocations, same_patient};
pub use pages::{Page, PageFront};
pub use read::{MAX_FILE_BYTES, is_slug, read_source};

use crate::base::diag::{Diagnostic, Diagnostics, Severity};
use crate::content::config::Site;
use crate::content::files::{PAGE_EXTENSIONS, YAML_EXTENSIONS};
use crate::content::plan::{Exercise, ExerciseItem, Plan};
use crate::content::prescription::Prescription;
use crate::content::protocol::Protocol;
use crate::content::record::StoryRecord;
use crate::content::yaml;
use pages::parse_page;
use site::read_site;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walk::{list_images, parse_all, stray_plans};

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
    /// The clinic's protocols (`content/protocols/`) by id: programmes that
    /// new plans start from. Checked like plans; never read by the public
    /// site.
    pub protocols: BTreeMap<String, Source<Protocol>>,
    /// Picture files in `content/exercises/images/` (regular files, no
    /// links), by path relative to that folder.
    pub images: std::collections::BTreeSet<String>,
    /// Picture files in `content/images/`: the public site's hero, logo,
    /// cards and story photos.
    pub site_images: std::collections::BTreeSet<String>,
}

impl Clinic {
    /// A plan's exercise item with the library exercise its `use:` names
    /// (none when it names none, or one the library lacks), in the
    /// handout's language `lang`.
    pub fn prescription<'a>(&'a self, item: &'a ExerciseItem, lang: &'a str) -> Prescription<'a> {
        let library = item
            .use_id
            .as_ref()
            .and_then(|id| self.exercises.get(id))
            .map(|s| &s.value);
        Prescription {
            item,
            library,
            lang,
            library_lang: library
                .and_then(|l| l.language.as_deref())
                .unwrap_or(&self.site.language),
        }
    }
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
    // The plans are most of the work; the rest of the content (a few
    // hundred small files and the walks that find them) is read beside
    // them instead of after, each with its own diagnostics, added below
    // in the order a one-by-one load gives.
    let (mut plan_diags, mut other_diags) = (Diagnostics::default(), Diagnostics::default());
    let (read, rest) = rayon::join(
        || {
            parse_all::<(Plan, Vec<Diagnostic>)>(
                root,
                &content.join("plans"),
                &YAML_EXTENSIONS,
                Some("plans"),
                &mut plan_diags,
                |text, path, hash| match reuse(path, hash) {
                    Some(plan) => Ok((plan, Vec::new())),
                    None => yaml::parse_lenient(text, path)
                        .map_err(|ds| with_unparsed_language(ds, text, path)),
                },
            )
        },
        || load_rest(root, &content, &mut other_diags),
    );
    diags.extend(plan_diags);
    let (plans, partial_plans) = split_partial(read, diags);
    diags.extend(other_diags);
    let site = site?;
    let clinic = Clinic {
        root: root.to_path_buf(),
        site,
        site_text,
        plans,
        partial_plans,
        exercises: rest.exercises,
        pages: rest.pages,
        stories: rest.stories,
        protocols: rest.protocols,
        images: rest.images,
        site_images: rest.site_images,
    };
    Some(clinic)
}

/// The problems of a plan that did not parse, and its `language:` when
/// that names no language (HP0007, as a parsed plan's is): read from the
/// text (a plain word on the `language:` line), so that one run reports it
/// too, not the next one after the file is mended.
fn with_unparsed_language(mut ds: Vec<Diagnostic>, text: &str, path: &Path) -> Vec<Diagnostic> {
    let Some(key) = yaml::locate_key(text, "language") else {
        return ds;
    };
    let line = text.lines().nth(key.line - 1).unwrap_or_default();
    let after = &line[(key.column - 1 + "language:".len()).min(line.len())..];
    let value = after.split(" #").next().unwrap_or_default().trim();
    let value = value.trim_matches(|c| c == '"' || c == '\'');
    let plain = value
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '(' | ')'));
    let told = ds.iter().any(|d| d.pos.is_some_and(|p| p.line == key.line));
    if value.is_empty() || !plain || told || crate::base::lang::is_tag(value) {
        return ds;
    }
    let at = yaml::locate(text, "language", value, 0).or(Some(key));
    ds.push(crate::base::lang::not_a_language(value, path, at, &[]));
    ds
}

/// Everything a clinic's content holds besides its plans.
struct Rest {
    exercises: BTreeMap<String, Source<Exercise>>,
    pages: Vec<Source<Page>>,
    stories: Vec<Source<StoryRecord>>,
    protocols: BTreeMap<String, Source<Protocol>>,
    images: std::collections::BTreeSet<String>,
    site_images: std::collections::BTreeSet<String>,
}

/// Read the exercise library, pages, story records and protocols, list
/// the pictures, and report plan files outside `content/plans/`.
fn load_rest(root: &Path, content: &Path, diags: &mut Diagnostics) -> Rest {
    let exercises = parse_all::<Exercise>(
        root,
        &content.join("exercises"),
        &YAML_EXTENSIONS,
        None,
        diags,
        |text, path, _| yaml::parse_many(text, path),
    );
    let pages = parse_all::<Page>(
        root,
        &content.join("pages"),
        &PAGE_EXTENSIONS,
        None,
        diags,
        |text, path, _| parse_page(text, path),
    );
    let stories = parse_all::<StoryRecord>(
        root,
        &content.join("stories"),
        &YAML_EXTENSIONS,
        None,
        diags,
        |text, path, _| yaml::parse_many(text, path),
    );
    let protocols = parse_all::<Protocol>(
        root,
        &content.join("protocols"),
        &YAML_EXTENSIONS,
        None,
        diags,
        |text, path, _| yaml::parse_many(text, path),
    );
    stray_plans(root, content, diags);
    Rest {
        exercises: exercises.into_iter().map(|s| (s.slug.clone(), s)).collect(),
        pages,
        stories,
        protocols: protocols.into_iter().map(|s| (s.slug.clone(), s)).collect(),
        images: list_images(&content.join("exercises/images")),
        site_images: list_images(&content.join("images")),
    }
}

/// `site.yaml` of `root` alone, when it parses (its problems are not
/// reported: the caller has reported them already, or has no use for
/// them).
pub fn site_only(root: &Path) -> Option<crate::content::config::Site> {
    read_site(root, &mut Diagnostics::default()).0
}

/// Load what one plan's handout depends on: `site.yaml`, the exercise
/// library and its pictures, and the plan `plan` (a path relative to
/// `root`). Other plans, pages and story records are not read, so their
/// problems cannot stop this handout. `None` when site.yaml or the plan
/// cannot be read or parsed (the reasons are in `diags`).
pub fn load_one(root: &Path, plan: &Path, diags: &mut Diagnostics) -> Option<Clinic> {
    let (site, site_text) = read_site(root, diags);
    let content = root.join("content");
    let mut library = Diagnostics::default();
    let exercises = parse_all::<Exercise>(
        root,
        &content.join("exercises"),
        &YAML_EXTENSIONS,
        None,
        &mut library,
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
    diags.extend(library_for(plan.as_ref(), library));
    Some(Clinic {
        root: root.to_path_buf(),
        site: site?,
        site_text,
        plans: vec![plan?],
        partial_plans: Vec::new(),
        exercises: exercises.into_iter().map(|s| (s.slug.clone(), s)).collect(),
        pages: Vec::new(),
        stories: Vec::new(),
        protocols: BTreeMap::new(),
        images: list_images(&content.join("exercises/images")),
        site_images: list_images(&content.join("images")),
    })
}

/// The exercise library's problems as one plan's handout meets them: a
/// file the plan uses (or any, when the plan did not parse) keeps its
/// errors; one only other plans use cannot stop this patient's handout,
/// so its errors are told as warnings (`check` reports them as errors).
fn library_for(plan: Option<&Source<Plan>>, problems: Diagnostics) -> Vec<Diagnostic> {
    let Some(plan) = plan else {
        return problems.into_iter().collect();
    };
    let used: std::collections::BTreeSet<&str> = plan
        .value
        .steps
        .iter()
        .flat_map(|s| &s.exercises)
        .filter_map(|e| e.use_id.as_deref())
        .collect();
    let stem = |d: &Diagnostic| {
        let stem = d.file.as_deref().and_then(Path::file_stem)?;
        stem.to_str().map(str::to_string)
    };
    problems
        .into_iter()
        .map(|d| match stem(&d) {
            Some(slug) if !used.contains(slug.as_str()) && d.severity == Severity::Error => {
                let why = format!(
                    "no step of this plan uses `{slug}`, so its handout is still printed \
                     (`heropath check` reports this as an error)"
                );
                let help = d
                    .help
                    .as_ref()
                    .map_or(why.clone(), |h| format!("{h}; {why}"));
                Diagnostic {
                    severity: Severity::Warning,
                    ..d
                }
                .help(help)
            }
            _ => d,
        })
        .collect()
}

/// Plans that read cleanly, and plans read with problems (whose errors go
/// to `diags`).
fn split_partial(
    read: Vec<Source<(Plan, Vec<Diagnostic>)>>,
    diags: &mut Diagnostics,
) -> (Vec<Source<Plan>>, Vec<Source<Plan>>) {
    // Sized up front: a plan is a kilobyte, and growing a vector of ten
    // thousand of them copies each several times.
    let (mut ok, mut partial) = (Vec::with_capacity(read.len()), Vec::new());
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
