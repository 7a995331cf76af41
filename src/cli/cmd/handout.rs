//! `heropath handout PLAN`: one plan's handout (and, with --pdf, its PDF),
//! the clinic folder found above the plan when `--root` is not given.

use crate::cli::Global;
use crate::cli::args::HandoutArgs;
use crate::cli::report::{Ui, finish, tell_kept};
use heropath::build::{self, Options};
use std::process::ExitCode;

/// Render (and print) the handout and say where it went.
pub fn run(args: HandoutArgs, g: &Global, mut ui: Ui) -> ExitCode {
    let found = match heropath::build::locate::plan(&args.plan, g.root_flag.as_deref()) {
        Ok(f) => f,
        Err(d) => {
            ui.print(&[*d]);
            return ExitCode::from(1);
        }
    };
    ui.root = found.root.clone();
    let opts = Options {
        root: found.root,
        today: g.today,
        ..Options::default()
    };
    let desk = build::Desk {
        output: args.output.as_deref(),
        pdf: args.pdf,
        force: args.force,
    };
    let (report, written) = build::one_handout(&opts, &found.plan, &desk);
    let mut code = finish(&report, false, &ui);
    if written.is_none() && report.failed() {
        let kept = build::kept_handout(&opts, &found.slug, args.output.as_deref());
        let what = if kept.len() == 1 {
            "the previous handout was kept and is out of date"
        } else {
            "the previous handout and its PDF were kept and are out of date"
        };
        tell_kept(&kept, what, &ui);
    }
    if let Some(w) = &written {
        if ui.chatty() {
            eprintln!("wrote {}", w.html.display());
        }
        if args.pdf {
            match build::print_handout(w) {
                Ok(p) if ui.chatty() => eprintln!("wrote {}", p.display()),
                Ok(_) => {}
                Err(e) => {
                    eprintln!("error: {e}");
                    code = ExitCode::from(1);
                }
            }
        }
    }
    code
}
