//! Markup (HTML, XML, SVG, feeds, XMP) through the html5ever tokenizer: the
//! running text of the document (tags replaced by [`MARK`]), attribute
//! values, comments, CDATA, and the raw content of `<script>`/`<style>`
//! handed to the code lexer, each with its source line.
//!
//! Not here: which element and attribute names are markup vocabulary
//! ([`super::html_names`]), lexing CSS/JS/JSON ([`super::code`]).

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::bidi::Reversed;
use super::code::{Lang, json_into, lex};
use super::containers::data_into;
use super::decode::{data_uri, pct};
use super::html_names::{
    block_element, code_valued_attr, feed_field, known_aria, known_attr, known_element, qualified,
};
use super::{BLOCK, MARK, MAX_DEPTH, Segment, Strength, count_nl, push};

mod lists;
mod raw;
mod side;
mod styled;
mod svg;

use super::styles::{Styles, style_elements};
use std::sync::Arc;

/// Tokenizes markup and adds all its segments. `base` is the absolute line of
/// the text's first line (0: lines unknown). Markup inside markup (a
/// `srcdoc`, a `data:` URI) that cannot be read in full makes the file
/// that holds it unreadable.
pub(super) fn markup_into(s: &str, base: u32, xml: bool, depth: u8, segs: &mut Vec<Segment>) {
    if let Some(why) = markup_styled_into(s, base, xml, depth, &Arc::default(), segs) {
        super::shared::Shared::flag(why);
    }
}

/// [`markup_into`] of a document the site's stylesheets (`site`) apply to;
/// returns why it cannot be read in full, if it cannot.
pub(super) fn markup_styled_into(
    s: &str,
    base: u32,
    xml: bool,
    depth: u8,
    site: &Arc<Styles>,
    segs: &mut Vec<Segment>,
) -> Option<&'static str> {
    super::doctype::doctypes_into(s, base, segs);
    let shapes = svg::layout_into(s, segs);
    let mut m = run_markup(s, base, xml, depth, site);
    let line = m.abs(m.text_line);
    m.push_shown(line);
    push(segs, m.text, line, Strength::Text);
    segs.extend(m.segs);
    shapes.then_some(svg::GLYPHS)
}

fn run_markup(s: &str, base: u32, xml: bool, depth: u8, site: &Arc<Styles>) -> Markup {
    // A page's own `<style>` applies to the whole page, above it too.
    let styles = match style_elements(s) {
        Some(css) => {
            let mut own = Styles::clone(site);
            own.add_sheet(&css);
            Arc::new(own)
        }
        None => Arc::clone(site),
    };
    let sink = Sink(RefCell::new(Markup {
        base,
        xml,
        depth,
        segs: Vec::new(),
        text: String::with_capacity(s.len() / 2),
        text_line: 1,
        end_line: 1,
        pending: 0,
        chars: String::new(),
        chars_line: 1,
        raw: None,
        last_line: 1,
        dropped: false,
        stamp: None,
        stamp_end: usize::MAX,
        aside: None,
        reversed: None,
        hidden: None,
        hidden_text: Vec::new(),
        styled: styled::Styled::new(styles),
        list_start: None,
        xml_names: String::new(),
    }));
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let q = BufferQueue::default();
    q.push_back(StrTendril::from_slice(s));
    let _ = tok.feed(&q);
    tok.end();
    let mut m = std::mem::take(&mut *tok.sink.0.borrow_mut());
    m.finish();
    m.close_stamp();
    m.close_aside();
    m.close_styled();
    m.close_reversed();
    let names = std::mem::take(&mut m.xml_names);
    push(&mut m.segs, names, base, Strength::Text);
    if m.dropped {
        // Scan the source from the line of the last token on, as it is.
        let from = s
            .match_indices('\n')
            .nth(m.last_line.saturating_sub(2) as usize)
            .map_or(0, |(i, _)| i + 1)
            * usize::from(m.last_line > 1);
        let line = m.abs(m.last_line.max(1));
        push(&mut m.segs, &s[from..], line, Strength::Text);
    }
    m
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RawWhat {
    Css,
    Js,
    Json,
    Markup,
}

#[derive(Default)]
struct Raw {
    what: Option<RawWhat>,
    buf: String,
    /// Relative line of the first character (0 before any).
    line: u32,
}

#[derive(Default)]
struct Markup {
    base: u32,
    xml: bool,
    depth: u8,
    segs: Vec<Segment>,
    /// The running text of the document (character data and MARKs).
    text: String,
    /// Relative line where `text` starts.
    text_line: u32,
    /// Relative line reached by `text` plus `pending`.
    end_line: u32,
    /// Line breaks owed to `text`, added at its next whitespace (so that a
    /// tag spanning lines does not split the word around it).
    pending: u32,
    /// In XML mode, character data waiting for the next tag (it may hold
    /// escaped markup, as RSS descriptions do).
    chars: String,
    chars_line: u32,
    raw: Option<Raw>,
    /// Relative line of the last token emitted.
    last_line: u32,
    /// The input ended inside a tag, which the tokenizer drops.
    dropped: bool,
    /// Inside a date element the template stamped (see
    /// [`Strength::Stamp`]): its text and relative line.
    stamp: Option<(String, u32)>,
    /// The length of `text` when the last stamp closed.
    stamp_end: usize,
    /// Inside a ruby annotation (`<rt>`, `<rp>`): its text and relative
    /// line. It is a segment of its own, so that the base text around it
    /// joins as it reads (`Kamin<rt>…</rt>ski`).
    aside: Option<(String, u32)>,
    /// Inside an element that shows its text reversed ([`super::bidi`]).
    reversed: Option<Reversed>,
    /// Inside an element whose text is not shown ([`side::Hidden`]).
    hidden: Option<side::Hidden>,
    /// The byte ranges of `text` that such elements hold.
    hidden_text: Vec<(usize, usize)>,
    /// What the stylesheets do to elements ([`styled`]).
    styled: styled::Styled,
    /// The number an `<ol start>` shows before its first item ([`lists`]).
    list_start: Option<i64>,
    /// The names of an XML file's elements and attributes, read apart.
    xml_names: String,
}

struct Sink(RefCell<Markup>);

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        let mut m = self.0.borrow_mut();
        if let Token::ParseError(e) = &token {
            // At the end of input the tokenizer drops an unfinished tag
            // (`Walter <Kaminski`, `alt="Walter` without its quote).
            if e.starts_with("Saw EOF in state") && (e.contains("Tag") || e.contains("Attribute")) {
                m.dropped = true;
            }
            return TokenSinkResult::Continue;
        }
        if !matches!(token, Token::EOFToken) {
            m.last_line = line;
        }
        match token {
            Token::CharacterTokens(t) => m.chars(&t, line),
            Token::TagToken(tag) => return m.tag(tag, line),
            Token::CommentToken(c) => m.comment(&c, line),
            Token::NullCharacterToken
            | Token::DoctypeToken(_)
            | Token::ParseError(_)
            | Token::EOFToken => {}
        }
        TokenSinkResult::Continue
    }
}

fn push_newlines(s: &mut String, n: u32) {
    s.extend(std::iter::repeat_n('\n', n as usize));
}

impl Markup {
    fn abs(&self, rel: u32) -> u32 {
        if self.base == 0 {
            0
        } else {
            self.base.saturating_add(rel.saturating_sub(1))
        }
    }

    /// Brings `text` to relative line `start` before content starting there.
    fn sync(&mut self, start: u32) {
        if self.text.is_empty() {
            self.text_line = start;
            self.end_line = start;
            self.pending = 0;
            return;
        }
        if start > self.end_line {
            let d = start - self.end_line;
            self.end_line = start;
            if self.text.ends_with(char::is_whitespace) {
                push_newlines(&mut self.text, d);
            } else {
                self.pending += d;
            }
        }
    }

    fn append(&mut self, s: &str) {
        if self.pending > 0 {
            if let Some(i) = s.find(char::is_whitespace) {
                self.text.push_str(&s[..i]);
                push_newlines(&mut self.text, self.pending);
                self.pending = 0;
                self.text.push_str(&s[i..]);
            } else {
                self.text.push_str(s);
            }
        } else {
            self.text.push_str(s);
        }
        self.end_line += count_nl(s);
    }

    fn mark(&mut self, block: bool) {
        if !self.text.is_empty() {
            if block {
                self.text.push(BLOCK);
                self.text.push(' ');
            } else {
                self.text.push(MARK);
            }
        }
    }

    fn chars(&mut self, t: &str, line: u32) {
        let start = line.saturating_sub(count_nl(t));
        if let Some(raw) = &mut self.raw {
            if raw.buf.is_empty() {
                raw.line = start;
            }
            raw.buf.push_str(t);
        } else if self.xml {
            if self.chars.is_empty() {
                self.chars_line = start;
            }
            self.chars.push_str(t);
        } else {
            self.put(start, t);
        }
    }

    /// Adds character data starting at relative line `start`; leading
    /// whitespace of the document is dropped so that `text_line` is exact.
    fn put(&mut self, start: u32, t: &str) {
        if let Some(r) = &mut self.reversed {
            r.text.push_str(t);
        }
        if let Some((buf, line)) = &mut self.stamp {
            if buf.is_empty() {
                *line = start;
            }
            buf.push_str(t);
            return;
        }
        if let Some((buf, line)) = &mut self.aside {
            if buf.is_empty() {
                *line = start;
            }
            buf.push_str(t);
            return;
        }
        if self.text.is_empty() {
            let trimmed = t.trim_start();
            let start = start + count_nl(&t[..t.len() - trimmed.len()]);
            self.sync(start);
            self.append(trimmed);
        } else {
            self.sync(start);
            self.append(t);
        }
    }

    fn flush_chars(&mut self) {
        if self.chars.is_empty() {
            return;
        }
        let chars = std::mem::take(&mut self.chars);
        let start = self.chars_line;
        if chars.contains('<') && self.depth < MAX_DEPTH {
            // Escaped markup (an RSS description): tokenize it too.
            self.splice_markup(start, &chars);
        } else {
            self.put(start, &chars);
        }
    }

    /// Tokenizes markup found in character data (starting at relative line
    /// `start`) and splices its text into the running text.
    fn splice_markup(&mut self, start: u32, s: &str) {
        let inner = run_markup(
            s,
            self.abs(start),
            false,
            self.depth + 1,
            &self.styled.styles,
        );
        self.sync(start);
        self.append(&inner.text);
        self.segs.extend(inner.segs);
    }

    /// Ends the running text here: what follows is another segment, and
    /// nothing joins across (a feed's fields, see [`feed_field`]).
    fn cut(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let at = self.abs(self.text_line);
        self.push_shown(at);
        let text = std::mem::take(&mut self.text);
        push(&mut self.segs, text, at, Strength::Text);
        self.pending = 0;
    }

    fn tag(&mut self, tag: Tag, line: u32) -> TokenSinkResult<()> {
        if self.raw.is_some() {
            // In raw text the tokenizer only emits the end tag that closes it.
            self.finish_raw();
            self.mark(true);
            return TokenSinkResult::Continue;
        }
        self.flush_chars();
        let name: &str = &tag.name;
        let known = known_element(name) || qualified(name);
        let aline = self.abs(line);
        if self.xml && feed_field(name) {
            self.cut();
        }
        self.side_texts(&tag, line);
        if known {
            self.mark(block_element(name));
            self.list_marker(&tag, line);
        } else if self.xml {
            self.xml_element(&tag);
        } else {
            // `Walter <Kaminski` tokenizes as a tag: keep its words in the text.
            self.sync(line);
            let mut s = String::with_capacity(name.len() + 2);
            s.push(MARK);
            if tag.kind == TagKind::EndTag {
                s.push('/');
            }
            s.push_str(name);
            for a in &tag.attrs {
                let an: &str = &a.name.local;
                if !known_attr(an) {
                    s.push(' ');
                    s.push_str(an);
                }
            }
            s.push(MARK);
            self.append(&s);
        }
        let mut script_type: Option<String> = None;
        for a in &tag.attrs {
            let an: &str = &a.name.local;
            let v: &str = &a.value;
            if let Some(suffix) = an.strip_prefix("data-") {
                push(&mut self.segs, suffix, aline, Strength::Text);
            } else if let Some(suffix) = an.strip_prefix("aria-") {
                if !known_aria(suffix) {
                    push(&mut self.segs, suffix, aline, Strength::Text);
                }
            } else if known && !known_attr(an) {
                push(&mut self.segs, an, aline, Strength::Text);
            }
            if name == "script" && an == "type" {
                script_type = Some(v.trim().to_ascii_lowercase());
            }
            if v.trim().is_empty() {
                continue;
            }
            let vline = aline.saturating_sub(count_nl(v)).max(u32::from(aline > 0));
            if an == "style" {
                lex(v, Lang::Css, vline, &mut self.segs);
            } else if an.starts_with("on") && an.len() > 2 && known_attr(an) {
                lex(v, Lang::Js, vline, &mut self.segs);
            } else if an == "srcdoc" && self.depth < MAX_DEPTH {
                markup_into(v, vline, false, self.depth + 1, &mut self.segs);
            } else if code_valued_attr(an) {
                push(&mut self.segs, v, vline, Strength::Code);
            } else if an == "datetime" {
                push(&mut self.segs, v, vline, Strength::Stamp);
            } else if an == "alt" && matches!(name, "img" | "area" | "input") {
                // Alt text stands where the picture is, in reading order:
                // `![Dorothy](a.png) Walker` reads "Dorothy Walker".
                self.append(&format!("{v}{MARK}"));
            } else if let Some((mime, bytes)) = data_uri(v) {
                data_into(&mime, &bytes, vline, self.depth, &mut self.segs);
            } else {
                push(&mut self.segs, pct(v), vline, Strength::Text);
                // JSON a script reads (`data-props='{"n":"Kamin\u0073ki"}'`):
                // its string escapes decoded too.
                if v.contains('\\') {
                    json_into(v, vline, &mut self.segs);
                }
            }
        }
        if tag.kind == TagKind::StartTag && !tag.self_closing {
            match name {
                "script" => {
                    let t = script_type.unwrap_or_default();
                    let what = if t.is_empty()
                        || t.contains("javascript")
                        || t.contains("ecmascript")
                        || t == "module"
                        || t.contains("jsx")
                        || t.contains("babel")
                    {
                        RawWhat::Js
                    } else if t.contains("json") || t == "importmap" || t == "speculationrules" {
                        RawWhat::Json
                    } else {
                        RawWhat::Markup
                    };
                    self.raw = Some(Raw {
                        what: Some(what),
                        ..Raw::default()
                    });
                    return TokenSinkResult::RawData(RawKind::ScriptData);
                }
                "style" => {
                    self.raw = Some(Raw {
                        what: Some(RawWhat::Css),
                        ..Raw::default()
                    });
                    return TokenSinkResult::RawData(RawKind::Rawtext);
                }
                _ => {}
            }
        }
        TokenSinkResult::Continue
    }

    fn finish(&mut self) {
        self.flush_chars();
        self.finish_raw();
        if self.pending > 0 {
            push_newlines(&mut self.text, self.pending);
            self.pending = 0;
        }
    }
}
