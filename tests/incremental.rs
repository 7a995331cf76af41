//! The build cache (`.heropath-cache/` in the clinic folder): a rebuild
//! parses, checks and renders only what changed, and its output is byte for
//! byte what a build from scratch (`--no-cache`) writes.

const CACHE: &str = ".heropath-cache/build";

mod common;
use common::{Clinic, stderr};

/// `heropath --verbose build ARGS` must succeed; returns what it printed.
fn build(c: &Clinic, args: &[&str]) -> String {
    let mut all = vec!["--verbose", "build"];
    all.extend_from_slice(args);
    let out = c.cmd(&all).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "build failed:\n{err}");
    err
}

/// The "N handout(s) (M unchanged, reused)" figures of a verbose build.
fn handouts_reused(log: &str) -> (usize, usize) {
    let line = log
        .lines()
        .find(|l| l.contains("build took"))
        .unwrap_or_else(|| panic!("no summary line in:\n{log}"));
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    // build took T ms: N handout(s) (M unchanged, reused), ...
    (nums[1], nums[2])
}

fn public_reused(log: &str) -> bool {
    log.lines()
        .any(|l| l.contains("build took") && l.contains("public file(s) (unchanged, reused)"))
}

/// Replace the first line of `file` whose key is `key` (any indentation)
/// with `key: value`, at the same indentation.
fn set_line(c: &Clinic, file: &str, key: &str, value: &str) {
    let text = c.read(file);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{key}:")))
        .unwrap_or_else(|| panic!("no `{key}:` in {file}"))
        .to_string();
    let indent = &line[..line.len() - line.trim_start().len()];
    c.write(
        file,
        &text.replacen(&line, &format!("{indent}{key}: {value}"), 1),
    );
}

/// `build` must fail with `code`, naming `file`.
fn build_fails_with(c: &Clinic, code: &str, file: &str) {
    let out = c.cmd(&["--format", "short", "build"]).output().unwrap();
    let err = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(!out.status.success(), "the build must fail:\n{err}");
    assert!(err.contains(code) && err.contains(file), "{err}");
}

/// Build the same clinic from scratch into other folders and compare: the
/// cached build must have written exactly the same files, and the cache it
/// left must be the one a build from scratch leaves.
fn assert_same_as_fresh(c: &Clinic) {
    let cache = std::fs::read(c.path().join(CACHE)).expect("a build cache");
    build(
        c,
        &[
            "--no-cache",
            "--out",
            "fresh-public",
            "--handouts",
            "fresh-handouts",
        ],
    );
    for (cached, fresh) in [("public", "fresh-public"), ("handouts", "fresh-handouts")] {
        let a = c.tree(cached);
        let b = c.tree(fresh);
        assert_eq!(
            a.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            b.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            "{cached}/ and {fresh}/ hold different files"
        );
        for ((path, x), (_, y)) in a.iter().zip(&b) {
            assert!(
                x == y,
                "{cached}/{} differs from a fresh build",
                path.display()
            );
        }
    }
    assert!(
        std::fs::read(c.path().join(CACHE)).unwrap() == cache,
        "the cache differs from the one a fresh build writes"
    );
    std::fs::remove_dir_all(c.path().join("fresh-public")).unwrap();
    std::fs::remove_dir_all(c.path().join("fresh-handouts")).unwrap();
}

#[test]
fn a_rebuild_renders_only_the_changed_plan_and_matches_a_fresh_build() {
    let c = Clinic::sample();
    let first = build(&c, &[]);
    assert_eq!(handouts_reused(&first), (6, 0), "{first}");
    assert!(c.path().join(CACHE).is_file());
    assert!(
        !c.tree("handouts")
            .iter()
            .chain(&c.tree("public"))
            .any(|(p, _)| p.to_string_lossy().contains("cache")),
        "the cache (private data) must not be in an output folder"
    );
    assert_eq!(c.read(".heropath-cache/.gitignore"), "*\n");

    let stamp = |c: &Clinic| {
        let m = std::fs::metadata(c.path().join(CACHE)).unwrap();
        (m.modified().unwrap(), m.len())
    };
    let before = stamp(&c);
    let again = build(&c, &[]);
    assert_eq!(handouts_reused(&again), (6, 6), "{again}");
    assert_eq!(stamp(&c), before, "an unchanged cache was rewritten");
    assert!(public_reused(&again), "{again}");
    assert_same_as_fresh(&c);

    // Alexandra has no story: her handout changes, the public site does not.
    set_line(
        &c,
        "content/plans/alexandra-nguyen.yaml",
        "statement",
        "I want to dance at my niece's wedding.",
    );
    let edited = build(&c, &[]);
    assert_eq!(handouts_reused(&edited), (6, 5), "{edited}");
    assert!(public_reused(&edited), "{edited}");
    assert!(
        c.read("handouts/alexandra-nguyen.html")
            .contains("dance at my niece")
    );
    assert_same_as_fresh(&c);

    // Maria has a story: the public site is rebuilt, with the new quote.
    set_line(
        &c,
        "content/plans/maria-lopez.yaml",
        "quote",
        "I carried the groceries in one trip.",
    );
    let story = build(&c, &[]);
    assert_eq!(handouts_reused(&story), (6, 5), "{story}");
    assert!(!public_reused(&story), "{story}");
    let stories = c.tree("public/stories");
    assert!(
        stories
            .iter()
            .any(|(_, b)| String::from_utf8_lossy(b).contains("groceries in one trip")),
        "the edited quote is not on the public site"
    );
    assert_same_as_fresh(&c);

    // A deleted plan loses its handout.
    std::fs::remove_file(c.path().join("content/plans/walter-kaminski.yaml")).unwrap();
    let deleted = build(&c, &[]);
    assert_eq!(handouts_reused(&deleted), (5, 5), "{deleted}");
    assert!(!c.path().join("handouts/walter-kaminski.html").exists());
    assert_same_as_fresh(&c);
}

#[test]
fn library_and_theme_changes_rerender_every_handout() {
    let c = Clinic::sample();
    build(&c, &[]);
    let ex = std::fs::read_dir(c.path().join("content/exercises"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "yaml"))
        .expect("a library exercise");
    let text = std::fs::read_to_string(&ex).unwrap();
    std::fs::write(&ex, format!("{text}\n# edited\n")).unwrap();
    let log = build(&c, &[]);
    assert_eq!(handouts_reused(&log), (6, 0), "{log}");
    assert_same_as_fresh(&c);

    // A site template override changes the handouts' look.
    let default = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/handout.css"),
    )
    .unwrap();
    c.write(
        "static/handout.css",
        &format!("{default}\n.marker-from-site {{ color: #000 }}\n"),
    );
    let log = build(&c, &[]);
    assert_eq!(handouts_reused(&log), (6, 0), "{log}");
    assert!(
        c.read("handouts/maria-lopez.html")
            .contains("marker-from-site")
    );
    assert_same_as_fresh(&c);
}

#[test]
fn damaged_handouts_and_caches_are_not_trusted() {
    let c = Clinic::sample();
    build(&c, &[]);
    let good = c.read("handouts/maria-lopez.html");

    // Someone edits a handout by hand: it is rendered again, not reused.
    c.write("handouts/maria-lopez.html", "<p>scribbled over</p>");
    let log = build(&c, &[]);
    assert_eq!(handouts_reused(&log), (6, 5), "{log}");
    assert_eq!(c.read("handouts/maria-lopez.html"), good);

    // The same, keeping the size (the build's stamps record size and
    // modification time; an edit changes the time).
    std::thread::sleep(std::time::Duration::from_millis(20));
    c.write("handouts/maria-lopez.html", &"x".repeat(good.len()));
    let log = build(&c, &[]);
    assert_eq!(handouts_reused(&log), (6, 5), "{log}");
    assert_eq!(c.read("handouts/maria-lopez.html"), good);

    // The same again with the modification time put back as it was (what
    // `touch -r` or a careless copy tool does): the status change time,
    // which nothing can put back, still tells. With the cache or without.
    for args in [&[][..], &["--no-cache"]] {
        let path = c.path().join("handouts/maria-lopez.html");
        let time = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        c.write("handouts/maria-lopez.html", &"y".repeat(good.len()));
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(time).unwrap();
        drop(file);
        build(&c, args);
        assert_eq!(c.read("handouts/maria-lopez.html"), good, "{args:?}");
    }

    // A public file edited by hand: the public site is rendered again.
    c.write("public/index.html", "<p>defaced</p>");
    let log = build(&c, &[]);
    assert!(!public_reused(&log), "{log}");
    assert!(!c.read("public/index.html").contains("defaced"));

    // A stray file in public/: never dropped without a word (the build
    // stops with HP0406 and writes nothing; the cache does not take the
    // folder as the last build's either); once it is moved away, the folder
    // is what a build from scratch writes.
    build(&c, &[]);
    c.write("public/stray.txt", "left here by hand");
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("public/stray.txt: error[HP0406]"),
        "{}",
        stderr(&out)
    );
    assert_eq!(c.read("public/stray.txt"), "left here by hand");
    std::fs::remove_file(c.path().join("public/stray.txt")).unwrap();
    build(&c, &[]);
    assert_same_as_fresh(&c);

    // A cache of garbage (or truncated) is ignored: a full, correct build.
    for junk in ["{ this is not a cache", ""] {
        c.write(CACHE, junk);
        let log = build(&c, &[]);
        assert_eq!(handouts_reused(&log), (6, 0), "{log}");
        assert_same_as_fresh(&c);
    }
    // A cache whose lines are cut short mid-plan.
    let cache = c.read(CACHE);
    c.write(CACHE, &cache[..cache.len() / 2]);
    build(&c, &[]);
    assert_same_as_fresh(&c);

    // --no-cache renders everything even with a good cache.
    let log = build(&c, &["--no-cache"]);
    assert_eq!(handouts_reused(&log), (6, 0), "{log}");
}

#[test]
fn cached_diagnostics_are_the_same_as_fresh_ones() {
    let c = Clinic::sample();
    // Jargon and a hard sentence: warnings that are cached per plan.
    set_line(
        &c,
        "content/plans/walter-kaminski.yaml",
        "summary",
        "Bilateral patellofemoral crepitus with quadriceps inhibition limits ambulation tolerance.",
    );
    build(&c, &[]);
    let check = |args: &[&str]| {
        let mut all = vec!["--format", "json", "check"];
        all.extend_from_slice(args);
        let out = c.cmd(&all).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let cached = check(&[]);
    let fresh = check(&["--no-cache"]);
    assert!(
        cached.contains("HP0602"),
        "expected jargon warnings: {cached}"
    );
    assert_eq!(cached, fresh);
    // And a build from the cache reports them too.
    let out = c.cmd(&["--format", "json", "build"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), fresh);
}

/// The sample clinic, built, with an about page that mentions someone who
/// is not a patient (yet): Jane Roebuck.
fn built_with_volunteer() -> Clinic {
    let c = Clinic::sample();
    let about = c.read("content/pages/about.md");
    c.write(
        "content/pages/about.md",
        &format!("{about}\n\nOur volunteer Jane Roebuck runs the front desk.\n"),
    );
    build(&c, &[]);
    c
}

#[test]
fn a_changed_plan_is_still_privacy_checked_against_a_reused_public_site() {
    let c = built_with_volunteer();
    // She becomes a patient (no story): the public site is unchanged and
    // reused, but now names a patient. The build must fail.
    set_line(
        &c,
        "content/plans/alexandra-nguyen.yaml",
        "name",
        "Jane Roebuck",
    );
    let before = c.tree("public");
    build_fails_with(&c, "HP0501", "alexandra-nguyen.yaml");
    assert_eq!(
        c.tree("public"),
        before,
        "public/ changed after a failed build"
    );
}

#[test]
fn a_new_day_rechecks_consent() {
    let c = Clinic::with_plan();
    // Consent that runs out on 2026-11-27, the day after the fixed date.
    let plan = c
        .read("content/plans/maria-lopez.yaml")
        .replace("expires_on: 2027-11-20", "expires_on: 2026-11-27");
    c.write("content/plans/maria-lopez.yaml", &plan);
    let story_pages = |c: &Clinic| {
        c.tree("public")
            .into_iter()
            .filter(|(p, _)| p.starts_with("stories/") && p.components().count() > 2)
            .count()
    };
    build(&c, &[]);
    assert_eq!(story_pages(&c), 1);
    // Two days later, with the cache from the first build.
    let out = c
        .cmd_on("2026-11-28", &["--format", "short", "build"])
        .output()
        .unwrap();
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(out.status.success(), "{all}");
    assert!(
        all.contains("HP0202"),
        "expired consent not reported: {all}"
    );
    assert_eq!(story_pages(&c), 0, "an expired story is still public");
}

#[test]
fn a_rerendered_public_site_is_scanned_for_changed_plans_in_unchanged_pages() {
    let c = built_with_volunteer();
    // A story changes (the public site is rendered again, the about page
    // comes out the same) and, in the same edit, a plan without a story
    // now names the volunteer.
    set_line(
        &c,
        "content/plans/maria-lopez.yaml",
        "quote",
        "I carried the groceries in one trip.",
    );
    set_line(
        &c,
        "content/plans/alexandra-nguyen.yaml",
        "name",
        "Jane Roebuck",
    );
    build_fails_with(&c, "HP0501", "alexandra-nguyen.yaml");
}

#[test]
fn a_date_no_longer_exempt_is_found_in_unchanged_pages() {
    let c = Clinic::with_plan();
    // 2026-11-25 is the day Ana agreed her goal (private), and the day of an
    // open house the clinic allows in site.yaml.
    c.write(
        "content/plans/ana-diaz.yaml",
        &common::PLAN
            .replace("Maria Lopez", "Ana Diaz")
            .replace("agreed_on: 2026-11-20", "agreed_on: 2026-11-25"),
    );
    c.write(
        "content/pages/news.md",
        "---\ntitle: News\n---\nOpen house on 2026-11-25.\n",
    );
    let site = c.read("site.yaml");
    c.write(
        "site.yaml",
        &format!("{site}privacy:\n  public_dates: [2026-11-25]\n"),
    );
    build(&c, &[]);
    // The allowance goes: the unchanged news page now shows Ana's visit
    // date, and the scan of the unchanged page must see it.
    c.write("site.yaml", &site);
    build_fails_with(&c, "HP0501", "ana-diaz.yaml");
}

#[test]
fn a_story_day_is_public_only_where_the_template_stamps_it() {
    let c = Clinic::with_plan();
    // 2026-11-25 is Mari's story's publication day and Ana's visit day.
    c.write(
        "content/plans/ana-diaz.yaml",
        &common::PLAN
            .replace("Maria Lopez", "Ana Diaz")
            .replace("agreed_on: 2026-11-20", "agreed_on: 2026-11-25"),
    );
    // The story page stamps its day in <time>: not a leak.
    build(&c, &[]);
    // The same day typed into a page that links to the story is Ana's.
    c.write(
        "content/pages/news.md",
        "---\ntitle: News\n---\n[Mari's story](/stories/back-to-hugging-her-granddaughter/), 2026-11-25.\n",
    );
    build_fails_with(&c, "HP0501", "ana-diaz.yaml");
}

/// A plan's clinician is one of the clinic's public names on every page,
/// even where it holds another patient's surname. The cached verdict must
/// not outlive that allowance (the clinician changes, or the plan goes),
/// and a rescan for one changed plan must allow what a fresh build allows.
#[test]
fn a_name_another_plan_allowed_is_rechecked_when_the_allowance_goes() {
    let c = Clinic::with_plan();
    let ana = common::PLAN.replace("Maria Lopez", "Ana Diaz").replace(
        "next_visit:",
        "clinician: { name: Sam Lopez, credentials: PT }\nnext_visit:",
    );
    c.write("content/plans/ana-diaz.yaml", &ana);
    c.write(
        "content/pages/team.md",
        "---\ntitle: Team\n---\nSam Lopez, PT, leads our shoulder classes.\n",
    );
    build(&c, &[]);
    // Maria's plan changes: the unchanged team page is rescanned for her
    // name, with Ana's clinician still public.
    set_line(
        &c,
        "content/plans/maria-lopez.yaml",
        "success",
        "You pick up your granddaughter again.",
    );
    build(&c, &[]);
    // Ana's clinician changes: "Sam Lopez" now names no one but Maria.
    c.write(
        "content/plans/ana-diaz.yaml",
        &ana.replace("Sam Lopez", "Sam Rivera"),
    );
    build_fails_with(&c, "HP0501", "maria-lopez.yaml");
    c.write("content/plans/ana-diaz.yaml", &ana);
    build(&c, &[]);
    // Ana's plan goes, and her clinician with it.
    std::fs::remove_file(c.path().join("content/plans/ana-diaz.yaml")).unwrap();
    build_fails_with(&c, "HP0501", "maria-lopez.yaml");
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    assert!(
        !out.status.success(),
        "check must fail too: {}",
        stderr(&out)
    );
}
