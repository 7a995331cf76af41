//! Preparing a build: load, check, theme compiling and assets, with the
//! diagnostics of the clinic as a whole (base URL, what page sanitising removes).

use super::*;
#[allow(unused_imports)]
use crate::base::diag::Code;

/// Everything the render stage needs, prepared once: the loaded and
/// checked clinic with its compiled themes, site data and assets. Named
/// for the step that makes it ([`prepare`]): a build, `handout`, the
/// preview server and the benches all start from a `Prepared` and render
/// from it, and the server keeps one to reload plans into.
pub struct Prepared {
    /// The loaded clinic.
    pub clinic: Clinic,
    /// CompiledTheme themes by name.
    pub themes: BTreeMap<String, CompiledTheme>,
    /// Site data.
    pub site: SiteView,
    /// Pictures and QR codes.
    pub assets: Assets,
    /// The day consent and publication are judged against
    /// ([`Options::today`]).
    pub today: Date,
    /// The day written into output when a date is needed ([`stamp_day`]).
    pub stamp: Date,
    /// Each plan's own diagnostics (in `clinic.plans` order).
    pub plan_diags: Vec<Vec<Diagnostic>>,
    /// The other diagnostics of the preparation (library, themes, output
    /// folders): all warnings, unless the preparation went on past errors
    /// (see `prepare_reporting`) to report them all, for a run that writes
    /// nothing.
    pub shared_diags: Vec<Diagnostic>,
    /// The build cache read at load, if any.
    pub cache: Option<Cache>,
    /// What a plan's diagnostics depend on besides its text.
    pub check_key: u128,
    /// What a plan's handout depends on besides its text.
    pub handout_key: u128,
    /// How long each stage of the preparation took.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// Published stories' slugs and days (see [`published_stories`]),
    /// worked out once.
    pub(super) story_days: std::sync::OnceLock<Vec<privacy::PublishedStory>>,
    /// The privacy guard over every plan, built once (see [`full_guard`]).
    pub(super) guard: std::sync::OnceLock<Guard>,
}

/// Load, check and compile. `None` when there is an error.
pub fn prepare(opts: &Options, diags: &mut Diagnostics) -> Option<Prepared> {
    prepare_reporting(opts, diags).filter(|_| !diags.has_errors())
}

/// [`prepare`], going on past errors in plans, pages and the library: the
/// public site can still be rendered from such a clinic and scanned by the
/// privacy guard, so one run reports every problem (a name on a page is
/// not hidden behind a typo in a plan) while writing nothing. `None` when
/// the clinic cannot be loaded, or its output folders or themes cannot be
/// used.
pub(super) fn prepare_reporting(opts: &Options, diags: &mut Diagnostics) -> Option<Prepared> {
    let clock = std::time::Instant::now();
    let cache = (!opts.no_cache).then(|| Cache::open(&opts.root)).flatten();
    let clinic = load::load_reusing(&opts.root, diags, &|path, hash| {
        cache.as_ref().and_then(|c| c.plan(path, hash))
    })?;
    let timings = vec![("load", clock.elapsed())];
    let public_dir = dirs(opts, &clinic).0;
    let prepared = prepare_loaded_reporting(opts, clinic, cache, timings, true, diags);
    if prepared.is_none() {
        // Stopped by an output folder or a theme: files someone put into
        // the public folder are reported in the same run all the same.
        let survey = write::Survey::of(&public_dir);
        diags.extend(foreign_public_files(&opts.root, &public_dir, &survey));
    }
    prepared
}

/// [`prepare`] from a loaded clinic (all of it, or one plan's part of it:
/// see [`load::load_one`]).
pub(super) fn prepare_loaded(
    opts: &Options,
    clinic: Clinic,
    cache: Option<Cache>,
    timings: Vec<(&'static str, std::time::Duration)>,
    diags: &mut Diagnostics,
) -> Option<Prepared> {
    prepare_loaded_reporting(opts, clinic, cache, timings, false, diags)
        .filter(|_| !diags.has_errors())
}

/// [`prepare_loaded`] going on past errors, as [`prepare_reporting`] does.
/// `whole`: a build or check of the whole clinic, not one `handout`.
fn prepare_loaded_reporting(
    opts: &Options,
    clinic: Clinic,
    cache: Option<Cache>,
    mut timings: Vec<(&'static str, std::time::Duration)>,
    whole: bool,
    diags: &mut Diagnostics,
) -> Option<Prepared> {
    let today = opts.today();
    let mut clock = std::time::Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<_>| {
        timings.push((name, clock.elapsed()));
        clock = std::time::Instant::now();
    };
    let inputs_key = check::inputs_key(&clinic);
    let check_key = super::others::diagnostics_key(inputs_key, &clinic);
    let reuse = super::others::reuse(&cache, check_key, today);
    let index_now = whole && cache.is_none() && clinic.plans.len() >= 2;
    let Checked {
        plan_diags,
        fresh,
        assets,
        themes,
        theme_diags,
        index,
    } = check_and_compile(opts, &clinic, diags, &reuse, index_now);
    drop(reuse);
    let plan_diags_from = diags.iter().count();
    add_plan_diags(opts, &plan_diags, diags);
    let plan_diags_to = diags.iter().count();
    lap("check (and assets, themes)", &mut timings);
    // Folders that must not be surveyed or written, or a theme that did
    // not compile, leave nothing to render from.
    let mut unusable = check_output_dirs(opts, &clinic, whole);
    unusable.extend(theme_diags);
    let stop = unusable.has_errors();
    diags.extend(unusable.sorted());
    let site = SiteView::new(&clinic.site, opts.base_url.as_deref());
    diags.extend(base_url_error(&clinic));
    diags.extend(page_removals(&clinic, &site, opts.drafts));
    if stop {
        return None;
    }
    lap("site, pages, output folders", &mut timings);
    let handout_key = handout_key(opts, inputs_key, &themes, &assets);
    let shared_diags = diags
        .iter()
        .enumerate()
        .filter(|(i, _)| !(plan_diags_from..plan_diags_to).contains(i))
        .map(|(_, d)| d.clone())
        .collect();
    let mut prepared = Prepared {
        clinic,
        themes,
        site,
        assets,
        today,
        stamp: stamp_day(today),
        plan_diags,
        shared_diags,
        cache,
        check_key,
        handout_key,
        timings,
        story_days: std::sync::OnceLock::new(),
        guard: std::sync::OnceLock::new(),
    };
    if let Some(index) = index {
        let guard = index.finish(&super::guard::guard_context(&prepared));
        prepared.guard.get_or_init(|| guard);
    }
    super::others::add_other_patients(&mut prepared, &fresh, diags);
    prepared
        .timings
        .push(("privacy index, other patients' names", clock.elapsed()));
    Some(prepared)
}

/// What [`check_and_compile`] gives.
struct Checked {
    plan_diags: Vec<Vec<Diagnostic>>,
    fresh: Vec<bool>,
    assets: Assets,
    themes: BTreeMap<String, CompiledTheme>,
    theme_diags: Diagnostics,
    index: Option<privacy::Index>,
}

/// Check the plans; meanwhile make the handouts' shared assets (QR codes,
/// pictures, rendered library text), compile the themes and, with
/// `index_now`, index every plan for the privacy guard: a handful of
/// large items keep one core busy, and the checks fill the other. (A
/// check, which renders few handouts if any, draws a QR code only when a
/// handout it renders shows it.) The themes' diagnostics are added where
/// a one-by-one preparation adds them.
///
/// Without a cache every plan is read for other patients' names (HP0121)
/// and the public site is scanned afresh: both need the guard's index of
/// every plan, so a build without one (`index_now`) makes it here.
fn check_and_compile(
    opts: &Options,
    clinic: &Clinic,
    diags: &mut Diagnostics,
    reuse: &(dyn Fn(&load::Source<crate::content::plan::Plan>) -> Option<Vec<Diagnostic>> + Sync),
    index_now: bool,
) -> Checked {
    let today = opts.today();
    let ((plan_diags, fresh), ((assets, (themes, theme_diags)), index)) = rayon::join(
        || {
            let checked = check::check_clinic(clinic, today, diags, reuse);
            (checked, super::others::fresh(clinic, reuse))
        },
        || {
            rayon::join(
                || {
                    rayon::join(
                        || Assets::collect(clinic, !opts.dry_run),
                        || themes_of(opts, clinic),
                    )
                },
                || index_now.then(|| Guard::index(&clinic.plans, &clinic.site, today)),
            )
        },
    );
    Checked {
        plan_diags,
        fresh,
        assets,
        themes,
        theme_diags,
        index,
    }
}

/// Each plan's own diagnostics, added to the build's. Drafts are printed
/// with --drafts (and by `handout`): then their unfinished text stops the
/// build like any plan's.
/// (Copied in parallel: a large clinic has a hundred thousand.)
fn add_plan_diags(opts: &Options, plan_diags: &[Vec<Diagnostic>], diags: &mut Diagnostics) {
    let copied: Vec<Diagnostic> = plan_diags
        .par_iter()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .flat_map_iter(|d| d.iter().cloned())
        .map(|d| match opts.drafts {
            true => check::unfinished::as_printed(d),
            false => d,
        })
        .collect();
    diags.extend(copied);
}

/// Refuse output folders that nest or would replace something precious
/// (see [`check::check_outputs`]), pointing at the flag or site.yaml; for
/// a `whole` build (or check), also folders a file stands in the way of
/// (see [`check::check_blocked`]; `handout` checks its own folder).
fn check_output_dirs(opts: &Options, clinic: &Clinic, whole: bool) -> Diagnostics {
    let mut found = Diagnostics::default();
    let diags = &mut found;
    let (public_dir, handouts_dir) = dirs(opts, clinic);
    let origin = |flag: bool| {
        if flag {
            check::Origin::Flag
        } else {
            check::Origin::SiteYaml(&clinic.site_text)
        }
    };
    check::check_outputs(
        &opts.root,
        (&public_dir, origin(opts.out.is_some())),
        (&handouts_dir, origin(opts.handouts.is_some())),
        &write::public_tree_above,
        diags,
    );
    if whole {
        let public = origin(opts.out.is_some());
        check::check_blocked(&opts.root, "public", &public_dir, public, diags);
        if !opts.public_only {
            let handouts = origin(opts.handouts.is_some());
            check::check_blocked(&opts.root, "handouts", &handouts_dir, handouts, diags);
        }
    }
    found
}

/// An error for each `language:` of site.yaml, the plans and the
/// exercise library that names no language (`klingon`), at its value,
/// listing the languages the site's theme has phrases for (`known`).
pub(super) fn not_languages(clinic: &Clinic, known: &[String]) -> Vec<Diagnostic> {
    let site = std::iter::once((
        Path::new("site.yaml"),
        clinic.site_text.as_str(),
        Some(&clinic.site.language),
    ));
    let plans = clinic.plans.iter().map(|p| {
        (
            p.path.as_path(),
            p.text.as_str(),
            p.value.patient.language.as_ref(),
        )
    });
    let exercises = clinic
        .exercises
        .values()
        .map(|e| (e.path.as_path(), e.text.as_str(), e.value.language.as_ref()));
    let not_tag = |l: &&String| !crate::base::lang::is_tag(l);
    let given = site
        .chain(plans)
        .chain(exercises)
        .filter_map(|(file, text, lang)| {
            let lang = lang.filter(not_tag)?;
            let at = crate::content::yaml::locate(text, "language", lang, 0)
                .or_else(|| crate::content::yaml::locate_key(text, "language"));
            Some((file, lang, at))
        });
    // An exercise's `translations:` are keyed by language, at the key.
    let keys = clinic.exercises.values().flat_map(|e| {
        e.value.translations.keys().filter(not_tag).map(|lang| {
            let (file, text) = (e.path.as_path(), e.text.as_str());
            let at = crate::content::yaml::locate_child_key(text, "translations", lang)
                .or_else(|| crate::content::yaml::locate_key(text, "translations"));
            (file, lang, at)
        })
    });
    given
        .chain(keys)
        .map(|(file, lang, at)| crate::base::lang::not_a_language(lang, file, at, known))
        .collect()
}

/// What a plan's handout depends on besides its text: what its
/// diagnostics depend on, the base URL, the themes and the pictures.
fn handout_key(
    opts: &Options,
    check_key: u128,
    themes: &BTreeMap<String, CompiledTheme>,
    assets: &Assets,
) -> u128 {
    let mut key = cache::Fingerprint::new();
    key.add(&check_key.to_le_bytes());
    key.add(format!("{:?}", opts.base_url).as_bytes());
    for (name, c) in themes {
        key.add(name.as_bytes()).add(&c.fingerprint.to_le_bytes());
    }
    for (name, uri) in &assets.images {
        let uri = uri.as_str().unwrap_or_default();
        key.add(name.as_bytes()).add(uri.as_bytes());
    }
    key.finish()
}

/// site.yaml's `base_url` when it is not an absolute http(s) URL (the
/// `--base-url` flag is checked as the command line is read).
pub(super) fn base_url_error(clinic: &Clinic) -> Option<Diagnostic> {
    let url = clinic.site.base_url.as_deref()?;
    let problem = crate::content::config::check_base_url(url).err()?;
    let pos = crate::content::yaml::locate_key(&clinic.site_text, "base_url").map(|mut p| {
        // Point at the value: the first character after `base_url:`.
        if let Some(line) = clinic.site_text.lines().nth(p.line - 1) {
            let after = p.column - 1 + "base_url:".len();
            let rest = line.get(after..).unwrap_or("");
            if !rest.trim().is_empty() {
                p.column = after + rest.len() - rest.trim_start().len() + 1;
            }
        }
        p
    });
    Some(
        Diagnostic::error(Code::ValueNotAllowed, format!("base_url: {problem}"))
            .in_file("site.yaml")
            .at(pos)
            .help("write the address the website is served from, e.g. `https://www.example-pt.test`, or `https://acme.github.io/clinic/` for a GitHub project site"),
    )
}

/// A warning for everything the sanitiser takes out of a page (and for an
/// embed without a title), at the page's line: nothing is dropped silently.
pub(super) fn page_removals(clinic: &Clinic, site: &SiteView, drafts: bool) -> Vec<Diagnostic> {
    let rules = site.markdown_rules();
    let mut out = Vec::new();
    for page in &clinic.pages {
        if page.value.front.draft && !drafts {
            continue;
        }
        let body = &page.value.body;
        for r in crate::content::markdown::public_removals(body, &rules) {
            let at = crate::base::diag::Pos::at_byte(body, r.offset);
            let pos = crate::base::diag::Pos {
                line: page.value.body_line + at.line - 1,
                ..at
            };
            let code = if r.untitled_embed {
                Code::EmbedNoTitle
            } else {
                Code::HtmlRemoved
            };
            out.push(
                Diagnostic::warning(code, r.what)
                    .in_file(&page.path)
                    .at(Some(pos))
                    .help(r.help),
            );
        }
    }
    out
}

/// Themes and languages to compile: the site's, plus any a plan asks for,
/// each with where it was first asked for (diagnostics point there). The
/// incremental reload compares these before and after an edit, as they
/// decide the theme diagnostics of a preparation.
pub(crate) fn asked(clinic: &Clinic) -> Asking {
    let site_file = PathBuf::from("site.yaml");
    let from_site = |key: &str, value: &String| {
        let at = crate::content::yaml::locate(&clinic.site_text, key, value, 0);
        BTreeMap::from([(value.clone(), (site_file.clone(), at))])
    };
    let mut wanted: BTreeMap<String, Asked> = from_site("theme", &clinic.site.theme);
    let mut langs: BTreeMap<String, Asked> = from_site("language", &clinic.site.language);
    for p in &clinic.plans {
        // Looked up before inserting: most plans ask for what an earlier
        // one already did, and this runs on every incremental reload.
        if let Some(t) = p.value.handout.as_ref().and_then(|h| h.theme.as_ref())
            && !wanted.contains_key(t)
        {
            let at = crate::content::yaml::locate(&p.text, "theme", t, 0);
            wanted.insert(t.clone(), (p.path.clone(), at));
        }
        if let Some(l) = &p.value.patient.language
            && !langs.contains_key(l)
        {
            let at = crate::content::yaml::locate(&p.text, "language", l, 0);
            langs.insert(l.clone(), (p.path.clone(), at));
        }
    }
    langs.entry("en".to_string()).or_insert((site_file, None));
    (wanted, langs)
}

/// Who asked for a theme or language: a file and the position in it.
pub(crate) type Asked = (PathBuf, Option<crate::base::diag::Pos>);

/// Themes, then languages, each with who first asked for it.
pub(crate) type Asking = (BTreeMap<String, Asked>, BTreeMap<String, Asked>);
