//! Request parsing: a request URL's path, percent-decoded and split into
//! segments that can never leave the site (no `.`, `..`, backslash or NUL).

use percent_encoding::percent_decode_str;

/// A decoded request path, split into safe segments.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Segments (never `.`, `..` or empty) and whether the path ended in `/`.
    Path(Vec<String>, bool),
    /// A path that tries to leave the site, or is not valid.
    Refused,
}

/// Decode and check the path of a request URL (query and fragment dropped).
pub fn parse_target(url: &str) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Target::Refused;
    }
    let Some(decoded) = percent_decode(path) else {
        return Target::Refused;
    };
    if decoded.contains(['\\', '\0']) {
        return Target::Refused;
    }
    let mut segs = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" => {}
            "." | ".." => return Target::Refused,
            s => segs.push(s.to_string()),
        }
    }
    Target::Path(segs, decoded.ends_with('/'))
}

/// Percent-decode a path; `None` when an escape is malformed (`%zz`, a
/// lone `%`), which `percent-encoding` would pass through as it is, or the
/// bytes are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let well_formed = b
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == b'%')
        .all(|(i, _)| {
            b.get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
        });
    if !well_formed {
        return None;
    }
    percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|d| d.into_owned())
}
