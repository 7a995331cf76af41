//! Text the running text of a document must not run into: a date the
//! template stamped (`<time>`), a ruby annotation (`<rt>`), and the text of
//! an element shown reversed ([`super::super::bidi`]). Each becomes a
//! segment of its own. And the running text once more as it shows, without
//! the text of elements that are not shown ([`Hidden`]).

use super::super::html_names::stamp_element;
use super::{BLOCK, MARK, Markup, Reversed, push};
use crate::stages::privacy::extract::Strength;
use html5ever::tokenizer::{Tag, TagKind};

impl Markup {
    /// Opens or closes the side texts `tag` starts or ends.
    pub(super) fn side_texts(&mut self, tag: &Tag, line: u32) {
        let name: &str = &tag.name;
        let opens = tag.kind == TagKind::StartTag && !tag.self_closing;
        let look = self.look(tag);
        match &mut self.hidden {
            Some(h) if h.name == name => {
                if opens {
                    h.depth += 1;
                } else if tag.kind == TagKind::EndTag {
                    h.depth -= 1;
                    if h.depth == 0 {
                        self.close_hidden();
                    }
                }
            }
            Some(_) => {}
            // A footnote mark or an exponent shows small, above or below
            // the line: the words around it read together as well
            // (`Kamin<sup>1</sup>ski`).
            None if opens && (look.hide || matches!(name, "sup" | "sub")) => {
                self.hidden = Some(Hidden {
                    name: name.to_string(),
                    depth: 1,
                    from: self.text.len(),
                });
            }
            None => {}
        }
        if stamp_element(name) {
            self.close_stamp();
            if opens {
                self.stamp = Some((String::new(), line));
            }
        }
        if let Some(r) = &mut self.reversed {
            if r.ends_at(tag) {
                self.close_reversed();
            }
        } else {
            self.reversed = Reversed::starts(tag, line)
                .or_else(|| (opens && look.reversed).then(|| Reversed::of(tag, line)));
        }
        if matches!(name, "rt" | "rp" | "ruby") {
            self.close_aside();
            if name != "ruby" && opens {
                self.aside = Some((String::new(), line));
            }
        }
        self.styled_tag(tag, &look);
    }

    /// A stamp element closed (or another opened, or the input ended): its
    /// text is a segment of its own.
    pub(super) fn close_stamp(&mut self) {
        if let Some((text, line)) = self.stamp.take() {
            let at = self.abs(line);
            // Stamps side by side, nothing shown between them, read as one
            // date: `<time>25</time> <time>May</time> <time>1970</time>`.
            let between = self.text.get(self.stamp_end..).unwrap_or("x");
            let beside = between
                .chars()
                .all(|c| c.is_whitespace() || c == MARK || c == BLOCK);
            match self.segs.last_mut() {
                Some(last) if beside && last.strength == Strength::Stamp => {
                    last.text.push(' ');
                    last.text.push_str(&text);
                }
                _ => push(&mut self.segs, text, at, Strength::Stamp),
            }
            self.stamp_end = self.text.len();
        }
    }

    /// An element that shows its text reversed closed (or the input ended).
    pub(super) fn close_reversed(&mut self) {
        if let Some(r) = self.reversed.take() {
            let at = self.abs(r.line);
            push(&mut self.segs, r.shown(), at, Strength::Text);
        }
    }

    /// An element of an XML file (not HTML): it is markup, and the text on
    /// either side joins as it reads (`<n>Kamin</n><n>ski</n>`); its name
    /// and attribute names are read apart, once each (a file of a
    /// thousand `<item>`s names one).
    pub(super) fn xml_element(&mut self, tag: &Tag) {
        self.mark(false);
        let names = std::iter::once(&tag.name).chain(tag.attrs.iter().map(|a| &a.name.local));
        for n in names {
            let n: &str = n;
            if !self.xml_names.split(' ').any(|w| w == n) {
                self.xml_names.push(' ');
                self.xml_names.push_str(n);
            }
        }
    }

    /// A ruby annotation closed (or its ruby, or the input ended).
    pub(super) fn close_aside(&mut self) {
        if let Some((text, line)) = self.aside.take() {
            let at = self.abs(line);
            push(&mut self.segs, text, at, Strength::Text);
        }
    }
}

/// An element whose text a browser does not show: `hidden`, or a `style`
/// or a stylesheet's rule with `display: none`, `visibility: hidden`,
/// `font-size: 0`, `opacity: 0` and the like (see
/// [`super::super::styles`]). "Kamin<span hidden>xx</span>ski" reads "Kaminski"; the
/// element's own text is still read where it stands (a script may show
/// it).
pub(super) struct Hidden {
    name: String,
    /// Elements of the same name open inside it, itself included.
    depth: u32,
    /// Where its text starts in the running text.
    from: usize,
}

impl Markup {
    /// A hidden element closed (or the text was cut, or the input ended).
    pub(super) fn close_hidden(&mut self) {
        if let Some(h) = self.hidden.take() {
            self.hidden_text
                .push((h.from.min(self.text.len()), self.text.len()));
        }
    }

    /// The running text without what hidden elements hold (their line
    /// breaks kept, so lines stay right), when there was such an element:
    /// only the text around them, [`NEAR`] bytes on either side, one
    /// segment per stretch of hidden elements closer than that to each
    /// other. Away from a hidden element the text reads as it does in the
    /// running text, which is scanned already; a theme that hides its
    /// menu on print hides something on every page.
    pub(super) fn push_shown(&mut self, at: u32) {
        self.close_hidden();
        let ranges = std::mem::take(&mut self.hidden_text);
        let text = &self.text;
        let boundary = |i: usize| text.is_char_boundary(i);
        let (mut line, mut counted) = (at, 0);
        let mut i = 0;
        while i < ranges.len() {
            let start = text.floor_char_boundary(ranges[i].0.saturating_sub(NEAR));
            let mut shown = String::new();
            let mut from = start;
            while let Some(&(a, b)) = ranges.get(i) {
                i += 1;
                if a < from || !boundary(a) || !boundary(b) {
                    continue;
                }
                shown.push_str(&text[from..a]);
                shown.extend(text[a..b].chars().filter(|&c| c == '\n'));
                from = b;
                if ranges.get(i).is_none_or(|&(next, _)| next > b + MERGE) {
                    break;
                }
            }
            let end = text.ceil_char_boundary(from.saturating_add(NEAR).min(text.len()));
            shown.push_str(&text[from..end]);
            line += super::super::count_nl(&text[counted..start]);
            counted = start;
            push(&mut self.segs, shown, line, Strength::Text);
        }
    }
}

/// How far from a hidden element the text is read once more without it:
/// further than the longest identifier (a name with its titles, an
/// address, an email), which is what could read otherwise.
const NEAR: usize = 512;

/// Hidden elements closer than this to each other share one segment (their
/// windows meet).
const MERGE: usize = 2 * NEAR;
