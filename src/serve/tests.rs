//! Unit tests of the preview's pure parts: request paths, what a change
//! makes stale, the injected script, the event wire form, content types
//! and trusted hosts.

use super::events::event_text;
use super::state::Event;
use super::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

#[test]
fn refuses_traversal() {
    assert_eq!(
        parse_target("/about/"),
        Target::Path(vec!["about".into()], true)
    );
    assert_eq!(
        parse_target("/a%20b.css?x=1"),
        Target::Path(vec!["a b.css".into()], false)
    );
    for bad in [
        "/../etc/passwd",
        "/%2e%2e/x",
        "/a/..%2fb",
        "/a%5c..%5cb",
        "/x%00",
        "relative",
        "/%zz",
    ] {
        assert_eq!(parse_target(bad), Target::Refused, "{bad}");
    }
}

#[test]
fn classifies_changes() {
    let root = Path::new("/clinic");
    let mut d = Dirty::default();
    classify(
        root,
        &root.join("content/plans/maria-lopez.yaml"),
        false,
        &mut d,
    );
    classify(
        root,
        &root.join("content/plans/.maria-lopez.yaml.swp"),
        false,
        &mut d,
    );
    classify(
        root,
        &root.join("content/plans/maria-lopez.yaml~"),
        false,
        &mut d,
    );
    classify(root, &root.join("public/index.html"), false, &mut d);
    classify(root, &root.join("content/plans/sedAb12Cd"), false, &mut d);
    assert_eq!(
        d,
        Dirty {
            plans: BTreeSet::from(["maria-lopez".to_string()]),
            ..Dirty::default()
        }
    );
    let mut d = Dirty::default();
    classify(root, &root.join("content/pages/about.md"), false, &mut d);
    assert!(d.public && !d.full && !d.all_handouts);
    let mut d = Dirty::default();
    classify(
        root,
        &root.join("content/exercises/images/a.svg"),
        false,
        &mut d,
    );
    assert!(d.all_handouts && !d.public);
    for p in [
        "site.yaml",
        "templates/base.html",
        "themes/default/static/style.css",
        "static/logo.svg",
    ] {
        let mut d = Dirty::default();
        classify(root, &root.join(p), false, &mut d);
        assert!(d.full, "{p}");
    }
}

#[test]
fn injects_before_body_end_and_events_are_line_safe() {
    let out = String::from_utf8(inject(b"<html><BODY>x</BODY></html>")).unwrap();
    assert!(out.find("<script>").unwrap() < out.find("</BODY>").unwrap());
    let ev = event_text(&Event::Error(Arc::from("a\nb\r\n<c>")));
    assert_eq!(ev, "event: build-error\ndata: a\ndata: b\ndata: <c>\n\n");
    assert_eq!(content_type("x/index.html"), "text/html; charset=utf-8");
    assert_eq!(content_type("a.svg"), "image/svg+xml");
    for ok in [
        "127.0.0.1:1111",
        "localhost:8080",
        "[::1]:1111",
        "LOCALHOST",
        "192.168.1.5:1111",
    ] {
        assert!(trusted_host(ok), "{ok}");
    }
    for bad in [
        "evil.example:1111",
        "evil.example",
        "127.0.0.1.evil.example:1111",
        "",
    ] {
        assert!(!trusted_host(bad), "{bad}");
    }
}
