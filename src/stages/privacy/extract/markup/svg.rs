//! SVG text as it is laid out, where that is not the order it is written
//! in: letters placed one by one (`<text x="30 10 20">`, a `<tspan x>` or a
//! `<text>` per letter, `dx` that steps back, `<use>` of an element that
//! holds a letter, `<textPath startOffset>`). The pieces (text chunks, as
//! SVG calls a run that starts at a position of its own) are sorted by line
//! and then from left to right, and read as one segment.
//!
//! Letters drawn as shapes (glyph outlines, as PDF converters write them,
//! placed by `<use>` one by one) have no text to read: such a file is
//! reported unreadable, for a person to check.
//!
//! Not here: the document order reading of the same text ([`super`]).

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::super::styles::find_ci;
use super::{MARK, Segment, Strength, push};

mod geometry;
use geometry::{Affine, numbers};

/// What a reader who sees letters drawn one by one is told.
pub(in super::super) const GLYPHS: &str =
    "an SVG draws letters as shapes placed one by one (glyph outlines), which cannot be read";

/// Adds the laid-out reading of the SVG text in `s`, when it has any
/// positioned pieces; returns whether letters are drawn as shapes.
pub(super) fn layout_into(s: &str, segs: &mut Vec<Segment>) -> bool {
    let b = s.as_bytes();
    if find_ci(b, b"<text", 0).is_none() && find_ci(b, b"<use", 0).is_none() {
        return false;
    }
    let sink = Sink(RefCell::new(Layout::default()));
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let q = BufferQueue::default();
    q.push_back(StrTendril::from_slice(s));
    let _ = tok.feed(&q);
    tok.end();
    let l = std::mem::take(&mut *tok.sink.0.borrow_mut());
    l.finish(segs)
}

/// An open element.
struct Frame {
    name: String,
    ctm: Affine,
    /// Position lists (`x`, `y`, `dx`, `dy`) of a text element, and how
    /// many characters inside it were placed.
    lists: Option<([Vec<f64>; 4], usize)>,
    font: f64,
    /// Not drawn where it stands (`<defs>`, `<symbol>`...).
    defs: bool,
    /// Its `id`, and where its text starts in `all`.
    id: Option<(String, usize)>,
}

/// A run of text from a position of its own.
struct Chunk {
    x: f64,
    y: f64,
    /// Where the run ends, as far as it can be told (letters are about
    /// 0.6 em wide).
    end: f64,
    font: f64,
    text: String,
    line: u32,
}

#[derive(Default)]
struct Layout {
    frames: Vec<Frame>,
    /// All character data, for the text of elements `<use>` shows.
    all: String,
    ids: HashMap<String, String>,
    chunks: Vec<Chunk>,
    /// `<use>`s drawn: the id shown, where, and the line.
    uses: Vec<(String, f64, f64, u32)>,
    /// The pen inside a `<text>`, in its user space.
    pen: (f64, f64),
    /// The chunk being written, if any.
    cur: Option<usize>,
    paths: Vec<String>,
    line: u32,
}

struct Sink(RefCell<Layout>);

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let mut l = self.0.borrow_mut();
        l.line = u32::try_from(line).unwrap_or(u32::MAX);
        match token {
            Token::TagToken(tag) => l.tag(&tag),
            Token::CharacterTokens(t) => l.chars(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

fn is_text(name: &str) -> bool {
    matches!(name, "text" | "tspan" | "textpath")
}

impl Layout {
    fn tag(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if tag.kind == TagKind::EndTag {
            if let Some(at) = self.frames.iter().rposition(|f| f.name == name) {
                while self.frames.len() > at {
                    self.pop();
                }
            }
            return;
        }
        let parent = self.frames.last();
        let mut ctm = parent.map_or(Affine::ID, |f| f.ctm);
        if let Some(t) = attr(tag, "transform") {
            ctm = ctm.then(&Affine::parse(t));
        }
        let defs = parent.is_some_and(|f| f.defs)
            || matches!(
                name,
                "defs" | "symbol" | "clippath" | "mask" | "pattern" | "marker" | "title" | "desc"
            );
        let font = attr(tag, "font-size")
            .and_then(|v| numbers(v).first().copied())
            .filter(|f| *f > 0.0)
            .unwrap_or_else(|| parent.map_or(16.0, |f| f.font));
        if name == "use" && !defs {
            let href = attr(tag, "href").or_else(|| attr(tag, "xlink:href"));
            if let Some(id) = href.and_then(|h| h.trim().strip_prefix('#')) {
                let at = |n: &str| attr(tag, n).and_then(|v| numbers(v).first().copied());
                let (x, y) = ctm.apply(at("x").unwrap_or(0.0), at("y").unwrap_or(0.0));
                self.uses.push((id.to_string(), x, y, self.line));
            }
        }
        let lists = is_text(name).then(|| {
            let l = |n: &str| attr(tag, n).map(numbers).unwrap_or_default();
            ([l("x"), l("y"), l("dx"), l("dy")], 0)
        });
        if name == "text" {
            self.pen = (0.0, 0.0);
            self.cur = None;
        }
        if name == "textpath" && !defs {
            // Along a path, a piece starts at its offset on that path.
            let path = attr(tag, "href").or_else(|| attr(tag, "xlink:href"));
            let path = path.unwrap_or("").to_string();
            let k = self
                .paths
                .iter()
                .position(|p| *p == path)
                .unwrap_or_else(|| {
                    self.paths.push(path);
                    self.paths.len() - 1
                });
            let off = attr(tag, "startoffset")
                .map_or(0.0, |v| numbers(v).first().copied().unwrap_or(0.0));
            self.start_chunk(off, 1e9 + k as f64 * 1e6, font);
        }
        let id = attr(tag, "id").map(|i| (i.trim().to_string(), self.all.len()));
        if tag.self_closing {
            if let Some((id, _)) = id {
                self.ids.entry(id).or_default();
            }
            return;
        }
        self.frames.push(Frame {
            name: name.to_string(),
            ctm,
            lists,
            font,
            defs,
            id,
        });
    }

    fn pop(&mut self) {
        let Some(f) = self.frames.pop() else { return };
        if let Some((id, from)) = f.id {
            let text = self.all.get(from..).unwrap_or("");
            let text: String = text.chars().take(256).collect();
            self.ids.insert(id, text);
        }
        if f.name == "text" {
            self.cur = None;
        }
    }

    fn start_chunk(&mut self, x: f64, y: f64, font: f64) {
        self.chunks.push(Chunk {
            x,
            y,
            end: x,
            font,
            text: String::new(),
            line: self.line,
        });
        self.cur = Some(self.chunks.len() - 1);
    }

    fn chars(&mut self, t: &str) {
        self.all.push_str(t);
        let in_text = self.frames.iter().any(|f| f.name == "text");
        let Some(top) = self.frames.last() else {
            return;
        };
        if !in_text || top.defs || !is_text(&top.name) {
            return;
        }
        let (ctm, font) = (top.ctm, top.font);
        for c in t.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            // Each of x, y, dx, dy from the innermost text element that
            // has a value for this character.
            let mut v: [Option<f64>; 4] = [None; 4];
            for f in self.frames.iter_mut().rev() {
                if let Some((lists, n)) = &mut f.lists {
                    for (k, list) in lists.iter().enumerate() {
                        if v[k].is_none() {
                            v[k] = list.get(*n).copied();
                        }
                    }
                    *n += 1;
                }
            }
            let [x, y, dx, dy] = v;
            let dx = dx.unwrap_or(0.0);
            self.pen.0 = x.unwrap_or(self.pen.0) + dx;
            self.pen.1 = y.unwrap_or(self.pen.1) + dy.unwrap_or(0.0);
            let (px, py) = ctm.apply(self.pen.0, self.pen.1);
            let scale = ctm.scale();
            // A piece starts at a position of its own, or where `dx`
            // steps back.
            if x.is_some()
                || y.is_some()
                || dx < 0.0
                || dy.is_some_and(|d| d != 0.0)
                || self.cur.is_none()
            {
                if c == ' ' && x.is_none() && y.is_none() && self.cur.is_none() {
                    continue;
                }
                self.start_chunk(px, py, font * scale);
            }
            if let Some(ch) = self.cur.and_then(|i| self.chunks.get_mut(i)) {
                if !(c == ' ' && ch.text.ends_with(' ')) {
                    ch.text.push(c);
                }
                self.pen.0 += 0.6 * font;
                ch.end = ctm.apply(self.pen.0, self.pen.1).0;
            }
        }
    }

    fn finish(mut self, segs: &mut Vec<Segment>) -> bool {
        while !self.frames.is_empty() {
            self.pop();
        }
        let mut shapes: Vec<(String, f64, f64)> = Vec::new();
        for (id, x, y, line) in std::mem::take(&mut self.uses) {
            let text = self.ids.get(&id).map(|t| t.trim()).unwrap_or("");
            if text.chars().any(char::is_alphanumeric) {
                let font = 16.0;
                let end = x + 0.6 * font * text.chars().count() as f64;
                let text = text.to_string();
                self.chunks.push(Chunk {
                    x,
                    y,
                    end,
                    font,
                    text,
                    line,
                });
            } else if self.ids.contains_key(&id) {
                shapes.push((id, x, y));
            }
        }
        self.chunks.retain(|c| !c.text.is_empty());
        let pieces = self
            .chunks
            .iter()
            .filter(|c| c.text.chars().any(char::is_alphanumeric));
        if pieces.count() > 1 {
            read_in_place(&mut self.chunks, segs);
        }
        drawn_letters(&shapes)
    }
}

/// Chunks sorted by line, then left to right, as one segment: pieces that
/// touch join as one word.
fn read_in_place(chunks: &mut [Chunk], segs: &mut Vec<Segment>) {
    let line = chunks.iter().map(|c| c.line).min().unwrap_or(0);
    chunks.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Group into lines: a piece within half an em of the line's height.
    let mut lines: Vec<Vec<&Chunk>> = Vec::new();
    for c in chunks.iter() {
        match lines.last_mut() {
            Some(l)
                if l.first()
                    .is_some_and(|f| (c.y - f.y).abs() <= 0.5 * f.font.max(1.0)) =>
            {
                l.push(c)
            }
            _ => lines.push(vec![c]),
        }
    }
    let mut out = String::new();
    let mut single = false;
    for mut l in lines {
        l.sort_by(|a, b| a.x.total_cmp(&b.x));
        // Letters one under another (a column of one-letter lines) join.
        let one = l.len() == 1 && l[0].text.trim().chars().count() == 1;
        if !out.is_empty() {
            out.push(if one && single { MARK } else { ' ' });
        }
        single = one;
        let mut prev: Option<&Chunk> = None;
        for c in l {
            let t = c.text.trim();
            if t.is_empty() {
                // A space placed as a letter of its own parts words.
                out.push(' ');
                prev = None;
                continue;
            }
            if let Some(p) = prev {
                // Letters placed one by one join however far apart.
                let letters = p.text.trim().chars().count() == 1 && t.chars().count() == 1;
                let apart = c.x - p.end > 0.3 * p.font.max(1.0);
                out.push(if apart && !letters { ' ' } else { MARK });
            }
            out.push_str(t);
            prev = Some(c);
        }
    }
    push(segs, out, line, Strength::Text);
}

/// Do `<use>`s of elements without text draw a row of letters: shapes
/// whose ids say glyph, or at least four on one line, of three shapes or
/// more, at three places or more, whose ids name nothing (`g1-72`, `s3`:
/// as converters number glyphs; a row of icons named `icon-phone`,
/// `icon-mail`… is a row of icons)?
fn drawn_letters(shapes: &[(String, f64, f64)]) -> bool {
    let glyphs = shapes
        .iter()
        .filter(|(id, _, _)| {
            let id = id.to_ascii_lowercase();
            ["glyph", "font", "char", "letter"]
                .iter()
                .any(|w| id.contains(w))
        })
        .count();
    if glyphs >= 3 {
        return true;
    }
    let mut rows: HashMap<i64, Vec<&(String, f64, f64)>> = HashMap::new();
    for s in shapes.iter().filter(|s| !names_something(&s.0)) {
        rows.entry(s.2.round() as i64).or_default().push(s);
    }
    rows.values().any(|r| {
        let mut ids: Vec<&str> = r.iter().map(|s| s.0.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut xs: Vec<i64> = r.iter().map(|s| s.1.round() as i64).collect();
        xs.sort_unstable();
        xs.dedup();
        r.len() >= 4 && ids.len() >= 3 && xs.len() >= 3
    })
}

/// Does a shape's id hold a word (three letters or more, other than the
/// words converters number their shapes with): `icon-phone` does, `g1-72`,
/// `path123` and `s-4` do not.
fn names_something(id: &str) -> bool {
    const NUMBERED: [&str; 5] = ["path", "shape", "symbol", "use", "def"];
    id.split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_ascii_lowercase)
        .any(|w| w.len() >= 3 && !NUMBERED.iter().any(|n| w.starts_with(n)))
}
