//! The YAML floor: how long `serde_yaml` alone takes to read a clinic's
//! plans into heropath's `Plan`, with nothing else of a build around it.
//!
//!     cargo run --release --example yaml_floor -- CLINIC_DIR [RUNS]
//!
//! Every plan file is read into memory first (not timed); then each run
//! parses all of them with `serde_yaml::from_str::<Plan>`, in parallel on
//! every core as the build does, and the median run is printed, with the
//! same on one thread. `benches/bench.sh` prints it beside the build's
//! timings: no build of that clinic can be faster than this while
//! serde_yaml is the parser (the project's choice; see issue 18).
//!
//! serde_yaml is used directly here, not through `content::yaml`, because
//! the point is to measure the crate alone.

use heropath::content::plan::Plan;
use rayon::prelude::*;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: yaml_floor CLINIC_DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let plans = std::path::Path::new(&dir).join("content/plans");
    let mut texts = Vec::new();
    for e in walkdir::WalkDir::new(&plans).sort_by_file_name() {
        let Ok(e) = e else { continue };
        let p = e.path();
        if e.file_type().is_file() && p.extension().is_some_and(|x| x == "yaml") {
            match std::fs::read_to_string(p) {
                Ok(t) => texts.push(t),
                Err(err) => eprintln!("yaml_floor: skipping {}: {err}", p.display()),
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let parse_all = || {
        texts
            .par_iter()
            .filter(|t| serde_yaml::from_str::<Plan>(t).is_ok())
            .count()
    };
    let all = median(runs, parse_all);
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .map(|pool| median(runs, || pool.install(parse_all)));
    println!(
        "serde_yaml floor: {} plans, {:.1} MB: {:.0} ms on {} thread(s){}",
        texts.len(),
        bytes as f64 / 1e6,
        ms(all.0),
        rayon::current_num_threads(),
        match one_thread {
            Ok((d, _)) => format!(", {:.0} ms on 1 thread", ms(d)),
            Err(_) => String::new(),
        }
    );
    if all.1 != texts.len() {
        println!(
            "note: {} of {} plans did not parse as a Plan",
            texts.len() - all.1,
            texts.len()
        );
    }
}

/// The median time of `runs` calls of `f`, and its last result.
fn median(runs: usize, f: impl Fn() -> usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut out = 0;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        out = f();
        times.push(t.elapsed());
    }
    times.sort();
    (times[times.len() / 2], out)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
