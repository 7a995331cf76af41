//! The command line's shape: every flag, argument and help text of
//! `heropath` and its subcommands (clap derive). Parsing only: what each
//! command does is in [`super::cmd`].

use clap::{Args, Parser, Subcommand};
use heropath::base::date::Date;
use heropath::base::report::Format;
use std::path::PathBuf;

/// heropath turns patient plans into take-home handouts and a clinic website.
#[derive(Parser)]
#[command(name = "heropath", version, about, long_about = None)]
pub struct Cli {
    /// The clinic folder (holding site.yaml). Default: the current folder;
    /// for `handout`, the nearest folder above the plan holding site.yaml.
    #[arg(long, global = true)]
    pub root: Option<PathBuf>,
    /// Print only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Print timings and file counts.
    #[arg(long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    /// How to print diagnostics: human (code frames), short (one line each), json (one object per line, on stdout).
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Judge consent, scheduled stories and date warnings as on this day
    /// (YYYY-MM-DD) instead of today's date by the clock.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<Date>,
    #[command(subcommand)]
    pub command: Command,
}

// The subcommands' help texts are the doc comments of these variants; the
// argument structs below carry no doc comment of their own, so that clap
// takes the variant's.
#[derive(Subcommand)]
pub enum Command {
    /// Build every handout and the public website.
    Build(BuildArgs),
    /// Run every check of a build and write nothing.
    Check(CheckArgs),
    /// Explain a diagnostic code (e.g. `heropath explain HP0501`): what
    /// triggers it, an example, and how to fix it. Without a code, list
    /// every code with its summary.
    Explain(ExplainArgs),
    /// Print the JSON Schema of a file format, for editors.
    Schema(SchemaArgs),
    /// Render one plan's handout.
    Handout(HandoutArgs),
    /// Start a clinic folder: settings, a sample plan, exercises and pages.
    Init(InitArgs),
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
    /// List the clinic's protocols (content/protocols/) and the plans made
    /// from each, naming those made from an older version to review.
    Protocols(ProtocolsArgs),
    /// Rewrite a file saved as ANSI/Windows-1252 or UTF-16 as UTF-8,
    /// printing each line it changes. Refuses a file that is UTF-8 already.
    FixEncoding(FixEncodingArgs),
    /// Preview the website and handouts in a browser, rebuilt on every save.
    Serve(ServeArgs),
}

// `heropath build`.
#[derive(Args)]
pub struct BuildArgs {
    /// Write the public website here instead of site.yaml's `output.public`.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write handouts here instead of site.yaml's `output.handouts`.
    #[arg(long)]
    pub handouts: Option<PathBuf>,
    /// Override site.yaml's `base_url` (for preview deployments): an
    /// absolute URL, e.g. https://acme.github.io/clinic/.
    #[arg(long, value_parser = parse_base_url)]
    pub base_url: Option<String>,
    /// Include plans and pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Build only the public website (no handouts): the CI path.
    #[arg(long)]
    pub public_only: bool,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// Parse, check and render every plan, ignoring what the last build
    /// cached in `.heropath-cache/` in the clinic folder (a new cache is
    /// still written).
    #[arg(long)]
    pub no_cache: bool,
    /// Also print every handout to PDF (with a local Chromium) beside
    /// its HTML; a PDF whose handout did not change is kept as it is.
    #[arg(long)]
    pub pdf: bool,
}

// `heropath check`.
#[derive(Args)]
pub struct CheckArgs {
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// Check every plan afresh, ignoring the last build's cache.
    #[arg(long)]
    pub no_cache: bool,
}

// `heropath protocols`.
#[derive(Args)]
pub struct ProtocolsArgs {
    /// Print the list as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

// `heropath explain`.
#[derive(Args)]
pub struct ExplainArgs {
    /// The code, e.g. HP0501 (or 501).
    pub code: Option<String>,
}

// `heropath schema`.
#[derive(Args)]
pub struct SchemaArgs {
    /// plan, exercise, site or story.
    #[arg(value_enum)]
    pub kind: heropath::content::schema::Kind,
}

// `heropath handout`.
#[derive(Args)]
pub struct HandoutArgs {
    /// The plan: its file from anywhere (e.g. my-clinic/content/plans/maria-lopez.yaml;
    /// the clinic folder is found above it) or its slug (maria-lopez).
    pub plan: PathBuf,
    /// Where to write the HTML (default: the handouts folder).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Also print it to PDF (beside the HTML) with a local Chromium.
    #[arg(long)]
    pub pdf: bool,
    /// Replace an existing --output file (and the PDF beside it) that
    /// heropath did not write. Never allowed inside content/, themes/,
    /// templates/, static/, schemas/, the cache, or over site.yaml.
    #[arg(long, requires = "output")]
    pub force: bool,
}

// `heropath init`.
#[derive(Args)]
pub struct InitArgs {
    /// The folder to fill (default: --root, the current folder).
    pub dir: Option<PathBuf>,
    /// Add the missing files to a folder that is not empty (existing files are never overwritten).
    #[arg(long)]
    pub force: bool,
}

// `heropath fix-encoding`.
#[derive(Args)]
pub struct FixEncodingArgs {
    /// The file, e.g. content/plans/maria-lopez.yaml (relative to
    /// --root when given).
    pub file: PathBuf,
}

// `heropath serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on. Other than 127.0.0.1 or ::1, other computers can see the public site (never the handouts).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in your browser.
    #[arg(long)]
    pub open: bool,
    /// Include plans and pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

/// What `heropath stories` does.
#[derive(Subcommand)]
pub enum StoriesWhat {
    /// Write each publishable story as a de-identified record,
    /// DIR/<slug>.yaml, for a website repository without plans.
    Export {
        /// The folder, e.g. ../website/content/stories (relative to --root).
        dir: PathBuf,
    },
}

/// What `heropath new` makes.
#[derive(Subcommand)]
pub enum NewWhat {
    /// A patient plan: content/plans/<name>.yaml.
    Plan {
        /// The patient's full name, e.g. "Maria Lopez".
        name: String,
        /// Start from the clinic's protocol content/protocols/<ID>.yaml: its
        /// steps, doses and responsibilities are copied in.
        #[arg(long, value_name = "ID", conflicts_with = "like")]
        protocol: Option<String>,
        /// Start from another patient's plan content/plans/<SLUG>.yaml: its
        /// programme is copied, nothing of that patient is.
        #[arg(long, value_name = "SLUG")]
        like: Option<String>,
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
