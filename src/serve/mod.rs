//! `heropath serve`: a local preview with live reload.
//!
//! The site is built into memory (the public pages go through a temporary
//! folder, as `build` writes them; handouts never touch the disk, so no copy
//! of a patient's plan is left behind if the server is killed). A watcher
//! rebuilds on save, re-rendering only what a change can affect (a plan
//! edit re-reads and re-checks only that plan, see [`crate::build::incremental`]),
//! and open tabs reload through server-sent events. A failed rebuild keeps serving
//! the last good pages and shows the diagnostics over the page.

use crate::base::diag::{Diagnostic, Diagnostics, Severity};
use crate::base::report::{Format, Reporter};
use crate::build::incremental::Reload;
use crate::build::{self, Options};
use notify::event::{CreateKind, RemoveKind};
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::{Duration, Instant};

/// Where the live-reload events are served.
pub const EVENTS_PATH: &str = "/__heropath/events";

/// Folders whose changes trigger a rebuild (plus `site.yaml`).
const WATCHED: [&str; 4] = ["content", "templates", "themes", "static"];

/// At most this many open live-reload connections.
const MAX_EVENT_CLIENTS: usize = 256;

/// How long the files must be quiet before a rebuild: an editor's save
/// (temporary file, rename, permissions) lands within a few milliseconds,
/// and an edited handout should be back in well under 100 ms (watchexec
/// uses the same 50 ms).
const DEBOUNCE: Duration = Duration::from_millis(50);

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

/// The script added to every served HTML response (never to files on disk).
/// It renders build errors with `textContent` only.
const LIVE_SCRIPT: &str = r#"<script>/* heropath serve: live reload (only in the preview, never in built files) */
(function () {
  if (!window.EventSource) return;
  var id = "__heropath_overlay";
  var es = new EventSource("/__heropath/events");
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("build-error", function (e) {
    var box = document.getElementById(id);
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(25,25,25,.95);color:#fff;padding:1.5em;font:14px/1.5 ui-monospace,monospace;text-align:left";
      var title = document.createElement("p");
      title.style.cssText = "font:bold 18px/1.4 system-ui,sans-serif;margin:0 0 .5em";
      title.textContent = "heropath could not build your last change. You are seeing the last good version.";
      var hide = document.createElement("button");
      hide.type = "button";
      hide.textContent = "Hide";
      hide.onclick = function () { box.remove(); };
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:1em 0 0";
      box.appendChild(title);
      box.appendChild(hide);
      box.appendChild(pre);
      (document.body || document.documentElement).appendChild(box);
    }
    box.querySelector("pre").textContent = e.data;
  });
})();
</script>
"#;

// ------------------------------------------------------------------ state

/// One complete, good build, served from memory.
#[derive(Debug, Clone, Default)]
struct Snapshot {
    /// Public files by path (`index.html`, `about/index.html`, …).
    public: BTreeMap<String, Arc<[u8]>>,
    /// Handouts by file name (`maria-lopez.html`).
    handouts: BTreeMap<String, Arc<[u8]>>,
    /// Slugs of plans that have a `story:` block.
    stories: BTreeSet<String>,
    /// False until the first good build.
    built: bool,
}

#[derive(Debug, Clone)]
enum Event {
    Ping,
    Reload,
    Error(Arc<str>),
}

struct Shared {
    snap: RwLock<Arc<Snapshot>>,
    error: RwLock<Option<Arc<str>>>,
    clients: Mutex<Vec<mpsc::Sender<Event>>>,
    /// Handouts go only to clients on this computer.
    loopback_bind: bool,
}

impl Shared {
    fn broadcast(&self, ev: &Event) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|tx| tx.send(ev.clone()).is_ok());
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        self.snap.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn current_error(&self) -> Option<Arc<str>> {
        self.error.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

// ---------------------------------------------------------- what changed

/// What must be rebuilt, gathered from file events until a build succeeds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Dirty {
    /// Everything (site.yaml, templates, themes, static).
    pub full: bool,
    /// The public site (pages).
    pub public: bool,
    /// Every handout (the exercise library).
    pub all_handouts: bool,
    /// These plans (slugs): their handout, and the public site if they have
    /// or had a story.
    pub plans: BTreeSet<String>,
}

impl Dirty {
    fn everything() -> Dirty {
        Dirty {
            full: true,
            ..Dirty::default()
        }
    }

    /// Nothing to do.
    pub fn is_empty(&self) -> bool {
        *self == Dirty::default()
    }

    fn merge(&mut self, other: Dirty) {
        self.full |= other.full;
        self.public |= other.public;
        self.all_handouts |= other.all_handouts;
        self.plans.extend(other.plans);
    }

    fn describe(&self) -> String {
        if self.full {
            return "everything".into();
        }
        let mut parts = Vec::new();
        if self.all_handouts {
            parts.push("all handouts".to_string());
        }
        if self.public {
            parts.push("the public site".to_string());
        }
        if !self.plans.is_empty() && !self.all_handouts {
            parts.push(format!(
                "plan {}",
                self.plans.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        parts.join(", ")
    }
}

/// Record what a change to `path` (under the canonical clinic `root`) makes
/// stale; `folder` says the path is (or was) a folder. Editor backup and
/// swap files, hidden files and paths outside the watched folders are
/// ignored.
pub fn classify(root: &Path, path: &Path, folder: bool, dirty: &mut Dirty) {
    let Ok(rel) = path.strip_prefix(root) else {
        return;
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(name) = parts.last() else { return };
    let noise = parts.iter().any(|p| p.starts_with('.'))
        || name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".heropath-tmp"]
            .iter()
            .any(|x| name.ends_with(x));
    if noise {
        return;
    }
    let is_yaml = Path::new(name)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml"));
    match (parts[0].as_str(), parts.get(1).map(String::as_str)) {
        ("site.yaml", None) => dirty.full = true,
        ("templates" | "themes" | "static", _) => dirty.full = true,
        ("content", Some("plans")) if parts.len() > 2 => {
            if is_yaml {
                if let Some(stem) = Path::new(name).file_stem() {
                    dirty.plans.insert(stem.to_string_lossy().into_owned());
                }
            } else if folder {
                // A folder of plans appeared or went away.
                dirty.all_handouts = true;
                dirty.public = true;
            }
        }
        ("content", Some("plans")) => {
            dirty.all_handouts = true;
            dirty.public = true;
        }
        ("content", Some("exercises")) => dirty.all_handouts = true,
        ("content", Some("pages")) => dirty.public = true,
        ("content", _) => dirty.full = true,
        _ => {}
    }
}

// ---------------------------------------------------------------- builder

/// Builds into memory, incrementally.
struct Builder {
    /// The clinic root as the user gave it (diagnostics are relative to it).
    root: PathBuf,
    base_url: String,
    drafts: bool,
    /// `--today` (`None`: the clock's day, read at each rebuild).
    today: Option<crate::base::date::Date>,
    verbose: bool,
    /// The preparation of the last good build. An edit to plans alone is
    /// reloaded into it ([`build::Prepared::reload_plans`]) instead of
    /// loading and checking the whole clinic again. `None` until the first
    /// good build and after a failed one, so that the next build starts
    /// afresh; except when the reload itself found errors in the edited
    /// files, as it then leaves the preparation as it was.
    kept: Option<build::Prepared>,
}

/// What a good rebuild produced.
struct Built {
    snap: Snapshot,
    warnings: Vec<Diagnostic>,
    handouts_rendered: usize,
    public_rendered: Option<usize>,
    /// The new handouts were already served (through `early`) and the
    /// public site did not change since: open tabs have been reloaded.
    served_early: bool,
}

impl Builder {
    /// Build options; the public site goes to `tmp/public` (handouts are
    /// never written: `public_only`).
    fn options(&self, tmp: &Path) -> Options {
        Options {
            root: self.root.clone(),
            out: Some(tmp.join("public")),
            handouts: Some(tmp.join("handouts")),
            base_url: Some(self.base_url.clone()),
            drafts: self.drafts,
            public_only: true,
            dry_run: false,
            strict: false,
            // The last `build`'s cache speeds up the first load (plans and
            // their checks); serve only reads it, never writes it (a
            // public-only build saves no cache).
            no_cache: false,
            progress: None,
            today: self.today,
            pdf: false,
        }
    }

    fn stage(&self, what: &str, since: Instant) {
        if self.verbose {
            eprintln!("heropath:   {what} in {} ms", since.elapsed().as_millis());
        }
    }

    /// Load and check the whole clinic.
    fn prepare(&self, opts: &Options) -> Result<(build::Prepared, Diagnostics), Vec<Diagnostic>> {
        let mut diags = Diagnostics::default();
        let t = Instant::now();
        let Some(p) = build::prepare(opts, &mut diags) else {
            return Err(diags.sorted());
        };
        self.stage(
            &format!(
                "loaded and checked {} plan(s), {} exercise(s), {} page(s)",
                p.clinic.plans.len(),
                p.clinic.exercises.len(),
                p.clinic.pages.len()
            ),
            t,
        );
        Ok((p, diags))
    }

    /// Rebuild what `dirty` says on top of `prev`. The result is all or
    /// nothing, except that when only some handouts change they are handed
    /// to `early` as soon as they are rendered (in a snapshot with the
    /// public site of `prev`): the privacy scan of the public site, which
    /// must still pass for the build to be good, need not hold them back.
    fn rebuild(
        &mut self,
        dirty: &Dirty,
        prev: &Snapshot,
        early: &dyn Fn(Snapshot),
    ) -> Result<Built, Vec<Diagnostic>> {
        // Not created yet: only the public build writes, into a fresh one.
        let opts = self.options(&std::env::temp_dir().join("heropath-serve"));
        let everything = dirty.full || !prev.built;
        let plans_only = !everything && !dirty.all_handouts && !dirty.public;
        // Taken out for this build; put back only when it succeeds.
        let (p, mut diags) = match self.kept.take() {
            Some(mut p) if plans_only && !dirty.plans.is_empty() => {
                let t = Instant::now();
                match p.reload_plans(&opts, &dirty.plans) {
                    Reload::Done {
                        diagnostics,
                        reloaded,
                        removed,
                    } => {
                        let removed = match removed {
                            0 => String::new(),
                            n => format!(", removed {n}"),
                        };
                        self.stage(&format!("reloaded {reloaded} plan(s){removed}"), t);
                        let mut diags = Diagnostics::default();
                        diags.extend(diagnostics);
                        (p, diags)
                    }
                    Reload::Failed(d) => {
                        // The reload left `p` as it was (the last good
                        // build), so it can take the fixed file next time.
                        self.kept = Some(p);
                        return Err(d);
                    }
                    Reload::Full(why) => {
                        if self.verbose {
                            eprintln!("heropath:   loading everything: {why}");
                        }
                        self.prepare(&opts)?
                    }
                }
            }
            _ => self.prepare(&opts)?,
        };

        // Handouts: private, kept in memory only.
        let t = Instant::now();
        let mut handouts = prev.handouts.clone();
        let mut rendered = 0;
        let mut put =
            |handouts: &mut BTreeMap<String, Arc<[u8]>>,
             results: Vec<Result<crate::base::output::RenderedFile, Diagnostic>>| {
                for r in results {
                    match r {
                        Ok(o) => {
                            rendered += 1;
                            handouts.insert(o.path, Arc::from(o.bytes));
                        }
                        Err(d) => diags.push(d),
                    }
                }
            };
        if everything || dirty.all_handouts {
            handouts.clear();
            put(&mut handouts, build::render_handouts(&p, self.drafts, None));
        } else {
            for slug in &dirty.plans {
                // A deleted plan, or one turned into a draft, loses its handout.
                handouts.remove(&format!("{slug}.html"));
                put(
                    &mut handouts,
                    build::render_handouts(&p, self.drafts, Some(slug)),
                );
            }
        }
        if diags.has_errors() {
            return Err(diags.sorted());
        }
        self.stage(&format!("rendered {rendered} handout(s)"), t);
        // The site's look did not change, so the new handouts can be shown
        // with the public pages being served. `stories` stays that of the
        // public pages served: it says which plans they were built from.
        let served_early = !everything;
        if served_early {
            early(Snapshot {
                public: prev.public.clone(),
                handouts: handouts.clone(),
                stories: prev.stories.clone(),
                built: true,
            });
        }

        // The public site: only when a change can reach it.
        let stories: BTreeSet<String> = p
            .clinic
            .plans
            .iter()
            .filter(|s| s.value.story.is_some())
            .map(|s| s.slug.clone())
            .collect();
        let story_touched = dirty
            .plans
            .iter()
            .any(|s| stories.contains(s) || prev.stories.contains(s));
        let mut public_rendered = None;
        let public = if everything || dirty.public || story_touched {
            let t = Instant::now();
            let built = build::render_public(&p, self.drafts);
            diags.extend(built.diagnostics);
            if diags.has_errors() {
                return Err(diags.sorted());
            }
            let files: BTreeMap<String, Arc<[u8]>> = built
                .files
                .into_iter()
                .map(|o| (o.path, Arc::from(o.bytes)))
                .collect();
            public_rendered = Some(files.len());
            self.stage(
                &format!("built the public site ({} file(s))", files.len()),
                t,
            );
            files
        } else {
            // The public pages did not change, but this plan's name, phone
            // or dates may now appear in them: run the privacy guard again.
            let t = Instant::now();
            let files: Vec<crate::base::output::RenderedFile> = prev
                .public
                .iter()
                .map(|(path, bytes)| crate::base::output::RenderedFile {
                    path: path.clone(),
                    bytes: bytes.to_vec(),
                })
                .collect();
            diags.extend(build::privacy_check(&p, &files));
            if diags.has_errors() {
                return Err(diags.sorted());
            }
            self.stage("privacy scan of the public site", t);
            prev.public.clone()
        };
        self.kept = Some(p);
        Ok(Built {
            snap: Snapshot {
                public,
                handouts,
                stories,
                built: true,
            },
            warnings: diags.sorted(),
            handouts_rendered: rendered,
            served_early: served_early && public_rendered.is_none(),
            public_rendered,
        })
    }
}

// ----------------------------------------------------------------- server

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
    let loopback_bind = opts.bind.is_loopback();

    let mut builder = Builder {
        root: opts.root.clone(),
        base_url: url.trim_end_matches('/').to_string(),
        drafts: opts.drafts,
        today: opts.today,
        verbose: opts.verbose,
        kept: None,
    };
    let shared = Arc::new(Shared {
        snap: RwLock::new(Arc::new(Snapshot::default())),
        error: RwLock::new(None),
        clients: Mutex::new(Vec::new()),
        loopback_bind,
    });

    // The first build, before anyone is told where to look.
    let mut pending = Dirty::everything();
    rebuild(&mut builder, &shared, &mut pending, opts, print);

    let server = Arc::new(server);
    for _ in 0..4 {
        let (server, shared) = (server.clone(), shared.clone());
        std::thread::spawn(move || {
            while let Ok(rq) = server.recv() {
                handle(rq, &shared);
            }
        });
    }

    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher =
        notify::recommended_watcher(tx).map_err(|e| format!("cannot watch files: {e}"))?;
    watcher
        .watch(&canon_root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", canon_root.display()))?;
    let mut watched = BTreeSet::new();
    rewatch(&mut watcher, &canon_root, &mut watched, true);

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
    if opts.open {
        open_browser(&url);
    }

    let mut dirty = Dirty::default();
    let mut dirs_changed = false;
    let mut last_change = Instant::now();
    loop {
        // Wait for a change; once one came, gather the rest of the burst
        // until the files have been quiet for DEBOUNCE.
        let got = if dirty.is_empty() && !dirs_changed {
            rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected)
        } else {
            match DEBOUNCE.checked_sub(last_change.elapsed()) {
                Some(left) if !left.is_zero() => rx.recv_timeout(left),
                _ => Err(mpsc::RecvTimeoutError::Timeout),
            }
        };
        match got {
            Ok(Ok(ev)) => {
                // Reading a file (as every build does) is not a change.
                if matches!(ev.kind, EventKind::Access(_)) {
                    continue;
                }
                let before = (dirty.clone(), dirs_changed);
                let folder_event = matches!(
                    ev.kind,
                    EventKind::Create(CreateKind::Folder) | EventKind::Remove(RemoveKind::Folder)
                );
                for path in &ev.paths {
                    let top = path
                        .strip_prefix(&canon_root)
                        .ok()
                        .and_then(|r| r.components().next())
                        .map(|c| c.as_os_str().to_owned());
                    if path.parent() == Some(canon_root.as_path())
                        && top.is_some_and(|t| WATCHED.iter().any(|w| t == *w))
                    {
                        dirs_changed = true;
                    }
                    classify(&canon_root, path, folder_event || path.is_dir(), &mut dirty);
                }
                if before != (dirty.clone(), dirs_changed) {
                    last_change = Instant::now();
                }
            }
            Ok(Err(e)) => {
                eprintln!("heropath: file watching error: {e}; rebuilding everything");
                dirty.full = true;
                last_change = Instant::now();
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if dirs_changed {
                    // A watched folder appeared, or was replaced (e.g. by git).
                    rewatch(&mut watcher, &canon_root, &mut watched, false);
                    dirty.full = true;
                    dirs_changed = false;
                }
                if !dirty.is_empty() {
                    pending.merge(std::mem::take(&mut dirty));
                    rebuild(&mut builder, &shared, &mut pending, opts, print);
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

/// Watch each folder of [`WATCHED`] that exists (again: a folder that was
/// deleted and made anew needs a fresh watch).
fn rewatch(watcher: &mut impl Watcher, root: &Path, watched: &mut BTreeSet<PathBuf>, first: bool) {
    for name in WATCHED {
        let dir = root.join(name);
        if watched.remove(&dir) {
            let _ = watcher.unwatch(&dir);
        }
        if dir.is_dir() {
            match watcher.watch(&dir, RecursiveMode::Recursive) {
                Ok(()) => {
                    watched.insert(dir);
                }
                Err(e) if first => eprintln!("warning: cannot watch {}: {e}", dir.display()),
                Err(_) => {}
            }
        }
    }
}

/// Rebuild what `pending` says; on success clear it, swap the snapshot and
/// reload open tabs (new handouts may be swapped in first, see
/// [`Builder::rebuild`]); on failure keep pending and show the errors.
fn rebuild(
    builder: &mut Builder,
    shared: &Shared,
    pending: &mut Dirty,
    opts: &ServeOptions,
    print: &dyn Fn(&[Diagnostic]),
) {
    let t = Instant::now();
    let what = pending.describe();
    let prev = shared.snapshot();
    let publish = |snap: Snapshot| {
        *shared.snap.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snap);
        *shared.error.write().unwrap_or_else(|e| e.into_inner()) = None;
    };
    // New handouts, served before the rest of the build is done.
    let early = |snap: Snapshot| {
        publish(snap);
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
            let n = built.snap.public.len();
            publish(built.snap);
            // Not again when the tabs already reloaded for the new
            // handouts and nothing else changed since.
            if !built.served_early {
                shared.broadcast(&Event::Reload);
            }
            print(&built.warnings);
            *pending = Dirty::default();
            if !opts.quiet {
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
        }
        Err(diags) => {
            print(&diags);
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
            *shared.error.write().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
            shared.broadcast(&Event::Error(text));
        }
    }
}

fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = cmd
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        eprintln!("heropath: open {url} in your browser");
    }
}

// --------------------------------------------------------------- requests

/// A decoded request path, split into safe segments.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Segments (never `.`, `..` or empty) and whether the path ended in `/`.
    Path(Vec<String>, bool),
    /// A path that tries to leave the site, or is not valid.
    Refused,
}

/// Decode and check the path of a request URL (query and fragment dropped).
pub fn parse_target(url: &str) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Target::Refused;
    }
    let Some(decoded) = percent_decode(path) else {
        return Target::Refused;
    };
    if decoded.contains(['\\', '\0']) {
        return Target::Refused;
    }
    let mut segs = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" => {}
            "." | ".." => return Target::Refused,
            s => segs.push(s.to_string()),
        }
    }
    Target::Path(segs, decoded.ends_with('/'))
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file name.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" if path.ends_with("atom.xml") => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Add the live-reload script to an HTML document (before `</body>`).
pub fn inject(html: &[u8]) -> Vec<u8> {
    let lower = html.to_ascii_lowercase();
    let at = lower
        .windows(7)
        .rposition(|w| w == b"</body>")
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + LIVE_SCRIPT.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(LIVE_SCRIPT.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn respond(rq: tiny_http::Request, status: u16, path_for_type: &str, body: &[u8]) {
    let ct = content_type(path_for_type);
    let body = if ct.starts_with("text/html") {
        inject(body)
    } else {
        body.to_vec()
    };
    let resp = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ct))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    let _ = rq.respond(resp);
}

fn plain(rq: tiny_http::Request, status: u16, text: &str) {
    let resp = tiny_http::Response::from_string(text)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"));
    let _ = rq.respond(resp);
}

fn redirect(rq: tiny_http::Request, to: &str) {
    let resp = tiny_http::Response::empty(302)
        .with_header(header("Location", to))
        .with_header(header("Cache-Control", "no-store"));
    let _ = rq.respond(resp);
}

fn page(title: &str, body_html: &str) -> Vec<u8> {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{t}</title></head>\n<body style=\"font:16px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em\">\n<h1>{t}</h1>\n{body_html}\n</body></html>\n",
        t = escape(title)
    )
    .into_bytes()
}

fn handle(rq: tiny_http::Request, shared: &Arc<Shared>) {
    use tiny_http::Method;
    if !matches!(rq.method(), Method::Get | Method::Head) {
        return plain(rq, 405, "Only GET and HEAD are supported.\n");
    }
    let url = rq.url().to_string();
    let (segs, slash) = match parse_target(&url) {
        Target::Path(s, slash) => (s, slash),
        Target::Refused => return plain(rq, 400, "Bad request: that path is not allowed.\n"),
    };
    // Handouts and build errors (which quote plan files) are private.
    let private_ok = private_ok(&rq, shared.loopback_bind);
    if segs.len() == 2 && url.split('?').next() == Some(EVENTS_PATH) {
        return events(rq, shared, private_ok);
    }
    let snap = shared.snapshot();
    if !snap.built {
        let msg = match shared.current_error() {
            None => "The site is being built.".to_string(),
            Some(e) if private_ok => e.to_string(),
            Some(_) => PRIVATE_ERROR.to_string(),
        };
        let body = page(
            "heropath could not build the site yet",
            &format!(
                "<p>Fix the problems below and save: this page reloads by itself.</p>\n<pre style=\"white-space:pre-wrap\">{}</pre>",
                escape(&msg)
            ),
        );
        return respond(rq, 503, "status.html", &body);
    }
    let query = url
        .split_once('?')
        .map(|(_, q)| format!("?{q}"))
        .unwrap_or_default();
    let raw_path = url.split(['?', '#']).next().unwrap_or("/").to_string();

    if segs.first().map(String::as_str) == Some("handouts") {
        if !private_ok {
            return plain(
                rq,
                403,
                "Handouts hold health information: they are shown only on the computer running heropath.\n",
            );
        }
        return match segs.len() {
            1 if !slash => redirect(rq, &format!("{raw_path}/{query}")),
            1 => {
                let items: String = snap
                    .handouts
                    .keys()
                    .map(|f| {
                        format!(
                            "<li><a href=\"{0}\">{1}</a></li>\n",
                            escape(f),
                            escape(f.trim_end_matches(".html"))
                        )
                    })
                    .collect();
                let body = if items.is_empty() {
                    "<p>No handouts yet: add a plan to content/plans/.</p>".to_string()
                } else {
                    format!("<ul>\n{items}</ul>")
                };
                respond(rq, 200, "index.html", &page("Handouts (private)", &body))
            }
            2 => {
                let name = &segs[1];
                let file = if name.contains('.') {
                    name.clone()
                } else {
                    format!("{name}.html")
                };
                match snap.handouts.get(&file) {
                    Some(b) => respond(rq, 200, &file, b),
                    None => not_found(rq, &snap),
                }
            }
            _ => not_found(rq, &snap),
        };
    }

    let key = segs.join("/");
    let file = if slash || key.is_empty() {
        if key.is_empty() {
            "index.html".to_string()
        } else {
            format!("{key}/index.html")
        }
    } else {
        key.clone()
    };
    if let Some(b) = snap.public.get(&file) {
        return respond(rq, 200, &file, b);
    }
    if !slash && snap.public.contains_key(&format!("{key}/index.html")) {
        return redirect(rq, &format!("{raw_path}/{query}"));
    }
    not_found(rq, &snap)
}

fn not_found(rq: tiny_http::Request, snap: &Snapshot) {
    match snap.public.get("404.html") {
        Some(b) => respond(rq, 404, "404.html", b),
        None => plain(rq, 404, "Not found.\n"),
    }
}

/// Server-sent events: `reload` after a good rebuild, `build-error` (with
/// the diagnostics as text) after a failed one, and at once on connecting
/// while the last build failed.
/// What other computers see instead of a build error.
const PRIVATE_ERROR: &str =
    "The last change did not build: the details are shown on the computer running heropath.";

/// May this request see private things (handouts, build errors)? Only from
/// this computer, and only when addressed by an IP address or `localhost`:
/// a web page that points its own domain at 127.0.0.1 (DNS rebinding) is
/// refused.
fn private_ok(rq: &tiny_http::Request, loopback_bind: bool) -> bool {
    let local = loopback_bind
        || rq
            .remote_addr()
            .is_some_and(|a| a.ip().to_canonical().is_loopback());
    let host = rq
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    local && host.as_deref().is_some_and(trusted_host)
}

/// Is a `Host` header an IP address or `localhost` (with any port)?
pub fn trusted_host(host: &str) -> bool {
    let host = host.trim();
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(h, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                host
            }
        })
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok()
}

fn events(rq: tiny_http::Request, shared: &Arc<Shared>, private_ok: bool) {
    let (tx, rx) = mpsc::channel();
    {
        let mut clients = shared.clients.lock().unwrap_or_else(|e| e.into_inner());
        // Drop connections whose tab has gone (a ping to a live one is harmless).
        clients.retain(|c| c.send(Event::Ping).is_ok());
        if clients.len() >= MAX_EVENT_CLIENTS {
            drop(clients);
            return plain(rq, 503, "Too many live-reload connections.\n");
        }
        clients.push(tx);
    }
    let current = shared.current_error();
    std::thread::spawn(move || {
        let mut w = rq.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\nX-Accel-Buffering: no\r\n\r\nretry: 1000\n\n";
        if w.write_all(head.as_bytes())
            .and_then(|_| w.flush())
            .is_err()
        {
            return;
        }
        let shown = |ev: Event| match ev {
            Event::Error(_) if !private_ok => Event::Error(Arc::from(PRIVATE_ERROR)),
            ev => ev,
        };
        if let Some(e) = current
            && send_event(&mut w, &shown(Event::Error(e))).is_err()
        {
            return;
        }
        loop {
            let res = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(ev) => send_event(&mut w, &shown(ev)),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    w.write_all(b": ping\n\n").and_then(|_| w.flush())
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if res.is_err() {
                return;
            }
        }
    });
}

/// The wire form of an event.
fn event_text(ev: &Event) -> String {
    match ev {
        Event::Ping => ": ping\n\n".to_string(),
        Event::Reload => "event: reload\ndata: reload\n\n".to_string(),
        Event::Error(text) => {
            let mut s = String::from("event: build-error\n");
            for line in text.split('\n') {
                s.push_str("data: ");
                s.push_str(line.trim_end_matches('\r'));
                s.push('\n');
            }
            s.push('\n');
            s
        }
    }
}

fn send_event(w: &mut dyn std::io::Write, ev: &Event) -> std::io::Result<()> {
    w.write_all(event_text(ev).as_bytes())?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_traversal() {
        assert_eq!(
            parse_target("/about/"),
            Target::Path(vec!["about".into()], true)
        );
        assert_eq!(
            parse_target("/a%20b.css?x=1"),
            Target::Path(vec!["a b.css".into()], false)
        );
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/x",
            "/a/..%2fb",
            "/a%5c..%5cb",
            "/x%00",
            "relative",
            "/%zz",
        ] {
            assert_eq!(parse_target(bad), Target::Refused, "{bad}");
        }
    }

    #[test]
    fn classifies_changes() {
        let root = Path::new("/clinic");
        let mut d = Dirty::default();
        classify(
            root,
            &root.join("content/plans/maria-lopez.yaml"),
            false,
            &mut d,
        );
        classify(
            root,
            &root.join("content/plans/.maria-lopez.yaml.swp"),
            false,
            &mut d,
        );
        classify(
            root,
            &root.join("content/plans/maria-lopez.yaml~"),
            false,
            &mut d,
        );
        classify(root, &root.join("public/index.html"), false, &mut d);
        classify(root, &root.join("content/plans/sedAb12Cd"), false, &mut d);
        assert_eq!(
            d,
            Dirty {
                plans: BTreeSet::from(["maria-lopez".to_string()]),
                ..Dirty::default()
            }
        );
        let mut d = Dirty::default();
        classify(root, &root.join("content/pages/about.md"), false, &mut d);
        assert!(d.public && !d.full && !d.all_handouts);
        let mut d = Dirty::default();
        classify(
            root,
            &root.join("content/exercises/images/a.svg"),
            false,
            &mut d,
        );
        assert!(d.all_handouts && !d.public);
        for p in [
            "site.yaml",
            "templates/base.html",
            "themes/default/static/style.css",
            "static/logo.svg",
        ] {
            let mut d = Dirty::default();
            classify(root, &root.join(p), false, &mut d);
            assert!(d.full, "{p}");
        }
    }

    #[test]
    fn injects_before_body_end_and_events_are_line_safe() {
        let out = String::from_utf8(inject(b"<html><BODY>x</BODY></html>")).unwrap();
        assert!(out.find("<script>").unwrap() < out.find("</BODY>").unwrap());
        let ev = event_text(&Event::Error(Arc::from("a\nb\r\n<c>")));
        assert_eq!(ev, "event: build-error\ndata: a\ndata: b\ndata: <c>\n\n");
        assert_eq!(content_type("x/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("a.svg"), "image/svg+xml");
        for ok in [
            "127.0.0.1:1111",
            "localhost:8080",
            "[::1]:1111",
            "LOCALHOST",
            "192.168.1.5:1111",
        ] {
            assert!(trusted_host(ok), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "evil.example",
            "127.0.0.1.evil.example:1111",
            "",
        ] {
            assert!(!trusted_host(bad), "{bad}");
        }
    }
}
