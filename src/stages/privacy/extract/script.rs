//! Views of a script or stylesheet that no single string literal shows:
//! its literals joined in order, and JavaScript's `Date(y, m, d)`.
//!
//! A script builds text from pieces in more ways than `"a" + "b"`
//! (`"Kamin".concat("ski")`, `var a = "Kamin", b = "ski"; a + b`, a
//! comment or brackets between the pieces), and a stylesheet's `content:`
//! strings join across a comment. Following each of those is a parser's
//! work; joining every literal of the file in source order, each
//! boundary a [`MARK`] (the join a removed tag makes), catches them all.
//! Only what runs across a boundary is new to the matcher, and a word that
//! runs across one is a patient's name far more often than chance.
//!
//! Not here: the lexer that finds the literals ([`super::code`]).

use super::{MARK, Segment, Strength, push};

/// The string literals of one script or stylesheet, as the lexer reads
/// them (escapes decoded), with the line of the first.
#[derive(Default)]
pub(super) struct Literals {
    joined: String,
    count: usize,
    line: u32,
}

impl Literals {
    /// One more literal, found on `line`.
    pub(super) fn add(&mut self, text: &str, line: u32) {
        if self.count == 0 {
            self.line = line;
        } else {
            self.joined.push(MARK);
        }
        self.joined.push_str(text);
        self.count += 1;
    }

    /// The joined view, when there are two literals or more (one alone is
    /// already a segment of its own).
    pub(super) fn push_into(self, segs: &mut Vec<Segment>) {
        if self.count > 1 {
            push(segs, self.joined, self.line, Strength::Text);
        }
    }
}

/// `new Date(1931, 3, 12)` and `Date.UTC(1931, 3, 12)`: the date they make
/// (JavaScript counts months from 0), written as an ISO date the date
/// matcher reads.
pub(super) fn dates(s: &str, base: u32, segs: &mut Vec<Segment>) {
    let b = s.as_bytes();
    for (at, _) in s.match_indices("Date") {
        let mut i = at + 4;
        if b[i..].starts_with(b".UTC") {
            i += 4;
        }
        let mut nums = Vec::new();
        i = skip_space(b, i);
        if b.get(i) != Some(&b'(') {
            continue;
        }
        i += 1;
        while nums.len() < 3 {
            i = skip_space(b, i);
            let len = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let Some(v) = s[i..i + len].parse::<u32>().ok().filter(|_| len <= 4) else {
                break;
            };
            nums.push(v);
            i = skip_space(b, i + len);
            if b.get(i) != Some(&b',') {
                break;
            }
            i += 1;
        }
        if let [y, m, d] = nums[..]
            && (1000..=9999).contains(&y)
            && m < 12
            && (1..=31).contains(&d)
        {
            let line = if base == 0 {
                0
            } else {
                base + super::count_nl(&s[..at])
            };
            push(
                segs,
                format!("{y}-{:02}-{d:02}", m + 1),
                line,
                Strength::Text,
            );
        }
    }
}

fn skip_space(b: &[u8], i: usize) -> usize {
    i + b[i.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count()
}
