//! Printing for the command line: diagnostics in the chosen format (with
//! colour only on a terminal), the progress bar, and the closing
//! "failed with N error(s)" line with its exit code.

use heropath::base::diag::{Diagnostic, Severity};
use heropath::base::report::{Format, Reporter};
use heropath::build::Outcome;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// How diagnostics are printed for this run.
pub struct Ui {
    /// Diagnostics' paths are shown relative to this folder.
    pub root: PathBuf,
    /// `--format`.
    pub format: Format,
    /// `--quiet`.
    pub quiet: bool,
    /// The command writes files (every one but `check`): a failure says
    /// that nothing was written.
    pub writes: bool,
}

impl Ui {
    /// A progress bar for long builds: only on a terminal, never with
    /// --quiet or JSON output (indicatif also hides it when not a TTY).
    pub fn progress_bar(&self) -> Option<std::sync::Arc<dyn heropath::build::Progress>> {
        if !self.chatty() || !std::io::stderr().is_terminal() {
            return None;
        }
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} rendering handouts [{bar:30}] {pos}/{len}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        Some(std::sync::Arc::new(Bar(
            indicatif::ProgressBar::new(0).with_style(style)
        )))
    }

    /// Print progress and summaries (not in JSON mode, not with --quiet).
    pub fn chatty(&self) -> bool {
        !self.quiet && self.format != Format::Json
    }

    /// Print diagnostics: JSON on stdout, the others on stderr; with
    /// --quiet only errors.
    pub fn print(&self, diags: &[Diagnostic]) {
        self.print_with(diags, &[]);
    }

    /// [`Ui::print`], with the texts of files as the build read them (see
    /// [`Reporter::render_all`]).
    pub fn print_with(&self, diags: &[Diagnostic], known: &[(PathBuf, String)]) {
        let color = std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        let mut reporter = Reporter::new(&self.root, self.format, color);
        let shown: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| {
                !(self.quiet && self.format != Format::Json && d.severity != Severity::Error)
            })
            .collect();
        // One buffered write for all of them: stderr is unbuffered, and a
        // line at a time was thousands of system calls on a large clinic.
        let mut text = String::new();
        for t in reporter.render_all(&shown, known) {
            text.push_str(&t);
            text.push('\n');
        }
        use std::io::Write as _;
        // A closed pipe (`heropath check | head`) is not an error to report.
        let _ = if self.format == Format::Json {
            std::io::stdout().lock().write_all(text.as_bytes())
        } else {
            std::io::stderr().lock().write_all(text.as_bytes())
        };
    }
}

/// Print a report's diagnostics and pick the exit code: 1 on errors (or
/// warnings, with `strict`).
pub fn finish(report: &Outcome, strict: bool, ui: &Ui) -> ExitCode {
    ui.print_with(&report.diagnostics, &report.sources);
    let errors = report.failed();
    let warnings = report.diagnostics.len()
        - report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
    if errors || (strict && warnings > 0) {
        let (e, w) = (report.diagnostics.len() - warnings, warnings);
        if ui.format != Format::Json {
            // A build that put its new output in place and then failed
            // (the old tree could not be removed) did write.
            let tail = match (ui.writes, report.wrote) {
                (false, _) => "",
                (true, false) => "; nothing was written",
                (true, true) => "; the new output is in place",
            };
            eprintln!("heropath: failed with {e} error(s) and {w} warning(s){tail}");
        }
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// After a run that failed and wrote nothing: name each handout an
/// earlier run left in place (`kept`), and when it was written, so that
/// the therapist does not print yesterday's sheet (`what`: "the previous
/// handout was kept and is out of date", …).
pub fn tell_kept(kept: &[heropath::build::Kept], what: &str, ui: &Ui) {
    if kept.is_empty() || ui.format == Format::Json {
        return;
    }
    let files: Vec<String> = kept.iter().map(|k| k.describe(&ui.root)).collect();
    eprintln!(
        "heropath: {what}: {}; do not print {} until the errors above are fixed",
        files.join(", "),
        if files.len() == 1 { "it" } else { "them" },
    );
}

/// The build's [`heropath::build::Progress`] drawn as an indicatif bar.
#[derive(Debug)]
struct Bar(indicatif::ProgressBar);

impl heropath::build::Progress for Bar {
    fn start(&self, total: u64) {
        self.0.set_length(total);
    }

    fn advance(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
