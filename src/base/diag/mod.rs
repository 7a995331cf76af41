//! Diagnostics: the one place where problems found by any stage become
//! user-facing messages (`path:line:col: error: message`).

mod codes;

pub use codes::Code;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot go on; nothing is written.
    Error,
    /// Something worth fixing; the build still succeeds (fails under `--strict`).
    Warning,
}

impl Severity {
    /// The word printed before the message.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A position in a source file (1-based line and column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
}

impl Pos {
    /// The line and column of byte `at` of `text` (an offset inside a
    /// character counts as that character's start; past the end, as the
    /// end). One home for the rule: YAML errors, the checks and the page
    /// warnings all turn byte offsets into positions with it.
    pub fn at_byte(text: &str, at: usize) -> Pos {
        let at = (0..=at.min(text.len()))
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0);
        let before = &text[..at];
        // Bytes, not characters, until the last line: a diagnostic of a long
        // file is placed without decoding all of it.
        let newlines = memchr::memchr_iter(b'\n', before.as_bytes());
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        Pos {
            line: newlines.count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// The other way on one line: the byte index where 1-based character
    /// column `column` of `line` starts (the line's end for the column just
    /// past it; `None` beyond that).
    pub fn byte_in_line(line: &str, column: usize) -> Option<usize> {
        line.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(line.len()))
            .nth(column.checked_sub(1)?)
    }
}

/// One problem, tied to a file and, where known, a position in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code (`HP` + number) that scripts can match on.
    pub code: Code,
    /// What is wrong, in plain words.
    pub message: String,
    /// The file the problem is in, relative to the clinic root where possible.
    pub file: Option<PathBuf>,
    /// Where in the file.
    pub pos: Option<Pos>,
    /// How to fix it, when there is something to suggest.
    pub help: Option<String>,
    /// The source line holds private data (a patient's name the privacy
    /// guard found): reports give its place but never quote it.
    pub sensitive: bool,
}

impl Diagnostic {
    /// An error.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: None,
            pos: None,
            help: None,
            sensitive: false,
        }
    }

    /// A warning.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Attach the file.
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Attach a position.
    pub fn at(mut self, pos: Option<Pos>) -> Self {
        self.pos = pos;
        self
    }

    /// Mark the source line as private: never quoted in a report.
    pub fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Attach a fix suggestion.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `path:line:col: severity[code]: message` plus an indented help line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if let Some(file) = &self.file {
            let _ = write!(out, "{}", file.display());
            if let Some(pos) = self.pos {
                let _ = write!(out, ":{}:{}", pos.line, pos.column);
            }
            out.push_str(": ");
        }
        let _ = write!(
            out,
            "{}[{}]: {}",
            self.severity.label(),
            self.code,
            self.message
        );
        if let Some(help) = &self.help {
            let _ = write!(out, "\n  = help: {help}");
        }
        out
    }
}

/// All diagnostics of one run, in a stable order.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Add one.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Add many.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// True when at least one error was reported.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors and warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.items.len() - errors)
    }

    /// Sorted by file, position, then severity, so output is deterministic
    /// whatever order parallel stages finished in.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        // Stable, as a serial sort: tens of thousands at a large clinic.
        use rayon::slice::ParallelSliceMut as _;
        self.items.par_sort_by(|a, b| {
            (&a.file, a.pos, a.severity, &a.message).cmp(&(&b.file, b.pos, b.severity, &b.message))
        });
        self.items.dedup();
        self.items
    }

    /// Borrow the items in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// The items in insertion order (to add one list to another).
impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The closest candidate to `word` by edit distance, if it is close enough to
/// be a plausible typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (levenshtein(&word_l, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(2))
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// Classic two-row Levenshtein distance over characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_offset_becomes_line_and_character_column() {
        let at = |text: &str, i: usize| {
            let p = Pos::at_byte(text, i);
            (p.line, p.column)
        };
        let text = "ab\r\nñé: x\n\nz";
        assert_eq!(at(text, 0), (1, 1));
        assert_eq!(at(text, 2), (1, 3));
        assert_eq!(at(text, 4), (2, 1));
        // `x` is the fifth character of its line, its seventh byte.
        assert_eq!(at(text, 4 + 6), (2, 5));
        // Inside `ñ` counts as its start.
        assert_eq!(at(text, 5), (2, 1));
        assert_eq!(at(text, text.len() - 1), (4, 1));
        // Past the end: the end.
        assert_eq!(at(text, 999), (4, 2));
        assert_eq!(at("", 3), (1, 1));
    }

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("same", "same"), 0);
    }

    #[test]
    fn closest_finds_typos_but_not_strangers() {
        let keys = ["name", "preferred_name", "pronouns", "language"];
        assert_eq!(closest("prefered_name", keys), Some("preferred_name"));
        assert_eq!(closest("langauge", keys), Some("language"));
        assert_eq!(closest("zzzzzzzz", keys), None);
    }

    #[test]
    fn render_puts_location_first() {
        let d = Diagnostic::error(Code::YamlSyntax, "bad")
            .in_file("a/b.yaml")
            .at(Some(Pos { line: 3, column: 5 }))
            .help("fix it");
        assert_eq!(
            d.render(),
            "a/b.yaml:3:5: error[HP0001]: bad\n  = help: fix it"
        );
    }
}
