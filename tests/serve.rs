//! `heropath serve`, driven through the real binary on a free loopback
//! port, with a tiny HTTP client over `TcpStream`. Every wait has a
//! deadline, and the server is killed when a test ends (even on panic).

mod common;

use common::{Clinic, PLAN, STORY};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long anything may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(10);

/// A running `heropath serve`; killed on drop.
struct Server {
    child: Child,
    addr: String,
    log: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// `heropath serve --port 0` on loopback; returns once the first build is done.
    fn start(c: &Clinic, extra: &[&str]) -> Server {
        let server = Server::launch(c, extra);
        assert!(
            server.addr.starts_with("127.0.0.1:"),
            "loopback by default: {}",
            server.addr
        );
        server
    }

    fn launch(c: &Clinic, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_heropath"))
            .arg("--root")
            .arg(c.path())
            .args(["--today", "2026-11-26", "serve", "--port", "0"])
            .args(extra)
            .env("SOURCE_DATE_EPOCH", "1795651200")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start heropath serve");
        let err = child.stderr.take().expect("stderr");
        let (tx, log) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            addr: String::new(),
            log,
        };
        // The first build is done once the address is printed.
        let line = server.wait_for_line(|l| l.contains("serving http://"), Duration::from_secs(60));
        let host_port = line
            .split("serving http://")
            .nth(1)
            .and_then(|u| u.split('/').next())
            .expect("an address");
        server.addr = host_port.to_string();
        server
    }

    /// Wait for a line of the server's stderr that matches; panics at the deadline.
    fn wait_for_line(&self, want: impl Fn(&str) -> bool, within: Duration) -> String {
        let end = Instant::now() + within;
        let mut seen = Vec::new();
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.log.recv_timeout(left) {
                Ok(l) if want(&l) => return l,
                Ok(l) => seen.push(l),
                Err(_) => panic!(
                    "no such line from the server within {within:?}; it printed:\n{}",
                    seen.join("\n")
                ),
            }
        }
    }

    /// Every line of the server's stderr up to and including the first
    /// that matches; panics at the deadline.
    fn lines_until(&self, want: impl Fn(&str) -> bool, within: Duration) -> Vec<String> {
        let end = Instant::now() + within;
        let mut seen = Vec::new();
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.log.recv_timeout(left) {
                Ok(l) => {
                    let done = want(&l);
                    seen.push(l);
                    if done {
                        return seen;
                    }
                }
                Err(_) => panic!(
                    "no such line from the server within {within:?}; it printed:\n{}",
                    seen.join("\n")
                ),
            }
        }
    }

    fn get(&self, path: &str) -> Response {
        get(&self.addr, path)
    }

    /// Poll `path` until `ok` holds; panics at the deadline.
    fn poll(&self, path: &str, ok: impl Fn(&Response) -> bool) -> Response {
        let end = Instant::now() + DEADLINE;
        loop {
            let r = self.get(path);
            if ok(&r) {
                return r;
            }
            assert!(
                Instant::now() < end,
                "{path} never became as expected; last: {} {}",
                r.status,
                &r.body[..r.body.len().min(300)]
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// A minimal HTTP/1.1 GET (the server closes the connection after it).
fn get(addr: &str, path: &str) -> Response {
    get_as(addr, addr, path)
}

/// A GET with the given `Host` header.
fn get_as(addr: &str, host: &str, path: &str) -> Response {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Response {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// An open `/__heropath/events` stream.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    fn open(addr: &str) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect");
        write!(
            stream,
            "GET /__heropath/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut ev = Events {
            stream,
            seen: String::new(),
        };
        ev.wait_for("\r\n\r\n");
        assert!(ev.seen.contains("text/event-stream"), "{}", ev.seen);
        ev
    }

    /// Read until `needle` has arrived; panics at the deadline.
    fn wait_for(&mut self, needle: &str) -> String {
        let end = Instant::now() + DEADLINE;
        let mut buf = [0u8; 4096];
        while !self.seen.contains(needle) {
            assert!(
                Instant::now() < end,
                "no `{needle}` in the event stream; got:\n{}",
                self.seen
            );
            self.stream
                .set_read_timeout(Some(Duration::from_millis(200)))
                .unwrap();
            match self.stream.read(&mut buf) {
                Ok(0) => panic!("event stream closed; got:\n{}", self.seen),
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => panic!("event stream: {e}"),
            }
        }
        self.seen.clone()
    }
}

#[test]
fn serves_the_site_and_handouts_with_the_live_script_only_in_responses() {
    let c = Clinic::with_plan();
    let s = Server::start(&c, &[]);

    let home = s.get("/");
    assert_eq!(home.status, 200, "{}", home.head);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("Test Clinic"));
    assert!(
        home.body.contains("/__heropath/events"),
        "live reload script injected"
    );
    assert!(home.body.find("/__heropath/events").unwrap() < home.body.rfind("</body>").unwrap());

    let handout = s.get("/handouts/maria-lopez.html");
    assert_eq!(handout.status, 200);
    assert!(
        handout.body.contains("Mari"),
        "the handout uses the preferred name"
    );
    assert!(handout.body.contains("Calm the pain"));

    // Directory URLs, redirects, content types, misses.
    let story = s.get("/stories/");
    assert_eq!(story.status, 200);
    assert!(story.body.contains("Mari L."));
    let redirect = s.get("/stories");
    assert_eq!(redirect.status, 302);
    assert_eq!(redirect.header("Location"), Some("/stories/"));
    let css = s.get("/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
    assert!(
        !css.body.contains("__heropath"),
        "only HTML gets the script"
    );
    let miss = s.get("/no-such-page/");
    assert_eq!(miss.status, 404);
    assert!(miss.body.contains("<html"), "the theme's 404 page");
    assert_eq!(s.get("/handouts/nobody.html").status, 404);
    assert!(s.get("/handouts/").body.contains("maria-lopez.html"));

    // Path traversal is refused, however it is spelled.
    for bad in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/handouts/..%2f..%2fsite.yaml",
        "/a%5c..%5csite.yaml",
    ] {
        let r = s.get(bad);
        assert_eq!(r.status, 400, "{bad}");
        assert!(!r.body.contains("Test Clinic"), "{bad}");
    }

    // A page that points its own domain at this computer (DNS rebinding)
    // gets the public site, never a handout.
    let evil = format!("evil.example:{}", s.addr.rsplit(':').next().unwrap());
    assert_eq!(get_as(&s.addr, &evil, "/").status, 200);
    let refused = get_as(&s.addr, &evil, "/handouts/maria-lopez.html");
    assert_eq!(refused.status, 403);
    assert!(!refused.body.contains("Mari"));

    // Nothing was written into the clinic folder.
    assert!(!c.path().join("public").exists());
    assert!(!c.path().join("handouts").exists());
}

#[test]
fn a_plan_edit_shows_up_and_rebuilds_only_its_handout() {
    let c = Clinic::new();
    c.write("content/plans/maria-lopez.yaml", PLAN);
    c.write(
        "content/plans/ana-diaz.yaml",
        &PLAN.replace("Maria Lopez", "Ana Diaz"),
    );
    let s = Server::start(&c, &[]);
    let other = s.get("/handouts/ana-diaz.html");
    assert_eq!(other.status, 200);
    let mut events = Events::open(&s.addr);

    c.write(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace("Calm the pain", "Ease the ache"),
    );
    let r = s.poll("/handouts/maria-lopez.html", |r| {
        r.body.contains("Ease the ache")
    });
    assert!(!r.body.contains("Calm the pain"));
    // Only that plan was rebuilt: no story, so the public site was left alone.
    let line = s.wait_for_line(|l| l.contains("built plan maria-lopez"), DEADLINE);
    assert!(line.contains("public site unchanged"), "{line}");
    assert_eq!(s.get("/handouts/ana-diaz.html").body, other.body);
    events.wait_for("event: reload");

    // Giving the plan a story rebuilds the public pages too.
    c.write("content/plans/maria-lopez.yaml", &format!("{PLAN}{STORY}"));
    s.poll("/stories/", |r| r.body.contains("Mari L."));

    // Deleting a plan removes its handout.
    std::fs::remove_file(c.path().join("content/plans/ana-diaz.yaml")).unwrap();
    s.poll("/handouts/ana-diaz.html", |r| r.status == 404);
}

#[test]
fn a_broken_edit_keeps_the_last_good_pages_and_reports_over_sse() {
    let c = Clinic::with_plan();
    let s = Server::start(&c, &[]);
    let good = s.get("/handouts/maria-lopez.html");
    assert_eq!(good.status, 200);
    let mut events = Events::open(&s.addr);

    // Invalid YAML: a tab for indentation.
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!("{PLAN}{STORY}").replacen("  name: Maria Lopez", "\tname: Maria Lopez", 1),
    );
    let seen = events.wait_for("HP0001");
    assert!(seen.contains("event: build-error"), "{seen}");
    assert!(
        seen.contains("data: ") && seen.contains("maria-lopez.yaml"),
        "{seen}"
    );
    s.wait_for_line(
        |l| l.contains("still serving the last good version"),
        DEADLINE,
    );

    // The last good pages are still served.
    let still = s.get("/handouts/maria-lopez.html");
    assert_eq!(still.status, 200);
    assert_eq!(still.body, good.body);
    assert_eq!(s.get("/").status, 200);

    // A tab that connects now learns of the error at once.
    let mut late = Events::open(&s.addr);
    late.wait_for("event: build-error");

    // Fixing the file reloads the tabs with the new page.
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!("{PLAN}{STORY}").replace("Calm the pain", "Calm the ache"),
    );
    s.poll("/handouts/maria-lopez.html", |r| {
        r.body.contains("Calm the ache")
    });
    events.wait_for("event: reload");
}

#[test]
fn a_template_edit_rebuilds_everything() {
    let c = Clinic::with_plan();
    let s = Server::start(&c, &[]);
    c.write("templates/404.html", "<!doctype html><html lang=\"en\"><head><title>Lost</title></head><body><p>Nothing here, friend.</p></body></html>\n");
    let r = s.poll("/missing", |r| r.body.contains("Nothing here, friend."));
    assert_eq!(r.status, 404);
    assert!(r.body.contains("/__heropath/events"));
}

#[test]
fn listening_beyond_loopback_warns_about_handouts() {
    let c = Clinic::with_plan();
    // 0.0.0.0 is reached through 127.0.0.1, which the server prints.
    let s = Server::launch(&c, &["--bind", "0.0.0.0"]);
    let warning = s.wait_for_line(|l| l.starts_with("warning:"), DEADLINE);
    assert!(warning.contains("health information"), "{warning}");
    // This computer still gets its handouts.
    assert_eq!(s.get("/handouts/maria-lopez.html").status, 200);
}

/// Three plans; `serve --verbose` on them.
fn three_plans() -> (Clinic, Server) {
    let c = Clinic::new();
    c.write("content/plans/maria-lopez.yaml", PLAN);
    for name in ["Ana Diaz", "Lea Chen"] {
        let slug = name.to_lowercase().replace(' ', "-");
        c.write(
            &format!("content/plans/{slug}.yaml"),
            &PLAN.replace("Maria Lopez", name),
        );
    }
    let s = Server::start(&c, &["--verbose"]);
    (c, s)
}

/// The lines of one rebuild, up to its summary (`heropath: built …`).
fn one_rebuild(s: &Server) -> Vec<String> {
    s.lines_until(|l| l.starts_with("heropath: built "), DEADLINE)
}

#[test]
fn an_edit_to_one_plan_reloads_only_that_plan() {
    let (c, s) = three_plans();
    let before: Vec<Response> = ["ana-diaz", "lea-chen"]
        .iter()
        .map(|p| s.get(&format!("/handouts/{p}.html")))
        .collect();
    assert!(before.iter().all(|r| r.status == 200));

    c.write(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace(
            "Lift my granddaughter without pain",
            "Carry the groceries upstairs",
        ),
    );
    let log = one_rebuild(&s).join("\n");
    // Only the edited plan was read and checked again.
    assert!(log.contains("reloaded 1 plan(s) in "), "{log}");
    assert!(!log.contains("loaded and checked"), "{log}");
    assert!(log.contains("rendered 1 handout(s)"), "{log}");
    assert!(log.contains("handout(s) ready in"), "{log}");
    let r = s.get("/handouts/maria-lopez.html");
    assert!(
        r.body.contains("Carry the groceries upstairs"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("Lift my granddaughter without pain"));
    for (p, old) in ["ana-diaz", "lea-chen"].iter().zip(&before) {
        assert_eq!(s.get(&format!("/handouts/{p}.html")).body, old.body, "{p}");
    }

    // A new plan file is added the same way.
    c.write(
        "content/plans/bo-kim.yaml",
        &PLAN.replace("Maria Lopez", "Bo Kim"),
    );
    let log = one_rebuild(&s).join("\n");
    assert!(log.contains("reloaded 1 plan(s) in "), "{log}");
    assert_eq!(s.get("/handouts/bo-kim.html").status, 200);
    assert!(s.get("/handouts/").body.contains("bo-kim.html"));
}

#[test]
fn a_broken_plan_is_reported_and_its_fix_reloads_incrementally() {
    let (c, s) = three_plans();
    let good = s.get("/handouts/maria-lopez.html");
    assert_eq!(good.status, 200);
    let mut events = Events::open(&s.addr);

    // A tab for indentation: YAML that does not parse.
    c.write(
        "content/plans/maria-lopez.yaml",
        &PLAN.replacen("  name: Maria Lopez", "\tname: Maria Lopez", 1),
    );
    let seen = events.wait_for("HP0001");
    assert!(seen.contains("event: build-error"), "{seen}");
    assert!(seen.contains("maria-lopez.yaml"), "{seen}");
    let log = s
        .lines_until(
            |l| l.contains("still serving the last good version"),
            DEADLINE,
        )
        .join("\n");
    assert!(!log.contains("loaded and checked"), "{log}");
    assert_eq!(s.get("/handouts/maria-lopez.html").body, good.body);

    // An error the checks find (not the parser) is reported too.
    c.write(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace("use: pendulum", "use: pendulumm"),
    );
    let seen = events.wait_for("HP0006");
    assert!(seen.contains("did you mean `pendulum`?"), "{seen}");
    s.wait_for_line(
        |l| l.contains("still serving the last good version"),
        DEADLINE,
    );
    assert_eq!(s.get("/handouts/maria-lopez.html").body, good.body);

    // The fix is served, still without loading the whole clinic.
    c.write(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace("Calm the pain", "Calm the ache"),
    );
    let log = one_rebuild(&s).join("\n");
    assert!(log.contains("reloaded 1 plan(s)"), "{log}");
    assert!(!log.contains("loaded and checked"), "{log}");
    let r = s.get("/handouts/maria-lopez.html");
    assert!(r.body.contains("Calm the ache"), "{}", r.body);
    events.wait_for("event: reload");
}

#[test]
fn deleting_or_duplicating_a_plan_file_is_seen() {
    let (c, s) = three_plans();
    assert_eq!(s.get("/handouts/ana-diaz.html").status, 200);

    std::fs::remove_file(c.path().join("content/plans/ana-diaz.yaml")).unwrap();
    let log = one_rebuild(&s).join("\n");
    assert!(log.contains("reloaded 0 plan(s), removed 1 in "), "{log}");
    assert_eq!(s.get("/handouts/ana-diaz.html").status, 404);
    assert!(!s.get("/handouts/").body.contains("ana-diaz"));
    assert_eq!(s.get("/handouts/lea-chen.html").status, 200);

    // A second `lea-chen` in a subfolder is the duplicate a full build
    // reports, though the first file did not change. (The folder comes
    // first: a new folder rebuilds everything by itself.)
    std::fs::create_dir(c.path().join("content/plans/2027")).unwrap();
    one_rebuild(&s);
    let mut events = Events::open(&s.addr);
    c.write(
        "content/plans/2027/lea-chen.yaml",
        &PLAN.replace("Maria Lopez", "Lea Chen"),
    );
    events.wait_for("HP0012");
    let log = s
        .lines_until(
            |l| l.contains("still serving the last good version"),
            DEADLINE,
        )
        .join("\n");
    assert!(
        log.contains("more than one plan file is called `lea-chen`"),
        "{log}"
    );
    assert_eq!(s.get("/handouts/lea-chen.html").status, 200);
}

#[test]
fn a_plan_switching_to_a_language_not_yet_used_is_rendered_in_it() {
    let (c, s) = three_plans();
    let english = s.get("/handouts/maria-lopez.html");
    assert!(english.body.contains("<html lang=\"en\""));
    assert!(!english.body.contains("dos veces al día"));
    let other = s.get("/handouts/ana-diaz.html");

    // No plan asked for Spanish, so its strings were never prepared: the
    // reload falls back to loading everything.
    c.write(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace(
            "  preferred_name: Mari\n",
            "  preferred_name: Mari\n  language: es\n",
        ),
    );
    let log = one_rebuild(&s).join("\n");
    assert!(log.contains("loading everything"), "{log}");
    assert!(log.contains("loaded and checked"), "{log}");
    let r = s.get("/handouts/maria-lopez.html");
    assert!(r.body.contains("<html lang=\"es\""), "{}", r.body);
    assert!(r.body.contains("dos veces al día"), "{}", r.body);
    assert_eq!(
        s.get("/handouts/ana-diaz.html").body,
        other.body,
        "the other handouts stay as they were"
    );

    // Now that Spanish is prepared, the next Spanish edit is incremental
    // (though this plan now asks for it before maria-lopez does).
    c.write(
        "content/plans/ana-diaz.yaml",
        &PLAN.replace("Maria Lopez", "Ana Diaz").replace(
            "  preferred_name: Mari\n",
            "  preferred_name: Mari\n  language: es\n",
        ),
    );
    let log = one_rebuild(&s).join("\n");
    assert!(log.contains("reloaded 1 plan(s)"), "{log}");
    assert!(
        s.get("/handouts/ana-diaz.html")
            .body
            .contains("dos veces al día")
    );
}
