//! Watching the clinic folder: file events, debounced by
//! `notify-debouncer-full` (as mdBook and Zola debounce theirs), become a
//! [`Dirty`] saying what a burst of changes made stale. Knows nothing of
//! building or serving.

use super::changes::{Dirty, classify};
use notify::event::{CreateKind, RemoveKind};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, RecommendedCache};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Folders whose changes trigger a rebuild (plus `site.yaml`).
const WATCHED: [&str; 4] = ["content", "templates", "themes", "static"];

/// How long the files must be quiet before a rebuild: an editor's save
/// (temporary file, rename, permissions) lands within a few milliseconds,
/// and an edited handout should be back in well under 100 ms (watchexec
/// uses the same 50 ms).
const DEBOUNCE: Duration = Duration::from_millis(50);

type Debouncer = notify_debouncer_full::Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// The clinic folder's watcher: the root itself (for `site.yaml` and the
/// watched folders coming and going) and each folder of [`WATCHED`].
pub(super) struct Watch {
    debouncer: Debouncer,
    events: mpsc::Receiver<DebounceEventResult>,
    /// The canonical clinic folder (events carry canonical paths).
    root: PathBuf,
    /// The folders of [`WATCHED`] being watched.
    watched: BTreeSet<PathBuf>,
}

/// What one or more debounced bursts changed.
#[derive(Default)]
struct Burst {
    dirty: Dirty,
    /// A watched folder appeared, went away or was replaced (e.g. by git).
    dirs_changed: bool,
}

impl Watch {
    /// Start watching `root` (canonical).
    pub(super) fn start(root: &Path) -> Result<Watch, String> {
        let (tx, events) = mpsc::channel();
        let mut debouncer = notify_debouncer_full::new_debouncer(DEBOUNCE, None, tx)
            .map_err(|e| format!("cannot watch files: {e}"))?;
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        let mut watch = Watch {
            debouncer,
            events,
            root: root.to_path_buf(),
            watched: BTreeSet::new(),
        };
        watch.rewatch(true);
        Ok(watch)
    }

    /// Wait for the next change that makes something stale; `None` once
    /// the watcher has stopped.
    pub(super) fn next_change(&mut self) -> Option<Dirty> {
        loop {
            let mut burst = Burst::default();
            self.take(self.events.recv().ok()?, &mut burst);
            // Bursts that ended while the last build ran: one rebuild for all.
            while let Ok(more) = self.events.try_recv() {
                self.take(more, &mut burst);
            }
            if burst.dirs_changed {
                // A watched folder appeared, or was replaced (e.g. by git).
                self.rewatch(false);
                burst.dirty.full = true;
            }
            if !burst.dirty.is_empty() {
                return Some(burst.dirty);
            }
        }
    }

    /// Record what a debounced batch of events changed.
    fn take(&self, result: DebounceEventResult, burst: &mut Burst) {
        let events = match result {
            Ok(events) => events,
            Err(errors) => {
                for e in errors {
                    eprintln!("heropath: file watching error: {e}; rebuilding everything");
                }
                burst.dirty.full = true;
                return;
            }
        };
        for ev in &events {
            self.take_event(ev, burst);
        }
    }

    fn take_event(&self, ev: &DebouncedEvent, burst: &mut Burst) {
        // Reading a file (as every build does) is not a change.
        if matches!(ev.kind, EventKind::Access(_)) {
            return;
        }
        if ev.need_rescan() {
            // The watcher lost events: anything may have changed.
            burst.dirty.full = true;
            return;
        }
        let folder_event = matches!(
            ev.kind,
            EventKind::Create(CreateKind::Folder) | EventKind::Remove(RemoveKind::Folder)
        );
        for path in &ev.paths {
            let top = path
                .strip_prefix(&self.root)
                .ok()
                .and_then(|r| r.components().next())
                .map(|c| c.as_os_str().to_owned());
            if path.parent() == Some(self.root.as_path())
                && top.is_some_and(|t| WATCHED.iter().any(|w| t == *w))
            {
                burst.dirs_changed = true;
            }
            classify(
                &self.root,
                path,
                folder_event || path.is_dir(),
                &mut burst.dirty,
            );
        }
    }

    /// Watch each folder of [`WATCHED`] that exists (again: a folder that
    /// was deleted and made anew needs a fresh watch).
    fn rewatch(&mut self, first: bool) {
        for name in WATCHED {
            let dir = self.root.join(name);
            if self.watched.remove(&dir) {
                let _ = self.debouncer.unwatch(&dir);
            }
            if dir.is_dir() {
                match self.debouncer.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(dir);
                    }
                    Err(e) if first => eprintln!("warning: cannot watch {}: {e}", dir.display()),
                    Err(_) => {}
                }
            }
        }
    }
}
