//! What a stylesheet does to the text of the elements it selects, as far as
//! the guard needs it: hide it (`display: none` on a class put between the
//! parts of a name), show it reversed (`unicode-bidi: bidi-override;
//! direction: rtl`), show an element's children in another order (flex
//! `row-reverse`, `order`), or add text before or after it (`::before {
//! content: "Wal" }`). The markup reader asks [`Styles::look`] for each
//! element and reads the page once more as laid out (see `markup/side.rs`).
//!
//! This is not CSS: a selector is reduced to its last compound (`.a .b >
//! span.c:hover` selects what `span.c` selects), so a rule applies to more
//! elements than in a browser. That only adds readings of the page; it
//! never takes one away.
//!
//! Not here: lexing stylesheets for the strings they hold ([`super::code`]).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use html5ever::tokenizer::Tag;

mod css;
use css::{
    AttrSel, Decl, Pseudo, declarations, find_outside_quotes, last_compound, matching_close,
    split_top, strip_comments,
};
pub(super) use css::{find_ci, style_elements};

/// The rules of the site's stylesheets (and a page's own `<style>`) that
/// change what text shows, indexed by what their selectors name.
#[derive(Default, Clone, Debug)]
pub struct Styles {
    rules: Vec<Rule>,
    /// Rules by the class, id, attribute or element name their compound
    /// names first (looked up for every element of every page, so by the
    /// bare name, one map a kind); rules that name none (`*`,
    /// `:where(...)`) in `loose`.
    by_class: HashMap<String, Vec<usize>>,
    by_id: HashMap<String, Vec<usize>>,
    by_attr: HashMap<String, Vec<usize>>,
    by_tag: HashMap<String, Vec<usize>>,
    loose: Vec<usize>,
}

#[derive(Clone, Debug, Hash)]
struct Rule {
    tag: Option<String>,
    classes: Vec<String>,
    ids: Vec<String>,
    attrs: Vec<AttrSel>,
    effect: Effect,
}

/// What a rule does to the elements it selects.
#[derive(Clone, Debug, Hash, PartialEq)]
enum Effect {
    /// A declaration on the element itself (never [`Decl::Content`]).
    Own(Decl),
    Before(Vec<Piece>),
    After(Vec<Piece>),
}

/// A part of a `content` value: a string, or `attr(name)`.
#[derive(Clone, Debug, Hash, PartialEq)]
enum Piece {
    Text(String),
    Attr(String),
}

/// What the styles do to one element.
#[derive(Default, Debug)]
pub(super) struct Look {
    /// Its text is not shown.
    pub hide: bool,
    /// Its text shows reversed (a bidi override, right to left).
    pub reversed: bool,
    /// Its children show in reverse order (`row-reverse`, or `rtl`).
    pub reverse_children: bool,
    /// It lays out its children as boxes (flex, grid): their `order`
    /// counts.
    pub flex: bool,
    /// Its place among its siblings (`order`).
    pub order: Option<i32>,
    /// Text shown before and after its own (`::before`, `::after`).
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Styles {
    /// The rules of every stylesheet (`.css`) among `files` (path, bytes).
    pub fn of_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Styles {
        let mut s = Styles::default();
        for (path, bytes) in files {
            if path.to_ascii_lowercase().ends_with(".css") {
                s.add_sheet(&String::from_utf8_lossy(bytes));
            }
        }
        s
    }

    /// No rules at all?
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// A digest of the rules: a page read with other rules is read again.
    pub fn fingerprint(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.rules.hash(&mut h);
        h.finish()
    }

    /// Adds the rules of one stylesheet.
    pub(super) fn add_sheet(&mut self, css: &str) {
        let css = strip_comments(css);
        self.add_block(&css, 0);
    }

    fn add_block(&mut self, css: &str, depth: u8) {
        let mut rest = css;
        while let Some(open) = find_outside_quotes(rest, b'{') {
            let prelude = rest[..open].trim();
            let body_from = open + 1;
            let close = matching_close(rest, body_from);
            let body = &rest[body_from..close.min(rest.len())];
            let prelude = prelude.rsplit(';').next().unwrap_or(prelude).trim();
            if let Some(at) = prelude.strip_prefix('@') {
                let name = at.split(|c: char| !c.is_ascii_alphanumeric() && c != '-');
                let nested = [
                    "media",
                    "supports",
                    "layer",
                    "container",
                    "document",
                    "scope",
                ];
                if depth < 8 && name.into_iter().next().is_some_and(|n| nested.contains(&n)) {
                    self.add_block(body, depth + 1);
                }
            } else {
                self.add_rule(prelude, body);
            }
            rest = rest.get(close + 1..).unwrap_or("");
        }
    }

    fn add_rule(&mut self, selectors: &str, body: &str) {
        let decls = declarations(body);
        if decls.is_empty() {
            return;
        }
        for sel in split_top(selectors, b',') {
            let (compound, pseudo) = last_compound(sel.trim());
            let Some((tag, classes, ids, attrs)) = compound else {
                continue;
            };
            for d in &decls {
                let effect = match (pseudo, d) {
                    (Pseudo::None, Decl::Content(_)) => continue,
                    (Pseudo::None, d) => Effect::Own(d.clone()),
                    // Content hidden with its pseudo-element shows nothing.
                    (_, Decl::Content(_)) if decls.contains(&Decl::Hide) => continue,
                    (Pseudo::Before, Decl::Content(p)) => Effect::Before(p.clone()),
                    (Pseudo::After, Decl::Content(p)) => Effect::After(p.clone()),
                    _ => continue,
                };
                let i = self.rules.len();
                let keyed = [
                    (&mut self.by_class, classes.first()),
                    (&mut self.by_id, ids.first()),
                    (&mut self.by_attr, attrs.first().map(|a| &a.name)),
                    (&mut self.by_tag, tag.as_ref()),
                ]
                .into_iter()
                .find_map(|(map, key)| Some((map, key?)));
                match keyed {
                    Some((map, k)) => map.entry(k.clone()).or_default().push(i),
                    None => self.loose.push(i),
                }
                self.rules.push(Rule {
                    tag: tag.clone(),
                    classes: classes.clone(),
                    ids: ids.clone(),
                    attrs: attrs.clone(),
                    effect,
                });
            }
        }
    }

    /// What the rules and the element's own `style` and `dir` do to the
    /// element `tag` opens.
    pub(super) fn look(&self, tag: &Tag) -> Look {
        let mut look = Look::default();
        let (mut over, mut rtl) = (false, false);
        let mut apply = |e: &Effect, look: &mut Look| match e {
            Effect::Own(d) => match d {
                Decl::Hide => look.hide = true,
                Decl::Override => over = true,
                Decl::Rtl => rtl = true,
                Decl::Reverse => look.reverse_children = true,
                Decl::Flex => look.flex = true,
                Decl::Order(n) => look.order = Some(*n),
                // An element's own `content` shows nothing (no pseudo).
                Decl::Content(_) => {}
            },
            Effect::Before(p) => look.before = Some(content(p, tag)),
            Effect::After(p) => look.after = Some(content(p, tag)),
        };
        for a in &tag.attrs {
            let (n, v): (&str, &str) = (&a.name.local, &a.value);
            if n == "style" {
                for d in declarations(v) {
                    apply(&Effect::Own(d), &mut look);
                }
            } else if n == "hidden" {
                look.hide = true;
            } else if n == "dir" && v.trim().eq_ignore_ascii_case("rtl") {
                apply(&Effect::Own(Decl::Rtl), &mut look);
            }
        }
        if !self.rules.is_empty() {
            let mut seen: Vec<usize> = Vec::new();
            let consider = |map: &HashMap<String, Vec<usize>>, k: &str, seen: &mut Vec<usize>| {
                if let Some(v) = map.get(k) {
                    seen.extend(v);
                }
            };
            consider(&self.by_tag, &tag.name, &mut seen);
            for a in &tag.attrs {
                let (n, v): (&str, &str) = (&a.name.local, &a.value);
                match n {
                    "class" => v
                        .split_ascii_whitespace()
                        .for_each(|c| consider(&self.by_class, c, &mut seen)),
                    "id" => consider(&self.by_id, v.trim(), &mut seen),
                    _ => {}
                }
                consider(&self.by_attr, n, &mut seen);
            }
            seen.extend(&self.loose);
            seen.sort_unstable();
            seen.dedup();
            for i in seen {
                if let Some(r) = self.rules.get(i)
                    && r.selects(tag)
                {
                    apply(&r.effect, &mut look);
                }
            }
        }
        look.reversed = over && rtl;
        // Children of a right-to-left container that are boxes of their own
        // (flex items, inline blocks) are laid out right to left.
        look.reverse_children |= rtl;
        look
    }
}

impl Rule {
    fn selects(&self, tag: &Tag) -> bool {
        let attr = |n: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == n)
                .map(|a| &*a.value)
        };
        let class = attr("class").unwrap_or("");
        self.tag
            .as_deref()
            .is_none_or(|t| t.eq_ignore_ascii_case(&tag.name))
            && self
                .classes
                .iter()
                .all(|c| class.split_ascii_whitespace().any(|x| x == c))
            && self
                .ids
                .iter()
                .all(|i| attr("id").is_some_and(|v| v.trim() == i))
            && self
                .attrs
                .iter()
                .all(|a| attr(&a.name).is_some_and(|v| a.matches(v)))
    }
}

/// The text a `content` value shows for `tag`.
fn content(p: &[Piece], tag: &Tag) -> String {
    p.iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Attr(n) => tag
                .attrs
                .iter()
                .find(|a| (*a.name.local).eq_ignore_ascii_case(n))
                .map(|a| a.value.to_string())
                .unwrap_or_default(),
        })
        .collect()
}
