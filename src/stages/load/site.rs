//! `site.yaml`: read, decoded and parsed, its text kept for locating
//! diagnostics later.

use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::content::config::Site;
use crate::content::yaml;
use std::path::Path;

/// `site.yaml` of `root`, parsed, and its text.
pub(super) fn read_site(root: &Path, diags: &mut Diagnostics) -> (Option<Site>, String) {
    match std::fs::read(root.join("site.yaml")) {
        Ok(bytes) => match crate::base::encoding::decode(bytes, Path::new("site.yaml")) {
            Ok(text) => {
                let parsed = yaml::parse::<Site>(&text, Path::new("site.yaml"))
                    .map_err(|d| diags.push(*d))
                    .ok();
                (parsed, text)
            }
            Err(d) => {
                diags.push(*d);
                (None, String::new())
            }
        },
        Err(e) => {
            diags.push(
                Diagnostic::error(Code::NoSite, format!("cannot read site.yaml in {}: {e}", root.display()))
                    .help("run heropath in a clinic folder, pass --root DIR, or create one with `heropath init`"),
            );
            (None, String::new())
        }
    }
}
