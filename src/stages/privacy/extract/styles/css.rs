//! The little of CSS syntax the guard reads: comments, blocks, selector
//! lists, a selector's last compound, and the declarations that change
//! what text shows (see [`super::Styles`]).

use std::borrow::Cow;

use super::Piece;

/// The pseudo-element a selector ends with.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Pseudo {
    None,
    Before,
    After,
    Other,
}

/// A compound selector's element name, classes, ids and attribute
/// selectors.
pub(super) type Compound = (Option<String>, Vec<String>, Vec<String>, Vec<AttrSel>);

/// An attribute selector: `[name]`, or `[name op "value" i]`.
#[derive(Clone, Debug, Hash, PartialEq)]
pub(super) struct AttrSel {
    /// The attribute's name, in lower case.
    pub(super) name: String,
    /// The operator (`=`, `~`, `|`, `^`, `$`, `*`), the value, and whether
    /// it compares without case (`i`); `None` for presence, or where the
    /// value is written in a way not read here (an escape): then any value
    /// matches, which only adds readings.
    pub(super) test: Option<(u8, String, bool)>,
}

impl AttrSel {
    /// Does an attribute whose value is `v` match?
    pub(super) fn matches(&self, v: &str) -> bool {
        let Some((op, want, ci)) = &self.test else {
            return true;
        };
        let (v, want): (Cow<str>, Cow<str>) = if *ci {
            (v.to_lowercase().into(), want.to_lowercase().into())
        } else {
            (v.into(), want.as_str().into())
        };
        let (v, want) = (v.as_ref(), want.as_ref());
        match op {
            b'=' => v == want,
            b'~' => v.split_ascii_whitespace().any(|w| w == want),
            b'|' => v
                .strip_prefix(want)
                .is_some_and(|r| r.is_empty() || r.starts_with('-')),
            b'^' => !want.is_empty() && v.starts_with(want),
            b'$' => !want.is_empty() && v.ends_with(want),
            b'*' => !want.is_empty() && v.contains(want),
            _ => true,
        }
    }
}

/// The last compound of a selector, and the pseudo-element it ends with
/// (`None` for a pseudo-element that shows no `content`).
pub(super) fn last_compound(sel: &str) -> (Option<Compound>, Pseudo) {
    let b = sel.as_bytes();
    // Start of the last compound: after the last combinator outside
    // brackets and parentheses.
    let (mut level, mut start) = (0i32, 0);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'[' | b'(' => level += 1,
            b']' | b')' => level -= 1,
            b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'+' | b'~'
                if level == 0 && (i == 0 || b[i - 1] != b'\\') =>
            {
                start = i + 1;
            }
            _ => {}
        }
    }
    let comp = sel.get(start..).unwrap_or("");
    let mut c: Compound = (None, Vec::new(), Vec::new(), Vec::new());
    let mut pseudo = Pseudo::None;
    let mut pos = 0;
    while let Some(ch) = comp.get(pos..).and_then(|r| r.chars().next()) {
        pos = match ch {
            '.' | '#' => {
                let (id, end) = ident(comp, pos + 1);
                if ch == '.' {
                    c.1.push(id)
                } else {
                    c.2.push(id)
                }
                end
            }
            '[' => {
                let end = comp[pos..].find(']').map_or(comp.len(), |e| pos + e + 1);
                let sel = attr_sel(comp.get(pos + 1..end).unwrap_or(""));
                if !sel.name.is_empty() {
                    c.3.push(sel);
                }
                end
            }
            ':' => {
                let from = if comp[pos..].starts_with("::") {
                    pos + 2
                } else {
                    pos + 1
                };
                let (name, end) = ident(comp, from);
                match name.to_ascii_lowercase().as_str() {
                    "before" | "marker" => pseudo = Pseudo::Before,
                    "after" => pseudo = Pseudo::After,
                    "first-letter"
                    | "first-line"
                    | "placeholder"
                    | "selection"
                    | "backdrop"
                    | "file-selector-button" => return (None, Pseudo::Other),
                    _ => {}
                }
                skip_argument(comp, end)
            }
            ch if ch.is_alphabetic() || ch == '-' || ch == '_' => {
                let (name, end) = ident(comp, pos);
                c.0 = Some(name.to_ascii_lowercase());
                end
            }
            ch => pos + ch.len_utf8(),
        }
        .max(pos + 1);
        while !comp.is_char_boundary(pos.min(comp.len())) {
            pos += 1;
        }
    }
    (Some(c), pseudo)
}

/// An identifier of `comp` from `from` (escapes read), and where it ends.
fn ident(comp: &str, from: usize) -> (String, usize) {
    let mut out = String::new();
    let mut esc = false;
    let Some(rest) = comp.get(from..) else {
        return (out, comp.len());
    };
    for (i, c) in rest.char_indices() {
        if esc {
            out.push(c);
            esc = false;
        } else if c == '\\' {
            esc = true;
        } else if c.is_alphanumeric() || c == '-' || c == '_' || !c.is_ascii() {
            out.push(c);
        } else {
            return (out, from + i);
        }
    }
    (out, comp.len())
}

/// An attribute selector from its inside (`data-x="1"`, `href^='http' i`).
fn attr_sel(inner: &str) -> AttrSel {
    let inner = inner.trim_end_matches(']');
    let (head, rest) = match inner.find('=') {
        Some(eq) => (&inner[..eq], Some(&inner[eq + 1..])),
        None => (inner, None),
    };
    let (head, op) = match head.trim_end().as_bytes().last() {
        Some(&o @ (b'~' | b'|' | b'^' | b'$' | b'*')) if rest.is_some() => {
            (&head.trim_end()[..head.trim_end().len() - 1], o)
        }
        _ => (head, b'='),
    };
    let name: String = head
        .trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == ':')
        .collect();
    let test = rest
        .and_then(|r| attr_value(r.trim()))
        .map(|(v, ci)| (op, v, ci));
    AttrSel {
        name: name.to_ascii_lowercase(),
        test,
    }
}

/// The value of an attribute selector (quoted or a bare word) and its `i`
/// flag; `None` when it holds an escape or is not closed.
fn attr_value(r: &str) -> Option<(String, bool)> {
    let (value, after) = match r.as_bytes().first()? {
        q @ (b'"' | b'\'') => {
            let end = r[1..].find(*q as char)? + 1;
            (&r[1..end], &r[end + 1..])
        }
        _ => {
            let end = r.find(char::is_whitespace).unwrap_or(r.len());
            (&r[..end], &r[end..])
        }
    };
    if value.contains('\\') {
        return None;
    }
    let flag = after.trim();
    let ci = flag.eq_ignore_ascii_case("i");
    (ci || flag.is_empty() || flag.eq_ignore_ascii_case("s")).then(|| (value.to_string(), ci))
}

/// Past a pseudo-class's argument (`:not(.x)`, `:nth-child(2)`) when one
/// starts at `at`.
fn skip_argument(comp: &str, at: usize) -> usize {
    if !comp.get(at..).is_some_and(|r| r.starts_with('(')) {
        return at;
    }
    let mut level = 0;
    for (i, ch) in comp[at..].char_indices() {
        match ch {
            '(' => level += 1,
            ')' => {
                level -= 1;
                if level == 0 {
                    return at + i + 1;
                }
            }
            _ => {}
        }
    }
    comp.len()
}

/// A declaration that changes what text shows.
#[derive(Clone, Debug, Hash, PartialEq)]
pub(super) enum Decl {
    Hide,
    Override,
    Rtl,
    Reverse,
    Flex,
    Order(i32),
    Content(Vec<Piece>),
}

/// The declarations of a block (or a `style` attribute) that change what
/// text shows.
pub(super) fn declarations(body: &str) -> Vec<Decl> {
    let mut out = Vec::new();
    for d in split_top(body, b';') {
        let Some((prop, value)) = d.split_once(':') else {
            continue;
        };
        let prop = prop.trim().to_ascii_lowercase();
        let raw = value.trim();
        let raw = raw
            .strip_suffix("!important")
            .map_or(raw, str::trim_end)
            .trim();
        let v = raw.to_ascii_lowercase();
        let v = v.as_str();
        let number = leading_number(v);
        let zero = number == Some(0.0);
        let far_off = number.is_some_and(|n| n <= -500.0);
        let d = match prop.as_str() {
            "display" if v == "none" => Decl::Hide,
            "display" if v.contains("flex") || v.contains("grid") => Decl::Flex,
            "visibility" if v == "hidden" || v == "collapse" => Decl::Hide,
            "content-visibility" if v == "hidden" => Decl::Hide,
            "font-size" | "opacity" | "width" | "height" | "max-width" | "max-height" if zero => {
                Decl::Hide
            }
            "color" if v == "transparent" => Decl::Hide,
            "transform" if v.replace(' ', "").contains("scale(0)") => Decl::Hide,
            "text-indent" | "left" | "top" | "margin-left" | "margin-top" if far_off => Decl::Hide,
            "clip" | "clip-path" if v.contains("rect(0") || v.contains("inset(50%") => Decl::Hide,
            "unicode-bidi" if v.contains("override") => Decl::Override,
            "direction" if v == "rtl" => Decl::Rtl,
            "flex-direction" | "flex-flow" if v.contains("-reverse") => Decl::Reverse,
            "order" => match v.parse::<i32>() {
                Ok(n) => Decl::Order(n),
                Err(_) => continue,
            },
            "content" => match content_pieces(raw) {
                Some(p) => Decl::Content(p),
                None => continue,
            },
            _ => continue,
        };
        out.push(d);
    }
    out
}

/// The number a value starts with (`0`, `-0.0em`, `-9999px`).
fn leading_number(v: &str) -> Option<f64> {
    let end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(v.len());
    v[..end].parse().ok()
}

/// The strings and `attr()`s of a `content` value, when it shows a letter
/// or digit.
fn content_pieces(v: &str) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut rest = v;
    while let Some(c) = rest.chars().next() {
        if c == '"' || c == '\'' {
            let mut s = String::new();
            let mut it = rest[1..].char_indices();
            let mut end = rest.len();
            while let Some((i, ch)) = it.next() {
                if ch == c {
                    end = 1 + i + 1;
                    break;
                }
                if ch == '\\' {
                    // `\2014 ` or `\"`: a hex code point, or the character.
                    let hex: String = rest[1 + i + 1..]
                        .chars()
                        .take_while(char::is_ascii_hexdigit)
                        .take(6)
                        .collect();
                    if hex.is_empty() {
                        if let Some((_, e)) = it.next() {
                            s.push(e);
                        }
                    } else {
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            s.push(ch);
                        }
                        for _ in 0..hex.len() {
                            it.next();
                        }
                        if rest[1 + i + 1 + hex.len()..].starts_with(' ') {
                            it.next();
                        }
                    }
                    continue;
                }
                s.push(ch);
            }
            out.push(Piece::Text(s));
            rest = rest.get(end..).unwrap_or("");
        } else if rest
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("attr("))
        {
            let end = rest.find(')').unwrap_or(rest.len());
            let name = rest[5..end].split_whitespace().next().unwrap_or("");
            out.push(Piece::Attr(name.to_ascii_lowercase()));
            rest = rest.get(end + 1..).unwrap_or("");
        } else {
            rest = &rest[c.len_utf8()..];
        }
    }
    let shows = out.iter().any(|p| match p {
        Piece::Text(t) => t.chars().any(char::is_alphanumeric),
        Piece::Attr(_) => true,
    });
    shows.then_some(out)
}

/// `css` without its comments (a comment may hold a brace).
pub(super) fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        out.push(' ');
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |e| &rest[i + 2 + e + 2..]);
    }
    out.push_str(rest);
    out
}

/// The bytes of `s` from `from` on that stand outside quoted strings,
/// with their index: the one quote-aware scan of the scanners below (a
/// quote and what it holds, escapes included, are skipped).
fn unquoted(s: &str, from: usize) -> impl Iterator<Item = (usize, u8)> + '_ {
    let b = s.as_bytes();
    let (mut quote, mut i) = (None::<u8>, from);
    std::iter::from_fn(move || {
        while i < b.len() {
            let (at, c) = (i, b[i]);
            i += 1;
            match (quote, c) {
                (Some(_), b'\\') => i += 1,
                (Some(q), x) if x == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(c),
                (None, _) => return Some((at, c)),
            }
        }
        None
    })
}

/// The first `c` in `s` outside quotes.
pub(super) fn find_outside_quotes(s: &str, c: u8) -> Option<usize> {
    unquoted(s, 0).find(|&(_, x)| x == c).map(|(i, _)| i)
}

/// The index of the `}` closing a block whose body starts at `from` (the
/// end of `s` if none).
pub(super) fn matching_close(s: &str, from: usize) -> usize {
    let mut level = 1;
    for (i, c) in unquoted(s, from) {
        match c {
            b'{' => level += 1,
            b'}' => {
                level -= 1;
                if level == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// `s` split at `sep` outside quotes, parentheses and brackets.
pub(super) fn split_top(s: &str, sep: u8) -> Vec<&str> {
    let (mut out, mut from, mut level) = (Vec::new(), 0, 0i32);
    for (i, c) in unquoted(s, 0) {
        match c {
            b'(' | b'[' | b'{' => level += 1,
            b')' | b']' | b'}' => level -= 1,
            x if x == sep && level <= 0 => {
                out.push(&s[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(s.get(from..).unwrap_or(""));
    out
}

/// The CSS of every `<style>` element of a page, read before the page so
/// that a rule applies to elements above it too.
pub(in super::super) fn style_elements(page: &str) -> Option<String> {
    let b = page.as_bytes();
    let mut out = String::new();
    let mut from = 0;
    while let Some(i) = find_ci(b, b"<style", from) {
        let Some(gt) = memchr::memchr(b'>', &b[i..]).map(|g| i + g + 1) else {
            break;
        };
        let end = find_ci(b, b"</style", gt).unwrap_or(b.len());
        if let Some(css) = page.get(gt..end) {
            out.push_str(css);
            out.push('\n');
        }
        from = end;
    }
    (!out.is_empty()).then_some(out)
}

/// The first `needle` (ASCII, lower case) in `hay` from `from`, in any case.
pub(in super::super) fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = needle.first()?;
    let mut at = from;
    while let Some(i) = memchr::memchr(*first, hay.get(at..)?) {
        let i = at + i;
        if hay
            .get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(i);
        }
        at = i + 1;
    }
    None
}
