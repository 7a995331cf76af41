//! The one place diagnostics become text for people (`human`, `short`) or
//! for machines (`json`).

use crate::base::diag::{Diagnostic, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// rustc-style: location, code frame with the span underlined, help.
    #[default]
    Human,
    /// One line each: `path:line:col: severity[code]: message`.
    Short,
    /// One JSON object per line (see the README for the fields).
    Json,
}

/// The stable JSON shape of one diagnostic.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct JsonDiagnostic {
    /// `error` or `warning`.
    pub severity: String,
    /// Stable code, e.g. `HP0002`.
    pub code: String,
    /// The message.
    pub message: String,
    /// File, relative to the clinic root, or null.
    pub file: Option<String>,
    /// 1-based line, or null.
    pub line: Option<usize>,
    /// 1-based column, or null.
    pub column: Option<usize>,
    /// Suggested fix, or null.
    pub help: Option<String>,
}

impl From<&Diagnostic> for JsonDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        JsonDiagnostic {
            severity: d.severity.label().to_string(),
            code: d.code.to_string(),
            message: d.message.clone(),
            file: d
                .file
                .as_ref()
                .map(|f| f.to_string_lossy().replace('\\', "/")),
            line: d.pos.map(|p| p.line),
            column: d.pos.map(|p| p.column),
            help: d.help.clone(),
        }
    }
}

/// Renders diagnostics, reading source files (relative to `root`) for the
/// code frames.
pub struct Reporter {
    root: PathBuf,
    format: Format,
    color: bool,
    sources: BTreeMap<PathBuf, Option<String>>,
}

impl Reporter {
    /// A reporter for a clinic at `root`.
    pub fn new(root: &Path, format: Format, color: bool) -> Reporter {
        Reporter {
            root: root.to_path_buf(),
            format,
            color,
            sources: BTreeMap::new(),
        }
    }

    /// Render many diagnostics, in order, each without a trailing newline.
    ///
    /// Same text as [`Reporter::render`] one by one, but in parallel: a
    /// clinic-wide warning can print ten thousand code frames, each needing
    /// its file read and its frame laid out, and on the main thread that
    /// was a tenth of a large build's wall time. Each file is read once.
    ///
    /// `known` gives files' texts as the build read them (a code frame then
    /// shows the text that was checked, and the file is not read again).
    pub fn render_all(
        &mut self,
        diags: &[&Diagnostic],
        known: &[(PathBuf, String)],
    ) -> Vec<String> {
        use rayon::prelude::*;
        let known: std::collections::HashMap<&Path, &str> = known
            .iter()
            .map(|(path, text)| (path.as_path(), text.as_str()))
            .collect();
        if self.format == Format::Human {
            let mut files: Vec<&Path> = diags
                .iter()
                .filter(|d| d.pos.is_some() && !d.sensitive)
                .filter_map(|d| d.file.as_deref())
                .filter(|f| !self.sources.contains_key(*f) && !known.contains_key(f))
                .collect();
            // By bytes: only equal paths need to meet (comparing paths by
            // component was most of this serial step).
            files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            files.dedup();
            let read: Vec<(PathBuf, Option<String>)> = files
                .into_par_iter()
                .map(|f| (f.to_path_buf(), read_source(&self.root, f)))
                .collect();
            self.sources.extend(read);
        }
        let this = &*self;
        diags
            .par_iter()
            .map(|d| match this.format {
                Format::Json => {
                    serde_json::to_string(&JsonDiagnostic::from(*d)).unwrap_or_default()
                }
                Format::Short => d.render(),
                Format::Human => {
                    let src = d.file.as_deref().and_then(|f| {
                        known
                            .get(f)
                            .copied()
                            .or_else(|| this.sources.get(f).and_then(Option::as_deref))
                    });
                    this.human_with(d, src)
                }
            })
            .collect()
    }

    /// Render one diagnostic (no trailing newline).
    pub fn render(&mut self, d: &Diagnostic) -> String {
        match self.format {
            Format::Json => serde_json::to_string(&JsonDiagnostic::from(d)).unwrap_or_default(),
            Format::Short => d.render(),
            Format::Human => self.human(d),
        }
    }

    fn source(&mut self, file: &Path) -> Option<&str> {
        let root = &self.root;
        self.sources
            .entry(file.to_path_buf())
            .or_insert_with(|| read_source(root, file))
            .as_deref()
    }

    fn human(&mut self, d: &Diagnostic) -> String {
        let src = match (&d.file, d.pos) {
            (Some(file), Some(_)) if !d.sensitive => self.source(file).map(str::to_owned),
            _ => None,
        };
        self.human_with(d, src.as_deref())
    }

    /// [`Reporter::human`] with the diagnostic's file already read.
    fn human_with(&self, d: &Diagnostic, source: Option<&str>) -> String {
        let color = self.color;
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        // First line: `path:line:col: error[CODE]: message`, which editors and
        // grep understand; then the rustc-style frame.
        let mut head = String::new();
        if let Some(f) = &d.file {
            head.push_str(&f.display().to_string());
            if let Some(p) = d.pos {
                head.push_str(&format!(":{}:{}", p.line, p.column));
            }
            head.push_str(": ");
        }
        let label = format!("{}[{}]", d.severity.label(), d.code);
        let label = if color {
            let c = if d.severity == Severity::Error {
                "\x1b[1;31m"
            } else {
                "\x1b[1;33m"
            };
            format!("{c}{label}\x1b[0m\x1b[1m")
        } else {
            label
        };
        let mut out = format!(
            "{head}{label}: {}{}",
            d.message,
            if color { "\x1b[0m" } else { "" }
        );
        let frame = match (&d.file, d.pos) {
            (Some(file), Some(pos)) if !d.sensitive => {
                let path = file.display().to_string();
                source
                    .and_then(|src| span_of(src, pos.line, pos.column))
                    .map(|(src_line, span, line_no)| (path, src_line, span, line_no))
            }
            _ => None,
        };
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        match frame {
            Some((path, src_line, span, line_no))
                if let Some(frame) = (!color)
                    .then(|| plain_frame(&path, &src_line, &span, line_no, d.help.as_deref()))
                    .flatten() =>
            {
                out.push('\n');
                out.push_str(&frame);
            }
            Some((path, src_line, span, line_no)) => {
                let mut group = Group::with_level(level.clone()).element(
                    Snippet::source(src_line.as_str())
                        .line_start(line_no)
                        .path(path.as_str())
                        .fold(false)
                        .annotation(AnnotationKind::Primary.span(span)),
                );
                if let Some(h) = &d.help {
                    group = group.element(Level::HELP.message(h.as_str()));
                }
                out.push('\n');
                out.push_str(renderer.render(&[group]).trim_end());
            }
            None => {
                if let Some(h) = &d.help {
                    out.push_str(&format!("\n  = help: {h}"));
                }
            }
        }
        out
    }
}

/// The frame annotate-snippets draws (uncoloured, trailing space
/// trimmed) for the common case, drawn directly: one span on a short line
/// of plain ASCII, help on one line or none. `None` for anything else,
/// which annotate-snippets then draws. A check of 10,000 plans can show
/// tens of thousands of frames, and drawing them was a twentieth of its
/// CPU; a test compares both on many frames.
fn plain_frame(
    path: &str,
    src: &str,
    span: &std::ops::Range<usize>,
    line_no: usize,
    help: Option<&str>,
) -> Option<String> {
    let plain = |t: &str| t.bytes().all(|b| (b' '..=b'~').contains(&b));
    if src.len() > 80 || !plain(src) || span.is_empty() || span.end > src.len() {
        return None;
    }
    if help.is_some_and(|h| h.contains(['\n', '\r', '\t'])) {
        return None;
    }
    use std::fmt::Write as _;
    let pad = " ".repeat(line_no.to_string().len());
    let mut out = String::with_capacity(4 * pad.len() + path.len() + 2 * src.len() + 64);
    let _ = writeln!(out, "{pad}--> {path}:{line_no}:{}", span.start + 1);
    let _ = writeln!(out, "{pad} |\n{line_no} | {src}");
    let _ = write!(
        out,
        "{pad} | {}{}",
        " ".repeat(span.start),
        "^".repeat(span.len())
    );
    if let Some(h) = help {
        let _ = write!(out, "\n{pad} |\n{pad} = help: {h}");
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    Some(out)
}

/// A diagnostic's file, relative to the clinic root unless absolute.
/// Its text as the loader reads it (a byte-order mark honoured):
/// positions count from the text after the mark.
fn read_source(root: &Path, file: &Path) -> Option<String> {
    let bytes = std::fs::read(if file.is_absolute() {
        file.to_path_buf()
    } else {
        root.join(file)
    })
    .ok()?;
    crate::base::encoding::decode(bytes, file).ok()
}

/// Line `index` (from 0) of `src` as [`str::lines`] gives it, found with
/// `memchr`: ten thousand code frames each looked up their line, and the
/// line iterator showed in profiles.
fn nth_line(src: &str, index: usize) -> Option<&str> {
    let start = match index {
        0 => 0,
        n => memchr::memchr_iter(b'\n', src.as_bytes()).nth(n - 1)? + 1,
    };
    let rest = src.get(start..).filter(|r| !r.is_empty())?;
    Some(match memchr::memchr(b'\n', rest.as_bytes()) {
        Some(end) => rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]),
        None => rest,
    })
}

/// The source line at `line` and the byte span of the token at `column`.
fn span_of(
    src: &str,
    line: usize,
    column: usize,
) -> Option<(String, std::ops::Range<usize>, usize)> {
    let text = nth_line(src, line.checked_sub(1)?)?;
    let start = text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(b, _)| b);
    let rest = &text[start..];
    let mut len = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || matches!(c, ':' | ',' | '}' | ']'))
        .map_or(rest.len(), |(b, _)| b);
    if len == 0 {
        len = rest.chars().next().map_or(0, char::len_utf8);
    }
    Some((text.to_string(), start..start + len, line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diag::{Code, Pos};

    #[test]
    fn a_line_is_the_one_str_lines_gives() {
        for src in [
            "",
            "a",
            "a\n",
            "a\n\nb",
            "a\r\nb\r\n",
            "a\rb\r",
            "\n\n",
            "x\r",
            "é\nü",
        ] {
            for i in 0..5 {
                assert_eq!(nth_line(src, i), src.lines().nth(i), "{src:?} {i}");
            }
        }
    }

    #[test]
    fn the_plain_frame_is_the_one_annotate_snippets_draws() {
        let lines = [
            "a: b",
            "      - name: \"Short walk\"",
            "  patient: [\"You will do your exercises each day and mark them on the log.\"]",
            "  x: y  ",
            "k:",
            "~!@#$%^&*()_+{}|:<>?`-=[]\\;',./",
        ];
        let helps = [
            None,
            Some("add `image:` with `image_alt:`"),
            Some("é ü — 日本"),
            Some(""),
        ];
        let mut drawn = 0;
        for line_no in [1, 9, 10, 99, 100, 12_345] {
            for src in lines {
                for start in 0..src.len() {
                    for len in [1, 2, 5, 40] {
                        let span = start..(start + len).min(src.len());
                        for help in helps {
                            let Some(fast) = plain_frame("p/a b.yaml", src, &span, line_no, help)
                            else {
                                continue;
                            };
                            let mut group = Group::with_level(Level::WARNING).element(
                                Snippet::source(src)
                                    .line_start(line_no)
                                    .path("p/a b.yaml")
                                    .fold(false)
                                    .annotation(AnnotationKind::Primary.span(span.clone())),
                            );
                            if let Some(h) = help {
                                group = group.element(Level::HELP.message(h));
                            }
                            let slow = Renderer::plain().render(&[group]);
                            assert_eq!(fast, slow.trim_end(), "{src:?} {span:?} {help:?}");
                            drawn += 1;
                        }
                    }
                }
            }
        }
        assert!(drawn > 1000, "{drawn}");
        // Anything else is left to annotate-snippets.
        assert!(plain_frame("p", "\ta: b", &(0..1), 1, None).is_none());
        assert!(plain_frame("p", "é: b", &(0..1), 1, None).is_none());
        assert!(plain_frame("p", "a: b", &(0..1), 1, Some("two\nlines")).is_none());
        assert!(plain_frame("p", &"x".repeat(81), &(0..1), 1, None).is_none());
    }

    #[test]
    fn human_output_has_location_frame_and_help() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("p.yaml"),
            "patient:\n  prefered_name: Mari\n",
        )
        .unwrap();
        let d = Diagnostic::error(Code::UnknownKey, "patient: unknown field `prefered_name`")
            .in_file("p.yaml")
            .at(Some(Pos { line: 2, column: 3 }))
            .help("did you mean `preferred_name`?");
        let text = Reporter::new(dir.path(), Format::Human, false).render(&d);
        assert!(
            text.starts_with("p.yaml:2:3: error[HP0002]: patient: unknown field"),
            "{text}"
        );
        assert!(text.contains("--> p.yaml:2:3"), "{text}");
        assert!(text.contains("2 |   prefered_name: Mari"), "{text}");
        assert!(text.contains("  ^^^^^^^^^^^^^"), "{text}");
        assert!(
            text.contains("help: did you mean `preferred_name`?"),
            "{text}"
        );
    }

    #[test]
    fn a_frame_shows_the_text_the_build_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.yaml"), "patient:\n  on_disk: now\n").unwrap();
        let d = Diagnostic::error(Code::UnknownKey, "unknown field")
            .in_file("p.yaml")
            .at(Some(Pos { line: 2, column: 3 }));
        let known = [(
            PathBuf::from("p.yaml"),
            "patient:\n  as_read: then\n".to_string(),
        )];
        let mut r = Reporter::new(dir.path(), Format::Human, false);
        let given = r.render_all(&[&d], &known).join("\n");
        assert!(given.contains("2 |   as_read: then"), "{given}");
        // Without it, the file is read.
        let mut r = Reporter::new(dir.path(), Format::Human, false);
        let read = r.render_all(&[&d], &[]).join("\n");
        assert!(read.contains("2 |   on_disk: now"), "{read}");
    }

    #[test]
    fn json_output_round_trips() {
        let d = Diagnostic::warning(Code::ConsentExpired, "story not published")
            .in_file("a.yaml")
            .at(Some(Pos { line: 4, column: 1 }));
        let line = Reporter::new(Path::new("."), Format::Json, false).render(&d);
        let back: JsonDiagnostic = serde_json::from_str(&line).unwrap();
        assert_eq!(back.severity, "warning");
        assert_eq!(back.line, Some(4));
        assert_eq!(back.help, None);
    }
}
