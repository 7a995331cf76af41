//! HTTP responses: the Content-Type of a served file, the preview's own
//! small pages, and the headers every response carries (never cached, no
//! type sniffing). HTML responses get the live-reload script.

use super::overlay::inject;

/// The Content-Type for a file name: `mime_guess`'s, except for the text
/// types, which the preview has always served as UTF-8 with these exact
/// headers (and `.md` as plain text, `.xml` as `application/xml`, an Atom
/// feed as such, `.woff` as `font/woff`).
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" if path.ends_with("atom.xml") => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "woff" => "font/woff",
        "" => "application/octet-stream",
        ext => mime_guess::from_ext(ext)
            .first_raw()
            .unwrap_or("application/octet-stream"),
    }
}

pub(super) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// Answer with `body`, typed after `path_for_type`.
pub(super) fn respond(rq: tiny_http::Request, status: u16, path_for_type: &str, body: &[u8]) {
    let ct = content_type(path_for_type);
    let body = if ct.starts_with("text/html") {
        inject(body)
    } else {
        body.to_vec()
    };
    let resp = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ct))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    let _ = rq.respond(resp);
}

/// Answer with a line of plain text.
pub(super) fn plain(rq: tiny_http::Request, status: u16, text: &str) {
    let resp = tiny_http::Response::from_string(text)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"));
    let _ = rq.respond(resp);
}

pub(super) fn redirect(rq: tiny_http::Request, to: &str) {
    let resp = tiny_http::Response::empty(302)
        .with_header(header("Location", to))
        .with_header(header("Cache-Control", "no-store"));
    let _ = rq.respond(resp);
}

/// One of the preview's own pages (build status, the list of handouts).
pub(super) fn page(title: &str, body_html: &str) -> Vec<u8> {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{t}</title></head>\n<body style=\"font:16px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em\">\n<h1>{t}</h1>\n{body_html}\n</body></html>\n",
        t = escape(title)
    )
    .into_bytes()
}
