//! What a build is asked to do ([`Options`]), the folders it writes, and
//! the day it judges consent against.

use super::*;

/// Told how far rendering the handouts has got, for a front end to show.
/// The library draws nothing itself: the CLI's implementation is a
/// progress bar on a terminal, `serve` passes none.
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// The number of handouts to render or reuse in all.
    fn start(&self, total: u64);
    /// One more handout is done.
    fn advance(&self);
    /// Every handout is done.
    fn finish(&self);
}

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The clinic folder.
    pub root: PathBuf,
    /// Override of the public folder.
    pub out: Option<PathBuf>,
    /// Override of the handouts folder.
    pub handouts: Option<PathBuf>,
    /// Override of `base_url`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Build only the public website.
    pub public_only: bool,
    /// Write nothing (check).
    pub dry_run: bool,
    /// Treat warnings as errors: write nothing when there are any.
    pub strict: bool,
    /// Ignore the build cache (see [`crate::build::cache`]): parse, check and
    /// render every plan. A new cache is still written.
    pub no_cache: bool,
    /// Told how far the handouts are (the CLI draws a bar on a terminal).
    pub progress: Option<std::sync::Arc<dyn Progress>>,
    /// The day to judge consent, scheduled publication and date warnings
    /// against (`--today`); `None`: the clock's ([`Date::clock_today`]).
    pub today: Option<Date>,
    /// Also print every handout to PDF (`build --pdf`); unchanged ones
    /// are kept as they were printed.
    pub pdf: bool,
    /// The caller exits once the build is done (the CLI): what the build
    /// read (tens of thousands of parsed plans) is then left for the
    /// operating system to reclaim at exit, not freed piece by piece while
    /// the report is laid out.
    pub exiting: bool,
}

impl Options {
    /// The day consent is judged against: `--today`, else the clock's.
    /// Never `SOURCE_DATE_EPOCH`, which would keep an expired or revoked
    /// story published until the next commit.
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(Date::clock_today)
    }
}

/// The day written into output where a date is needed and none is given
/// (a story without `published_on` is `updated` on it in the feed): the
/// day of `SOURCE_DATE_EPOCH` when set, so a rebuild is byte-identical,
/// else `today`, the day consent was judged against.
pub fn stamp_day(today: Date) -> Date {
    Date::source_date_epoch().unwrap_or(today)
}

/// The public and handouts folders, absolute.
pub fn dirs(opts: &Options, clinic: &Clinic) -> (PathBuf, PathBuf) {
    dirs_for(opts, &clinic.site)
}

/// The public and handouts folders of `site`, absolute.
fn dirs_for(opts: &Options, site: &crate::content::config::Site) -> (PathBuf, PathBuf) {
    let abs = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            opts.root.join(p)
        }
    };
    let public = opts
        .out
        .clone()
        .map_or_else(|| abs(Path::new(&site.output.public)), |p| abs(&p));
    let handouts = opts
        .handouts
        .clone()
        .map_or_else(|| abs(Path::new(&site.output.handouts)), |p| abs(&p));
    (public, handouts)
}
