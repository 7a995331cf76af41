//! HTTP routing: which file of the last good build answers a request. The
//! public site is served to anyone who can reach the port; handouts and
//! build errors (which quote plan files) only to this computer.

use super::EVENTS_PATH;
use super::events::{PRIVATE_ERROR, events};
use super::request::{Target, parse_target};
use super::response::{escape, page, plain, redirect, respond};
use super::state::{Shared, Snapshot};
use std::net::IpAddr;
use std::sync::Arc;

/// Answer one request.
pub(super) fn handle(rq: tiny_http::Request, shared: &Arc<Shared>) {
    use tiny_http::Method;
    if !matches!(rq.method(), Method::Get | Method::Head) {
        return plain(rq, 405, "Only GET and HEAD are supported.\n");
    }
    let url = rq.url().to_string();
    let (segs, slash) = match parse_target(&url) {
        Target::Path(s, slash) => (s, slash),
        Target::Refused => return plain(rq, 400, "Bad request: that path is not allowed.\n"),
    };
    // Handouts and build errors (which quote plan files) are private.
    let private_ok = private_ok(&rq, shared.loopback_bind);
    if segs.len() == 2 && url.split('?').next() == Some(EVENTS_PATH) {
        return events(rq, shared, private_ok);
    }
    let snap = shared.snapshot();
    if !snap.built {
        return not_built(rq, shared, private_ok);
    }
    let query = url
        .split_once('?')
        .map(|(_, q)| format!("?{q}"))
        .unwrap_or_default();
    let raw_path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    let to_folder = format!("{raw_path}/{query}");

    if segs.first().map(String::as_str) == Some("handouts") {
        if !private_ok {
            return plain(
                rq,
                403,
                "Handouts hold health information: they are shown only on the computer running heropath.\n",
            );
        }
        return handout(rq, &snap, &segs, slash, &to_folder);
    }
    public(rq, &snap, &segs, slash, &to_folder)
}

/// Before the first good build: the errors (to this computer) or a wait.
fn not_built(rq: tiny_http::Request, shared: &Shared, private_ok: bool) {
    let msg = match shared.current_error() {
        None => "The site is being built.".to_string(),
        Some(e) if private_ok => e.to_string(),
        Some(_) => PRIVATE_ERROR.to_string(),
    };
    let body = page(
        "heropath could not build the site yet",
        &format!(
            "<p>Fix the problems below and save: this page reloads by itself.</p>\n<pre style=\"white-space:pre-wrap\">{}</pre>",
            escape(&msg)
        ),
    );
    respond(rq, 503, "status.html", &body)
}

/// `/handouts/` (the list) and `/handouts/<slug>`; `to_folder` is the
/// request's path with a `/` added, for the redirect.
fn handout(rq: tiny_http::Request, snap: &Snapshot, segs: &[String], slash: bool, to_folder: &str) {
    match segs.len() {
        1 if !slash => redirect(rq, to_folder),
        1 => {
            let items: String = snap
                .handouts
                .keys()
                .map(|f| {
                    format!(
                        "<li><a href=\"{0}\">{1}</a></li>\n",
                        escape(f),
                        escape(f.trim_end_matches(".html"))
                    )
                })
                .collect();
            let body = if items.is_empty() {
                "<p>No handouts yet: add a plan to content/plans/.</p>".to_string()
            } else {
                format!("<ul>\n{items}</ul>")
            };
            respond(rq, 200, "index.html", &page("Handouts (private)", &body))
        }
        2 => {
            let name = &segs[1];
            let file = if name.contains('.') {
                name.clone()
            } else {
                format!("{name}.html")
            };
            match snap.handouts.get(&file) {
                Some(b) => respond(rq, 200, &file, b),
                None => not_found(rq, snap),
            }
        }
        _ => not_found(rq, snap),
    }
}

/// A public file; a folder's `index.html`, redirecting to the folder when
/// the `/` is missing.
fn public(rq: tiny_http::Request, snap: &Snapshot, segs: &[String], slash: bool, to_folder: &str) {
    let key = segs.join("/");
    let file = if slash || key.is_empty() {
        if key.is_empty() {
            "index.html".to_string()
        } else {
            format!("{key}/index.html")
        }
    } else {
        key.clone()
    };
    if let Some(b) = snap.public.get(&file) {
        return respond(rq, 200, &file, b);
    }
    if !slash && snap.public.contains_key(&format!("{key}/index.html")) {
        return redirect(rq, to_folder);
    }
    not_found(rq, snap)
}

fn not_found(rq: tiny_http::Request, snap: &Snapshot) {
    match snap.public.get("404.html") {
        Some(b) => respond(rq, 404, "404.html", b),
        None => plain(rq, 404, "Not found.\n"),
    }
}

/// May this request see private things (handouts, build errors)? Only from
/// this computer, and only when addressed by an IP address or `localhost`:
/// a web page that points its own domain at 127.0.0.1 (DNS rebinding) is
/// refused.
fn private_ok(rq: &tiny_http::Request, loopback_bind: bool) -> bool {
    let local = loopback_bind
        || rq
            .remote_addr()
            .is_some_and(|a| a.ip().to_canonical().is_loopback());
    let host = rq
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    local && host.as_deref().is_some_and(trusted_host)
}

/// Is a `Host` header an IP address or `localhost` (with any port)?
pub fn trusted_host(host: &str) -> bool {
    let host = host.trim();
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(h, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                host
            }
        })
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok()
}
