//! The check of unfinished text reads a plan string by string only when
//! its YAML source could hold a placeholder at all: one pass over the
//! source, lower-cased with every run of white space one space, through an
//! automaton of every phrase and clue ([`may_hold_placeholder`]). This runs
//! on every plan of every check, so the automaton is a dense table walked
//! a byte at a time ([`Table`]).

use super::placeholders::{MARKERS, template_phrases};

/// ASCII white space as YAML and the checks read it (with the vertical
/// tab, which `u8::is_ascii_whitespace` leaves out).
const SPACES: [u8; 6] = [b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r'];

/// What the prefilter looks for: the template's phrases and the clues of
/// placeholders people type ([`super::fillers::clues`]).
pub(super) fn prefilter_patterns() -> &'static [String] {
    static PATTERNS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut out = template_phrases().to_vec();
        out.extend(super::fillers::clues());
        out
    })
}

/// An Aho-Corasick automaton (unanchored: a phrase anywhere) as one table
/// of states by byte class, every ASCII capital read as its small letter.
/// The `aho_corasick` DFA it is made from answers the same, through a call
/// and a match test a byte; over the 23 MB of a 10,000-plan clinic that
/// showed in profiles of a check.
pub(super) struct Table {
    /// Byte → its class: bytes that no pattern holds share class 0.
    class: [u8; 256],
    /// `next[state + class]`: the next state, itself the start of its
    /// row of one entry a class, or [`Table::FOUND`].
    next: Vec<u32>,
}

impl Table {
    /// Where a pattern has been read: no later byte can undo it.
    const FOUND: u32 = u32::MAX;

    /// The start state.
    const START: u32 = 0;

    /// Does the text of `bytes`, all ASCII, lower-cased with every run of
    /// white space one space, hold a pattern? (White space before the
    /// first word is not read; after the last, it is one space.)
    fn finds_in_ascii(&self, bytes: &[u8]) -> bool {
        let first = bytes.iter().position(|b| !SPACES.contains(b));
        let mut state = Table::START;
        // A pattern found stays found: asked once, at the end.
        for &b in &bytes[first.unwrap_or(bytes.len())..] {
            state = self.step(state, b);
        }
        state == Table::FOUND
    }

    /// The table of `patterns` (`None` when `aho_corasick` cannot build
    /// them, or there are more states than a table holds).
    pub(super) fn new(patterns: &[String]) -> Option<Table> {
        use aho_corasick::{Anchored, automaton::Automaton, dfa::DFA};
        let dfa = DFA::new(patterns).ok()?;
        // Classes: one per byte some pattern holds, capitals folded, and
        // one for white space (a space first, whether a pattern holds one
        // or not).
        let mut class = [0u8; 256];
        let mut reps = vec![0u8, b' '];
        class[usize::from(b' ')] = 1;
        for b in patterns.iter().flat_map(|p| p.bytes()) {
            let b = b.to_ascii_lowercase();
            if class[usize::from(b)] == 0 {
                class[usize::from(b)] = u8::try_from(reps.len()).ok()?;
                reps.push(b);
            }
        }
        for b in b'A'..=b'Z' {
            class[usize::from(b)] = class[usize::from(b.to_ascii_lowercase())];
        }
        for b in SPACES {
            class[usize::from(b)] = 1;
        }
        let width = reps.len();
        // Each state of the DFA reached from its start is given a row, in
        // the order they are met. A state is reached by one byte only (the
        // last of the pattern prefix it stands for; the start by any): a
        // state reached by a space reads more white space as nothing, so
        // a run of it is one space.
        let start = dfa.start_state(Anchored::No).ok()?;
        let mut rows = std::collections::HashMap::from([(start, 0usize)]);
        let mut order = vec![(start, false)];
        let mut next = Vec::new();
        let mut i = 0;
        while let Some(&(state, after_space)) = order.get(i) {
            for &b in &reps {
                if b == b' ' && after_space {
                    next.push(u32::try_from(i * width).ok()?);
                    continue;
                }
                let to = dfa.next_state(Anchored::No, state, b);
                if dfa.is_match(to) {
                    next.push(Table::FOUND);
                    continue;
                }
                let row = *rows.entry(to).or_insert_with(|| {
                    order.push((to, b == b' ' && to != start));
                    order.len() - 1
                });
                next.push(
                    u32::try_from(row * width)
                        .ok()
                        .filter(|&r| r != Table::FOUND)?,
                );
            }
            i += 1;
        }
        Some(Table { class, next })
    }

    /// The state after reading `b` in `state` (a row's start). From
    /// [`Table::FOUND`], past every row, it stays there.
    #[inline]
    fn step(&self, state: u32, b: u8) -> u32 {
        let at = state as usize + usize::from(self.class[usize::from(b)]);
        self.next.get(at).copied().unwrap_or(Table::FOUND)
    }
}

/// Can the plan whose YAML source is `text` hold a `TODO` or a template
/// phrase at all? Most plans cannot, and saying so from the source text
/// spares turning the whole plan into a JSON value (this runs on every plan
/// of every check).
///
/// A line of a string is compared lower-cased with single spaces; its words
/// stand in the source as written, separated by spaces and line breaks
/// (YAML folds lines only at white space). So the source, lower-cased with
/// every run of white space made one space, holds each phrase a string
/// holds. Escapes (`\`, and `''` in single quotes) could spell it otherwise:
/// such a source goes the long way, as does any `TODO`.
pub(super) fn may_hold_placeholder(text: &str) -> bool {
    static TABLE: std::sync::OnceLock<Option<Table>> = std::sync::OnceLock::new();
    // The markers and escapes, each looked for with `memchr`'s vector
    // search (one automaton for all seven read a byte at a time: slower).
    static MARKS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            let marks = MARKERS.iter().copied().chain(["''"]);
            marks.map(memchr::memmem::Finder::new).collect()
        });
    let Some(table) = TABLE.get_or_init(|| Table::new(prefilter_patterns())) else {
        return true;
    };
    let bytes = text.as_bytes();
    if memchr::memchr(b'\\', bytes).is_some() || MARKS.iter().any(|m| m.find(bytes).is_some()) {
        return true;
    }
    if text.is_ascii() {
        return table.finds_in_ascii(bytes);
    }
    // A marker hidden by an invisible or full-width character is found
    // only once the line is folded (see `fold`): read such a plan.
    if super::fold::needs_fold(text) {
        return true;
    }
    // A merge field whose first letter is beyond ASCII (`{имя}`, `%nombre%`
    // is ASCII): the clues hold only `{a`…`{z`, `%a`…`%z`.
    if bytes
        .windows(2)
        .any(|w| matches!(w[0], b'{' | b'%') && w[1] >= 0x80)
    {
        return true;
    }
    let mut state = Table::START;
    let mut buf = [0u8; 4];
    // A space is owed before the next letter (not before the first).
    let (mut started, mut gap) = (false, false);
    // Split at ASCII white space, a slice at a time. A word with other
    // letters is read a character at a time, its Unicode white space (a
    // no-break space) a gap like any other.
    for word in bytes.split(|b| SPACES.contains(b)) {
        gap |= started;
        if word.is_empty() {
            continue;
        }
        if word.is_ascii() {
            if std::mem::take(&mut gap) {
                state = table.step(state, b' ');
            }
            started = true;
            // The table reads capitals as small letters.
            for &b in word {
                state = table.step(state, b);
            }
            continue;
        }
        for c in String::from_utf8_lossy(word).chars() {
            if c.is_whitespace() {
                gap |= started;
                continue;
            }
            if std::mem::take(&mut gap) {
                state = table.step(state, b' ');
            }
            started = true;
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    state = table.step(state, b);
                }
            }
        }
    }
    state == Table::FOUND
}
