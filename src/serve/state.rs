//! What the preview serves, shared between the rebuild loop and the HTTP
//! threads: the last good build (a [`Snapshot`]), the last build error, and
//! the open live-reload connections. Knows nothing of HTTP or files.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, RwLock, mpsc};

/// One complete, good build, served from memory.
#[derive(Debug, Clone, Default)]
pub(super) struct Snapshot {
    /// Public files by path (`index.html`, `about/index.html`, …).
    pub(super) public: BTreeMap<String, Arc<[u8]>>,
    /// Handouts by file name (`maria-lopez.html`).
    pub(super) handouts: BTreeMap<String, Arc<[u8]>>,
    /// Slugs of plans that have a `story:` block.
    pub(super) stories: BTreeSet<String>,
    /// False until the first good build.
    pub(super) built: bool,
}

/// What an open tab is told.
#[derive(Debug, Clone)]
pub(super) enum Event {
    Ping,
    Reload,
    Error(Arc<str>),
}

/// The state every thread of the preview sees.
pub(super) struct Shared {
    pub(super) snap: RwLock<Arc<Snapshot>>,
    pub(super) error: RwLock<Option<Arc<str>>>,
    pub(super) clients: Mutex<Vec<mpsc::Sender<Event>>>,
    /// Handouts go only to clients on this computer.
    pub(super) loopback_bind: bool,
}

impl Shared {
    /// Nothing built yet, no error, no open tab.
    pub(super) fn new(loopback_bind: bool) -> Shared {
        Shared {
            snap: RwLock::new(Arc::new(Snapshot::default())),
            error: RwLock::new(None),
            clients: Mutex::new(Vec::new()),
            loopback_bind,
        }
    }

    pub(super) fn broadcast(&self, ev: &Event) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|tx| tx.send(ev.clone()).is_ok());
    }

    pub(super) fn snapshot(&self) -> Arc<Snapshot> {
        self.snap.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(super) fn current_error(&self) -> Option<Arc<str>> {
        self.error.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Serve `snap` from now on; the last error is over.
    pub(super) fn publish(&self, snap: Snapshot) {
        *self.snap.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snap);
        *self.error.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Remember a failed build's error (shown to tabs that connect later).
    pub(super) fn set_error(&self, text: Arc<str>) {
        *self.error.write().unwrap_or_else(|e| e.into_inner()) = Some(text);
    }
}
