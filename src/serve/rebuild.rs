//! One step of the rebuild loop: build what is pending, then either swap in
//! the new pages and reload open tabs, or keep serving the last good ones
//! and show the errors (in the terminal and over the page).

use super::ServeOptions;
use super::builder::{Builder, Built};
use super::changes::Dirty;
use super::state::{Event, Shared};
use crate::base::diag::{Diagnostic, Severity};
use crate::base::report::{Format, Reporter};
use std::sync::Arc;
use std::time::Instant;

/// Rebuild what `pending` says; on success clear it, swap the snapshot and
/// reload open tabs (new handouts may be swapped in first, see
/// [`Builder::rebuild`]); on failure keep pending and show the errors.
pub(super) fn rebuild(
    builder: &mut Builder,
    shared: &Shared,
    pending: &mut Dirty,
    opts: &ServeOptions,
    print: &dyn Fn(&[Diagnostic]),
) {
    let t = Instant::now();
    let what = pending.describe();
    let prev = shared.snapshot();
    // New handouts, served before the rest of the build is done.
    let early = |snap| {
        shared.publish(snap);
        shared.broadcast(&Event::Reload);
        if opts.verbose {
            eprintln!(
                "heropath:   handout(s) ready in {} ms",
                t.elapsed().as_millis()
            );
        }
    };
    match builder.rebuild(pending, &prev, &early) {
        Ok(built) => {
            *pending = Dirty::default();
            succeeded(built, shared, opts, print, &what, t);
        }
        Err(diags) => {
            print(&diags);
            failed(&diags, shared, builder);
        }
    }
}

/// Serve a good build and say what was built.
fn succeeded(
    built: Built,
    shared: &Shared,
    opts: &ServeOptions,
    print: &dyn Fn(&[Diagnostic]),
    what: &str,
    t: Instant,
) {
    let n = built.snap.public.len();
    shared.publish(built.snap);
    // Not again when the tabs already reloaded for the new
    // handouts and nothing else changed since.
    if !built.served_early {
        shared.broadcast(&Event::Reload);
    }
    print(&built.warnings);
    if opts.quiet {
        return;
    }
    let public = built.public_rendered.map_or_else(
        || "public site unchanged".to_string(),
        |p| format!("{p} public file(s)"),
    );
    let verbose = if opts.verbose {
        format!("; {n} public file(s) served")
    } else {
        String::new()
    };
    eprintln!(
        "heropath: built {what} in {} ms: {} handout(s), {public}{verbose}",
        t.elapsed().as_millis(),
        built.handouts_rendered
    );
}

/// Keep serving the last good build; send the errors to open tabs.
fn failed(diags: &[Diagnostic], shared: &Shared, builder: &Builder) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    eprintln!(
        "heropath: the rebuild failed with {errors} error(s); still serving the last good version"
    );
    let mut reporter = Reporter::new(&builder.root, Format::Human, false);
    let text: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| reporter.render(d))
        .collect();
    let text: Arc<str> = Arc::from(text.join("\n\n"));
    shared.set_error(text.clone());
    shared.broadcast(&Event::Error(text));
}
