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
}

/// Render one plan's handout to `dest`, or into the handouts folder (the
/// `handout` command). `plan_file` is relative to the clinic folder (see
/// [`crate::build::locate::plan`]). Only what this handout depends on is read:
/// site.yaml, the exercise library, the theme and this plan; problems in
/// other plans, pages or story records cannot stop it.
pub fn one_handout(
    opts: &Options,
    plan_file: &Path,
    dest: Option<&Path>,
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
    let Some(clinic) = loaded.filter(|c| dest_allowed(opts, c, dest, &mut diags)) else {
        report.diagnostics = diags.sorted();
        return (report, None);
    };
    let slug = clinic.plans[0].slug.clone();
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
                if diags.has_errors() {
                    continue;
                }
                let (_, handouts_dir) = dirs(opts, &p.clinic);
                let into_folder = dest.is_none();
                let target = dest
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| handouts_dir.join(&o.path));
                // A new handouts folder is marked as heropath's first, so
                // that a build may replace it.
                if into_folder && let Err(e) = write::record(&handouts_dir, &[], &[]) {
                    diags.push(write_error(e));
                    continue;
                }
                let res = target
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|_| {
                        crate::base::atomic::replace_file(&target, |out| out.write_all(&o.bytes))
                    });
                if let Err(e) = res {
                    diags.push(Diagnostic::error(
                        Code::WriteFailed,
                        format!("cannot write {}: {e}", target.display()),
                    ));
                    continue;
                }
                let recorded = into_folder
                    && match write::record(&handouts_dir, &[&o.path], &[]) {
                        Ok(ours) => ours,
                        Err(e) => {
                            diags.push(write_error(e));
                            false
                        }
                    };
                out = Some(Written {
                    html: target,
                    hash: cache::hash(&o.bytes),
                    handouts_dir: recorded.then_some(handouts_dir),
                });
            }
            Err(d) => diags.push(d),
        }
    }
    report.diagnostics = diags.sorted();
    (report, out)
}

/// Print a handout the `handout` command wrote to PDF, beside it, and
/// record the PDF in the handouts folder's mark (a build then keeps it).
pub fn print_handout(w: &Written) -> Result<PathBuf, String> {
    let pdf = w.html.with_extension("pdf");
    crate::build::pdf::print(&w.html, &pdf).map_err(|e| e.to_string())?;
    if let Some(dir) = &w.handouts_dir
        && let Some(name) = pdf.file_name().map(|n| n.to_string_lossy().into_owned())
    {
        write::record(dir, &[], &[(&name, w.hash)]).map_err(|e| {
            format!("{} was printed, but the handouts folder could not record it ({e}); the next build keeps it, with a warning", pdf.display())
        })?;
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

/// A handout written with `--output` never lands in the public folder
/// (see [`check::check_handout_file`]).
fn dest_allowed(
    opts: &Options,
    clinic: &Clinic,
    dest: Option<&Path>,
    diags: &mut Diagnostics,
) -> bool {
    let refused = dest.and_then(|d| check::check_handout_file(d, &dirs(opts, clinic).0));
    let allowed = refused.is_none();
    diags.extend(refused);
    allowed
}
