//! Text the running text of a document must not run into: a date the
//! template stamped (`<time>`), a ruby annotation (`<rt>`), and the text of
//! an element shown reversed ([`super::super::bidi`]). Each becomes a
//! segment of its own.

use super::super::html_names::stamp_element;
use super::{Markup, Reversed, push};
use crate::stages::privacy::extract::Strength;
use html5ever::tokenizer::{Tag, TagKind};

impl Markup {
    /// Opens or closes the side texts `tag` starts or ends.
    pub(super) fn side_texts(&mut self, tag: &Tag, line: u32) {
        let name: &str = &tag.name;
        let opens = tag.kind == TagKind::StartTag && !tag.self_closing;
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
            self.reversed = Reversed::starts(tag, line);
        }
        if matches!(name, "rt" | "rp" | "ruby") {
            self.close_aside();
            if name != "ruby" && opens {
                self.aside = Some((String::new(), line));
            }
        }
    }

    /// A stamp element closed (or another opened, or the input ended): its
    /// text is a segment of its own.
    pub(super) fn close_stamp(&mut self) {
        if let Some((text, line)) = self.stamp.take() {
            let at = self.abs(line);
            push(&mut self.segs, text, at, Strength::Stamp);
        }
    }

    /// An element that shows its text reversed closed (or the input ended).
    pub(super) fn close_reversed(&mut self) {
        if let Some(r) = self.reversed.take() {
            let at = self.abs(r.line);
            push(&mut self.segs, r.shown(), at, Strength::Text);
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
