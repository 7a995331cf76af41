//! `heropath build`: every handout and the public website, then a summary.

use crate::cli::Global;
use crate::cli::args::BuildArgs;
use crate::cli::report::{Ui, finish, tell_kept};
use heropath::build::{self, Options, Outcome};
use std::process::ExitCode;
use std::time::Instant;

/// Build, print the diagnostics and say what was written.
pub fn run(args: BuildArgs, g: &Global, ui: &Ui) -> ExitCode {
    let BuildArgs {
        out,
        handouts,
        base_url,
        drafts,
        public_only,
        strict,
        no_cache,
        pdf,
    } = args;
    let opts = Options {
        root: g.root.clone(),
        out,
        handouts,
        base_url,
        drafts,
        public_only,
        dry_run: false,
        strict,
        no_cache,
        progress: ui.progress_bar(),
        today: g.today,
        pdf,
        exiting: true,
    };
    let started = Instant::now();
    let report = build::build(&opts);
    let code = finish(&report, strict, ui);
    if let Some(dir) = build::previous_handouts(&opts, &report)
        && ui.format != heropath::base::report::Format::Json
    {
        let shown = dir.strip_prefix(&ui.root).unwrap_or(&dir);
        eprintln!(
            "heropath: the previous handouts in {}/ are unchanged: none of the edits since the last good build are in them",
            shown.display()
        );
        tell_kept(
            &build::kept_by_build(&opts, &report),
            "out of date, as their plans have errors",
            ui,
        );
    }
    if g.verbose {
        timings(&report, started, "build");
    }
    if let Some(e) = &report.cache_error
        && ui.chatty()
    {
        eprintln!(
            "heropath: note: could not save the build cache ({e}); the next build will do everything again"
        );
    }
    if report.wrote && ui.chatty() {
        written(&report, pdf);
    }
    exit_with(report);
    code
}

/// Let go of a build's report as the process is about to exit: freeing a
/// large clinic's diagnostics one by one (158,000 at 100,000 plans) took
/// 50 ms of one core; the operating system takes the memory back at once.
pub(crate) fn exit_with(report: Outcome) {
    std::mem::forget(report);
}

/// `--verbose`: each stage's time, then the whole run's (`what`: build
/// or check).
pub(crate) fn timings(report: &Outcome, started: Instant, what: &str) {
    for (stage, took) in &report.timings {
        eprintln!(
            "heropath: {stage:<28} {:>8.1} ms",
            took.as_secs_f64() * 1000.0
        );
    }
    eprintln!(
        "heropath: {what} took {} ms: {} handout(s) ({} unchanged, reused{}), {} public file(s){}, {} published stor{}, {} diagnostic(s)",
        started.elapsed().as_millis(),
        report.handouts,
        report.reused,
        match report.not_rendered {
            0 => String::new(),
            n => format!("; {n} more not rendered: heropath's own templates"),
        },
        report.public_files,
        if report.public_reused {
            " (unchanged, reused)"
        } else {
            ""
        },
        report.stories,
        if report.stories == 1 { "y" } else { "ies" },
        report.diagnostics.len()
    );
}

/// What was written where.
fn written(report: &Outcome, pdf: bool) {
    let mut msg = format!(
        "built {} public file(s) with {} published stor{}",
        report.public_files,
        report.stories,
        if report.stories == 1 { "y" } else { "ies" }
    );
    if let Some(p) = &report.public_dir {
        msg.push_str(&format!(" → {}", p.display()));
    }
    if let Some(h) = &report.handouts_dir {
        msg.push_str(&format!(
            "; {} handout(s) → {}",
            report.handouts,
            h.display()
        ));
        if pdf {
            msg.push_str(&format!(
                " ({} PDF(s) printed, the others unchanged)",
                report.printed
            ));
        }
    }
    eprintln!("{msg}");
    if !report.removed_pdfs.is_empty() {
        eprintln!(
            "removed PDF(s) heropath printed for plans that are gone: {}",
            report.removed_pdfs.join(", ")
        );
    }
}
