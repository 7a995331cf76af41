//! Printing a handout to PDF through a locally installed Chromium, for the
//! therapist at the desk (`heropath handout … --pdf`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why printing failed.
#[derive(Debug)]
pub enum PdfError {
    /// No Chromium-family browser was found.
    NoBrowser,
    /// The browser ran but did not produce the PDF.
    Failed(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::NoBrowser => write!(
                f,
                "printing to PDF needs Chromium or Google Chrome, and none was found. Install one \
                 (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`; \
                 macOS: `brew install --cask chromium`), or set HEROPATH_CHROMIUM to its path. \
                 The HTML handout was written and can be printed from any browser."
            ),
            PdfError::Failed(why) => write!(f, "Chromium could not print the handout: {why}"),
        }
    }
}

/// Flags for a private, offline, headless Chromium: no sandbox (it may run
/// as root in CI), no GPU, no first-run or background network traffic.
pub const HEADLESS_FLAGS: [&str; 7] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// The browser to print with: `HEROPATH_CHROMIUM`, else the first of the
/// usual names on `PATH`.
pub fn find_browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("HEROPATH_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
        "chrome",
    ];
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
        .or_else(|| {
            let mac = Path::new("/Applications/Chromium.app/Contents/MacOS/Chromium");
            mac.is_file().then(|| mac.to_path_buf())
        })
}

/// Print `html` to `pdf` with headless Chromium. Uses a fresh profile and
/// no network, so printing is private and repeatable.
pub fn print(html: &Path, pdf: &Path) -> Result<(), PdfError> {
    let browser = find_browser().ok_or(PdfError::NoBrowser)?;
    let html = html
        .canonicalize()
        .map_err(|e| PdfError::Failed(e.to_string()))?;
    let profile = std::env::temp_dir().join(format!("heropath-chromium-{}", std::process::id()));
    let _ = std::fs::remove_file(pdf);
    let out = Command::new(&browser)
        .args(HEADLESS_FLAGS)
        .arg("--no-pdf-header-footer")
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output();
    let _ = std::fs::remove_dir_all(&profile);
    let out = out.map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => PdfError::NoBrowser,
        _ => PdfError::Failed(e.to_string()),
    })?;
    if pdf.is_file() {
        Ok(())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(PdfError::Failed(
            err.lines().last().unwrap_or("no output").to_string(),
        ))
    }
}
