//! Stage benchmarks on a generated 1,000-plan clinic (issue 7).
//!
//! ```sh
//! cargo bench --bench stages                       # 1,000 plans
//! HEROPATH_BENCH_PLANS=10000 cargo bench --bench stages
//! ```
//!
//! The clinic is written once per run into a temporary folder by the same
//! generator as `examples/gen_clinic.rs` (seed 42, 200 exercises, a story
//! every 10th plan). `cargo test` never runs this file: it is a
//! `harness = false` bench target.

use heropath::base::diag::Diagnostics;
use heropath::build::{self, Options};
use std::path::Path;
use std::sync::OnceLock;

#[path = "../examples/gen_clinic.rs"]
#[allow(dead_code)]
mod gen_clinic;

/// The generated clinic, removed at the end of the run.
static CLINIC: OnceLock<tempfile::TempDir> = OnceLock::new();

fn main() {
    // Generate before timing anything.
    let _ = root();
    divan::main();
    // Statics are never dropped: remove the folder here.
    if let Some(dir) = CLINIC.get() {
        let _ = std::fs::remove_dir_all(dir.path());
    }
}

fn plans() -> usize {
    std::env::var("HEROPATH_BENCH_PLANS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000)
}

fn root() -> &'static Path {
    CLINIC
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let args = gen_clinic::Args::new(plans(), dir.path().to_path_buf());
            let s = gen_clinic::generate(&args).expect("generate the clinic");
            eprintln!(
                "bench clinic: {} plans, {} stories in {}",
                s.plans,
                s.stories,
                dir.path().display()
            );
            dir
        })
        .path()
}

fn opts(dry_run: bool) -> Options {
    Options {
        root: root().to_path_buf(),
        dry_run,
        ..Options::default()
    }
}

/// Stage 1: walk the folder and parse every file.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn load(b: divan::Bencher) {
    b.bench(|| {
        let mut d = Diagnostics::default();
        heropath::stages::load::load(root(), &mut d).expect("site.yaml")
    });
}

/// Load, cross-file checks and advice, themes and assets.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn prepare(b: divan::Bencher) {
    let o = opts(true);
    b.bench(|| {
        let mut d = Diagnostics::default();
        build::prepare(&o, &mut d).is_some()
    });
}

/// The whole build without writing (what `heropath check` does).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn build_dry_run(b: divan::Bencher) {
    let o = opts(true);
    b.bench(|| {
        let r = build::build(&o);
        assert!(!r.failed(), "{:?}", r.diagnostics.first());
        r.handouts
    });
}

/// The prepared clinic and its rendered public site, made once.
fn public_site() -> &'static (build::Prepared, Vec<heropath::base::output::RenderedFile>) {
    static SITE: OnceLock<(build::Prepared, Vec<heropath::base::output::RenderedFile>)> =
        OnceLock::new();
    SITE.get_or_init(|| {
        let mut d = Diagnostics::default();
        let p = build::prepare(&opts(true), &mut d).expect("prepared");
        let files = build::render_public(&p, false).files;
        (p, files)
    })
}

fn guard() -> heropath::stages::privacy::Guard {
    let (p, _) = public_site();
    let cx = heropath::stages::privacy::Context {
        site: &p.clinic.site,
        published: Vec::new(),
        months: Vec::new(),
        today: p.today,
        stamp: None,
    };
    heropath::stages::privacy::Guard::new(&p.clinic.plans, &cx)
}

/// The privacy guard: index every plan's identifiers.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn guard_index(b: divan::Bencher) {
    let _ = public_site();
    b.bench(guard);
}

/// The privacy guard: scan every public file (in parallel, as a build does).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn guard_scan(b: divan::Bencher) {
    use rayon::prelude::*;
    let (_, files) = public_site();
    let g = guard();
    b.bench(|| {
        files
            .par_iter()
            .map(|f| g.scan(&f.path, &f.bytes).hits.len())
            .sum::<usize>()
    });
}

/// The privacy guard, one thread: extraction and folding of every file.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn guard_extract_fold(b: divan::Bencher) {
    use heropath::stages::privacy::{extract, fold};
    let (_, files) = public_site();
    b.bench(|| {
        files
            .iter()
            .map(|f| {
                fold::Stream::build(&extract::extract(&f.path, &f.bytes).segments)
                    .toks
                    .len()
            })
            .sum::<usize>()
    });
}
