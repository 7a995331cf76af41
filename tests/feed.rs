//! The Atom feed carries the newest stories, as many as site.yaml's
//! `feed_limit` says (default 20, `0` for all); the stories page and the
//! sitemap still list every story.

mod common;
use common::probes::{plan, site, story};
use common::*;

const GIVEN: [&str; 24] = [
    "Anna", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
    "Kemal", "Lena", "Marco", "Nadia", "Oskar", "Paula", "Quentin", "Rosa", "Stefan", "Tomas",
    "Ulla", "Viktor", "Wanda", "Xaver",
];

/// A clinic with `n` consented stories, story `i` published on day `i + 1`
/// of March 2026 (so the last is the newest), and `extra` in site.yaml.
fn clinic(n: usize, extra: &str) -> Clinic {
    let c = Clinic::new();
    c.write("site.yaml", &site(extra));
    for (i, given) in GIVEN.iter().take(n).enumerate() {
        let block = story(&format!("{given} Q."), "I can walk to the shop again.", "")
            .replace(
                "Back to hugging her granddaughter",
                &format!("Story number {}", i + 1),
            )
            .replace(
                "published_on: 2026-11-25",
                &format!("published_on: 2026-03-{:02}", i + 1),
            );
        c.write(
            &format!("content/plans/{}-quill.yaml", given.to_lowercase()),
            &plan(&format!("name: {given} Quillfeather"), &block),
        );
    }
    c
}

/// The entries of the built feed: their titles, in order.
fn entries(c: &Clinic) -> Vec<String> {
    let atom = c.read("public/atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("the feed is XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "entry")
        .map(|e| {
            e.children()
                .find(|n| n.tag_name().name() == "title")
                .and_then(|t| t.text())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

fn build(c: &Clinic) {
    let out = c.cmd(&["build"]).output().expect("run heropath");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_feed_carries_the_newest_stories_up_to_feed_limit() {
    let c = clinic(5, "feed_limit: 2\n");
    build(&c);
    assert_eq!(entries(&c), ["Story number 5", "Story number 4"]);
    // The feed's date is its newest entry's.
    let atom = c.read("public/atom.xml");
    let updated = atom.split("<updated>").nth(1).unwrap_or_default();
    assert!(updated.starts_with("2026-03-05"), "{atom}");
    // Every story still has its page, a card and a sitemap entry.
    let index = c.read("public/stories/index.html");
    let sitemap = c.read("public/sitemap.xml");
    for i in 1..=5 {
        assert!(index.contains(&format!("Story number {i}")), "card {i}");
        assert!(
            sitemap.contains(&format!("/stories/story-number-{i}/")),
            "sitemap {i}"
        );
    }
}

#[test]
fn feed_limit_zero_carries_every_story_and_the_default_is_twenty() {
    let c = clinic(5, "feed_limit: 0\n");
    build(&c);
    assert_eq!(entries(&c).len(), 5);

    let c = clinic(GIVEN.len(), "");
    build(&c);
    let got = entries(&c);
    assert_eq!(got.len(), 20, "{got:?}");
    assert_eq!(got.first().map(String::as_str), Some("Story number 24"));
    assert_eq!(got.last().map(String::as_str), Some("Story number 5"));
}

#[test]
fn a_feed_limit_that_is_no_number_is_an_error_at_its_line() {
    let c = clinic(1, "feed_limit: lots\n");
    let out = c.cmd(&["check"]).output().expect("run heropath");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let line = SITE.lines().count() + 1;
    assert!(
        stderr(&out).contains(&format!("site.yaml:{line}:")),
        "{}",
        stderr(&out)
    );
}
