//! How the cache file stores what it records: the header line (format,
//! binary, keys, the public site) and each plan's meta (diagnostics,
//! handout), as JSON.

use super::{Code, Date, Diagnostic, Pos, Severity};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The first line of the file.
#[derive(Serialize, Deserialize)]
pub(super) struct Header {
    pub(super) format: u32,
    pub(super) program: String,
    pub(super) check_key: String,
    pub(super) handout_key: String,
    #[serde(default)]
    pub(super) public: Option<StoredPublic>,
    /// A digest of the header before it and of each record but its plan's
    /// JSON (see `save::store`); absent while it is being computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) digest: Option<String>,
}

/// The public site of the last build: what it was made from, and its files.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredPublic {
    pub(super) key: String,
    pub(super) guard_key: String,
    pub(super) stories: usize,
    pub(super) files: Vec<(String, String)>,
}

/// What is stored of a plan besides the plan itself.
#[derive(Serialize, Deserialize)]
pub(super) struct Meta {
    #[serde(default)]
    pub(super) today: Option<Date>,
    #[serde(default)]
    pub(super) diagnostics: Vec<StoredDiagnostic>,
    #[serde(default)]
    pub(super) handout: Option<(String, String)>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct StoredDiagnostic {
    pub(super) error: bool,
    pub(super) code: String,
    pub(super) message: String,
    pub(super) file: Option<PathBuf>,
    pub(super) pos: Option<(usize, usize)>,
    pub(super) help: Option<String>,
}

impl StoredDiagnostic {
    pub(super) fn from(d: &Diagnostic) -> StoredDiagnostic {
        StoredDiagnostic {
            error: d.severity == Severity::Error,
            code: d.code.to_string(),
            message: d.message.clone(),
            file: d.file.clone(),
            pos: d.pos.map(|p| (p.line, p.column)),
            help: d.help.clone(),
        }
    }

    /// `None` for a code this binary does not know (the entry is then
    /// not reused).
    pub(super) fn to_diagnostic(&self) -> Option<Diagnostic> {
        Some(Diagnostic {
            severity: if self.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            code: Code::parse(&self.code)?,
            message: self.message.clone(),
            file: self.file.clone(),
            pos: self.pos.map(|(line, column)| Pos { line, column }),
            help: self.help.clone(),
            sensitive: false,
        })
    }
}
