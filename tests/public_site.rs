//! The public website: consented stories only, de-identified, with a
//! privacy guard that fails the build on a leak.

mod common;
use common::*;

fn story_pages(c: &Clinic) -> Vec<String> {
    c.tree("public")
        .into_iter()
        .map(|(p, _)| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p.starts_with("stories/") && p != "stories/index.html")
        .collect()
}

#[test]
fn a_consented_story_is_published_with_its_display_name_only() {
    let c = Clinic::with_plan();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        story_pages(&c),
        vec!["stories/back-to-hugging-her-granddaughter/index.html"]
    );
    let story = c.read("public/stories/back-to-hugging-her-granddaughter/index.html");
    assert!(story.contains("Mari L."));
    assert!(
        story.contains("Lift my granddaughter without pain"),
        "the goal is shown"
    );
    assert!(
        text_of(&c.read("public/stories/index.html")).contains("Back to hugging her granddaughter")
    );
    assert!(
        text_of(&c.read("public/tags/shoulder/index.html"))
            .contains("Back to hugging her granddaughter")
    );
    assert!(
        text_of(&c.read("public/index.html")).contains("Back to hugging her granddaughter"),
        "latest stories on home"
    );
    for (path, bytes) in c.tree("public") {
        let s = String::from_utf8_lossy(&bytes).to_lowercase();
        for private in ["lopez", "1968", "555-0142", "maria.lopez@", "she/her"] {
            assert!(!s.contains(private), "{} leaks {private}", path.display());
        }
    }
}

fn unpublished(consent: &str, warning: &str) {
    let c = Clinic::new();
    let story = STORY.split("  consent:").next().unwrap().to_string() + consent;
    c.write("content/plans/maria-lopez.yaml", &format!("{PLAN}{story}"));
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("content/plans/maria-lopez.yaml"),
        "warning names the plan: {err}"
    );
    assert!(err.contains("story not published"), "{err}");
    assert!(err.contains(warning), "{err}");
    assert!(
        story_pages(&c).is_empty(),
        "published anyway: {:?}",
        story_pages(&c)
    );
    let stories = text_of(&c.read("public/stories/index.html"));
    assert!(!stories.contains("Back to hugging"), "listed anyway");
    assert!(
        !c.read("public/atom.xml").contains("Back to hugging"),
        "in the feed anyway"
    );
    assert!(
        !c.read("public/sitemap.xml").contains("back-to-hugging"),
        "in the sitemap anyway"
    );
}

#[test]
fn expired_consent_is_not_published() {
    unpublished(
        "  consent: { signed_on: 2025-01-01, scope: [website], expires_on: 2026-01-01 }\n",
        "HP0202",
    );
}

#[test]
fn revoked_consent_is_not_published() {
    unpublished(
        "  consent: { signed_on: 2026-11-01, scope: [website], expires_on: 2027-11-01, revoked: true }\n",
        "HP0203",
    );
}

/// The same patient's second plan (a new episode in another file), whose
/// story says `revoked: true`, beside the consented first one.
fn with_second_plan(c: &Clinic, patient: &str) {
    let story = STORY.split("  consent:").next().unwrap().to_string()
        + "  consent: { signed_on: 2026-11-01, scope: [website], expires_on: 2027-11-01, revoked: true }\n";
    let second = PLAN.replace("name: Maria Lopez", patient) + &story;
    c.write("content/plans/maria-2026.yml", &second);
}

#[test]
fn consent_revoked_in_another_plan_of_the_same_patient_is_revoked() {
    // Same birth date, and the same name however written, or the same
    // email: one person, whose revocation covers every story of hers.
    // (the second plan's name, whether it keeps the same email and phone)
    for (patient, contact) in [
        ("name: Maria Lopez", true),
        ("name: maria  LOPEZ", false),
        ("name: María López", false),
        ("name: M. Lopez-Garcia", true),
    ] {
        let c = Clinic::with_plan();
        with_second_plan(&c, patient);
        if !contact {
            let second = c.read("content/plans/maria-2026.yml");
            let without: Vec<&str> = second
                .lines()
                .filter(|l| !l.contains("phone:") && !l.contains("email:"))
                .collect();
            c.write("content/plans/maria-2026.yml", &(without.join("\n") + "\n"));
        }
        let out = c.cmd(&["build"]).output().unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "{err}");
        assert!(story_pages(&c).is_empty(), "{patient}: published anyway");
        assert!(
            err.contains(
                "story not published: the patient revoked consent in content/plans/maria-2026.yml"
            ),
            "{patient}: {err}"
        );
        let stories = text_of(&c.read("public/stories/index.html"));
        assert!(
            !stories.contains("Back to hugging"),
            "{patient}: listed anyway"
        );
        assert!(!c.read("public/atom.xml").contains("Back to hugging"));
    }
}

#[test]
fn another_patients_revoked_consent_does_not_withdraw_a_story() {
    // Another person: another birth date, or another name with no shared
    // email or phone.
    for (from, to) in [
        ("birth_date: 1968-04-12", "birth_date: 1970-01-01"),
        ("name: Maria Lopez", "name: Ana Lopez"),
    ] {
        let c = Clinic::with_plan();
        let story = STORY.split("  consent:").next().unwrap().to_string()
            + "  consent: { signed_on: 2026-11-01, scope: [website], expires_on: 2027-11-01, revoked: true }\n";
        let other = PLAN
            .replace(from, to)
            .lines()
            .filter(|l| !l.contains("phone:") && !l.contains("email:"))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
            + &story;
        c.write("content/plans/other.yaml", &other);
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            story_pages(&c).len(),
            1,
            "{to}: the consented story was withdrawn"
        );
    }
}

#[test]
fn consent_without_website_scope_is_not_published() {
    unpublished(
        "  consent: { signed_on: 2026-11-01, scope: [brochure], expires_on: 2027-11-01 }\n",
        "HP0204",
    );
}

#[test]
fn missing_consent_is_not_published() {
    unpublished("", "HP0201");
}

#[test]
fn a_full_name_in_a_story_fails_the_build_and_keeps_the_old_site() {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    let before = c.tree("public");
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!(
            "{PLAN}{}",
            STORY.replace("Mari came to us", "Maria Lopez came to us")
        ),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("content/plans/maria-lopez.yaml"),
        "names the plan: {err}"
    );
    assert!(
        err.contains("stories/back-to-hugging-her-granddaughter/index.html"),
        "names the public file: {err}"
    );
    assert!(err.contains("full name"), "{err}");
    assert!(
        before == c.tree("public"),
        "the previous public/ was changed"
    );
}

#[test]
fn phone_email_and_birth_date_in_a_page_fail_the_build() {
    for leak in [
        "Call Maria at 302-555-0142",
        "write to Maria.Lopez@mail.test",
        "born April 12, 1968",
        "visit on 12/03/2026",
    ] {
        let c = Clinic::with_plan();
        c.write(
            "content/pages/news.md",
            &format!("---\ntitle: News\n---\n{leak}\n"),
        );
        let out = c.cmd(&["build"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{leak} was not caught");
        assert!(stderr(&out).contains("news/index.html"), "{}", stderr(&out));
    }
}

#[test]
fn a_surname_that_is_an_ordinary_word_needs_an_explicit_allowance() {
    let c = Clinic::new();
    let plan = PLAN
        .replace("Maria Lopez", "Dot Walker")
        .replace("maria.lopez@", "dot.walker@");
    let story = STORY.replace("Now she lifts with ease.", "She no longer needs a walker.");
    c.write("content/plans/dot.yaml", &format!("{plan}{story}"));
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "surname as a word must be caught by default"
    );
    assert!(stderr(&out).contains("surname"), "{}", stderr(&out));
    c.write(
        "content/plans/dot.yaml",
        &format!("{plan}{story}  public_words: [Walker]\n"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // The allowance covers the word, never the full name.
    c.write(
        "content/plans/dot.yaml",
        &format!(
            "{plan}{}  public_words: [Walker]\n",
            story.replace("Mari came", "Dot Walker came")
        ),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("full name"), "{}", stderr(&out));
}

#[test]
fn no_public_file_contains_a_sample_patients_full_name() {
    let c = Clinic::sample();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names = Vec::new();
    for e in std::fs::read_dir(c.path().join("content/plans")).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let plan: heropath::content::plan::Plan =
            heropath::content::yaml::parse(&text, std::path::Path::new("x")).unwrap();
        names.push(plan.patient.name.to_lowercase());
    }
    assert!(names.len() >= 4);
    let files = c.tree("public");
    assert!(files.len() > 10);
    for (path, bytes) in files {
        let s = String::from_utf8_lossy(&bytes).to_lowercase();
        for n in &names {
            assert!(!s.contains(n.as_str()), "{} contains {n}", path.display());
        }
    }
    assert!(
        !story_pages(&c).is_empty(),
        "the sample clinic publishes at least one story"
    );
}

fn xml_locs(xml: &str, tag: &str, attr: Option<&str>) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == tag)
        .filter_map(|n| match attr {
            Some(a) => (n.attribute("rel").is_none_or(|r| r == "alternate"))
                .then(|| n.attribute(a).map(str::to_string))
                .flatten(),
            None => n.text().map(str::to_string),
        })
        .collect()
}

#[test]
fn sitemap_and_feed_list_exactly_the_published_pages() {
    let c = Clinic::with_plan();
    c.write(
        "content/plans/other.yaml",
        &format!(
            "{}{}",
            PLAN.replace("Maria Lopez", "Ann Other")
                .replace("maria.lopez", "ann.other"),
            STORY
                .replace("Back to hugging her granddaughter", "Unpublished story")
                .replace("scope: [website]", "scope: []")
        ),
    );
    c.write(
        "content/pages/about.md",
        "---\ntitle: About us\nmenu_order: 1\n---\nHello.\n",
    );
    c.write(
        "content/pages/secret.md",
        "---\ntitle: Secret\ndraft: true\n---\nNot yet.\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut locs = xml_locs(&c.read("public/sitemap.xml"), "loc", None);
    locs.sort();
    let base = "https://clinic.test";
    let mut want: Vec<String> = [
        "/",
        "/about/",
        "/stories/",
        "/stories/back-to-hugging-her-granddaughter/",
        "/tags/shoulder/",
    ]
    .iter()
    .map(|p| format!("{base}{p}"))
    .collect();
    want.sort();
    assert_eq!(locs, want);
    for loc in &locs {
        let rel = loc.trim_start_matches(base).trim_start_matches('/');
        assert!(
            c.path()
                .join("public")
                .join(rel)
                .join("index.html")
                .exists(),
            "{loc} has no page"
        );
    }
    let atom = c.read("public/atom.xml");
    let ids = xml_locs(&atom, "id", None);
    assert!(
        ids.contains(&format!(
            "{base}/stories/back-to-hugging-her-granddaughter/"
        )),
        "{ids:?}"
    );
    let entries = roxmltree::Document::parse(&atom)
        .unwrap()
        .descendants()
        .filter(|n| n.tag_name().name() == "entry")
        .count();
    assert_eq!(entries, 1);
}

#[test]
fn base_url_flag_changes_every_absolute_url() {
    let c = Clinic::with_plan();
    c.cmd(&[
        "build",
        "--public-only",
        "--base-url",
        "https://preview.test/pr-7/",
    ])
    .assert()
    .success();
    let mut absolute = 0;
    for (path, bytes) in c.tree("public") {
        let s = String::from_utf8_lossy(&bytes);
        assert!(
            !s.contains("clinic.test"),
            "{} still uses the site.yaml base_url",
            path.display()
        );
        absolute += s.matches("https://preview.test/pr-7/").count();
    }
    assert!(absolute > 10, "only {absolute} absolute URLs");
    let home = c.read("public/index.html");
    assert!(
        home.contains("href=\"/pr-7/stories/\""),
        "links carry the base path"
    );
    assert!(
        !c.path().join("handouts").exists(),
        "--public-only writes no handouts"
    );
}

#[test]
fn reproducible_with_source_date_epoch() {
    let c = Clinic::sample();
    c.cmd(&["build"])
        .env("RAYON_NUM_THREADS", "4")
        .assert()
        .success();
    let first = (c.tree("public"), c.tree("handouts"));
    std::fs::remove_dir_all(c.path().join("public")).unwrap();
    std::fs::remove_dir_all(c.path().join("handouts")).unwrap();
    c.cmd(&["build"])
        .env("RAYON_NUM_THREADS", "1")
        .assert()
        .success();
    let second = (c.tree("public"), c.tree("handouts"));
    assert!(first.0.len() > 10 && first.1.len() > 4);
    assert!(
        first == second,
        "output differs between a 4-thread and a 1-thread build"
    );
}

#[test]
fn pages_become_folders_with_meta_and_menu() {
    let c = Clinic::with_plan();
    c.write(
        "content/pages/index.md",
        "---\ntitle: Welcome\n---\nWe help you **move**.\n",
    );
    c.write(
        "content/pages/about.md",
        "---\ntitle: About us\ndescription: Who we are.\nmenu_order: 1\n---\n# Our team\n",
    );
    c.cmd(&["build"]).assert().success();
    let about = c.read("public/about/index.html");
    assert!(
        about.contains("<link rel=\"canonical\" href=\"https://clinic.test/about/\""),
        "{about}"
    );
    assert!(about.contains("og:title"));
    assert!(about.contains("Who we are."));
    let home = c.read("public/index.html");
    assert!(
        home.contains("<strong>move</strong>"),
        "intro from index.md"
    );
    assert!(home.contains("/about/"), "menu links to pages");
    assert!(
        text_of(&home).contains("(555) 555-0100"),
        "clinic phone on the home page"
    );
    for f in [
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "atom.xml",
        "style.css",
    ] {
        assert!(c.path().join("public").join(f).exists(), "{f} missing");
    }
    assert!(
        c.read("public/robots.txt")
            .contains("Sitemap: https://clinic.test/sitemap.xml")
    );
    // No third-party requests on public pages.
    for (path, bytes) in c.tree("public") {
        let s = String::from_utf8_lossy(&bytes);
        for attr in ["src=\"http", "href=\"//", "src=\"//"] {
            assert!(
                !s.contains(attr),
                "{}: third-party resource ({attr})",
                path.display()
            );
        }
    }
}

#[test]
fn site_static_overrides_theme_static() {
    let c = Clinic::with_plan();
    c.write("static/style.css", "body { color: black; }");
    c.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    c.cmd(&["build"]).assert().success();
    assert_eq!(c.read("public/style.css"), "body { color: black; }");
    assert!(c.path().join("public/logo.svg").exists());
    assert!(
        !c.path().join("public/handout.css").exists(),
        "the handout stylesheet is inlined, not published"
    );
}

#[test]
fn a_story_with_a_future_publication_date_waits_for_it() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!(
            "{PLAN}{}",
            STORY.replace("published_on: 2026-11-25", "published_on: 2026-12-24")
        ),
    );
    c.cmd(&["build"]).assert().success();
    assert!(story_pages(&c).is_empty(), "published before its date");
    // On 2026-12-25 it is out.
    c.cmd_on("2026-12-25", &["build"]).assert().success();
    assert_eq!(story_pages(&c).len(), 1);
}

#[test]
fn a_site_allowance_covers_a_surname_word_for_patients_without_a_story() {
    let c = Clinic::new();
    c.write(
        "content/plans/mary.yaml",
        &PLAN
            .replace("Maria Lopez", "Mary Young")
            .replace("maria.lopez@", "mary.young@"),
    );
    c.write(
        "content/pages/about.md",
        "---\ntitle: About us\n---\nWe help you stay young at heart.\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "surname as a word must be caught"
    );
    assert!(
        stderr(&out).contains("site.yaml's `public_words`"),
        "{}",
        stderr(&out)
    );
    c.write("site.yaml", &format!("{SITE}public_words: [Young]\n"));
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.read("public/about/index.html").contains("young at heart"));
    // The word, never the full name.
    c.write(
        "content/pages/about.md",
        "---\ntitle: About us\n---\nMary Young is one of our patients.\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a full name must be caught");
    assert!(stderr(&out).contains("full name"), "{}", stderr(&out));
}

/// A story whose consent runs from 2026-11-20 to `expires_on`.
fn story_expiring(c: &Clinic, signed_on: &str, expires_on: &str) {
    let story = STORY
        .replace("signed_on: 2026-11-20", &format!("signed_on: {signed_on}"))
        .replace(
            "expires_on: 2027-11-20",
            &format!("expires_on: {expires_on}"),
        );
    c.write("content/plans/maria-lopez.yaml", &format!("{PLAN}{story}"));
}

#[test]
fn consent_is_judged_by_the_today_flag_not_by_source_date_epoch() {
    let c = Clinic::new();
    story_expiring(&c, "2026-11-20", "2026-12-01");
    // SOURCE_DATE_EPOCH (set by the helper) says 2026-11-26, still within
    // the consent; --today says it has run out.
    let out = c.cmd_on("2026-12-05", &["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("HP0202"), "{}", stderr(&out));
    assert!(story_pages(&c).is_empty(), "published after expiry");
    // And the other way round: a later SOURCE_DATE_EPOCH (2027-06-01)
    // does not expire a consent that --today says is valid.
    let out = c
        .cmd_on("2026-11-30", &["build"])
        .env("SOURCE_DATE_EPOCH", "1811808000")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("HP0202"), "{}", stderr(&out));
    assert_eq!(story_pages(&c).len(), 1);
}

#[test]
fn without_the_today_flag_the_clock_judges_even_with_an_old_source_date_epoch() {
    let c = Clinic::new();
    // Valid on 2020-01-01 (SOURCE_DATE_EPOCH), expired long before the
    // clock's today.
    story_expiring(&c, "2019-12-01", "2025-06-30");
    let out = assert_cmd::Command::cargo_bin("heropath")
        .unwrap()
        .arg("--root")
        .arg(c.path())
        .arg("build")
        .env("SOURCE_DATE_EPOCH", "1577836800")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("consent expired on 2025-06-30"),
        "{}",
        stderr(&out)
    );
    assert!(story_pages(&c).is_empty(), "an expired story is public");
    assert!(!c.read("public/atom.xml").contains("Back to hugging"));
}

#[test]
fn the_feed_date_of_an_undated_story_comes_from_source_date_epoch() {
    let c = Clinic::new();
    let story = STORY.replace("  published_on: 2026-11-25\n", "");
    c.write("content/plans/maria-lopez.yaml", &format!("{PLAN}{story}"));
    c.cmd_on("2026-11-27", &["build"]).assert().success();
    let first = c.tree("public");
    let feed = c.read("public/atom.xml");
    assert!(
        feed.contains("<updated>2026-11-26T00:00:00Z</updated>"),
        "{feed}"
    );
    // Another day, the same SOURCE_DATE_EPOCH: the same bytes.
    c.cmd_on("2026-12-10", &["build", "--no-cache"])
        .assert()
        .success();
    assert!(first == c.tree("public"), "output depends on --today");
}

#[test]
fn a_today_that_is_not_a_date_is_a_usage_error() {
    let c = Clinic::with_plan();
    for bad in ["garbage", "2026-02-30", "26-11-2026", "2026-11-26T00:00"] {
        let out = c.cmd_on(bad, &["build"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("--today") && err.contains("YYYY-MM-DD"),
            "{err}"
        );
    }
    assert!(
        !c.path().join("public").exists(),
        "nothing is built after a usage error"
    );
}

// ---- pages: what the sanitiser removes is reported; embeds; base URLs ----

/// `heropath --format short` output lines that carry `code`.
fn lines_with<'a>(stderr: &'a str, code: &str) -> Vec<&'a str> {
    stderr.lines().filter(|l| l.contains(code)).collect()
}

const VIDEO_PAGE: &str = "---\ntitle: Videos\n---\nOur exercises on video.\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Pendulum swing\" allowfullscreen></iframe>\n\nAnd from elsewhere:\n\n<iframe src=\"https://ads.tracker.test/embed/1\" title=\"Ad\"></iframe>\n";

#[test]
fn an_iframe_from_an_unlisted_host_is_dropped_with_a_warning_at_its_line() {
    let c = Clinic::new();
    c.write("content/pages/videos.md", VIDEO_PAGE);
    let out = c
        .cmd(&["--format", "short", "build", "--public-only"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warned = lines_with(&err, "HP0801");
    // No `embeds:` in site.yaml: both are dropped, each at its own line.
    assert_eq!(warned.len(), 2, "{err}");
    assert!(
        warned[0].starts_with("content/pages/videos.md:6:1: warning[HP0801]: `<iframe>` from `www.youtube-nocookie.com` removed"),
        "{err}"
    );
    assert!(
        warned[1].starts_with("content/pages/videos.md:10:1: warning[HP0801]: `<iframe>` from `ads.tracker.test` removed"),
        "{err}"
    );
    assert!(
        err.contains("list `ads.tracker.test` under `embeds:` in site.yaml"),
        "{err}"
    );
    let page = c.read("public/videos/index.html");
    assert!(!page.contains("<iframe"), "{page}");
    assert!(page.contains("Our exercises on video."), "{page}");
}

#[test]
fn an_iframe_from_a_listed_host_is_kept_with_safe_attributes_only() {
    let c = Clinic::new();
    c.write(
        "site.yaml",
        &format!("{SITE}embeds: [www.youtube-nocookie.com, player.vimeo.com]\n"),
    );
    c.write(
        "content/pages/videos.md",
        &VIDEO_PAGE.replace(
            "allowfullscreen>",
            "allowfullscreen onload=\"steal()\" class=\"wide\">",
        ),
    );
    c.write(
        "content/pages/more.md",
        "---\ntitle: More\n---\n<iframe src=\"https://player.vimeo.com/video/9\"></iframe>\n",
    );
    let out = c
        .cmd(&["--format", "short", "build", "--public-only"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let page = c.read("public/videos/index.html");
    assert!(
        page.contains(r#"<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Pendulum swing" allowfullscreen=""></iframe>"#),
        "{page}"
    );
    assert!(!page.contains("steal") && !page.contains("wide"), "{page}");
    assert!(!page.contains("tracker.test"), "{page}");
    let warned = lines_with(&err, "HP0801");
    assert_eq!(warned.len(), 2, "{err}");
    assert!(warned[0].starts_with("content/pages/videos.md:6:1: warning[HP0801]: `onload`, `class` removed from `<iframe>`"), "{err}");
    assert!(
        warned[1].contains("videos.md:10:1") && warned[1].contains("ads.tracker.test"),
        "{err}"
    );
    // Kept, but a screen reader cannot say what it is.
    let untitled = lines_with(&err, "HP0802");
    assert_eq!(untitled.len(), 1, "{err}");
    assert!(
        untitled[0].starts_with(
            "content/pages/more.md:4:1: warning[HP0802]: embedded video without a `title`"
        ),
        "{err}"
    );
    assert!(
        c.read("public/more/index.html")
            .contains("https://player.vimeo.com/video/9")
    );
    // Only https: an http:// embed from a listed host is refused.
    c.write(
        "content/pages/more.md",
        "---\ntitle: More\n---\n<iframe src=\"http://player.vimeo.com/video/9\" title=\"x\"></iframe>\n",
    );
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    assert!(
        stderr(&out).contains(
            "more.md:4:1: warning[HP0801]: `<iframe>` removed: only https:// embeds are allowed"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn class_and_style_removal_is_warned_at_the_line_and_column() {
    let c = Clinic::new();
    c.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\nWe are friendly.\n\nCall us <span class=\"big\" style=\"color: red\">today</span>.\n\n<div style=\"float: left\">\n\nHi\n\n</div>\n",
    );
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warned = lines_with(&err, "HP0801");
    assert_eq!(warned.len(), 2, "{err}");
    assert_eq!(
        warned[0],
        "content/pages/about.md:6:9: warning[HP0801]: `class`, `style` removed from `<span>`: they are not allowed on a page"
    );
    assert!(
        warned[1].starts_with(
            "content/pages/about.md:8:1: warning[HP0801]: `style` removed from `<div>`"
        ),
        "{err}"
    );
    assert!(err.contains("the theme styles every page"), "{err}");
    // --strict turns them into a failed build.
    let out = c.cmd(&["check", "--strict"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    c.cmd(&["build"]).assert().success();
    let page = c.read("public/about/index.html");
    assert!(page.contains("<span>today</span>"), "{page}");
    assert!(!page.contains("color: red"), "{page}");
}

#[test]
fn a_base_url_that_is_not_an_absolute_web_address_is_refused() {
    let c = Clinic::new();
    for bad in ["", "acme.github.io/x", "ftp://acme.test/", "https://"] {
        let out = c
            .cmd(&["build", "--public-only", "--base-url", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("--base-url"), "{bad:?}: {err}");
        assert!(err.contains("https://"), "{bad:?}: {err}");
    }
    assert!(!c.path().join("public").exists(), "nothing was built");
    // The same in site.yaml: an error at its line, nothing written.
    c.write(
        "site.yaml",
        &SITE.replace("https://clinic.test", "acme.github.io/x"),
    );
    let out = c
        .cmd(&["--format", "short", "build", "--public-only"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "site.yaml:2:11: error[HP0007]: base_url: `acme.github.io/x` is not an absolute URL"
        ),
        "{}",
        stderr(&out)
    );
    assert!(!c.path().join("public").exists(), "nothing was built");
    c.write("site.yaml", &SITE.replace("https://clinic.test", "\"\""));
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    assert!(
        stderr(&out).contains("site.yaml:2:11: error[HP0007]: base_url: the base URL is empty"),
        "{}",
        stderr(&out)
    );
    // Fixed, with a project-site flag: it builds.
    c.write("site.yaml", SITE);
    c.cmd(&[
        "build",
        "--public-only",
        "--base-url",
        "https://acme.github.io/clinic/",
    ])
    .assert()
    .success();
}

#[test]
fn a_project_site_prefixes_root_relative_links_in_pages_and_the_theme() {
    let c = Clinic::with_plan();
    c.write(
        "content/pages/about.md",
        "---\ntitle: About\nmenu_order: 1\n---\nSee [our team](/team/), [the stories](/stories/) and [elsewhere](https://x.test/a/).\n\n![Our front desk](/img/desk.png)\n\n<a href=\"/contact/\">Contact</a>\n",
    );
    c.write("static/img/desk.png", "not really a png");
    c.cmd(&[
        "build",
        "--public-only",
        "--base-url",
        "https://acme.github.io/clinic/",
    ])
    .assert()
    .success();
    let about = c.read("public/about/index.html");
    for want in [
        r#"href="/clinic/team/""#,
        r#"href="/clinic/stories/""#,
        r#"href="https://x.test/a/""#,
        r#"src="/clinic/img/desk.png""#,
        r#"href="/clinic/contact/""#,
    ] {
        assert!(about.contains(want), "{want} missing in {about}");
    }
    // Every root-relative URL the default theme writes carries the prefix.
    for (path, bytes) in c.tree("public") {
        let s = String::from_utf8_lossy(&bytes);
        if !path.to_string_lossy().ends_with(".html") {
            continue;
        }
        let mut rest = &s[..];
        let mut n = 0;
        while let Some(i) = rest.find(['h', 's']) {
            rest = &rest[i..];
            for attr in ["href=\"/", "src=\"/"] {
                if rest.starts_with(attr) {
                    n += 1;
                    assert!(
                        rest[attr.len() - 1..].starts_with("/clinic/"),
                        "{}: {}",
                        path.display(),
                        &rest[..rest.len().min(60)]
                    );
                }
            }
            rest = &rest[1..];
        }
        assert!(n >= 3, "{}: only {n} root-relative URLs", path.display());
    }
    let home = c.read("public/index.html");
    assert!(home.contains(r#"href="/clinic/about/""#), "menu: {home}");
    assert!(home.contains(r#"href="/clinic/style.css""#), "{home}");
}

#[test]
fn templates_get_the_path_prefix_from_the_url_function() {
    let c = Clinic::new();
    c.write("content/pages/about.md", "---\ntitle: About\n---\nHello.\n");
    c.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<a id=\"t\" href=\"{{ url(path=\"/team/\") }}\">Team</a> <a id=\"s\" href=\"{{ url(path=\"stories/\") }}\">S</a>{% endblock content %}",
    );
    c.cmd(&[
        "build",
        "--public-only",
        "--base-url",
        "https://acme.github.io/clinic",
    ])
    .assert()
    .success();
    let about = c.read("public/about/index.html");
    assert!(
        about.contains(r#"<a id="t" href="/clinic/team/">"#),
        "{about}"
    );
    assert!(
        about.contains(r#"<a id="s" href="/clinic/stories/">"#),
        "{about}"
    );
    c.cmd(&[
        "build",
        "--public-only",
        "--base-url",
        "https://clinic.test/",
    ])
    .assert()
    .success();
    let about = c.read("public/about/index.html");
    assert!(about.contains(r#"<a id="t" href="/team/">"#), "{about}");
}

/// README's GitHub Actions workflow is valid YAML, installs heropath (it
/// runs in a clinic folder, without heropath's source), stops when the
/// site's address is not set, and still runs every day (consent expiry).
#[test]
fn the_readme_workflow_works_outside_the_source_tree() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let publishing = &readme[readme.find("## Publishing").expect("a Publishing section")..];
    let start = publishing.find("```yaml\n").expect("a workflow") + 8;
    let yaml = &publishing[start..start + publishing[start..].find("```").unwrap()];
    let w: serde_yaml::Value = serde_yaml::from_str(yaml).expect("the workflow is YAML");
    assert!(
        w["on"]["schedule"][0]["cron"].as_str().is_some(),
        "a daily schedule: {yaml}"
    );
    let steps = w["jobs"]["build"]["steps"]
        .as_sequence()
        .expect("build steps");
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs[0].contains("if [ -z \"$BASE_URL\" ]") && runs[0].contains("exit 1"),
        "the first step stops without a base URL: {runs:?}"
    );
    assert!(
        runs.iter()
            .any(|r| r.contains("cargo install --locked --git"))
    );
    assert!(
        runs.iter()
            .any(|r| r.contains("heropath build --public-only --base-url \"$BASE_URL\""))
    );
    assert!(!runs.iter().any(|r| r.contains("cargo run")), "{runs:?}");
    assert!(
        yaml.contains("path: ~/.cargo/bin/heropath"),
        "heropath is cached"
    );
    assert!(readme.contains("Source**,\n   choose **GitHub Actions**"));
}

#[test]
fn well_known_files_are_published_and_other_hidden_files_are_not() {
    let c = Clinic::with_plan();
    c.write(
        "static/.well-known/security.txt",
        "Contact: mailto:security@example-pt.test\nExpires: 2027-12-31T00:00:00Z\n",
    );
    c.write("static/.well-known/.notes", "draft");
    c.write("static/.DS_Store", "Bud1 maria-lopez.jpg");
    c.write("static/.git/config", "[core]");
    c.write("static/img/.plan.yaml.swp", "name: Maria Lopez");
    c.cmd(&["build"]).assert().success();
    assert!(
        c.read("public/.well-known/security.txt")
            .starts_with("Contact: mailto:security@example-pt.test")
    );
    for hidden in [
        ".well-known/.notes",
        ".DS_Store",
        ".git/config",
        "img/.plan.yaml.swp",
    ] {
        assert!(
            !c.path().join("public").join(hidden).exists(),
            "{hidden} was published"
        );
    }
    // A .well-known file is scanned like any other.
    c.write(
        "static/.well-known/security.txt",
        "Contact: Maria Lopez <mailto:security@example-pt.test>\n",
    );
    let out = c.cmd(&["build"]).assert().failure().get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("HP0501"));
    assert!(
        c.read("public/.well-known/security.txt")
            .starts_with("Contact: mailto:"),
        "the previous public/ was kept"
    );
}

/// A story without `published_on` is dated in the feed by the day heropath
/// stamps (SOURCE_DATE_EPOCH here: 2026-11-26). That day is heropath's,
/// not the patient's, even when it is one of the patient's own days (the
/// day they agreed their goal, signed consent or come next): the build
/// passes. Typed into the story, the same day is still the patient's.
#[test]
fn the_day_heropath_stamps_is_not_the_patients_even_when_it_is_one_of_theirs() {
    let day = "2026-11-26";
    let own_days = [
        ("agreed_on: 2026-11-20", format!("agreed_on: {day}")),
        ("date: 2026-12-03", format!("date: {day}")),
        ("signed_on: 2026-11-20", format!("signed_on: {day}")),
    ];
    for (from, to) in own_days {
        let c = Clinic::new();
        let plan = format!("{PLAN}{STORY}")
            .replace("  published_on: 2026-11-25\n", "")
            .replace(from, &to);
        c.write("content/plans/maria-lopez.yaml", &plan);
        let out = c.cmd(&["--format", "short", "build"]).output().unwrap();
        assert!(out.status.success(), "{to}: {}", stderr(&out));
        assert!(
            c.read("public/atom.xml").contains(day),
            "{to}: no stamp in the feed"
        );
        let typed = plan.replace("Now she lifts with ease.", &format!("We saw her on {day}."));
        c.write("content/plans/maria-lopez.yaml", &typed);
        let out = c.cmd(&["--format", "short", "build"]).output().unwrap();
        assert!(!out.status.success(), "{to}: a typed day passed");
        assert!(stderr(&out).contains("HP0501"), "{to}: {}", stderr(&out));
    }
}

/// The number in "built N public file(s)" of a build's summary.
fn public_count(out: &std::process::Output) -> usize {
    let text = format!("{}{}", stderr(out), String::from_utf8_lossy(&out.stdout));
    let at = text
        .find(" public file(s)")
        .expect("the summary counts public files");
    let digits: String = text[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .expect("a count")
}

#[test]
fn a_static_file_at_the_path_of_a_page_heropath_makes_replaces_it_every_time() {
    let c = Clinic::with_plan();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let before = public_count(&out);
    assert!(c.read("public/robots.txt").contains("Sitemap:"));
    c.write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n");
    c.write(
        "static/404.html",
        "<!doctype html><html lang=\"en\"><title>Lost</title><p>Not here.</p></html>\n",
    );
    // The pages are written in parallel: one file a path, or which of the
    // two reaches public/ depends on the threads.
    for threads in ["1", "2", "4", "8", "2", "4"] {
        let out = c
            .cmd(&["build"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            public_count(&out),
            before,
            "the clinic's files replace heropath's, they are not added"
        );
        assert_eq!(
            c.read("public/robots.txt"),
            "User-agent: *\nDisallow: /drafts/\n",
            "{threads} threads"
        );
        assert!(
            c.read("public/404.html").contains("Not here."),
            "{threads} threads"
        );
    }
}
