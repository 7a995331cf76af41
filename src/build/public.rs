//! The public site of a build: stories and pages rendered, address clashes,
//! the privacy scan, and the last build's site reused when nothing it is made
//! from changed.

use super::*;
#[allow(unused_imports)]
use crate::base::diag::Code;

/// The rendered public site.
pub struct PublicBuild {
    /// Files, relative to the public folder.
    pub files: Vec<RenderedFile>,
    /// Number of stories published.
    pub stories: usize,
    /// Problems, including privacy-guard hits.
    pub diagnostics: Vec<Diagnostic>,
}

/// Page slugs heropath uses itself (and `handouts`, which `serve` uses).
pub const RESERVED_SLUGS: [&str; 7] = [
    "stories", "tags", "404", "sitemap", "atom", "robots", "handouts",
];

/// Model, render and privacy-check the public site of a prepared clinic.
pub fn render_public(p: &Prepared, drafts: bool) -> PublicBuild {
    render_public_then(p, drafts, |files, ahead| {
        privacy_check_read(p, files, ahead)
    })
}

/// [`render_public`] with the privacy scan given as `scan`.
pub(super) fn render_public_then(
    p: &Prepared,
    drafts: bool,
    scan: impl FnOnce(&[RenderedFile], &ReadAhead) -> Vec<Diagnostic>,
) -> PublicBuild {
    let mut diags = Vec::new();
    let theme = &p.themes[&p.clinic.site.theme];
    let t = theme.strings(&p.clinic.site.language);
    let mut stories = model::stories(&p.clinic, &p.site, t, (p.today, p.stamp), drafts);
    let (mut pages, mut intro) = model::pages(&p.clinic, &p.site, drafts);
    let pictures = site_pictures(p, &stories, &pages, intro.as_deref());
    diags.extend(picture_problems(&pictures));
    model::attach_photos(&p.clinic, &mut stories, &pictures, &p.site);
    inline_pictures(p, &pictures, &mut stories, &mut pages, intro.as_mut());
    let look = model::look(&p.clinic, &p.site, t, &pictures);
    // The stories just built are the ones the guard must know (rather than
    // building them a second time for it).
    p.story_days.get_or_init(|| story_days(p, &stories));
    diags.extend(story_clashes(&p.clinic, &stories));
    for pg in &pages {
        if RESERVED_SLUGS.contains(&pg.slug.as_str()) {
            diags.push(
                Diagnostic::error(
                    Code::UrlClash,
                    format!(
                        "a page cannot be called `{}`: that address is used by heropath",
                        pg.slug
                    ),
                )
                .in_file(format!("content/pages/{}.md", pg.slug))
                .help("rename the file"),
            );
        }
    }
    let menu = model::menu(&pages, &p.site, t);
    let public = PublicSite {
        site: &p.site,
        pages: &pages,
        intro: intro.as_deref(),
        look: &look,
        stories: &stories,
        menu: &menu,
        lang: &p.clinic.site.language,
    };
    let mut files = Vec::new();
    let (rendered, ahead) = render_beside_guard(p, &public, theme);
    for r in rendered {
        match r {
            Ok(o) => files.push(o),
            Err(d) => diags.push(d),
        }
    }
    let statics = files.len()..files.len() + theme.static_files.len();
    files.extend(theme.static_files.iter().cloned());
    files.extend(pictures.files);
    add_brand_css(theme, &mut files, look.css);
    // The guard reads static files as the clinic wrote them (a patient's
    // name in a picture's metadata is a leak to fix, even though it is
    // about to go); then their pictures lose their metadata (names kept:
    // pages link them).
    diags.extend(scan(&files, &ahead));
    let told = told::story_tellings(&p.clinic, full_guard(p), &stories, &diags);
    diags.extend(told);
    diags.extend(strip_metadata(p, &mut files[statics]));
    last_of_each_path(&mut files);
    PublicBuild {
        files,
        stories: stories.len(),
        diagnostics: diags,
    }
}

/// One file a path, the last listed: a clinic's static file written at
/// the path of a page heropath renders (`static/robots.txt`, `404.html`)
/// replaces the page, as it replaces the theme's. Both were listed, and
/// the files are written in parallel, so which of them reached public/
/// was a race (and both were counted). The guard has read both.
fn last_of_each_path(files: &mut Vec<RenderedFile>) {
    let mut seen = std::collections::HashSet::new();
    let mut keep: Vec<bool> = files
        .iter()
        .rev()
        .map(|f| seen.insert(f.path.clone()))
        .collect();
    keep.reverse();
    let mut keep = keep.into_iter();
    files.retain(|_| keep.next().unwrap_or(true));
}

/// Render the public site while the privacy guard's index of every plan is
/// built (it needs nothing from the pages), then read the pages for the
/// guard while the index is finished.
fn render_beside_guard(
    p: &Prepared,
    public: &PublicSite<'_>,
    theme: &render::CompiledTheme,
) -> (Vec<Result<RenderedFile, Diagnostic>>, ReadAhead) {
    let built = std::sync::atomic::AtomicBool::new(false);
    let (rendered_and_read, ()) = rayon::join(
        || {
            let rendered = render::public(public, theme);
            // The theme's and the clinic's stylesheets, as the pages are
            // read before the rest of the site is put together.
            let styles = site_styles(&theme.static_files);
            let ahead = read_ahead(&rendered, &styles, &built);
            (rendered, ahead)
        },
        || {
            full_guard(p);
            built.store(true, std::sync::atomic::Ordering::Release);
        },
    );
    rendered_and_read
}

/// The brand's colour and fonts close the theme's stylesheet (one file to
/// load; its variables override the theme's). A clinic's own
/// `static/style.css` replaces the theme's, brand included, and is
/// published as written; the brand then goes to `brand.css` for it to
/// import if it likes.
fn add_brand_css(theme: &render::CompiledTheme, files: &mut Vec<RenderedFile>, css: String) {
    let from_theme = theme
        .static_origins
        .get("style.css")
        .is_some_and(|o| o.starts_with("themes/"));
    match files.iter_mut().find(|f| f.path == "style.css") {
        Some(style) if from_theme => style.bytes.extend(format!("\n{css}").into_bytes()),
        _ => files.push(RenderedFile {
            path: "brand.css".into(),
            bytes: css.into_bytes(),
        }),
    }
}

/// Static JPEGs, PNGs and WebPs re-written without their metadata (names
/// kept: pages link them). A picture that does not decode is published as
/// written: when it carries more than the metadata the guard reads (image
/// data, or a segment of a kind the guard does not know: zlib-packed text
/// in an APP15 segment, a name after a scan header), it is refused as a
/// file the guard cannot read (HP0502), unless site.yaml lists it as
/// reviewed. So is a GIF, BMP or icon (always published as written) with a
/// block the guard does not know, image data that does not decompress, or
/// bytes its header does not account for.
fn strip_metadata(p: &Prepared, statics: &mut [RenderedFile]) -> Vec<Diagnostic> {
    let theme = &p.themes[&p.clinic.site.theme];
    let reviewed = &p.clinic.site.privacy.reviewed_files;
    let undecoded: Vec<Diagnostic> = statics
        .par_iter_mut()
        .filter_map(|f| {
            match model::without_metadata(&f.path, &f.bytes) {
                Some(clean) => f.bytes = clean,
                None => {
                    let kind = model::picture_kind(&f.bytes)?;
                    if !model::carries_unread(&f.bytes) {
                        return None;
                    }
                    let listed = reviewed
                        .iter()
                        .any(|r| privacy::glob_match(&r.pattern, &f.path));
                    return (!listed).then(|| undecodable(theme, &f.path, kind));
                }
            }
            None
        })
        .collect();
    undecoded
}

/// A static picture that does not decode, so cannot be cleaned.
fn undecodable(theme: &render::CompiledTheme, path: &str, kind: &str) -> Diagnostic {
    let origin = theme.static_origins.get(path).map_or(path, String::as_str);
    Diagnostic::error(
        Code::UnreadablePublicFile,
        format!(
            "public file {path} cannot be fully read by the privacy guard: it starts as a {kind} picture but does not decode (or holds a block of a kind no viewer shows), so it would go out as written, with image data or a block the guard does not read"
        ),
    )
    .in_file(origin)
    .help(format!(
        "export the picture again from an image editor, or remove it from the site; once a person has checked that it names no patient, list it in site.yaml:\n  privacy:\n    reviewed_files:\n      - {{ pattern: \"{path}\", reason: \"who checked it, when\" }}"
    ))
}

/// Every picture of `content/images/` the public site shows: the look's,
/// consented story photos, and those written into pages and stories.
fn site_pictures(
    p: &Prepared,
    stories: &[model::Published],
    pages: &[model::PageView],
    intro: Option<&[model::Part]>,
) -> model::Pictures {
    let base = &p.site.base_path;
    let mut names = model::picture_names(&p.clinic, stories);
    let htmls = pages
        .iter()
        .map(|pg| pg.content_html.as_str())
        .chain(intro.into_iter().flatten().map(|part| part.html.as_str()))
        .chain(stories.iter().filter_map(|s| s.story.body_html.as_deref()));
    names.extend(
        htmls
            .flat_map(|h| model::img_names(h, base))
            .filter(|n| p.clinic.site_images.contains(n)),
    );
    model::Pictures::publish(&p.clinic.root.join("content/images"), &names, base)
}

/// Point the pictures written into pages and stories at their published
/// files.
fn inline_pictures(
    p: &Prepared,
    pictures: &model::Pictures,
    stories: &mut [model::Published],
    pages: &mut [model::PageView],
    intro: Option<&mut Vec<model::Part>>,
) {
    let base = &p.site.base_path;
    let fix = |h: &mut String| *h = model::rewrite_imgs(h, base, pictures);
    for pg in pages.iter_mut() {
        fix(&mut pg.content_html);
        pg.parts.iter_mut().for_each(|part| fix(&mut part.html));
    }
    intro
        .into_iter()
        .flatten()
        .for_each(|part| fix(&mut part.html));
    for s in stories.iter_mut() {
        if let Some(b) = s.story.body_html.as_mut() {
            fix(b);
        }
    }
}

/// Pictures of the site that could not be published: errors at the file.
fn picture_problems(pictures: &model::Pictures) -> Vec<Diagnostic> {
    pictures
        .failed
        .iter()
        .map(|(name, why)| {
            Diagnostic::error(Code::MissingPicture, format!("picture `{name}` {why}"))
                .in_file(format!("content/images/{name}"))
                .help("use a JPEG, PNG, WebP or SVG file in content/images/")
        })
        .collect()
}

/// A story record whose address a plan's story also takes: an error at the
/// record (the same story published twice, most likely: exported into the
/// folder of the clinic it came from).
pub(super) fn story_clashes(clinic: &Clinic, stories: &[model::Published]) -> Vec<Diagnostic> {
    use model::StoryOrigin;
    let from_plans: BTreeMap<&str, usize> = stories
        .iter()
        .filter_map(|s| match s.from {
            StoryOrigin::Plan(i) => Some((s.story.slug.as_str(), i)),
            StoryOrigin::Record(_) => None,
        })
        .collect();
    let clash = |s: &model::Published| match (s.from, from_plans.get(s.story.slug.as_str())) {
        (StoryOrigin::Record(r), Some(&plan)) => Some((&clinic.stories[r], &clinic.plans[plan])),
        _ => None,
    };
    stories
        .iter()
        .filter_map(clash)
        .map(|(record, plan)| {
            Diagnostic::error(
                Code::UrlClash,
                format!(
                    "story address `stories/{}/` is also taken by the story of {}",
                    record.slug,
                    plan.path.display()
                ),
            )
            .in_file(&record.path)
            .at(crate::content::yaml::locate_key(&record.text, "title"))
            .help("publish each story once: remove this record, or rename it")
        })
        .collect()
}

/// Everything the public site is made from besides the plans without a
/// story (which never reach it): for the build cache.
pub(super) fn public_key(p: &Prepared, opts: &Options) -> u128 {
    let mut f = cache::Fingerprint::new();
    f.add(p.clinic.site_text.as_bytes())
        .add(
            format!(
                "{:?} {} {} {}",
                opts.base_url, opts.drafts, p.today, p.stamp
            )
            .as_bytes(),
        )
        .add(&p.themes[&p.clinic.site.theme].fingerprint.to_le_bytes());
    for page in &p.clinic.pages {
        f.add(page.path.to_string_lossy().as_bytes())
            .add(page.text.as_bytes());
    }
    for plan in p.clinic.plans.iter().filter(|s| s.value.story.is_some()) {
        f.add(plan.path.to_string_lossy().as_bytes())
            .add(&plan.hash.to_le_bytes());
    }
    for name in &p.clinic.site_images {
        let bytes = std::fs::read(p.clinic.root.join("content/images").join(name));
        f.add(name.as_bytes())
            .add(&cache::hash(&bytes.unwrap_or_default()).to_le_bytes());
    }
    for record in &p.clinic.stories {
        f.add(record.path.to_string_lossy().as_bytes())
            .add(&record.hash.to_le_bytes());
    }
    f.finish()
}

/// The last build's public site, when it was made from the same inputs and
/// its files are intact: nothing to render, and only plans that changed
/// since then can have put a name into it, so only they are scanned.
pub(super) fn reuse_public(p: &Prepared, key: u128, public_dir: &Path) -> Option<PublicBuild> {
    let cache = p.cache.as_ref()?;
    // Rescanning for the changed plans only is sound while nothing else
    // the verdict depends on changed (see `guard_key`).
    let public = cache.public(key).filter(|l| l.guard_key == guard_key(p))?;
    let files = public
        .files
        .par_iter()
        .map(|(path, hash)| {
            if !crate::base::paths::is_inside(path) {
                return None;
            }
            let bytes = std::fs::read(public_dir.join(path)).ok()?;
            (cache::hash(&bytes) == *hash).then(|| RenderedFile {
                path: path.clone(),
                bytes,
            })
        })
        .collect::<Option<Vec<RenderedFile>>>()?;
    let changed = p
        .clinic
        .plans
        .iter()
        .filter(|s| !cache.unchanged(&s.path, s.hash));
    let scanned: Vec<&RenderedFile> = files.iter().collect();
    Some(PublicBuild {
        diagnostics: {
            let changed: Vec<_> = changed.collect();
            if changed.is_empty() {
                Vec::new()
            } else {
                privacy_check_of(
                    p,
                    changed,
                    &scanned,
                    &ReadAhead::new(),
                    &site_styles(&files),
                )
            }
        },
        files,
        stories: public.stories,
    })
}
