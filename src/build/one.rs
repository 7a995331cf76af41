//! One patient's handout (`heropath handout`), its PDF, and a handout
//! rendered from plan text alone (for tests and the schema docs).

use super::*;
#[allow(unused_imports)]
use crate::base::diag::Code;

/// A handout the `handout` command wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The HTML file.
    pub html: PathBuf,
    /// The content hash of its HTML.
    pub hash: u128,
    /// The handouts folder, when it was written there (then what heropath
    /// prints beside it is recorded in the folder's mark).
    pub handouts_dir: Option<PathBuf>,
    /// The clinic folder (whose cache records what `--output` wrote).
    pub root: PathBuf,
}

/// Render one plan's handout into the handouts folder, or to
/// `desk.output` (the `handout` command). `plan_file` is relative to the
/// clinic folder (see [`crate::build::locate::plan`]). Only what this
/// handout depends on is read: site.yaml, the exercise library, the theme
/// and this plan; problems in other plans, pages or story records cannot
/// stop it. Nothing heropath did not write is replaced (see [`Desk`]).
pub fn one_handout(
    opts: &Options,
    plan_file: &Path,
    desk: &Desk<'_>,
) -> (Outcome, Option<Written>) {
    // `handout` prints the plan even if it is a draft, so it is checked as
    // a printed draft.
    let opts = &Options {
        drafts: true,
        ..opts.clone()
    };
    let mut diags = Diagnostics::default();
    let mut report = Outcome::default();
    let clock = std::time::Instant::now();
    let loaded = load::load_one(&opts.root, plan_file, &mut diags);
    let Some(clinic) = loaded.filter(|c| dest_allowed(opts, c, desk, &mut diags)) else {
        report.diagnostics = diags.sorted();
        return (report, None);
    };
    let slug = clinic.plans[0].slug.clone();
    // Another patient's name, birth date, phone or email in this plan
    // stops the handout (HP0121).
    diags.extend(super::others::of_one(opts, &clinic.plans[0]));
    let timings = vec![("load", clock.elapsed())];
    let Some(p) = prepare_loaded(opts, clinic, None, timings, &mut diags) else {
        report.diagnostics = diags.sorted();
        return (report, None);
    };
    let mut out = None;
    for r in render_handouts(&p, true, Some(&slug)) {
        match r {
            Ok(o) => {
                report.handouts = 1;
                if !diags.has_errors() {
                    out = write_one(opts, &p.clinic, desk, &o, &mut diags);
                }
            }
            Err(d) => diags.push(d),
        }
    }
    report.diagnostics = diags.sorted();
    (report, out)
}

/// Write the rendered handout `o` where `desk` says, making way for it in
/// the handouts folder (see [`desk::make_way`]).
fn write_one(
    opts: &Options,
    clinic: &Clinic,
    desk: &Desk<'_>,
    o: &crate::base::output::RenderedFile,
    diags: &mut Diagnostics,
) -> Option<Written> {
    let (_, handouts_dir) = dirs(opts, clinic);
    let target = desk
        .output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| handouts_dir.join(&o.path));
    if desk.output.is_none() {
        let pdf = desk::pdf_beside(Path::new(&o.path));
        let pdf = pdf.to_string_lossy();
        let rels = [o.path.as_str(), pdf.as_ref()];
        let rels = &rels[..if desk.pdf { 2 } else { 1 }];
        if !desk::make_way(&opts.root, &handouts_dir, rels, diags) {
            return None;
        }
    }
    let res = target
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|_| crate::base::atomic::replace_file(&target, |out| out.write_all(&o.bytes)));
    if let Err(e) = res {
        diags.push(
            Diagnostic::error(
                Code::WriteFailed,
                format!("cannot write {}: {e}", target.display()),
            )
            .help(crate::base::paths::write_help(&target, &e)),
        );
        return None;
    }
    let recorded = match desk.output {
        Some(_) => {
            // Outside the handouts folder: the cache records it instead.
            if let Err(e) = desk::note_written(&opts.root, &target, &o.bytes) {
                diags.push(cannot_record(&target, &e.to_string()));
            }
            false
        }
        None => write::record(&handouts_dir, &[&o.path], &[]).unwrap_or_else(|e| {
            diags.push(write_error(e));
            false
        }),
    };
    Some(Written {
        html: target,
        hash: cache::hash(&o.bytes),
        handouts_dir: recorded.then_some(handouts_dir),
        root: opts.root.clone(),
    })
}

/// A warning: `path` was written, but the record of what heropath wrote
/// could not be updated.
fn cannot_record(path: &Path, why: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::WriteFailed,
        format!(
            "{} was written, but heropath could not record that it wrote it ({why})",
            path.display()
        ),
    )
    .help("the next `heropath handout` to the same file will ask for --force")
}

/// Print a handout the `handout` command wrote to PDF, beside it, and
/// record the PDF (and its own hash: a PDF a person puts in its place is
/// then told from it) in the handouts folder's mark, where a build keeps
/// it, or in the cache's record of `--output` files.
pub fn print_handout(w: &Written) -> Result<PathBuf, String> {
    let pdf = desk::pdf_beside(&w.html);
    crate::build::pdf::print(&w.html, &pdf).map_err(|e| e.to_string())?;
    let bytes = std::fs::read(&pdf).map_err(|e| format!("cannot read {}: {e}", pdf.display()))?;
    let not_recorded = |e: String| {
        format!(
            "{} was printed, but heropath could not record that it printed it ({e}); the next build or handout keeps it as someone else's file, with a warning",
            pdf.display()
        )
    };
    match (&w.handouts_dir, pdf.file_name()) {
        (Some(dir), Some(name)) => {
            let name = name.to_string_lossy();
            write::record(dir, &[], &[(&name, w.hash, cache::hash(&bytes))])
                .map_err(|e| not_recorded(e.to_string()))?;
        }
        _ => desk::note_written(&w.root, &pdf, &bytes).map_err(|e| not_recorded(e.to_string()))?,
    }
    Ok(pdf)
}

/// Parse one plan from text and render its handout with the embedded
/// default theme, entirely in memory: no clinic folder, no writes. For
/// fuzzing and property tests of the parse → model → render path.
pub fn render_standalone(plan_yaml: &str) -> Result<String, Vec<Diagnostic>> {
    use std::sync::OnceLock;
    static THEMES: OnceLock<Result<BTreeMap<String, CompiledTheme>, Vec<Diagnostic>>> =
        OnceLock::new();
    let nowhere = Path::new("/nonexistent/heropath-standalone");
    let themes = THEMES.get_or_init(|| {
        let mut diags = Diagnostics::default();
        let langs = BTreeMap::from([
            ("en".to_string(), (PathBuf::from("site.yaml"), None)),
            ("es".to_string(), (PathBuf::from("site.yaml"), None)),
        ]);
        compile_theme(
            nowhere,
            "default",
            &REQUIRED_TEMPLATES[..1],
            &langs,
            &mut diags,
        )
        .map(|c| BTreeMap::from([("default".to_string(), c)]))
        .map_err(|d| vec![d])
    });
    let themes = themes.as_ref().map_err(Clone::clone)?;
    let compiled = &themes["default"];
    let path = PathBuf::from("content/plans/standalone.yaml");
    let plan: crate::content::plan::Plan =
        crate::content::yaml::parse(plan_yaml, &path).map_err(|d| vec![*d])?;
    let site = standalone_site();
    let clinic = Clinic {
        root: nowhere.to_path_buf(),
        site,
        site_text: String::new(),
        plans: vec![load::Source {
            path,
            slug: "standalone".into(),
            hash: crate::build::cache::hash(plan_yaml.as_bytes()),
            text: plan_yaml.to_string(),
            value: plan,
        }],
        partial_plans: Vec::new(),
        exercises: BTreeMap::new(),
        pages: Vec::new(),
        stories: Vec::new(),
        protocols: BTreeMap::new(),
        images: Default::default(),
        site_images: Default::default(),
    };
    let lang = clinic.plans[0]
        .value
        .patient
        .language
        .clone()
        .unwrap_or_else(|| "en".into());
    let view = SiteView::new(&clinic.site, None);
    let handout = model::handout(
        &clinic.plans[0],
        &clinic,
        compiled.strings(&lang),
        &lang,
        "default",
        &Assets::default(),
    );
    match render::handouts(&[handout], themes, &view).pop() {
        Some(Ok(o)) => Ok(String::from_utf8_lossy(&o.bytes).into_owned()),
        Some(Err(d)) => Err(vec![d]),
        None => Err(Vec::new()),
    }
}

/// The site a standalone handout is drawn for: a clinic with no details.
fn standalone_site() -> crate::content::config::Site {
    crate::content::config::Site {
        embeds: Vec::new(),
        feed_limit: crate::content::config::DEFAULT_FEED_LIMIT,
        measures: Default::default(),
        check: Default::default(),
        safety: None,
        title: "Clinic".into(),
        description: None,
        base_url: None,
        language: "en".into(),
        theme: "default".into(),
        paper: crate::content::config::Paper::Letter,
        teach_back: Default::default(),
        clinic: crate::content::config::ClinicDetails::default(),
        output: crate::content::config::OutputDirs::default(),
        reading_level: crate::content::config::ReadingLevel::default(),
        plain_words: BTreeMap::new(),
        public_words: Vec::new(),
        privacy: crate::content::config::Privacy::default(),
        hero: Default::default(),
        brand: Default::default(),
        services: Vec::new(),
        team: Vec::new(),
    }
}

/// A handout written with `--output` never lands in the public folder or
/// among the clinic's own files (see [`check::check_handout_file`]), nor
/// over a file heropath did not write (unless `--force`); and no handout,
/// wherever it goes, lands in a public website folder an earlier build made
/// (see [`desk::in_public_tree`]).
fn dest_allowed(opts: &Options, clinic: &Clinic, desk: &Desk<'_>, diags: &mut Diagnostics) -> bool {
    let (public, handouts) = dirs(opts, clinic);
    let Some(dest) = desk.output else {
        if let Some(d) = desk::in_public_tree(&opts.root, &handouts, false) {
            diags.push(d);
            return false;
        }
        let origin = match opts.handouts {
            Some(_) => check::Origin::Flag,
            None => check::Origin::SiteYaml(&clinic.site_text),
        };
        let before = diags.iter().count();
        check::check_blocked(&opts.root, "handouts", &handouts, origin, diags);
        return diags.iter().count() == before;
    };
    let pdf = desk::pdf_beside(dest);
    let refused = check::check_handout_file(&opts.root, dest, &public)
        .or_else(|| {
            desk.pdf
                .then(|| check::check_handout_file(&opts.root, &pdf, &public))
                .flatten()
        })
        .or_else(|| desk::in_public_tree(&opts.root, dest, true));
    if let Some(d) = refused {
        diags.push(d);
        return false;
    }
    desk::check_output(&opts.root, desk, diags)
}
