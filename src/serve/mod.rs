//! `heropath serve`: a local preview with live reload.
//!
//! The site is built into memory (the public pages go through a temporary
//! folder, as `build` writes them; handouts never touch the disk, so no copy
//! of a patient's plan is left behind if the server is killed). A watcher
//! rebuilds on save, re-rendering only what a change can affect (a plan
//! edit re-reads and re-checks only that plan, see [`crate::build::incremental`]),
//! and open tabs reload through server-sent events. A failed rebuild keeps serving
//! the last good pages and shows the diagnostics over the page.
//!
//! One job per file: `changes` (what a file change makes stale),
//! `watch` (file events, debounced), `builder` (building into memory),
//! `rebuild` (one step of the rebuild loop), `state` (what the threads
//! share), `http`, `request` and `response` (serving), `events` and
//! `overlay` (live reload). This file starts them.

mod builder;
mod changes;
mod events;
mod http;
mod overlay;
mod rebuild;
mod request;
mod response;
mod state;
mod watch;

#[cfg(test)]
mod tests;

pub use changes::{Dirty, classify};
pub use http::trusted_host;
pub use overlay::inject;
pub use request::{Target, parse_target};
pub use response::content_type;

use crate::base::diag::Diagnostic;
use builder::Builder;
use state::Shared;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

/// Where the live-reload events are served.
pub const EVENTS_PATH: &str = "/__heropath/events";

/// What to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The clinic folder.
    pub root: PathBuf,
    /// Port (0: any free port).
    pub port: u16,
    /// Address to listen on.
    pub bind: IpAddr,
    /// Open a browser once serving.
    pub open: bool,
    /// Include drafts.
    pub drafts: bool,
    /// `--today`: the day consent is judged against (`None`: the clock's).
    pub today: Option<crate::base::date::Date>,
    /// Print only errors.
    pub quiet: bool,
    /// Print per-stage timings and file counts.
    pub verbose: bool,
}

/// Run the preview server until the process is stopped. `print` shows
/// diagnostics in the terminal (it applies --quiet and --format).
pub fn run(opts: &ServeOptions, print: &dyn Fn(&[Diagnostic])) -> Result<(), String> {
    if !opts.root.join("site.yaml").is_file() {
        return Err(format!(
            "no site.yaml in {}: run heropath in a clinic folder, pass --root DIR, or create one with `heropath init`",
            opts.root.display()
        ));
    }
    let canon_root = opts
        .root
        .canonicalize()
        .map_err(|e| format!("cannot read {}: {e}", opts.root.display()))?;
    let (server, url) = listen(opts)?;
    let loopback_bind = opts.bind.is_loopback();

    let mut builder = Builder {
        root: opts.root.clone(),
        base_url: url.trim_end_matches('/').to_string(),
        drafts: opts.drafts,
        today: opts.today,
        verbose: opts.verbose,
        kept: None,
    };
    let shared = Arc::new(Shared::new(loopback_bind));

    // The first build, before anyone is told where to look.
    let mut pending = Dirty::everything();
    rebuild::rebuild(&mut builder, &shared, &mut pending, opts, print);

    let server = Arc::new(server);
    for _ in 0..4 {
        let (server, shared) = (server.clone(), shared.clone());
        std::thread::spawn(move || {
            while let Ok(rq) = server.recv() {
                http::handle(rq, &shared);
            }
        });
    }

    let mut watch = watch::Watch::start(&canon_root)?;
    announce(opts, &url, loopback_bind);
    if opts.open {
        open_browser(&url);
    }

    while let Some(dirty) = watch.next_change() {
        pending.merge(dirty);
        rebuild::rebuild(&mut builder, &shared, &mut pending, opts, print);
    }
    Ok(())
}

/// Start listening; the server and the URL to print (a wildcard address
/// shown as 127.0.0.1).
fn listen(opts: &ServeOptions) -> Result<(tiny_http::Server, String), String> {
    let server = tiny_http::Server::http(SocketAddr::new(opts.bind, opts.port)).map_err(|e| {
        format!(
            "cannot listen on {}: {e}",
            SocketAddr::new(opts.bind, opts.port)
        )
    })?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or("the server has no IP address")?;
    let host = if addr.ip().is_unspecified() {
        IpAddr::from([127, 0, 0, 1])
    } else {
        addr.ip()
    };
    let url = format!("http://{}/", SocketAddr::new(host, addr.port()));
    Ok((server, url))
}

/// Say where to look, and warn when other computers can.
fn announce(opts: &ServeOptions, url: &str, loopback_bind: bool) {
    if !opts.quiet {
        eprintln!("heropath: serving {url} (handouts: {url}handouts/); press Ctrl-C to stop");
        if !loopback_bind {
            eprintln!(
                "warning: listening on {} lets other computers see the public site. Handouts hold health information: they are served only to this computer.",
                opts.bind
            );
        }
    } else if !loopback_bind {
        eprintln!(
            "warning: listening on {}: handouts are served only to this computer",
            opts.bind
        );
    }
}

/// Open the preview in the default browser (through `opener`, as mdBook
/// does), or say where to open it.
fn open_browser(url: &str) {
    if opener::open_browser(url).is_err() {
        eprintln!("heropath: open {url} in your browser");
    }
}
