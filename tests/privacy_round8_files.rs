//! Privacy red team, round 8: what a careless static file, file type or
//! markup carries to the public site. Each hole found in this round is
//! driven through the real binary (a clean clinic builds, then the file is
//! added and the build must fail on the guard and leave `public/`
//! untouched), beside ordinary files of the same kind that must not be
//! refused.

mod common;
use common::probes::*;
use common::*;

/// Walter Kaminski, born 1950-06-30.
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"";

/// The clean clinic: one plan and a harmless page.
fn base(c: &Clinic) {
    c.write("content/plans/p1.yaml", &plan(WALTER, ""));
    c.write("content/pages/news.md", &page("Nothing new this week."));
}

const SECRETS: [&str; 2] = ["Kaminski", "1950"];

/// Each `(file, bytes)` put in turn into the clean clinic must fail the
/// build with `code` on the file it was published as (`static/` left
/// off), keep the previous output and never print a secret.
fn assert_refused(code: &str, probes: &[(&str, Vec<u8>)]) {
    let failures: Vec<String> = probes
        .iter()
        .filter_map(|(rel, bytes)| {
            let published = rel.trim_start_matches("static/");
            refusal(&base, rel, bytes, code, Some(published), &SECRETS)
                .map(|why| format!("{rel}: {why}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn b64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// bzip2 of "Patient: Walter Kaminski born 1950-06-30\n": nothing of the
/// text shows in its bytes.
const BZ2_NAME: &str = "QlpoOTFBWSZTWYb/drkAAAjfgAAQQAJrMAAIQIAyL5wAIAAxQADQMmQU0GoeFGh6aaVZz+sZGRAgpF1DHmKqLA8NL8XcI1KONi7kinChIQ3+7XI=";
/// bzip2 of "Opening hours: Monday to Friday\n".
const BZ2_HOURS: &str = "QlpoOTFBWSZTWZHXgKwAAARdgAAQQAAAEAECpuHeICAAMUwmmgNMQiBkMhgk+wl3ICQPK1ReyC0LDvJoch8XckU4UJCR14Cs";
/// A 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

fn html(body: &str) -> Vec<u8> {
    format!("<!doctype html><html><head><title>Files</title></head><body>{body}</body></html>")
        .into_bytes()
}

/// A PDF whose only text is "hello".
fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Length 12>>stream\nBT (hello) Tj ET\nendstream endobj\n%%EOF\n".to_vec()
}

// ---------------------------------------------------------------------------
// 1. A file inside a `data:` URI is the file it is
// ---------------------------------------------------------------------------

/// A `data:` URI in an attribute was opened as a file of its own and what
/// it could not read was dropped: a bzip2 holding a patient's name (or a
/// PDF, a woff2, bytes of no known kind) behind a link or an `<object>` was
/// published unread. In a stylesheet's `url(…)`, a script's string or a
/// text file, base64 of a bzip2, 7z, xz, zstd, rar, lz4 or woff2 was taken
/// for a key. Now each is refused as unreadable (HP0502), as the same file
/// in `static/` is.
#[test]
fn files_in_data_uris_that_cannot_be_read_are_refused() {
    let bz2 = format!("data:application/x-bzip2;base64,{BZ2_NAME}");
    let any = |mime: &str, bytes: &[u8]| format!("data:{mime};base64,{}", b64(bytes));
    let mut woff2 = b"wOF2\0\x01\0\0".to_vec();
    woff2.extend((0u8..=255).rev());
    let mut binary = vec![0u8, 1, 2, 3];
    binary.extend((0u8..=255).cycle().take(600));
    assert_refused(
        "HP0502",
        &[
            (
                "static/a.html",
                html(&format!("<a href=\"{bz2}\" download>notes</a>")),
            ),
            (
                "static/a.html",
                html(&format!("<object data=\"{bz2}\"></object>")),
            ),
            (
                "static/a.html",
                html(&format!("<a href=\"{}\">x</a>", any("text/plain", &pdf()))),
            ),
            (
                "static/a.html",
                html(&format!(
                    "<embed src=\"{}\">",
                    any("application/pdf", &pdf())
                )),
            ),
            (
                "static/a.html",
                html(&format!(
                    "<object data=\"{}\"></object>",
                    any("application/octet-stream", &binary)
                )),
            ),
            (
                "static/a.html",
                html(&format!(
                    "<iframe srcdoc=\"&lt;a href='{bz2}'&gt;x&lt;/a&gt;\"></iframe>"
                )),
            ),
            (
                "static/a.svg",
                format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"{bz2}\"/></svg>")
                    .into_bytes(),
            ),
            (
                "static/a.css",
                format!("body {{ background: url({bz2}) }}").into_bytes(),
            ),
            (
                "static/a.css",
                format!(
                    "@font-face {{ font-family: x; src: url({}) }}",
                    any("font/woff2", &woff2)
                )
                .into_bytes(),
            ),
            (
                "static/a.js",
                format!("var notes = \"{BZ2_NAME}\";").into_bytes(),
            ),
            ("static/a.txt", format!("backup: {BZ2_NAME}\n").into_bytes()),
        ],
    );
}

/// A photo that records where it was taken is refused (HP0504) inside a
/// `data:` URI as it is in `static/`: the position was dropped with the
/// rest of what the URI's own reading found.
#[test]
fn a_located_photo_in_a_data_uri_is_refused() {
    let jpeg = b64(&jpeg_with_gps(true));
    assert_refused(
        "HP0504",
        &[
            (
                "static/a.html",
                html(&format!(
                    "<img src=\"data:image/jpeg;base64,{jpeg}\" alt=\"\">"
                )),
            ),
            (
                "static/a.css",
                format!("body {{ background: url(data:image/jpeg;base64,{jpeg}) }}").into_bytes(),
            ),
        ],
    );
}

/// Every `data:` URI of a file was decompressed with a budget of its own
/// (16 MB each): a 50 KB page of small gzip bombs held gigabytes in memory
/// while it was read. All of a file's URIs now share the file's budget;
/// past it the file is refused as too large to read.
#[test]
fn data_uris_share_one_decompression_budget() {
    // Six URIs of 4 MB each once inflated: 24 MB, one file.
    let uri = format!(
        "data:application/gzip;base64,{}",
        b64(&gzip_of_spaces(4 << 20))
    );
    let body: String = (0..6)
        .map(|_| format!("<img src=\"{uri}\" alt=\"\">"))
        .collect();
    assert_refused("HP0502", &[("static/a.html", html(&body))]);
    // One of them alone is read, and names nobody.
    let one = format!("<img src=\"{uri}\" alt=\"\">");
    let setup = |c: &Clinic| {
        base(c);
        write_bytes(c, "static/a.html", &html(&one));
    };
    if let Some(why) = expect_clean(&setup, &["data:application/gzip"]) {
        panic!("{why}");
    }
}

/// A gzip file of `n` spaces, written by hand (the tests have no
/// compressor): one fixed-Huffman block of repeated matches, 4 MB in 26 KB.
fn gzip_of_spaces(n: usize) -> Vec<u8> {
    // Fixed-Huffman deflate: a literal ' ' then matches of length 258 at
    // distance 1, then literal spaces for the rest, then end of block.
    let mut bits = BitWriter::default();
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE = 01 (fixed)
    let literal = |bits: &mut BitWriter, byte: u8| {
        // Literals 0..=143: 8-bit codes 0x30 + byte, sent MSB first.
        bits.put_rev(0x30 + u32::from(byte), 8);
    };
    literal(&mut bits, b' ');
    let mut left = n - 1;
    while left >= 258 {
        // Length 258: code 285 (7 bits of 280..=287 are 8-bit: 0xC0 + 5).
        bits.put_rev(0xC0 + 5, 8);
        // Distance 1: code 0, five bits.
        bits.put_rev(0, 5);
        left -= 258;
    }
    for _ in 0..left {
        literal(&mut bits, b' ');
    }
    bits.put_rev(0, 7); // end of block (256): seven zero bits
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    out.extend(bits.finish());
    out.extend(crc32(&vec![b' '; n]).to_le_bytes());
    out.extend((n as u32).to_le_bytes());
    out
}

#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u32,
    n: u32,
}

impl BitWriter {
    /// `count` bits of `v`, least significant first.
    fn put(&mut self, v: u32, count: u32) {
        for i in 0..count {
            self.acc |= ((v >> i) & 1) << self.n;
            self.n += 1;
            if self.n == 8 {
                self.out.push(self.acc as u8);
                self.acc = 0;
                self.n = 0;
            }
        }
    }
    /// `count` bits of `v`, most significant first (Huffman codes).
    fn put_rev(&mut self, v: u32, count: u32) {
        for i in (0..count).rev() {
            self.put((v >> i) & 1, 1);
        }
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Ordinary `data:` URIs are not refused: a small PNG, an SVG in
/// text, a JPEG without a position, text, and a bzip2 that a person
/// checked and listed in `privacy.reviewed_files` (the way through).
#[test]
fn ordinary_data_uris_are_not_refused() {
    let jpeg = b64(&jpeg_with_gps(false));
    let page = html(&format!(
        "<img src=\"data:image/png;base64,{PNG}\" alt=\"\">\
         <img src=\"data:image/jpeg;base64,{jpeg}\" alt=\"\">\
         <img src=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Ccircle r='4'/%3E%3C/svg%3E\" alt=\"\">\
         <a href=\"data:text/plain;charset=utf-8,Opening%20hours\">hours</a>"
    ));
    let css = format!("body {{ background: url(data:image/png;base64,{PNG}) }}");
    let setup = |c: &Clinic| {
        base(c);
        write_bytes(c, "static/a.html", &page);
        write_bytes(c, "static/a.css", css.as_bytes());
    };
    if let Some(why) = expect_clean(&setup, &["data:image/png", "Opening%20hours"]) {
        panic!("{why}");
    }
    let reviewed = |c: &Clinic| {
        base(c);
        c.write(
            "site.yaml",
            &site("privacy:\n  reviewed_files:\n    - { pattern: \"hours.html\", reason: \"Opening hours archive, checked by Sam on 2026-11-01\" }\n"),
        );
        write_bytes(
            c,
            "static/hours.html",
            &html(&format!(
                "<a href=\"data:application/x-bzip2;base64,{BZ2_HOURS}\">hours</a>"
            )),
        );
    };
    if let Some(why) = expect_clean(&reviewed, &["x-bzip2"]) {
        panic!("{why}");
    }
}

// ---------------------------------------------------------------------------
// 2. A folder of the site that is itself a symbolic link
// ---------------------------------------------------------------------------

/// Links inside `static/` were left out, but `static/` itself (or a
/// theme's folder) as a link was followed: `ln -s handouts static` put
/// every handout on the website, and only the guard stood between it and
/// the public. Such a folder is now left out with a warning (HP0016),
/// as a link inside it is; a real `static/` is published as before.
#[cfg(unix)]
#[test]
fn a_static_folder_that_is_a_link_is_not_followed() {
    use std::os::unix::fs::symlink;
    let c = Clinic::new();
    base(&c);
    symlink(c.path().join("handouts"), c.path().join("static")).expect("link");
    for round in ["first", "second"] {
        // The second build finds the handouts the first one wrote.
        let out = build(&c, &["build"]);
        let err = stderr(&out);
        assert!(out.status.success(), "{round} build: {}", head(&err));
        // (The first finds a link to nothing yet: nothing to publish.)
        assert!(
            round == "first" || err.contains("static: warning[HP0016]"),
            "{round} build: the link is not reported: {}",
            head(&err)
        );
        let public = c.tree("public");
        assert!(
            !public
                .iter()
                .any(|(p, _)| p.starts_with("caseload") || p.ends_with("p1.html")),
            "{round} build published a handout"
        );
    }
    // A theme's folder linked from elsewhere: its files are left out too.
    let c = Clinic::new();
    base(&c);
    c.write("shared/static/notes.txt", "Opening hours: Monday to Friday");
    std::fs::create_dir_all(c.path().join("themes")).expect("themes/");
    symlink(c.path().join("shared"), c.path().join("themes/default")).expect("link");
    let out = build(&c, &["build"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{}", head(&err));
    assert!(
        err.contains("themes/default: warning[HP0016]"),
        "{}",
        head(&err)
    );
    assert!(
        !c.path().join("public/notes.txt").exists(),
        "the linked theme's file was published"
    );
    // A real static/ folder is published as it was.
    let setup = |c: &Clinic| {
        base(c);
        c.write("static/notes.txt", "Opening hours: Monday to Friday");
    };
    if let Some(why) = expect_clean(&setup, &["Opening hours"]) {
        panic!("{why}");
    }
}
