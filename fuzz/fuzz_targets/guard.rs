//! Fuzz the privacy guard's readers: any bytes, as any kind of public file
//! (the first byte picks the file name), must be scanned without a panic.
//! A theme's static file or template is hostile input like a plan: the
//! guard must read it or refuse it, never crash the build.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use heropath::build::{self, Options};
use heropath::stages::privacy::{Context, Guard};
use libfuzzer_sys::fuzz_target;

/// File names whose readers differ (by extension, and none).
const NAMES: [&str; 24] = [
    "a.html", "a.htm", "a.xml", "a.svg", "a.css", "a.js", "a.mjs", "a.json", "a.txt", "a.md",
    "a.vcf", "a.ics", "a.pdf", "a.png", "a.jpg", "a.gif", "a.webp", "a.zip", "a.gz",
    "a.woff2", "a.csv", "a.webmanifest", "a.xhtml", "a",
];

/// The guard over the sample clinic's plans, made once.
fn guard() -> &'static Guard {
    static GUARD: OnceLock<Guard> = OnceLock::new();
    GUARD.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let opts = Options {
            root,
            dry_run: true,
            ..Options::default()
        };
        let mut d = heropath::base::diag::Diagnostics::default();
        let p = build::prepare(&opts, &mut d).expect("the sample clinic prepares");
        let cx = Context {
            site: &p.clinic.site,
            published: Vec::new(),
            months: Vec::new(),
            today: p.today,
            stamp: None,
        };
        Guard::new(&p.clinic.plans, &cx)
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let _ = guard().scan(name, bytes);
});
