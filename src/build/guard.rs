//! The privacy guard's part of a build: the guard over every plan (built
//! once, while pages render), the scan of the public files (reusing the
//! last build's verdict where it can), and the sources a leak is located in.

#[allow(unused_imports)]
use super::*;
use std::sync::Arc;

/// Scan public files for identifiers from the plans (see [`crate::stages::privacy`]).
pub fn privacy_check(p: &Prepared, files: &[RenderedFile]) -> Vec<Diagnostic> {
    privacy_check_read(p, files, &ReadAhead::new())
}

/// [`privacy_check`] of files some of which were read ahead.
pub(super) fn privacy_check_read(
    p: &Prepared,
    files: &[RenderedFile],
    ahead: &ReadAhead,
) -> Vec<Diagnostic> {
    let styles = site_styles(files);
    let files: Vec<&RenderedFile> = files.iter().collect();
    privacy_check_of(p, &p.clinic.plans, &files, ahead, &styles)
}

/// The rules of the site's stylesheets that change what text shows (see
/// [`privacy::extract::Styles`]): a page is read as they lay it out. The
/// stylesheets are static files or made from site.yaml, which
/// [`guard_key`] covers.
pub(super) fn site_styles(files: &[RenderedFile]) -> Arc<privacy::extract::Styles> {
    Arc::new(privacy::extract::Styles::of_files(
        files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())),
    ))
}

/// Public files already read for the guard (see [`read_ahead`]), by path,
/// each with the hash of the bytes read: a static file may take the path
/// of a page heropath rendered (`static/robots.txt`), and it is the static
/// file's own bytes that must be scanned, not the page's reading.
pub(super) type ReadAhead = std::collections::HashMap<String, (u128, privacy::Reading)>;

/// Read rendered public files for the guard, largest first, until `done`
/// says the guard's index is built: on a core that would otherwise wait
/// for it. Only reads (extracting and folding text), which need no index;
/// what is read is a pure function of the file, so when reading stops
/// changes nothing but the time.
pub(super) fn read_ahead(
    files: &[Result<RenderedFile, Diagnostic>],
    styles: &Arc<privacy::extract::Styles>,
    done: &std::sync::atomic::AtomicBool,
) -> ReadAhead {
    let mut by_size: Vec<&RenderedFile> = files.iter().flatten().collect();
    by_size.sort_by_key(|f| std::cmp::Reverse(f.bytes.len()));
    let mut read = ReadAhead::new();
    for f in by_size {
        if done.load(std::sync::atomic::Ordering::Acquire) {
            break;
        }
        read.insert(
            f.path.clone(),
            (
                crate::base::hash::hash(&f.bytes),
                privacy::Reading::styled(&f.path, &f.bytes, styles),
            ),
        );
    }
    read
}

/// The privacy scan of a freshly rendered public site, using the last build
/// where it can: a file identical to one the last build published was
/// scanned then against every plan as it was, so it needs scanning only for
/// the plans that changed since; other files are scanned for every plan.
/// When what the guard lets through changed, every file is scanned for
/// every plan.
pub(super) fn privacy_check_since_last(
    p: &Prepared,
    files: &[RenderedFile],
    ahead: &ReadAhead,
) -> Vec<Diagnostic> {
    let last = p
        .cache
        .as_ref()
        .and_then(|c| c.last_public().map(|public| (c, public)))
        .filter(|(_, public)| public.guard_key == guard_key(p));
    let Some((cache, last)) = last else {
        return privacy_check_read(p, files, ahead);
    };
    let styles = site_styles(files);
    let published: std::collections::HashSet<(&str, u128)> = last
        .files
        .iter()
        .map(|(path, hash)| (path.as_str(), *hash))
        .collect();
    let (known, new): (Vec<&RenderedFile>, Vec<&RenderedFile>) = files
        .iter()
        .partition(|f| published.contains(&(f.path.as_str(), cache::hash(&f.bytes))));
    let changed = p
        .clinic
        .plans
        .iter()
        .filter(|s| !cache.unchanged(&s.path, s.hash));
    let mut diags = privacy_check_of(p, &p.clinic.plans, &new, ahead, &styles);
    let changed: Vec<_> = changed.collect();
    if !changed.is_empty() {
        // Known files were readable (or reviewed) last time: guard_key
        // covers site.yaml, so only the changed plans' needles are new.
        diags.extend(privacy_check_of(p, changed, &known, ahead, &styles));
    }
    diags
}

/// What the privacy guard's verdict depends on besides the plans and the
/// files: site.yaml (allowances, clinic details), the day stamped, the
/// plans' clinicians
/// (public names: one plan's clinician lets a name through on every page),
/// the stories published (their dates are exempt where they show) and the
/// theme (month names). A file the last build published is rescanned only
/// for the plans that changed, so whatever one plan allows for another
/// must be here.
pub(super) fn guard_key(p: &Prepared) -> u128 {
    let mut f = cache::Fingerprint::new();
    f.add(p.clinic.site_text.as_bytes())
        .add(&p.themes[&p.clinic.site.theme].fingerprint.to_le_bytes());
    f.add(p.stamp.to_string().as_bytes());
    for clinician in privacy::plan_clinicians(&p.clinic.plans) {
        f.add(clinician.as_bytes());
    }
    for s in published_stories(p) {
        let day = s.day.map(|d| d.to_string()).unwrap_or_default();
        f.add(s.slug.as_bytes())
            .add(day.as_bytes())
            .add(s.display_name.as_bytes());
    }
    // An age over 89 is an identifier: a birthday can change what a page
    // may say.
    for plan in &p.clinic.plans {
        if let Some(birth) = plan.value.patient.birth_date {
            for age in privacy::ages_over_89(birth, p.today) {
                f.add(plan.path.as_os_str().as_encoded_bytes())
                    .add(&age.to_le_bytes());
            }
        }
    }
    f.finish()
}

/// Published stories' URL slugs, publication days and display names: a
/// story's day is public where that story shows, its display name
/// everywhere.
pub(super) fn published_stories(p: &Prepared) -> &[privacy::PublishedStory] {
    p.story_days.get_or_init(|| {
        let theme = &p.themes[&p.clinic.site.theme];
        let t = theme.strings(&p.clinic.site.language);
        story_days(
            p,
            &model::stories(&p.clinic, &p.site, t, (p.today, p.stamp), true),
        )
    })
}

/// The guard's view of published stories: slug, plan, day, display name.
pub(super) fn story_days(
    p: &Prepared,
    stories: &[model::Published],
) -> Vec<privacy::PublishedStory> {
    stories
        .iter()
        .map(|s| {
            let plan = match s.from {
                model::StoryOrigin::Plan(i) => Some(p.clinic.plans[i].path.clone()),
                model::StoryOrigin::Record(_) => None,
            };
            privacy::PublishedStory {
                slug: s.story.slug.clone(),
                plan,
                day: s.story.published_on.as_deref().and_then(Date::parse),
                display_name: s.story.display_name.clone(),
            }
        })
        .collect()
}

/// Scan public files for identifiers from `plans` only.
pub(super) fn privacy_check_of<'a>(
    p: &Prepared,
    plans: impl IntoIterator<Item = &'a load::Source<crate::content::plan::Plan>>,
    files: &[&RenderedFile],
    ahead: &ReadAhead,
    styles: &Arc<privacy::extract::Styles>,
) -> Vec<Diagnostic> {
    let plans: Vec<&load::Source<crate::content::plan::Plan>> = plans.into_iter().collect();
    let theme = &p.themes[&p.clinic.site.theme];
    let reviewed = &p.clinic.site.privacy.reviewed_files;
    let all = plans.len() == p.clinic.plans.len();
    let own;
    let guard = if all {
        full_guard(p)
    } else {
        own = Guard::of_some(plans.iter().copied(), &p.clinic.plans, &guard_context(p));
        &own
    };
    // The largest files are scanned first (the feed and the story index
    // are hundreds of kilobytes: left for last, one thread scanned them
    // alone); the verdict takes them in the files' own order.
    let mut by_size: Vec<usize> = (0..files.len()).collect();
    by_size.sort_by_key(|&i| std::cmp::Reverse(files[i].bytes.len()));
    let mut scanned: Vec<(usize, privacy::verdict::Found)> = by_size
        .par_iter()
        .with_max_len(crate::base::parallel::FILES_PER_TASK)
        .map(|&i| {
            let f = files[i];
            let found = privacy::verdict::Found {
                path: &f.path,
                origin: theme.static_origins.get(&f.path).map(String::as_str),
                scan: match ahead
                    .get(&f.path)
                    .filter(|(hash, r)| {
                        r.read_with(styles) && *hash == crate::base::hash::hash(&f.bytes)
                    })
                    .map(|(_, r)| r)
                {
                    Some(read) => guard.scan_reading(&f.path, &f.bytes, read),
                    None => {
                        let read = privacy::Reading::styled(&f.path, &f.bytes, styles);
                        guard.scan_reading(&f.path, &f.bytes, &read)
                    }
                },
            };
            (i, found)
        })
        .collect();
    scanned.sort_by_key(|(i, _)| *i);
    let found: Vec<privacy::verdict::Found> = scanned.into_iter().map(|(_, f)| f).collect();
    let plan_paths: Vec<PathBuf> = plans.iter().map(|s| s.path.clone()).collect();
    let mut diags = privacy::verdict::check_reviewed(reviewed);
    diags.extend(privacy::verdict::diagnostics(
        guard,
        &plan_paths,
        found,
        reviewed,
        || privacy_sources(p),
    ));
    diags
}

impl Prepared {
    /// Forget what was worked out from the plans (the guard, the published
    /// stories): call after changing `clinic.plans` in place.
    pub(crate) fn plans_changed(&mut self) {
        self.story_days.take();
        self.guard.take();
    }
}

/// What the guard is built from besides the plans.
pub(super) fn guard_context(p: &Prepared) -> privacy::Context<'_> {
    privacy::Context {
        site: &p.clinic.site,
        published: published_stories(p).to_vec(),
        months: p.themes[&p.clinic.site.theme].month_tables(),
        today: p.today,
        stamp: Some(p.stamp),
    }
}

/// The guard over every plan, built once per preparation.
pub(super) fn full_guard(p: &Prepared) -> &Guard {
    p.guard
        .get_or_init(|| Guard::new(&p.clinic.plans, &guard_context(p)))
}

/// Every file a public page may have taken text from, for locating a leak:
/// pages, stories (the `story:` block of their plan), site.yaml and the
/// theme's templates. Read only when there is a leak to locate.
pub(super) fn privacy_sources(p: &Prepared) -> Vec<privacy::verdict::SourceText> {
    use privacy::verdict::SourceText;
    let mut out = Vec::new();
    for page in &p.clinic.pages {
        out.push(SourceText {
            path: page.path.clone(),
            read_as: "page.html".into(),
            text: page.text.clone(),
            line_offset: 0,
        });
    }
    // A story is read as its own page, where its publication day is public.
    let theme = &p.themes[&p.clinic.site.theme];
    let t = theme.strings(&p.clinic.site.language);
    let mut slugs: BTreeMap<model::StoryOrigin, String> = BTreeMap::new();
    for s in model::stories(&p.clinic, &p.site, t, (p.today, p.stamp), true) {
        slugs.insert(s.from, s.story.slug);
    }
    // A story that is not published (no consent, revoked, scheduled)
    // reaches no public page: its text is no source.
    let as_page =
        |from: model::StoryOrigin| slugs.get(&from).map(|s| format!("stories/{s}/index.html"));
    for (i, record) in p.clinic.stories.iter().enumerate() {
        if let Some(read_as) = as_page(model::StoryOrigin::Record(i)) {
            out.push(SourceText {
                path: record.path.clone(),
                read_as,
                text: record.text.clone(),
                line_offset: 0,
            });
        }
    }
    for (i, plan) in p.clinic.plans.iter().enumerate() {
        if let (Some(read_as), Some((offset, block))) = (
            as_page(model::StoryOrigin::Plan(i)),
            top_level_block(&plan.text, "story"),
        ) {
            out.push(SourceText {
                path: plan.path.clone(),
                read_as,
                text: block,
                line_offset: offset,
            });
        }
    }
    out.push(SourceText {
        path: "site.yaml".into(),
        read_as: "site.yaml".into(),
        text: p.clinic.site_text.clone(),
        line_offset: 0,
    });
    if let Ok(theme) = crate::stages::theme::Theme::resolve(&p.clinic.root, &p.clinic.site.theme) {
        for (name, bytes) in theme.files.under("templates") {
            let path = format!("templates/{name}");
            out.push(SourceText {
                path: theme.files.origin(&path).unwrap_or(&path).into(),
                read_as: "template.html".into(),
                text: String::from_utf8_lossy(bytes).into_owned(),
                line_offset: 0,
            });
        }
    }
    out
}

/// The lines of a YAML file's top-level `key:` block, with the number of
/// lines before it.
pub(super) fn top_level_block(text: &str, key: &str) -> Option<(u32, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| {
        l.strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'))
    })?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| {
            l.chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '#')
        })
        .map_or(lines.len(), |i| start + 1 + i);
    // Keys whose values never reach a page (dates of the consent, the
    // publication day, allowances) are blanked: they cannot be the source.
    const UNPUBLISHED: [&str; 7] = [
        "published_on:",
        "signed_on:",
        "expires_on:",
        "public_words:",
        "public_dates:",
        "scope:",
        "revoked:",
    ];
    let block: Vec<&str> = lines[start..end]
        .iter()
        .map(|l| {
            let t = l.trim_start().trim_start_matches("- ");
            if UNPUBLISHED.iter().any(|k| t.starts_with(k)) {
                ""
            } else {
                l
            }
        })
        .collect();
    Some((start as u32, block.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    /// Pages read ahead of the index are scanned as pages read after it:
    /// same findings, whatever was read ahead.
    #[test]
    fn pages_read_ahead_are_scanned_as_any() {
        let opts = Options {
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            no_cache: true,
            today: crate::base::date::Date::parse("2026-11-28"),
            ..Options::default()
        };
        let mut diags = Diagnostics::default();
        let p = prepare(&opts, &mut diags).expect("the sample clinic prepares");
        let page = |path: &str, text: &str| RenderedFile {
            path: path.to_string(),
            bytes: text.as_bytes().to_vec(),
        };
        let files = [
            page(
                "leak.html",
                "<p>Thanks to M. Lopez (Maria) for her story.</p>",
            ),
            page("clean.html", "<p>Our clinic is open on Saturdays.</p>"),
            page("feed.xml", "<feed><title>LOPEZ, maria</title></feed>"),
        ];
        let rendered: Vec<Result<RenderedFile, Diagnostic>> =
            files.iter().cloned().map(Ok).collect();
        let all = read_ahead(&rendered, &Arc::default(), &AtomicBool::new(false));
        assert_eq!(all.len(), files.len(), "nothing stopped the reading");
        let none = read_ahead(&rendered, &Arc::default(), &AtomicBool::new(true));
        assert!(
            none.is_empty(),
            "the index was built: nothing to read ahead"
        );

        let refs: Vec<&RenderedFile> = files.iter().collect();
        let shown = |ahead: &ReadAhead| {
            let found = privacy_check_of(&p, &p.clinic.plans, &refs, ahead, &Arc::default());
            found.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>()
        };
        let without = shown(&ReadAhead::new());
        assert!(
            without
                .iter()
                .any(|d| d.contains("PrivacyLeak") && d.contains("leak.html and 1 more")),
            "both leaks are found: {without:#?}"
        );
        assert_eq!(shown(&all), without);
        let mut some = ReadAhead::new();
        some.extend(all.into_iter().filter(|(path, _)| path == "feed.xml"));
        assert_eq!(shown(&some), without);
    }
}
