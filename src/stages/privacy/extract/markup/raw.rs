//! Comments (commented-out markup, CDATA sections) and the raw text of
//! `<script>` and `<style>` elements, each read as what it holds.

use super::super::code::{Lang, json_into, lex};
use super::{MAX_DEPTH, Markup, RawWhat, count_nl, markup_into, push};
use crate::stages::privacy::extract::Strength;

impl Markup {
    pub(super) fn comment(&mut self, c: &str, line: u32) {
        self.flush_chars();
        let start = line.saturating_sub(count_nl(c));
        if let Some(rest) = c.strip_prefix("[CDATA[") {
            // Outside foreign content html5ever reads `<![CDATA[` as a bogus
            // comment ending at the first `>`; the rest of the section follows
            // as ordinary tokens. Put the part before `>` back in the text.
            let mut frag = String::with_capacity(rest.len() + 1);
            frag.push_str(rest);
            frag.push('>');
            if self.depth < MAX_DEPTH {
                self.splice_markup(start, &frag);
            } else {
                self.sync(start);
                self.append(&frag);
            }
            return;
        }
        if c.contains('<') && self.depth < MAX_DEPTH {
            // Commented-out markup (`<!--[if IE]><p>...`): tag names are not text.
            let a = self.abs(start);
            markup_into(c, a, false, self.depth + 1, &mut self.segs);
        } else {
            let a = self.abs(start);
            push(&mut self.segs, c, a, Strength::Text);
        }
        self.mark(false);
    }

    pub(super) fn finish_raw(&mut self) {
        let Some(raw) = self.raw.take() else { return };
        let line = self.abs(raw.line.max(1));
        match raw.what {
            Some(RawWhat::Css) => lex(&raw.buf, Lang::Css, line, &mut self.segs),
            Some(RawWhat::Js) | None => lex(&raw.buf, Lang::Js, line, &mut self.segs),
            Some(RawWhat::Json) => json_into(&raw.buf, line, &mut self.segs),
            Some(RawWhat::Markup) => {
                if self.depth < MAX_DEPTH {
                    markup_into(&raw.buf, line, false, self.depth + 1, &mut self.segs)
                } else {
                    push(&mut self.segs, raw.buf, line, Strength::Text)
                }
            }
        }
    }
}
