//! The number a list shows before an item: the browser draws it, no text
//! of the page holds it, yet a reader sees it beside the item's words
//! ("30." before "June 1950"). Only a number the page chose is read (an
//! `<ol start>`, an `<li value>`): the counting from one that every list
//! does tells nothing.

use super::Markup;
use html5ever::tokenizer::{Tag, TagKind};

impl Markup {
    /// Reads the marker `tag` puts before its item's text, if it chose one.
    pub(super) fn list_marker(&mut self, tag: &Tag, line: u32) {
        let number = |attr: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == attr)
                .and_then(|a| a.value.trim().parse::<i64>().ok())
        };
        match (&*tag.name, tag.kind) {
            ("ol", TagKind::StartTag) => self.list_start = number("start"),
            ("ol", TagKind::EndTag) => self.list_start = None,
            ("li", TagKind::StartTag) => {
                if let Some(n) = number("value").or(self.list_start.take()) {
                    self.sync(line);
                    self.append(&format!("{n}. "));
                }
            }
            _ => {}
        }
    }
}
