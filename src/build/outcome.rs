//! What a build did ([`Outcome`]): its diagnostics, counts and folders,
//! for the command line to report. (How diagnostics are shown is
//! [`crate::base::report`]'s job.)

use super::*;

/// What a build did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Handouts produced (rendered or reused).
    pub handouts: usize,
    /// Of those, handouts taken unchanged from the last build.
    pub reused: usize,
    /// Handouts a check did not render: made with heropath's own templates
    /// (see [`CompiledTheme::stock`]).
    pub not_rendered: usize,
    /// Whether the public site was taken unchanged from the last build.
    pub public_reused: bool,
    /// Why the build cache could not be saved (the build itself succeeded).
    pub cache_error: Option<String>,
    /// Public files rendered.
    pub public_files: usize,
    /// Stories published.
    pub stories: usize,
    /// Where the public site went.
    pub public_dir: Option<PathBuf>,
    /// Where handouts went.
    pub handouts_dir: Option<PathBuf>,
    /// Whether anything was written.
    pub wrote: bool,
    /// How long each stage took (for `--verbose`).
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// PDFs printed by this build (`--pdf`).
    pub printed: usize,
    /// PDFs heropath printed earlier whose plan is gone: removed with
    /// their handout (paths in the handouts folder).
    pub removed_pdfs: Vec<String>,
    /// The text of each plan a diagnostic shows a line of, as the build
    /// read it (path as in the diagnostic): the report shows the text that
    /// was checked, without reading thousands of files again.
    pub sources: Vec<(PathBuf, String)>,
}

impl Outcome {
    /// True when an error was reported.
    pub fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::base::diag::Severity::Error)
    }
}
