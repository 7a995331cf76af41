//! The `heropath` command line: parses arguments and dispatches.

use clap::{Parser, Subcommand};
use heropath::base::date::Date;
use heropath::base::diag::Diagnostic;
use heropath::base::report::{Format, Reporter};
use heropath::build::{self, Options, Outcome};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// heropath turns patient plans into take-home handouts and a clinic website.
#[derive(Parser)]
#[command(name = "heropath", version, about, long_about = None)]
struct Cli {
    /// The clinic folder (holding site.yaml). Default: the current folder;
    /// for `handout`, the nearest folder above the plan holding site.yaml.
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    /// Print only errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Print timings and file counts.
    #[arg(long, global = true, conflicts_with = "quiet")]
    verbose: bool,
    /// How to print diagnostics: human (code frames), short (one line each), json (one object per line, on stdout).
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Judge consent, scheduled stories and date warnings as on this day
    /// (YYYY-MM-DD) instead of today's date by the clock.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    today: Option<Date>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build every handout and the public website.
    Build {
        /// Write the public website here instead of site.yaml's `output.public`.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write handouts here instead of site.yaml's `output.handouts`.
        #[arg(long)]
        handouts: Option<PathBuf>,
        /// Override site.yaml's `base_url` (for preview deployments): an
        /// absolute URL, e.g. https://acme.github.io/clinic/.
        #[arg(long, value_parser = parse_base_url)]
        base_url: Option<String>,
        /// Include plans and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Build only the public website (no handouts): the CI path.
        #[arg(long)]
        public_only: bool,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Parse, check and render every plan, ignoring what the last build
        /// cached in `.heropath-cache/` in the clinic folder (a new cache is
        /// still written).
        #[arg(long)]
        no_cache: bool,
        /// Also print every handout to PDF (with a local Chromium) beside
        /// its HTML; a PDF whose handout did not change is kept as it is.
        #[arg(long)]
        pdf: bool,
    },
    /// Run every check of a build and write nothing.
    Check {
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Check every plan afresh, ignoring the last build's cache.
        #[arg(long)]
        no_cache: bool,
    },
    /// Explain a diagnostic code (e.g. `heropath explain HP0501`): what
    /// triggers it, an example, and how to fix it. Without a code, list
    /// every code with its summary.
    Explain {
        /// The code, e.g. HP0501 (or 501).
        code: Option<String>,
    },
    /// Print the JSON Schema of a file format, for editors.
    Schema {
        /// plan, exercise, site or story.
        #[arg(value_enum)]
        kind: heropath::content::schema::Kind,
    },
    /// Render one plan's handout.
    Handout {
        /// The plan: its file from anywhere (e.g. my-clinic/content/plans/maria-lopez.yaml;
        /// the clinic folder is found above it) or its slug (maria-lopez).
        plan: PathBuf,
        /// Where to write the HTML (default: the handouts folder).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Also print it to PDF (beside the HTML) with a local Chromium.
        #[arg(long)]
        pdf: bool,
    },
    /// Start a clinic folder: settings, a sample plan, exercises and pages.
    Init {
        /// The folder to fill (default: --root, the current folder).
        dir: Option<PathBuf>,
        /// Add the missing files to a folder that is not empty (existing files are never overwritten).
        #[arg(long)]
        force: bool,
    },
    /// Work with the public success stories.
    Stories {
        #[command(subcommand)]
        what: StoriesWhat,
    },
    /// Add a plan, exercise or page from a commented template.
    New {
        #[command(subcommand)]
        what: NewWhat,
    },
    /// Rewrite a file saved as ANSI/Windows-1252 as UTF-8, printing each
    /// line it changes. Refuses a file that is UTF-8 already.
    FixEncoding {
        /// The file, e.g. content/plans/maria-lopez.yaml (relative to
        /// --root when given).
        file: PathBuf,
    },
    /// Preview the website and handouts in a browser, rebuilt on every save.
    Serve {
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on. Other than 127.0.0.1 or ::1, other computers can see the public site (never the handouts).
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in your browser.
        #[arg(long)]
        open: bool,
        /// Include plans and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
}

/// What `heropath stories` does.
#[derive(Subcommand)]
enum StoriesWhat {
    /// Write each publishable story as a de-identified record,
    /// DIR/<slug>.yaml, for a website repository without plans.
    Export {
        /// The folder, e.g. ../website/content/stories (relative to --root).
        dir: PathBuf,
    },
}

/// What `heropath new` makes.
#[derive(Subcommand)]
enum NewWhat {
    /// A patient plan: content/plans/<name>.yaml.
    Plan {
        /// The patient's full name, e.g. "Maria Lopez".
        name: String,
    },
    /// A library exercise: content/exercises/<name>.yaml.
    Exercise {
        /// The exercise's name, e.g. "Wall slide".
        name: String,
    },
    /// A website page: content/pages/<title>.md.
    Page {
        /// The page's title, e.g. "Our team".
        title: String,
    },
}

/// `--today`: strictly `YYYY-MM-DD`, a real calendar day.
fn parse_day(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| {
        format!("`{s}` is not a date written YYYY-MM-DD (a real day, e.g. 2026-11-26)")
    })
}

/// `--base-url`: an absolute http(s) URL (see [`heropath::content::config::check_base_url`]).
fn parse_base_url(s: &str) -> Result<String, String> {
    heropath::content::config::check_base_url(s)
        .map(|()| s.to_string())
        .map_err(|e| {
            format!(
                "{e} (for example https://www.example-pt.test or https://acme.github.io/clinic/)"
            )
        })
}

/// How diagnostics are printed for this run.
struct Ui {
    root: PathBuf,
    format: Format,
    quiet: bool,
    /// The command writes files (every one but `check`): a failure says
    /// that nothing was written.
    writes: bool,
}

impl Ui {
    /// A progress bar for long builds: only on a terminal, never with
    /// --quiet or JSON output (indicatif also hides it when not a TTY).
    fn progress_bar(&self) -> Option<indicatif::ProgressBar> {
        if !self.chatty() || !std::io::stderr().is_terminal() {
            return None;
        }
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} rendering handouts [{bar:30}] {pos}/{len}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        Some(indicatif::ProgressBar::new(0).with_style(style))
    }

    /// Print progress and summaries (not in JSON mode, not with --quiet).
    fn chatty(&self) -> bool {
        !self.quiet && self.format != Format::Json
    }

    fn print(&self, diags: &[Diagnostic]) {
        let color = std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        let mut reporter = Reporter::new(&self.root, self.format, color);
        for d in diags {
            if self.quiet
                && self.format != Format::Json
                && d.severity != heropath::base::diag::Severity::Error
            {
                continue;
            }
            let text = reporter.render(d);
            if self.format == Format::Json {
                println!("{text}");
            } else {
                eprintln!("{text}");
            }
        }
    }
}

fn finish(report: &Outcome, strict: bool, ui: &Ui) -> ExitCode {
    ui.print(&report.diagnostics);
    let errors = report.failed();
    let warnings = report.diagnostics.len()
        - report
            .diagnostics
            .iter()
            .filter(|d| d.severity == heropath::base::diag::Severity::Error)
            .count();
    if errors || (strict && warnings > 0) {
        let (e, w) = (report.diagnostics.len() - warnings, warnings);
        if ui.format != Format::Json {
            let tail = if ui.writes {
                "; nothing was written"
            } else {
                ""
            };
            eprintln!("heropath: failed with {e} error(s) and {w} warning(s){tail}");
        }
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `heropath stories export DIR`: export, then say what was written.
fn export_stories(opts: &Options, dir: &std::path::Path, ui: &Ui) -> ExitCode {
    let done = heropath::build::export::export(opts, dir);
    let report = Outcome {
        diagnostics: done.diagnostics,
        ..Outcome::default()
    };
    let code = finish(&report, false, ui);
    if code == ExitCode::SUCCESS && ui.chatty() {
        let n = done.written.len();
        eprintln!(
            "exported {n} stor{} → {}{}",
            if n == 1 { "y" } else { "ies" },
            done.dir.display(),
            match done.removed.len() {
                0 => String::new(),
                r => format!(
                    "; removed {r} no longer public: {}",
                    done.removed.join(", ")
                ),
            }
        );
    }
    code
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root_flag = cli.root.clone();
    let root = root_flag.clone().unwrap_or_else(|| PathBuf::from("."));
    let mut ui = Ui {
        root: root.clone(),
        format: cli.format,
        quiet: cli.quiet,
        writes: !matches!(cli.command, Command::Check { .. }),
    };
    let verbose = cli.verbose;
    let today = cli.today;
    let day = today.unwrap_or_else(Date::clock_today);
    match cli.command {
        Command::Build {
            out,
            handouts,
            base_url,
            drafts,
            public_only,
            strict,
            no_cache,
            pdf,
        } => {
            let opts = Options {
                root,
                out,
                handouts,
                base_url,
                drafts,
                public_only,
                dry_run: false,
                strict,
                no_cache,
                progress: ui.progress_bar(),
                today,
                pdf,
            };
            let started = std::time::Instant::now();
            let report = build::build(&opts);
            let code = finish(&report, strict, &ui);
            if verbose {
                for (stage, took) in &report.timings {
                    eprintln!(
                        "heropath: {stage:<28} {:>8.1} ms",
                        took.as_secs_f64() * 1000.0
                    );
                }
            }
            if verbose {
                eprintln!(
                    "heropath: build took {} ms: {} handout(s) ({} unchanged, reused), {} public file(s){}, {} published stor{}, {} diagnostic(s)",
                    started.elapsed().as_millis(),
                    report.handouts,
                    report.reused,
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
            if let Some(e) = &report.cache_error
                && ui.chatty()
            {
                eprintln!(
                    "heropath: note: could not save the build cache ({e}); the next build will do everything again"
                );
            }
            if report.wrote && ui.chatty() {
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
            code
        }
        Command::Check { strict, no_cache } => {
            let report = build::check(&Options {
                root,
                no_cache,
                today,
                progress: ui.progress_bar(),
                ..Options::default()
            });
            let code = finish(&report, strict, &ui);
            if code == ExitCode::SUCCESS && ui.chatty() {
                eprintln!(
                    "heropath: all checks passed ({} warning(s))",
                    report.diagnostics.len()
                );
            }
            code
        }
        Command::Init { dir, force } => {
            let dir = dir.unwrap_or(root);
            match heropath::build::scaffold::init(&dir, force, day) {
                Ok(r) => {
                    if !ui.quiet {
                        for f in &r.created {
                            eprintln!("  created {}", f.display());
                        }
                        for f in &r.skipped {
                            eprintln!(
                                "  skipped {} (it already exists; left as it was)",
                                f.display()
                            );
                        }
                        eprintln!(
                            "heropath: your clinic folder is ready in {}. Next:\n  heropath --root {0} serve    preview with live reload\n  heropath --root {0} build    write public/ and handouts/\n  heropath --root {0} new plan \"Full Name\"",
                            dir.display()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::New { what } => {
            use heropath::build::scaffold::{Kind, ScaffoldError};
            let (kind, name) = match what {
                NewWhat::Plan { name } => (Kind::Plan, name),
                NewWhat::Exercise { name } => (Kind::Exercise, name),
                NewWhat::Page { title } => (Kind::Page, title),
            };
            match heropath::build::scaffold::new_item(&root, kind, &name, day) {
                Ok(rel) => {
                    if !ui.quiet {
                        eprintln!("created {}", root.join(rel).display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(if matches!(e, ScaffoldError::BadName(_)) {
                        2
                    } else {
                        1
                    })
                }
            }
        }
        Command::Serve {
            port,
            bind,
            open,
            drafts,
        } => {
            let opts = heropath::serve::ServeOptions {
                root,
                port,
                bind,
                open,
                drafts,
                today,
                quiet: ui.quiet,
                verbose,
            };
            match heropath::serve::run(&opts, &|d| ui.print(d)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Stories {
            what: StoriesWhat::Export { dir },
        } => {
            let opts = Options {
                root,
                today,
                ..Options::default()
            };
            export_stories(&opts, &dir, &ui)
        }
        Command::FixEncoding { file } => {
            let path = match &root_flag {
                Some(r) if file.is_relative() => r.join(&file),
                _ => file,
            };
            match heropath::base::encoding::fix_file(&path) {
                Ok(changed) => {
                    for c in &changed {
                        let chars: String = c.chars.iter().collect();
                        println!("line {}: {} → {}   ({chars})", c.line, c.old, c.new);
                    }
                    if !ui.quiet {
                        eprintln!(
                            "heropath: rewrote {} as UTF-8 ({} line(s) changed)",
                            path.display(),
                            changed.len()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Explain { code } => explain(code.as_deref()),
        Command::Schema { kind } => {
            print!("{}", heropath::content::schema::schema(kind));
            ExitCode::SUCCESS
        }
        Command::Handout { plan, output, pdf } => {
            let found = match heropath::build::locate::plan(&plan, root_flag.as_deref()) {
                Ok(f) => f,
                Err(d) => {
                    ui.print(&[*d]);
                    return ExitCode::from(1);
                }
            };
            ui.root = found.root.clone();
            let opts = Options {
                root: found.root,
                today,
                ..Options::default()
            };
            let (report, written) = build::one_handout(&opts, &found.plan, output.as_deref());
            let mut code = finish(&report, false, &ui);
            if let Some(w) = &written {
                if ui.chatty() {
                    eprintln!("wrote {}", w.html.display());
                }
                if pdf {
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
    }
}

// mimalloc: parsing and rendering allocate many small strings; it makes a
// full 10,000-plan build about 15% faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `heropath explain [CODE]`.
fn explain(code: Option<&str>) -> ExitCode {
    use heropath::base::diag::Code;
    let Some(text) = code else {
        for c in Code::ALL {
            println!("{c}  {}", c.summary());
        }
        return ExitCode::SUCCESS;
    };
    match Code::parse(text) {
        Some(c) => {
            print!("{}", c.explanation());
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "error: `{text}` is not a heropath diagnostic code\n  = help: codes look like HP0501; `heropath explain` lists them all"
            );
            ExitCode::from(2)
        }
    }
}
