//! Text shown in the reverse of the order it is written: a bidirectional
//! override makes `iksnimaK retlaW` read "Walter Kaminski" on screen. The
//! guard reads such text a second time, reversed, as a reader sees it:
//! an element that overrides (`<bdo dir="rtl">`, or a `style` with
//! `unicode-bidi: bidi-override` and `direction: rtl`) and text after a
//! RIGHT-TO-LEFT OVERRIDE character (U+202E) up to its POP (U+202C) or the
//! end of the line.
//!
//! Not here: the HTML tokenizer that finds the elements ([`super::markup`]).

use super::{Segment, push};
use html5ever::tokenizer::{Tag, TagKind};

/// RIGHT-TO-LEFT OVERRIDE.
const RLO: char = '\u{202E}';
/// POP DIRECTIONAL FORMATTING.
const PDF: char = '\u{202C}';

/// The text of an overriding element, until its end tag.
pub(super) struct Reversed {
    pub text: String,
    /// Relative line of its start tag.
    pub line: u32,
    name: String,
    /// Open elements of the same name (nested `<bdo>`).
    depth: u32,
}

impl Reversed {
    /// A start tag that lays out its text right to left, character by
    /// character, starts one.
    pub fn starts(tag: &Tag, line: u32) -> Option<Reversed> {
        if tag.kind != TagKind::StartTag || tag.self_closing {
            return None;
        }
        let attr = |n: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == n)
                .map(|a| a.value.to_ascii_lowercase())
        };
        let rtl_dir = attr("dir").is_some_and(|d| d.trim() == "rtl");
        let style = attr("style").unwrap_or_default();
        // `<bdo dir=rtl>`, or `unicode-bidi: bidi-override` with a right-to-left
        // direction in the style or the `dir` attribute.
        let bdo = &*tag.name == "bdo";
        let rtl = rtl_dir || style.contains("rtl");
        let overrides = rtl && (bdo && rtl_dir || style.contains("bidi-override"));
        overrides.then(|| Reversed {
            text: String::new(),
            line,
            name: tag.name.to_string(),
            depth: 1,
        })
    }

    /// The element `tag` opens, which a stylesheet's rule shows reversed.
    pub fn of(tag: &Tag, line: u32) -> Reversed {
        Reversed {
            text: String::new(),
            line,
            name: tag.name.to_string(),
            depth: 1,
        }
    }

    /// Counts `tag` if it is one of ours; true when the element ended.
    pub fn ends_at(&mut self, tag: &Tag) -> bool {
        if *tag.name != *self.name {
            return false;
        }
        match tag.kind {
            TagKind::StartTag if !tag.self_closing => self.depth += 1,
            TagKind::EndTag => self.depth -= 1,
            TagKind::StartTag => {}
        }
        self.depth == 0
    }

    /// The text as it shows.
    pub fn shown(&self) -> String {
        self.text.chars().rev().collect()
    }
}

/// Each run after an RLO in `segs`, reversed, as segments of their own.
pub(super) fn overridden(segs: &[Segment]) -> Vec<Segment> {
    let mut out = Vec::new();
    for s in segs.iter().filter(|s| s.text.contains(RLO)) {
        for run in s.text.split(RLO).skip(1) {
            let end = run.find([PDF, '\n']).unwrap_or(run.len());
            let shown: String = run[..end].chars().rev().collect();
            push(&mut out, shown, s.line, s.strength);
        }
    }
    out
}
