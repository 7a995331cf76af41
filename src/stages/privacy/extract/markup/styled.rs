//! The page as its stylesheets lay it out, where that differs from the
//! order it is written in: text a `::before` or `::after` rule adds joins
//! the element's own ("Wal" + "ter"), and the children of a container that
//! shows them in another order (flex `row-reverse`, `order`, `direction:
//! rtl`) are read once more in that order, as a segment of their own.
//! Hidden and reversed elements are [`super::side`]'s.
//!
//! Not here: reading the rules ([`super::super::styles`]).

use std::sync::Arc;

use super::super::styles::{Look, Styles};
use super::{MARK, Markup, push};
use crate::stages::privacy::extract::Strength;
use html5ever::tokenizer::{Tag, TagKind};

/// The styles that apply to a document, and the elements they act on that
/// are still open.
#[derive(Default)]
pub(super) struct Styled {
    pub styles: Arc<Styles>,
    open: Vec<Open>,
}

impl Styled {
    /// `styles` on a document not read yet.
    pub fn new(styles: Arc<Styles>) -> Styled {
        Styled {
            styles,
            open: Vec::new(),
        }
    }
}

/// An open element with text to add at its end, or whose children show in
/// another order.
struct Open {
    name: String,
    /// Elements of the same name open inside it, itself included.
    depth: u32,
    after: Option<String>,
    flex: Option<Flex>,
}

/// The children of a container that reorders them: their places in the
/// running text, with their `order`.
struct Flex {
    reverse: bool,
    /// Relative line of the container's start tag.
    line: u32,
    /// Open elements inside it (0: between its children).
    inner: u32,
    /// The child open now: its order and where its text starts.
    child: Option<(i32, usize)>,
    /// Where text not in a child element starts.
    loose: usize,
    items: Vec<(i32, usize, usize)>,
}

/// Elements that have no end tag.
fn void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

impl Markup {
    /// What the styles do to the element `tag` opens (nothing for an end
    /// tag); cheap when no rule and no attribute could matter.
    pub(super) fn look(&self, tag: &Tag) -> Look {
        let own = tag
            .attrs
            .iter()
            .any(|a| matches!(&*a.name.local, "style" | "hidden" | "dir"));
        if tag.kind == TagKind::EndTag || (self.styled.styles.is_empty() && !own) {
            return Look::default();
        }
        self.styled.styles.look(tag)
    }

    /// Keeps the open elements the styles act on up to date with `tag`.
    pub(super) fn styled_tag(&mut self, tag: &Tag, look: &Look) {
        let name: &str = &tag.name;
        if tag.kind == TagKind::EndTag {
            let mut i = self.styled.open.len();
            while i > 0 {
                i -= 1;
                let o = &mut self.styled.open[i];
                if o.name == name {
                    o.depth -= 1;
                    if o.depth == 0 {
                        let o = self.styled.open.remove(i);
                        self.close_open(o);
                    }
                }
            }
            let len = self.text.len();
            for f in self.styled.open.iter_mut().filter_map(|o| o.flex.as_mut()) {
                f.inner = f.inner.saturating_sub(1);
                if f.inner == 0
                    && let Some((order, from)) = f.child.take()
                {
                    f.items.push((order, from, len));
                    f.loose = len;
                }
            }
            return;
        }
        if tag.self_closing || void(name) {
            return;
        }
        let len = self.text.len();
        for o in &mut self.styled.open {
            if o.name == name {
                o.depth += 1;
            }
            if let Some(f) = &mut o.flex {
                if f.inner == 0 {
                    if f.loose < len {
                        f.items.push((0, f.loose, len));
                    }
                    f.child = Some((look.order.unwrap_or(0), len));
                }
                f.inner += 1;
            }
        }
        if look.after.is_some() || look.reverse_children || look.flex {
            self.styled.open.push(Open {
                name: name.to_string(),
                depth: 1,
                after: look.after.clone(),
                flex: (look.reverse_children || look.flex).then_some(Flex {
                    reverse: look.reverse_children,
                    line: self.end_line,
                    inner: 0,
                    child: None,
                    loose: len,
                    items: Vec::new(),
                }),
            });
        }
        if let Some(before) = &look.before {
            let at = self.end_line;
            self.put(at, before);
        }
    }

    /// Every element still open at the end of the input, closed.
    pub(super) fn close_styled(&mut self) {
        while let Some(o) = self.styled.open.pop() {
            self.close_open(o);
        }
    }

    fn close_open(&mut self, o: Open) {
        if let Some(after) = &o.after {
            let at = self.end_line;
            self.put(at, after);
        }
        let Some(mut f) = o.flex else { return };
        let len = self.text.len();
        if let Some((order, from)) = f.child.take() {
            f.items.push((order, from, len));
        } else if f.loose < len {
            f.items.push((0, f.loose, len));
        }
        // `order` first, then the direction (`row-reverse` lays out the
        // ordered items from the end).
        let mut idx: Vec<usize> = (0..f.items.len()).collect();
        idx.sort_by_key(|&i| f.items[i].0);
        if f.reverse {
            idx.reverse();
        }
        if idx.iter().enumerate().all(|(k, &i)| k == i) {
            return;
        }
        let mut shown = String::new();
        for i in idx {
            let (_, a, b) = f.items[i];
            if let Some(t) = self.text.get(a..b) {
                shown.push_str(t.trim());
                shown.push(MARK);
            }
        }
        let at = self.abs(f.line);
        push(&mut self.segs, shown, at, Strength::Text);
    }
}
